"""Score sectors on the selection criteria (TOPSIS or the weighted sum); see ``explanation`` for why."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.mcda import (
    NORMALIZATIONS,
    as_matrix,
    check_domain,
    normalize_values,
    topsis_closeness,
    warn_constant,
    weighted_sum_scores,
)

__all__ = [
    "DEFAULT_NORMALIZATION",
    "METHODS",
    "MISSING",
    "SelectionResult",
    "prepare_indicators",
    "score_sectors",
]

#: Aggregation methods of :func:`score_sectors`.
METHODS: tuple[str, ...] = ("topsis", "weighted_sum")

#: Normalisation used when none is given: vector for TOPSIS (Hwang & Yoon 1981), min-max for the
#: weighted sum (scores in [0, 1] that add up from the contributions).
DEFAULT_NORMALIZATION: dict[str, str] = {"topsis": "vector", "weighted_sum": "minmax"}

#: Ways to treat missing indicator values.
MISSING: tuple[str, ...] = ("raise", "median", "worst")


@dataclass(frozen=True, eq=False)
class SelectionResult:
    """Scores of the sectors on the selection criteria.

    Attributes
    ----------
    scores : pandas.DataFrame
        One row per sector, best first: ``score`` (TOPSIS closeness or weighted sum), ``rank``
        (1 = best; ties share the better rank) and one column per criteria group with the sum of its
        indicators' contributions.
    contributions : pandas.DataFrame
        Sector × indicator: :math:`w_j (r_{ij} - \\min_i r_{ij})`, the weighted normalised distance by
        which the sector is above the weakest sector on that indicator.  For the weighted sum with
        min-max normalisation they add up to the score; for TOPSIS they are the components of the
        distance from the anti-ideal, :math:`D_i^- = \\lVert c_i \\rVert_2`.
    shortfalls : pandas.DataFrame
        Sector × indicator: :math:`w_j (\\max_i r_{ij} - r_{ij})`, the weighted distance below the
        best sector (TOPSIS: components of :math:`D_i^+`).
    normalized : pandas.DataFrame
        Normalised values :math:`r_{ij}` (cost indicators inverted).
    values : pandas.DataFrame
        Raw values used, columns named by indicator id (after imputation).
    imputed : pandas.DataFrame
        ``True`` where a missing value was imputed.
    method, normalization, missing : str
        Settings used.
    """

    scores: pd.DataFrame
    contributions: pd.DataFrame
    shortfalls: pd.DataFrame
    normalized: pd.DataFrame
    values: pd.DataFrame
    imputed: pd.DataFrame
    method: str
    normalization: str
    missing: str

    def tidy(self) -> pd.DataFrame:
        """Long table: one row per sector and indicator with value, normalised value, contribution."""
        parts = {
            "value": self.values,
            "normalized": self.normalized,
            "contribution": self.contributions,
            "shortfall": self.shortfalls,
            "imputed": self.imputed,
        }
        long = pd.concat({k: v.stack() for k, v in parts.items()}, axis=1)
        long.index.names = ["sector", "indicator"]
        return long.reset_index()


# --------------------------------------------------------------------------------------------------
# Shared preparation (also used by the robustness functions)
# --------------------------------------------------------------------------------------------------
def prepare_indicators(
    indicators: pd.DataFrame, criteria: Criteria, *, missing: str, normalization: str, stacklevel: int
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Select, impute and normalise the criteria columns: (values, imputed mask, normalised array).

    The one place where missing indicator values are imputed (``missing``: ``"worst"``, ``"median"``
    or ``"raise"``); used by :func:`score_sectors` and :func:`~clusterlib.selection.weight_sensitivity`.
    """
    if not isinstance(criteria, Criteria):
        raise TypeError(f"'criteria' must be a Criteria (from load_criteria), got {type(criteria).__name__}")
    if not isinstance(indicators, pd.DataFrame):
        raise TypeError(f"'indicators' must be a DataFrame indexed by sector, got {type(indicators).__name__}")
    check_choice(missing, MISSING, name="missing")
    check_choice(normalization, list(NORMALIZATIONS), name="normalization")
    if indicators.index.has_duplicates:
        dup = indicators.index[indicators.index.duplicated()].unique().tolist()
        raise ValueError(f"'indicators' must have one row per sector, got duplicated sectors {dup}")
    if len(indicators) < 2:
        raise ValueError(f"scoring needs at least two sectors to compare, got {len(indicators)}")
    table = criteria.indicators
    sources = table["source"].tolist()
    absent = [s for s in sources if s not in indicators.columns]
    if absent:
        raise ValueError(
            f"'indicators' lacks column(s) {absent} required by the criteria ({criteria.source}); "
            f"available columns: {[str(c) for c in indicators.columns]}"
        )
    raw = indicators[sources].copy()
    raw.columns = pd.Index(table.index, name="indicator")
    imputed = raw.isna()
    if missing != "raise" and imputed.any().any():
        not_numeric = [str(c) for c in raw.columns if not pd.api.types.is_numeric_dtype(raw[c])]
        if not_numeric:
            raise ValueError(f"'indicators' columns must be numeric, got non-numeric column(s) {not_numeric}")
        empty = [str(c) for c in raw.columns if imputed[c].all()]
        if empty:
            raise ValueError(
                f"'indicators' column(s) {empty} have no value for any sector; nothing to impute from"
            )
        if missing == "median":
            fill = raw.median()
        else:  # "worst": no evidence earns no credit
            fill = pd.Series(np.where(table["benefit"], raw.min(), raw.max()), index=raw.columns)
        raw = raw.fillna(fill)
        cells = [f"{s}/{c}" for s, c in imputed.stack()[lambda x: x].index[:5]]
        warnings.warn(
            f"{int(imputed.to_numpy().sum())} missing indicator value(s) imputed with the {missing} value "
            f"of their column, e.g. {cells}; they are flagged in the result's 'imputed' table",
            UserWarning,
            stacklevel=stacklevel + 1,
        )
    values = as_matrix(raw, name="indicators")
    values.columns = raw.columns
    check_domain(values, normalization)
    normalized, constant = normalize_values(values.to_numpy(), table["benefit"].to_numpy(dtype=bool), normalization)
    warn_constant(values.columns, constant, stacklevel=stacklevel + 1)
    return values, imputed, normalized


