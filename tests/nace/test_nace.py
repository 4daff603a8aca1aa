"""Tests of clusterlib.nace: NACE Rev. 2 tables, code normalisation, A10 aggregates and cluster definitions.

Sources cited below:

* Eurostat (2008). *NACE Rev. 2 — Statistical classification of economic activities in the European
  Community*. Methodologies and Working papers. Luxembourg: Office for Official Publications of the
  European Communities. ISBN 978-92-79-04741-1. (Structure: 21 sections, 88 divisions, 272 groups,
  615 classes; titles in Part III.)
* TÜİK (Türkiye İstatistik Kurumu). *NACE Rev. 2 Ekonomik Faaliyet Sınıflaması* (Turkish version,
  distributed through Eurostat RAMON), identical to NACE Rev. 2 down to the class.
* TÜİK, *İl bazında gayrisafi yurt içi hasıla, A10 iktisadi faaliyet kollarına göre* (2023, current
  prices): ``clusterlib/resources/official/tuik_province_gdp_by_sector_A10_current_prices_2023.csv``.
"""

from __future__ import annotations

import os
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib import nace, regions
from clusterlib.official import OFFICIAL_DIR

# Eurostat (2008), Part III: the division ranges of each section.
EUROSTAT_SECTION_RANGES = {
    "A": (1, 3), "B": (5, 9), "C": (10, 33), "D": (35, 35), "E": (36, 39), "F": (41, 43), "G": (45, 47),
    "H": (49, 53), "I": (55, 56), "J": (58, 63), "K": (64, 66), "L": (68, 68), "M": (69, 75), "N": (77, 82),
    "O": (84, 84), "P": (85, 85), "Q": (86, 88), "R": (90, 93), "S": (94, 96), "T": (97, 98), "U": (99, 99),
}  # fmt: skip
# The numbers 1-99 that are not divisions in NACE Rev. 2.
EUROSTAT_DIVISION_GAPS = {"04", "34", "40", "44", "48", "54", "57", "67", "76", "83", "89"}


def _all_codes() -> list[str]:
    return sorted(
        nace.divisions()["code"].tolist() + nace.groups()["code"].tolist() + nace.classes()["code"].tolist()
    )


# --- the classification tables --------------------------------------------------------------------


def test_structure_eurostat_2008():
    """Eurostat (2008), NACE Rev. 2, Part I ch. 2: 21 sections, 88 divisions, 272 groups, 615 classes."""
    assert len(nace.sections()) == 21
    assert len(nace.divisions()) == 88
    assert len(nace.groups()) == 272
    assert len(nace.classes()) == 615
    codes = _all_codes()
    assert len(codes) == len(set(codes)) == 88 + 272 + 615


def test_sections_are_a_to_u_eurostat_2008():
    """Eurostat (2008): sections are the letters A to U, in order."""
    assert nace.sections()["code"].tolist() == list("ABCDEFGHIJKLMNOPQRSTU")


def test_divisions_and_their_sections_eurostat_2008():
    """Eurostat (2008), Part III: the 88 divisions, the gaps between them and each section's range."""
    table = nace.divisions()
    expected = {f"{n:02d}" for n in range(1, 100)} - EUROSTAT_DIVISION_GAPS
    assert set(table["code"]) == expected and table["code"].is_unique
    assert table["code"].str.fullmatch(r"\d{2}").all()
    for row in table.itertuples():
        low, high = EUROSTAT_SECTION_RANGES[row.section]
        assert low <= int(row.code) <= high, row.code


def test_every_group_and_class_sits_under_an_existing_parent():
    """Eurostat (2008): each class belongs to one group, each group to one division; no group is empty."""
    divisions = set(nace.divisions()["code"])
    groups = set(nace.groups()["code"])
    class_codes = nace.classes()["code"]
    assert nace.groups()["code"].str.fullmatch(r"\d{2}\.\d").all()
    assert class_codes.str.fullmatch(r"\d{2}\.\d{2}").all()
    assert {code[:2] for code in groups} == divisions
    assert set(class_codes.str[:4]) == groups


@pytest.mark.parametrize(
    ("code", "name_en"),
    [
        ("A", "Agriculture, forestry and fishing"),
        ("C", "Manufacturing"),
        ("D", "Electricity, gas, steam and air conditioning supply"),
        ("U", "Activities of extraterritorial organisations and bodies"),
    ],
)
def test_section_titles_eurostat_2008(code, name_en):
    """Eurostat (2008), Part III: section titles (stored in sentence case)."""
    assert nace.name(code, lang="en") == name_en


