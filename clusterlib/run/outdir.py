"""The output folder of a run: where reports may go, and how a folder of ours is recognised.

A run replaces ``index.html``, ``run.json`` and ``<lang>/…`` in its output folder, so it must not
be pointed at a folder that holds someone else's files (a web site's root, ``/etc``, a home
folder).  :func:`check_out_dir` accepts a folder that does not exist yet, an empty one, or one
that holds a report set of ours — marked by :data:`MARKER`, which every run writes, or (for
folders written before the marker existed) a ``run.json`` with the keys a run writes.  Anything
else is refused unless ``force=True`` (``clusterlib run --force``).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path

from clusterlib.files import atomic_write_text
from clusterlib.version import __version__

__all__ = ["MARKER", "OutDirError", "check_out_dir", "is_report_folder", "mark_report_folder"]

#: File written in every output folder by a run: says the folder is a report set of clusterlib.
MARKER = ".clusterlib-reports"
#: Files that do not make a folder "non-empty" (placeholders of version control and file managers).
_IGNORED = {".gitkeep", ".keep", ".DS_Store", "Thumbs.db"}
_RUN_KEYS = {"results", "languages", "data_version"}


class OutDirError(ValueError):
    """An output folder that a run must not write into."""


def is_report_folder(folder: Path) -> bool:
    """True when ``folder`` holds a report set written by clusterlib.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "index.html").write_text("<p>a site</p>")
    >>> is_report_folder(folder)
    False
    >>> mark_report_folder(folder); is_report_folder(folder)
    True
    """
    if (folder / MARKER).is_file():
        return True
    try:
        run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(run, dict) and set(run) >= _RUN_KEYS


def mark_report_folder(folder: Path) -> None:
    """Write :data:`MARKER` in ``folder`` (readable, atomically)."""
    if not (folder / MARKER).is_file():
        atomic_write_text(
            folder / MARKER, json.dumps({"written_by": "clusterlib", "version": __version__}) + "\n"
        )


def _ignored(name: str) -> bool:
    """Placeholders, and the passing files of a run starting in the same folder right now (its
    write test and its marker being written)."""
    return name in _IGNORED or name.startswith((".write-test.", f".{MARKER}."))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out_dir(out: Path, *, forbidden: Mapping[str, Path], force: bool = False) -> Path:
    """Refuse an output folder that is ``/``, inside one of ``forbidden`` (the raw data, the
    notebooks, the data folder), not writable, or non-empty without a report set of ours (unless
    ``force``); create it if needed and return it resolved.

    Raises
    ------
    OutDirError
        For a forbidden place or a folder of someone else's files.
    PermissionError
        When the folder cannot be written.
    """
    resolved = Path(out).expanduser().resolve()
    if resolved == Path(resolved.anchor):
        raise OutDirError(f"'out_dir' must not be the root folder {resolved}")
    for name, folder in forbidden.items():
        if _inside(resolved, folder.resolve()):
            raise OutDirError(
                f"'out_dir' {str(out)!r} is inside {name} ({folder}); reports must go elsewhere "
                "(default: reports/)"
            )
    if resolved.is_dir() and not force and not is_report_folder(resolved):
        others = sorted(p.name for p in resolved.iterdir() if not _ignored(p.name))
        if others:
            shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
            raise OutDirError(
                f"'out_dir' {str(out)!r} holds files that are not a clusterlib report set ({shown}); "
                "a run would replace index.html, run.json and the language folders. Choose an empty "
                "or new folder, or give --force (force=True) to write there anyway"
            )
    try:
        resolved.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=resolved, prefix=".write-test."):
            pass
    except OSError as err:
        raise PermissionError(f"'out_dir' {str(out)!r} cannot be written: {err.strerror or err}") from None
    return resolved
