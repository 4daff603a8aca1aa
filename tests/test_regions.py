"""Tests for the province registry (clusterlib.regions).

Reference: ``tests/fixtures/reference/provinces_reference.csv`` (plate, ISO 3166-2 and NUTS codes
checked against TÜİK) and ``nuts1_nuts2_groups.csv`` (TÜİK statistical regions); population
against TÜİK ADNKS 2025.
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlib.official import OFFICIAL_DIR
from clusterlib.regions import (
    INFO_SPOTS,
    PILOT_PROVINCES,
    UnknownProvinceError,
    normalize_name,
    pilots,
    province,
    provinces,
)


@pytest.fixture(scope="module")
def reference(reference_data) -> pd.DataFrame:
    return pd.read_csv(reference_data / "provinces_reference.csv").set_index("plate")


def test_81_provinces_with_unique_codes():
    table = provinces()
    assert len(table) == 81
    assert table["plate"].tolist() == list(range(1, 82))
    for column in ("name", "name_ascii", "iso", "nuts3"):
        assert table[column].is_unique, column
    for column in ("plate", "name", "iso", "nuts1", "nuts2", "nuts3", "lat", "lon", "population"):
        assert table[column].notna().all(), column


def test_codes_and_names_agree_with_reference(reference):
    table = provinces().set_index("plate")
    assert (table["iso"] == reference["iso_3166_2"]).all()
    assert (table["name"] == reference["name_tr"]).all()
    assert (table["name_ascii"] == reference["name_ascii"]).all()
    for level in ("nuts1", "nuts2", "nuts3"):
        assert (table[level] == reference[level]).all(), level
    assert (table["lat"] - reference["center_lat"]).abs().max() < 1e-6
    assert (table["lon"] - reference["center_lon"]).abs().max() < 1e-6


def test_nuts_groups_agree_with_tuik_classification(reference_data):
    groups = pd.read_csv(reference_data / "nuts1_nuts2_groups.csv")
    table = provinces().set_index("plate")
    assert table["nuts1"].nunique() == 12 and table["nuts2"].nunique() == 26
    for row in groups.itertuples():
        plates = [int(p) for p in str(row.plates).split(",")]
        assert set(table.index[table["nuts2"] == row.nuts2]) == set(plates), row.nuts2
        assert (table.loc[plates, "nuts1"] == row.nuts1).all()
        assert (table.loc[plates, "nuts2_name"] == row.nuts2_name).all()


def test_population_is_tuik_adnks_2025():
    adnks = pd.read_csv(OFFICIAL_DIR / "tuik_adnks_population_province_2007_2025_wide.csv")
    table = provinces().set_index("plate")
    assert (table.loc[adnks["plate"], "population"].to_numpy() == adnks["pop_2025"].to_numpy()).all()
    assert 85_000_000 < table["population"].sum() < 87_000_000


def test_every_code_and_name_of_the_reference_resolves(reference):
    for plate, row in reference.iterrows():
        for key in (plate, f"{plate:02d}", row["iso_3166_2"], row["nuts3"], row["name_tr"], row["name_ascii"]):
            assert province(key).plate == plate, key
        assert province(row["name_tr"].upper()).plate == plate
        assert province(row["name_ascii"].upper()).plate == plate
        assert province(row["name_tr"].lower()).plate == plate


SPELLINGS = [
    ("Kahramanmaraş", 46), ("KAHRAMANMARAŞ", 46), ("Kahramanmaras", 46), ("K.Maraş", 46), ("K. Maraş", 46),
    ("K.MARAŞ", 46), ("Maraş", 46), ("kmaras", 46), ("Çorum", 19), ("ÇORUM", 19), ("corum", 19),
    ("Gaziantep", 27), ("Antep", 27), ("G.Antep", 27), ("GAZİANTEP", 27), ("Şanlıurfa", 63), ("Urfa", 63),
    ("Ş.Urfa", 63), ("SANLIURFA", 63), ("Afyon", 3), ("AFYONKARAHİSAR", 3), ("İçel", 33), ("ICEL", 33),
    ("İÇEL", 33), ("Mersin", 33), ("İstanbul", 34), ("ISTANBUL", 34), ("İSTANBUL", 34), ("istanbul", 34),
    ("İzmir", 35), ("IZMIR", 35), ("izmir", 35), ("Iğdır", 76), ("IĞDIR", 76), ("igdir", 76),
    ("Isparta", 32), ("ISPARTA", 32), ("Kırıkkale", 71), ("KIRIKKALE", 71), ("Kirikkale", 71),
    ("Elazığ", 23), ("Elaziz", 23), ("Hakkari", 30), ("Hakkâri", 30), ("Samsun", 55), ("  samsun ", 55),
    ("Trabzon", 61), ("TRABZON", 61), ("Muğla", 48), ("MUGLA", 48), ("Düzce", 81), ("DUZCE", 81),
    ("6", 6), ("06", 6), (6, 6), ("TR-06", 6), ("tr-06", 6), ("TR510", 6), ("TRC11", 27), (81, 81),
]


@pytest.mark.parametrize(("spelling", "plate"), SPELLINGS)
def test_common_spellings_resolve(spelling, plate):
    assert province(spelling).plate == plate


def test_at_least_30_spellings_are_covered():
    assert len({s for s, _ in SPELLINGS if isinstance(s, str) and not s.strip().isdigit()}) >= 30


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("Kahramanmras", "Kahramanmaraş"), ("Gaziantp", "Gaziantep"), ("Trabzonn", "Trabzon"), ("Samsum", "Samsun")],
)
def test_unknown_name_fails_with_suggestions(key, suggestion):
    with pytest.raises(UnknownProvinceError, match=rf"did you mean .*'{suggestion}'") as info:
        province(key)
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)


@pytest.mark.parametrize("key", [0, 82, "82", "TR-99", "Atlantis", "", True, None])
def test_unknown_keys_fail_clearly(key):
    with pytest.raises(UnknownProvinceError, match=r"province|plate"):
        province(key)


def test_turkish_casing_rules():
    """Under Turkish rules ``I`` lower-cases to ``ı`` and ``İ`` to ``i``; both fold to the same key."""
    assert normalize_name("ISPARTA") == normalize_name("Isparta") == "isparta"
    assert normalize_name("İZMİR") == normalize_name("IZMIR") == "izmir"
    assert normalize_name("Iğdır") == "igdir"


def test_pilots_and_info_spots():
    assert [p.name for p in pilots()] == list(PILOT_PROVINCES)
    assert set(INFO_SPOTS["Black Sea"]) == {"Çorum", "Samsun", "Trabzon"}
    assert set(INFO_SPOTS["East Mediterranean"]) == {"Gaziantep", "Kahramanmaraş"}
    assert province("Samsun").host_tr == "Samsun Ticaret ve Sanayi Odası"
    assert province("Gaziantep").info_spot == "East Mediterranean"
    assert not province("Ankara").is_pilot
    assert provinces()["is_pilot"].sum() == 5