@pytest.mark.parametrize(
    ("code", "name_tr"),
    [
        ("C", "İmalat"),
        ("D", "Elektrik, gaz, buhar ve iklimlendirme üretimi ve dağıtımı"),
        ("G", "Toptan ve perakende ticaret; motorlu kara taşıtlarının ve motosikletlerin onarımı"),
        ("R", "Kültür, sanat, eğlence, dinlence ve spor"),
    ],
)
def test_section_titles_tuik(code, name_tr):
    """TÜİK, NACE Rev. 2 Ekonomik Faaliyet Sınıflaması: section titles (stored in sentence case)."""
    assert nace.name(code) == name_tr


@pytest.mark.parametrize(
    ("code", "name_en"),
    [
        ("15", "Manufacture of leather and related products"),
        ("28", "Manufacture of machinery and equipment n.e.c."),
        ("30", "Manufacture of other transport equipment"),
        ("32", "Other manufacturing"),
        (
            "16",
            "Manufacture of wood and of products of wood and cork, except furniture; "
            "manufacture of articles of straw and plaiting materials",
        ),
        ("96", "Other personal service activities"),
    ],
)
def test_division_titles_eurostat_2008(code, name_en):
    """Eurostat (2008), Part III: division titles."""
    assert nace.name(code, lang="en") == name_en


@pytest.mark.parametrize(
    ("code", "name_tr"),
    [
        ("02", "Ormancılık ile endüstriyel ve yakacak odun üretimi"),
        ("15", "Deri ve ilgili ürünlerin imalatı"),
        ("24", "Ana metal sanayii"),
        ("28", "Başka yerde sınıflandırılmamış makine ve ekipman imalatı"),
        ("30", "Diğer ulaşım araçlarının imalatı"),
        ("32", "Diğer imalatlar"),
    ],
)
def test_division_titles_tuik(code, name_tr):
    """TÜİK, NACE Rev. 2 Ekonomik Faaliyet Sınıflaması: division titles."""
    assert nace.name(code, lang="tr") == name_tr


@pytest.mark.parametrize(
    ("code", "name_en", "name_tr"),
    [
        ("15.20", "Manufacture of footwear", "Ayakkabı, bot, terlik vb. imalatı"),
        (
            "28.93",
            "Manufacture of machinery for food, beverage and tobacco processing",
            "Gıda, içecek ve tütün işleme makineleri imalatı",
        ),
        ("30.11", "Building of ships and floating structures", "Gemilerin ve yüzen yapıların inşası"),
        (
            "32.50",
            "Manufacture of medical and dental instruments and supplies",
            "Tıbbi ve dişçilik ile ilgili araç ve gereçlerin imalatı",
        ),
        ("24.51", "Casting of iron", "Demir döküm"),
        (
            "10.3",
            "Processing and preserving of fruit and vegetables",
            "Sebze ve meyvelerin işlenmesi ve saklanması",
        ),
        ("03.22", "Freshwater aquaculture", "Tatlı su ürünleri yetiştiriciliği"),
    ],
)
def test_group_and_class_titles_eurostat_2008_and_tuik(code, name_en, name_tr):
    """Eurostat (2008) and TÜİK NACE Rev. 2: titles of groups and classes used by the pilot clusters."""
    assert nace.name(code, lang="en") == name_en
    assert nace.name(code, lang="tr") == name_tr


def test_groups_and_classes_of_sections_a_to_c_carry_both_titles():
    """Every group and class in sections A–C (where cluster work sits) has an English and a Turkish title."""
    table = pd.concat([nace.groups(), nace.classes()])
    abc = table[table["section"].isin(list("ABC"))]
    assert abc["name_en"].notna().all() and abc["name_tr"].notna().all()
    assert (abc["name_en"].str.len() > 0).all() and (abc["name_tr"].str.len() > 0).all()


def test_division_titles_and_short_labels_are_complete():
    """Every division has both official titles and both short chart labels; labels are short and unique."""
    table = nace.divisions()
    for column in ("name_en", "name_tr", "short_en", "short_tr"):
        assert (table[column].str.strip().str.len() > 0).all(), column
    for column in ("short_en", "short_tr"):
        assert table[column].is_unique, column
        assert (table[column].str.len() <= 40).all(), column
    assert nace.name("15", short=True) == "Deri ve ayakkabı"
    assert nace.name("15", lang="en", short=True) == "Leather & footwear"


