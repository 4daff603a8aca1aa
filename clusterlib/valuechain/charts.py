"""Network figures of the value-chain report: the cluster map, brokerage and the stage Sankey.

Colour is never the only signal: stages have colours *and* a legend and their own column, places
have symbols (circle in the province, diamond outside), hubs and brokers rings of different shapes,
sourcing holes are named in the Sankey's labels.  The cluster map writes the names of a few firms
only (:attr:`~clusterlib.valuechain.thresholds.Thresholds.labelled`, placed so that no two labels
overlap); every firm shows its name on hover.  Firms without a known tie sit in a band of their
own under the network, so the connected firms fill the figure.  Every text that comes from data
(firm names) is HTML-escaped, because plotly renders tags in hover texts and labels.  The input-output
figures are in :mod:`clusterlib.valuechain.io_charts`.
"""

from __future__ import annotations

import html

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib import charts
from clusterlib.i18n import format_number, t
from clusterlib.valuechain import sankey
from clusterlib.valuechain.findings import short_name, stage_name
from clusterlib.valuechain.io_charts import extraction_chart, key_sector_chart, linkages_chart, styled
from clusterlib.valuechain.stages import STAGES, stage_of
from clusterlib.valuechain.thresholds import THRESHOLDS

__all__ = [
    "STAGE_COLOURS",
    "brokerage_chart",
    "cluster_map",
    "extraction_chart",
    "key_sector_chart",
    "label_positions",
    "layered_layout",
    "linkages_chart",
    "stage_sankey",
]

#: Colour of each value-chain stage (Okabe & Ito), grey for partners without a stage.
STAGE_COLOURS: dict[str, str] = {
    "inputs": charts.PALETTE["orange"],
    "services": charts.PALETTE["sky"],
    "manufacturing": charts.PALETTE["blue"],
    "distribution": charts.PALETTE["green"],
    "outside": charts.PALETTE["grey"],
    "local_other": charts.PALETTE["grey"],
}
_HOLE = charts.PALETTE["vermillion"]
_INK = charts.PALETTE["text_muted"]
#: The printable size the cluster map is drawn for (A4 portrait, 18 cm of text width at 96 dpi).
MAP_WIDTH, MAP_HEIGHT = 680, 720
#: Margins of the cluster map (title and legend above, stage names and source below), in pixels.
_MAP_TOP, _MAP_BOTTOM = 150, 95
#: Where the band of firms without a known tie starts (below the connected network, y in [0, 1]).
_ISOLATE_BAND = -0.06


