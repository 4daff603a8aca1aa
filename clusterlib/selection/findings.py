"""Plain-language findings of the sector-selection step: numbers first, sentences at the end.

Each ``*_finding`` function reads one of the step's tables and returns a small frozen dataclass of
numbers and NACE codes (language-free); its :meth:`text` method writes the sentence in Turkish or
English from the i18n catalogue, with the number formats of the language.  Thresholds come from
:mod:`clusterlib.selection.thresholds` and the sentences print the value they used.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.i18n import format_percent, t
from clusterlib.regions import Province
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.portfolio import portfolio_quadrants
from clusterlib.selection.thresholds import POORLY_COVERED, THRESHOLDS

__all__ = [
    "AgreementFinding",
    "CriteriaFinding",
    "MapFinding",
    "PortfolioFinding",
    "RankingFinding",
    "RobustnessFinding",
    "ShiftShareFinding",
    "StructureFinding",
    "SupportFinding",
    "agreement_finding",
    "criteria_finding",
    "map_finding",
    "portfolio_finding",
    "ranking_finding",
    "robustness_finding",
    "sector_name",
    "shift_share_finding",
    "structure_finding",
    "support_finding",
]

def sector_name(code: str, lang: str) -> str:
    """The short name of a NACE division in ``lang`` (the one naming rule of the step's texts)."""
    return nace.name(code, lang=lang, short=True)


def _share(value: float, lang: str) -> str:
    return format_percent(value, lang, decimals=1 if value * 100 % 1 else 0)


# ------------------------------------------------------------------------------------------ structure
@dataclass(frozen=True)
class StructureFinding:
    """The province's size, largest sector and strongest specialisation."""

    province: str
    year: int
    total: float
    largest: str
    largest_jobs: float
    largest_share: float
    specialised: str
    specialised_lq: float
    min_share: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        specialised = t(
            "selection.finding.specialised",
            lang,
            sector=sector_name(self.specialised, lang),
            lq=self.specialised_lq,
            min_share=_share(self.min_share, lang),
        )
        return t(
            "selection.finding.structure",
            lang,
            province=self.province,
            year=self.year,
            total=self.total,
            largest=sector_name(self.largest, lang),
            largest_jobs=self.largest_jobs,
            largest_share=self.largest_share,
            specialised=specialised,
        )


def structure_finding(
    profile: pd.DataFrame, place: Province, year: int, *, min_share: float = THRESHOLDS.structure_share
) -> StructureFinding:
    """Size, largest sector and the highest LQ among sectors holding at least ``min_share`` of employment.

    ``profile`` is :func:`clusterlib.selection.inputs.sector_profile` (sorted by employment).
    """
    largest = profile.iloc[0]
    sizeable = profile[profile["share"] >= min_share]
    top = sizeable.loc[sizeable["lq"].idxmax()] if len(sizeable) else largest
    return StructureFinding(
        province=place.name,
        year=int(year),
        total=float(profile["employment"].sum()),
        largest=str(largest["nace"]),
        largest_jobs=float(largest["employment"]),
        largest_share=float(largest["share"]),
        specialised=str(top["nace"]),
        specialised_lq=float(top["lq"]),
        min_share=float(min_share),
    )


# ------------------------------------------------------------------------------------------ portfolio
@dataclass(frozen=True)
class PortfolioFinding:
    """Sizeable sectors in the specialised-and-growing quadrant, largest first (NACE codes)."""

    sectors: tuple[str, ...]
    count: int
    national_growth: float
    min_share: float
    specialised_lq: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        key = {0: "portfolio_none", 1: "portfolio_one"}.get(self.count, "portfolio")
        if key == "portfolio" and len(self.sectors) == self.count:
            key = "portfolio_all"  # every sector is named: no "the largest are"
        return t(
            f"selection.finding.{key}",
            lang,
            count=self.count,
            sectors=[sector_name(c, lang) for c in self.sectors],
            national=self.national_growth,
            min_share=_share(self.min_share, lang),
            lq=self.specialised_lq,
        )


def portfolio_finding(
    profile: pd.DataFrame,
    *,
    national_growth: float,
    min_share: float = THRESHOLDS.portfolio_finding_share,
    limit: int = THRESHOLDS.portfolio_finding_limit,
) -> PortfolioFinding:
    """The sizeable sectors of the upper-right quadrant (:func:`portfolio_quadrants`), largest first."""
    quadrant = portfolio_quadrants(profile, national_growth=national_growth)
    stars = profile[(quadrant == "stars") & (profile["share"] >= min_share)]
    stars = stars.sort_values("employment", ascending=False)
    return PortfolioFinding(
        sectors=tuple(str(c) for c in stars["nace"].head(limit)),
        count=len(stars),
        national_growth=float(national_growth),
        min_share=float(min_share),
        specialised_lq=THRESHOLDS.specialised_lq,
    )


# ------------------------------------------------------------------------------------------------ map
@dataclass(frozen=True)
class MapFinding:
    """Where the province ranks among all provinces by LQ in one sector."""

    province: str
    sector: str
    rank: int
    lq: float
    n_provinces: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "selection.finding.map",
            lang,
            province=self.province,
            sector=sector_name(self.sector, lang),
            rank=self.rank,
            n=self.n_provinces,
            lq=self.lq,
        )


