"""The national pages are kept when nothing they show changed, and a page is written again, the same bytes
as a fresh write, as soon as something it shows did (a step report appeared, the page was removed or edited;
every page with ``--force``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from clusterlib.national import write_national_pages
from clusterlib.national.freshness import STAMP

pytestmark = pytest.mark.slow


def _digests(paths: list[Path], root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _stamps(paths: list[Path]) -> list[int]:
    return [p.stat().st_mtime_ns for p in paths]


def test_unchanged_pages_are_kept_and_changed_ones_written_as_fresh(tmp_path):
    out = tmp_path / "out"
    written = write_national_pages(out, lang="en", workbooks=False)
    assert len(written) == 82 and (out / "en" / "provinces" / STAMP).is_file()
    before = _digests(written, out / "en")

    first = _stamps(written)
    kept = write_national_pages(out, lang="en", workbooks=False)
    assert kept == written and _stamps(kept) == first  # not one file written again

    written_at = dict(zip(written, _stamps(written), strict=True))
    (out / "en" / "provinces" / "adana.html").unlink()  # a page gone …
    (out / "en" / "corum").mkdir()  # … and a step report of Çorum to link
    (out / "en" / "corum" / "sector_selection.html").write_text("<html></html>", encoding="utf-8")
    again = write_national_pages(out, lang="en", workbooks=False)
    rewritten = {p.name for p in again if p.stat().st_mtime_ns != written_at[p]}
    assert rewritten == {"adana.html", "corum.html"}  # only the page gone and the page with a new link
    fresh_root = tmp_path / "fresh"
    (fresh_root / "en" / "corum").mkdir(parents=True)
    (fresh_root / "en" / "corum" / "sector_selection.html").write_text("<html></html>", encoding="utf-8")
    fresh = write_national_pages(fresh_root, lang="en", workbooks=False, keep_unchanged=False)
    assert _digests(again, out / "en") == _digests(fresh, fresh_root / "en")  # byte for byte a fresh write
    changed = {name for name, digest in _digests(again, out / "en").items() if before[name] != digest}
    assert "provinces/corum.html" in changed and "provinces/adana.html" not in changed

    written_at = _stamps(again)
    forced = write_national_pages(out, lang="en", workbooks=False, keep_unchanged=False)
    assert all(a < b for a, b in zip(written_at, _stamps(forced), strict=True))
