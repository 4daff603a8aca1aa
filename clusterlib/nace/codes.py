"""NACE Rev. 2 codes: normalisation of the many shapes codes arrive in, levels, parents, titles and A10 lookup.

:func:`normalize_code` turns ``15``, ``"C15"``, ``"1520"`` or ``"15,20"`` into the dotted canonical form
(``"15"``, ``"15.2"``, ``"15.20"``) used everywhere else; the other functions accept any of those shapes.
"""

from __future__ import annotations

import math
import numbers
import re
from functools import cache

from clusterlib.i18n import check_language

from .tables import (
    Division,
    _a10_of_section,
    _divisions,
    _section_of_division,
    _sections,
    _titles,
)

__all__ = [
    "a10_of",
    "division",
    "division_of",
    "is_manufacturing",
    "is_tradable",
    "is_within",
    "level_of",
    "name",
    "normalize_code",
    "section_of",
]

_TRADABLE_SECTIONS = "ABC"
_EXPECTED = "expected a division like '15', a group like '15.2' or a class like '15.20'"
_LEVEL_OF_LENGTH = {0: "division", 1: "group", 2: "class"}

_DOTTED = re.compile(r"([A-Za-z])?\s*-?\s*(\d{1,2})(?:\s*[.,]\s*(\d{1,2}))?")
_UNDOTTED = re.compile(r"([A-Za-z])?\s*-?\s*(\d{3,4})")
_NATIONAL = re.compile(r"[A-Za-z]?\s*-?\s*(\d{2})[.,]?(\d{2})[.,]?(\d{2})")


def _junk(code: object, hint: str = "") -> ValueError:
    return ValueError(f"'nace' code {code!r} is not a NACE Rev.2 code; {_EXPECTED}{hint}")


def _parse(code: object) -> tuple[str | None, str, str, bool]:
    """Split an input into (section letter, 2-digit division, 0–2 further digits, was-undotted)."""
    if isinstance(code, bool) or code is None:
        raise _junk(code)
    if isinstance(code, numbers.Integral):
        if not 0 <= int(code) <= 9999:
            raise _junk(code)
        code = str(int(code))
    elif isinstance(code, numbers.Real):
        value = float(code)
        if math.isnan(value) or not 0 <= value <= 9999 or (not value.is_integer() and value >= 100):
            raise _junk(code)
        code = str(int(value)) if value.is_integer() else repr(value)
    if not isinstance(code, str):
        raise _junk(code)
    text = code.strip()
    for pattern, undotted in ((_DOTTED, False), (_UNDOTTED, True)):
        match = pattern.fullmatch(text)
        if match:
            letter, head, tail = match.group(1), match.group(2), ""
            if undotted:
                head, tail = head[:2], head[2:]
            else:
                tail = match.group(3) or ""
            if letter is not None and letter.upper() not in "ABCDEFGHIJKLMNOPQRSTU":
                raise _junk(code)
            return (letter.upper() if letter else None), head.zfill(2), tail, undotted
    national = _NATIONAL.fullmatch(text)
    if national:
        cls = f"{national.group(1)}.{national.group(2)}"
        raise _junk(code, f"; {text!r} looks like a 6-digit national activity code: pass its class {cls!r}")
    if len(text) == 1 and text.upper() in "ABCDEFGHIJKLMNOPQRSTU":
        raise _junk(code, f"; {text!r} is a section letter (see sections() and section_of())")
    raise _junk(code)


def _or(items: list[str]) -> str:
    quoted = [repr(item) for item in items]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _suggest(canonical: str, n: int = 3) -> list[str]:
    """Existing codes of the same level, nearest by numeric distance."""
    digits = canonical.replace(".", "")
    same_level = [c for c in _titles() if len(c) == len(canonical)]
    same_level.sort(key=lambda c: (abs(int(c.replace(".", "")) - int(digits)), c))
    return same_level[:n]


