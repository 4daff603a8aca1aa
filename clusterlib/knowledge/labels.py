"""Turkish and English texts of the knowledge store: messages, the workbook's help and the pages."""

from __future__ import annotations

from clusterlib.i18n import add_strings

__all__: list[str] = []

add_strings(
    {
        # where a problem is: sheet, row, column
        "kb.where": {"tr": "{file}, '{sheet}' sayfası, satır {row}, sütun '{column}'",
                     "en": "{file}, sheet '{sheet}', row {row}, column '{column}'"},
        "kb.where_sheet": {"tr": "{file}, '{sheet}' sayfası", "en": "{file}, sheet '{sheet}'"},
        "kb.problems": {"tr": "{file} içe aktarılmadı: {n} sorun var; hepsini düzeltip yeniden deneyin. Bilgi "
            "bankası değişmedi.",
                        "en": "{file} was not imported: {n} {n|plural:problem:problems}; fix them all and try again. "
                              "The knowledge "
                            "base is unchanged."},
        "kb.err.not_xlsx": {"tr": "bir XLSX çalışma kitabı değil ({error})", "en": "is not an XLSX workbook "
            "({error})"},
        "kb.err.not_template": {
            "tr": "clusterlib bilgi bankası şablonu değil ('_meta' sayfası yok); 'clusterlib kb export' ile alınan "
                "bir dosya verin",
            "en": "is not a clusterlib knowledge-base template (no '_meta' sheet); give a file written by "
                "'clusterlib kb export'"},
        "kb.err.version": {
            "tr": "şablon sürümü {version}, bu clusterlib {expected}. sürümü okur; 'clusterlib kb export' ile yeni bir "
                "şablon alıp değişikliklerinizi ona aktarın",
            "en": "the template is version {version}, this clusterlib reads version {expected}; take a new template "
                "with 'clusterlib kb export' and copy your edits into it"},
        "kb.err.no_sheets": {"tr": "bilinen bir sayfa yok (beklenen: {sheets})", "en": "has no known sheet "
            "(expected: {sheets})"},
        "kb.err.missing_columns": {"tr": "şu sütunlar eksik: {columns}; şablonun başlık satırını değiştirmeyin",
                                   "en": "columns missing: {columns}; keep the template's header row"},
        "kb.err.unknown_columns": {"tr": "bilinmeyen sütunlar: {columns}", "en": "unknown columns: {columns}"},
        "kb.err.no_id": {"tr": "kimlik (id) boş; kısa ve tekil bir anahtar yazın (ör. 'samsun_medikal')",
                         "en": "the id is empty; give a short unique key (e.g. 'samsun_medical')"},
        "kb.err.bad_id": {"tr": "{got} kimlik olamaz: yalnızca harf, rakam, '_', '-' ve '.' kullanın",
                          "en": "{got} is not an id: use only letters, digits, '_', '-' and '.'"},
        "kb.err.dup_id": {"tr": "{got} kimliği iki kez kullanılmış (diğeri: satır {other})",
                          "en": "id {got} is used twice (also row {other})"},
        "kb.err.no_name": {"tr": "ad boş: name_tr ya da name_en verin", "en": "no name: give name_tr or name_en"},
        "kb.err.choice": {"tr": "{got} geçerli değil; şunlardan biri olmalı: {allowed}",
                          "en": "{got} is not allowed; expected one of: {allowed}"},
        "kb.err.province": {"tr": "{detail}", "en": "{detail}"},
        "kb.err.nace": {"tr": "{got} bir NACE Rev. 2 bölümü değil; ';' ile ayrılmış bölümler yazın (ör. '28;29')",
                        "en": "{got} is not a NACE Rev. 2 division; give divisions separated by ';' (e.g. "
                            "'28;29')"},
        "kb.err.integer": {"tr": "{got} bir tam sayı değil (beklenen: {low}–{high})",
                           "en": "{got} is not a whole number (expected {low}–{high})"},
        "kb.err.date": {"tr": "{got} bir tarih değil; YYYY-AA-GG biçiminde yazın", "en": "{got} is not a date; "
            "write YYYY-MM-DD"},
        "kb.err.base": {"tr": "{got} geçerli bir sürüm değil; '_version' sütununa dokunmayın",
                        "en": "{got} is not a version; leave the '_version' column as exported"},
        "kb.already": {"tr": "{file} daha önce içe aktarılmış ({at}, {by}); hiçbir şey değişmedi.",
                       "en": "{file} was imported before ({at}, by {by}); nothing changed."},
        "kb.conflicts": {
            "tr": "{file} içe aktarılmadı: {n} kayıt, dışa aktarımınızdan sonra başka bir bilgi noktası tarafından "
                "da değiştirilmiş. Hiçbir şey değişmedi. Her kayıt için '--take KİMLİK=mine' (sizin değeriniz) ya "
                "da '--take KİMLİK=theirs' (kayıttaki değer) verin, ya da dosyayı düzeltin:",
            "en": "{file} was not imported: {n} {n|plural:entry was:entries were} also changed by another info spot "
                  "since your export. "
                "Nothing changed. For each entry give '--take ID=mine' (your value) or '--take ID=theirs' (the "
                "stored value), or edit the file:"},
        "kb.conflict.field": {"tr": "    {field}: temel={base} | sizin={mine} | kayıttaki={theirs} ({by}, "
            "{at})",
                              "en": "    {field}: base={base} | yours={mine} | stored={theirs} ({by}, {at})"},
        "kb.err.take": {"tr": "'--take {got}': {ident} içe aktarılan dosyada yok ya da çakışmıyor",
                        "en": "'--take {got}': {ident} is not in the file or has no conflict"},
        "kb.err.raced": {"tr": "{file} içe aktarılırken bilgi bankası başka bir içe aktarmayla değişti; hiçbir şey "
                                "değişmedi, komutu yeniden çalıştırın.",
                         "en": "the knowledge base changed during the import of {file}; nothing changed, run the "
                               "command again."},
        "kb.imported": {"tr": "{file}: {created} yeni, {updated} güncellenen kayıt; {unchanged} kayıt aynı.",
                        "en": "{file}: {created} new, {updated} updated entries; {unchanged} unchanged."},
        "kb.duplicates": {"tr": "Aynı ad iki kimlikle: {items}", "en": "Same name under two ids: {items}"},
        "kb.exported": {"tr": "{n} kayıt {file} dosyasına yazıldı.", "en": "{n} entries written to {file}."},
        # the workbook's help sheet
        "kb.help.title": {"tr": "Bilgi bankası güncelleme şablonu", "en": "Knowledge-base update template"},
        "kb.help.text": {
            "tr": "Her sayfa bir kayıt türüdür. Satırları düzeltin, yeni satır ekleyin (yeni bir kimlikle, "
                "'_version' boş). 'id' ve '_version' sütunlarını değiştirmeyin; açılır listeler sınıflandırmaları "
                "gösterir. Birden çok NACE bölümü ya da ihtiyaç alanı ';' ile ayrılır. Sonra: clusterlib kb import "
                "DOSYA --by \"Bilgi noktanızın adı\".",
            "en": "Each sheet is one kind of entry. Correct rows, add rows (with a new id, '_version' empty). Keep "
                "the 'id' and '_version' columns as they are; drop-down lists show the classifications. Several "
                "NACE divisions or need areas are separated by ';'. Then: clusterlib kb import FILE --by \"Your "
                "info spot's name\"."},
        # the pages
        "kb.page.title": {"tr": "Kümelenme bilgi bankası", "en": "Cluster knowledge base"},
        "kb.page.intro": {
            "tr": "Bilgi noktalarının güncellediği kayıtlar: kümelenme girişimleri, kurumlar, etkinlikler, "
                "belgeler ve destek programları. Arama ve süzgeçler ağ bağlantısı olmadan çalışır.",
            "en": "Entries kept up to date by the info spots: cluster initiatives, institutions, events, documents "
                "and support programmes. Search and filters work without a network."},
        "kb.page.changed": {"tr": "Son çalıştırmadan bu yana değişenler", "en": "What changed since the last run"},
        "kb.page.no_changes": {"tr": "Son çalıştırmadan bu yana değişiklik yok.", "en": "Nothing changed since the "
            "last run."},
        "kb.page.change": {"tr": "{name}: {fields} ({by}, {at})", "en": "{name}: {fields} ({by}, {at})"},
        "kb.page.created": {"tr": "yeni kayıt", "en": "new entry"},
        "kb.page.updated_col": {"tr": "Son güncelleme", "en": "Last updated"},
        "kb.page.updated": {"tr": "Son güncelleme: {at}, {by}", "en": "Last updated {at} by {by}"},
        "kb.page.history": {"tr": "Geçmiş ({n} sürüm)", "en": "History ({n} versions)"},
        "kb.page.not_taken": {"tr": "alınmayan sürüm", "en": "version not taken"},
        "kb.page.search": {"tr": "Ara", "en": "Search"},
        "kb.page.search_hint": {"tr": "ad, il, sektör, kurum…", "en": "name, province, sector, organisation…"},
        "kb.page.all": {"tr": "tümü", "en": "all"},
        "kb.page.kind": {"tr": "Tür", "en": "Kind"},
        "kb.page.province": {"tr": "İl", "en": "Province"},
        "kb.page.need": {"tr": "İhtiyaç alanı", "en": "Need area"},
        "kb.page.shown": {"tr": "Gösterilen: {shown} / {total} kayıt", "en": "Shown: {shown} of {total} entries"},
        "kb.page.programmes": {"tr": "Destek programları", "en": "Support programmes"},
        "kb.page.check_source": {
            "tr": "Başvurmadan önce programın resmî sayfasını kontrol edin: tutarlar, oranlar ve son tarihler "
                "burada verilmez, çağrıdan çağrıya değişir. Boş alanlar resmî sayfada doğrulanamamıştır.",
            "en": "Check the programme's official page before applying: amounts, rates and deadlines are not given "
                "here and change from call to call. Empty fields could not be verified on an official page."},
        "kb.page.checked": {"tr": "Son kontrol: {date}", "en": "Last checked: {date}"},
        "kb.page.not_checked": {"tr": "resmî sayfada doğrulanmadı", "en": "not verified on an official page"},
        "kb.page.legal_basis": {"tr": "Yasal dayanak", "en": "Legal basis"},
        "kb.page.funds": {"tr": "Neyi destekler", "en": "What it funds"},
        "kb.page.source": {"tr": "Kaynak", "en": "Source"},
        "kb.page.link": {"tr": "Bağlantı", "en": "Link"},
        "kb.page.unsafe": {"tr": "(güvenli olmayan bağlantı, metin olarak gösteriliyor)",
                           "en": "(unsafe link, shown as text)"},
        "kb.page.spot_entries": {"tr": "Bu bilgi noktasının illerindeki kayıtlar", "en": "Entries in this info "
            "spot's provinces"},
        "kb.page.provenance": {
            "tr": "İlk içerik projenin kaynaklarındaki girişim listesidir (initiatives.csv); sonraki her "
                "değişiklik kimin, ne zaman, hangi dosyayla yaptığıyla saklanır.",
            "en": "The initial content is the registry of initiatives named in the project's sources "
                "(initiatives.csv); every later change is kept with who made it, when and from which file."},
        "kb.kind.initiative": {"tr": "Girişim", "en": "Initiative"},
        "kb.kind.institution": {"tr": "Kurum", "en": "Institution"},
        "kb.kind.event": {"tr": "Etkinlik / haber", "en": "Event / news"},
        "kb.kind.document": {"tr": "Belge / bağlantı", "en": "Document / link"},
        "kb.kind.programme": {"tr": "Destek programı", "en": "Support programme"},
            "kb.needs.heading": {"tr": "Öncelikli ihtiyaçlar için destek programları",
                             "en": "Support programmes for the priority needs"},
        "kb.needs.note": {
            "tr": "Önce hiçbir yerel aktörün karşılamadığı ihtiyaçlar, sonra diğerleri sıralarına göre. Programlar "
                  "resmî sayfalarından derlenmiştir (son kontrol tarihi tabloda); tutar, oran ve son tarih "
                  "verilmez: başvurmadan önce resmî sayfayı kontrol edin.",
            "en": "First the needs no local actor covers, then the others by rank. The programmes are taken from "
                  "their official pages (last checked as shown); no amounts, rates or deadlines are given: check "
                  "the official page before applying."},
        "kb.needs.col.need": {"tr": "İhtiyaç", "en": "Need"},
        "kb.needs.col.rank": {"tr": "Sıra", "en": "Rank"},
        "kb.needs.col.gap": {"tr": "Yerel aktör karşılamıyor", "en": "No local actor covers it"},
        "kb.needs.gap_mark": {"tr": "EVET", "en": "YES"},
        "kb.needs.col.programme": {"tr": "Program", "en": "Programme"},
        "kb.needs.col.institution": {"tr": "Kurum", "en": "Institution"},
        "kb.needs.col.url": {"tr": "Resmî sayfa", "en": "Official page"},
        "kb.needs.col.checked": {"tr": "Son kontrol", "en": "Last checked"},
        "kb.needs.none": {"tr": "resmî sayfada doğrulanmış program yok",
                          "en": "no programme verified on an official page"},
    }
)
