"""Headings, column names and page texts of the monitoring step, in Turkish and English.

Registered with :func:`clusterlib.i18n.add_strings` when the module is imported; the sentences of the
findings are in :mod:`clusterlib.monitoring.findings`, the chart labels in :mod:`clusterlib.monitoring.charts`.
"""

from __future__ import annotations

from clusterlib.i18n import add_strings, has_string, t

__all__ = ["PAGE_STRINGS", "REPORT_STRINGS"]

#: The report's headings, table columns and notes.
REPORT_STRINGS: dict[str, dict[str, str]] = (
    {
        "step.monitoring_benchmarking": {"tr": "İzleme ve kıyaslama", "en": "Monitoring and benchmarking"},
        "monitoring.h.title": {
            "tr": "{province}: izleme ve karşılaştırma — {sector}",
            "en": "{province}: monitoring and benchmarking — {sector}",
        },
        "monitoring.h.intro": {
            "tr": "Kümenin göstergeleri hedeflerine göre izlenir (başlangıç, yıllık hedef, gerçekleşen), küme "
            "sektörü 81 ille ve emsal illerle, il ekonomisi resmî TÜİK verileriyle, göstergeler uluslararası "
            "kümelerle ve küme yönetimi Avrupa küme yönetimi karşılaştırmasının (ESCA) altı alanıyla "
            "karşılaştırılır. Durum renkleri her zaman bir simge ve sözcükle birlikte verilir: ● yeşil, ▲ sarı, "
            "■ kırmızı, ○ veri yok.",
            "en": "The cluster's indicators are monitored against their targets (baseline, yearly targets, actual "
            "values); the cluster's sector is benchmarked against all 81 provinces and peer provinces, the "
            "province's economy on official TÜİK statistics, the indicators against international clusters and "
            "the cluster management on the six areas of European cluster-management benchmarking (ESCA). Status "
            "colours always come with a symbol and a word: ● green, ▲ amber, ■ red, ○ no data.",
        },
        "monitoring.h.plan": {"tr": "İzleme tablosu", "en": "Monitoring table"},
        "monitoring.h.trajectory": {"tr": "Hedefe giden yol ve eğilim", "en": "Trajectories and trends"},
        "monitoring.h.national": {"tr": "Ulusal karşılaştırma (81 il)", "en": "National benchmark (81 provinces)"},
        "monitoring.h.peers": {"tr": "Emsal iller", "en": "Peer provinces"},
        "monitoring.h.economy": {
            "tr": "İl ekonomisi: resmî istatistikler (Kaynak: TÜİK)",
            "en": "The province's economy: official statistics (Source: TÜİK)",
        },
        "monitoring.h.international": {"tr": "Uluslararası karşılaştırma", "en": "International benchmark"},
        "monitoring.h.management": {"tr": "Küme yönetiminin kalitesi", "en": "Cluster-management quality"},
        "monitoring.h.next": {"tr": "Sonraki adımlar", "en": "What to do next"},
        "monitoring.col.indicator": {"tr": "Gösterge", "en": "Indicator"},
        "monitoring.col.unit": {"tr": "Birim", "en": "Unit"},
        "monitoring.col.baseline": {"tr": "Başlangıç", "en": "Baseline"},
        "monitoring.col.latest_year": {"tr": "Son yıl", "en": "Latest year"},
        "monitoring.col.latest_target": {"tr": "Hedef", "en": "Target"},
        "monitoring.col.latest_actual": {"tr": "Gerçekleşen", "en": "Actual"},
        "monitoring.col.progress": {"tr": "İlerleme", "en": "Progress"},
        "monitoring.col.status": {"tr": "Durum", "en": "Status"},
        "monitoring.col.final_target": {"tr": "Son hedef", "en": "Final target"},
        "monitoring.col.projected_final": {"tr": "Eğilimle son yıl", "en": "On trend, final year"},
        "monitoring.col.year_met": {"tr": "Hedefin tutulacağı yıl", "en": "Year target met"},
        "monitoring.col.metric": {"tr": "Ölçüt", "en": "Metric"},
        "monitoring.col.value": {"tr": "Değer", "en": "Value"},
        "monitoring.col.median": {"tr": "81 il medyanı", "en": "Median of 81 provinces"},
        "monitoring.col.rank": {"tr": "Sıra", "en": "Rank"},
        "monitoring.col.of": {"tr": "İl sayısı", "en": "Provinces"},
        "monitoring.col.percentile": {"tr": "Yüzdelik sıra", "en": "Percentile rank"},
        "monitoring.col.province": {"tr": "İl", "en": "Province"},
        "monitoring.col.why": {"tr": "Neden emsal", "en": "Why a peer"},
        "monitoring.col.sector": {"tr": "Sektör", "en": "Sector"},
        "monitoring.col.share": {"tr": "Katma değer payı", "en": "Share of value added"},
        "monitoring.col.turkiye_share": {"tr": "Türkiye payı", "en": "Share in Türkiye"},
        "monitoring.col.lq": {"tr": "LQ (katma değer)", "en": "LQ (value added)"},
        "monitoring.col.province_cagr": {"tr": "Reel büyüme (yıllık)", "en": "Real growth (a year)"},
        "monitoring.col.turkiye_cagr": {"tr": "Türkiye reel büyüme", "en": "Türkiye real growth"},
        "monitoring.col.reference": {"tr": "Referans", "en": "Reference"},
        "monitoring.col.country": {"tr": "Ülke", "en": "Country"},
        "monitoring.col.reference_value": {"tr": "Referans değer", "en": "Reference value"},
        "monitoring.col.gap": {"tr": "Fark", "en": "Gap"},
        "monitoring.col.area": {"tr": "Alan", "en": "Area"},
        "monitoring.col.score": {"tr": "Öz değerlendirme", "en": "Self-assessment"},
        "monitoring.col.gold_median": {"tr": "Altın etiket medyanı", "en": "Gold label median"},
        "monitoring.col.silver_median": {"tr": "Gümüş etiket medyanı", "en": "Silver label median"},
        "monitoring.col.gap_to_gold": {"tr": "Altın eşiğine fark", "en": "Gap to Gold threshold"},
        "monitoring.col.holds_back": {"tr": "Geri tutuyor", "en": "Holds back"},
        "monitoring.col.held_back_by": {"tr": "Geride kalan göstergeler", "en": "Indicators behind"},
        "monitoring.col.strong": {"tr": "Güçlü küme", "en": "Strong cluster"},
        "monitoring.col.stars": {"tr": "Yıldız", "en": "Stars"},
        "monitoring.why.region": {"tr": "aynı İBBS-2 bölgesi", "en": "same NUTS-2 region"},
        "monitoring.why.similar": {"tr": "benzer kişi başı GSYH ve SES puanı", "en": "similar GDP and SES"},
        "monitoring.yes": {"tr": "evet", "en": "yes"},
        "monitoring.no": {"tr": "hayır", "en": "no"},
        "monitoring.source.economy": {
            "tr": "Kaynak: TÜİK — Bölgesel Hesaplar (A10, zincirlenmiş hacim ve cari fiyatlar), kişi başı GSYH, "
            "sosyoekonomik statü (SES) puanı 2023.",
            "en": "Source: TÜİK — Regional Accounts (A10, chain-linked volumes and current prices), GDP per "
            "capita, SES 2023.",
        },
        "monitoring.thresholds": {
            "tr": "Durum eşikleri: ilerleme ≥ 1 yeşil, {amber} ≤ ilerleme < 1 sarı, daha azı kırmızı; ilerleme = "
            "(gerçekleşen − başlangıç) / (hedef − başlangıç).",
            "en": "Status thresholds: progress ≥ 1 green, {amber} ≤ progress < 1 amber, below red; progress = "
            "(actual − baseline) / (target − baseline).",
        },
    }
)

