"""Plotly figures of the monitoring and benchmarking step, in Turkish or English, that render offline.

Status colours always come with a symbol and a word (● green, ▲ amber, ■ red, ○ no data), so that
the charts read for colour-blind readers and in black-and-white print.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from clusterlib.i18n import format_number, format_percent, plotly_layout, t
from clusterlib.monitoring.international import reference_names
from clusterlib.monitoring.management import AREAS, EXCELLENCE
from clusterlib.monitoring.rag import status_colour, status_symbol
from clusterlib.report.display import Notice
from clusterlib.report.tables import Table

__all__ = ["economy_chart", "gaps_chart", "management_radar", "rag_grid", "scorecard_chart", "trajectories_chart"]

_BLUE, _ORANGE, _GREEN, _GREY, _PURPLE = "#0072B2", "#E69F00", "#009E73", "#7F7F7F", "#CC79A7"
_LIGHT = {"green": "#c7e9c0", "amber": "#fee391", "red": "#fcbba1", "grey": "#eeeeee"}


def _layout(fig: go.Figure, lang: str, *, height: int = 460) -> go.Figure:
    fig.update_layout(
        height=height, template="plotly_white", **plotly_layout(lang),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    fig.update_yaxes(exponentformat="none", separatethousands=True)  # 15.000, not plotly's SI "15k"
    return fig


def _empty(lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=t("monitoring.chart.no_data", lang), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font={"size": 15, "color": _GREY})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, lang, height=160)


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def rag_grid(plan: pd.DataFrame, *, lang: str) -> Table | Notice:
    """The monitoring table as a grid: indicators × years, each cell its status symbol and actual value.

    An HTML table (not a plotly ``table``), so that it prints whole on A4 and reaches the workbook:
    the status is a symbol (● ▲ ■ ○) beside the value, never a colour alone.

    Parameters
    ----------
    plan : DataFrame
        :func:`clusterlib.monitoring.plan.monitoring_plan`.
    lang : {"tr", "en"}

    Returns
    -------
    clusterlib.report.Table or Notice
        Display it with :func:`clusterlib.report.table`.
    """
    if plan.empty:
        return Notice(t("monitoring.chart.no_data", lang))
    names = plan.drop_duplicates("indicator").set_index("indicator")[f"name_{lang}"]
    years = sorted(plan["year"].unique())
    frame = pd.DataFrame({t("monitoring.chart.indicator", lang): list(names)})
    for year in years:
        cells = []
        rows = plan[plan["year"] == year].set_index("indicator")
        for indicator in names.index:
            row = rows.loc[indicator] if indicator in rows.index else None
            status = row["status"] if row is not None and isinstance(row["status"], str) else None
            actual = row["actual"] if row is not None else math.nan
            value = format_number(actual, lang, decimals=0 if pd.isna(actual) or float(actual).is_integer() else 1)
            value = value if not pd.isna(actual) else ""
            cells.append(f"{status_symbol(status)} {value}".strip() if status is not None else value)
        frame[str(year)] = cells
    years_text = [str(y) for y in years]
    return Table(frame, lang, text_cols=years_text, sheet=t("monitoring.chart.grid_sheet", lang))


def trajectories_chart(plan: pd.DataFrame, summary: pd.DataFrame, *, lang: str, window: int = 3) -> go.Figure:
    """Small multiples, one per indicator: actual values, yearly targets, the straight path and the trend.

    Each panel shows the actual values (solid, with the status symbol as marker), the yearly targets
    (open circles), the straight trajectory from baseline to final target (dashed) and the trend of the
    latest ``window`` years extended to the final year (dotted).
    """
    if summary.empty:
        return _empty(lang)
    indicators = list(summary["indicator"])
    n = len(indicators)
    cols = 3
    rows = max(1, math.ceil(n / cols))
    titles = [_short(str(x), 40) for x in summary[f"name_{lang}"]]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, vertical_spacing=0.12 / max(rows - 1, 1) * 2
                        if rows > 1 else 0.1, horizontal_spacing=0.07)
    symbols = {"green": "circle", "amber": "triangle-up", "red": "square", "grey": "circle-open"}
    for k, indicator in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        path = plan[plan["indicator"] == indicator]
        first = k == 0
        fig.add_trace(go.Scatter(x=path["year"], y=path["trajectory"], mode="lines", line={"dash": "dash",
                      "color": _GREY}, name=t("monitoring.chart.trajectory", lang), legendgroup="trajectory",
                      showlegend=first), row=r, col=c)
        fig.add_trace(go.Scatter(x=path["year"], y=path["target"], mode="markers", marker={"symbol": "circle-open",
                      "color": _GREY, "size": 8}, name=t("monitoring.chart.target", lang), legendgroup="target",
                      showlegend=first), row=r, col=c)
        seen = path[path["actual"].notna()]
        status = seen["status"].where(seen["status"].apply(lambda s: isinstance(s, str)), "grey")
        fig.add_trace(go.Scatter(
            x=seen["year"], y=seen["actual"], mode="lines+markers", line={"color": _BLUE},
            marker={"symbol": [symbols[s] for s in status], "size": 10,
                    "color": [status_colour(s) for s in status], "line": {"color": "black", "width": 1}},
            name=t("monitoring.chart.actual", lang), legendgroup="actual", showlegend=first), row=r, col=c)
        recent = seen.tail(window)
        if len(recent) >= 2:
            slope, intercept = np.polyfit(recent["year"].astype(float), recent["actual"].astype(float), 1)
            xs = np.array([recent["year"].iloc[0], path["year"].max()], dtype=float)
            fig.add_trace(go.Scatter(x=xs, y=intercept + slope * xs, mode="lines", line={"dash": "dot",
                          "color": _ORANGE}, name=t("monitoring.chart.projection", lang), legendgroup="trend",
                          showlegend=first), row=r, col=c)
    fig.update_annotations(font_size=12)
    return _layout(fig, lang, height=max(320, 260 * rows))


def scorecard_chart(scorecard: pd.DataFrame, *, lang: str) -> go.Figure:
    """Horizontal bars of the percentile ranks of the national scorecard, with the quartile lines."""
    card = scorecard.iloc[::-1]
    labels = [t(f"monitoring.metric.{m}", lang) for m in card["metric"]]
    texts = [format_number(p, lang, decimals=0) if pd.notna(p) else "–" for p in card["percentile"]]
    fig = go.Figure(go.Bar(x=card["percentile"], y=labels, orientation="h", marker_color=_BLUE, text=texts,
                           textposition="outside", name=t("monitoring.chart.percentile", lang)))
    for q in (25, 75):
        fig.add_vline(x=q, line={"dash": "dot", "color": _GREY})
    fig.update_xaxes(range=[0, 108], title=t("monitoring.chart.percentile", lang))
    return _layout(fig, lang, height=340)


def economy_chart(growth: pd.DataFrame, names: dict[str, str], *, province: str, lang: str) -> go.Figure:
    """Real growth of value added a year by A10 sector: the province against Türkiye (Kaynak: TÜİK)."""
    frame = growth.iloc[::-1]
    labels = [_short(names[s], 46) for s in frame["sector"]]
    fig = go.Figure()
    for column, colour, name in (("turkiye_cagr", _GREY, t("monitoring.chart.turkiye", lang)),
                                 ("province_cagr", _BLUE, province)):
        fig.add_trace(go.Bar(x=frame[column] * 100, y=labels, orientation="h", name=name, marker_color=colour,
                             text=[format_number(v * 100, lang, decimals=1) for v in frame[column]],
                             textposition="outside"))
    fig.update_xaxes(title=t("monitoring.chart.growth", lang) + " (%)")
    fig.add_annotation(text=t("monitoring.chart.source_tuik", lang), xref="paper", yref="paper", x=1, y=-0.16,
                       showarrow=False, xanchor="right", font={"size": 11, "color": _GREY})
    fig.update_layout(barmode="group")
    _layout(fig, lang, height=640)
    fig.update_layout(margin={"b": 70})
    return fig


def gaps_chart(gaps: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped bars of the relative gap to each international reference, one colour per reference.

    Bars to the left (▼) mean the cluster is behind the reference, to the right (▲) ahead; gaps
    beyond ±200 % are drawn at the edge and labelled with their value.
    """
    frame = gaps.dropna(subset=["gap"])
    if frame.empty:
        return _empty(lang)
    order = list(dict.fromkeys(frame[f"name_{lang}"]))[::-1]
    colours = [_BLUE, _ORANGE, _GREEN, _PURPLE, _GREY]
    fig = go.Figure()
    frame = frame.assign(shown_reference=reference_names(frame, lang))
    for k, (reference, rows) in enumerate(frame.groupby("shown_reference", sort=True)):
        rows = rows.set_index(f"name_{lang}").reindex(order)
        texts = [("" if pd.isna(g) else ("▲ " if g >= 0 else "▼ ") + format_percent(g, lang, decimals=0))
                 for g in rows["gap"]]
        fig.add_trace(go.Bar(x=rows["gap"].clip(-2, 2) * 100, y=[_short(n, 40) for n in order], orientation="h",
                             name=_short(str(reference), 70), marker_color=colours[k % len(colours)], text=texts,
                             textposition="auto"))
    fig.add_vline(x=0, line={"color": "black"})
    fig.update_xaxes(title=t("monitoring.chart.gap", lang) + " (%)", range=[-210, 210])
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15, "yanchor": "top"})
    height = max(360, 22 * len(frame) + 200)
    _layout(fig, lang, height=height)
    fig.update_layout(legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0})
    return fig


