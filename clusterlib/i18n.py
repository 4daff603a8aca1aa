"""Turkish and English user-interface text and number formats of the reports.

Readers of the reports are Turkish advisory-committee members, so numbers follow the locale:
Turkish groups thousands with a dot and marks decimals with a comma (``1.234,5``) and puts the
per-cent sign *before* the number (``%12,5``); English does the opposite (``1,234.5``, ``12.5%``).
These are the patterns of the Unicode CLDR locale data (``tr``: decimal ``,``, group ``.``,
percent pattern ``%#,##0``; ``en``: ``.``, ``,``, ``#,##0%``).

:func:`t` looks up a short UI string (report headings, index labels, status words) by key;
other modules register their own strings with :func:`add_strings`.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import numbers
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from clusterlib.config import DEFAULT_LANGUAGE, LANGUAGES

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "MISSING",
    "add_strings",
    "check_language",
    "format_date",
    "format_number",
    "format_percent",
    "has_string",
    "language_name",
    "t",
]

#: What a missing value (None, NaN, pandas.NA) is shown as.
MISSING = "–"

#: Decimal mark and thousands separator per language (Unicode CLDR number symbols).
_SEPARATORS: dict[str, tuple[str, str]] = {"tr": (",", "."), "en": (".", ",")}

# fmt: off
_MONTHS = {
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran",
           "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}
# fmt: on

#: UI strings: key -> {language: text}.  Text may hold ``{field}`` placeholders for :func:`t`.
_STRINGS: dict[str, dict[str, str]] = {
    "language.tr": {"tr": "Türkçe", "en": "Turkish"},
    "language.en": {"tr": "İngilizce", "en": "English"},
    # steps (``notebooks/NN_<step>.ipynb``)
    "step.needs_assessment": {"tr": "İhtiyaç analizi", "en": "Needs assessment"},
    "step.sector_selection": {"tr": "Sektör seçimi", "en": "Sector selection"},
    "step.value_chain_mapping": {"tr": "Değer zinciri haritalaması", "en": "Value-chain mapping"},
    "step.monitoring": {"tr": "İzleme ve kıyaslama", "en": "Monitoring and benchmarking"},
    # report page
    "report.key_findings": {"tr": "Temel bulgular", "en": "Key findings"},
    "report.province": {"tr": "İl", "en": "Province"},
    "report.generated": {"tr": "Oluşturulma tarihi", "en": "Generated"},
    "report.data_source": {"tr": "Veri kaynağı", "en": "Data source"},
    "report.data_version": {"tr": "Veri sürümü", "en": "Data version"},
    "report.footer": {
        "tr": "Bu rapor clusterlib {version} ile otomatik olarak üretilmiştir.",
        "en": "This report was produced automatically with clusterlib {version}.",
    },
    "report.figure_fallback": {
        "tr": "Grafik görüntülenemedi: rapor klasöründeki assets/plotly.min.js dosyası bulunamadı.",
        "en": "The chart could not be drawn: assets/plotly.min.js was not found in the report folder.",
    },
    "data.sample": {
        "tr": "Paketle gelen SENTETİK örnek veri, resmî istatistik değildir",
        "en": "Bundled SYNTHETIC sample data, not official statistics",
    },
    "data.user": {"tr": "Kullanıcı verisi", "en": "User data"},
    # provenance box
    "provenance.title": {
        "tr": "Teknik bilgiler (yeniden üretilebilirlik)",
        "en": "Technical details (reproducibility)",
    },
    "provenance.parameters": {"tr": "Parametreler", "en": "Parameters"},
    "provenance.inputs": {"tr": "Girdi dosyaları", "en": "Input files"},
    "provenance.packages": {"tr": "Yazılım sürümleri", "en": "Software versions"},
    "provenance.name": {"tr": "Ad", "en": "Name"},
    "provenance.value": {"tr": "Değer", "en": "Value"},
    "provenance.file": {"tr": "Dosya", "en": "File"},
    "provenance.size": {"tr": "Boyut (bayt)", "en": "Size (bytes)"},
    "provenance.sha256": {"tr": "SHA-256 (kısa)", "en": "SHA-256 (short)"},
    "provenance.package": {"tr": "Paket", "en": "Package"},
    "provenance.version": {"tr": "Sürüm", "en": "Version"},
    # index page
    "index.title": {"tr": "Kümelenme analizi raporları", "en": "Cluster analysis reports"},
    "index.run_date": {"tr": "Son çalıştırma", "en": "Last run"},
    "index.language": {"tr": "Dil", "en": "Language"},
    "index.other_languages": {"tr": "Diğer diller", "en": "Other languages"},
    "index.summary": {
        "tr": "Son çalıştırma: {total} rapor, {ok} başarılı, {failed} başarısız",
        "en": "Last run: {total} reports, {ok} succeeded, {failed} failed",
    },
    "index.previous_report": {"tr": "önceki rapor ({date})", "en": "previous report ({date})"},
    "index.cell": {"tr": "Hücre {cell}", "en": "Cell {cell}"},
    "index.seconds": {"tr": "{seconds} sn", "en": "{seconds} s"},
    "index.legend": {
        "tr": "Hatalı bir adım eski raporu silmez: varsa önceki başarılı rapora bağlantı verilir.",
        "en": "A failed step never replaces a report: the previous good report, if any, is linked.",
    },
    # command-line summary
    "cli.step": {"tr": "Adım", "en": "Step"},
    "cli.status": {"tr": "Durum", "en": "Status"},
    "cli.seconds": {"tr": "Süre (sn)", "en": "Seconds"},
    "cli.output": {"tr": "Çıktı", "en": "Output"},
    "cli.index": {"tr": "Dizin sayfası", "en": "Index page"},
    "status.ok": {"tr": "Başarılı", "en": "OK"},
    "status.failed": {"tr": "Başarısız", "en": "Failed"},
    "status.not_run": {"tr": "Çalıştırılmadı", "en": "Not run"},
}


def check_language(lang: object) -> str:
    """Return ``lang`` if it is one of :data:`LANGUAGES`, else raise ``ValueError``.

    Examples
    --------
    >>> check_language("tr")
    'tr'
    """
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"'lang' must be one of {list(LANGUAGES)}, got {lang!r}")
    return lang


def language_name(lang: str, *, in_lang: str | None = None) -> str:
    """The name of language ``lang`` written in ``in_lang`` (default: in itself).

    Examples
    --------
    >>> language_name("tr"), language_name("en", in_lang="tr")
    ('Türkçe', 'İngilizce')
    """
    check_language(lang)
    return t(f"language.{lang}", in_lang or lang)


def add_strings(strings: Mapping[str, Mapping[str, str]]) -> None:
    """Register UI strings so that :func:`t` can find them.

    Other modules (the methodology steps) register their own short texts here, e.g. finding
    templates, instead of building sentences in notebooks.

    Parameters
    ----------
    strings : mapping
        ``{key: {"tr": text, "en": text}}``; every key needs a text in every language of
        :data:`LANGUAGES`.  Registering an existing key with a different text is an error.

    Raises
    ------
    ValueError
        When a key lacks a language or would change an existing string.

    Examples
    --------
    >>> add_strings({"demo.hello": {"tr": "Merhaba {name}", "en": "Hello {name}"}})
    >>> t("demo.hello", "tr", name="Çorum")
    'Merhaba Çorum'
    """
    for key, texts in strings.items():
        missing = [lang for lang in LANGUAGES if not isinstance(texts.get(lang), str)]
        if missing:
            raise ValueError(f"string {key!r} needs a text in {list(LANGUAGES)}; missing {missing}")
        known = _STRINGS.get(key)
        new = {lang: texts[lang] for lang in LANGUAGES}
        if known is not None and known != new:
            raise ValueError(f"string {key!r} is already registered with other texts: {known}")
        _STRINGS[key] = new


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **fields: object) -> str:
    """Translate a UI string.

    Parameters
    ----------
    key : str
        Dotted key such as ``"report.key_findings"``.
    lang : {"tr", "en"}
    **fields
        Values for ``{placeholders}`` in the text.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For an unknown key; the message suggests the closest keys.
    ValueError
        For an unknown language.

    Examples
    --------
    >>> t("report.key_findings", "tr"), t("report.key_findings", "en")
    ('Temel bulgular', 'Key findings')
    >>> t("index.cell", "tr", cell=4)
    'Hücre 4'
    """
    check_language(lang)
    try:
        text = _STRINGS[key][lang]
    except KeyError:
        close = difflib.get_close_matches(key, list(_STRINGS), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"no UI string {key!r}{hint}") from None
    return text.format(**fields) if fields else text


def has_string(key: str) -> bool:
    """True when :func:`t` knows ``key``.

    Examples
    --------
    >>> has_string("status.ok"), has_string("status.nope")
    (True, False)
    """
    return key in _STRINGS


def _is_missing(x: object) -> bool:
    return x is None or (pd.api.types.is_scalar(x) and bool(pd.isna(x)))


def _check_number(x: object, decimals: int) -> None:
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"'decimals' must be a non-negative integer, got {decimals!r}")
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, Decimal)):
        raise TypeError(f"'x' must be a real number, got {type(x).__name__} {x!r}")


def _format(x: numbers.Real | Decimal, lang: str, decimals: int) -> str:
    """Round half away from zero on the shortest decimal repr, then apply the locale symbols."""
    value = float(x)
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    exact = Decimal(str(x))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,0"
    text = f"{abs(rounded):,.{decimals}f}"
    decimal_mark, group = _SEPARATORS[lang]
    text = text.translate(str.maketrans({",": group, ".": decimal_mark}))
    return ("-" if rounded < 0 else "") + text


def format_number(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 0) -> str:
    """Format a number with the thousands separator and decimal mark of ``lang``.

    Rounds half away from zero on the number's shortest decimal representation (``2.675`` →
    ``2.68``, as a reader rounds by hand), then writes Turkish ``1.234,5`` or English ``1,234.5``.

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
    decimal pattern ``#,##0.###``.

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
    >>> format_number(float("nan"), "tr")
    '–'
    """
    check_language(lang)
    if _is_missing(x):
        return MISSING
    _check_number(x, decimals)
    return _format(x, lang, decimals)  # type: ignore[arg-type]


def format_percent(x: object, lang: str = DEFAULT_LANGUAGE, *, decimals: int = 1) -> str:
    """Format a proportion as a percentage in the style of ``lang``.

    ``x`` is a proportion (``0.125`` is 12.5 per cent).  Turkish writes the sign first
    (``%12,5``), English last (``12.5%``).

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
    Unicode CLDR, locale data ``tr``: percent pattern ``%#,##0``; ``en``: ``#,##0%``.

    Examples
    --------
    >>> format_percent(0.125, "tr"), format_percent(0.125, "en")
    ('%12,5', '12.5%')
    >>> format_percent(-0.0432, "tr", decimals=2)
    '-%4,32'
    >>> format_percent(12.5, "tr", decimals=0)
    '%1.250'
    """
    check_language(lang)
    if _is_missing(x):
        return MISSING
    _check_number(x, decimals)
    text = _format(Decimal(str(x)) * 100, lang, decimals)
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    return f"{sign}%{digits}" if lang == "tr" else f"{sign}{digits}%"


def format_date(value: _dt.date | _dt.datetime, lang: str = DEFAULT_LANGUAGE, *, time: bool = False) -> str:
    """Write a date (and optionally the time) as readers of ``lang`` expect.

    Examples
    --------
    >>> import datetime as dt
    >>> format_date(dt.date(2026, 5, 9), "tr"), format_date(dt.date(2026, 5, 9), "en")
    ('9 Mayıs 2026', '9 May 2026')
    >>> format_date(dt.datetime(2026, 5, 9, 3, 5), "tr", time=True)
    '9 Mayıs 2026 03:05'
    """
    check_language(lang)
    if not isinstance(value, _dt.date):
        raise TypeError(f"'value' must be a date or datetime, got {type(value).__name__}")
    text = f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"
    if time and isinstance(value, _dt.datetime):
        text += f" {value:%H:%M}"
    return text
