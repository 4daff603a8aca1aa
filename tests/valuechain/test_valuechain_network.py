"""The firm network, its measures, core–periphery and brokerage, with published and hand examples."""

from __future__ import annotations

import itertools
import os

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.data import DataValidationError
from clusterlib.valuechain import (
    brokerage_roles,
    check_relations,
    core_periphery,
    core_periphery_fit,
    firm_network,
    linking_firms,
    network_measures,
    network_summary,
    read_adjacency,
    sole_partners,
    sourcing,
    stage_flows,
)

FIRMS = pd.DataFrame(
    {
        "firm_id": ["A", "B", "C", "D"],
        "name": ["Alfa", "Beta", "<b>Gama</b>", "Delta"],
        "stage": ["inputs", "manufacturing", "manufacturing", "distribution"],
        "employees": [5, 50, 20, 8],
    }
)


def _relations(rows):
    return pd.DataFrame(rows, columns=["source", "target", "relation"])


# ------------------------------------------------------------------------------------- building
def test_ties_point_from_seller_to_buyer_and_cooperation_both_ways():
    rel = _relations([("B", "A", "supplier"), ("B", "D", "customer"), ("B", "C", "cooperation")])
    G = firm_network(FIRMS, rel)
    assert G.edges["A", "B"]["kind"] == "supply" and G.edges["B", "D"]["kind"] == "supply"
    assert G.edges["B", "C"]["kind"] == G.edges["C", "B"]["kind"] == "cooperation"
    assert not G.has_edge("B", "A")
    assert G.nodes["C"]["name"] == "<b>Gama</b>" and G.nodes["A"]["stage"] == "inputs"


def test_partners_outside_the_register_are_external_nodes_and_noted():
    rel = pd.DataFrame(
        {
            "source": ["A", "B"],
            "target": ["EXT-1", "ZZZ"],
            "relation": ["supplier", "customer"],
            "local": [False, True],
            "target_name": ["Dış Tedarik A.Ş.", ""],
        }
    )
    G = firm_network(FIRMS, rel)
    assert G.nodes["EXT-1"]["in_register"] is False and G.nodes["EXT-1"]["local"] is False
    assert G.nodes["EXT-1"]["name"] == "Dış Tedarik A.Ş."
    notes = G.graph["notes"]
    assert [(n.kind, n.items) for n in notes] == [("outside_register", ("ZZZ",))]


def test_duplicate_ties_are_noted_not_fatal():
    rel = _relations(
        [("A", "B", "customer"), ("A", "B", "customer"), ("B", "C", "customer"), ("B", "C", "cooperation")]
    )
    clean, notes = check_relations(rel, FIRMS)
    assert len(clean) == 3
    assert [n.kind for n in notes] == ["duplicate", "duplicate"]
    assert notes[1].items == ("B→C",)
    G = firm_network(FIRMS, rel)
    assert G.edges["B", "C"]["kind"] == "supply" and G.edges["B", "C"]["cooperation"]


@pytest.mark.parametrize(
    ("rows", "column", "message"),
    [
        ([("A", "A", "supplier")], "target", "self-tie"),
        ([("A", "B", "friend")], "relation", "not a relation type"),
        ([("Q", "B", "supplier")], "source", "not in the firm register"),
    ],
)
def test_bad_relations_raise_with_row_and_column(rows, column, message):
    with pytest.raises(DataValidationError, match=message) as err:
        check_relations(_relations(rows), FIRMS, file="relations.csv")
    assert (err.value.file, err.value.row, err.value.column) == ("relations.csv", 2, column)


def test_all_bad_rows_are_reported_at_once():
    rows = [("A", "B", "supplier"), ("A", "A", "supplier"), ("B", "C", "friend")]
    with pytest.raises(DataValidationError, match="2 problems") as err:
        check_relations(_relations(rows), FIRMS, file="relations.csv")
    assert "row 3" in str(err.value) and "row 4" in str(err.value)


def test_adjacency_matrix_loads_like_an_edge_list(tmp_path):
    path = tmp_path / "matrix.csv"
    path.write_text("firm,A,B,C\nA,,tedarikçi,\nB,,,customer\nC,,işbirliği,\n", encoding="utf-8")
    edges = read_adjacency(path)
    clean, _ = check_relations(edges, FIRMS)
    assert clean[["source", "target", "relation"]].values.tolist() == [
        ["A", "B", "supplier"],
        ["B", "C", "customer"],
        ["C", "B", "cooperation"],
    ]
    from_list = firm_network(
        FIRMS, _relations([("A", "B", "supplier"), ("B", "C", "customer"), ("C", "B", "cooperation")])
    )
    from_matrix = firm_network(FIRMS, edges)
    assert sorted(from_list.edges(data="kind")) == sorted(from_matrix.edges(data="kind"))