#: The offline pages (knowledge base, national overview, info spots).
PAGE_STRINGS: dict[str, dict[str, str]] = (
    {
        "pages.kb.title": {"tr": "Türkiye'deki kümelenme girişimleri: bilgi bankası",
                           "en": "Cluster initiatives in Türkiye: knowledge base"},
        "pages.kb.intro": {
            "tr": "Projenin kaynaklarında adı geçen kümelenme girişimleri, Bartın (2003) projesinden İzmir kümelerine "
            "ve beş pilot kümeye kadar. Kayıt dosyası (initiatives.csv ya da .xlsx) kilit uzmanlarca "
            "düzenlenir ve her yüklemede denetlenir.",
            "en": "The cluster initiatives named in the project's sources, from the Bartın project (2003) to the "
            "İzmir clusters and the five pilot clusters. The registry (initiatives.csv or .xlsx) is edited by "
            "the key experts and checked every time it is loaded.",
        },
        "pages.search": {"tr": "Ara", "en": "Search"},
        "pages.search_hint": {"tr": "ad, il, sektör, kurum…", "en": "name, province, sector, organisation…"},
        "pages.all": {"tr": "tümü", "en": "all"},
        "pages.unknown_year": {"tr": "yıl belirtilmemiş", "en": "year not stated"},
        "pages.shown": {"tr": "{total} girişimden {shown} tanesi gösteriliyor",
                        "en": "{shown} of {total} initiatives shown"},
        "pages.col.name": {"tr": "Girişim", "en": "Initiative"},
        "pages.col.province": {"tr": "İl", "en": "Province"},
        "pages.col.sector": {"tr": "Sektör (NACE bölümleri)", "en": "Sector (NACE divisions)"},
        "pages.col.year": {"tr": "Yıl", "en": "Year"},
        "pages.col.lead": {"tr": "Yürütücü kurum", "en": "Lead organisation"},
        "pages.col.members": {"tr": "Üye", "en": "Members"},
        "pages.col.notes": {"tr": "Not", "en": "Notes"},
        "pages.col.reports": {"tr": "Raporlar", "en": "Reports"},
        "pages.map": {"tr": "Girişimlerin haritası", "en": "Map of the initiatives"},
        "pages.legend.pilot": {"tr": "★ pilot küme", "en": "★ pilot cluster"},
        "pages.legend.other": {"tr": "● diğer kümelenme girişimi", "en": "● other cluster initiative"},
        "pages.not_on_map": {"tr": "İli belirtilmediği için haritada yok: {names}",
                             "en": "Not on the map, no province stated: {names}"},
        "pages.national.title": {"tr": "Ulusal görünüm: 81 il", "en": "National overview: 81 provinces"},
        "pages.national.intro": {
            "tr": "Beş pilot kümenin karnesi: sektörün 81 il arasındaki yüzdelik sıraları, güçlü küme ölçütü, "
            "Avrupa Küme Gözlemevi yıldızları, izleme göstergelerinin durumu ve küme yönetiminin öz "
            "değerlendirmesi. İl ekonomisi satırları resmî TÜİK verisidir; diğerleri yüklenen verilerden gelir.",
            "en": "The scorecards of the five pilot clusters: the sector's percentile ranks among the 81 provinces, "
            "the strong-cluster rule, European Cluster Observatory stars, the status of the monitoring "
            "indicators and the self-assessment of cluster management. The rows on the province's economy are "
            "official TÜİK data; the others come from the loaded data.",
        },
        "pages.spot.title": {"tr": "{spot} Kümelenme Bilgi Merkezi", "en": "{spot} Cluster Info Spot"},
        "pages.spot.intro": {
            "tr": "{provinces} illerinin kümeleri yan yana. İki bilgi merkezi (Karadeniz ve Doğu Akdeniz) "
            "eşgüdüm içinde çalışır; diğer merkezin sayfası: {other}.",
            "en": "The clusters of {provinces} side by side. The two info spots (Black Sea and East "
            "Mediterranean) work in coordination; the other spot's page: {other}.",
        },
        "pages.row.cluster": {"tr": "Küme", "en": "Cluster"},
        "pages.row.host": {"tr": "Ev sahibi kurum", "en": "Host organisation"},
        "pages.row.strong": {"tr": "Güçlü küme (ABD Küme Haritalama)", "en": "Strong cluster (US Cluster Mapping)"},
        "pages.row.stars": {"tr": "Avrupa Küme Gözlemevi yıldızları", "en": "European Cluster Observatory stars"},
        "pages.row.monitoring": {"tr": "İzleme göstergeleri (son yıl)", "en": "Monitoring indicators (latest year)"},
        "pages.row.management": {"tr": "Küme yönetimi (ESCA, 0–100)", "en": "Cluster management (ESCA, 0–100)"},
        "pages.row.gdp": {"tr": "Kişi başı GSYH sırası (TÜİK)", "en": "GDP per capita rank (TÜİK)"},
        "pages.row.ses": {"tr": "SEGE sırası 2023 (TÜİK)", "en": "SES rank 2023 (TÜİK)"},
        "pages.row.growth": {"tr": "Reel katma değer artışı 2004–2023 (TÜİK)",
                             "en": "Real value-added growth 2004–2023 (TÜİK)"},
        "pages.row.reports": {"tr": "Raporlar", "en": "Reports"},
        "pages.pct": {"tr": "yüzdelik {p}", "en": "percentile {p}"},
        "pages.yes": {"tr": "✔ evet", "en": "✔ yes"},
        "pages.no": {"tr": "✘ hayır", "en": "✘ no"},
        "pages.nav": {"tr": "Sayfalar", "en": "Pages"},
        "pages.index": {"tr": "Rapor dizini", "en": "Report index"},
        "pages.no_scorecards": {
            "tr": "Pilot kümelerin karneleri bu verilerle hesaplanamadı: {reason}",
            "en": "The pilot clusters' scorecards could not be computed from these data: {reason}",
        },
        "pages.synthetic": {
            "tr": "Pilot kümelerin göstergeleri paketle gelen SENTETİK örnek veriden hesaplanmıştır; resmî istatistik "
            "değildir (TÜİK satırları hariç).",
            "en": "The pilot clusters' indicators are computed from the bundled SYNTHETIC sample, not official "
            "statistics (except the TÜİK rows).",
        },
    }
)

