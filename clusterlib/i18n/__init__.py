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

Writing a sentence of a report (rules that ``tests/test_i18n_catalogue.py`` checks):

* Write it in both languages in its catalogue file (``resources/strings/<module>.yaml``) and pass
  **raw values** to :func:`t`; the slot formats them once: ``{total|num}``, ``{share|pct}``,
  ``{lq|num:2}``, ``{ratio|ratio}``.
* Never write a suffix after a slot or a number (``{k}'da``): write ``{k|loc}``, ``{p|pct:0|poss_loc}``,
  ``{province|loc}``, ``{sector|lower|gen}`` — the suffix follows the displayed text's last spoken word.
* A quantity with a sign and a verb: ``{change|abs|num} kişi {change|sign:arttı:azaldı}``; signed
  components: ``{mix|signed}``.  Names inside a sentence: ``{sector|lower}``; several names:
  ``{sectors|lower|list}`` (semicolons when a name holds a comma or "ve"); English ordinals ``{rank|ord}``.
* Charts: ``fig.update_layout(**plotly_layout(lang))``, ``update_xaxes(**axis_ticks(lo, hi, lang,
  kind="percent"))`` and ``customdata=hover_values(values, lang, kind=...)`` with ``%{customdata}``
  in the hover template — never a d3 format such as ``%{x:.1%}``.
"""

from __future__ import annotations

from clusterlib.config import DEFAULT_LANGUAGE, LANGUAGES
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
    ZONE_LABEL,
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
from clusterlib.i18n.strings import parameter_label  # importing it registers the workbench's own texts
from clusterlib.i18n.text import by_sign, join_list, ordinal, plural
from clusterlib.i18n.turkish import (
    CASES,
    inflect,
    lower_first,
    lower_first_en,
    spoken_last_word,
    turkish_capitalize,
    turkish_lower,
    turkish_sort_key,
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
    "ZONE_LABEL",
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
    "lower_first_en",
    "nice_ticks",
    "ordinal",
    "parameter_label",
    "plotly_layout",
    "plural",
    "registered_keys",
    "render",
    "spoken_last_word",
    "t",
    "template",
    "turkish_capitalize",
    "turkish_lower",
    "turkish_sort_key",
    "turkish_upper",
]
