"""The one chart style of every step: :func:`style`, :data:`PALETTE` and :data:`FONT`.

Each step keeps its own charts in its package (``selection/charts.py``, ``needs/charts.py`` …) and
styles them here; this module imports no step.  Display a figure with :func:`clusterlib.report.show`,
which makes it interactive in JupyterLab and self-contained in the HTML report.  Every number a
reader sees (ticks, hover labels) is written by the one formatter of :mod:`clusterlib.i18n`
(:func:`~clusterlib.i18n.axis_ticks`, :func:`~clusterlib.i18n.hover_values`): Turkish ``%8,3``
and ``0,25``, U+2212 for minus as in the text; the layout's ``separators``
(:func:`~clusterlib.i18n.plotly_layout`) cover the ticks Plotly still writes itself.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from clusterlib.i18n import plotly_layout

__all__ = ["FONT", "PALETTE", "TEMPLATE", "style"]

#: Colour-blind-safe palette (Okabe & Ito 2008), used consistently across reports.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#7F7F7F",
    "text_muted": "#555555",
    "light_grey": "#EEEEEE",
    "black": "#000000",
}

#: The font of every chart (the reports' own font stack).
FONT = "Segoe UI, Helvetica, Arial, sans-serif"

#: The plotly template under every chart (white background, light grid).
TEMPLATE = "plotly_white"
pio.templates.default = TEMPLATE


def style(
    fig: go.Figure,
    lang: str,
    *,
    title: str | None = None,
    height: int = 480,
    source: str | None = None,
) -> go.Figure:
    """The house style of every chart of every step: one look, the report language's number formats.

    White template, the report font, a horizontal legend above the plot, numbers written in full
    with the language's separators (``15.000``, never plotly's SI ``15k``), and an optional source
    line under the plot (``"Kaynak: TÜİK, ..."``).  Colours come from :data:`PALETTE`; ticks and
    hovers from :func:`clusterlib.i18n.axis_ticks` and :func:`clusterlib.i18n.hover_values`.

    Examples
    --------
    >>> fig = style(go.Figure(go.Bar(x=[1], y=[2])), "tr", title="Başlık", height=300, source="Kaynak: TÜİK")
    >>> fig.layout.height, fig.layout.separators, fig.layout.annotations[0].text
    (300, ',.', 'Kaynak: TÜİK')
    >>> other = style(go.Figure(layout_template="ggplot2"), "en")
    >>> other.layout.template == pio.templates[TEMPLATE], other.layout.plot_bgcolor is None
    (True, True)
    """
    # a figure made with the default template has it already; copying it in again costs 12 ms
    template = {} if fig.layout.template == pio.templates[TEMPLATE] else {"template": TEMPLATE}
    fig.update_layout(
        title=title if title is not None else fig.layout.title.text,
        height=height,
        **template,
        **plotly_layout(lang),
        margin={"l": 10, "r": 10, "t": 60 if title or fig.layout.title.text else 20, "b": 70 if source else 10},
        font={"family": FONT, "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    if source:
        fig.add_annotation(
            text=source,
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-38,
            yanchor="top",
            showarrow=False,
            font={"size": 11, "color": PALETTE["text_muted"]},
            align="left",
        )
    return fig
