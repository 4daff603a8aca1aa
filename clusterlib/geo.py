"""Province geometry: the real boundaries of Türkiye's 81 provinces, offline, and a reader for other files.

:func:`province_shapes` works without any download: the province boundaries of OpenStreetMap,
simplified so that neighbours still share one border (no gaps, no overlaps) and small enough for every
report (``resources/geo/turkiye_provinces.geojson``, about 100 kB; regenerate it with
``resources/geo/make_provinces.py``).  The boundaries are © OpenStreetMap contributors, ODbL 1.0:
every map drawn from them shows :data:`ATTRIBUTION` (or :func:`attribution` in the report's language).
To draw an official boundary file instead read it with :func:`read_boundaries` (geoBoundaries, GADM,
OpenStreetMap extracts, TÜİK/HGM files).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from clusterlib.config import RESOURCES_DIR
from clusterlib.data.errors import DataValidationError
from clusterlib.regions import UnknownProvinceError, normalize_name, province, provinces, suggest

__all__ = [
    "ATTRIBUTION",
    "BOUNDARIES_FILE",
    "attribution",
    "province_shapes",
    "read_boundaries",
    "to_geojson",
]

#: Attribution the licence of the default boundaries requires under every map drawn from them.
ATTRIBUTION: str = "© OpenStreetMap contributors, ODbL 1.0"

#: The simplified province boundaries behind :func:`province_shapes` (GeoJSON, EPSG:4326).
BOUNDARIES_FILE: Path = RESOURCES_DIR / "geo" / "turkiye_provinces.geojson"

_ATTRIBUTION_LINES = {
    "en": "Province boundaries: © OpenStreetMap contributors, ODbL 1.0",
    "tr": "İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL lisansı",
}
_COLUMNS = ["plate", "name", "iso", "nuts3", "geometry"]

#: Property names that hold plate codes (numbers are trusted as plates only under these names:
#: GADM's ``ID_1`` and ``GID_1`` count provinces alphabetically, not by plate).
_PLATE_COLUMNS = {"plate", "plaka", "plakakodu", "plakano", "number", "ilkodu", "ilno", "provincecode"}

#: Misspellings found in widely used boundary files (GADM and Natural Earth write "Kinkkale" and
#: "Zinguldak"), keyed by the normalised spelling, valued by plate.
_BOUNDARY_ALIASES = {"kinkkale": 71, "zinguldak": 67}
_NAME_SUFFIX = re.compile(r"\s+(province|il[iı]|İli|vilayeti)$", re.IGNORECASE)


def attribution(lang: str = "en") -> str:
    """The line to print under a map drawn from :func:`province_shapes`, in ``lang`` ("tr" or "en").

    OpenStreetMap's licence (ODbL 1.0) asks for "© OpenStreetMap contributors" wherever the data are
    shown; in a Turkish report it is written in Turkish, as OpenStreetMap's own translated copyright
    pages write it in their language (https://www.openstreetmap.org/copyright/hu: "© OpenStreetMap
    közreműködők"); the licence is named without its version there, since a Turkish text writes
    decimals with a comma (ODbL has one version, 1.0).

    Examples
    --------
    >>> attribution("tr")
    'İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL lisansı'
    >>> ATTRIBUTION in attribution("en")
    True
    """
    if lang not in _ATTRIBUTION_LINES:
        raise ValueError(f"'lang' must be one of {sorted(_ATTRIBUTION_LINES)}, got {lang!r}")
    return _ATTRIBUTION_LINES[lang]


@cache
def _default_shapes() -> gpd.GeoDataFrame:
    collection = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    plates = [feature["properties"]["plate"] for feature in collection["features"]]
    geometry = [shapely.geometry.shape(feature["geometry"]) for feature in collection["features"]]
    table = provinces().set_index("plate").loc[plates, ["name", "iso", "nuts3"]]
    frame = gpd.GeoDataFrame(table, geometry=geometry, crs="EPSG:4326").rename_axis("plate").reset_index()
    return frame.sort_values("plate", ignore_index=True)[_COLUMNS]


def province_shapes() -> gpd.GeoDataFrame:
    """The boundaries of the 81 provinces, simplified for maps, offline.

    OpenStreetMap's province boundaries (© OpenStreetMap contributors, ODbL 1.0: show
    :data:`ATTRIBUTION` under every map) made a clean polygonal coverage and simplified on the shared
    edges (``shapely.coverage_simplify``), so neighbouring provinces share one border: no gaps, no
    overlaps.  Vertices lie on a 0.001-degree grid (about 110 m); each province's area is within 0.5 %
    of the unsimplified polygon's.  Use :func:`read_boundaries` with an official file to measure.

    Returns
    -------
    geopandas.GeoDataFrame
        81 rows sorted by plate; columns ``plate, name, iso, nuts3, geometry``; CRS EPSG:4326.

    See Also
    --------
    read_boundaries : official boundaries in the same layout.
    to_geojson : the GeoJSON dict that plotly choropleths take.

    References
    ----------
    .. [1] OpenStreetMap contributors, province (admin_level 4) boundaries of Türkiye,
       https://www.openstreetmap.org/copyright (ODbL 1.0).
    .. [2] GEOS CoverageCleaner and CoverageSimplifier, exposed as ``shapely.coverage_clean`` and
       ``shapely.coverage_simplify`` (Shapely 2.2).

    Examples
    --------
    >>> shapes = province_shapes()
    >>> len(shapes), shapes.crs.to_epsg(), list(shapes.columns)
    (81, 4326, ['plate', 'name', 'iso', 'nuts3', 'geometry'])
    >>> shapes.loc[shapes["plate"] == 46, "name"].item()
    'Kahramanmaraş'
    """
    return _default_shapes().copy()


def _resolve_feature(value: object, *, numeric_ok: bool) -> int | None:
    """Plate of a province named or coded by ``value``, or None."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (int, np.integer, float, np.floating)) and not isinstance(value, bool):
        if not numeric_ok or not float(value).is_integer():
            return None
        value = int(value)
    else:
        value = _NAME_SUFFIX.sub("", str(value).strip())
        if value.isdigit() and not numeric_ok:
            return None
    try:
        return province(value).plate
    except UnknownProvinceError:
        return _BOUNDARY_ALIASES.get(normalize_name(str(value)))


