"""The value-chain mapping in a language: headings, sentences, labelled tables and charts.

:func:`present` turns a language-free :class:`~clusterlib.valuechain.analysis.ValueChainMapping`
into a :class:`ValueChainReport` in Turkish or English.  Nothing here computes a number: it names
firms, stages and sectors, picks the sentences of the catalogue and gives every table column its
kind (:class:`clusterlib.report.tables.Table`), so a Turkish and an English report of the same
analysis show the same figures.  What a province's data leave no room for is
:class:`~clusterlib.report.Omitted` (said once, in the map section) or a
:class:`~clusterlib.report.Notice` in place.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd
import plotly.graph_objects as go

from clusterlib import nace
from clusterlib.i18n import check_language, t, turkish_capitalize
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table
from clusterlib.valuechain import charts, io_charts
from clusterlib.valuechain.analysis import ValueChainMapping
from clusterlib.valuechain.brokerage import ROLES
from clusterlib.valuechain.findings import sector_label, short_name, stage_name
from clusterlib.valuechain.thresholds import THRESHOLDS

__all__ = ["Headings", "ReportFindings", "ValueChainReport", "present"]

_NO_NETWORK = Omitted("no firm interviews: the network sections are left out (said once, in the map section)")
_NO_TIES = Omitted(
    "no ties reported: no central firm and no network structure to measure (the finding says so)"
)
_NO_SUPPLY = Omitted("no supply ties: no flow between stages to draw (the finding says so)")
_NO_BROKER = Omitted("no firm brokers supply: no brokerage to draw (the finding says so)")


@dataclass(frozen=True)
class Headings:
    """The report's headings; a network section of a province without firm interviews is omitted."""

    title: str
    intro: str
    map: str
    central: str | Omitted
    structure: str | Omitted
    chain: str | Omitted
    io: str
    key: str
    extraction: str
    notes: str | Omitted


@dataclass(frozen=True)
class ReportFindings:
    """The findings as sentences in the report's language, one per section part."""

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


def capitalize(text: str, lang: str) -> str:
    """First letter upper-case, as every table cell starts (Turkish rules in Turkish: i → İ).

    Examples
    --------
    >>> capitalize("ileri bağlantı", "tr"), capitalize("main manufacturers", "en")
    ('İleri bağlantı', 'Main manufacturers')
    """
    return turkish_capitalize(text) if lang == "tr" else text[:1].upper() + text[1:]


