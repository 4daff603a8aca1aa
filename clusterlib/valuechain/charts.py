"""Figures of the value-chain report, in Turkish or English, that render offline.

Colour is never the only signal: stages have colours *and* a legend, places have symbols (circle in
the province, diamond outside), hubs and brokers have rings of different shapes and their names
written beside them, sourcing holes are named in the Sankey's labels.  Every text that comes from
data (firm names) is HTML-escaped, because plotly renders tags in hover texts and labels.
"""

from __future__ import annotations

import html

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib import nace
from clusterlib.charts import PALETTE
from clusterlib.i18n import axis_ticks, hover_values, plotly_layout, t
from clusterlib.report.display import Omitted
from clusterlib.valuechain.findings import short_name, stage_name
from clusterlib.valuechain.stages import STAGES, stage_of

__all__ = [
    "STAGE_COLOURS",
    "brokerage_chart",
    "cluster_map",
    "extraction_chart",
    "key_sector_chart",
    "layered_layout",
    "linkages_chart",
    "stage_sankey",
]

#: Colour of each value-chain stage (Okabe & Ito), grey for partners without a stage.
STAGE_COLOURS: dict[str, str] = {
    "inputs": PALETTE["orange"],
    "services": PALETTE["sky"],
    "manufacturing": PALETTE["blue"],
    "distribution": PALETTE["green"],
    "outside": PALETTE["grey"],
    "local_other": PALETTE["grey"],
}
_HOLE = PALETTE["vermillion"]


def _label(key: str, lang: str, **values: object) -> str:
    return t(f"valuechain.chart.{key}", lang, **values)


def _style(fig: go.Figure, lang: str, *, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(
        title=title,
        height=height,
        template="plotly_white",
        **plotly_layout(lang),
        margin={"l": 10, "r": 10, "t": 60 if title else 30, "b": 10},
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0},
    )
    fig.update_yaxes(exponentformat="none", separatethousands=True)  # 15.000, not plotly's SI "15k"
    return fig


# ---------------------------------------------------------------------------------- cluster map
def _column(G: nx.DiGraph, node: object) -> int:
    stage = stage_of(G, node)
    if stage in STAGES:
        return 1 + STAGES.index(stage)
    sells = any(G.edges[node, w].get("kind") == "supply" for w in G.successors(node))
    buys = any(G.edges[u, node].get("kind") == "supply" for u in G.predecessors(node))
    return len(STAGES) + 1 if buys and not sells else 0


def layered_layout(G: nx.DiGraph, *, sweeps: int = 6) -> dict[object, tuple[float, float]]:
    """Deterministic positions layered by value-chain stage, upstream on the left.

    Columns: outside suppliers, inputs, services, manufacturing, distribution, outside customers.
    Within a column nodes are ordered by the barycentre of their neighbours (a few Sugiyama
    sweeps, ties broken by degree then id) and spread evenly; long columns are split in two
    staggered sub-columns so that nodes do not overlap.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("a", stage="inputs", in_register=True, local=True)
    >>> G.add_node("b", stage="manufacturing", in_register=True, local=True)
    >>> G.add_edge("a", "b", kind="supply")
    >>> layered_layout(G)
    {'a': (1.0, 0.5), 'b': (3.0, 0.5)}
    """
    columns: dict[int, list] = {}
    for node in G.nodes:
        columns.setdefault(_column(G, node), []).append(node)
    degree = dict(G.degree())
    y: dict[object, float] = {}
    for nodes in columns.values():
        nodes.sort(key=lambda v: (-degree[v], str(v)))
        for i, v in enumerate(nodes):
            y[v] = (i + 0.5) / len(nodes)
    neighbours = {v: set(G.predecessors(v)) | set(G.successors(v)) for v in G}
    for _ in range(sweeps):
        for nodes in columns.values():
            centre = {v: np.mean([y[w] for w in neighbours[v]]) if neighbours[v] else y[v] for v in nodes}
            nodes.sort(key=lambda v: (centre[v], -degree[v], str(v)))
            for i, v in enumerate(nodes):
                y[v] = (i + 0.5) / len(nodes)
    positions = {}
    for column, nodes in columns.items():
        stagger = 0.18 if len(nodes) > 20 else 0.0
        for i, v in enumerate(nodes):
            positions[v] = (float(column) + (stagger if i % 2 else -stagger) * (stagger > 0), round(y[v], 6))
    return positions


