"""The firm network of a cluster, filtered by tie type, value-chain stage and local or external partners.

The network is :func:`clusterlib.valuechain.firm_network` of the province's cluster; the table ranks the
firms of the filtered network by :func:`clusterlib.valuechain.centrality.betweenness` (the measure the
report uses; the slower structural-hole measures stay in the report).  Positions come from one
seeded force-directed layout of the whole network, so a firm stays where it is while filters change.
Clicking a firm (or choosing it in the list) shows its neighbourhood: its suppliers, customers and
cooperation partners.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib.charts import PALETTE
from clusterlib.data import load_tables
from clusterlib.explore.panel import province_options, turkish_sort_key
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.i18n import format_number, t
from clusterlib.regions import province
from clusterlib.valuechain import firm_network
from clusterlib.valuechain.centrality import betweenness

__all__ = ["KINDS", "STAGE_ORDER", "cluster_network", "network_explorer", "network_view"]

KINDS = ("supply", "cooperation")
STAGE_ORDER = ("inputs", "manufacturing", "services", "distribution", "external")
_STAGE_COLOURS = {
    "inputs": PALETTE["green"],
    "manufacturing": PALETTE["vermillion"],
    "services": PALETTE["blue"],
    "distribution": PALETTE["purple"],
    "external": PALETTE["grey"],
}
_LAYOUT_SEED = 20130526
NOBODY = ""


@cache
def cluster_network(
    plate: int, data_dir: str | None = None
) -> tuple[nx.DiGraph, dict[str, tuple[float, float]]]:
    """The firm network of the province's cluster(s) and a seeded layout of it (cached).

    Examples
    --------
    >>> G, positions = cluster_network(19)
    >>> G.number_of_nodes() == len(positions) > 50
    True
    """
    tables = load_tables(data_dir, tables=["firms", "relations"])
    firms = tables["firms"][tables["firms"]["plate"] == plate]
    relations = tables["relations"][tables["relations"]["cluster"].isin(firms["cluster"].unique())]
    if firms.empty:
        return nx.DiGraph(), {}
    G = firm_network(firms, relations)
    return G, network_layout(G)


def network_layout(G: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Positions that let the connected firms fill the figure, with the isolated firms in a row below.

    The connected firms get one seeded force-directed layout, rescaled to ``[-1, 1]`` across and
    ``[-0.7, 1]`` up; firms without any tie are lined up in the band below ``-0.8``, so they neither
    push the network into a small ball nor hide among its nodes.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")]); G.add_node("z")
    >>> pos = network_layout(G)
    >>> pos["z"][1] < -0.8 < min(pos[v][1] for v in "abc")
    True
    """
    undirected = G.to_undirected()
    isolates = sorted(nx.isolates(undirected), key=str)
    connected = undirected.subgraph([v for v in undirected if v not in set(isolates)])
    positions: dict[str, tuple[float, float]] = {}
    if len(connected):
        raw = nx.spring_layout(connected, seed=_LAYOUT_SEED, k=2.2 / np.sqrt(len(connected)), iterations=200)
        xy = np.array([raw[v] for v in connected])
        low, span = xy.min(axis=0), np.ptp(xy, axis=0)
        span[span == 0] = 1.0
        scaled = (xy - low) / span
        for v, (x, y) in zip(connected, scaled, strict=True):
            positions[v] = (float(-1 + 2 * x), float(-0.7 + 1.7 * y))
    per_row = 30
    for i, v in enumerate(isolates):
        row, col = divmod(i, per_row)
        positions[v] = (float(-1 + 2 * (col + 0.5) / per_row), float(-0.88 - 0.08 * row))
    return positions


def _stage(G: nx.DiGraph, node: str) -> str:
    data = G.nodes[node]
    stage = data.get("stage")
    return (
        stage
        if stage in _STAGE_COLOURS and data.get("in_register", True) and data.get("local", True)
        else "external"
    )


