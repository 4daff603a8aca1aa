"""The real TÜİK tables carried in ``clusterlib/resources/official`` (``clusterlib.official``).

The values must be the published ones: each accessor is checked against the carried source file
read independently here, and, where the project's reference copy ``../shared/data/official`` exists
beside the checkout, against that too (a plain clone has no such folder, so those checks add to the
others and are reported as skipped, with the reason, when it is absent).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlib import official
from clusterlib.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared" / "data" / "official"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/official is not beside this checkout")


def test_population_matches_the_source_file_cell_by_cell():
    wide = pd.read_csv(official.OFFICIAL_DIR / official.FILES["population"]).set_index("plate")
    long = official.population().set_index(["plate", "year"])["population"]
    assert len(long) == 81 * 19
    for year in (2007, 2016, 2025):
        expected = wide[f"pop_{year}"]
        got = long.xs(year, level="year")
        got.index = got.index.astype(int)
        pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)


def test_every_table_covers_the_81_provinces_with_registry_names():
    registry = official._codes().set_index("plate")["province"]
    for frame in (official.population(), official.gdp_per_capita(), official.ses(), official.labour_force(),
                  official.gva_a10_current(), official.gva_a10_volume()):
        provinces = frame.dropna(subset=["plate"]).drop_duplicates("plate").set_index("plate")["province"]
        assert len(provinces) == 81
        assert provinces.sort_index().tolist() == registry.sort_index().tolist()


def test_turkiye_rows_are_kept_apart_from_provinces():
    lf = official.labour_force()
    tr = lf[lf["nuts3"] == "TR"]
    assert tr["plate"].isna().all() and set(tr["province"]) == {"Türkiye"}
    assert len(tr) == 6  # 2 indicators × 3 years


def test_chain_volume_index_and_change_are_derived_correctly():
    v = official.gva_a10_volume()
    assert np.allclose(v.loc[v["year"] == 2009, "index_2009_100"], 100)
    assert v.loc[v["year"] == 2004, "pct_change"].isna().all()
    one = v[(v["nuts3"] == "TR831") & (v["sector"] == "C_manufacturing")].set_index("year")["volume_thousand_try"]
    change = v[(v["nuts3"] == "TR831") & (v["sector"] == "C_manufacturing")].set_index("year")["pct_change"]
    assert change[2015] == pytest.approx((one[2015] / one[2014] - 1) * 100)


def test_regional_mean_weights_by_population():
    gdp = official.gdp_per_capita()
    country = official.regional_mean(gdp, "gdp_per_capita_usd", by="country")
    assert country["year"].tolist() == [2020, 2021, 2022, 2023, 2024]
    lo, hi = gdp.groupby("year")["gdp_per_capita_usd"].agg(["min", "max"]).T.to_numpy()
    assert ((lo < country["gdp_per_capita_usd"].to_numpy()) & (country["gdp_per_capita_usd"].to_numpy() < hi)).all()
    nuts2 = official.regional_mean(gdp, "gdp_per_capita_usd")
    assert nuts2["nuts2"].nunique() == 26
    with pytest.raises(ValueError, match="'by' must be one of"):
        official.regional_mean(gdp, "gdp_per_capita_usd", by="nuts1")


def test_source_names_tuik_in_both_languages():
    assert official.source("ses", "tr").startswith("Kaynak: TÜİK")
    assert official.source("ses", "en").startswith("Source: TÜİK")
    with pytest.raises(ValueError, match="'table' must be one of"):
        official.source("exports")


@needs_shared
@pytest.mark.parametrize("name", ["population", "gdp_per_capita", "ses", "labour_force", "gva_a10_current"])
def test_carried_csv_files_equal_the_reference_copies(name):
    carried = official.OFFICIAL_DIR / official.FILES[name]
    assert carried.read_bytes() == (SHARED / carried.name).read_bytes()


@needs_shared
def test_carried_chain_volumes_equal_the_reference_copy():
    reference = pd.read_csv(SHARED / "tuik_province_gdp_by_sector_A10_chain_volume_2004_2023_long.csv")
    ours = official.gva_a10_volume()
    merged = reference.merge(ours, on=["nuts3", "year", "sector"], validate="one_to_one")
    assert len(merged) == len(reference) == len(ours)
    assert np.allclose(merged["volume_thousand_try"], merged["volume_chain_linked_2009_thousand_try"], rtol=1e-12)
    assert np.allclose(merged["index_2009_100_x"], merged["index_2009_100_y"], rtol=1e-9)
    both = merged.dropna(subset=["pct_change_x", "pct_change_y"])
    assert np.allclose(both["pct_change_x"], both["pct_change_y"], rtol=1e-9, atol=1e-9)
