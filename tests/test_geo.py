"""Tests for province geometry (clusterlib.geo).

References: the OpenStreetMap-derived province boundaries (© OpenStreetMap contributors, ODbL 1.0)
behind ``clusterlib/resources/geo/turkiye_provinces.geojson``; the polygon areas of the unsimplified
boundaries in ``tests/fixtures/reference/provinces_reference.csv`` (``poly_area_km2``); Türkiye's surface
area of 783,562 km² (lakes included) published by TÜİK from Harita Genel Müdürlüğü (General Directorate
of Mapping) measurements.  Where ``../shared/data`` exists the full boundary files there add checks
(the resource regenerates from them; the reader matches them exactly).
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
from clusterlib.geo import (
    ATTRIBUTION,
    BOUNDARIES_FILE,
    attribution,
    province_shapes,
    read_boundaries,
    to_geojson,
)
from clusterlib.regions import provinces

#: Türkiye's surface area including lakes, km² (TÜİK, from Harita Genel Müdürlüğü).
TURKIYE_AREA_KM2 = 783_562
EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global, an equal-area projection

#: GADM level-1 spellings that differ from the ASCII names (GADM writes several names its own way).
GADM_NAMES = {3: "Afyon", 46: "K. Maras", 71: "Kinkkale", 67: "Zinguldak", 76: "Iğdir", 18: "Çankiri"}


@pytest.fixture(scope="module")
def coded(tmp_path_factory) -> Path:
    """The bundled boundaries written with the codes of the source file (plate, iso_3166_2, name_tr…)."""
    table = provinces()[["plate", "iso", "name", "name_ascii", "nuts3"]]
    frame = gpd.GeoDataFrame(
        table.rename(columns={"iso": "iso_3166_2", "name": "name_tr"}),
        geometry=province_shapes().geometry.values,
        crs=4326,
    )
    path = tmp_path_factory.mktemp("geo") / "coded.geojson"
    frame.to_file(path, driver="GeoJSON")
    return path


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The bundled boundaries laid out as the OSM-derived file is published: ``name`` (one spelled
    "Afyon") and ``number`` (the plate), features in alphabetical order of the ASCII names."""
    table = provinces()
    frame = gpd.GeoDataFrame(
        {"name": table["name"].where(table["plate"] != 3, "Afyon"), "number": table["plate"].astype("int32")},
        geometry=province_shapes().geometry.values,
        crs=4326,
    )
    order = table["name_ascii"].sort_values(kind="stable").index
    path = tmp_path_factory.mktemp("geo") / "tr-cities.json"
    frame.loc[order].reset_index(drop=True).to_file(path, driver="GeoJSON")
    return path


@pytest.fixture(scope="module")
def official(coded) -> gpd.GeoDataFrame:
    return read_boundaries(coded)


@pytest.fixture(scope="module")
def reference(reference_data) -> pd.DataFrame:
    return pd.read_csv(reference_data / "provinces_reference.csv").set_index("plate")


# ------------------------------------------------------------------------------------------ default map


def test_default_shapes_are_81_valid_polygons():
    shapes = province_shapes()
    assert list(shapes.columns) == ["plate", "name", "iso", "nuts3", "geometry"]
    assert shapes.crs.to_epsg() == 4326
    assert shapes["plate"].tolist() == list(range(1, 82))
    assert shapes["name"].tolist() == provinces()["name"].tolist()
    assert shapes.geometry.is_valid.all() and not shapes.geometry.is_empty.any()
    assert set(shapes.geom_type) <= {"Polygon", "MultiPolygon"}


def test_resource_codes_match_the_registry():
    collection = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    properties = pd.DataFrame([f["properties"] for f in collection["features"]])
    registry = provinces()
    assert properties["plate"].tolist() == registry["plate"].tolist()
    assert properties["iso"].tolist() == registry["iso"].tolist()
    assert properties["name"].tolist() == registry["name"].tolist()


