"""Turkish and English texts of the knowledge store: messages, the workbook's help and the pages."""

from __future__ import annotations

__all__: list[str] = []

