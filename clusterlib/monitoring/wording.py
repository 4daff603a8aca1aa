"""Names and short texts of the monitoring step in a language: one rule each, used by findings, tables and pages.

A :class:`Name` holds a name in both languages (the result stays language-free); metric, ESCA area,
A10 sector and status words come from the catalogue (``resources/strings/monitoring.findings.yaml``
and ``monitoring.labels.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from clusterlib import nace
from clusterlib.i18n import MISSING, format_number, format_percent, join_list, t

__all__ = [
    "Name",
    "a10_name",
    "a10_names",
    "area_name",
    "format_metric",
    "metric_name",
    "names_text",
    "stale_label",
    "status_label",
]


@dataclass(frozen=True)
class Name:
    """A name in English and Turkish.

    Examples
    --------
    >>> Name("Exports", "İhracat").text("tr")
    'İhracat'
    """

    en: str
    tr: str

    def text(self, lang: str) -> str:
        """The name in ``lang``."""
        return self.tr if lang == "tr" else self.en


def names_text(names: Iterable[str], lang: str) -> str:
    """Names joined as a list in ``lang`` (``"yok"``/``"none"`` when there is none).

    Examples
    --------
    >>> names_text(["Amasya", "Çorum", "Tokat"], "tr"), names_text([], "en")
    ('Amasya, Çorum ve Tokat', 'none')
    """
    items = list(names)
    return join_list(items, lang) if items else t("monitoring.none", lang)


def metric_name(metric: str, lang: str) -> str:
    """A national-scorecard metric's name (``employment``, ``lq`` …) in ``lang``."""
    return t(f"monitoring.metric.{metric}", lang)


def area_name(area: str, lang: str) -> str:
    """An ESCA area's name (``structure``, ``governance`` …) in ``lang``, as in running text."""
    return t(f"monitoring.area.{area}", lang)


def a10_names(lang: str) -> dict[str, str]:
    """Names of the A10 sectors (and ``total_gva``) in ``lang``."""
    table = nace.a10()
    names = dict(zip(table["code"], table[f"name_{lang}"], strict=True))
    names["total_gva"] = t("monitoring.a10.total_gva", lang)
    return names


def a10_name(sector: str, lang: str) -> str:
    """The name of one A10 sector (or ``total_gva``) in ``lang``."""
    return a10_names(lang)[sector]


def format_metric(metric: str, value: object, lang: str) -> str:
    """A scorecard value as text: growth as a percentage, LQ with two decimals, others whole numbers.

    Examples
    --------
    >>> format_metric("growth", 0.0734, "tr"), format_metric("lq", 2.5, "en"), format_metric("employment", None, "en")
    ('%7,3', '2.50', '–')
    """
    if value is None or pd.isna(value):
        return MISSING
    if metric == "growth":
        return format_percent(float(value), lang, decimals=1)
    return format_number(float(value), lang, decimals=2 if metric == "lq" else 0)


def status_label(status: object, lang: str) -> str:
    """The status as symbol and words (colour is never the only signal); missing: an empty string."""
    if not isinstance(status, str):
        return ""
    return t(f"monitoring.status.{status}", lang)


def stale_label(row: object, lang: str) -> str:
    """The status of an indicator without a value for the report year: grey, with its last value's year.

    ``row`` has ``report_year`` and ``latest_year`` (a row of
    :func:`~clusterlib.monitoring.plan.indicator_summary`).
    """
    return t("monitoring.status.stale", lang, year=int(row.report_year), last=int(row.latest_year))
