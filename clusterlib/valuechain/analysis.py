"""The value-chain step for one province, end to end, language-free.

:func:`analyse_value_chain_mapping` reads the firm register, the interview relations, the national
input-output table and the employment table; builds the firm network of the province's pilot
cluster and measures it; maps the value chain by stage; computes the input-output linkages of the
cluster's sector nationally and regionalised for the province (FLQ), and hypothetical extraction;
and records the findings as numbers.  :meth:`ValueChainMapping.present` turns the result into a
report in Turkish or English (:mod:`clusterlib.valuechain.presentation`); the notebook
``03_value_chain_mapping`` only displays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from clusterlib import nace
from clusterlib.config import DEFAULT_LANGUAGE, SAMPLE_DIR
from clusterlib.i18n import check_language
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.resultcache import cached_analysis
from clusterlib.valuechain.brokerage import brokerage_roles
from clusterlib.valuechain.coreperiphery import CorePeriphery, core_periphery
from clusterlib.valuechain.findings import (
    CentralFinding,
    ChainFinding,
    CoreFinding,
    DependenceFinding,
    LocalFinding,
    NetworkFinding,
    NoInterviewsFinding,
    NotesFinding,
    VerticalFinding,
    network_findings,
)
from clusterlib.valuechain.inputs import Note
from clusterlib.valuechain.io_findings import (
    ExtractionFinding,
    KeySectorFinding,
    LinkagesFinding,
    io_findings,
)
from clusterlib.valuechain.network import (
    NetworkSummary,
    firm_network,
    network_measures,
    network_summary,
    notes_of,
    sole_partners,
)
from clusterlib.valuechain.provincial import province_io
from clusterlib.valuechain.stages import linking_firms, sourcing, stage_flows
from clusterlib.valuechain.thresholds import THRESHOLDS

if TYPE_CHECKING:
    from clusterlib.valuechain.presentation import ValueChainReport

__all__ = ["HUBS", "ValueChainFindings", "ValueChainMapping", "analyse_value_chain_mapping"]

#: How many firms the report marks as hubs (most partners) and as brokers (most brokered pairs).
HUBS = THRESHOLDS.hubs


@dataclass(frozen=True)
class ValueChainFindings:
    """The step's findings as numbers (each has ``.text(lang)``).

    Without firm interviews ``network`` is a :class:`NoInterviewsFinding` and the other network
    findings are ``None`` (the report says so once, in the map section)."""

    network: NetworkFinding | NoInterviewsFinding
    central: CentralFinding | None
    dependence: DependenceFinding | None
    core: CoreFinding | None
    local: LocalFinding | None
    integration: VerticalFinding | None
    chain: ChainFinding | None
    linkages: LinkagesFinding
    key_sector: KeySectorFinding
    extraction: ExtractionFinding
    notes: NotesFinding


@dataclass(frozen=True, eq=False)
class ValueChainMapping:
    """Everything the value-chain report shows for one province's pilot cluster, language-free.

    Attributes
    ----------
    province : Province
    cluster_id : str or None
        None: the province has no firm interviews (the input-output part runs for section C).
    sector : str
        The cluster's input-output section.
    graph : networkx.DiGraph
        :func:`~clusterlib.valuechain.network.firm_network`.
    network : NetworkSummary
        Whole-network measures.
    measures : DataFrame
        One row per node (firms and partners) with the centrality, structural-hole, brokerage
        (``ROLES`` and ``brokerage``), core (bool) and dependence columns.
    linkages, extraction : DataFrame
        National (Türkiye's table); ``linkages_regional`` and ``extraction_regional`` for the
        province (FLQ with ``delta``; ``lambda_flq`` is λ*).
    respondents : int
        Firms whose interview answers are in the relations (they reported at least one tie).
    synthetic : bool
        Built from the bundled synthetic sample: firm names are invented, the report says so.
    """

    province: Province
    cluster_id: str | None
    sector: str
    year: int
    delta: float
    lambda_flq: float
    graph: nx.DiGraph
    network: NetworkSummary
    measures: pd.DataFrame
    core: CorePeriphery
    flows: pd.DataFrame
    sourcing: pd.DataFrame
    linking: pd.DataFrame
    linkages: pd.DataFrame
    linkages_regional: pd.DataFrame
    extraction: pd.DataFrame
    extraction_regional: pd.DataFrame
    notes: tuple[Note, ...]
    hubs: tuple[str, ...]
    brokers: tuple[str, ...]
    respondents: int
    synthetic: bool
    data_dir: Path
    findings: ValueChainFindings
    relations_file: Path | None = None

    @property
    def interviewed(self) -> bool:
        """Whether the province has firm interviews (a firm network to show)."""
        return self.graph.number_of_nodes() > 0

    def summary(self) -> str:
        """One deterministic line (checked by nbval): province, cluster, firms, ties, hubs.

        Examples
        --------
        >>> analyse_value_chain_mapping("Trabzon").summary()
        'Trabzon trabzon_shipbuilding: 64 firms, 211 ties, hubs TRB-015, TRB-037, TRB-039, TRB-005, TRB-036'
        """
        s = self.network
        return f"{self.province.name} {self.cluster_id}: {s.firms} firms, {s.ties} ties, hubs {', '.join(self.hubs)}"

    def present(self, lang: str) -> ValueChainReport:
        """The report of this analysis in ``lang`` (:func:`clusterlib.valuechain.presentation.present`)."""
        from clusterlib.valuechain.presentation import present

        return present(self, lang)

    def inputs(self) -> list[Path]:
        """The input files and folders this analysis read, for the provenance box."""
        return [self.data_dir, *([self.relations_file] if self.relations_file else [])]

    def parameters(self) -> dict[str, object]:
        """The settings of this analysis, for the provenance box."""
        return {
            "province": self.province.name,
            "cluster": self.cluster_id,
            "sector": self.sector,
            "year": self.year,
            "regionalisation": "FLQ",
            "delta": self.delta,
            "relations_file": str(self.relations_file) if self.relations_file else "",
            "lambda": round(self.lambda_flq, 4),
        }

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the derived tables to ``data/processed/value_chain_mapping/`` and return the paths."""
        measures = self.measures.assign(dependents=self.measures["dependents"].map(";".join))
        tables = {
            "measures": measures,
            "flows": self.flows,
            "sourcing": self.sourcing,
            "linkages": pd.concat([self.linkages, self.linkages_regional.add_suffix("_regional")], axis=1),
            "extraction": pd.concat(
                [self.extraction, self.extraction_regional.add_suffix("_regional")], axis=1
            ),
        }
        return save_tables(
            "value_chain_mapping", self.province, tables, processed_dir, qualifier=self.cluster_id
        )


def _cluster_of(place: Province, cluster: str | None) -> str | None:
    """The cluster id asked for, else the province's pilot cluster, else None (no firm interviews)."""
    if cluster:
        nace.cluster(cluster)  # raises for an unknown id
        return cluster
    pilots = nace.clusters()
    pilots = pilots[pilots["pilot"] & pilots["provinces"].map(lambda ps: place.name in ps)]
    return None if pilots.empty else str(pilots["id"].iloc[0])


def _is_sample(data_dir: str | Path | None, relations_file: str | Path | None) -> bool:
    """Whether the firms and relations are the bundled synthetic sample's."""
    if relations_file:
        return False
    return data_dir is None or Path(data_dir).resolve() == SAMPLE_DIR.resolve()


@cached_analysis("value_chain_mapping")  # language-free: one result for every language
def analyse_value_chain_mapping(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
    year: int | None = None,
    delta: float = 0.3,
    relations_file: str | Path | None = None,
    tables: dict[str, pd.DataFrame] | None = None,
) -> ValueChainMapping:
    """Run the value-chain analysis of a province's pilot cluster (language-free).

    Parameters
    ----------
    province : str, int or Province
        Any spelling or code of a province; a province without a pilot cluster gets the
        input-output part (manufacturing) and a report that says the interviews are missing.
    cluster : str, optional
        Cluster id (:func:`clusterlib.nace.clusters`); default the province's pilot cluster.
    lang : {"tr", "en"}, default "tr"
        Language of the error messages only: the result is the same in every language (present it
        with :meth:`ValueChainMapping.present`).
    data_dir : path, optional
        Directory of the input tables; default the bundled sample.
    year : int, optional
        Employment year of the regionalisation; default the latest.
    delta : float, default 0.3
        FLQ's δ (:func:`~clusterlib.valuechain.regionalisation.regionalize`).
    relations_file : path, optional
        The cluster's interview relations as an edge list or an adjacency matrix (csv or xlsx,
        :func:`~clusterlib.valuechain.inputs.load_relations`), instead of the data folder's
        ``relations`` table.
    tables : dict, optional
        Already loaded tables (``firms``, ``relations``, ``io_table``, ``employment``).

    Returns
    -------
    ValueChainMapping
    """
    from clusterlib.data import load_tables
    from clusterlib.valuechain.inputs import load_relations

    check_language(lang)
    place = resolve_province(province)
    cluster_id = _cluster_of(place, cluster)
    if tables is None:
        required = ["firms"] + ([] if relations_file else ["relations"])
        tables = load_tables(data_dir or None, required=required, optional=["io_table", "employment"])
    firms = tables["firms"][tables["firms"]["cluster"] == cluster_id]
    if relations_file:
        relations = load_relations(relations_file)
    else:
        relations = tables["relations"][tables["relations"]["cluster"] == cluster_id]
    if firms.empty and cluster_id is not None:
        raise ValueError(f"the firm register has no firms of cluster {cluster_id!r}")

    G = firm_network(firms, relations)
    measures = network_measures(G)
    supply = nx.DiGraph()
    supply.add_nodes_from(G.nodes(data=True))
    supply.add_edges_from((u, v) for u, v, k in G.edges(data="kind") if k == "supply")
    core = core_periphery(G)
    dependence = sole_partners(G)
    measures = measures.join(brokerage_roles(supply, "stage").rename(columns={"total": "brokerage"}))
    measures["core"] = core.core.reindex(measures.index).fillna(False).astype(bool)
    measures = measures.join(dependence)
    in_register = measures[measures["in_register"]]
    hubs = tuple(
        in_register.sort_values(["degree", "betweenness"], ascending=False, kind="stable").index[:HUBS]
    )
    brokers = tuple(in_register[in_register["brokerage"] > 0].nlargest(HUBS, "brokerage").index)

    # without interviews the input-output part still runs, for manufacturing (section C)
    sector = nace.section_of(nace.cluster(cluster_id).main_division) if cluster_id else "C"
    notes = list(notes_of(G))
    io = province_io(tables, place, year, delta, notes)
    respondents = len({r for _, _, by in G.edges(data="reported_by") for r in (by or ())})
    summary = network_summary(G)
    flows, where = stage_flows(G), sourcing(G)
    linking = linking_firms(G)
    synthetic = _is_sample(data_dir, relations_file)
    findings = ValueChainFindings(
        *network_findings(
            G,
            summary,
            measures,
            dependence,
            core,
            (hubs, brokers),
            (flows, where, linking),
            respondents,
            synthetic,
        ),
        **io_findings(io, sector, place, delta),
        notes=NotesFinding(tuple(notes)),
    )
    return ValueChainMapping(
        province=place,
        cluster_id=cluster_id,
        sector=sector,
        year=io.year,
        delta=float(delta),
        lambda_flq=io.lambda_flq,
        graph=G,
        network=summary,
        measures=measures,
        core=core,
        flows=flows,
        sourcing=where,
        linking=linking,
        linkages=io.linkages,
        linkages_regional=io.linkages_regional,
        extraction=io.extraction,
        extraction_regional=io.extraction_regional,
        notes=tuple(notes),
        hubs=hubs,
        brokers=brokers,
        respondents=respondents,
        synthetic=synthetic,
        data_dir=Path(data_dir or SAMPLE_DIR),
        findings=findings,
        relations_file=Path(relations_file) if relations_file else None,
    )