def _match_columns(properties: pd.DataFrame) -> dict[str, pd.Series]:
    """For each property column, the plate of each feature (NaN where the value matches nothing)."""
    matched = {}
    for column in properties.columns:
        numeric_ok = normalize_name(column) in _PLATE_COLUMNS
        plates = properties[column].map(lambda v, ok=numeric_ok: _resolve_feature(v, numeric_ok=ok))
        plates = pd.to_numeric(plates, errors="coerce")
        if plates.notna().any():
            matched[column] = plates
    return matched


def _province_layer(path: Path, layers: list[str]) -> str:
    """The only layer of a multi-layer file with 81 features (GADM and geoBoundaries GeoPackages)."""
    import pyogrio

    counts = {name: pyogrio.read_info(path, layer=name)["features"] for name in layers}
    with_81 = [name for name, count in counts.items() if count == 81]
    if len(with_81) != 1:
        listed = ", ".join(f"{name!r} ({count} features)" for name, count in counts.items())
        raise DataValidationError(
            f"has {len(layers)} layers: {listed}; pass layer= with the one holding the 81 provinces",
            file=path.name,
            expected="layer= naming the province layer",
            got=layers,
        )
    return with_81[0]


def _read_layer(path: Path, layer: str | int | None) -> gpd.GeoDataFrame:
    """The layer ``layer`` of ``path`` (by default the only layer, or the only one with 81 features)."""
    import pyogrio  # geopandas' default I/O engine

    try:
        layers = [name for name, _geometry in pyogrio.list_layers(path)]
        if layer is None and len(layers) > 1:
            layer = _province_layer(path, layers)
        return gpd.read_file(path, layer=layer)
    except DataValidationError:
        raise
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError) as exc:
        raise DataValidationError(
            f"cannot be read as a boundary file (GeoJSON, GeoPackage or shapefile): {exc}",
            file=path.name,
            expected="a GeoJSON, GeoPackage or shapefile of the 81 provinces",
        ) from exc


