"""Plotly figures of the needs report's survey sections: answers, ranked needs, groups, waves, clusters.

Each function takes a :class:`~clusterlib.needs.analysis.NeedsAssessment` with a survey
(:attr:`~clusterlib.needs.analysis.NeedsAssessment.has_survey`) and the report language, and returns
a :class:`plotly.graph_objects.Figure` in the house style (:func:`clusterlib.charts.style`); the
report view says instead why a chart is missing.  Colour is never the only signal: series also
differ by marker symbol, line width or side of the centre line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go

from clusterlib import charts
from clusterlib.charts import PALETTE
from clusterlib.i18n import format_percent
from clusterlib.needs.chart_parts import (
    LIKERT_COLOURS,
    SYMBOLS,
    block_name,
    chart_label,
    percent_axis,
    percent_hover,
    wrap,
)
from clusterlib.needs.labels import label, significant_blocks
from clusterlib.needs.likert import SCALE
from clusterlib.needs.ranking import MIN_GROUP_FIRMS
from clusterlib.needs.thresholds import THRESHOLDS

if TYPE_CHECKING:
    from clusterlib.needs.analysis import NeedsAssessment

__all__ = ["clusters_chart", "diverging_chart", "groups_chart", "needs_chart", "waves_chart"]

def diverging_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Answers to every statement as stacked bars centred on the neutral answer (latest wave).

    Disagreement extends to the left, agreement to the right; the neutral share is split in half
    across the centre line.  Shares are of valid answers ("don't know" and blanks are left out and
    shown in the item table).  Statements are sorted by their agreement.
    """
    summary = a.items.sort_values(["top2", "item"], ascending=[True, False])
    # statements wrapped short, so that on A4 (680 px) the bars keep more than half of the width
    labels = [wrap(a.item_text(i)(lang), 34) for i in summary["item"]]
    neutral = a.questionnaire.neutral
    fig = go.Figure()
    half = summary[f"share_{neutral}"] / 2
    left = {code: summary[f"share_{code}"] for code in SCALE if code < neutral}
    # plotly stacks negative bars outward from zero in trace order: the neutral half first, then 2, then 1
    order = [neutral, *sorted(left, reverse=True), neutral, *[c for c in SCALE if c > neutral]]
    for k, code in enumerate(order):
        negative = k <= len(left)
        values = (half if code == neutral else summary[f"share_{code}"]) * (-1 if negative else 1)
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=a.questionnaire.scale_label(code, lang),
            marker={"color": LIKERT_COLOURS[code], "line": {"color": "white", "width": 0.5}},
            showlegend=not (code == neutral and negative),
            legendgroup=str(code),
            legendrank=code,
            customdata=percent_hover(summary[f"share_{code}"], lang),
            hovertemplate="%{customdata}<extra>" + a.questionnaire.scale_label(code, lang) + "</extra>",
            text=[
                format_percent(v, lang, decimals=0) if abs(v) >= 0.12 and code != neutral else ""
                for v in summary[f"share_{code}"]
            ],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
        )
    fig.add_vline(x=0, line_color="black", line_width=1)
    legend = {
        "traceorder": "normal",
        "orientation": "h",
        "xref": "container",
        "x": 0.01,
        "y": 1.0,
        "yanchor": "bottom",
    }
    fig.update_layout(
        barmode="relative",
        bargap=0.25,
        xaxis={"range": [-1, 1], "title": chart_label("share_answers", lang)},
    )
    fig.update_xaxes(
        tickvals=[-1, -0.5, 0, 0.5, 1],
        ticktext=[format_percent(abs(v), lang, decimals=0) if v else "0" for v in (-1, -0.5, 0, 0.5, 1)],
    )
    fig = charts.style(fig, lang, height=max(420, 40 * len(summary) + 160))
    fig.update_layout(legend=legend, margin={"t": 90})
    fig.update_yaxes(tickfont={"size": 11})
    return fig


