"""Turkish and English text of the reports: the string catalogue, number formats and grammar.

Readers of the reports are Turkish advisory-committee members, so numbers follow the locale
(Babel, Unicode CLDR): Turkish ``1.234,5`` and ``%12,5``, English ``1,234.5`` and ``12.5%``.
Language and number formats are applied once, at presentation; an English report never
recomputes a number.

* :mod:`~clusterlib.i18n.catalogue` — :func:`t`, :func:`add_strings`: every user-facing text in
  both languages, with slots such as ``{k|loc}``, ``{p|pct:0|poss_loc}``, ``{change|sign:arttı:azaldı}``.
* :mod:`~clusterlib.i18n.formatting` — the one number/date formatter: :func:`format_number`,
  :func:`format_percent`, :func:`format_signed`, :func:`format_ratio`, :func:`format_date`.
* :mod:`~clusterlib.i18n.turkish` — :func:`inflect` (case suffixes driven by the displayed
  string's last spoken word), Turkish-aware case (:func:`turkish_lower`, :func:`lower_first`).
* :mod:`~clusterlib.i18n.text` — :func:`join_list`, :func:`by_sign`.
* :mod:`~clusterlib.i18n.plotting` — :func:`plotly_layout`, :func:`axis_ticks`, :func:`hover_values`.
"""

from __future__ import annotations

from clusterlib.config import DEFAULT_LANGUAGE, LANGUAGES
from clusterlib.i18n import strings as _strings  # noqa: F401  (registers the workbench's own texts)
from clusterlib.i18n.catalogue import (
    FILTERS,
    add_strings,
    has_string,
    language_name,
    registered_keys,
    render,
    t,
    template,
)
from clusterlib.i18n.formatting import (
    LOCALES,
    MINUS,
    MISSING,
    TIME_ZONE,
    check_language,
    format_as,
    format_date,
    format_number,
    format_percent,
    format_ratio,
    format_signed,
    format_signed_percent,
    is_missing,
)
from clusterlib.i18n.plotting import axis_ticks, hover_values, nice_ticks, plotly_layout
from clusterlib.i18n.text import by_sign, join_list, plural
from clusterlib.i18n.turkish import (
    CASES,
    inflect,
    lower_first,
    spoken_last_word,
    turkish_capitalize,
    turkish_lower,
    turkish_upper,
)

__all__ = [
    "CASES",
    "DEFAULT_LANGUAGE",
    "FILTERS",
    "LANGUAGES",
    "LOCALES",
    "MINUS",
    "MISSING",
    "TIME_ZONE",
    "add_strings",
    "axis_ticks",
    "by_sign",
    "check_language",
    "format_as",
    "format_date",
    "format_number",
    "format_percent",
    "format_ratio",
    "format_signed",
    "format_signed_percent",
    "has_string",
    "hover_values",
    "inflect",
    "is_missing",
    "join_list",
    "language_name",
    "lower_first",
    "nice_ticks",
    "plotly_layout",
    "plural",
    "registered_keys",
    "render",
    "spoken_last_word",
    "t",
    "template",
    "turkish_capitalize",
    "turkish_lower",
    "turkish_upper",
]
