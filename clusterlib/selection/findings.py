"""Plain-language findings of the sector-selection step: numbers first, sentences at the end.

Each ``*_finding`` function reads one of the step's tables and returns a small frozen dataclass of
numbers and NACE codes (language-free); its :meth:`text` method writes the sentence in Turkish or
English from the i18n catalogue, with the number formats of the language.  Thresholds come from
:mod:`clusterlib.selection.thresholds` and the sentences print the value they used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.i18n import add_strings, format_number, format_percent, t
from clusterlib.regions import Province
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.portfolio import portfolio_quadrants
from clusterlib.selection.thresholds import THRESHOLDS

__all__ = [
    "AgreementFinding",
    "CriteriaFinding",
    "MapFinding",
    "PortfolioFinding",
    "RankingFinding",
    "RobustnessFinding",
    "ShiftShareFinding",
    "StructureFinding",
    "agreement_finding",
    "criteria_finding",
    "map_finding",
    "portfolio_finding",
    "ranking_finding",
    "robustness_finding",
    "sector_name",
    "shift_share_finding",
    "structure_finding",
]

add_strings(
    {
        "selection.finding.structure": {
            "tr": "{province} ilinde {year} yılında {total} sigortalı çalışan var. En büyük sektör {largest} "
            "({largest_jobs} kişi, {largest_share}); {specialised}",
            "en": "{province} had {total} insured employees in {year}. The largest sector is {largest} "
            "({largest_jobs} jobs, {largest_share}); {specialised}",
        },
        "selection.finding.specialised": {
            "tr": "istihdamın en az {min_share} payını tutan sektörler arasında en belirgin uzmanlaşma {sector} "
            "sektöründe (LQ {lq}: Türkiye ortalamasının {lq} katı).",
            "en": "among sectors with at least {min_share} of employment the strongest specialisation is in "
            "{sector} (LQ {lq}: {lq} times the national share).",
        },
        "selection.finding.portfolio": {
            "tr": "İstihdamın en az {min_share} payını tutan {count} sektör hem uzmanlaşmış (LQ > {lq}) hem de "
            "Türkiye ortalamasından (yılda {national}) hızlı büyüyor; en büyükleri: {sectors}.",
            "en": "{count} sectors with at least {min_share} of employment are both specialised (LQ > {lq}) and "
            "growing faster than the national average ({national} a year); the largest: {sectors}.",
        },
        "selection.finding.portfolio_one": {
            "tr": "İstihdamın en az {min_share} payını tutan sektörlerden hem uzmanlaşmış (LQ > {lq}) hem de "
            "Türkiye ortalamasından (yılda {national}) hızlı büyüyen tek sektör: {sectors}.",
            "en": "One sector with at least {min_share} of employment is both specialised (LQ > {lq}) and "
            "growing faster than the national average ({national} a year): {sectors}.",
        },
        "selection.finding.portfolio_none": {
            "tr": "İstihdamın en az {min_share} payını tutan sektörlerden hiçbiri hem uzmanlaşmış (LQ > {lq}) "
            "hem de Türkiye ortalamasından (yılda {national}) hızlı büyüyen değil.",
            "en": "No sector with at least {min_share} of employment is both specialised (LQ > {lq}) and "
            "growing faster than the national average ({national} a year).",
        },
        "selection.finding.map": {
            "tr": "{province}, {sector} sektöründe yerelleşme katsayısıyla {n} il arasında {rank}. sırada "
            "(LQ {lq}).",
            "en": "{province} ranks {rank} of {n} provinces by location quotient in {sector} (LQ {lq}).",
        },
        "selection.finding.shift_share": {
            "tr": "{start}–{end} döneminde istihdam {change} kişi değişti. Türkiye ortalamasıyla büyüseydi "
            "{national} kişi artacaktı; sektör karması etkisi {mix}, bölgesel rekabet etkisi {regional} kişi. "
            "Rekabet avantajının en güçlü olduğu sektör: {leader} ({leader_value} kişi).",
            "en": "Between {start} and {end} employment changed by {change} jobs. Growing at the national rate it "
            "would have gained {national}; the industry-mix effect is {mix} and the regional (competitive) "
            "effect {regional} jobs. The strongest competitive gain: {leader} ({leader_value} jobs).",
        },
        "selection.finding.robustness": {
            "tr": "{sector}, {n} ağırlık senaryosunun {p} oranında ilk {k} arasında kalıyor; senaryoların en az "
            "{threshold} oranında ilk {k} arasında kalan sektör sayısı: {stable_count}.",
            "en": "{sector} stays in the top {k} in {p} of {n} weight scenarios; {stable_count} sectors are in "
            "the top {k} in at least {threshold} of the scenarios.",
        },
        "selection.finding.criteria": {
            "tr": "{n} gösterge {groups} grupta toplanıyor (grup ağırlıkları: {weights}). {sector} sektörünün "
            "puanına en çok katkıyı {group} grubu yapıyor.",
            "en": "{n} indicators in {groups} groups (group weights: {weights}). The largest part of {sector}'s "
            "score comes from {group}.",
        },
        "selection.finding.ranking": {
            "tr": "Kümelenme için en uygun aday sektörler: {top}. {why}",
            "en": "The best candidates for a cluster are: {top}. {why}",
        },
        "selection.finding.agreement": {
            "tr": "Farklı yöntemler (TOPSIS, ağırlıklı toplam; farklı normalleştirmeler) sıralamada büyük ölçüde "
            "uyuşuyor: en düşük Kendall τ {tau}.",
            "en": "Different methods (TOPSIS, weighted sum; several normalisations) largely agree on the ranking: "
            "the lowest Kendall τ is {tau}.",
        },
    }
)


def sector_name(code: str, lang: str) -> str:
    """The short name of a NACE division in ``lang`` (the one naming rule of the step's texts)."""
    return nace.name(code, lang=lang, short=True)


def _signed(value: float, lang: str) -> str:
    text = format_number(value, lang)
    return text if value < 0 else f"+{text}"


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
            lq=format_number(self.specialised_lq, lang, decimals=1),
            min_share=_share(self.min_share, lang),
        )
        return t(
            "selection.finding.structure",
            lang,
            province=self.province,
            year=self.year,
            total=format_number(self.total, lang),
            largest=sector_name(self.largest, lang),
            largest_jobs=format_number(self.largest_jobs, lang),
            largest_share=format_percent(self.largest_share, lang, decimals=1),
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
        return t(
            f"selection.finding.{key}",
            lang,
            count=self.count,
            sectors=", ".join(sector_name(c, lang) for c in self.sectors),
            national=format_percent(self.national_growth, lang, decimals=1),
            min_share=_share(self.min_share, lang),
            lq=format_number(self.specialised_lq, lang, decimals=0),
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
            lq=format_number(self.lq, lang, decimals=2),
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
            change=_signed(self.change, lang),
            national=_signed(self.national, lang),
            mix=_signed(self.mix, lang),
            regional=_signed(self.regional, lang),
            leader=sector_name(self.leader, lang),
            leader_value=_signed(self.leader_value, lang),
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

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "selection.finding.robustness",
            lang,
            sector=sector_name(self.sector, lang),
            n=format_number(self.n, lang),
            p=format_percent(self.p, lang, decimals=0),
            k=self.k,
            stable_count=self.stable_count,
            threshold=format_percent(self.threshold, lang, decimals=0),
        )


def robustness_finding(
    robustness: pd.DataFrame, sector: str, *, threshold: float = THRESHOLDS.robust
) -> RobustnessFinding:
    """From :func:`clusterlib.selection.weight_sensitivity`: ``sector``'s ``p_top_k`` and the count of
    sectors with ``p_top_k ≥ threshold``."""
    first = sector
    return RobustnessFinding(
        sector=str(first),
        n=int(robustness.attrs["n"]),
        p=float(robustness.loc[first, "p_top_k"]),
        k=int(robustness.attrs["top_k"]),
        stable_count=int((robustness["p_top_k"] >= threshold).sum()),
        threshold=float(threshold),
    )


@dataclass(frozen=True)
class AgreementFinding:
    """The lowest Kendall tau between the rankings of several methods."""

    tau: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t("selection.finding.agreement", lang, tau=format_number(self.tau, lang, decimals=2))


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
        weights = ", ".join(
            f"{g.name(lang)} {format_percent(g.weight, lang, decimals=0)}" for g in self.criteria.groups
        )
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

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, with the explanation of the first sector."""
        from clusterlib.selection.scoring import explain

        names = {c: sector_name(c, lang) for c in self.result.scores.index}  # type: ignore[attr-defined]
        why = explain(self.result, self.criteria, sector=self.top[0], lang=lang, names=names)  # type: ignore[arg-type]
        return t(
            "selection.finding.ranking", lang, top=", ".join(sector_name(c, lang) for c in self.top), why=why
        )


def ranking_finding(result: object, criteria: Criteria, *, n: int = 3) -> RankingFinding:
    """The first ``n`` sectors of a :class:`~clusterlib.selection.SelectionResult`."""
    return RankingFinding(
        top=tuple(str(c) for c in result.scores.index[:n]),  # type: ignore[attr-defined]
        result=result,
        criteria=criteria,
    )
