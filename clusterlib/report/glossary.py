"""The terms a report uses, explained in plain words: the "Terimler" / "Terms" box of every report.

One catalogue (:data:`GLOSSARY`) for all pages, so a term has one name and one explanation
everywhere.  :func:`glossary_for` picks the entries whose term appears in a page's text, in the
catalogue's order; :func:`lookup` finds the entry of an abbreviation as it is written in a finding
(``"İBBS-2"`` → İBBS, ``"TR83"`` → the region codes), and the tests check that every abbreviation
used in a finding has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterlib import i18n

__all__ = ["GLOSSARY", "Entry", "glossary_for", "lookup"]


@dataclass(frozen=True)
class Entry:
    """One term: the names it goes by in the text (``terms``) and its explanation per language."""

    terms: tuple[str, ...]
    name: dict[str, str]
    text: dict[str, str]


def _e(terms: tuple[str, ...], name_tr: str, name_en: str, text_tr: str, text_en: str) -> Entry:
    return Entry(terms, {"tr": name_tr, "en": name_en}, {"tr": text_tr, "en": text_en})


#: The catalogue, in the order the boxes list it.
GLOSSARY: tuple[Entry, ...] = (
    _e(("LQ", "yerelleşme katsayısı", "location quotient"), "Yerelleşme katsayısı (LQ)", "Location quotient (LQ)",
       "Sektörün il istihdamındaki payının Türkiye'deki payına oranı; 1'in üstü, sektörün ilde Türkiye "
       "ortalamasından yoğun olduğunu gösterir.",
       "The sector's share of the province's employment divided by its share in Türkiye; above 1, the sector "
       "is more concentrated in the province than on average."),
    _e(("YBBO", "CAGR"), "Yıllık bileşik büyüme oranı (YBBO)", "Compound annual growth rate (CAGR)",
       "Dönem boyunca her yıl aynı oranda büyüseydi ulaşılacak yıllık büyüme.",
       "The yearly growth that, repeated every year, gives the change over the period."),
    _e(("TOPSIS",), "TOPSIS", "TOPSIS",
       "Adayları, en iyi ve en kötü varsayımsal adaya uzaklıklarına göre sıralayan çok ölçütlü yöntem; puan "
       "0 ile 1 arasındadır, 1 en iyi.",
       "A multi-criteria method that ranks candidates by their distance to an ideal best and worst candidate; "
       "the score runs from 0 to 1, 1 best."),
    _e(("PCI",), "Sektör karmaşıklığı (PCI)", "Product (sector) complexity index (PCI)",
       "Sektörün ne kadar az ilde ve ne kadar çeşitli sektörü olan illerde görüldüğü; yüksek değer, "
       "kurulması zor, değerli bir sektör demektir.",
       "How few provinces hold the sector, and how diverse those provinces are; a high value is a sector "
       "that is hard to build and valuable."),
    _e(("EKE", "ECI"), "Ekonomik karmaşıklık endeksi (EKE)", "Economic complexity index (ECI)",
       "İlin sektörlerinin ne kadar çeşitli ve nadir olduğu. İşareti, EKE ilin çeşitliliğiyle (uzmanlaştığı "
       "sektör sayısıyla) birlikte artacak biçimde seçilir (Hidalgo ve Hausmann 2009). Sentetik örnek veride "
       "ikisi zayıf ilişkilidir (Spearman 0,22): sıralama sanayi illerini (Düzce, Tekirdağ, Sakarya) hizmet "
       "ekonomilerinden (İstanbul, Antalya, Ankara) ayırır; bir gelişmişlik sıralaması olarak okunmamalıdır.",
       "How diverse and rare the province's sectors are. Its sign is chosen so that the ECI rises with the "
       "province's diversity (the number of sectors it is specialised in; Hidalgo and Hausmann 2009). In the "
       "synthetic sample the two are only weakly related (Spearman 0.22): the ranking separates industrial "
       "provinces (Düzce, Tekirdağ, Sakarya) from service economies (İstanbul, Antalya, Ankara); do not read "
       "it as a ranking of development."),
    _e(("COG",), "Karmaşıklık kazancı (COG)", "Complexity outlook gain (COG)",
       "Bu sektöre girmenin ilin gelecekte girebileceği karmaşık sektörlere katkısı.",
       "How much entering the sector opens the way to other complex sectors for the province."),
    _e(("RCA", "AKÜ"), "Açıklanmış karşılaştırmalı üstünlük (AKÜ, İng. RCA)", "Revealed comparative advantage (RCA)",
       "Sektörün ilin ihracatındaki payının Türkiye'nin ihracatındaki payına oranı; 1 ve üstü üstünlük sayılır.",
       "The sector's share of the province's exports divided by its share of Türkiye's; 1 or more counts as "
       "an advantage."),
    _e(("FLQ", "Flegg"), "Flegg yerelleşme katsayısı (FLQ)", "Flegg location quotient (FLQ)",
       "Ulusal girdi-çıktı tablosunu ilin büyüklüğüne göre küçülterek ile uyarlayan yöntem; δ ne kadar büyükse "
       "il içinde kalan pay o kadar küçük varsayılır.",
       "A method that scales the national input-output table down to the province by its size; the larger δ, "
       "the smaller the share assumed to stay in the province."),
    _e(("arasındalık", "betweenness"), "Arasındalık (köprü konumu)", "Betweenness (bridging position)",
       "Firmanın, diğer firma çiftlerini birbirine bağlayan en kısa yollarda ne sıklıkla bulunduğu.",
       "How often a firm lies on the shortest paths that join other pairs of firms."),
    _e(("Burt", "kısıt"), "Burt kısıtı (bağımlılık)", "Burt's constraint (dependence)",
       "Firmanın bağlarının birkaç ortakta ne kadar toplandığı; düşük değer çok seçenek demektir.",
       "How much a firm's ties are concentrated on a few partners; a low value means many options."),
    _e(("E–I", "E-I"), "E–I endeksi", "E–I index",
       "Küme dışı ilişkiler eksi küme içi ilişkiler, bütün ilişkilere bölünmüş: −1 bütün ilişkiler küme "
       "içinde, +1 bütünü dışında.",
       "External minus internal ties over all ties: −1 all ties inside the cluster, +1 all outside."),
    _e(("irtibat", "kapı bekçisi", "temsilci", "koordinatör", "gezgin aracı", "liaison", "gatekeeper"),
       "Aracılık rolleri", "Brokerage roles",
       "İki firmayı bağlayan aracının konumu (Gould ve Fernandez): koordinatör (üçü aynı aşamada), gezgin "
       "aracı (aracı başka aşamada), temsilci (dışarıya bağ kuran), kapı bekçisi (kendi aşamasına dışarıdan "
       "gelen bağı kuran), irtibat (kendi aşaması dışındaki iki firmayı bağlayan).",
       "Where a broker between two firms stands (Gould and Fernandez): coordinator (all three in one stage), "
       "itinerant (the broker in another stage), representative (ties out), gatekeeper (ties in to its own "
       "stage), liaison (joins two firms of other stages)."),
    _e(("ESCA",), "ESCA", "ESCA",
       "Avrupa Küme Analizi Sekreteryası; küme yönetimlerini değerlendirip bronz, gümüş, altın etiket verir.",
       "European Secretariat for Cluster Analysis; it assesses cluster managements and awards bronze, silver "
       "and gold labels."),
    _e(("A10",), "A10 sınıflaması", "A10 classification",
       "TÜİK'in il hesaplarında kullandığı 10 ana sektörlü sınıflama (tarım, sanayi, inşaat…).",
       "The 10-sector grouping TÜİK uses in its provincial accounts (agriculture, industry, construction…)."),
    _e(("İBBS", "TR83", "NUTS"), "İBBS (Düzey 2 bölgesi)", "NUTS (level-2 region)",
       "İstatistiki Bölge Birimleri Sınıflaması; Düzey 2 bölgeleri (ör. TR83: Samsun, Tokat, Çorum, Amasya) "
       "birkaç komşu ilden oluşur.",
       "Türkiye's statistical regions; level-2 regions (e.g. TR83: Samsun, Tokat, Çorum, Amasya) group a few "
       "neighbouring provinces."),
    _e(("NACE",), "NACE", "NACE",
       "Avrupa Birliği'nin ekonomik faaliyet sınıflaması (Rev. 2); iki haneli kod bir bölümdür (ör. 32: "
       "diğer imalat).",
       "The EU classification of economic activities (Rev. 2); a two-digit code is a division (e.g. 32: other "
       "manufacturing)."),
    _e(("SGK", "4/a"), "SGK 4/a istihdamı", "SGK 4/a employment",
       "Sosyal Güvenlik Kurumu'na hizmet akdiyle kayıtlı çalışanlar; kendi hesabına çalışanları ve çoğu tarım "
       "çalışanını kapsamaz, bu yüzden tarımı küçük gösterir.",
       "Employees insured with the Social Security Institution under a contract of service; it leaves out the "
       "self-employed and most farm workers, so it understates agriculture."),
    _e(("TÜİK",), "TÜİK", "TÜİK", "Türkiye İstatistik Kurumu; resmî istatistiklerin kaynağı.",
       "Turkish Statistical Institute, the source of official statistics."),
    _e(("SES", "SEGE"), "Sosyoekonomik statü (SES) puanı", "Socio-economic status (SES) score",
       "TÜİK'in illerin hane halkı refahını özetleyen puanı (2023); Sanayi ve Teknoloji Bakanlığının SEGE "
       "endeksiyle aynı şey değildir.",
       "TÜİK's score summarising the households' welfare of each province (2023); not the same as the "
       "Ministry of Industry and Technology's SEGE index."),
    _e(("GSYH", "GDP"), "GSYH", "GDP", "Gayrisafi yurt içi hasıla: bir yılda üretilen mal ve hizmetlerin değeri.",
       "Gross domestic product: the value of the goods and services produced in a year."),
    _e(("TL", "TRY"), "TL", "TL (TRY)", "Türk lirası.", "Turkish lira (TRY)."),
    _e(("ABD", "US", "USD"), "ABD", "US", "Amerika Birleşik Devletleri (ABD doları; ABD Küme Haritalama Projesi).",
       "United States (US dollars; US Cluster Mapping Project)."),
    _e(("ADNKS",), "ADNKS", "ABPRS",
       "TÜİK'in Adrese Dayalı Nüfus Kayıt Sistemi; illerin yıllık nüfusu buradan gelir.",
       "TÜİK's Address-Based Population Registration System, the source of the provinces' yearly population."),
    _e(("KOBİ", "SME"), "KOBİ", "SME", "Küçük ve orta büyüklükteki işletme (250 çalışana kadar).",
       "Small or medium-sized enterprise (up to 250 employees)."),
    _e(("TSİ", "TRT"), "TSİ", "TRT", "Türkiye saati (UTC+3).", "Türkiye time (UTC+3)."),
    _e(("KOSGEB",), "KOSGEB", "KOSGEB",
       "Küçük ve Orta Ölçekli İşletmeleri Geliştirme ve Destekleme İdaresi Başkanlığı.",
       "Türkiye's agency for the development and support of small and medium-sized enterprises."),
    _e(("TÜBİTAK",), "TÜBİTAK", "TÜBİTAK", "Türkiye Bilimsel ve Teknolojik Araştırma Kurumu; Ar-Ge destekleri verir.",
       "The Scientific and Technological Research Council of Türkiye; it funds R&D."),
    _e(("MEDİKÜM",), "MEDİKÜM", "MEDİKÜM",
       "Samsun Medikal Sanayi Kümelenmesi derneği (gerçek kurum; örnek veride üstlendiği işlevler ve puanlar "
       "sentetiktir).",
       "The Samsun medical industry cluster association (a real body; its roles and scores in the sample data "
       "are synthetic)."),
    _e(("yüzdelik", "percentile"), "Yüzdelik sıra", "Percentile rank",
       "İlin 81 ilin yüzde kaçının önünde olduğu (yüzdelik 78: illerin %78'inden önde).",
       "The share of the 81 provinces the province is ahead of (78th percentile: ahead of 78 %)."),
    _e(("Cronbach",), "Cronbach alfa", "Cronbach's alpha",
       "Aynı alandaki soruların birbiriyle tutarlılığı; 0,70 ve üstünde soruların ortalaması tek bir ölçü "
       "olarak okunabilir.",
       "How consistently the questions of one area are answered; at 0.70 or more their average can be read as "
       "one measure."),
    _e(("Kruskal–Wallis", "Mann–Whitney", "Holm"), "Anlamlılık testleri", "Significance tests",
       "Kruskal–Wallis (gruplar arası) ve Mann–Whitney U (iki dalga arası) testleri, görülen farkın rastlantıyla "
       "açıklanıp açıklanamayacağını sınar; Holm düzeltmesi çok sayıda test birlikte yapıldığında yanlış alarmı "
       "sınırlar. p < 0,05: fark anlamlı.",
       "The Kruskal–Wallis (between groups) and Mann–Whitney U (between two waves) tests ask whether a "
       "difference could be chance; the Holm correction limits false alarms when many tests are run. "
       "p < 0.05: the difference is significant."),
    _e(("güven aralığı", "confidence interval"), "Güven aralığı", "Confidence interval",
       "Gerçek değerin %95 olasılıkla içinde kaldığı aralık; ne kadar darsa tahmin o kadar kesindir.",
       "The range that holds the true value with 95 % probability; the narrower, the more precise."),
)

_CODE_SUFFIX = re.compile(r"^(.*?)-\d+$")
_REGION = re.compile(r"^TR\d{1,2}[A-Z0-9]?$")


def _index() -> dict[str, Entry]:
    return {term.casefold(): entry for entry in GLOSSARY for term in entry.terms}


def lookup(token: str) -> Entry | None:
    """The entry of an abbreviation as a finding writes it, or None.

    Examples
    --------
    >>> lookup("İBBS-2").name["tr"], lookup("TR90").name["en"]
    ('İBBS (Düzey 2 bölgesi)', 'NUTS (level-2 region)')
    >>> lookup("XYZ") is None
    True
    """
    index = _index()
    token = token.strip()
    for candidate in (token, _CODE_SUFFIX.sub(r"\1", token), "TR83" if _REGION.match(token) else ""):
        if candidate and candidate.casefold() in index:
            return index[candidate.casefold()]
    return None


def _found(term: str, text: str) -> bool:
    if term.isupper() or any(c.isdigit() for c in term):
        return re.search(rf"(?<![\w]){re.escape(term)}(?![\w])", text) is not None
    return re.search(rf"(?<![\w]){re.escape(term)}", text, flags=re.IGNORECASE) is not None


def glossary_for(text: str, lang: str) -> list[dict[str, str]]:
    """The entries whose term appears in ``text``, as ``{"name", "text"}`` in ``lang``.

    Examples
    --------
    >>> [e["name"] for e in glossary_for("Samsun'da LQ 2,29; TOPSIS puanı 0,54", "tr")]
    ['Yerelleşme katsayısı (LQ)', 'TOPSIS']
    """
    lang = i18n.check_language(lang)
    return [
        {"name": entry.name[lang], "text": entry.text[lang]}
        for entry in GLOSSARY
        if any(_found(term, text) for term in entry.terms)
    ]
