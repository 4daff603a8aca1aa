"""Step 1 of the methodology: the needs assessment (notebook ``01_needs_assessment``).

Who the local actors are (register, actor × function matrix, gaps, Mendelow's grid), the province
in official figures (TÜİK), and what the cluster's firms need (Likert survey: answer shares,
top-2-box with Wilson intervals, Cronbach's alpha per block, needs ranked with bootstrap
intervals, differences by size, stage and survey wave with corrected tests).
"""

from clusterlib.needs.analysis import NeedsAssessment, NeedsFindings, analyse_needs_assessment
from clusterlib.needs.context import ProvinceContext, province_context
from clusterlib.needs.inputs import SurveyTable, read_survey
from clusterlib.needs.likert import likert_summary, response_rates, wilson_interval
from clusterlib.needs.notes import Note
from clusterlib.needs.presentation import NeedsReport, present
from clusterlib.needs.questionnaire import Questionnaire, load_questionnaire
from clusterlib.needs.ranking import adjust_pvalues, compare_groups, compare_waves, rank_needs
from clusterlib.needs.reliability import alpha_interval, block_reliability, cronbach_alpha
from clusterlib.needs.stakeholders import (
    FUNCTIONS,
    actor_function_matrix,
    actor_register,
    function_gaps,
    mendelow_grid,
)
from clusterlib.needs.thresholds import THRESHOLDS

__all__ = [
    "FUNCTIONS",
    "THRESHOLDS",
    "NeedsAssessment",
    "NeedsFindings",
    "NeedsReport",
    "Note",
    "ProvinceContext",
    "Questionnaire",
    "SurveyTable",
    "actor_function_matrix",
    "actor_register",
    "adjust_pvalues",
    "alpha_interval",
    "analyse_needs_assessment",
    "block_reliability",
    "compare_groups",
    "compare_waves",
    "cronbach_alpha",
    "function_gaps",
    "likert_summary",
    "load_questionnaire",
    "mendelow_grid",
    "present",
    "province_context",
    "rank_needs",
    "read_survey",
    "response_rates",
    "wilson_interval",
]
