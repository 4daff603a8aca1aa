"""The declarative spec of a table: :class:`Column`, :class:`Schema`, and the :class:`Checker` of its
cross-column rules; and the two ways a failing cell is reported (each at once, or counted).

:func:`clusterlib.data.validation.validate` reads a table against a :class:`Schema`; the schemas of
the workbench's tables are in :mod:`clusterlib.data.schemas`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import message_language, msg
from clusterlib.data.readers import RawTable

__all__ = [
    "NUMERIC_KINDS",
    "YEAR_RANGE",
    "Checker",
    "Column",
    "Schema",
    "each_failure",
    "others_text",
    "show_number",
]

NUMERIC_KINDS = {"int", "float", "year"}
YEAR_RANGE = (1950, 2100)


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
        if self.kind in NUMERIC_KINDS:
            low, high = YEAR_RANGE if self.kind == "year" else (self.low, self.high)
            key = "year" if self.kind == "year" else "whole_number" if self.kind == "int" else "number"
            what = msg(f"data.expect.{key}")
            if low is not None and high is not None:
                what = msg("data.expect.range", what=what, low=show_number(low), high=show_number(high))
            elif low is not None:
                what = msg(
                    "data.expect.above" if self.low_open else "data.expect.at_least",
                    what=what,
                    low=show_number(low),
                )
            elif high is not None:
                what = msg("data.expect.at_most", what=what, high=show_number(high))
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


def show_number(value: float) -> str:
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
        raise each_failure(self.raw, bad, column, message, expected=expected, got=got)


def each_failure(
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


def others_text(
    raw: RawTable, others: Sequence[int], column: str | None = None, first: int | None = None
) -> str:
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
