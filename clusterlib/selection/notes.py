"""What the report says about the data behind a sector selection: left-out criteria, imputed values,
too few candidates.  Numbers and ids here, sentences from the i18n catalogue at presentation."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from clusterlib import nace
from clusterlib.i18n import format_number, lower_first, lower_first_en, t
from clusterlib.regions import Province
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.findings import sector_name
from clusterlib.selection.inputs import unavailable_indicators
from clusterlib.selection.thresholds import THRESHOLDS

__all__ = ["Imputed", "LeftOut", "TooFewSectors"]


def _names(criteria: Criteria, ids: tuple[str, ...], lang: str) -> str:
    return ", ".join(criteria.name(i, lang) for i in ids)


@dataclass(frozen=True, eq=False)
class LeftOut:
    """Criteria left out of the scoring because the data cannot give them, grouped by what is missing.

    ``items`` maps what is missing (``avg_wage``, ``workplaces``, ``exports``, ``institutions``) to
    the indicator ids it takes away; ``criteria`` is the full criteria file (for the names).
    """

    items: tuple[tuple[str, tuple[str, ...]], ...]
    criteria: Criteria

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame], criteria: Criteria) -> LeftOut:
        """The criteria of ``criteria`` whose indicator needs a table or column ``tables`` lack."""
        by_need: dict[str, list[str]] = {}
        for indicator, need in unavailable_indicators(tables).items():
            if indicator in criteria.indicators["source"].to_numpy():
                ids = criteria.indicators.index[criteria.indicators["source"] == indicator]
                by_need.setdefault(need, []).extend(ids)
        return cls(items=tuple((need, tuple(ids)) for need, ids in by_need.items()), criteria=criteria)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every indicator left out."""
        return tuple(i for _, ids in self.items for i in ids)

    def texts(self, lang: str) -> tuple[str, ...]:
        """One sentence per missing input, in ``lang``."""
        return tuple(
            t(
                "selection.note.left_out",
                lang,
                names=_names(self.criteria, ids, lang),
                reason=t(f"selection.note.need.{need}", lang),
            )
            for need, ids in self.items
        )


@dataclass(frozen=True, eq=False)
class Imputed:
    """Indicator values that were missing and imputed in scoring (``(sector, indicator)`` pairs)."""

    cells: tuple[tuple[str, str], ...]
    policy: str
    criteria: Criteria

    def text(self, lang: str, *, limit: int = 8) -> str:
        """One sentence listing the first ``limit`` imputed cells, in ``lang``."""
        lower = lower_first if lang == "tr" else lower_first_en  # a list after a colon starts in lower case
        shown = [
            f"{lower(sector_name(s, lang))} / {self.criteria.name(i, lang)}" for s, i in self.cells[:limit]
        ]
        if len(self.cells) > limit:
            shown.append("…")
        key = "selection.note.imputed_median" if self.policy == "median" else "selection.note.imputed"
        return t(key, lang, count=len(self.cells), cells="; ".join(shown))


@dataclass(frozen=True)
class TooFewSectors:
    """Fewer candidates than scoring needs: who they are and what to change."""

    province: str
    year: int
    candidates: tuple[str, ...]
    min_employment: float
    min_sectors: int
    sections: tuple[str, ...]
    suggestion: float | None

    @classmethod
    def from_profile(
        cls,
        place: Province,
        year: int,
        profile: pd.DataFrame,
        indicators: pd.DataFrame,
        *,
        min_employment: float,
        sections: Sequence[str],
    ) -> TooFewSectors:
        """The note for too few candidates, with the employment floor that would give enough of them."""
        needed = THRESHOLDS.min_sectors
        in_sections = profile[[nace.section_of(c) in set(sections) for c in profile["nace"]]]
        sizes = in_sections["employment"].sort_values(ascending=False)
        suggestion = float(math.floor(sizes.iloc[needed - 1])) if len(sizes) >= needed else None
        return cls(
            province=place.name,
            year=year,
            candidates=tuple(indicators.index),
            min_employment=float(min_employment),
            min_sectors=needed,
            sections=tuple(sections),
            suggestion=suggestion if suggestion is not None and suggestion >= 1 else None,
        )

    def text(self, lang: str) -> str:
        """The note in ``lang``: why there is no ranking, and what to change."""
        if self.suggestion is not None:
            advice = t(
                "selection.note.advice_lower",
                lang,
                suggestion=format_number(self.suggestion, lang),
                min_sectors=self.min_sectors,
            )
        else:
            advice = t("selection.note.advice_sections", lang)
        names = ", ".join(f"{sector_name(c, lang)} ({c})" for c in self.candidates)
        return t(
            "selection.note.too_few",
            lang,
            min_sectors=self.min_sectors,
            province=self.province,
            year=self.year,
            sections=", ".join(self.sections),
            min_employment=format_number(self.min_employment, lang),
            count=len(self.candidates),
            names=f": {names}" if names else "",
            advice=advice,
        )

    def section_text(self, lang: str) -> str:
        """What a section that needs a ranking shows instead."""
        return t("selection.note.unavailable", lang, min_sectors=self.min_sectors)
