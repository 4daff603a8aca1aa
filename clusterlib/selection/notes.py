"""What the report says about the data behind a sector selection: left-out criteria, imputed values,
too few candidates.  Numbers and ids here, sentences from the i18n catalogue at presentation."""

from __future__ import annotations

from dataclasses import dataclass

from clusterlib.i18n import add_strings, format_number, lower_first, lower_first_en, t
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.findings import sector_name

__all__ = ["Imputed", "LeftOut", "TooFewSectors"]

add_strings(
    {
        "selection.note.left_out": {
            "tr": "Puanlamaya alınmayan ölçütler: {names} — {reason}. Kalan ölçütler göreli ağırlıklarını "
            "koruyor.",
            "en": "Left out of the scoring: {names} — {reason}. The other criteria keep their relative weights.",
        },
        "selection.note.need.avg_wage": {
            "tr": "istihdam tablosunda ortalama ücret ('avg_wage' sütunu) yok",
            "en": "the employment table has no average wages (column 'avg_wage')",
        },
        "selection.note.need.workplaces": {
            "tr": "istihdam tablosunda işyeri sayısı ('workplaces' sütunu) yok",
            "en": "the employment table has no number of workplaces (column 'workplaces')",
        },
        "selection.note.need.exports": {
            "tr": "ihracat tablosu yok",
            "en": "there is no exports table",
        },
        "selection.note.need.institutions": {
            "tr": "paydaş (stakeholders) ve girişim (initiatives) tabloları yok",
            "en": "there is neither a stakeholders nor an initiatives table",
        },
        "selection.note.imputed": {
            "tr": "{count} eksik değer, göstergesinin adaylar arasındaki en kötü değeriyle dolduruldu (veri yoksa "
            "puan kazandırmaz); tabloda * ile işaretli: {cells}.",
            "en": "{count} {count|plural:missing value was:missing values were} filled with the worst value of "
            "their indicator among the candidates (no evidence earns no credit); marked * in the table: {cells}.",
        },
        "selection.note.imputed_median": {
            "tr": "{count} eksik değer, göstergesinin adaylar arasındaki ortanca değeriyle dolduruldu; tabloda * "
            "ile işaretli: {cells}.",
            "en": "{count} {count|plural:missing value was:missing values were} filled with the median of their "
            "indicator among the candidates; marked * in the table: {cells}.",
        },
        "selection.note.too_few": {
            "tr": "Puanlama sektörleri karşılaştırır ve en az {min_sectors} aday sektör gerektirir; {province} "
            "ilinde {year} yılında {sections} bölümlerinden en az {min_employment} çalışanı olan {count} sektör "
            "var{names}. Sıralama, sağlamlık ve ölçüt grafikleri bu yüzden bu raporda yok. {advice}",
            "en": "Scoring compares sectors and needs at least {min_sectors} candidate sectors; {province} has "
            "{count} sector(s) of sections {sections} with at least {min_employment} employees in {year}"
            "{names}. The ranking, robustness and criteria charts are therefore not in this report. {advice}",
        },
        "selection.note.advice_lower": {
            "tr": "'min_employment' değerini {suggestion} ya da altına indirirseniz {min_sectors} sektör "
            "karşılaştırılabilir.",
            "en": "Lower 'min_employment' to {suggestion} or less to compare {min_sectors} sectors.",
        },
        "selection.note.advice_sections": {
            "tr": "Bu bölümlerde ilde yeterli sektör yok: 'sections' ile aday bölümleri genişletin.",
            "en": "The province has too few sectors in these sections: widen the candidate 'sections'.",
        },
        "selection.note.unavailable": {
            "tr": "Bu bölüm için en az {min_sectors} aday sektör gerekir (yukarıdaki nota bakın).",
            "en": "This section needs at least {min_sectors} candidate sectors (see the note above).",
        },
    }
)


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
