"""Good inputs of every format the loaders accept, and Turkish and English number notation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib.data import (
    read_employment,
    read_grid,
)
from clusterlib.data.numbers import parse_numbers
from tests.data._data_helpers import EXPECTED_TIDY, FIXTURES, _long
from tests.data.bad_inputs import _write

# ------------------------------------------------------------------------------------------ good inputs


@pytest.mark.parametrize(
    "name",
    ["employment_tidy.csv", "employment_bom.csv", "employment_cp1254.csv", "employment_tidy.xlsx"],
)
def test_tidy_employment_fixtures_read_as_the_same_table(name):
    pd.testing.assert_frame_equal(read_employment(FIXTURES / name), EXPECTED_TIDY, check_dtype=False)


def _sheets(path: Path) -> dict[str, tuple[str, list[tuple]]]:
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: (sheet.sheet_state, list(sheet.iter_rows(values_only=True))) for sheet in book.worksheets
    }


def test_fixtures_are_what_make_fixtures_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    written = [*FIXTURES.glob("employment_*"), *(p for p in (FIXTURES / "faults").rglob("*") if p.is_file())]
    for path in sorted(written):
        fresh = tmp_path / path.relative_to(FIXTURES)
        if path.suffix == ".csv":
            assert fresh.read_bytes() == path.read_bytes(), path.name
        else:
            assert _sheets(fresh) == _sheets(path), path.name


def test_fixture_encodings_are_what_they_claim():
    assert (FIXTURES / "employment_bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    raw = (FIXTURES / "employment_cp1254.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Şanlıurfa;13;2023;-;-;" in raw.decode("cp1254")
    grid = read_grid(FIXTURES / "employment_cp1254.csv")
    assert (grid.encoding, grid.separator) == ("cp1254", ";")


def test_tidy_employment_dtypes():
    table = read_employment(FIXTURES / "employment_tidy.csv")
    assert table["plate"].dtype == np.int64 and table["employment"].dtype == np.int64
    assert table["avg_wage"].dtype == np.float64
    assert table["nace"].tolist() == ["28", "15", "15", "62", "25", "13", "01"]


def test_sgk_workbook_two_heading_rows_and_totals():
    table = read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2023", coverage="partial")
    expected = _long(
        {
            (19, "Çorum"): {"10": (4210, 301), "15": (120, 14), "25": (2210, 187)},
            (27, "Gaziantep"): {"10": (30110, 1022), "15": (43980, 1902), "25": (9120, 640)},
            (46, "Kahramanmaraş"): {"10": (8760, 640), "15": (0, 0), "25": (12345, 512)},
            (63, "Şanlıurfa"): {"10": (5432, 389), "15": (310, 21), "25": (1204, 98)},
        },
        2023,
        ("employment", "workplaces"),
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_sgk_workbook_one_heading_row_year_from_sheet_name():
    table = read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2022", coverage="partial")
    expected = _long(
        {
            (19, "Çorum"): {"10": 4100, "15": 118, "25": 2150},
            (27, "Gaziantep"): {"10": 29550, "15": 41250, "25": 8990},
        },
        2022,
        ("employment",),
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_sgk_workbook_numeric_headings_year_from_title():
    table = read_employment(FIXTURES / "employment_sgk.xlsx", sheet=2, coverage="partial")
    expected = _long(
        {
            (19, "Çorum"): {"10": 4000, "15": 100, "25": 2000},
            (46, "Kahramanmaraş"): {"10": 8200, "15": 4, "25": 11800},
        },
        2021,
        ("employment",),
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_year_argument_overrides_sgk_title_and_fills_tidy_table(tmp_path):
    assert (
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet="Tablo 4", year=2020, coverage="partial")[
            "year"
        ]
        .eq(2020)
        .all()
    )
    path = _write(tmp_path, "employment.csv", "il,nace,istihdam\nÇorum,28,10\n")
    assert read_employment(path, year=2024).to_dict("records") == [
        {"plate": 19, "province": "Çorum", "nace": "28", "year": 2024, "employment": 10}
    ]


def test_year_argument_with_year_column_is_refused():
    with pytest.raises(
        ValueError, match=r"'year' was given \(2023\) but employment_tidy.csv has a year column"
    ):
        read_employment(FIXTURES / "employment_tidy.csv", year=2023)


def test_plate_only_and_tab_separated(tmp_path):
    path = _write(tmp_path, "e.tsv", "plaka\tnace_kodu\tyıl\tsigortali_sayisi\n46\t25\t2023\t1 234\n")
    assert read_employment(path).to_dict("records") == [
        {"plate": 46, "province": "Kahramanmaraş", "nace": "25", "year": 2023, "employment": 1234}
    ]


def test_utf16_text_export_with_bom(tmp_path):
    path = tmp_path / "e.txt"
    path.write_bytes("il\tfaaliyet\tyıl\tistihdam\nIğdır\t1\t2023\t5\n".encode("utf-16"))
    assert read_employment(path)["province"].tolist() == ["Iğdır"]


# ------------------------------------------------------------------------------------------ number notation


@pytest.mark.parametrize(
    ("cells", "integer", "expected"),
    [
        (["1.234", "12,5"], False, [1234.0, 12.5]),  # Turkish: decimal comma proves '.' groups thousands
        (["1,234", "12.5"], False, [1234.0, 12.5]),  # English
        (["1.234.567", "2.000"], False, [1234567.0, 2000.0]),  # several groups: thousands
        (["1.234,5", "7"], False, [1234.5, 7.0]),
        (["1.234", "2.500"], True, [1234.0, 2500.0]),  # whole numbers: '.' can only group thousands
        (["0.125", "0.5"], False, [0.125, 0.5]),  # a leading 0 is never a thousands group
        (["%12,5", "%7"], False, [0.125, 0.07]),
        (["1 234 567", "12"], True, [1234567.0, 12.0]),
        ([1234, "5.678", None], True, [1234.0, 5678.0, np.nan]),
        (["-", "..", "12"], True, [0.0, np.nan, 12.0]),
    ],
)
def test_parse_numbers_turkish_and_english_notation(cells, integer, expected):
    values, problem = parse_numbers(cells, integer=integer, dash_is_zero=True)
    assert problem == {}
    np.testing.assert_allclose(values, expected)


@given(st.integers(min_value=0, max_value=10**12))
def test_turkish_thousands_round_trip(number):
    text = f"{number:,}".replace(",", ".")
    values, problem = parse_numbers([text], integer=True)
    assert problem == {} and values[0] == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_turkish_decimal_round_trip(units, cents):
    text = f"{units:,}".replace(",", ".") + f",{cents:02d}"
    values, problem = parse_numbers([text])
    assert problem == {} and abs(values[0] - (units + cents / 100)) < 1e-6 * max(1, units)
