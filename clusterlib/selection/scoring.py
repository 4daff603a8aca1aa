"""Score sectors on the selection criteria and explain, in words, why a sector ranks where it does."""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice
from clusterlib.i18n import check_language, t
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
from clusterlib.selection.wording import indicator_phrase

__all__ = [
    "DEFAULT_NORMALIZATION",
    "METHODS",
    "MISSING",
    "SelectionResult",
    "explain",
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


def explain(
    scores: SelectionResult,
    criteria: Criteria,
    *,
    sector: object,
    lang: str = "tr",
    names: Mapping[object, str] | None = None,
    n_strengths: int = 2,
) -> str:
    """A plain-language sentence on which criteria carry a sector and where it is weakest.

    The strengths are, among the indicators on which the sector is better than the median of the scored
    sectors (direction applied), the ``n_strengths`` with the largest contributions (weighted normalised
    distance above the weakest sector, see :class:`SelectionResult`); the weakest side is the indicator
    on which the sector ranks lowest among the scored sectors, ties broken by the larger weighted
    shortfall (omitted when the sector is first on every other indicator).  Each value is written with
    the candidates' median beside it, so a strength reads as relative to the other candidates.
    Indicator names, symbols and number formats come from the criteria file in the chosen language;
    imputed values are marked.

    Parameters
    ----------
    scores : SelectionResult
        From :func:`score_sectors`.
    criteria : Criteria
        The criteria used for ``scores`` (names, symbols, formats).
    sector : label
        A sector of ``scores`` (e.g. ``'15'``).
    lang : {'tr', 'en'}, default 'tr'
    names : mapping, optional
        Sector code → display name (default: the code).
    n_strengths : int, default 2
        How many carrying indicators to name (at most).

    Returns
    -------
    str
        E.g. ``"Footwear ranks 1st; compared with the other candidates its strengths are specialisation
        (LQ 6.20; candidates' median 1.30) and export advantage (RCA 4.1; candidates' median 1.1); its
        weakest side is wage cost (1.12 times the sector's national average; candidates' median 0.98)."``
        Indicator phrases come from :func:`clusterlib.selection.wording.indicator_phrase`.

    Raises
    ------
    ValueError
        If ``lang`` is not a supported language, ``sector`` is not scored, ``n_strengths`` < 1, or the
        criteria do not match the scores.

    Examples
    --------
    >>> from clusterlib.selection import parse_criteria
    >>> lq = {"id": "lq", "name_en": "specialisation", "name_tr": "uzmanlaşma", "description_en": "LQ",
    ...       "description_tr": "LQ", "direction": "benefit", "weight": 0.5, "symbol": "LQ",
    ...       "format": "{:.1f}"}
    >>> wage = {"id": "wage_cost", "name_en": "wage cost", "name_tr": "ücret maliyeti", "description_en": "w",
    ...         "description_tr": "w", "direction": "cost", "weight": 0.5, "format": "{:.1f}"}
    >>> crit = parse_criteria({"groups": [{"id": "g", "name_en": "G", "name_tr": "G", "weight": 1,
    ...                        "indicators": [lq, wage]}]})
    >>> table = pd.DataFrame({"lq": [6.2, 1.0, 2.0], "wage_cost": [1.1, 1.3, 0.9]}, index=["15", "10", "28"])
    >>> result = score_sectors(table, crit, method="weighted_sum")
    >>> explain(result, crit, sector="15", lang="en", names={"15": "Footwear"}, n_strengths=1)
    "Footwear ranks 1st; compared with the other candidates its strength is specialisation (LQ 6.2;
    candidates' median 2.0); its weakest side is wage cost (1.1 times the sector's national average;
    candidates' median 1.1)."
    >>> explain(result, crit, sector="15", lang="tr", names={"15": "Ayakkabı"}, n_strengths=1)
    'Ayakkabı 1. sırada; adaylara göre güçlü yönü: uzmanlaşma (LQ 6,2; adayların medyanı 2,0); en zayıf
    yönü: ücret maliyeti (sektörün Türkiye ortalamasının 1,1 katı; adayların medyanı 1,1).'
    """
    lang = check_language(lang)
    if not isinstance(scores, SelectionResult):
        raise TypeError(
            f"'scores' must be a SelectionResult (from score_sectors), got {type(scores).__name__}"
        )
    if n_strengths < 1:
        raise ValueError(f"'n_strengths' must be at least 1, got {n_strengths}")
    if list(scores.contributions.columns) != criteria.ids:
        raise ValueError(
            f"'criteria' do not match 'scores': scored indicators {list(scores.contributions.columns)}, "
            f"criteria indicators {criteria.ids}"
        )
    if sector not in scores.scores.index:
        labels = [str(s) for s in scores.scores.index]
        close = difflib.get_close_matches(str(sector), labels, n=3, cutoff=0.5)
        hint = f"; did you mean {close}?" if close else ""
        raise ValueError(f"'sector' {sector!r} is not among the scored sectors {labels}{hint}")
    table = criteria.indicators
    label = str(names.get(sector, sector)) if names else str(sector)
    rank = int(scores.scores.at[sector, "rank"])

    medians = scores.values.median()

    def phrase(ind: str) -> str:
        return indicator_phrase(
            str(ind),
            float(scores.values.at[sector, ind]),
            lang=lang,
            name=str(table.at[ind, f"name_{lang}"]),
            symbol=str(table.at[ind, "symbol"] or ""),
            fmt=str(table.at[ind, "format"]),
            imputed=bool(scores.imputed.at[sector, ind]),
            median=float(medians[ind]),
        )

    # A strength is relative to the other candidates: the sector is better than their median (direction
    # applied), not merely above the weakest (committee review: "küçük ölçekli işyeri yapısı (işyeri
    # başına 23,7 çalışan)" was called a strength while most candidates had smaller workplaces).
    above = scores.normalized.loc[sector] > scores.normalized.median() + 1e-12
    gains = scores.contributions.loc[sector]
    gains = gains[(gains > 1e-12) & above.reindex(gains.index, fill_value=False)]
    gains = gains.sort_values(ascending=False, kind="stable")
    strengths = list(gains.index[:n_strengths])
    # The weakest side is where the sector stands lowest among the scored sectors (its rank on the
    # indicator, direction applied), not the largest distance from the best: one outlier sector far
    # ahead on an indicator would otherwise make a strong value look like a weakness.
    place = scores.normalized.rank(ascending=False, method="min").loc[sector]
    gaps = pd.DataFrame({"place": place, "shortfall": scores.shortfalls.loc[sector]})
    gaps = gaps[(criteria.weights.reindex(gaps.index) > 0) & (gaps["place"] > 1)].drop(
        strengths, errors="ignore"
    )
    gaps = gaps.sort_values(["place", "shortfall"], ascending=False, kind="stable")
    weakest = gaps.index[0] if len(gaps) else None

    key = "selection.explain." + ("strengths" if strengths else "no_strength")
    key += "_weakest" if weakest is not None else ""
    return t(
        key,
        lang,
        sector=label,
        rank=rank,
        strengths=[phrase(s) for s in strengths],
        count=len(strengths),
        weakest=phrase(weakest) if weakest is not None else "",
    )
