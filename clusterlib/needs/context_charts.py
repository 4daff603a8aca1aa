"""Plotly figures of the needs report's context sections: the province, its actors and firms.

Each function takes a :class:`~clusterlib.needs.analysis.NeedsAssessment` and the report language and
returns a :class:`plotly.graph_objects.Figure` in the house style (:func:`clusterlib.charts.style`);
:class:`~clusterlib.needs.presentation.NeedsReport` calls them.  Colour is never the only signal:
series also differ by marker symbol or pattern, and charts of official figures carry their source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from clusterlib import charts, geo, mapdata, official
from clusterlib.charts import PALETTE
from clusterlib.i18n import axis_ticks, hover_values
from clusterlib.needs.chart_parts import SYMBOLS, TYPE_ORDER, chart_label, percent_axis, percent_hover, wrap
from clusterlib.needs.labels import label

if TYPE_CHECKING:
    from clusterlib.needs.analysis import NeedsAssessment

__all__ = ["actor_map", "firms_chart", "gdp_chart", "labour_chart", "mendelow_chart", "population_chart"]

def _tint(colour: str, alpha: float) -> str:
    """A palette colour made light (``rgba`` with ``alpha``), as the fill under markers.

    >>> _tint("#56B4E9", 0.3)
    'rgba(86, 180, 233, 0.3)'
    """
    red, green, blue = (int(colour.lstrip("#")[k : k + 2], 16) for k in (0, 2, 4))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def population_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Registered population of the province, 2007–2025 (TÜİK ADNKS)."""
    pop = a.context.population
    fig = go.Figure(
        go.Scatter(
            x=pop["year"],
            y=pop["population"],
            mode="lines+markers",
            name=a.province.name,
            line={"color": PALETTE["blue"], "width": 3},
            customdata=hover_values(pop["population"], lang, kind="number", decimals=0),
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(yaxis_title=chart_label("population", lang), xaxis={"dtick": 2}, showlegend=False)
    fig.update_yaxes(rangemode="tozero", **axis_ticks(0, float(pop["population"].max()), lang))
    return charts.style(fig, lang, height=340, source=official.source("population", lang))


def gdp_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """GDP per capita in USD: province, its NUTS-2 region and Türkiye, 2020–2024."""
    gdp = a.context.gdp
    fig = go.Figure()
    styles = {
        "province": (PALETTE["blue"], ""),
        "nuts2": (PALETTE["sky"], "/"),
        "country": (PALETTE["grey"], "."),
    }
    region = a.findings.context.region_provinces if a.findings is not None else ()
    names = {
        "province": a.province.name,
        "nuts2": chart_label("region", lang, region=a.province.nuts2, provinces=list(region) or ["–"]),
        "country": "Türkiye",
    }
    for level, (colour, pattern) in styles.items():
        part = gdp[gdp["level"] == level]
        fig.add_bar(
            x=part["year"],
            y=part["gdp_per_capita_usd"],
            name=names[level],
            marker={"color": colour, "pattern": {"shape": pattern}},
            customdata=hover_values(part["gdp_per_capita_usd"], lang, kind="number", decimals=0),
            hovertemplate="%{x}: %{customdata} " + chart_label("usd", lang) + "<extra></extra>",
        )
    fig.update_layout(barmode="group", yaxis_title=chart_label("gdp", lang), xaxis={"dtick": 1})
    source = f"{official.source('gdp_per_capita', lang)}. {chart_label('computed', lang)}."
    return charts.style(fig, lang, height=360, source=source)


def labour_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Employment and unemployment rates with their 95 % intervals, province against Türkiye (LFS)."""
    lf = a.context.labour
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=[label("indicator", i, lang) for i in ("employment_rate", "unemployment_rate")],
    )
    for col, indicator in enumerate(("employment_rate", "unemployment_rate"), start=1):
        for area, colour, symbol, offset in (
            ("province", PALETTE["blue"], "circle", -0.1),
            ("country", PALETTE["grey"], "diamond", 0.1),
        ):
            part = lf[(lf["indicator"] == indicator) & (lf["area"] == area)].sort_values("year")
            fig.add_scatter(
                x=part["year"] + offset,
                y=part["value"],
                mode="markers",
                row=1,
                col=col,
                name=a.province.name if area == "province" else "Türkiye",
                showlegend=col == 1,
                legendgroup=area,
                marker={"color": colour, "symbol": symbol, "size": 10},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": part["ci95_high"] - part["value"],
                    "arrayminus": part["value"] - part["ci95_low"],
                    "color": colour,
                },
                customdata=percent_hover(part["value"] / 100, lang, decimals=1),
                hovertemplate="%{customdata}<extra></extra>",
            )
        fig.update_xaxes(tickvals=sorted(lf["year"].unique()), row=1, col=col)
    fig.update_yaxes(title_text=chart_label("rate", lang), row=1, col=1)
    fig = charts.style(fig, lang, height=360, source=official.source("labour_force", lang))
    fig.update_layout(legend={"y": 1.14}, margin={"t": 80})
    return fig


# -------------------------------------------------------------------------------------------- actors


def actor_map(a: NeedsAssessment, lang: str) -> go.Figure:
    """The local actors on the province map (offline polygons; markers by actor type)."""
    shapes = geo.province_shapes()
    own = shapes[shapes["plate"] == a.province.plate]
    west, south, east, north = own.total_bounds
    pad_y = max(0.2, (north - south) * 0.15)
    lat_low, lat_high = south - pad_y, north + pad_y
    # widen the longitudes so that the map fills a landscape frame (Mercator: x ∝ lon, y ∝ lat / cos lat)
    half_lon = max(
        (east - west) / 2 + 0.25, 1.2 * (lat_high - lat_low) / np.cos(np.radians((south + north) / 2))
    )
    lon_low, lon_high = (west + east) / 2 - half_lon, (west + east) / 2 + half_lon
    near = shapes.cx[lon_low:lon_high, lat_low:lat_high]
    geojson = mapdata.array_coordinates(geo.to_geojson(near))  # cheap for plotly to copy; the same JSON
    fig = go.Figure()
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.plate",
        locations=near["plate"],
        z=(near["plate"] == a.province.plate).astype(int),
        colorscale=[[0, PALETTE["light_grey"]], [1, _tint(PALETTE["sky"], 0.3)]],
        showscale=False,
        marker_line_color=PALETTE["grey"],
        marker_line_width=1,
        text=near["name"],
        hovertemplate="%{text}<extra></extra>",
    )
    register = a.register
    for k, kind in enumerate([k for k in TYPE_ORDER if k in set(register["type"])]):
        part = register[register["type"] == kind]
        fig.add_scattergeo(
            lon=part["lon"],
            lat=part["lat"],
            mode="markers",
            name=label("type", kind, lang),
            marker={
                "symbol": SYMBOLS[k % len(SYMBOLS)],
                "size": 12,
                "color": list(PALETTE.values())[k % 8],
                "line": {"color": "black", "width": 1},
            },
            text=part["name"],
            customdata=part["district"],
            hovertemplate="%{text}<br>%{customdata}<extra></extra>",
        )
    fig.update_geos(
        visible=False,
        projection_type="mercator",
        lonaxis_range=[lon_low, lon_high],
        lataxis_range=[lat_low, lat_high],
    )
    fig = charts.style(fig, lang, height=480)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 40, "b": 0}, legend={"y": 1.0, "yanchor": "bottom"})
    return fig


def mendelow_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """Influence–interest grid: the actors in Mendelow's four quadrants (hollow = default score)."""
    grid = a.grid.reset_index(drop=True)
    # spread actors that share a cell on a small circle, so that none hides another
    position = grid.groupby(["influence", "interest"]).cumcount()
    size = grid.groupby(["influence", "interest"])["name"].transform("size")
    angle = 2 * np.pi * position / size
    radius = np.where(size > 1, 0.22, 0.0)
    x, y = grid["interest"] + radius * np.cos(angle), grid["influence"] + radius * np.sin(angle)
    fig = go.Figure()
    for assumed in (False, True):
        mask = grid["scores_assumed"] == assumed
        fig.add_scatter(
            x=x[mask],
            y=y[mask],
            mode="markers+text",
            text=grid.loc[mask, "name"].map(lambda n: wrap(n, 22)),
            textposition=["top center" if k % 2 == 0 else "bottom center" for k in range(int(mask.sum()))],
            textfont={"size": 10},
            name=chart_label("assumed" if assumed else "scored", lang),
            marker={
                "size": 12,
                "color": PALETTE["blue"],
                "symbol": "circle-open" if assumed else "circle",
                "line": {"color": PALETTE["blue"], "width": 2},
            },
            hovertemplate="%{text}<extra></extra>",
        )
    cut = 3.5
    fig.add_shape(type="line", x0=cut, x1=cut, y0=0.5, y1=5.5, line={"dash": "dash", "color": PALETTE["grey"]})
    fig.add_shape(type="line", y0=cut, y1=cut, x0=0.5, x1=5.5, line={"dash": "dash", "color": PALETTE["grey"]})
    corners = {"manage_closely": (5.45, 5.45, "right"), "keep_satisfied": (0.55, 5.45, "left"),
               "keep_informed": (5.45, 0.55, "right"), "monitor": (0.55, 0.55, "left")}  # fmt: skip
    for quadrant, (qx, qy, align) in corners.items():
        fig.add_annotation(
            x=qx,
            y=qy,
            text=f"<b>{label('quadrant', quadrant, lang)}</b>",
            showarrow=False,
            xanchor=align,
            font={"color": PALETTE["text_muted"]},
        )
    fig.update_xaxes(range=[0.5, 5.5], dtick=1, title=chart_label("interest", lang), zeroline=False)
    fig.update_yaxes(range=[0.5, 5.5], dtick=1, title=chart_label("influence", lang), zeroline=False)
    return charts.style(fig, lang, height=560)


# --------------------------------------------------------------------------------------------- firms


def firms_chart(a: NeedsAssessment, lang: str) -> go.Figure:
    """The cluster's firms: size classes, age, value-chain stage and export share."""
    firms = a.firms
    fig = make_subplots(
        rows=2,
        cols=2,
        subplot_titles=[chart_label(k, lang) for k in ("size", "age", "stage", "export_share")],
        vertical_spacing=0.3,
        horizontal_spacing=0.12,
    )
    sizes = firms["size_class"].value_counts().reindex(["micro", "small", "medium", "large"]).dropna()
    fig.add_bar(
        x=[label("size", s, lang) for s in sizes.index],
        y=sizes.values,
        row=1,
        col=1,
        marker_color=PALETTE["blue"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    fig.add_histogram(
        x=firms["age"],
        xbins={"size": 5},
        row=1,
        col=2,
        marker_color=PALETTE["orange"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    stages = (
        firms["stage"]
        .value_counts()
        .reindex(["inputs", "manufacturing", "services", "distribution"])
        .dropna()
    )
    fig.add_bar(
        x=[label("stage", s, lang) for s in stages.index],
        y=stages.values,
        row=2,
        col=1,
        marker_color=PALETTE["green"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    exporters = firms.loc[firms["export_share"] > 0, "export_share"]
    fig.add_histogram(
        x=exporters,
        xbins={"start": 0, "end": 1, "size": 0.1},
        row=2,
        col=2,
        marker_color=PALETTE["purple"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    fig.update_xaxes(**percent_axis(lang), row=2, col=2)
    for row, col in ((1, 1), (1, 2), (2, 1), (2, 2)):
        fig.update_yaxes(title_text=chart_label("firms", lang), row=row, col=col)
    fig.update_traces(marker_line_color="white", marker_line_width=1)
    return charts.style(fig, lang, height=640)


