"""Plain-language findings of the value-chain step, in Turkish and English.

Thresholds that turn numbers into words are here, in one place:

- :data:`SPARSE_DENSITY`: below this density (10 %) the network is called sparse, from
  :data:`DENSE_DENSITY` (30 %) dense — firm networks of 50–150 firms mapped by interviews rarely
  exceed a few per cent, since each firm names a handful of partners;
- :data:`EI_INWARD` / :data:`EI_OUTWARD`: an E–I index below −0.33 means the firms mostly work with
  each other, above +0.33 mostly with outside partners;
- :data:`VERTICAL_MAJORITY`: a share of ties across stages above one half is called vertical
  integration, below horizontal;
- sourcing holes: :data:`clusterlib.valuechain.stages.HOLE_THRESHOLD`.

Sentences name firms and never attach a Turkish suffix to a number or a name (the sentence is
built so that none is needed).
"""

from __future__ import annotations

import re

import pandas as pd

from clusterlib.i18n import add_strings, format_number, format_percent, t
from clusterlib.valuechain.network import NetworkSummary

__all__ = [
    "DENSE_DENSITY",
    "EI_INWARD",
    "EI_OUTWARD",
    "SPARSE_DENSITY",
    "VERTICAL_MAJORITY",
    "short_name",
    "stage_name",
    "tidy",
]

SPARSE_DENSITY = 0.10
DENSE_DENSITY = 0.30
EI_INWARD = -1 / 3
EI_OUTWARD = 1 / 3
VERTICAL_MAJORITY = 0.5

_STAGE_NAMES = {
    "inputs": {"tr": "girdi ve parça üreticileri", "en": "input and parts makers"},
    "services": {"tr": "hizmet firmaları", "en": "service firms"},
    "manufacturing": {"tr": "ana üreticiler", "en": "main manufacturers"},
    "distribution": {"tr": "dağıtım ve pazarlama", "en": "distribution and marketing"},
    "outside": {"tr": "il dışındaki ortaklar", "en": "partners outside the province"},
    "local_other": {"tr": "ildeki diğer ortaklar", "en": "other partners in the province"},
}

