"""The tables of the monitoring report, built from the language-free result with column kinds by id.

Every function returns a :class:`clusterlib.report.Table` whose frame keeps language-free column ids
and raw numbers; ``kinds`` give each column its format (count, money, ratio, percent, code, text)
and ``labels`` its header in the report's language, so the HTML and the XLSX (numbers as numbers)
show the same figures.  Indicators of the monitoring plan are measured in different units, so a
table of their values is built per unit kind (:data:`~clusterlib.monitoring.labels.UNIT_KINDS`):
counts without decimals, per cent as per cent, money with one decimal.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from clusterlib.i18n import t, turkish_capitalize
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.monitoring.international import reference_names
from clusterlib.monitoring.labels import country_name, format_unit_value, unit_kind, unit_label
from clusterlib.monitoring.rag import status_symbol
from clusterlib.monitoring.wording import (
    a10_names,
    area_name,
    metric_name,
    stale_label,
    status_label,
)
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table

if TYPE_CHECKING:
    from clusterlib.monitoring.analysis import MonitoringBenchmarking

__all__ = [
    "METRIC_KINDS",
    "UNIT_GROUPS",
    "economy_table",
    "gaps_table",
    "management_table",
    "monitoring_table",
    "peers_table",
    "scorecard_table",
    "scorecard_values_table",
    "status_grid",
]

#: The column kind of each national-scorecard metric.
METRIC_KINDS: dict[str, str] = {"employment": "count", "lq": "ratio", "growth": "percent", "avg_wage": "money",
                                "workplaces": "count", "exports_usd": "money"}
#: The unit kinds a table of indicator values is split by, in display order, with the column kind of each.
UNIT_GROUPS: dict[str, str] = {"count": "count", "percent": "percent", "money": "money:1", "number": "number"}


def _cap(text: str, lang: str) -> str:
    """First letter upper-case, as every table cell starts (Turkish rules in Turkish)."""
    return turkish_capitalize(text) if lang == "tr" else text[:1].upper() + text[1:]


def _labels(ids: list[str], lang: str, **extra: str) -> dict[str, str]:
    return {c: extra.get(c) or t(f"monitoring.col.{c}", lang) for c in ids}


def _years(values: pd.Series) -> pd.Series:
    """Years as whole numbers, missing kept missing (``<NA>``), with a fresh index."""
    return pd.to_numeric(values, errors="coerce").round().astype("Int64").reset_index(drop=True)


def _check_group(group: str) -> None:
    if group not in UNIT_GROUPS:
        raise ValueError(f"'group' must be one of {list(UNIT_GROUPS)}, got {group!r}")


def _indicator(names: pd.Series, units: pd.Series, lang: str) -> list[str]:
    return [f"{n} ({unit_label(u, lang)})" for n, u in zip(names, units, strict=True)]


def _scale(values: pd.Series, group: str) -> pd.Series:
    """Values in per cent (28.9) as proportions (0.289) for a percent column; others unchanged."""
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    return numbers / 100.0 if group == "percent" else numbers


def status_grid(result: MonitoringBenchmarking, lang: str) -> Table | Omitted:
    """Indicators × years, each cell its status symbol and actual value in the unit's format.

    An HTML table (not a plotly ``table``), so that it prints whole on A4: the status is a symbol
    (● ▲ ■ ○) beside the value, never a colour alone.  The cells are text (symbol and value); the
    values as numbers are in :func:`monitoring_table` and the saved plan.
    """
    plan = result.plan
    if plan.empty:  # the monitoring table's notice says so, once
        return Omitted("no monitoring plan")
    first = plan.drop_duplicates("indicator").set_index("indicator")
    years = sorted(plan["year"].unique())
    frame = pd.DataFrame({"indicator": _indicator(first[f"name_{lang}"], first["unit"], lang)})
    for year in years:
        rows = plan[plan["year"] == year].set_index("indicator")
        cells = []
        for indicator in first.index:
            row = rows.loc[indicator] if indicator in rows.index else None
            status = row["status"] if row is not None and isinstance(row["status"], str) else None
            actual = row["actual"] if row is not None else math.nan
            value = "" if pd.isna(actual) else format_unit_value(actual, first.at[indicator, "unit"], lang)
            cells.append(f"{status_symbol(status)} {value}".strip() if status is not None else value)
        frame[str(int(year))] = cells
    kinds = {c: "text" for c in frame.columns}
    return Table(frame, lang, kinds=kinds, labels={"indicator": t("monitoring.chart.indicator", lang)},
                 sheet=t("monitoring.chart.grid_sheet", lang))


def monitoring_table(result: MonitoringBenchmarking, lang: str, group: str = "count") -> Table | Notice | Omitted:
    """The latest status of the indicators measured in one unit kind (``group``, :data:`UNIT_GROUPS`).

    A province without a monitoring plan gets a notice in the ``"count"`` table and nothing in the
    others; a kind no indicator is measured in is omitted.
    """
    _check_group(group)
    s = result.indicators
    if s.empty:
        return Notice(t("monitoring.table.no_plan", lang)) if group == "count" else Omitted("no monitoring plan")
    s = s[[unit_kind(u) == group for u in s["unit"]]]
    if s.empty:
        return Omitted(f"no indicator measured in a {group} unit")
    conflicting = set(result.conflicts["indicator"]) if not result.conflicts.empty else set()
    status = [(stale_label(r, lang) if r.status == "grey" and pd.notna(r.latest_year) else status_label(r.status, lang))
              + (f" — {t('monitoring.status.conflict', lang)}" if r.indicator in conflicting else "")
              for r in s.itertuples(index=False)]
    frame = pd.DataFrame({
        "indicator": _indicator(s[f"name_{lang}"], s["unit"], lang),
        "latest_year": _years(s["latest_year"]),
        "latest_target": _scale(s["latest_target"], group).to_numpy(),
        "latest_actual": _scale(s["latest_actual"], group).to_numpy(),
        "progress": pd.to_numeric(s["progress"], errors="coerce").to_numpy(dtype=float),
        "status": status,
        "final_target": _scale(s["final_target"], group).to_numpy(),
        "year_met": _years(s["year_met"]),
    })
    value = UNIT_GROUPS[group]
    kinds = {"indicator": "text", "latest_year": "code", "latest_target": value, "latest_actual": value,
             "progress": "percent:0", "status": "text", "final_target": value, "year_met": "code"}
    return Table(frame, lang, caption=t(f"monitoring.table.group.{group}", lang), kinds=kinds,
                 labels=_labels(list(frame.columns), lang), sheet=t(f"monitoring.sheet.plan_{group}", lang))


def scorecard_table(result: MonitoringBenchmarking, lang: str) -> Table:
    """The national scorecard: each metric's rank, number of provinces ranked and percentile rank."""
    card = result.scorecard
    frame = pd.DataFrame({"metric": [metric_name(m, lang) for m in card["metric"]],
                          "rank": pd.to_numeric(card["rank"]).to_numpy(), "of": pd.to_numeric(card["of"]).to_numpy(),
                          "percentile": pd.to_numeric(card["percentile"]).to_numpy(dtype=float)})
    kinds = {"metric": "text", "rank": "count", "of": "count", "percentile": "count"}
    return Table(frame, lang, kinds=kinds, labels=_labels(list(frame.columns), lang),
                 sheet=t("monitoring.sheet.scorecard", lang))


