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

from clusterlib.data import load_tables
from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import add_strings, format_number, t
from clusterlib.regions import province
from clusterlib.valuechain import firm_network
from clusterlib.valuechain.centrality import betweenness

__all__ = ["KINDS", "STAGE_ORDER", "cluster_network", "network_explorer", "network_view"]

KINDS = ("supply", "cooperation")
STAGE_ORDER = ("inputs", "manufacturing", "services", "distribution", "external")
_STAGE_COLOURS = {
    "inputs": "#1b9e77",
    "manufacturing": "#d95f02",
    "services": "#7570b3",
    "distribution": "#e7298a",
    "external": "#999999",
}
_LAYOUT_SEED = 20130526
NOBODY = ""

add_strings(
    {
        "explore.net.title": {"tr": "Firma ağı: filtreler ve bir firmanın çevresi",
                              "en": "Firm network: filters and a firm's neighbourhood"},
        "explore.net.kinds": {"tr": "Bağ türü", "en": "Tie type"},
        "explore.net.kind.supply": {"tr": "tedarik (satıcı → alıcı)", "en": "supply (seller → buyer)"},
        "explore.net.kind.cooperation": {"tr": "iş birliği", "en": "cooperation"},
        "explore.net.stages": {"tr": "Aşama", "en": "Stage"},
        "explore.net.stage.inputs": {"tr": "girdi", "en": "inputs"},
        "explore.net.stage.manufacturing": {"tr": "imalat", "en": "manufacturing"},
        "explore.net.stage.services": {"tr": "hizmet", "en": "services"},
        "explore.net.stage.distribution": {"tr": "dağıtım", "en": "distribution"},
        "explore.net.stage.external": {"tr": "il dışı / kayıt dışı", "en": "outside the province or register"},
        "explore.net.origin": {"tr": "Firmalar", "en": "Firms"},
        "explore.net.origin.all": {"tr": "tümü", "en": "all"},
        "explore.net.origin.local": {"tr": "yalnız il içi", "en": "local only"},
        "explore.net.origin.external": {"tr": "yalnız il dışı", "en": "external only"},
        "explore.net.firm": {"tr": "Firma", "en": "Firm"},
        "explore.net.nobody": {"tr": "— seçilmedi —", "en": "— none —"},
        "explore.net.local": {"tr": "il içi", "en": "local"},
        "explore.net.external": {"tr": "il dışı", "en": "external"},
        "explore.net.col.firm": {"tr": "Firma", "en": "Firm"},
        "explore.net.col.stage": {"tr": "Aşama", "en": "Stage"},
        "explore.net.col.where": {"tr": "Konum", "en": "Location"},
        "explore.net.col.degree": {"tr": "Bağlantı sayısı", "en": "Partners"},
        "explore.net.col.betweenness": {"tr": "Aracılık (betweenness)", "en": "Betweenness"},
        "explore.net.col.tie": {"tr": "İlişki", "en": "Tie"},
        "explore.net.tie.sells_to": {"tr": "bu firmaya satar", "en": "sells to this firm"},
        "explore.net.tie.buys_from": {"tr": "bu firmadan alır", "en": "buys from this firm"},
        "explore.net.tie.cooperates": {"tr": "iş birliği yapar", "en": "cooperates"},
        "explore.net.finding": {
            "tr": "Gösterilen ağda {firms} firma ve {ties} bağ var (yoğunluk {density}); aracılık değeri en yüksek "
                  "firma {top}.",
            "en": "The network shown has {firms} firms and {ties} ties (density {density}); the firm with the "
                  "highest betweenness is {top}.",
        },
        "explore.net.finding.empty": {"tr": "Bu filtrelerle gösterilecek bağ yok.",
                                      "en": "No ties match these filters."},
        "explore.net.finding.firm": {
            "tr": "{firm}: {suppliers} tedarikçi, {customers} müşteri, {partners} iş birliği ortağı; bunların "
                  "{external} tanesi il dışında.",
            "en": "{firm}: {suppliers} suppliers, {customers} customers, {partners} cooperation partners; {external} "
                  "of them outside the province.",
        },
    }
)  # fmt: skip


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
    G = firm_network(firms, relations)
    positions = nx.spring_layout(G.to_undirected(), seed=_LAYOUT_SEED, k=1.6 / np.sqrt(max(len(G), 1)))
    return G, {node: (float(x), float(y)) for node, (x, y) in positions.items()}


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
        xaxis={"visible": False},
        yaxis={"visible": False},
        clickmode="event",
        legend={"orientation": "h", "y": -0.02},
    )
    return fig


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
    >>> len(supply.figures[0].data[0].x) < len(everything.figures[0].data[0].x) + 1
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
    return Drawing(
        table=table,
        figures=(_figure(G, H, positions, firm, lang),),
        finding=finding,
        table_options={"decimals": {columns["betweenness"]: 3}} if columns["betweenness"] in table else {},
    )


def network_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """The cluster's firm network with filters (tie type, stage, local or external) and a firm's neighbourhood.

    Click a firm in the figure (in JupyterLab) or choose it in the list to see its partners.

    Examples
    --------
    >>> view = network_explorer("Trabzon", lang="en")
    >>> firm = next(iter(view.controls["firm"].options))[1] or view.controls["firm"].options[1][1]
    >>> view.controls["firm"].value = firm
    >>> "suppliers" in view.drawing.finding
    True
    """
    G, positions = cluster_network(province(province_key).plate, None if data_dir is None else str(data_dir))
    names = sorted((G.nodes[v].get("name") or v, v) for v in G if G.nodes[v].get("in_register", True))
    style = {"description_width": "6em"}
    controls = {
        "kinds": widgets.SelectMultiple(
            options=[(t(f"explore.net.kind.{k}", lang), k) for k in KINDS],
            value=KINDS,
            rows=2,
            description=t("explore.net.kinds", lang),
            style=style,
        ),
        "stages": widgets.SelectMultiple(
            options=[(t(f"explore.net.stage.{s}", lang), s) for s in STAGE_ORDER],
            value=STAGE_ORDER,
            rows=5,
            description=t("explore.net.stages", lang),
            style=style,
        ),
        "origin": widgets.Dropdown(
            options=[(t(f"explore.net.origin.{o}", lang), o) for o in ("all", "local", "external")],
            value="all",
            description=t("explore.net.origin", lang),
            style=style,
        ),
        "firm": widgets.Dropdown(
            options=[(t("explore.net.nobody", lang), NOBODY), *names],
            value=NOBODY,
            description=t("explore.net.firm", lang),
            style=style,
            layout=widgets.Layout(width="36em"),
        ),
    }
    view = View(
        t("explore.net.title", lang),
        "network",
        controls,
        lambda kinds, stages, origin, firm: network_view(
            G, positions, kinds, stages, origin, firm, lang=lang
        ),
        lang=lang,
    )

    def clicked(trace: object, points: object, _state: object) -> None:
        if points.point_inds:
            node = trace.customdata[points.point_inds[0]]
            options = [value for _, value in controls["firm"].options]
            controls["firm"].value = node if node in options and node != controls["firm"].value else NOBODY

    for trace in view.figures[0].data:
        if trace.meta == "nodes":
            trace.on_click(clicked)
    return view
