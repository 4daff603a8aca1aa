"""Tests for the loaders and validation (clusterlib.data).

Fixtures: ``tests/fixtures/data/`` (written by ``make_fixtures.py`` there): one employment table as
tidy UTF-8 CSV, UTF-8-BOM CSV with Turkish headings, Windows-1254 CSV with ``;`` and Turkish
number notation, tidy workbook with a title row, and an SGK-style workbook with multi-row headings.
The expected tables below are the values make_fixtures.py writes, typed out again by hand.
Bad inputs are written inline, one per kind of error, each checked for file, row, column and the
expectation in the message.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import (
    TABLES,
    DataValidationError,
    data_fingerprint,
    load_tables,
    messages_in,
    read_benchmarks,
    read_employment,
    read_exports,
    read_firms,
    read_grid,
    read_initiatives,
    read_io_table,
    read_monitoring,
    read_province_factors,
    read_relations,
    read_stakeholders,
    read_survey,
    require_years,
)
from clusterlib.data.notes import MissingTable, source_of
from clusterlib.data.numbers import parse_numbers

FIXTURES = Path(__file__).parent / "fixtures" / "data"

#: The seven records every tidy employment fixture holds (see make_fixtures.RECORDS).
EXPECTED_TIDY = pd.DataFrame(
    {
        "plate": [19, 27, 27, 34, 46, 63, 76],
        "province": ["Çorum", "Gaziantep", "Gaziantep", "İstanbul", "Kahramanmaraş", "Şanlıurfa", "Iğdır"],
        "nace": ["28", "15", "15", "62", "25", "13", "01"],
        "year": [2023, 2022, 2023, 2023, 2023, 2023, 2023],
        "employment": [5120, 41250, 43980, 123456, 12345, 0, 87],
        "workplaces": [233, 1830, 1902, 9876, 512, 0, 12],
        "avg_wage": [21450.5, 14250.25, 19875.75, 41234.5, 18420.0, np.nan, 12500.0],
    }
)


def _long(
    records: dict[tuple[int, str], dict[str, object]], year: int, columns: tuple[str, ...]
) -> pd.DataFrame:
    rows = [
        (plate, name, code, year, *(values if isinstance(values, tuple) else (values,)))
        for (plate, name), cells in records.items()
        for code, values in cells.items()
    ]
    return pd.DataFrame(rows, columns=["plate", "province", "nace", "year", *columns])


# ------------------------------------------------------------------------------------------ good inputs


@pytest.mark.parametrize(
    "name",
    ["employment_tidy.csv", "employment_bom.csv", "employment_cp1254.csv", "employment_tidy.xlsx"],
)
def test_tidy_employment_fixtures_read_as_the_same_table(name):
    pd.testing.assert_frame_equal(read_employment(FIXTURES / name), EXPECTED_TIDY, check_dtype=False)


def _sheets(path: Path) -> dict[str, tuple[str, list[tuple]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: (sheet.sheet_state, list(sheet.iter_rows(values_only=True))) for sheet in book.worksheets}


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


# ------------------------------------------------------------------------------------------- bad inputs


def _write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


_EMP = "province,nace,year,employment,workplaces\n"
_FIRMS = (
    "cluster,firm_id,name,plate,province,district,nace,nace_class,size_class,employees,founded,stage,export_share\n"
    "gaziantep_footwear,GAZ-001,Adım Ayakkabı,27,Gaziantep,Şehitkamil,"
    "15,15.20,medium,120,1998,manufacturing,0.4\n"
    "gaziantep_footwear,GAZ-002,Taban Kalıp,27,Gaziantep,Şahinbey,22,22.19,small,25,2005,inputs,0\n"
)
_SURVEY = "cluster,firm_id,year,item,answer\n"
_RELATIONS = "cluster,source,target,target_name,relation,importance,local,target_province\n"

BAD_INPUTS = {
    "unknown province": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10,1\nKahramanmras,25,2023,5,1\n",
        r"^employment\.csv, row 3, column 'province': 'Kahramanmras' is not a province; "
        r"did you mean 'Kahramanmaraş'",
    ),
    "unknown NACE division": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,04,2023,10,1\n",
        r"^employment\.csv, row 2, column 'nace': '04' is not a NACE Rev\.2 division \('04'\); "
        r"did you mean '03', '05' or '02'\?$",
    ),
    "NACE class where a division is expected": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,1520,2023,10,1\n",
        r"^employment\.csv, row 2, column 'nace': '1520' is a NACE class \('15\.20'\); "
        r"expected a 2-digit division such as '15' \(groups and classes are not added up into their "
        r"division silently: sum them into division rows first\)$",
    ),
    "non-numeric employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,12a,1\n",
        r"^employment\.csv, row 2, column 'employment': '12a' is not a number; expected a whole number ≥ 0$",
    ),
    "negative employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2022,3,1\nGaziantep,15,2023,-5,1\nÇorum,28,2023,-7,1\n",
        r"^employment\.csv: 2 problems:\n"
        r"  row 3, column 'employment': '-5' is below the minimum 0; expected a whole number ≥ 0\n"
        r"  row 4, column 'employment': '-7' is below the minimum 0; expected a whole number ≥ 0$",
    ),
    "fractional employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10.5,1\n",
        r"row 2, column 'employment': '10\.5' is not a whole number; expected a whole number ≥ 0",
    ),
    "empty employment cell": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,,1\n",
        r"row 2, column 'employment': is empty; expected a whole number ≥ 0",
    ),
    "duplicate key": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10,1\nAntep,15,2023,12,1\n",
        r"^employment\.csv, row 3: duplicate key \(plate=27, nace='15', year=2023\): already in row 2; "
        r"expected one row per \(plate, nace, year\)$",
    ),
    "missing column": (
        read_employment,
        "employment.csv",
        "province,nace,year,workplaces\nGaziantep,15,2023,1\n",
        r"^employment\.csv, row 1: missing column 'employment' \(also accepted: istihdam, sigortalı.*\); "
        r"the file has columns \['province', 'nace', 'year', 'workplaces'\]$",
    ),
    "empty file": (
        read_employment,
        "employment.csv",
        "",
        r"^employment\.csv: is empty; expected a header row",
    ),
    "header without rows": (
        read_employment,
        "employment.csv",
        _EMP,
        r"^employment\.csv, row 1: has a header row but no data rows$",
    ),
    "year out of range": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,1890,10,1\n",
        r"^employment\.csv, row 2, column 'year': '1890' is not a plausible year; expected a year from "
        r"1950 to 2100$",
    ),
    "workplaces 0 with employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,25,0\n",
        r"^employment\.csv, row 2, column 'workplaces': workplaces is 0 but employment is 25; ",
    ),
    "workplaces without employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,0,3\n",
        r"row 2, column 'workplaces': workplaces is 3 but employment is 0",
    ),
    "undecodable bytes": (
        read_employment,
        "employment.csv",
        _EMP.encode() + b"Gaziantep,15,2023,10,1\nAnkara\x81,15,2023,10,1\n",
        r"^employment\.csv, row 3: byte b'\\x81' at position 70 cannot be decoded as UTF-8 or Windows-1254",
    ),
    "binary garbage": (
        read_employment,
        "employment.csv",
        bytes(range(256)) * 4,
        r"^employment\.csv, row 1: is not a text table: it contains NUL bytes",
    ),
    "ambiguous number": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,avg_wage\nGaziantep,15,2023,10,1.234\nÇorum,28,2023,10,2.500\n",
        r"^employment\.csv, row 2, column 'avg_wage': '1\.234' could be 1234 \(Turkish thousands "
        r"separator\) or "
        r"1\.234 \(decimal point\); .*expected a number > 0",
    ),
    "mixed decimal marks": (
        read_employment,
        "employment.csv",
        "province;nace;year;employment;avg_wage\nGaziantep;15;2023;10;1234,5\nÇorum;28;2023;10;2345.5\n",
        r"^employment\.csv, row 3, column 'avg_wage': mixes decimal commas and decimal points "
        r"\('1234,5' and '2345\.5'\)",
    ),
    "decimal comma inside a comma-separated row": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,avg_wage\nGaziantep,15,2023,10,1234,5\n",
        r"^employment\.csv, row 2: has 6 cells but the header has 5; is ',' also used inside values",
    ),
    "plate and province disagree": (
        read_employment,
        "employment.csv",
        "plate,province,nace,year,employment\n27,Kahramanmaraş,25,2023,10\n",
        r"^employment\.csv, row 2, column 'plate': plate 27 is Gaziantep but the province column says "
        r"'Kahramanmaraş'",
    ),
    "plate out of range": (
        read_employment,
        "employment.csv",
        "plaka,nace,year,employment\n82,25,2023,10\n",
        r"^employment\.csv, row 2, column 'plaka': '82' is above the maximum 81; expected a whole number "
        r"from 1 to 81",
    ),
    "legacy xls": (
        read_employment,
        "employment.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        r"^employment\.xls: is a legacy Excel \.xls workbook; save it as \.xlsx",
    ),
    "broken xlsx": (
        read_employment,
        "employment.xlsx",
        b"PK\x03\x04 not really a zip",
        r"^employment\.xlsx: cannot be opened as an \.xlsx workbook",
    ),
    "a single column": (
        read_employment,
        "employment.csv",
        "province\nÇorum\n",
        r"^employment\.csv, row 1: has only one column in its first row; expected columns separated by ','",
    ),
    "unclosed quote": (
        read_employment,
        "employment.csv",
        'province,nace,year,employment\n"Çorum,28,2023,5\n',
        r"^employment\.csv, row 2: cannot be split into columns: unexpected end of data",
    ),
    "control character": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment\nÇo\x07rum,28,2023,5\n",
        r"^employment\.csv, row 2: is not a text table: it contains the control character '\\x07'",
    ),
    "broken UTF-16": (
        read_employment,
        "employment.csv",
        b"\xff\xfeh\x00i",
        r"^employment\.csv: starts like UTF-16 text but byte 4 cannot be decoded",
    ),
    "values under no heading": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,\nÇorum,28,2023,5,7\n",
        r"^employment\.csv, row 1: column 5 holds values but has no heading$",
    ),
    "heading twice": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,employment\nÇorum,28,2023,5,7\n",
        r"^employment\.csv, row 1: heading 'employment' appears twice \(columns 4 and 5\)$",
    ),
    "two headings for one column": (
        read_employment,
        "employment.csv",
        "il,province,nace,year,employment\nÇorum,Çorum,28,2023,5\n",
        r"^employment\.csv, row 1, column 'province': headings 'il' and 'province' both mean 'province'",
    ),
    "exports outside goods": (
        read_exports,
        "exports.csv",
        "plate,province,nace,year,exports_usd\n27,Gaziantep,62,2023,1000\n",
        r"^exports\.csv, row 2, column 'nace': division '62' \(section J\) is not a goods division",
    ),
    "export share 1.3": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",0.4\n", ",1.3\n"),
        r"^firms\.csv, row 2, column 'export_share': '1\.3' is above the maximum 1; "
        r"expected a number from 0 to 1 \(a share",
    ),
    "size class contradicts employees": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",medium,120,", ",micro,120,"),
        r"^firms\.csv, row 2, column 'size_class': 'micro' does not fit 120 employees; expected 'medium'",
    ),
    "NACE class outside the firm's division": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",15.20,", ",16.10,"),
        r"^firms\.csv, row 2, column 'nace_class': '16\.10' is not in division '15'",
    ),
    "unknown cluster": (
        read_firms,
        "firms.csv",
        _FIRMS.replace("gaziantep_footwear,GAZ-002", "gaziantep_shoes,GAZ-002"),
        r"^firms\.csv, row 3, column 'cluster': 'gaziantep_shoes' is not allowed; expected one of \[.*\]; "
        r"did you mean 'gaziantep_footwear'\?$",
    ),
    "duplicate firm id": (
        read_firms,
        "firms.csv",
        _FIRMS.replace("GAZ-002", "GAZ-001"),
        r"^firms\.csv, row 3: duplicate key \(firm_id='GAZ-001'\): already in row 2",
    ),
    "survey item answered twice": (
        read_survey,
        "survey.csv",
        _SURVEY + "gaziantep_footwear,GAZ-001,2019,exports_fairs,4\ngaziantep_footwear,GAZ-001,2019,exports_fairs,5\n",
        r"^survey\.csv, row 3: duplicate key",
    ),
    "unknown relation type": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,suplier,4,true,\n",
        r"^relations\.csv, row 2, column 'relation': 'suplier' is not allowed; "
        r"expected one of \['supplier', 'customer', 'cooperation'\]; did you mean 'supplier'\?$",
    ),
    "relation to itself": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-001,,supplier,4,true,\n",
        r"^relations\.csv, row 2, column 'target': 'GAZ-001' is the interviewed firm itself",
    ),
    "external partner without name": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,EXT-GAZ-001,,customer,3,false,İstanbul\n",
        r"^relations\.csv, row 2, column 'target_name': is empty for the external partner 'EXT-GAZ-001'",
    ),
    "not a boolean": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,supplier,4,maybe,\n",
        r"^relations\.csv, row 2, column 'local': 'maybe' is not true or false",
    ),
    "stakeholder outside Türkiye": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chamber,Host,Ev sahibi,,,İlkadım,51.5,36.3,samsun_medical\n",
        r"^stakeholders\.csv, row 2, column 'lat': '51\.5' is above the maximum 42\.5; "
        r"expected a number from 35\.5 to 42\.5 \(latitude in Türkiye\)$",
    ),
    "unknown cluster in a list": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chamber,Host,Ev sahibi,,,İlkadım,41.3,36.3,samsun_medical;medikal\n",
        r"^stakeholders\.csv, row 2, column 'clusters': item 'medikal' of 'samsun_medical;medikal' is "
        r"not allowed",
    ),
    "unknown stakeholder type": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chambre,Host,Ev sahibi,,,İlkadım,41.3,36.3,\n",
        r"column 'type': 'chambre' is not allowed; expected one of \['chamber', .*\]; did you mean "
        r"'chamber'\?",
    ),
    "IO table unbalanced": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nA,B,5\nA,FD,85\nB,A,20\nB,B,10\nB,FD,70\nVA,A,70\nVA,B,70\n",
        r"^io_table\.csv, column 'value': is not balanced: section B's row total \(intermediate sales \+ "
        r"final "
        r"demand FD\) is 100\.0 but its column total \(intermediate purchases \+ value added VA\) is 85\.0",
    ),
    "IO negative intermediate flow": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nA,B,-5\n",
        r"^io_table\.csv, row 3, column 'value': intermediate flow A→B is negative \(-5\.0\)",
    ),
    "IO unknown row code": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nX,B,5\n",
        r"^io_table\.csv, row 3, column 'from': 'X' is not allowed; expected one of \['A', .*'VA'\]",
    ),
    "monitoring direction changes": (
        read_monitoring,
        "monitoring.csv",
        "cluster,indicator,name_en,name_tr,unit,direction,year,baseline,target,actual\n"
        "samsun_medical,members,Members,Üyeler,firms,increase,2019,50,,50\n"
        "samsun_medical,members,Members,Üyeler,firms,decrease,2020,50,55,53\n",
        r"^monitoring\.csv: 2 problems:\n  row 2, column 'direction': 'increase' differs from other rows "
        r"of the same \(cluster, indicator\) = \(samsun_medical, members\)\n  row 3, column 'direction'",
    ),
    "benchmark value not a number": (
        read_benchmarks,
        "benchmarks.csv",
        "indicator,reference,country,sector,year,value,unit,note\nmembers,EU "
        "median,EU,footwear,2020,many,firms,\n",
        r"^benchmarks\.csv, row 2, column 'value': 'many' is not a number; expected a number$",
    ),
    "initiative with an unknown division": (
        read_initiatives,
        "initiatives.csv",
        "id,name_en,name_tr,plate,province,sector,nace_divisions,year,lead_organisation,members,notes\n"
        "medikum,MEDİKÜM,MEDİKÜM,55,Samsun,Medical,32;34,2009,MEDİKÜM,50,\n",
        r"^initiatives\.csv, row 2, column 'nace_divisions': item '34' of '32;34' is not allowed: "
        r"'34' is not a NACE Rev\.2 division \('34'\); did you mean '33', '35' or '32'\?$",
    ),
    "negative factor count": (
        read_province_factors,
        "province_factors.csv",
        "plate,province,year,oiz_count,universities,vocational_graduates,rd_personnel_per_10k,broadband_per_100\n"
        "19,Çorum,2023,-1,1,1200,3.5,20.1\n",
        r"^province_factors\.csv, row 2, column 'oiz_count': '-1' is below the minimum 0",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_raises_located_error(tmp_path, case):
    reader, name, content, match = BAD_INPUTS[case]
    path = _write(tmp_path, name, content)
    with pytest.raises(DataValidationError, match=match) as info:
        reader(path)
    assert info.value.file == name


def test_error_attributes_locate_the_cell(tmp_path):
    path = _write(
        tmp_path, "employment.csv", "il;faaliyet;yıl;istihdam\nÇorum;28;2023;5\nKahramanmras;25;2023;5\n"
    )
    with pytest.raises(DataValidationError) as info:
        read_employment(path)
    error = info.value
    assert (error.file, error.row, error.column, error.got) == ("employment.csv", 3, "il", "Kahramanmras")
    assert isinstance(error, ValueError)


def test_survey_firm_not_in_register(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    survey = _write(
        tmp_path,
        "survey.csv",
        _SURVEY
        + "gaziantep_footwear,GAZ-001,2019,exports_fairs,\ngaziantep_footwear,GAZ-999,2019,exports_fairs,1\n",
    )
    with pytest.raises(
        DataValidationError,
        match=r"^survey\.csv, row 3, column 'firm_id': firm 'GAZ-999' is not in the firm register "
        r"\(firms table\)$",
    ):
        read_survey(survey, firms=firms)
    answers = read_survey(survey)  # without the register only the schema is checked
    assert answers["answer"].isna().tolist() == [True, False]


def test_relation_cluster_must_match_register(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    relations = _write(
        tmp_path, "relations.csv", _RELATIONS + "samsun_medical,GAZ-001,GAZ-002,,supplier,4,yes,\n"
    )
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'cluster': 'samsun_medical', but firm 'GAZ-001' belongs to "
        r"'gaziantep_footwear'",
    ):
        read_relations(relations, firms=firms)


def test_relations_read_booleans_and_external_partners(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    path = _write(
        tmp_path,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,supplier,4,evet,\n"
        "gaziantep_footwear,GAZ-001,EXT-GAZ-001,Deri AŞ,supplier,3,Hayır,izmir\n",
    )
    table = read_relations(path, firms=firms)
    assert table["local"].tolist() == [False, True]  # sorted by (source, target): EXT- before GAZ-
    assert table["target_province"].tolist()[0] == "İzmir"


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


# ------------------------------------------------------------------------------------------ load_tables


def _io_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder, "io_table.csv", "from,to,value\nA,A,10\nA,FD,90\nVA,A,90\n")
    return folder


def test_load_tables_missing_file_says_where_data_come_from(tmp_path):
    with pytest.raises(
        DataValidationError,
        match=r"^1 required table\(s\) missing from the data folder '[^']+' \(.*\):\n"
        r"  employment\.csv is missing: required for Sector selection\. Official source: SGK "
        r"\(Sosyal Güvenlik Kurumu\)",
    ):
        load_tables(tmp_path, tables=["employment"])


def test_load_tables_unknown_table(tmp_path):
    with pytest.raises(ValueError, match=r"'tables' must be among \['employment', .*\], got \['jobs'\]"):
        load_tables(tmp_path, tables=["jobs"])


def test_load_tables_caches_and_returns_independent_frames(tmp_path):
    folder = _io_dir(tmp_path)
    first = load_tables(folder, tables="io_table")["io_table"]
    first.loc[0, "value"] = -1.0
    second = load_tables(folder, tables="io_table")["io_table"]
    assert second.loc[0, "value"] == 10.0
    assert list(second.columns) == ["from", "to", "value"]


def test_load_tables_reloads_a_changed_file(tmp_path):
    folder = _io_dir(tmp_path)
    assert load_tables(folder, tables="io_table")["io_table"]["value"].sum() == 190
    path = folder / "io_table.csv"
    path.write_text("from,to,value\nA,A,20\nA,FD,80\nVA,A,80\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert load_tables(folder, tables="io_table")["io_table"]["value"].sum() == 180


def test_load_tables_survey_brings_the_register(tmp_path):
    _write(tmp_path, "firms.csv", _FIRMS)
    _write(tmp_path, "survey.csv", _SURVEY + "gaziantep_footwear,GAZ-003,2019,exports_fairs,5\n")
    with pytest.raises(DataValidationError, match=r"^survey\.csv, row 2, column 'firm_id': firm 'GAZ-003'"):
        load_tables(tmp_path, tables=["survey"])


def test_data_fingerprint_follows_content_not_location(tmp_path):
    folder = _io_dir(tmp_path)
    copy = shutil.copytree(folder, tmp_path / "copy")
    assert data_fingerprint(folder) == data_fingerprint(copy)
    assert len(data_fingerprint(folder)) == 12
    (copy / "io_table.csv").write_text("from,to,value\nA,A,11\nA,FD,89\nVA,A,89\n", encoding="utf-8")
    assert data_fingerprint(folder) != data_fingerprint(copy)


def test_data_fingerprint_of_an_empty_directory(tmp_path):
    with pytest.raises(DataValidationError, match=r"holds none of the input tables \['employment'"):
        data_fingerprint(tmp_path)


def test_bundled_sample_validates():
    """Every table of the bundled synthetic sample (data/raw/sample) passes its schema."""
    tables = load_tables()
    assert set(tables) == set(TABLES)
    assert all(len(frame) > 0 for frame in tables.values())
    assert set(tables["employment"]["plate"]) == set(range(1, 82))
    assert tables["employment"]["nace"].nunique() == 88
    assert len(data_fingerprint(SAMPLE_DIR)) == 12


# ------------------------------------------------------------------------- issue 9: no silent wrong numbers
# Fixtures: tests/fixtures/data/faults/ (make_fixtures.write_faults), one per way a real folder went wrong.

FAULTS = FIXTURES / "faults"


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
        for name in pd.read_csv(Path(__file__).parent / "fixtures" / "reference" / "provinces_reference.csv")[
            "name_tr"
        ]
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
    assert tables.text("tr")[0].startswith("exports.csv yok: Sektör seçimi onsuz çalışır")


def test_employment_without_optional_columns_loads_and_says_so(tmp_path):
    path = _write(tmp_path, "e.csv", "il,nace,yıl,istihdam\nÇorum,28,2023,5\n")
    table = read_employment(path)
    assert list(table.columns) == ["plate", "province", "nace", "year", "employment"]
    assert [(n.kind, n.column) for n in source_of(table).notes] == [
        ("missing_column", "workplaces"),
        ("missing_column", "avg_wage"),
    ]


# ----------------------------------------------------------------------- messages in the user's language


def test_turkish_run_gets_turkish_messages_without_internal_names():
    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "many_problems.csv")
    lines = str(info.value).splitlines()
    assert lines[0] == "many_problems.csv: 27 sorun (ilk 20 tanesi listelendi):"
    assert lines[1] == "  2. satır, 'istihdam' sütunu: 'yok' bir sayı değil; beklenen: tam sayı, en az 0"
    assert lines[-1] == "  … ve 7 sorun daha"
    assert info.value.problems[-1].detail == "'Corumm' bir il değil; 'Çorum', 'Ordu' mı demek istediniz?"
    with pytest.raises(DataValidationError, match=r"^1 required"):  # English again outside the block
        load_tables(FAULTS / "folder_partial", step="sector_selection")


@pytest.mark.parametrize(
    ("call", "turkish"),
    [
        (
            lambda: load_tables(FAULTS / "folder_partial", step="sector_selection", lang="tr"),
            r"^'folder_partial' veri klasöründe gerekli 1 tablo yok \(.*\):\n  employment\.csv yok: Sektör seçimi "
            r"için gerekli\. Resmî kaynak: SGK",
        ),
        (
            lambda: load_tables(FAULTS / "folder_both", tables="employment", lang="tr"),
            r"employment\.csv ve employment\.xlsx ikisi birden 'folder_both' veri klasöründe",
        ),
    ],
)
def test_folder_messages_in_turkish(call, turkish):
    with pytest.raises(DataValidationError, match=turkish) as info:
        call()
    assert "sector_selection" not in str(info.value) and "'long'" not in str(info.value)


@pytest.mark.parametrize(
    ("file", "kwargs", "turkish"),
    [
        (
            "mixed_decimals.csv",
            {},
            r"2\. satır, 'ortalama ücret' sütunu: hücreler sayı biçiminde uyuşmuyor: '21850\.5' "
            r"ondalık nokta içeriyor, bu durumda '25\.444' 25\.444 okunur; ama binlik ayırıcı '\.' ise "
            r"\(Türkçe yazımı\) 25444 demektir",
        ),
        (
            "class_codes.csv",
            {},
            r"'10\.1' bir NACE grup kodu \('10\.1'\); '10' gibi 2 haneli bir bölüm bekleniyor",
        ),
        (
            "sgk_blank_row.xlsx",
            {"coverage": "partial"},
            r"^sgk_blank_row\.xlsx \('2023' sayfası\), 6\. satır, 'İl' "
            r"sütunu: 'ŞANLIURFA' satırında hiç değer yok",
        ),
        (
            "sgk_shifted_row.xlsx",
            {"coverage": "partial"},
            r"4\. satır, 'TOPLAM \(E\)' sütunu: toplam 0, faaliyetlerin "
            r"toplamı olan 136,310 ile tutmuyor",
        ),
        ("hidden_first_sheet.xlsx", {"sheet": "yok"}, r"'yok' adlı sayfa yok; sayfaları: \['eski', '2023'\]"),
    ],
)
def test_file_messages_in_turkish(file, kwargs, turkish):
    with messages_in("tr"), pytest.raises(DataValidationError, match=turkish):
        read_employment(FAULTS / file, **kwargs)


def test_coverage_message_in_turkish():
    with (
        messages_in("tr"),
        pytest.raises(DataValidationError, match=r"2023 yılı: 81 ilden 77 ilin satırı yok \(Adana,"),
    ):
        read_employment(FIXTURES / "employment_sgk.xlsx", sheet="2023")


def test_turkish_errors_survive_pickling():
    import pickle

    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        read_employment(FAULTS / "class_codes.csv")
    copy = pickle.loads(pickle.dumps(info.value))
    assert str(copy) == str(info.value) and copy.lang == "tr"


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_every_bad_input_has_a_turkish_message(tmp_path, case):
    """The same located error in a Turkish run: Turkish location words, no English sentence words."""
    reader, name, content, _match = BAD_INPUTS[case]
    path = _write(tmp_path, name, content)
    with messages_in("tr"), pytest.raises(DataValidationError) as info:
        reader(path)
    text = str(info.value)
    english = re.findall(r"\b(row|column|expected|is not|is empty|missing|did you mean)\b", text)
    assert not english or case == "broken xlsx", (english, text)  # openpyxl's own reason stays as it is
    assert info.value.lang == "tr" and (info.value.row is None or "satır" in text)


def test_require_years_names_the_province_and_the_years_present():
    """Not 'KeyError: 55': the province and the years it has, in the run's language."""
    table = read_employment(FIXTURES / "employment_tidy.csv")
    require_years(table, "Gaziantep", [2022, 2023])
    with pytest.raises(
        DataValidationError,
        match=r"^employment_tidy\.csv: Çorum has no rows for 2022; the data have "
        r"years 2023 for it$",
    ):
        require_years(table, 19, [2022, 2023])
    with (
        messages_in("tr"),
        pytest.raises(
            DataValidationError,
            match=r"^employment_tidy\.csv: Samsun için hiç satır yok; veriler 2022–2023 yıllarını",
        ),
    ):
        require_years(table, "Samsun", [2023])


