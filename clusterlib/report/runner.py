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
    <lang>/knowledge_base.html         the initiatives of Türkiye, national.html and info_spot_*.html
    <lang>/<province>/<step>.html      one report per step; <province> is e.g. "kahramanmaras"
    <lang>/<province>/assets/plotly.min.js

Each province folder is complete on its own (its reports load plotly.js from ``assets/``), so it
can be zipped and e-mailed; reports name the data folder by its last part and its version, never
by a path of the machine.  Executed notebooks go to
``<processed_dir>/executed/<lang>/<plate>_<step>.ipynb``; those of failed steps, with a ``.log``
holding the error and traceback, to ``…/<lang>/failed/``.

Stopping a run (Ctrl-C, SIGTERM) stops the workers and their kernels, records the unfinished
tasks as interrupted in the index and ``run.json``, removes temporary files and the temporary
kernel folder, and raises :class:`RunInterrupted`.  Killing the runner (SIGKILL) kills its workers
and their kernels with it.

A report whose inputs did not change since it was rendered (:mod:`clusterlib.report.freshness`)
is not rendered again but listed as ``up_to_date``; ``force=True`` renders it anyway.  The
kernels share the analyses' results through :mod:`clusterlib.resultcache`
(``<processed_dir>/results``), so every language of a (province, step) uses one computation where
the result is language-free.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from clusterlib import i18n, regions
from clusterlib.config import LANGUAGES, NOTEBOOKS_DIR, PROCESSED_DIR, RAW_DIR, REPORTS_DIR, SAMPLE_DIR
from clusterlib.regions import PILOT_PROVINCES, Province, province
from clusterlib.report import _forkkernel
from clusterlib.report._files import data_version, link_or_copy, short_version, sweep_temporary_files
from clusterlib.report._pool import RunInterrupted, StartedWorkers, run_pool
from clusterlib.report.contracts import ReportTask, TaskOutcome
from clusterlib.report.freshness import report_fingerprint, up_to_date
from clusterlib.report.index import local_now, write_index, write_run_json
from clusterlib.report.outdir import check_out_dir, mark_report_folder
from clusterlib.report.steps import (
    REQUIRED_PARAMETERS,
    NotebookContractError,
    Step,
    check_contract,
    check_parameters,
    discover_steps,
    notebook_parameters,
    resolve_steps,
)

__all__ = [
    "GB_PER_REPORT",
    "KERNEL_NAME",
    "POST_RUN_PAGES",
    "RunInterrupted",
    "RunResult",
    "RunSummary",
    "default_jobs",
    "memory_jobs",
    "monitoring_pages",
    "plotly_js_path",
    "resolve_provinces",
    "run",
]

#: Kernel name of the step notebooks; the runner points it at the current interpreter.
KERNEL_NAME = "python3"
#: Memory one report needs at its peak (a worker and its kernel), in GB; caps ``jobs``.
GB_PER_REPORT = 0.5


