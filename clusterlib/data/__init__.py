"""Loaders and validation of the workbench's input tables.

Every reader returns a clean, typed DataFrame or raises :class:`DataValidationError` naming the
file, the row the user sees (the header is row 1), the column as written, what was found and what
was expected.  :func:`load_tables` reads and caches a whole data directory (by default the
synthetic sample in ``data/raw/sample``); :func:`data_fingerprint` identifies its content.

The sample generator lives in :mod:`clusterlib.data.sample` and is imported only when used.
"""

from clusterlib.data.errors import DataValidationError
from clusterlib.data.readers import read_grid, read_table
from clusterlib.data.schemas import SCHEMAS, TABLES
from clusterlib.data.tables import (
    data_fingerprint,
    load_tables,
    read_benchmarks,
    read_employment,
    read_exports,
    read_firms,
    read_initiatives,
    read_io_table,
    read_monitoring,
    read_province_factors,
    read_relations,
    read_stakeholders,
    read_survey,
)

__all__ = [
    "SCHEMAS",
    "TABLES",
    "DataValidationError",
    "data_fingerprint",
    "load_tables",
    "read_benchmarks",
    "read_employment",
    "read_exports",
    "read_firms",
    "read_grid",
    "read_initiatives",
    "read_io_table",
    "read_monitoring",
    "read_province_factors",
    "read_relations",
    "read_stakeholders",
    "read_survey",
    "read_table",
]
