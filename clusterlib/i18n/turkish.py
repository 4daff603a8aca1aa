"""Turkish case suffixes after numbers, percentages, years, abbreviations and inserted names.

A Turkish suffix follows the *spoken* form of what it is attached to, so the helper first finds
the last spoken word of the **displayed** string (after rounding: ``%99,6`` shown as ``%100`` is
*yüz*), then applies the rules of the language:

* **Numbers** are read in words and the suffix follows the last word: ``5`` *beş* → ``5'te``,
  ``62.866`` … *altı* → ``62.866'sı``, ``2.000`` *iki bin* → ``2.000'de``, ``1.000.000`` *milyon*
  → ``1.000.000'da``.  A decimal is read "iki virgül seksen iki", so the decimal part read as a
  whole number decides: ``2,82`` → *iki* → ``2,82'si``; ``0,05`` → *beş*.  A percentage is read
  "yüzde X", so X decides: ``%100`` → ``%100'ünde``; the signs ``%``, ``−``, ``+`` change nothing.
  The number keeps its apostrophe and is never changed (``4'ü``, not ``4'dü``).
* **Abbreviations** are read as a word when they can be (``NACE`` *nase* → ``NACE'ye``, ``TÜİK``
  → ``TÜİK'in``, ``KOBİ``, ``TOPSIS``) and letter by letter otherwise (``SGK`` *se-ge-ka* →
  ``SGK'ya``, ``YBBO`` → ``YBBO'su``, ``RCA`` → ``RCA'sı``, ``OECD`` → ``OECD'ye``).  ``LQ`` is
  read two ways (*le-kü*, *el-kyu*), so no suffix is attached to it: write "LQ değeri".
* **Words**: vowel harmony on the last vowel (two-way a/e, four-way ı/i/u/ü), ``d`` → ``t`` after
  a voiceless consonant (*fıstıkçı şahap*: f s t k ç ş h p), the buffer consonants y/n/s after a
  vowel, and the pronominal ``n`` after a compound noun's possessive (*imalatı* → *imalatında*,
  *Kümelenmesi* → *Kümelenmesinde*).  Common nouns take no apostrophe; proper names do
  (*Çorum'da*, *Kocaeli'nde*); names of institutions do not (TDK: *Gözlemevinin*).
  A common noun of several syllables softens a final k/ç before a vowel (*ormancılık* →
  *ormancılığın*, *plastik* → *plastiğe*); p and t are kept (*ticaret* → *ticareti*: many loanwords
  do not soften them), and loanwords with front suffixes are listed (*petrolde*, *gayrimenkulün*).

References
----------
Türk Dil Kurumu, *Yazım Kılavuzu*: "Kesme işareti" (apostrophe after proper names, numbers and
abbreviations; none after institution names), "Kısaltmalar" (suffixes follow the last letter's
or the word's reading), "Ses olayları" (ünsüz benzeşmesi, kaynaştırma ünsüzleri).
"""

from __future__ import annotations

import re

__all__ = [
    "CASES",
    "inflect",
    "lower_first",
    "lower_first_en",
    "spoken_last_word",
    "turkish_capitalize",
    "turkish_lower",
    "turkish_sort_key",
    "turkish_upper",
]

#: The cases :func:`inflect` writes: locative -DA, ablative -DAn, dative -(y)A, genitive
#: -(n)In, accusative -(y)I, possessive 3sg -(s)I, possessive + locative -(s)InDA, + ablative
#: -(s)InDAn, + dative -(s)InA, + accusative -(s)InI, + genitive -(s)InIn, and "ile" -(y)lA.
CASES: tuple[str, ...] = (
    "loc", "abl", "dat", "gen", "acc", "poss", "poss_loc", "poss_abl", "poss_dat", "poss_acc", "poss_gen", "ins",
)  # fmt: skip

