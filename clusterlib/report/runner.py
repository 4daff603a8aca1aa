"""Render every step notebook for every province into HTML reports, in parallel processes.

``run(["Çorum"], ["sector_selection"])`` checks every argument first (provinces, steps, language,
data directory, the notebooks' parameter contract) so that a typo fails in a second, before any
kernel starts.  It then executes each (province, step) notebook with papermill in a pool of
worker processes, publishes the HTML report of each step that succeeded, and writes the
``index.html`` grid and a machine-readable ``run.json`` in ``out_dir``.

Layout of ``out_dir``::

    index.html                         grid of the last run's language (links into <lang>/)
    run.json                           summary of the last run
    <lang>/index.html                  the same grid, inside the language folder
    <lang>/status.json                 latest state of every (province, step) in that language
    <lang>/knowledge_base.html         the initiatives of Türkiye, national.html and info_spot_*.html
    <lang>/<province>/<step>.html      one report per step; <province> is e.g. "kahramanmaras"
    <lang>/<province>/assets/plotly.min.js

Each province folder is complete on its own (its reports load plotly.js from ``assets/``), so it
can be zipped and e-mailed.  Executed notebooks go to
``<processed_dir>/executed/<lang>/<plate>_<step>.ipynb``; those of failed steps, with a ``.log``
holding the error and traceback, to ``…/<lang>/failed/``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from clusterlib import i18n, regions
from clusterlib.config import NOTEBOOKS_DIR, PROCESSED_DIR, PROJECT_ROOT, REPORTS_DIR, SAMPLE_DIR
from clusterlib.regions import PILOT_PROVINCES, Province, province
from clusterlib.report._files import data_version, link_or_copy
from clusterlib.report._pool import run_pool
from clusterlib.report.steps import Step, check_contract, discover_steps, resolve_steps

__all__ = ["KERNEL_NAME", "RunResult", "default_jobs", "plotly_js_path", "resolve_provinces", "run"]

#: Kernel name of the step notebooks; the runner points it at the current interpreter.
KERNEL_NAME = "python3"


@dataclass(frozen=True)
class RunResult:
    """Outcome of one (province, step) notebook."""

    province: str
    plate: int
    step: str
    status: str  # "ok" or "failed"
    seconds: float
    output: Path | None  # the published report (None when the step failed)
    executed: Path | None  # the executed notebook (in failed/ when the step failed)
    error: str | None = None  # "ZeroDivisionError: division by zero"
    cell: int | None = None  # 1-based position of the failing cell in the step notebook
    exec_count: int | None = None  # its execution count, as in "In [7]"
    source: str | None = None  # first lines of the failing cell
    log: Path | None = None  # error log with the traceback
    attempts: int = 1

    @property
    def ok(self) -> bool:
        """True when the report was published."""
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (paths as strings)."""
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(self).items()}


