"""The value-chain step for one pilot province, end to end: what the notebook shows.

:func:`analyse_value_chain_mapping` reads the firm register, the interview relations, the national
input-output table and the employment table; builds the firm network of the province's pilot
cluster and measures it; maps the value chain by stage; computes the input-output linkages of the
cluster's sector nationally and regionalised for the province (FLQ), and hypothetical extraction;
and writes the findings.  The notebook ``03_value_chain_mapping`` only chooses what to display.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx
import pandas as pd

from clusterlib import nace
from clusterlib.config import SAMPLE_DIR
from clusterlib.i18n import check_language, format_number, format_percent, t
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.report.display import Omitted
from clusterlib.resultcache import cached_analysis
from clusterlib.valuechain import findings as words
from clusterlib.valuechain.brokerage import ROLES, brokerage_roles
from clusterlib.valuechain.coreperiphery import CorePeriphery, core_periphery
from clusterlib.valuechain.inputoutput import (
    hypothetical_extraction,
    io_linkages,
    regionalize,
    technical_coefficients,
)
from clusterlib.valuechain.inputs import Note, io_matrices, load_relations
from clusterlib.valuechain.network import (
    NetworkSummary,
    firm_network,
    network_measures,
    network_summary,
    notes_of,
    sole_partners,
)
from clusterlib.valuechain.stages import linking_firms, sourcing, stage_flows

__all__ = ["HUBS", "ValueChainFindings", "ValueChainMapping", "analyse_value_chain_mapping"]

#: How many firms the report marks as hubs (most partners) and as brokers (most brokered pairs).
HUBS = 5


@dataclass(frozen=True)
class ValueChainFindings:
    """The report's sentences, one named field per section (in the analysis' language).

    Without firm interviews ``network`` says so once and the other network findings are
    :class:`~clusterlib.report.Omitted` (as are ``notes`` when there is nothing to note)."""

    network: str
    central: str | Omitted
    dependence: str | Omitted
    core: str | Omitted
    local: str | Omitted
    integration: str | Omitted
    chain: str | Omitted
    linkages: str
    key_sector: str
    extraction: str
    notes: str | Omitted


#: What the report leaves out for a province without firm interviews (said once, in the map section).
_NO_NETWORK = Omitted("no firm interviews: the network sections are left out")
_NETWORK_SECTIONS = ("central", "structure", "chain")
#: What the tables leave out when the firms reported no tie (interviews not done yet).
_NO_TIES = Omitted("no ties reported: no central firm and no network structure to measure")


@dataclass(frozen=True)
class ValueChainMapping:
    """Everything the value-chain report shows for one province's pilot cluster.

    ``measures`` holds one row per node (firms and partners) with the centrality, structural-hole,
    brokerage (``ROLES`` and ``brokerage``), core (bool) and dependence columns; ``linkages`` and
    ``extraction`` are national, ``linkages_regional`` and ``extraction_regional`` for the
    province (FLQ with ``delta``; ``lambda_flq`` is λ*).
    """

    province: Province
    cluster_id: str | None  # None: the province has no firm interviews
    cluster_name: str
    sector: str
    lang: str
    year: int
    delta: float
    lambda_flq: float
    graph: nx.DiGraph
    summary: NetworkSummary
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
    data_dir: Path
    findings: ValueChainFindings
    relations_file: Path | None = None

    def summary_line(self) -> str:
        """One deterministic line (checked by nbval): province, cluster, firms, ties, hubs.

        Examples
        --------
        >>> analyse_value_chain_mapping("Trabzon").summary_line()
        'Trabzon trabzon_shipbuilding: 64 firms, 211 ties, hubs TRB-015, TRB-037, TRB-039, TRB-005, TRB-036'
        """
        s = self.summary
        return f"{self.province.name} {self.cluster_id}: {s.firms} firms, {s.ties} ties, hubs {', '.join(self.hubs)}"

    def heading(self, key: str) -> str | Omitted:
        """A section heading in the report's language (``"map"``, ``"io"``…); without firm interviews
        the network sections after the map (``"central"``, ``"structure"``, ``"chain"``) are omitted,
        and so are the data notes when there is none to give."""
        if self.graph.number_of_nodes() == 0 and (
            key in _NETWORK_SECTIONS or (key == "notes" and isinstance(self.findings.notes, Omitted))
        ):
            return _NO_NETWORK
        if key == "title" and not self.cluster_id:
            return t("valuechain.h.title_no_cluster", self.lang, province=self.province.name)
        return t(f"valuechain.h.{key}", self.lang, province=self.province.name, cluster=self.cluster_name)

    def sector_name(self, section: str | None = None) -> str:
        """The name of an IO section (default: the cluster's) in the report's language."""
        return nace.name(section or self.sector, lang=self.lang)

    def central_table(self, top: int = 10) -> pd.DataFrame | Omitted:
        """The most central firms and the brokers with their main role, in the report's language."""
        lang = self.lang
        if self.graph.number_of_nodes() == 0:
            return _NO_NETWORK
        if self.graph.number_of_edges() == 0:  # degree 0 everywhere: no firm is central
            return _NO_TIES
        m = self.measures[self.measures["in_register"]]
        chosen = list(dict.fromkeys([*self.hubs, *self.brokers, *m.nlargest(top, "betweenness").index]))[:top]
        rows = m.loc[chosen]
        role = rows[list(ROLES)].idxmax(axis=1).where(rows["brokerage"] > 0)
        return pd.DataFrame(
            {
                t("valuechain.col.firm", lang): [words.short_name(n, 30) for n in rows["name"]],
                t("valuechain.col.stage", lang): [words.stage_name(s, lang) for s in rows["stage"]],
                t("valuechain.col.degree", lang): rows["degree"].to_numpy(),
                t("valuechain.col.betweenness", lang): rows["betweenness"].round(3).to_numpy(),
                t("valuechain.col.constraint", lang): rows["constraint"].round(2).to_numpy(),
                t("valuechain.col.brokerage", lang): rows["brokerage"].to_numpy(),
                t("valuechain.col.role", lang): [
                    t(f"valuechain.role.{r}", lang) if isinstance(r, str) else "–" for r in role
                ],
                t("valuechain.col.dependents", lang): (
                    rows["customers_lost"] + rows["suppliers_lost"]
                ).to_numpy(),
            }
        )

    def structure_table(self) -> pd.DataFrame | Omitted:
        """The whole-network measures as a two-column table."""
        if self.graph.number_of_nodes() == 0:  # a density of 0 would read as a measured empty network
            return _NO_NETWORK
        if self.graph.number_of_edges() == 0:
            return _NO_TIES
        lang, s = self.lang, self.summary
        rows = [
            ("density", format_percent(s.density, lang, decimals=1)),
            ("components", format_number(s.components, lang)),
            ("reciprocity", format_percent(s.reciprocity, lang, decimals=1)),
            ("core_fit", format_number(self.core.fit, lang, decimals=2)),
            ("ei", format_number(s.ei_index, lang, decimals=2)),
            ("local", format_percent(s.local_share, lang, decimals=0)),
            ("vertical", format_percent(s.vertical_share, lang, decimals=0)),
        ]
        return pd.DataFrame(
            {
                t("valuechain.col.measure", lang): [t(f"valuechain.measure.{k}", lang) for k, _ in rows],
                t("valuechain.col.value", lang): [v for _, v in rows],
            }
        )

    def linkages_table(self) -> pd.DataFrame:
        """Backward and forward linkages of every section, national and regional, cluster sector first
        (the dispersion indices are in the key-sector chart)."""
        lang = self.lang
        if self.linkages.empty:
            return pd.DataFrame(
                {t("valuechain.col.sector", lang): [t("valuechain.finding.io_missing", lang)]}
            )
        order = [self.sector, *[s for s in self.linkages.index if s != self.sector]]
        nat, reg = self.linkages.loc[order], self.linkages_regional.reindex(order)
        national, regional = t("valuechain.col.national", lang), t("valuechain.col.regional", lang)
        return pd.DataFrame(
            {
                t("valuechain.col.sector", lang): [f"{s} {nace.name(s, lang=lang)}" for s in order],
                f"{t('valuechain.col.backward', lang)} – {national}": nat["backward"].round(3).to_numpy(),
                f"{t('valuechain.col.backward', lang)} – {regional}": reg["backward"].round(3).to_numpy(),
                f"{t('valuechain.col.forward', lang)} – {national}": nat["forward"].round(3).to_numpy(),
                f"{t('valuechain.col.forward', lang)} – {regional}": reg["forward"].round(3).to_numpy(),
            }
        )

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
            "lang": self.lang,
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
            "linkages": self.linkages.join(self.linkages_regional, rsuffix="_regional"),
            "extraction": self.extraction.join(self.extraction_regional, rsuffix="_regional"),
        }
        return save_tables("value_chain_mapping", self.province, tables, processed_dir, qualifier=self.cluster_id)

