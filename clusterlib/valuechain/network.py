"""The firm network of a cluster: building it from interviews, and its structural measures.

Ties point from seller to buyer: "B is my supplier" said by A is the tie B → A, "B is my
customer" the tie A → B; a cooperation is a tie both ways marked ``kind="cooperation"``.  Partners
outside the firm register are kept as external nodes (``in_register=False``).

networkx provides degree, betweenness, k-cores (``core_number``) and Burt's constraint and
effective size; core–periphery is in :mod:`clusterlib.valuechain.coreperiphery`, brokerage in
:mod:`clusterlib.valuechain.brokerage`.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from clusterlib.valuechain.centrality import betweenness, effective_size
from clusterlib.valuechain.inputs import Note, check_relations

__all__ = [
    "BETWEENNESS_EXACT_LIMIT",
    "BETWEENNESS_SAMPLE",
    "NetworkSummary",
    "firm_network",
    "network_measures",
    "network_summary",
    "sole_partners",
]

#: Betweenness is exact up to this many nodes (every pilot cluster); above, it is estimated from
#: :data:`BETWEENNESS_SAMPLE` seeded random sources (Brandes & Pich 2007), so a 5,000-firm
#: network stays within seconds.
BETWEENNESS_EXACT_LIMIT = 1000
#: Number of sampled sources of the betweenness estimate of large networks.
BETWEENNESS_SAMPLE = 256


def firm_network(firms: pd.DataFrame, relations: pd.DataFrame) -> nx.DiGraph:
    """Build the directed firm network from the register and the interview relations.

    Parameters
    ----------
    firms : DataFrame
        The register: ``firm_id`` and optionally ``name``, ``stage``, ``employees``,
        ``size_class``, ``district``; every firm becomes a node (firms named by nobody are
        isolates).
    relations : DataFrame
        Edge list ``source, target, relation`` (+ ``importance``, ``local``, ``target_name``,
        ``target_province``), checked by :func:`~clusterlib.valuechain.inputs.check_relations`.

    Returns
    -------
    networkx.DiGraph
        Node attributes ``name, stage, size, size_class, district, in_register, local``; edge
        attributes ``kind`` (``supply`` or ``cooperation``), ``importance`` (highest named),
        ``reported_by`` (tuple of firm ids) and ``cooperation`` (bool, also for a supply tie
        between cooperating firms).  ``G.graph["notes"]`` holds the
        :class:`~clusterlib.valuechain.inputs.Note` of the data.

    Raises
    ------
    DataValidationError
        For self-ties, unknown relation types or interviewed firms outside the register.

    Examples
    --------
    >>> firms = pd.DataFrame({"firm_id": ["A", "B", "C"], "stage": ["inputs", "manufacturing", "distribution"]})
    >>> rel = pd.DataFrame({"source": ["B", "B"], "target": ["A", "C"], "relation": ["supplier", "customer"]})
    >>> G = firm_network(firms, rel)
    >>> sorted(G.edges), G.edges["A", "B"]["kind"]
    ([('A', 'B'), ('B', 'C')], 'supply')
    """
    clean, notes = check_relations(relations, firms)
    G = nx.DiGraph(notes=list(notes))
    for row in firms.itertuples(index=False):
        G.add_node(
            str(row.firm_id),
            name=str(getattr(row, "name", row.firm_id)),
            stage=getattr(row, "stage", None),
            size=float(getattr(row, "employees", np.nan)),
            size_class=getattr(row, "size_class", None),
            district=getattr(row, "district", None),
            in_register=True,
            local=True,
        )
    has = set(clean.columns)
    for row in clean.itertuples(index=False):
        source, target, relation = row.source, row.target, row.relation
        if target not in G:
            name = getattr(row, "target_name", "") if "target_name" in has else ""
            G.add_node(
                target,
                name=str(name) if isinstance(name, str) and name else target,
                stage=None,
                size=np.nan,
                size_class=None,
                district=None,
                in_register=False,
                local=bool(row.local) if "local" in has and pd.notna(row.local) else False,
                province=getattr(row, "target_province", None) if "target_province" in has else None,
            )
        importance = float(row.importance) if "importance" in has and pd.notna(row.importance) else np.nan
        if relation == "supplier":
            _add_tie(G, target, source, "supply", importance, source)
        elif relation == "customer":
            _add_tie(G, source, target, "supply", importance, source)
        else:
            _add_tie(G, source, target, "cooperation", importance, source)
            _add_tie(G, target, source, "cooperation", importance, source)
    return G


def _add_tie(G: nx.DiGraph, u: str, v: str, kind: str, importance: float, reporter: str) -> None:
    if G.has_edge(u, v):
        data = G.edges[u, v]
        if kind == "supply":
            data["kind"] = "supply"
        data["cooperation"] = data["cooperation"] or kind == "cooperation"
        known = [v for v in (data["importance"], importance) if not np.isnan(v)]
        data["importance"] = max(known) if known else np.nan
        if reporter not in data["reported_by"]:
            data["reported_by"] = (*data["reported_by"], reporter)
    else:
        G.add_edge(
            u, v, kind=kind, importance=importance, reported_by=(reporter,), cooperation=kind == "cooperation"
        )


@dataclass(frozen=True)
class NetworkSummary:
    """Whole-network measures of a firm network (see :func:`network_summary`)."""

    firms: int
    partners: int
    ties: int
    supply_ties: int
    cooperation_ties: int
    density: float
    components: int
    largest_component: int
    isolates: int
    reciprocity: float
    ei_index: float
    local_share: float
    vertical_share: float
    horizontal_share: float


def _undirected(G: nx.DiGraph) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v in G.edges if u != v)
    return H


def network_summary(G: nx.DiGraph) -> NetworkSummary:
    """Density, components, reciprocity, E–I index, local share and vertical vs horizontal ties.

    Counted over ties between distinct firms, a pair tied both ways (or cooperating) once:

    - ``density`` = ties / (n(n−1)/2) over all nodes (firms and partners); 0 for isolates only.
    - ``components``: weakly connected components (isolates count), ``largest_component`` its nodes.
    - ``reciprocity``: share of directed supply ties answered by a supply tie back (as
      ``nx.reciprocity`` of the supply ties).
    - ``ei_index`` (Krackhardt & Stern 1988): (E − I)/(E + I), E the ties from register firms to
      partners outside the register, I the ties among register firms; −1 all inside, +1 all outside.
    - ``local_share``: share of ties whose two ends are in the province.
    - ``vertical_share`` / ``horizontal_share``: among ties between two firms of known stage, the
      share across value-chain stages / within a stage (NaN when no tie qualifies).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["a", "b", "c"], in_register=True, local=True, stage="inputs")
    >>> network_summary(G).density, network_summary(G).components
    (0.0, 3)
    """
    H = _undirected(G)
    n = H.number_of_nodes()
    ties = H.number_of_edges()
    register = {v for v, d in G.nodes(data=True) if d.get("in_register", True)}
    is_local = {v: bool(d.get("local", True)) for v, d in G.nodes(data=True)}
    stage = {v: d.get("stage") for v, d in G.nodes(data=True)}
    internal = external = local = vertical = staged = 0
    for u, v in H.edges:
        inside = (u in register) + (v in register)
        internal += inside == 2
        external += inside == 1
        local += is_local[u] and is_local[v]
        if isinstance(stage[u], str) and isinstance(stage[v], str):
            staged += 1
            vertical += stage[u] != stage[v]
    supply = {(u, v) for u, v, k in G.edges(data="kind") if k == "supply" and u != v}
    answered = sum(1 for u, v in supply if (v, u) in supply)
    cooperation = {frozenset((u, v)) for u, v, k in G.edges(data="kind") if k == "cooperation"}
    components = list(nx.connected_components(H))
    return NetworkSummary(
        firms=len(register),
        partners=n - len(register),
        ties=ties,
        supply_ties=len(supply),
        cooperation_ties=len(cooperation),
        density=2 * ties / (n * (n - 1)) if n > 1 else 0.0,
        components=len(components),
        largest_component=max((len(c) for c in components), default=0),
        isolates=sum(1 for v in H if H.degree(v) == 0),
        reciprocity=answered / len(supply) if supply else float("nan"),
        ei_index=(external - internal) / (external + internal) if external + internal else float("nan"),
        local_share=local / ties if ties else float("nan"),
        vertical_share=vertical / staged if staged else float("nan"),
        horizontal_share=(staged - vertical) / staged if staged else float("nan"),
    )


def network_measures(G: nx.DiGraph, *, seed: int = 0) -> pd.DataFrame:
    """Per-firm centrality and structural-hole measures.

    Columns: ``in_degree`` (sellers and cooperation partners tied in), ``out_degree``,
    ``degree`` (distinct partners), ``betweenness`` (normalised, directed, Brandes' algorithm in
    sparse matrices, :func:`~clusterlib.valuechain.centrality.betweenness`; estimated from
    :data:`BETWEENNESS_SAMPLE` seeded sources above :data:`BETWEENNESS_EXACT_LIMIT` nodes),
    ``core_number`` (k-core of the undirected graph, networkx), ``constraint`` (Burt 1992, networkx)
    and ``effective_size`` (Burt 1992 in Borgatti's form) on the undirected graph, NaN for
    isolates; plus ``name``, ``stage``, ``in_register`` and ``local`` from the nodes.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> network_measures(G)[["degree", "betweenness", "core_number"]].to_dict("list")
    {'degree': [1, 2, 1], 'betweenness': [0.0, 0.5, 0.0], 'core_number': [1, 1, 1]}
    """
    H = _undirected(G)
    nodes = list(G.nodes)
    if not nodes:  # no firm interviews: an empty table with the same columns
        dtypes = {"name": object, "stage": object, "in_register": bool, "local": bool, "in_degree": int,
                  "out_degree": int, "degree": int, "betweenness": float, "core_number": int,
                  "constraint": float, "effective_size": float}
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()}, index=pd.Index([], name="firm"))
    sources = None
    if len(nodes) > BETWEENNESS_EXACT_LIMIT:
        rng = np.random.default_rng(seed)
        sources = [nodes[i] for i in rng.choice(len(nodes), size=BETWEENNESS_SAMPLE, replace=False)]
    between = betweenness(G, sources=sources)
    constraint = nx.constraint(H)  # all nodes: networkx then takes its vectorised scipy path
    effective = effective_size(H)
    core = nx.core_number(H)
    frame = pd.DataFrame(
        {
            "name": [G.nodes[v].get("name", v) for v in nodes],
            "stage": [G.nodes[v].get("stage") for v in nodes],
            "in_register": [bool(G.nodes[v].get("in_register", True)) for v in nodes],
            "local": [bool(G.nodes[v].get("local", True)) for v in nodes],
            "in_degree": [G.in_degree(v) for v in nodes],
            "out_degree": [G.out_degree(v) for v in nodes],
            "degree": [H.degree(v) for v in nodes],
            "betweenness": [between[v] for v in nodes],
            "core_number": [core[v] for v in nodes],
            "constraint": [constraint.get(v, np.nan) for v in nodes],
            "effective_size": [effective.get(v, np.nan) for v in nodes],
        },
        index=pd.Index(nodes, name="firm"),
    )
    return frame


def sole_partners(G: nx.DiGraph, *, local_only: bool = True) -> pd.DataFrame:
    """For each firm, the register firms for which it is the only (local) customer or supplier.

    "If X left, N firms would lose their only local customer": ``customers_lost`` counts the
    register firms whose only (local) buyer on a supply tie is the firm; ``suppliers_lost`` those
    whose only (local) seller is.

    Returns
    -------
    DataFrame
        Indexed by firm (every node): ``customers_lost``, ``suppliers_lost``, ``dependents``
        (tuple of the firm ids concerned), sorted by ``customers_lost + suppliers_lost`` descending.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("s1", "m"), ("s2", "m"), ("s2", "x")], kind="supply")
    >>> sole_partners(G).loc["m", "dependents"]
    ('s1',)
    """

    def ok(v: str) -> bool:
        data = G.nodes[v]
        return bool(data.get("local", True)) if local_only else True

    customers = {v: 0 for v in G}
    suppliers = {v: 0 for v in G}
    dependents: dict[str, list[str]] = {v: [] for v in G}
    for v, data in G.nodes(data=True):
        if not data.get("in_register", True):
            continue
        buyers = [w for w in G.successors(v) if G.edges[v, w].get("kind") == "supply" and ok(w)]
        sellers = [w for w in G.predecessors(v) if G.edges[w, v].get("kind") == "supply" and ok(w)]
        if len(buyers) == 1:
            customers[buyers[0]] += 1
            dependents[buyers[0]].append(v)
        if len(sellers) == 1:
            suppliers[sellers[0]] += 1
            dependents[sellers[0]].append(v)
    frame = pd.DataFrame(
        {
            "customers_lost": customers,
            "suppliers_lost": suppliers,
            "dependents": {v: tuple(dict.fromkeys(d)) for v, d in dependents.items()},
        }
    )
    frame.index.name = "firm"
    order = (frame["customers_lost"] + frame["suppliers_lost"]).sort_values(ascending=False, kind="stable")
    return frame.loc[order.index]


def notes_of(G: nx.DiGraph) -> tuple[Note, ...]:
    """The data notes recorded while building ``G``."""
    return tuple(G.graph.get("notes", ()))
