"""Units of the monitoring indicators: their words in Turkish and English and the number format of each.

The texts are in the catalogue file ``resources/strings/monitoring.labels.yaml``; a unit's *kind*
(:data:`UNIT_KINDS`) decides how its values are written everywhere (tables, sentences, charts):
counts without decimals, money and shares with one.
"""

from __future__ import annotations

import pandas as pd
from babel import Locale

from clusterlib.i18n import MISSING, format_number, format_percent, has_string, t
from clusterlib.monitoring.international import normalise_unit

__all__ = ["UNIT_KINDS", "country_name", "format_unit_value", "unit_kind", "unit_label"]

#: The kind of each unit of ``monitoring.csv``: ``count`` (whole numbers), ``money`` (one decimal),
#: ``percent`` (values in per cent, ``28.9`` is 28.9 %); a unit not listed is a plain ``number``.
UNIT_KINDS: dict[str, str] = {
    "persons": "count",
    "firms": "count",
    "projects per year": "count",
    "products per year": "count",
    "person-days per year": "count",
    "score 0-100": "count",
    "million USD": "money",
    "percent": "percent",
}
#: :data:`UNIT_KINDS` by the unit's comparable spelling (``"%"`` is ``percent``, case and spacing ignored).
_NORMALISED_KINDS = {normalise_unit(unit): kind for unit, kind in UNIT_KINDS.items()}


def unit_label(unit: object, lang: str) -> str:
    """An indicator's unit in the report's language; a unit the catalogue does not know is shown as written.

    Examples
    --------
    >>> unit_label("persons", "tr"), unit_label("tonnes", "tr")
    ('kişi', 'tonnes')
    """
    key = f"monitoring.unit.{unit}"
    return t(key, lang) if has_string(key) else str(unit)


def unit_kind(unit: object) -> str:
    """The kind of a unit (:data:`UNIT_KINDS`; ``"number"`` when unknown).

    Examples
    --------
    >>> unit_kind("persons"), unit_kind("%"), unit_kind("Million USD"), unit_kind("tonnes")
    ('count', 'percent', 'money', 'number')
    """
    return _NORMALISED_KINDS.get(normalise_unit(unit), "number")


def format_unit_value(value: object, unit: object, lang: str) -> str:
    """A value written by its unit's kind: ``1.936`` persons, ``%28,9``, ``131,0`` million USD.

    Examples
    --------
    >>> format_unit_value(1936.0, "persons", "tr"), format_unit_value(28.93, "percent", "tr")
    ('1.936', '%28,9')
    >>> format_unit_value(131, "million USD", "en"), format_unit_value(None, "persons", "en")
    ('131.0', '–')
    """
    if value is None or pd.isna(value):
        return MISSING
    kind = unit_kind(unit)
    if kind == "percent":
        return format_percent(float(value) / 100.0, lang, decimals=1)
    if kind == "count":
        return format_number(float(value), lang, decimals=0)
    if kind == "money":
        return format_number(float(value), lang, decimals=1)
    return format_number(float(value), lang, decimals=0 if float(value).is_integer() else 2)


def country_name(code: object, lang: str) -> str:
    """A country (or ``EU``) code as a name in ``lang`` (CLDR names through Babel); unknown codes as written.

    Examples
    --------
    >>> country_name("IE", "tr"), country_name("EU", "tr"), country_name("DE", "en")
    ('İrlanda', 'Avrupa Birliği', 'Germany')
    """
    if code is None or pd.isna(code):
        return MISSING
    return Locale.parse(lang).territories.get(str(code).upper(), str(code))
