"""The loaders' messages in Turkish and English, and the language they are written in.

Messages are looked up in the i18n catalogue (keys ``data.error.*``) in the language of the run:
:func:`messages_in` sets it for a block (``load_tables(..., lang="tr")`` does so), :func:`msg` writes
a message in it.  English is the default, so programs and logs that set nothing read English.

Examples
--------
>>> with messages_in("tr"):
...     msg("data.error.not_a_number", value="'yok'", expected=msg("data.expect.whole_number"))
"'yok' bir sayı değil; beklenen: tam sayı"
>>> msg("data.error.not_a_number", value="'yok'", expected=msg("data.expect.whole_number"))
"'yok' is not a number; expected a whole number"
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from clusterlib.i18n import add_strings, check_language, t

__all__ = ["message_language", "messages_in", "msg"]

_LANGUAGE: ContextVar[str] = ContextVar("clusterlib_data_message_language", default="en")


def message_language() -> str:
    """The language loader messages are written in now ("en" unless :func:`messages_in` says otherwise)."""
    return _LANGUAGE.get()


@contextmanager
def messages_in(lang: str) -> Iterator[None]:
    """Write the loaders' messages in ``lang`` ("tr" or "en") inside the ``with`` block."""
    token = _LANGUAGE.set(check_language(lang))
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def msg(name: str, /, **fields: object) -> str:
    """The message ``name`` in the current language, with ``fields`` filled in."""
    return t(name, _LANGUAGE.get(), **fields)


