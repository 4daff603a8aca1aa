"""Headings, column names and page texts of the monitoring step, in Turkish and English.

The texts are in the catalogue file ``resources/strings/monitoring.labels.yaml``; the sentences of the
findings are in :mod:`clusterlib.monitoring.findings`, the chart labels in :mod:`clusterlib.monitoring.charts`.
"""

from __future__ import annotations

from clusterlib.i18n import has_string, t

__all__: list[str] = []

def unit_label(unit: object, lang: str) -> str:
    """An indicator's unit in the report's language; a unit the catalogue does not know is shown as written.

    Examples
    --------
    >>> unit_label("persons", "tr"), unit_label("tonnes", "tr")
    ('kişi', 'tonnes')
    """
    key = f"monitoring.unit.{unit}"
    return t(key, lang) if has_string(key) else str(unit)