def cluster_map(
    G: nx.DiGraph,
    measures: pd.DataFrame,
    *,
    hubs: tuple = (),
    brokers: tuple = (),
    lang: str = "tr",
    title: str | None = None,
) -> go.Figure | Omitted:
    """The cluster map: firms by value-chain stage, size by number of partners.

    Without firms (no interviews) an :class:`~clusterlib.report.Omitted`: the report says why once.

    Parameters
    ----------
    G : networkx.DiGraph
        From :func:`~clusterlib.valuechain.network.firm_network`.
    measures : DataFrame
        :func:`~clusterlib.valuechain.network.network_measures` (``degree``, ``betweenness``…).
    hubs, brokers : tuple of node ids
        Marked with a round ring and a square ring, and named beside the node.
    """
    if G.number_of_nodes() == 0:
        return Omitted("no firm interviews: the network sections are left out")
    pos = layered_layout(G)
    fig = go.Figure()
    for kind, dash, colour in (
        ("supply", "solid", "rgba(90,90,90,0.35)"),
        ("cooperation", "dot", "rgba(0,114,178,0.45)"),
    ):
        xs: list = []
        ys: list = []
        for u, v, k in G.edges(data="kind"):
            if k != kind or (kind == "cooperation" and str(u) > str(v) and G.has_edge(v, u)):
                continue
            xs += [pos[u][0], pos[v][0], None]
            ys += [pos[u][1], pos[v][1], None]
        fig.add_scatter(
            x=xs, y=ys, mode="lines", line={"width": 0.8, "color": colour, "dash": dash},
            hoverinfo="skip", name=_label(kind, lang),
        )  # fmt: skip
    degree = measures["degree"].reindex(list(G.nodes)).fillna(0)
    for stage in (*STAGES, "outside"):
        nodes = [v for v in G.nodes if (stage_of(G, v) if stage != "outside" else "outside") == stage
                 or (stage == "outside" and stage_of(G, v) == "local_other")]  # fmt: skip
        if not nodes:
            continue
        hover = [
            f"<b>{html.escape(str(G.nodes[v].get('name', v)))}</b><br>{html.escape(str(v))} · "
            f"{html.escape(stage_name(stage_of(G, v), lang))}<br>{int(degree[v])} {_label('partners', lang)} · "
            f"{_label('betweenness', lang)} {measures.loc[v, 'betweenness']:.3f}"
            for v in nodes
        ]
        fig.add_scatter(
            x=[pos[v][0] for v in nodes],
            y=[pos[v][1] for v in nodes],
            mode="markers",
            name=stage_name(stage, lang),
            marker={
                "size": [7 + 3.2 * np.sqrt(degree[v]) for v in nodes],
                "color": STAGE_COLOURS[stage],
                "symbol": ["circle" if G.nodes[v].get("local", True) else "diamond" for v in nodes],
                "line": {"width": 0.6, "color": "white"},
            },
            hovertext=hover,
            hoverinfo="text",
        )
    for marked, symbol, key, colour in (
        (hubs, "circle-open", "hub", "#111111"),
        (brokers, "square-open", "broker", _HOLE),
    ):
        nodes = [v for v in marked if v in pos]
        if not nodes:
            continue
        fig.add_scatter(
            x=[pos[v][0] for v in nodes],
            y=[pos[v][1] for v in nodes],
            mode="markers+text",
            name=_label(key, lang),
            marker={"size": [16 + 3.2 * np.sqrt(degree[v]) for v in nodes], "symbol": symbol,
                    "color": colour, "line": {"width": 2.2, "color": colour}},
            text=[html.escape(short_name(G.nodes[v].get("name", v))) for v in nodes],
            textposition="top center" if key == "hub" else "bottom center",
            textfont={"size": 11, "color": colour},
            hoverinfo="skip",
        )  # fmt: skip
    for key in ("in_province", "outside"):
        fig.add_scatter(
            x=[None], y=[None], mode="markers", name=_label(key, lang),
            marker={"symbol": "circle" if key == "in_province" else "diamond", "color": "#555555", "size": 10},
        )  # fmt: skip
    ticks = [0, *range(1, len(STAGES) + 1), len(STAGES) + 1]
    labels = [
        _label("suppliers_out", lang),
        *[stage_name(s, lang) for s in STAGES],
        _label("customers_out", lang),
    ]
    fig.update_xaxes(
        tickvals=ticks, ticktext=labels, showgrid=False, zeroline=False, range=[-0.6, len(STAGES) + 1.6]
    )
    fig.update_yaxes(visible=False, range=[-0.04, 1.06])
    return _style(fig, lang, height=760, title=title)


