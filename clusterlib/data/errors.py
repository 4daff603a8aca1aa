"""The one error type of the loaders: :class:`DataValidationError`, which says where and what."""

from __future__ import annotations

__all__ = ["DataValidationError"]


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
    """

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
        where = []
        if file is not None:
            where.append(str(file) + (f" (sheet {sheet!r})" if sheet is not None else ""))
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)

    def __reduce__(self):  # keep the keyword attributes through pickling (multiprocessing, papermill)
        return (
            _rebuild,
            (self.detail, self.file, self.sheet, self.row, self.column, self.expected, self.got),
        )


def _rebuild(message, file, sheet, row, column, expected, got) -> DataValidationError:
    return DataValidationError(
        message, file=file, sheet=sheet, row=row, column=column, expected=expected, got=got
    )