add_strings(
    {
        # where
        "data.where.sheet": {"tr": "{file} ('{sheet}' sayfası)", "en": "{file} (sheet '{sheet}')"},
        "data.where.row": {"tr": "{row}. satır", "en": "row {row}"},
        "data.where.column": {"tr": "'{column}' sütunu", "en": "column '{column}'"},
        "data.where.problems": {"tr": "{count} sorun{shown}:", "en": "{count} problems{shown}:"},
        "data.where.first": {"tr": " (ilk {limit} tanesi listelendi)", "en": " (the first {limit} listed)"},
        "data.where.more": {"tr": "… ve {count} sorun daha", "en": "… and {count} more"},
        # what a cell should be
        "data.expect.year": {"tr": "bir yıl", "en": "a year"},
        "data.expect.whole_number": {"tr": "tam sayı", "en": "a whole number"},
        "data.expect.number": {"tr": "sayı", "en": "a number"},
        "data.expect.range": {"tr": "{what}, {low} ile {high} arası", "en": "{what} from {low} to {high}"},
        "data.expect.above": {"tr": "{what}, {low} üstü", "en": "{what} > {low}"},
        "data.expect.at_least": {"tr": "{what}, en az {low}", "en": "{what} ≥ {low}"},
        "data.expect.at_most": {"tr": "{what}, en çok {high}", "en": "{what} ≤ {high}"},
        "data.expect.province": {"tr": "il adı veya plaka kodu", "en": "a province name or plate code"},
        "data.expect.plate": {"tr": "1 ile 81 arası plaka kodu", "en": "a plate code from 1 to 81"},
        "data.expect.division": {
            "tr": "'10' veya '25' gibi bir NACE Rev. 2 bölümü",
            "en": "a NACE Rev. 2 division such as '10' or '25'",
        },
        "data.expect.nace_code": {
            "tr": "'15.20' gibi bir NACE Rev. 2 kodu",
            "en": "a NACE Rev. 2 code such as '15.20'",
        },
        "data.expect.bool": {"tr": "doğru veya yanlış (evet/hayır)", "en": "true or false"},
        "data.expect.text": {"tr": "metin", "en": "text"},
        "data.expect.one_of": {"tr": "şunlardan biri: {allowed}", "en": "one of {allowed}"},
        "data.expect.list": {
            "tr": "';' ile ayrılmış öğeler, her biri {item}",
            "en": "';'-separated items, each {item}",
        },
        # cells
        "data.error.not_a_number": {
            "tr": "{value} bir sayı değil; beklenen: {expected}",
            "en": "{value} is not a number; expected {expected}",
        },
        "data.error.a_date": {"tr": "bir tarih", "en": "a date"},
        "data.error.not_whole": {
            "tr": "{value} tam sayı değil; beklenen: {expected}",
            "en": "{value} is not a whole number; expected {expected}",
        },
        "data.error.not_a_year": {
            "tr": "{value} akla yatkın bir yıl değil; beklenen: {expected}",
            "en": "{value} is not a plausible year; expected {expected}",
        },
        "data.error.below": {
            "tr": "{value} en küçük değer olan {low} altında; beklenen: {expected}",
            "en": "{value} is below the minimum {low}; expected {expected}",
        },
        "data.error.not_above": {
            "tr": "{value}, {low} üstünde değil; beklenen: {expected}",
            "en": "{value} is not above the minimum {low}; expected {expected}",
        },
        "data.error.above": {
            "tr": "{value} en büyük değer olan {high} üstünde; beklenen: {expected}",
            "en": "{value} is above the maximum {high}; expected {expected}",
        },
        "data.error.read_as": {"tr": "{value} ({number} olarak okundu)", "en": "{value} (read as {number})"},
        "data.error.empty": {"tr": "boş; beklenen: {expected}", "en": "is empty; expected {expected}"},
        "data.error.no_value": {
            "tr": "{value} yazılmış, bu değer yok demek; beklenen: {expected}",
            "en": "is {value}, which means no value; expected {expected}",
        },
        "data.error.not_a_province": {
            "tr": "{value} bir il değil{hint}",
            "en": "{value} is not a province{hint}",
        },
        "data.error.did_you_mean": {
            "tr": "; {options} mı demek istediniz?",
            "en": "; did you mean {options}?",
        },
        "data.error.province_hint": {
            "tr": "; beklenen: il adı (Türkçe veya ASCII yazımıyla), 1–81 plaka kodu, 'TR-01'…'TR-81' ya da "
            "NUTS-3 kodu",
            "en": "; expected a province name (Turkish or ASCII spelling), plate 1–81, 'TR-01'…'TR-81' or a "
            "NUTS-3 code",
        },
        "data.error.not_allowed": {
            "tr": "{value} kabul edilmiyor; beklenen: {allowed}{hint}",
            "en": "{value} is not allowed; expected one of {allowed}{hint}",
        },
        "data.error.not_bool": {
            "tr": "{value} doğru ya da yanlış değil",
            "en": "{value} is not true or false",
        },
        "data.error.missing_column": {
            "tr": "'{column}' sütunu yok{aliases}; dosyadaki sütunlar: {found}",
            "en": "missing column '{column}'{aliases}; the file has columns {found}",
        },
        "data.error.aliases": {
            "tr": " (şu başlıklar da kabul edilir: {aliases})",
            "en": " (also accepted: {aliases})",
        },
        "data.error.duplicate_key": {
            "tr": "yinelenen anahtar ({key}): {row}. satırda zaten var{more}; her ({columns}) için tek satır olmalı",
            "en": "duplicate key ({key}): already in row {row}{more}; expected one row per ({columns})",
        },
        "data.error.more_keys": {
            "tr": " (yinelenen {count} anahtar daha)",
            "en": " ({count} more repeated keys)",
        },
        "data.error.nace_finer": {
            "tr": "{value} bir NACE {level} kodu ({code}); '{division}' gibi 2 haneli bir bölüm bekleniyor (grup ve "
            "sınıflar bölümlerine sessizce toplanmaz: önce bölüm satırlarına toplayın)",
            "en": "{value} is a NACE {level} ({code}); expected a 2-digit division such as '{division}' (groups "
            "and classes are not added up into their division silently: sum them into division rows first)",
        },
        "data.error.nace_group": {"tr": "grup", "en": "group"},
        "data.error.nace_class": {"tr": "sınıf", "en": "class"},
        # notation
        "data.error.mixed_decimals": {
            "tr": "ondalık virgül ve ondalık noktayı karıştırıyor ({comma} ve {dot}); sütundaki bütün sayıları aynı "
            "biçimde yazın",
            "en": "mixes decimal commas and decimal points ({comma} and {dot}); write every number of the column "
            "the same way",
        },
        "data.error.disagree": {
            "tr": "hücreler sayı biçiminde uyuşmuyor: {certain} ondalık {mark_tr} içeriyor, bu durumda {ambiguous} "
            "{as_decimal} okunur; ama binlik ayırıcı '{sep}' ise ({habit_tr} yazımı) {as_thousands} demektir; "
            "sütundaki bütün sayıları aynı biçimde yazın",
            "en": "cells disagree on the number format: {certain} has a decimal {mark_en}, so {ambiguous} would "
            "read as {as_decimal}, but with '{sep}' as the thousands separator (as {habit_en} numbers are "
            "written) it means {as_thousands}; write every number of the column the same way",
        },
        "data.error.ambiguous": {
            "tr": "{value} {thousands} (Türkçe binlik ayırıcı) ya da {decimal} (ondalık nokta) olabilir; böyle "
            "sayıları binlik ayırıcısız ya da ondalıklarıyla yazın (ör. 1234 veya 1.234,0)",
            "en": "{value} could be {thousands} (Turkish thousands separator) or {decimal} (decimal point); write "
            "such numbers without thousands separators or with their decimals (e.g. 1234 or 1.234,0)",
        },
        "data.error.same_problem": {
            "tr": " (aynı sorun {count} hücrede daha: satırlar {rows})",
            "en": " (the same problem in {count} more cell(s): row(s) {rows})",
        },
        "data.error.expected": {"tr": "; beklenen: {expected}", "en": "; expected {expected}"},
        # files and folders
        "data.error.no_file": {
            "tr": "bulunamadı ({path} arandı)",
            "en": "does not exist (looked for {path})",
        },
        "data.error.empty_file": {
            "tr": "boş; başlık satırı ve veri satırları bekleniyor",
            "en": "is empty; expected a header row and data rows",
        },
        "data.error.no_data_rows": {
            "tr": "başlık satırı var ama veri satırı yok",
            "en": "has a header row but no data rows",
        },
        "data.error.no_sheet": {
            "tr": "'{sheet}' adlı sayfa yok; sayfaları: {names}",
            "en": "has no sheet '{sheet}'; its sheets are {names}",
        },
        "data.error.only_hidden": {
            "tr": "yalnızca gizli sayfaları var ({names}); birini sheet= ile seçin",
            "en": "has only hidden sheets {names}; pass sheet= to read one of them",
        },
        "data.error.legacy_xls": {
            "tr": "eski Excel .xls çalışma kitabı; .xlsx (ya da CSV UTF-8) olarak kaydedip onu okutun",
            "en": "is a legacy Excel .xls workbook; save it as .xlsx (or CSV UTF-8) and read that",
        },
        "data.error.both_files": {
            "tr": "{first} ve {second} ikisi birden '{folder}' veri klasöründe; çalışma ortamı hangisinin güncel "
            "olduğunu tahmin etmez: birini kaldırın ya da adını değiştirin",
            "en": "both {first} and {second} are in the data folder '{folder}'; the workbench will not guess which "
            "one holds the current figures: remove or rename one of them",
        },
        "data.error.missing_tables": {
            "tr": "'{folder}' veri klasöründe gerekli {count} tablo yok ({path}):",
            "en": "{count} required table(s) missing from the data folder '{folder}' ({path}):",
        },
        "data.error.sample_is": {
            "tr": "Paketle gelen sentetik örnek veri: {path}",
            "en": "The bundled synthetic sample is in {path}",
        },
        "data.error.coverage": {
            "tr": "{year} yılı: 81 ilden {count} ilin satırı yok ({names}); ulusal tablo her ili kapsamalı, yoksa "
            "ulusal toplamlar ve bütün yerelleşme katsayıları değişir. Eksik satırları ekleyin ya da açığı "
            "coverage='partial' ile kabul edin (raporlar bunu belirtir)",
            "en": "year {year}: {count} of the 81 provinces have no rows ({names}); a national table must cover "
            "every province, or the national totals and every location quotient change. Add the missing rows, "
            "or accept the gap with coverage='partial' (the reports then say so)",
        },
        "data.error.blank_province_row": {
            "tr": "{name} satırında hiç değer yok; boş bırakılan bir il ulusal toplamları ve bütün yerelleşme "
            "katsayılarını değiştirir (sigortalı yoksa 0 ya da '-' yazın)",
            "en": "the row of {name} has no values; a province left blank changes the national totals and every "
            "location quotient (write 0 or '-' where there are no insured employees)",
        },
        "data.error.row_total": {
            "tr": "toplam {stated}, faaliyetlerin toplamı olan {sum} ile tutmuyor",
            "en": "the total {stated} differs from the sum of the activities, {sum}",
        },
        "data.error.column_total": {
            "tr": "toplam {stated}, illerin toplamı olan {sum} ile tutmuyor",
            "en": "the total {stated} differs from the sum of the provinces, {sum}",
        },
        "data.error.values_no_province": {
            "tr": "değerleri var ama ili yok",
            "en": "has values but no province",
        },
    }
)