# ------------------------------------------------------------------------------------ brokerage
_ROLE_STYLE = {
    "coordinator": (PALETTE["blue"], ""),
    "itinerant": (PALETTE["orange"], "/"),
    "gatekeeper": (PALETTE["green"], "x"),
    "representative": (PALETTE["purple"], "."),
    "liaison": (PALETTE["vermillion"], "+"),
}


def brokerage_chart(
    measures: pd.DataFrame, *, lang: str = "tr", top: int = 10, title: str | None = None
) -> go.Figure | Omitted:
    """The firms that broker most, their brokered pairs split by Gould–Fernandez role.

    Parameters
    ----------
    measures : DataFrame
        With ``name``, ``brokerage`` and one column per role (``coordinator`` … ``liaison``).
    """
    if measures.empty:
        return Omitted("no firm interviews: the network sections are left out")
    data = measures[measures["brokerage"] > 0].nlargest(top, "brokerage").iloc[::-1]
    labels = [html.escape(short_name(n, 32)) for n in data["name"]]
    fig = go.Figure()
    for role, (colour, shape) in _ROLE_STYLE.items():
        fig.add_bar(
            y=labels, x=data[role], orientation="h", name=t(f"valuechain.role.{role}", lang),
            marker={"color": colour, "pattern": {"shape": shape}},
        )  # fmt: skip
    fig.update_layout(barmode="stack", xaxis_title=_label("pairs", lang))
    return _style(fig, lang, height=120 + 32 * len(data), title=title)


# --------------------------------------------------------------------------------------- sankey
def stage_sankey(
    flows: pd.DataFrame, sourcing: pd.DataFrame, *, lang: str = "tr", title: str | None = None
) -> go.Figure | Omitted:
    """Supply ties from the sellers' stage (left) to the buyers' stage (right); sourcing holes marked.

    Parameters
    ----------
    flows : DataFrame
        :func:`~clusterlib.valuechain.stages.stage_flows` (``from_stage, to_stage, ties``).
    sourcing : DataFrame
        :func:`~clusterlib.valuechain.stages.sourcing` (``hole`` by buying stage).
    """
    if flows.empty:
        return Omitted("no firm interviews: the network sections are left out")
    holes = set(sourcing.index[sourcing["hole"]])
    order = ("outside", "local_other", *STAGES)
    left = [s for s in order if s in set(flows["from_stage"])]
    right = [s for s in order if s in set(flows["to_stage"])]
    labels = [f"{stage_name(s, lang)} ({_label('sells', lang)})" for s in left]
    colours = [STAGE_COLOURS[s] for s in left]
    for s in right:
        text = f"{stage_name(s, lang)} ({_label('buys', lang)})"
        labels.append(f"{text} {_label('hole', lang)}" if s in holes else text)
        colours.append(_HOLE if s in holes else STAGE_COLOURS[s])
    source = [left.index(s) for s in flows["from_stage"]]
    target = [len(left) + right.index(s) for s in flows["to_stage"]]
    link_colour = [
        "rgba(213,94,0,0.55)" if (a == "outside" and b in holes) else "rgba(120,120,120,0.3)"
        for a, b in zip(flows["from_stage"], flows["to_stage"], strict=True)
    ]
    hover = "%{source.label} → %{target.label}: %{value} " + _label("ties", lang) + "<extra></extra>"
    fig = go.Figure(
        go.Sankey(
            arrangement="fixed",
            node={"label": [html.escape(x) for x in labels], "color": colours, "pad": 14, "thickness": 16},
            link={
                "source": source,
                "target": target,
                "value": flows["ties"].tolist(),
                "color": link_colour,
                "hovertemplate": hover,
            },
        )
    )
    return _style(fig, lang, height=480, title=title)


