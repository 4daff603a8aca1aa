"""The one number and date formatter of the workbench, built on Babel (Unicode CLDR locale data).

Every number a reader sees — in a sentence, a table cell, a chart tick or a hover label — comes
from here, so the same value is written the same way everywhere:

* **Locale.**  Turkish ``tr_TR`` groups thousands with a dot, marks decimals with a comma
  (``1.234,5``) and puts the per-cent sign first (``%12,5``); English ``en_GB`` writes ``1,234.5``
  and ``12.5%``.  The patterns come from Babel (:func:`babel.numbers.format_decimal`,
  :func:`babel.numbers.format_percent`), i.e. from the Unicode CLDR.
* **Rounding.**  Half up (away from zero) on the number's *shortest decimal representation*,
  the way a reader rounds a printed number by hand: ``2.675`` → ``2,68`` although the binary
  float is ``2.67499…``.  The value is rounded once with :class:`decimal.Decimal` before Babel
  sees it, so Babel (half-even by default) never rounds again.
* **Minus sign.**  U+2212 ``−`` (MINUS SIGN), the sign Plotly draws on its axes, so text and
  charts agree: ``−1.234``, ``−%4,3``.  Zero is never negative (``−0,0`` becomes ``0,0``).
* **Missing.**  ``None``, ``NaN``, ``pandas.NA`` and ``NaT`` give :data:`MISSING` (``–``).
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
import re
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from babel import numbers as babel_numbers

from clusterlib.config import DEFAULT_LANGUAGE, LANGUAGES

__all__ = [
    "LOCALES",
    "MINUS",
    "MISSING",
    "TIME_ZONE",
    "ZONE_LABEL",
    "check_language",
    "format_as",
    "format_date",
    "format_number",
    "format_percent",
    "format_ratio",
    "format_signed",
    "format_signed_percent",
    "is_missing",
]

#: What a missing value (None, NaN, pandas.NA) is shown as.
MISSING = "–"

#: The minus sign of every displayed number (U+2212, as on Plotly's axes).
MINUS = "\u2212"

#: Babel locale of each report language.
LOCALES: dict[str, str] = {"tr": "tr_TR", "en": "en_GB"}

#: Times are shown in Türkiye time (TSİ, UTC+3, no daylight saving since 2016).
TIME_ZONE = ZoneInfo("Europe/Istanbul")

#: How the zone of a time is written: Türkiye Saati (TSİ), Turkey Time (TRT).
ZONE_LABEL = {"tr": "TSİ", "en": "TRT"}

# fmt: off
_MONTHS = {
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
           "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
# fmt: on


def check_language(lang: object) -> str:
    """Return ``lang`` if it is one of :data:`~clusterlib.config.LANGUAGES`, else raise ``ValueError``.

    Examples
    --------
    >>> check_language("tr")
    'tr'
    """
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"'lang' must be one of {list(LANGUAGES)}, got {lang!r}")
    return lang


def is_missing(x: object) -> bool:
    """True for None, NaN, ``pandas.NA`` and ``NaT``.

    Examples
    --------
    >>> is_missing(float("nan")), is_missing(0)
    (True, False)
    """
    return x is None or (pd.api.types.is_scalar(x) and bool(pd.isna(x)))


def _check_number(x: object, decimals: int) -> None:
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"'decimals' must be a non-negative integer, got {decimals!r}")
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, Decimal)):
        raise TypeError(f"'x' must be a real number, got {type(x).__name__} {x!r}")


def _round(x: numbers.Real | Decimal, decimals: int, scale: int = 1) -> Decimal:
    """``x * scale`` rounded half up on its shortest decimal repr; never a negative zero."""
    exact = x if isinstance(x, Decimal) else Decimal(str(x))
    rounded = (exact * scale).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _infinite(x: object) -> str | None:
    value = float(x)  # type: ignore[arg-type]
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    return None


def _minus(text: str) -> str:
    return text.replace("-", MINUS)


def format_number(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 0) -> str:
    """Format a number with the thousands separator and decimal mark of ``lang``.

    Rounds half up (away from zero) on the number's shortest decimal representation
    (``2.675`` → ``2.68``, as a reader rounds by hand), then writes Turkish ``1.234,5`` or
    English ``1,234.5`` with Babel (``tr_TR``, ``en_GB``).  Negative numbers carry U+2212 ``−``.

    Parameters
    ----------
    x : real number (int, float, numpy, Decimal), None or NaN
        Missing values give :data:`MISSING` (``"–"``).
    lang : {"tr", "en"}
    decimals : int, default 0
        Digits after the decimal mark.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        When ``x`` is not a real number (strings, booleans).
    ValueError
        For an unknown language or a negative ``decimals``.

    References
    ----------
    Unicode CLDR, locale data ``tr`` and ``en``: number symbols (decimal, group) and the
    decimal pattern ``#,##0.###``, through Babel's :func:`babel.numbers.format_decimal`.

    Examples
    --------
    >>> format_number(1234.5, "tr", decimals=1)
    '1.234,5'
    >>> format_number(1234.5, "en", decimals=1)
    '1,234.5'
    >>> format_number(1234567, "tr")
    '1.234.567'
    >>> format_number(-0.04, "tr", decimals=1), format_number(2.675, "tr", decimals=2)
    ('0,0', '2,68')
    >>> format_number(-1234, "tr") == "\\u22121.234"
    True
    >>> format_number(float("nan"), "tr")
    '–'
    """
    check_language(lang)
    if is_missing(x):
        return MISSING
    _check_number(x, decimals)
    infinite = _infinite(x)
    if infinite is not None:
        return infinite
    rounded = _round(x, decimals)  # type: ignore[arg-type]
    text = babel_numbers.format_decimal(rounded, format=_pattern(decimals), locale=LOCALES[lang])
    return _minus(text)


def format_percent(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """Format a proportion as a percentage in the style of ``lang``.

    ``x`` is a proportion (``0.125`` is 12.5 per cent).  Turkish writes the sign first
    (``%12,5``), English last (``12.5%``); the per-cent value is rounded half up.

    Parameters
    ----------
    x : real number (int, float, numpy, Decimal), None or NaN
    lang : {"tr", "en"}
    decimals : int, default 1

    Returns
    -------
    str

    Raises
    ------
    TypeError
        When ``x`` is not a real number.
    ValueError
        For an unknown language or a negative ``decimals``.

    References
    ----------
    Unicode CLDR, locale data ``tr``: percent pattern ``%#,##0``; ``en``: ``#,##0%``, through
    Babel's :func:`babel.numbers.format_percent`.

    Examples
    --------
    >>> format_percent(0.125, "tr"), format_percent(0.125, "en")
    ('%12,5', '12.5%')
    >>> format_percent(-0.0432, "tr", decimals=2) == "\\u2212%4,32"
    True
    >>> format_percent(12.5, "tr", decimals=0)
    '%1.250'
    """
    check_language(lang)
    if is_missing(x):
        return MISSING
    _check_number(x, decimals)
    infinite = _infinite(x)
    if infinite is not None:
        return infinite
    rounded = _round(x, decimals, scale=100) / 100  # exact: Babel multiplies back by 100
    locale_pattern = babel_numbers.Locale.parse(LOCALES[lang]).percent_formats[None].pattern
    pattern = locale_pattern.replace("#,##0", _pattern(decimals), 1)
    text = babel_numbers.format_percent(rounded, format=pattern, locale=LOCALES[lang])
    return _minus(text)


def format_signed(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 0) -> str:
    """:func:`format_number` with an explicit sign: ``+5.202``, ``−546``, ``0``.

    For quantities whose sign is the news (shift-share components); a sentence with a verb
    should choose the verb from the sign instead (:func:`clusterlib.i18n.by_sign`).

    Examples
    --------
    >>> format_signed(5202, "tr"), format_signed(-546, "tr") == "\\u2212546", format_signed(0.001, "tr")
    ('+5.202', True, '0')
    """
    text = format_number(x, lang, decimals=decimals)
    if text == MISSING or text.startswith(MINUS) or _round(x, decimals) == 0:  # type: ignore[arg-type]
        return text
    return "+" + text


def format_signed_percent(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """:func:`format_percent` with an explicit sign: ``+%2,3`` / ``+2.3%``, ``−%0,9``.

    Examples
    --------
    >>> format_signed_percent(0.023, "tr"), format_signed_percent(0.023, "en")
    ('+%2,3', '+2.3%')
    """
    text = format_percent(x, lang, decimals=decimals)
    if text == MISSING or text.startswith(MINUS) or _round(x, decimals, scale=100) == 0:  # type: ignore[arg-type]
        return text
    return "+" + text


def format_ratio(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 2) -> str:
    """A ratio with its unit word: Turkish ``0,89 katı``, English ``0.89 times``.

    Written to follow its reference: "il ortalamasının 0,89 katı", "0.89 times the provincial
    average".

    Examples
    --------
    >>> format_ratio(0.8949, "tr"), format_ratio(3.3, "en", decimals=1)
    ('0,89 katı', '3.3 times')
    """
    text = format_number(x, lang, decimals=decimals)
    if text == MISSING:
        return text
    return f"{text} katı" if lang == "tr" else f"{text} times"


_SPEC = re.compile(r"^\{:,?(?:\.(\d+))?([fg%])\}$")


def format_as(x: object, spec: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Format ``x`` as a Python format ``spec`` says, but through the one formatter of ``lang``.

    Criteria files describe how a value is printed with a Python format (``'{:,.0f}'``,
    ``'{:.2f}'``, ``'{:.1%}'``, ``'{:.3g}'``); this reads the number of decimals and whether it is a
    percentage from it and writes the value with :func:`format_number` / :func:`format_percent`,
    so it rounds and looks the same as everywhere else.

    Raises
    ------
    ValueError
        For a spec other than ``{:.Nf}``, ``{:,.Nf}`` or ``{:.N%}``.

    Examples
    --------
    >>> format_as(2.675, "{:.2f}", "tr"), format_as(0.0834, "{:.1%}", "tr"), format_as(1234, "{:,.0f}", "en")
    ('2,68', '%8,3', '1,234')
    >>> format_as(1.20, "{:.3g}", "tr"), format_as(0.012345, "{:.3g}", "en")
    ('1,2', '0.0123')
    """
    match = _SPEC.match(spec.strip())
    if not match:
        raise ValueError(
            f"unsupported number format {spec!r}; use '{{:.1f}}', '{{:,.0f}}', '{{:.3g}}' or '{{:.1%}}'"
        )
    decimals = int(match.group(1)) if match.group(1) is not None else 6
    if match.group(2) == "%":
        return format_percent(x, lang, decimals=decimals)
    if match.group(2) == "g":  # significant digits, trailing zeros dropped (no exponent)
        if is_missing(x) or _infinite(x) is not None or float(x) == 0:  # type: ignore[arg-type]
            return format_number(x, lang)
        digits = max(0, max(decimals, 1) - 1 - math.floor(math.log10(abs(float(x)))))  # type: ignore[arg-type]
        text = format_number(x, lang, decimals=digits)
        mark = "," if lang == "tr" else "."
        return text.rstrip("0").rstrip(mark) if mark in text else text
    return format_number(x, lang, decimals=decimals)


