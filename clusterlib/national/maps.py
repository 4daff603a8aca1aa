"""SVG maps of the 81 provinces for the national page: one geometry, many coloured maps.

The province outlines (:func:`clusterlib.geo.province_shapes`, OpenStreetMap, real boundaries) are
written once per page as ``<path id="cl-p01">`` inside a hidden ``<svg>``; every map then draws each
province with ``<use href="#cl-p01" fill=…>``, so twelve maps cost one copy of the geometry.  The
projection is equirectangular scaled by :math:`\\cos 39^\\circ` (Türkiye's mid-latitude).

Colours are classes of the location quotient, symmetric around LQ = 1 on a log scale
(:data:`LQ_BREAKS`): white means "about the national average", reds above it, blues below
(ColorBrewer RdBu, readable by most colour-blind readers); every province also carries its value
in a tooltip and a link to its page, and strong clusters are marked by a shape, not by colour.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np

from clusterlib import geo, regions
from clusterlib.charts import PALETTE
from clusterlib.monitoring.svgmap import star_points

__all__ = [
    "LQ_BREAKS", "LQ_COLOURS", "NO_DATA_COLOUR", "MapPoint", "geometry_defs", "lq_class", "lq_colour", "province_map",
]

#: Class limits of the LQ colours: symmetric around 1 on a log scale (1/4, 1/2, 1/1.25, 1.25, 2, 4).
LQ_BREAKS: tuple[float, ...] = (0.25, 0.5, 0.8, 1.25, 2.0, 4.0)
#: One colour per class, lowest first (ColorBrewer RdBu, 7 classes, blue = below average).
LQ_COLOURS: tuple[str, ...] = ("#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b")
NO_DATA_COLOUR = "#bdbdbd"
#: The star of an initiative on the map (the palette's orange).
_STAR_COLOUR = PALETTE["orange"]
_WIDTH = 960.0
_KX = math.cos(math.radians(39.0))


@dataclass(frozen=True)
class MapPoint:
    """A marker: position, tooltip and shape (``dot`` for a strong cluster, ``star`` for an initiative)."""

    lon: float
    lat: float
    title: str
    shape: str = "dot"


def lq_class(lq: float) -> int | None:
    """The colour class of a location quotient (0 … 6), None when it is missing.

    Examples
    --------
    >>> [lq_class(x) for x in (0.1, 0.8, 1.0, 1.24, 1.25, 5.0, float("nan"))]
    [0, 3, 3, 3, 4, 6, None]
    """
    if lq is None or not np.isfinite(lq):
        return None
    return int(np.searchsorted(LQ_BREAKS, lq, side="right"))


def lq_colour(lq: float) -> str:
    """The fill of a location quotient (grey when missing)."""
    k = lq_class(lq)
    return NO_DATA_COLOUR if k is None else LQ_COLOURS[k]


@cache
def _projected() -> tuple[dict[int, str], float, tuple[float, float, float, float]]:
    shapes = geo.province_shapes()
    west, south, east, north = (float(v) for v in shapes.total_bounds)
    scale = _WIDTH / ((east - west) * _KX)
    height = (north - south) * scale
    paths = {}
    for row in shapes.itertuples(index=False):
        geometry = row.geometry.simplify(0.01, preserve_topology=True)
        polygons = getattr(geometry, "geoms", [geometry])
        rings = []
        for polygon in polygons:
            xy = np.asarray(polygon.exterior.coords)
            x = (xy[:, 0] - west) * _KX * scale
            y = (north - xy[:, 1]) * scale
            rings.append("M" + "L".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y, strict=True)) + "Z")
        paths[int(row.plate)] = "".join(rings)
    return paths, height, (west, south, east, north)


def _project(lon: float, lat: float) -> tuple[float, float]:
    _, _, (west, _, east, north) = _projected()
    scale = _WIDTH / ((east - west) * _KX)
    return (lon - west) * _KX * scale, (north - lat) * scale


def geometry_defs() -> str:
    """The hidden ``<svg>`` holding every province outline once (put it once in the page)."""
    paths, _, _ = _projected()
    body = "".join(f'<path id="cl-p{plate:02d}" d="{d}"/>' for plate, d in sorted(paths.items()))
    return f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>{body}</defs></svg>'


def province_map(fills: Mapping[int, str], *, titles: Mapping[int, str], links: Mapping[int, str] | None = None,
                 points: Iterable[MapPoint] = (), label: str = "", outline: Iterable[int] = ()) -> str:
    """One map of the 81 provinces drawn from :func:`geometry_defs` (which the page must contain).

    Parameters
    ----------
    fills : mapping of plate to colour
        Fill of each province (others: the no-data grey).
    titles : mapping of plate to str
        Tooltip of each province.
    links : mapping of plate to str, optional
        Address each province links to.
    points : iterable of MapPoint
        Markers above the provinces.
    label : str
        Accessible name (``aria-label``).
    outline : iterable of int
        Provinces drawn with a thick outline (e.g. the pilots).

    Returns
    -------
    str
        ``<svg>`` markup without script or external reference.
    """
    _, height, _ = _projected()
    links = links or {}
    thick = set(outline)
    parts = [f'<svg class="cl-map" viewBox="0 0 {_WIDTH:.0f} {height:.0f}" role="img" '
             f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for plate in range(1, 82):
        fill = fills.get(plate, NO_DATA_COLOUR)
        width = "2.2" if plate in thick else "0.6"
        stroke = "#1f2933" if plate in thick else "#7b8794"
        shape = (f'<use href="#cl-p{plate:02d}" fill="{fill}" stroke="{stroke}" stroke-width="{width}" '
                 f'data-plate="{plate}"><title>{html.escape(titles.get(plate, regions.province(plate).name))}'
                 f"</title></use>")
        if plate in links:
            shape = f'<a href="{html.escape(links[plate])}">{shape}</a>'
        parts.append(shape)
    for point in points:
        x, y = _project(point.lon, point.lat)
        tip = f"<title>{html.escape(point.title)}</title>"
        if point.shape == "star":
            parts.append(f'<polygon points="{star_points(x, y, 7.5)}" fill="{_STAR_COLOUR}" stroke="#1f2933" '
                         f'stroke-width="0.8">{tip}</polygon>')
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.2" fill="#111" stroke="#fff" '
                         f'stroke-width="1.2">{tip}</circle>')
    parts.append("</svg>")
    return "".join(parts)
