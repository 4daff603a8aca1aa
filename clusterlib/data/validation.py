"""The validator: a small declarative spec of tables (:class:`Column`, :class:`Schema`) and :func:`validate`.

Why not pandera: pandera checks frames that are already typed, but our failures happen while
typing — a Turkish number, a province spelled ``K.Maraş``, a NACE label ``"10 - Gıda…"`` — and each
must name the file, the row the user sees and the heading as written, with a suggestion.  A small
spec parsed by :func:`validate` does both in one pass, and keeps pandera out of the runtime
dependencies.  Like pandera's lazy validation (``validate(lazy=True)``), it collects every failure
case of a file before raising — one :class:`~clusterlib.data.errors.DataValidationError` per failing
cell, each with its row and column, gathered by :meth:`DataValidationError.collect` (the first 20
listed, the rest counted).  The schemas of the workbench's tables are in :mod:`clusterlib.data.schemas`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from clusterlib.data.cells import is_blank, numeric_column, resolve_division, text_column
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.notes import ReadNote, SourceInfo
from clusterlib.data.numbers import NumberEvidence, decimal_mark, special_cells
from clusterlib.data.readers import RawTable
from clusterlib.data.spec import NUMERIC_KINDS, Checker, Column, Schema, each_failure, others_text
from clusterlib.regions import normalize_name, province

__all__ = ["Checker", "Column", "Schema", "map_headers", "resolve_division", "validate"]

# ------------------------------------------------------------------------------------------------ headers


def map_headers(raw: RawTable, schema: Schema) -> RawTable:
    """Rename the headings of ``raw`` to the schema's column names (aliases, any spelling).

    Headings the schema does not know are dropped; they are listed in ``raw.labels["_ignored"]``.
    """
    by_key: dict[str, str] = {}
    for column in schema.columns:
        for alias in (column.name, *column.aliases):
            by_key[normalize_name(alias)] = column.name
    renamed: dict[str, str] = {}
    labels: dict[str, object] = {}
    ignored = []
    for heading in raw.frame.columns:
        name = by_key.get(normalize_name(heading))
        if name is None:
            ignored.append(heading)
            continue
        if name in labels:
            raise DataValidationError(
                msg(
                    "data.error.same_meaning", first=repr(labels[name]), second=repr(heading), name=repr(name)
                ),
                file=raw.file,
                sheet=raw.sheet,
                row=_header_row(raw),
                column=heading,
                expected=f"one column {name!r}",
            )
        renamed[heading] = name
        labels[name] = raw.labels.get(heading, heading)
    frame = raw.frame[list(renamed)].rename(columns=renamed)
    labels["_ignored"] = ignored
    return RawTable(frame, raw.rows, raw.file, raw.sheet, labels, raw.skipped_sheets)


def _header_row(raw: RawTable) -> int | None:
    return int(raw.rows[0]) - 1 if len(raw.rows) else None


def _check_columns(raw: RawTable, schema: Schema) -> None:
    present = set(raw.frame.columns)
    missing = [c for c in schema.columns if c.required and c.name not in present]
    if schema.located and not present & {"plate", "province"}:
        missing = [schema.column("province"), *missing]
    if missing:
        column = missing[0]
        aliases = msg("data.error.aliases", aliases=", ".join(column.aliases)) if column.aliases else ""
        found = [raw.labels.get(c, c) for c in raw.frame.columns] + list(raw.labels.get("_ignored", []))
        raise DataValidationError(
            msg("data.error.missing_column", column=column.name, aliases=aliases, found=found),
            file=raw.file,
            sheet=raw.sheet,
            row=_header_row(raw),
            expected=[c.name for c in missing],
            got=found,
        )


# ---------------------------------------------------------------------------------------------- validate


def _decimal_hint(evidence: dict[str, NumberEvidence]) -> str | None:
    """The decimal mark the unambiguous numbers of the whole file show, if they agree."""
    marks = {e.decimal for e in evidence.values() if e.decimal}
    return marks.pop() if len(marks) == 1 and "mixed" not in marks else None


def _resolve_location(frame: pd.DataFrame, raw: RawTable) -> None:
    """Fill ``plate`` and ``province`` from each other and check that they agree."""
    if "plate" in frame and "province" in frame:
        names = frame["plate"].map(lambda p: province(int(p)).name if pd.notna(p) else None)
        disagree = (names != frame["province"]).to_numpy() & frame["plate"].notna().to_numpy()
        bad = np.flatnonzero(disagree)
        if bad.size:
            i = int(bad[0])
            raise raw.error(
                msg(
                    "data.error.plate_disagrees",
                    plate=int(frame["plate"].iloc[i]),
                    name=names.iloc[i],
                    given=repr(raw.frame["province"].iloc[i]),
                )
                + others_text(raw, bad[1:], "plate", i),
                i=i,
                column="plate",
                expected=f"plate {province(frame['province'].iloc[i]).plate}",
                got=int(frame["plate"].iloc[i]),
            )
    elif "plate" in frame:
        frame["province"] = frame["plate"].map(lambda p: province(int(p)).name if pd.notna(p) else None)
    else:
        frame["plate"] = frame["province"].map(lambda n: province(n).plate if n is not None else None)


def _required_cells(raw: RawTable, column: Column, values: list[object], parsed: Sequence[object]) -> None:
    if column.nullable:
        return
    numeric = isinstance(parsed, np.ndarray)
    empty = np.isnan(parsed) if numeric else np.array([v is None for v in parsed], dtype=bool)
    if column.kind in NUMERIC_KINDS:
        special = special_cells(values)
        empty &= ~special["suppressed"]  # withheld cells stay missing, and are counted
        if column.dash_is_missing:
            empty &= ~special["dash"]
    positions = np.flatnonzero(empty)
    if not positions.size:
        return

    def message(i: int) -> str:
        value = values[i]
        if is_blank(value):
            return msg("data.error.empty", expected=column.expectation())
        return msg("data.error.no_value", value=repr(value), expected=column.expectation())

    raise each_failure(
        raw, positions, column.name, message, expected=column.expectation(), got=lambda i: values[i]
    )


def _check_key(frame: pd.DataFrame, raw: RawTable, key: tuple[str, ...]) -> None:
    key = tuple(k for k in key if k in frame)
    if not key:
        return
    duplicated = frame.duplicated(list(key), keep=False).to_numpy()
    if not duplicated.any():
        return
    positions = np.flatnonzero(duplicated)
    first_seen: dict[tuple, int] = {}
    for i in positions:
        values = tuple(frame[k].iloc[i] for k in key)
        if values in first_seen:
            shown = ", ".join(f"{k}={_show(v)}" for k, v in zip(key, values, strict=True))
            repeats = int(frame.duplicated(list(key), keep="first").sum())
            more = msg("data.error.more_keys", count=repeats - 1) if repeats > 1 else ""
            raise raw.error(
                msg(
                    "data.error.duplicate_key",
                    key=shown,
                    row=int(raw.rows[first_seen[values]]),
                    more=more,
                    columns=", ".join(key),
                ),
                i=int(i),
                expected=f"unique ({', '.join(key)})",
                got=values,
            )
        first_seen[values] = int(i)


def _show(value: object) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def _finish(frame: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    order = [c.name for c in schema.columns if c.name in frame]
    frame = frame[order]
    for column in schema.columns:
        if column.name not in frame:
            continue
        values = frame[column.name]
        if column.kind in ("int", "year", "plate"):
            frame[column.name] = values.astype("Int64" if values.isna().any() else "int64")
        elif column.kind == "float":
            frame[column.name] = values.astype(float)
        elif column.kind == "bool":
            frame[column.name] = values.astype("boolean" if values.isna().any() else bool)
        else:  # text: pandas' default string dtype (``str`` under pandas 3, object before)
            frame[column.name] = pd.Series(values.tolist(), index=frame.index)
    key = [k for k in schema.key if k in frame]
    return frame.sort_values(key, kind="stable", ignore_index=True) if key else frame.reset_index(drop=True)


def validate(
    raw: RawTable,
    schema: Schema,
    *,
    headers_mapped: bool = False,
    checks: Sequence[Callable[[Checker], None]] = (),
) -> pd.DataFrame:
    """Type and check the cells of ``raw`` against ``schema``; return the clean table.

    Steps: map headings (aliases), require the required columns, parse every column (numbers in
    Turkish or English notation, provinces, NACE codes, categories, booleans), require non-empty
    cells where the column is not nullable, check ranges, fill ``plate``/``province`` from each
    other, check the key is unique, run the schema's cross-column checks and the extra ``checks``
    (e.g. references to another table), and sort by the key.

    Raises
    ------
    DataValidationError
        At the first problem, naming file, row and column, what was found and what was expected.
    """
    if not headers_mapped:
        raw = map_headers(raw, schema)
    _check_columns(raw, schema)
    cells = {c.name: raw.frame[c.name].tolist() for c in schema.columns if c.name in raw.frame}
    evidence = {
        c.name: decimal_mark(cells[c.name])
        for c in schema.columns
        if c.name in cells and (c.kind in NUMERIC_KINDS or c.kind == "plate")
    }
    problems: list[DataValidationError] = []
    frame = pd.DataFrame(index=pd.RangeIndex(len(raw.frame)))
    for column in schema.columns:
        if column.name not in cells:
            continue
        values = cells[column.name]
        try:
            if column.name in evidence:
                spec = column if column.kind != "plate" else Column("plate", "int", low=1, high=81)
                hint = _decimal_hint({k: e for k, e in evidence.items() if k != column.name})
                parsed = numeric_column(raw, spec, values, hint, evidence[column.name])
                _required_cells(raw, column, values, parsed)
                frame[column.name] = parsed
            else:
                parsed_values = text_column(column, raw, values)
                _required_cells(raw, column, values, parsed_values)
                frame[column.name] = pd.Series(parsed_values, dtype=object)
        except DataValidationError as error:
            problems.append(error)
    if problems:  # the checks below need every column typed; report what there is, all at once
        raise DataValidationError.collect(_by_row(problems))
    if schema.located:
        _resolve_location(frame, raw)
    _check_key(frame, raw, schema.key)
    checker = Checker(frame, raw, schema)
    for check in (*schema.checks, *checks):
        try:
            check(checker)
        except DataValidationError as error:
            problems.append(error)
    if problems:
        raise DataValidationError.collect(_by_row(problems))
    result = _finish(frame, schema)
    result.attrs["source"] = SourceInfo(
        table=schema.name,
        file=raw.file,
        sheet=raw.sheet,
        skipped_sheets=tuple(raw.skipped_sheets),
        notes=tuple(_notes(raw, schema, cells)),
    )
    return result


def _by_row(problems: list[DataValidationError]) -> list[DataValidationError]:
    """The single problems in the order a user reads the file: by row (whole-file problems first)."""
    flat = [p for problem in problems for p in problem.problems]
    return sorted(flat, key=lambda p: p.row or 0)


def _notes(raw: RawTable, schema: Schema, cells: dict[str, list[object]]) -> list[ReadNote]:
    """What a report must say about how the file was read: cells written ``-`` read as 0, withheld
    (``*``) and empty cells left missing in numeric columns, optional numeric columns absent."""
    notes: list[ReadNote] = []
    for column in schema.columns:
        if column.kind not in ("int", "float"):
            continue
        if column.name not in cells:
            if not column.required:
                notes.append(ReadNote("missing_column", raw.file, raw.sheet, column=column.name))
            continue
        masks = special_cells(cells[column.name])
        kinds = {
            "dash": "dash_as_zero" if column.dash_is_zero else "dash_as_missing",
            "suppressed": "suppressed",
        }
        if column.nullable:
            kinds["empty"] = "empty"
        for mask_name, kind in kinds.items():
            positions = np.flatnonzero(masks[mask_name])
            if positions.size:
                rows = tuple(sorted({int(raw.rows[i]) for i in positions}))
                cells_seen = {(int(raw.rows[i]), raw.label(column.name, i)) for i in positions}
                notes.append(
                    ReadNote(
                        kind,
                        raw.file,
                        raw.sheet,
                        column=raw.label(column.name, int(positions[0]))
                        if isinstance(raw.labels.get(column.name, column.name), str)
                        else column.name,
                        count=len(cells_seen),
                        rows=rows,
                    )
                )
    return notes
