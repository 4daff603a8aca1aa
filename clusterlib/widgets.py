"""ipywidgets controls for exploring an analysis interactively in JupyterLab.

The widgets only re-run library functions; in a papermill run they are created and displayed
like any output, and the HTML report leaves out cells tagged ``remove-cell``, so they never break
a scheduled run nor show as dead controls.  The weights explorer itself lives in
:mod:`clusterlib.explore.weights` (also in the exploration workbench, for any province).
"""

from __future__ import annotations

from clusterlib.explore.views import View
from clusterlib.explore.weights import weights_view
from clusterlib.selection.presentation import SelectionReport

__all__ = ["weights_explorer"]


def weights_explorer(view: SelectionReport, *, top: int = 10) -> View:
    """Sliders for the criteria-group weights and the ranking they give (a chart and a table), with Save.

    The ranking is re-scored with the report's method and missing-data policy; the weights are
    rescaled to sum to 1 and the finding states them.

    Parameters
    ----------
    view : SelectionReport
        A sector selection presented in a language (:meth:`SectorSelection.present`).
    top : int, default 10
        How many sectors the chart and the table show (the saved files hold all).

    Returns
    -------
    View
        Display it in a notebook cell (tag the cell ``remove-cell`` to keep it out of HTML reports).

    Examples
    --------
    >>> from clusterlib.selection import analyse_sector_selection
    >>> explorer = weights_explorer(analyse_sector_selection("Çorum", n_simulations=50).present("tr"))
    >>> explorer.controls["demand"].value = 1.0  # all weight on Demand: the ranking redraws at once
    >>> '<table class="cl-table' in explorer.table.value  # the report's one table helper
    True
    """
    return weights_view(view, top=top)
