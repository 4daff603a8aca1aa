"""A validated, typed copy of a data folder's tables, shared by every notebook of a run.

Reading and validating the input tables is the largest fixed cost of a report (about 1 s of its
5 s on the bundled sample).  The report runner validates the tables once per run and writes them
as Parquet into ``<processed>/cache/<key>/``; the notebooks' :func:`clusterlib.data.load_tables`
then reads the Parquet copy instead of the CSV/XLSX files.

The key is the data version (:func:`clusterlib.data.version.data_version`, the content of the
input tables) and a hash of the loaders' own source code, so an edited file or an updated
loader can never be served a stale copy.  The cache is used only where the runner points to it
(environment variable :data:`CACHE_ENV`), so interactive use reads the files as always.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd

from clusterlib.data.version import data_version, short_version

__all__ = ["CACHE_ENV", "cache_key", "read_cached", "write_cache"]

#: Environment variable naming the cache root (``<processed>/cache``) for notebooks of a run.
CACHE_ENV = "CLUSTERLIB_TABLE_CACHE"
_MANIFEST = "manifest.json"


@cache
def _loader_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cache_key(directory: str | os.PathLike[str]) -> str:
    """``<data version, 12 hex>-<loader source hash, 12 hex>`` of a data folder."""
    return f"{short_version(data_version(directory))}-{_loader_hash()}"


def write_cache(
    directory: str | os.PathLike[str], tables: dict[str, pd.DataFrame], root: str | os.PathLike[str]
) -> Path:
    """Store validated ``tables`` of ``directory`` under ``root/<key>/`` (atomically: a folder
    appears complete or not at all); returns that folder.  An existing copy is kept."""
    target = Path(root) / cache_key(directory)
    if (target / _MANIFEST).is_file():
        return target
    Path(root).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", dir=root))
    try:
        for name, frame in tables.items():
            bare = frame.copy(deep=False)
            bare.attrs = {}  # the readers' SourceInfo is not JSON: kept beside, pickled
            bare.to_parquet(staging / f"{name}.parquet")
            (staging / f"{name}.attrs.pickle").write_bytes(pickle.dumps(dict(frame.attrs)))
        manifest = {"key": target.name, "tables": sorted(tables), "folder": Path(directory).name}
        (staging / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        for path in staging.iterdir():  # readable, whatever the umask (mkdtemp makes the folder 0700)
            path.chmod(0o644)
        staging.chmod(0o755)
        with contextlib.suppress(OSError):  # another run stored the same copy first
            os.rename(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def read_cached(directory: str | os.PathLike[str], names: list[str]) -> dict[str, pd.DataFrame] | None:
    """The tables ``names`` of ``directory`` from the run's cache, or None (no cache in use, no
    copy for this content, or a table not in it)."""
    root = os.environ.get(CACHE_ENV)
    if not root:
        return None
    with contextlib.suppress(OSError, ValueError, pickle.UnpicklingError):
        folder = Path(root) / cache_key(directory)
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        if not set(names) <= set(manifest["tables"]):
            return None
        found = {}
        for name in names:
            # no Arrow thread pool: the kernel server reads these before it forks kernels
            frame = pd.read_parquet(folder / f"{name}.parquet", use_threads=False)
            frame.attrs = pickle.loads((folder / f"{name}.attrs.pickle").read_bytes())  # written by write_cache
            found[name] = frame
        return found
    return None
