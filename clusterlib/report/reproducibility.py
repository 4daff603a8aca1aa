"""The provenance box of a report: parameters, input files with SHA-256, package versions."""

from __future__ import annotations

import datetime as _dt
import functools
import html
import importlib.metadata
import os
import platform
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from clusterlib import i18n
from clusterlib.config import DEFAULT_LANGUAGE, PROJECT_ROOT
from clusterlib.data.version import data_version, sha256_file
from clusterlib.report.display import publish
from clusterlib.report.tables import table_html

__all__ = ["PROVENANCE_PACKAGES", "installed_versions", "provenance"]

#: Packages whose versions :func:`provenance` records (those not installed are left out).
PROVENANCE_PACKAGES: tuple[str, ...] = (
    "clusterlib",
    "numpy",
    "pandas",
    "scipy",
    "geopandas",
    "plotly",
    "networkx",
    "pymcdm",
    "openpyxl",
)

def _display_path(path: Path) -> str:
    """A path as a report may show it: relative to the project, else its last two parts — never a
    folder of the machine (reports are e-mailed).

    Examples
    --------
    >>> _display_path(PROJECT_ROOT / "data" / "raw" / "sample" / "firms.csv")
    'data/raw/sample/firms.csv'
    >>> _display_path(Path("/home/ayse/sgk-2025/employment.xlsx"))
    '…/sgk-2025/employment.xlsx'
    """
    resolved = path.resolve()
    try:
        return resolved.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        parts = resolved.parts[-2:] if len(resolved.parts) > 2 else resolved.parts[-1:]
        return "…/" + "/".join(parts)


def _shown(value: object) -> str:
    """A parameter value for the report: absolute paths shortened by :func:`_display_path`."""
    if isinstance(value, (str, os.PathLike)) and str(value) and os.path.isabs(os.fspath(value)):
        return _display_path(Path(os.fspath(value)))
    return str(value)


def _package_versions() -> dict[str, str]:
    return dict(installed_versions())  # a copy: the caller may change it


@functools.cache
def installed_versions() -> dict[str, str]:
    """The versions of :data:`PROVENANCE_PACKAGES` installed when this process first asked, i.e. of
    the code it imported (read once: the metadata search costs 10 ms a report).  Do not change the
    returned dict (it is the cache); :func:`provenance` shows a copy.

    Examples
    --------
    >>> versions = installed_versions()
    >>> versions["python"] == platform.python_version(), "pandas" in versions
    (True, True)
    """
    versions = {"python": platform.python_version()}
    for name in PROVENANCE_PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            if name == "clusterlib":
                from clusterlib.version import __version__

                versions[name] = __version__
    return versions


def _jsonable(value: object) -> object:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def _compact(frame: pd.DataFrame, lang: str, kinds: dict[str, str], labels: dict[str, str]) -> str:
    """A small table of the provenance box, through the one table writer (smaller type)."""
    return table_html(frame, lang=lang, kinds=kinds, labels=labels, compact=True)


def provenance(
    params: Mapping[str, object],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    lang: str | None = None,
) -> None:
    """Display how this result was made: parameters, input files with SHA-256, package versions.

    Shown in the report as a folded "Technical details" box; the full record (full hashes, the
    Python interpreter) is kept in the output metadata of the executed notebook.

    Parameters
    ----------
    params : mapping
        The notebook's parameters (``province``, ``lang``, ``data_dir``, …).
    inputs : iterable of paths, default ()
        Files (or directories, hashed with :func:`clusterlib.report.data_version`) the notebook
        read.
    lang : {"tr", "en"}, optional
        Language of the labels; default ``params["lang"]`` or Turkish.

    Raises
    ------
    TypeError
        When ``params`` is not a mapping.
    FileNotFoundError
        When an input does not exist.
    """
    if not isinstance(params, Mapping):
        raise TypeError(
            f"'params' must be a mapping of parameter names to values, got {type(params).__name__}"
        )
    lang = i18n.check_language(lang if lang is not None else params.get("lang", DEFAULT_LANGUAGE))
    records = []
    for item in inputs:
        path = Path(item)
        if path.is_file():
            digest, size = "sha256:" + sha256_file(path), path.stat().st_size
        elif path.is_dir():
            digest, size = data_version(path), sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        else:
            raise FileNotFoundError(f"'inputs': {str(path)!r} does not exist")
        records.append({"path": _display_path(path), "sha256": digest, "bytes": size})
    versions = _package_versions()
    tr = lambda key: i18n.t(key, lang)  # noqa: E731
    parameters = pd.DataFrame(
        {"name": [i18n.parameter_label(str(k), lang) for k in params], "value": [_shown(v) for v in params.values()]}
    )
    files = pd.DataFrame(
        {
            "file": [r["path"] for r in records],
            "bytes": pd.array([r["bytes"] for r in records], dtype="Int64"),
            "sha256": [r["sha256"].split(":", 1)[1][:12] for r in records],
        }
    )
    packages = pd.DataFrame({"package": list(versions), "version": list(versions.values())})
    markup = (
        f'<details class="cl-provenance"><summary>{html.escape(tr("provenance.title"))}</summary>'
        f"<h4>{html.escape(tr('provenance.parameters'))}</h4>"
        + _compact(
            parameters,
            lang,
            {"name": "text", "value": "code"},
            {"name": tr("provenance.name"), "value": tr("provenance.value")},
        )
        + (
            f"<h4>{html.escape(tr('provenance.inputs'))}</h4>"
            + _compact(
                files,
                lang,
                {"file": "code", "bytes": "count", "sha256": "code"},
                {"file": tr("provenance.file"), "bytes": tr("provenance.size"), "sha256": tr("provenance.sha256")},
            )
            if records
            else ""
        )
        + f"<h4>{html.escape(tr('provenance.packages'))}</h4>"
        + _compact(
            packages,
            lang,
            {"package": "code", "version": "code"},
            {"package": tr("provenance.package"), "version": tr("provenance.version")},
        )
        + "</details>"
    )
    plain = "\n".join(
        [f"{k} = {_shown(v)}" for k, v in params.items()]
        + [f"{r['path']}  {r['sha256'][:19]}" for r in records]
        + [f"{k} {v}" for k, v in versions.items()]
    )
    publish(
        {"text/html": markup, "text/plain": plain},
        "provenance",
        params={str(k): _jsonable(v) for k, v in params.items()},
        inputs=records,
        packages=versions,
        python_executable=sys.executable,
        created=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    )