def scorecard_values_table(result: MonitoringBenchmarking, lang: str) -> Table:
    """The province's value of each scorecard metric beside the median of the 81 provinces."""
    card = result.scorecard.set_index("metric")
    metrics = [m for m in METRICS if m in card.index]
    frame = pd.DataFrame({"row": [result.province.name, t("monitoring.col.median", lang)]})
    for metric in metrics:
        frame[metric] = [float(card.at[metric, "value"]), float(card.at[metric, "median"])]
    kinds = {"row": "text", **{m: METRIC_KINDS[m] for m in metrics}}
    labels = {"row": t("monitoring.col.province", lang), **{m: metric_name(m, lang) for m in metrics}}
    return Table(frame, lang, kinds=kinds, labels=labels, sheet=t("monitoring.sheet.values", lang))


def peers_table(result: MonitoringBenchmarking, lang: str) -> Table:
    """The province and its peers side by side on the scorecard metrics, with the stars."""
    plates = [result.province.plate, *result.peers["plate"].tolist()]
    why: dict[int, list[str]] = {p: [] for p in plates}
    for row in result.peers.itertuples(index=False):
        if row.same_nuts2:
            why[row.plate].append(t("monitoring.why.region_short", lang))
        if row.similar:
            why[row.plate].append(t("monitoring.why.similar_short", lang))
    table = result.sector_table.reindex(plates)
    frame = pd.DataFrame({"province": table["province"].to_numpy(), "why": [", ".join(why[p]) for p in plates]})
    for metric in METRICS:
        frame[metric] = pd.to_numeric(table[metric]).to_numpy(dtype=float)
    frame["stars"] = result.stars_all.reindex(plates)["stars"].to_numpy()
    kinds = {"province": "text", "why": "text", **{m: METRIC_KINDS[m] for m in METRICS}, "stars": "count"}
    labels = {**_labels(["province", "why", "stars"], lang), **{m: metric_name(m, lang) for m in METRICS}}
    caption = t("monitoring.caption.peers", lang, nuts2=result.province.nuts2)
    return Table(frame, lang, caption=caption, kinds=kinds, labels=labels, sheet=t("monitoring.sheet.peers", lang))


