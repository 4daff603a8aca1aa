"""Brokerage roles of Gould & Fernandez (1989).

Node v brokers the ordered pair (a, b) when a → v and v → b exist, a ≠ b, and there is no tie
a → b.  The role is named by the groups of a, v and b:

=================  ===========================  ==========================================
role               groups                       in a value chain
=================  ===========================  ==========================================
coordinator        a = v = b                    links two firms of its own stage
itinerant          a = b ≠ v                    an outsider linking two firms of one stage
gatekeeper         v = b ≠ a                    buys from outside for its own stage
representative     a = v ≠ b                    sells for its own stage to another
liaison            a, v, b all different        links two other stages
=================  ===========================  ==========================================

The count runs over each node's in-neighbours × out-neighbours, so it costs
Σ_v indeg(v)·outdeg(v) set look-ups, not n³.

References
----------
Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: A formal approach to brokerage
in transaction networks. *Sociological Methodology* 19, 89–126.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
import pandas as pd

__all__ = ["ROLES", "brokerage_roles"]

#: The five roles, in the order of the columns of :func:`brokerage_roles`.
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def _role(ga: Hashable, gv: Hashable, gb: Hashable) -> int:
    if ga == gv == gb:
        return 0
    if ga == gb:
        return 1
    if gv == gb:
        return 2
    if ga == gv:
        return 3
    return 4


def brokerage_roles(G: nx.DiGraph, group: str | Mapping[Hashable, Hashable]) -> pd.DataFrame:
    """Count the brokerage roles of every node.

    Parameters
    ----------
    G : networkx.DiGraph
        Directed ties (e.g. seller → buyer).  An undirected graph is read as ties both ways.
    group : str or mapping
        A node-attribute name (e.g. ``"stage"``) or a mapping node → group.  Nodes without a group
        (missing attribute or ``None``) each form a group of their own.

    Returns
    -------
    DataFrame
        Indexed by node (``G``'s order), integer columns ``coordinator, itinerant, gatekeeper,
        representative, liaison`` and ``total``.

    Raises
    ------
    TypeError
        When ``group`` is neither a string nor a mapping.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "v"), ("v", "b")])
    >>> groups = {"a": 1, "v": 2, "b": 2}
    >>> brokerage_roles(G, groups).loc["v"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'gatekeeper': 1, 'representative': 0, 'liaison': 0, 'total': 1}
    """
    if isinstance(group, str):
        groups = {v: G.nodes[v].get(group) for v in G}
    elif isinstance(group, Mapping):
        groups = {v: group.get(v) for v in G}
    else:
        raise TypeError(
            f"'group' must be a node-attribute name or a mapping node → group, got {type(group).__name__}"
        )
    groups = {
        v: (("_own", v) if g is None or (isinstance(g, float) and g != g) else g) for v, g in groups.items()
    }
    directed = G if G.is_directed() else G.to_directed()
    succ = {v: set(directed.successors(v)) - {v} for v in directed}
    nodes = list(directed.nodes)
    counts = {v: [0, 0, 0, 0, 0] for v in nodes}
    for v in nodes:
        outs = succ[v]
        if not outs:
            continue
        gv = groups[v]
        row = counts[v]
        for a in directed.predecessors(v):
            if a == v:
                continue
            ga = groups[a]
            reach = succ[a]
            for b in outs:
                if b == a or b in reach:
                    continue
                row[_role(ga, gv, groups[b])] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index", columns=list(ROLES)).reindex(nodes)
    frame["total"] = frame.sum(axis=1)
    frame.index.name = "node"
    return frame.astype(int)
