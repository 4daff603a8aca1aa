"""Each analysis computed once: a cache of analysis results on disk, keyed by what they depend on.

An analysis depends on the province, the data tables it reads, its parameters and the code, so a
Turkish and an English report of one (province, step) can share one computation, and a scheduled
re-run with nothing changed need not repeat a Monte Carlo or a bootstrap.  The decorators::

    @cached_analysis("sector_selection")                        # a language-free result
    def analyse_sector_selection(province, *, lang="tr", data_dir=None, ...): ...

    @cached_analysis("some_step", language_free=False)          # a result that holds sentences
    def analyse_some_step(province, *, lang="tr", ...): ...

    @cached_computation("needs_ranking")                          # a language-free inner step
    def rank_needs(survey, *, n_boot=2000, ...): ...

store each result (pickled) as ``<folder>/<name>/<key>.pickle``, where the key is a SHA-256 of

* the step and the province (by plate, so every spelling shares it);
* the content (SHA-256) of every table the step reads (:data:`STEP_READS`) in its data folder, and
  of every file given as a ``*_file`` argument;
* every other argument (``lang`` too unless the result is language-free);
* the clusterlib version and a digest of clusterlib's source and resource files (a changed method
  is a changed result, even before the version number moves), and the versions of numpy, pandas,
  scipy, networkx and pymcdm.

A cached result is therefore never stale: change any of these and the key changes.  An argument
the key cannot represent (already loaded ``tables``, an object) bypasses the cache.

Entries live in ``<folder>/<generation>/<name>/<key digest>.pickle``; :func:`prune` removes the
generations of other clusterlib sources (the runner does after each run).

The cache is off unless a folder is given: the report runner turns it on for its kernels with
:data:`CACHE_ENV` (``<processed>/results``); in a session of your own, :func:`enable` it.
Entries are written atomically (readable, 0644) under a per-key file lock, so two kernels that
need the same result at the same time compute it once.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import json
import os
import pickle
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from clusterlib.data.folder import STEP_TABLES

__all__ = [
    "CACHE_ENV",
    "LOG_ENV",
    "STEP_READS",
    "cache_folder",
    "cached_analysis",
    "cached_computation",
    "enable",
    "generation",
    "prune",
    "source_digest",
    "step_reads",
    "tables_digest",
]

#: Environment variable with the folder of the result cache (unset: no cache).
CACHE_ENV = "CLUSTERLIB_RESULT_CACHE"
#: Environment variable naming a file to which every computation (a cache miss) appends a line
#: ``<name> <key digest> <pid>``: how tests and benchmarks count what was computed.
LOG_ENV = "CLUSTERLIB_RESULT_CACHE_LOG"

#: The input tables each step reads (its analyses and the notebook), by step id: its required and
#: optional tables of :data:`clusterlib.data.STEP_TABLES` (one list; the monitoring step's notebook is
#: ``04_monitoring_benchmarking``, so it is listed under both ids).  Checked against the files the
#: analyses really open (``tests/test_result_cache.py``).  A step not listed reads every table, as
#: far as the cache and the runner's up-to-date check are concerned.
STEP_READS: dict[str, tuple[str, ...]] = {
    step: tables["required"] + tables["optional"] for step, tables in STEP_TABLES.items()
}
STEP_READS["monitoring_benchmarking"] = STEP_READS["monitoring"]

F = TypeVar("F", bound=Callable[..., Any])
_HASHES: dict[tuple[str, int, int], str] = {}
_SCALARS = (str, int, float, bool, type(None))
#: Results this process got from the cache or computed for it, by ``id``: (weak reference, key
#: digest), so that a result passed on to another analysis (``ranking=selection``) has a key too.
_ORIGINS: dict[int, tuple[weakref.ref, str]] = {}


def enable(folder: str | os.PathLike[str] | None) -> None:
    """Turn the cache on (results under ``folder``) or off (None) for this process and the
    kernels it starts."""
    if folder is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = str(Path(folder).resolve())


def cache_folder() -> Path | None:
    """The folder of the cache, or None when it is off."""
    value = os.environ.get(CACHE_ENV)
    return Path(value) if value else None


def _sha256(path: Path) -> str:
    stat = path.stat()
    stamp = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if stamp not in _HASHES:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _HASHES[stamp] = digest.hexdigest()
    return _HASHES[stamp]


def step_reads(step: str) -> tuple[str, ...]:
    """The tables ``step`` reads (every table for a step not in :data:`STEP_READS`).

    Examples
    --------
    >>> step_reads("needs_assessment")
    ('firms', 'survey', 'stakeholders', 'benchmarks')
    >>> len(step_reads("a_new_step")) > 10
    True
    """
    if step in STEP_READS:
        return STEP_READS[step]
    from clusterlib.data.schemas import TABLES

    return tuple(TABLES)


def tables_digest(data_dir: str | os.PathLike[str] | None, names: Iterable[str]) -> dict[str, str]:
    """``{file name: SHA-256}`` of the tables ``names`` present in ``data_dir`` (default: the
    bundled sample), as CSV or XLSX; a table absent is absent from the result (so adding it later
    changes the digest)."""
    from clusterlib.config import SAMPLE_DIR
    from clusterlib.data.version import TABLE_SUFFIXES

    folder = Path(data_dir) if data_dir else SAMPLE_DIR
    found = {}
    for name in names:
        for suffix in TABLE_SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.is_file():
                found[path.name] = _sha256(path)
    return found


#: Libraries whose version can change a computed number (a new numpy random stream, a scipy fix).
_NUMERIC_LIBRARIES = ("numpy", "pandas", "scipy", "networkx", "pymcdm")


@functools.cache
def source_digest() -> str:
    """SHA-256 over clusterlib's version, the bytes of its source and resource files and the
    versions of the numerical libraries it computes with."""
    from importlib import metadata

    from clusterlib.config import PACKAGE_DIR
    from clusterlib.version import __version__

    root = PACKAGE_DIR
    digest = hashlib.sha256(__version__.encode())
    for name in _NUMERIC_LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=\n".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".lock"):
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def generation() -> str:
    """The folder of the cache's entries made by this clusterlib: the first 16 hex digits of
    :func:`source_digest`, which is part of every key (so an entry of another generation can never
    be reached again)."""
    return source_digest()[:16]


def prune(folder: str | os.PathLike[str] | None = None) -> list[Path]:
    """Remove the entries no current key can reach: those of every other :func:`generation` (made by
    another version or source of clusterlib, or other numerical libraries).  Returns the folders removed.

    Entries of the current generation whose tables or arguments changed are kept: their keys still
    name data that may come back (another data folder, the previous survey wave), and a run cannot
    tell them from the entries of provinces it did not render.  The runner calls this after each run.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "0123456789abcdef" / "needs_assessment").mkdir(parents=True)
    >>> (root / generation()).mkdir()
    >>> (root / "notes").mkdir()   # not a generation: left alone
    >>> [p.name for p in prune(root)], sorted(p.name for p in root.iterdir()) == sorted([generation(), "notes"])
    (['0123456789abcdef'], True)
    """
    import re
    import shutil

    base = Path(folder) if folder is not None else cache_folder()
    if base is None or not base.is_dir():
        return []
    current = generation()
    removed = []
    for child in sorted(base.iterdir()):
        if child.is_dir() and re.fullmatch(r"[0-9a-f]{16}", child.name) and child.name != current:
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
    return removed


def _plain(value: Any) -> Any:
    """``value`` as JSON-ready data, or raise TypeError when the key cannot represent it."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _plain(v) for k, v in value.items()}
    origin = _ORIGINS.get(id(value))
    if origin is not None and origin[0]() is value:
        return {"result": origin[1]}
    raise TypeError(type(value).__name__)