def _filtered(G: nx.DiGraph, kinds: tuple[str, ...], stages: tuple[str, ...], origin: str) -> nx.DiGraph:
    def keep(node: str) -> bool:
        local = bool(G.nodes[node].get("local", True))
        wanted = origin == "all" or (origin == "local") == local
        return wanted and _stage(G, node) in stages

    nodes = [v for v in G if keep(v)]
    H = nx.DiGraph()
    H.add_nodes_from((v, G.nodes[v]) for v in nodes)
    H.add_edges_from((u, v, d) for u, v, d in G.subgraph(nodes).edges(data=True) if d.get("kind") in kinds)
    return H


def _figure(G: nx.DiGraph, H: nx.DiGraph, positions: dict, firm: str, lang: str) -> go.Figure:
    fig = go.Figure()
    neighbours = set(H.predecessors(firm)) | set(H.successors(firm)) | {firm} if firm in H else set()
    for kind, dash, colour in (
        ("supply", "solid", "rgba(90,90,90,0.45)"),
        ("cooperation", "dot", "rgba(40,80,200,0.5)"),
    ):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for u, v, d in H.edges(data=True):
            if d.get("kind") == kind and (not neighbours or firm in (u, v)):
                xs += [positions[u][0], positions[v][0], None]
                ys += [positions[u][1], positions[v][1], None]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"color": colour, "width": 1, "dash": dash},
            name=t(f"explore.net.kind.{kind}", lang),
            hoverinfo="skip",
        )
    degree = dict(H.to_undirected().degree())
    for stage in STAGE_ORDER:  # every stage always has its trace, so click handlers stay attached
        nodes = [v for v in H if _stage(H, v) == stage]
        local = [bool(H.nodes[v].get("local", True)) for v in nodes]
        fig.add_scatter(
            x=[positions[v][0] for v in nodes],
            y=[positions[v][1] for v in nodes],
            mode="markers",
            name=t(f"explore.net.stage.{stage}", lang),
            customdata=nodes,
            meta="nodes",
            marker={
                "color": _STAGE_COLOURS[stage],
                "size": [7 + 2.2 * np.sqrt(degree.get(v, 0)) for v in nodes],
                "symbol": ["circle" if is_local else "diamond" for is_local in local],
                "opacity": [1.0 if not neighbours or v in neighbours else 0.25 for v in nodes],
                "line": {
                    "color": ["black" if v == firm else "white" for v in nodes],
                    "width": [3 if v == firm else 0.8 for v in nodes],
                },
            },
            text=[
                f"{H.nodes[v].get('name', v)} ({v})<br>{t(f'explore.net.stage.{stage}', lang)}, "
                f"{t('explore.net.local' if is_local else 'explore.net.external', lang)}"
                for v, is_local in zip(nodes, local, strict=True)
            ],
            hovertemplate="%{text}<extra></extra>",
        )
    fig.update_layout(
        height=560,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        plot_bgcolor="white",
        xaxis={"visible": False, "range": [-1.06, 1.06]},
        yaxis={"visible": False, "range": [min([-0.95, *(y - 0.05 for _, y in positions.values())]), 1.06]},
        clickmode="event",
        hovermode="closest",
        hoverdistance=12,
        legend={"orientation": "h", "y": -0.02},
    )
    return fig


def _full_data(H: nx.DiGraph, columns: dict[str, str], local_word: dict[bool, str], lang: str) -> dict:
    between = pd.Series(betweenness(H) if H.number_of_edges() else {v: 0.0 for v in H}, dtype=float)
    degree = dict(H.to_undirected().degree())
    nodes = sorted(H, key=lambda v: turkish_sort_key(str(H.nodes[v].get("name") or v)))
    firms = pd.DataFrame({
        "ID": nodes,
        columns["firm"]: [H.nodes[v].get("name") or v for v in nodes],
        columns["stage"]: [t(f"explore.net.stage.{_stage(H, v)}", lang) for v in nodes],
        columns["where"]: [local_word[bool(H.nodes[v].get("local", True))] for v in nodes],
        columns["degree"]: [degree.get(v, 0) for v in nodes],
        columns["betweenness"]: [float(between.get(v, 0.0)) for v in nodes],
    })
    ties = pd.DataFrame(
        [(u, v, t(f"explore.net.kind.{d.get('kind', 'supply')}", lang)) for u, v, d in H.edges(data=True)],
        columns=[t("explore.net.col.from", lang), t("explore.net.col.to", lang), t("explore.net.kinds", lang)],
    )
    return {t("explore.net.sheet.firms", lang): firms, t("explore.net.sheet.ties", lang): ties}


