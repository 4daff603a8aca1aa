"""Figures of the exploration views in the house style, built fast enough to redraw on every control change.

:func:`clusterlib.charts.style` validates plotly's ``plotly_white`` template each time it runs
(about 50 ms), too slow to call on every redraw of a view.  :func:`styled_figure` applies it once
per language, height, title slot and source line, keeps the resulting layout as plain JSON, and
builds each new figure from that layout and plain trace dicts in one constructor call.  The figure
is the same as styling it afresh.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from clusterlib import charts

__all__ = ["styled_figure"]


@lru_cache(maxsize=32)
def _styled_layout(lang: str, titled: bool, source: str | None) -> dict[str, Any]:
    # the title only changes the top margin: its text is set per figure; the height is set per
    # figure too (the style sets nothing else from it), so a view whose height follows its data
    # (the province comparison) does not style afresh at every new height
    return charts.style(go.Figure(), lang, title=" " if titled else None, source=source).layout.to_plotly_json()


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``extra``: nested dicts merged, annotation and shape lists appended."""
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        elif key in ("annotations", "shapes") and isinstance(base.get(key), list):
            base[key] = [*base[key], *value]
        else:
            base[key] = value
    return base


def styled_figure(
    traces: Sequence[Mapping[str, Any]],
    lang: str,
    *,
    height: int = 480,
    title: str | None = None,
    source: str | None = None,
    **layout: Any,
) -> go.Figure:
    """A figure of ``traces`` in the house style (:func:`clusterlib.charts.style`), with ``layout`` on top.

    Parameters
    ----------
    traces : sequence of dict
        Plotly traces as dicts (``{"type": "scatter", "x": ..., ...}``).
    lang : {"tr", "en"}
    height : int, default 480
    title : str, optional
    source : str, optional
        The source line under the plot.
    **layout
        Further layout settings; dicts are merged into the style's (``legend={"y": -0.1}`` keeps its
        orientation), annotations and shapes are added to the style's.

    Examples
    --------
    >>> fig = styled_figure([{"type": "bar", "x": [1], "y": [2]}], "tr", height=300, title="Başlık")
    >>> fig.layout.height, fig.layout.separators, fig.layout.title.text, fig.layout.template.layout.plot_bgcolor
    (300, ',.', 'Başlık', 'white')
    >>> styled = charts.style(go.Figure(go.Bar(x=[1], y=[2])), "tr", title="Başlık", height=300)
    >>> fig.layout == styled.layout
    True
    >>> tall = styled_figure([{"type": "bar", "x": [1], "y": [2]}], "en", height=777, title="T", source="SGK")
    >>> tall.layout == charts.style(go.Figure(go.Bar(x=[1], y=[2])), "en", title="T", height=777, source="SGK").layout
    True
    """
    base = copy.deepcopy(_styled_layout(lang, bool(title), source))
    if pio.templates.default == charts.TEMPLATE:  # the figure gets it when made: not checked again (10 ms)
        base.pop("template", None)
    base["height"] = height
    if title:
        base["title"] = {**base.get("title", {}), "text": title}
    return go.Figure(data=list(traces), layout=_merge(base, layout))
