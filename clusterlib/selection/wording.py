"""How an indicator value is named in a sentence: with its unit, so that a number says what it is.

A committee member reads "ücret düzeyi (il ortalamasının 0,89 katı)", not "ücret düzeyi (0,89)";
"küçük ölçekli işyeri yapısı (işyeri başına 7,4 çalışan)"; "işyeri sayısının yıllık değişimi
(yıllık %8,3)".  The name comes from the criteria file (``name_tr`` / ``name_en``), the value is
formatted with the file's ``format`` through :func:`clusterlib.i18n.format_as`, and the words
around it come from the catalogue (``selection.value.<id>``) for the default indicators; any other
indicator is written "name (symbol value)".

Examples
--------
>>> indicator_phrase("avg_firm_size", 7.43, lang="tr", name="küçük ölçekli işyeri yapısı", fmt="{:.1f}")
'küçük ölçekli işyeri yapısı (işyeri başına 7,4 çalışan)'
>>> indicator_phrase("relative_wage", 0.894, lang="tr", name="ücret düzeyi")
'ücret düzeyi (il ortalamasının 0,89 katı)'
>>> indicator_phrase("custom", 0.0834, lang="tr", name="özel", fmt="{:.1%}")
'özel (%8,3)'
"""

from __future__ import annotations

from clusterlib.i18n import add_strings, format_as, has_string, t

__all__ = ["indicator_phrase"]

add_strings(
    {
        "selection.value.employment": {"tr": "{shown} kişi", "en": "{shown} jobs"},
        "selection.value.relative_wage": {
            "tr": "il ortalamasının {shown} katı",
            "en": "{shown} times the provincial average",
        },
        "selection.value.employment_cagr": {"tr": "yıllık {shown}", "en": "{shown} a year"},
        "selection.value.export_cagr": {"tr": "yıllık {shown}", "en": "{shown} a year"},
        "selection.value.national_growth": {"tr": "yıllık {shown}", "en": "{shown} a year"},
        "selection.value.workplace_cagr": {"tr": "yıllık {shown}", "en": "{shown} a year"},
        "selection.value.rca": {"tr": "AKÜ {shown}", "en": "RCA {shown}"},
        "selection.value.relatedness_density": {
            "tr": "0–100 ölçeğinde {shown}",
            "en": "{shown} on a 0–100 scale",
        },
        "selection.value.support_institutions": {
            "tr": "{shown} paydaş ve girişim",
            "en": "{shown} stakeholders and initiatives",
        },
        "selection.value.avg_firm_size": {
            "tr": "işyeri başına {shown} çalışan",
            "en": "{shown} employees per workplace",
        },
        "selection.value.skills_pool": {
            "tr": "yerelleşme katsayısı {shown}",
            "en": "location quotient {shown}",
        },
        "selection.value.wage_cost": {
            "tr": "sektörün Türkiye ortalamasının {shown} katı",
            "en": "{shown} times the sector's national average",
        },
        "selection.phrase": {"tr": "{name} ({detail}{mark})", "en": "{name} ({detail}{mark})"},
        "selection.phrase.imputed": {"tr": "; doldurulmuş eksik değer", "en": "; imputed"},
        "selection.explain.strengths_weakest": {
            "tr": "{sector|cap} {rank}. sırada; güçlü {count|plural:yönü:yönleri}: {strengths|list}; en zayıf "
            "yönü: {weakest}.",
            "en": "{sector|cap} ranks {ordinal}, carried by {strengths|list}; its weakest side is {weakest}.",
        },
        "selection.explain.strengths": {
            "tr": "{sector|cap} {rank}. sırada; güçlü {count|plural:yönü:yönleri}: {strengths|list}.",
            "en": "{sector|cap} ranks {ordinal}, carried by {strengths|list}.",
        },
        "selection.explain.no_strength_weakest": {
            "tr": "{sector|cap} {rank}. sırada; hiçbir ölçütte en zayıf sektörün önüne geçemiyor; en zayıf "
            "yönü: {weakest}.",
            "en": "{sector|cap} ranks {ordinal}; no criterion lifts it above the weakest sector; its weakest side "
            "is {weakest}.",
        },
        "selection.explain.no_strength": {
            "tr": "{sector|cap} {rank}. sırada; hiçbir ölçütte en zayıf sektörün önüne geçemiyor.",
            "en": "{sector|cap} ranks {ordinal}; no criterion lifts it above the weakest sector.",
        },
    }
)


def indicator_phrase(
    indicator: str,
    value: float,
    *,
    lang: str,
    name: str,
    symbol: str = "",
    fmt: str = "{:.2f}",
    imputed: bool = False,
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
    """
    mark = t("selection.phrase.imputed", lang) if imputed else ""
    shown = format_as(value, fmt, lang)
    key = f"selection.value.{indicator}"
    detail = t(key, lang, shown=shown) if has_string(key) else (f"{symbol} {shown}" if symbol else shown)
    return t("selection.phrase", lang, name=name, detail=detail, mark=mark)