def read_boundaries(path: str | Path, *, layer: str | int | None = None) -> gpd.GeoDataFrame:
    """Read an official province boundary file and match its features to the 81 provinces.

    Reads GeoJSON, GeoPackage, shapefile and anything else GDAL opens (geoBoundaries ADM1, GADM
    level 1, OpenStreetMap extracts, national files).  Features are matched by a code column —
    plate (``plate``, ``plaka``, ``number``, ``il_kodu``), ISO 3166-2 (``TR-06``, geoBoundaries'
    ``shapeISO``) or NUTS-3 (``TR510``) — or by a name column (``NAME_1``, ``shapeName``, ``name``,
    ``il_adi``…) through :func:`clusterlib.regions.province`, which knows ASCII spellings, upper case
    and abbreviations such as ``Afyon`` and ``K. Maras``.  When several columns match every feature
    they must agree.  Several features of one province (islands stored apart) are dissolved.
    GADM's ``GID_1``/``ID_1`` and HASC codes are not used: they do not follow plate codes, and GADM
    files always carry ``NAME_1``.

    Parameters
    ----------
    path : str or pathlib.Path
        The boundary file.
    layer : str or int, optional
        Layer of a multi-layer file (GeoPackage).  By default the only layer, or the only layer
        with 81 features.

    Returns
    -------
    geopandas.GeoDataFrame
        81 rows sorted by plate; columns ``plate, name, iso, nuts3, geometry``; CRS EPSG:4326 —
        the layout of :func:`province_shapes`.

    Raises
    ------
    DataValidationError
        When the file cannot be read, has no coordinate reference system and is not in degrees,
        or its features cannot all be matched: the message lists the unmatched features (with the
        closest province names) and the provinces that have no feature.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> square = {"type": "Polygon", "coordinates": [[[32, 39], [33, 39], [33, 40], [32, 40], [32, 39]]]}
    >>> features = [{"type": "Feature", "properties": {"NAME_1": "Ankara"}, "geometry": square}]
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "one.geojson"
    >>> _ = path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    >>> read_boundaries(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    clusterlib.data.errors.DataValidationError: one.geojson, column 'NAME_1': no feature for 80 provinces: ...
    """
    path = Path(path)
    if not path.exists():
        raise DataValidationError(
            f"does not exist (looked at {path.resolve()})", file=path.name, expected="an existing file"
        )
    gdf = _read_layer(path, layer)
    if gdf.empty:
        raise DataValidationError("has no features", file=path.name, expected="81 province polygons", got=0)
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise DataValidationError(
                "has no coordinate reference system and its coordinates are not degrees; "
                "add a .prj file or write it as GeoJSON in EPSG:4326",
                file=path.name,
                expected="a CRS",
            )
        gdf = gdf.set_crs(4326)
    gdf = gdf.to_crs(4326)
    plates = _feature_plates(gdf.drop(columns=gdf.geometry.name), file=path.name)
    geometry = gpd.GeoSeries(shapely.make_valid(gdf.geometry.values), crs=4326)
    dissolved = geometry.groupby(plates.to_numpy()).agg(lambda g: shapely.union_all(g.values))
    table = provinces().set_index("plate").loc[dissolved.index, ["name", "iso", "nuts3"]]
    result = gpd.GeoDataFrame(table, geometry=list(dissolved.values), crs="EPSG:4326")
    return result.rename_axis("plate").reset_index()[_COLUMNS]