def test_dash_can_mean_suppressed_instead_of_nil():
    """A source that writes '-' for suppressed values: with dash='missing' it is never read as 0."""
    table = read_employment(FAULTS / "suppressed.csv", dash="missing").set_index("nace")
    assert table["employment"].isna().tolist() == [False, True, True, True]
    kinds = {(n.kind, n.column): n.count for n in source_of(table).notes}
    assert kinds[("dash_as_missing", "istihdam")] == 1 and kinds[("suppressed", "istihdam")] == 2
    with pytest.raises(ValueError, match=r"'dash' must be 'zero' or 'missing', got 'nil'"):
        read_employment(FAULTS / "suppressed.csv", dash="nil")


def test_missing_table_that_no_step_lists_is_still_named_as_required(tmp_path):
    with pytest.raises(DataValidationError) as info:
        load_tables(tmp_path, tables=["benchmarks"], optional=["province_factors"])
    first, second = info.value.missing
    assert (first.table, first.required, second.table, second.required) == (
        "benchmarks",
        True,
        "province_factors",
        False,
    )
    assert (
        "benchmarks.csv is missing: required; Needs assessment, Monitoring and benchmarking runs without"
        in str(info.value)
    )
    assert second.text("en").startswith("province_factors.csv is missing: Sector selection runs without it")
    lone = MissingTable("relations", "x", required=True)
    assert lone.text("tr") == "relations.csv yok: gerekli. Resmî kaynak: ."


