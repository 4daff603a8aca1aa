"""The sector selection in a language: headings, sentences, labelled tables and charts.

:func:`present` turns a language-free :class:`~clusterlib.selection.analysis.SectorSelection` into a
:class:`SelectionReport` in Turkish or English.  Nothing here computes a number: it names sectors,
formats values and picks the sentence of the i18n catalogue, so a Turkish and an English report of
the same analysis show the same figures.  Sections that need a ranking show a note instead
(:class:`clusterlib.report.Notice`) when there were too few candidate sectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from clusterlib.i18n import check_language, t, turkish_capitalize
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table
from clusterlib.selection import charts, maps
from clusterlib.selection.analysis import SectorSelection
from clusterlib.selection.explanation import explain
from clusterlib.selection.findings import sector_name

__all__ = ["ReportFindings", "SelectionReport", "present"]


@dataclass(frozen=True)
class ReportFindings:
    """The findings of the step as sentences in the report's language (one per report section).

    A section that needs a ranking holds a :class:`~clusterlib.report.Notice` instead when there were
    too few candidates (``report.finding`` shows it as a note, outside the key findings).
    ``data`` says what the scoring left out or filled in (a finding); ``data_notes`` holds what the
    loaders noted about the files (blank cells left missing, with their rows) as a note beside it,
    not among the key findings (:class:`~clusterlib.report.Omitted` when there is none).
    """

    structure: str
    portfolio: str
    map: str | Notice
    shift_share: str
    data: str
    data_notes: Notice | Omitted
    criteria: str | Notice
    ranking: str | Notice
    robustness: str | Notice
    agreement: str | Notice


def capitalize(text: str, lang: str) -> str:
    """First letter upper-case, as every table cell starts (Turkish rules in Turkish: i → İ)."""
    return turkish_capitalize(text) if lang == "tr" else text[:1].upper() + text[1:]


def _decimals(fmt: str) -> tuple[bool, int]:
    """(is percent, decimals) of a criteria ``format`` such as ``'{:.1%}'`` or ``'{:,.0f}'``."""
    match = re.search(r"\.(\d+)", fmt)
    return fmt.rstrip("}").endswith("%"), int(match.group(1)) if match else 2


@dataclass(frozen=True, eq=False)
class SelectionReport:
    """A :class:`SectorSelection` in one language: what the notebook displays, cell by cell."""

    selection: SectorSelection
    lang: str
    findings: ReportFindings

    # ------------------------------------------------------------------------------------- words
    def label(self, code: str) -> str:
        """Short sector name in the report's language."""
        return sector_name(code, self.lang)

    def heading(self, key: str) -> str:
        """A section heading (``"structure"``, ``"ranking"``…) in the report's language."""
        s = self.selection
        return t(
            f"selection.h.{key}",
            self.lang,
            province=s.province.name,
            year=s.year,
            start=s.base_year,
            end=s.year,
        )

    @property
    def intro(self) -> str:
        """The step's introduction; the number and names of the criteria groups come from the criteria file."""
        groups = self.selection.criteria.groups
        return t(
            "selection.h.intro",
            self.lang,
            count=len(groups),
            groups=[g.name(self.lang) for g in groups],
        )

    def group_names(self) -> dict[str, str]:
        """Criteria group id → name in the report's language."""
        return {group.id: group.name(self.lang) for group in self.selection.criteria.groups}

    def _unavailable(self) -> Notice:
        too_few = self.selection.too_few
        assert too_few is not None
        return Notice(too_few.section_text(self.lang))

    # ------------------------------------------------------------------------------------ charts
    def _labelled(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.copy()
        out.insert(1, "label", [self.label(c) for c in out["nace"]])
        return out

    def structure_chart(self) -> go.Figure | Notice:
        """Largest sectors: share in the province against share in Türkiye."""
        return charts.sector_structure_chart(self._labelled(self.selection.profile), lang=self.lang)

    def portfolio_chart(self) -> go.Figure | Notice:
        """LQ against growth; the horizontal line is the national rate from totals."""
        s = self.selection
        return charts.portfolio_chart(
            self._labelled(s.portfolio()), national_growth=s.national_growth, lang=self.lang, highlight=s.top
        )

    def lq_map(self) -> go.Figure | Notice:
        """LQ of the leading candidates in every province."""
        from clusterlib import mapdata

        s = self.selection
        if s.lq_map.empty:
            return self._unavailable()
        return maps.lq_map(
            self._labelled_map(),
            mapdata.province_geojson(),
            lang=self.lang,
            highlight_plate=s.province.plate,
            source=t("selection.map_source", self.lang, year=s.year),
        )

    def _labelled_map(self) -> pd.DataFrame:
        frame = self.selection.lq_map.copy()
        frame["label"] = [self.label(c) for c in frame["nace"]]
        return frame

    def shift_share_chart(self) -> go.Figure | Notice:
        """Shift-share components by sector."""
        return charts.shift_share_chart(self._labelled(self.selection.shift_share), lang=self.lang)

    def criteria_chart(self, top: int = 12) -> go.Figure | Notice:
        """Each sector's additive group split, in the final (TOPSIS) order, with the order said on the chart."""
        s = self.selection
        if not s.scored:
            return self._unavailable()
        frame = s.group_contributions(top)
        frame.index = [self.label(c) for c in frame.index]
        score = s.result.scores["score"].reindex(s.group_contributions(top).index)  # type: ignore[union-attr]
        score.index = frame.index
        return charts.criteria_groups_chart(
            frame,
            self.group_names(),
            lang=self.lang,
            title=t("selection.chart.groups", self.lang),
            score=score,
            score_name=t("selection.chart.topsis", self.lang),
        )

    def robustness_chart(self, top: int = 10) -> go.Figure | Notice:
        """Probability of staying in the top k, with the rank interval."""
        s = self.selection
        if s.robustness is None:
            return self._unavailable()
        frame = s.robustness.head(top).rename(columns={"p_top_k": "p_top"})
        frame.index = [self.label(c) for c in frame.index]
        return charts.ranking_robustness_chart(frame, top_k=s.top_k, lang=self.lang)

    # ------------------------------------------------------------------------------------ tables
    def criteria_table(self) -> Table:
        """The criteria scored by, with group, direction and global weight (a proportion, shown in per cent)."""
        ind = self.selection.criteria.indicators
        lang = self.lang
        frame = pd.DataFrame(
            {
                "group": [self.selection.criteria.name(g, lang) for g in ind["group"]],
                "indicator": [capitalize(str(n), lang) for n in ind[f"name_{lang}"]],
                "direction": [t(f"selection.direction.{d}", lang) for d in ind["direction"]],
                "weight": ind["weight"].to_numpy(dtype=float),
            }
        )
        return Table(
            frame,
            lang=lang,
            kinds={"group": "text", "indicator": "text", "direction": "text", "weight": "percent:1"},
            labels={c: t(f"selection.col.{c}", lang) for c in frame.columns},
            sheet=t("selection.sheet.criteria", lang),
        )

    def ranking_table(self, top: int = 10) -> Table | Notice:
        """The final ranking as a committee reads it: rank, sector, score, robustness and why."""
        s, lang = self.selection, self.lang
        if s.result is None or s.robustness is None:
            return self._unavailable()
        scores = s.result.scores.head(top)
        robust = s.robustness.reindex(scores.index)
        names = {c: self.label(c) for c in s.result.scores.index}
        frame = pd.DataFrame(
            {
                "rank": scores["rank"].astype(int).to_numpy(),
                "sector": [names[c] for c in scores.index],
                "nace": list(scores.index),
                "score": scores["score"].to_numpy(dtype=float),
                "p_top": robust["p_top_k"].to_numpy(dtype=float),
                "rank_low": robust["rank_low"].astype(int).to_numpy(),
                "rank_high": robust["rank_high"].astype(int).to_numpy(),
                "why": [explain(s.result, s.criteria, sector=c, lang=lang, names=names) for c in scores.index],
            }
        )
        labels = {c: t(f"selection.col.{c}", lang) for c in frame.columns if c != "p_top"}
        return Table(
            frame,
            lang=lang,
            kinds=_RANKING_KINDS,
            labels={**labels, "p_top": t("selection.col.p_top", lang, k=s.top_k)},
            sheet=t("selection.sheet.ranking", lang),
        )

    def indicator_table(self) -> Table | Notice:
        """The candidates' raw indicator values in rank order, imputed cells marked ``*``.

        Columns are the criteria's ids (their ``source`` indicator), shown with their names; each
        column's kind follows the criteria file's ``format`` (per cent or a number of decimals).
        """
        s, lang = self.selection, self.lang
        if s.result is None:
            return self._unavailable()
        criteria = s.criteria.indicators
        sources = criteria["source"].tolist()
        raw = s.indicators.reindex(s.result.scores.index)[sources]
        marks = s.result.imputed.reindex(index=raw.index).copy()
        marks.columns = raw.columns
        raw.index = pd.Index([self.label(c) for c in raw.index], name=t("selection.col.sector", lang))
        marks.index = raw.index
        kinds = {}
        for source, fmt in zip(sources, criteria["format"], strict=True):
            percent, decimals = _decimals(str(fmt))
            kinds[source] = f"{'percent' if percent else 'number'}:{decimals}"
        names = [capitalize(str(n), lang) for n in criteria[f"name_{lang}"]]
        return Table(
            raw,
            lang=lang,
            caption=t("selection.caption.indicators", lang),
            kinds=kinds,
            labels=dict(zip(sources, names, strict=True)),
            marks=marks,
            sheet=t("selection.sheet.indicators", lang),
        )


#: The kind of each column of the ranking table (ranks and NACE codes are shown as written).
_RANKING_KINDS = {
    "rank": "code",
    "sector": "text",
    "nace": "code",
    "score": "ratio:3",
    "p_top": "percent:0",
    "rank_low": "code",
    "rank_high": "code",
    "why": "text",
}


def _data_text(selection: SectorSelection, lang: str) -> str:
    parts = list(selection.left_out.texts(lang))
    if selection.too_few is not None:
        parts.append(selection.too_few.text(lang))
    if selection.imputed.cells:
        parts.append(selection.imputed.text(lang))
    return "\n\n".join(parts) if parts else t("selection.note.complete", lang)


def _load_notes(selection: SectorSelection, lang: str) -> Notice | Omitted:
    notes = [note.text(lang) for note in selection.load_notes]  # type: ignore[attr-defined]
    return Notice(" ".join(notes)) if notes else Omitted("the loaders noted nothing about the files")


def present(selection: SectorSelection, lang: str) -> SelectionReport:
    """Present a sector selection in ``lang`` (``"tr"`` or ``"en"``); no number is recomputed.

    Examples
    --------
    >>> from clusterlib.selection import analyse_sector_selection
    >>> s = analyse_sector_selection("Çorum", n_simulations=50)
    >>> present(s, "en").findings.map.startswith("Çorum ranks")
    True
    """
    lang = check_language(lang)
    f = selection.findings
    unavailable = Notice(selection.too_few.section_text(lang)) if selection.too_few is not None else None
    findings = ReportFindings(
        structure=f.structure.text(lang),
        portfolio=f.portfolio.text(lang),
        map=f.map.text(lang) if f.map is not None else unavailable,  # type: ignore[arg-type]
        shift_share=f.shift_share.text(lang),
        data=_data_text(selection, lang),
        data_notes=_load_notes(selection, lang),
        criteria=f.criteria.text(lang) if f.criteria is not None else unavailable,
        ranking=f.ranking.text(lang) if f.ranking is not None else unavailable,
        robustness=f.robustness.text(lang) if f.robustness is not None else unavailable,
        agreement=f.agreement.text(lang) if f.agreement is not None else unavailable,
    )
    return SelectionReport(selection=selection, lang=lang, findings=findings)