def _label(key: str, lang: str, **values: object) -> str:
    return t(f"valuechain.chart.{key}", lang, **values)


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
    Within a column the connected nodes are ordered by the barycentre of their neighbours (a few
    Sugiyama sweeps, ties broken by degree then id) and spread evenly over [0, 1]; long columns are
    split in two staggered sub-columns so that nodes do not overlap.  Nodes without any tie are
    placed apart, in rows under their column (y < 0), so the connected network fills the figure.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("a", stage="inputs", in_register=True, local=True)
    >>> G.add_node("b", stage="manufacturing", in_register=True, local=True)
    >>> G.add_node("c", stage="manufacturing", in_register=True, local=True)
    >>> G.add_edge("a", "b", kind="supply")
    >>> layered_layout(G)
    {'a': (1.0, 0.5), 'b': (3.0, 0.5), 'c': (3.0, -0.1)}
    """
    columns: dict[int, list] = {}
    isolated: dict[int, list] = {}
    degree = dict(G.degree())
    for node in G.nodes:
        (columns if degree[node] else isolated).setdefault(_column(G, node), []).append(node)
    y: dict[object, float] = {}
    for nodes in columns.values():
        nodes.sort(key=lambda v: (-degree[v], str(v)))
        for i, v in enumerate(nodes):
            y[v] = (i + 0.5) / len(nodes)
    # sorted, so the mean adds in one order in every process (a set's order follows the string hash seed)
    neighbours = {v: sorted(set(G.predecessors(v)) | set(G.successors(v)), key=str) for v in G}
    for _ in range(sweeps):
        for nodes in columns.values():
            centre = {v: np.mean([y[w] for w in neighbours[v]]) for v in nodes}
            nodes.sort(key=lambda v: (centre[v], -degree[v], str(v)))
            for i, v in enumerate(nodes):
                y[v] = (i + 0.5) / len(nodes)
    positions = {}
    for column, nodes in columns.items():
        stagger = 0.18 if len(nodes) > 20 else 0.0
        for i, v in enumerate(nodes):
            positions[v] = (float(column) + (stagger if i % 2 else -stagger) * (stagger > 0), round(y[v], 6))
    per_row = 5
    for column, nodes in isolated.items():
        nodes.sort(key=str)
        for i, v in enumerate(nodes):
            row, place = divmod(i, per_row)
            width = min(len(nodes), per_row)
            dx = 0.0 if width == 1 else -0.36 + 0.72 * place / (width - 1)
            positions[v] = (round(float(column) + dx, 6), round(_ISOLATE_BAND - 0.04 - 0.045 * row, 6))
    return positions


def label_positions(
    pos: dict[object, tuple[float, float]],
    labels: dict[object, str],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    width: int = MAP_WIDTH,
    height: int = MAP_HEIGHT,
    font: int = 10,
    offsets: dict[object, float] | None = None,
) -> dict[object, str]:
    """Where to write each label (``"top center"`` or ``"bottom center"``) so that no two overlap.

    Labels are tried in the order given (the most important first), above then below their node;
    a label whose both places overlap one already placed is left out (the name stays on hover).
    Boxes are estimated in pixels of a plot area of ``width`` × ``height``: 0.62 × ``font`` per
    character plus 8, 2 × ``font`` high, ``offsets[node]`` pixels (default 8: the node's radius and
    a gap) from the node's centre.

    Examples
    --------
    Three firms at one point: the first label goes above, the second below, the third stays on hover.

    >>> pos = {"a": (1.0, 0.50), "b": (1.0, 0.50), "c": (1.0, 0.50), "d": (2.0, 0.5)}
    >>> labels = {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta"}
    >>> label_positions(pos, labels, x_range=(0, 3), y_range=(0, 1))
    {'a': 'top center', 'b': 'bottom center', 'd': 'top center'}
    """
    sx = width / (x_range[1] - x_range[0])
    sy = height / (y_range[1] - y_range[0])
    placed: list[tuple[float, float, float, float]] = []
    chosen: dict[object, str] = {}
    for node, text in labels.items():
        x, y = pos[node][0] * sx, pos[node][1] * sy
        w, h = 0.62 * font * len(text) + 8, 2.0 * font  # with air around the text (print shrinks the figure)
        gap = (offsets or {}).get(node, 8.0)
        for where, centre in (("top center", y + gap + h / 2), ("bottom center", y - gap - h / 2)):
            box = (x - w / 2, centre - h / 2, x + w / 2, centre + h / 2)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                chosen[node] = where
                break
    return chosen


def _edge_traces(fig: go.Figure, G: nx.DiGraph, pos: dict, lang: str) -> None:
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
        fig.add_scatter(x=xs, y=ys, mode="lines", line={"width": 0.8, "color": colour, "dash": dash},
                        hoverinfo="skip", name=_label(kind, lang))  # fmt: skip


def _hover(G: nx.DiGraph, measures: pd.DataFrame, v: object, degree: int, lang: str) -> str:
    name = html.escape(str(G.nodes[v].get("name", v)))
    betweenness = format_number(measures.loc[v, "betweenness"], lang, decimals=3)
    return (f"<b>{name}</b><br>{html.escape(str(v))} · {html.escape(stage_name(stage_of(G, v), lang))}"
            f"<br>{degree} {_label('partners', lang)} · {_label('betweenness', lang)} {betweenness}")  # fmt: skip


def cluster_map(
    G: nx.DiGraph,
    measures: pd.DataFrame,
    *,
    hubs: tuple = (),
    brokers: tuple = (),
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """The cluster map: firms by value-chain stage, size by number of partners.

    Parameters
    ----------
    G : networkx.DiGraph
        From :func:`~clusterlib.valuechain.network.firm_network`, with at least one node.
    measures : DataFrame
        :func:`~clusterlib.valuechain.network.network_measures` (``degree``, ``betweenness``…).
    hubs, brokers : tuple of node ids
        Marked with a round ring and a square ring; named first.
    """
    if G.number_of_nodes() == 0:
        raise ValueError("'G' has no firm: a province without firm interviews has no cluster map")
    pos = layered_layout(G)
    fig = go.Figure()
    _edge_traces(fig, G, pos, lang)
    degree = measures["degree"].reindex(list(G.nodes)).fillna(0).astype(int)
    for stage in (*STAGES, "outside"):
        nodes = [
            v
            for v in G.nodes
            if stage_of(G, v) == stage or (stage == "outside" and stage_of(G, v) == "local_other")
        ]
        if nodes:
            fig.add_scatter(
                x=[pos[v][0] for v in nodes], y=[pos[v][1] for v in nodes], mode="markers",
                name=stage_name(stage, lang),
                marker={"size": [7 + 3.2 * np.sqrt(degree[v]) for v in nodes], "color": STAGE_COLOURS[stage],
                        "symbol": ["circle" if G.nodes[v].get("local", True) else "diamond" for v in nodes],
                        "line": {"width": 0.6, "color": "white"}},
                hovertext=[_hover(G, measures, v, int(degree[v]), lang) for v in nodes], hoverinfo="text",
            )  # fmt: skip
    for marked, symbol, key, colour in (
        (hubs, "circle-open", "hub", "#111111"),
        (brokers, "square-open", "broker", _HOLE),
    ):
        nodes = [v for v in marked if v in pos]
        if nodes:
            fig.add_scatter(
                x=[pos[v][0] for v in nodes], y=[pos[v][1] for v in nodes], mode="markers", name=_label(key, lang),
                marker={"size": [16 + 3.2 * np.sqrt(degree[v]) for v in nodes], "symbol": symbol, "color": colour,
                        "line": {"width": 2.2, "color": colour}},
                hoverinfo="skip",
            )  # fmt: skip
    y_low = min([_ISOLATE_BAND - 0.16, *(p[1] - 0.08 for p in pos.values())])
    x_range, y_range = (-0.6, len(STAGES) + 1.6), (y_low, 1.03)
    _firm_labels(fig, G, measures, pos, (hubs, brokers), x_range, y_range)
    if any(d == 0 for d in degree):
        fig.add_hline(y=_ISOLATE_BAND, line={"color": charts.PALETTE["grey"], "dash": "dot", "width": 1})
        fig.add_annotation(x=x_range[0], y=y_low, xanchor="left", yanchor="bottom", showarrow=False,
                           text=_label("no_known_tie", lang), font={"size": 11, "color": _INK})  # fmt: skip
    for key in ("in_province", "outside"):
        fig.add_scatter(x=[None], y=[None], mode="markers", name=_label(key, lang),
                        marker={"symbol": "circle" if key == "in_province" else "diamond", "color": _INK,
                                "size": 10})  # fmt: skip
    ticks = [0, *range(1, len(STAGES) + 1), len(STAGES) + 1]
    names = [
        _label("suppliers_out", lang),
        *[stage_name(s, lang) for s in STAGES],
        _label("customers_out", lang),
    ]
    fig.update_xaxes(tickvals=ticks, ticktext=[n.replace(" ", "<br>", 1) for n in names], showgrid=False,
                     zeroline=False, range=list(x_range))  # fmt: skip
    fig.update_yaxes(visible=False, range=list(y_range))
    fig = charts.style(fig, lang, height=MAP_HEIGHT, title=title, source=source)
    # room above the plot for the title and the four legend rows, below for the stage names and the source
    fig.update_layout(
        margin={"t": _MAP_TOP, "b": _MAP_BOTTOM, "l": 10, "r": 10}, title={"y": 0.985, "yanchor": "top"}
    )
    for note in fig.layout.annotations:
        if source and note.text == source:
            note.yshift = -68  # under the two-line stage names
    return fig


def _firm_labels(fig, G, measures, pos, marked, x_range, y_range) -> None:
    """Names of the hubs, brokers and most central firms, at most ``THRESHOLDS.labelled``, never overlapping."""
    hubs, brokers = marked
    firms = measures[measures["in_register"] & (measures["degree"] > 0)]
    ranked = firms.sort_values(["betweenness", "degree"], ascending=False, kind="stable").index
    wanted = list(dict.fromkeys([*hubs, *brokers, *ranked]))[: THRESHOLDS.labelled]
    texts = {v: short_name(G.nodes[v].get("name", v), 22) for v in wanted if v in pos}
    ringed = set(hubs) | set(brokers)
    # the label clears the node's marker (a ring is drawn 9 px wider than the node) and 4 px more
    offsets = {
        v: (16 if v in ringed else 7) / 2 + 1.6 * np.sqrt(measures.loc[v, "degree"]) + 4 for v in texts
    }
    where = label_positions(
        pos,
        texts,
        x_range=x_range,
        y_range=y_range,
        width=MAP_WIDTH - 20,
        height=int(0.65 * (MAP_HEIGHT - _MAP_TOP - _MAP_BOTTOM)),  # printed, the plot area is about this high
        offsets=offsets,
    )
    for v, position in where.items():  # annotations on a white ground: readable over nodes and ties
        up = position == "top center"
        fig.add_annotation(x=pos[v][0], y=pos[v][1], text=html.escape(texts[v]), showarrow=False, name="firm_label",
                           yanchor="bottom" if up else "top", yshift=offsets[v] if up else -offsets[v],
                           font={"size": 10, "color": "#111111"}, bgcolor="rgba(255,255,255,0.85)",
                           borderpad=1)  # fmt: skip


# ------------------------------------------------------------------------------------ brokerage
_ROLE_STYLE = {
    "coordinator": (charts.PALETTE["blue"], ""),
    "itinerant": (charts.PALETTE["orange"], "/"),
    "gatekeeper": (charts.PALETTE["green"], "x"),
    "representative": (charts.PALETTE["purple"], "."),
    "liaison": (charts.PALETTE["vermillion"], "+"),
}


def brokerage_chart(
    measures: pd.DataFrame,
    *,
    lang: str = "tr",
    top: int = 10,
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """The firms that broker most, their brokered pairs split by Gould–Fernandez role (colour and pattern).

    Parameters
    ----------
    measures : DataFrame
        With ``name``, ``brokerage`` and one column per role (``coordinator`` … ``liaison``).
    """
    data = measures[measures["brokerage"] > 0].nlargest(top, "brokerage").iloc[::-1]
    labels = [html.escape(short_name(n, 32)) for n in data["name"]]
    fig = go.Figure()
    for role, (colour, shape) in _ROLE_STYLE.items():
        fig.add_bar(y=labels, x=data[role], orientation="h", name=t(f"valuechain.role.{role}", lang),
                    marker={"color": colour, "pattern": {"shape": shape}},
                    customdata=[format_number(v, lang) for v in data[role]],
                    hovertemplate="%{y}: %{customdata}<extra>" + html.escape(t(f"valuechain.role.{role}", lang))
                    + "</extra>")  # fmt: skip
    fig.update_layout(barmode="stack", xaxis_title=_label("pairs", lang))
    return styled(fig, lang, height=190 + 32 * len(data), title=title, source=source)


# --------------------------------------------------------------------------------------- sankey
def stage_sankey(
    flows: pd.DataFrame,
    sourcing: pd.DataFrame,
    *,
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Supply ties from the sellers' stage (left) to the buyers' stage (right); sourcing holes marked.

    Drawn with static shapes so that flows and labels survive printing
    (:func:`clusterlib.valuechain.sankey.stage_sankey`).
    """
    return sankey.stage_sankey(flows, sourcing, colours=STAGE_COLOURS, lang=lang, title=title, source=source)
