"""Reading one input table against its schema: find the header row, type and check every cell.

The readers of :mod:`clusterlib.data.tables` and :mod:`clusterlib.data.step_tables` are built on
:func:`read_schema_table` (and :func:`read_checked` for the tables whose firm ids must be in the register).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clusterlib.data.readers import Grid, RawTable, read_grid, table_from_grid
from clusterlib.data.rules import in_register
from clusterlib.data.schemas import SCHEMAS
from clusterlib.data.validation import Schema, validate
from clusterlib.regions import normalize_name

__all__ = ["find_header", "raw_table", "read_checked", "read_schema_table"]


def find_header(grid: Grid, schema: Schema, *, rows: int = 10, partial: bool = False) -> int | None:
    """Index of the header row among the first ``rows`` rows of ``grid``.

    The first row whose headings cover the schema's required columns; with ``partial``, failing
    that, the first row with at least two of the schema's headings (so that validation can say
    which column is missing).
    """
    keys: dict[str, str] = {}
    for column in schema.columns:
        for alias in (column.name, *column.aliases):
            keys[normalize_name(alias)] = column.name
    needed = {c.name for c in schema.columns if c.required}
    known = [
        {keys.get(normalize_name(str(c))) for c in cells if c is not None} - {None}
        for cells in grid.rows[:rows]
    ]
    for index, names in enumerate(known):
        if needed <= names and (not schema.located or names & {"plate", "province"}):
            return index
    if partial:
        return next((index for index, names in enumerate(known) if len(names) >= 2), None)
    return None


def raw_table(path: str | Path, schema: Schema, sheet: str | int | None) -> RawTable:
    grid = read_grid(path, sheet=sheet)
    header = find_header(grid, schema, partial=True)
    return table_from_grid(grid, 0 if header is None else header)


def read_schema_table(name: str, path: str | Path, sheet: str | int | None) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return validate(raw_table(path, schema, sheet), schema)


def read_checked(
    name: str, path, sheet, firms: pd.DataFrame | None, columns: tuple[str, ...]
) -> pd.DataFrame:
    schema = SCHEMAS[name]
    checks = (in_register(firms, columns),) if firms is not None else ()
    return validate(raw_table(path, schema, sheet), schema, checks=checks)
