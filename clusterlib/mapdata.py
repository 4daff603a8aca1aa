"""The province polygons as plotly maps take them: the 81 provinces' GeoJSON made once, rings as arrays.

Every choropleth of the reports draws the same 81 provinces (:func:`clusterlib.geo.province_shapes`);
:func:`province_geojson` builds their FeatureCollection once per process, and :func:`array_coordinates`
hands a collection to plotly with one numpy array per ring, which plotly copies cheaply and writes as
the same JSON text.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from clusterlib.geo import province_shapes, to_geojson

__all__ = ["array_coordinates", "province_geojson"]


@cache
def province_geojson() -> dict[str, Any]:
    """The 81 provinces of :func:`province_shapes` as plotly's GeoJSON (:func:`to_geojson`), made once.

    Every map of the 81 provinces takes the same FeatureCollection; it is built once per process
    (15–30 ms each time otherwise) and the same dict is returned on every call: read it, never change
    it (plotly copies it into each figure).

    Examples
    --------
    >>> collection = province_geojson()
    >>> collection is province_geojson(), collection == to_geojson(province_shapes())
    (True, True)
    """
    return to_geojson(province_shapes())


def array_coordinates(collection: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection whose polygon rings are numpy arrays, for a plotly figure.

    plotly copies a trace's data when it is added to a figure and again when the figure is written
    (``copy.deepcopy``), and writes a numpy array as the nested list it holds.  As one array per
    ring, the 81 provinces are about 150 objects to copy instead of some 6,000 coordinate lists:
    a map is built and written in 9 ms instead of 31, and its JSON is the same text.  The
    FeatureCollection's other members and the features' properties are shared, not copied.

    Parameters
    ----------
    collection : dict
        A FeatureCollection (:func:`to_geojson`); geometries other than (multi)polygons are kept as
        they are.

    Returns
    -------
    dict

    Examples
    --------
    >>> compact = array_coordinates(province_geojson())
    >>> ring = compact["features"][5]["geometry"]["coordinates"][0]
    >>> type(ring).__name__, ring.shape[1]
    ('ndarray', 2)
    >>> import plotly.graph_objects as go
    >>> figure_json = lambda collection: go.Figure(go.Choropleth(geojson=collection)).to_json()
    >>> figure_json(compact) == figure_json(province_geojson())  # what the page holds: the same text
    True
    """

    def rings(geometry: dict[str, Any]) -> dict[str, Any]:
        kind, coordinates = geometry.get("type"), geometry.get("coordinates")
        if kind == "Polygon":
            coordinates = [np.asarray(ring, dtype=float) for ring in coordinates]  # type: ignore[union-attr]
        elif kind == "MultiPolygon":
            coordinates = [[np.asarray(ring, dtype=float) for ring in polygon] for polygon in coordinates]  # type: ignore[union-attr]
        else:
            return geometry
        return {**geometry, "coordinates": coordinates}

    features = [{**feature, "geometry": rings(feature["geometry"])} for feature in collection["features"]]
    return {**collection, "features": features}
