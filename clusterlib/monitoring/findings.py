"""Plain-language findings of the monitoring and benchmarking step: numbers first, sentences at the end.

Each ``*_finding`` function reads the step's tables and returns a small frozen dataclass of numbers,
ids and names in both languages (language-free); its :meth:`text` method writes the sentence in
Turkish or English from the catalogue (``resources/strings/monitoring.findings.yaml``), with the
number formats and suffixes of the language.  Thresholds come from
:mod:`clusterlib.monitoring.thresholds`; the sentences print the value they used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from clusterlib import nace
from clusterlib.i18n import t
from clusterlib.monitoring.gap_findings import InternationalFinding, UnitMismatch, international_finding
from clusterlib.monitoring.thresholds import THRESHOLDS
from clusterlib.monitoring.wording import Name, a10_name, area_name, metric_name, names_text

__all__ = [
    "PEERS_K",
    "STRONG_PERCENTILE",
    "WEAK_PERCENTILE",
    "Conflict",
    "EconomyFinding",
    "InternationalFinding",
    "ManagementFinding",
    "NationalFinding",
    "NextStepsFinding",
    "PeersFinding",
    "PlanFinding",
    "TrajectoryFinding",
    "UnitMismatch",
    "economy_finding",
    "international_finding",
    "management_finding",
    "national_finding",
    "next_steps_finding",
    "peers_finding",
    "plan_finding",
    "trajectory_finding",
]

#: A scorecard metric at or above this percentile rank is a strength (:attr:`Thresholds.strong_percentile`).
STRONG_PERCENTILE = THRESHOLDS.strong_percentile
#: A scorecard metric at or below this percentile rank is a weakness (:attr:`Thresholds.weak_percentile`).
WEAK_PERCENTILE = THRESHOLDS.weak_percentile
#: Number of provinces closest in GDP per capita and SES shown as peers (:attr:`Thresholds.peers_k`).
PEERS_K = THRESHOLDS.peers_k


def _names(frame: pd.DataFrame, ids: object) -> tuple[Name, ...]:
    rows = frame.set_index("indicator") if "indicator" in frame.columns else frame
    return tuple(Name(str(rows.at[i, "name_en"]), str(rows.at[i, "name_tr"])) for i in ids)


@dataclass(frozen=True)
class Conflict:
    """An indicator whose direction contradicts its targets."""

    name: Name
    direction: str
    baseline: float
    final_target: float


@dataclass(frozen=True)
class PlanFinding:
    """How many indicators are green, amber, red and grey in the report year (``n == 0``: no plan)."""

    year: int | None
    n: int
    green: int
    amber: int
    red: int
    grey: int
    amber_share: float
    conflicts: tuple[Conflict, ...] = ()
    #: Set when no cluster is defined in the province: ``(province, NACE division)`` it is benchmarked on.
    without_cluster: tuple[str, str] | None = None

    def text(self, lang: str) -> str:
        """The sentence in ``lang``; a count of zero leaves its clause out."""
        if self.without_cluster is not None:
            province, division = self.without_cluster
            return t("monitoring.finding.no_cluster", lang, province=province, division=division,
                     name=nace.name(division, lang=lang, short=True))
        if self.n == 0:
            return t("monitoring.finding.no_plan", lang)
        parts = [t(f"monitoring.finding.plan_{s}", lang, count=getattr(self, s), amber_share=self.amber_share)
                 for s in ("green", "amber", "red") if getattr(self, s)]
        grey = (t("monitoring.finding.plan_grey", lang, count=self.grey) if self.grey
                else t("monitoring.finding.plan_all_data", lang))
        text = t("monitoring.finding.plan", lang, year=self.year, n=self.n, parts=", ".join(parts), grey=grey)
        if not self.conflicts:
            return text
        items = [t("monitoring.finding.direction_item", lang, name=c.name.text(lang), direction=c.direction,
                   baseline=c.baseline, target=c.final_target,
                   way=t(f"monitoring.way.{'rise' if c.final_target > c.baseline else 'fall'}", lang))
                 for c in self.conflicts]
        return f"{text} {t('monitoring.finding.direction_conflict', lang, items='; '.join(items))}"


def plan_finding(summary: pd.DataFrame, *, year: int | None, amber: float,
                 conflicts: pd.DataFrame | None = None,
                 without_cluster: tuple[str, str] | None = None) -> PlanFinding:
    """Count the statuses of :func:`~clusterlib.monitoring.indicator_summary`; ``conflicts`` from
    :func:`~clusterlib.monitoring.plan.direction_conflicts`; ``without_cluster`` (province, division)
    when no cluster is defined in the province."""
    counts = summary["status"].value_counts() if not summary.empty else pd.Series(dtype=int)
    found = () if conflicts is None or conflicts.empty else tuple(
        Conflict(Name(str(r["name_en"]), str(r["name_tr"])), str(r["direction"]), float(r["baseline"]),
                 float(r["final_target"])) for r in conflicts.to_dict("records"))
    return PlanFinding(year=year, n=len(summary), amber_share=float(amber), conflicts=found,
                       without_cluster=without_cluster,
                       **{s: int(counts.get(s, 0)) for s in ("green", "amber", "red", "grey")})


@dataclass(frozen=True)
class TrajectoryFinding:
    """How many final targets the latest trend meets in time, and which it misses (``n == 0``: no plan)."""

    window: int
    final_year: int | None
    on_time: int
    n: int
    off: tuple[Name, ...]

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if self.n == 0:
            return t("monitoring.finding.no_trajectory", lang)
        if not self.off:
            return t("monitoring.finding.trajectory_all", lang, window=self.window, final_year=self.final_year,
                     n=self.n)
        return t("monitoring.finding.trajectory", lang, window=self.window, final_year=self.final_year,
                 on_time=self.on_time, n=self.n, off=[n.text(lang) for n in self.off])


def trajectory_finding(summary: pd.DataFrame, *, window: int) -> TrajectoryFinding:
    """Read :func:`~clusterlib.monitoring.indicator_summary`'s ``year_met`` against the final year."""
    if summary.empty:
        return TrajectoryFinding(window, None, 0, 0, ())
    on_time = summary["year_met"].notna() & (summary["year_met"].fillna(9999) <= summary["final_year"])
    return TrajectoryFinding(window=window, final_year=int(summary["final_year"].max()), on_time=int(on_time.sum()),
                             n=len(summary), off=_names(summary, summary.loc[~on_time, "indicator"]))