def _normalize_str(code: object) -> str:
    letter, head, tail, undotted = _parse(code)
    canonical = f"{head}.{tail}" if tail else head
    if canonical not in _titles():
        level = _LEVEL_OF_LENGTH[len(tail)]
        suggestions = _suggest(canonical)
        if undotted and len(tail) == 1 and f"0{head[0]}.{head[1]}{tail}" in _titles():
            suggestions.insert(0, f"0{head[0]}.{head[1]}{tail}")  # "111" read from a number that lost its 0
        raise ValueError(
            f"'nace' code {code!r} is not a NACE Rev.2 {level} ({canonical!r}); "
            f"did you mean {_or(suggestions)}?"
        )
    section = _section_of_division()[head]
    if letter is not None and letter != section:
        raise ValueError(
            f"'nace' code {code!r}: section letter {letter!r} does not match division {head!r}, "
            f"which is in section {section!r}"
        )
    return canonical


@cache
def _normalize_cached(code: str) -> str:
    return _normalize_str(code)


def normalize_code(code: object) -> str:
    """Return the canonical dotted form of a NACE Rev. 2 division, group or class code.

    Accepts integers and floats (``15``, ``1520``, ``15.2``), strings with or without the dot or a
    decimal comma (``"15"``, ``"15.20"``, ``"1520"``, ``"15,20"``) and with the section letter in front
    (``"C15"``, ``"C 15.2"``, ``"C-1520"``). One-digit divisions get their leading zero back (``1`` →
    ``"01"``). Floats cannot carry a trailing zero: ``15.20`` as a number is the group ``"15.2"``, so
    pass classes as strings.

    Parameters
    ----------
    code : str, int or float

    Returns
    -------
    str
        ``"15"`` (division), ``"15.2"`` (group) or ``"15.20"`` (class).

    Raises
    ------
    ValueError
        When the input is not shaped like a NACE code (the message shows the allowed forms), when a
        well-formed code does not exist (the message names the closest codes, e.g. ``"04"`` → ``'03'``
        or ``'05'``), or when a section letter does not match the division.

    Examples
    --------
    >>> [normalize_code(x) for x in (15, "C15", "15.2", "1520", "C15.2", "15,20", 1)]
    ['15', '15', '15.2', '15.20', '15.2', '15.20', '01']
    >>> normalize_code("04")
    Traceback (most recent call last):
    ...
    ValueError: 'nace' code '04' is not a NACE Rev.2 division ('04'); did you mean '03', '05' or '02'?
    """
    if isinstance(code, str):
        return _normalize_cached(code)
    return _normalize_str(code)


def _is_section_letter(code: object) -> bool:
    return (
        isinstance(code, str)
        and len(code.strip()) == 1
        and code.strip().upper() in _sections()["code"].values
    )


def level_of(code: object) -> str:
    """The level of a code: ``"section"``, ``"division"``, ``"group"`` or ``"class"``.

    Examples
    --------
    >>> [level_of(x) for x in ("C", "15", "15.2", "1520")]
    ['section', 'division', 'group', 'class']
    """
    if _is_section_letter(code):
        return "section"
    canonical = normalize_code(code)
    return _LEVEL_OF_LENGTH[len(canonical) - 3 if "." in canonical else 0]


def division_of(code: object) -> str:
    """The 2-digit division containing a code.

    Examples
    --------
    >>> division_of("15.20"), division_of("C152"), division_of(1)
    ('15', '15', '01')
    """
    return normalize_code(code)[:2]


def section_of(code: object) -> str:
    """The section letter (``A``…``U``) of a code; a section letter is returned unchanged.

    Examples
    --------
    >>> section_of("15"), section_of("15.20"), section_of("05.10"), section_of("c")
    ('C', 'C', 'B', 'C')
    """
    if _is_section_letter(code):
        return str(code).strip().upper()
    return _section_of_division()[division_of(code)]


def division(code: object) -> Division:
    """The :class:`Division` record of a code (a group or class gives its division).

    Examples
    --------
    >>> record = division("15.20")
    >>> record.code, record.section, record.name_tr, record.a10
    ('15', 'C', 'Deri ve ilgili ürünlerin imalatı', 'BCDE_industry')
    """
    row = _divisions().set_index("code").loc[division_of(code)]
    fields = {key: str(row[key]) for key in Division.__dataclass_fields__ if key != "code"}
    return Division(code=str(row.name), **fields)


