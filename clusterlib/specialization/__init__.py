"""Regional specialisation indicators: location quotients, concentration, growth, shift-share, clusters.

Inputs are region x sector matrices (pandas DataFrames, regions as rows) or long tables with
columns ``province, nace, year, <value>`` (see :func:`to_matrix` / :func:`to_long`). Region
labels are opaque: plate numbers, ISO codes or names all work. :func:`indicators` computes
everything for every province and year at once.

Each public function checks its inputs and labels its output; the maths lives in private
array functions (``_arrays``) shared by the single-indicator functions and the vectorised
:func:`indicators`, so both give the same numbers.
"""

from __future__ import annotations

from .clusters import cluster_stars, strong_clusters
from .growth import cagr
from .panel import Indicators, indicators
from .quotients import location_quotient, revealed_comparative_advantage
from .shiftshare import dynamic_shift_share, shift_share, shift_share_components
from .structure import gini_specialisation, herfindahl, hoover_index, hoover_specialisation, krugman_index
from .tables import to_long, to_matrix

__all__ = [
    "Indicators",
    "cagr",
    "cluster_stars",
    "dynamic_shift_share",
    "gini_specialisation",
    "herfindahl",
    "hoover_index",
    "hoover_specialisation",
    "indicators",
    "krugman_index",
    "location_quotient",
    "revealed_comparative_advantage",
    "shift_share",
    "shift_share_components",
    "strong_clusters",
    "to_long",
    "to_matrix",
]