@dataclass(frozen=True)
class NationalFinding:
    """Rank by employment, strongest and weakest metric (with percentile), strong-cluster flag and stars."""

    sector: Name
    division: str
    province: str
    rank: int
    of: int
    percentile: float
    best: tuple[str, float] | None
    worst: tuple[str, float] | None
    strong: bool
    stars: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        def side(item: tuple[str, float] | None) -> str:
            if item is None:
                return t("monitoring.none", lang)
            return t("monitoring.finding.side", lang, metric=metric_name(item[0], lang), p=item[1])

        name = nace.name(self.division, lang=lang, short=True)
        nace_text = (t("monitoring.finding.nace", lang, division=self.division) if name == self.sector.text(lang)
                     else t("monitoring.finding.nace_named", lang, division=self.division, name=name))
        return t("monitoring.finding.national", lang, sector=self.sector.text(lang), nace=nace_text,
                 province=self.province,
                 rank=self.rank, of=self.of, share=self.percentile / 100.0, best=side(self.best),
                 worst=side(self.worst), strong_text=t("monitoring.is_strong" if self.strong else
                                                         "monitoring.not_strong", lang), stars=self.stars)


def national_finding(scorecard: pd.DataFrame, *, sector: Name, division: str, province: str, strong: bool,
                     stars: int) -> NationalFinding:
    """Read :func:`~clusterlib.monitoring.national_scorecard`'s table."""
    card = scorecard.set_index("metric")
    ranked = card["percentile"].dropna()
    best = (str(ranked.idxmax()), float(ranked.max())) if len(ranked) else None
    worst = (str(ranked.idxmin()), float(ranked.min())) if len(ranked) else None
    employment = card.loc["employment"]
    return NationalFinding(sector=sector, division=division, province=province, rank=int(employment["rank"]),
                           of=int(employment["of"]), percentile=float(employment["percentile"]), best=best,
                           worst=worst, strong=bool(strong), stars=int(stars))


@dataclass(frozen=True)
class PeersFinding:
    """Which provinces are peers and how many of them the province leads on the sector's LQ."""

    province: str
    nuts2: str
    region: tuple[str, ...]
    similar: tuple[str, ...]
    ahead: int
    n: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        key = "all" if self.n and self.ahead == self.n else "none" if self.ahead == 0 else "some"
        lead = t(f"monitoring.finding.peers_{key}", lang, province=self.province, ahead=self.ahead, n=self.n)
        return t("monitoring.finding.peers", lang, nuts2=self.nuts2, region=names_text(self.region, lang),
                 k=len(self.similar), similar=names_text(self.similar, lang), lead=lead)


def peers_finding(peers: pd.DataFrame, table: pd.DataFrame, *, plate: int, province: str, nuts2: str) -> PeersFinding:
    """Read :func:`~clusterlib.monitoring.peer_provinces` and the sector's LQ by province."""
    lq = table["lq"]
    plates = [p for p in peers["plate"] if p in lq.index and pd.notna(lq.loc[p])]
    return PeersFinding(province=province, nuts2=nuts2,
                        region=tuple(peers.loc[peers["same_nuts2"], "province"]),
                        similar=tuple(peers.loc[peers["similar"], "province"]),
                        ahead=sum(1 for p in plates if lq.loc[plate] > lq.loc[p]), n=len(plates))


@dataclass(frozen=True)
class EconomyFinding:
    """Real growth of value added against Türkiye, GDP per capita and SES ranks, most specialised A10 sector."""

    province: str
    start: int
    end: int
    growth: float
    national: float
    gdp_year: int
    gdp_rank: int
    ses_rank: int
    sector: str
    lq: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t("monitoring.finding.economy", lang, province=self.province, start=self.start, end=self.end,
                 growth=self.growth, national=self.national, gdp_year=self.gdp_year, gdp_rank=self.gdp_rank,
                 ses_rank=self.ses_rank, sector=a10_name(self.sector, lang), lq=self.lq)


