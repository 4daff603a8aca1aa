"""Plain-language findings and labelled tables of the "Diversification opportunities" section.

Sentences come from the i18n catalogue in Turkish and English; numbers are formatted here, once,
for the report's language.  No number is written with a hard-coded Turkish suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib.i18n import add_strings, format_number, t
from clusterlib.regions import Province
from clusterlib.relatedness import EconomicComplexity

__all__ = [
    "NAMED",
    "NAMED_BASES",
    "DiversificationFindings",
    "diversification_findings",
    "robustness_labels",
    "threshold_text",
]

#: Opportunities named in the finding sentence, and how many sectors each is said to build on
#: (the table shows more).
NAMED: int = 3
NAMED_BASES: int = 2

add_strings(
    {
        "diversification.h.title": {"tr": "Çeşitlenme fırsatları", "en": "Diversification opportunities"},
        "diversification.h.chart": {
            "tr": "Uygulanabilirlik ve çekicilik: ilin henüz uzmanlaşmadığı sektörler",
            "en": "Feasibility and attractiveness: sectors where the province does not yet specialise",
        },
        "diversification.h.table": {"tr": "Öne çıkan fırsatlar", "en": "Leading opportunities"},
        "diversification.h.map": {
            "tr": "İllerin ekonomik karmaşıklık endeksi (EKE, {year})",
            "en": "Economic complexity index (ECI) of the provinces ({year})",
        },
        "diversification.h.robustness": {
            "tr": "Sonuç seçimlere ne kadar duyarlı?",
            "en": "How the result moves with the choices",
        },
        "diversification.h.comparison": {
            "tr": "Dört ölçütlü sıralama ile karşılaştırma",
            "en": "Compared with the four-criteria ranking",
        },
        "diversification.finding.caveat": {
            "tr": "Ekonomik karmaşıklık ülkelerin ihracatı için geliştirildi; aynı ülkenin illerine ne ölçüde "
            "uygulanabileceği henüz açık bir araştırma sorusudur. Buradaki değerler ilin uzmanlaşma örüntüsünü "
            "betimler (istihdam, {n} NACE bölümü, RCA ≥ {threshold}); bir ölçüm değil, tartışma için bir "
            "başlangıç noktasıdır.",
            "en": "Economic complexity was developed for countries' exports; how far it carries over to the "
            "provinces of one country is an open research question. The values here describe the province's "
            "pattern of specialisation (employment, {n} NACE divisions, RCA ≥ {threshold}); read them as a "
            "starting point for discussion, not as a measurement.",
        },
        "diversification.finding.synthetic": {
            "tr": "Bu rapordaki veriler sentetik örnek veridir, resmî istatistik değildir.",
            "en": "The data of this report are the synthetic sample, not official statistics.",
        },
        "diversification.finding.eci": {
            "tr": "{province}, ekonomik karmaşıklık endeksine göre {n} il arasında {rank}. sırada (EKE {eci}); "
            "il {diversity} sektörde uzmanlaşmış.",
            "en": "{province} ranks {rank} of {n} provinces by economic complexity (ECI {eci}); it is "
            "specialised in {diversity} sectors.",
        },
        "diversification.finding.opportunities": {
            "tr": "İlin henüz uzmanlaşmadığı sektörler arasında hem uygulanabilirliği (ilişkili sektörlerin "
            "yoğunluğu) hem de çekiciliği (karmaşıklık) yüksek olanlar: {items}.",
            "en": "Among the sectors where the province does not yet specialise, those both feasible "
            "(relatedness density) and attractive (complexity) are: {items}.",
        },
        "diversification.finding.opportunities_none": {
            "tr": "İlin uzmanlaşmadığı aday sektör kalmadı.",
            "en": "There is no candidate sector left in which the province is not specialised.",
        },
        "diversification.item": {
            "tr": "{sector} ({sectors} birikimine dayanarak)",
            "en": "{sector} (building on {sectors})",
        },
        "diversification.finding.comparison": {
            "tr": "Dört ölçütlü sıralama ilde var olanı sıralar (başta {ranking}); bu bölüm ise büyüyebilecek "
            "olanı ({opportunities}). {overlap} {complex}",
            "en": "The four-criteria ranking ranks what exists (led by {ranking}); this section ranks what "
            "could grow ({opportunities}). {overlap} {complex}",
        },
        "diversification.finding.no_overlap": {
            "tr": "İki liste örtüşmüyor: biri bugünkü güçlü yanları, diğeri yeni yönleri gösterir; birlikte "
            "okunmalıdır.",
            "en": "The two lists do not overlap: one shows today's strengths, the other new directions; read "
            "them together.",
        },
        "diversification.finding.overlap": {
            "tr": "İki listede ortak sektörler: {shared}.",
            "en": "Both lists name {shared}.",
        },
        "diversification.finding.ranking_complexity": {
            "tr": "Sıralamanın ilk {k} sektöründen {n} tanesi ilin ortalama karmaşıklığının üzerinde (PCI > EKE).",
            "en": "{n} of the ranking's top {k} sectors are more complex than the province's average "
            "(PCI above its ECI).",
        },
        "diversification.finding.comparison_none": {
            "tr": "Bu bölüm büyüyebilecek sektörleri sıralar; dört ölçütlü sıralama ise ilde var olanları.",
            "en": "This section ranks what could grow; the four-criteria ranking ranks what exists.",
        },
        "diversification.finding.robustness": {
            "tr": "Eşik ve veri değiştiğinde (RCA ≥ 0,75; ihracat) ilk {k} fırsattan {kept_low}–{kept_high} "
            "tanesi aynı kalıyor; ilin EKE sırası {rank_low}–{rank_high} arasında değişiyor.",
            "en": "With another threshold or data (RCA ≥ 0.75; exports) {kept_low}–{kept_high} of the top {k} "
            "opportunities stay the same, and the province's ECI rank moves between {rank_low} and {rank_high}.",
        },
        "diversification.finding.undefined": {
            "tr": "EKE şu ayarlarda tanımsız: {settings}.",
            "en": "The ECI is not defined for: {settings}.",
        },
        "diversification.measure.employment": {"tr": "İstihdam", "en": "Employment"},
        "diversification.measure.exports": {"tr": "İhracat", "en": "Exports"},
        "diversification.col.rank": {"tr": "Sıra", "en": "Rank"},
        "diversification.col.sector": {"tr": "Sektör", "en": "Sector"},
        "diversification.col.nace": {"tr": "NACE", "en": "NACE"},
        "diversification.col.density": {"tr": "İlişkili yoğunluk (0–100)", "en": "Relatedness density (0–100)"},
        "diversification.col.pci": {"tr": "Karmaşıklık (PCI)", "en": "Complexity (PCI)"},
        "diversification.col.cog": {"tr": "Görünüm kazancı (COG)", "en": "Outlook gain (COG)"},
        "diversification.col.builds_on": {"tr": "Dayandığı sektörler", "en": "Builds on"},
        "diversification.col.measure": {"tr": "Veri", "en": "Data"},
        "diversification.col.threshold": {"tr": "RCA eşiği", "en": "RCA threshold"},
        "diversification.col.eci_rank": {"tr": "EKE sırası", "en": "ECI rank"},
        "diversification.col.top": {"tr": "İlk {k} fırsat", "en": "Top {k} opportunities"},
        "diversification.col.kept": {
            "tr": "Temel ilk {k} ile ortak",
            "en": "Shared with the baseline top {k}",
        },
        "diversification.undefined": {"tr": "EKE tanımsız", "en": "ECI undefined"},
    }
)


@dataclass(frozen=True)
class DiversificationFindings:
    """The plain-language findings of the section, each a sentence in the report's language.

    ``caveat`` (province-level complexity is research-grade; synthetic data), ``eci`` (the
    province's rank), ``opportunities`` (the leading ones and what they build on), ``comparison``
    (where this section and the four-criteria ranking disagree), ``robustness`` (threshold and
    exports).
    """

    caveat: str
    eci: str
    opportunities: str
    comparison: str
    robustness: str


def _names(codes: tuple[str, ...] | list[str], label: Callable[[str], str]) -> str:
    return ", ".join(label(c) for c in codes)


def threshold_text(value: float, lang: str) -> str:
    """An RCA threshold as written in the report: ``1``, ``0,75`` / ``0.75``."""
    return format_number(value, lang, decimals=0 if float(value).is_integer() else 2)


def _setting(measure: str, threshold: float, lang: str) -> str:
    return f"{t(f'diversification.measure.{measure}', lang)} (RCA ≥ {threshold_text(threshold, lang)})"


def diversification_findings(
    *,
    place: Province,
    year: int,
    lang: str,
    rca_threshold: float,
    synthetic: bool,
    complexity: EconomicComplexity,
    opportunities: pd.DataFrame,
    eci_map: pd.DataFrame,
    robustness: pd.DataFrame,
    ranking_top: tuple[str, ...],
    label: Callable[[str], str],
    top: int,
) -> DiversificationFindings:
    """Write the section's findings from its language-free results."""
    threshold = threshold_text(rca_threshold, lang)
    caveat = t("diversification.finding.caveat", lang, n=complexity.presence.shape[1], threshold=threshold)
    if synthetic:
        caveat = f"{caveat} {t('diversification.finding.synthetic', lang)}"
    own = eci_map.set_index("plate").loc[place.plate]
    eci = t(
        "diversification.finding.eci",
        lang,
        province=place.name,
        rank=int(own["rank"]),
        n=len(eci_map),
        eci=format_number(own["eci"], lang, decimals=2),
        diversity=int(complexity.diversity[place.plate]),
    )
    best = opportunities.head(top)
    if best.empty:
        named = t("diversification.finding.opportunities_none", lang)
    else:
        items = [
            t("diversification.item", lang, sector=label(code), sectors=_names(row.builds_on[:NAMED_BASES], label))
            if row.builds_on
            else label(code)
            for code, row in best.head(NAMED).iterrows()
        ]
        named = t("diversification.finding.opportunities", lang, items="; ".join(items))
    return DiversificationFindings(
        caveat=caveat,
        eci=eci,
        opportunities=named,
        comparison=_comparison(complexity, place, best, ranking_top, label, lang),
        robustness=_robustness_sentence(robustness, lang, top),
    )


def _comparison(
    complexity: EconomicComplexity,
    place: Province,
    best: pd.DataFrame,
    ranking_top: tuple[str, ...],
    label: Callable[[str], str],
    lang: str,
) -> str:
    if not ranking_top:
        return t("diversification.finding.comparison_none", lang)
    shared = [c for c in ranking_top if c in set(best.index)]
    overlap = (
        t("diversification.finding.overlap", lang, shared=_names(shared, label))
        if shared
        else t("diversification.finding.no_overlap", lang)
    )
    pci = complexity.pci.reindex(list(ranking_top))
    above = int((pci > complexity.eci[place.plate]).sum())
    return t(
        "diversification.finding.comparison",
        lang,
        ranking=_names(list(ranking_top[:3]), label),
        opportunities=_names(list(best.index[:3]), label),
        overlap=overlap,
        complex=t("diversification.finding.ranking_complexity", lang, n=above, k=len(ranking_top)),
    ).strip()


def _robustness_sentence(robustness: pd.DataFrame, lang: str, top: int) -> str:
    others = robustness.iloc[1:]
    defined = others[others["reason"] == ""]
    sentence = ""
    if len(defined):
        ranks = pd.concat([robustness["eci_rank"].iloc[:1], defined["eci_rank"]]).dropna()
        sentence = t(
            "diversification.finding.robustness",
            lang,
            k=top,
            kept_low=int(defined["kept"].min()),
            kept_high=int(defined["kept"].max()),
            rank_low=int(ranks.min()),
            rank_high=int(ranks.max()),
        )
    undefined = others[others["reason"] != ""]
    if len(undefined):
        settings = ", ".join(_setting(r.measure, r.rca_threshold, lang) for r in undefined.itertuples())
        sentence = f"{sentence} {t('diversification.finding.undefined', lang, settings=settings)}".strip()
    return sentence


def robustness_labels(
    robustness: pd.DataFrame, label: Callable[[str], str], lang: str, *, top: int = 5, show: int = 3
) -> pd.DataFrame:
    """The robustness table with translated headings: data, threshold, ECI rank, top opportunities."""
    return pd.DataFrame(
        {
            t("diversification.col.measure", lang): [
                t(f"diversification.measure.{m}", lang) for m in robustness["measure"]
            ],
            t("diversification.col.threshold", lang): [threshold_text(v, lang) for v in robustness["rca_threshold"]],
            t("diversification.col.eci_rank", lang): [
                int(r) if np.isfinite(r) else None for r in robustness["eci_rank"]
            ],
            t("diversification.col.top", lang, k=show): [
                _names(list(codes)[:show], label) if reason == "" else t("diversification.undefined", lang)
                for codes, reason in zip(robustness["top"], robustness["reason"], strict=True)
            ],
            t("diversification.col.kept", lang, k=top): [
                int(k) if np.isfinite(k) else None for k in robustness["kept"]
            ],
        }
    )