add_strings(
    {f"valuechain.stage.{key}": texts for key, texts in _STAGE_NAMES.items()}
    | {
        "valuechain.density.sparse": {"tr": "seyrek", "en": "sparse"},
        "valuechain.density.moderate": {"tr": "orta yoğunlukta", "en": "moderately dense"},
        "valuechain.density.dense": {"tr": "yoğun", "en": "dense"},
        "valuechain.finding.network": {
            "tr": "Haritada {firms} küme firması ve {partners} dış ortak arasında {ties} ilişki var. Ağ {word}: "
            "olası ilişkilerin yalnız {density|poss} kurulmuş. Ağ {components} ayrı parçaya bölünüyor; en büyük "
            "parçada {largest} aktör (küme firması ve dış ortak) var. {isolates} firmanın hiçbir ilişkisi kayıtlı "
            "değil: görüşmelerde ilişki bildirmediler ya da görüşülmediler ve hiçbir firma onları anmadı; "
            "bağları bilinmiyor.",
            "en": "The map holds {ties} ties among {firms} cluster firms and {partners} outside partners. The "
            "network is {word}: only {density} of the possible ties exist. It falls into {components} separate "
            "parts; the largest holds {largest} actors (cluster firms and outside partners). For {isolates} firms "
            "no tie is recorded: they reported none or were not interviewed, and no firm named them; their ties "
            "are unknown.",
        },
        "valuechain.finding.central": {
            "tr": "Zinciri bir arada tutan firmalar: {hubs}. En çok aracılık yapan firma {broker}: doğrudan bağı "
            "olmayan {pairs} firma çifti arasında köprü kuruyor (çoğunlukla \"{role}\" rolünde; roller "
            "Terimler kutusunda).",
            "en": "The firms that hold the chain together: {hubs}. The strongest broker is {broker}, linking "
            "{pairs} pairs of firms that have no direct tie (mostly as {role}).",
        },
        "valuechain.finding.dependence": {
            "tr": "{firm} kümeden ayrılırsa {customers} firma ildeki tek müşterisini, {suppliers} firma ildeki "
            "tek tedarikçisini kaybeder.",
            "en": "If {firm} left, {customers} firms would lose their only local customer and {suppliers} their "
            "only local supplier.",
        },
        "valuechain.finding.dependence_none": {
            "tr": "Hiçbir firma başka bir firmanın ildeki tek müşterisi ya da tek tedarikçisi değil.",
            "en": "No firm is another firm's only local customer or supplier.",
        },
        "valuechain.finding.core": {
            "tr": "Ağın bir çekirdeği var: {size} firma birbirine ve diğer firmalara sıkı bağlı, geri kalanlar "
            "çevrede (çekirdek–çevre uyumu ρ = {fit}; 1 ideal bir çekirdek–çevre yapısıdır). Çekirdek: {names}.",
            "en": "The network has a core: {size} firms are closely tied to each other and to the rest, the others "
            "are on the periphery (core–periphery fit ρ = {fit}; 1 is an ideal core–periphery pattern). "
            "Core: {names}.",
        },
        "valuechain.finding.core_none": {
            "tr": "Ağda ölçülebilir bir çekirdek–çevre yapısı yok (ilişki çok az).",
            "en": "The network shows no measurable core–periphery structure (too few ties).",
        },
        "valuechain.ei.inward": {
            "tr": "firmalar çoğunlukla birbirleriyle çalışıyor",
            "en": "firms mostly work with each other",
        },
        "valuechain.ei.balanced": {
            "tr": "küme içi ve dışı ilişkiler dengeye yakın",
            "en": "ties inside and outside the cluster are close to balanced",
        },
        "valuechain.ei.outward": {
            "tr": "firmalar çoğunlukla küme dışıyla çalışıyor",
            "en": "firms mostly work with partners outside the cluster",
        },
        "valuechain.finding.no_ties": {
            "tr": "Küme firmaları henüz hiçbir ilişki bildirmedi: merkezî firmalar, aracılar ve ağın yapısı "
            "görüşmeler yapılınca ölçülür.",
            "en": "The cluster's firms have reported no ties yet: the central firms, the brokers and the structure "
            "of the network are measured once the interviews are done.",
        },
        "valuechain.finding.central_no_broker": {
            "tr": "En çok ilişkisi olan firmalar: {hubs}. Hiçbir firma, aralarında doğrudan ilişki olmayan "
            "firmalar arasında tedarik aracılığı yapmıyor.",
            "en": "The firms with the most ties: {hubs}. No firm brokers supply between firms that have no "
            "direct tie.",
        },
        "valuechain.finding.local_none": {
            "tr": "İl içi ilişki payı ve E–I endeksi hesaplanamadı: küme firmalarının bildirdiği ilişki yok.",
            "en": "The local share of ties and the E–I index cannot be computed: the cluster's firms reported no "
            "ties.",
        },
        "valuechain.finding.vertical_none": {
            "tr": "Dikey ve yatay bütünleşme ölçülemedi: aşaması bilinen iki firma arasında ilişki yok.",
            "en": "Vertical and horizontal integration cannot be measured: no tie links two firms of known "
            "stage.",
        },
        "valuechain.finding.local": {
            "tr": "İlişkilerin {local|poss} il içinde. E–I endeksi (−1: bütün ilişkiler küme içinde, +1: bütünü "
            "dışında) {ei}: {meaning}.",
            "en": "{local} of the ties are within the province. The E–I index (−1: all ties inside the cluster, "
            "+1: all outside) is {ei}: {meaning}.",
        },
        "valuechain.finding.vertical": {
            "tr": "Aşamalar arası (dikey) ilişkilerin payı {vertical}, aynı aşama içindeki (yatay) ilişkilerin "
            "payı {horizontal}: küme ağırlıkla {kind} bütünleşmiş. Farklı aşamaları birbirine bağlayan "
            "{linking} firma var.",
            "en": "Ties across value-chain stages (vertical) are {vertical} and ties within a stage (horizontal) "
            "{horizontal}: the cluster is mainly {kind} integrated. {linking} firms link different stages.",
        },
        "valuechain.kind.vertical": {"tr": "dikey", "en": "vertically"},
        "valuechain.kind.horizontal": {"tr": "yatay", "en": "horizontally"},
        "valuechain.finding.chain": {
            "tr": "En yoğun akış: {top_from} → {top_to} ({top_ties} ilişki). Yerel tedarik açığı olan aşamalar "
            "(girdilerinin yarıdan fazlası il dışından): {holes}. Buralarda yerel tedarikçi geliştirme fırsatı "
            "var.",
            "en": "The busiest flow: {top_from} → {top_to} ({top_ties} ties). Stages with a local sourcing hole "
            "(more than half of their inputs from outside the province): {holes}. These are opportunities for "
            "local supplier development.",
        },
        "valuechain.finding.chain_no_supply": {
            "tr": "Görüşmelerde hiçbir tedarik ilişkisi (kimden alındığı, kime satıldığı) bildirilmedi; aşamalar "
            "arası akışlar ve yerel tedarik açıkları bu yüzden gösterilemiyor. Görüşmeler tamamlanınca bu bölüm "
            "dolar; girdi-çıktı bölümleri aşağıdadır.",
            "en": "No supply ties (whom the firms buy from and sell to) were reported in the interviews, so the "
            "flows between stages and the local sourcing holes cannot be shown. This section fills once the "
            "interviews are done; the input-output sections are below.",
        },
        "valuechain.finding.chain_no_holes": {
            "tr": "En yoğun akış: {top_from} → {top_to} ({top_ties} ilişki). Hiçbir aşama girdilerinin yarıdan "
            "fazlasını il dışından almıyor.",
            "en": "The busiest flow: {top_from} → {top_to} ({top_ties} ties). No stage buys more than half of its "
            "inputs from outside the province.",
        },
        "valuechain.finding.linkages": {
            "tr": "{sector} sektörüne 1 TL'lik nihai talep Türkiye'de toplam {national} TL üretim yaratıyor "
            "(geriye bağlantı; ulusal girdi-çıktı tablosu); {province} ilinde ise bunun yalnızca {regional} TL'si "
            "il içinde kalıyor (ulusal tablo ilin büyüklüğüne göre Flegg yöntemiyle – FLQ, δ = {delta} – "
            "uyarlandı). Aradaki fark il dışından alınan girdilerdir.",
            "en": "Each 1 TRY of final demand for {sector} generates {national} TRY of output across Türkiye "
            "(backward linkage); in {province} only {regional} TRY of it stays in the province (FLQ, "
            "δ = {delta}). The difference is inputs bought outside the province.",
        },
        "valuechain.finding.key_sector": {
            "tr": "Türkiye girdi-çıktı tablosuna göre (ulusal, il için değil) {sector|lower} bir kilit sektör: "
            "hem girdi talebiyle (yayılma gücü {power}) hem de diğer sektörlere "
            "sattığı girdilerle (yayılma duyarlılığı {sensitivity}) ortalamanın üzerinde. Kilit sektörler: {keys}.",
            "en": "By Türkiye's input-output table (national, not the province's), {sector} is a key sector: "
            "above average both in what it buys (power of dispersion {power}) and "
            "in what it sells to other sectors (sensitivity of dispersion {sensitivity}). Key sectors: {keys}.",
        },
        "valuechain.finding.not_key_sector": {
            "tr": "Türkiye girdi-çıktı tablosuna göre (ulusal) {sector|lower} kilit sektör değil "
            "(yayılma gücü {power}, yayılma duyarlılığı {sensitivity}; ikisi de "
            "1'in üzerinde olmalı). Kilit sektörler: {keys}.",
            "en": "By Türkiye's input-output table (national), {sector} is not a key sector "
            "(power of dispersion {power}, sensitivity of dispersion "
            "{sensitivity}; both must exceed 1). Key sectors: {keys}.",
        },
        "valuechain.finding.extraction": {
            "tr": "{sector} sektörü olmasaydı {province} ilinin toplam üretimi tahminen {share} azalırdı "
            "(varsayımsal çıkarma); Türkiye genelinde bu oran {national}.",
            "en": "Without {sector}, the province's total output would fall by an estimated {share} (hypothetical "
            "extraction); across Türkiye by {national}.",
        },
        "valuechain.finding.linkages_national": {
            "tr": "{sector} sektörüne 1 TL'lik nihai talep Türkiye'de toplam {national} TL üretim yaratıyor "
            "(geriye bağlantı). İl düzeyindeki tablo istihdam verisi olmadığı için hesaplanmadı.",
            "en": "Each 1 TRY of final demand for {sector} generates {national} TRY of output across Türkiye "
            "(backward linkage). The provincial table was not computed: there are no employment data.",
        },
        "valuechain.finding.extraction_national": {
            "tr": "{sector} sektörü olmasaydı Türkiye'nin toplam üretimi tahminen {national} azalırdı "
            "(varsayımsal çıkarma); il düzeyi istihdam verisi olmadığı için hesaplanmadı.",
            "en": "Without {sector}, Türkiye's total output would fall by an estimated {national} (hypothetical "
            "extraction); the provincial figure needs employment data, which are missing.",
        },
        "valuechain.finding.no_interviews": {
            "tr": "Bu il için firma görüşmesi verisi yok: firma ağı, aracılar ve aşamalar arası akışlar çizilemedi. "
            "Küme firmalarıyla kimden aldıklarını, kime sattıklarını ve kiminle iş birliği yaptıklarını soran "
            "görüşmeler yapıldığında (firms ve relations tabloları) bu bölümler dolar; girdi-çıktı bölümleri "
            "imalat sektörü için aşağıdadır.",
            "en": "There are no firm interviews for this province: the firm network, the brokers and the flows "
            "between stages cannot be drawn. Once the cluster's firms are asked whom they buy from, sell to and "
            "cooperate with (the firms and relations tables), these sections fill; the input-output sections "
            "below are for manufacturing.",
        },
        "valuechain.finding.io_missing": {
            "tr": "Girdi-çıktı tablosu (io_table) veri klasöründe olmadığı için bu bölüm hesaplanmadı.",
            "en": "This section was left out: the data folder has no input-output table (io_table).",
        },
        "valuechain.note.missing_io": {
            "tr": "girdi-çıktı tablosu yok, girdi-çıktı bölümleri boş ({items})",
            "en": "no input-output table, the input-output sections are left out ({items})",
        },
        "valuechain.note.missing_employment": {
            "tr": "istihdam tablosu yok, il düzeyi girdi-çıktı hesaplanmadı ({items})",
            "en": "no employment table, the provincial input-output figures are left out ({items})",
        },
        "valuechain.finding.notes": {
            "tr": "Veri notları: {notes}",
            "en": "Data notes: {notes}",
        },
        "valuechain.finding.no_notes": {
            "tr": "Görüşme verisinde düzeltilmesi gereken bir sorun bulunmadı.",
            "en": "The interview data raised no problems to correct.",
        },
        "valuechain.note.duplicate": {
            "tr": "{n} ilişki birden fazla kez ya da farklı türlerle bildirildi ({items})",
            "en": "{n} ties were named more than once or with several types ({items})",
        },
        "valuechain.note.outside_register": {
            "tr": "{n} ortak firma kayıtlarında yok ve dış ortak sayıldı ({items})",
            "en": "{n} partners are not in the firm register and were kept as outside partners ({items})",
        },
        "valuechain.note.zero_output": {
            "tr": "üretimi olmayan {n} kısım bağlantı tablosundan ve kilit sektörleri belirleyen ortalamalardan "
            "çıkarıldı ({items})",
            "en": "{n} section(s) without output left out of the linkage table and of the averages that define the "
            "key sectors ({items})",
        },
        "valuechain.note.regional_zero_output": {
            "tr": "ilde istihdamı olmayan {n} kısım il düzeyi bağlantılardan ve ortalamalarından çıkarıldı ({items})",
            "en": "{n} section(s) without employment in the province left out of the provincial linkages and their "
            "averages ({items})",
        },
        "valuechain.note.regional": {
            "tr": "bölgesel tablo hesaplanamadı: {items}",
            "en": "the regional table could not be computed: {items}",
        },
        "valuechain.role.coordinator": {"tr": "koordinatör", "en": "coordinator"},
        "valuechain.role.itinerant": {"tr": "gezgin aracı", "en": "itinerant broker"},
        "valuechain.role.gatekeeper": {"tr": "kapı bekçisi", "en": "gatekeeper"},
        "valuechain.role.representative": {"tr": "temsilci", "en": "representative"},
        "valuechain.role.liaison": {"tr": "irtibat", "en": "liaison"},
    }
)