# --------------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------------
def score_sectors(
    indicators: pd.DataFrame,
    criteria: Criteria,
    *,
    method: str = "topsis",
    normalization: str | None = None,
    missing: str = "raise",
) -> SelectionResult:
    """Score and rank sectors on the selection criteria (TOPSIS or weighted sum).

    Parameters
    ----------
    indicators : pandas.DataFrame
        One row per sector (index: NACE division such as ``'15'``), one column per sub-indicator
        named as the criteria's ``source`` (by default its id); other columns are ignored.
    criteria : Criteria
        From :func:`clusterlib.selection.load_criteria`: directions and global weights.
    method : {'topsis', 'weighted_sum'}, default 'topsis'
    normalization : {'vector', 'minmax', 'zscore', 'max'}, optional
        Default :data:`DEFAULT_NORMALIZATION`: ``'vector'`` for TOPSIS, ``'minmax'`` for the weighted sum.
    missing : {'raise', 'median', 'worst'}, default 'raise'
        Missing values: raise an error, or impute the column median, or the column's worst value
        (minimum of a benefit, maximum of a cost indicator: no evidence earns no credit).  Imputed
        cells are flagged in ``result.imputed`` and reported in a warning.

    Returns
    -------
    SelectionResult
        ``.scores`` (score, rank, one column per group), ``.contributions`` and ``.shortfalls`` per
        indicator, ``.normalized``, ``.values``, ``.imputed`` and ``.tidy()``.

    Raises
    ------
    TypeError
        If ``indicators`` is not a DataFrame or ``criteria`` not a Criteria.
    ValueError
        On an unknown setting, duplicated sectors, fewer than two sectors, a column the criteria need
        that is absent, non-numeric or (with ``missing='raise'``) missing values.

    Warns
    -----
    UserWarning
        When values are imputed, or an indicator is constant across sectors (it adds nothing).

    Notes
    -----
    With normalised values :math:`r_{ij}` (:func:`clusterlib.selection.normalize`) and global weights
    :math:`w_j` (group weight × within-group weight) the score is
    :math:`S_i = \\sum_j w_j r_{ij}` (weighted sum) or the TOPSIS closeness :math:`C_i` (see
    :func:`clusterlib.selection.topsis`).  The contribution of indicator *j* to sector *i* is
    :math:`c_{ij} = w_j (r_{ij} - \\min_i r_{ij})`; a group's score is the sum over its indicators.
    For the weighted sum these differ from :math:`w_j r_{ij}` by a constant per indicator (0 with
    min-max), so they explain the ranking exactly; for TOPSIS :math:`D_i^- = (\\sum_j c_{ij}^2)^{1/2}`.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
       Applications*. Springer, Berlin.
    .. [2] OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User
       Guide*. OECD Publishing, Paris.

    Examples
    --------
    >>> from clusterlib.selection import parse_criteria
    >>> ind = lambda i, d: {"id": i, "name_en": i, "name_tr": i, "description_en": i,
    ...                     "description_tr": i, "direction": d, "weight": 0.5}
    >>> crit = parse_criteria({"groups": [{"id": "g", "name_en": "G", "name_tr": "G", "weight": 1,
    ...                        "indicators": [ind("lq", "benefit"), ind("wage_cost", "cost")]}]})
    >>> table = pd.DataFrame({"lq": [1.0, 3.0, 2.0], "wage_cost": [1.0, 1.2, 0.8]}, index=["10", "15", "28"])
    >>> score_sectors(table, crit, method="weighted_sum").scores
        score  rank    g
    28   0.75     1 0.75
    15   0.50     2 0.50
    10   0.25     3 0.25
    """
    check_choice(method, METHODS, name="method")
    normalization = normalization or DEFAULT_NORMALIZATION[method]
    values, imputed, r = prepare_indicators(
        indicators, criteria, missing=missing, normalization=normalization, stacklevel=2
    )
    w = criteria.weights.to_numpy(dtype=float)
    score = topsis_closeness(r, w) if method == "topsis" else weighted_sum_scores(r, w)
    index, columns = values.index, values.columns
    contributions = pd.DataFrame(w * (r - r.min(axis=0)), index=index, columns=columns)
    shortfalls = pd.DataFrame(w * (r.max(axis=0) - r), index=index, columns=columns)
    group_of = criteria.indicators["group"]
    by_group = (
        contributions.T.groupby(group_of, sort=False).sum().T.reindex(columns=[g.id for g in criteria.groups])
    )
    scores = pd.DataFrame({"score": score}, index=index)
    scores["rank"] = scores["score"].rank(ascending=False, method="min").astype(int)
    scores = scores.join(by_group)
    order = np.argsort(scores["rank"].to_numpy(), kind="stable")
    scores.columns.name = None

    def sort(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.iloc[order]

    return SelectionResult(
        scores=sort(scores),
        contributions=sort(contributions),
        shortfalls=sort(shortfalls),
        normalized=sort(pd.DataFrame(r, index=index, columns=columns)),
        values=sort(values),
        imputed=sort(imputed),
        method=method,
        normalization=normalization,
        missing=missing,
    )
