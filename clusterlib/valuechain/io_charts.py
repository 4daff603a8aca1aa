"""Input-output figures of the value-chain report: linkages, key sectors, hypothetical extraction.

Every figure is drawn in the house style (:func:`clusterlib.charts.style`, :data:`~clusterlib.charts.PALETTE`);
ticks and hovers are written by the language's formatter (:func:`clusterlib.i18n.axis_ticks`,
:func:`~clusterlib.i18n.hover_values`), so a Turkish figure reads ``%12`` and ``1,25``.  The
cluster's section is marked by a symbol (▶ in the labels, a star on the scatter) and by colour.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib import charts, nace
from clusterlib.i18n import axis_ticks, format_number, hover_values, t

__all__ = ["extraction_chart", "key_sector_chart", "linkages_chart", "styled"]

_HOLE = charts.PALETTE["vermillion"]


def _label(key: str, lang: str, **values: object) -> str:
    return t(f"valuechain.chart.{key}", lang, **values)


def styled(fig: go.Figure, lang: str, *, height: int, title: str | None, source: str | None) -> go.Figure:
    """:func:`clusterlib.charts.style`, with the title above the legend and the source line moved
    under the x-axis title when the figure has one (they overlapped on paper)."""
    fig = charts.style(fig, lang, height=height, title=title, source=source)
    if title:
        fig.update_layout(
            margin={"t": 100}, title={"y": 1.0, "yref": "container", "yanchor": "top", "pad": {"t": 12}}
        )
    if source and fig.layout.xaxis.title.text:
        for note in fig.layout.annotations:
            if note.text == source:
                note.yshift = -62
        fig.update_layout(margin={"b": 95})
    return fig


def _no_data(lang: str, title: str | None, source: str | None) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=_label("no_data", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return charts.style(fig, lang, height=160, title=title, source=source)


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _section_labels(index: pd.Index, lang: str, sector: str) -> list[str]:
    return [f"{'▶ ' if s == sector else ''}{s} {html.escape(_clip(nace.name(s, lang=lang)))}" for s in index]


def _range(*series: pd.Series) -> tuple[float, float]:
    values = np.concatenate([np.asarray(s, dtype=float) for s in series])
    values = values[np.isfinite(values)]
    return (float(min(values.min(), 0.0)), float(values.max())) if values.size else (0.0, 1.0)


def _hovers(fig: go.Figure, lang: str, kind: str, decimals: int) -> None:
    """Hovers written by the one formatter (``%{customdata}``), never by a d3 format."""
    for trace in fig.data:
        trace.customdata = hover_values(trace.x, lang, kind=kind, decimals=decimals)
        trace.hovertemplate = "%{y}: %{customdata}<extra>" + html.escape(str(trace.name)) + "</extra>"


def linkages_chart(
    linkages: pd.DataFrame,
    linkages_regional: pd.DataFrame,
    *,
    sector: str,
    delta: float,
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Backward linkages (output multipliers) of every section, national against regional (FLQ)."""
    if linkages.empty:
        return _no_data(lang, title, source)
    data = linkages.sort_values("backward")
    labels = _section_labels(data.index, lang, sector)
    regional = linkages_regional["backward"].reindex(data.index)
    fig = go.Figure()
    fig.add_bar(y=labels, x=data["backward"], orientation="h", name=_label("national", lang),
                marker_color=charts.PALETTE["blue"])  # fmt: skip
    fig.add_bar(
        y=labels, x=regional, orientation="h",
        name=_label("regional", lang, delta=format_number(delta, lang, decimals=2)),
        marker={"color": charts.PALETTE["sky"], "pattern": {"shape": "/"}},
    )  # fmt: skip
    fig.update_layout(barmode="group", xaxis_title=_label("backward", lang))
    fig.update_xaxes(**axis_ticks(*_range(data["backward"], regional), lang, kind="number"))
    _hovers(fig, lang, "number", 2)
    return styled(fig, lang, height=640, title=title, source=source)