def test_adjacency_matrix_must_be_square(tmp_path):
    path = tmp_path / "matrix.csv"
    path.write_text("firm,A,B\nA,,supplier\nC,,\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="same firms as rows and columns"):
        read_adjacency(path)


# -------------------------------------------------------------------------------------- summary
def test_isolates_have_density_zero():
    G = firm_network(FIRMS, _relations([]))
    summary = network_summary(G)
    assert summary.density == 0 and summary.components == 4 and summary.isolates == 4


def test_summary_by_hand():
    """A→B (inputs→manufacturing, vertical), B–C cooperation (manufacturing, horizontal), B→EXT
    (an external customer): 3 ties among 5 nodes, density 3/10; E–I = (1 − 2)/3; 2 of 3 ties local."""
    rel = pd.DataFrame(
        {
            "source": ["B", "B", "B"],
            "target": ["A", "C", "EXT-9"],
            "relation": ["supplier", "cooperation", "customer"],
            "local": [True, True, False],
        }
    )
    s = network_summary(firm_network(FIRMS, rel))
    assert (s.firms, s.partners, s.ties, s.supply_ties, s.cooperation_ties) == (4, 1, 3, 2, 1)
    assert s.density == pytest.approx(0.3)
    assert s.ei_index == pytest.approx(-1 / 3)
    assert s.local_share == pytest.approx(2 / 3)
    assert (s.vertical_share, s.horizontal_share) == (0.5, 0.5)
    assert (s.components, s.largest_component, s.isolates) == (2, 4, 1)


def test_structural_holes_match_networkx_published_values():
    """networkx's test suite (networkx/algorithms/tests/test_structuralholes.py, TestStructuralHolesNoScipy),
    values computed with UCINET and igraph and checked by hand, on Borgatti's example graph (Connections
    20(1), 1997, "Structural holes: unpacking Burt's redundancy measures"): constraint G 0.400, A 0.595,
    C 1 (to 1e-3); effective size G 4.67, A 2.50, C 1 (to 1e-2).  Cooperation ties (both directions)
    are read as the undirected graph."""
    edges = [
        ("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
        ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C"),
    ]  # fmt: skip
    G = nx.DiGraph()
    for u, v in edges:
        G.add_edge(u, v, kind="cooperation")
        G.add_edge(v, u, kind="cooperation")
    measures = network_measures(G)
    for node, value in {"G": 0.400, "A": 0.595, "C": 1}.items():
        assert measures.loc[node, "constraint"] == pytest.approx(value, abs=1e-3)
    for node, value in {"G": 4.67, "A": 2.50, "C": 1}.items():
        assert measures.loc[node, "effective_size"] == pytest.approx(value, abs=1e-2)


def test_measures_columns_and_betweenness_of_a_path():
    G = nx.DiGraph([("a", "b"), ("b", "c")])
    measures = network_measures(G)
    assert measures.loc["b", "betweenness"] == pytest.approx(0.5)
    assert measures.loc["a", "betweenness"] == 0
    assert measures["core_number"].tolist() == [1, 1, 1]


def test_sole_partners_if_x_left():
    """B is the only local customer of A and of C: if B left, 2 firms would lose their only local customer."""
    G = nx.DiGraph()
    G.add_nodes_from(["A", "B", "C", "D"], in_register=True, local=True)
    G.add_edges_from([("A", "B"), ("C", "B"), ("D", "B"), ("D", "C")], kind="supply")
    table = sole_partners(G)
    assert table.loc["B", "customers_lost"] == 2 and table.loc["B", "dependents"] == ("A", "C")
    assert table.loc["D", "suppliers_lost"] == 1  # C's only supplier


# -------------------------------------------------------------------------------- core–periphery
@settings(max_examples=40, deadline=None)
@given(st.integers(4, 9), st.floats(0.15, 0.7), st.integers(0, 10_000))
def test_core_periphery_small_graphs_reach_the_brute_force_optimum(n, p, seed):
    """Borgatti & Everett (1999) fit: the partition found on a small graph has the best Pearson
    correlation of ties and ideal pattern among all 2ⁿ partitions, each scored independently with
    numpy's corrcoef over the pairs (:func:`core_periphery_fit`)."""
    G = nx.gnp_random_graph(n, p, seed=seed)
    if G.number_of_edges() in (0, n * (n - 1) // 2):
        return
    result = core_periphery(G)
    fits = [
        core_periphery_fit(G, set(core)) for k in range(1, n) for core in itertools.combinations(range(n), k)
    ]
    assert result.fit == pytest.approx(np.nanmax(fits), abs=1e-9)
    assert core_periphery_fit(G, result.core) == pytest.approx(result.fit, abs=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_core_periphery_search_recovers_a_planted_core_and_is_a_local_optimum(seed):
    """On a 120-node graph with a planted core of 12 (dense core, core–periphery ties with p = .3,
    sparse periphery p = .01) the search finds the planted core, and no single move improves ρ."""
    rng = np.random.default_rng(seed)
    n, planted = 120, set(range(12))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v in itertools.combinations(range(n), 2):
        p = 0.9 if u in planted and v in planted else 0.3 if (u in planted) != (v in planted) else 0.01
        if rng.random() < p:
            G.add_edge(u, v)
    result = core_periphery(G)
    found = set(result.core[result.core].index)
    assert found == planted
    for v in rng.choice(n, size=15, replace=False):
        moved = found ^ {int(v)}
        assert core_periphery_fit(G, moved) <= result.fit + 1e-12


def test_core_periphery_ideal_pattern_has_fit_one():
    G = nx.complete_bipartite_graph(range(3), range(3, 9))
    G.add_edges_from(itertools.combinations(range(3), 2))
    result = core_periphery(G)
    assert result.fit == pytest.approx(1.0) and set(result.core[result.core].index) == {0, 1, 2}


def test_core_periphery_of_isolates_is_empty():
    result = core_periphery(nx.empty_graph(5))
    assert result.size == 0 and np.isnan(result.fit)


# -------------------------------------------------------------------------------------- brokerage
def test_brokerage_hand_example_gould_fernandez_1989():
    """Gould & Fernandez (1989) definitions, one broker v per role (v brokers a→v→b with no a→b):

    groups: a1, a2 in X; v in Y; b1, b2 in Y; c in Z.
    - a1 → v → b1: v and b1 in Y, a1 in X → gatekeeper (1)
    - b2 → v → b1: all in Y → coordinator (1)
    - a1 → v → a2: a1, a2 in X, v in Y → itinerant (1)
    - b2 → v → c: b2 and v in Y, c in Z → representative (1)
    - a1 → v → c: X, Y, Z → liaison (1)
    - a2 → v → ...: a2 already ties to b1 (a2 → b1), so a2 → v → b1 is not brokered; a2 → v → a2 is
      not a pair (a = b); a2 → v → c liaison (1); b2 → v → a2 representative (1).
    """
    G = nx.DiGraph()
    group = {"a1": "X", "a2": "X", "v": "Y", "b1": "Y", "b2": "Y", "c": "Z"}
    G.add_edges_from(
        [("a1", "v"), ("b2", "v"), ("a2", "v"), ("v", "b1"), ("v", "a2"), ("v", "c"), ("a2", "b1")]
    )
    roles = brokerage_roles(G, group).loc["v"]
    # pairs (a, b): a ∈ {a1, b2, a2}, b ∈ {b1, a2, c}
    # a1: b1 gatekeeper, a2 itinerant, c liaison
    # b2: b1 coordinator, a2 representative, c representative
    # a2: b1 (tied, skipped), a2 (same), c liaison
    assert roles.to_dict() == {
        "coordinator": 1,
        "itinerant": 1,
        "gatekeeper": 1,
        "representative": 2,
        "liaison": 2,
        "total": 7,
    }
    assert brokerage_roles(G, group).drop(index="v")["total"].sum() == 0


def test_brokerage_group_from_node_attribute_and_missing_groups():
    G = nx.DiGraph([("a", "v"), ("v", "b")])
    nx.set_node_attributes(G, {"a": "inputs", "v": "manufacturing", "b": None}, "stage")
    roles = brokerage_roles(G, "stage").loc["v"]
    assert roles["liaison"] == 1  # b has a group of its own
    with pytest.raises(TypeError, match="'group' must be"):
        brokerage_roles(G, 3)


@settings(max_examples=30, deadline=None)
@given(st.integers(3, 12), st.floats(0.1, 0.6), st.integers(0, 10_000))
def test_brokerage_total_counts_open_two_paths(n, p, seed):
    """Invariant: a node's total equals the number of its open two-paths a→v→b (a ≠ b, no a→b),
    counted by brute force over all ordered pairs."""
    G = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    groups = {v: v % 3 for v in G}
    roles = brokerage_roles(G, groups)
    for v in G:
        expected = sum(
            1
            for a in G.predecessors(v)
            for b in G.successors(v)
            if a != b and a != v and b != v and not G.has_edge(a, b)
        )
        assert roles.loc[v, "total"] == expected


# ----------------------------------------------------------------------------------------- stages
def test_stage_flows_sourcing_and_linking_firms():
    rel = pd.DataFrame(
        {
            "source": ["B", "B", "B", "B", "C"],
            "target": ["A", "EXT-1", "EXT-2", "D", "EXT-3"],
            "relation": ["supplier", "supplier", "supplier", "customer", "supplier"],
            "local": [True, False, False, True, False],
        }
    )
    G = firm_network(FIRMS, rel)
    flows = stage_flows(G)
    assert flows.values.tolist() == [
        ["outside", "manufacturing", 3],
        ["inputs", "manufacturing", 1],
        ["manufacturing", "distribution", 1],
    ]
    table = sourcing(G)
    assert table.loc["manufacturing", "inputs_outside"] == 3 and bool(table.loc["manufacturing", "hole"])
    assert linking_firms(G).index.tolist() == ["B"]


# ------------------------------------------------------------------------------------ centrality
@settings(max_examples=25, deadline=None)
@given(st.integers(3, 40), st.floats(0.02, 0.4), st.integers(0, 10_000), st.booleans())
def test_sparse_brandes_betweenness_equals_networkx(n, p, seed, directed):
    """Brandes (2001) in sparse-matrix form gives networkx's betweenness_centrality on random graphs,
    directed and undirected."""
    from clusterlib.valuechain.centrality import betweenness

    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    for v in G:
        assert ours[v] == pytest.approx(reference[v], abs=1e-12)


def test_sampled_betweenness_equals_networkx_with_the_same_sources():
    """With a sample of sources the sums are scaled by n/k, as networkx's ``k=`` estimate."""
    from clusterlib.valuechain.centrality import betweenness

    G = nx.gnp_random_graph(50, 0.08, seed=3, directed=True)
    sources = [0, 5, 7, 11, 20]
    ours = betweenness(G, sources=sources)
    exact_from_sources = nx.betweenness_centrality_subset(G, sources, list(G), normalized=False)
    scale = 50 / 5 / (49 * 48)
    for v in G:
        assert ours[v] == pytest.approx(exact_from_sources[v] * scale, abs=1e-12)


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 30), st.floats(0.05, 0.6), st.integers(0, 10_000))
def test_effective_size_equals_networkx(n, p, seed):
    """Borgatti's (1997) form degree − 2t/degree equals networkx's effective_size (unweighted)."""
    from clusterlib.valuechain.centrality import effective_size

    G = nx.gnp_random_graph(n, p, seed=seed)
    ours, reference = effective_size(G), nx.effective_size(G)
    for v in G:
        if np.isnan(reference[v]):
            assert np.isnan(ours[v])
        else:
            assert ours[v] == pytest.approx(reference[v], abs=1e-12)


def test_adjacency_matrix_from_a_workbook(tmp_path):
    """Interview spreadsheets come as xlsx; empty cells are no tie, ';' separates several types."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["", "A", "B", "C"], ["A", None, "supplier;cooperation", None], ["B", None, None, "müşteri"]):
        sheet.append(row)
    sheet.append(["C", None, None, None])
    path = tmp_path / "harita.xlsx"
    book.save(path)
    edges = read_adjacency(path)
    assert edges.values.tolist() == [["A", "B", "supplier"], ["A", "B", "cooperation"], ["B", "C", "müşteri"]]
    G = firm_network(FIRMS, edges)
    assert G.edges["B", "A"]["kind"] == "supply" and G.edges["B", "A"]["cooperation"]


def test_reciprocity_counts_supply_ties_answered_both_ways():
    """A sells to B and B sells to A (2 of 3 supply ties answered), B sells to C: reciprocity 2/3, as
    networkx's reciprocity of the supply graph."""
    rel = _relations([("A", "B", "customer"), ("A", "B", "supplier"), ("B", "C", "customer")])
    G = firm_network(FIRMS, rel)
    supply = nx.DiGraph([(u, v) for u, v, k in G.edges(data="kind") if k == "supply"])
    assert network_summary(G).reciprocity == pytest.approx(2 / 3) == pytest.approx(nx.reciprocity(supply))


def test_the_cluster_map_layout_is_the_same_in_every_process():
    """Reports are byte-identical between runs: the layout must not depend on Python's string hash
    seed (a set's iteration order), which differs between kernel processes."""
    import subprocess
    import sys

    script = (
        "import json; from clusterlib.valuechain import analyse_value_chain_mapping; "
        "from clusterlib.valuechain.charts import layered_layout; "
        "pos = layered_layout(analyse_value_chain_mapping('Samsun').graph); "
        "print(json.dumps(sorted((str(k), v) for k, v in pos.items())))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
            text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
