"""Reports: display helpers for notebook cells, the notebook runner and the HTML export.

Notebook cells call :func:`show`, :func:`finding`, :func:`heading`, :func:`paragraph`, :func:`table`
and :func:`provenance`; scheduled runs and the command line call :func:`run`, which renders every step
notebook (``notebooks/NN_<step>.ipynb``) of every province into HTML reports.
"""

from clusterlib.report._files import atomic_write, data_version
from clusterlib.report.display import finding, heading, paragraph, show
from clusterlib.report.reproducibility import provenance
from clusterlib.report.runner import RunResult, resolve_provinces, run
from clusterlib.report.steps import REQUIRED_PARAMETERS, NotebookContractError, Step, discover_steps
from clusterlib.report.tables import table

__all__ = [
    "REQUIRED_PARAMETERS",
    "NotebookContractError",
    "RunResult",
    "Step",
    "atomic_write",
    "data_version",
    "discover_steps",
    "finding",
    "heading",
    "paragraph",
    "provenance",
    "resolve_provinces",
    "run",
    "show",
    "table",
]