def _feature_plates(properties: pd.DataFrame, *, file: str) -> pd.Series:
    """The plate of every feature, from the columns that match; raises when they fail or disagree."""
    matched = _match_columns(properties)
    if not matched:
        raise DataValidationError(
            f"no property matches province names or codes; properties: {list(properties.columns)}",
            file=file,
            expected="a column of province names, plate, ISO 3166-2 or NUTS-3 codes",
        )
    # The best columns name the most distinct provinces; a column of region names (``nuts2_name``)
    # also resolves to provinces, but to fewer distinct ones, and is left aside.
    distinct = {column: plates.nunique() for column, plates in matched.items()}
    resolved = {column: int(plates.notna().sum()) for column, plates in matched.items()}
    best = max((distinct[c], resolved[c]) for c in matched)
    columns = [c for c in matched if (distinct[c], resolved[c]) == best]
    column, plates = columns[0], matched[columns[0]]
    for other in columns[1:]:
        differ = (plates != matched[other]).to_numpy()
        if differ.any():
            i = int(np.flatnonzero(differ)[0])
            raise DataValidationError(
                f"columns {column!r} and {other!r} disagree for {int(differ.sum())} features, e.g. feature "
                f"{i + 1}: {_show(properties[column].iloc[i])} is plate {int(plates.iloc[i])} but "
                f"{_show(properties[other].iloc[i])} is plate {int(matched[other].iloc[i])}",
                file=file,
                column=other,
                expected=f"the same province in {column!r} and {other!r}",
            )
    problems = []
    unmatched = plates.isna().to_numpy()
    if unmatched.any():
        listed = []
        for i in np.flatnonzero(unmatched)[:10]:
            value = properties[column].iloc[i]
            close = suggest(str(value))
            hint = f" (did you mean {', '.join(repr(s) for s in close)}?)" if close else ""
            listed.append(f"feature {i + 1} {_show(value)}{hint}")
        problems.append(f"{int(unmatched.sum())} features match no province: " + "; ".join(listed))
    missing = sorted(set(range(1, 82)) - set(plates.dropna().astype(int)))
    if missing:
        names = provinces().set_index("plate").loc[missing, "name"].tolist()
        shown = ", ".join(names[:15]) + (", …" if len(names) > 15 else "")
        problems.append(f"no feature for {len(missing)} provinces: {shown}")
    if problems:
        raise DataValidationError(
            "; ".join(problems),
            file=file,
            column=column,
            expected="one or more features for each of the 81 provinces",
        )
    return plates.astype(int)


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def to_geojson(gdf: gpd.GeoDataFrame, *, id_column: str = "plate") -> dict[str, Any]:
    """A GeoJSON FeatureCollection (dict) of province polygons for plotly choropleths.

    Every feature carries ``id`` = the value of ``id_column`` (the plate code) and all other
    columns as properties, so both ``featureidkey="properties.plate"`` and plotly's default
    (``id``) match ``locations`` given as plate codes.  Geometry is written in EPSG:4326.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Province polygons, e.g. from :func:`province_shapes` or :func:`read_boundaries`.
    id_column : str, default "plate"
        Column whose values become the feature ids.

    Returns
    -------
    dict

    Raises
    ------
    ValueError
        When ``id_column`` is not a column of ``gdf`` or its values are not unique.

    Examples
    --------
    >>> collection = to_geojson(province_shapes())
    >>> len(collection["features"]), collection["features"][5]["id"]
    (81, 6)
    >>> collection["features"][5]["properties"]["name"]
    'Ankara'
    """
    if id_column not in gdf.columns:
        raise ValueError(f"'id_column' must be one of {list(gdf.columns)}, got {id_column!r}")
    if not gdf[id_column].is_unique:
        raise ValueError(f"'id_column' {id_column!r} must hold unique values (one feature per province)")
    frame = gdf.to_crs(4326) if gdf.crs is not None else gdf
    collection = json.loads(frame.to_json(drop_id=True))
    for feature in collection["features"]:
        feature["id"] = feature["properties"][id_column]
    return collection
