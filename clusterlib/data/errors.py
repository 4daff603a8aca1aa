"""The one error type of the loaders: :class:`DataValidationError`, which says where and what."""

from __future__ import annotations

from clusterlib.data.messages import message_language, messages_in, msg
from clusterlib.i18n import t

__all__ = ["MAX_SHOWN", "DataValidationError"]

#: How many problems of one file a message lists before it counts the rest.
MAX_SHOWN = 20


class DataValidationError(ValueError):
    """A data file that cannot be read or fails its schema, located by file, row and column.

    ``row`` is the row number the user sees in the file, counting the header row as row 1 (for a
    CSV the record number, for a workbook the spreadsheet row number, so the first data row of a
    tidy table is row 2).  ``column`` is the column heading as written in the file.  Any of the
    locators may be ``None`` when the problem concerns the whole file, a row or a column.

    Parameters
    ----------
    message : str
        What is wrong, e.g. ``"'Kahramanmras' is not a province; did you mean 'Kahramanmaraş'?"``.
    file, sheet, row, column : optional
        Where; they prefix the message (``"employment.csv, row 14, column 'province': …"``).
    expected, got : optional
        What was allowed and what was found, kept as attributes for programs.

    Examples
    --------
    >>> error = DataValidationError(
    ...     "'Kahramanmras' is not a province; did you mean 'Kahramanmaraş'?",
    ...     file="employment.csv", row=14, column="province", expected="a province", got="Kahramanmras")
    >>> print(error)
    employment.csv, row 14, column 'province': 'Kahramanmras' is not a province; did you mean 'Kahramanmaraş'?
    >>> isinstance(error, ValueError), error.row, error.got
    (True, 14, 'Kahramanmras')

    All problems of a file are reported at once (:meth:`collect`); each stays in :attr:`problems`
    with its own row and column:

    >>> many = DataValidationError.collect(
    ...     [DataValidationError(f"{v!r} is not a number", file="e.csv", row=r, column="employment")
    ...      for r, v in [(3, "x"), (7, "y")]])
    >>> print(many)
    e.csv: 2 problems:
      row 3, column 'employment': 'x' is not a number
      row 7, column 'employment': 'y' is not a number
    >>> [(e.row, e.column) for e in many.problems]
    [(3, 'employment'), (7, 'employment')]
    """

    problems: list[DataValidationError]

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        expected: object = None,
        got: object = None,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.expected = expected
        self.got = got
        self.detail = message
        self.problems = [self]
        self.lang = message_language()
        where = self.where()
        super().__init__(f"{where}: {message}" if where else message)

    def where(self, *, with_file: bool = True) -> str:
        """``"employment.csv (sheet '2023'), row 14, column 'province'"`` (the parts that are known)."""
        lang = getattr(self, "lang", "en")
        where = []
        if self.file is not None and with_file:
            file = str(self.file)
            where.append(
                t("data.where.sheet", lang, file=file, sheet=self.sheet) if self.sheet is not None else file
            )
        if self.row is not None:
            where.append(t("data.where.row", lang, row=self.row))
        if self.column is not None:
            where.append(t("data.where.column", lang, column=self.column))
        return ", ".join(where)

    @classmethod
    def collect(cls, problems: list[DataValidationError], *, limit: int = MAX_SHOWN) -> DataValidationError:
        """One error reporting all ``problems`` (of one file): the first ``limit`` listed, the rest counted.

        A single problem is returned as it is; nested collections are flattened.
        """
        flat = [p for problem in problems for p in problem.problems]
        if not flat:
            raise ValueError("'problems' must hold at least one DataValidationError")
        if len(flat) == 1:
            return flat[0]
        first = flat[0]
        same_file = all(p.file == first.file and p.sheet == first.sheet for p in flat)
        lines = [
            "  "
            + (p.where(with_file=not same_file) + ": " if p.where(with_file=not same_file) else "")
            + p.detail
            for p in flat[:limit]
        ]
        if len(flat) > limit:
            lines.append("  " + msg("data.where.more", count=len(flat) - limit))
        shown = msg("data.where.first", limit=limit) if len(flat) > limit else ""
        error = cls(
            msg("data.where.problems", count=len(flat), shown=shown) + "\n" + "\n".join(lines),
            file=first.file if same_file else None,
            sheet=first.sheet if same_file else None,
            expected=first.expected,
            got=first.got,
        )
        error.problems = flat
        return error

    def __reduce__(self):  # keep the keyword attributes through pickling (multiprocessing, papermill)
        return (
            _rebuild,
            (
                self.detail,
                self.file,
                self.sheet,
                self.row,
                self.column,
                self.expected,
                self.got,
                None if self.problems == [self] else self.problems,
                self.lang,
            ),
        )


def _rebuild(
    message, file, sheet, row, column, expected, got, problems=None, lang="en"
) -> DataValidationError:
    with messages_in(lang):
        error = DataValidationError(
            message, file=file, sheet=sheet, row=row, column=column, expected=expected, got=got
        )
    if problems and len(problems) > 1:
        error.problems = problems
    return error
