"""The value-chain step end to end on the bundled sample: analysis, findings, charts, saved tables."""

from __future__ import annotations

import dataclasses
import html

import numpy as np
import pandas as pd
import pytest

from clusterlib.data import DataValidationError, load_tables
from clusterlib.valuechain import (
    ValueChainFindings,
    analyse_value_chain_mapping,
    charts,
    sole_partners,
)

PILOTS = ["Çorum", "Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon"]


@pytest.fixture(scope="module")
def tables():
    return load_tables(tables=["firms", "relations", "io_table", "employment"])


@pytest.fixture(scope="module")
def gaziantep(tables):
    return analyse_value_chain_mapping("Gaziantep", lang="en", tables=tables)


@pytest.mark.parametrize("province", PILOTS)
def test_every_pilot_has_a_map_of_60_to_150_firms_and_all_findings(province, tables):
    mapping = analyse_value_chain_mapping(province, tables=tables)
    assert 60 <= mapping.summary.firms <= 150
    assert isinstance(mapping.findings, ValueChainFindings)
    for name, text in dataclasses.asdict(mapping.findings).items():
        assert isinstance(text, str) and text.strip(), name
        assert ".." not in text.replace("…", ""), name
    assert set(mapping.hubs) <= set(mapping.measures.index[mapping.measures["in_register"]])
    assert mapping.sector == "C"


def test_english_report_shows_the_same_numbers_as_the_turkish(tables, gaziantep):
    turkish = analyse_value_chain_mapping("Gaziantep", lang="tr", tables=tables)
    assert turkish.summary == gaziantep.summary
    pd.testing.assert_frame_equal(turkish.linkages, gaziantep.linkages)
    assert turkish.hubs == gaziantep.hubs
    assert "Gaziantep" in turkish.findings.linkages and "δ = 0,30" in turkish.findings.linkages
    assert "δ = 0.30" in gaziantep.findings.linkages


def test_regional_linkages_never_exceed_national(gaziantep):
    """With FLQ the regional coefficients are at most the national ones, so every regional Leontief
    inverse entry, and so every backward linkage, is at most the national one."""
    assert (gaziantep.linkages_regional["backward"] <= gaziantep.linkages["backward"] + 1e-12).all()
    assert 0 < gaziantep.lambda_flq < 1


def test_dependence_sentence_names_the_firm_with_most_sole_partners(gaziantep):
    table = sole_partners(gaziantep.graph)
    table = table[gaziantep.measures.loc[table.index, "in_register"].to_numpy()]
    top = table.index[0]
    name = gaziantep.measures.loc[top, "name"]
    assert gaziantep.findings.dependence.startswith(
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
    assert "SAM-999" in mapping.findings.notes and "several types" in mapping.findings.notes


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

    for lang, word in (("tr", "görüşme"), ("en", "interviews")):
        m = analyse_value_chain_mapping("Ankara", tables=tables, lang=lang)
        assert m.cluster_id is None and m.graph.number_of_nodes() == 0
        assert word in m.findings.network and isinstance(m.findings.central, Omitted)
        network_findings = ("central", "dependence", "core", "local", "integration", "chain")
        assert all(isinstance(getattr(m.findings, k), Omitted) for k in network_findings)
        assert m.heading("title").startswith("Ankara") and isinstance(m.heading("map"), str)
        assert all(isinstance(m.heading(k), Omitted) for k in ("central", "structure", "chain", "notes"))
        assert isinstance(m.heading("io"), str)
        for shown in (charts.cluster_map(m.graph, m.measures, lang=lang), charts.brokerage_chart(m.measures, lang=lang),
                      charts.stage_sankey(m.flows, m.sourcing, lang=lang), m.central_table(), m.structure_table()):
            assert isinstance(shown, Omitted)
        assert m.sector == "C" and np.isfinite(m.linkages_regional.loc["C", "backward"])
        assert m.linkages.loc["C", "backward"] >= m.linkages_regional.loc["C", "backward"]
        assert "%" in m.findings.extraction


def test_tables_for_the_report(gaziantep):
    central = gaziantep.central_table()
    assert len(central) == 10 and central.columns[0] == "Firm"
    assert central["Partners"].iloc[0] == gaziantep.measures.loc[gaziantep.hubs[0], "degree"]
    structure = gaziantep.structure_table()
    assert structure.iloc[0].tolist() == ["Density", f"{gaziantep.summary.density:.1%}"]
    linkages = gaziantep.linkages_table()
    assert linkages.iloc[0, 0] == "C Manufacturing" and len(linkages) == 19


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
def test_every_chart_has_data(gaziantep):
    m = gaziantep
    figures = [
        charts.cluster_map(m.graph, m.measures, hubs=m.hubs, brokers=m.brokers, lang="en"),
        charts.stage_sankey(m.flows, m.sourcing, lang="en"),
        charts.brokerage_chart(m.measures, lang="en"),
        charts.linkages_chart(m.linkages, m.linkages_regional, sector=m.sector, delta=m.delta, lang="en"),
        charts.key_sector_chart(m.linkages, sector=m.sector, lang="en"),
        charts.extraction_chart(
            m.extraction, m.extraction_regional, sector=m.sector, delta=m.delta, lang="en"
        ),
    ]
    for fig in figures:
        sizes = [
            len(trace.node.label)
            if trace.type == "sankey"
            else int(np.sum(pd.notna(np.asarray(trace.x, dtype=object))))
            for trace in fig.data
        ]
        assert max(sizes) > 0, fig.layout.title


def test_cluster_map_marks_places_by_symbol_and_escapes_names(gaziantep):
    m = gaziantep
    graph = m.graph.copy()
    first = m.hubs[0]
    graph.nodes[first]["name"] = "<script>alert(1)</script>"
    fig = charts.cluster_map(graph, m.measures, hubs=m.hubs, brokers=m.brokers, lang="en")
    texts = " ".join(str(h) for trace in fig.data for h in (trace.hovertext or ()))
    labels = " ".join(str(h) for trace in fig.data for h in (trace.text or ()))
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


def test_sankey_marks_the_sourcing_holes_in_words(gaziantep):
    fig = charts.stage_sankey(gaziantep.flows, gaziantep.sourcing, lang="en")
    labels = list(fig.data[0].node.label)
    holes = [s for s in gaziantep.sourcing.index if gaziantep.sourcing.loc[s, "hole"]]
    assert holes and sum("local sourcing hole" in label for label in labels) == len(holes)
    assert np.sum(fig.data[0].link.value) == gaziantep.flows["ties"].sum()


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
        assert getattr(from_matrix.summary, field) == getattr(from_list.summary, field), field
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
    assert mapping.summary.firms == 64
    if present:
        assert "no employment table" in mapping.findings.notes
        assert "provincial table was not computed" in mapping.findings.linkages
        assert mapping.linkages.loc["C", "backward"] > 1
    else:
        assert "no input-output table" in mapping.findings.notes
        assert mapping.findings.linkages.startswith("This section was left out")
        fig = charts.key_sector_chart(mapping.linkages, sector=mapping.sector, lang="en")
        assert "No data" in fig.layout.annotations[0].text
    table(mapping.linkages_table(), lang="en")  # displays without error
