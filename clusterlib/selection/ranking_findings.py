"""The ranking's findings in sector selection: the ranking itself and the support indicator behind it.

:class:`RankingFinding` says which candidates lead and why (strengths relative to the other
candidates); :class:`SupportFinding` says when the support-institutions indicator counts the pilot
cluster's own register, and what the ranking would be without it.  Numbers first, sentences in
:meth:`text` from the catalogue, as in :mod:`clusterlib.selection.findings`.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from clusterlib import nace
from clusterlib.i18n import t
from clusterlib.regions import Province
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.findings import sector_name
from clusterlib.selection.thresholds import POORLY_COVERED, THRESHOLDS

__all__ = ["RankingFinding", "SupportFinding", "ranking_finding", "support_finding"]


@dataclass(frozen=True, eq=False)
class RankingFinding:
    """The first sectors of the ranking and the scoring that explains the first one."""

    top: tuple[str, ...]
    result: object  # SelectionResult (kept untyped here to avoid a cycle with scoring)
    criteria: Criteria
    #: Sectors of ``top`` that stay in the top ``k`` in fewer than :attr:`THRESHOLDS.robust` of the
    #: weight scenarios, with that share: the headline marks them as sensitive to the weights.
    fragile: tuple[tuple[str, float], ...] = ()
    k: int = 5
    #: Sectors of the ranking table that SGK 4/a employment covers poorly (agriculture, A01–A03:
    #: :data:`~clusterlib.selection.thresholds.POORLY_COVERED`), with their rank.
    poorly_covered: tuple[tuple[str, int], ...] = ()
    #: Where the support-institutions indicator comes from (None when it is not scored).
    support: SupportFinding | None = None

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, with the explanation of the first sector, the fragile ranks marked,
        the sectors SGK 4/a covers poorly and the origin of the support-institutions indicator."""
        from clusterlib.selection.explanation import explain

        names = {c: sector_name(c, lang) for c in self.result.scores.index}  # type: ignore[attr-defined]
        why = explain(self.result, self.criteria, sector=self.top[0], lang=lang, names=names)  # type: ignore[arg-type]
        text = t("selection.finding.ranking", lang, top=[sector_name(c, lang) for c in self.top], why=why)
        for code, share in self.fragile:
            rank = self.top.index(code) + 1
            text += " " + t(
                "selection.finding.fragile", lang, sector=sector_name(code, lang), rank=rank, p=share, k=self.k
            )
        if self.poorly_covered:
            ranked = [
                t("selection.finding.ranked", lang, sector=sector_name(c, lang), rank=r) for c, r in self.poorly_covered
            ]
            text += " " + t("selection.finding.sgk_coverage", lang, sectors=ranked, count=len(ranked))
        if self.support is not None:
            text += " " + self.support.text(lang)
        return text


def ranking_finding(
    result: object,
    criteria: Criteria,
    *,
    n: int = 3,
    robustness: pd.DataFrame | None = None,
    threshold: float = THRESHOLDS.robust,
    shown: int = THRESHOLDS.ranking_rows,
    support: SupportFinding | None = None,
) -> RankingFinding:
    """The first ``n`` sectors of a :class:`~clusterlib.selection.SelectionResult`; with the
    ``robustness`` table of :func:`clusterlib.selection.weight_sensitivity`, those that stay in the top
    ``k`` in fewer than ``threshold`` of the weight scenarios are marked fragile (committee review:
    the no. 2 candidate was in the top 5 in only 69 % of the scenarios, and the headline did not say so).
    The sectors of the first ``shown`` ranks (the report's ranking table) that SGK 4/a covers poorly
    are named with a caveat; ``support`` (:func:`support_finding`) says where the support-institutions
    indicator comes from."""
    ranks = result.scores["rank"].head(shown)  # type: ignore[attr-defined]
    poorly = tuple((str(c), int(r)) for c, r in ranks.items() if str(c) in POORLY_COVERED)
    top = tuple(str(c) for c in result.scores.index[:n])  # type: ignore[attr-defined]
    fragile: tuple[tuple[str, float], ...] = ()
    k = 5
    if robustness is not None and "p_top_k" in robustness:
        k = int(robustness.attrs.get("top_k", k))
        shares = robustness["p_top_k"].reindex(list(top))
        fragile = tuple((c, float(p)) for c, p in shares.items() if pd.notna(p) and p < threshold)
    return RankingFinding(
        top=top, result=result, criteria=criteria, fragile=fragile, k=k, poorly_covered=poorly, support=support
    )


