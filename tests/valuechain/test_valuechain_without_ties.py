"""A cluster with firms but no supply ties gets its value-chain report (red-team finding F6): interviews
not done yet, a single firm, or only cooperation ties.  Every call the notebook makes runs, the
input-output sections are there, and plain sentences say what is missing."""

from __future__ import annotations

import dataclasses

import pytest

from clusterlib.report.display import Omitted
from clusterlib.valuechain import analyse_value_chain_mapping
from tests.valuechain._valuechain_helpers import without_supply


def _every_notebook_call(view) -> None:
    for value in dataclasses.asdict(view.headings).values():
        assert isinstance(value, (str, Omitted))
    view.figures(), view.tables()


@pytest.mark.parametrize("case", ["no_relations", "one_firm", "cooperation_only"])
def test_a_cluster_without_supply_ties_gets_its_report(case, tmp_path):
    """It was `IndexError: single positional indexer is out-of-bounds` in findings.chain_finding."""
    m = analyse_value_chain_mapping("Samsun", tables=without_supply(case))
    assert m.flows.empty and m.graph.number_of_nodes() >= 1
    view = m.present("en")
    _every_notebook_call(view)
    _every_notebook_call(m.present("tr"))
    assert view.findings.chain == (
        "No supply ties (whom the firms buy from and sell to) were reported in the interviews, so the flows "
        "between stages and the local sourcing holes cannot be shown. This section fills once the interviews "
        "are done; the input-output sections are below."
    )
    assert isinstance(view.stage_sankey(), Omitted)
    assert (
        view.linkages_table().frame["sector"].iloc[0] == "C Manufacturing"
    )  # the input-output sections are there
    assert view.findings.linkages.startswith("Each 1 TRY of final demand for Manufacturing generates")
    assert m.save(tmp_path)  # the processed tables are written
    assert m.present("tr").findings.chain.startswith("Görüşmelerde hiçbir tedarik ilişkisi")


@pytest.mark.parametrize("case", ["no_relations", "one_firm"])
def test_without_any_tie_no_firm_is_called_central(case):
    """Siblings of F6: with degree 0 everywhere the report named three 'firms that hold the chain together',
    a broker of 0 pairs, and read an E–I index of NaN as 'balanced'."""
    view = analyse_value_chain_mapping("Samsun", tables=without_supply(case)).present("en")
    assert view.findings.central.startswith("The cluster's firms have reported no ties yet")
    assert view.findings.local.startswith("The local share of ties and the E–I index cannot be computed")
    assert view.findings.integration.startswith("Vertical and horizontal integration cannot be measured")
    assert isinstance(view.central_table(), Omitted) and isinstance(view.structure_table(), Omitted)
    assert isinstance(view.brokerage_chart(), Omitted)


def test_cooperation_ties_name_the_hubs_but_no_broker():
    m = analyse_value_chain_mapping("Samsun", tables=without_supply("cooperation_only"))
    view = m.present("en")
    assert m.brokers == ()  # brokerage is measured on supply ties only
    assert view.findings.central.startswith("The firms with the most ties: ")
    assert "No firm brokers supply between firms that have no direct tie." in view.findings.central
    assert view.findings.central.endswith("they are not real firms.)")  # the sample's names are marked
    assert not isinstance(view.central_table(), Omitted)
