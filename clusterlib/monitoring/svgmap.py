"""A static SVG map of Türkiye's 81 provinces with markers, for offline pages without any script library.

Provinces are drawn from :func:`clusterlib.geo.province_shapes` in an equirectangular projection
scaled by :math:`\\cos 39^\\circ` (Türkiye's mid-latitude), so that shapes keep their proportions.
Markers carry a ``<title>`` (a tooltip on screen) and differ in shape as well as colour.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping

from clusterlib import geo

__all__ = ["Marker", "star_points", "turkiye_svg"]

_WIDTH = 960.0
_KX = math.cos(math.radians(39.0))


class Marker:
    """A point on the map: position (lon, lat), tooltip, shape (``circle``, ``square``, ``star``) and colour."""

    def __init__(self, lon: float, lat: float, title: str, *, shape: str = "circle", colour: str = "#0072B2",
                 size: float = 6.0, css_class: str = "", ident: str = "") -> None:
        if shape not in ("circle", "square", "star"):
            raise ValueError(f"'shape' must be one of ['circle', 'square', 'star'], got {shape!r}")
        self.lon, self.lat, self.title, self.shape, self.colour, self.size = lon, lat, title, shape, colour, size
        self.css_class, self.ident = css_class, ident


def _projector(bounds: tuple[float, float, float, float]):
    west, south, east, north = bounds
    scale = _WIDTH / ((east - west) * _KX)
    height = (north - south) * scale

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * _KX * scale, (north - lat) * scale

    return project, height


def _ring(coords: Iterable[tuple[float, float]], project) -> str:
    points = [project(x, y) for x, y in coords]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


def star_points(x: float, y: float, r: float) -> str:
    """The points of a five-pointed star centred at (x, y) with outer radius r, for an SVG ``polygon``."""
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.45
        angle = math.pi / 2 + k * math.pi / 5
        points.append(f"{x + radius * math.cos(angle):.1f},{y - radius * math.sin(angle):.1f}")
    return " ".join(points)


def turkiye_svg(markers: Iterable[Marker] = (), *, fills: Mapping[int, str] | None = None,
                titles: Mapping[int, str] | None = None, label: str = "") -> str:
    """An inline ``<svg>`` of the 81 provinces with optional fills (by plate) and markers.

    Parameters
    ----------
    markers : iterable of Marker
        Points drawn above the provinces.
    fills : mapping of plate to colour, optional
        Fill of chosen provinces (others light grey).
    titles : mapping of plate to str, optional
        Tooltip of each province (default: its name).
    label : str
        Accessible name of the map (``aria-label``).

    Returns
    -------
    str
        SVG markup, self-contained (no script, no external reference).
    """
    shapes = geo.province_shapes()
    bounds = tuple(float(v) for v in shapes.total_bounds)
    project, height = _projector(bounds)  # type: ignore[arg-type]
    fills = dict(fills or {})
    titles = dict(titles or {})
    parts = [f'<svg class="cl-map" viewBox="0 0 {_WIDTH:.0f} {height:.0f}" role="img" '
             f'aria-label="{html.escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for row in shapes.itertuples(index=False):
        geometry = row.geometry.simplify(0.02, preserve_topology=True)
        polygons = getattr(geometry, "geoms", [geometry])
        path = "".join(_ring(p.exterior.coords, project) for p in polygons)
        plate = int(row.plate)
        fill = fills.get(plate, "#eef1f4")
        tip = html.escape(titles.get(plate, row.name))
        parts.append(f'<path d="{path}" fill="{fill}" stroke="#8a96a3" stroke-width="0.6" data-plate="{plate}">'
                     f"<title>{tip}</title></path>")
    for m in markers:
        x, y = project(m.lon, m.lat)
        tip = f"<title>{html.escape(m.title)}</title>"
        common = (f'fill="{m.colour}" stroke="#1f2933" stroke-width="0.8" class="{html.escape(m.css_class)}" '
                  f'data-id="{html.escape(m.ident)}"')
        if m.shape == "circle":
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{m.size:.1f}" {common}>{tip}</circle>')
        elif m.shape == "square":
            s = m.size * 1.6
            parts.append(f'<rect x="{x - s / 2:.1f}" y="{y - s / 2:.1f}" width="{s:.1f}" height="{s:.1f}" '
                         f"{common}>{tip}</rect>")
        else:
            parts.append(f'<polygon points="{star_points(x, y, m.size * 1.8)}" {common}>{tip}</polygon>')
    parts.append("</svg>")
    return "".join(parts)