add_strings(REPORT_STRINGS)
add_strings(PAGE_STRINGS)

#: Units of the monitoring table as the sample (and the template of ``monitoring.csv``) writes them.
UNIT_STRINGS: dict[str, dict[str, str]] = {
    "monitoring.unit.firms": {"tr": "firma", "en": "firms"},
    "monitoring.unit.million USD": {"tr": "milyon ABD doları", "en": "million USD"},
    "monitoring.unit.percent": {"tr": "yüzde", "en": "percent"},
    "monitoring.unit.person-days per year": {"tr": "kişi-gün/yıl", "en": "person-days per year"},
    "monitoring.unit.persons": {"tr": "kişi", "en": "persons"},
    "monitoring.unit.products per year": {"tr": "ürün/yıl", "en": "products per year"},
    "monitoring.unit.projects per year": {"tr": "proje/yıl", "en": "projects per year"},
    "monitoring.unit.score 0-100": {"tr": "puan, 0–100", "en": "score 0–100"},
}
add_strings(UNIT_STRINGS)


def unit_label(unit: object, lang: str) -> str:
    """An indicator's unit in the report's language; a unit the catalogue does not know is shown as written.

    Examples
    --------
    >>> unit_label("persons", "tr"), unit_label("tonnes", "tr")
    ('kişi', 'tonnes')
    """
    key = f"monitoring.unit.{unit}"
    return t(key, lang) if has_string(key) else str(unit)
