"""How an indicator value is named in a sentence: with its unit, so that a number says what it is.

A committee member reads "ücret düzeyi (il ortalamasının 0,89 katı)", not "ücret düzeyi (0,89)";
"ortalama işyeri büyüklüğü (işyeri başına 7,4 çalışan)"; "işyeri sayısının yıllık değişimi
(yıllık %8,3)".  The name comes from the criteria file (``name_tr`` / ``name_en``), the value is
formatted with the file's ``format`` through :func:`clusterlib.i18n.format_as`, and the words
around it come from the catalogue (``selection.value.<id>``) for the default indicators; any other
indicator is written "name (symbol value)".

Examples
--------
>>> indicator_phrase("avg_firm_size", 7.43, lang="tr", name="ortalama işyeri büyüklüğü", fmt="{:.1f}")
'ortalama işyeri büyüklüğü (işyeri başına 7,4 çalışan)'
>>> indicator_phrase("relative_wage", 0.894, lang="tr", name="ücret düzeyi")
'ücret düzeyi (il ortalamasının 0,89 katı)'
>>> indicator_phrase("custom", 0.0834, lang="tr", name="özel", fmt="{:.1%}")
'özel (%8,3)'
>>> indicator_phrase("avg_firm_size", 7.0, lang="en", name="average workplace size", fmt="{:.1f}", median=11.9)
"average workplace size (7.0 employees per workplace; candidates' median 11.9)"
"""

from __future__ import annotations

import math

from clusterlib.i18n import format_as, has_string, t

__all__ = ["indicator_phrase"]


def indicator_phrase(
    indicator: str,
    value: float,
    *,
    lang: str,
    name: str,
    symbol: str = "",
    fmt: str = "{:.2f}",
    imputed: bool = False,
    median: float | None = None,
) -> str:
    """An indicator and its value as a phrase of a sentence, in ``lang``.

    Parameters
    ----------
    indicator : str
        The indicator id (``"lq"``, ``"avg_firm_size"`` …).
    value : float
        Its raw value for the sector.
    lang : {"tr", "en"}
    name, symbol, fmt : str
        The criteria file's name, symbol and number format, used for indicators without a phrase.
    imputed : bool
        Whether the value was filled in for a missing one (said in the phrase).
    median : float, optional
        The candidates' median of the indicator, written beside the value (in the same format) so the
        phrase says how the sector compares with the other candidates.
    """
    mark = t("selection.phrase.imputed", lang) if imputed else ""
    if median is not None and not math.isnan(median):
        mark = t("selection.phrase.median", lang, median=format_as(median, fmt, lang)) + mark
    shown = format_as(value, fmt, lang)
    key = f"selection.value.{indicator}"
    detail = t(key, lang, shown=shown) if has_string(key) else (f"{symbol} {shown}" if symbol else shown)
    return t("selection.phrase", lang, name=name, detail=detail, mark=mark)