def test_neighbours_share_borders_without_gaps_or_overlaps():
    """A clean polygonal coverage: shared edges identical (GEOS coverage validation), the pairwise
    overlaps of neighbours have no area, and the union has no hole (no sliver between neighbours)."""
    shapes = province_shapes()
    assert shapely.coverage_is_valid(shapes.geometry.values)
    projected = shapes.to_crs(EQUAL_AREA).geometry.values
    left, right = shapely.STRtree(projected).query(projected, predicate="intersects")
    pairs = [(i, j) for i, j in zip(left, right, strict=True) if i < j]
    overlap_km2 = sum(projected[i].intersection(projected[j]).area for i, j in pairs) / 1e6
    assert overlap_km2 < 0.01
    union = shapely.union_all(projected)
    holes = [shapely.Polygon(ring) for part in getattr(union, "geoms", [union]) for ring in part.interiors]
    assert sum(hole.area for hole in holes) / 1e6 < 0.01
    touching = {(shapes["name"].iloc[i], shapes["name"].iloc[j]) for i, j in pairs}
    for pair in [("Ankara", "Konya"), ("Samsun", "Ordu"), ("Çorum", "Samsun"), ("Gaziantep", "Kahramanmaraş")]:
        assert pair in touching or pair[::-1] in touching, pair
    assert ("Ankara", "İstanbul") not in touching and ("İstanbul", "Ankara") not in touching


def test_every_province_has_a_neighbour_and_holds_its_centre():
    shapes = province_shapes()
    projected = shapes.to_crs(EQUAL_AREA).geometry.values
    left, _right = shapely.STRtree(projected).query(projected, predicate="touches")
    assert set(left) == set(range(81))
    table = provinces()
    centres = gpd.points_from_xy(table["lon"], table["lat"])
    assert shapes.geometry.contains(gpd.GeoSeries(centres, crs=4326)).all()


def test_default_areas_follow_the_unsimplified_polygons(reference):
    """Each province within 0.5 % of its unsimplified polygon; Türkiye within 1 % of 783,562 km²."""
    area = province_shapes().set_index("plate").to_crs(EQUAL_AREA).area / 1e6
    np.testing.assert_allclose(area, reference.loc[area.index, "poly_area_km2"], rtol=0.005)
    assert abs(area.sum() / TURKIYE_AREA_KM2 - 1) < 0.01


def test_resource_is_small_and_attributed():
    collection = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    assert collection["attribution"] == ATTRIBUTION == "© OpenStreetMap contributors, ODbL 1.0"
    assert "ODbL" in collection["license"] and "coverage_simplify" in collection["source"]
    assert BOUNDARIES_FILE.stat().st_size < 150_000
    assert attribution("en") == "Province boundaries: © OpenStreetMap contributors, ODbL 1.0"
    assert attribution("tr") == "İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL lisansı"
    with pytest.raises(ValueError, match=r"'lang' must be one of \['en', 'tr'\], got 'de'"):
        attribution("de")


def test_resource_regenerates_from_the_full_boundaries(shared_data, tmp_path):
    """Added check where ../shared/data exists: make_provinces.py rebuilds the resource byte for byte."""
    from clusterlib.resources.geo import make_provinces

    target = tmp_path / "provinces.geojson"
    make_provinces.main([str(shared_data / "boundaries" / "turkey_provinces_81.geojson"), "--output", str(target)])
    assert target.read_bytes() == BOUNDARIES_FILE.read_bytes()


# ------------------------------------------------------------------------------------- official boundaries


def test_read_boundaries_as_published_matches_all_81_including_afyon(published, reference):
    raw = gpd.read_file(published)
    assert "Afyon" in set(raw["name"])
    table = read_boundaries(published)
    assert table["plate"].tolist() == list(range(1, 82))
    assert table["name"].tolist() == provinces()["name"].tolist()
    assert table.loc[table["plate"] == 3, "name"].item() == "Afyonkarahisar"
    assert all(a.equals(b) for a, b in zip(table.geometry, province_shapes().geometry, strict=True))


def test_read_boundaries_of_the_full_published_file(shared_data, reference):
    """Added check where ../shared/data exists: the file as published, areas as in the reference table."""
    table = read_boundaries(shared_data / "boundaries" / "tr-cities_as_published.json")
    assert table["plate"].tolist() == list(range(1, 82))
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