def format_date(
    value: _dt.date | _dt.datetime, lang: str = DEFAULT_LANGUAGE, *, time: bool = False, zone: bool = False
) -> str:
    """Write a date (and optionally the time) as readers of ``lang`` expect, in Türkiye time.

    A timezone-aware datetime is first converted to Türkiye time (``Europe/Istanbul``, TSİ), so a
    run stamped 06:54 UTC shows 09:54 and its day is the Turkish day; a naive one is taken to be
    Türkiye time already.  ``zone=True`` writes the zone after the time (``TSİ`` / ``TRT``).

    Examples
    --------
    >>> import datetime as dt
    >>> format_date(dt.date(2026, 5, 9), "tr"), format_date(dt.date(2026, 5, 9), "en")
    ('9 Mayıs 2026', '9 May 2026')
    >>> format_date(dt.datetime(2026, 5, 9, 3, 5), "tr", time=True)
    '9 Mayıs 2026 03:05'
    >>> format_date(dt.datetime(2026, 11, 28, 6, 54, tzinfo=dt.timezone.utc), "tr", time=True, zone=True)
    '28 Kasım 2026 09:54 TSİ'
    """
    check_language(lang)
    if not isinstance(value, _dt.date):
        raise TypeError(f"'value' must be a date or datetime, got {type(value).__name__}")
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(TIME_ZONE)
    text = f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"
    if time and isinstance(value, _dt.datetime):
        text += f" {value:%H:%M}"
        if zone:
            text += f" {ZONE_LABEL[lang]}"
    return text
