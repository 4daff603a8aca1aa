"""The run's caches: the input tables validated once (a Parquet copy the kernels read) and the
analyses' results, as the runner's own process reads them after the reports (post-run hooks)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["check_data", "run_caches"]


def check_data(data: Path, cache_root: Path | None = None) -> Path | None:
    """Read and validate every input table of ``data`` once (the tables a folder lacks are left
    to the steps, which run with what there is); with ``cache_root``, store the validated tables
    there as Parquet for the run's notebooks (:mod:`clusterlib.data.cache`) and return the root.

    Raises
    ------
    clusterlib.data.DataValidationError
        For the first bad file, with its message (file, row, column, expectation).
    """
    from clusterlib.data import TABLES, load_tables
    from clusterlib.data.cache import write_cache
    from clusterlib.data.version import table_files

    present = {p.name.rsplit(".", 1)[0] for p in table_files(data)}
    wanted = [t for t in TABLES if t in present]
    if not wanted:
        return None
    tables = load_tables(data, tables=wanted)
    if cache_root is None:
        return None
    write_cache(data, tables, cache_root)
    return cache_root


@contextlib.contextmanager
def run_caches(processed: Path) -> Iterator[None]:
    """Within the block, this process reads the run's caches as its kernels do: the validated tables
    (``<processed>/cache``, :mod:`clusterlib.data.cache`) and the analyses' results
    (``<processed>/results``, :mod:`clusterlib.resultcache`); the environment is restored after.

    The post-run hooks run in it: the knowledge-base pages then read the monitoring results the
    kernels stored instead of computing them again, and the tables come from the Parquet copy when
    every report was up to date (no table was read in this process).

    Examples
    --------
    >>> import os, pathlib
    >>> before = os.environ.get("CLUSTERLIB_RESULT_CACHE")
    >>> with run_caches(pathlib.Path("/tmp/processed")):
    ...     os.environ["CLUSTERLIB_RESULT_CACHE"]
    '/tmp/processed/results'
    >>> os.environ.get("CLUSTERLIB_RESULT_CACHE") == before
    True
    """
    from clusterlib.data.cache import CACHE_ENV as TABLES_ENV
    from clusterlib.resultcache import CACHE_ENV as RESULTS_ENV

    wanted = {TABLES_ENV: str(processed / "cache"), RESULTS_ENV: str(processed / "results")}
    before = {name: os.environ.get(name) for name in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
