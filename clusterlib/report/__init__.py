"""Reports: display helpers for notebook cells, the notebook runner and the HTML export.

Notebook cells call :func:`show`, :func:`finding`, :func:`heading`, :func:`paragraph`, :func:`table`,
:func:`notice` and :func:`provenance` (``show`` and ``table`` also take a :class:`Notice`, what a
step returns instead of a chart or table it cannot draw; every display helper takes an
:class:`Omitted`, a part of a section that does not apply, and shows nothing); scheduled runs and the command line call
:func:`run`, which renders every step notebook (``notebooks/NN_<step>.ipynb``) of every province into
HTML reports, locally or on a Dask cluster, from arguments or a YAML run spec (:func:`load_spec`).
"""

from clusterlib.report._files import atomic_write, data_version
from clusterlib.report.contracts import NotebookParameter, ReportTask, TaskOutcome
from clusterlib.report.display import Notice, Omitted, finding, heading, notice, paragraph, show
from clusterlib.report.reproducibility import provenance
from clusterlib.report.runner import (
    POST_RUN_PAGES,
    RunInterrupted,
    RunResult,
    RunSummary,
    resolve_provinces,
    run,
)
from clusterlib.report.spec import RunSpec, RunSpecError, load_spec
from clusterlib.report.steps import (
    REQUIRED_PARAMETERS,
    NotebookContractError,
    Step,
    check_parameters,
    discover_steps,
    notebook_parameters,
)
from clusterlib.report.tables import Table, table

__all__ = [
    "POST_RUN_PAGES",
    "REQUIRED_PARAMETERS",
    "NotebookContractError",
    "NotebookParameter",
    "Notice",
    "Omitted",
    "ReportTask",
    "RunInterrupted",
    "RunResult",
    "RunSpec",
    "RunSpecError",
    "RunSummary",
    "Step",
    "Table",
    "TaskOutcome",
    "atomic_write",
    "check_parameters",
    "data_version",
    "discover_steps",
    "finding",
    "heading",
    "load_spec",
    "notebook_parameters",
    "notice",
    "paragraph",
    "provenance",
    "resolve_provinces",
    "run",
    "show",
    "table",
]
