"""Sector selection (methodology step 2, notebook ``02_sector_selection``).

Not the largest sectors by turnover but those that can work as clusters, scored on four criteria
groups — Economic Impact, Demand, Networking & Cooperation, Factor Conditions — read from an editable
YAML file (:func:`load_criteria`), normalised and aggregated by TOPSIS or a weighted sum
(:func:`score_sectors`), weighted directly or by AHP (:func:`ahp_weights`), tested for robustness
(:func:`weight_sensitivity`, :func:`rank_agreement`) and explained in words (:func:`explain`).

The first instance of the step template (``../shared/STYLE.md``):

- ``inputs`` — pure and language-free: the criteria table built from the data, missing kept missing;
- method modules — ``criteria`` (YAML framework), ``mcda`` (normalisation, weighted sum, TOPSIS),
  ``ahp`` (pairwise weights), ``scoring`` (scores, imputation once, explanations), ``robustness``
  (Monte Carlo over the weights, agreement between methods), ``portfolio`` (the quadrants);
- ``thresholds`` — every threshold in one documented place;
- ``analysis`` — :func:`analyse_sector_selection` → a frozen :class:`SectorSelection` with typed
  findings (numbers and NACE codes, no language);
- ``findings`` / ``notes`` — the sentences, from the i18n catalogue, written at presentation;
- ``presentation`` — :meth:`SectorSelection.present` → :class:`SelectionReport` in Turkish or
  English: headings, labelled tables (:class:`clusterlib.report.Table`) and charts;
- ``diversification`` (+ ``_findings``, ``_report``, ``_charts``) — the "Diversification
  opportunities" section: :func:`analyse_diversification` → :class:`Diversification` (economic
  complexity and relatedness of the sectors the province does not hold yet), presented the same way.
"""

from clusterlib.selection.ahp import CR_THRESHOLD, RANDOM_INDEX, AHPResult, ahp_weights
from clusterlib.selection.analysis import SectorSelection, SelectionFindings, analyse_sector_selection
from clusterlib.selection.criteria import (
    DEFAULT_CRITERIA_PATH,
    Criteria,
    CriteriaError,
    Group,
)
from clusterlib.selection.criteria_file import load_criteria, parse_criteria
from clusterlib.selection.diversification import (
    Diversification,
    DiversificationFindings,
    DiversificationReport,
    analyse_diversification,
)
from clusterlib.selection.errors import SelectionInputError
from clusterlib.selection.explanation import explain
from clusterlib.selection.mcda import NORMALIZATIONS, normalize, topsis, weighted_sum
from clusterlib.selection.portfolio import QUADRANTS, portfolio_quadrants
from clusterlib.selection.presentation import ReportFindings, SelectionReport, present
from clusterlib.selection.robustness import compare_methods, rank_agreement, weight_sensitivity
from clusterlib.selection.scoring import SelectionResult, score_sectors
from clusterlib.selection.thresholds import MISSING_POLICY, THRESHOLDS, Thresholds

__all__ = [
    "CR_THRESHOLD",
    "DEFAULT_CRITERIA_PATH",
    "MISSING_POLICY",
    "NORMALIZATIONS",
    "QUADRANTS",
    "RANDOM_INDEX",
    "THRESHOLDS",
    "AHPResult",
    "Criteria",
    "CriteriaError",
    "Diversification",
    "DiversificationFindings",
    "DiversificationReport",
    "Group",
    "ReportFindings",
    "SectorSelection",
    "SelectionFindings",
    "SelectionInputError",
    "SelectionReport",
    "SelectionResult",
    "Thresholds",
    "ahp_weights",
    "analyse_diversification",
    "analyse_sector_selection",
    "compare_methods",
    "explain",
    "load_criteria",
    "normalize",
    "parse_criteria",
    "portfolio_quadrants",
    "present",
    "rank_agreement",
    "score_sectors",
    "topsis",
    "weight_sensitivity",
    "weighted_sum",
]
