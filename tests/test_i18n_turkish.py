"""Tests of the Turkish suffix helper :func:`clusterlib.i18n.inflect` and Turkish-aware case.

The expected forms are the table of the Turkish language review of the sector-selection reports
(``../shared/reviews/turkish-report-review.md``, section 5), which follows the rules of the TDK
*Yazım Kılavuzu* ("Kesme işareti", "Kısaltmalar", "Ses olayları") and G. Lewis, *Turkish Grammar*
(2nd ed., Oxford University Press 2000): vowel harmony, d/t after a voiceless consonant
(*fıstıkçı şahap*), buffer consonants y/n/s, numerals read aloud (ch. IV).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib.i18n import (
    format_number,
    format_percent,
    inflect,
    lower_first,
    spoken_last_word,
    turkish_capitalize,
    turkish_lower,
    turkish_upper,
)

# number, last spoken word, -DA, -DAn, -(y)A, -(y)I, -(n)In, yüzde + -(s)I, yüzde + -(s)InDA
REVIEW_TABLE = [
    ("0", "sıfır", "0'da", "0'dan", "0'a", "0'ı", "0'ın", "%0'ı", "%0'ında"),
    ("1", "bir", "1'de", "1'den", "1'e", "1'i", "1'in", "%1'i", "%1'inde"),
    ("2", "iki", "2'de", "2'den", "2'ye", "2'yi", "2'nin", "%2'si", "%2'sinde"),
    ("3", "üç", "3'te", "3'ten", "3'e", "3'ü", "3'ün", "%3'ü", "%3'ünde"),
    ("4", "dört", "4'te", "4'ten", "4'e", "4'ü", "4'ün", "%4'ü", "%4'ünde"),
    ("5", "beş", "5'te", "5'ten", "5'e", "5'i", "5'in", "%5'i", "%5'inde"),
    ("6", "altı", "6'da", "6'dan", "6'ya", "6'yı", "6'nın", "%6'sı", "%6'sında"),
    ("7", "yedi", "7'de", "7'den", "7'ye", "7'yi", "7'nin", "%7'si", "%7'sinde"),
    ("8", "sekiz", "8'de", "8'den", "8'e", "8'i", "8'in", "%8'i", "%8'inde"),
    ("9", "dokuz", "9'da", "9'dan", "9'a", "9'u", "9'un", "%9'u", "%9'unda"),
    ("10", "on", "10'da", "10'dan", "10'a", "10'u", "10'un", "%10'u", "%10'unda"),
    ("11", "bir", "11'de", "11'den", "11'e", "11'i", "11'in", "%11'i", "%11'inde"),
    ("12", "iki", "12'de", "12'den", "12'ye", "12'yi", "12'nin", "%12'si", "%12'sinde"),
    ("13", "üç", "13'te", "13'ten", "13'e", "13'ü", "13'ün", "%13'ü", "%13'ünde"),
    ("14", "dört", "14'te", "14'ten", "14'e", "14'ü", "14'ün", "%14'ü", "%14'ünde"),
    ("15", "beş", "15'te", "15'ten", "15'e", "15'i", "15'in", "%15'i", "%15'inde"),
    ("16", "altı", "16'da", "16'dan", "16'ya", "16'yı", "16'nın", "%16'sı", "%16'sında"),
    ("17", "yedi", "17'de", "17'den", "17'ye", "17'yi", "17'nin", "%17'si", "%17'sinde"),
    ("18", "sekiz", "18'de", "18'den", "18'e", "18'i", "18'in", "%18'i", "%18'inde"),
    ("19", "dokuz", "19'da", "19'dan", "19'a", "19'u", "19'un", "%19'u", "%19'unda"),
    ("20", "yirmi", "20'de", "20'den", "20'ye", "20'yi", "20'nin", "%20'si", "%20'sinde"),
    ("30", "otuz", "30'da", "30'dan", "30'a", "30'u", "30'un", "%30'u", "%30'unda"),
    ("40", "kırk", "40'ta", "40'tan", "40'a", "40'ı", "40'ın", "%40'ı", "%40'ında"),
    ("50", "elli", "50'de", "50'den", "50'ye", "50'yi", "50'nin", "%50'si", "%50'sinde"),
    ("60", "altmış", "60'ta", "60'tan", "60'a", "60'ı", "60'ın", "%60'ı", "%60'ında"),
    ("70", "yetmiş", "70'te", "70'ten", "70'e", "70'i", "70'in", "%70'i", "%70'inde"),
    ("80", "seksen", "80'de", "80'den", "80'e", "80'i", "80'in", "%80'i", "%80'inde"),
    ("90", "doksan", "90'da", "90'dan", "90'a", "90'ı", "90'ın", "%90'ı", "%90'ında"),
    ("100", "yüz", "100'de", "100'den", "100'e", "100'ü", "100'ün", "%100'ü", "%100'ünde"),
    ("1.000", "bin", "1.000'de", "1.000'den", "1.000'e", "1.000'i", "1.000'in", "%1.000'i", "%1.000'inde"),
    (
        "1.000.000",
        "milyon",
        "1.000.000'da",
        "1.000.000'dan",
        "1.000.000'a",
        "1.000.000'u",
        "1.000.000'un",
        "–",
        "–",
    ),
]


@pytest.mark.parametrize("row", REVIEW_TABLE, ids=[r[0] for r in REVIEW_TABLE])
def test_suffixes_after_numbers_follow_the_review_table(row):
    number, word, loc, abl, dat, acc, gen, pct_poss, pct_poss_loc = row
    assert spoken_last_word(number) == (word, "number")
    assert inflect(number, "loc") == loc
    assert inflect(number, "abl") == abl
    assert inflect(number, "dat") == dat
    assert inflect(number, "acc") == acc
    assert inflect(number, "gen") == gen
    if pct_poss != "–":
        assert inflect("%" + number, "poss") == pct_poss
        assert inflect("%" + number, "poss_loc") == pct_poss_loc


@pytest.mark.parametrize(
    ("text", "case", "expected"),
    [
        # the review's checks from the reports
        ("%8,3", "poss", "%8,3'ü"),
        ("%99", "poss_loc", "%99'unda"),
        ("%100", "poss_loc", "%100'ünde"),
        ("2,82", "poss", "2,82'si"),
        ("2.000", "loc", "2.000'de"),
        ("2024", "loc", "2024'te"),
        ("2019", "loc", "2019'da"),
        ("62.866", "poss", "62.866'sı"),
        ("\u2212%2,3", "poss", "\u2212%2,3'ü"),
        ("-%2,3", "poss", "-%2,3'ü"),
        ("5.202", "poss", "5.202'si"),
        ("5", "loc", "5'te"),
        # decimals are read by the decimal part as a whole number
        ("0,05", "loc", "0,05'te"),
        ("3,0", "loc", "3,0'da"),
        ("1,5", "dat", "1,5'e"),
        ("0,25", "gen", "0,25'in"),
        # thousands, millions, milliards
        ("1.500", "loc", "1.500'de"),
        ("100.000", "dat", "100.000'e"),
        ("2.000.000", "loc", "2.000.000'da"),
        ("3.000.000.000", "loc", "3.000.000.000'da"),
        # possessive + locative after a vowel and a consonant; "ile"
        ("2", "poss_loc", "2'sinde"),
        ("2", "ins", "2'yle"),
        ("5", "ins", "5'le"),
        ("%40", "ins", "%40'la"),
        # a range is read by its last year
        ("2019–2024", "loc", "2019–2024'te"),
    ],
)
def test_numbers_in_reports(text, case, expected):
    assert inflect(text, case) == expected


@pytest.mark.parametrize(
    ("abbr", "case", "expected"),
    [
        ("NACE", "dat", "NACE'ye"),  # read as a word, "nase"
        ("NACE", "loc", "NACE'de"),
        ("NACE", "gen", "NACE'nin"),
        ("SGK", "dat", "SGK'ya"),  # se-ge-ka
        ("TÜİK", "dat", "TÜİK'e"),
        ("TÜİK", "gen", "TÜİK'in"),
        ("TÜİK", "loc", "TÜİK'te"),
        ("TİM", "dat", "TİM'e"),
        ("YBBO", "poss", "YBBO'su"),  # ye-be-be-o
        ("TOPSIS", "dat", "TOPSIS'e"),
        ("RCA", "poss", "RCA'sı"),  # re-ce-a
        ("AKÜ", "dat", "AKÜ'ye"),
        ("OECD", "dat", "OECD'ye"),  # o-e-ce-de
        ("AB", "dat", "AB'ye"),  # a-be
        ("OSB", "loc", "OSB'de"),
        ("KOSGEB", "dat", "KOSGEB'e"),
        ("AR-GE", "dat", "AR-GE'ye"),
    ],
)
def test_abbreviations_follow_their_reading(abbr, case, expected):
    assert inflect(abbr, case) == expected


def test_no_suffix_after_lq():
    """LQ is read "le-kü" and "el-kyu": the review asks for "LQ değeri" instead of a suffix."""
    with pytest.raises(ValueError, match="LQ değeri"):
        inflect("LQ", "loc")


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        # common nouns: no apostrophe, harmony on the last vowel, pronominal n after a possessive
        ("gıda imalatı", "loc", "gıda imalatında"),
        ("perakende ticaret", "loc", "perakende ticarette"),
        ("makine ve ekipman", "loc", "makine ve ekipmanda"),
        ("bitkisel ve hayvansal üretim", "loc", "bitkisel ve hayvansal üretimde"),
        ("gıda ürünleri", "loc", "gıda ürünlerinde"),
        ("ana metal sanayii", "loc", "ana metal sanayiinde"),
        ("kömür ve linyit madenciliği", "abl", "kömür ve linyit madenciliğinden"),
        ("tekstil", "gen", "tekstilin"),
        ("bilgisayar, elektronik ve optik ürünler", "loc", "bilgisayar, elektronik ve optik ürünlerde"),
        ("kimya", "dat", "kimyaya"),
        ("kimya", "acc", "kimyayı"),
        # proper names: apostrophe
        ("Çorum", "loc", "Çorum'da"),
        ("Kahramanmaraş", "loc", "Kahramanmaraş'ta"),
        ("Gaziantep", "loc", "Gaziantep'te"),
        ("Trabzon", "gen", "Trabzon'un"),
        ("Samsun", "abl", "Samsun'dan"),
        ("Kocaeli", "loc", "Kocaeli'nde"),
        ("Türkiye", "gen", "Türkiye'nin"),
        # institutions: no apostrophe (TDK), pronominal n
        ("Gözlemevi", "gen", "Gözlemevinin"),
        ("OSTİM Savunma ve Havacılık Kümelenmesi", "loc", "OSTİM Savunma ve Havacılık Kümelenmesinde"),
        ("Ankara Ticaret Odası", "dat", "Ankara Ticaret Odasına"),
    ],
)
def test_names_inside_sentences(name, case, expected):
    assert inflect(name, case) == expected


def test_overrides_of_the_guesses():
    assert inflect("Anadolu", "loc", proper=False) == "Anadoluda"
    assert inflect("enerji", "loc") == "enerjide"
    assert inflect("enerji", "loc", compound=True) == "enerjinde"


def test_unknown_case_and_empty_text():
    with pytest.raises(ValueError, match="unknown case 'lok'"):
        inflect("5", "lok")
    with pytest.raises(ValueError, match="empty text"):
        inflect("  ", "loc")


@given(st.integers(min_value=0, max_value=1_000_000), st.sampled_from(["loc", "abl", "dat", "acc", "gen"]))
def test_suffix_depends_only_on_the_last_digits(n, case):
    """Invariant of the spoken form: a number ending in 1-9 takes the suffix of its last digit
    (12 like 2, 1.005 like 5), and the number itself is never changed."""
    shown = format_number(n, "tr")
    result = inflect(shown, case)
    assert result.startswith(shown + "'")
    if n % 10:
        assert result[len(shown) :] == inflect(str(n % 10), case)[1:]


@given(st.floats(min_value=0, max_value=1, allow_nan=False), st.integers(min_value=0, max_value=2))
def test_percent_suffix_follows_the_displayed_number(p, decimals):
    """The suffix is chosen from the displayed text after rounding (0.996 → %100 → yüz)."""
    shown = format_percent(p, "tr", decimals=decimals)
    number = shown.lstrip("%")
    expected = inflect(number, "poss_loc")[len(number) :]
    assert inflect(shown, "poss_loc") == shown + expected


def test_turkish_case_mapping():
    assert turkish_lower("İnsan sağlığı ve sosyal hizmet") == "insan sağlığı ve sosyal hizmet"
    assert turkish_lower("ISPARTA") == "ısparta"
    assert turkish_upper("istihdam") == "İSTİHDAM"
    assert turkish_capitalize("ılık") == "Ilık"
    assert lower_first("Ekonomik etki") == "ekonomik etki"
    assert lower_first("İnsan sağlığı") == "insan sağlığı"
    assert lower_first("TOPSIS puanı") == "TOPSIS puanı"
    assert "İnsan".lower() != "insan"  # why the helper exists: Python adds a combining dot
