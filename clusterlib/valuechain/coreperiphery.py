"""Discrete core–periphery structure (Borgatti & Everett 1999), which networkx does not have.

A partition into core (c_i = 1) and periphery (c_i = 0) is scored by the Pearson correlation, over
all unordered pairs of distinct nodes, between the observed ties a_ij (undirected, binary) and the
ideal pattern

.. math::

    \\delta_{ij} = c_i + c_j - c_i c_j

(a tie wherever at least one end is in the core: core–core and core–periphery ties, none among
peripheral nodes).  With N pairs, m ties, P ideal ties and M ties that are ideal,

.. math::

    \\rho = \\frac{N M - m P}{\\sqrt{m (N - m) P (N - P)}}, \\quad
    P = N - \\binom{n - k}{2}, \\quad M = m - e_{pp}

where k is the core size and e_pp the ties among peripheral nodes.  Moving one node between core
and periphery changes e_pp by its number of peripheral neighbours, so each candidate move is scored
in O(1): the search ranks nodes by degree, takes the best prefix as the core, then improves it by
Kernighan–Lin passes (Kernighan & Lin 1970): nodes are moved one at a time, best move first even
when the fit drops, each at most once per pass, until 100 moves bring nothing better; the best
partition seen is kept, so the search can leave a local optimum.
Up to :data:`EXACT_LIMIT` nodes every partition is scored instead.  Beyond, the result is a local
optimum (no single move improves it), not a guaranteed global one.

References
----------
Borgatti, S. P. and Everett, M. G. (1999). Models of core/periphery structures. *Social Networks*
21(4), 375–395.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["EXACT_LIMIT", "CorePeriphery", "core_periphery", "core_periphery_fit"]

#: A Kernighan–Lin pass stops after this many moves without a better partition.
_PATIENCE = 100
#: Up to this many nodes every partition is scored (2ⁿ of them) and the optimum is exact.
EXACT_LIMIT = 12


@dataclass(frozen=True)
class CorePeriphery:
    """A core–periphery partition: ``core`` (bool Series indexed by node) and its ``fit`` ρ."""

    core: pd.Series
    fit: float

    @property
    def size(self) -> int:
        """Number of core nodes."""
        return int(self.core.sum())


def _rho(n_pairs: float, ties: float, ideal: float, hits: float) -> float:
    denominator = ties * (n_pairs - ties) * ideal * (n_pairs - ideal)
    if denominator <= 0:
        return float("nan")
    return float((n_pairs * hits - ties * ideal) / np.sqrt(denominator))


def _pairs(k: int) -> float:
    return k * (k - 1) / 2.0


def _exact(adjacency: list[np.ndarray], n: int) -> tuple[np.ndarray, float]:
    edges = np.array([(u, v) for u, a in enumerate(adjacency) for v in a if u < v], dtype=int).reshape(-1, 2)
    m = float(len(edges))
    n_pairs = _pairs(n)
    masks = np.arange(1, 2**n - 1, dtype=np.int64)
    member = ((masks[:, None] >> np.arange(n)[None, :]) & 1).astype(bool)
    k = member.sum(axis=1)
    e_pp = (~member[:, edges[:, 0]] & ~member[:, edges[:, 1]]).sum(axis=1)
    ideal = n_pairs - (n - k) * (n - k - 1) / 2.0
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = (n_pairs * (m - e_pp) - m * ideal) / np.sqrt(m * (n_pairs - m) * ideal * (n_pairs - ideal))
    rho = np.where(np.isfinite(rho), rho, -np.inf)
    best = int(np.argmax(rho))
    return member[best], float(rho[best])


def _search(adjacency: list[np.ndarray], degree: np.ndarray, max_passes: int) -> tuple[np.ndarray, float]:
    n = len(degree)
    m = float(degree.sum() / 2)
    n_pairs = _pairs(n)
    order = np.argsort(-degree, kind="stable")
    # prefix search: core = the k highest-degree nodes
    in_core = np.zeros(n, dtype=bool)
    periphery_ties = m
    best_k, best_rho = 0, -np.inf
    for k, v in enumerate(order, start=1):
        neighbours = adjacency[v]
        periphery_ties -= float((~in_core[neighbours]).sum())
        in_core[v] = True
        rho = _rho(n_pairs, m, n_pairs - _pairs(n - k), m - periphery_ties)
        if rho > best_rho + 1e-12:
            best_k, best_rho = k, rho
    core = np.zeros(n, dtype=bool)
    core[order[:best_k]] = True
    # Kernighan–Lin passes: move every node once, best move first even when it lowers the fit,
    # and keep the best partition seen; repeat while a pass improves
    for _ in range(max_passes):
        trial = core.copy()
        periphery_neighbours = np.array([float((~trial[a]).sum()) for a in adjacency])
        e_pp = float(periphery_neighbours[~trial].sum() / 2)
        k = int(trial.sum())
        free = np.ones(n, dtype=bool)
        pass_best, pass_core = best_rho, None
        since = 0
        for _ in range(n):
            if since > _PATIENCE:
                break
            delta = np.where(trial, periphery_neighbours, -periphery_neighbours)
            new_k = np.where(trial, k - 1, k + 1)
            ideal = n_pairs - (n - new_k) * (n - new_k - 1) / 2.0
            hits = m - (e_pp + delta)
            with np.errstate(divide="ignore", invalid="ignore"):
                rho = (n_pairs * hits - m * ideal) / np.sqrt(m * (n_pairs - m) * ideal * (n_pairs - ideal))
            rho = np.where(np.isfinite(rho) & free, rho, -np.inf)
            v = int(np.argmax(rho))
            if not np.isfinite(rho[v]):
                break
            e_pp += float(delta[v])
            k = int(new_k[v])
            periphery_neighbours[adjacency[v]] += -1.0 if not trial[v] else 1.0
            trial[v] = not trial[v]
            free[v] = False
            since += 1
            if rho[v] > pass_best + 1e-12:
                pass_best, pass_core = float(rho[v]), trial.copy()
                since = 0
        if pass_core is None:
            break
        core, best_rho = pass_core, pass_best
    return core, best_rho


def core_periphery(G: nx.Graph, *, max_passes: int = 10) -> CorePeriphery:
    """Find a core and a periphery that best fit the Borgatti–Everett ideal pattern.

    Parameters
    ----------
    G : networkx.Graph or DiGraph
        Treated as undirected and binary; self-loops are ignored.
    max_passes : int, default 10
        Most Kernighan–Lin passes of the local search (each moves every node once).

    Returns
    -------
    CorePeriphery
        ``core`` (bool, indexed by node in ``G``'s order) and ``fit`` (ρ; NaN when the graph has
        no ties or is complete).

    Examples
    --------
    A core of two firms tied to each other and to four peripheral firms that are not tied among
    themselves is the ideal pattern (ρ = 1); one more tie in the periphery lowers the fit:

    >>> G = nx.complete_bipartite_graph([0, 1], [2, 3, 4, 5])
    >>> G.add_edge(0, 1)
    >>> result = core_periphery(G)
    >>> result.core[result.core].index.tolist(), round(result.fit, 3)
    ([0, 1], 1.0)
    >>> G.add_edge(2, 3)
    >>> round(core_periphery(G).fit, 3)
    0.866
    """
    nodes = list(G.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    adjacency: list[list[int]] = [[] for _ in nodes]
    seen = set()
    for u, v in G.edges():
        if u == v:
            continue
        key = (index[u], index[v]) if index[u] < index[v] else (index[v], index[u])
        if key in seen:
            continue
        seen.add(key)
        adjacency[key[0]].append(key[1])
        adjacency[key[1]].append(key[0])
    arrays = [np.asarray(a, dtype=int) for a in adjacency]
    degree = np.array([len(a) for a in arrays], dtype=float)
    n = len(nodes)
    if n < 2 or degree.sum() == 0:
        return CorePeriphery(pd.Series(False, index=pd.Index(nodes, name="node")), float("nan"))
    if n <= EXACT_LIMIT:
        core, rho = _exact(arrays, n)
    else:
        core, rho = _search(arrays, degree, max_passes)
    return CorePeriphery(
        pd.Series(core, index=pd.Index(nodes, name="node"), name="core"),
        rho if np.isfinite(rho) else float("nan"),
    )


def core_periphery_fit(G: nx.Graph, core: set | list | pd.Series) -> float:
    """ρ of a given partition: Pearson correlation of ties and the ideal pattern over all pairs.

    Examples
    --------
    >>> G = nx.star_graph(3)  # a hub 0 tied to 1, 2, 3: a perfect core of one
    >>> core_periphery_fit(G, {0})
    1.0
    """
    members = set(core[core].index) if isinstance(core, pd.Series) else set(core)
    nodes = list(G.nodes)
    n = len(nodes)
    ties = {frozenset((u, v)) for u, v in G.edges() if u != v}
    observed, ideal = [], []
    for i in range(n):
        for j in range(i + 1, n):
            u, v = nodes[i], nodes[j]
            observed.append(frozenset((u, v)) in ties)
            ideal.append(u in members or v in members)
    return float(np.corrcoef(np.array(observed, float), np.array(ideal, float))[0, 1])
