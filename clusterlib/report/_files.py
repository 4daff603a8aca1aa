"""File helpers of the report pipeline: content hashes and atomic writes.

A report is written to a temporary file in its own directory and moved over the old one with
:func:`os.replace` (atomic on POSIX and Windows), so a failed or interrupted run never leaves a
half-written report and never replaces a good one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "atomic_write_text", "data_version", "link_or_copy", "sha256_file"]

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


def _data_files(root: Path) -> list[Path]:
    """Regular files under ``root``, hidden ones skipped, in a stable (POSIX path) order."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(Path(dirpath, f) for f in filenames if not f.startswith("."))
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def data_version(path: str | os.PathLike[str]) -> str:
    """Version of a data set: a SHA-256 over the names and contents of its files.

    For a directory, every regular file below it (hidden files skipped) contributes a line
    ``<relative posix path>\\0<sha256 of its bytes>\\n`` in path order, so renaming, adding,
    removing or editing any file changes the version, and copying the directory elsewhere does
    not.  For a single file, this is the SHA-256 of its bytes.

    Parameters
    ----------
    path : path-like
        A data directory or file.

    Returns
    -------
    str
        ``"sha256:"`` followed by 64 hex digits.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.csv").write_text("x\\n1\\n")
    >>> v1 = data_version(root)
    >>> _ = (root / "a.csv").write_text("x\\n2\\n")
    >>> v1 != data_version(root), v1.startswith("sha256:"), len(v1)
    (True, True, 71)
    """
    root = Path(path)
    if root.is_file():
        return "sha256:" + sha256_file(root)
    if not root.is_dir():
        raise FileNotFoundError(f"data path {str(root)!r} does not exist")
    digest = hashlib.sha256()
    for file in _data_files(root):
        digest.update(f"{file.relative_to(root).as_posix()}\0{sha256_file(file)}\n".encode())
    return "sha256:" + digest.hexdigest()


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8"
) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success move it over ``path`` atomically.

    If the ``with`` block raises (or the process is interrupted), ``path`` keeps its old content
    and the temporary file is removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> with atomic_write(target) as fh:
    ...     _ = fh.write("<p>ok</p>")
    >>> target.read_text()
    '<p>ok</p>'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; see :func:`atomic_write`."""
    with atomic_write(path) as fh:
        fh.write(text)


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` a copy of ``source``: a hard link when possible (no extra disk), else a copy.

    Does nothing when ``target`` already has the same content.
    """
    same_size = target.exists() and target.stat().st_size == source.stat().st_size
    if same_size and (os.path.samefile(source, target) or sha256_file(source) == sha256_file(target)):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)