@dataclass(frozen=True, eq=False)
class ValueChainReport:
    """A :class:`ValueChainMapping` in one language: what the notebook displays, cell by cell."""

    mapping: ValueChainMapping
    lang: str
    headings: Headings
    findings: ReportFindings

    # ------------------------------------------------------------------------------------ sources
    @property
    def network_source(self) -> str:
        """The source line of the network figures (the interviews; the synthetic mark on the sample)."""
        key = (
            "valuechain.source.interviews_sample"
            if self.mapping.synthetic
            else "valuechain.source.interviews"
        )
        return t(key, self.lang)

    @property
    def io_source(self) -> str:
        """The source line of the input-output figures: Türkiye's (national) table."""
        key = "valuechain.source.io_sample" if self.mapping.synthetic else "valuechain.source.io"
        return t(key, self.lang, delta=self.mapping.delta)

    # ------------------------------------------------------------------------------------- charts
    def cluster_map(self) -> go.Figure | Omitted:
        """The firm network by value-chain stage; hubs and brokers ringed, a few names written."""
        m = self.mapping
        if not m.interviewed:
            return _NO_NETWORK
        return charts.cluster_map(
            m.graph, m.measures, hubs=m.hubs, brokers=m.brokers, lang=self.lang,
            title=t("valuechain.title.map", self.lang), source=self.network_source,
        )  # fmt: skip

    def brokerage_chart(self) -> go.Figure | Omitted:
        """The firms that broker most, by Gould–Fernandez role."""
        m = self.mapping
        if not m.interviewed:
            return _NO_NETWORK
        if not (m.measures["brokerage"] > 0).any():
            return _NO_BROKER
        return charts.brokerage_chart(
            m.measures,
            lang=self.lang,
            title=t("valuechain.title.brokerage", self.lang),
            source=self.network_source,
        )

    def stage_sankey(self) -> go.Figure | Omitted:
        """Supply ties between value-chain stages, sourcing holes named."""
        m = self.mapping
        if not m.interviewed:
            return _NO_NETWORK
        if m.flows.empty:
            return _NO_SUPPLY
        return charts.stage_sankey(
            m.flows,
            m.sourcing,
            lang=self.lang,
            title=t("valuechain.title.sankey", self.lang),
            source=self.network_source,
        )

    def linkages_chart(self) -> go.Figure:
        """Backward linkages of every section, Türkiye against the province (FLQ)."""
        m = self.mapping
        return io_charts.linkages_chart(
            m.linkages, m.linkages_regional, sector=m.sector, delta=m.delta, lang=self.lang,
            title=t("valuechain.title.linkages", self.lang, province=m.province.name), source=self.io_source,
        )  # fmt: skip

    def key_sector_chart(self) -> go.Figure:
        """Power against sensitivity of dispersion, national."""
        m = self.mapping
        return io_charts.key_sector_chart(
            m.linkages,
            sector=m.sector,
            lang=self.lang,
            title=t("valuechain.title.key", self.lang),
            source=self.io_source,
        )

    def extraction_chart(self) -> go.Figure:
        """Output lost without each section, in the province and in Türkiye."""
        m = self.mapping
        return io_charts.extraction_chart(
            m.extraction, m.extraction_regional, sector=m.sector, delta=m.delta, lang=self.lang,
            title=t("valuechain.title.extraction", self.lang, province=m.province.name), source=self.io_source,
        )  # fmt: skip

    # ------------------------------------------------------------------------------------- tables
    def _labels(self, ids: list[str]) -> dict[str, str]:
        return {c: t(f"valuechain.col.{c}", self.lang) for c in ids}

    def central_table(self) -> Table | Omitted:
        """The most central firms and the brokers with their main role."""
        m, lang = self.mapping, self.lang
        if not m.interviewed:
            return _NO_NETWORK
        if m.network.ties == 0:  # degree 0 everywhere: no firm is central
            return _NO_TIES
        firms = m.measures[m.measures["in_register"]]
        top = THRESHOLDS.central_rows
        chosen = list(dict.fromkeys([*m.hubs, *m.brokers, *firms.nlargest(top, "betweenness").index]))[:top]
        rows = firms.loc[chosen]
        role = rows[list(ROLES)].idxmax(axis=1).where(rows["brokerage"] > 0)
        frame = pd.DataFrame(
            {
                "firm": [short_name(n, 30) for n in rows["name"]],
                "stage": [capitalize(stage_name(s, lang), lang) for s in rows["stage"]],
                "degree": rows["degree"].to_numpy(dtype=int),
                "betweenness": rows["betweenness"].to_numpy(dtype=float),
                "constraint": rows["constraint"].to_numpy(dtype=float),
                "brokerage": rows["brokerage"].to_numpy(dtype=int),
                "role": [
                    capitalize(t(f"valuechain.role.{r}", lang), lang) if isinstance(r, str) else "–"
                    for r in role
                ],
                "dependents": (rows["customers_lost"] + rows["suppliers_lost"]).to_numpy(dtype=int),
            }
        )
        kinds = {"firm": "text", "stage": "text", "degree": "count", "betweenness": "ratio:3", "constraint": "ratio:2",
                 "brokerage": "count", "role": "text", "dependents": "count"}  # fmt: skip
        return Table(
            frame, lang, caption=t("valuechain.caption.central", lang), kinds=kinds,
            labels=self._labels(list(kinds)), sheet=t("valuechain.sheet.central", lang),
        )  # fmt: skip

    def structure_table(self) -> Table | Omitted:
        """The whole-network measures, one column each (numbers kept as numbers)."""
        m, lang = self.mapping, self.lang
        if not m.interviewed:
            return _NO_NETWORK
        if m.network.ties == 0:
            return _NO_TIES
        s = m.network
        values = {"density": s.density, "components": s.components, "reciprocity": s.reciprocity,
                  "core_fit": m.core.fit, "ei": s.ei_index, "local": s.local_share,
                  "vertical": s.vertical_share}  # fmt: skip
        kinds = {"density": "percent:1", "components": "count", "reciprocity": "percent:1", "core_fit": "ratio:2",
                 "ei": "ratio:2", "local": "percent:0", "vertical": "percent:0"}  # fmt: skip
        frame = pd.DataFrame({k: [float(v)] for k, v in values.items()})
        frame["components"] = frame["components"].astype(int)
        return Table(
            frame, lang, caption=t("valuechain.caption.structure", lang), kinds=kinds,
            labels={k: t(f"valuechain.measure.{k}", lang) for k in kinds}, sheet=t("valuechain.sheet.structure", lang),
        )  # fmt: skip

    def linkages_table(self) -> Table | Notice:
        """Backward and forward linkages of every section, Türkiye and the province, cluster sector first."""
        m, lang = self.mapping, self.lang
        if m.linkages.empty:
            return Notice(t("valuechain.finding.io_missing", lang))
        order = [m.sector, *[s for s in m.linkages.index if s != m.sector]]
        nat, reg = m.linkages.loc[order], m.linkages_regional.reindex(order)
        frame = pd.DataFrame(
            {
                "sector": [sector_label(s, lang) for s in order],
                "backward_national": nat["backward"].to_numpy(dtype=float),
                "backward_regional": reg["backward"].to_numpy(dtype=float),
                "forward_national": nat["forward"].to_numpy(dtype=float),
                "forward_regional": reg["forward"].to_numpy(dtype=float),
            }
        )
        national, regional = t("valuechain.col.national", lang), t("valuechain.col.regional", lang)
        labels = {"sector": t("valuechain.col.sector", lang)}
        for direction in ("backward", "forward"):
            name = t(f"valuechain.col.{direction}", lang)
            labels[f"{direction}_national"] = f"{name} – {national}"
            labels[f"{direction}_regional"] = f"{name} – {regional}"
        kinds = {c: ("text" if c == "sector" else "ratio:3") for c in frame.columns}
        return Table(
            frame, lang, caption=t("valuechain.caption.linkages", lang, province=m.province.name), kinds=kinds,
            labels=labels, sheet=t("valuechain.sheet.linkages", lang),
        )  # fmt: skip

    # ------------------------------------------------------------------------------------ listing
    def tables(self) -> dict[str, Table | Notice | Omitted]:
        """Every table of the report by name (for tests and exports)."""
        return {
            "central": self.central_table(),
            "structure": self.structure_table(),
            "linkages": self.linkages_table(),
        }

    def figures(self) -> dict[str, go.Figure | Omitted]:
        """Every chart of the report by name."""
        return {
            "cluster_map": self.cluster_map(),
            "brokerage": self.brokerage_chart(),
            "sankey": self.stage_sankey(),
            "linkages": self.linkages_chart(),
            "key_sector": self.key_sector_chart(),
            "extraction": self.extraction_chart(),
        }


