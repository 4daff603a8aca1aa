"""Clean-up of the files a run's processes were writing when they died.

Reports and tables are written with :func:`clusterlib.files.atomic_write` (a temporary file in the
same folder, then :func:`os.replace`), so a failed or interrupted run never leaves a half-written
report and never replaces a good one; the temporary files of processes killed mid-write are swept
here at the end of a run.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

__all__ = ["sweep_temporary_files"]

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
