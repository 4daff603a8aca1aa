"""The stage-to-stage flow diagram of the value-chain report, drawn to survive printing.

plotly's own ``Sankey`` trace draws its nodes and links with animated transitions; a report printed
to A4 (Chromium print-to-PDF re-lays the page out at the paper's width) caught it mid-animation:
no flows and clipped labels (committee review).  This module draws the same diagram with static
shapes instead: one rectangle per stage (sellers left, buyers right), one filled band per flow with a
width proportional to its ties, labels written beside the nodes inside the figure, and invisible
markers at the band middles for the hovers.  Sourcing holes are named in words (⚠) and coloured.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from clusterlib import charts
from clusterlib.i18n import format_number, t
from clusterlib.valuechain.findings import stage_name
from clusterlib.valuechain.stages import STAGES

__all__ = ["label_places", "sankey_geometry", "stage_sankey"]

_HOLE = charts.PALETTE["vermillion"]
_ORDER = ("outside", "local_other", *STAGES)
#: Horizontal places (0–1) of the two node columns and their width.
_LEFT, _RIGHT, _NODE = 0.31, 0.66, 0.03
#: Share of the height left as gaps between the nodes of a column.
_GAPS = 0.18


def _label(key: str, lang: str, **values: object) -> str:
    return t(f"valuechain.chart.{key}", lang, **values)


def _column(stages: list[str], ties: pd.Series) -> dict[str, tuple[float, float]]:
    """(bottom, top) of each node of a column, upstream at the top, heights by ties."""
    total = float(ties.sum())
    gap = _GAPS / max(len(stages) - 1, 1) if len(stages) > 1 else 0.0
    scale = (1.0 - (_GAPS if len(stages) > 1 else 0.0)) / total
    spans, top = {}, 1.0
    for stage in stages:
        height = float(ties[stage]) * scale
        spans[stage] = (max(round(top - height, 12), 0.0), round(top, 12))  # no -1e-16 at the bottom
        top -= height + gap
    return spans


def sankey_geometry(flows: pd.DataFrame) -> tuple[dict, dict, list[tuple[str, str, int, tuple, tuple]]]:
    """Node spans of the sellers' and the buyers' column and each flow's band ends.

    Returns ``(left, right, bands)``: stage -> (bottom, top) for each column, and for each flow
    ``(from_stage, to_stage, ties, (y0, y1) at the seller, (y0, y1) at the buyer)``.  A node's
    height is proportional to its ties and its bands fill it exactly.

    Examples
    --------
    >>> flows = pd.DataFrame({"from_stage": ["inputs", "inputs"], "to_stage": ["manufacturing", "services"],
    ...                       "ties": [3, 1]})
    >>> left, right, bands = sankey_geometry(flows)
    >>> left["inputs"], [round(float(b[4][1] - b[4][0]), 3) for b in bands]  # at the buyers: gaps between
    ((0.0, 1.0), [0.615, 0.205])
    """
    sells = flows.groupby("from_stage")["ties"].sum()
    buys = flows.groupby("to_stage")["ties"].sum()
    left = _column([s for s in _ORDER if s in sells.index], sells)
    right = _column([s for s in _ORDER if s in buys.index], buys)
    rank = {s: i for i, s in enumerate(_ORDER)}
    ties = {(a, b): int(n) for a, b, n in flows[["from_stage", "to_stage", "ties"]].itertuples(index=False)}
    starts: dict[tuple[str, str], tuple[float, float]] = {}
    top = {s: span[1] for s, span in left.items()}
    for a, b in sorted(
        ties, key=lambda pair: (rank[pair[0]], rank[pair[1]])
    ):  # a seller's bands, downstream last
        height = ties[a, b] / sells[a] * (left[a][1] - left[a][0])
        starts[a, b] = (top[a] - height, top[a])
        top[a] -= height
    ends: dict[tuple[str, str], tuple[float, float]] = {}
    top = {s: span[1] for s, span in right.items()}
    for a, b in sorted(
        ties, key=lambda pair: (rank[pair[1]], rank[pair[0]])
    ):  # a buyer's bands, upstream first
        height = ties[a, b] / buys[b] * (right[b][1] - right[b][0])
        ends[a, b] = (top[b] - height, top[b])
        top[b] -= height
    bands = [(a, b, n, starts[a, b], ends[a, b]) for (a, b), n in ties.items()]
    return left, right, bands


def label_places(centres: list[float], *, gap: float = 0.08) -> list[float]:
    """Heights of the labels of one column, top to bottom: at their node's centre, pushed down to
    at least ``gap`` under the label above (a two-line label of a sourcing hole needs it), and the
    whole column lifted when that pushes a label under the bottom.

    Examples
    --------
    >>> [round(y, 2) for y in label_places([0.9, 0.5, 0.49, 0.48])]
    [0.9, 0.5, 0.42, 0.34]
    >>> [round(y, 2) for y in label_places([0.1, 0.05, 0.02])]
    [0.16, 0.08, 0.0]
    """
    places = list(centres)
    for i in range(1, len(places)):  # each label at least ``gap`` under the one above
        places[i] = min(places[i], places[i - 1] - gap)
    shift = max(0.0, -min(places, default=0.0))
    return [min(y + shift, 1.0) for y in places]


def _band_path(start: tuple[float, float], end: tuple[float, float]) -> str:
    x0, x1 = _LEFT + _NODE, _RIGHT
    xm = (x0 + x1) / 2
    return (
        f"M {x0},{start[1]} C {xm},{start[1]} {xm},{end[1]} {x1},{end[1]} "
        f"L {x1},{end[0]} C {xm},{end[0]} {xm},{start[0]} {x0},{start[0]} Z"
    )


def stage_sankey(
    flows: pd.DataFrame,
    sourcing: pd.DataFrame,
    *,
    colours: dict[str, str],
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Supply ties from the sellers' stage (left) to the buyers' stage (right); sourcing holes marked.

    Parameters
    ----------
    flows : DataFrame
        :func:`~clusterlib.valuechain.stages.stage_flows` (``from_stage, to_stage, ties``), not empty.
    sourcing : DataFrame
        :func:`~clusterlib.valuechain.stages.sourcing` (``hole`` by buying stage).
    colours : dict
        Colour of each stage (:data:`clusterlib.valuechain.charts.STAGE_COLOURS`).
    """
    if flows.empty:
        raise ValueError("'flows' is empty: without supply ties there is no flow to draw")
    holes = set(sourcing.index[sourcing["hole"]])
    left, right, bands = sankey_geometry(flows)
    fig = go.Figure()
    hover_x, hover_y, hover_text = [], [], []
    for a, b, n, start, end in bands:
        hole = a == "outside" and b in holes
        fig.add_shape(type="path", path=_band_path(start, end), line={"width": 0},
                      fillcolor="rgba(213,94,0,0.55)" if hole else "rgba(120,120,120,0.35)", layer="below")  # fmt: skip
        hover_x.append((_LEFT + _NODE + _RIGHT) / 2)
        hover_y.append((start[0] + start[1] + end[0] + end[1]) / 4)
        hover_text.append(f"{html.escape(stage_name(a, lang))} → {html.escape(stage_name(b, lang))}: "
                          f"{format_number(n, lang)} {_label('ties', lang)}")  # fmt: skip
    for spans, x, anchor, side in ((left, _LEFT, "right", "left"), (right, _RIGHT, "left", "right")):
        label_y = label_places([(y0 + y1) / 2 for y0, y1 in spans.values()])
        for (stage, (y0, y1)), text_y in zip(spans.items(), label_y, strict=True):
            hole = side == "right" and stage in holes
            fig.add_shape(type="rect", x0=x, x1=x + _NODE, y0=y0, y1=y1, line={"width": 0},
                          fillcolor=_HOLE if hole else colours[stage])  # fmt: skip
            text = html.escape(stage_name(stage, lang)) + (
                f"<br><b>{html.escape(_label('hole', lang))}</b>" if hole else ""
            )
            fig.add_annotation(x=x - 0.01 if side == "left" else x + _NODE + 0.01, y=text_y, text=text,
                               xanchor=anchor, showarrow=False, align=anchor, font={"size": 11})  # fmt: skip
    fig.add_scatter(x=hover_x, y=hover_y, mode="markers", marker={"size": 14, "opacity": 0}, showlegend=False,
                    hovertext=hover_text, hoverinfo="text")  # fmt: skip
    for x, text, anchor in (
        (_LEFT + _NODE, _label("sells_column", lang), "right"),
        (_RIGHT, _label("buys_column", lang), "left"),
    ):
        fig.add_annotation(x=x, y=1.0, yanchor="bottom", xanchor=anchor, showarrow=False, yshift=4,
                           text=f"<b>{html.escape(text)}</b>",
                           font={"size": 12, "color": charts.PALETTE["text_muted"]})  # fmt: skip
    fig.update_xaxes(visible=False, range=[0, 1], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.02, 1.08], fixedrange=True)
    return charts.style(fig, lang, height=540, title=title, source=source)
