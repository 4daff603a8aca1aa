"""Province maps of sector selection: the LQ choropleth and the map helpers the ECI map shares.

A map colours the 81 provinces from a GeoJSON FeatureCollection with ``properties.plate``
(:func:`clusterlib.geo.to_geojson`), frames itself on Türkiye (:func:`fit_map`), outlines the report's
province (:func:`outline_province`) and carries its source and the OpenStreetMap attribution
(:func:`map_notes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib import geo, mapdata
from clusterlib.charts import PALETTE, style
from clusterlib.checks import require_columns
from clusterlib.i18n import format_as, hover_values, t

__all__ = ["fit_map", "lq_colour_values", "lq_map", "map_notes", "outline_province"]


def lq_map(
    values: pd.DataFrame,
    geojson: Mapping[str, object],
    *,
    lang: str = "tr",
    highlight_plate: int | None = None,
    title: str | None = None,
    source: str | None = None,
) -> go.Figure:
    """Choropleth of location quotients across the 81 provinces, with a selector of the sector shown.

    Colours are centred at LQ = 1: the map colours ``log2(LQ)`` on a symmetric range
    (:func:`lq_colour_values`), so that LQ 2 is as red as LQ 0.5 is blue and every province above 1
    is on the red side; the colour bar is labelled in LQ.  The map has a title, a source line and
    the boundaries' OpenStreetMap attribution (:func:`map_notes`).

    The provinces come from ``geojson`` (features with ``properties.plate``) and no base map is
    drawn.  plotly.js still asks a CDN for its world topojson for any choropleth; display the figure
    with :func:`clusterlib.report.show`, which registers empty base layers so nothing is fetched
    and the map draws offline.  The polygons are stored once: the selector swaps the values of one
    layer (``restyle``) rather than showing one of several layers that each carry the polygons.

    Parameters
    ----------
    values : DataFrame
        Columns ``plate``, ``province`` (name), ``label`` (sector name) and ``lq``; one choice per label.
    geojson : mapping
        A GeoJSON FeatureCollection whose features carry ``properties.plate``.
    highlight_plate : int, optional
        The province drawn with a thick outline (the province of the report).
    title : str, optional
        Default: "Yerelleşme katsayısı (LQ), illere göre" / "Location quotient (LQ) by province".
    source : str, optional
        The data's source line, printed under the map with the boundaries' attribution.
    """
    require_columns(values, ["plate", "province", "label", "lq"], name="values")
    labels = list(dict.fromkeys(values["label"]))
    upper = max(float(np.nanpercentile(values["lq"], 98)) if len(values) else 2.0, 2.0)
    bound = float(np.log2(upper))  # colours on log2(LQ), symmetric around LQ = 1 (white)
    layers = {
        label: {
            "locations": layer["plate"].tolist(),
            "z": lq_colour_values(layer["lq"], bound).tolist(),
            "text": layer["province"].tolist(),
            "customdata": list(hover_values(layer["lq"], lang, decimals=2)),
        }
        for label, layer in ((label, values[values["label"] == label]) for label in labels)
    }
    first = layers[labels[0]] if labels else {"locations": [], "z": [], "text": [], "customdata": []}
    ticks = [v for v in (0.25, 0.5, 1.0, 2.0, 4.0, 8.0) if -bound - 1e-9 <= np.log2(v) <= bound + 1e-9]
    geojson = mapdata.array_coordinates(dict(geojson))  # cheap for plotly to copy; the same JSON
    fig = go.Figure()
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.plate",
        **first,
        zmin=-bound,
        zmax=bound,
        colorscale="RdBu_r",
        colorbar={
            "title": "LQ",
            "tickvals": [float(np.log2(v)) for v in ticks],
            "ticktext": [format_as(v, "{:g}", lang) for v in ticks],
        },
        marker_line_color="white",
        marker_line_width=0.5,
        hovertemplate="%{text}<br>LQ %{customdata}<extra></extra>",
        name=labels[0] if labels else "",
    )
    map_notes(fig, lang, source=source, title=title or t("chart.lq_map_title", lang))
    if highlight_plate is not None:
        outline_province(fig, geojson, highlight_plate)
    if len(labels) > 1:
        buttons = [
            {
                "label": label,
                "method": "restyle",
                "args": [{key: [value] for key, value in {**layers[label], "name": label}.items()}, [0]],
            }
            for label in labels
        ]
        fig.update_layout(
            updatemenus=[
                {
                    "buttons": buttons,
                    "direction": "down",
                    "x": 0,
                    "y": 1.12,
                    "xanchor": "left",
                    "showactive": True,
                }
            ]
        )
    fit_map(fig, geojson)
    fig = style(fig, lang, title=fig.layout.title.text, height=480)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 90 if len(labels) > 1 else 60, "b": 50})
    if len(labels) > 1:
        fig.update_layout(updatemenus=[{**fig.layout.updatemenus[0].to_plotly_json(), "y": 1.0, "yanchor": "bottom"}])
    return fig


def lq_colour_values(lq: pd.Series | Sequence[float], bound: float) -> np.ndarray:
    """The colour value of each LQ on a map centred at LQ = 1: ``log2(LQ)`` clipped to ``±bound``.

    LQ = 1 is 0 (white), LQ = 2 and LQ = 0.5 are equally far from it; an LQ of 0 (no employment)
    gets the lowest colour; a missing LQ stays missing (no colour).

    Examples
    --------
    >>> lq_colour_values([1.0, 2.0, 0.5, 0.0, 8.0, float("nan")], 1.5).round(2).tolist()
    [0.0, 1.0, -1.0, -1.5, 1.5, nan]
    """
    values = np.asarray(lq, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log2(values)
    logs = np.where(values == 0, -bound, logs)
    return np.clip(logs, -bound, bound)


def map_notes(fig: go.Figure, lang: str, *, source: str | None = None, title: str | None = None) -> go.Figure:
    """Title, source line and the boundaries' OpenStreetMap attribution (in ``lang``) of a map.

    The source and the attribution go in one line under the map; the title above it.
    """
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}})
    line = " · ".join(part for part in (source, geo.attribution(lang)) if part)
    fig.add_annotation(
        text=line, xref="paper", yref="paper", x=0, y=0, yshift=-8, yanchor="top", xanchor="left",
        showarrow=False, font={"size": 11, "color": PALETTE["text_muted"]}, align="left",
    )  # fmt: skip
    return fig


def outline_province(fig: go.Figure, geojson: Mapping[str, object], plate: int) -> go.Figure:
    """Draw one province of a choropleth with a thick black outline (the province of the report).

    Only that province's polygon is added to the figure, not the whole map again."""
    features = [f for f in geojson.get("features", []) if f.get("properties", {}).get("plate") == plate]  # type: ignore[union-attr]
    fig.add_choropleth(
        geojson={"type": "FeatureCollection", "features": features},
        featureidkey="properties.plate",
        locations=[plate],
        z=[0],
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker_line_color="black",
        marker_line_width=2.5,
        hoverinfo="skip",
    )
    return fig