add_strings(
    {
        "data.error.utf16": {
            "tr": "UTF-16 metin gibi başlıyor ama {byte}. bayt çözülemiyor; dosyayı UTF-8 CSV olarak kaydedin",
            "en": "starts like UTF-16 text but byte {byte} cannot be decoded; save it as UTF-8 CSV",
        },
        "data.error.nul_bytes": {
            "tr": "metin tablosu değil: NUL baytları içeriyor (ilki {byte}. baytta); CSV dosyası (UTF-8 ya da "
            "Windows-1254) veya .xlsx çalışma kitabı bekleniyor",
            "en": "is not a text table: it contains NUL bytes (first at byte {byte}); expected a CSV file (UTF-8 "
            "or Windows-1254) or an .xlsx workbook",
        },
        "data.error.undecodable": {
            "tr": "{position}. konumdaki {bad} baytı UTF-8 ya da Windows-1254 (cp1254) olarak çözülemiyor; dosyayı "
            "'CSV UTF-8' olarak kaydedin",
            "en": "byte {bad} at position {position} cannot be decoded as UTF-8 or Windows-1254 (cp1254); save the "
            "file as 'CSV UTF-8'",
        },
        "data.error.control_char": {
            "tr": "metin tablosu değil: {char} denetim karakterini içeriyor; CSV dosyası (UTF-8 ya da "
            "Windows-1254) veya .xlsx çalışma kitabı bekleniyor",
            "en": "is not a text table: it contains the control character {char}; expected a CSV file (UTF-8 or "
            "Windows-1254) or an .xlsx workbook",
        },
        "data.error.one_column": {
            "tr": "ilk satırında tek sütun var; ',', ';' ya da sekmeyle ayrılmış sütunlar bekleniyor",
            "en": "has only one column in its first row; expected columns separated by ',', ';' or tab",
        },
        "data.error.csv_split": {
            "tr": "sütunlara ayrılamıyor: {reason} (açılıp kapanmayan bir tırnak '\"' mı var?)",
            "en": "cannot be split into columns: {reason} (a quote '\"' opened and not closed?)",
        },
        "data.error.bad_xlsx": {
            "tr": ".xlsx çalışma kitabı olarak açılamıyor ({reason})",
            "en": "cannot be opened as an .xlsx workbook ({reason})",
        },
        "data.error.sheet_index": {
            "tr": "{count} sayfası var {names}; 'sheet' sırası {index} bu aralığın dışında",
            "en": "has {count} sheets {names}; 'sheet' index {index} is out of range",
        },
        "data.error.separator_hint": {
            "tr": "; {sep} değerlerin içinde de mi kullanılmış (ör. ondalık virgül)? Böyle değerleri tırnağa alın "
            "ya da ';' kullanın",
            "en": "; is {sep} also used inside values (e.g. decimal commas)? Quote such values or use ';'",
        },
        "data.error.too_many_cells": {
            "tr": "{cells} hücresi var ama başlık satırında {width} hücre var{hint}",
            "en": "has {cells} cells but the header has {width}{hint}",
        },
        "data.error.no_heading": {
            "tr": "{number}. sütunda değerler var ama başlığı yok",
            "en": "column {number} holds values but has no heading",
        },
        "data.error.heading_twice": {
            "tr": "{name} başlığı iki kez geçiyor ({first}. ve {second}. sütunlar)",
            "en": "heading {name} appears twice (columns {first} and {second})",
        },
        "data.error.no_header": {
            "tr": "ilk {rows} satırında tanınan bir başlık yok: ne düzenli sütun başlıkları (il, faaliyet, yıl, "
            "sigortalı) ne de '10 - Gıda ürünlerinin imalatı' gibi SGK tarzı bir faaliyet başlıkları satırı",
            "en": "has no recognisable header in its first {rows} rows: neither tidy column headings (province/il, "
            "nace/faaliyet, year/yıl, employment/sigortalı) nor an SGK-style row of activity headings such "
            "as '10 - Gıda ürünlerinin imalatı'",
        },
        "data.error.which_year": {
            "tr": "sayfa adında ve başlık satırlarında {what}; tablonun hangi yıla ait olduğunu year= ile belirtin",
            "en": "{what} in the sheet name and title rows; pass year= to say which year the table is for",
        },
        "data.error.not_activity": {
            "tr": "{cell} bir NACE Rev. 2 bölümü değil; '10 - Gıda ürünlerinin imalatı' gibi bir faaliyet başlığı "
            "ya da 'Toplam' bekleniyor ('10.1' gibi grup ve sınıflar bölümlerine toplanmaz)",
            "en": "{cell} is not a NACE Rev. 2 division; expected an activity heading such as '10 - Gıda "
            "ürünlerinin imalatı', or 'Toplam' (groups and classes such as '10.1' are not added up into "
            "their division)",
        },
        "data.error.unknown_measure": {
            "tr": "{heading} altındaki {label} bilinen bir ölçü değil; 'Sigortalı', 'İşyeri' ya da 'Ortalama "
            "ücret' bekleniyor",
            "en": "{label} under {heading} is not a measure this reader knows; expected 'Sigortalı' (insured "
            "employees), 'İşyeri' (workplaces) or 'Ortalama ücret'",
        },
        "data.error.no_province_column": {
            "tr": "{row}. satırda faaliyet başlıkları var ama solunda il adları sütunu yok (oradaki başlıklar: "
            "{headings})",
            "en": "has activity headings in row {row} but no column of province names to their left (headings "
            "there: {headings})",
        },
        "data.error.division_twice": {
            "tr": "{code} bölümü iki kez geçiyor ({first} ve {second} sütunları)",
            "en": "division {code} appears twice (columns {first} and {second})",
        },
        "data.error.no_insured": {
            "tr": "faaliyet sütunları var ama hiçbiri sigortalı sayısı (Sigortalı) değil",
            "en": "has activity columns but none of insured employees (Sigortalı)",
        },
        "data.error.stray_value": {
            "tr": "başlığı olmayan bir sütunda değer var",
            "en": "holds a value in a column without heading",
        },
        "data.error.no_province_rows": {
            "tr": "{row}. satırda faaliyet başlıkları var ama altında il satırı yok",
            "en": "has activity headings in row {row} but no province rows below them",
        },
        "data.error.same_meaning": {
            "tr": "{first} ve {second} başlıklarının ikisi de {name} demek; birini bırakın",
            "en": "headings {first} and {second} both mean {name}; keep one of them",
        },
        "data.error.plate_disagrees": {
            "tr": "{plate} plakası {name} ama il sütununda {given} yazıyor",
            "en": "plate {plate} is {name} but the province column says {given}",
        },
        "data.error.not_in_register": {
            "tr": "{firm} firması firma kaydında (firms tablosu) yok",
            "en": "firm {firm} is not in the firm register (firms table)",
        },
        "data.error.other_cluster": {
            "tr": "{cluster} yazılmış ama {firm} firması firma kaydında {registered} kümesinde",
            "en": "{cluster}, but firm {firm} belongs to {registered} in the firm register",
        },
    }
)


