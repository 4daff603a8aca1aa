"""Plain-language findings of the sector-selection step: numbers first, sentences at the end.

Each ``*_finding`` function reads one of the step's tables and returns a small frozen dataclass of
numbers and NACE codes (language-free); its :meth:`text` method writes the sentence in Turkish or
English from the i18n catalogue, with the number formats of the language.  Thresholds come from
:mod:`clusterlib.selection.thresholds` and the sentences print the value they used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.i18n import format_percent, t
from clusterlib.regions import Province
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.portfolio import portfolio_quadrants
from clusterlib.selection.thresholds import THRESHOLDS

if TYPE_CHECKING:  # the ranking's findings build on this module's sector_name
    from clusterlib.selection.ranking_findings import RankingFinding

__all__ = [
    "AgreementFinding",
    "CriteriaFinding",
    "MapFinding",
    "PortfolioFinding",
    "RobustnessFinding",
    "SelectionFindings",
    "ShiftShareFinding",
    "StructureFinding",
    "agreement_finding",
    "criteria_finding",
    "map_finding",
    "portfolio_finding",
    "robustness_finding",
    "sector_name",
    "shift_share_finding",
    "structure_finding",
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


@dataclass(frozen=True)
class SelectionFindings:
    """The step's findings as numbers (each has ``.text(lang)``); ``None`` where there is no ranking."""

    structure: StructureFinding
    portfolio: PortfolioFinding
    shift_share: ShiftShareFinding
    map: MapFinding | None
    criteria: CriteriaFinding | None
    ranking: RankingFinding | None
    robustness: RobustnessFinding | None
    agreement: AgreementFinding | None
