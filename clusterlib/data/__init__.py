"""Loaders and validation of the workbench's input tables.

Every reader returns a clean, typed DataFrame or raises :class:`DataValidationError` naming the
file, the row the user sees (the header is row 1), the column as written, what was found and what
was expected — every problem of a file at once, in Turkish or English (:func:`messages_in`, or
``load_tables(..., lang=)``).  Nothing is changed silently: how cells were read (``-`` as 0, withheld
``*`` and blank cells left missing, hidden sheets passed over, absent optional columns, provinces
missing) is recorded with each table (:func:`source_of`).  :func:`load_tables` reads and caches a
whole data directory (by default the synthetic sample in ``data/raw/sample``), lists every missing
table at once and returns a :class:`LoadedTables`; :func:`data_fingerprint` identifies its content.

The sample generator lives in :mod:`clusterlib.data.sample` and is imported only when used.
"""

from clusterlib.data.coverage import require_years
from clusterlib.data.errors import DataValidationError
from clusterlib.data.folder import STEP_TABLES, LoadedTables, clear_table_cache, data_fingerprint, load_tables
from clusterlib.data.messages import messages_in
from clusterlib.data.notes import MissingTable, ReadNote, SourceInfo, source_of
from clusterlib.data.readers import read_grid, read_table
from clusterlib.data.schemas import SCHEMAS, TABLES
from clusterlib.data.tables import (
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
    "STEP_TABLES",
    "TABLES",
    "DataValidationError",
    "LoadedTables",
    "MissingTable",
    "ReadNote",
    "SourceInfo",
    "clear_table_cache",
    "data_fingerprint",
    "load_tables",
    "messages_in",
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
    "require_years",
    "source_of",
]