# Headings and table columns of the report (used by :mod:`clusterlib.valuechain.analysis`).
add_strings(
    {
        "valuechain.h.title_no_cluster": {
            "tr": "{province}: değer zinciri ve girdi-çıktı bağlantıları",
            "en": "{province}: value chain and input-output linkages",
        },
        "valuechain.h.title": {
            "tr": "{province}: {cluster} kümesinin değer zinciri haritası",
            "en": "{province}: value-chain map of the {cluster} cluster",
        },
        "valuechain.h.intro": {
            "tr": "Kilit uzmanlar kümenin firmalarıyla görüşerek kimden aldıklarını, kime sattıklarını ve kiminle "
            "iş birliği yaptıklarını sorar; bu yanıtlardan küme haritası çizilir. Ağ analizi merkezi firmaları, "
            "aracıları ve zincirdeki boşlukları gösterir; girdi-çıktı analizi sektörün ekonominin geri kalanını "
            "ne kadar çektiğini ölçer.",
            "en": "Key experts interview the cluster's firms about whom they buy from, sell to and cooperate with, "
            "and draw the cluster map from the answers. Network analysis shows the central firms, the brokers "
            "and the holes in the chain; input-output analysis measures how strongly the sector pulls the rest "
            "of the economy.",
        },
        "valuechain.h.map": {"tr": "Küme haritası", "en": "The cluster map"},
        "valuechain.h.central": {"tr": "Merkezi firmalar ve aracılar", "en": "Central firms and brokers"},
        "valuechain.h.structure": {"tr": "Ağın yapısı", "en": "The structure of the network"},
        "valuechain.h.chain": {"tr": "Aşamalar arası akışlar", "en": "Flows between value-chain stages"},
        "valuechain.h.io": {
            "tr": "Girdi-çıktı bağlantıları: Türkiye ve {province}",
            "en": "Input-output linkages: Türkiye and {province}",
        },
        "valuechain.h.key": {"tr": "Kilit sektörler", "en": "Key sectors"},
        "valuechain.h.extraction": {
            "tr": "Sektör olmasaydı: varsayımsal çıkarma",
            "en": "Without the sector: hypothetical extraction",
        },
        "valuechain.h.notes": {"tr": "Veri notları", "en": "Data notes"},
        "valuechain.col.firm": {"tr": "Firma", "en": "Firm"},
        "valuechain.col.stage": {"tr": "Aşama", "en": "Stage"},
        "valuechain.col.degree": {"tr": "Ortak sayısı", "en": "Partners"},
        "valuechain.col.betweenness": {"tr": "Arasındalık", "en": "Betweenness"},
        "valuechain.col.constraint": {"tr": "Kısıt (Burt)", "en": "Constraint (Burt)"},
        "valuechain.col.brokerage": {"tr": "Aracılık (çift)", "en": "Brokerage (pairs)"},
        "valuechain.col.role": {"tr": "Başlıca aracılık rolü", "en": "Main brokerage role"},
        "valuechain.col.core": {"tr": "Çekirdekte", "en": "In the core"},
        "valuechain.col.dependents": {
            "tr": "Tek yerel ortağı olduğu firma",
            "en": "Firms it is the only local partner of",
        },
        "valuechain.col.sector": {"tr": "Sektör", "en": "Sector"},
        "valuechain.col.backward": {"tr": "Geriye bağlantı", "en": "Backward linkage"},
        "valuechain.col.forward": {"tr": "İleriye bağlantı", "en": "Forward linkage"},
        "valuechain.col.power": {"tr": "Yayılma gücü", "en": "Power of dispersion"},
        "valuechain.col.sensitivity": {"tr": "Yayılma duyarlılığı", "en": "Sensitivity of dispersion"},
        "valuechain.col.national": {"tr": "Türkiye", "en": "Türkiye"},
        "valuechain.col.regional": {"tr": "İl (FLQ)", "en": "Province (FLQ)"},
        "valuechain.col.measure": {"tr": "Ölçü", "en": "Measure"},
        "valuechain.col.value": {"tr": "Değer", "en": "Value"},
        "valuechain.yes": {"tr": "evet", "en": "yes"},
        "valuechain.no": {"tr": "hayır", "en": "no"},
        "valuechain.measure.density": {"tr": "Yoğunluk", "en": "Density"},
        "valuechain.measure.components": {"tr": "Bileşen sayısı", "en": "Components"},
        "valuechain.measure.reciprocity": {"tr": "Karşılıklılık", "en": "Reciprocity"},
        "valuechain.measure.core_fit": {"tr": "Çekirdek–çevre uyumu (ρ)", "en": "Core–periphery fit (ρ)"},
        "valuechain.measure.ei": {"tr": "E–I endeksi", "en": "E–I index"},
        "valuechain.measure.local": {"tr": "Yerel ilişki payı", "en": "Share of local ties"},
        "valuechain.measure.vertical": {"tr": "Dikey ilişki payı", "en": "Share of vertical ties"},
    }
)


