"""The monitoring and benchmarking step in a language: headings, sentences, tables and charts.

:func:`present` turns a language-free :class:`~clusterlib.monitoring.analysis.MonitoringBenchmarking`
into a :class:`MonitoringReport` in Turkish or English.  Nothing here computes a number: it names
indicators, sectors and areas, picks the sentence of the catalogue and gives every table column its
kind, so a Turkish and an English report of the same analysis show the same figures.  Notebook 04
only displays what the view returns, one call a cell.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from clusterlib import official
from clusterlib.config import SAMPLE_DIR
from clusterlib.i18n import check_language, t
from clusterlib.monitoring import charts as step_charts
from clusterlib.monitoring import presentation_tables as ptables
from clusterlib.monitoring.analysis import MonitoringBenchmarking
from clusterlib.monitoring.thresholds import THRESHOLDS
from clusterlib.monitoring.wording import a10_names
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table

__all__ = ["Headings", "MonitoringReport", "ReportFindings", "present"]


@dataclass(frozen=True)
class Headings:
    """The report's title, introduction and section headings in one language."""

    title: str
    intro: str
    plan: str
    trajectory: str
    national: str
    peers: str
    economy: str
    international: str
    management: str
    next: str


@dataclass(frozen=True)
class ReportFindings:
    """The findings of the step as sentences in the report's language (one per report section)."""

    plan: str
    trajectory: str
    national: str
    peers: str
    economy: str
    international: str
    management: str
    next_steps: str


def _headings(result: MonitoringBenchmarking, lang: str) -> Headings:
    values = {"province": result.province.name, "sector": result.sector_name(lang)}
    return Headings(**{name: t(f"monitoring.h.{name}", lang, **values) for name in Headings.__dataclass_fields__})


