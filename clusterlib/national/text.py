"""Texts of the national pages and workbooks, in Turkish and English (registered on import).

The search folding is the knowledge base's own (:func:`clusterlib.monitoring.pages_text.fold`),
re-exported here so that the pages and their tests use one definition.
"""

from __future__ import annotations

from clusterlib.monitoring.pages_text import fold

__all__ = ["ATTRIBUTION", "fold"]

#: The boundaries' attribution line in the page language (OpenStreetMap's licence, ODbL 1.0).
ATTRIBUTION: dict[str, str] = {
    "tr": "İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL 1.0",
    "en": "Province boundaries: © OpenStreetMap contributors, ODbL 1.0",
}