def network_view(
    G: nx.DiGraph,
    positions: dict,
    kinds: tuple[str, ...],
    stages: tuple[str, ...],
    origin: str,
    firm: str,
    *,
    lang: str = "tr",
) -> Drawing:
    """The drawing of :func:`network_explorer` for one set of filters and a firm (or none).

    Examples
    --------
    >>> G, positions = cluster_network(55)
    >>> everything = network_view(G, positions, KINDS, STAGE_ORDER, "all", NOBODY, lang="en")
    >>> supply = network_view(G, positions, ("supply",), STAGE_ORDER, "local", NOBODY, lang="en")
    >>> len(supply.figures[0].data[0].x) < len(everything.figures[0].data[0].x)   # fewer supply ties drawn
    True
    >>> len(everything.data["Firms"]) == G.number_of_nodes()   # the full data: every firm, not a top 10
    True
    """
    H = _filtered(G, tuple(kinds), tuple(stages), origin)
    columns = {
        key: t(f"explore.net.col.{key}", lang)
        for key in ("firm", "stage", "where", "degree", "betweenness", "tie")
    }
    local_word = {True: t("explore.net.local", lang), False: t("explore.net.external", lang)}
    if firm in H:
        rows = []
        for v in H.predecessors(firm):
            tie = "cooperates" if H.edges[v, firm].get("kind") == "cooperation" else "sells_to"
            rows.append((v, tie))
        for v in H.successors(firm):
            if H.edges[firm, v].get("kind") != "cooperation":
                rows.append((v, "buys_from"))
        table = pd.DataFrame(
            {
                columns["firm"]: [H.nodes[v].get("name", v) for v, _ in rows],
                columns["tie"]: [t(f"explore.net.tie.{tie}", lang) for _, tie in rows],
                columns["stage"]: [t(f"explore.net.stage.{_stage(H, v)}", lang) for v, _ in rows],
                columns["where"]: [local_word[bool(H.nodes[v].get("local", True))] for v, _ in rows],
            }
        )
        ties = [tie for _, tie in rows]
        finding = t(
            "explore.net.finding.firm",
            lang,
            firm=H.nodes[firm].get("name", firm),
            suppliers=ties.count("sells_to"),
            customers=ties.count("buys_from"),
            partners=ties.count("cooperates"),
            external=sum(not H.nodes[v].get("local", True) for v, _ in rows),
        )
        finding = finding[:-1] if finding.endswith("..") else finding
    elif H.number_of_edges() == 0:
        table = pd.DataFrame(
            columns=[columns[k] for k in ("firm", "stage", "where", "degree", "betweenness")]
        )
        finding = t("explore.net.finding.empty", lang)
    else:
        between = pd.Series(betweenness(H))
        degree = pd.Series(dict(H.to_undirected().degree()))
        measures = pd.DataFrame({"betweenness": between, "degree": degree.reindex(between.index)})
        measures["name"] = [H.nodes[v].get("name") or v for v in measures.index]
        measures = measures.sort_values(["betweenness", "degree"], ascending=False).head(10)
        table = pd.DataFrame(
            {
                columns["firm"]: measures["name"].to_numpy(),
                columns["stage"]: [t(f"explore.net.stage.{_stage(H, v)}", lang) for v in measures.index],
                columns["where"]: [local_word[bool(H.nodes[v].get("local", True))] for v in measures.index],
                columns["degree"]: measures["degree"].to_numpy(),
                columns["betweenness"]: measures["betweenness"].to_numpy(),
            }
        )
        finding = t(
            "explore.net.finding",
            lang,
            firms=H.number_of_nodes(),
            ties=H.number_of_edges(),
            density=format_number(nx.density(H), lang, decimals=3),
            top=measures["name"].iloc[0],
        )
        finding = finding[:-1] if finding.endswith("..") else finding  # a name ending "A.Ş."
    return Drawing(
        table=table,
        figures=(_figure(G, H, positions, firm, lang),),
        finding=finding,
        data=_full_data(H, columns, local_word, lang),
        table_options={"decimals": {columns["betweenness"]: 3}} if columns["betweenness"] in table else {},
    )