_LEGAL_FORMS = (
    " San. ve Tic. A.Ş.",
    " San. ve Tic. Ltd. Şti.",
    " Hiz. Ltd. Şti.",
    " Hiz. A.Ş.",
    " A.Ş.",
    " Ltd. Şti.",
)


def short_name(name: object, width: int = 26) -> str:
    """A firm's name without its legal form, cut to ``width`` characters (for labels and tables).

    Examples
    --------
    >>> short_name("Atlas Gemi İnşa San. ve Tic. A.Ş.")
    'Atlas Gemi İnşa'
    """
    text = str(name)
    for tail in _LEGAL_FORMS:
        if text.endswith(tail):
            text = text[: -len(tail)]
            break
    return text if len(text) <= width else text[: width - 1] + "…"


def tidy(text: str) -> str:
    """Drop the second full stop where a name ending in one (``A.Ş.``) ends a sentence.

    Examples
    --------
    >>> tidy("Broker: Kale A.Ş.. Next")
    'Broker: Kale A.Ş. Next'
    """
    return re.sub(r"\.\.(?=\s|$|;)", ".", text)


def stage_name(stage: str, lang: str) -> str:
    """A value-chain stage (or ``outside`` / ``local_other``) in words.

    Examples
    --------
    >>> stage_name("inputs", "tr"), stage_name("outside", "en")
    ('girdi ve parça üreticileri', 'partners outside the province')
    """
    return t(f"valuechain.stage.{stage}", lang)


