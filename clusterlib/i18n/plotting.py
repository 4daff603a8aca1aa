"""Plotly settings that make a chart's numbers read like the report's text.

Plotly formats numbers with d3-format, which knows neither the Turkish per-cent sign before the
number (``%8,3``) nor half-up rounding, and writes hover values with a hyphen while its axes use
U+2212.  So every number a reader sees on a chart comes from :mod:`clusterlib.i18n.formatting`:

* :func:`plotly_layout` — layout settings: ``separators`` (``",."`` in Turkish), so the few
  numbers Plotly still formats itself (automatic linear ticks) use the right marks; Plotly draws
  their minus as U+2212, the sign the text uses too.
* :func:`axis_ticks` — ``tickvals``/``ticktext`` for an axis, written by the formatter: per-cent
  axes (``%0``, ``%5``, ``%10``), log axes (``0,25``, ``0,5``, ``1``, ``2``), signed axes.
* :func:`hover_values` — the formatted strings to put in ``customdata`` and show in a hover
  template as ``%{customdata[0]}`` instead of ``%{x:.1%}``.

Examples
--------
>>> plotly_layout("tr")
{'separators': ',.'}
>>> axis_ticks(0, 0.1, "tr", kind="percent")["ticktext"]
['%0', '%2', '%4', '%6', '%8', '%10']
>>> hover_values([0.0834, None], "tr", kind="percent")
['%8,3', '–']
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from clusterlib.i18n.formatting import (
    check_language,
    format_number,
    format_percent,
    format_ratio,
    format_signed,
    format_signed_percent,
    is_missing,
)

__all__ = ["axis_ticks", "hover_values", "nice_ticks", "plotly_layout"]

_SEPARATORS = {"tr": ",.", "en": ".,"}

_KINDS = {
    "number": format_number,
    "percent": format_percent,
    "signed": format_signed,
    "signed_percent": format_signed_percent,
    "ratio": format_ratio,
}


def plotly_layout(lang: str) -> dict[str, str]:
    """Layout settings for ``fig.update_layout(**plotly_layout(lang))``: the decimal and group marks.

    Examples
    --------
    >>> plotly_layout("en")
    {'separators': '.,'}
    """
    check_language(lang)
    return {"separators": _SEPARATORS[lang]}


def _formatter(kind: str):
    try:
        return _KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown number kind {kind!r}; choose one of {sorted(_KINDS)}") from None


def hover_values(
    values: Iterable[object], lang: str, *, kind: str = "number", decimals: int | None = None
) -> list[str]:
    """Each value formatted for a hover label (``customdata``), missing values as ``–``.

    ``kind`` is ``"number"``, ``"percent"`` (a proportion), ``"signed"``, ``"signed_percent"`` or
    ``"ratio"``; ``decimals`` defaults to the formatter's default.

    Examples
    --------
    >>> hover_values([1234.5, -2.675], "tr", decimals=2) == ["1.234,50", "\\u22122,68"]
    True
    """
    function = _formatter(kind)
    extra = {} if decimals is None else {"decimals": decimals}
    return [function(v, lang, **extra) for v in values]


def nice_ticks(low: float, high: float, *, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering ``[low, high]`` (steps of 1, 2, 2.5 or 5 × 10ᵏ).

    Examples
    --------
    >>> nice_ticks(0, 0.1)
    [0.0, 0.02, 0.04, 0.06, 0.08, 0.1]
    >>> nice_ticks(-546, 2973)
    [-1000.0, 0.0, 1000.0, 2000.0, 3000.0]
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("tick range must be finite")
    if high < low:
        low, high = high, low
    if high == low:
        return [float(low)]
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * 0.999)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    return [round(k * step, 12) + 0.0 for k in range(first, last + 1)]


def _log_ticks(low: float, high: float) -> list[float]:
    if low <= 0 or high <= 0:
        raise ValueError("a log axis needs positive values")
    ticks = []
    for exponent in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 2.5, 5):
            value = mantissa * 10.0**exponent
            if low / 1.5 <= value <= high * 1.5:
                ticks.append(round(value, 12))
    return ticks


def _decimals_for(ticks: list[float], scale: float) -> int:
    for decimals in range(0, 7):
        if all(abs(round(v * scale, decimals) - v * scale) < 1e-9 for v in ticks):
            return decimals
    return 6


def axis_ticks(
    low: float,
    high: float,
    lang: str,
    *,
    kind: str = "number",
    log: bool = False,
    decimals: int | None = None,
    count: int = 5,
) -> dict[str, list]:
    """``tickvals`` and ``ticktext`` for an axis spanning ``[low, high]``, written by the formatter.

    Use with ``fig.update_xaxes(**axis_ticks(...))``.  A per-cent axis keeps proportions as its
    data (``0.083``) and shows ``%8`` in Turkish, ``8%`` in English; a log axis gets 1-2.5-5 ticks.

    Parameters
    ----------
    low, high : float
        The data range (missing values excluded).
    lang : {"tr", "en"}
    kind : {"number", "percent", "signed", "signed_percent", "ratio"}
    log : bool, default False
        Ticks for a log axis (values must be positive).
    decimals : int, optional
        Digits after the decimal mark; by default the fewest that write every tick exactly (on a
        log axis, each tick on its own).
    count : int, default 5
        About how many ticks on a linear axis.

    Examples
    --------
    >>> axis_ticks(0.3, 3.2, "tr", log=True)["ticktext"]
    ['0,25', '0,5', '1', '2,5']
    >>> axis_ticks(-0.05, 0.1, "en", kind="percent")["ticktext"] == ["\\u22125%", "0%", "5%", "10%"]
    True
    """
    check_language(lang)
    function = _formatter(kind)
    if is_missing(low) or is_missing(high):
        return {"tickvals": [], "ticktext": []}
    ticks = _log_ticks(low, high) if log else nice_ticks(low, high, count=count)
    scale = 100.0 if "percent" in kind else 1.0
    if decimals is not None:
        digits = [decimals] * len(ticks)
    elif log:  # each tick as short as it can be: 0,25 · 0,5 · 1
        digits = [_decimals_for([v], scale) for v in ticks]
    else:  # one number of decimals along a linear axis: 0,0 · 0,5 · 1,0
        digits = [_decimals_for(ticks, scale)] * len(ticks)
    return {
        "tickvals": ticks,
        "ticktext": [function(v, lang, decimals=d) for v, d in zip(ticks, digits, strict=True)],
    }
