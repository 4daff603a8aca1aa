"""Sector selection (methodology step 2, notebook ``02_sector_selection``).

Not the largest sectors by turnover but those that can work as clusters, scored on four criteria
groups — Economic Impact, Demand, Networking & Cooperation, Factor Conditions — read from an editable
YAML file (:func:`load_criteria`), normalised and aggregated by TOPSIS or a weighted sum
(:func:`score_sectors`), weighted directly or by AHP (:func:`ahp_weights`), tested for robustness
(:func:`weight_sensitivity`, :func:`rank_agreement`) and explained in words (:func:`explain`).

Modules: ``criteria`` (YAML framework), ``mcda`` (normalisation, weighted sum, TOPSIS), ``ahp``
(pairwise weights and consistency), ``scoring`` (sector scores and explanations), ``robustness``
(Monte Carlo over the weights, agreement between methods), ``inputs`` (the criteria table built
from the data), ``findings`` (plain-language sentences) and ``analysis`` (the whole step for one
province, as the notebook shows it).
"""

from clusterlib.selection.ahp import CR_THRESHOLD, RANDOM_INDEX, AHPResult, ahp_weights
from clusterlib.selection.analysis import SectorSelection, analyse_sector_selection
from clusterlib.selection.criteria import (
    DEFAULT_CRITERIA_PATH,
    Criteria,
    CriteriaError,
    Group,
    load_criteria,
    parse_criteria,
)
from clusterlib.selection.mcda import NORMALIZATIONS, normalize, topsis, weighted_sum
from clusterlib.selection.robustness import compare_methods, rank_agreement, weight_sensitivity
from clusterlib.selection.scoring import SelectionResult, explain, score_sectors

__all__ = [
    "CR_THRESHOLD",
    "DEFAULT_CRITERIA_PATH",
    "NORMALIZATIONS",
    "RANDOM_INDEX",
    "AHPResult",
    "Criteria",
    "CriteriaError",
    "Group",
    "SectorSelection",
    "SelectionResult",
    "ahp_weights",
    "analyse_sector_selection",
    "compare_methods",
    "explain",
    "load_criteria",
    "normalize",
    "parse_criteria",
    "rank_agreement",
    "score_sectors",
    "topsis",
    "weight_sensitivity",
    "weighted_sum",
]
