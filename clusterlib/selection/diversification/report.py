"""The "Diversification opportunities" section in a language: headings, sentences, tables and charts.

:func:`present` turns a language-free :class:`~clusterlib.selection.diversification.Diversification`
into a :class:`DiversificationReport` in Turkish or English.  Nothing here computes a number: it
names sectors, formats values and picks the sentence of the i18n catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from clusterlib.i18n import check_language, t
from clusterlib.report.tables import Table
from clusterlib.selection.diversification.analysis import MISSING_TABLE, TOP_OPPORTUNITIES, Diversification
from clusterlib.selection.diversification.charts import eci_map, opportunity_chart
from clusterlib.selection.diversification.findings import threshold_text
from clusterlib.selection.findings import sector_name

__all__ = ["DiversificationReport", "DiversificationText", "present"]


@dataclass(frozen=True)
class DiversificationText:
    """The section's findings as sentences in the report's language."""

    caveat: str
    eci: str
    opportunities: str
    comparison: str
    robustness: str


@dataclass(frozen=True, eq=False)
class DiversificationReport:
    """A :class:`Diversification` in one language: what the notebook displays, cell by cell."""

    diversification: Diversification
    lang: str
    findings: DiversificationText

    def label(self, code: str) -> str:
        """Short sector name in the report's language."""
        return sector_name(code, self.lang)

    def heading(self, key: str) -> str:
        """A heading of the section (``"title"``, ``"chart"``, ``"map"``, ``"comparison"``, ``"robustness"``)."""
        d = self.diversification
        return t(f"diversification.h.{key}", self.lang, province=d.province.name, year=d.year)

    def _bases(self, codes: tuple[str, ...]) -> str:
        # one separator in every cell of a column (committee correction 28), so names with commas stay countable
        return "; ".join(self.label(c) for c in codes)

    def opportunity_chart(self) -> go.Figure:
        """Feasibility against attractiveness of the sectors the province does not hold."""
        d = self.diversification
        frame = d.opportunities.reset_index()
        frame.insert(1, "label", [self.label(c) for c in frame["nace"]])
        frame["builds_on_labels"] = [self._bases(codes) for codes in frame["builds_on"]]
        return opportunity_chart(
            frame, eci=d.eci, attractiveness=d.attractiveness, highlight=d.top, lang=self.lang
        )

    def eci_map(self) -> go.Figure:
        """The provinces' ECI, the report's province outlined."""
        from clusterlib import mapdata

        d = self.diversification
        return eci_map(
            d.eci_map, mapdata.province_geojson(), highlight_plate=d.province.plate, lang=self.lang,
            source=t("selection.map_source", self.lang, year=d.year),
        )  # fmt: skip

    def opportunity_table(self, top: int = 10) -> Table:
        """The best ``top`` opportunities as the committee reads them."""
        lang = self.lang
        frame = self.diversification.opportunities.head(top)
        table = pd.DataFrame(
            {
                "rank": frame["rank"].astype(int).to_numpy(),
                "sector": [self.label(c) for c in frame.index],
                "nace": list(frame.index),
                "density": frame["density"].to_numpy(dtype=float),
                "pci": frame["pci"].to_numpy(dtype=float),
                "cog": frame["cog"].to_numpy(dtype=float),
                "builds_on": [self._bases(c) for c in frame["builds_on"]],
            }
        )
        return Table(
            table,
            lang=lang,
            caption=t("diversification.caption.opportunities", lang),
            kinds={
                "rank": "code",
                "sector": "text",
                "nace": "code",
                "density": "number:1",
                "pci": "ratio",
                "cog": "ratio",
                "builds_on": "text",
            },
            labels={c: t(f"diversification.col.{c}", lang) for c in table.columns},
            sheet=t("diversification.sheet.opportunities", lang),
        )

    def _top(self, codes: tuple[str, ...], reason: str) -> str:
        if reason == "":
            return self._bases(codes)
        return t(
            "diversification.missing" if reason == MISSING_TABLE else "diversification.undefined", self.lang
        )

    def robustness_table(self, show: int = 3) -> Table:
        """ECI rank and top opportunities under each setting (employment/exports × threshold)."""
        lang = self.lang
        frame = self.diversification.robustness
        table = pd.DataFrame(
            {
                "measure": [t(f"diversification.measure.{m}", lang) for m in frame["measure"]],
                "threshold": [threshold_text(v, lang) for v in frame["rca_threshold"]],
                "eci_rank": frame["eci_rank"].astype("Int64"),
                "top": [
                    self._top(tuple(codes)[:show], reason)
                    for codes, reason in zip(frame["top"], frame["reason"], strict=True)
                ],
                "kept": frame["kept"].astype("Int64"),
            }
        )
        return Table(
            table,
            lang=lang,
            caption=t("diversification.caption.robustness", lang),
            kinds={"measure": "text", "threshold": "text", "eci_rank": "code", "top": "text", "kept": "count"},
            labels={
                "measure": t("diversification.col.measure", lang),
                "threshold": t("diversification.col.threshold", lang),
                "eci_rank": t("diversification.col.eci_rank", lang),
                "top": t("diversification.col.top", lang, k=show),
                "kept": t("diversification.col.kept", lang, k=TOP_OPPORTUNITIES),
            },
            sheet=t("diversification.sheet.robustness", lang),
        )


def present(diversification: Diversification, lang: str) -> DiversificationReport:
    """Present the diversification section in ``lang`` (``"tr"`` or ``"en"``); no number is recomputed."""
    lang = check_language(lang)
    f = diversification.findings
    text = DiversificationText(
        caveat=f.caveat.text(lang),
        eci=f.eci.text(lang),
        opportunities=f.opportunities.text(lang),
        comparison=f.comparison.text(lang),
        robustness=f.robustness.text(lang),
    )
    return DiversificationReport(diversification=diversification, lang=lang, findings=text)
