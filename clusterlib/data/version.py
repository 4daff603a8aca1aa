"""The one version of a data set: a SHA-256 over the input tables the workbench reads.

:func:`data_version` is the only definition; ``clusterlib.data.data_fingerprint`` is its short form
(the first 12 hex digits) and ``clusterlib.report.data_version`` is this function, so a report, the
index, ``run.json`` and the table cache all name a data folder by the same hash.

Only regular files are read: a dangling link, a named pipe, a socket or a folder named like a
table is skipped (never opened, so a pipe cannot hang the run), and so is every file that is not
an input table (``README.md``, notes, drafts).
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from clusterlib.data.schemas import TABLES

__all__ = ["TABLE_SUFFIXES", "data_version", "sha256_file", "short_version", "table_files"]

#: File suffixes of an input table ``<name><suffix>``, in the order the loaders look for them.
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".xlsx")
_CHUNK = 1 << 20


def sha256_file(path: str | os.PathLike[str]) -> str:
    """SHA-256 hex digest of a file's bytes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "abc.txt"
    >>> _ = f.write_bytes(b"abc")
    >>> sha256_file(f)[:16]  # FIPS 180-2, appendix B.1: SHA-256("abc")
    'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)  # follows links; a dangling one raises
    except OSError:
        return False


def table_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The input-table files of ``directory`` that are regular files, in table order.

    Examples
    --------
    >>> import tempfile, pathlib, os
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("firms.csv", "employment.xlsx", "README.md"):
    ...     _ = (root / name).write_text("x")
    >>> os.symlink(root / "gone.csv", root / "exports.csv")   # a dangling link
    >>> os.mkfifo(root / "survey.csv")                          # a named pipe
    >>> [p.name for p in table_files(root)]
    ['employment.xlsx', 'firms.csv']
    """
    root = Path(directory)
    return [
        root / f"{name}{suffix}"
        for name in TABLES
        for suffix in TABLE_SUFFIXES
        if _is_regular(root / f"{name}{suffix}")
    ]


def data_version(path: str | os.PathLike[str]) -> str:
    """Version of a data set: ``"sha256:"`` and 64 hex digits.

    For a directory, each input-table file (:func:`table_files`) contributes
    ``<file name>\\0<SHA-256 of its bytes>\\n``, in table order, to one SHA-256; so editing,
    adding, removing or renaming a table changes the version, and moving or copying the folder,
    its time stamps or any file the workbench does not read do not.  For a regular file, the
    SHA-256 of its bytes.

    Raises
    ------
    FileNotFoundError
        When ``path`` is neither a directory nor a regular file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "io_table.csv").write_text("from,to,value\\n")
    >>> line = "io_table.csv\\0" + hashlib.sha256(b"from,to,value\\n").hexdigest() + "\\n"
    >>> data_version(root) == "sha256:" + hashlib.sha256(line.encode()).hexdigest()
    True
    """
    root = Path(path)
    if root.is_dir():
        digest = hashlib.sha256()
        for file in table_files(root):
            digest.update(f"{file.name}\0{sha256_file(file)}\n".encode())
        return "sha256:" + digest.hexdigest()
    if _is_regular(root):
        return "sha256:" + sha256_file(root)
    raise FileNotFoundError(f"data path {str(root)!r} is neither a directory nor a regular file")


def short_version(version: str) -> str:
    """The 12 hex digits shown to readers: ``"sha256:ab12…"`` → ``"ab12…"``.

    Examples
    --------
    >>> short_version("sha256:" + "0123456789ab" + "f" * 52)
    '0123456789ab'
    """
    return version.split(":", 1)[-1][:12]
