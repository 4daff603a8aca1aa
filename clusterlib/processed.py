"""The derived tables of a step, saved to ``data/processed/`` under one naming scheme, atomically.

Every step's ``save()`` calls :func:`save_tables`, so that all derived tables of the workbench are
found the same way::

    <processed_dir>/<step>/<plate>_<slug>[_<qualifier>]_<table>.csv

for example ``data/processed/sector_selection/55_samsun_2024_scores.csv`` or
``data/processed/value_chain_mapping/27_gaziantep_gaziantep_footwear_linkages.csv``.  Each file is
UTF-8 CSV with ``.`` decimals (a machine-readable table, not a report: the reports' workbooks carry
the formatted figures), written atomically and readable by everyone (mode 0644); text that a
spreadsheet would read as a formula is quoted (:func:`clusterlib.cellsafe.excel_safe`).  A frame's index is
written when it is named (a sector code, a plate), left out when it is a plain row number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from clusterlib.cellsafe import excel_safe
from clusterlib.config import PROCESSED_DIR
from clusterlib.files import atomic_write_text
from clusterlib.regions import Province

__all__ = ["STEPS", "save_tables", "table_path"]

#: The steps whose tables are saved, by the id of their notebook (``02_sector_selection`` → ``sector_selection``).
STEPS: tuple[str, ...] = (
    "needs_assessment",
    "sector_selection",
    "value_chain_mapping",
    "monitoring_benchmarking",
)

_NAME = re.compile(r"[a-z0-9][a-z0-9_]*")


def table_path(
    step: str,
    province: Province,
    table: str,
    processed_dir: str | Path | None = None,
    *,
    qualifier: object = None,
) -> Path:
    """Where :func:`save_tables` writes ``table`` of ``step`` for ``province``.

    Examples
    --------
    >>> from clusterlib.regions import province
    >>> table_path("sector_selection", province("Samsun"), "scores", "/p", qualifier=2024).as_posix()
    '/p/sector_selection/55_samsun_2024_scores.csv'
    >>> table_path("needs_assessment", province("Çorum"), "items", "/p").as_posix()
    '/p/needs_assessment/19_corum_items.csv'
    """
    if step not in STEPS:
        raise ValueError(f"'step' must be one of {list(STEPS)}, got {step!r}")
    if not _NAME.fullmatch(table):
        raise ValueError(f"'table' must be a snake_case name such as 'scores', got {table!r}")
    parts = [f"{province.plate:02d}", province.slug]
    if qualifier is not None:
        parts.append(str(qualifier))
    folder = Path(processed_dir) if processed_dir else PROCESSED_DIR
    return folder / step / f"{'_'.join(parts)}_{table}.csv"


def save_tables(
    step: str,
    province: Province,
    tables: Mapping[str, pd.DataFrame],
    processed_dir: str | Path | None = None,
    *,
    qualifier: object = None,
) -> list[Path]:
    """Write a step's derived ``tables`` as CSV (atomically); return the paths in the order given.

    Parameters
    ----------
    step : str
        One of :data:`STEPS`.
    province : Province
        The province the tables belong to.
    tables : mapping of str to DataFrame
        Table name (snake_case, the last part of the file name) → table.
    processed_dir : str or Path, optional
        Default ``data/processed``.
    qualifier : optional
        What else tells the tables apart (the year of sector selection, the cluster of a value chain).

    Examples
    --------
    >>> import tempfile
    >>> from clusterlib.regions import province
    >>> folder = tempfile.mkdtemp()
    >>> frame = pd.DataFrame({"lq": [1.5, None]}, index=pd.Index(["15", "28"], name="nace"))
    >>> [path] = save_tables("sector_selection", province("Gaziantep"), {"lq": frame}, folder, qualifier=2024)
    >>> path.name, path.read_text()
    ('27_gaziantep_2024_lq.csv', 'nace,lq\\n15,1.5\\n28,\\n')
    """
    paths = []
    for name, frame in tables.items():
        path = table_path(step, province, name, processed_dir, qualifier=qualifier)
        named_index = any(level is not None for level in frame.index.names)
        atomic_write_text(path, excel_safe(frame).to_csv(index=named_index, lineterminator="\n"))
        paths.append(path)
    return paths
