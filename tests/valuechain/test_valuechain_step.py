"""The value-chain step end to end on the bundled sample: analysis, findings, charts, saved tables.

The analysis is language-free; sentences, tables and charts come from ``result.present(lang)``."""

from __future__ import annotations

import dataclasses
import html

import numpy as np
import pandas as pd
import pytest

from clusterlib.charts import PALETTE
from clusterlib.data import DataValidationError
from clusterlib.valuechain import (
    ValueChainFindings,
    analyse_value_chain_mapping,
    charts,
    sole_partners,
)
from clusterlib.valuechain.findings import short_name
from tests.valuechain._valuechain_helpers import PILOTS, sample_tables


@pytest.fixture(scope="module")
def tables():
    return sample_tables()


@pytest.fixture(scope="module")
def gaziantep(tables):
    return analyse_value_chain_mapping("Gaziantep", tables=tables)


@pytest.fixture(scope="module")
def gaziantep_en(gaziantep):
    return gaziantep.present("en")


@pytest.mark.parametrize("province", PILOTS)
def test_every_pilot_has_a_map_of_60_to_150_firms_and_all_findings(province, tables):
    mapping = analyse_value_chain_mapping(province, tables=tables)
    assert 60 <= mapping.network.firms <= 150
    assert isinstance(mapping.findings, ValueChainFindings)
    for lang in ("tr", "en"):
        for name, text in dataclasses.asdict(mapping.present(lang).findings).items():
            assert isinstance(text, str) and text.strip(), name
            assert ".." not in text.replace("…", ""), name
            assert "nan" not in text.lower().split(), name
    assert set(mapping.hubs) <= set(mapping.measures.index[mapping.measures["in_register"]])
    assert mapping.sector == "C"


def test_english_report_shows_the_same_numbers_as_the_turkish(gaziantep, gaziantep_en):
    turkish = gaziantep.present("tr")
    assert "Gaziantep" in turkish.findings.linkages and "δ = 0,30" in turkish.findings.linkages
    assert "δ = 0.30" in gaziantep_en.findings.linkages
    tr_table, en_table = turkish.linkages_table(), gaziantep_en.linkages_table()
    pd.testing.assert_frame_equal(
        tr_table.frame.drop(columns="sector"), en_table.frame.drop(columns="sector")
    )


def test_regional_linkages_never_exceed_national(gaziantep):
    """With FLQ the regional coefficients are at most the national ones, so every regional Leontief
    inverse entry, and so every backward linkage, is at most the national one."""
    assert (gaziantep.linkages_regional["backward"] <= gaziantep.linkages["backward"] + 1e-12).all()
    assert 0 < gaziantep.lambda_flq < 1


def test_dependence_sentence_names_the_firm_with_most_sole_partners(gaziantep, gaziantep_en):
    table = sole_partners(gaziantep.graph)
    table = table[gaziantep.measures.loc[table.index, "in_register"].to_numpy()]
    top = table.index[0]
    name = short_name(gaziantep.measures.loc[top, "name"], 40)
    assert gaziantep_en.findings.dependence.startswith(
        f"If {name} left, {table.loc[top, 'customers_lost']} firms"
    )


def test_delta_changes_the_regional_table(tables):
    low = analyse_value_chain_mapping("Samsun", tables=tables, delta=0.1)
    high = analyse_value_chain_mapping("Samsun", tables=tables, delta=0.5)
    assert (high.linkages_regional["backward"] < low.linkages_regional["backward"]).all()
    assert high.parameters()["delta"] == 0.5


def test_data_notes_reach_the_report(tables):
    changed = dict(tables)
    relations = tables["relations"]
    first = relations[relations["cluster"] == "samsun_medical"].iloc[[0]].copy()
    other = first.assign(relation="cooperation" if first["relation"].iloc[0] != "cooperation" else "customer")
    outside = first.assign(target="SAM-999", target_name="Bilinmeyen Ltd.")
    changed["relations"] = pd.concat([relations, other, outside], ignore_index=True)
    mapping = analyse_value_chain_mapping("Samsun", lang="en", tables=changed)
    kinds = [note.kind for note in mapping.notes]
    assert kinds == ["duplicate", "outside_register"]
    notes = mapping.present("en").findings.notes
    assert "SAM-999" in notes and "several types" in notes