def economy_table(result: MonitoringBenchmarking, lang: str) -> Table:
    """Real growth and structure of value added by A10 sector, with the official source as caption."""
    names = a10_names(lang)
    merged = result.gva_structure.merge(result.gva_growth, on="sector", how="left")
    frame = pd.DataFrame({
        "sector": [names[s] for s in merged["sector"]], "share": merged["share"].to_numpy(),
        "turkiye_share": merged["turkiye_share"].to_numpy(), "lq": merged["lq"].to_numpy(),
        "province_cagr": merged["province_cagr"].to_numpy(), "turkiye_cagr": merged["turkiye_cagr"].to_numpy(),
    })
    kinds = {"sector": "text", "share": "percent", "turkiye_share": "percent", "lq": "ratio",
             "province_cagr": "percent", "turkiye_cagr": "percent"}
    return Table(frame, lang, caption=t("monitoring.source.economy", lang), kinds=kinds,
                 labels=_labels(list(frame.columns), lang), sheet=t("monitoring.sheet.economy", lang))


def gaps_table(result: MonitoringBenchmarking, lang: str, group: str = "count") -> Table | Notice | Omitted:
    """International reference values and the cluster's gap to each, for the indicators of one unit kind."""
    _check_group(group)
    g = result.gaps
    if g.dropna(subset=["gap"]).empty:
        return Omitted("no reference values: the section's finding says so")
    g = g[[unit_kind(u) == group for u in g["unit"]]]
    if g.empty:
        return Omitted(f"no reference in a {group} unit")
    frame = pd.DataFrame({
        "indicator": _indicator(g[f"name_{lang}"], g["unit"], lang), "latest_year": _years(g["year"]),
        "latest_actual": _scale(g["actual"], group).to_numpy(), "reference": reference_names(g, lang).to_numpy(),
        "country": [country_name(c, lang) for c in g["country"]],
        "reference_value": _scale(g["value"], group).to_numpy(),
        "gap": pd.to_numeric(g["gap"], errors="coerce").to_numpy(dtype=float),
    })
    value = UNIT_GROUPS[group]
    kinds = {"indicator": "text", "latest_year": "code", "latest_actual": value, "reference": "text",
             "country": "text", "reference_value": value, "gap": "percent:0"}
    return Table(frame, lang, caption=t(f"monitoring.table.group.{group}", lang), kinds=kinds,
                 labels=_labels(list(frame.columns), lang), sheet=t(f"monitoring.sheet.gaps_{group}", lang))


def management_table(result: MonitoringBenchmarking, lang: str) -> Table | Omitted:
    """The six ESCA areas: self-assessment, label medians, gap to the Gold threshold and what holds it back
    (nothing without a self-assessment: the section's finding says so)."""
    m = result.management
    if m is None:
        return Omitted("no self-assessment of the cluster management")
    names = (result.indicators.set_index("indicator")[f"name_{lang}"].to_dict()
             if not result.indicators.empty else {})
    frame = pd.DataFrame({
        "area": [_cap(area_name(a, lang), lang) for a in m["area"]], "score": m["score"].to_numpy(dtype=float),
        "gold_median": m["gold_median"].to_numpy(dtype=float),
        "silver_median": m["silver_median"].to_numpy(dtype=float),
        "gap_to_gold": m["gap_to_gold"].to_numpy(dtype=float),
        "holds_back": [t("monitoring.yes" if b else "monitoring.no", lang) for b in m["holds_back"]],
        "held_back_by": ["; ".join(names.get(i, i) for i in ids) for ids in m["held_back_by"]],
    })
    kinds = {"area": "text", "score": "count", "gold_median": "count", "silver_median": "count",
             "gap_to_gold": "count", "holds_back": "text", "held_back_by": "text"}
    return Table(frame, lang, kinds=kinds, labels=_labels(list(frame.columns), lang),
                 sheet=t("monitoring.sheet.management", lang))

