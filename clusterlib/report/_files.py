"""File helpers of the report pipeline: atomic writes, links, and the data version.

:func:`data_version` and :func:`sha256_file` are those of :mod:`clusterlib.data.version` (one
version of a data folder for the whole workbench).

A report is written to a temporary file in its own directory and moved over the old one with
:func:`os.replace` (atomic on POSIX and Windows), so a failed or interrupted run never leaves a
half-written report and never replaces a good one.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

from clusterlib.data.version import data_version, sha256_file, short_version
from clusterlib.files import atomic_write, atomic_write_text

__all__ = [
    "atomic_write",
    "atomic_write_text",
    "data_version",
    "link_or_copy",
    "sha256_file",
    "short_version",
    "sweep_temporary_files",
]

_TMP = re.compile(r"^\..+\.(\d+)\.(?:[^.]+\.tmp|partial\.ipynb)$")


def sweep_temporary_files(*roots: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files of :func:`atomic_write` (``.<name>.<pid>.<random>.tmp``) and the
    partial notebooks of workers (``.<name>.<pid>.partial.ipynb``) left under ``roots`` by processes
    that are gone (a kernel or worker killed mid-write); those of live processes are kept.

    Returns the removed paths.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / ".a.csv.999999999.x1.tmp").write_text("half")   # no such process
    >>> _ = (root / f".b.csv.{os.getpid()}.x2.tmp").write_text("being written")
    >>> [p.name for p in sweep_temporary_files(root)]
    ['.a.csv.999999999.x1.tmp']
    """
    import psutil

    removed = []
    for root in roots:
        base = Path(root)
        if not base.is_dir():
            continue
        for path in [*base.rglob(".*.tmp"), *base.rglob(".*.partial.ipynb")]:
            match = _TMP.match(path.name)
            if match and not psutil.pid_exists(int(match.group(1))):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source``: a hard link when possible (no extra disk), else a copy.

    Does nothing when ``target`` already has the same content.
    """
    same_size = target.exists() and target.stat().st_size == source.stat().st_size
    if same_size and (os.path.samefile(source, target) or sha256_file(source) == sha256_file(target)):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.link.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o644)
    os.replace(tmp, target)
