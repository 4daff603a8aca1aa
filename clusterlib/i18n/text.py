"""Small text helpers for generated sentences: readable lists and words chosen by a sign.

Examples
--------
>>> join_list(["Tekstil", "Gıda", "Mobilya"], "tr")
'Tekstil, Gıda ve Mobilya'
>>> join_list(["Makine ve ekipman", "Tekstil"], "tr")
'Makine ve ekipman; Tekstil'
>>> by_sign(-1234, "arttı", "azaldı")
'azaldı'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel.lists import format_list

from clusterlib.i18n.formatting import LOCALES, check_language, is_missing

__all__ = ["by_sign", "join_list", "ordinal", "plural"]

#: A name that holds a list separator of its own: ", " (not a decimal comma as in 7,4) or "ve"/"and".
_SEPARATOR = re.compile(r", | ve | and ", re.IGNORECASE)


def join_list(items: Iterable[object], lang: str) -> str:
    """Join names so a reader can count them: ``A, B ve C`` / ``A, B and C``.

    When a name itself holds a comma or a conjunction ("Bilgisayar, elektronik ve optik ürünler",
    "Makine ve ekipman"), the names are separated by semicolons only ("A; B; C": another "ve"
    would blur where one name ends), so that the count stays clear; English ends the series with
    "; and".  Babel's CLDR list patterns
    (:func:`babel.lists.format_list`) join the plain case.

    Examples
    --------
    >>> join_list(["Bilgisayar, elektronik ve optik ürünler", "Makine ve ekipman", "Tekstil"], "tr")
    'Bilgisayar, elektronik ve optik ürünler; Makine ve ekipman; Tekstil'
    >>> join_list(["Textiles", "Food"], "en"), join_list([], "en")
    ('Textiles and Food', '')
    """
    check_language(lang)
    names = [str(item) for item in items]
    if not names:
        return ""
    if any(_SEPARATOR.search(name) for name in names):
        if lang == "en" and len(names) > 2:
            return "; ".join(names[:-1]) + "; and " + names[-1]
        if lang == "en" and len(names) == 2:
            return f"{names[0]}; and {names[1]}"
        return "; ".join(names)
    return format_list(names, style="standard", locale=LOCALES[lang])


def by_sign(value: object, positive: str, negative: str, zero: str | None = None) -> str:
    """Choose a word by the sign of ``value``: "arttı" / "azaldı" (/ "değişmedi").

    A sentence with a verb writes the size without a sign and lets the verb carry it: "istihdam
    5.202 kişi arttı", never "+5.202 kişi değişti".  ``zero`` defaults to ``positive``.

    Examples
    --------
    >>> by_sign(5202, "arttı", "azaldı"), by_sign(0, "arttı", "azaldı", "değişmedi")
    ('arttı', 'değişmedi')
    """
    if is_missing(value):
        raise ValueError("cannot choose a word by the sign of a missing value")
    number = float(value)  # type: ignore[arg-type]
    if number > 0:
        return positive
    if number < 0:
        return negative
    return positive if zero is None else zero


def plural(count: object, one: str, many: str) -> str:
    """``one`` when ``count`` is 1, else ``many`` (English; Turkish nouns after numerals stay singular).

    Examples
    --------
    >>> plural(1, "sector", "sectors"), plural(3, "sector", "sectors")
    ('sector', 'sectors')
    """
    return one if float(count) == 1 else many  # type: ignore[arg-type]


def ordinal(n: object, lang: str) -> str:
    """An ordinal number: Turkish ``2.`` (read *ikinci*), English ``2nd``.

    Examples
    --------
    >>> ordinal(2, "tr"), ordinal(2, "en"), ordinal(11, "en"), ordinal(23, "en")
    ('2.', '2nd', '11th', '23rd')
    """
    check_language(lang)
    number = int(n)  # type: ignore[call-overload]
    if lang == "tr":
        return f"{number}."
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