def map_finding(lq_values: pd.DataFrame, place: Province) -> MapFinding:
    """Where the province stands among the provinces on the first sector of ``lq_values`` (rank by LQ)."""
    first = lq_values[lq_values["nace"] == lq_values["nace"].iloc[0]]
    ranks = first["lq"].rank(ascending=False, method="min")
    own = first["plate"] == place.plate
    return MapFinding(
        province=place.name,
        sector=str(first["nace"].iloc[0]),
        rank=int(ranks[own].iloc[0]),
        lq=float(first.loc[own, "lq"].iloc[0]),
        n_provinces=int(first["plate"].nunique()),
    )


# ---------------------------------------------------------------------------------------- shift-share
@dataclass(frozen=True)
class ShiftShareFinding:
    """The province's shift-share decomposition summed over sectors and its strongest competitive sector."""

    start: int
    end: int
    change: float
    national: float
    mix: float
    regional: float
    leader: str
    leader_value: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "selection.finding.shift_share",
            lang,
            start=self.start,
            end=self.end,
            change=self.change,
            national=self.national,
            mix=self.mix,
            regional=self.regional,
            leader=sector_name(self.leader, lang),
            leader_value=self.leader_value,
        )


def shift_share_finding(components: pd.DataFrame, start: int, end: int) -> ShiftShareFinding:
    """Sum the components over sectors (the allocation effect counts as regional) and name the leader."""
    total = components[["actual_change", "national_share", "industry_mix", "regional_share"]].sum()
    if "allocation" in components:
        total["regional_share"] += components["allocation"].sum()
    leader = components.loc[components["regional_share"].idxmax()]
    return ShiftShareFinding(
        start=int(start),
        end=int(end),
        change=float(total["actual_change"]),
        national=float(total["national_share"]),
        mix=float(total["industry_mix"]),
        regional=float(total["regional_share"]),
        leader=str(leader["nace"]),
        leader_value=float(leader["regional_share"]),
    )


# ----------------------------------------------------------------------------------------- robustness
@dataclass(frozen=True)
class RobustnessFinding:
    """How often the first sector stays in the top *k*, and how many sectors do so robustly."""

    sector: str
    n: int
    p: float
    k: int
    stable_count: int
    threshold: float
    #: The sectors in the top *k* in at least ``threshold`` of the scenarios, in rank order.
    stable: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """The sentence in ``lang``: how often the first sector stays, and which sectors stay robustly."""
        first = t(
            "selection.finding.robustness_always" if self.p >= 1 else "selection.finding.robustness_share",
            lang,
            sector=sector_name(self.sector, lang),
            n=self.n,
            p=self.p,
            k=self.k,
        )
        key = {0: "robust_none", 1: "robust_one"}.get(self.stable_count, "robust_many")
        rest = t(
            f"selection.finding.{key}",
            lang,
            count=self.stable_count,
            sectors=[sector_name(c, lang) for c in self.stable],
            k=self.k,
            threshold=self.threshold,
        )
        return f"{first}; {rest}"


def robustness_finding(
    robustness: pd.DataFrame, sector: str, *, threshold: float = THRESHOLDS.robust
) -> RobustnessFinding:
    """From :func:`clusterlib.selection.weight_sensitivity`: ``sector``'s ``p_top_k`` and the count of
    sectors with ``p_top_k ≥ threshold``."""
    first = sector
    stable = robustness[robustness["p_top_k"] >= threshold]
    if "rank" in stable:
        stable = stable.sort_values("rank", kind="stable")
    return RobustnessFinding(
        sector=str(first),
        n=int(robustness.attrs["n"]),
        p=float(robustness.loc[first, "p_top_k"]),
        k=int(robustness.attrs["top_k"]),
        stable_count=len(stable),
        threshold=float(threshold),
        stable=tuple(str(c) for c in stable.index),
    )


@dataclass(frozen=True)
class AgreementFinding:
    """The lowest Kendall tau between the rankings of several methods."""

    tau: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if np.isnan(self.tau):
            return t("selection.finding.agreement_unknown", lang)
        if self.tau >= THRESHOLDS.agreement_high:
            level = "high"
        elif self.tau >= THRESHOLDS.agreement_moderate:
            level = "moderate"
        else:
            level = "low"
        return t(f"selection.finding.agreement_{level}", lang, tau=self.tau)


def agreement_finding(agreement: pd.DataFrame) -> AgreementFinding:
    """From :func:`clusterlib.selection.rank_agreement`."""
    tau = float(agreement["kendall_tau"].min()) if "kendall_tau" in agreement else float(np.nan)
    return AgreementFinding(tau=tau)


# ------------------------------------------------------------------------------------ criteria, ranking
@dataclass(frozen=True, eq=False)
class CriteriaFinding:
    """How many indicators and groups score the sectors (from the criteria file), and which group
    carries the first sector."""

    criteria: Criteria
    sector: str
    group: str

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        weights = [
            t("selection.finding.group_weight", lang, group=g.name(lang), weight=g.weight)
            for g in self.criteria.groups
        ]
        return t(
            "selection.finding.criteria",
            lang,
            n=len(self.criteria.ids),
            groups=len(self.criteria.groups),
            weights=weights,
            sector=sector_name(self.sector, lang),
            group=self.criteria.name(self.group, lang),
        )


def criteria_finding(criteria: Criteria, contributions: pd.DataFrame) -> CriteriaFinding:
    """``contributions`` is the group split in the final order (first row = first sector)."""
    first = contributions.iloc[0].astype(float)
    return CriteriaFinding(criteria=criteria, sector=str(contributions.index[0]), group=str(first.idxmax()))


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
        from clusterlib.selection.scoring import explain

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
