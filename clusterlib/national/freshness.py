"""The national pages of a run kept when nothing they show changed (the post-run hook's fast path).

The national page, the 81 province pages and their workbooks depend on

* the input tables of the data folder (:func:`clusterlib.data.version.data_version`) and the
  initiatives registry they place on the maps, the folder's name and whether it is the bundled
  sample (both named on the pages);
* clusterlib (its version, source and resources: :func:`clusterlib.resultcache.source_digest`) and
  the libraries that render and write the pages (Jinja, Babel, openpyxl);
* the language, whether the workbooks are written, and the step reports present for each province
  (its page links them).

:func:`pages_fingerprint` is a SHA-256 of all of these.  After writing, :func:`record_pages` stores it
with the SHA-256 of every file written in ``<lang>/provinces/.national.json`` (:data:`STAMP`); a later
run whose fingerprint is the same and whose files are all there with those bytes keeps them
(:func:`recorded_pages`), so a run that changed nothing the overview shows does not spend seconds
writing the same 164 files again.  Anything else, a missing or edited page included, writes them all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from clusterlib.config import SAMPLE_DIR
from clusterlib.data.version import data_version, sha256_file
from clusterlib.files import atomic_write_text

__all__ = ["STAMP", "pages_fingerprint", "record_pages", "recorded_pages"]

#: The record of the last pages written, inside ``<lang>/provinces/``.
STAMP = ".national.json"
_LIBRARIES = ("jinja2", "markupsafe", "babel", "openpyxl", "et_xmlfile")


def _registry_digest(directory: Path) -> str:
    for folder in (directory, SAMPLE_DIR):  # as national_view: the bundled registry when the data hold none
        for suffix in (".csv", ".xlsx"):
            if (folder / f"initiatives{suffix}").is_file():
                return f"{folder == directory}:{sha256_file(folder / f'initiatives{suffix}')}"
    return ""


def pages_fingerprint(*, lang: str, data_dir: str | Path | None, workbooks: bool,
                      reports: Sequence[object]) -> str:
    """SHA-256 of everything the national pages of a language folder show (see the module docstring).

    ``reports`` are the step reports each province page links, as the pages list them.

    Examples
    --------
    >>> one = dict(lang="tr", data_dir=None, workbooks=True, reports=[[("../corum/x.html", "X")]])
    >>> pages_fingerprint(**one) == pages_fingerprint(**one)
    True
    >>> pages_fingerprint(**one) == pages_fingerprint(**{**one, "reports": [[]]})
    False
    >>> pages_fingerprint(**one) == pages_fingerprint(**{**one, "lang": "en"})
    False
    """
    from clusterlib.resultcache import source_digest

    directory = Path(data_dir if data_dir is not None else SAMPLE_DIR).resolve()
    libraries = {}
    for name in _LIBRARIES:
        try:
            libraries[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            libraries[name] = ""
    inputs = {
        "lang": lang, "workbooks": workbooks, "reports": reports, "source": source_digest(),
        "libraries": libraries, "data": data_version(directory), "registry": _registry_digest(directory),
        "folder": directory.name, "synthetic": directory == SAMPLE_DIR.resolve(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=list).encode()).hexdigest()


def recorded_pages(lang_dir: str | Path, fingerprint: str) -> list[Path] | None:
    """The files of the last pages written into ``lang_dir`` when they are up to date: recorded with
    ``fingerprint`` and all still there with the bytes written; None otherwise.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> page = root / "national.html"
    >>> _ = page.write_text("<p>x</p>")
    >>> _ = record_pages(root, "f1", [page])
    >>> recorded_pages(root, "f1") == [page], recorded_pages(root, "f2")
    (True, None)
    >>> _ = page.write_text("<p>edited</p>")
    >>> recorded_pages(root, "f1") is None
    True
    """
    root = Path(lang_dir)
    try:
        record = json.loads((root / "provinces" / STAMP).read_text(encoding="utf-8"))
        if record.get("fingerprint") != fingerprint:
            return None
        files = [(root / name, digest) for name, digest in record["files"]]
        if all(path.is_file() and sha256_file(path) == digest for path, digest in files):
            return [path for path, _ in files]
    except (OSError, ValueError, KeyError, TypeError):  # no record, or not one of ours
        pass
    return None


def record_pages(lang_dir: str | Path, fingerprint: str, paths: Sequence[Path]) -> Path:
    """Record the files just written into ``lang_dir`` (in order, with their SHA-256) under
    ``fingerprint``, for :func:`recorded_pages`; returns the record's path."""
    root = Path(lang_dir)
    files = [[Path(p).relative_to(root).as_posix(), sha256_file(p)] for p in paths]
    stamp = root / "provinces" / STAMP
    stamp.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(stamp, json.dumps({"fingerprint": fingerprint, "files": files}, ensure_ascii=False))
    return stamp
