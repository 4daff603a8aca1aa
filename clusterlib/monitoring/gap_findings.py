"""The finding of the international benchmark: how many references the cluster leads and trails, its
largest gap with both values in the indicator's unit, and the references left out for their unit.

Language-free like every finding of the step (:mod:`clusterlib.monitoring.findings` re-exports it);
:meth:`InternationalFinding.text` writes the sentence from ``monitoring.findings.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from clusterlib.i18n import t
from clusterlib.monitoring.labels import format_unit_value, unit_label
from clusterlib.monitoring.wording import Name

__all__ = ["InternationalFinding", "UnitMismatch", "international_finding"]


@dataclass(frozen=True)
class UnitMismatch:
    """A reference left out because its unit is not the indicator's."""

    name: Name
    unit: str
    reference: str
    reference_unit: str | None

    def text(self, lang: str) -> str:
        """``name (unit) ↔ reference (unit)``."""
        other = "–" if self.reference_unit is None else unit_label(self.reference_unit, lang)
        return f"{self.name.text(lang)} ({unit_label(self.unit, lang)}) ↔ {self.reference} ({other})"


@dataclass(frozen=True)
class InternationalFinding:
    """How many references the cluster leads and trails, and its largest gap (with both values)."""

    n: int
    ahead: int
    worst: Name | None = None
    reference: Name | None = None
    country: str | None = None
    unit: str | None = None
    actual: float = math.nan
    value: float = math.nan
    gap: float = math.nan
    skipped: tuple[UnitMismatch, ...] = ()

    def text(self, lang: str) -> str:
        """The sentences in ``lang``."""
        note = ""
        if self.skipped:
            note = " " + t("monitoring.finding.unit_mismatch", lang, n=len(self.skipped),
                           items="; ".join(s.text(lang) for s in self.skipped))
        if self.n == 0 or self.worst is None or self.reference is None:
            return t("monitoring.finding.no_international", lang) + note
        behind = self.n - self.ahead
        key = "all_behind" if self.ahead == 0 else "all_ahead" if behind == 0 else "mixed"
        head = t(f"monitoring.finding.international_{key}", lang, n=self.n, ahead=self.ahead, behind=behind)
        worst = t("monitoring.finding.international_gap", lang, indicator=self.worst.text(lang),
                  actual=format_unit_value(self.actual, self.unit, lang), reference=self.reference.text(lang),
                  value=format_unit_value(self.value, self.unit, lang),
                  gap=self.gap)
        return f"{head} {worst}{note}"


def international_finding(gaps: pd.DataFrame, summary: pd.DataFrame) -> InternationalFinding:
    """Read :func:`~clusterlib.monitoring.international_gaps` (``attrs["unit_mismatch"]``: references left out;
    their indicators' names from ``summary``)."""
    named = summary.set_index("indicator") if not summary.empty else pd.DataFrame(columns=["name_en", "name_tr"])

    def name(indicator: str) -> Name:
        if indicator in named.index:
            return Name(str(named.at[indicator, "name_en"]), str(named.at[indicator, "name_tr"]))
        return Name(indicator, indicator)

    skipped = tuple(UnitMismatch(name(str(r["indicator"])), str(r["unit"]), str(r["reference"]),
                                 None if pd.isna(r["reference_unit"]) else str(r["reference_unit"]))
                    for r in gaps.attrs.get("unit_mismatch", []))
    known = gaps.dropna(subset=["gap"])
    if known.empty:
        return InternationalFinding(n=0, ahead=0, skipped=skipped)
    row = known.loc[known["gap"].idxmin()]
    reference_tr = row.get("reference_tr")
    return InternationalFinding(
        n=len(known), ahead=int((known["gap"] >= 0).sum()), worst=Name(str(row["name_en"]), str(row["name_tr"])),
        reference=Name(str(row["reference"]), str(reference_tr if pd.notna(reference_tr) else row["reference"])),
        country=None if pd.isna(row["country"]) else str(row["country"]), unit=str(row["unit"]),
        actual=float(row["actual"]), value=float(row["value"]), gap=float(row["gap"]), skipped=skipped)