def _names(names: list[str], lang: str) -> str:
    if not names:
        return "–"
    if len(names) == 1:
        return names[0]
    joiner = " ve " if lang == "tr" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def network_finding(summary: NetworkSummary, *, lang: str) -> str:
    """Size, density and fragmentation of the network in one paragraph."""
    word = (
        "sparse"
        if summary.density < SPARSE_DENSITY
        else "dense"
        if summary.density >= DENSE_DENSITY
        else "moderate"
    )
    return t(
        "valuechain.finding.network",
        lang,
        firms=format_number(summary.firms, lang),
        partners=format_number(summary.partners, lang),
        ties=format_number(summary.ties, lang),
        word=t(f"valuechain.density.{word}", lang),
        density=format_percent(summary.density, lang, decimals=1),
        components=format_number(summary.components, lang),
        largest=format_number(summary.largest_component, lang),
        isolates=format_number(summary.isolates, lang),
    )


def central_finding(hubs: list[str], broker: str | None, pairs: int, role: str, *, lang: str) -> str:
    """The hubs and the strongest broker (``None``: no firm brokers supply)."""
    if broker is None or pairs == 0:
        return t("valuechain.finding.central_no_broker", lang, hubs=_names(hubs, lang))
    return t(
        "valuechain.finding.central",
        lang,
        hubs=_names(hubs, lang),
        broker=broker,
        pairs=format_number(pairs, lang),
        role=t(f"valuechain.role.{role}", lang),
    )