def _cluster_of(place: Province, cluster: str | None) -> str | None:
    """The cluster id asked for, else the province's pilot cluster, else None (no firm interviews)."""
    if cluster:
        nace.cluster(cluster)  # raises for an unknown id
        return cluster
    pilots = nace.clusters()
    pilots = pilots[pilots["pilot"] & pilots["provinces"].map(lambda ps: place.name in ps)]
    return None if pilots.empty else str(pilots["id"].iloc[0])


def _regional_employment(employment: pd.DataFrame, place: Province, year: int) -> tuple[pd.Series, pd.Series]:
    frame = employment[employment["year"] == year]
    sections = frame["nace"].map(nace.section_of)
    national = frame.groupby(sections)["employment"].sum().astype(float)
    regional = frame[frame["plate"] == place.plate].groupby(sections)["employment"].sum().astype(float)
    return regional.reindex(national.index, fill_value=0.0), national


@cached_analysis("value_chain_mapping", language_free=False)  # holds its sentences in ``lang``
def analyse_value_chain_mapping(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    lang: str = "tr",
    data_dir: str | Path | None = None,
    year: int | None = None,
    delta: float = 0.3,
    relations_file: str | Path | None = None,
    tables: dict[str, pd.DataFrame] | None = None,
) -> ValueChainMapping:
    """Run the value-chain analysis of a province's pilot cluster.

    Parameters
    ----------
    province : str, int or Province
        Any spelling or code of a pilot province.
    cluster : str, optional
        Cluster id (:func:`clusterlib.nace.clusters`); default the province's pilot cluster.
    lang : {"tr", "en"}
    data_dir : path, optional
        Directory of the input tables; default the bundled sample.
    year : int, optional
        Employment year of the regionalisation; default the latest.
    delta : float, default 0.3
        FLQ's δ (:func:`~clusterlib.valuechain.inputoutput.regionalize`).
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

    lang = check_language(lang)
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
    summary = network_summary(G)
    measures = network_measures(G)
    supply = nx.DiGraph()
    supply.add_nodes_from(G.nodes(data=True))
    supply.add_edges_from((u, v) for u, v, k in G.edges(data="kind") if k == "supply")
    roles = brokerage_roles(supply, "stage")
    core = core_periphery(G)
    dependence = sole_partners(G)
    measures = measures.join(roles.rename(columns={"total": "brokerage"}))
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
    io = _input_output(tables, place, year, delta, notes)
    linkages, extraction, linkages_regional, extraction_regional, lambda_flq, year = io

    mapping = ValueChainMapping(
        province=place,
        cluster_id=cluster_id,
        cluster_name=nace.cluster(cluster_id).name(lang=lang) if cluster_id else "",
        sector=sector,
        lang=lang,
        year=year,
        delta=float(delta),
        lambda_flq=lambda_flq,
        graph=G,
        summary=summary,
        measures=measures,
        core=core,
        flows=stage_flows(G),
        sourcing=sourcing(G),
        linking=linking_firms(G),
        linkages=linkages,
        linkages_regional=linkages_regional,
        extraction=extraction,
        extraction_regional=extraction_regional,
        notes=tuple(notes),
        hubs=hubs,
        brokers=brokers,
        data_dir=Path(data_dir or SAMPLE_DIR),
        findings=ValueChainFindings(*([""] * 11)),
        relations_file=Path(relations_file) if relations_file else None,
    )
    return _with_findings(mapping, dependence)


_LINKAGE_COLUMNS = ["backward", "forward", "power_of_dispersion", "sensitivity_of_dispersion", "key_sector"]


def _input_output(tables, place: Province, year: int | None, delta: float, notes: list[Note]):
    """National and regional linkages and extraction; NaN frames (and a note) for a missing table."""
    if "io_table" not in tables:
        notes.append(Note("missing_io", ("io_table",)))
        empty = pd.DataFrame(columns=_LINKAGE_COLUMNS, index=pd.Index([], name="sector"), dtype=float)
        loss = pd.DataFrame(columns=["output_loss", "output_loss_share"], index=empty.index, dtype=float)
        return empty, loss, empty, loss, float("nan"), int(year or 0)
    z, x, _ = io_matrices(tables["io_table"])
    linkages = io_linkages(z, x)
    if linkages.attrs.get("no_output"):
        notes.append(Note("zero_output", tuple(linkages.attrs["no_output"])))
    extraction = hypothetical_extraction(z, x)
    if "employment" not in tables:
        notes.append(Note("missing_employment", ("employment",)))
        return (
            linkages,
            extraction,
            linkages * float("nan"),
            extraction * float("nan"),
            float("nan"),
            int(year or 0),
        )
    year = int(year if year is not None else tables["employment"]["year"].max())
    regional_emp, national_emp = _regional_employment(tables["employment"], place, year)
    a_regional = regionalize(technical_coefficients(z, x), regional_emp, national_emp, delta=delta)
    x_regional = x * (regional_emp / national_emp).reindex(z.index).fillna(0.0)
    z_regional = a_regional * x_regional.to_numpy()[None, :]
    try:
        linkages_regional = io_linkages(z_regional, x_regional)
        absent = [
            s for s in linkages_regional.attrs.get("no_output", []) if s not in linkages.attrs["no_output"]
        ]
        if absent:
            notes.append(Note("regional_zero_output", tuple(absent)))
        extraction_regional = hypothetical_extraction(z_regional, x_regional)
    except ValueError as err:
        notes.append(Note("regional", (str(err),)))
        linkages_regional, extraction_regional = linkages * float("nan"), extraction * float("nan")
    return (
        linkages,
        extraction,
        linkages_regional,
        extraction_regional,
        float(a_regional.attrs["lambda"]),
        year,
    )


def _with_findings(m: ValueChainMapping, dependence: pd.DataFrame) -> ValueChainMapping:
    lang = m.lang
    if m.graph.number_of_nodes() == 0:  # no firm interviews: say so once, where the map would be
        missing = words.tidy(t("valuechain.finding.no_interviews", lang))
        io_texts = [words.tidy(text) for text in _io_findings(m)]
        notes = (
            words.tidy(_notes_text(m.notes, lang)) if m.notes else _NO_NETWORK
        )  # no interview data to fault
        findings = ValueChainFindings(missing, *[_NO_NETWORK] * 6, *io_texts, notes)
        return replace(m, findings=findings)
    name = m.measures["name"]
    top_broker = m.brokers[0] if m.brokers else None
    broker_row = m.measures.loc[top_broker] if top_broker is not None else None
    role = str(broker_row[list(ROLES)].astype(int).idxmax()) if broker_row is not None else ""
    local_firms = dependence[m.measures.loc[dependence.index, "in_register"].to_numpy()]
    lost = local_firms["customers_lost"] + local_firms["suppliers_lost"]
    if len(lost) and lost.iloc[0] > 0:
        key = lost.index[0]
        dependence_text = words.dependence_finding(
            name[key],
            int(local_firms.loc[key, "customers_lost"]),
            int(local_firms.loc[key, "suppliers_lost"]),
            lang=lang,
        )
    else:
        dependence_text = words.dependence_finding(None, 0, 0, lang=lang)
    core_names = [name[v] for v in m.core.core.index[m.core.core]]
    io_texts = _io_findings(m)
    findings = ValueChainFindings(
        network=words.network_finding(m.summary, lang=lang),
        central=words.central_finding(
            [name[h] for h in m.hubs[:3]],
            name[top_broker] if top_broker is not None else None,
            int(broker_row["brokerage"]) if broker_row is not None else 0,
            role,
            lang=lang,
        )
        if m.summary.ties
        else t("valuechain.finding.no_ties", lang),
        dependence=dependence_text,
        core=words.core_finding(m.core.size, m.core.fit, core_names, lang=lang),
        local=words.local_finding(m.summary, lang=lang),
        integration=words.vertical_finding(m.summary, len(m.linking), lang=lang),
        chain=words.chain_finding(m.flows, m.sourcing, lang=lang),
        linkages=io_texts[0],
        key_sector=io_texts[1],
        extraction=io_texts[2],
        notes=_notes_text(m.notes, lang),
    )
    tidied = ValueChainFindings(**{k: words.tidy(v) for k, v in findings.__dict__.items()})
    return replace(m, findings=tidied)


def _io_findings(m: ValueChainMapping) -> tuple[str, str, str]:
    """The input-output sentences: linkages, key sector, extraction (or what was left out)."""
    lang = m.lang
    if m.sector not in m.linkages.index:
        left_out = t("valuechain.finding.io_missing", lang)
        return left_out, left_out, left_out
    sector = m.sector_name()
    nat, reg = m.linkages.loc[m.sector], m.linkages_regional.reindex([m.sector]).iloc[0]
    regional = bool(pd.notna(reg["backward"]))
    keys = (
        ", ".join(f"{s} {nace.name(s, lang=lang)}" for s in m.linkages.index[m.linkages["key_sector"]]) or "–"
    )
    fields = {"sector": sector, "province": m.province.name}
    linkages = t(
        "valuechain.finding.linkages" if regional else "valuechain.finding.linkages_national",
        lang,
        national=format_number(nat["backward"], lang, decimals=2),
        regional=format_number(reg["backward"], lang, decimals=2),
        delta=format_number(m.delta, lang, decimals=2),
        **fields,
    )
    key_sector = t(
        f"valuechain.finding.{'key_sector' if bool(nat['key_sector']) else 'not_key_sector'}",
        lang,
        sector=sector,
        power=format_number(nat["power_of_dispersion"], lang, decimals=2),
        sensitivity=format_number(nat["sensitivity_of_dispersion"], lang, decimals=2),
        keys=keys,
    )
    national_loss = format_percent(m.extraction.loc[m.sector, "output_loss_share"], lang, decimals=0)
    extraction = t(
        "valuechain.finding.extraction" if regional else "valuechain.finding.extraction_national",
        lang,
        share=format_percent(
            m.extraction_regional["output_loss_share"].get(m.sector, float("nan")), lang, decimals=0
        ),
        national=national_loss,
        **fields,
    )
    return linkages, key_sector, extraction


def _notes_text(notes: tuple[Note, ...], lang: str) -> str:
    if not notes:
        return t("valuechain.finding.no_notes", lang)
    parts = []
    for note in notes:
        shown = ", ".join(note.items[:5]) + (" …" if len(note.items) > 5 else "")
        parts.append(
            t(f"valuechain.note.{note.kind}", lang, n=format_number(len(note.items), lang), items=shown)
        )
    return t("valuechain.finding.notes", lang, notes="; ".join(parts) + ".")
