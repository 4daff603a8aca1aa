"""Diversification opportunities of a province (the Atlas of Economic Complexity's view), a sub-step
of sector selection: the analysis (:mod:`.analysis`), its inputs, findings, charts and report view.

:func:`analyse_diversification` returns a language-free :class:`Diversification`; its
``present(lang)`` gives the report view (:class:`~clusterlib.selection.diversification.report.DiversificationReport`).
"""

from __future__ import annotations

from clusterlib.selection.diversification.analysis import (
    ATTRACTIVENESS,
    BUILDS_ON,
    MEASURES,
    MISSING_TABLE,
    ROBUSTNESS_SETTINGS,
    TOP_OPPORTUNITIES,
    Diversification,
    DiversificationFindings,
    analyse_diversification,
    complexity_matrix,
    opportunity_table,
    robustness_table,
)
from clusterlib.selection.diversification.inputs import warm_national_complexity
from clusterlib.selection.diversification.national import (
    NationalComplexity,
    clear_national_cache,
    matrix_digest,
    national_complexity,
)
from clusterlib.selection.diversification.report import DiversificationReport

__all__ = [
    "ATTRACTIVENESS",
    "BUILDS_ON",
    "MEASURES",
    "MISSING_TABLE",
    "ROBUSTNESS_SETTINGS",
    "TOP_OPPORTUNITIES",
    "Diversification",
    "DiversificationFindings",
    "DiversificationReport",
    "NationalComplexity",
    "analyse_diversification",
    "clear_national_cache",
    "complexity_matrix",
    "matrix_digest",
    "national_complexity",
    "opportunity_table",
    "robustness_table",
    "warm_national_complexity",
]