def test_division_record():
    """division() returns the record of the division that contains any code."""
    record = nace.division("C15.2")
    assert (record.code, record.section, record.a10) == ("15", "C", "BCDE_industry")
    assert record.name_en == "Manufacture of leather and related products"
    assert record.to_dict()["short_tr"] == "Deri ve ayakkabı"


# --- A10 ------------------------------------------------------------------------------------------


def test_a10_columns_match_tuik_province_gdp_table():
    """TÜİK province GDP by A10 (2023, current prices): the aggregate columns, in the file's order."""
    file = OFFICIAL_DIR / "tuik_province_gdp_by_sector_A10_current_prices_2023.csv"
    header = pd.read_csv(file, nrows=0).columns.tolist()
    between = header[header.index("year") + 1 : header.index("total_gva")]
    assert between == list(nace.A10_SECTIONS)


def test_every_division_maps_to_one_a10_aggregate():
    """The ten A10 aggregates partition the 21 sections; C_manufacturing is the sub-item of BCDE_industry."""
    letters = "".join(nace.A10_SECTIONS[code] for code in nace.A10_CODES)
    assert sorted(letters) == list("ABCDEFGHIJKLMNOPQRSTU")
    table = nace.divisions()
    assert table["a10"].isin(nace.A10_CODES).all()
    for row in table.itertuples():
        assert row.section in nace.A10_SECTIONS[row.a10]
    assert set(nace.A10_SECTIONS["C_manufacturing"]) <= set(nace.A10_SECTIONS["BCDE_industry"])
    assert nace.a10().set_index("code").at["C_manufacturing", "parent"] == "BCDE_industry"


@pytest.mark.parametrize(
    ("code", "expected", "split"),
    [
        ("01.25", "A_agriculture", False),
        ("15.20", "BCDE_industry", False),
        ("15.20", "C_manufacturing", True),
        ("35", "BCDE_industry", True),
        ("41", "F_construction", False),
        ("55", "GHI_services_trade_transport_accom", False),
        ("62", "J_ict", False),
        ("72", "MN_professional_admin", False),
        ("85", "OPQ_public_edu_health", False),
        ("99", "RSTU_other_services", False),
    ],
)
def test_a10_of(code, expected, split):
    """Sections of each TÜİK A10 aggregate (A; B–E with C; F; G–I; J; K; L; M–N; O–Q; R–U)."""
    assert nace.a10_of(code, split_manufacturing=split) == expected


def test_manufacturing_and_tradable_helpers():
    """Section C is manufacturing; the project treats sections A–C as tradable."""
    assert nace.is_manufacturing("33.15") and not nace.is_manufacturing("09")
    assert nace.is_tradable("03.22") and nace.is_tradable("08.11") and nace.is_tradable("C")
    assert not nace.is_tradable("52") and not nace.is_tradable("86")


# --- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        (15, "15"),
        ("15", "15"),
        ("C15", "15"),
        ("c 15", "15"),
        ("15.2", "15.2"),
        ("15.20", "15.20"),
        ("1520", "15.20"),
        ("C15.2", "15.2"),
        ("C-1520", "15.20"),
        ("15,20", "15.20"),
        (" 15.20 ", "15.20"),
        (1, "01"),
        ("5", "05"),
        ("01.1", "01.1"),
        (1520, "15.20"),
        (15.2, "15.2"),
        (28.0, "28"),
        ("B08.11", "08.11"),
        ("99.00", "99.00"),
    ],
)
def test_normalize_code(given_, expected):
    """Integers, floats, dotted, undotted, decimal-comma and letter-prefixed codes give the dotted form."""
    assert nace.normalize_code(given_) == expected


@given(st.sampled_from(_all_codes()))
def test_normalize_code_round_trips(code):
    """Any existing code survives normalisation, dropping its dot and prefixing its section letter."""
    assert nace.normalize_code(code) == code
    assert nace.normalize_code(code.replace(".", "")) == code
    section = nace.section_of(code)
    assert nace.normalize_code(f"{section}{code}") == code
    assert nace.division_of(code) == code[:2]
    assert nace.is_within(code, code[:2]) and nace.is_within(code, section)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("15", "C"), ("15.20", "C"), ("05.10", "B"), ("99", "U"), (1, "A"), ("c", "C"), ("86.10", "Q")],
)
def test_section_of(code, expected):
    """Eurostat (2008): section of a division, group or class (a section letter maps to itself)."""
    assert nace.section_of(code) == expected


