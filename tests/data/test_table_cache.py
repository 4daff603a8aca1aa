"""The run's validated Parquet copy of the input tables (clusterlib.data.cache, issue 14)."""

from __future__ import annotations

import shutil

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import clear_table_cache, load_tables
from clusterlib.data.cache import CACHE_ENV, cache_key, read_cached, write_cache
from clusterlib.data.notes import source_of


def test_cached_tables_equal_the_validated_ones_and_follow_the_content(tmp_path, monkeypatch):
    data = shutil.copytree(SAMPLE_DIR, tmp_path / "data")
    fresh = load_tables(data)
    root = tmp_path / "cache"
    folder = write_cache(data, fresh, root)
    assert folder.name == cache_key(data) and write_cache(data, fresh, root) == folder  # kept
    assert read_cached(data, list(fresh)) is None  # not used unless a run points to it
    monkeypatch.setenv(CACHE_ENV, str(root))
    cached = read_cached(data, ["employment", "firms"])
    for name in ("employment", "firms"):
        pd.testing.assert_frame_equal(cached[name], fresh[name], check_exact=True)
        assert source_of(cached[name]) == source_of(fresh[name]) is not None  # file, sheet, read notes
    clear_table_cache()
    through_loader = load_tables(data, tables=["io_table"])
    pd.testing.assert_frame_equal(through_loader["io_table"], fresh["io_table"], check_exact=True)
    # an edited table is a new data version: the old copy is never served
    (data / "io_table.csv").write_text(
        (data / "io_table.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert cache_key(data) != folder.name and read_cached(data, ["io_table"]) is None
    assert not [p for p in root.iterdir() if p.name.startswith(".")]  # no staging folder left
