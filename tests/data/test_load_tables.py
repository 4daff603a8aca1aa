"""load_tables: a folder of tables, what is missing, what is optional."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import (
    TABLES,
    DataValidationError,
    data_fingerprint,
    load_tables,
)
from tests.data.bad_inputs import _FIRMS, _SURVEY, _write

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
        r"  employment\.csv is missing: required for Sector selection\. Value-chain mapping; and Monitoring and "
        r"benchmarking run without it, leaving out what depends on it\. Official source: SGK "
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