def test_division_of_and_level_of():
    assert nace.division_of("15.20") == "15"
    assert nace.division_of("C152") == "15"
    assert [nace.level_of(x) for x in ("C", "15", "15.2", "15.20")] == [
        "section",
        "division",
        "group",
        "class",
    ]


def test_is_within():
    assert nace.is_within("15.20", "15.2")
    assert nace.is_within("15.20", "15")
    assert not nace.is_within("15.12", "15.2")
    assert not nace.is_within("15", "15.20")  # a division is not inside one of its classes


def test_normalize_code_rejects_junk():
    with pytest.raises(
        ValueError,
        match=re.escape(
            "'nace' code 'ZZ' is not a NACE Rev.2 code; "
            "expected a division like '15', a group like '15.2' or a class like '15.20'"
        ),
    ):
        nace.normalize_code("ZZ")


@pytest.mark.parametrize("junk", [None, True, "", "15.", "X15", [15], float("nan"), -3, "1.2.3.4.5"])
def test_normalize_code_rejects_non_codes(junk):
    with pytest.raises(ValueError, match=r"is not a NACE Rev.2 code; expected a division like '15'"):
        nace.normalize_code(junk)


def test_normalize_code_unknown_division_suggests_neighbours():
    with pytest.raises(ValueError, match=r"'04' is not a NACE Rev.2 division .*did you mean '03', '05'"):
        nace.normalize_code("04")


def test_normalize_code_unknown_class_suggests_neighbours():
    with pytest.raises(ValueError, match=r"'15.21' is not a NACE Rev.2 class .*did you mean '15.20'"):
        nace.normalize_code("15.21")


def test_normalize_code_unknown_group():
    with pytest.raises(ValueError, match=r"'15.3' is not a NACE Rev.2 group"):
        nace.normalize_code("15.3")


def test_normalize_code_hints_at_a_lost_leading_zero():
    with pytest.raises(ValueError, match=r"111 is not a NACE Rev.2 group \('11.1'\); did you mean '01.11'"):
        nace.normalize_code(111)


def test_normalize_code_section_letter_must_match():
    with pytest.raises(
        ValueError, match="section letter 'C' does not match division '05', which is in section 'B'"
    ):
        nace.normalize_code("C05")


def test_normalize_code_six_digit_national_code():
    with pytest.raises(ValueError, match=r"6-digit national activity code: pass its class '15.20'"):
        nace.normalize_code("15.20.01")


def test_normalize_code_section_letter_alone():
    with pytest.raises(ValueError, match="'C' is a section letter"):
        nace.normalize_code("C")


# --- names: errors --------------------------------------------------------------------------------


def test_name_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'de'"):
        nace.name("15", lang="de")


def test_name_short_only_for_divisions():
    with pytest.raises(
        ValueError, match=r"short labels exist for divisions only, got '15.20'; use name\('15'"
    ):
        nace.name("15.20", short=True)


def test_name_short_not_for_sections():
    with pytest.raises(ValueError, match="short labels exist for divisions only, got section 'C'"):
        nace.name("C", short=True)


def test_name_without_stored_title():
    with pytest.raises(ValueError, match=r"no title is stored for '62.01' .*use its division: name\('62'\)"):
        nace.name("62.01")


# --- clusters -------------------------------------------------------------------------------------

PILOTS = {
    "corum_food_machinery": ("Çorum", "28"),
    "gaziantep_footwear": ("Gaziantep", "15"),
    "kahramanmaras_metal_kitchenware": ("Kahramanmaraş", "25"),
    "samsun_medical": ("Samsun", "32"),
    "trabzon_shipbuilding": ("Trabzon", "30"),
}


def test_cluster_file_is_valid_and_codes_are_canonical():
    """Every cluster code is an existing NACE Rev. 2 code in canonical form; provinces are real provinces."""
    table = nace.clusters()
    assert table["id"].is_unique
    assert list(table.columns) == [
        "id", "name_en", "name_tr", "provinces", "codes", "divisions", "main_division", "pilot",
        "provisional", "source",
    ]  # fmt: skip
    for row in table.itertuples():
        assert row.codes and all(nace.normalize_code(code) == code for code in row.codes), row.id
        assert row.divisions == sorted(set(row.divisions), key=row.divisions.index)
        assert set(row.divisions) == {code[:2] for code in row.codes}
        assert row.main_division in row.divisions
        assert all(regions.province(p).name == p for p in row.provinces)
        assert row.name_en.strip() and row.name_tr.strip() and row.source.strip()