@cache
def _labels(table: str, column: str) -> dict[str, str]:
    """``code -> column`` of the sections or divisions table as a dict: charts look a label up per tick."""
    frame = _sections() if table == "section" else _divisions()
    return {str(code): str(value) for code, value in zip(frame["code"], frame[column], strict=True)}


def name(code: object, *, lang: str = "tr", short: bool = False) -> str:
    """The official title of a section, division, group or class, in Turkish or English.

    Parameters
    ----------
    code : str, int or float
        A section letter or anything :func:`normalize_code` accepts.
    lang : {"tr", "en"}
    short : bool
        The short chart label instead of the official title (divisions only).

    Raises
    ------
    ValueError
        For an unknown code or language, ``short=True`` below the division level, or a group/class
        outside sections A–C, whose titles are not stored (use its division's title).

    Examples
    --------
    >>> name("15"), name("15", lang="en", short=True)
    ('Deri ve ilgili ürünlerin imalatı', 'Leather & footwear')
    >>> name("C15.20", lang="en"), name("C")
    ('Manufacture of footwear', 'İmalat')
    """
    column = f"name_{check_language(lang)}"
    if _is_section_letter(code):
        if short:
            raise ValueError(f"short labels exist for divisions only, got section {code!r}")
        letter = str(code).strip().upper()
        found = _labels("section", column).get(letter)
        return found if found is not None else str(_sections().set_index("code").at[letter, column])
    canonical = normalize_code(code)
    if short:
        if len(canonical) != 2:
            raise ValueError(
                f"short labels exist for divisions only, got {canonical!r}; "
                f"use name({canonical[:2]!r}, short=True)"
            )
        found = _labels("division", f"short_{lang}").get(canonical)
        return found if found is not None else str(_divisions().set_index("code").at[canonical, f"short_{lang}"])
    title = _titles()[canonical][0 if lang == "en" else 1]
    if title is None:
        raise ValueError(
            f"no title is stored for {canonical!r} (group and class titles cover sections A–C only); "
            f"use its division: name({canonical[:2]!r})"
        )
    return title


def is_within(code: object, parent: object) -> bool:
    """True when ``code`` lies inside ``parent``: a section letter, division, group or class (or itself).

    Examples
    --------
    >>> is_within("15.20", "15.2"), is_within("15.20", "C"), is_within("15.12", "15.2")
    (True, True, False)
    """
    if _is_section_letter(parent):
        return section_of(code) == str(parent).strip().upper()
    child, ancestor = normalize_code(code), normalize_code(parent)
    return child.startswith(ancestor)


# --- A10 and helpers --------------------------------------------------------------------------------


def a10_of(code: object, *, split_manufacturing: bool = False) -> str:
    """The A10 aggregate (a column of TÜİK's province GDP tables) a code belongs to.

    Parameters
    ----------
    code : str, int or float
        A section letter or anything :func:`normalize_code` accepts.
    split_manufacturing : bool
        Return ``"C_manufacturing"`` for section C instead of its parent ``"BCDE_industry"``.

    Examples
    --------
    >>> a10_of("15.20"), a10_of("15", split_manufacturing=True), a10_of("62"), a10_of("R")
    ('BCDE_industry', 'C_manufacturing', 'J_ict', 'RSTU_other_services')
    """
    section = section_of(code)
    if split_manufacturing and section == "C":
        return "C_manufacturing"
    return _a10_of_section(section)


def is_manufacturing(code: object) -> bool:
    """True for codes in section C (manufacturing, divisions 10–33).

    Examples
    --------
    >>> is_manufacturing("15.20"), is_manufacturing("35")
    (True, False)
    """
    return section_of(code) == "C"


def is_tradable(code: object) -> bool:
    """True for goods-producing activities that are traded beyond the region: sections A, B and C.

    A project convention for cluster screening (agriculture, mining and manufacturing are treated as
    tradable, services as serving the local market); it is not part of NACE.

    Examples
    --------
    >>> is_tradable("01.25"), is_tradable("28.93"), is_tradable("47")
    (True, True, False)
    """
    return section_of(code) in _TRADABLE_SECTIONS
