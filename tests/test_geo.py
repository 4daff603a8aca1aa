"""Tests for province geometry (clusterlib.geo).

References: the OpenStreetMap-derived province boundaries in ``../shared/data/boundaries/`` (ODbL),
their reference polygon areas in ``../shared/data/reference/provinces_reference.csv``, and
Türkiye's surface area of 783,562 km² (lakes included) published by TÜİK from Harita Genel
Müdürlüğü (General Directorate of Mapping) measurements.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
import shapely

from clusterlib.data import DataValidationError
from clusterlib.geo import ATTRIBUTION, province_shapes, read_boundaries, to_geojson
from clusterlib.regions import provinces

#: Türkiye's surface area including lakes, km² (TÜİK, from Harita Genel Müdürlüğü).
TURKIYE_AREA_KM2 = 783_562
EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global, an equal-area projection
OUTLINE = Path(__file__).resolve().parents[1] / "clusterlib" / "resources" / "geo" / "turkiye_outline.geojson"

#: GADM level-1 spellings that differ from the ASCII names (GADM writes several names its own way).
GADM_NAMES = {3: "Afyon", 46: "K. Maras", 71: "Kinkkale", 67: "Zinguldak", 76: "Iğdir", 18: "Çankiri"}


@pytest.fixture(scope="module")
def published(shared_data) -> Path:
    return shared_data / "boundaries" / "tr-cities_as_published.json"


@pytest.fixture(scope="module")
def coded(shared_data) -> Path:
    return shared_data / "boundaries" / "turkey_provinces_81.geojson"


@pytest.fixture(scope="module")
def official(coded) -> gpd.GeoDataFrame:
    return read_boundaries(coded)


# ------------------------------------------------------------------------------------------ default map


def test_default_shapes_are_81_valid_polygons():
    shapes = province_shapes()
    assert list(shapes.columns) == ["plate", "name", "iso", "nuts3", "geometry"]
    assert shapes.crs.to_epsg() == 4326
    assert shapes["plate"].tolist() == list(range(1, 82))
    assert shapes["name"].tolist() == provinces()["name"].tolist()
    assert shapes.geometry.is_valid.all() and not shapes.geometry.is_empty.any()
    assert set(shapes.geom_type) <= {"Polygon", "MultiPolygon"}


def test_each_default_cell_contains_or_is_nearest_to_its_centre():
    shapes = province_shapes().to_crs(EQUAL_AREA)
    table = provinces()
    centres = gpd.GeoSeries(gpd.points_from_xy(table["lon"], table["lat"]), crs=4326).to_crs(EQUAL_AREA)
    for i, centre in enumerate(centres):
        distances = shapes.distance(centre).to_numpy()
        assert distances[i] == distances.min(), table["name"].iloc[i]
    inside = shapes.geometry.contains(centres).sum()
    assert inside >= 75  # a few coastal centres (İstanbul…) fall just outside the simplified coast


def test_default_cells_do_not_overlap_and_tile_the_outline():
    shapes = province_shapes()
    outline = shapely.union_all(
        [shapely.geometry.shape(f["geometry"]) for f in json.loads(OUTLINE.read_text())["features"]]
    )
    union = shapely.union_all(shapes.geometry.values)
    assert abs(union.area - outline.area) < 1e-6 * outline.area
    assert abs(shapely.area(shapes.geometry.values).sum() - outline.area) < 1e-6 * outline.area  # no overlaps


def test_default_area_is_turkiye_within_20_percent():
    """Surface area 783,562 km² (TÜİK / Harita Genel Müdürlüğü), measured in an equal-area projection."""
    area = province_shapes().to_crs(EQUAL_AREA).area.sum() / 1e6
    assert abs(area / TURKIYE_AREA_KM2 - 1) < 0.20


def test_default_cells_resemble_the_real_provinces(official):
    default = province_shapes().to_crs(EQUAL_AREA)
    real = official.to_crs(EQUAL_AREA)
    overlap = np.array([a.intersection(b).area for a, b in zip(default.geometry, real.geometry, strict=True)])
    iou = overlap / (default.area.to_numpy() + real.area.to_numpy() - overlap)
    assert (overlap / real.area.to_numpy() > 0.25).all()  # every cell covers a good part of its province
    assert np.median(iou) > 0.5


def test_outline_resource_is_small_and_attributed():
    collection = json.loads(OUTLINE.read_text(encoding="utf-8"))
    assert collection["attribution"] == ATTRIBUTION == "© OpenStreetMap contributors, ODbL 1.0"
    geometry = shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in collection["features"]])
    assert geometry.is_valid and shapely.get_num_coordinates(geometry) <= 150
    assert OUTLINE.stat().st_size < 20_000


def test_outline_regenerates_from_the_boundaries(coded, tmp_path):
    from clusterlib.resources.geo import make_outline

    target = tmp_path / "outline.geojson"
    make_outline.main([str(coded), "--output", str(target)])
    fresh = json.loads(target.read_text(encoding="utf-8"))
    stored = json.loads(OUTLINE.read_text(encoding="utf-8"))
    assert fresh["features"] == stored["features"]


# ------------------------------------------------------------------------------------- official boundaries


def test_read_boundaries_as_published_matches_all_81_including_afyon(published, shared_data):
    raw = gpd.read_file(published)
    assert "Afyon" in set(raw["name"])
    table = read_boundaries(published)
    assert table["plate"].tolist() == list(range(1, 82))
    assert table["name"].tolist() == provinces()["name"].tolist()
    assert table.loc[table["plate"] == 3, "name"].item() == "Afyonkarahisar"
    reference = pd.read_csv(shared_data / "reference" / "provinces_reference.csv").set_index("plate")
    area = table.set_index("plate").to_crs(EQUAL_AREA).area / 1e6
    np.testing.assert_allclose(area, reference.loc[area.index, "poly_area_km2"], rtol=1e-3)


def test_read_boundaries_with_codes_gives_the_same_geometry(published, official):
    assert list(official.columns) == ["plate", "name", "iso", "nuts3", "geometry"]
    assert official.crs.to_epsg() == 4326
    other = read_boundaries(published)
    assert all(a.equals(b) for a, b in zip(official.geometry, other.geometry, strict=True))


def _as_gadm(coded: Path) -> gpd.GeoDataFrame:
    """The boundaries relabelled as GADM level 1 does: NAME_1 in its spellings, GID_1/ID_1 alphabetical."""
    source = gpd.read_file(coded)
    source = source.sort_values("name_ascii", ignore_index=True)
    names = [GADM_NAMES.get(p, a) for p, a in zip(source["plate"], source["name_ascii"], strict=True)]
    return gpd.GeoDataFrame(
        {
            "GID_0": "TUR",
            "NAME_0": "Turkey",
            "GID_1": [f"TUR.{k}_1" for k in range(1, 82)],
            "ID_1": range(1, 82),
            "NAME_1": names,
            "TYPE_1": "Il",
            "ENGTYPE_1": "Province",
        },
        geometry=source.geometry,
        crs=4326,
    ), source["plate"].to_numpy()


def test_read_boundaries_gadm_spellings(coded, official, tmp_path):
    gadm, plates = _as_gadm(coded)
    assert (gadm["ID_1"].to_numpy() != plates).any()  # ID_1 is not a plate code and must be ignored
    path = tmp_path / "gadm41_TUR_1.json"
    gadm.to_file(path, driver="GeoJSON")
    table = read_boundaries(path)
    assert table["plate"].tolist() == list(range(1, 82))
    for plate in (3, 46, 67, 71):
        expected = official.loc[official["plate"] == plate].geometry.item()
        assert table.loc[table["plate"] == plate].geometry.item().equals(expected)


def test_read_boundaries_geopackage_picks_the_province_layer(coded, official, tmp_path):
    source = gpd.read_file(coded)
    adm1 = gpd.GeoDataFrame(
        {"shapeName": source["name_tr"], "shapeISO": source["iso_3166_2"], "shapeGroup": "TUR"},
        geometry=source.geometry,
        crs=4326,
    ).to_crs(3857)
    adm0 = gpd.GeoDataFrame(
        {"shapeName": ["Türkiye"]}, geometry=[shapely.union_all(source.geometry.values)], crs=4326
    )
    path = tmp_path / "geoBoundaries-TUR.gpkg"
    adm0.to_file(path, layer="ADM0", driver="GPKG")
    adm1.to_file(path, layer="ADM1", driver="GPKG")
    table = read_boundaries(path)
    assert table["plate"].tolist() == list(range(1, 82))
    assert table.crs.to_epsg() == 4326
    np.testing.assert_allclose(table.to_crs(EQUAL_AREA).area, official.to_crs(EQUAL_AREA).area, rtol=1e-6)
    assert len(read_boundaries(path, layer="ADM1")) == 81


def test_read_boundaries_dissolves_several_features_per_province(coded, tmp_path):
    parts = gpd.read_file(coded)[["plate", "geometry"]].explode(index_parts=False, ignore_index=True)
    assert len(parts) > 81
    path = tmp_path / "parts.geojson"
    parts.to_file(path, driver="GeoJSON")
    table = read_boundaries(path)
    assert len(table) == 81 and table.geometry.is_valid.all()


# ---------------------------------------------------------------------------------------------- errors


def _write_features(tmp_path: Path, frame: gpd.GeoDataFrame, name: str = "b.geojson") -> Path:
    path = tmp_path / name
    frame.to_file(path, driver="GeoJSON")
    return path


def test_unmatched_feature_and_missing_province(published, tmp_path):
    frame = gpd.read_file(published).drop(columns="number")
    frame.loc[frame["name"] == "Kastamonu", "name"] = "Kastamonou"
    frame.loc[frame["name"] == "Amasya", "name"] = "Atlantis"
    path = _write_features(tmp_path, frame)
    with pytest.raises(
        DataValidationError,
        match=r"^b\.geojson, column 'name': 2 features match no province: feature 6 'Atlantis'; "
        r"feature 46 'Kastamonou' \(did you mean 'Kastamonu'\?\); "
        r"no feature for 2 provinces: Amasya, Kastamonu$",
    ):
        read_boundaries(path)


def test_missing_provinces(published, tmp_path):
    frame = gpd.read_file(published)
    path = _write_features(tmp_path, frame[~frame["number"].isin([6, 34, 35])])
    with pytest.raises(DataValidationError, match=r"no feature for 3 provinces: Ankara, İstanbul, İzmir$"):
        read_boundaries(path)


def test_disagreeing_code_and_name_columns(published, tmp_path):
    frame = gpd.read_file(published)
    swap = frame["number"].isin([1, 2])
    frame.loc[swap, "number"] = frame.loc[swap, "number"].to_numpy()[::-1]
    path = _write_features(tmp_path, frame)
    with pytest.raises(
        DataValidationError,
        match=r"^b\.geojson, column 'number': columns 'name' and 'number' disagree for 2 features, e\.g\. "
        r"feature 1: 'Adana' is plate 1 but 2 is plate 2$",
    ):
        read_boundaries(path)


def test_no_property_names_provinces(published, tmp_path):
    frame = gpd.read_file(published)[["geometry"]].assign(id=range(81))
    path = _write_features(tmp_path, frame)
    with pytest.raises(
        DataValidationError, match=r"no property matches province names or codes; properties: \['id'\]"
    ):
        read_boundaries(path)


def test_unreadable_boundary_file(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_bytes(b"\x00\x01 not json")
    with pytest.raises(DataValidationError, match=r"^broken\.geojson: cannot be read as a boundary file"):
        read_boundaries(path)


def test_missing_boundary_file(tmp_path):
    with pytest.raises(DataValidationError, match=r"^none\.gpkg: does not exist"):
        read_boundaries(tmp_path / "none.gpkg")


def test_boundary_file_without_features(tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(DataValidationError, match=r"^empty\.geojson: has no features"):
        read_boundaries(path)


def test_multi_layer_file_without_a_province_layer(published, tmp_path):
    frame = gpd.read_file(published)
    path = tmp_path / "two.gpkg"
    frame.iloc[:10].to_file(path, layer="a", driver="GPKG")
    frame.iloc[10:].to_file(path, layer="b", driver="GPKG")
    with pytest.raises(
        DataValidationError,
        match=r"^two\.gpkg: has 2 layers: 'a' \(10 features\), 'b' \(71 features\); pass layer=",
    ):
        read_boundaries(path)


def test_projected_coordinates_without_crs(published, tmp_path):
    frame = gpd.read_file(published).to_crs(3857).set_crs(None, allow_override=True)
    path = tmp_path / "noprj.shp"
    with pytest.warns(UserWarning, match="'crs' was not provided"):
        frame.to_file(path)
    assert not path.with_suffix(".prj").exists()
    with pytest.raises(DataValidationError, match=r"^noprj\.shp: has no coordinate reference system"):
        read_boundaries(path)


# ----------------------------------------------------------------------------------------------- geojson


def test_to_geojson_ids_are_plates_and_plotly_accepts_it():
    collection = to_geojson(province_shapes())
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == list(range(1, 82))
    assert collection["features"][45]["properties"] == {
        "plate": 46,
        "name": "Kahramanmaraş",
        "iso": "TR-46",
        "nuts3": "TR632",
    }
    figure = go.Figure(
        go.Choropleth(geojson=collection, locations=[46], z=[1.0], featureidkey="properties.plate")
    )
    assert figure.data[0].featureidkey == "properties.plate"
    json.dumps(collection)  # plain JSON types only


def test_to_geojson_unknown_id_column():
    with pytest.raises(
        ValueError,
        match=r"'id_column' must be one of \['plate', 'name', 'iso', 'nuts3', 'geometry'\], got 'code'",
    ):
        to_geojson(province_shapes(), id_column="code")


def test_to_geojson_duplicate_ids():
    shapes = province_shapes().assign(region="x")
    with pytest.raises(ValueError, match=r"'id_column' 'region' must hold unique values"):
        to_geojson(shapes, id_column="region")
