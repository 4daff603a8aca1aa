"""What a run returns: one :class:`RunResult` per report, and the :class:`RunSummary` of one language
that the post-run hooks (:mod:`clusterlib.run.hooks`) receive."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.regions import Province
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.steps import Step

__all__ = ["RunResult", "RunSummary", "result_of"]


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
    """What a finished run hands to the post-run hooks (:mod:`clusterlib.run.hooks`), for one language."""

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


def result_of(task: ReportTask, outcome: TaskOutcome) -> RunResult:
    """The :class:`RunResult` of one task from the outcome its worker reported."""

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
