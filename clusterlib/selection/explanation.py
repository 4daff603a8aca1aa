"""Why a sector ranks where it does, in words: its strengths against the other candidates and its weakest side."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import pandas as pd

from clusterlib.i18n import check_language, t
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.scoring import SelectionResult
from clusterlib.selection.wording import indicator_phrase

__all__ = ["explain"]


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
    >>> from clusterlib.selection import parse_criteria, score_sectors
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
