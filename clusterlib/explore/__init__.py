"""Interactive exploration in JupyterLab: views with controls that call the library and redraw.

Key experts open ``notebooks/explore/`` with ``make lab``.  Each explorer returns a
:class:`~clusterlib.explore.views.View`: ipywidgets controls, plotly ``FigureWidget`` figures and a
table that redraw when a control changes, and a button that saves the view as XLSX, CSV and a
standalone offline HTML file (into ``data/processed/views`` or a chosen folder), named after what it
shows and the time, with an about sheet and the full data behind its figures.  Every view works
for each of the 81 provinces: where a province lacks the data of a view, the view says so in a
sentence and the others still draw.
"""

from clusterlib.explore.diversification import diversification_explorer
from clusterlib.explore.monitoring import monitoring_explorer
from clusterlib.explore.needs import survey_explorer
from clusterlib.explore.network import network_explorer
from clusterlib.explore.panel import NationalPanel, national_panel
from clusterlib.explore.provinces import compare_provinces
from clusterlib.explore.saving import SavedView, save_view
from clusterlib.explore.sectors import sector_explorer
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.explore.weights import weights_explorer

__all__ = [
    "Drawing",
    "NationalPanel",
    "SavedView",
    "View",
    "compare_provinces",
    "diversification_explorer",
    "monitoring_explorer",
    "national_panel",
    "network_explorer",
    "notice",
    "save_view",
    "sector_explorer",
    "survey_explorer",
    "weights_explorer",
]