def _headings(m: ValueChainMapping, lang: str) -> Headings:
    cluster = nace.cluster(m.cluster_id).name(lang=lang) if m.cluster_id else ""
    fields_ = {"province": m.province.name, "cluster": cluster}
    network = {k: t(f"valuechain.h.{k}", lang, **fields_) if m.interviewed else _NO_NETWORK
               for k in ("central", "structure", "chain")}  # fmt: skip
    notes: str | Omitted = t("valuechain.h.notes", lang)
    if not m.interviewed and not m.notes:
        notes = Omitted("no interview data and nothing noted about the data")
    return Headings(
        title=t("valuechain.h.title" if m.cluster_id else "valuechain.h.title_no_cluster", lang, **fields_),
        intro=t("valuechain.h.intro", lang),
        map=t("valuechain.h.map", lang),
        io=t("valuechain.h.io", lang, **fields_),
        key=t("valuechain.h.key", lang),
        extraction=t("valuechain.h.extraction", lang),
        notes=notes,
        **network,
    )


def present(mapping: ValueChainMapping, lang: str) -> ValueChainReport:
    """Present a value-chain mapping in ``lang`` (``"tr"`` or ``"en"``); no number is recomputed.

    Examples
    --------
    >>> from clusterlib.valuechain import analyse_value_chain_mapping
    >>> view = present(analyse_value_chain_mapping("Trabzon"), "en")
    >>> view.headings.map, view.findings.linkages.startswith("Each 1 TRY of final demand")
    ('The cluster map', True)
    """
    lang = check_language(lang)
    f = mapping.findings
    texts: dict[str, str | Omitted] = {}
    for field in fields(f):
        finding = getattr(f, field.name)
        texts[field.name] = _NO_NETWORK if finding is None else finding.text(lang)
    if not mapping.interviewed and not mapping.notes:
        texts["notes"] = Omitted("no interview data to fault")
    return ValueChainReport(
        mapping=mapping, lang=lang, headings=_headings(mapping, lang), findings=ReportFindings(**texts)
    )
