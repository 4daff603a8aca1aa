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


def test_the_files_no_report_changes_are_written_ahead_and_then_kept(tmp_path):
    """``write_ahead`` (while the reports render) writes the national page and the 82 workbooks; the
    post-run call then writes only the 81 province pages, leaves the others as they are (same bytes,
    same modification time) and records all 164, so a further call writes nothing."""
    from clusterlib.national.publish import write_ahead

    ahead = write_ahead(tmp_path, lang="en")
    assert len(ahead) == 83 and {p.suffix for p in ahead} == {".html", ".xlsx"}
    assert not list((tmp_path / "en" / "provinces").glob("*.html"))  # the province pages wait for the reports
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in ahead}
    pages = write_national_pages(tmp_path, lang="en")
    assert len(pages) == 164
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in ahead} == before
    assert len(list((tmp_path / "en" / "provinces").glob("*.html"))) == 81
    stamps = _stamps(pages)
    assert write_ahead(tmp_path, lang="en") == []
    write_national_pages(tmp_path, lang="en")
    assert _stamps(pages) == stamps  # nothing written again
