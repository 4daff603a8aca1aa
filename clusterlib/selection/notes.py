"""What the report says about the data behind a sector selection: left-out criteria, imputed values,
too few candidates.  Numbers and ids here, sentences from the i18n catalogue at presentation."""

from __future__ import annotations

from dataclasses import dataclass

from clusterlib.i18n import format_number, lower_first, lower_first_en, t
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.findings import sector_name

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