def fit_map(fig: go.Figure, geojson: Mapping[str, object], *, margin: float = 0.3) -> go.Figure:
    """Hide the base map and frame the geo axes on the polygons of ``geojson`` (Mercator)."""
    west, south, east, north = _bounds(geojson)
    fig.update_geos(
        visible=False,
        projection_type="mercator",
        lonaxis_range=[west - margin, east + margin],
        lataxis_range=[south - margin, north + margin],
        domain={"x": [0, 1], "y": [0, 1]},
    )
    return fig


def _bounds(geojson: Mapping[str, object]) -> tuple[float, float, float, float]:
    """West, south, east, north of a GeoJSON FeatureCollection.

    Each list of positions (a ring, a line) goes to numpy whole, so the 81 provinces take about 150
    conversions rather than a call per vertex.

    Examples
    --------
    >>> square = {"type": "Polygon", "coordinates": [[[26, 36], [45, 36], [45, 42], [26, 42], [26, 36]]]}
    >>> _bounds({"features": [{"geometry": square}, {"geometry": {"type": "Point", "coordinates": [44, 43]}}]})
    (26.0, 36.0, 45.0, 43.0)
    """
    lists = [
        np.asarray(positions, dtype=float)[:, :2]
        for feature in geojson.get("features", [])  # type: ignore[union-attr]
        for positions in _position_lists(feature["geometry"])
        if len(positions)
    ]
    if not lists:
        raise ValueError("'geojson' has no polygon coordinates")
    lon, lat = np.concatenate(lists).T
    return float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())


def _position_lists(geometry: Mapping[str, object]) -> list[list]:
    """A GeoJSON geometry's coordinates as lists of positions (RFC 7946, section 3.1)."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return [p for part in geometry.get("geometries", []) for p in _position_lists(part)]  # type: ignore[union-attr]
    coordinates = geometry.get("coordinates", [])
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}
    if kind not in depth:
        raise ValueError(f"'geojson' holds a geometry of unknown type {kind!r}")
    if depth[kind] == 0:
        return [[coordinates]]
    if depth[kind] == 1:
        return [coordinates]  # type: ignore[list-item]
    if depth[kind] == 2:
        return list(coordinates)  # type: ignore[arg-type]
    return [ring for polygon in coordinates for ring in polygon]  # type: ignore[union-attr]
