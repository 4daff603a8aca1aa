"""Tests of content hashes and atomic writes (clusterlib.run.files)."""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.data import TABLES
from clusterlib.data.version import data_version, sha256_file, short_version
from clusterlib.files import atomic_write, atomic_write_text
from clusterlib.run.files import sweep_temporary_files


def test_sha256_fips_180_2_two_block_message(tmp_path):
    """NIST FIPS 180-2 (Secure Hash Standard, 2002), Appendix B.2: SHA-256 of
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" is
    248d6a61 d20638b8 e5c02693 0c3e6039 a33ce459 64ff2167 f6ecedd4 19db06c1."""
    path = tmp_path / "msg"
    path.write_bytes(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
    assert sha256_file(path) == "248d6a61d20638b8e5c026930c3e603" + "9a33ce45964ff2167f6ecedd419db06c1"


def test_data_version_of_a_file_is_its_sha256(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"abc")
    assert data_version(path) == "sha256:" + hashlib.sha256(b"abc").hexdigest()


def test_data_version_invariants(tmp_path):
    root = tmp_path / "data"
    root.mkdir()
    (root / "firms.csv").write_text("1")
    (root / "io_table.csv").write_text("2")
    (root / ".hidden").write_text("ignored")
    (root / "README.md").write_text("notes")
    base = data_version(root)
    (root / ".hidden").write_text("changed")
    (root / "README.md").write_text("other notes")
    (root / "draft.csv").write_text("not a table")
    assert data_version(root) == base  # files the workbench does not read do not count
    copy = tmp_path / "elsewhere"
    shutil.copytree(root, copy)
    os.utime(copy / "firms.csv", (0, 0))
    assert data_version(copy) == base  # location and time stamps do not count
    (copy / "io_table.csv").rename(copy / "exports.csv")
    assert data_version(copy) != base  # names do
    (root / "firms.csv").write_text("1 ")
    assert data_version(root) != base  # contents do


def test_one_data_version_for_the_whole_workbench():
    """data_fingerprint (clusterlib.data), data_version (clusterlib.report) and the index agree."""
    from clusterlib.config import SAMPLE_DIR
    from clusterlib.data import data_fingerprint
    from clusterlib.data.version import data_version as canonical
    from clusterlib.report import data_version as report_version

    assert report_version is canonical
    assert data_fingerprint(SAMPLE_DIR) == short_version(data_version(SAMPLE_DIR))


def test_data_version_skips_links_pipes_and_folders_without_hanging(tmp_path):
    (tmp_path / "firms.csv").write_text("1")
    base = data_version(tmp_path)
    os.symlink(tmp_path / "gone.csv", tmp_path / "exports.csv")  # dangling link
    os.mkfifo(tmp_path / "survey.csv")  # opening it for reading would block forever
    (tmp_path / "relations.csv").mkdir()  # a folder named like a table
    assert data_version(tmp_path) == base
    os.symlink(tmp_path / "firms.csv", tmp_path / "io_table.csv")  # a link to a regular file is read
    assert data_version(tmp_path) != base


def test_data_version_known_value(tmp_path):
    """The definition written out: SHA-256 over ``<name>\\0<sha256 of bytes>\\n`` per table file, in
    table order (employment before firms), whatever the creation order."""
    (tmp_path / "firms.csv").write_bytes(b"abc")
    (tmp_path / "employment.xlsx").write_bytes(b"")
    lines = (
        "employment.xlsx\0" + hashlib.sha256(b"").hexdigest() + "\n"
        "firms.csv\0ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"  # FIPS 180-2 B.1
    )
    assert data_version(tmp_path) == "sha256:" + hashlib.sha256(lines.encode()).hexdigest()


_TABLE_NAMES = st.sampled_from([f"{t}.csv" for t in TABLES] + [f"{t}.xlsx" for t in TABLES])


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(_TABLE_NAMES, st.binary(max_size=64), min_size=1))
def test_data_version_does_not_depend_on_creation_order(tmp_path_factory, files):
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    for name, content in files.items():
        (first / name).write_bytes(content)
    for name, content in reversed(list(files.items())):
        (second / name).write_bytes(content)
    assert data_version(first) == data_version(second)


def test_data_version_missing_path(tmp_path):
    with pytest.raises(
        FileNotFoundError, match=r"data path .*nope' is neither a directory nor a regular file"
    ):
        data_version(tmp_path / "nope")


def test_sweep_removes_only_temporary_files_of_dead_writers(tmp_path):
    gone = tmp_path / "sector_selection" / ".19_corum_scores.csv.999999999.ab12.tmp"
    gone.parent.mkdir()
    gone.write_text("half")
    alive = tmp_path / f".x.csv.{os.getpid()}.cd34.tmp"
    alive.write_text("being written")
    assert sweep_temporary_files(tmp_path) == [gone]
    assert alive.exists() and not gone.exists()


def test_atomic_write_replaces_only_on_success(tmp_path):
    target = tmp_path / "report.html"
    atomic_write_text(target, "good")
    with pytest.raises(RuntimeError, match="interrupted"), atomic_write(target) as handle:
        handle.write("half a rep")
        raise RuntimeError("interrupted")
    assert target.read_text() == "good"
    assert os.listdir(tmp_path) == ["report.html"]  # no temporary file left behind


def test_atomic_write_names_its_writer(tmp_path):
    with atomic_write(tmp_path / "x.csv") as handle:
        (name,) = [p.name for p in tmp_path.iterdir()]
        handle.write("x")
    assert name.startswith(f".x.csv.{os.getpid()}.") and name.endswith(".tmp")


def test_atomic_write_creates_folders_and_binary(tmp_path):
    target = tmp_path / "a" / "b" / "x.bin"
    with atomic_write(target, "wb") as handle:
        handle.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