def needs_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Needs ranked by the share of agreeing answers, with 95 % bootstrap intervals; gaps marked."""
    data = a.needs_map.iloc[::-1]
    fig = go.Figure()
    for gap in (False, True):
        part = data[data["gap"] == gap]
        fig.add_scatter(
            x=part["share"],
            y=[a.block_text(b)(lang) for b in part["block"]],
            mode="markers",
            name=chart_label("gap" if gap else "covered", lang),
            marker={
                "size": 14,
                "symbol": "x" if gap else "circle",
                "color": PALETTE["vermillion"] if gap else PALETTE["blue"],
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["high"] - part["share"],
                "arrayminus": part["share"] - part["low"],
                "color": PALETTE["text_muted"],
            },
            customdata=percent_hover(part["share"], lang),
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    fig.update_layout(xaxis={"range": [0, 1], "title": chart_label("share_agree", lang)})
    fig.update_xaxes(**percent_axis(lang))
    fig.update_yaxes(categoryorder="array", categoryarray=[a.block_text(b)(lang) for b in data["block"]])
    return charts.style(fig, lang, height=max(340, 44 * len(data) + 120))


def groups_chart(a: NeedsAssessment, lang: str, by: str = "size") -> go.Figure:
    """Share agreeing per need area and firm group (size class or value-chain stage); * = beyond noise."""
    if by not in ("size", "stage"):
        raise ValueError(f"'by' must be one of ['size', 'stage'], got {by!r}")
    tests = a.by_size if by == "size" else a.by_stage
    order = a.ranking["block"].tolist()[::-1]
    significant = set(significant_blocks(tests))
    names = {b: block_name(a, lang, b) + (" *" if b in significant else "") for b in order}
    groups = (
        ["micro", "small", "medium", "large"]
        if by == "size"
        else ["inputs", "manufacturing", "services", "distribution"]
    )
    fig = go.Figure()
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for k, group in enumerate(g for g in groups if g in set(tests["group"])):
        part = tests[tests["group"] == group].set_index("block").reindex(order)
        n = int(part["firms"].max())
        few = n < MIN_GROUP_FIRMS
        name = f"{label('size' if by == 'size' else 'stage', group, lang)}, n = {n}"
        fig.add_scatter(
            x=part["share"],
            y=[names[b] for b in order],
            mode="markers",
            name=name + (f" ({chart_label('too_few', lang)})" if few else ""),
            marker={
                "size": 12,
                "symbol": SYMBOLS[k] + ("-open" if few else ""),
                "color": colours[k],
                "line": {"color": colours[k] if few else "white", "width": 2 if few else 1},
            },
            customdata=np.column_stack([percent_hover(part["share"], lang), part["firms"].astype("Int64").astype(str)]),
            hovertemplate="%{y}: %{customdata[0]} (n = %{customdata[1]})<extra></extra>",
        )
    fig.update_layout(xaxis={"range": [-0.03, 1.03], "title": chart_label("share_agree", lang).split(",")[0]})
    fig.update_xaxes(**percent_axis(lang))
    if significant:
        fig.add_annotation(
            text=chart_label("significant", lang, level=THRESHOLDS.significance),
            xref="paper",
            yref="paper",
            x=1,
            y=-0.12,
            showarrow=False,
            xanchor="right",
        )
    return charts.style(fig, lang, height=max(360, 44 * len(order) + 140))


def waves_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Share agreeing with each statement in the two waves (hollow → filled); bold = significant change.

    Needs two waves (:attr:`NeedsAssessment.waves` not ``None``).
    """
    if a.waves is None:
        raise ValueError("the waves chart needs two survey waves; this survey has one")
    w = a.waves.sort_values(["top2_after", "item"])
    before, after = w.attrs["before"], w.attrs["after"]
    labels = [
        ("<b>" + wrap(a.item_text(i)(lang), 55) + "</b>") if s else wrap(a.item_text(i)(lang), 55)
        for i, s in zip(w["item"], w["significant"], strict=True)
    ]
    fig = go.Figure()
    for lo, hi, label_, sig in zip(w["top2_before"], w["top2_after"], labels, w["significant"], strict=True):
        fig.add_scatter(
            x=[lo, hi],
            y=[label_, label_],
            mode="lines",
            showlegend=False,
            hoverinfo="skip",
            line={"color": PALETTE["vermillion"] if sig else PALETTE["grey"], "width": 3 if sig else 2},
        )
    for key, colour, width in (("beyond", PALETTE["vermillion"], 3), ("noise", PALETTE["grey"], 2)):
        fig.add_scatter(  # legend entries of the two kinds of line (bold labels also mark "beyond noise")
            x=[None], y=[None], mode="lines", name=chart_label(key, lang), line={"color": colour, "width": width}
        )
    fig.add_scatter(
        x=w["top2_before"],
        y=labels,
        mode="markers",
        name=str(before),
        marker={"symbol": "circle-open", "size": 11, "color": PALETTE["grey"], "line": {"width": 2}},
        customdata=percent_hover(w["top2_before"], lang),
        hovertemplate="%{customdata}<extra>" + str(before) + "</extra>",
    )
    fig.add_scatter(
        x=w["top2_after"],
        y=labels,
        mode="markers",
        name=str(after),
        marker={"symbol": "circle", "size": 11, "color": PALETTE["blue"]},
        customdata=percent_hover(w["top2_after"], lang),
        hovertemplate="%{customdata}<extra>" + str(after) + "</extra>",
    )
    fig.update_layout(xaxis={"range": [0, 1], "title": chart_label("share_agree", lang).split(",")[0]})
    fig.update_xaxes(**percent_axis(lang))
    return charts.style(fig, lang, height=max(420, 30 * len(w) + 140))


def clusters_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Share agreeing per need area in every cluster of the survey; the report's cluster highlighted."""
    from clusterlib.needs.labels import cluster_name

    table = a.by_cluster
    order = a.ranking["block"].tolist()[::-1]
    fig = go.Figure()
    others = [c for c in table["cluster"].unique() if c != a.cluster]
    for k, cluster in enumerate([*others, a.cluster]):
        part = table[table["cluster"] == cluster].set_index("block").reindex(order)
        name = cluster_name(cluster, lang)
        own = cluster == a.cluster
        fig.add_scatter(
            x=part["share"],
            y=[block_name(a, lang, b) for b in order],
            mode="markers",
            name=name,
            marker={
                "size": 15 if own else 10,
                "symbol": "star" if own else SYMBOLS[k % len(SYMBOLS)] + "-open",
                "color": PALETTE["vermillion"] if own else PALETTE["grey"],
                "line": {"width": 1.5},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["high"] - part["share"],
                "arrayminus": part["share"] - part["low"],
                "color": PALETTE["vermillion"],
                "visible": own,
            },
            customdata=percent_hover(part["share"], lang),
            hovertemplate="%{y}: %{customdata}<extra>"
            + name
            + "</extra>",
        )
    fig.update_layout(xaxis={"range": [-0.03, 1.03], "title": chart_label("share_agree", lang)})
    fig.update_xaxes(**percent_axis(lang))
    return charts.style(fig, lang, height=max(380, 44 * len(order) + 160))
