"""Incremental runs: a report is up to date when nothing it depends on changed.

A report of one (province, step, language) depends on

* the content of the tables its step reads (:data:`clusterlib.resultcache.STEP_READS`; a step not
  listed there depends on every table), so a changed ``firms.csv`` re-renders the needs and
  value-chain reports and not the sector selection;
* its parameters (the values given for that step, the province, the language, the data folder);
  not the version of the whole data folder: a report that is skipped keeps the data version it
  names, that of the run that rendered it, whose tables it reads are the same as today's;
* the step notebook (its bytes);
* clusterlib (its version and a digest of its source and resources) and the versions of the
  libraries that draw and export the page (plotly, nbconvert, papermill, pandas).

:func:`report_fingerprint` is a SHA-256 of all of these.  Each published report's fingerprint is
recorded beside it in ``<lang>/status.json``; a later run skips a task whose recorded fingerprint
is the same and whose report is still there (:func:`up_to_date`), and shows it as "güncel / up to
date".  ``clusterlib run --force`` (``run(force=True)``) renders every report anyway.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from clusterlib.data.version import sha256_file
from clusterlib.resultcache import source_digest, step_reads, tables_digest
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.index import STATUS_FILE

__all__ = ["UP_TO_DATE", "report_fingerprint", "up_to_date"]

#: Status of a task skipped because its report is up to date.
UP_TO_DATE = "up_to_date"
_LIBRARIES = ("plotly", "nbconvert", "papermill", "pandas", "numpy")
#: Parameters that do not change a report: where its side files go.
_NOT_IN_REPORT = ("processed_dir",)


@functools.cache
def _libraries() -> dict[str, str]:
    found = {}
    for name in _LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


@functools.cache
def _notebook_digest(path: str, stamp: tuple[int, int]) -> str:
    return sha256_file(path)


def report_fingerprint(
    *, step: str, notebook: Path, plate: int, lang: str, parameters: Mapping[str, Any], data_dir: Path,
    data_source: str,
) -> str:  # fmt: skip
    """SHA-256 of everything a report depends on (see the module docstring).

    Examples
    --------
    >>> from clusterlib.config import NOTEBOOKS_DIR, SAMPLE_DIR
    >>> nb = NOTEBOOKS_DIR / "02_sector_selection.ipynb"
    >>> one = dict(step="sector_selection", notebook=nb, plate=19, lang="tr", data_dir=SAMPLE_DIR,
    ...            parameters={"top_k": 5}, data_source="sample")
    >>> report_fingerprint(**one) == report_fingerprint(**one)
    True
    >>> report_fingerprint(**one) == report_fingerprint(**{**one, "parameters": {"top_k": 3}})
    False
    >>> report_fingerprint(**one) == report_fingerprint(**{**one, "lang": "en"})
    False
    """
    stat = Path(notebook).stat()
    key = {
        "step": step,
        "plate": plate,
        "lang": lang,
        "notebook": _notebook_digest(str(notebook), (stat.st_mtime_ns, stat.st_size)),
        "parameters": {k: v for k, v in parameters.items() if k not in _NOT_IN_REPORT},
        "tables": tables_digest(data_dir, step_reads(step)),
        "data_source": data_source,
        "clusterlib": source_digest(),
        "libraries": _libraries(),
    }
    return "sha256:" + hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def up_to_date(tasks: Sequence[ReportTask], out_dir: Path) -> dict[int, TaskOutcome]:
    """The tasks whose report is up to date, by position: their recorded fingerprint (in
    ``<out_dir>/<lang>/status.json``) is theirs and the report file is still there.

    The outcome of such a task has the status :data:`UP_TO_DATE`, the report and the executed
    notebook of the run that rendered it, and no time.
    """
    statuses: dict[str, dict[str, Any]] = {}
    found: dict[int, TaskOutcome] = {}
    for position, task in enumerate(tasks):
        if not task.fingerprint:
            continue
        lang_dir = Path(task.report).parent.parent
        if task.lang not in statuses:
            try:
                statuses[task.lang] = json.loads((lang_dir / STATUS_FILE).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                statuses[task.lang] = {}
        entry = statuses[task.lang].get("entries", {}).get(f"{task.plate:02d}/{task.step}", {})
        report = lang_dir / entry["report"] if entry.get("report") else None
        if (
            entry.get("fingerprint") == task.fingerprint
            and report is not None
            and report == Path(task.report)
        ) and report.is_file():
            executed = task.executed if Path(task.executed).is_file() else None
            found[position] = TaskOutcome(status=UP_TO_DATE, report=task.report, executed=executed)
    return found
