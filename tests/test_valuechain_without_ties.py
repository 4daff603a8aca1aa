"""A cluster with firms but no supply ties gets its value-chain report (red-team finding F6): interviews
not done yet, a single firm, or only cooperation ties.  Every call the notebook makes runs, the
input-output sections are there, and plain sentences say what is missing."""

from __future__ import annotations

import pytest

from clusterlib.data import load_tables
from clusterlib.report.display import Omitted
from clusterlib.valuechain import analyse_value_chain_mapping, charts

TABLES = load_tables(tables=["firms", "relations", "io_table", "employment"])


def _tables(case: str) -> dict:
    tables = dict(TABLES)
    relations = TABLES["relations"][TABLES["relations"]["cluster"] == "samsun_medical"]
    if case == "no_relations":
        tables["relations"] = relations.iloc[0:0]
    elif case == "one_firm":
        firms = TABLES["firms"]
        tables["firms"] = firms[(firms["cluster"] != "samsun_medical") | (firms["firm_id"] == "SAM-001")]
        tables["relations"] = relations.iloc[0:0]
    else:
        tables["relations"] = relations[relations["relation"] == "cooperation"]
    return tables


def _every_notebook_call(m, lang: str) -> None:
    charts.cluster_map(m.graph, m.measures, hubs=m.hubs, brokers=m.brokers, lang=lang)
    charts.brokerage_chart(m.measures, lang=lang)
    charts.stage_sankey(m.flows, m.sourcing, lang=lang)
    charts.linkages_chart(m.linkages, m.linkages_regional, sector=m.sector, delta=m.delta, lang=lang)
    charts.key_sector_chart(m.linkages, sector=m.sector, lang=lang)
    charts.extraction_chart(m.extraction, m.extraction_regional, sector=m.sector, delta=m.delta, lang=lang)
    for name in (
        "title",
        "intro",
        "map",
        "central",
        "structure",
        "chain",
        "io",
        "key",
        "extraction",
        "notes",
    ):
        m.heading(name)
    m.central_table(), m.structure_table(), m.linkages_table()


@pytest.mark.parametrize("case", ["no_relations", "one_firm", "cooperation_only"])
def test_a_cluster_without_supply_ties_gets_its_report(case, tmp_path):
    """It was `IndexError: single positional indexer is out-of-bounds` in findings.chain_finding."""
    m = analyse_value_chain_mapping("Samsun", tables=_tables(case), lang="en")
    assert m.flows.empty and m.graph.number_of_nodes() >= 1
    _every_notebook_call(m, "en")
    assert m.findings.chain == (
        "No supply ties (whom the firms buy from and sell to) were reported in the interviews, so the flows "
        "between stages and the local sourcing holes cannot be shown. This section fills once the interviews "
        "are done; the input-output sections are below."
    )
    assert "C Manufacturing" in m.linkages_table().iloc[0, 0]  # the input-output sections are there
    assert m.findings.linkages.startswith("Each 1 TRY of final demand for Manufacturing generates")
    assert m.save(tmp_path)  # the processed tables are written
    tr = analyse_value_chain_mapping("Samsun", tables=_tables(case), lang="tr")
    assert tr.findings.chain.startswith("Görüşmelerde hiçbir tedarik ilişkisi")


@pytest.mark.parametrize("case", ["no_relations", "one_firm"])
def test_without_any_tie_no_firm_is_called_central(case):
    """Siblings of F6: with degree 0 everywhere the report named three 'firms that hold the chain together',
    a broker of 0 pairs, and read an E–I index of NaN as 'balanced'."""
    m = analyse_value_chain_mapping("Samsun", tables=_tables(case), lang="en")
    assert m.findings.central.startswith("The cluster's firms have reported no ties yet")
    assert m.findings.local.startswith("The local share of ties and the E–I index cannot be computed")
    assert m.findings.integration.startswith("Vertical and horizontal integration cannot be measured")
    assert isinstance(m.central_table(), Omitted) and isinstance(m.structure_table(), Omitted)


def test_cooperation_ties_name_the_hubs_but_no_broker():
    m = analyse_value_chain_mapping("Samsun", tables=_tables("cooperation_only"), lang="en")
    assert m.brokers == ()  # brokerage is measured on supply ties only
    assert m.findings.central.startswith("The firms with the most ties: ")
    assert m.findings.central.endswith("No firm brokers supply between firms that have no direct tie.")
    assert not isinstance(m.central_table(), Omitted)
