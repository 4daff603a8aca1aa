"""The national pages of a run kept when nothing they show changed (the post-run hook's fast path).

The national page, the 81 province pages and their workbooks depend on

* the input tables of the data folder (:func:`clusterlib.data.version.data_version`) and the
  initiatives registry they place on the maps, the folder's name and whether it is the bundled
  sample (both named on the pages);
* clusterlib (its version, source and resources: :func:`clusterlib.resultcache.source_digest`) and
  the libraries that render and write the pages (Jinja, Babel, openpyxl);
* the language;
* for a province page, also the step reports present for the province (the page links them).

:func:`pages_fingerprint` is a SHA-256 of what all files share, :func:`file_key` adds a page's own
reports.  After writing, :func:`record_pages` stores each file's key and the SHA-256 of its bytes in
``<lang>/provinces/.national.json`` (:data:`STAMP`).  A later run writes only the files whose key
changed or whose bytes are not those recorded (:func:`stale_files`; a missing or edited file
included): nothing at all, without even computing the figures, when nothing the overview shows
changed, and one province page when only that province's step reports changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path

from clusterlib.config import SAMPLE_DIR
from clusterlib.data.version import data_version, sha256_file
from clusterlib.files import atomic_write_text

__all__ = ["STAMP", "file_key", "pages_fingerprint", "record_pages", "stale_files"]

#: The record of the last pages written, inside ``<lang>/provinces/``.
STAMP = ".national.json"
#: Folder of the province pages (and of the record) inside a language folder.
PROVINCE_FOLDER = "provinces"
_LIBRARIES = ("jinja2", "markupsafe", "babel", "openpyxl", "et_xmlfile")


def _registry_digest(directory: Path) -> str:
    for folder in (directory, SAMPLE_DIR):  # as national_view: the bundled registry when the data hold none
        for suffix in (".csv", ".xlsx"):
            if (folder / f"initiatives{suffix}").is_file():
                return f"{folder == directory}:{sha256_file(folder / f'initiatives{suffix}')}"
    return ""


def pages_fingerprint(*, lang: str, data_dir: str | Path | None) -> str:
    """SHA-256 of what every file of the national overview of a language depends on (see the module
    docstring).

    Examples
    --------
    >>> pages_fingerprint(lang="tr", data_dir=None) == pages_fingerprint(lang="tr", data_dir=None)
    True
    >>> pages_fingerprint(lang="tr", data_dir=None) == pages_fingerprint(lang="en", data_dir=None)
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
        "lang": lang, "source": source_digest(), "libraries": libraries, "data": data_version(directory),
        "registry": _registry_digest(directory), "folder": directory.name,
        "synthetic": directory == SAMPLE_DIR.resolve(),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def file_key(fingerprint: str, reports: Sequence[tuple[str, str]]) -> str:
    """The key of a province page: the overview's ``fingerprint`` and the step reports the page links.

    Examples
    --------
    >>> file_key("f", [("../corum/x.html", "X")]) == file_key("f", [])
    False
    """
    return hashlib.sha256(json.dumps([fingerprint, [list(r) for r in reports]]).encode()).hexdigest()


def stale_files(lang_dir: str | Path, keys: Mapping[str, str]) -> set[str]:
    """The files of ``keys`` (paths relative to ``lang_dir``, with their key) to write again: those
    not recorded with that key by :func:`record_pages`, missing, or no longer the bytes written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "national.html").write_text("<p>x</p>")
    >>> _ = record_pages(root, {"national.html": "k1"})
    >>> stale_files(root, {"national.html": "k1"}), stale_files(root, {"national.html": "k2"})
    (set(), {'national.html'})
    >>> _ = (root / "national.html").write_text("<p>edited</p>")
    >>> stale_files(root, {"national.html": "k1"})
    {'national.html'}
    """
    root = Path(lang_dir)
    try:
        record = json.loads((root / PROVINCE_FOLDER / STAMP).read_text(encoding="utf-8"))
        recorded = {name: (key, digest) for name, key, digest in record["files"]}
    except (OSError, ValueError, KeyError, TypeError):  # no record, or not one of ours
        recorded = {}
    stale = set()
    for name, key in keys.items():
        entry = recorded.get(name)
        path = root / name
        if entry is None or entry[0] != key or not path.is_file() or sha256_file(path) != entry[1]:
            stale.add(name)
    return stale


def record_pages(lang_dir: str | Path, keys: Mapping[str, str], *, keep_others: bool = False) -> Path:
    """Record the files of ``keys`` (paths relative to ``lang_dir``, all just written or found up to
    date) with their key and SHA-256, for :func:`stale_files`; returns the record's path.  With
    ``keep_others`` the files recorded before and not in ``keys`` stay recorded."""
    root = Path(lang_dir)
    files = [[name, key, sha256_file(root / name)] for name, key in keys.items()]
    if keep_others:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            before = json.loads((root / PROVINCE_FOLDER / STAMP).read_text(encoding="utf-8"))["files"]
            files += [entry for entry in before if entry[0] not in keys]
    stamp = root / PROVINCE_FOLDER / STAMP
    stamp.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(stamp, json.dumps({"files": files}, ensure_ascii=False))
    return stamp