def dependence_finding(name: str | None, customers: int, suppliers: int, *, lang: str) -> str:
    """ "If X left, N firms would lose their only local customer"."""
    if name is None:
        return t("valuechain.finding.dependence_none", lang)
    return t(
        "valuechain.finding.dependence",
        lang,
        firm=name,
        customers=format_number(customers, lang),
        suppliers=format_number(suppliers, lang),
    )


def core_finding(size: int, fit: float, names: list[str], *, lang: str) -> str:
    """Core–periphery structure in words."""
    if size == 0 or fit != fit:
        return t("valuechain.finding.core_none", lang)
    shown = names[:6] + (["…"] if len(names) > 6 else [])
    return t(
        "valuechain.finding.core",
        lang,
        size=format_number(size, lang),
        fit=format_number(fit, lang, decimals=2),
        names=", ".join(shown),
    )


def local_finding(summary: NetworkSummary, *, lang: str) -> str:
    """Local share of ties and the E–I index (a plain sentence when there is no tie to measure)."""
    ei = summary.ei_index
    if ei != ei or summary.local_share != summary.local_share:
        return t("valuechain.finding.local_none", lang)
    meaning = "inward" if ei < EI_INWARD else "outward" if ei > EI_OUTWARD else "balanced"
    return t(
        "valuechain.finding.local",
        lang,
        local=format_percent(summary.local_share, lang, decimals=0),
        ei=format_number(ei, lang, decimals=2),
        meaning=t(f"valuechain.ei.{meaning}", lang),
    )