def test_read_notes_are_not_copied_by_every_pandas_operation():
    """pandas deep-copies ``attrs`` on each operation; the immutable notes must make that free."""
    import copy

    table = load_tables(tables=["employment"])["employment"]
    info = source_of(table)
    assert info.notes and copy.deepcopy(info) is info and copy.deepcopy(info.notes[0]) is info.notes[0]
    assert source_of(table[table["plate"] == 55]) is info


def test_load_tables_reads_the_sheet_asked_for(tmp_path):
    """A folder whose employment.xlsx is an SGK yearbook: sheets={"employment": "all"} reads every year."""
    shutil.copy(FAULTS / "sgk_yearbook.xlsx", tmp_path / "employment.xlsx")
    first = load_tables(tmp_path, tables="employment", coverage="partial")
    assert sorted(set(first["employment"]["year"])) == [2023] and first.sources["employment"].sheet == "2023"
    every = load_tables(tmp_path, tables="employment", coverage="partial", sheets={"employment": "all"})
    assert sorted(set(every["employment"]["year"])) == [2022, 2023]
    assert any(n.kind == "coverage" and n.year == 2022 for n in every.notes)
    with pytest.raises(ValueError, match=r"'sheets' must name tables among \['employment'"):
        load_tables(tmp_path, tables="employment", sheets={"jobs": 0})
