"""The value chain by stage: stage-to-stage supply flows, local sourcing holes and the firms that
link stages.

Stages are those of the firm register (``inputs``, ``manufacturing``, ``services``,
``distribution``); partners outside the register have no stage and are grouped by place:
``outside`` (outside the province) or ``local_other`` (in the province, not in the register).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from clusterlib.valuechain.thresholds import THRESHOLDS

__all__ = [
    "HOLE_MIN_TIES",
    "HOLE_THRESHOLD",
    "STAGES",
    "linking_firms",
    "sourcing",
    "stage_flows",
    "stage_of",
]

#: Value-chain stages, upstream first.
STAGES: tuple[str, ...] = ("inputs", "services", "manufacturing", "distribution")
#: A stage is a sourcing hole when more than this share of its supply ties come from outside the
#: province … (:class:`~clusterlib.valuechain.thresholds.Thresholds`)
HOLE_THRESHOLD = THRESHOLDS.hole_share
#: … and it names at least this many supply ties.
HOLE_MIN_TIES = THRESHOLDS.hole_min_ties


def stage_of(G: nx.DiGraph, node: object) -> str:
    """The stage of a register firm, or ``outside`` / ``local_other`` for a partner.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("a", stage="inputs", in_register=True, local=True)
    >>> G.add_node("x", stage=None, in_register=False, local=False)
    >>> stage_of(G, "a"), stage_of(G, "x")
    ('inputs', 'outside')
    """
    data = G.nodes[node]
    stage = data.get("stage")
    if data.get("in_register", True) and isinstance(stage, str):
        return stage
    return "local_other" if data.get("local", False) else "outside"


def _supply(G: nx.DiGraph) -> list[tuple[object, object]]:
    return [(u, v) for u, v, kind in G.edges(data="kind") if kind in (None, "supply")]


def stage_flows(G: nx.DiGraph) -> pd.DataFrame:
    """Supply ties counted from the seller's stage to the buyer's stage.

    Returns
    -------
    DataFrame
        ``from_stage, to_stage, ties`` (one row per pair with ties), upstream stages first.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["s", "m"], in_register=True, local=True)
    >>> G.nodes["s"]["stage"], G.nodes["m"]["stage"] = "inputs", "manufacturing"
    >>> G.add_edge("s", "m", kind="supply")
    >>> stage_flows(G).values.tolist()
    [['inputs', 'manufacturing', 1]]
    """
    pairs = [(stage_of(G, u), stage_of(G, v)) for u, v in _supply(G)]
    frame = pd.DataFrame(pairs, columns=["from_stage", "to_stage"])
    order = {s: i for i, s in enumerate(("outside", "local_other", *STAGES))}
    flows = frame.value_counts().rename("ties").reset_index()
    flows["_a"] = flows["from_stage"].map(order).fillna(99)
    flows["_b"] = flows["to_stage"].map(order).fillna(99)
    return flows.sort_values(["_a", "_b"], kind="stable").drop(columns=["_a", "_b"]).reset_index(drop=True)


def sourcing(G: nx.DiGraph) -> pd.DataFrame:
    """Where each stage of the cluster buys: local and outside supply ties, and the holes.

    Returns
    -------
    DataFrame
        Indexed by buying stage (register firms): ``inputs_local``, ``inputs_outside``,
        ``outside_share`` and ``hole`` (outside share above :data:`HOLE_THRESHOLD` with at least
        :data:`HOLE_MIN_TIES` ties).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("m", stage="manufacturing", in_register=True, local=True)
    >>> G.add_nodes_from(["x", "y", "z"], stage=None, in_register=False, local=False)
    >>> G.add_edges_from([("x", "m"), ("y", "m"), ("z", "m")], kind="supply")
    >>> table = sourcing(G)
    >>> int(table.loc["manufacturing", "inputs_outside"]), bool(table.loc["manufacturing", "hole"])
    (3, True)
    """
    rows = []
    for u, v in _supply(G):
        buyer = stage_of(G, v)
        if buyer in ("outside", "local_other"):
            continue
        rows.append((buyer, bool(G.nodes[u].get("local", False))))
    frame = pd.DataFrame(rows, columns=["stage", "local"]).astype({"local": bool})
    table = pd.DataFrame(index=pd.Index([s for s in STAGES if s in set(frame["stage"])], name="stage"))
    table["inputs_local"] = frame[frame["local"]].groupby("stage").size().reindex(table.index, fill_value=0)
    table["inputs_outside"] = (
        frame[~frame["local"]].groupby("stage").size().reindex(table.index, fill_value=0)
    )
    total = table["inputs_local"] + table["inputs_outside"]
    table["outside_share"] = table["inputs_outside"] / total
    table["hole"] = (table["outside_share"] > HOLE_THRESHOLD) & (total >= HOLE_MIN_TIES)
    return table


def linking_firms(G: nx.DiGraph) -> pd.DataFrame:
    """Register firms whose supply ties reach at least two stages other than their own.

    Returns
    -------
    DataFrame
        Indexed by firm: ``stage``, ``stages_linked`` (number of other register stages it buys from
        or sells to) and ``linked`` (those stages, ``;``-joined), most linking first.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> for node, stage in [("i", "inputs"), ("m", "manufacturing"), ("d", "distribution")]:
    ...     G.add_node(node, stage=stage, in_register=True, local=True)
    >>> G.add_edges_from([("i", "m"), ("m", "d")], kind="supply")
    >>> linking_firms(G).index.tolist()
    ['m']
    """
    rows = []
    for v, data in G.nodes(data=True):
        if not data.get("in_register", True) or not isinstance(data.get("stage"), str):
            continue
        own = data["stage"]
        partners = [u for u in G.predecessors(v) if G.edges[u, v].get("kind", "supply") == "supply"]
        partners += [w for w in G.successors(v) if G.edges[v, w].get("kind", "supply") == "supply"]
        linked = sorted({stage_of(G, p) for p in partners} - {own, "outside", "local_other"})
        if len(linked) >= 2:
            rows.append((v, own, len(linked), ";".join(linked)))
    frame = pd.DataFrame(rows, columns=["firm", "stage", "stages_linked", "linked"]).set_index("firm")
    return frame.sort_values("stages_linked", ascending=False, kind="stable")