def key_sector_chart(
    linkages: pd.DataFrame,
    *,
    sector: str,
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Power of dispersion against sensitivity of dispersion (national); key sectors top right."""
    if linkages.empty:
        return _no_data(lang, title, source)
    data = linkages
    others = data.index != sector
    power, sensitivity = data["power_of_dispersion"], data["sensitivity_of_dispersion"]
    values = {s: (format_number(power[s], lang, decimals=2), format_number(sensitivity[s], lang, decimals=2))
              for s in data.index}  # fmt: skip
    hover = [f"{s} {html.escape(nace.name(s, lang=lang))}<br>{_label('power', lang)}: {values[s][0]}"
             f"<br>{_label('sensitivity', lang)}: {values[s][1]}" for s in data.index]  # fmt: skip
    text = dict(zip(data.index, hover, strict=True))
    fig = go.Figure()
    fig.add_scatter(
        x=power[others], y=sensitivity[others], mode="markers+text", text=list(data.index[others]),
        textposition="top center", marker={"size": 11, "color": charts.PALETTE["grey"]}, name=_label("sectors", lang),
        hovertext=[text[s] for s in data.index[others]], hoverinfo="text",
    )  # fmt: skip
    if sector in data.index:
        fig.add_scatter(
            x=[power[sector]], y=[sensitivity[sector]], mode="markers+text",
            text=[f"{sector} {html.escape(nace.name(sector, lang=lang))}"], textposition="bottom center",
            marker={"size": 18, "symbol": "star", "color": _HOLE}, name=_label("cluster_sector", lang),
            hovertext=[text[sector]], hoverinfo="text",
        )  # fmt: skip
    fig.add_hline(y=1, line={"color": charts.PALETTE["grey"], "dash": "dash"})
    fig.add_vline(x=1, line={"color": charts.PALETTE["grey"], "dash": "dash"})
    x0, x1 = float(power.min()), float(power.max())
    y0, y1 = float(sensitivity.min()), float(sensitivity.max())
    for x, y, key, anchor in ((x1, y1, "key", "right"), (x0, y1, "forward_q", "left"),
                              (x1, y0, "backward_q", "right"), (x0, y0, "weak_q", "left")):  # fmt: skip
        fig.add_annotation(
            x=x, y=y, text=f"<b>{_label(key, lang)}</b>", showarrow=False, xanchor=anchor, yshift=18
        )
    fig.update_layout(xaxis_title=_label("power", lang), yaxis_title=_label("sensitivity", lang))
    fig.update_xaxes(**axis_ticks(x0, x1, lang, kind="number"))
    fig.update_yaxes(**axis_ticks(y0, y1, lang, kind="number"))
    return styled(fig, lang, height=520, title=title, source=source)


def extraction_chart(
    extraction: pd.DataFrame,
    extraction_regional: pd.DataFrame,
    *,
    sector: str,
    delta: float,
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Share of total output lost when each section is extracted, in the province and nationally."""
    if extraction.empty:
        return _no_data(lang, title, source)
    regional = extraction_regional["output_loss_share"]
    order = (
        regional.sort_values().index
        if regional.notna().any()
        else extraction["output_loss_share"].sort_values().index
    )
    labels = _section_labels(order, lang, sector)
    fig = go.Figure()
    fig.add_bar(
        y=labels, x=regional.reindex(order), orientation="h",
        name=_label("regional", lang, delta=format_number(delta, lang, decimals=2)),
        marker={"color": [_HOLE if s == sector else charts.PALETTE["sky"] for s in order], "pattern": {"shape": "/"}},
    )  # fmt: skip
    fig.add_bar(y=labels, x=extraction["output_loss_share"].reindex(order), orientation="h",
                name=_label("national", lang), marker_color=charts.PALETTE["blue"])  # fmt: skip
    fig.update_layout(barmode="group", xaxis_title=_label("loss", lang))
    _, high = _range(regional, extraction["output_loss_share"])
    fig.update_xaxes(**axis_ticks(0, max(high, 0.05), lang, kind="percent", decimals=0))
    _hovers(fig, lang, "percent", 1)
    return styled(fig, lang, height=640, title=title, source=source)
