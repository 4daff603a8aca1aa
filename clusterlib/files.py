"""Files written atomically: a report, a table or a workbook is either the old one or the new one, never half.

A file is written to a temporary file in its own directory (``.<name>.<pid>.<random>.tmp``), flushed
to disk, made readable by everyone (mode 0644, so a web server can serve it) and moved over the
target with :func:`os.replace`, which is atomic on POSIX and Windows.  A failed or interrupted
write leaves the old file as it was and removes the temporary one; temporary files of processes
killed mid-write are swept by the report runner.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "atomic_write_text"]


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
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
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
