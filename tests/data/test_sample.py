"""Tests for the synthetic sample generator (clusterlib.data.sample) and the bundled data/raw/sample/.

Calibration sources the tests hold the sample to:

* TÜİK, Address-Based Population Registration System (ADNKS), population by province 2013–2024
  (``clusterlib/resources/official/tuik_adnks_population_province_2007_2025_wide.csv``);
* TÜİK, Regional Accounts, value added by province and A10 sector 2023, current prices
  (``clusterlib/resources/official/tuik_province_gdp_by_sector_A10_current_prices_2023.csv``);
* SGK statistical yearbooks (insured employees 4/a: about 13 to 16 million over 2013–2024) and
  TÜİK/TİM foreign-trade totals (goods exports about 150 to 260 billion USD) for orders of magnitude;
* the project's seed pages (``/work/shared/seeds``, 003 "Clustering in Turkey" and 004 pilot sectors)
  for the real facts in ``initiatives.csv``;
* the official list of districts (ilçe) of the five pilot provinces (TÜİK ADNKS district results;
  metropolitan districts after Law 6360 of 2012 and Law 6447 of 2013).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import spearmanr

from clusterlib import nace
from clusterlib.config import PROJECT_ROOT, RESOURCES_DIR, SAMPLE_DIR
from clusterlib.data import load_tables, sample
from clusterlib.data.sample import inputs as sample_inputs
from clusterlib.data.sample.firms import firm_name
from clusterlib.official import OFFICIAL_DIR

YEARS = list(range(2013, 2025))
PILOTS = {  # cluster id -> (plate, main division), methodology brief s.1
    "corum_food_machinery": (19, "28"),
    "gaziantep_footwear": (27, "15"),
    "kahramanmaras_metal_kitchenware": (46, "25"),
    "samsun_medical": (55, "32"),
    "trabzon_shipbuilding": (61, "30"),
}


def _names(text: str) -> set[str]:
    return set(text.split())


#: Official districts (ilçe) of the pilot provinces (TÜİK ADNKS; Laws 6360/2012 and 6447/2013).
DISTRICTS = {
    19: _names(
        "Alaca Bayat Boğazkale Dodurga İskilip Kargı Laçin Mecitözü Merkez Oğuzlar Ortaköy Osmancık "
        "Sungurlu Uğurludağ"
    ),
    27: _names("Araban İslahiye Karkamış Nizip Nurdağı Oğuzeli Şahinbey Şehitkamil Yavuzeli"),
    46: _names(
        "Afşin Andırın Çağlayancerit Dulkadiroğlu Ekinözü Elbistan Göksun Nurhak Onikişubat Pazarcık Türkoğlu"
    ),
    55: _names(
        "Alaçam Asarcık Atakum Ayvacık Bafra Canik Çarşamba Havza İlkadım Kavak Ladik Ondokuzmayıs "
        "Salıpazarı Tekkeköy Terme Vezirköprü Yakakent"
    ),
    61: _names(
        "Akçaabat Araklı Arsin Beşikdüzü Çarşıbaşı Çaykara Dernekpazarı Düzköy Hayrat Köprübaşı Maçka Of "
        "Ortahisar Sürmene Şalpazarı Tonya Vakfıkebir Yomra"
    ),
}
EARTHQUAKE_PROVINCES = (31, 46, 2, 44)  # Hatay, Kahramanmaraş, Adıyaman, Malatya (6 February 2023)


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(
        SAMPLE_DIR / f"{name}.csv", dtype={"nace": str, "nace_class": str}, keep_default_na=True
    )


@pytest.fixture(scope="module")
def employment() -> pd.DataFrame:
    return _read("employment")


@pytest.fixture(scope="module")
def exports() -> pd.DataFrame:
    return _read("exports")


@pytest.fixture(scope="module")
def firms() -> pd.DataFrame:
    return _read("firms")


def _lq_table(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Location quotients LQ = (e_ij / e_j) / (e_i / e), province × division (methodology brief s.4)."""
    table = frame[frame["year"] == year].pivot_table(
        index="plate", columns="nace", values="employment", aggfunc="sum"
    )
    shares = table.div(table.sum(axis=1), axis=0)
    national = table.sum(axis=0) / table.to_numpy().sum()
    return shares.div(national, axis=1)