def test_pilot_clusters_methodology_brief():
    """Methodology brief s.1: five pilot provinces and their selected sectors, with the division used for
    division-level data (Çorum 28, Gaziantep 15, Kahramanmaraş 25, Samsun 32, Trabzon 30)."""
    table = nace.clusters()
    pilots = table[table["pilot"]]
    assert (
        dict(
            zip(
                pilots["id"],
                zip(pilots["provinces"].str[0], pilots["main_division"], strict=True),
                strict=True,
            )
        )
        == PILOTS
    )
    assert [provinces[0] for provinces in pilots["provinces"]] == list(regions.PILOT_PROVINCES)
    assert "28.93" in nace.cluster("corum_food_machinery").codes
    assert "15.20" in nace.cluster("gaziantep_footwear").codes
    assert {"25.99", "27.51"} <= set(nace.cluster("kahramanmaras_metal_kitchenware").codes)
    assert "32.50" in nace.cluster("samsun_medical").codes
    assert "30.11" in nace.cluster("trabzon_shipbuilding").codes


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Çorum", "28"),
        ("CORUM", "28"),
        ("Gaziantep", "15"),
        ("Antep", "15"),
        ("K.Maraş", "25"),
        ("samsun", "32"),
        ("TRABZON", "30"),
        ("trabzon_shipbuilding", "30"),
        ("ebk_ceramics", "23"),
    ],
)
def test_pilot_division(key, expected):
    assert nace.pilot_division(key) == expected


def test_pilot_division_non_pilot_province():
    with pytest.raises(
        ValueError, match=r"'Ankara' is not a pilot province; .*clusters defined there: \['ostim"
    ):
        nace.pilot_division("Ankara")


def test_pilot_division_unknown_text():
    with pytest.raises(ValueError, match=r"'province_or_cluster' must be a pilot province .* got 'Gaziantp'"):
        nace.pilot_division("Gaziantp")


def test_seed_003_clusters_are_defined():
    """Seed 003 ("Clustering in Turkey", 2013): the initiatives that name a sector are all defined."""
    expected = {
        "bartin_footwear", "ostim_defence_aerospace", "gap_organic_farming", "gap_marble_diyarbakir",
        "gap_clothing_adiyaman", "konya_machinery_automotive", "elazig_marble", "elazig_fisheries",
        "mersin_agrifood", "medikum_samsun", "merzifon_kitchen_appliances", "ostim_medical", "ebk_ceramics",
        "iaosb_metal_casting", "izmir_organic_food", "inoviz_izmir_health", "aviation_space",
        "izmir_processed_fruit_vegetables",
    }  # fmt: skip
    assert expected <= set(nace.clusters()["id"])
    assert nace.cluster("ebk_ceramics").provinces == ("Eskişehir", "Bilecik", "Kütahya")
    assert nace.cluster("iaosb_metal_casting").codes == ("24.51", "24.52", "24.53", "24.54")
    assert nace.cluster("gap_clothing_adiyaman").codes == ("14",)


def test_cluster_record():
    record = nace.cluster("izmir_processed_fruit_vegetables")
    assert record.covers("10.32") and record.covers("10.3") and not record.covers("10.41")
    assert record.name(lang="en") == "İzmir Processed Fruit and Vegetables Cluster"
    assert record.to_dict()["codes"] == ["10.3"]


def test_cluster_unknown_id():
    with pytest.raises(
        nace.UnknownClusterError, match=r"'cluster_id' must be one of \['corum_food_machinery'"
    ):
        nace.cluster("corum")


def test_cluster_name_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'fr'"):
        nace.cluster("samsun_medical").name(lang="fr")


# --- cluster file validation ------------------------------------------------------------------------

GOOD_ENTRY = """
  - id: demo
    name_en: Demo
    name_tr: Deneme
    provinces: [Gaziantep]
    codes: ["15.20"]
    main_division: "15"
    pilot: false
    source: test
"""


def _write(tmp_path, text: str):
    file = tmp_path / "clusters.yaml"
    file.write_text(text, encoding="utf-8")
    return file


def _entry(**changes: str) -> str:
    text = GOOD_ENTRY
    for key, value in changes.items():
        text = re.sub(rf"(?m)^    {key}: .*$", f"    {key}: {value}" if value else "", text)
    return "clusters:" + text


