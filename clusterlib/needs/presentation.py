"""The needs assessment in a language: headings, sentences, labelled tables and charts.

:func:`present` turns a language-free :class:`~clusterlib.needs.analysis.NeedsAssessment` into a
:class:`NeedsReport` in Turkish or English.  Nothing here computes a number: it words the findings,
names the columns and draws the charts, so a Turkish and an English report show the same figures.
Without a survey (or with too few answering firms) the report says why once
(:attr:`ReportFindings.survey`) and leaves the survey sections out (:class:`~clusterlib.report.Omitted`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from clusterlib.i18n import check_language, t
from clusterlib.needs import charts, context_charts, report_tables
from clusterlib.needs.analysis import NeedsAssessment
from clusterlib.needs.labels import cluster_name
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table

__all__ = ["Headings", "NeedsReport", "ReportFindings", "present"]

_NO_SURVEY = Omitted("no survey, or too few answering firms: the report says so once (findings.survey)")
_NO_ACTORS = Omitted("no local actor in the register: the actors finding says so")


@dataclass(frozen=True)
class Headings:
    """The report's section headings in its language (``Omitted`` for a section that does not apply)."""

    title: str
    intro: str
    context: str
    actors: str
    grid: str | Omitted
    firms: str | Omitted
    response: str | Omitted
    answers: str | Omitted
    top: str | Omitted
    groups: str | Omitted
    clusters: str | Omitted
    reliability: str | Omitted
    waves: str | Omitted
    summary: str
    programmes: str | Omitted
    programmes_note: str | Omitted
    notes: str


@dataclass(frozen=True)
class ReportFindings:
    """The findings as sentences in the report's language, one per section.

    ``survey`` says once why the survey sections are missing (an :class:`Omitted` when they are not).
    """

    context: str
    actors: str
    grid: str | Omitted
    firms: str | Omitted
    survey: Notice | Omitted
    response: str | Omitted
    items: str | Omitted
    top: str | Omitted
    by_size: str | Omitted
    by_stage: str | Omitted
    by_cluster: str | Omitted
    reliability: str | Omitted
    waves: str | Omitted
    summary: str


def _text(finding: Any, lang: str) -> str | Omitted:
    return _NO_SURVEY if finding is None else finding.text(lang)


@dataclass(frozen=True, eq=False)
class NeedsReport:
    """A :class:`NeedsAssessment` in one language: what the notebook displays, cell by cell."""

    assessment: NeedsAssessment
    lang: str
    headings: Headings
    findings: ReportFindings

    # ------------------------------------------------------------------------------------ charts
    def _chart(self, draw: Callable[..., go.Figure], *args: object, when: bool = True) -> go.Figure | Omitted:
        return draw(self.assessment, self.lang, *args) if when else _NO_SURVEY

    def population_chart(self) -> go.Figure:
        """Registered population of the province (TÜİK ADNKS)."""
        return context_charts.population_chart(self.assessment, self.lang)

    def gdp_chart(self) -> go.Figure:
        """GDP per capita: province, its NUTS-2 region and Türkiye (TÜİK)."""
        return context_charts.gdp_chart(self.assessment, self.lang)

    def labour_chart(self) -> go.Figure:
        """Employment and unemployment rates with their 95 % intervals (TÜİK LFS)."""
        return context_charts.labour_chart(self.assessment, self.lang)

    def actor_map(self) -> go.Figure | Omitted:
        """The local actors on the province map."""
        return context_charts.actor_map(self.assessment, self.lang) if len(self.assessment.register) else _NO_ACTORS

    def mendelow_chart(self) -> go.Figure | Omitted:
        """The actors on Mendelow's influence–interest grid."""
        return context_charts.mendelow_chart(self.assessment, self.lang) if len(self.assessment.grid) else _NO_ACTORS

    def firms_chart(self) -> go.Figure | Omitted:
        """The cluster's firms by size, age, stage and export share."""
        return self._chart(context_charts.firms_chart, when=not self.assessment.firms.empty)

    def diverging_chart(self) -> go.Figure | Omitted:
        """Answers to every statement, centred on the neutral answer."""
        return self._chart(charts.diverging_chart, when=self.assessment.has_survey)

    def needs_chart(self) -> go.Figure | Omitted:
        """Needs ranked with their intervals; gaps marked."""
        return self._chart(charts.needs_chart, when=self.assessment.has_survey)

    def groups_chart(self, by: str = "size") -> go.Figure | Omitted:
        """Share agreeing per need area and firm size (``by="size"``) or value-chain stage (``"stage"``)."""
        return self._chart(charts.groups_chart, by, when=self.assessment.has_survey)

    def clusters_chart(self) -> go.Figure | Omitted:
        """Share agreeing per need area in every cluster of the survey."""
        a = self.assessment
        return self._chart(charts.clusters_chart, when=a.has_survey and not a.by_cluster.empty)

    def waves_chart(self) -> go.Figure | Omitted:
        """Share agreeing with each statement in the two waves (a single wave: nothing, the finding says so)."""
        a = self.assessment
        if a.has_survey and a.waves is None:
            return Omitted("a single survey wave: the finding says so")
        return self._chart(charts.waves_chart, when=a.has_survey)

    # ------------------------------------------------------------------------------------ tables
    def _table(self, build: Callable[..., Table], when: bool = True) -> Table | Omitted:
        return build(self.assessment, self.lang) if when else _NO_SURVEY

    def matrix_table(self) -> Table | Omitted:
        """Actor × function matrix, with the number of actors per function."""
        return report_tables.matrix_table(self.assessment, self.lang) if len(self.assessment.register) else _NO_ACTORS

    def actor_table(self) -> Table | Omitted:
        """Register of local actors."""
        return report_tables.actor_table(self.assessment, self.lang) if len(self.assessment.register) else _NO_ACTORS

    def response_table(self) -> Table | Omitted:
        """Response and missing-answer rates per wave."""
        return self._table(report_tables.response_table, not self.assessment.response.empty)

    def item_table(self) -> Table | Omitted:
        """Answers per statement of the ranked wave."""
        return self._table(report_tables.item_table, self.assessment.has_survey)

    def reliability_table(self) -> Table | Omitted:
        """Cronbach's alpha per need area and wave."""
        return self._table(report_tables.reliability_table, self.assessment.has_survey)

    def waves_table(self) -> Table | Omitted:
        """Change of every statement between the two waves."""
        a = self.assessment
        if a.has_survey and a.waves is None:
            return Omitted("a single survey wave: the finding says so")
        return self._table(report_tables.waves_table, a.has_survey)

    def needs_table(self) -> Table | Omitted:
        """Need → who could meet it → gap."""
        return self._table(report_tables.needs_table, self.assessment.has_survey)

    def programmes_table(self) -> Table | Omitted:
        """Support programmes for each priority need."""
        return self._table(report_tables.programmes_table, self.assessment.has_survey)

    def notes_table(self) -> Table:
        """What was read and every data note."""
        return report_tables.notes_table(self.assessment, self.lang)


