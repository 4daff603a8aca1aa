"""Plain-language findings of the monitoring and benchmarking step, in Turkish and English.

Every threshold a sentence uses is defined here, once: :data:`STRONG_PERCENTILE` and
:data:`WEAK_PERCENTILE` (a metric is a strength at or above the 75th percentile of the provinces, a
weakness at or below the 25th — the quartiles of the US Cluster Mapping rule), and
:data:`PEERS_K`, the number of provinces closest in GDP per capita and SES.
"""

from __future__ import annotations

import math

import pandas as pd

from clusterlib.i18n import format_number, format_percent, t
from clusterlib.monitoring.international import reference_names
from clusterlib.monitoring.labels import unit_label

__all__ = [
    "PEERS_K",
    "STRONG_PERCENTILE",
    "WEAK_PERCENTILE",
    "economy_finding",
    "format_metric",
    "international_finding",
    "management_finding",
    "national_finding",
    "next_steps_finding",
    "peers_finding",
    "plan_finding",
    "stale_label",
    "status_label",
    "trajectory_finding",
]

#: A scorecard metric at or above this percentile rank is a strength of the province.
STRONG_PERCENTILE = 75.0
#: A scorecard metric at or below this percentile rank is a weakness of the province.
WEAK_PERCENTILE = 25.0
#: Number of provinces closest in GDP per capita and SES shown as peers.
PEERS_K = 5


def format_metric(metric: str, value: object, lang: str) -> str:
    """A scorecard value as text: growth as a percentage, LQ with two decimals, others whole numbers.

    Examples
    --------
    >>> format_metric("growth", 0.0734, "tr"), format_metric("lq", 2.5, "en"), format_metric("employment", None, "en")
    ('%7,3', '2.50', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    if metric == "growth":
        return format_percent(float(value), lang, decimals=1)
    return format_number(float(value), lang, decimals=2 if metric == "lq" else 0)


def status_label(status: object, lang: str) -> str:
    """The status as symbol and words (colour is never the only signal); missing: an empty string."""
    if not isinstance(status, str):
        return ""
    return t(f"monitoring.status.{status}", lang)


def stale_label(row: object, lang: str) -> str:
    """The status of an indicator without a value for the report year: grey, with its last value's year.

    ``row`` has ``report_year`` and ``latest_year`` (a row of
    :func:`~clusterlib.monitoring.plan.indicator_summary`).
    """
    return t("monitoring.status.stale", lang, year=int(row.report_year), last=int(row.latest_year))


def _names(items: list[str], lang: str) -> str:
    return ", ".join(items) if items else t("monitoring.none", lang)


def plan_finding(summary: pd.DataFrame, *, year: int | None, amber: float, lang: str,
                 conflicts: pd.DataFrame | None = None) -> str:
    """How many indicators are green, amber, red and grey in the report year, and the indicators whose
    direction contradicts their targets (``conflicts``, :func:`~clusterlib.monitoring.plan.direction_conflicts`)."""
    if summary.empty:
        return t("monitoring.finding.no_plan", lang)
    counts = summary["status"].value_counts()
    text = t("monitoring.finding.plan", lang, year=year, n=len(summary),
             amber_share=format_percent(amber, lang, decimals=0),
             **{s: int(counts.get(s, 0)) for s in ("green", "amber", "red", "grey")})
    if conflicts is None or conflicts.empty:
        return text
    items = [t("monitoring.finding.direction_item", lang, name=r[f"name_{lang}"], direction=r["direction"],
               baseline=format_number(r["baseline"], lang, decimals=1),
               target=format_number(r["final_target"], lang, decimals=1),
               way=t(f"monitoring.way.{'rise' if r['final_target'] > r['baseline'] else 'fall'}", lang))
             for r in conflicts.to_dict("records")]
    return f"{text} {t('monitoring.finding.direction_conflict', lang, items='; '.join(items))}"


def trajectory_finding(summary: pd.DataFrame, names: pd.Series, *, window: int, lang: str) -> str:
    """How many final targets the latest trend meets in time, and which it misses."""
    if summary.empty:
        return t("monitoring.finding.no_plan", lang)
    final_year = int(summary["final_year"].max())
    on_time = summary["year_met"].notna() & (summary["year_met"].fillna(9999) <= summary["final_year"])
    off = [names[i] for i in summary.index[~on_time]]
    return t("monitoring.finding.trajectory", lang, window=window, final_year=final_year,
             on_time=int(on_time.sum()), n=len(summary), off=_names(off, lang))


def national_finding(scorecard: pd.DataFrame, *, sector: str, province: str, strong: bool, stars: int,
                     lang: str) -> str:
    """Rank by employment, strongest and weakest metric, strong-cluster flag and stars."""
    card = scorecard.set_index("metric")
    ranked = card["percentile"].dropna()
    best = ranked.idxmax() if len(ranked) else None
    worst = ranked.idxmin() if len(ranked) else None

    def label(metric: str | None) -> str:
        if metric is None:
            return t("monitoring.none", lang)
        return f"{t(f'monitoring.metric.{metric}', lang)} ({format_number(ranked[metric], lang, decimals=0)})"

    employment = card.loc["employment"]
    return t("monitoring.finding.national", lang, sector=sector, province=province,
             rank=int(employment["rank"]), of=int(employment["of"]),
             pct=format_number(employment["percentile"], lang, decimals=0), best=label(best), worst=label(worst),
             strong_text=t("monitoring.is_strong" if strong else "monitoring.not_strong", lang), stars=stars)


def peers_finding(peers: pd.DataFrame, table: pd.DataFrame, *, plate: int, province: str, lang: str) -> str:
    """Which provinces are peers and how many of them the province leads on the sector's LQ."""
    region = peers.loc[peers["same_nuts2"], "province"].tolist()
    similar = peers.loc[peers["similar"], "province"].tolist()
    lq = table["lq"]
    plates = [p for p in peers["plate"] if p in lq.index and pd.notna(lq.loc[p])]
    ahead = sum(1 for p in plates if lq.loc[plate] > lq.loc[p])
    return t("monitoring.finding.peers", lang, region=_names(region, lang), k=len(similar),
             similar=_names(similar, lang), province=province, ahead=ahead, n=len(plates))