@dataclass(frozen=True)
class RunResult:
    """Outcome of one (province, step) notebook."""

    province: str
    plate: int
    step: str
    status: str  # "ok", "up_to_date", "failed", "interrupted" or "not_run"
    seconds: float
    output: Path | None  # the published report (None when the step failed)
    executed: Path | None  # the executed notebook (in failed/ when the step failed)
    error: str | None = None  # "ZeroDivisionError: division by zero"
    cell: int | None = None  # 1-based position of the failing cell in the step notebook
    exec_count: int | None = None  # its execution count, as in "In [7]"
    source: str | None = None  # first lines of the failing cell
    log: Path | None = None  # error log with the traceback
    attempts: int = 1
    lang: str = i18n.DEFAULT_LANGUAGE

    @property
    def ok(self) -> bool:
        """True when the report was published, or is up to date."""
        return self.status in ("ok", "up_to_date")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (paths as strings)."""
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class RunSummary:
    """What a finished run hands to the :data:`POST_RUN_PAGES` writers."""

    out_dir: Path
    lang: str
    results: tuple[RunResult, ...]
    steps: tuple[Step, ...]
    provinces: tuple[Province, ...]
    data_version: str
    data_source: str
    generated: str
    data_dir: Path | None = None  # local folder of the tables (never shown in a report)
    info: dict[str, Any] = field(default_factory=dict)


def monitoring_pages(summary: RunSummary) -> list[Path] | None:
    """The knowledge-base and info-spot pages of :mod:`clusterlib.monitoring` and the national overview of
    :mod:`clusterlib.national` (``<out>/<lang>/national.html`` and the 81 ``provinces/<slug>.html``),
    written after runs that include the monitoring step."""
    if not any("monitoring" in step.id for step in summary.steps):
        return None
    try:
        from clusterlib.monitoring import write_run_pages
        from clusterlib.national import write_national_pages
    except ImportError:  # the monitoring step is not installed
        return None
    written = write_run_pages(summary.out_dir, lang=summary.lang, data_dir=summary.data_dir)
    return written + write_national_pages(summary.out_dir, lang=summary.lang, data_dir=summary.data_dir)


#: Pages written after each language of a run (before its index, which links them): callables
#: ``writer(summary) -> path(s) | None``, by default the national overview of
#: :func:`monitoring_pages`.  A writer that raises is reported on stderr and does not fail the run.
POST_RUN_PAGES: list[Callable[[RunSummary], Any]] = [monitoring_pages]


def default_jobs() -> int:
    """Number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def memory_jobs(available_bytes: int | None = None) -> int:
    """Reports that fit in the available memory at :data:`GB_PER_REPORT` each (at least 1).

    Examples
    --------
    >>> memory_jobs(3 * 2**30), memory_jobs(100)
    (6, 1)
    """
    if available_bytes is None:
        import psutil

        available_bytes = psutil.virtual_memory().available
    return max(1, int(available_bytes // int(GB_PER_REPORT * 2**30)))


def plotly_js_path() -> Path:
    """The ``plotly.min.js`` shipped inside the installed plotly package."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package at {path}")
    return path


def resolve_provinces(keys: Iterable[str | int | Province] | str | int | Province) -> list[Province]:
    """Provinces from names or codes in any spelling, ``"pilots"`` (the five pilots) or ``"all"``.

    Comma-separated strings are split; duplicates are dropped; the order is kept.

    Raises
    ------
    clusterlib.UnknownProvinceError
        For a key that is not a province; the message suggests the closest names.
    ValueError
        When no province is given.

    Examples
    --------
    >>> [p.name for p in resolve_provinces(["corum", "TR-61, 27", "Çorum"])]
    ['Çorum', 'Trabzon', 'Gaziantep']
    >>> len(resolve_provinces("pilots")), len(resolve_provinces("all"))
    (5, 81)
    """
    if isinstance(keys, (str, int, Province)):
        keys = [keys]
    found: dict[int, Province] = {}
    for raw in keys:
        parts = [p.strip() for p in raw.split(",")] if isinstance(raw, str) else [raw]
        for key in parts:
            if isinstance(key, str) and key.lower() in ("pilots", "pilot"):
                chosen = [province(name) for name in PILOT_PROVINCES]
            elif isinstance(key, str) and key.lower() == "all":
                chosen = [province(int(p)) for p in regions.provinces()["plate"]]
            elif key == "":
                continue
            else:
                chosen = [province(key)]
            for item in chosen:
                found.setdefault(item.plate, item)
    if not found:
        raise ValueError("'provinces' is empty; give province names or codes, 'pilots' or 'all'")
    return list(found.values())


def _kernel_dir(*, fork_launcher: bool = True) -> str:
    """A Jupyter data dir with a ``python3`` kernel spec that runs *this* interpreter: through the
    fork launcher (a fresh ipykernel, forked from the worker's kernel server when there is one), or
    with ``fork_launcher=False`` as ``python -m ipykernel_launcher`` always starts it."""
    root = Path(tempfile.mkdtemp(prefix="clusterlib-kernel-"))
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    command = [str(Path(_forkkernel.__file__))] if fork_launcher else ["-m", "ipykernel_launcher"]
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, *command, "-f", "{connection_file}"],
                "display_name": f"Python 3 ({sys.prefix})",
                "language": "python",
                "metadata": {"debugger": False},
            }
        ),
        encoding="utf-8",
    )
    return str(root)


def _check_jobs(jobs: object, *, scheduler: str | None, say: Callable[[str], None]) -> int:
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"'jobs' must be a positive integer, got {jobs!r}")
    if scheduler is not None:
        return jobs or 0  # the cluster decides
    wanted = jobs if jobs is not None else default_jobs()
    cap = memory_jobs()
    if wanted > cap:
        if jobs is not None:
            say(
                f"--jobs {jobs} lowered to {cap}: the available memory holds {cap} reports "
                f"at about {GB_PER_REPORT:g} GB each"
            )
        return cap
    return wanted


def _check_dir(path: str | os.PathLike[str], name: str) -> Path:
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_dir():
        raise FileNotFoundError(f"'{name}' {str(path)!r} is not an existing directory")
    return resolved


def check_data(data: Path, cache_root: Path | None = None) -> Path | None:
    """Read and validate every input table of ``data`` once (the tables a folder lacks are left
    to the steps, which run with what there is); with ``cache_root``, store the validated tables
    there as Parquet for the run's notebooks (:mod:`clusterlib.data.cache`) and return the root.

    Raises
    ------
    clusterlib.data.DataValidationError
        For the first bad file, with its message (file, row, column, expectation).
    """
    from clusterlib.data import TABLES, load_tables
    from clusterlib.data.cache import write_cache
    from clusterlib.data.version import table_files

    present = {p.name.rsplit(".", 1)[0] for p in table_files(data)}
    wanted = [t for t in TABLES if t in present]
    if not wanted:
        return None
    tables = load_tables(data, tables=wanted)
    if cache_root is None:
        return None
    write_cache(data, tables, cache_root)
    return cache_root


def _parameter_plan(
    selected: Sequence[Step],
    chosen: Sequence[Province],
    *,
    params: Mapping[str, Any],
    step_params: Mapping[str, Mapping[str, Any]],
    province_params: Mapping[str | int, Mapping[str, Any]],
) -> Callable[[Province, Step], dict[str, Any]]:
    """Check every override against the notebooks' ``parameters`` cells (before any kernel
    starts) and return ``overrides(province, step)``: the values for one task, most specific last
    (run-wide, then step, then province)."""
    declared = {s.id: notebook_parameters(s) for s in selected}

    def listing() -> str:
        return " | ".join(
            f"{s.path.name}: " + "; ".join(p.describe() for p in declared[s.id].values()) for s in selected
        )

    def reserved(values: Mapping[str, Any], where: str) -> None:
        taken = [n for n in values if n in REQUIRED_PARAMETERS]
        if taken:
            raise NotebookContractError(
                f"{where}: {taken} are set by the run itself (use --province, --lang, --data, --processed)"
            )

    def spread(values: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
        reserved(values, where)
        per_step: dict[str, dict[str, Any]] = {s.id: {} for s in selected}
        for name, value in values.items():
            users = [s for s in selected if name in declared[s.id]]
            if not users:
                raise NotebookContractError(
                    f"{where}: no selected step has a parameter {name!r}. Parameters: {listing()}"
                )
            for step in users:
                per_step[step.id].update(check_parameters(step, {name: value}, where=where))
        return per_step

    run_wide = spread(params, "parameters")
    by_step: dict[str, dict[str, Any]] = {}
    for key, values in step_params.items():
        try:
            (step,) = resolve_steps([key], list(selected))
        except ValueError as err:
            raise NotebookContractError(f"step_parameters: {err}") from None
        reserved(values, f"step_parameters[{key}]")
        by_step[step.id] = check_parameters(step, values, where=f"step_parameters[{key}]")
    by_province: dict[int, dict[str, dict[str, Any]]] = {}
    for key, values in province_params.items():
        item = province(key)
        by_province[item.plate] = spread(values, f"province_parameters[{item.name}]")

    def overrides(item: Province, step: Step) -> dict[str, Any]:
        merged = dict(run_wide[step.id])
        merged.update(by_step.get(step.id, {}))
        merged.update(by_province.get(item.plate, {}).get(step.id, {}))
        return merged

    return overrides


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
        pandas, scipy and plotly already imported (:mod:`clusterlib.report._forkserver`): still a
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
    nb_dir = _check_dir(notebooks_dir, "notebooks_dir")
    selected = resolve_steps(steps, discover_steps(nb_dir))
    for step in selected:
        check_contract(step)
    overrides = _parameter_plan(
        selected,
        chosen,
        params=params or {},
        step_params=step_params or {},
        province_params=province_params or {},
    )
    data = _check_dir(data_dir if data_dir is not None else SAMPLE_DIR, "data_dir")
    processed = Path(processed_dir if processed_dir is not None else PROCESSED_DIR).expanduser().resolve()
    jobs = _check_jobs(jobs, scheduler=scheduler, say=_say)
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
    fresh = {} if force else up_to_date(tasks, out)  # reports that nothing they depend on changed
    todo = [i for i in range(len(tasks)) if i not in fresh]
    # the workers start (imports, kernel server) while the data are validated below
    log_dir = processed / "executed" / "logs"
    count = min(jobs, len(todo))
    ahead = StartedWorkers(count, log_dir, preload=preload_kernels) if scheduler is None and todo else None
    kernel_dir: str | None = None
    ran: list[TaskOutcome] = []
    interrupted: RunInterrupted | None = None
    try:
        table_cache = check_data(data, processed / "cache") if validate_data and todo else None
        plotly_js = plotly_js_path()
        for code in languages:
            for item in chosen:
                link_or_copy(plotly_js, out / code / item.slug / "assets" / "plotly.min.js")
        kernel_dir = _kernel_dir() if todo else None
        running = [
            replace(tasks[i], jupyter_path=kernel_dir, table_cache=str(table_cache) if table_cache else None)
            for i in todo
        ]
        try:
            with _sigterm_as_interrupt():
                if not running:
                    ran = []
                elif scheduler is not None:
                    from clusterlib.report._dask import run_on_scheduler

                    ran = run_on_scheduler(running, scheduler, progress=progress)
                else:
                    ran = run_pool(running, jobs=jobs, progress=progress, log_dir=log_dir, started=ahead)
        except RunInterrupted as err:
            interrupted = err
            ran = err.outcomes
        finally:
            if kernel_dir is not None:
                shutil.rmtree(kernel_dir, ignore_errors=True)
            sweep_temporary_files(processed, out)
    finally:
        if ahead is not None:
            ahead.close()  # the workers the pool did not take: the run ended before its first task
    outcomes: list[TaskOutcome] = [fresh.get(i) or TaskOutcome(status="not_run") for i in range(len(tasks))]
    for i, outcome in zip(todo, ran, strict=True):
        outcomes[i] = outcome

    results = [_result(task, outcome) for task, outcome in zip(tasks, outcomes, strict=True)]
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
    for code in reversed(languages):  # the first language's grid ends up as out/index.html
        # the pages first, so that the index links the ones written
        mine = [r for r in results if r.lang == code]
        pending = [(t, o) for t, o in zip(tasks, outcomes, strict=True) if t.lang == code and not o.recorded]
        _post_run_pages(
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
        )
        write_index(out, lang=code, results=mine, steps=selected, run={**info, "lang": code}, pending=pending)
    write_run_json(out, info, results, selected)
    if interrupted is not None:
        interrupted.results = results  # type: ignore[attr-defined]
        raise interrupted
    return results


def _post_run_pages(summary: RunSummary) -> None:
    for writer in POST_RUN_PAGES:
        try:
            writer(summary)
        except Exception as err:  # a page of its own must not fail the reports
            _say(f"post-run page {getattr(writer, '__name__', writer)!r} failed: {type(err).__name__}: {err}")


def _result(task: ReportTask, outcome: TaskOutcome) -> RunResult:
    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    return RunResult(
        province=task.province,
        plate=task.plate,
        step=task.step,
        status=outcome.status,
        seconds=float(outcome.seconds),
        output=path(outcome.report) if outcome.ok else None,
        executed=path(outcome.executed),
        error=outcome.error,
        cell=outcome.cell,
        exec_count=outcome.exec_count,
        source=outcome.source,
        log=path(outcome.log),
        attempts=outcome.attempts,
        lang=task.lang,
    )
