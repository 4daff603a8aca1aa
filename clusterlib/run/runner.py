"""Render every step notebook for every province into HTML reports, in parallel processes.

``run(["Çorum"], ["sector_selection"])`` checks every argument first (provinces, steps, language,
the notebooks' parameters and the values given for them, the output folder, the data files) so
that a typo or a bad file fails in a second, once, before any kernel starts.  It then executes
each (language, province, step) notebook with papermill in a pool of worker processes (or on a
Dask cluster with ``scheduler=``), publishes the HTML report of each step that succeeded, and
writes the ``index.html`` grid and a machine-readable ``run.json`` in ``out_dir``.

Layout of ``out_dir``::

    index.html                         grid of the run's (first) language (links into <lang>/)
    run.json                           summary of the last run
    <lang>/index.html                  the same grid, inside the language folder
    <lang>/status.json                 latest state of every (province, step) in that language
    <lang>/knowledge_base.html, ...    pages of the post-run hooks (:mod:`clusterlib.run.hooks`)
    <lang>/<province>/<step>.html      one report per step (+ .xlsx); <province> is e.g. "kahramanmaras"

Each report is complete on its own (plotly.js is inline), so it can be e-mailed; reports name the
data folder by its last part and its version, never by a path of the machine.  Executed notebooks go to
``<processed_dir>/executed/<lang>/<plate>_<step>.ipynb``; those of failed steps, with a ``.log``
holding the error and traceback, to ``…/<lang>/failed/``.

Stopping a run (Ctrl-C, SIGTERM) stops the workers and their kernels, records the unfinished
tasks as interrupted in the index and ``run.json``, removes temporary files and the temporary
kernel folder, and raises :class:`RunInterrupted`.  Killing the runner (SIGKILL) kills its workers
and their kernels with it.

A report whose inputs did not change since it was rendered (:mod:`clusterlib.run.freshness`)
is not rendered again but listed as ``up_to_date``; ``force=True`` renders it anyway.  The
kernels share the analyses' results through :mod:`clusterlib.resultcache`
(``<processed_dir>/results``), so every language of a (province, step) uses one computation where
the result is language-free.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import LANGUAGES, NOTEBOOKS_DIR, PROCESSED_DIR, RAW_DIR, REPORTS_DIR, SAMPLE_DIR
from clusterlib.data.version import data_version, short_version
from clusterlib.regions import Province
from clusterlib.resultcache import prune as prune_results
from clusterlib.run.caches import check_data, run_caches
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.files import sweep_temporary_files
from clusterlib.run.forkserver import SharedKernelServer
from clusterlib.run.freshness import report_fingerprint, up_to_date
from clusterlib.run.hooks import import_ahead, run_hooks
from clusterlib.run.index import local_now, write_index, write_run_json
from clusterlib.run.kernels import KERNEL_NAME, kernel_dir
from clusterlib.run.outdir import check_out_dir, mark_report_folder
from clusterlib.run.parameters import check_contract
from clusterlib.run.plan import check_dir, check_jobs, parameter_plan, resolve_provinces
from clusterlib.run.pool import RunInterrupted, StartedWorkers, run_pool
from clusterlib.run.results import RunResult, RunSummary, result_of
from clusterlib.run.steps import discover_steps, resolve_steps, step_weight

__all__ = ["RunInterrupted", "check_data", "run", "run_caches"]


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Any:
    """Within the block, SIGTERM stops the run like Ctrl-C (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _planned(
    languages: Sequence[str], out: Path, steps: Sequence[Any], provinces: Sequence[Province], version: str,
    labels: Mapping[str, str], generated: Any, data: Path, force: bool,
) -> list[RunSummary]:
    """What the run will hand its post-run hooks, one per language, before any report exists
    (``results`` empty): for the hooks' ``ahead`` steps (:func:`clusterlib.run.hooks.import_ahead`)."""
    return [
        RunSummary(out_dir=out, lang=code, results=(), steps=tuple(steps), provinces=tuple(provinces),
                   data_version=version, data_source=labels[code], generated=generated.isoformat(),
                   data_dir=data, info={"forced": force})
        for code in languages
    ]  # fmt: skip


def run(
    provinces: Iterable[str | int | Province] | str,
    steps: Iterable[str] | str | None = None,
    *,
    lang: str | Sequence[str] = i18n.DEFAULT_LANGUAGE,
    out_dir: str | os.PathLike[str] = REPORTS_DIR,
    jobs: int | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    notebooks_dir: str | os.PathLike[str] = NOTEBOOKS_DIR,
    processed_dir: str | os.PathLike[str] | None = None,
    timeout: float | None = 1800,
    progress: bool = True,
    params: Mapping[str, Any] | None = None,
    step_params: Mapping[str, Mapping[str, Any]] | None = None,
    province_params: Mapping[str | int, Mapping[str, Any]] | None = None,
    scheduler: str | None = None,
    validate_data: bool = True,
    preload_kernels: bool = True,
    force: bool = False,
) -> list[RunResult]:
    """Render the step notebooks of each province into HTML reports.

    Parameters
    ----------
    provinces : names or codes, ``"pilots"`` or ``"all"``
        Any spelling :func:`clusterlib.province` accepts.
    steps : step ids, numbers or notebook stems, optional
        Default: every ``NN_<step>.ipynb`` in ``notebooks_dir``, in ``NN`` order.
    lang : {"tr", "en"} or a list of them, default "tr"
    out_dir : path, default ``config.REPORTS_DIR``
        Not ``/``, not inside ``data/raw/``, the notebooks or the data folder; must be writable.
    jobs : int, optional
        Notebooks run at once, each in its own process; default the number of cores.  Capped by
        memory (:data:`GB_PER_REPORT` per report); a lowered request is said on stderr.
    data_dir : path, optional
        The user's data instead of the bundled sample (``config.SAMPLE_DIR``).
    notebooks_dir : path, default ``config.NOTEBOOKS_DIR``
    processed_dir : path, optional
        Passed to the notebooks and home of the executed notebooks; default
        ``config.PROCESSED_DIR``.
    timeout : float or None, default 1800
        Seconds a single cell may run.
    progress : bool, default True
        Show a progress bar with done, failed and time left (on terminals only).
    params, step_params, province_params : mappings, optional
        Notebook parameters for every step that has them, per step id, per province; checked
        against each notebook's ``parameters`` cell before any kernel starts.  The most specific
        wins (province over step over run-wide).
    scheduler : str, optional
        Address of a ``dask.distributed`` scheduler (``tcp://host:8786``) to run the same tasks
        on; default the local process pool.
    validate_data : bool, default True
        Read and validate every input table of ``data_dir`` once before any notebook starts.
    preload_kernels : bool, default True
        Fork each notebook's kernel from a server process (one per worker) that has clusterlib,
        pandas, scipy and plotly already imported (:mod:`clusterlib.run.forkserver`, through the kernel
        provisioner :mod:`clusterlib.run.provisioner`): still a
        new process and an empty namespace per notebook, about 1 s sooner.  False starts every
        kernel from scratch.  Where ``fork`` is not available kernels always start from scratch.

    Returns
    -------
    list of RunResult
        One per (language, province, step), in that order.

    Raises
    ------
    clusterlib.UnknownProvinceError, ValueError, FileNotFoundError, NotebookContractError
        Before any notebook runs, for an unknown province, step, language or parameter, a
        missing directory or a step notebook that breaks the parameter contract.
    clusterlib.data.DataValidationError
        Before any notebook runs, for a bad data file (once, whatever the number of provinces).
    RunInterrupted
        When the run was stopped (Ctrl-C, SIGTERM); ``err.results`` holds every outcome, and the
        index and ``run.json`` were written.
    """
    languages = [lang] if isinstance(lang, str) else list(lang)
    languages = list(dict.fromkeys(i18n.check_language(x) for x in languages))
    if not languages:
        raise ValueError(f"'lang' is empty; choose among {list(LANGUAGES)}")
    chosen = resolve_provinces(provinces)
    nb_dir = check_dir(notebooks_dir, "notebooks_dir")
    selected = resolve_steps(steps, discover_steps(nb_dir))
    for step in selected:
        check_contract(step)
    overrides = parameter_plan(
        selected,
        chosen,
        params=params or {},
        step_params=step_params or {},
        province_params=province_params or {},
    )
    data = check_dir(data_dir if data_dir is not None else SAMPLE_DIR, "data_dir")
    processed = Path(processed_dir if processed_dir is not None else PROCESSED_DIR).expanduser().resolve()
    jobs = check_jobs(jobs, scheduler=scheduler, say=_say)
    out = check_out_dir(
        Path(out_dir),
        forbidden={"data/raw/": RAW_DIR, "the notebooks folder": nb_dir, "the data folder": data},
        force=force,
    )
    mark_report_folder(out)
    started = time.perf_counter()
    generated = local_now()
    version = data_version(data)
    is_sample = data == SAMPLE_DIR.resolve()
    labels = {
        x: i18n.t("data.sample" if is_sample else "data.user", x)
        + f" ({data.name}, {short_version(version)})"
        for x in languages
    }
    tasks = [
        ReportTask(
            province=item.name,
            plate=item.plate,
            step=step.id,
            notebook=str(step.path),
            lang=code,
            parameters=(
                parameters := {
                    **overrides(item, step),
                    "province": item.name,
                    "lang": code,
                    "data_dir": str(data),
                    "processed_dir": str(processed),
                }
            ),
            report=str(out / code / item.slug / f"{step.id}.html"),
            executed=str(processed / "executed" / code / f"{item.plate:02d}_{step.id}.ipynb"),
            failed_dir=str(processed / "executed" / code / "failed"),
            generated=generated.isoformat(),
            data_source=labels[code],
            data_version=version,
            jupyter_path="",  # set below for the tasks that run
            kernel_name=KERNEL_NAME,
            timeout=timeout,
            preloaded_kernel=preload_kernels,
            result_cache=str(processed / "results"),
            fingerprint=report_fingerprint(
                step=step.id,
                notebook=step.path,
                plate=item.plate,
                lang=code,
                parameters=parameters,
                data_dir=data,
                data_source=f"{is_sample} {data.name}",  # not the version: only the tables it reads
            ),
        )
        for code in languages
        for item in chosen
        for step in selected
    ]
    weight = {step.id: step_weight(step) for step in selected}
    fresh = {} if force else up_to_date(tasks, out)  # reports that nothing they depend on changed
    # each language's longest steps first (fewer workers idle at the end); languages in turn, so a
    # second language finds its analyses in the result cache
    order = {code: k for k, code in enumerate(languages)}
    todo = sorted(
        (i for i in range(len(tasks)) if i not in fresh),
        key=lambda i: (order[tasks[i].lang], -weight[tasks[i].step], i),
    )
    # the workers start (imports, kernel server) while the data are validated below
    log_dir = processed / "executed" / "logs"
    count = min(jobs, len(todo))
    # one kernel server for the run's workers, importing while the data are validated
    shared = SharedKernelServer() if preload_kernels and scheduler is None and todo else None
    local = scheduler is None and bool(todo)
    ahead = StartedWorkers(count, log_dir, preload=preload_kernels and shared is None) if local else None
    kernels: str | None = None
    importing: threading.Thread | None = None
    ran: list[TaskOutcome] = []
    interrupted: RunInterrupted | None = None
    try:
        table_cache = check_data(data, processed / "cache") if validate_data and todo else None
        kernels = kernel_dir(preloaded=preload_kernels) if todo else None
        server = shared.path() if shared is not None else None
        if server and table_cache:  # every kernel forked afterwards finds the tables in memory
            shared.hold_tables(  # type: ignore[union-attr]
                data, table_cache, languages=tuple(languages), steps=tuple(step.id for step in selected)
            )
        running = [
            replace(
                tasks[i],
                jupyter_path=kernels,
                table_cache=str(table_cache) if table_cache else None,
                kernel_server=server,
            )
            for i in todo
        ]
        try:
            with _sigterm_as_interrupt():
                if not running:
                    ran = []
                elif scheduler is not None:
                    from clusterlib.run.scheduler import run_on_scheduler

                    ran = run_on_scheduler(running, scheduler, progress=progress)
                else:  # what the post-run pages need (imports, files no report changes), while the reports run
                    importing = import_ahead(_planned(languages, out, selected, chosen, version, labels,
                                                      generated, data, force))
                    ran = run_pool(running, jobs=jobs, progress=progress, log_dir=log_dir, started=ahead)
        except RunInterrupted as err:
            interrupted = err
            ran = err.outcomes
        finally:
            if importing is not None:  # its files are written (or not begun) before the sweep
                importing.join()
            if kernels is not None:
                shutil.rmtree(kernels, ignore_errors=True)
            sweep_temporary_files(processed, out)
            prune_results(processed / "results")  # entries of another clusterlib source: unreachable
    finally:
        if ahead is not None:
            ahead.close()  # the workers the pool did not take: the run ended before its first task
        if shared is not None:
            shared.close()
    outcomes: list[TaskOutcome] = [fresh.get(i) or TaskOutcome(status="not_run") for i in range(len(tasks))]
    for i, outcome in zip(todo, ran, strict=True):
        outcomes[i] = outcome

    results = [result_of(task, outcome) for task, outcome in zip(tasks, outcomes, strict=True)]
    info = {
        "date": generated.isoformat(),
        "lang": languages[0],
        "languages": languages,
        "data_source": labels[languages[0]],
        "data_folder": data.name,
        "data_version": version,
        "jobs": jobs,
        "scheduler": scheduler,
        "seconds": round(time.perf_counter() - started, 3),
        "stopped": interrupted is not None,  # Ctrl-C or SIGTERM
        "forced": force,
        "parameters": {
            "run": dict(params or {}),
            "steps": {k: dict(v) for k, v in (step_params or {}).items()},
            "provinces": {str(k): dict(v) for k, v in (province_params or {}).items()},
        },
    }
    hooked: list[dict[str, Any]] = []
    info["post_run"] = hooked  # what each post-run hook wrote, or why it failed (run.json)
    for code in reversed(languages):  # the first language's grid ends up as out/index.html
        # the pages first, so that the index links the ones written
        mine = [r for r in results if r.lang == code]
        pending = [(t, o) for t, o in zip(tasks, outcomes, strict=True) if t.lang == code and not o.recorded]
        with run_caches(processed):  # the hooks reuse the tables and results the kernels had
            hooked[:0] = [outcome.to_dict() for outcome in run_hooks(
                RunSummary(
                    out_dir=out,
                    lang=code,
                    results=tuple(mine),
                    steps=tuple(selected),
                    provinces=tuple(chosen),
                    data_version=version,
                    data_source=labels[code],
                    generated=generated.isoformat(),
                    data_dir=data,
                    info=info,
                )
            )]  # fmt: skip
        write_index(out, lang=code, results=mine, steps=selected, run={**info, "lang": code}, pending=pending)
    write_run_json(out, info, results, selected)
    if interrupted is not None:
        interrupted.results = results  # type: ignore[attr-defined]
        raise interrupted
    return results