def default_jobs() -> int:
    """Number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


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


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _kernel_dir() -> str:
    """A Jupyter data dir with a ``python3`` kernel spec that runs *this* interpreter."""
    root = Path(tempfile.mkdtemp(prefix="clusterlib-kernel-"))
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": f"Python 3 ({sys.prefix})",
                "language": "python",
                "metadata": {"debugger": False},
            }
        ),
        encoding="utf-8",
    )
    return str(root)


def _check_jobs(jobs: object) -> int:
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"'jobs' must be a positive integer, got {jobs!r}")
    return jobs


def _check_dir(path: str | os.PathLike[str], name: str) -> Path:
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_dir():
        raise FileNotFoundError(f"'{name}' {str(path)!r} is not an existing directory")
    return resolved


def run(
    provinces: Iterable[str | int | Province] | str,
    steps: Iterable[str] | str | None = None,
    *,
    lang: str = i18n.DEFAULT_LANGUAGE,
    out_dir: str | os.PathLike[str] = REPORTS_DIR,
    jobs: int | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    notebooks_dir: str | os.PathLike[str] = NOTEBOOKS_DIR,
    processed_dir: str | os.PathLike[str] | None = None,
    timeout: float | None = 1800,
    progress: bool = True,
) -> list[RunResult]:
    """Render the step notebooks of each province into HTML reports.

    Parameters
    ----------
    provinces : names or codes, ``"pilots"`` or ``"all"``
        Any spelling :func:`clusterlib.province` accepts.
    steps : step ids, numbers or notebook stems, optional
        Default: every ``NN_<step>.ipynb`` in ``notebooks_dir``, in ``NN`` order.
    lang : {"tr", "en"}, default "tr"
    out_dir : path, default ``config.REPORTS_DIR``
    jobs : int, optional
        Notebooks run at once, each in its own process; default the number of cores.
    data_dir : path, optional
        The user's data instead of the bundled sample (``config.SAMPLE_DIR``).
    notebooks_dir : path, default ``config.NOTEBOOKS_DIR``
    processed_dir : path, optional
        Passed to the notebooks and home of the executed notebooks; default
        ``config.PROCESSED_DIR``.
    timeout : float or None, default 1800
        Seconds a single cell may run.
    progress : bool, default True
        Show a tqdm progress bar (on terminals only).

    Returns
    -------
    list of RunResult
        One per (province, step), in province then step order.

    Raises
    ------
    clusterlib.UnknownProvinceError, ValueError, FileNotFoundError, NotebookContractError
        Before any notebook runs, for an unknown province, step or language, a missing
        directory or a step notebook that breaks the parameter contract.
    """
    lang = i18n.check_language(lang)
    chosen = resolve_provinces(provinces)
    nb_dir = _check_dir(notebooks_dir, "notebooks_dir")
    selected = resolve_steps(steps, discover_steps(nb_dir))
    for step in selected:
        check_contract(step)
    data = _check_dir(data_dir if data_dir is not None else SAMPLE_DIR, "data_dir")
    processed = Path(processed_dir if processed_dir is not None else PROCESSED_DIR).expanduser().resolve()
    jobs = _check_jobs(jobs)
    out = Path(out_dir).expanduser().resolve()
    plotly_js = plotly_js_path()

    started = time.perf_counter()
    generated = _dt.datetime.now().astimezone().replace(microsecond=0)
    version = data_version(data)
    is_sample = data == SAMPLE_DIR.resolve()
    source_label = i18n.t("data.sample" if is_sample else "data.user", lang) + f" ({_display_path(data)})"
    lang_dir = out / lang
    executed_dir = processed / "executed" / lang
    for item in chosen:
        link_or_copy(plotly_js, lang_dir / item.slug / "assets" / "plotly.min.js")

    kernel_dir = _kernel_dir()
    tasks = [
        _task(
            item,
            step,
            lang=lang,
            data=data,
            processed=processed,
            lang_dir=lang_dir,
            executed_dir=executed_dir,
            generated=generated,
            version=version,
            source_label=source_label,
            kernel_dir=kernel_dir,
            timeout=timeout,
        )
        for item in chosen
        for step in selected
    ]
    try:
        raw = run_pool(tasks, jobs=jobs, progress=progress, log_dir=executed_dir / "logs")
    finally:
        shutil.rmtree(kernel_dir, ignore_errors=True)

    results = [_result(task, raw[i]) for i, task in enumerate(tasks)]
    from clusterlib.report.index import write_index

    write_index(
        out,
        lang=lang,
        results=results,
        steps=selected,
        run={
            "date": generated.isoformat(),
            "lang": lang,
            "data_dir": str(data),
            "data_source": source_label,
            "data_version": version,
            "notebooks_dir": str(nb_dir),
            "processed_dir": str(processed),
            "jobs": jobs,
            "seconds": round(time.perf_counter() - started, 3),
            "python": sys.executable,
        },
    )
    _write_pages(out, lang=lang, data=data)
    return results


def _write_pages(out: Path, *, lang: str, data: Path) -> None:
    """The knowledge-base, national-overview and info-spot pages of the report set (step 4's pages)."""
    from clusterlib.monitoring import write_run_pages

    try:
        write_run_pages(out, lang=lang, data_dir=data)
    except (ValueError, OSError) as error:  # DataValidationError is a ValueError: data without these tables
        warnings.warn(f"the knowledge-base and national pages were not written: {error}", stacklevel=3)


def _task(
    item: Province,
    step: Step,
    *,
    lang: str,
    data: Path,
    processed: Path,
    lang_dir: Path,
    executed_dir: Path,
    generated: _dt.datetime,
    version: str,
    source_label: str,
    kernel_dir: str,
    timeout: float | None,
) -> dict:
    name = f"{item.plate:02d}_{step.id}"
    return {
        "province": item.name,
        "plate": item.plate,
        "step": step.id,
        "notebook": str(step.path),
        "lang": lang,
        "parameters": {
            "province": item.name,
            "lang": lang,
            "data_dir": str(data),
            "processed_dir": str(processed),
        },
        "report": str(lang_dir / item.slug / f"{step.id}.html"),
        "executed": str(executed_dir / f"{name}.ipynb"),
        "failed_dir": str(executed_dir / "failed"),
        "generated": generated.isoformat(),
        "data_source": source_label,
        "data_version": version,
        "jupyter_path": kernel_dir,
        "kernel_name": KERNEL_NAME,
        "timeout": timeout,
        "start_timeout": 120,
    }


def _result(task: dict, raw: dict) -> RunResult:
    def path(key: str) -> Path | None:
        return Path(raw[key]) if raw.get(key) else None

    return RunResult(
        province=task["province"],
        plate=task["plate"],
        step=task["step"],
        status=raw["status"],
        seconds=float(raw.get("seconds", 0.0)),
        output=path("report") if raw["status"] == "ok" else None,
        executed=path("executed"),
        error=raw.get("error"),
        cell=raw.get("cell"),
        exec_count=raw.get("exec_count"),
        source=raw.get("source"),
        log=path("log"),
        attempts=int(raw.get("attempts", 1)),
    )