def economy_finding(growth: pd.DataFrame, structure: pd.DataFrame, gdp: dict, ses: dict, *, province: str,
                    start: int, end: int) -> EconomyFinding:
    """Read :func:`~clusterlib.monitoring.gva_growth`, :func:`~clusterlib.monitoring.gva_structure` and the
    ranks of :func:`~clusterlib.monitoring.province_rank` (manufacturing is part of industry: left out)."""
    total = growth.set_index("sector").loc["total_gva"]
    top = structure[structure["sector"] != "C_manufacturing"].sort_values("lq", ascending=False).iloc[0]
    return EconomyFinding(province=province, start=start, end=end, growth=float(total["province_cagr"]),
                          national=float(total["turkiye_cagr"]), gdp_year=int(gdp["year"]), gdp_rank=int(gdp["rank"]),
                          ses_rank=int(ses["rank"]), sector=str(top["sector"]), lq=float(top["lq"]))


@dataclass(frozen=True)
class ManagementFinding:
    """Overall management score, its label and the areas below the Gold threshold, furthest behind first."""

    score: float
    label: str
    gold: float
    behind: tuple[str, ...]
    areas: int

    def text(self, lang: str) -> str:
        """The sentences in ``lang``."""
        if math.isnan(self.score):
            return t("monitoring.finding.no_management", lang)
        head = t("monitoring.finding.management", lang, score=self.score, label=t(f"monitoring.label.{self.label}",
                                                                                 lang), gold=self.gold * 100)
        names = "; ".join(area_name(a, lang) for a in self.behind)
        if not self.behind:
            tail = t("monitoring.finding.management_none_behind", lang)
        elif len(self.behind) == self.areas:
            tail = t("monitoring.finding.management_all_behind", lang, n=self.areas, areas=names)
        else:
            tail = t("monitoring.finding.management_behind", lang, areas=names)
        return f"{head} {tail} {t('monitoring.finding.management_not_indicator', lang)}"


def management_finding(table: pd.DataFrame | None, score: float, label: str, *, gold: float) -> ManagementFinding:
    """Read :func:`~clusterlib.monitoring.management_scorecard` (``None``: no self-assessment)."""
    if table is None or math.isnan(score):
        return ManagementFinding(math.nan, label, gold, (), 0)
    behind = table[table["holds_back"]].sort_values("gap_to_gold")
    return ManagementFinding(float(score), label, float(gold), tuple(behind["area"]), len(table))


@dataclass(frozen=True)
class NextStepsFinding:
    """What to do next: the red indicators, missing data, the weakest management area and national metric."""

    red: tuple[Name, ...]
    missing_data: bool
    has_plan: bool
    area: str | None
    area_gap: float
    weak_metric: str | None
    weak_percentile: float

    def text(self, lang: str) -> str:
        """The sentences in ``lang``."""
        parts = []
        if self.red:
            parts.append(t("monitoring.next.red", lang, names=[n.text(lang) for n in self.red]))
        if self.missing_data:
            parts.append(t("monitoring.next.data", lang))
        if self.area is not None:
            parts.append(t("monitoring.next.area", lang, area=area_name(self.area, lang), gap=self.area_gap))
        if self.weak_metric is not None:
            parts.append(t("monitoring.next.weak", lang, metric=metric_name(self.weak_metric, lang),
                           p=self.weak_percentile))
        if not self.has_plan:
            parts.insert(0, t("monitoring.next.no_plan", lang))
        return " ".join(parts) if parts else t("monitoring.next.data", lang)


def next_steps_finding(summary: pd.DataFrame, management: pd.DataFrame | None,
                       scorecard: pd.DataFrame) -> NextStepsFinding:
    """The red indicators, the weakest management area below Gold, the weakest metric in the bottom quartile."""
    red: tuple[Name, ...] = ()
    missing = False
    if not summary.empty:
        red = _names(summary, summary.loc[summary["status"] == "red", "indicator"])
        missing = bool((summary["status"] == "grey").any())
    area, gap = None, math.nan
    if management is not None and management["score"].notna().any():
        weakest = management.loc[management["gap_to_gold"].idxmin()]
        if weakest["gap_to_gold"] < 0:
            area, gap = str(weakest["area"]), float(-weakest["gap_to_gold"])
    ranked = scorecard.dropna(subset=["percentile"])
    low = ranked[ranked["percentile"] <= WEAK_PERCENTILE].sort_values("percentile")
    metric = str(low.iloc[0]["metric"]) if len(low) else None
    percentile = float(low.iloc[0]["percentile"]) if len(low) else math.nan
    return NextStepsFinding(red=red, missing_data=missing, has_plan=not summary.empty, area=area, area_gap=gap,
                            weak_metric=metric, weak_percentile=percentile)