# ------------------------------------------------------------------------------------------- support
@dataclass(frozen=True)
class SupportFinding:
    """Where the support-institutions indicator of a province comes from, and the ranking without it.

    The indicator counts the province's stakeholder register and cluster initiatives
    (:func:`clusterlib.selection.inputs.sector_indicators`).  The register is compiled for the
    needs assessment of the province's own cluster, so that cluster's sectors score on it by
    construction (committee review: the pilot's own register was counted as evidence for itself).
    """

    clusters: tuple[str, ...]
    #: (sector, count) of the candidates with a count above zero, in rank order.
    counted: tuple[tuple[str, float], ...]
    median: float
    #: The first sectors when the indicator is not scored.
    without: tuple[str, ...]
    #: (sector, rank, rank without the indicator) of the first sectors that drop out of them without it.
    moved: tuple[tuple[str, int, int], ...]

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if not self.counted:
            return t("selection.finding.support_none", lang)
        names = [nace.cluster(c).name_tr if lang == "tr" else nace.cluster(c).name_en for c in self.clusters]
        key = "selection.finding.support_cluster" if names else "selection.finding.support_province"
        counted = [
            t("selection.finding.support_count", lang, sector=sector_name(c, lang), value=v) for c, v in self.counted
        ]
        moved = [
            t("selection.finding.support_moved", lang, sector=sector_name(c, lang), old=old, new=new)
            for c, old, new in self.moved
        ]
        text = t(key, lang, clusters=names, counted=counted, median=self.median)
        text += " " + t("selection.finding.support_without", lang, top=[sector_name(c, lang) for c in self.without])
        if moved:
            text += " " + t("selection.finding.support_moves", lang, moved=moved)
        return text


def support_finding(
    tables: Mapping[str, pd.DataFrame],
    place: Province,
    result: object,
    criteria: Criteria,
    indicators: pd.DataFrame,
    *,
    n: int = 3,
    missing: str = "worst",
) -> SupportFinding | None:
    """Which clusters' records the support-institutions indicator counts, the candidates it lifts, and
    the first ``n`` sectors when it is not scored (TOPSIS, the same criteria without it).

    Returns None when the criteria do not score ``support_institutions``.
    """
    from clusterlib.selection.scoring import score_sectors

    if "support_institutions" not in criteria.ids or "support_institutions" not in indicators:
        return None
    values = indicators["support_institutions"].astype(float)
    counted = values[values > 0].sort_values(ascending=False, kind="stable")
    ranks = result.scores["rank"]  # type: ignore[attr-defined]
    order = [c for c in ranks.index if c in counted.index]
    clusters: list[str] = []
    register = tables.get("stakeholders")
    if register is not None and "clusters" in register:
        named = register.loc[register["plate"] == place.plate, "clusters"].dropna().astype(str)
        ids = {c.strip() for value in named for c in value.split(";") if c.strip()}
        known = nace.clusters().set_index("id")
        clusters = sorted(i for i in ids if i in known.index and place.name in known.at[i, "provinces"])
    if counted.empty:
        return SupportFinding(tuple(clusters), (), float(values.median()), (), ())
    rest = criteria.without(["support_institutions"])
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*imputed with the", category=UserWarning)
        alone = score_sectors(indicators, rest, method="topsis", missing=missing).scores["rank"]
    # the first sectors that the indicator alone keeps among the first n
    first = [c for c in ranks.index[:n] if c in counted.index and alone[c] > n]
    moved = tuple((str(c), int(ranks[c]), int(alone[c])) for c in first)
    return SupportFinding(
        clusters=tuple(clusters),
        counted=tuple((str(c), float(counted[c])) for c in order),
        median=float(values.median()),
        without=tuple(str(c) for c in alone.sort_values(kind="stable").index[:n]),
        moved=moved,
    )
