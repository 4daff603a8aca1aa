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

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import message_language, msg
from clusterlib.data.notes import ReadNote, SourceInfo
from clusterlib.data.numbers import MISSING_TOKENS, NumberEvidence, decimal_mark, parse_numbers, special_cells
from clusterlib.data.readers import RawTable
from clusterlib.regions import normalize_name, province, suggest

__all__ = ["Checker", "Column", "Schema", "map_headers", "resolve_division", "validate"]

_NUMERIC = {"int", "float", "year"}
YEAR_RANGE = (1950, 2100)
_TRUE = {"true", "yes", "evet", "dogru", "1", "t", "y", "e", "var"}
_FALSE = {"false", "no", "hayir", "yanlis", "0", "f", "n", "h", "yok"}


@dataclass(frozen=True)
class Column:
    """One column of a schema.

    ``kind`` is one of ``int``, ``float``, ``year``, ``str``, ``category``, ``bool``, ``province``
    (a name or code, returned as the Turkish name), ``plate`` (1–81), ``division`` (NACE division,
    returned as ``"01"``…``"99"``), ``nace_code`` (division, group or class, canonical dotted form),
    ``section`` (NACE section letter or an extra code in ``choices``), ``list`` (``;``-separated items,
    each checked by ``item``).  ``aliases`` are other headings accepted for it (any case/spelling,
    compared by :func:`clusterlib.regions.normalize_name`).
    """

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    nullable: bool = False
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    choices: Callable[[], Collection[str]] | tuple[str, ...] | None = None
    item: str | None = None
    dash_is_zero: bool = False
    dash_is_missing: bool = False  # '-' marks a suppressed value: missing (and counted), not an error
    note: str = ""

    def allowed(self) -> list[str]:
        """The allowed values of a ``category``/``section`` column (or of ``list`` items)."""
        choices = self.choices() if callable(self.choices) else self.choices
        return list(choices or ())

    def expectation(self) -> str:
        """What a valid cell looks like, in words (in the language of the messages)."""
        if self.kind in _NUMERIC:
            low, high = YEAR_RANGE if self.kind == "year" else (self.low, self.high)
            key = "year" if self.kind == "year" else "whole_number" if self.kind == "int" else "number"
            what = msg(f"data.expect.{key}")
            if low is not None and high is not None:
                what = msg("data.expect.range", what=what, low=_num(low), high=_num(high))
            elif low is not None:
                what = msg(
                    "data.expect.above" if self.low_open else "data.expect.at_least", what=what, low=_num(low)
                )
            elif high is not None:
                what = msg("data.expect.at_most", what=what, high=_num(high))
        elif self.kind == "list":
            what = msg("data.expect.list", item=self._item_expectation())
        elif self.kind in ("province", "plate", "division", "nace_code", "bool"):
            what = msg(f"data.expect.{self.kind}")
        elif self.kind == "str":
            what = msg("data.expect.text")
        else:
            what = msg("data.expect.one_of", allowed=self.allowed())
        return what + (f" ({self.note})" if self.note and message_language() == "en" else "")

    def _item_expectation(self) -> str:
        if self.item == "division":
            return msg("data.expect.division")
        return msg("data.expect.one_of", allowed=self.allowed())


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Schema:
    """A table: its columns, key, where the official data come from, and cross-column checks.

    ``located`` tables carry a province as ``plate`` and/or ``province`` columns (at least one is
    required; when both are given they must agree; both are returned).
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    source: str
    located: bool = False
    checks: tuple[Callable[[Checker], None], ...] = field(default=())

    def column(self, name: str) -> Column:
        """The spec of column ``name``."""
        return next(c for c in self.columns if c.name == name)


class Checker:
    """The parsed frame of a table with the means to report a failing row where the user will find it."""

    def __init__(self, frame: pd.DataFrame, raw: RawTable, schema: Schema) -> None:
        self.frame = frame
        self.raw = raw
        self.schema = schema

    def fail(
        self,
        mask: np.ndarray | pd.Series,
        column: str | None,
        message: Callable[[int], str],
        *,
        expected: object = None,
        got: Callable[[int], object] | None = None,
    ) -> None:
        """Raise for every record where ``mask`` is true (all at once, each with its row and column)."""
        bad = np.flatnonzero(np.asarray(mask, dtype=bool))
        if bad.size == 0:
            return
        raise _each(self.raw, bad, column, message, expected=expected, got=got)


def _each(
    raw: RawTable,
    positions: Sequence[int],
    column: str | None,
    message: Callable[[int], str],
    *,
    expected: object = None,
    got: Callable[[int], object] | None = None,
) -> DataValidationError:
    """One problem per failing cell (records that share a cell, as in the SGK wide layout, count once)."""
    errors = []
    seen: set[tuple[int, str]] = set()
    for i in positions:
        i = int(i)
        cell = (int(raw.rows[i]), raw.label(column, i) if column else "")
        if cell in seen:
            continue
        seen.add(cell)
        errors.append(
            raw.error(message(i), i=i, column=column, expected=expected, got=got(i) if got else None)
        )
    return DataValidationError.collect(errors)


def _others(raw: RawTable, others: Sequence[int], column: str | None = None, first: int | None = None) -> str:
    """ " (the same problem in N more cells: rows …)" for the further failing records.

    Records that share the first one's cell (one province cell read into several records of the
    SGK wide layout) are not counted again.
    """
    seen = {(int(raw.rows[first]), raw.label(column, first))} if first is not None and column else set()
    cells = {(int(raw.rows[j]), raw.label(column, j) if column else "") for j in others} - seen
    if not cells:
        return ""
    rows = sorted({row for row, _label in cells})
    if message_language() != "en":
        return msg("data.error.same_problem", count=len(cells), rows=", ".join(str(r) for r in rows[:10]))
    shown = ", ".join(str(r) for r in rows[:5]) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
    cells_text = f"{len(cells)} more cell{'s' if len(cells) > 1 else ''}"
    return f" (the same problem in {cells_text}: row{'s' if len(rows) > 1 else ''} {shown})"


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


# ------------------------------------------------------------------------------------------------ values


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and value.strip().lower() in MISSING_TOKENS


def _numeric(
    raw: RawTable, column: Column, values: list[object], hint: str | None, evidence: NumberEvidence
) -> np.ndarray:
    integer = column.kind in ("int", "year")
    parsed, problem = parse_numbers(
        values, integer=integer, hint=hint, dash_is_zero=column.dash_is_zero, evidence=evidence
    )
    if problem and problem["expected"] in ("a number", "a whole number"):  # cells that are not numbers
        positions = [int(problem["i"]), *problem.get("others", [])]

        def message(i: int) -> str:
            value = values[i]
            what = msg("data.error.a_date") if isinstance(value, (dt.date, dt.datetime)) else repr(value)
            return msg("data.error.not_a_number", value=what, expected=column.expectation())

        raise _each(
            raw, positions, column.name, message, expected=column.expectation(), got=lambda i: values[i]
        )
    if problem:
        i = int(problem["i"])
        raise raw.error(
            problem["message"]
            + msg("data.error.expected", expected=column.expectation())
            + _others(raw, problem.get("others", []), column.name, i),
            i=i,
            column=column.name,
            expected=column.expectation(),
            got=problem["got"],
        )
    finite = ~np.isnan(parsed)
    if integer:
        _raise_where(raw, column, finite & (parsed != np.round(parsed)), parsed, "not_whole")
    low, high = YEAR_RANGE if column.kind == "year" else (column.low, column.high)
    if low is not None:
        below = finite & ((parsed <= low) if column.low_open else (parsed < low))
        key = "not_a_year" if column.kind == "year" else "not_above" if column.low_open else "below"
        _raise_where(raw, column, below, parsed, key)
    if high is not None:
        key = "not_a_year" if column.kind == "year" else "above"
        _raise_where(raw, column, finite & (parsed > high), parsed, key)
    return parsed


def _raise_where(raw: RawTable, column: Column, mask: np.ndarray, parsed: np.ndarray, key: str) -> None:
    """Raise for every cell of ``mask``; ``key`` names the message (``below``, ``above``, ``not_whole``…)."""
    bad = np.flatnonzero(mask)
    if not bad.size:
        return
    low, high = YEAR_RANGE if column.kind == "year" else (column.low, column.high)

    def message(i: int) -> str:
        value = raw.frame[column.name].iloc[i]
        shown = _num(parsed[i]) if isinstance(value, str) and _num(parsed[i]) != value.strip() else None
        got = _num(parsed[i])
        if isinstance(value, str):
            got = msg("data.error.read_as", value=repr(value), number=shown) if shown else repr(value)
        return msg(
            f"data.error.{key}",
            value=got,
            low=_num(low) if low is not None else "",
            high=_num(high) if high is not None else "",
            expected=column.expectation(),
        )

    raise _each(
        raw,
        bad,
        column.name,
        message,
        expected=column.expectation(),
        got=lambda i: raw.frame[column.name].iloc[i],
    )


def _by_unique(values: list[object], resolve: Callable[[object], object]) -> tuple[list[object], dict]:
    """Apply ``resolve`` once per distinct value; returns results and {value: exception} failures."""
    results: dict[object, object] = {}
    failures: dict[object, Exception] = {}
    for value in dict.fromkeys(values):
        if _blank(value):
            results[value] = None
            continue
        try:
            results[value] = resolve(value)
        except (ValueError, KeyError) as exc:
            failures[value] = exc
    return [results.get(v) for v in values], failures


def _first_failure(raw: RawTable, column: Column, values: list[object], failures: dict, text) -> None:
    """Raise for every cell whose value failed (all at once)."""
    if not failures:
        return
    bad = [i for i, v in enumerate(values) if not _blank(v) and v in failures]
    raise _each(
        raw,
        bad,
        column.name,
        lambda i: text(values[i], failures[values[i]]),
        expected=column.expectation(),
        got=lambda i: values[i],
    )


def _province_name(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return province(value).name


def _province_message(value: object, exc: Exception) -> str:
    close = suggest(str(value))
    if close:
        hint = msg("data.error.did_you_mean", options=", ".join(repr(s) for s in close))
    else:
        hint = msg("data.error.province_hint")
    return msg("data.error.not_a_province", value=repr(value), hint=hint)


_DIVISION_LABEL = re.compile(r"^\s*(?:[A-Ua-u]\s*[-–—.:]?\s*)?(\d{1,2})(?=$|[\s\-–—:)/,]|\.(?!\d))")
#: A group or class label (``"10.1 - Etin işlenmesi"``, ``"C10.11"``): never folded into its division.
_FINER_LABEL = re.compile(r"^\s*(?:[A-Ua-u]\s*[-–—.:]?\s*)?(\d{1,2}\.\d{1,2})(?=$|[\s\-–—:)/,])")


@cache
def _division_names() -> dict[str, str]:
    table = nace.divisions()
    names: dict[str, str] = {}
    for column in ("name_tr", "name_en", "short_tr", "short_en"):
        if column in table:
            names.update(
                {normalize_name(n): code for n, code in zip(table[column], table["code"], strict=True)}
            )
    return names


def resolve_division(value: object) -> str:
    """The 2-digit NACE division of a cell: a code (``10``, ``"C10"``), a label or an official title.

    Accepts labels as they head SGK tables (``"10 - Gıda ürünlerinin imalatı"``, ``"C10 Food"``) and
    the exact Turkish or English title.  Groups and classes are refused (a division is expected).

    Raises
    ------
    ValueError
        With :func:`clusterlib.nace.normalize_code`'s message and suggestions.

    Examples
    --------
    >>> [resolve_division(v) for v in (1, "C10", "10 - Gıda ürünlerinin imalatı", "Forestry and logging")]
    ['01', '10', '10', '02']
    """
    if isinstance(value, str):
        text = value.strip()
        by_name = _division_names().get(normalize_name(text))
        if by_name:
            return by_name
        finer = _FINER_LABEL.match(text)
        if finer:
            value = finer.group(1)  # refused below as a group or class, not read as its division
        label = None if finer else _DIVISION_LABEL.match(text)
        if label and re.search(r"[^\W\d_]{3}", text[label.end() :]):
            section = text[: label.start(1)].strip(" -–—.:")
            value = f"{section}{label.group(1)}" if section else label.group(1)
        elif not finer:
            value = text
    code = nace.normalize_code(value)
    if "." in code:
        raise ValueError(
            msg(
                "data.error.nace_finer",
                value=repr(value),
                level=msg(f"data.error.nace_{nace.level_of(code)}"),
                code=repr(code),
                division=code[:2],
            )
        )
    return code


def _nace_message(value: object, exc: Exception) -> str:
    """The message of :func:`resolve_division`, or of :func:`clusterlib.nace.normalize_code` about ``value``."""
    text = str(exc)
    prefix = "'nace' code "
    if message_language() != "en" and (text.startswith(prefix) or "is not a NACE" in text):
        close = re.search(
            r"did you mean (.*)\?$", text
        )  # the suggestions of clusterlib.nace, in any language
        hint = (
            msg("data.error.did_you_mean", options=close.group(1).replace(" or ", " ya da ")) if close else ""
        )
        return msg("data.error.not_nace", value=repr(value), hint=hint)
    if text.startswith(prefix):  # "'nace' code '04' is not a NACE Rev.2 division ('04'); did you mean …"
        return f"{value!r} " + text[len(prefix) :].split(" ", 1)[1]
    return text


def _bool(value: object) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = normalize_name(str(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(value)


def _choice(column: Column) -> Callable[[object], str]:
    allowed = column.allowed()
    by_key = {normalize_name(a): a for a in allowed}

    def resolve(value: object) -> str:
        found = by_key.get(normalize_name(str(value)))
        if found is None:
            raise ValueError(value)
        return found

    return resolve


def _choice_message(column: Column) -> Callable[[object, Exception], str]:
    def message(value: object, exc: Exception) -> str:
        allowed = column.allowed()
        close = difflib.get_close_matches(str(value).strip().lower(), allowed, n=1, cutoff=0.6)
        hint = msg("data.error.did_you_mean", options=repr(close[0])) if close else ""
        return msg("data.error.not_allowed", value=repr(value), allowed=allowed, hint=hint)

    return message


def _list_items(column: Column) -> Callable[[object], str]:
    one = resolve_division if column.item == "division" else _choice(column)

    def resolve(value: object) -> str:
        items = [item.strip() for item in str(value).split(";") if item.strip()]
        return ";".join(one(item) for item in items)

    return resolve


def _list_message(column: Column) -> Callable[[object, Exception], str]:
    def message(value: object, exc: Exception) -> str:
        one = resolve_division if column.item == "division" else _choice(column)
        for item in (s.strip() for s in str(value).split(";") if s.strip()):
            try:
                one(item)
            except (ValueError, KeyError) as item_exc:
                reason = (
                    _nace_message(item, item_exc)
                    if column.item == "division"
                    else msg("data.expect.one_of", allowed=column.allowed())
                )
                return msg("data.error.list_item", item=repr(item), value=repr(value), reason=reason)
        return f"{value!r} is not allowed"  # pragma: no cover - some item always fails

    return message


def _text(column: Column, raw: RawTable, values: list[object]) -> list[object]:
    kind = column.kind
    if kind == "str":
        return [None if _blank(v) else _num(v) if isinstance(v, float) else str(v).strip() for v in values]
    if kind == "province":
        resolved, failures = _by_unique(values, _province_name)
        _first_failure(raw, column, values, failures, _province_message)
        return resolved
    if kind == "division":
        resolved, failures = _by_unique(values, resolve_division)
        _first_failure(raw, column, values, failures, _nace_message)
        return resolved
    if kind == "nace_code":
        resolved, failures = _by_unique(values, nace.normalize_code)
        _first_failure(raw, column, values, failures, lambda v, e: f"{v!r} is not a NACE Rev. 2 code: {e}")
        return resolved
    if kind == "bool":
        resolved, failures = _by_unique(values, _bool)
        _first_failure(raw, column, values, failures, lambda v, e: msg("data.error.not_bool", value=repr(v)))
        return resolved
    if kind in ("category", "section"):
        resolved, failures = _by_unique(values, _choice(column))
        _first_failure(raw, column, values, failures, _choice_message(column))
        return resolved
    if kind == "list":
        resolved, failures = _by_unique(values, _list_items(column))
        _first_failure(raw, column, values, failures, _list_message(column))
        return resolved
    raise ValueError(f"unknown column kind {kind!r}")  # pragma: no cover - a schema bug


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
                + _others(raw, bad[1:], "plate", i),
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
    if column.kind in _NUMERIC:
        special = special_cells(values)
        empty &= ~special["suppressed"]  # withheld cells stay missing, and are counted
        if column.dash_is_missing:
            empty &= ~special["dash"]
    positions = np.flatnonzero(empty)
    if not positions.size:
        return

    def message(i: int) -> str:
        value = values[i]
        if _blank(value):
            return msg("data.error.empty", expected=column.expectation())
        return msg("data.error.no_value", value=repr(value), expected=column.expectation())

    raise _each(raw, positions, column.name, message, expected=column.expectation(), got=lambda i: values[i])


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
        if c.name in cells and (c.kind in _NUMERIC or c.kind == "plate")
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
                parsed = _numeric(raw, spec, values, hint, evidence[column.name])
                _required_cells(raw, column, values, parsed)
                frame[column.name] = parsed
            else:
                parsed_values = _text(column, raw, values)
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