add_strings(
    {
        "data.error.no_workplace": {
            "tr": "işyeri sayısı 0 ama sigortalı sayısı {employment}; sigortalılar en az bir işyerinde çalışır",
            "en": "workplaces is 0 but employment is {employment}; employees work in at least one workplace",
        },
        "data.error.empty_workplaces": {
            "tr": "işyeri sayısı {workplaces} ama sigortalı sayısı 0; SGK sigortalısı olan işyerlerini sayar, ya "
            "ikisi de 0 ya da hiçbiri",
            "en": "workplaces is {workplaces} but employment is 0; SGK counts workplaces with insured employees, "
            "so both are 0 or neither",
        },
        "data.error.not_goods": {
            "tr": "{division} bölümü ({section} kısmı) bir mal bölümü değil; ihracat A, B ve C kısımları için "
            "kaydedilir (01–03, 05–09, 10–33 bölümleri)",
            "en": "division {division} (section {section}) is not a goods division; exports are recorded for "
            "sections A, B and C (divisions 01–03, 05–09, 10–33)",
        },
        "data.error.size_class": {
            "tr": "{size}, {employees} çalışanla uyuşmuyor; beklenen: {expected} (mikro < 10, küçük 10–49, orta "
            "50–249, büyük ≥ 250)",
            "en": "{size} does not fit {employees} employees; expected {expected} (micro < 10, small 10–49, medium "
            "50–249, large ≥ 250)",
        },
        "data.error.class_outside": {
            "tr": "{code}, 'nace' sütunundaki {division} bölümünde değil",
            "en": "{code} is not in division {division} given in column 'nace'",
        },
        "data.error.self_relation": {
            "tr": "{target} görüşülen firmanın kendisi",
            "en": "{target} is the interviewed firm itself",
        },
        "data.error.external_empty": {
            "tr": "dış ortak {target} için boş",
            "en": "is empty for the external partner {target}",
        },
        "data.error.negative_flow": {
            "tr": "{source}→{to} ara akışı negatif ({value})",
            "en": "intermediate flow {source}→{to} is negative ({value})",
        },
        "data.error.unbalanced": {
            "tr": "dengede değil: {section} kısmının satır toplamı (ara satışlar + nihai talep FD) {by_row}, sütun "
            "toplamı (ara alımlar + katma değer VA) {by_column} (fark {difference}); her kısmın toplam "
            "üretimi iki yoldan da aynı olmalı",
            "en": "is not balanced: section {section}'s row total (intermediate sales + final demand FD) is "
            "{by_row} but its column total (intermediate purchases + value added VA) is {by_column} "
            "(difference {difference}); each section's total output must be the same both ways",
        },
        "data.error.future_actual": {
            "tr": "{year} yılı için gerçekleşen değer var ama çalıştırma tarihi {today}: gerçekleşen değer yalnızca "
            "başlamış yıllar için girilebilir (ilerideki yıllar için hedef yazılır); yılı düzeltin ya da değeri "
            "'target' sütununa taşıyın",
            "en": "an actual value for {year}, after the run date {today}: only years that have begun can have "
            "actual values (later years have targets); correct the year or move the value to 'target'",
        },
        "data.error.io_no_row": {
            "tr": "kare değil: {sections} kısmının sütunu (alımları) var ama satırı (satışları) yok; her kısım hem "
            "satır (from) hem sütun (to) olarak yer almalı",
            "en": "is not square: section(s) {sections} have a column (purchases) but no row (sales); every section "
            "must appear as a row (from) and as a column (to)",
        },
        "data.error.io_no_column": {
            "tr": "kare değil: {sections} kısmının satırı (satışları) var ama sütunu (alımları) yok; her kısım hem "
            "satır (from) hem sütun (to) olarak yer almalı",
            "en": "is not square: section(s) {sections} have a row (sales) but no column (purchases); every section "
            "must appear as a row (from) and as a column (to)",
        },
        "data.error.negative_va": {
            "tr": "{section} kısmının katma değeri (VA) negatif ({value}); girdi-çıktı çarpanları negatif katma "
            "değerle yorumlanamaz: tabloyu ve birimleri kontrol edin",
            "en": "section {section}'s value added (VA) is negative ({value}); input-output multipliers cannot "
            "be read with negative value added: check the table and its units",
        },
        "data.error.not_productive_one": {
            "tr": "{sectors} kısmının katma değeri yok ve girdilerini yalnızca kendinden alıyor; Leontief ters "
            "matrisi (girdi-çıktı çarpanları) bu tabloyla hesaplanamaz. Bu kısmın katma değer (VA) satırını "
            "ve girdilerini kontrol edin",
            "en": "sector {sectors} has no value added and buys its inputs only from itself; the Leontief "
            "inverse (the input-output multipliers) does not exist for this table. Check the sector's value "
            "added (VA) row and its inputs",
        },
        "data.error.not_productive": {
            "tr": "{sectors} kısımlarının katma değeri yok ve girdilerini yalnızca birbirlerinden ({sellers}) "
            "alıyorlar; Leontief ters matrisi (girdi-çıktı çarpanları) bu tabloyla hesaplanamaz. Bu kısımların "
            "katma değer (VA) satırını ve girdilerini kontrol edin",
            "en": "sectors {sectors} have no value added and buy their inputs only from each other "
            "({sellers}); the Leontief inverse (the input-output multipliers) does not exist for this table. "
            "Check these sectors' value added (VA) row and their inputs",
        },
        "data.error.inconsistent": {
            "tr": "{value}, aynı ({group}) = ({values}) için öteki satırlardan farklı",
            "en": "{value} differs from other rows of the same ({group}) = ({values})",
        },
    }
)


add_strings(
    {
        "data.error.not_nace": {
            "tr": "{value} bir NACE Rev. 2 bölümü değil{hint}",
            "en": "{value} is not a NACE Rev. 2 division{hint}",
        },
        "data.error.list_item": {
            "tr": "{value} içindeki {item} öğesi kabul edilmiyor: {reason}",
            "en": "item {item} of {value} is not allowed: {reason}",
        },
    }
)


add_strings(
    {
        "data.error.province_no_rows": {
            "tr": "{province} için hiç satır yok; veriler {years} yıllarını kapsıyor",
            "en": "{province} has no rows; the data cover the years {years}",
        },
        "data.error.province_years": {
            "tr": "{province} için {missing} yılına ait satır yok; verilerde bu il için {present} yılları var",
            "en": "{province} has no rows for {missing}; the data have years {present} for it",
        },
    }
)
