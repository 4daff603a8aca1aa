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


#: Each term's catalogue id (``glossary.<id>.name`` / ``.text`` in ``resources/strings/report.glossary.yaml``)
#: and the names it goes by in the text, in the order the boxes list them.
_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lq", ("LQ", "yerelleşme katsayısı", "location quotient")),
    ("cagr", ("YBBO", "CAGR")),
    ("topsis", ("TOPSIS",)),
    ("pci", ("PCI",)),
    ("eci", ("EKE", "ECI")),
    ("cog", ("COG",)),
    ("rca", ("RCA", "AKÜ")),
    ("flq", ("FLQ", "Flegg")),
    ("betweenness", ("arasındalık", "betweenness")),
    ("burt", ("Burt", "kısıt")),
    ("ei", ("E–I", "E-I")),
    (
        "brokerage",
        ("irtibat", "kapı bekçisi", "temsilci", "koordinatör", "gezgin aracı", "liaison", "gatekeeper"),
    ),
    ("esca", ("ESCA",)),
    ("a10", ("A10",)),
    ("nuts", ("İBBS", "TR83", "NUTS")),
    ("nace", ("NACE",)),
    ("sgk", ("SGK", "4/a")),
    ("tuik", ("TÜİK",)),
    ("ses", ("SES", "SEGE")),
    ("gdp", ("GSYH", "GDP")),
    ("tl", ("TL", "TRY")),
    ("us", ("ABD", "US", "USD")),
    ("adnks", ("ADNKS",)),
    ("sme", ("KOBİ", "SME")),
    ("tsi", ("TSİ", "TRT")),
    ("kosgeb", ("KOSGEB",)),
    ("tubitak", ("TÜBİTAK",)),
    ("medikum", ("MEDİKÜM",)),
    ("percentile", ("yüzdelik", "percentile")),
    ("cronbach", ("Cronbach",)),
    ("tests", ("Kruskal–Wallis", "Mann–Whitney", "Holm")),
    ("ci", ("güven aralığı", "confidence interval")),
)


def _entry(key: str, terms: tuple[str, ...]) -> Entry:
    name = {lang: i18n.t(f"glossary.{key}.name", lang) for lang in i18n.LANGUAGES}
    text = {lang: i18n.t(f"glossary.{key}.text", lang) for lang in i18n.LANGUAGES}
    return Entry(terms, name, text)


#: The catalogue, in the order the boxes list it (texts from the catalogue file).
GLOSSARY: tuple[Entry, ...] = tuple(_entry(key, terms) for key, terms in _TERMS)

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
