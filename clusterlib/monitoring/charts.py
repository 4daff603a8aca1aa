"""Plotly figures of the monitoring and benchmarking step, in the house style (:func:`clusterlib.charts.style`).

Each function takes language-free frames and a language and returns a figure; numbers on axes and
in bar labels come from the one formatter (:func:`clusterlib.i18n.axis_ticks`,
:func:`clusterlib.i18n.hover_values`), colours from :data:`clusterlib.charts.PALETTE`.  Status
colours always come with a symbol and a word (● green, ▲ amber, ■ red, ○ no data), so that the
charts read for colour-blind readers and in black-and-white print.  The report view
(:mod:`clusterlib.monitoring.presentation`) chooses the inputs, titles and source lines.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from clusterlib.charts import PALETTE, style
from clusterlib.i18n import axis_ticks, hover_values, t
from clusterlib.monitoring.international import reference_names
from clusterlib.monitoring.labels import unit_label
from clusterlib.monitoring.management import AREAS, EXCELLENCE
from clusterlib.monitoring.rag import status_colour
from clusterlib.monitoring.wording import area_name, metric_name

__all__ = ["economy_chart", "empty_chart", "gaps_chart", "management_radar", "scorecard_chart", "trajectories_chart"]

_SYMBOLS = {"green": "circle", "amber": "triangle-up", "red": "square", "grey": "circle-open"}
_REFERENCE_COLOURS = ("blue", "orange", "green", "purple", "sky", "vermillion")


def empty_chart(lang: str, *, title: str | None = None) -> go.Figure:
    """A small figure that says there are no data for the section."""
    fig = go.Figure()
    fig.add_annotation(text=t("monitoring.chart.no_data", lang), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font={"size": 15, "color": PALETTE["grey"]})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, lang, title=title, height=180)


def _below_axis_title(fig: go.Figure, source: str | None, *, extra: int = 0) -> go.Figure:
    """Move the source line under an x-axis title (and ``extra`` pixels of legend), so that they do not overlap."""
    if source:
        fig.update_annotations(selector={"text": source}, yshift=-62 - extra)
    fig.update_layout(margin={"b": (100 if source else 60) + extra})
    return fig


def _legend_under_title(fig: go.Figure) -> go.Figure:
    """Room between the title and a legend above the plot, so that they do not overlap."""
    if fig.layout.title.text:
        fig.update_layout(margin={"t": 110}, title={"y": 0.98, "yanchor": "top"})
    return fig


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def trajectories_chart(plan: pd.DataFrame, summary: pd.DataFrame, *, lang: str, window: int = 3,
                       title: str | None = None, source: str | None = None) -> go.Figure:
    """Small multiples, one per indicator (its unit in the panel title): actual values, yearly targets,
    the straight path from baseline to final target (dashed) and the trend of the latest ``window``
    years extended to the final year (dotted)."""
    if summary.empty:
        return empty_chart(lang, title=title)
    indicators = list(summary["indicator"])
    cols = 3
    rows = max(1, math.ceil(len(indicators) / cols))
    titles = [f"{_short(str(n), 34)} ({unit_label(u, lang)})" for n, u in zip(summary[f"name_{lang}"],
                                                                            summary["unit"], strict=True)]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles,
                        vertical_spacing=0.24 / max(rows - 1, 1) if rows > 1 else 0.1, horizontal_spacing=0.07)
    for k, indicator in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        path = plan[plan["indicator"] == indicator]
        first = k == 0
        fig.add_trace(go.Scatter(x=path["year"], y=path["trajectory"], mode="lines",
                                 line={"dash": "dash", "color": PALETTE["grey"]},
                                 name=t("monitoring.chart.trajectory", lang), legendgroup="trajectory",
                                 showlegend=first), row=r, col=c)
        fig.add_trace(go.Scatter(x=path["year"], y=path["target"], mode="markers",
                                 marker={"symbol": "circle-open", "color": PALETTE["grey"], "size": 8},
                                 name=t("monitoring.chart.target", lang), legendgroup="target", showlegend=first),
                      row=r, col=c)
        seen = path[path["actual"].notna()]
        status = seen["status"].where(seen["status"].apply(lambda s: isinstance(s, str)), "grey")
        fig.add_trace(go.Scatter(
            x=seen["year"], y=seen["actual"], mode="lines+markers", line={"color": PALETTE["blue"]},
            marker={"symbol": [_SYMBOLS[s] for s in status], "size": 10,
                    "color": [status_colour(s) for s in status], "line": {"color": "black", "width": 1}},
            name=t("monitoring.chart.actual", lang), legendgroup="actual", showlegend=first), row=r, col=c)
        recent = seen.tail(window)
        if len(recent) >= 2:
            slope, intercept = np.polyfit(recent["year"].astype(float), recent["actual"].astype(float), 1)
            xs = np.array([recent["year"].iloc[0], path["year"].max()], dtype=float)
            fig.add_trace(go.Scatter(x=xs, y=intercept + slope * xs, mode="lines",
                                     line={"dash": "dot", "color": PALETTE["orange"]},
                                     name=t("monitoring.chart.projection", lang), legendgroup="trend",
                                     showlegend=first), row=r, col=c)
    fig.update_annotations(font_size=12)
    style(fig, lang, title=title, height=max(340, 270 * rows) + 60, source=source)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.06, "x": 0},  # the panel titles are above
                      margin={"b": 110 if source else 60})
    return fig


def scorecard_chart(scorecard: pd.DataFrame, *, lang: str, title: str | None = None,
                    source: str | None = None) -> go.Figure:
    """Horizontal bars of the percentile ranks of the national scorecard, with the quartile lines."""
    card = scorecard.iloc[::-1]
    labels = [metric_name(m, lang) for m in card["metric"]]
    fig = go.Figure(go.Bar(x=card["percentile"], y=labels, orientation="h", marker_color=PALETTE["blue"],
                           text=hover_values(card["percentile"], lang, decimals=0), textposition="outside",
                           name=t("monitoring.chart.percentile", lang)))
    for q in (25, 75):
        fig.add_vline(x=q, line={"dash": "dot", "color": PALETTE["grey"]})
    fig.update_xaxes(range=[0, 108], title=t("monitoring.chart.percentile", lang),
                     **axis_ticks(0, 100, lang, decimals=0))
    return _below_axis_title(style(fig, lang, title=title, height=380, source=source), source)


def economy_chart(growth: pd.DataFrame, names: dict[str, str], *, province: str, lang: str,
                  title: str | None = None, source: str | None = None) -> go.Figure:
    """Real growth of value added a year by A10 sector: the province against Türkiye (proportions,
    written as per cent by the language's formatter)."""
    frame = growth.iloc[::-1]
    labels = [_short(names[s], 46) for s in frame["sector"]]
    fig = go.Figure()
    for column, colour, name in (("turkiye_cagr", PALETTE["grey"], t("monitoring.chart.turkiye", lang)),
                                 ("province_cagr", PALETTE["blue"], province)):
        fig.add_trace(go.Bar(x=frame[column], y=labels, orientation="h", name=name, marker_color=colour,
                             text=hover_values(frame[column], lang, kind="percent", decimals=1),
                             textposition="outside"))
    values = pd.concat([frame["turkiye_cagr"], frame["province_cagr"]]).dropna()
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    fig.update_xaxes(title=t("monitoring.chart.growth", lang), **axis_ticks(low, high, lang, kind="percent"))
    fig.update_layout(barmode="group")
    return _legend_under_title(_below_axis_title(style(fig, lang, title=title, height=700, source=source), source))


def gaps_chart(gaps: pd.DataFrame, *, lang: str, clip: float = 2.0, title: str | None = None,
               source: str | None = None) -> go.Figure:
    """Grouped bars of the relative gap to each international reference, one colour per reference.

    Bars to the left (▼) mean the cluster is behind the reference, to the right (▲) ahead; gaps
    beyond ±``clip`` are drawn at the edge and labelled with their value.
    """
    frame = gaps.dropna(subset=["gap"])
    if frame.empty:
        return empty_chart(lang, title=title)
    order = list(dict.fromkeys(frame[f"name_{lang}"]))[::-1]
    fig = go.Figure()
    frame = frame.assign(shown_reference=reference_names(frame, lang))
    for k, (reference, rows) in enumerate(frame.groupby("shown_reference", sort=True)):
        rows = rows.set_index(f"name_{lang}").reindex(order)
        values = hover_values(rows["gap"], lang, kind="percent", decimals=0)
        texts = ["" if pd.isna(g) else ("▲ " if g >= 0 else "▼ ") + v for g, v in zip(rows["gap"], values,
                                                                                       strict=True)]
        fig.add_trace(go.Bar(x=rows["gap"].clip(-clip, clip), y=[_short(n, 40) for n in order], orientation="h",
                             name=_short(str(reference), 70),
                             marker_color=PALETTE[_REFERENCE_COLOURS[k % len(_REFERENCE_COLOURS)]], text=texts,
                             textposition="auto"))
    fig.add_vline(x=0, line={"color": "black"})
    fig.update_xaxes(title=t("monitoring.chart.gap", lang), range=[-clip * 1.05, clip * 1.05],
                     **axis_ticks(-clip, clip, lang, kind="percent"))
    fig.update_layout(barmode="group")
    legend_rows = frame["shown_reference"].nunique()
    style(fig, lang, title=title, height=max(380, 22 * len(frame) + 220) + 40 * legend_rows, source=source)
    fig.update_layout(legend={"orientation": "h", "y": -0.12, "yanchor": "top", "x": 0})
    return _below_axis_title(fig, source, extra=40 * legend_rows)


def management_radar(table: pd.DataFrame | None, *, gold: float, lang: str, title: str | None = None,
                     source: str | None = None) -> go.Figure:
    """Radar of the six ESCA areas: the cluster, the label medians and the Gold threshold."""
    if table is None or table.empty:
        return empty_chart(lang, title=title)
    areas = [area_name(a, lang) for a in AREAS]
    closed = [*areas, areas[0]]
    fig = go.Figure()
    fig.add_trace(go.Scatterpolar(r=[gold * EXCELLENCE] * (len(AREAS) + 1), theta=closed, mode="lines",
                                  line={"dash": "dash", "color": PALETTE["orange"]},
                                  name=t("monitoring.chart.gold_threshold", lang)))
    for label, colour, symbol in (("gold", "orange", "diamond"), ("silver", "grey", "square"),
                                  ("bronze", "vermillion", "triangle-up")):
        column = f"{label}_median"
        if column in table and table[column].notna().any():
            values = table.set_index("area")[column].reindex(AREAS).tolist()
            fig.add_trace(go.Scatterpolar(r=[*values, values[0]], theta=closed, mode="lines+markers",
                                          line={"dash": "dot", "color": PALETTE[colour]}, marker={"symbol": symbol},
                                          name=t("monitoring.chart.median", lang,
                                                 label=t(f"monitoring.label.{label}", lang))))
    own = table.set_index("area")["score"].reindex(AREAS).tolist()
    fig.add_trace(go.Scatterpolar(r=[*own, own[0]], theta=closed, mode="lines+markers", fill="toself",
                                  line={"color": PALETTE["blue"], "width": 3}, marker={"size": 9},
                                  name=t("monitoring.chart.cluster", lang)))
    fig.update_polars(radialaxis={"range": [0, 100]})
    return _legend_under_title(style(fig, lang, title=title, height=580, source=source))