# ------------------------------------------------------------------------------- input-output
def _no_data(lang: str, title: str | None) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=_label("no_data", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _style(fig, lang, height=160, title=title)


def _section_labels(index: pd.Index, lang: str, sector: str) -> list[str]:
    return [f"{'▶ ' if s == sector else ''}{s} {_clip(nace.name(s, lang=lang))}" for s in index]


def _clip(text: str, width: int = 34) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def linkages_chart(
    linkages: pd.DataFrame,
    linkages_regional: pd.DataFrame,
    *,
    sector: str,
    delta: float,
    lang: str = "tr",
    title: str | None = None,
) -> go.Figure:
    """Backward linkages (output multipliers) of every section, national against regional (FLQ)."""
    if linkages.empty:
        return _no_data(lang, title)
    data = linkages.sort_values("backward")
    labels = _section_labels(data.index, lang, sector)
    fig = go.Figure()
    fig.add_bar(
        y=labels,
        x=data["backward"],
        orientation="h",
        name=_label("national", lang),
        marker_color=PALETTE["blue"],
    )
    fig.add_bar(
        y=labels, x=linkages_regional["backward"].reindex(data.index), orientation="h",
        name=_label("regional", lang, delta=f"{delta:.2f}".replace(".", "," if lang == "tr" else ".")),
        marker={"color": PALETTE["sky"], "pattern": {"shape": "/"}},
    )  # fmt: skip
    fig.update_layout(barmode="group", xaxis_title=_label("backward", lang))
    return _style(fig, lang, height=640, title=title)


def key_sector_chart(
    linkages: pd.DataFrame, *, sector: str, lang: str = "tr", title: str | None = None
) -> go.Figure:
    """Power of dispersion against sensitivity of dispersion; key sectors top right."""
    if linkages.empty:
        return _no_data(lang, title)
    data = linkages
    others = data.index != sector
    fig = go.Figure()
    fig.add_scatter(
        x=data.loc[others, "power_of_dispersion"], y=data.loc[others, "sensitivity_of_dispersion"],
        mode="markers+text", text=list(data.index[others]), textposition="top center",
        marker={"size": 11, "color": PALETTE["grey"]}, name=_label("sectors", lang),
        hovertext=[html.escape(nace.name(s, lang=lang)) for s in data.index[others]], hoverinfo="text+x+y",
    )  # fmt: skip
    fig.add_scatter(
        x=[data.loc[sector, "power_of_dispersion"]], y=[data.loc[sector, "sensitivity_of_dispersion"]],
        mode="markers+text", text=[f"{sector} {html.escape(nace.name(sector, lang=lang))}"],
        textposition="bottom center", marker={"size": 18, "symbol": "star", "color": _HOLE},
        name=_label("cluster_sector", lang),
    )  # fmt: skip
    fig.add_hline(y=1, line={"color": "#999999", "dash": "dash"})
    fig.add_vline(x=1, line={"color": "#999999", "dash": "dash"})
    x0, x1 = float(data["power_of_dispersion"].min()), float(data["power_of_dispersion"].max())
    y0, y1 = float(data["sensitivity_of_dispersion"].min()), float(data["sensitivity_of_dispersion"].max())
    for x, y, key, anchor in ((x1, y1, "key", "right"), (x0, y1, "forward_q", "left"),
                              (x1, y0, "backward_q", "right"), (x0, y0, "weak_q", "left")):  # fmt: skip
        fig.add_annotation(
            x=x, y=y, text=f"<b>{_label(key, lang)}</b>", showarrow=False, xanchor=anchor, yshift=18
        )
    fig.update_layout(xaxis_title=_label("power", lang), yaxis_title=_label("sensitivity", lang))
    return _style(fig, lang, height=520, title=title)


def extraction_chart(
    extraction: pd.DataFrame,
    extraction_regional: pd.DataFrame,
    *,
    sector: str,
    delta: float,
    lang: str = "tr",
    title: str | None = None,
) -> go.Figure:
    """Share of total output lost when each section is extracted, nationally and in the province."""
    if extraction.empty:
        return _no_data(lang, title)
    data = extraction_regional.sort_values("output_loss_share")
    labels = _section_labels(data.index, lang, sector)
    fig = go.Figure()
    fig.add_bar(
        y=labels, x=data["output_loss_share"], orientation="h",
        name=_label("regional", lang, delta=f"{delta:.2f}".replace(".", "," if lang == "tr" else ".")),
        marker={"color": [_HOLE if s == sector else PALETTE["sky"] for s in data.index], "pattern": {"shape": "/"}},
    )  # fmt: skip
    fig.add_bar(
        y=labels, x=extraction["output_loss_share"].reindex(data.index), orientation="h",
        name=_label("national", lang), marker_color=PALETTE["blue"],
    )  # fmt: skip
    fig.update_layout(barmode="group", xaxis_title=_label("loss", lang))
    high = max((max((v for v in trace.x if v == v), default=0) for trace in fig.data), default=0)
    fig.update_xaxes(**axis_ticks(0, max(float(high), 0.05), lang, kind="percent", decimals=0))
    for trace in fig.data:  # hovers written by the one formatter (Turkish %12,5)
        trace.customdata = hover_values(trace.x, lang, kind="percent", decimals=1)
        trace.hovertemplate = "%{y}: %{customdata}<extra>" + str(trace.name) + "</extra>"
    return _style(fig, lang, height=640, title=title)
