"""What the loaders tell a report about how the data were read, and what was missing, in Turkish and English.

A loader never changes a number silently: the cells it reads in a particular way (``-`` as 0,
withheld ``*`` cells and blanks left missing), the hidden sheets it passed over, the optional columns
and the provinces a file lacks become :class:`ReadNote` records, kept with the table
(``frame.attrs["source"]``, a :class:`SourceInfo`, see :func:`source_of`) and gathered by
:func:`clusterlib.data.load_tables` together with the missing tables (:class:`MissingTable`).
They are language-free records; :meth:`ReadNote.text` and :meth:`MissingTable.text` write the
sentence in the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from clusterlib.i18n import check_language, format_number, has_string, t

__all__ = ["MissingTable", "ReadNote", "SourceInfo", "source_of"]

NoteKind = Literal[
    "dash_as_zero", "dash_as_missing", "suppressed", "empty", "missing_column", "hidden_sheets", "coverage"
]


def _shown(items: tuple[object, ...], limit: int = 10) -> str:
    shown = ", ".join(str(item) for item in items[:limit])
    return shown + (", …" if len(items) > limit else "")


@dataclass(frozen=True)
class ReadNote:
    """One thing a report must say about how a file was read.

    ``kind``: ``dash_as_zero`` (cells written ``-`` read as 0), ``dash_as_missing``, ``suppressed``
    (withheld ``*`` cells left missing), ``empty`` (blank cells left missing), ``missing_column`` (an
    optional column absent), ``hidden_sheets`` (hidden sheets passed over), ``coverage`` (provinces
    absent from a national table, accepted with ``coverage="partial"``).  ``count`` cells in ``rows``
    (spreadsheet row numbers); ``items`` the sheet or province names.

    Examples
    --------
    >>> note = ReadNote("suppressed", "employment.xlsx", "2023", column="10 - Gıda", count=2, rows=(5, 9))
    >>> note.text("en")
    "employment.xlsx (sheet '2023'), column '10 - Gıda': 2 cell(s) withheld for confidentiality ('*') \
were left missing, not read as zero (rows 5, 9)."
    """

    kind: NoteKind
    file: str
    sheet: str | None = None
    column: str | None = None
    count: int = 0
    rows: tuple[int, ...] = ()
    items: tuple[str, ...] = ()
    year: int | None = None

    def __deepcopy__(self, memo: dict) -> ReadNote:  # immutable: pandas deep-copies attrs on every operation
        return self

    def text(self, lang: str = "en") -> str:
        """The sentence for a report in ``lang``."""
        check_language(lang)
        file = t("data.note.sheet", lang, file=self.file, sheet=self.sheet) if self.sheet else self.file
        where = t("data.note.column", lang, file=file, column=self.column) if self.column else file
        rows = t("data.note.rows", lang, rows=_shown(self.rows)) if self.rows else ""
        return t(
            f"data.note.{self.kind}",
            lang,
            where=where,
            file=file,
            column=self.column,
            sheet=self.sheet,
            count=format_number(self.count, lang),
            rows=rows,
            items=_shown(self.items),
            year=self.year,
        )


@dataclass(frozen=True)
class SourceInfo:
    """Where a table was read from (file and sheet) and the notes of that reading.

    Kept in ``frame.attrs["source"]`` by every reader; :func:`source_of` returns it.
    """

    table: str
    file: str
    sheet: str | None = None
    skipped_sheets: tuple[str, ...] = ()
    notes: tuple[ReadNote, ...] = ()

    def __deepcopy__(
        self, memo: dict
    ) -> SourceInfo:  # immutable: pandas deep-copies attrs on every operation
        return self

    def text(self, lang: str = "en") -> str:
        """``"employment.xlsx, sheet '2023'"`` (or the file name alone for a CSV file)."""
        check_language(lang)
        return t("data.source", lang, file=self.file, sheet=self.sheet) if self.sheet else self.file

    def all_notes(self) -> tuple[ReadNote, ...]:
        """The notes, preceded by one about hidden sheets passed over (when there were any)."""
        hidden = (
            (ReadNote("hidden_sheets", self.file, self.sheet, items=self.skipped_sheets),)
            if self.skipped_sheets
            else ()
        )
        return hidden + self.notes


def source_of(frame: pd.DataFrame) -> SourceInfo | None:
    """The :class:`SourceInfo` a reader attached to ``frame`` (None for a frame built otherwise)."""
    info = frame.attrs.get("source")
    return info if isinstance(info, SourceInfo) else None


@dataclass(frozen=True)
class MissingTable:
    """A table absent from the data folder: which steps need it and which can run without it."""

    table: str
    folder: str
    required: bool = False  # the caller cannot do without it
    required_by: tuple[str, ...] = ()
    optional_for: tuple[str, ...] = ()
    source: str = ""

    def text(self, lang: str = "en") -> str:
        """One sentence: the file, which steps need it or run without it, where official data come from."""
        check_language(lang)
        parts = []
        if self.required_by:
            steps = [_step(s, lang) for s in self.required_by]
            parts.append(t("data.missing_table.required", lang, steps=steps))
        elif self.required:
            parts.append(t("data.missing_table.needed", lang))
        if self.optional_for:
            steps = [_step(s, lang) for s in self.optional_for]
            parts.append(t("data.missing_table.optional", lang, steps=steps, count=len(steps)))
        elif not self.required:
            parts.append(t("data.missing_table.left_out", lang))
        return t(
            "data.missing_table", lang, file=f"{self.table}.csv", needed=". ".join(parts), source=self.source
        )


def _step(step: str, lang: str) -> str:
    """The name of a step in ``lang`` (the i18n ``step.*`` strings)."""
    return t(f"step.{step}", lang) if has_string(f"step.{step}") else step.replace("_", " ")
