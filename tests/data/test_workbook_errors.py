"""Workbooks that go wrong: hidden sheets, SGK layouts, totals that do not add up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from clusterlib.data import (
    DataValidationError,
    read_employment,
)
from tests.data._data_helpers import FIXTURES

# --------------------------------------------------------------------------------------- workbook errors


def _xlsx(tmp_path: Path, rows: list[list[object]], sheet: str = "2023", name: str = "sgk.xlsx") -> Path:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


_SGK_HEAD = [["4/a sigortalılar"], ["İl", "10 - Gıda ürünlerinin imalatı", "15 - Deri ürünleri", "Toplam"]]


def test_sgk_without_recognisable_header(tmp_path):
    path = _xlsx(tmp_path, [["Rapor"], ["Bölge", "Değer"], ["Karadeniz", 5]])
    with pytest.raises(
        DataValidationError,
        match=r"^sgk\.xlsx \(sheet '2023'\): has no recognisable header in its first 20 rows: neither "
        r"tidy column "
        r"headings .* nor an SGK-style row of activity headings",
    ):
        read_employment(path)


def test_sgk_without_year(tmp_path):
    path = _xlsx(tmp_path, [*_SGK_HEAD, ["Çorum", 5, 6, 11]], sheet="Sayfa1")
    with pytest.raises(
        DataValidationError,
        match=r"^sgk\.xlsx \(sheet 'Sayfa1'\): no year in the sheet name and title rows; pass year=",
    ):
        read_employment(path)


def test_sgk_total_differs_from_sum(tmp_path):
    path = _xlsx(tmp_path, [*_SGK_HEAD, ["Çorum", 5, 6, 11], ["Samsun", 7, 8, 16], ["TOPLAM", 12, 14, 27]])
    with pytest.raises(
        DataValidationError,
        match=r"^sgk\.xlsx \(sheet '2023'\), row 4, column 'Toplam \(D\)': the total 16 differs from the "
        r"sum of the "
        r"activities, 15$",
    ):
        read_employment(path, coverage="partial")  # checked by default
    unchecked = read_employment(path, check_totals=False, coverage="partial")
    assert unchecked["employment"].tolist() == [5, 6, 7, 8]


def test_sgk_total_row_differs_from_sum(tmp_path):
    path = _xlsx(tmp_path, [*_SGK_HEAD, ["Çorum", 5, 6, 11], ["Samsun", 7, 8, 15], ["TOPLAM", 12, 15, 27]])
    with pytest.raises(
        DataValidationError,
        match=r"row 5, column '15 - Deri ürünleri \(C\)': the total 15 differs from the sum of the "
        r"provinces, 14$",
    ):
        read_employment(path, check_totals=True)


def test_sgk_misspelled_province_points_at_the_cell(tmp_path):
    path = _xlsx(tmp_path, [*_SGK_HEAD, ["Çorum", 5, 6, 11], ["GAZİANTEB", 7, 8, 15]])
    with pytest.raises(
        DataValidationError,
        match=r"^sgk\.xlsx \(sheet '2023'\), row 4, column 'İl': 'GAZİANTEB' is not a province; "
        r"did you mean 'Gaziantep'\?$",
    ):
        read_employment(path)


def test_sgk_bad_value_names_activity_and_column_letter(tmp_path):
    path = _xlsx(tmp_path, [*_SGK_HEAD, ["Çorum", 5, "yok?", 11]])
    with pytest.raises(
        DataValidationError,
        match=r"row 3, column '15 - Deri ürünleri \(C\)': 'yok\?' is not a number; expected a whole "
        r"number ≥ 0",
    ):
        read_employment(path)


def test_sgk_heading_that_is_not_a_division(tmp_path):
    path = _xlsx(tmp_path, [["İl", "10 - Gıda", "15 - Deri", "Gıda ve içecek"], ["Çorum", 5, 6, 11]])
    with pytest.raises(
        DataValidationError,
        match=r"row 1, column 'D': 'Gıda ve içecek' is not a NACE Rev\. 2 division; expected an activity "
        r"heading",
    ):
        read_employment(path)


def test_sgk_unknown_measure(tmp_path):
    rows = [
        ["2023"],
        ["İl", "10 - Gıda", None, "15 - Deri", None],
        [None, "Sigortalı", "Prim günü", "Sigortalı", "İşyeri"],
    ]
    path = _xlsx(tmp_path, [*rows, ["Çorum", 5, 100, 6, 1]], sheet="Sheet")
    with pytest.raises(
        DataValidationError,
        match=r"row 3, column 'C': 'Prim günü' under '10 - Gıda' is not a measure this reader knows; "
        r"expected 'Sigortalı'",
    ):
        read_employment(path)


def test_sgk_division_twice(tmp_path):
    path = _xlsx(tmp_path, [["İl", "10 - Gıda", "C10", "15"], ["Çorum", 5, 6, 11]])
    with pytest.raises(
        DataValidationError, match=r"row 1, column 'C': division 10 appears twice \(columns B and C\)"
    ):
        read_employment(path)


BAD_WORKBOOKS = {
    "no province column": (
        [["10 - Gıda", "15 - Deri"], [5, 6]],
        r"^sgk\.xlsx \(sheet '2023'\), row 1: has activity headings in row 1 but no column of province names",
    ),
    "values without province": (
        [["İl", "10", "15"], ["Çorum", 1, 2], [None, 3, 4]],
        r"^sgk\.xlsx \(sheet '2023'\), row 3, column 'İl': has values but no province$",
    ),
    "no insured employees": (
        [["İl", "10 - Gıda", "15 - Deri"], [None, "İşyeri", "İşyeri"], ["Çorum", 5, 1]],
        r"row 2: has activity columns but none of insured employees \(Sigortalı\)",
    ),
    "value in a column without heading": (
        [["İl", "10", "15", None], ["Çorum", 1, 2, 3]],
        r"^sgk\.xlsx \(sheet '2023'\), row 2, column 'D': holds a value in a column without heading$",
    ),
    "no rows below the headings": (
        [["Plaka", "10", "15"], ["Kaynak: SGK", None, None]],
        r"row 1: has activity headings in row 1 but no province rows below them",
    ),
    "a province row left blank": (
        [["İl", "10", "15"], ["Çorum", None, None], ["Samsun", 3, 4], ["Kaynak: SGK", None, None]],
        r"^sgk\.xlsx \(sheet '2023'\), row 2, column 'İl': the row of 'Çorum' has no values; a province left "
        r"blank changes the national totals",
    ),
    "empty sheet": ([], r"^sgk\.xlsx \(sheet '2023'\): is empty"),
}


@pytest.mark.parametrize("case", list(BAD_WORKBOOKS))
def test_bad_workbook_raises_located_error(tmp_path, case):
    rows, match = BAD_WORKBOOKS[case]
    with pytest.raises(DataValidationError, match=match):
        read_employment(_xlsx(tmp_path, rows))


def test_sgk_several_years_in_the_title(tmp_path):
    path = _xlsx(
        tmp_path, [["2022 ve 2023 karşılaştırması"], *_SGK_HEAD[1:], ["Çorum", 5, 6, 11]], sheet="Sheet"
    )
    with pytest.raises(
        DataValidationError, match=r"several years \[2022, 2023\] in the sheet name and title rows"
    ):
        read_employment(path)


def test_unknown_sheet():
    with pytest.raises(
        DataValidationError,
        match=r"^employment_sgk\.xlsx: has no sheet 'Sayfa9'; its sheets are \['2023', '2022', 'Tablo 4'\]$",
    ):
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet="Sayfa9")


def test_sheet_index_out_of_range():
    with pytest.raises(DataValidationError, match=r"has 3 sheets .*'sheet' index 5 is out of range"):
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet=5)


def test_sheet_given_for_a_csv():
    with pytest.raises(ValueError, match=r"'sheet' applies to \.xlsx workbooks only, got sheet='2023'"):
        read_employment(FIXTURES / "employment_tidy.csv", sheet="2023")


def test_missing_file(tmp_path):
    with pytest.raises(
        DataValidationError, match=r"^nothing\.csv: does not exist \(looked for .*nothing\.csv\)$"
    ):
        read_employment(tmp_path / "nothing.csv")
