"""No silent wrong numbers: the ways a real folder went wrong (tests/fixtures/data/faults/)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clusterlib.data import (
    DataValidationError,
    load_tables,
    read_employment,
    read_province_factors,
)
from clusterlib.data.notes import source_of
from tests.data._data_helpers import FAULTS, FIXTURES
from tests.data.bad_inputs import _write

# ------------------------------------------------------------------------- issue 9: no silent wrong numbers
# Fixtures: tests/fixtures/data/faults/ (make_fixtures.write_faults), one per way a real folder went wrong.


def test_blank_and_dash_wages_stay_missing_and_are_counted():
    """Two blank wages and a '-' wage of Samsun are NaN (never 0, the best value of a cost criterion)."""
    table = read_employment(FAULTS / "wages_blank.csv").set_index("nace")
    assert table["avg_wage"].isna().tolist() == [True, True, False, True]
    assert table.loc["28", "avg_wage"] == 27812.5
    assert table["employment"].tolist() == [14210, 5120, 3310, 9980]  # the wage bill's rows are all there
    notes = {note.kind: note for note in source_of(table).notes}
    assert (notes["empty"].count, notes["empty"].rows) == (2, (2, 5))
    assert (notes["dash_as_missing"].count, notes["dash_as_missing"].rows) == (1, (3,))
    assert notes["empty"].text("tr") == (
        "wages_blank.csv, 'ortalama ücret' sütunu: 2 hücre boş; sıfır sayılmadı, boş bırakıldı (satırlar: 2, 5)."
    )


def test_withheld_cells_are_missing_not_zero_and_nil_cells_are_zero_with_a_count():
    table = read_employment(FAULTS / "suppressed.csv").set_index("nace")
    assert table["employment"].isna().tolist() == [False, True, False, True]
    assert table.loc["13", "employment"] == 0 and table.loc["15", "workplaces"] == 1
    notes = {(note.kind, note.column): note.count for note in source_of(table).notes}
    assert notes == {
        ("dash_as_zero", "istihdam"): 1,
        ("suppressed", "istihdam"): 2,
        ("dash_as_zero", "işyeri"): 1,
        ("suppressed", "işyeri"): 1,
        ("missing_column", "avg_wage"): 0,  # the optional wage column is absent: noted (no cells)
    }
    sentence = next(n for n in source_of(table).notes if n.kind == "suppressed").text("en")
    assert sentence == (
        "suppressed.csv, column 'istihdam': 2 cell(s) withheld for confidentiality ('*') were left missing, "
        "not read as zero (rows 3, 5)."
    )


def test_hidden_first_sheet_is_passed_over_and_the_sheet_read_is_recorded():
    table = read_employment(FAULTS / "hidden_first_sheet.xlsx")
    assert table["employment"].tolist() == [5120]  # not the stale doubled 10240 of the hidden sheet
    info = source_of(table)
    assert (info.sheet, info.skipped_sheets) == ("2023", ("eski",))
    assert info.text("tr") == "hidden_first_sheet.xlsx, '2023' sayfası"
    assert info.all_notes()[0].text("en") == (
        "hidden_first_sheet.xlsx (sheet '2023'): hidden sheets (eski) were passed over; sheet '2023' was read."
    )
    chosen = read_employment(FAULTS / "hidden_first_sheet.xlsx", sheet="eski")
    assert chosen["employment"].tolist() == [10240] and source_of(chosen).sheet == "eski"


def test_a_column_mixing_english_and_turkish_notation_is_refused_naming_the_cells():
    with pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "mixed_decimals.csv")
    error = info.value
    assert (error.row, error.column) == (2, "ortalama ücret")
    assert "'21850.5' has a decimal point, so '25.444' would read as 25.444" in str(error)
    assert "it means 25444" in str(error) and "rows 3, 4" in str(error)


def test_the_same_notation_reads_when_the_file_shows_english_decimals(tmp_path):
    """'25.444' beside '2185.5' is an English decimal when another column proves the decimal point."""
    path = _write(
        tmp_path,
        "f.csv",
        "plate,year,oiz_count,universities,vocational_graduates,rd_personnel_per_10k,broadband_per_100\n"
        "55,2023,3,2,100,25.444,12.5\n55,2024,3,2,100,2185.5,13.25\n",
    )
    assert read_province_factors(path)["rd_personnel_per_10k"].tolist() == [25.444, 2185.5]


def test_nace_group_label_is_not_folded_into_its_division():
    with pytest.raises(DataValidationError, match=r"row 2, column 'faaliyet': '10\.1' is a NACE group"):
        read_employment(FAULTS / "class_codes.csv")


def test_sgk_blank_province_row_is_an_error():
    with pytest.raises(
        DataValidationError,
        match=r"^sgk_blank_row\.xlsx \(sheet '2023'\), row 6, column 'İl': the row of 'ŞANLIURFA' has no values",
    ):
        read_employment(FAULTS / "sgk_blank_row.xlsx", coverage="partial")


def test_sgk_row_shifted_by_one_column_fails_the_sheets_own_totals():
    with pytest.raises(
        DataValidationError,
        match=r"^sgk_shifted_row\.xlsx \(sheet '2023'\), row 4, column 'TOPLAM \(E\)': the total 0 differs",
    ):
        read_employment(FAULTS / "sgk_shifted_row.xlsx", coverage="partial")


def test_province_missing_from_a_national_table_is_an_error_or_a_coverage_note():
    with pytest.raises(DataValidationError, match=r"year 2023: 77 of the 81 provinces have no rows \(Adana,"):
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2023")
    table = read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2023", coverage="partial")
    note = next(n for n in source_of(table).notes if n.kind == "coverage")
    assert (note.year, note.count) == (2023, 77) and "Bayburt" in note.items
    assert note.text("tr").startswith("employment_sgk.xlsx ('2023' sayfası), 2023: 77 il yok (Adana,")


def test_a_complete_national_table_passes_the_coverage_check(tmp_path):
    names = [
        name
        for name in pd.read_csv(
            Path(__file__).parents[1] / "fixtures" / "reference" / "provinces_reference.csv"
        )["name_tr"]
    ]
    rows = "".join(f"{name},10,2023,{k + 1}\n" for k, name in enumerate(names))
    table = read_employment(_write(tmp_path, "e.csv", "il,nace,yıl,istihdam\n" + rows), coverage="all")
    assert len(table) == 81 and source_of(table).notes[-1].kind == "missing_column"


def test_sgk_yearbook_with_one_sheet_per_year_reads_into_one_long_table():
    table = read_employment(FAULTS / "sgk_yearbook.xlsx", sheet="all", coverage="partial")
    assert sorted(set(table["year"])) == [2022, 2023]
    assert len(table) == 2 * 4 * 3 and not table.duplicated(["plate", "nace", "year"]).any()
    assert table.loc[(table["plate"] == 27) & (table["nace"] == "15"), "employment"].tolist() == [
        43980,
        43980,
    ]
    info = source_of(table)
    assert info.sheet == "2023, 2022"  # the hidden 'notlar' sheet is not read
    kinds = [(n.kind, n.column, n.year) for n in info.notes]
    assert kinds.count(("missing_column", "avg_wage", None)) == 1  # once for the workbook, not per sheet
    assert {n.year for n in info.notes if n.kind == "coverage"} == {2022, 2023}


def test_many_problems_are_reported_at_once_first_20_and_a_count():
    with pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "many_problems.csv")
    error = info.value
    assert len(error.problems) == 27
    lines = str(error).splitlines()
    assert lines[0] == "many_problems.csv: 27 problems (the first 20 listed):"
    assert lines[1] == "  row 2, column 'istihdam': 'yok' is not a number; expected a whole number ≥ 0"
    assert lines[-1] == "  … and 7 more" and len(lines) == 22
    assert [(p.row, p.column) for p in error.problems][-2:] == [(26, "istihdam"), (27, "il")]
    assert all(p.file == "many_problems.csv" and p.row and p.column for p in error.problems)


def test_both_csv_and_xlsx_of_a_table_are_refused():
    with pytest.raises(
        DataValidationError,
        match=r"both employment\.csv and employment\.xlsx are in the data folder 'folder_both'",
    ):
        load_tables(FAULTS / "folder_both", tables=["employment"], coverage="partial")


def test_partial_folder_lists_every_missing_table_at_once():
    folder = FAULTS / "folder_partial"
    with pytest.raises(DataValidationError) as info:
        load_tables(folder, step="sector_selection")
    error = info.value
    assert [(m.table, m.required) for m in error.missing] == [
        ("employment", True),
        ("exports", False),
        ("stakeholders", False),
        ("initiatives", False),
        ("province_factors", False),
    ]
    text = str(error)
    assert text.startswith("1 required table(s) missing from the data folder 'folder_partial'")
    assert "employment.csv is missing: required for Sector selection" in text
    assert "exports.csv is missing: Sector selection runs without it, leaving out what depends on it" in text

    tables = load_tables(folder, required=["io_table"], optional=["exports", "stakeholders", "initiatives"])
    assert list(tables) == ["io_table"] and tables.folder == "folder_partial"
    assert [m.table for m in tables.missing] == ["exports", "stakeholders", "initiatives"]
    assert not any(m.required for m in tables.missing)
    # exports: sector selection and monitoring both run without it (monitoring's export indicators left out)
    assert tables.text("tr")[0].startswith("exports.csv yok: Sektör seçimi; İzleme ve kıyaslama onsuz çalışır")


def test_employment_without_optional_columns_loads_and_says_so(tmp_path):
    path = _write(tmp_path, "e.csv", "il,nace,yıl,istihdam\nÇorum,28,2023,5\n")
    table = read_employment(path)
    assert list(table.columns) == ["plate", "province", "nace", "year", "employment"]
    assert [(n.kind, n.column) for n in source_of(table).notes] == [
        ("missing_column", "workplaces"),
        ("missing_column", "avg_wage"),
    ]
