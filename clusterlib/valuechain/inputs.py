"""Inputs of the value-chain step: interview relations (edge list or adjacency matrix) and the
input-output table, checked and turned into tidy frames and matrices.

Pure and language-free.  A problem that makes the data unusable is a
:class:`~clusterlib.data.DataValidationError` naming file, row and column (all problems of a file
at once); a problem the analysis can live with is a :class:`Note` that the report shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib.data import DataValidationError
from clusterlib.data.readers import read_grid

__all__ = [
    "RELATION_TYPES",
    "Note",
    "check_relations",
    "io_matrices",
    "load_relations",
    "read_adjacency",
    "relations_from_matrix",
]

#: What the partner is to the interviewed firm.
RELATION_TYPES: tuple[str, ...] = ("supplier", "customer", "cooperation")
_ALIASES = {
    "supplier": "supplier",
    "tedarikçi": "supplier",
    "tedarikci": "supplier",
    "customer": "customer",
    "müşteri": "customer",
    "musteri": "customer",
    "cooperation": "cooperation",
    "iş birliği": "cooperation",
    "is birligi": "cooperation",
    "işbirliği": "cooperation",
    "isbirligi": "cooperation",
}


@dataclass(frozen=True)
class Note:
    """A data problem the analysis works around, shown in the report.

    ``kind`` is ``"duplicate"`` (one pair named with several relation types, or twice),
    ``"outside_register"`` (a partner that is neither in the firm register nor marked ``EXT-``),
    ``"sections"`` (IO sections without employment) …; ``items`` the firm ids or codes concerned.
    """

    kind: str
    items: tuple[str, ...]
    detail: str = ""


def _fail(problems: list[DataValidationError]) -> None:
    """Raise every problem at once (:meth:`DataValidationError.collect`, in the run's language)."""
    if problems:
        raise DataValidationError.collect(problems)


def _row_problems(
    frame: pd.DataFrame, bad: pd.Series, file: str, column: str, expected: object, message
) -> list[DataValidationError]:
    """One :class:`DataValidationError` per flagged row (file row = index + 2, after the header)."""
    return [
        DataValidationError(
            message(frame[column].iloc[i]), file=file, row=int(i) + 2, column=column, expected=expected,
            got=frame[column].iloc[i],
        )
        for i in np.flatnonzero(bad.to_numpy())
    ]  # fmt: skip


def check_relations(
    relations: pd.DataFrame, firms: pd.DataFrame, *, file: str = "relations"
) -> tuple[pd.DataFrame, tuple[Note, ...]]:
    """Check interview relations against the firm register.

    Parameters
    ----------
    relations : DataFrame
        Columns ``source``, ``target``, ``relation`` (``supplier``, ``customer``, ``cooperation``
        or the Turkish words), optional ``importance`` (1–5), ``local`` (bool), ``target_name``,
        ``target_province``.  Row *k* of the frame is row *k + 2* of the file (header is row 1).
    firms : DataFrame
        The firm register (``firm_id`` …).
    file : str
        File name used in messages.

    Returns
    -------
    (DataFrame, tuple of Note)
        Relations with ``relation`` in English and exact repeats dropped, and the notes: exact
        repeats and one pair named with several types (``duplicate``), partners neither in the
        register nor marked ``EXT-`` (``outside_register``; they stay as external partners).

    Raises
    ------
    DataValidationError
        For a missing column, a self-tie, an unknown relation type, an interviewed firm (``source``)
        that is not in the register or an importance outside 1–5 — every bad row at once.

    Examples
    --------
    >>> firms = pd.DataFrame({"firm_id": ["A", "B"]})
    >>> rel = pd.DataFrame({"source": ["A", "A"], "target": ["B", "X"], "relation": ["müşteri", "supplier"]})
    >>> clean, notes = check_relations(rel, firms)
    >>> clean["relation"].tolist(), [(n.kind, n.items) for n in notes]
    (['customer', 'supplier'], [('outside_register', ('X',))])
    """
    missing = [c for c in ("source", "target", "relation") if c not in relations.columns]
    if missing:
        raise DataValidationError(
            f"missing columns {missing}; an edge list needs source, target and relation",
            file=file,
            expected="columns source, target, relation",
            got=list(relations.columns),
        )
    frame = relations.reset_index(drop=True).copy()
    known = set(firms["firm_id"].astype(str))
    frame["source"] = frame["source"].astype(str).str.strip()
    frame["target"] = frame["target"].astype(str).str.strip()
    kind = frame["relation"].astype(str).str.strip().str.lower().map(_ALIASES)
    problems = [
        *_row_problems(frame, kind.isna(), file, "relation", list(RELATION_TYPES),
                       lambda v: f"{v!r} is not a relation type; use one of {list(RELATION_TYPES)}"),
        *_row_problems(frame, frame["source"] == frame["target"], file, "target",
                       "a partner other than the source firm",
                       lambda v: f"{v!r} is the interviewed firm itself (a self-tie)"),
        *_row_problems(frame, ~frame["source"].isin(known), file, "source", "a firm_id of the firm register",
                       lambda v: f"firm {v!r} is not in the firm register"),
    ]  # fmt: skip
    if "importance" in frame:
        importance = pd.to_numeric(frame["importance"], errors="coerce")
        bad = importance.notna() & ~importance.between(1, 5)
        bad |= importance.isna() & frame["importance"].notna()
        problems += _row_problems(frame, bad, file, "importance", "an integer 1–5",
                                  lambda v: f"importance {v!r} is not 1–5")  # fmt: skip
        frame["importance"] = importance
    _fail(sorted(problems, key=lambda p: (p.row or 0, p.column or "")))
    frame["relation"] = kind
    notes: list[Note] = []
    repeated = frame.duplicated(["source", "target", "relation"])
    if repeated.any():
        pairs = frame.loc[repeated, ["source", "target"]].agg("→".join, axis=1)
        notes.append(
            Note("duplicate", tuple(dict.fromkeys(pairs)), "same relation named twice; counted once")
        )
        frame = frame[~repeated]
    types = frame.groupby(["source", "target"])["relation"].nunique()
    multi = types[types > 1]
    if len(multi):
        pairs = tuple(f"{s}→{t}" for s, t in multi.index)
        notes.append(Note("duplicate", pairs, "one pair named with several relation types; all kept"))
    outside = ~frame["target"].isin(known) & ~frame["target"].str.upper().str.startswith("EXT-")
    if outside.any():
        notes.append(
            Note(
                "outside_register",
                tuple(sorted(set(frame.loc[outside, "target"]))),
                "kept as external partners",
            )
        )
    return frame.reset_index(drop=True), tuple(notes)


def relations_from_matrix(matrix: pd.DataFrame, *, file: str = "relations") -> pd.DataFrame:
    """An adjacency matrix of the interviews as an edge list.

    Row *i*, column *j* holds what firm *j* is to the interviewed firm *i*: ``supplier``,
    ``customer``, ``cooperation`` (or the Turkish words), blank for no tie.  Several types in one
    cell are separated by ``;``.

    Returns
    -------
    DataFrame
        ``source, target, relation`` in the matrix's row order (relation words as written; check
        them with :func:`check_relations`).

    Raises
    ------
    DataValidationError
        When rows and columns name different firms.

    Examples
    --------
    >>> m = pd.DataFrame([["", "supplier"], ["müşteri", ""]], index=["A", "B"], columns=["A", "B"])
    >>> relations_from_matrix(m).values.tolist()
    [['A', 'B', 'supplier'], ['B', 'A', 'müşteri']]
    """
    rows = [str(r).strip() for r in matrix.index]
    columns = [str(c).strip() for c in matrix.columns]
    if sorted(rows) != sorted(columns):
        extra = sorted(set(columns) ^ set(rows))[:5]
        raise DataValidationError(
            f"an adjacency matrix needs the same firms as rows and columns; differing: {extra}",
            file=file,
            expected="a square matrix of firm ids",
            got=(len(rows), len(columns)),
        )
    records = []
    for i, source in enumerate(rows):
        for j, target in enumerate(columns):
            cell = matrix.iat[i, j]
            if cell is None or (isinstance(cell, float) and np.isnan(cell)) or not str(cell).strip():
                continue
            for word in str(cell).split(";"):
                if word.strip():
                    records.append((source, target, word.strip()))
    return pd.DataFrame(records, columns=["source", "target", "relation"])


def read_adjacency(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read an adjacency-matrix spreadsheet (first row and first column: firm ids) as an edge list.

    See :func:`relations_from_matrix`; CSV (``,``, ``;`` or tab) or ``.xlsx``.
    """
    grid = read_grid(path, sheet=sheet)
    cells = [list(row) for row in grid.rows]
    if not cells or len(cells[0]) < 2:
        raise DataValidationError(
            "empty adjacency matrix", file=Path(path).name, expected="firm ids in row 1"
        )
    header = [str(c).strip() for c in cells[0][1:]]
    index = [str(r[0]).strip() for r in cells[1:]]
    body = [list(r[1:]) + [""] * (len(header) - len(r) + 1) for r in cells[1:]]
    matrix = pd.DataFrame(body, index=index, columns=header)
    return relations_from_matrix(matrix, file=Path(path).name)


def load_relations(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read interview relations from an edge list or an adjacency-matrix spreadsheet.

    A file whose first row names the columns ``source``/``target``/``relation`` (or their Turkish
    headings) is an edge list, read and checked by :func:`clusterlib.data.read_relations`; any
    other file is an adjacency matrix (:func:`read_adjacency`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
    >>> _ = path.write_text("firma,A,B\\nA,,müşteri\\nB,,\\n", encoding="utf-8")
    >>> load_relations(path).values.tolist()
    [['A', 'B', 'müşteri']]
    """
    from clusterlib.data import read_relations

    grid = read_grid(path, sheet=sheet)
    header = {str(c).strip().lower() for c in (grid.rows[0] if grid.rows else [])}
    if header & {"relation", "ilişki", "iliski"} and header & {"target", "hedef", "ortak"}:
        return read_relations(path, sheet=sheet)
    return read_adjacency(path, sheet=sheet)


def io_matrices(
    io_table: pd.DataFrame, *, file: str = "io_table"
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Intermediate flows ``Z``, total output ``x`` and final demand ``f`` from a long IO table.

    ``io_table`` has ``from, to, value``; sector rows and columns, a ``VA`` (value added) row and an
    ``FD`` (final demand) column.  Output is the column total :math:`x_j = \\sum_i z_{ij} + v_j`.

    Raises
    ------
    DataValidationError
        When the sectors of rows and columns differ (not square), a flow is negative, or a sector's
        intermediate inputs or sales exceed its output.

    Examples
    --------
    >>> t = pd.DataFrame({"from": ["A", "A", "VA"], "to": ["A", "FD", "A"], "value": [10.0, 90.0, 90.0]})
    >>> Z, x, f = io_matrices(t)
    >>> Z.to_numpy().tolist(), x.tolist(), f.tolist()
    ([[10.0]], [100.0], [90.0])
    """
    frame = io_table.reset_index(drop=True)
    rows = sorted(set(frame["from"]) - {"VA"})
    columns = sorted(set(frame["to"]) - {"FD"})
    if rows != columns:
        raise DataValidationError(
            f"not square: sectors {sorted(set(rows) ^ set(columns))} are only in the rows or only in the columns",
            file=file,
            column="from",
            expected="the same sectors as rows (from) and columns (to)",
            got=(len(rows), len(columns)),
        )
    sectors = rows
    inner = frame["from"].isin(sectors) & frame["to"].isin(sectors)
    negative = np.flatnonzero((inner & (frame["value"] < 0)).to_numpy())
    _fail(
        [
            DataValidationError(
                f"intermediate flow {frame['from'].iloc[i]}→{frame['to'].iloc[i]} is negative",
                file=file,
                row=int(i) + 2,
                column="value",
                expected="flows ≥ 0",
                got=frame["value"].iloc[i],
            )
            for i in negative
        ]
    )
    z = frame[inner].pivot_table(index="from", columns="to", values="value", aggfunc="sum", fill_value=0.0)
    z = z.reindex(index=sectors, columns=sectors, fill_value=0.0).astype(float)
    z.index.name, z.columns.name = "from", "to"
    va = frame[frame["from"] == "VA"].groupby("to")["value"].sum().reindex(sectors, fill_value=0.0)
    fd = frame[frame["to"] == "FD"].groupby("from")["value"].sum().reindex(sectors, fill_value=0.0)
    x = (z.sum(axis=0) + va).astype(float)
    problems = []
    for sector in sectors:
        for used, what in ((z[sector].sum(), "inputs"), (z.loc[sector].sum(), "sales")):
            if used > x[sector] * (1 + 1e-6):
                problems.append(
                    DataValidationError(
                        f"sector {sector}: intermediate {what} {used:g} exceed its output {x[sector]:g}",
                        file=file,
                        column="value",
                        expected="intermediate use ≤ output",
                        got=used,
                    )
                )
    _fail(problems)
    x.name, fd.name = "output", "final_demand"
    return z, x, fd.astype(float)
