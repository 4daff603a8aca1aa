"""The knowledge base of Turkish cluster initiatives: the registry loads the seeds' initiatives and refuses bad
rows with one clear error naming all of them."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from clusterlib.data import DataValidationError
from clusterlib.monitoring import load_initiatives, registry_problems
from clusterlib.monitoring.initiatives import default_registry_path
from tests._shared import shared_data_dir

#: The initiatives of seed 003 ("Clustering in Turkey", items 1–18), by item: (province plate or None, year or None).
SEED_003 = {
    1: ("bartin_regional_development", 74, 2003),
    2: ("ostim_competitiveness_analysis", 6, 2007),
    3: ("ostim_defence_aerospace", 6, 2008),
    4: ("gap_organic_farming", 63, None),
    5: ("istanbul_imp_competitiveness", 34, 2006),
    6: ("konya_chamber_of_industry", 42, None),
    7: ("elazig_marble", 23, None),
    8: ("tekirdag_strategic_development", 59, None),
    9: ("mersin_agrifood", 33, None),
    10: ("medikum_samsun", 55, None),
    11: ("merzifon_kitchen_appliances", 5, 2011),
    12: ("ostim_medical", 6, 2007),
    13: ("ebk_ceramics", 26, None),
    14: ("iaosb_metal_casting", 35, None),
    15: ("izmir_organic_food", 35, None),
    16: ("inoviz_izmir_health", 35, None),
    17: ("aviation_space", None, None),
    18: ("izmir_processed_fruit_vegetables", 35, None),
}
#: Seed 004: the five pilot provinces and the selected sectors.
SEED_004 = {19: "food processing machinery", 27: "footwear", 46: "metal kitchenware", 55: "medical", 61: "shipbuilding"}

COLUMNS = "id,name_en,name_tr,plate,province,sector,nace_divisions,year,lead_organisation,members,notes\n"


@pytest.fixture(scope="module")
def registry():
    return load_initiatives()


def test_registry_holds_every_initiative_of_seed_003(registry):
    by_id = registry.set_index("id")
    for item, (ident, plate, year) in SEED_003.items():
        assert ident in by_id.index, f"seed 003 item {item} is missing"
        row = by_id.loc[ident]
        assert f"Seed 003 item {item}" in row["notes"] or f"items {item}" in row["notes"]
        assert (pd.isna(row["plate"]) if plate is None else row["plate"] == plate), ident
        assert (pd.isna(row["year"]) if year is None else row["year"] == year), ident
    # item 4 names three GAP analyses (Şanlıurfa, Diyarbakır, Adıyaman); item 7 two sectors of Elazığ
    assert {"gap_marble_diyarbakir", "gap_clothing_adiyaman", "elazig_fisheries"} <= set(by_id.index)
    assert by_id.loc["medikum_samsun", "members"] == 50 and by_id.loc["ostim_medical", "members"] == 54


def test_registry_holds_the_five_pilots_of_seed_004(registry):
    pilots = registry[registry["pilot"]]
    assert sorted(pilots["plate"]) == sorted(SEED_004)
    for plate, sector in SEED_004.items():
        assert sector in pilots.loc[pilots["plate"] == plate, "sector"].iloc[0]


def test_registry_matches_the_seed_files_where_present(registry):
    """Where the project's seed pages sit beside the checkout, every numbered item and pilot row is there."""
    seeds = shared_data_dir().parent / "seeds"
    files = sorted(seeds.glob("003_*.txt")) if seeds.is_dir() else []
    if not files:
        return  # the hard-coded lists above carry the same content for a plain clone
    text = files[0].read_text(encoding="utf-8")
    items = {int(m.group(1)) for m in re.finditer(r"^(\d+)\s*[-–]", text, flags=re.MULTILINE)}
    assert items == set(SEED_003)
    cited = " ".join(registry["notes"].dropna())
    for item in items:
        assert f"item {item}" in cited or f"items {item}" in cited
    pilot_text = next(seeds.glob("004_*.txt")).read_text(encoding="utf-8")
    for name in ("Çorum", "Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon"):
        assert f"| {name} |" in pilot_text
        assert name in set(registry.loc[registry["pilot"], "province"])


def test_registry_columns_and_types(registry):
    assert registry["id"].is_unique
    assert registry["year"].dropna().between(1990, 2030).all()
    assert all(isinstance(n, tuple) for n in registry["nace"])
    assert registry.loc[registry["id"] == "corum_food_machinery", "nace"].iloc[0] == ("28",)


def _write(tmp_path, rows: str, name="initiatives.csv"):
    path = tmp_path / name
    path.write_text(COLUMNS + rows, encoding="utf-8")
    return path


def test_bad_rows_are_one_clear_error_naming_all_of_them(tmp_path):
    path = _write(
        tmp_path,
        "ok,Good,İyi,19,Çorum,machinery,28,2012,Çorum TSO,,\n"
        "bad_province,X,X,,Kahramanmras,food,10,2010,Someone,,\n"
        "bad_year,Y,Y,6,Ankara,defence,30,2099,OSTİM,,\n"
        "bad_sector,Z,Z,35,İzmir,not a sector,00;10,2010,İAOSB,,\n",
    )
    with pytest.raises(DataValidationError) as caught:
        load_initiatives(path)
    error = caught.value
    message = str(error)
    assert error.file == "initiatives.csv" and error.row == 3 and error.column == "province"
    assert "3 problems" in message
    assert "'Kahramanmras' is not a Turkish province" in message and "Kahramanmaraş" in message  # suggestion
    assert "row 4, column 'year'" in message and "2099" in message
    assert "row 5, column 'nace_divisions'" in message and "'00'" in message


def test_lead_organisation_must_be_a_name_and_ids_unique(tmp_path):
    path = _write(tmp_path, "a,A,A,19,Çorum,x,28,2012,1234,,\na,B,B,19,Çorum,x,28,2012,TSO,,\n")
    problems = registry_problems(path)
    assert [(p.row, p.column) for p in problems] == [(2, "lead_organisation"), (3, "id")]


def test_registry_from_xlsx(tmp_path, registry):
    """Key experts may keep the registry as a workbook."""
    path = tmp_path / "initiatives.xlsx"
    source = pd.read_csv(default_registry_path(), dtype=str, keep_default_na=False)
    source.to_excel(path, index=False)
    loaded = load_initiatives(path)
    assert loaded["id"].tolist() == registry["id"].tolist()
    assert loaded["year"].equals(registry["year"])
    source.loc[0, "year"] = "2099"
    source.to_excel(path, index=False)
    with pytest.raises(DataValidationError, match="column 'year'"):
        load_initiatives(path)


def test_missing_registry_says_where(tmp_path):
    with pytest.raises(DataValidationError, match=r"initiatives\.csv"):
        default_registry_path(tmp_path)
