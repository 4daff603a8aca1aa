"""Reports: display helpers for notebook cells, the notebook runner and the HTML export.

Notebook cells call :func:`show`, :func:`finding`, :func:`heading`, :func:`paragraph`, :func:`table`,
:func:`notice` and :func:`provenance` (``show`` and ``table`` also take a :class:`Notice`, what a
step returns instead of a chart or table it cannot draw); scheduled runs and the command line call
:func:`run`, which renders every step notebook (``notebooks/NN_<step>.ipynb``) of every province into HTML reports.
"""

from clusterlib.report._files import data_version
from clusterlib.report.display import Notice, finding, heading, notice, paragraph, show
from clusterlib.report.reproducibility import provenance
from clusterlib.report.runner import RunResult, resolve_provinces, run
from clusterlib.report.steps import REQUIRED_PARAMETERS, NotebookContractError, Step, discover_steps
from clusterlib.report.tables import Table, table

__all__ = [
    "REQUIRED_PARAMETERS",
    "NotebookContractError",
    "Notice",
    "RunResult",
    "Step",
    "Table",
    "data_version",
    "discover_steps",
    "finding",
    "heading",
    "notice",
    "paragraph",
    "provenance",
    "resolve_provinces",
    "run",
    "show",
    "table",
]
