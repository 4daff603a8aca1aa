"""Tests of content hashes and atomic writes (clusterlib.report._files)."""

from __future__ import annotations

import hashlib
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.report._files import atomic_write, atomic_write_text, data_version, link_or_copy, sha256_file


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
    (root / "sub").mkdir(parents=True)
    (root / "a.csv").write_text("1")
    (root / "sub" / "b.csv").write_text("2")
    (root / ".hidden").write_text("ignored")
    base = data_version(root)
    (root / ".hidden").write_text("changed")
    assert data_version(root) == base  # hidden files do not count
    copy = tmp_path / "elsewhere"
    (copy / "sub").mkdir(parents=True)
    (copy / "a.csv").write_text("1")
    (copy / "sub" / "b.csv").write_text("2")
    assert data_version(copy) == base  # location does not count
    (copy / "sub" / "b.csv").rename(copy / "b.csv")
    assert data_version(copy) != base  # names do
    (root / "a.csv").write_text("1 ")
    assert data_version(root) != base  # contents do


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}\.csv", fullmatch=True), st.binary(max_size=64), min_size=1))
def test_data_version_does_not_depend_on_creation_order(tmp_path_factory, files):
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    for name, content in files.items():
        (first / name).write_bytes(content)
    for name, content in reversed(list(files.items())):
        (second / name).write_bytes(content)
    assert data_version(first) == data_version(second)


def test_data_version_missing_path(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"data path .*nope' does not exist"):
        data_version(tmp_path / "nope")


def test_atomic_write_replaces_only_on_success(tmp_path):
    target = tmp_path / "report.html"
    atomic_write_text(target, "good")
    with pytest.raises(RuntimeError, match="interrupted"), atomic_write(target) as handle:
        handle.write("half a rep")
        raise RuntimeError("interrupted")
    assert target.read_text() == "good"
    assert os.listdir(tmp_path) == ["report.html"]  # no temporary file left behind


def test_atomic_write_creates_folders_and_binary(tmp_path):
    target = tmp_path / "a" / "b" / "x.bin"
    with atomic_write(target, "wb") as handle:
        handle.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_link_or_copy(tmp_path):
    source = tmp_path / "plotly.min.js"
    source.write_text("js")
    target = tmp_path / "tr" / "corum" / "assets" / "plotly.min.js"
    link_or_copy(source, target)
    link_or_copy(source, target)  # idempotent
    assert target.read_text() == "js"
    assert sorted(p.name for p in target.parent.iterdir()) == ["plotly.min.js"]