_ONES = ("", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_SCALES = ("bin", "milyon", "milyar", "trilyon", "katrilyon")

#: How each letter is read when an abbreviation is spelled out (K as *ka*: SGK'ya, TDK'ya).
_LETTERS = {
    "a": "a", "b": "be", "c": "ce", "ç": "çe", "d": "de", "e": "e", "f": "fe", "g": "ge",
    "ğ": "yumuşak ge", "h": "he", "ı": "ı", "i": "i", "j": "je", "k": "ka", "l": "le", "m": "me",
    "n": "ne", "o": "o", "ö": "ö", "p": "pe", "r": "re", "s": "se", "ş": "şe", "t": "te", "u": "u",
    "ü": "ü", "v": "ve", "y": "ye", "z": "ze", "q": "kü", "w": "ve", "x": "iks",
}  # fmt: skip

#: Abbreviations whose reading the rule of thumb in :func:`_abbreviation_word` gets wrong.
_ABBREVIATIONS = {"tobb": "tob", "nuts": "nuts"}

#: Abbreviations that take no suffix because they are read in more than one way.
_AMBIGUOUS = {"lq": "LQ is read as 'le-kü' and 'el-kyu': write 'LQ değeri' instead of a suffix"}

_VOWELS = "aeıioöuüâîû"
_BACK = "aıou"
_VOICELESS = "fstkçşhp"

#: Endings of a noun that already carries the 3rd-person possessive (compound nouns:
#: *gıda ürünleri*, *Ticaret Odası*, *kömür madenciliği*), which take the pronominal n.
_COMPOUND_ENDINGS = ("sı", "si", "su", "sü", "ları", "leri", "ğı", "ği", "ğu", "ğü")
#: Compound heads that end in a plain -ı/-i/-u/-ü possessive.
_COMPOUND_WORDS = frozenset(
    {
        "imalatı", "ticareti", "üretimi", "hizmeti", "sanayii", "yapımı", "onarımı", "katı",
        "evi", "gözlemevi", "kocaeli", "kırklareli", "tunceli", "bakımı", "inşaatı", "yayımı",
        "kurulumu", "işlenmesi", "toptancılığı", "temini", "payı", "puanı", "oranı", "değeri", "geliri",
        "gideri",
    }
)  # fmt: skip
#: Loanwords whose suffixes take front vowels although their last vowel is back (TDK: *petrolde*,
#: *gayrimenkulün*, *saatte*).
_FRONT_LOANS = frozenset(
    {
        "petrol", "kontrol", "alkol", "gol", "rol", "protokol", "sembol", "futbol", "gayrimenkul",
        "meşgul", "kabul", "usul", "mahsul", "saat", "kalp", "hal", "hayal", "ihtimal", "istiklal",
        "ithal", "sual", "misal", "emsal", "santral", "etiket",
    }
)  # fmt: skip
#: Proper names that are compounds but keep the apostrophe (provinces: *Kocaeli'nde*).
_PROPER_COMPOUNDS = frozenset({"kocaeli", "kırklareli", "tunceli"})

_NUMBER = re.compile(r"[+\-−]?%?[+\-−]?(\d[\d.]*)(?:,(\d+))?%?$")


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules: ``I`` → ``ı``, ``İ`` → ``i`` (no combining dot).

    Examples
    --------
    >>> turkish_lower("İNSAN SAĞLIĞI"), "İ".lower() == "i"
    ('insan sağlığı', False)
    """
    return text.replace("I", "ı").replace("İ", "i").lower()


def turkish_upper(text: str) -> str:
    """Upper-case with Turkish rules: ``i`` → ``İ``, ``ı`` → ``I``.

    Examples
    --------
    >>> turkish_upper("ihracat ve ılık")
    'İHRACAT VE ILIK'
    """
    return text.replace("i", "İ").replace("ı", "I").upper()


def turkish_capitalize(text: str) -> str:
    """Upper-case the first letter only (Turkish rules), e.g. at the start of a table cell.

    Examples
    --------
    >>> turkish_capitalize("istihdam büyüklüğü")
    'İstihdam büyüklüğü'
    """
    return turkish_upper(text[:1]) + text[1:]


#: The Turkish alphabet in order (TDK), for sorting names as a Turkish reader expects.
_ALPHABET = {c: k for k, c in enumerate("abcçdefgğhıijklmnoöprsştuüvyz")}


def turkish_sort_key(text: str) -> tuple:
    """A key that sorts text in Turkish alphabetical order (c < ç < d, g < ğ < h, ı < i, o < ö < p,
    s < ş < t, u < ü < v), case-insensitive; other characters after the letters, by code point.

    Examples
    --------
    >>> sorted(["Şanlıurfa", "Samsun", "Çorum", "Corum", "Iğdır", "İzmir", "Ordu", "Ödemiş"], key=turkish_sort_key)
    ['Corum', 'Çorum', 'Iğdır', 'İzmir', 'Ordu', 'Ödemiş', 'Samsun', 'Şanlıurfa']
    """
    return tuple((0, _ALPHABET[c]) if c in _ALPHABET else (1, ord(c)) for c in turkish_lower(text))


def lower_first(text: str) -> str:
    """Lower-case the first letter of a common noun put inside a sentence (Turkish rules).

    A first word written in capitals (an abbreviation such as ``NACE`` or ``AR-GE``) is kept.

    Examples
    --------
    >>> lower_first("İnsan sağlığı"), lower_first("Perakende ticaret"), lower_first("NACE kodu")
    ('insan sağlığı', 'perakende ticaret', 'NACE kodu')
    """
    first = text.split(" ", 1)[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text
    return turkish_lower(text[:1]) + text[1:]


def lower_first_en(text: str) -> str:
    """English: lower-case the first letter of a common noun inside a sentence (abbreviations kept).

    Examples
    --------
    >>> lower_first_en("Information services"), lower_first_en("ICT services")
    ('information services', 'ICT services')
    """
    first = text.split(" ", 1)[0]
    letters = [c for c in first if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text
    return text[:1].lower() + text[1:]


def _number_word(n: int) -> str:
    """Last word of ``n`` read aloud in Turkish (``2024`` → ``dört``, ``2000`` → ``bin``)."""
    if n == 0:
        return "sıfır"
    if n % 10:
        return _ONES[n % 10]
    if n % 100:
        return _TENS[n // 10 % 10]
    if n % 1000:
        return "yüz"
    n //= 1000
    for scale in _SCALES:
        if n % 1000:
            return scale
        n //= 1000
    raise ValueError("number too large to read")


def _abbreviation_word(abbr: str) -> str:
    """The last spoken word of an abbreviation in capitals (read as a word or letter by letter)."""
    # A dotless capital I in an abbreviation is a foreign one read with "i" (TOPSIS'e, ISO'ya);
    # Turkish abbreviations write İ (TÜİK, KOBİ).
    low = turkish_lower(abbr.replace("I", "İ"))
    if low in _AMBIGUOUS:
        raise ValueError(f"no suffix after {abbr!r}: {_AMBIGUOUS[low]}")
    if low in _ABBREVIATIONS:
        return _ABBREVIATIONS[low]
    letters = low.replace("-", "")
    clusters = re.findall(f"[^{_VOWELS}]+", letters)
    readable = (
        len(letters) > 2
        and any(c in _VOWELS for c in letters)
        and not re.match(f"[^{_VOWELS}]{{2}}", letters)  # a Turkish word starts with one consonant
        and not re.search(f"[^{_VOWELS}]{{2}}$", letters)  # ... and ends with at most one here
        and all(len(c) <= 2 for c in clusters)
    )
    if readable:
        return letters
    return _LETTERS.get(letters[-1], letters[-1])


def spoken_last_word(text: str) -> tuple[str, str]:
    """The last word of ``text`` as read aloud, and what ``text`` ends in.

    Returns
    -------
    (word, kind) : tuple of str
        ``kind`` is ``"number"``, ``"abbreviation"`` or ``"word"``.

    Examples
    --------
    >>> spoken_last_word("%99"), spoken_last_word("2,82"), spoken_last_word("1.000.000")
    (('dokuz', 'number'), ('iki', 'number'), ('milyon', 'number'))
    >>> spoken_last_word("SGK"), spoken_last_word("ana metal sanayii")
    (('ka', 'abbreviation'), ('sanayii', 'word'))
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError("cannot attach a suffix to an empty text")
    last = re.split("[–—/]", stripped.split()[-1])[-1] or stripped.split()[-1]  # 2019–2024: 2024
    match = _NUMBER.match(last)
    if match:
        whole, fraction = match.groups()
        if fraction is not None:
            return _number_word(int(fraction)), "number"
        return _number_word(int(whole.replace(".", ""))), "number"
    letters = [c for c in last if c.isalpha()]
    if not letters:
        raise ValueError(f"cannot read {text!r} to choose a suffix")
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return _abbreviation_word(last), "abbreviation"
    return turkish_lower(last), "word"


def _harmony(word: str) -> tuple[str, str]:
    """(two-way vowel A, four-way vowel I) that suffixes take after ``word``."""
    vowels = [c for c in word if c in _VOWELS]
    last = {"â": "a", "î": "i", "û": "u"}.get(vowels[-1], vowels[-1]) if vowels else "e"
    if word in _FRONT_LOANS:
        last = {"a": "e", "ı": "i", "o": "ö", "u": "ü"}.get(last, last)
    two = "a" if last in _BACK else "e"
    four = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[last]
    return two, four


def _soften(word: str) -> str:
    """Final k → ğ and ç → c of a word of several syllables before a vowel (*ormancılık* →
    *ormancılığ-*, *ağaç* → *ağac-*); p and t, which soften only in some words, are kept."""
    if sum(c in _VOWELS for c in word) < 2 or word[-1] not in "kç":
        return word
    return word[:-1] + {"k": "ğ", "ç": "c"}[word[-1]]


def _is_compound(word: str) -> bool:
    return word in _COMPOUND_WORDS or (len(word) > 3 and word.endswith(_COMPOUND_ENDINGS))


def _suffix(word: str, case: str, *, compound: bool) -> str:
    a, i = _harmony(word)
    vowel_end = word[-1] in _VOWELS
    d = "t" if word[-1] in _VOICELESS else "d"
    if compound:
        forms = {
            "loc": f"nd{a}", "abl": f"nd{a}n", "dat": f"n{a}", "gen": f"n{i}n", "acc": f"n{i}",
            "poss": "", "poss_loc": f"nd{a}", "poss_abl": f"nd{a}n", "poss_dat": f"n{a}", "poss_acc": f"n{i}",
            "poss_gen": f"n{i}n", "ins": f"yl{a}",
        }  # fmt: skip
    elif vowel_end:
        forms = {
            "loc": f"d{a}", "abl": f"d{a}n", "dat": f"y{a}", "gen": f"n{i}n", "acc": f"y{i}",
            "poss": f"s{i}", "poss_loc": f"s{i}nd{a}", "poss_abl": f"s{i}nd{a}n", "poss_dat": f"s{i}n{a}",
            "poss_acc": f"s{i}n{i}", "poss_gen": f"s{i}n{i}n", "ins": f"yl{a}",
        }  # fmt: skip
    else:
        forms = {
            "loc": f"{d}{a}", "abl": f"{d}{a}n", "dat": a, "gen": f"{i}n", "acc": i,
            "poss": i, "poss_loc": f"{i}nd{a}", "poss_abl": f"{i}nd{a}n", "poss_dat": f"{i}n{a}",
            "poss_acc": f"{i}n{i}", "poss_gen": f"{i}n{i}n", "ins": f"l{a}",
        }  # fmt: skip
    return forms[case]


def inflect(text: str, case: str, *, proper: bool | None = None, compound: bool | None = None) -> str:
    """``text`` followed by the Turkish case suffix ``case``, as it is read aloud.

    Parameters
    ----------
    text : str
        What is displayed: a formatted number (``"5"``, ``"%99"``, ``"2,82"``, ``"62.866"``), a
        year, an abbreviation in capitals, or a name.  Only its last word matters.
    case : one of :data:`CASES`
        Locative ``loc`` (*5'te*), ablative ``abl`` (*5'ten*), dative ``dat`` (*5'e*), genitive
        ``gen`` (*5'in*), accusative ``acc`` (*5'i*), 3rd-person possessive ``poss`` (*%8,3'ü*),
        possessive + locative ``poss_loc`` (*%100'ünde*), + ablative ``poss_abl`` (*%5'inden*),
        + dative ``poss_dat`` (*%5'ine*), + accusative ``poss_acc`` (*%1'ini*), + genitive
        ``poss_gen`` (*%2'sinin*), and the bound form of "ile" ``ins`` (*2'yle*).
    proper : bool, optional
        Whether a word is a proper name (apostrophe: *Çorum'da*).  By default a word that starts
        with a capital is a proper name, unless it is an institution (a capitalised compound:
        *Ticaret Odasında*).  Numbers and abbreviations always take the apostrophe.
    compound : bool, optional
        Whether a word already ends in the possessive (pronominal *n*: *imalatı* → *imalatında*);
        by default guessed from the ending (-sI, -lArI, -ğI and a list of common heads).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For an unknown case, an empty text, or an abbreviation read in several ways (``LQ``).

    References
    ----------
    TDK *Yazım Kılavuzu*, "Kesme işareti" and "Kısaltmalar"; G. Lewis, *Turkish Grammar*
    (2nd ed., Oxford 2000), ch. II (vowel harmony, buffer consonants) and ch. IV (numerals).

    Examples
    --------
    >>> [inflect(n, "loc") for n in ("3", "5", "6", "10", "40", "100", "2024", "1.000.000")]
    ["3'te", "5'te", "6'da", "10'da", "40'ta", "100'de", "2024'te", "1.000.000'da"]
    >>> inflect("%100", "poss_loc"), inflect("%99", "poss_loc"), inflect("2,82", "poss")
    ("%100'ünde", "%99'unda", "2,82'si")
    >>> inflect("NACE", "dat"), inflect("TÜİK", "gen"), inflect("SGK", "dat")
    ("NACE'ye", "TÜİK'in", "SGK'ya")
    >>> inflect("gıda imalatı", "loc"), inflect("Çorum", "loc"), inflect("Gözlemevi", "gen")
    ('gıda imalatında', "Çorum'da", 'Gözlemevinin')
    """
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; choose one of {list(CASES)}")
    word, kind = spoken_last_word(text)
    body = text.rstrip()
    if kind != "word":
        return f"{body}'{_suffix(word, case, compound=False)}"
    is_compound = _is_compound(word) if compound is None else compound
    last = body.split()[-1]
    if proper is None:
        capitalised = last[:1].isupper()
        institution = capitalised and is_compound and word not in _PROPER_COMPOUNDS
        proper = capitalised and not institution
    ending = _suffix(word, case, compound=is_compound)
    if not proper and ending[:1] in _VOWELS and _soften(word) != word:
        body = body[:-1] + _soften(word)[-1]  # ormancılık → ormancılığın, kauçuk → kauçuğu
    return f"{body}'{ending}" if proper else body + ending