def _remember(value: Any, digest: str) -> Any:
    with contextlib.suppress(TypeError):  # not weak-referenceable: it gets no key
        _ORIGINS[id(value)] = (weakref.ref(value), digest)
    return value


def _frame_digest(value: Any) -> str:
    import pandas as pd

    if isinstance(value, pd.Series):
        value = value.to_frame()
    hashed = pd.util.hash_pandas_object(value, index=True).to_numpy()
    names = json.dumps([str(c) for c in value.columns] + [str(t) for t in value.dtypes])
    return hashlib.sha256(hashed.tobytes() + names.encode()).hexdigest()


def _load(path: Path) -> tuple[bool, Any]:
    try:
        with open(path, "rb") as handle:
            return True, pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return False, None


def _store(path: Path, value: Any) -> None:
    from clusterlib.files import atomic_write

    with (
        contextlib.suppress(pickle.PicklingError, TypeError, AttributeError, OSError),
        atomic_write(path, "wb", encoding=None) as handle,
    ):
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def _log(name: str, digest: str) -> None:
    target = os.environ.get(LOG_ENV)
    if target:
        with open(target, "a", encoding="utf-8") as handle:  # one short line: appended whole
            handle.write(f"{name} {digest} {os.getpid()}\n")


def _cached(folder: Path, name: str, key: dict[str, Any], compute: Callable[[], Any]) -> Any:
    from filelock import FileLock

    digest = hashlib.sha256(json.dumps(key, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    path = folder / generation() / name / f"{digest}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.with_suffix(".lock")), timeout=1800):
        found, value = _load(path) if path.is_file() else (False, None)
        if not found:
            value = compute()
            _store(path, value)
            _log(name, digest)
    return _remember(value, digest)


def cached_analysis(step: str, *, language_free: bool = True, reads: str | None = None) -> Callable[[F], F]:
    """Cache the results of an ``analyse_*`` function of ``step`` (see the module docstring).

    Parameters
    ----------
    step : str
        Name of the analysis (the cache's subfolder).
    language_free : bool, default True
        True when the result is the same in every language (``lang`` only chooses the language of
        error messages): the key leaves ``lang`` out, so every language shares one result.
    reads : str, optional
        The step whose tables (:data:`STEP_READS`) the analysis reads; default ``step``.
    """

    def decorate(function: F) -> F:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            folder = cache_folder()
            if folder is None:
                return function(*args, **kwargs)
            try:
                key = _analysis_key(signature.bind(*args, **kwargs), step, reads or step, language_free)
            except (TypeError, ValueError, LookupError, OSError):  # not representable: compute
                return function(*args, **kwargs)
            return _cached(folder, step, key, lambda: function(*args, **kwargs))

        wrapper.__wrapped_uncached__ = function  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _analysis_key(
    bound: inspect.BoundArguments, step: str, reads: str, language_free: bool
) -> dict[str, Any]:
    from clusterlib.regions import province
    from clusterlib.version import __version__

    bound.apply_defaults()
    arguments = dict(bound.arguments)
    place = arguments.pop("province")
    if arguments.get("tables") is not None:
        raise TypeError("already loaded tables")
    arguments.pop("tables", None)
    if language_free and "lang" in arguments:
        from clusterlib.i18n import check_language

        check_language(arguments.pop("lang"))  # a wrong language still fails, cached result or not
    data_dir = arguments.pop("data_dir", None)
    files = {}
    for name in [n for n in arguments if n.endswith("_file")]:
        value = arguments.pop(name)
        files[name] = None if not value else _sha256(Path(value))
    return {
        "step": step,
        "plate": province(place).plate,
        "data_dir": str(Path(data_dir).resolve()) if data_dir else None,
        "tables": tables_digest(data_dir, step_reads(reads)),
        "files": files,
        "arguments": {k: _plain(v) for k, v in arguments.items()},
        "version": __version__,
        "source": source_digest(),
    }


def cached_computation(name: str) -> Callable[[F], F]:
    """Cache a language-free computation whose arguments are DataFrames, Series and plain values
    (keyed by their content), e.g. a bootstrap inside an analysis that is not language-free."""
    import pandas as pd

    def decorate(function: F) -> F:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            folder = cache_folder()
            if folder is None:
                return function(*args, **kwargs)
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            try:
                key = {
                    k: _frame_digest(v) if isinstance(v, (pd.DataFrame, pd.Series)) else _plain(v)
                    for k, v in bound.arguments.items()
                }
            except TypeError:
                return function(*args, **kwargs)
            key.update(function=name, source=source_digest())
            return _cached(folder, name, key, lambda: function(*args, **kwargs))

        return wrapper  # type: ignore[return-value]

    return decorate