def _firm_options(G: nx.DiGraph, lang: str) -> list[tuple[str, str]]:
    names = [(str(G.nodes[v].get("name") or v), v) for v in G if G.nodes[v].get("in_register", True)]
    return [(t("explore.net.nobody", lang), NOBODY), *sorted(names, key=lambda item: turkish_sort_key(item[0]))]


def network_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """The cluster's firm network with a province picker, filters (tie type, stage, local or external)
    and a firm's neighbourhood.

    Click a firm in the figure (in JupyterLab) or choose it in the list to see its partners.  A
    province without firm interviews shows a sentence saying so.

    Examples
    --------
    >>> view = network_explorer("Trabzon", lang="en")
    >>> view.controls["firm"].value = view.controls["firm"].options[1][1]
    >>> "suppliers" in view.drawing.finding
    True
    >>> view.controls["plate"].value = 30   # Hakkari
    >>> view.drawing.finding.startswith("There are no firm-interview data for Hakkari"), view.drawing.figures
    (True, ())
    """
    folder = None if data_dir is None else str(data_dir)
    plate = province(province_key).plate
    G, _ = cluster_network(plate, folder)
    style = {"description_width": "6em"}
    controls = {
        "plate": widgets.Dropdown(
            options=province_options(), value=plate, description=t("explore.net.province", lang), style=style
        ),
        "kinds": widgets.SelectMultiple(
            options=[(t(f"explore.net.kind.{k}", lang), k) for k in KINDS],
            value=KINDS,
            rows=2,
            description=t("explore.net.kinds", lang),
            style=style,
            layout=widgets.Layout(width="22em"),
        ),
        "stages": widgets.SelectMultiple(
            options=[(t(f"explore.net.stage.{s}", lang), s) for s in STAGE_ORDER],
            value=STAGE_ORDER,
            rows=5,
            description=t("explore.net.stages", lang),
            style=style,
            layout=widgets.Layout(width="26em"),
        ),
        "origin": widgets.Dropdown(
            options=[(t(f"explore.net.origin.{o}", lang), o) for o in ("all", "local", "external")],
            value="all",
            description=t("explore.net.origin", lang),
            style=style,
        ),
        "firm": widgets.Dropdown(
            options=_firm_options(G, lang),
            value=NOBODY,
            description=t("explore.net.firm", lang),
            style=style,
            layout=widgets.Layout(width="36em"),
        ),
    }

    def draw(plate: int, kinds: tuple[str, ...], stages: tuple[str, ...], origin: str, firm: str) -> Drawing:
        G, positions = cluster_network(plate, folder)
        options = _firm_options(G, lang)
        picker = controls["firm"]
        if [value for _, value in options] != [value for _, value in picker.options]:
            picker.options = options  # another province: its own firms (the view ignores this change)
            picker.value = firm = NOBODY
        if not len(G):
            return notice(t("explore.net.none_here", lang, province=province(plate).name))
        return network_view(G, positions, kinds, stages, origin, firm, lang=lang)

    def clicked(trace: object, points: object, _state: object) -> None:
        if points.point_inds:
            node = trace.customdata[points.point_inds[0]]
            options = [value for _, value in controls["firm"].options]
            controls["firm"].value = node if node in options and node != controls["firm"].value else NOBODY

    def attach_clicks(view: View) -> None:
        for trace in view.figures[0].data if view.figures else ():
            if trace.meta == "nodes" and not getattr(trace, "_cl_clicks", False):
                trace.on_click(clicked)
                trace._cl_clicks = True  # our own mark: a trace kept by a redraw keeps its one handler

    return View(
        t("explore.net.title", lang), "network", controls, draw, lang=lang, data_dir=data_dir, n_figures=1,
        after_draw=attach_clicks,
    )
