"""Small parts the needs charts share: marker symbols, wrapped labels, per-cent axes and hovers.

Ticks and hovers are written by :func:`clusterlib.i18n.axis_ticks` and
:func:`clusterlib.i18n.hover_values` (Turkish ``%20``, never a d3 format).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clusterlib.i18n import axis_ticks, hover_values, t

if TYPE_CHECKING:
    from clusterlib.needs.analysis import NeedsAssessment

__all__ = ["LIKERT_COLOURS", "SYMBOLS", "TYPE_ORDER", "block_name", "chart_label", "percent_axis", "percent_hover",
           "wrap"]  # fmt: skip

#: Colours of the five answers of a Likert scale: ColorBrewer BrBG (diverging, colour-blind safe); the
#: answers also differ by their side of the centre line and their legend order.
LIKERT_COLOURS = {1: "#A6611A", 2: "#DFC27D", 3: "#D9D9D9", 4: "#80CDC1", 5: "#018571"}
#: Marker symbols, so that series differ by shape as well as colour.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "star", "hexagon", "triangle-down", "pentagon", "x")
#: Order of the actor types on the map's legend.
TYPE_ORDER = ("chamber", "development_agency", "university", "oiz", "kosgeb", "public",
              "exporters_association", "cluster_association", "ngo")  # fmt: skip


def percent_axis(lang: str, low: float = 0.0, high: float = 1.0) -> dict:
    """Per-cent ticks written by the one formatter (Turkish ``%20``), for ``update_xaxes``.

    >>> percent_axis("tr")["ticktext"][:2]
    ['%0', '%20']
    """
    return axis_ticks(max(low, 0.0), min(high, 1.0), lang, kind="percent", decimals=0)


def percent_hover(values: Iterable[float], lang: str, decimals: int = 0) -> list[str]:
    """Shares as hover texts (``customdata``), Turkish ``%78``."""
    return hover_values(values, lang, kind="percent", decimals=decimals)


def chart_label(key: str, lang: str, **fields: object) -> str:
    """The chart text ``needs.chart.<key>`` in ``lang``."""
    return t(f"needs.chart.{key}", lang, **fields)


def block_name(a: NeedsAssessment, lang: str, block: str) -> str:
    """Name of a need area in ``lang``."""
    return a.block_text(block)(lang)


def wrap(text: str, width: int = 48) -> str:
    """Break a long label into lines of at most ``width`` characters (``<br>``).

    >>> wrap("one two three", 7)
    'one two<br>three'
    """
    lines, line = [], ""
    for word in str(text).split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)
