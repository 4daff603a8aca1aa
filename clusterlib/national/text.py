"""Texts of the national pages and workbooks, in Turkish and English (registered on import).

The search folding is the knowledge base's own (:func:`clusterlib.monitoring.pages_text.fold`),
re-exported here so that the pages and their tests use one definition.
"""

from __future__ import annotations

from clusterlib.i18n import add_strings
from clusterlib.monitoring.pages_text import fold

__all__ = ["ATTRIBUTION", "STRINGS", "fold"]

#: The boundaries' attribution line in the page language (OpenStreetMap's licence, ODbL 1.0).
ATTRIBUTION: dict[str, str] = {
    "tr": "İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL 1.0",
    "en": "Province boundaries: © OpenStreetMap contributors, ODbL 1.0",
}

STRINGS: dict[str, dict[str, str]] = {
    "national.title": {"tr": "Ulusal görünüm: 81 ilin kümelenme haritası",
                       "en": "National overview: the cluster map of the 81 provinces"},
    "national.intro": {
        "tr": "Her il ve her küme kategorisi için büyüklük, uzmanlaşma, büyüme ve ücret; hangi kümelerin güçlü "
              "olduğu ve ilin emsalleri arasındaki yeri. Ölçüm, pilot kümelerin izleme ve kıyaslama raporundaki "
              "ölçümün aynısıdır. İlinizi bulmak için arama kutusuna adını yazın (Türkçe harf gerekmez: "
              "«corum», «sanliurfa») ve il adına tıklayın.",
        "en": "For every province and every cluster category: size, specialisation, growth and wages; which "
              "clusters are strong, and where the province stands among its peers. The measurement is the one "
              "of the pilots' monitoring and benchmarking report. To find your province, type its name in the "
              "search box (Turkish letters are not needed: 'corum', 'sanliurfa') and click the name.",
    },
    "national.synthetic": {
        "tr": "SENTETİK ÖRNEK VERİ: sektör rakamları (istihdam, işyeri, ücret, ihracat, yerelleşme katsayısı, "
              "güçlü küme ve yıldızlar) yazılımla gelen sentetik örnekten hesaplanmıştır; resmî istatistik "
              "değildir.",
        "en": "SYNTHETIC SAMPLE DATA: the sector figures (employment, workplaces, wages, exports, location "
              "quotient, strong clusters and stars) are computed from the bundled synthetic sample; they are "
              "not official statistics.",
    },
    "national.unavailable": {
        "tr": "Ulusal görünüm bu verilerle hesaplanamadı: {reason}",
        "en": "The national overview could not be computed from these data: {reason}",
    },
    "national.caveat.01": {
        "tr": "Dikkat: tarımda çalışanların çoğu sigortalı ücretli (SGK 4/a) değildir; bu kategori tarım "
              "istihdamını eksik gösterir.",
        "en": "Caution: most people working in agriculture are not insured employees (SGK 4/a); this category "
              "undercounts farm employment.",
    },
    "national.synthetic_short": {"tr": "SENTETİK ÖRNEK VERİ", "en": "SYNTHETIC SAMPLE DATA"},
    "national.own_data": {
        "tr": "Sektör rakamları kullanıcının veri klasöründen ({folder}) hesaplanmıştır.",
        "en": "The sector figures are computed from the user's data folder ({folder}).",
    },
    "national.official": {
        "tr": "Resmî veri – TÜİK: nüfus ({population_year}, ADNKS), kişi başına GSYH ({gdp_year}, Bölgesel "
              "Hesaplar), sosyoekonomik statü (SES) puanı ({ses_year}).",
        "en": "Official data – TÜİK: population ({population_year}, ADNKS), GDP per capita ({gdp_year}, "
              "Regional Accounts), socio-economic status (SES) score ({ses_year}).",
    },
    "national.official_badge": {"tr": "Resmî veri – TÜİK", "en": "Official data – TÜİK"},
    "national.howto": {"tr": "Nasıl okunur?", "en": "How to read it"},
    "national.howto.lq": {
        "tr": "Yerelleşme katsayısı (YK): sektörün il istihdamındaki payının Türkiye'deki payına oranı; 1 "
              "Türkiye ortalaması, 2 ortalamanın iki katı uzmanlaşma demektir.",
        "en": "Location quotient (LQ): the sector's share of the province's employment over its share of "
              "Türkiye's; 1 is the national average, 2 twice the average specialisation.",
    },
    "national.howto.strong": {
        "tr": "Güçlü küme (ABD Küme Haritalama Projesi ölçütü): YK 81 ilin en yüksek dörtte birinde ve en az 1; "
              "istihdam ve işyeri sayısı illerin en düşük dörtte birinin üstünde.",
        "en": "Strong cluster (US Cluster Mapping Project rule): LQ in the top quarter of the 81 provinces and "
              "at least 1; employment and workplaces above the lowest quarter of the provinces.",
    },
    "national.howto.stars": {
        "tr": "Yıldızlar (Avrupa Küme Gözlemevi): büyüklük (istihdamda illerin ilk %10'u), uzmanlaşma (YK ≥ 2), "
              "odak (il istihdamındaki payda ilk %10), verimlilik (ücrette ilk %10), dinamizm (büyümede ilk "
              "%10); her biri bir yıldız, en çok 5. ★ karşılanan, ☆ karşılanmayan ölçüt.",
        "en": "Stars (European Cluster Observatory): size (top 10 % of provinces in employment), "
              "specialisation (LQ ≥ 2), focus (top 10 % in share of the province's employment), productivity "
              "(top 10 % in wages), dynamism (top 10 % in growth); one star each, at most 5. ★ met, ☆ not met.",
    },
    "national.howto.category": {
        "tr": "Küme kategorisi: clusters.yaml dosyasındaki kümelerin ana NACE bölümü; aynı bölümdeki kümeler "
              "aynı rakamları paylaşır (veriler bölüm düzeyindedir).",
        "en": "Cluster category: the main NACE division of the clusters in clusters.yaml; clusters in the same "
              "division share its figures (the data are by division).",
    },
    "national.search": {"tr": "İl ara", "en": "Find a province"},
    "national.search_hint": {"tr": "il adı, bölge, sektör…", "en": "province, region, sector…"},
    "national.filter.region": {"tr": "İBBS Düzey 2 bölgesi", "en": "NUTS-2 region"},
    "national.filter.strong": {"tr": "Bu kategoride güçlü kümesi olan", "en": "With a strong cluster in"},
    "national.filter.pilot": {"tr": "Yalnızca pilot iller", "en": "Pilot provinces only"},
    "national.all": {"tr": "tümü", "en": "all"},
    "national.shown": {"tr": "Gösterilen: {shown} / {total} il", "en": "Shown: {shown} of {total} provinces"},
    "national.sort_hint": {"tr": "Sıralamak için sütun başlığına tıklayın.",
                           "en": "Click a column heading to sort."},
    "national.col.province": {"tr": "İl", "en": "Province"},
    "national.col.plate": {"tr": "Plaka", "en": "Plate"},
    "national.col.nuts2": {"tr": "İBBS Düzey 2 bölgesi", "en": "NUTS-2 region"},
    "national.col.population": {"tr": "Nüfus, {year} (TÜİK)", "en": "Population, {year} (TÜİK)"},
    "national.col.gdp_rank": {"tr": "Kişi başına GSYH sırası, {year} (TÜİK)",
                              "en": "GDP per capita rank, {year} (TÜİK)"},
    "national.col.gdp": {"tr": "Kişi başına GSYH, {year} (TL, TÜİK)", "en": "GDP per capita, {year} (TRY, TÜİK)"},
    "national.col.ses_rank": {"tr": "Sosyoekonomik statü (SES) puanı sırası, {year} (TÜİK)",
                              "en": "Socio-economic status (SES) score rank, {year} (TÜİK)"},
    "national.col.ses": {"tr": "SES puanı, {year} (TÜİK)", "en": "SES score, {year} (TÜİK)"},
    "national.col.strong_count": {"tr": "Güçlü küme sayısı (/{n})", "en": "Strong clusters (of {n})"},
    "national.col.strongest": {"tr": "En güçlü kümeleri", "en": "Strongest clusters"},
    "national.col.category": {"tr": "Küme kategorisi (NACE bölümü)", "en": "Cluster category (NACE division)"},
    "national.col.clusters": {"tr": "Bu bölümdeki kümeler (clusters.yaml)", "en": "Clusters in this division"},
    "national.col.employment": {"tr": "Sigortalı istihdam (kişi)", "en": "Insured employment (persons)"},
    "national.col.workplaces": {"tr": "İşyeri", "en": "Workplaces"},
    "national.col.lq": {"tr": "Yerelleşme katsayısı (YK)", "en": "Location quotient (LQ)"},
    "national.col.growth": {"tr": "İstihdam artışı, yıllık ort. {start}–{end}",
                            "en": "Employment growth, annual avg. {start}–{end}"},
    "national.col.avg_wage": {"tr": "Ortalama brüt ücret (TL/ay)", "en": "Average gross wage (TRY/month)"},
    "national.col.exports_usd": {"tr": "İhracat (milyon ABD doları)", "en": "Exports (million US dollars)"},
    "national.col.strong": {"tr": "Güçlü küme mi?", "en": "Strong cluster?"},
    "national.col.stars": {"tr": "Yıldızlar", "en": "Stars"},
    "national.col.rank": {"tr": "81 il içinde sıra", "en": "Rank of 81"},
    "national.col.strong_provinces": {"tr": "Güçlü kümesi olan iller", "en": "Provinces with a strong cluster"},
    "national.col.why": {"tr": "Neden emsal?", "en": "Why a peer?"},
    "national.col.name": {"tr": "Girişim", "en": "Initiative"},
    "national.col.year": {"tr": "Yıl", "en": "Year"},
    "national.col.sector": {"tr": "Sektör", "en": "Sector"},
    "national.rank_of": {"tr": "{rank}. sıra", "en": "rank {rank}"},
    "national.rank_note": {
        "tr": "Değerin altındaki küçük yazı, ilin 81 il içindeki sırasıdır (1 = en yüksek).",
        "en": "The small line under a value is the province's rank among the 81 (1 = highest).",
    },
    "national.strongest_note": {
        "tr": "«En güçlü kümeleri» sütununda ● güçlü küme ölçütünü karşılayan kategoriyi, ★ her Avrupa Küme "
              "Gözlemevi yıldızını gösterir.",
        "en": "In 'Strongest clusters', ● marks a category that meets the strong-cluster rule and ★ each "
              "European Cluster Observatory star.",
    },
    "national.source_prefix": {"tr": "Kaynak:", "en": "Source:"},
    "national.star.size": {"tr": "büyüklük", "en": "size"},
    "national.star.specialisation": {"tr": "uzmanlaşma", "en": "specialisation"},
    "national.star.focus": {"tr": "odak", "en": "focus"},
    "national.star.productivity": {"tr": "verimlilik", "en": "productivity"},
    "national.star.dynamism": {"tr": "dinamizm", "en": "dynamism"},
    "national.yes": {"tr": "✔ evet", "en": "✔ yes"},
    "national.no": {"tr": "✘ hayır", "en": "✘ no"},
    "national.none": {"tr": "yok", "en": "none"},
    "national.pilot": {"tr": "pilot", "en": "pilot"},
    "national.h.table": {"tr": "81 il", "en": "The 81 provinces"},
    "national.h.categories": {"tr": "Küme kategorileri", "en": "Cluster categories"},
    "national.h.maps": {"tr": "Küme kategorilerine göre haritalar", "en": "Maps by cluster category"},
    "national.maps_intro": {
        "tr": "Her harita bir küme kategorisinin illere göre yerelleşme katsayısını gösterir: beyaz Türkiye "
              "ortalaması (YK 0,8–1,25), kırmızının tonları ortalamanın üstünde, mavinin tonları altında "
              "uzmanlaşma. Siyah nokta güçlü kümeyi, turuncu yıldız bilgi bankasındaki bir kümelenme girişimini "
              "gösterir. Bir ile tıklayınca sayfası açılır.",
        "en": "Each map shows one cluster category's location quotient by province: white is the national "
              "average (LQ 0.8–1.25), shades of red specialisation above it, shades of blue below. A black dot "
              "marks a strong cluster, an orange star a cluster initiative of the knowledge base. Click a "
              "province to open its page.",
    },
    "national.map.title": {"tr": "{category}: illere göre yerelleşme katsayısı, {year}",
                           "en": "{category}: location quotient by province, {year}"},
    "national.map.source": {
        "tr": "Kaynak: SGK tarzı sigortalı istihdam, {year} — SENTETİK örnek veri; girişimler: bilgi bankası.",
        "en": "Source: SGK-style insured employment, {year} — SYNTHETIC sample data; initiatives: knowledge base.",
    },
    "national.map.source_own": {
        "tr": "Kaynak: sigortalı istihdam, {year} ({folder}); girişimler: bilgi bankası.",
        "en": "Source: insured employment, {year} ({folder}); initiatives: knowledge base.",
    },
    "national.map.no_employment": {"tr": "istihdam yok", "en": "no employment"},
    "national.map.strong": {"tr": "● güçlü küme", "en": "● strong cluster"},
    "national.map.pilot": {"tr": "kalın çerçeve: pilot il ({provinces})",
                           "en": "thick outline: pilot province ({provinces})"},
    "national.map.initiative": {"tr": "★ kümelenme girişimi", "en": "★ cluster initiative"},
    "national.map.tip": {"tr": "{province}: YK {lq}, {employment} kişi, {stars} yıldız{strong}",
                         "en": "{province}: LQ {lq}, {employment} persons, {stars} stars{strong}"},
    "national.map.tip_strong": {"tr": ", güçlü küme", "en": ", strong cluster"},
    "national.map.not_shown": {
        "tr": "Haritalarda gösterilmeyen girişimler (ili ya da sektörü belirtilmemiş ya da sektörü bir küme "
              "kategorisinde değil): {names}.",
        "en": "Initiatives not on the maps (no province or sector given, or a sector outside the categories): "
              "{names}.",
    },
    "national.map.jump": {"tr": "Haritaya git:", "en": "Go to a map:"},
    "national.workbook": {"tr": "Tablonun tamamı Excel dosyası olarak: {link}",
                          "en": "The whole table as an Excel workbook: {link}"},
    "national.nav.index": {"tr": "Rapor dizini", "en": "Report index"},
    "national.nav.kb": {"tr": "Kümelenme girişimleri bilgi bankası", "en": "Knowledge base of cluster initiatives"},
    "national.nav.national": {"tr": "Ulusal görünüm", "en": "National overview"},
    "national.nav": {"tr": "Sayfalar", "en": "Pages"},
    "national.technical": {
        "tr": "Teknik bilgiler: veri yılı {year}, büyüme dönemi {period} yıl, veri klasörü {folder}, "
              "sürüm {version}.",
        "en": "Technical details: data year {year}, growth period {period} years, data folder {folder}, "
              "version {version}.",
    },
    # ---- the province pages
    "province.title": {"tr": "{province}: kümelenme profili", "en": "{province}: cluster profile"},
    "province.facts": {"tr": "İl hakkında", "en": "About the province"},
    "province.fact.plate": {"tr": "Plaka", "en": "Plate"},
    "province.fact.nuts2": {"tr": "İBBS Düzey 2 bölgesi", "en": "NUTS-2 region"},
    "province.fact.population": {"tr": "Nüfus ({year})", "en": "Population ({year})"},
    "province.fact.gdp": {"tr": "Kişi başına GSYH ({year})", "en": "GDP per capita ({year})"},
    "province.fact.ses": {"tr": "Sosyoekonomik statü (SES) puanı ({year})",
                          "en": "Socio-economic status (SES) score ({year})"},
    "province.gdp_value": {"tr": "{value} TL; 81 il içinde {rank}. sırada",
                           "en": "TRY {value}; rank {rank} of 81"},
    "province.ses_value": {"tr": "{value}; 81 il içinde {rank}. sırada", "en": "{value}; rank {rank} of 81"},
    "province.pilot": {
        "tr": "Pilot il: KOBİ Ağları Projesi'nin Kümelenme Bilgi Merkezi ({spot}).",
        "en": "Pilot province: Cluster Info Spot of the SME Networking Project ({spot}).",
    },
    "province.h.clusters": {"tr": "Küme kategorileri, güçlüden zayıfa", "en": "Cluster categories, strongest first"},
    "province.order": {
        "tr": "Sıralama: önce güçlü kümeler, sonra yıldız sayısı, sonra yerelleşme katsayısı.",
        "en": "Order: strong clusters first, then the number of stars, then the location quotient.",
    },
    "province.finding": {
        "tr": "{province|loc} {n|num} küme kategorisinden {k|num|poss} güçlü küme ölçütünü karşılıyor: {names}.",
        "en": "{province}: {k|num} of the {n|num} cluster categories {k|plural:meets:meet} the strong-cluster rule: "
              "{names}.",
    },
    "province.finding.none": {
        "tr": "{province|loc} {n} küme kategorisinin hiçbiri güçlü küme ölçütünü karşılamıyor; en yüksek "
              "yerelleşme katsayısı {name} kategorisinde ({lq}).",
        "en": "{province}: none of the {n} cluster categories meets the strong-cluster rule; the highest "
              "location quotient is in {name} ({lq}).",
    },
    "province.h.peers": {"tr": "Emsal iller arasında yeri", "en": "Where it stands among its peers"},
    "province.peers_rule": {
        "tr": "Emsaller nasıl seçilir: aynı İBBS Düzey 2 bölgesindeki ({nuts2}) diğer iller ve kişi başına "
              "GSYH (logaritması) ile SES puanında en yakın {k} il. Yakınlık, iki göstergenin 81 il üzerinden "
              "standartlaştırılmış değerleri arasındaki uzaklıktır (izleme raporundaki kuralın aynısı).",
        "en": "How peers are chosen: the other provinces of the same NUTS-2 region ({nuts2}) and the {k} "
              "provinces closest in GDP per capita (its logarithm) and SES score. Closeness is the distance "
              "between the two indicators' values standardised over the 81 provinces (the rule of the "
              "monitoring report).",
    },
    "province.peers_compare": {
        "tr": "Son sütunlar ilin en güçlü kategorisini ({category}) emsallerle karşılaştırır.",
        "en": "The last columns compare the province's strongest category ({category}) with its peers.",
    },
    "province.why.region": {"tr": "aynı bölge", "en": "same region"},
    "province.why.similar": {"tr": "benzer kişi başına GSYH ve SES puanı", "en": "similar GDP per capita and SES"},
    "province.this": {"tr": "bu il", "en": "this province"},
    "province.h.initiatives": {"tr": "İldeki kümelenme girişimleri", "en": "Cluster initiatives in the province"},
    "province.no_initiatives": {
        "tr": "Bilgi bankasında bu ilde bir kümelenme girişimi kayıtlı değil.",
        "en": "The knowledge base records no cluster initiative in this province.",
    },
    "province.h.reports": {"tr": "İlin adım raporları", "en": "The province's step reports"},
    "province.no_reports": {
        "tr": "Bu çalıştırmada {name} için adım raporu üretilmedi; raporlar üretildiğinde bağlantıları "
              "burada yer alır.",
        "en": "No step reports were rendered for {name} in this run; when they are, their links appear here.",
    },
    "province.workbook": {"tr": "Bu sayfanın tabloları Excel dosyası olarak: {link}",
                          "en": "This page's tables as an Excel workbook: {link}"},
    "province.back": {"tr": "← Ulusal görünüm (81 il)", "en": "← National overview (81 provinces)"},
    # ---- workbooks
    "workbook.about": {"tr": "Hakkında", "en": "About"},
    "workbook.provinces": {"tr": "İller", "en": "Provinces"},
    "workbook.measures": {"tr": "İl x kategori", "en": "Province x category"},
    "workbook.categories": {"tr": "Kategoriler", "en": "Categories"},
    "workbook.clusters": {"tr": "Kümeler", "en": "Clusters"},
    "workbook.peers": {"tr": "Emsaller", "en": "Peers"},
    "workbook.initiatives": {"tr": "Girişimler", "en": "Initiatives"},
    "workbook.generated": {"tr": "Oluşturulma tarihi", "en": "Generated"},
    "workbook.sheet": {"tr": "Sayfa", "en": "Sheet"},
    "workbook.content": {"tr": "İçerik", "en": "Content"},
}

add_strings(STRINGS)
