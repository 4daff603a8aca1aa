"""Typed contracts of the report pipeline.

* :class:`ReportTask` — what the runner hands a worker (a local process or a Dask worker): one
  (province, step, language) notebook with absolute paths and validated parameters only.
* :class:`TaskOutcome` — what the worker hands back: published or failed, with the failing cell.
* :class:`NotebookParameter` — one name of a step notebook's ``parameters`` cell, with its
  declared type and default: the notebook ↔ library contract that run specs are checked against.

All three are frozen dataclasses that cross process boundaries as JSON (``to_json`` /
``from_json``), never as dictionaries read by string keys.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = ["STATUSES", "NotebookParameter", "ReportTask", "Status", "TaskOutcome"]

#: ``ok``: report published; ``up_to_date``: not rendered, the report of an earlier run depends on
#: nothing that changed (:mod:`clusterlib.run.freshness`); ``failed``: the notebook or its export
#: failed; ``interrupted``: the run was stopped (Ctrl-C, SIGTERM) before the task finished;
#: ``not_run``: never started.
Status = Literal["ok", "up_to_date", "failed", "interrupted", "not_run"]
STATUSES: tuple[str, ...] = ("ok", "up_to_date", "failed", "interrupted", "not_run")


def _dump(obj: Any) -> str:
    return json.dumps(dataclasses.asdict(obj), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class ReportTask:
    """One notebook to execute and publish.  Every path is absolute.

    Examples
    --------
    >>> task = ReportTask(province="Çorum", plate=19, step="sector_selection",
    ...     notebook="/nb/02_sector_selection.ipynb", lang="tr", parameters={"top_k": 5},
    ...     report="/out/tr/corum/sector_selection.html", executed="/p/19_sector_selection.ipynb",
    ...     failed_dir="/p/failed", generated="2026-01-02T03:04:00+03:00", data_source="x",
    ...     data_version="sha256:00", jupyter_path="/tmp/k")
    >>> ReportTask.from_json(task.to_json()) == task
    True
    >>> task.label
    'Çorum / sector_selection'
    """

    province: str
    plate: int
    step: str
    notebook: str
    lang: str
    parameters: dict[str, Any]
    report: str
    executed: str
    failed_dir: str
    generated: str  # ISO 8601 with the zone
    data_source: str
    data_version: str
    jupyter_path: str
    kernel_name: str = "python3"
    timeout: float | None = 1800
    start_timeout: float = 120
    record: bool = True  # the worker records the outcome in the index's status.json
    table_cache: str | None = None  # the run's validated Parquet tables (clusterlib.data.cache)
    preloaded_kernel: bool = True  # fork the kernel from a server with the libraries imported
    kernel_server: str | None = None  # socket of the run's shared kernel server (else the worker's own)
    result_cache: str | None = None  # folder of the analyses' result cache (clusterlib.resultcache)
    fingerprint: str = ""  # what the report depends on (clusterlib.run.freshness), recorded with it

    @property
    def label(self) -> str:
        """``"<province> / <step>"`` for progress lines and messages."""
        return f"{self.province} / {self.step}"

    def to_json(self) -> str:
        """One line of JSON."""
        return _dump(self)

    @classmethod
    def from_json(cls, text: str | bytes) -> ReportTask:
        """Inverse of :meth:`to_json`; unknown keys are an error (a version mismatch)."""
        return cls(**json.loads(text))


@dataclass(frozen=True)
class TaskOutcome:
    """What became of a :class:`ReportTask`.

    Examples
    --------
    >>> outcome = TaskOutcome(status="failed", error="ValueError: x", cell=4, seconds=1.5)
    >>> TaskOutcome.from_json(outcome.to_json()) == outcome, outcome.ok
    (True, False)
    """

    status: Status
    seconds: float = 0.0
    report: str | None = None  # the published HTML (ok only)
    executed: str | None = None  # the executed notebook (in failed/ when the step failed)
    log: str | None = None  # the error log with the traceback
    error: str | None = None  # "ZeroDivisionError: division by zero"
    cell: int | None = None  # 1-based position of the failing cell in the step notebook
    exec_count: int | None = None  # its execution count, as in "In [7]"
    source: str | None = None  # first lines of the failing cell
    attempts: int = 1
    worker: str | None = None  # where it ran (host:pid or a Dask worker address)
    recorded: bool = False  # already merged into the index's status.json by the worker

    @property
    def ok(self) -> bool:
        """True when the report was published, or is up to date."""
        return self.status in ("ok", "up_to_date")

    def to_json(self) -> str:
        """One line of JSON."""
        return _dump(self)

    @classmethod
    def from_json(cls, text: str | bytes) -> TaskOutcome:
        """Inverse of :meth:`to_json`."""
        return cls(**json.loads(text))

    def replace(self, **changes: Any) -> TaskOutcome:
        """A copy with ``changes``."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class NotebookParameter:
    """One assignment of a notebook's ``parameters`` cell.

    ``type`` is the annotation as written (``"int | None"``) or, without one, the type of the
    default (``"int"``); ``"any"`` when neither says (``x = None``).  ``bounds`` is the interval a
    number must lie in, as written at the end of its comment (``"[1, 100000]"``, ``"(0, 1]"``;
    empty: no bounds), and ``low``/``high`` with ``low_open``/``high_open`` its parsed ends.

    Examples
    --------
    >>> p = NotebookParameter("n_boot", "int", 2000, "replicates", bounds="[1, 100000]", low=1, high=100000)
    >>> p.describe(), p.within(0), p.within(100000)
    ('n_boot: int = 2000 in [1, 100000]  (replicates)', False, True)
    """

    name: str
    type: str
    default: Any = None
    help: str = ""
    types: tuple[str, ...] = field(default=(), compare=False)
    bounds: str = ""
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    def within(self, value: Any) -> bool:
        """True when ``value`` is not a number, or a number inside the bounds."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        if value != value:  # NaN is in no interval
            return not self.bounds
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        return not (self.high is not None and (value > self.high or (self.high_open and value == self.high)))

    def describe(self) -> str:
        """``"top_k: int = 5 in [1, 50]  (size of the shortlist)"``."""
        text = f"{self.name}: {self.type} = {self.default!r}"
        if self.bounds:
            text += f" in {self.bounds}"
        return f"{text}  ({self.help})" if self.help else text


def relpath(path: str | Path | None, root: Path) -> str | None:
    """``path`` relative to ``root`` as POSIX, else as given; None stays None."""
    if path is None:
        return None
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)