def test_bad_relations_file_is_a_data_validation_error(tmp_path, tables):
    """A self-tie in the interview file stops the loader with file, row and column."""
    import shutil

    from clusterlib.config import SAMPLE_DIR

    for name in ("firms.csv", "io_table.csv", "employment.csv", "relations.csv"):
        shutil.copy(SAMPLE_DIR / name, tmp_path / name)
    lines = (tmp_path / "relations.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[1].split(",")
    fields[2] = fields[1]  # target = source
    lines[1] = ",".join(fields)
    (tmp_path / "relations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as err:
        analyse_value_chain_mapping("Çorum", data_dir=tmp_path)
    assert err.value.file == "relations.csv" and err.value.row == 2 and err.value.column == "target"


def test_province_without_firm_interviews_gets_the_input_output_part_and_says_what_is_missing(tables):
    """Issue 9: every province gets a report. Without interviews (no pilot cluster) the map section says
    so once, with what to collect; the other network sections are left out (no empty charts, no density
    of 0, no sentence repeated in every section), and the input-output part still runs."""
    from clusterlib.report import Omitted

    m = analyse_value_chain_mapping("Ankara", tables=tables)
    assert m.cluster_id is None and m.graph.number_of_nodes() == 0 and not m.interviewed
    assert m.sector == "C" and np.isfinite(m.linkages_regional.loc["C", "backward"])
    assert m.linkages.loc["C", "backward"] >= m.linkages_regional.loc["C", "backward"]
    for lang, word in (("tr", "görüşme"), ("en", "interviews")):
        view = m.present(lang)
        assert word in view.findings.network and isinstance(view.findings.central, Omitted)
        network_findings = ("central", "dependence", "core", "local", "integration", "chain")
        assert all(isinstance(getattr(view.findings, k), Omitted) for k in network_findings)
        h = view.headings
        assert h.title.startswith("Ankara") and isinstance(h.map, str) and isinstance(h.io, str)
        assert all(isinstance(getattr(h, k), Omitted) for k in ("central", "structure", "chain", "notes"))
        for shown in (view.cluster_map(), view.brokerage_chart(), view.stage_sankey(), view.central_table(),
                      view.structure_table()):  # fmt: skip
            assert isinstance(shown, Omitted)
        assert "%" in view.findings.extraction


def test_tables_for_the_report_keep_raw_numbers_and_carry_kinds(gaziantep, gaziantep_en):
    central = gaziantep_en.central_table()
    assert len(central.frame) == 10 and central.labels["firm"] == "Firm"
    assert central.frame["degree"].iloc[0] == gaziantep.measures.loc[gaziantep.hubs[0], "degree"]
    assert central.kinds["betweenness"] == "ratio:3" and central.frame["betweenness"].dtype == float
    structure = gaziantep_en.structure_table()
    assert structure.frame["density"].iloc[0] == pytest.approx(gaziantep.network.density)
    assert structure.kinds["density"].startswith("percent") and structure.labels["density"] == "Density"
    linkages = gaziantep_en.linkages_table()
    assert linkages.frame["sector"].iloc[0] == "C Manufacturing" and len(linkages.frame) == 19
    assert linkages.frame["backward_national"].iloc[0] == pytest.approx(
        gaziantep.linkages.loc["C", "backward"]
    )


def test_save_writes_the_derived_tables(tmp_path, gaziantep):
    paths = gaziantep.save(tmp_path)
    assert [p.name.split("_")[-1] for p in paths] == [
        "measures.csv",
        "flows.csv",
        "sourcing.csv",
        "linkages.csv",
        "extraction.csv",
    ]
    measures = pd.read_csv(paths[0], index_col=0)
    assert len(measures) == gaziantep.graph.number_of_nodes()


# ------------------------------------------------------------------------------------------ charts
def test_every_chart_has_data(gaziantep_en):
    for fig in gaziantep_en.figures().values():
        sizes = [int(np.sum(pd.notna(np.asarray(trace.x, dtype=object)))) for trace in fig.data]
        assert max(sizes) > 0, fig.layout.title


def test_cluster_map_marks_places_by_symbol_and_escapes_names(gaziantep):
    m = gaziantep
    graph = m.graph.copy()
    first = m.hubs[0]
    graph.nodes[first]["name"] = "<script>alert(1)</script>"
    fig = charts.cluster_map(graph, m.measures, hubs=m.hubs, brokers=m.brokers, lang="en")
    texts = " ".join(str(h) for trace in fig.data for h in (trace.hovertext or ()))
    labels = " ".join(str(a.text) for a in fig.layout.annotations if a.name == "firm_label")
    assert "&lt;script&gt;" in labels  # the hub is named, escaped
    assert "<script>" not in texts and "<script>" not in labels
    assert html.escape("<script>alert(1)</script>") in texts
    symbols = {
        s
        for trace in fig.data
        if trace.marker and isinstance(trace.marker.symbol, tuple)
        for s in trace.marker.symbol
    }
    assert {"circle", "diamond"} <= symbols
    names = [trace.name for trace in fig.data]
    assert "○ hub (most partners)" in names and "□ broker (most brokerage)" in names


def test_layout_is_deterministic_and_layered_by_stage(gaziantep):
    first = charts.layered_layout(gaziantep.graph)
    second = charts.layered_layout(gaziantep.graph.copy())
    assert first == second
    manufacturing = [v for v, d in gaziantep.graph.nodes(data=True) if d.get("stage") == "manufacturing"]
    assert {round(first[v][0]) for v in manufacturing} == {3}


def test_sankey_marks_the_sourcing_holes_in_words(gaziantep, gaziantep_en):
    fig = gaziantep_en.stage_sankey()
    labels = [note.text for note in fig.layout.annotations]
    holes = [s for s in gaziantep.sourcing.index if gaziantep.sourcing.loc[s, "hole"]]
    assert holes and sum("local sourcing hole" in label for label in labels) == len(holes)
    hole_nodes = [s for s in fig.layout.shapes if s.type == "rect" and s.fillcolor == PALETTE["vermillion"]]
    assert len(hole_nodes) == len(holes)  # in words and in colour


def test_relations_from_an_adjacency_matrix_give_the_same_network(tmp_path, tables):
    """The interviews as an adjacency matrix (firms as rows and columns) map the same ties as the
    edge list; only what the matrix cannot hold (partners' names and places) differs."""
    relations = tables["relations"][tables["relations"]["cluster"] == "samsun_medical"]
    firms = tables["firms"][tables["firms"]["cluster"] == "samsun_medical"]
    ids = sorted(set(firms["firm_id"]) | set(relations["target"]))
    cells = (
        relations.groupby(["source", "target"])["relation"]
        .agg(";".join)
        .unstack()
        .reindex(index=ids, columns=ids)
    )
    path = tmp_path / "samsun_matrix.csv"
    cells.fillna("").to_csv(path, index_label="firma")
    from_matrix = analyse_value_chain_mapping("Samsun", tables=tables, relations_file=path)
    from_list = analyse_value_chain_mapping("Samsun", tables=tables)
    for field in ("firms", "partners", "ties", "supply_ties", "cooperation_ties", "density", "components"):
        assert getattr(from_matrix.network, field) == getattr(from_list.network, field), field
    assert not from_matrix.synthetic and from_list.synthetic  # the user's own file is not the sample
    assert from_matrix.inputs()[-1] == path and from_matrix.parameters()["relations_file"] == str(path)


@pytest.mark.parametrize("present", [(), ("io_table",)])
def test_partial_data_runs_and_says_what_was_left_out(tmp_path, present):
    """Without the IO table (or without employment) the network part runs; the report says what is missing
    and the IO charts say there are no data."""
    import shutil

    from clusterlib.config import SAMPLE_DIR
    from clusterlib.report.tables import table

    for name in ("firms.csv", "relations.csv", *(f"{p}.csv" for p in present)):
        shutil.copy(SAMPLE_DIR / name, tmp_path / name)
    mapping = analyse_value_chain_mapping("Trabzon", lang="en", data_dir=tmp_path)
    assert mapping.network.firms == 64
    view = mapping.present("en")
    if present:
        assert "no employment table" in view.findings.notes
        assert "provincial table for Trabzon was not computed" in view.findings.linkages
        assert mapping.linkages.loc["C", "backward"] > 1
        assert mapping.linkages_regional["backward"].isna().all()  # missing, never 0
    else:
        assert "no input-output table" in view.findings.notes
        assert view.findings.linkages.startswith("This section was left out")
        assert "No data" in view.key_sector_chart().layout.annotations[0].text
    table(view.linkages_table())  # displays without error