# ----------------------------------------------------------------------------------------- reproducibility


def test_regenerating_gives_byte_identical_files(tmp_path):
    """The bundled files are exactly what ``generate()`` writes with the default seed."""
    written = sample.generate(tmp_path)
    bundled = sorted(p.name for p in SAMPLE_DIR.iterdir() if p.is_file())
    assert sorted(p.name for p in written.values()) == bundled
    for path in written.values():
        data = path.read_bytes()
        assert data == (SAMPLE_DIR / path.name).read_bytes(), path.name
        assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"), path.name


def test_command_line_is_independent_of_hash_randomisation(tmp_path):
    """A fresh interpreter with another PYTHONHASHSEED writes the same bytes (no set-order dependence)."""
    env = {**os.environ, "PYTHONHASHSEED": "12345", "CLUSTERLIB_ROOT": str(PROJECT_ROOT)}
    subprocess.run(
        [sys.executable, "-m", "clusterlib.data.sample", "--out", str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
        cwd=tmp_path,
    )
    for path in SAMPLE_DIR.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_another_seed_gives_other_numbers_same_layout():
    tables = sample.build_tables(seed=7)
    bundled = _read("employment")
    assert list(tables["employment"].columns) == list(bundled.columns)
    assert len(tables["employment"]) == len(bundled)
    assert not np.array_equal(tables["employment"]["employment"].to_numpy(), bundled["employment"].to_numpy())


def test_generation_is_fast():
    """Generating all tables from scratch takes well under the 30 s budget."""
    start = time.perf_counter()
    sample.build_tables(seed=99)
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("seed", [-1, 1.5, "1", True])
def test_bad_seed_raises(seed):
    with pytest.raises(ValueError, match="'seed' must be a non-negative integer"):
        sample.build_tables(seed=seed)


def test_write_table_dialect(tmp_path):
    frame = pd.DataFrame({"n": [1, 2], "x": [1.25, np.nan], "ok": [True, False], "s": ["a,b", "Çorum"]})
    path = sample.write_table(frame, tmp_path / "t.csv", decimals={"x": 1})
    assert path.read_bytes() == 'n,x,ok,s\n1,1.2,true,"a,b"\n2,,false,Çorum\n'.encode()


# ----------------------------------------------------------------------------------------- schema


def test_load_tables_validates_every_table():
    """The loaders of clusterlib.data accept every bundled table (the shared schema contract)."""
    tables = load_tables(SAMPLE_DIR)
    assert set(tables) == set(sample.TABLES)
    assert all(len(frame) > 0 for frame in tables.values())


def test_employment_schema(employment):
    codes = nace.divisions()["code"].tolist()
    assert len(employment) == 81 * 88 * len(YEARS)
    assert not employment.duplicated(["plate", "nace", "year"]).any()
    assert employment[["plate", "nace", "year"]].equals(
        employment[["plate", "nace", "year"]].sort_values(["plate", "nace", "year"], ignore_index=True)
    )
    assert sorted(employment["nace"].unique()) == sorted(codes)
    assert (employment["employment"] >= 0).all() and employment["employment"].dtype.kind == "i"
    zero = employment["employment"] == 0
    assert ((employment["workplaces"] == 0) == zero).all()
    assert (employment["workplaces"] <= employment["employment"]).all()
    assert employment["avg_wage"].isna().eq(zero).all()
    assert (employment.loc[~zero, "avg_wage"] > 0).all()


def test_exports_cover_goods_divisions(exports):
    goods = sorted(c for c in nace.divisions()["code"] if nace.section_of(c) in "ABC")
    assert sorted(exports["nace"].unique()) == goods
    assert len(exports) == 81 * len(goods) * len(YEARS)
    assert (exports["exports_usd"] >= 0).all()
    assert not exports.duplicated(["plate", "nace", "year"]).any()


def test_firm_registers(firms):
    """≥ 60 firms per pilot; sizes consistent with classes; real districts of the province."""
    assert set(firms["cluster"]) == set(PILOTS)
    assert firms["firm_id"].is_unique
    for cluster, group in firms.groupby("cluster"):
        assert 60 <= len(group) <= 90, cluster
        plate = PILOTS[cluster][0]
        assert (group["plate"] == plate).all()
        assert set(group["district"]) <= DISTRICTS[plate], cluster
        small = group["size_class"].isin(["micro", "small"]).mean()
        assert small > 0.6, cluster
    bounds = {"micro": (1, 9), "small": (10, 49), "medium": (50, 249), "large": (250, 10**6)}
    for size_class, (low, high) in bounds.items():
        rows = firms[firms["size_class"] == size_class]
        assert rows["employees"].between(low, high).all(), size_class
    assert firms["founded"].between(1950, 2024).all()
    assert set(firms["stage"]) == {"inputs", "manufacturing", "services", "distribution"}
    assert firms["export_share"].between(0, 1).all()
    assert (firms["nace_class"].str[:2] == firms["nace"]).all()


def test_survey_has_likert_answers_and_some_missing(firms):
    survey = _read("survey")
    assert list(survey.columns) == ["cluster", "firm_id", "year", "item", "answer"]
    assert set(survey["firm_id"]) <= set(firms["firm_id"])
    answers = survey["answer"].fillna("")
    assert set(answers.unique()) <= {"1", "2", "3", "4", "5", "dont_know", ""}
    assert 0.02 <= (answers == "").mean() <= 0.08
    assert 0.01 <= (answers == "dont_know").mean() <= 0.06
    assert not survey.duplicated(["firm_id", "year", "item"]).any()
    # every respondent was asked all 21 items of the questionnaire
    assert survey.groupby(["firm_id", "year"]).size().eq(21).all()
    # needs profiles differ by cluster (e.g. infrastructure is the shipyards' top need)
    valid = survey[answers.str.fullmatch("[1-5]")].assign(
        code=lambda f: f["answer"].astype(int), block=lambda f: f["item"].str.split("_").str[0]
    )
    means = valid.groupby(["cluster", "block"])["code"].mean().unstack()
    assert means.loc["trabzon_shipbuilding"].idxmax() == "infrastructure"
    assert means.loc["samsun_medical"].idxmax() == "rnd"


def test_relations_form_a_core_periphery_network(firms):
    relations = _read("relations")
    assert set(relations["relation"]) == {"supplier", "customer", "cooperation"}
    assert relations["importance"].between(1, 5).all()
    assert not relations.duplicated(["cluster", "source", "target"]).any()
    external = relations["target"].str.startswith("EXT-")
    assert relations.loc[external, ["target_name", "target_province"]].notna().all().all()
    assert relations.loc[~external, "local"].all()
    assert 0.2 < external.mean() < 0.6 and 0.5 < relations["local"].mean() < 0.9
    for cluster, group in relations.groupby("cluster"):
        register = set(firms.loc[firms["cluster"] == cluster, "firm_id"])
        inside = group[~group["target"].str.startswith("EXT-")]
        assert set(group["source"]) <= register and set(inside["target"]) <= register
        named = group.groupby("source").size()
        assert named.between(2, 8).all(), cluster
        degree = pd.concat([inside["source"], inside["target"]]).value_counts()
        assert degree.max() >= 3 * degree.median(), cluster  # a few hubs
        isolates = register - set(degree.index)
        assert len(isolates) >= 3, cluster


def test_stakeholders_are_real_institutions_of_the_pilots():
    table = _read("stakeholders")
    allowed = {
        "chamber",
        "development_agency",
        "university",
        "ngo",
        "public",
        "oiz",
        "exporters_association",
        "cluster_association",
        "kosgeb",
    }
    assert set(table["type"]) <= allowed
    assert set(table["plate"]) == {plate for plate, _ in PILOTS.values()}
    for plate, group in table.groupby("plate"):
        assert {"development_agency", "university", "kosgeb", "oiz"} <= set(group["type"]), plate
    names = set(table["name"])
    for expected in (
        "Samsun Ticaret ve Sanayi Odası",
        "Orta Karadeniz Kalkınma Ajansı",
        "Ondokuz Mayıs Üniversitesi",
        "Karadeniz Teknik Üniversitesi",
        "Doğu Karadeniz Kalkınma Ajansı",
        "İpekyolu Kalkınma Ajansı",
        "Güneydoğu Anadolu İhracatçı Birlikleri",
        "Hitit Üniversitesi",
        "Kahramanmaraş Sütçü İmam Üniversitesi",
        "KOSGEB Samsun Müdürlüğü",
    ):
        assert expected in names
    assert any("MEDİKÜM" in name for name in names)
    ids = set(nace.clusters()["id"])
    for cell in table["clusters"].dropna():
        assert set(cell.split(";")) <= ids
    assert table["lat"].between(35.5, 42.5).all() and table["lon"].between(25.5, 45.0).all()


def test_io_table_is_balanced_with_plausible_coefficients():
    """Row total = column total for every section; A = Z·diag(x)⁻¹ (methodology brief s.6) looks like
    TÜİK's structure: manufacturing buys mostly from itself, public services sell to final demand."""
    io = _read("io_table")
    sections = list("ABCDEFGHIJKLMNOPQRS")
    assert set(io["from"]) == set(sections) | {"VA"} and set(io["to"]) == set(sections) | {"FD"}
    flows = io.pivot(index="from", columns="to", values="value")
    output_rows = flows.loc[sections].sum(axis=1)
    output_columns = flows[sections].sum(axis=0)
    np.testing.assert_allclose(
        output_rows.to_numpy(), output_columns.loc[sections].to_numpy(), rtol=0, atol=0
    )
    assert (flows.loc[sections, sections] >= 0).all().all() and (flows.loc[sections, "FD"] >= 0).all()
    a = flows.loc[sections, sections] / output_columns
    assert a["C"].idxmax() == "C" and a.loc["C", "C"] > 0.3
    assert (a.sum(axis=0) < 1).all()
    assert (
        a.loc[["J", "K", "L", "M", "N"], "K"].sum() > a.loc[["A", "B", "C"], "K"].sum()
    )  # services buy services
    assert (flows.loc[["O", "P", "Q"], "FD"] / output_rows.loc[["O", "P", "Q"]] > 0.9).all()


def test_monitoring_has_all_rag_statuses():
    """Progress = (actual − baseline) / (target − baseline) (methodology brief s.7) in 2024 spans
    on-track (≥ 0.9), lagging (0.5–0.9) and off-track (< 0.5) indicators."""
    table = _read("monitoring")
    assert set(table["direction"]) <= {"increase", "decrease"}
    per_cluster = table.groupby("cluster")["indicator"].nunique()
    assert set(per_cluster.index) == set(PILOTS) and per_cluster.between(6, 10).all()
    assert table.loc[table["year"] == 2019, "target"].isna().all()
    assert table.loc[table["year"] <= 2024, "actual"].notna().all()
    assert table.loc[table["year"] > 2024, "actual"].isna().all()
    assert table.loc[table["year"] > 2019, "target"].notna().all()
    last = table[table["year"] == 2024]
    progress = (last["actual"] - last["baseline"]) / (last["target"] - last["baseline"])
    assert (
        (progress >= 0.9).any()
        and progress.between(0.5, 0.9, inclusive="left").any()
        and (progress < 0.5).any()
    )
    for cluster, group in last.assign(progress=progress).groupby("cluster"):
        assert (group["progress"] >= 0.9).any() and (group["progress"] < 0.9).any(), cluster


def test_benchmarks_cover_the_six_management_areas():
    table = _read("benchmarks")
    areas = {
        f"cm_{a}" for a in ("structure", "governance", "financing", "services", "interaction", "achievements")
    }
    assert areas <= set(table["indicator"])
    scores = table[table["unit"] == "score 0-100"]
    assert scores["value"].between(0, 100).all()
    for label in ("gold", "silver", "bronze"):
        rows = table[table["reference"] == f"ESCA {label} label median"]
        assert set(rows["indicator"]) == areas


def test_initiatives_state_the_seed_facts():
    """Seed 003 'Clustering in Turkey' (2013): MEDİKÜM 50 members; OSTİM Medical 2007 with 54 companies;
    Merzifon 2011; Bartın 2003; OSTİM defence 2008 after interviews with 77 firms; Mersin EUR 1,080,630."""
    table = pd.read_csv(SAMPLE_DIR / "initiatives.csv", dtype={"nace_divisions": str}).set_index("id")
    assert table.loc["medikum_samsun", "members"] == 50
    assert table.loc["ostim_medical", ["year", "members"]].tolist() == [2007, 54]
    assert table.loc["merzifon_kitchen_appliances", "year"] == 2011
    assert table.loc["bartin_regional_development", "year"] == 2003
    assert table.loc["ostim_defence_aerospace", "year"] == 2008
    assert "77" in table.loc["ostim_defence_aerospace", "notes"]
    assert "1,080,630" in table.loc["mersin_agrifood", "notes"]
    assert set(PILOTS) <= set(table.index)
    assert pd.isna(table.loc["aviation_space", "plate"])  # the seed names no province
    assert table["members"].notna().sum() == 2  # members only where the seed states them


def test_province_factors_schema():
    table = _read("province_factors")
    assert len(table) == 81 * len(YEARS) and not table.duplicated(["plate", "year"]).any()
    numeric = [
        "oiz_count",
        "universities",
        "vocational_graduates",
        "rd_personnel_per_10k",
        "broadband_per_100",
    ]
    assert (table[numeric] >= 0).all().all()
    assert (table.groupby("plate")["universities"].diff().dropna() >= 0).all()


# ----------------------------------------------------------------------------------------- calibration


def test_calibration_tables_carry_official_tuik_figures():
    """The carried tables reproduce TÜİK ADNKS population and TÜİK regional-accounts value added."""
    official = pd.read_csv(OFFICIAL_DIR / "tuik_adnks_population_province_2007_2025_wide.csv")
    carried = pd.read_csv(RESOURCES_DIR / "calibration" / "tuik_population_2013_2024.csv", comment="#")
    columns = [f"pop_{y}" for y in YEARS]
    pd.testing.assert_frame_equal(carried.set_index("plate")[columns], official.set_index("plate")[columns])
    gva = pd.read_csv(OFFICIAL_DIR / "tuik_province_gdp_by_sector_A10_current_prices_2023.csv")
    total = gva.loc[gva["nuts3"] == "TR", "C_manufacturing"].iloc[0] / 1000
    carried_gva = pd.read_csv(RESOURCES_DIR / "calibration" / "tuik_gva_a10_2023.csv", comment="#")
    assert carried_gva["C"].sum() == pytest.approx(total, rel=1e-6)


def test_province_totals_follow_tuik_population(employment):
    """Province totals are ranked like TÜİK ADNKS population (Spearman > 0.9 every year)."""
    population = pd.read_csv(OFFICIAL_DIR / "tuik_adnks_population_province_2007_2025_wide.csv")
    population = population.set_index("plate")
    for year in YEARS:
        totals = employment[employment["year"] == year].groupby("plate")["employment"].sum()
        assert spearmanr(totals, population.loc[totals.index, f"pop_{year}"]).statistic > 0.9, year


def test_sector_structure_follows_tuik_a10(employment, reference_data):
    """The manufacturing share of each province's employment is ranked like its manufacturing share of
    value added (TÜİK regional accounts 2023)."""
    gva = pd.read_csv(OFFICIAL_DIR / "tuik_province_gdp_by_sector_A10_current_prices_2023.csv")
    reference = pd.read_csv(reference_data / "provinces_reference.csv")[["plate", "nuts3"]]
    gva = gva.merge(reference, on="nuts3").set_index("plate")
    share_gva = gva["C_manufacturing"] / gva["total_gva"]
    year = employment[employment["year"] == 2023]
    manufacturing = year[year["nace"].between("10", "33")].groupby("plate")["employment"].sum()
    share_emp = manufacturing / year.groupby("plate")["employment"].sum()
    assert spearmanr(share_emp, share_gva.loc[share_emp.index]).statistic > 0.8


def test_national_totals_and_wages_in_official_ranges(employment, exports):
    """SGK 4/a about 13–16 million; goods exports about 150–260 billion USD; wages ×8–12 from 2013 to 2024."""
    totals = employment.groupby("year")["employment"].sum()
    assert totals.between(12.5e6, 16.8e6).all() and totals.loc[2024] > totals.loc[2013] * 1.15
    trade = exports.groupby("year")["exports_usd"].sum()
    assert trade.between(140e9, 265e9).all()
    positive = employment[employment["employment"] > 0]
    mean = positive.groupby("year").apply(
        lambda g: np.average(g["avg_wage"], weights=g["employment"]), include_groups=False
    )
    assert 8 <= mean.loc[2024] / mean.loc[2013] <= 13
    assert mean.is_monotonic_increasing


def test_shocks_2020_and_2023(employment):
    """Pandemic dip of accommodation and food service in 2020; the February 2023 earthquakes."""
    national = employment[employment["nace"].isin(["55", "56"])].groupby("year")["employment"].sum()
    assert national.loc[2020] < 0.9 * national.loc[2019]
    by_province = employment.groupby(["plate", "year"])["employment"].sum()
    for plate in EARTHQUAKE_PROVINCES:
        assert by_province.loc[(plate, 2023)] < 0.95 * by_province.loc[(plate, 2022)], plate


@pytest.mark.parametrize("cluster", sorted(PILOTS))
def test_pilot_division_is_specialised_but_not_alone(employment, cluster):
    """Each pilot's division has LQ > 1.5 in every year, and another division of the same province
    has LQ > 1.3 (pilots are not the only strong sectors)."""
    plate, division = PILOTS[cluster]
    for year in (2013, 2019, 2024):
        lq = _lq_table(employment, year).loc[plate]
        assert lq[division] > 1.5, (cluster, year)
        assert (lq.drop(division) > 1.3).any(), (cluster, year)


def test_known_specialisations(employment):
    """Real specialisations are visible (LQ > 1.3): Bursa 29, Denizli 13, Kocaeli 20 and 29, Ankara 84 and 62,
    İstanbul 64, 46 and 62, Gaziantep 13 and 10, Kahramanmaraş 13 and 14, Çorum 23 and 10, Trabzon 03 and 55,
    and the seed clusters: Diyarbakır and Elazığ 08, Eskişehir, Bilecik and Kütahya 23, Amasya 27."""
    lq = _lq_table(employment, 2023)
    expected = [
        (16, "29"),
        (20, "13"),
        (41, "20"),
        (41, "29"),
        (6, "84"),
        (6, "62"),
        (34, "64"),
        (34, "46"),
        (34, "62"),
        (27, "13"),
        (27, "10"),
        (46, "13"),
        (46, "14"),
        (19, "23"),
        (19, "10"),
        (61, "03"),
        (61, "55"),
        (21, "08"),
        (23, "08"),
        (26, "23"),
        (11, "23"),
        (43, "23"),
        (5, "27"),
    ]
    for plate, division in expected:
        assert lq.loc[plate, division] > 1.3, (plate, division)


def test_small_provinces_have_zeros_in_rare_divisions(employment):
    year = employment[employment["year"] == 2024]
    zeros = year[year["employment"] == 0].groupby("plate").size().reindex(range(1, 82), fill_value=0)
    totals = year.groupby("plate")["employment"].sum()
    assert zeros.loc[69] >= 5  # Bayburt
    assert zeros.loc[34] == 0 or zeros.loc[34] <= 2  # İstanbul has (almost) everything
    assert spearmanr(zeros, totals.loc[zeros.index]).statistic < -0.5


def test_pilot_exports_are_export_intensive(exports, employment):
    """Exports per employee of each pilot division exceed the province's average over goods divisions."""
    year_x = exports[exports["year"] == 2023].set_index(["plate", "nace"])["exports_usd"]
    year_e = employment[employment["year"] == 2023].set_index(["plate", "nace"])["employment"]
    for plate, division in PILOTS.values():
        goods = year_x.loc[plate].index
        average = year_x.loc[plate].sum() / year_e.loc[plate].loc[goods].sum()
        assert year_x.loc[(plate, division)] / year_e.loc[(plate, division)] > average, plate


# ----------------------------------------------------------------------------------------- errors and writer


def test_calibration_must_list_all_divisions(tmp_path, monkeypatch):
    shutil.copytree(RESOURCES_DIR / "calibration", tmp_path / "calibration")
    path = tmp_path / "calibration" / "assumptions_divisions.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("99,")), encoding="utf-8")
    monkeypatch.setattr(sample_inputs, "CALIBRATION_DIR", tmp_path / "calibration")
    sample_inputs.calibration.cache_clear()
    try:
        with pytest.raises(ValueError, match="must list the 88 NACE divisions"):
            sample_inputs.calibration()
    finally:
        sample_inputs.calibration.cache_clear()


def test_pilot_settings_must_match_the_pilot_clusters(tmp_path, monkeypatch):
    shutil.copytree(RESOURCES_DIR / "calibration", tmp_path / "calibration")
    path = tmp_path / "calibration" / "pilot_clusters.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    del document["clusters"]["samsun_medical"]
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(sample_inputs, "CALIBRATION_DIR", tmp_path / "calibration")
    with pytest.raises(ValueError, match="must configure the pilot clusters"):
        sample_inputs.pilot_config()


def test_firm_names_that_cannot_be_unique_raise():
    rng = np.random.default_rng(0)
    with pytest.raises(RuntimeError, match="unique firm name"):
        firm_name(rng, ["Kaya"], ["Makine"], "inputs", True, {"Kaya Makine San. ve Tic. A.Ş."})


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=20),
    decimals=st.integers(min_value=0, max_value=4),
)
def test_write_table_round_trips_at_its_decimals(values, decimals, tmp_path_factory):
    """Whatever the floats, the file reads back as the values rounded to the column's decimals."""
    path = tmp_path_factory.mktemp("w") / "t.csv"
    sample.write_table(pd.DataFrame({"x": values}), path, decimals={"x": decimals})
    back = pd.read_csv(path)["x"].to_numpy(float)
    np.testing.assert_allclose(back, np.array(values), atol=0.5 * 10.0**-decimals + 1e-9, rtol=0)
    assert path.read_bytes().endswith(b"\n") and b"\r" not in path.read_bytes()


def test_tables_agree_with_each_other(employment, exports):
    """Exports only where there is employment; monitoring actuals of employment and exports are the
    province × main-division figures of employment.csv and exports.csv."""
    merged = exports.merge(employment, on=["plate", "nace", "year"])
    assert (merged.loc[merged["employment"] == 0, "exports_usd"] == 0).all()
    monitoring = _read("monitoring")
    for cluster, (plate, division) in PILOTS.items():
        rows = monitoring[(monitoring["cluster"] == cluster) & monitoring["actual"].notna()]
        jobs = employment[(employment["plate"] == plate) & (employment["nace"] == division)]
        jobs = jobs.set_index("year")["employment"]
        observed = rows[rows["indicator"] == "employment"].set_index("year")["actual"]
        assert (observed == jobs.loc[observed.index]).all(), cluster
        sales = exports[(exports["plate"] == plate) & (exports["nace"] == division)].set_index("year")
        observed = rows[rows["indicator"] == "exports_musd"].set_index("year")["actual"]
        expected = (sales.loc[observed.index, "exports_usd"] / 1e6).round(1)
        np.testing.assert_allclose(observed.to_numpy(), expected.to_numpy(), atol=0.051)