def management_radar(table: pd.DataFrame | None, *, gold: float, lang: str) -> go.Figure:
    """Radar of the six ESCA areas: the cluster, the label medians and the Gold threshold."""
    if table is None or table.empty:
        return _empty(lang)
    areas = [t(f"monitoring.area.{a}", lang) for a in AREAS]
    closed = [*areas, areas[0]]
    fig = go.Figure()
    fig.add_trace(go.Scatterpolar(r=[gold * EXCELLENCE] * (len(AREAS) + 1), theta=closed, mode="lines",
                                  line={"dash": "dash", "color": "#B8860B"},
                                  name=t("monitoring.chart.gold_threshold", lang)))
    for label, colour, dash in (("gold", "#B8860B", "dot"), ("silver", _GREY, "dot"), ("bronze", _PURPLE, "dot")):
        column = f"{label}_median"
        if column in table and table[column].notna().any():
            values = table.set_index("area")[column].reindex(AREAS).tolist()
            fig.add_trace(go.Scatterpolar(r=[*values, values[0]], theta=closed, mode="lines+markers",
                                          line={"dash": dash, "color": colour}, marker={"symbol": "diamond"},
                                          name=t("monitoring.chart.median", lang,
                                                 label=t(f"monitoring.label.{label}", lang))))
    own = table.set_index("area")["score"].reindex(AREAS).tolist()
    fig.add_trace(go.Scatterpolar(r=[*own, own[0]], theta=closed, mode="lines+markers", fill="toself",
                                  line={"color": _BLUE, "width": 3}, marker={"size": 9},
                                  name=t("monitoring.chart.cluster", lang)))
    fig.update_polars(radialaxis={"range": [0, 100]})
    return _layout(fig, lang, height=520)