@dataclass(frozen=True, eq=False)
class MonitoringReport:
    """A :class:`MonitoringBenchmarking` in one language: what notebook 04 displays, cell by cell."""

    result: MonitoringBenchmarking
    lang: str
    headings: Headings
    findings: ReportFindings

    # ------------------------------------------------------------------------------------ notices
    @property
    def synthetic(self) -> bool:
        """Whether the report's data are the bundled synthetic sample."""
        return self.result.data_dir.resolve() == SAMPLE_DIR.resolve()

    @property
    def data_note(self) -> Notice | Omitted:
        """What is synthetic and what is official in this report (only on the bundled sample)."""
        if not self.synthetic:
            return Omitted("the report's data are the user's own")
        return Notice(t("monitoring.note.synthetic", self.lang))

    @property
    def thresholds(self) -> str | Omitted:
        """The status thresholds, in words (they are parameters, shown in the report); nothing without a plan."""
        if self.result.indicators.empty:
            return Omitted("no monitoring plan: no status to explain")
        return t("monitoring.thresholds", self.lang, amber=self.result.amber)

    def _source(self, key: str) -> str:
        return t(f"monitoring.source.{key}", self.lang)

    # ------------------------------------------------------------------------------------- tables
    def status_grid(self) -> Table | Omitted:
        """Indicators × years with status symbols and values (:func:`presentation_tables.status_grid`)."""
        return ptables.status_grid(self.result, self.lang)

    def monitoring_table(self, group: str = "count") -> Table | Notice | Omitted:
        """Latest status of the indicators measured in one unit kind: ``"count"``, ``"percent"``,
        ``"money"`` or ``"number"`` (:data:`~clusterlib.monitoring.presentation_tables.UNIT_GROUPS`)."""
        return ptables.monitoring_table(self.result, self.lang, group)

    def scorecard_table(self) -> Table:
        """Rank and percentile rank of each metric among the 81 provinces."""
        return ptables.scorecard_table(self.result, self.lang)

    def scorecard_values_table(self) -> Table:
        """The province's value of each metric beside the median of the 81 provinces."""
        return ptables.scorecard_values_table(self.result, self.lang)

    def peers_table(self) -> Table:
        """The province and its peers on the scorecard metrics."""
        return ptables.peers_table(self.result, self.lang)

    def economy_table(self) -> Table:
        """Structure and real growth of value added by A10 sector (TÜİK)."""
        return ptables.economy_table(self.result, self.lang)

    def gaps_table(self, group: str = "count") -> Table | Notice | Omitted:
        """International references and gaps for the indicators of one unit kind (as :meth:`monitoring_table`)."""
        return ptables.gaps_table(self.result, self.lang, group)

    def management_table(self) -> Table | Omitted:
        """The six ESCA areas against the label medians and the Gold threshold."""
        return ptables.management_table(self.result, self.lang)

    # ------------------------------------------------------------------------------------- charts
    def trajectories_chart(self) -> go.Figure | Omitted:
        """One panel per indicator: actual values, targets, straight path and latest trend (nothing without a
        plan: the section's finding says so)."""
        r = self.result
        if r.indicators.empty:
            return Omitted("no monitoring plan")
        return step_charts.trajectories_chart(r.plan, r.indicators, lang=self.lang, window=r.window,
                                              title=t("monitoring.chart.title.trajectories", self.lang),
                                              source=self._source("plan"))

    def scorecard_chart(self) -> go.Figure:
        """Percentile ranks of the national scorecard, with the quartile lines."""
        return step_charts.scorecard_chart(self.result.scorecard, lang=self.lang,
                                           title=t("monitoring.chart.title.scorecard", self.lang,
                                                   sector=self.result.sector_name(self.lang),
                                                   year=self.result.year),
                                           source=self._source("national"))

    def economy_chart(self) -> go.Figure:
        """Real growth of value added by A10 sector, the province against Türkiye (TÜİK)."""
        r = self.result
        source = f"{official.source('gva_a10_volume', self.lang)}, {THRESHOLDS.economy_start}–{THRESHOLDS.economy_end}"
        return step_charts.economy_chart(r.gva_growth, a10_names(self.lang), province=r.province.name,
                                         lang=self.lang, title=t("monitoring.chart.title.economy", self.lang,
                                                                 province=r.province.name),
                                         source=source)

    def gaps_chart(self) -> go.Figure | Omitted:
        """Relative gap to each international reference (nothing without one: the finding says so)."""
        if self.result.gaps.dropna(subset=["gap"]).empty:
            return Omitted("no international reference values")
        return step_charts.gaps_chart(self.result.gaps, lang=self.lang,
                                      title=t("monitoring.chart.title.gaps", self.lang),
                                      source=self._source("benchmarks"))

    def management_radar(self) -> go.Figure | Omitted:
        """The six ESCA areas: the cluster, the label medians and the Gold threshold (nothing without a
        self-assessment: the finding says so)."""
        r = self.result
        if r.management is None:
            return Omitted("no self-assessment of the cluster management")
        return step_charts.management_radar(r.management, gold=r.gold, lang=self.lang,
                                            title=t("monitoring.chart.title.management", self.lang),
                                            source=self._source("management"))

    def charts(self) -> dict[str, go.Figure | Omitted]:
        """Every chart of the report by name (for tests and exports)."""
        return {"trajectories": self.trajectories_chart(), "scorecard": self.scorecard_chart(),
                "economy": self.economy_chart(), "gaps": self.gaps_chart(), "management": self.management_radar()}

    def tables(self) -> dict[str, Table | Notice | Omitted]:
        """Every table of the report by name (for tests and exports)."""
        out: dict[str, Table | Notice | Omitted] = {"grid": self.status_grid()}
        out.update({f"monitoring_{g}": self.monitoring_table(g) for g in ptables.UNIT_GROUPS})
        out.update({"scorecard": self.scorecard_table(), "values": self.scorecard_values_table(),
                    "peers": self.peers_table(), "economy": self.economy_table()})
        out.update({f"gaps_{g}": self.gaps_table(g) for g in ptables.UNIT_GROUPS})
        out["management"] = self.management_table()
        return out


def present(result: MonitoringBenchmarking, lang: str) -> MonitoringReport:
    """Present a monitoring and benchmarking analysis in ``lang`` (``"tr"`` or ``"en"``); no number is recomputed.

    Examples
    --------
    >>> from clusterlib.monitoring import analyse_monitoring_benchmarking
    >>> view = present(analyse_monitoring_benchmarking("Samsun"), "en")
    >>> view.headings.plan, view.findings.plan.startswith("For 2024, of 9 indicators")
    ('Monitoring table', True)
    """
    lang = check_language(lang)
    f = result.findings
    findings = ReportFindings(
        plan=f.plan.text(lang), trajectory=f.trajectory.text(lang), national=f.national.text(lang),
        peers=f.peers.text(lang), economy=f.economy.text(lang), international=f.international.text(lang),
        management=f.management.text(lang), next_steps=f.next_steps.text(lang),
    )
    return MonitoringReport(result=result, lang=lang, headings=_headings(result, lang), findings=findings)
