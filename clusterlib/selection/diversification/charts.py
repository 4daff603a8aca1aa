"""Charts of the "Diversification opportunities" section: feasibility vs attractiveness, ECI map.

Both return a :class:`plotly.graph_objects.Figure` to display with :func:`clusterlib.report.show`
(offline, self-contained).  Colour is never the only signal: leading opportunities are also drawn
as labelled diamonds, and the report's province on the map has a thick outline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib import mapdata
from clusterlib.charts import PALETTE
from clusterlib.checks import require_columns
from clusterlib.i18n import hover_values, plotly_layout, t
from clusterlib.selection.maps import fit_map, map_notes, outline_province

__all__ = ["eci_map", "opportunity_chart"]


_AROUND = ("top center", "middle right", "bottom center", "middle left", "top right")


def _label(key: str, lang: str) -> str:
    return t(f"diversification.chart.{key}", lang)


def _style(fig: go.Figure, lang: str, *, title: str | None, height: int) -> go.Figure:
    fig.update_layout(
        title=title,
        height=height,
        template="plotly_white",
        **plotly_layout(lang),
        margin={"l": 10, "r": 10, "t": 60 if title else 20, "b": 10},
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    return fig


def opportunity_chart(
    opportunities: pd.DataFrame,
    *,
    eci: float | None = None,
    attractiveness: str = "pci",
    highlight: Sequence[str] = (),
    lang: str = "tr",
    title: str | None = None,
) -> go.Figure:
    """Feasibility (relatedness density) against attractiveness (PCI or COG) of the sectors not yet held.

    The Atlas's "feasibility–attractiveness" view: to the right are sectors close to what the
    province already does, at the top the complex ones (or those that open most further paths).
    With ``attractiveness="pci"`` a dashed line marks the province's ECI: sectors above it would
    raise the province's average complexity.

    Parameters
    ----------
    opportunities : DataFrame
        Columns ``nace, label, rank, density, pci, cog, builds_on_labels`` (the opportunities of
        :class:`~clusterlib.selection.diversification.Diversification` with names).
    eci : float, optional
        The province's ECI (the line).
    attractiveness : {"pci", "cog"}
    highlight : sequence of str
        NACE codes of the leading opportunities: diamonds numbered with their rank (names would
        overlap; the table below the chart names them, the hover shows them).
    """
    require_columns(
        opportunities, ["nace", "label", "rank", "density", attractiveness, "builds_on_labels"], name="opportunities"
    )
    chosen = opportunities["nace"].isin(list(highlight))
    fig = go.Figure()
    for selected, colour, symbol, key in (
        (False, PALETTE["sky"], "circle", "other"),
        (True, PALETTE["vermillion"], "diamond", "top"),
    ):
        part = opportunities[chosen == selected]
        fig.add_scatter(
            x=part["density"],
            y=part[attractiveness],
            mode="markers+text" if selected else "markers",
            text=part["rank"].astype(int).astype(str) if selected else None,
            # leading opportunities often sit close together: the numbers go round their diamonds
            textposition=[_AROUND[i % len(_AROUND)] for i in range(len(part))] if selected else "top center",
            textfont={"size": 13, "color": "black"},
            marker={
                "size": 14 if selected else 9,
                "symbol": symbol,
                "color": colour,
                "line": {"width": 1, "color": "white" if not selected else "black"},
                "opacity": 0.9,
            },
            customdata=np.stack(
                [
                    part["label"],
                    part["builds_on_labels"],
                    hover_values(part["density"], lang, decimals=1),
                    hover_values(part[attractiveness], lang, decimals=2),
                ],
                axis=-1,
            )
            if len(part)
            else None,
            hovertemplate=(
                f"%{{customdata[0]}}<br>{_label('density', lang)} %{{customdata[2]}}"
                f"<br>{_label(attractiveness, lang)} %{{customdata[3]}}"
                f"<br>{_label('builds_on', lang)}: %{{customdata[1]}}<extra></extra>"
            ),
            name=_label(key, lang),
        )
    if eci is not None and attractiveness == "pci":
        fig.add_hline(
            y=eci,
            line_dash="dash",
            line_color=PALETTE["grey"],
            annotation_text=_label("eci_line", lang),
            annotation_position="bottom right",
        )
    upper = float(opportunities["density"].max()) if len(opportunities) else 100.0
    fig.update_xaxes(title=_label("density", lang), range=[0, min(100.0, upper * 1.08 + 2)])
    fig.update_yaxes(title=_label(attractiveness, lang), zeroline=True)
    return _style(fig, lang, title=title, height=560)


def eci_map(
    values: pd.DataFrame,
    geojson: Mapping[str, object],
    *,
    highlight_plate: int | None = None,
    lang: str = "tr",
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Choropleth of the provinces' ECI (diverging around 0), the report's province outlined, with a
    title, a source line and the boundaries' OpenStreetMap attribution.

    Parameters
    ----------
    values : DataFrame
        Columns ``plate, province, eci, rank`` (:attr:`Diversification.eci_map`).
    geojson : mapping
        A FeatureCollection with ``properties.plate`` (:func:`clusterlib.geo.to_geojson`).
    highlight_plate : int, optional
        The province drawn with a thick black outline.
    """
    require_columns(values, ["plate", "province", "eci", "rank"], name="values")
    bound = float(np.nanmax(np.abs(values["eci"]))) if len(values) else 1.0
    geojson = mapdata.array_coordinates(dict(geojson))  # cheap for plotly to copy; the same JSON
    fig = go.Figure()
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.plate",
        locations=values["plate"],
        z=values["eci"],
        customdata=np.stack(
            [values["province"], values["rank"].astype(str), hover_values(values["eci"], lang, decimals=2)], axis=-1
        ),
        zmin=-bound,
        zmid=0,
        zmax=bound,
        colorscale="RdBu_r",
        colorbar={"title": _label("eci", lang)},
        marker_line_color="white",
        marker_line_width=0.5,
        hovertemplate=(
            f"%{{customdata[0]}}<br>{_label('eci', lang)} %{{customdata[2]}}"
            f"<br>{_label('rank', lang)} %{{customdata[1]}}<extra></extra>"
        ),
    )
    if highlight_plate is not None:
        outline_province(fig, geojson, highlight_plate)
    fit_map(fig, geojson)
    title = title or _label("eci_map_title", lang)
    fig = _style(fig, lang, title=title, height=460)
    map_notes(fig, lang, source=source, title=title)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 50, "b": 50})
    return fig