def vertical_finding(summary: NetworkSummary, linking: int, *, lang: str) -> str:
    """Vertical vs horizontal integration (a plain sentence when no tie links two staged firms)."""
    if summary.vertical_share != summary.vertical_share:
        return t("valuechain.finding.vertical_none", lang)
    kind = "vertical" if summary.vertical_share > VERTICAL_MAJORITY else "horizontal"
    return t(
        "valuechain.finding.vertical",
        lang,
        vertical=format_percent(summary.vertical_share, lang, decimals=0),
        horizontal=format_percent(summary.horizontal_share, lang, decimals=0),
        kind=t(f"valuechain.kind.{kind}", lang),
        linking=format_number(linking, lang),
    )


def chain_finding(flows: pd.DataFrame, sourcing: pd.DataFrame, *, lang: str) -> str:
    """The busiest stage-to-stage flow and the sourcing holes; a plain sentence without supply ties
    (interviews not done yet, or only cooperation ties reported)."""
    if flows.empty:
        return t("valuechain.finding.chain_no_supply", lang)
    top = flows.sort_values("ties", ascending=False, kind="stable").iloc[0]
    holes = [stage_name(s, lang) for s in sourcing.index[sourcing["hole"]]]
    fields = {
        "top_from": stage_name(top["from_stage"], lang),
        "top_to": stage_name(top["to_stage"], lang),
        "top_ties": format_number(top["ties"], lang),
    }
    if not holes:
        return t("valuechain.finding.chain_no_holes", lang, **fields)
    return t("valuechain.finding.chain", lang, holes=_names(holes, lang), **fields)