def economy_finding(growth: pd.DataFrame, structure: pd.DataFrame, gdp: dict, ses: dict, *, province: str,
                    start: int, end: int, sector_names: dict[str, str], lang: str) -> str:
    """Real growth of value added against Türkiye, GDP per capita and SES ranks, most specialised sector."""
    total = growth.set_index("sector").loc["total_gva"]
    top = structure[structure["sector"] != "C_manufacturing"].sort_values("lq", ascending=False).iloc[0]
    return t("monitoring.finding.economy", lang, province=province, start=start, end=end,
             growth=format_percent(total["province_cagr"], lang, decimals=1),
             national=format_percent(total["turkiye_cagr"], lang, decimals=1), gdp_year=gdp["year"],
             gdp_rank=gdp["rank"], ses_rank=ses["rank"], sector=sector_names[top["sector"]],
             lq=format_number(top["lq"], lang, decimals=2))


def international_finding(gaps: pd.DataFrame, names: dict[str, str], lang: str) -> str:
    """How many references the cluster leads and trails, and its largest gap; and the references left
    out because their unit is not the indicator's (``gaps.attrs["unit_mismatch"]``)."""
    skipped = gaps.attrs.get("unit_mismatch", [])
    note = ""
    if skipped:
        items = [f"{names.get(r['indicator'], r['indicator'])} ({unit_label(r['unit'], lang)}) ↔ {r['reference']} "
                 f"({'–' if pd.isna(r['reference_unit']) else unit_label(r['reference_unit'], lang)})"
                 for r in skipped]
        note = " " + t("monitoring.finding.unit_mismatch", lang, n=len(skipped), items="; ".join(items))
    known = gaps.dropna(subset=["gap"])
    if known.empty:
        return t("monitoring.finding.no_international", lang) + note
    worst = known["gap"].idxmin()
    return t("monitoring.finding.international", lang, n=len(known), ahead=int((known["gap"] >= 0).sum()),
             behind=int((known["gap"] < 0).sum()), indicator=names[known.loc[worst, "indicator"]],
             reference=reference_names(known, lang)[worst], gap=format_percent(known.loc[worst, "gap"], lang,
                                                                              decimals=0)) + note


def management_finding(table: pd.DataFrame | None, score: float, label: str, *, gold: float, lang: str) -> str:
    """Overall management score, label and the areas below the Gold threshold."""
    if table is None or math.isnan(score):
        return t("monitoring.finding.no_management", lang)
    behind = table[table["holds_back"]].sort_values("gap_to_gold")
    areas = [t(f"monitoring.area.{a}", lang) for a in behind["area"]]
    return t("monitoring.finding.management", lang, score=format_number(score, lang, decimals=0),
             label=t(f"monitoring.label.{label}", lang), gold=format_percent(gold, lang, decimals=0),
             areas=_names(areas, lang))


def next_steps_finding(summary: pd.DataFrame, names: pd.Series, management: pd.DataFrame | None,
                       scorecard: pd.DataFrame, lang: str) -> str:
    """What to do next: the red indicators, the weakest management area, the weakest national metric."""
    parts = []
    if not summary.empty:
        red = [names[i] for i in summary.index[summary["status"] == "red"]]
        if red:
            parts.append(t("monitoring.next.red", lang, names=", ".join(red)))
        if (summary["status"] == "grey").any():
            parts.append(t("monitoring.next.data", lang))
    if management is not None and management["score"].notna().any():
        weakest = management.loc[management["gap_to_gold"].idxmin()]
        if weakest["gap_to_gold"] < 0:
            parts.append(t("monitoring.next.area", lang, area=t(f"monitoring.area.{weakest['area']}", lang),
                           gap=format_number(-weakest["gap_to_gold"], lang, decimals=0)))
    ranked = scorecard.dropna(subset=["percentile"])
    low = ranked[ranked["percentile"] <= WEAK_PERCENTILE]
    if len(low):
        metric = low.sort_values("percentile").iloc[0]["metric"]
        parts.append(t("monitoring.next.weak", lang, metric=t(f"monitoring.metric.{metric}", lang)))
    return " ".join(parts) if parts else t("monitoring.next.data", lang)