def _headings(a: NeedsAssessment, lang: str) -> Headings:
    from clusterlib.knowledge import programmes_heading, programmes_note

    def h(key: str, applies: bool = True) -> str | Omitted:
        if not applies:
            return _NO_SURVEY
        return t(f"needs.h.{key}", lang, province=a.province.name, cluster=cluster_name(a.cluster, lang))

    survey = a.has_survey
    return Headings(
        title=str(h("title")),
        intro=str(h("intro")),
        context=str(h("context")),
        actors=str(h("actors")),
        grid=h("grid") if len(a.register) else _NO_ACTORS,
        firms=h("firms", not a.firms.empty),
        response=h("response", not a.response.empty),
        answers=h("answers", survey),
        top=h("top", survey),
        groups=h("groups", survey),
        clusters=h("clusters", survey),
        reliability=h("reliability", survey),
        waves=h("waves", survey),
        summary=str(h("summary")),
        programmes=programmes_heading(lang) if survey else _NO_SURVEY,
        programmes_note=programmes_note(lang) if survey else _NO_SURVEY,
        notes=str(h("notes")),
    )


def present(assessment: NeedsAssessment, lang: str) -> NeedsReport:
    """Present a needs assessment in ``lang`` (``"tr"`` or ``"en"``); no number is recomputed.

    Examples
    --------
    >>> from clusterlib.needs import analyse_needs_assessment
    >>> view = present(analyse_needs_assessment("Hakkari", n_boot=100), "en")
    >>> view.findings.survey.text
    'There are no survey answers for Hakkari; the sections on firm needs are left empty.'
    """
    lang = check_language(lang)
    a = assessment
    f = a.findings
    assert f is not None
    missing = a.survey_missing
    findings = ReportFindings(
        context=f.context.text(lang),
        actors=f.actors.text(lang),
        grid=f.grid.text(lang) if len(a.register) else _NO_ACTORS,
        firms=_text(f.firms, lang),
        survey=Notice(missing.text(lang)) if missing is not None else Omitted("the survey carries every section"),
        response=_text(f.response, lang),
        items=_text(f.items, lang),
        top=_text(f.top, lang),
        by_size=_text(f.by_size, lang),
        by_stage=_text(f.by_stage, lang),
        by_cluster=_text(f.by_cluster, lang) if a.has_survey else _NO_SURVEY,
        reliability=_text(f.reliability, lang),
        waves=_text(f.waves, lang),
        summary=f.summary.text(lang),
    )
    return NeedsReport(assessment=a, lang=lang, headings=_headings(a, lang), findings=findings)