def test_cluster_file_good_entry(tmp_path):
    table = nace.clusters(path=_write(tmp_path, _entry()))
    assert table["id"].tolist() == ["demo"] and table["codes"].tolist() == [["15.20"]]


def test_cluster_file_unquoted_code(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError,
        match=r"clusters.yaml: clusters\[0\] \(demo\).codes\[0\]: 15.2: YAML read this code as a number",
    ):
        nace.clusters(path=_write(tmp_path, _entry(codes="[15.20]")))


def test_cluster_file_unknown_code(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError,
        match=r"clusters.yaml: clusters\[0\] \(demo\).codes\[0\]: .*'15.21'.*did you mean '15.20'",
    ):
        nace.clusters(path=_write(tmp_path, _entry(codes='["15.21"]')))


def test_cluster_file_junk_code(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"\(demo\).codes\[0\]: 'nace' code 'ZZ' is not"):
        nace.clusters(path=_write(tmp_path, _entry(codes='["ZZ"]')))


def test_cluster_file_duplicate_code(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"code\(s\) \['15.20'\] listed more than once"):
        nace.clusters(path=_write(tmp_path, _entry(codes='["15.20", "1520"]')))


def test_cluster_file_unknown_province(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError,
        match=r"\(demo\).provinces\[0\]: 'Gaziantp' is not .*did you mean 'Gaziantep'",
    ):
        nace.clusters(path=_write(tmp_path, _entry(provinces="[Gaziantp]")))


def test_cluster_file_main_division_outside_codes(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"'main_division' '14' must be the division of one"
    ):
        nace.clusters(path=_write(tmp_path, _entry(main_division='"14"')))


def test_cluster_file_missing_field(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"clusters\[0\] \(demo\): missing required key 'source'"
    ):
        nace.clusters(path=_write(tmp_path, _entry(source="")))


def test_cluster_file_unknown_field(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"\(demo\): unknown key 'sector'; allowed keys are \['id'"
    ):
        nace.clusters(path=_write(tmp_path, _entry() + "    sector: shoes\n"))


def test_cluster_file_bad_id(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"\(Gaziantep Footwear\).id: must be snake_case ASCII"
    ):
        nace.clusters(path=_write(tmp_path, _entry().replace("id: demo", 'id: "Gaziantep Footwear"')))


def test_cluster_file_duplicate_id(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"clusters.yaml: id\(s\) \['demo'\] used twice"):
        nace.clusters(path=_write(tmp_path, _entry() + GOOD_ENTRY))


def test_cluster_file_pilot_not_boolean(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"\(demo\).pilot: expected true or false, got str 'yes please'"
    ):
        nace.clusters(path=_write(tmp_path, _entry(pilot='"yes please"')))


def test_cluster_file_empty_name(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"\(demo\).name_tr: must be a non-empty text"):
        nace.clusters(path=_write(tmp_path, _entry(name_tr='""')))


def test_cluster_file_empty_codes(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError,
        match=r"\(demo\).codes: expected a non-empty list of codes, got list \[\]",
    ):
        nace.clusters(path=_write(tmp_path, _entry(codes="[]")))


def test_cluster_file_entry_not_mapping(tmp_path):
    with pytest.raises(
        nace.ClusterDefinitionError, match=r"clusters\[0\]: expected a mapping with keys \['id'"
    ):
        nace.clusters(path=_write(tmp_path, "clusters:\n  - just text\n"))


def test_cluster_file_without_clusters_list(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"clusters.yaml: missing required key 'clusters'"):
        nace.clusters(path=_write(tmp_path, "version: 1\n"))


def test_cluster_file_invalid_yaml(tmp_path):
    with pytest.raises(nace.ClusterDefinitionError, match=r"clusters.yaml: line 2, column 1: not valid YAML"):
        nace.clusters(path=_write(tmp_path, "clusters: [\n"))


def test_cluster_file_missing(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"cluster file '.*nowhere.yaml' does not exist"):
        nace.clusters(path=tmp_path / "nowhere.yaml")


def test_cluster_file_edits_are_picked_up(tmp_path):
    """The loader caches by modification time, so a key expert's edit shows on the next call."""
    file = _write(tmp_path, _entry())
    assert nace.cluster("demo", path=file).codes == ("15.20",)
    file.write_text(_entry(codes='["15.11"]'), encoding="utf-8")
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert nace.cluster("demo", path=file).codes == ("15.11",)
