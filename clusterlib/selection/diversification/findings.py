"""Findings of the "Diversification opportunities" section: numbers first, sentences at the end.

Each finding is a small frozen dataclass of numbers and NACE codes (language-free); its
:meth:`text` writes the sentence in Turkish or English from the i18n catalogue with the number
formats of the language.  No number is written with a hard-coded Turkish suffix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clusterlib.i18n import format_number, t
from clusterlib.selection.findings import sector_name

__all__ = [
    "NAMED",
    "NAMED_BASES",
    "CaveatFinding",
    "ChoicesFinding",
    "ComparisonFinding",
    "DiversificationFindings",
    "EciFinding",
    "OpportunitiesFinding",
    "threshold_text",
]

#: Opportunities named in the finding sentence, and how many sectors each is said to build on
#: (the table shows more).
NAMED: int = 3
NAMED_BASES: int = 2


def threshold_text(value: float, lang: str) -> str:
    """An RCA threshold as written in the report: ``1``, ``0,75`` / ``0.75``."""
    return format_number(value, lang, decimals=0 if float(value).is_integer() else 2)


def setting_text(measure: str, threshold: float, lang: str) -> str:
    """A robustness setting in words: ``Exports RCA ≥ 0.75``."""
    return t(
        "diversification.setting",
        lang,
        measure=t(f"diversification.measure.{measure}", lang),
        threshold=threshold_text(threshold, lang),
    )


def _names(codes: Sequence[str], lang: str) -> list[str]:
    """The sectors' names, for a ``{…|lower|list}`` slot (in-sentence case, a list a reader can count)."""
    return [sector_name(c, lang) for c in codes]


@dataclass(frozen=True)
class CaveatFinding:
    """Province-level complexity is research-grade; what it was computed from; synthetic data or not."""

    n_sectors: int
    rca_threshold: float
    synthetic: bool

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        text = t(
            "diversification.finding.caveat", lang, n=self.n_sectors, threshold=threshold_text(self.rca_threshold, lang)
        )
        return f"{text} {t('diversification.finding.synthetic', lang)}" if self.synthetic else text


@dataclass(frozen=True)
class EciFinding:
    """The province's rank by ECI among the provinces that have one."""

    province: str
    rank: int
    n: int
    eci: float
    diversity: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "diversification.finding.eci",
            lang,
            province=self.province,
            rank=self.rank,
            n=self.n,
            eci=format_number(self.eci, lang, decimals=2),
            diversity=self.diversity,
        )


@dataclass(frozen=True)
class OpportunitiesFinding:
    """The leading opportunities and, for each, the province's sectors it builds on (closest first)."""

    codes: tuple[str, ...]
    builds_on: tuple[tuple[str, ...], ...]
    attractiveness: str

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, naming :data:`NAMED` opportunities and :data:`NAMED_BASES` bases each."""
        if not self.codes:
            return t("diversification.finding.opportunities_none", lang)
        items = [
            t("diversification.item", lang, sector=sector_name(code, lang), sectors=_names(bases[:NAMED_BASES], lang))
            if bases
            else t("diversification.item_alone", lang, sector=sector_name(code, lang))
            for code, bases in list(zip(self.codes, self.builds_on, strict=True))[:NAMED]
        ]
        return t(
            "diversification.finding.opportunities",
            lang,
            attractiveness=t(f"diversification.attractiveness.{self.attractiveness}", lang),
            items="; ".join(items),
        )


@dataclass(frozen=True)
class ComparisonFinding:
    """Where the four-criteria ranking (what exists) and the opportunities (what could grow) disagree.

    ``more_complex`` counts the ranking's sectors whose PCI is above the province's ECI.
    """

    ranking: tuple[str, ...]
    opportunities: tuple[str, ...]
    shared: tuple[str, ...]
    more_complex: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if not self.ranking:
            return t("diversification.finding.comparison_none", lang)
        overlap = (
            t("diversification.finding.overlap", lang, shared=_names(self.shared, lang))
            if self.shared
            else t("diversification.finding.no_overlap", lang)
        )
        return t(
            "diversification.finding.comparison",
            lang,
            ranking=_names(self.ranking[:NAMED], lang),
            opportunities=_names(self.opportunities[:NAMED], lang),
            overlap=overlap,
            complex=t(
                "diversification.finding.ranking_complexity_all"
                if self.more_complex == len(self.ranking)
                else "diversification.finding.ranking_complexity",
                lang,
                n=self.more_complex,
                k=len(self.ranking),
            ),
        )


@dataclass(frozen=True)
class ChoicesFinding:
    """How many of the top opportunities and how much of the ECI rank survive other settings.

    ``compared`` lists the ``(measure, threshold)`` settings other than the baseline where the ECI
    is defined; ``kept`` and ``ranks`` are ``(low, high)`` over them (``ranks`` includes the
    baseline; both ``None`` when nothing could be compared); ``undefined`` lists the settings where
    the ECI is not defined; ``missing`` the measures whose table is not in the data (left out).
    """

    k: int
    compared: tuple[tuple[str, float], ...]
    kept: tuple[int, int] | None
    ranks: tuple[int, int] | None
    undefined: tuple[tuple[str, float], ...]
    missing: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        parts = []
        if self.compared and self.kept is not None and self.ranks is not None:
            low, high = self.ranks
            rank = (
                t("diversification.finding.rank_stays", lang, rank=low)
                if low == high
                else t("diversification.finding.rank_moves", lang, low=low, high=high)
            )
            low_kept, high_kept = self.kept
            key = "robustness_range" if low_kept != high_kept else "robustness"
            key = "robustness_all" if low_kept == high_kept == self.k else key
            parts.append(
                t(
                    f"diversification.finding.{key}",
                    lang,
                    settings="; ".join(setting_text(m, th, lang) for m, th in self.compared),
                    k=self.k,
                    low=low_kept,
                    high=high_kept,
                    rank=rank,
                )
            )
        if self.undefined:
            settings = "; ".join(setting_text(m, th, lang) for m, th in self.undefined)
            parts.append(t("diversification.finding.undefined", lang, settings=settings))
        for measure in self.missing:
            parts.append(
                t("diversification.finding.missing", lang, data=t(f"diversification.measure.{measure}", lang))
            )
        return " ".join(parts)


@dataclass(frozen=True)
class DiversificationFindings:
    """The section's findings as numbers (each has ``.text(lang)``)."""

    caveat: CaveatFinding
    eci: EciFinding
    opportunities: OpportunitiesFinding
    comparison: ComparisonFinding
    robustness: ChoicesFinding
