"""Reading tables as users receive them: CSV in UTF-8 or Windows-1254, any common separator, XLSX.

Cells are read as they are written (text for CSV, typed values for XLSX) together with the row
number the user sees, so that every later error can point at ``file, row, column``.  No pandas
parser runs on the raw bytes: decoding and splitting are done here so that a bad file yields a
:class:`~clusterlib.data.errors.DataValidationError` naming the row, not a traceback.  Numbers are
parsed later, column by column (:mod:`clusterlib.data.numbers`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.regions import normalize_name

__all__ = ["Grid", "RawTable", "read_grid", "read_table", "table_from_grid", "visible_sheets"]

_SEPARATORS = (",", ";", "\t", "|")
_SEPARATOR_NAMES = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}


@dataclass
class Grid:
    """The non-empty rows of one CSV file or worksheet, with the row numbers the user sees."""

    rows: list[list[object]]
    numbers: list[int]
    file: str
    sheet: str | None = None
    separator: str | None = None
    encoding: str | None = None
    skipped_sheets: tuple[str, ...] = ()  # hidden sheets before the one read (a workbook read by default)

    def error(self, message: str, **where: object) -> DataValidationError:
        """A :class:`DataValidationError` located in this file (and sheet)."""
        return DataValidationError(message, file=self.file, sheet=self.sheet, **where)


@dataclass
class RawTable:
    """Cells of a table below its header, one record per data row, before any parsing.

    ``frame`` holds the cells (object dtype, positional index); ``rows`` the row number of each
    record in the file; ``labels`` the heading of each column as the user wrote it — a string, or
    an array with one heading per record when the records were gathered from several columns
    (the SGK wide layout).
    """

    frame: pd.DataFrame
    rows: np.ndarray
    file: str
    sheet: str | None = None
    labels: dict[str, object] = field(default_factory=dict)
    skipped_sheets: tuple[str, ...] = ()  # hidden sheets passed over to reach ``sheet``

    def label(self, column: str, i: int) -> str:
        """Heading, as written in the file, of ``column`` for record ``i``."""
        label = self.labels.get(column, column)
        return str(label if isinstance(label, str) else label[i])

    def error(
        self, message: str, *, i: int | None = None, column: str | None = None, **kw
    ) -> DataValidationError:
        """A :class:`DataValidationError` located at record ``i`` and ``column`` (either optional)."""
        row = int(self.rows[i]) if i is not None else None
        label = self.label(column, i if i is not None else 0) if column is not None else None
        return DataValidationError(message, file=self.file, sheet=self.sheet, row=row, column=label, **kw)


# --------------------------------------------------------------------------------------------- decoding


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(data: bytes, file: str) -> tuple[str, str]:
    """Text and encoding of CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or cp1254."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DataValidationError(
                msg("data.error.utf16", byte=exc.start),
                file=file,
                expected="UTF-8 or Windows-1254 text",
            ) from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DataValidationError(
            msg("data.error.nul_bytes", byte=nul),
            file=file,
            row=_line_of(data, nul),
            expected="text",
            got="binary data",
        )
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Not UTF-8: Turkish Excel saves "CSV" in Windows-1254 (ş = 0xFE, ğ = 0xF0, İ = 0xDD).
        try:
            text, encoding = data.decode("cp1254"), "cp1254"
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 1]
            raise DataValidationError(
                msg("data.error.undecodable", bad=repr(bad), position=exc.start),
                file=file,
                row=_line_of(data, exc.start),
                expected="UTF-8 or Windows-1254 text",
                got=bad,
            ) from exc
    control = re.search(r"[\x01-\x08\x0b\x0e-\x1f\x7f]", text)
    if control:
        raise DataValidationError(
            msg("data.error.control_char", char=repr(control.group())),
            file=file,
            row=text.count("\n", 0, control.start()) + 1,
            expected="text",
            got="binary data",
        )
    return text, encoding


def _count_outside_quotes(line: str, separator: str) -> int:
    return sum(part.count(separator) for part in line.split('"')[::2])


def _sniff_separator(lines: Sequence[str], file: str) -> str:
    """The separator of the header line: the candidate it contains most often, ties broken by consistency."""
    header = lines[0]
    counts = {sep: _count_outside_quotes(header, sep) for sep in _SEPARATORS}
    best = max(counts.values())
    if best == 0:
        raise DataValidationError(
            msg("data.error.one_column"),
            file=file,
            row=1,
            expected="a header row with several columns",
            got=header[:80],
        )
    tied = [sep for sep, count in counts.items() if count == best]
    if len(tied) == 1:
        return tied[0]

    def consistency(sep: str) -> int:
        return sum(_count_outside_quotes(line, sep) == best for line in lines[1:50])

    return max(tied, key=consistency)


def _legacy_xls(file: str) -> DataValidationError:
    return DataValidationError(msg("data.error.legacy_xls"), file=file, expected=".csv or .xlsx", got=".xls")


def _read_csv_grid(path: Path) -> Grid:
    data = path.read_bytes()
    file = path.name
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx_grid(path, None)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # the OLE2 signature of .xls files
        raise _legacy_xls(file)
    text, encoding = _decode(data, file)
    if not text.strip():
        raise DataValidationError(
            msg("data.error.empty_file"),
            file=file,
            expected="a table",
            got="an empty file",
        )
    lines = [line for line in text.splitlines() if line.strip()]
    separator = _sniff_separator(lines, file)
    rows: list[list[object]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"', strict=True)
    try:
        for number, record in enumerate(reader, start=1):
            cells = [cell.strip() for cell in record]
            if any(cells):
                rows.append([cell if cell else None for cell in cells])
                numbers.append(number)
    except csv.Error as exc:
        raise DataValidationError(
            msg("data.error.csv_split", reason=exc),
            file=file,
            row=reader.line_num,
            expected="well-formed CSV",
        ) from exc
    return Grid(rows, numbers, file, separator=separator, encoding=encoding)


# --------------------------------------------------------------------------------------------- workbooks


def _read_xlsx_grid(path: Path, sheet: str | int | None) -> Grid:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    file = path.name
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DataValidationError(
            msg("data.error.bad_xlsx", reason=f"{type(exc).__name__}: {exc}"),
            file=file,
            expected="an .xlsx workbook or a CSV file",
        ) from exc
    try:
        name, skipped = _choose_sheet(workbook, sheet, file)
        rows: list[list[object]] = []
        numbers: list[int] = []
        for number, values in enumerate(workbook[name].iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in values]
            if any(cell is not None for cell in cells):
                rows.append(cells)
                numbers.append(number)
    finally:
        workbook.close()
    if not rows:
        raise DataValidationError(msg("data.error.empty_file"), file=file, sheet=name, expected="a table")
    width = max(len(r) for r in rows)
    rows = [r + [None] * (width - len(r)) for r in rows]
    return Grid(rows, numbers, file, sheet=name, skipped_sheets=skipped)


def visible_sheets(path: str | Path) -> list[str]:
    """Names of the visible sheets of an .xlsx workbook, in workbook order (hidden ones left out)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [n for n in workbook.sheetnames if workbook[n].sheet_state == "visible"]
    finally:
        workbook.close()


def _choose_sheet(workbook, sheet: str | int | None, file: str) -> tuple[str, tuple[str, ...]]:
    """The sheet to read and the hidden sheets passed over to reach it.

    By default the first VISIBLE sheet: a hidden first sheet (old figures, a pivot cache, a lookup
    table) is never read unless ``sheet`` names it.
    """
    names = workbook.sheetnames
    if sheet is None:
        hidden = [n for n in names if workbook[n].sheet_state != "visible"]
        visible = [n for n in names if n not in hidden]
        if not visible:
            raise DataValidationError(
                msg("data.error.only_hidden", names=names),
                file=file,
                expected="a visible sheet",
                got=names,
            )
        name = visible[0]
        return name, tuple(n for n in hidden if names.index(n) < names.index(name))
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if not 0 <= sheet < len(names):
            raise DataValidationError(
                msg("data.error.sheet_index", count=len(names), names=names, index=sheet),
                file=file,
                expected=f"0…{len(names) - 1}",
                got=sheet,
            )
        return names[sheet], ()
    by_key = {normalize_name(n): n for n in names}
    name = sheet if sheet in names else by_key.get(normalize_name(str(sheet)))
    if name is None:
        raise DataValidationError(
            msg("data.error.no_sheet", sheet=sheet, names=names), file=file, expected=names, got=sheet
        )
    return name, ()


def _xlsx_cell(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def read_grid(path: str | Path, *, sheet: str | int | None = None) -> Grid:
    """Read the non-empty rows of a CSV file or a worksheet of an .xlsx workbook.

    CSV files are decoded as UTF-8 (a BOM is allowed), else as Windows-1254 (the Turkish code page
    of Excel's plain "CSV"); the separator (``,``, ``;``, tab or ``|``) is taken from the header row.
    Workbooks are read with openpyxl (cached formula values); ``sheet`` names a sheet or gives its
    0-based index (default: the first *visible* sheet; hidden sheets are passed over and listed in
    ``Grid.skipped_sheets``).  ``Grid.sheet`` says which sheet was read.

    Raises
    ------
    DataValidationError
        For a missing, empty, binary or undecodable file, a legacy ``.xls``, an unknown sheet.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_bytes("il;yıl\\nÇorum;2023\\n".encode("cp1254"))
    >>> grid = read_grid(path)
    >>> grid.rows, grid.separator, grid.encoding
    ([['il', 'yıl'], ['Çorum', '2023']], ';', 'cp1254')
    """
    path = Path(path)
    if not path.is_file():
        raise DataValidationError(
            msg("data.error.no_file", path=path.resolve()), file=path.name, expected="an existing file"
        )
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx_grid(path, sheet)
    if path.suffix.lower() == ".xls":
        raise _legacy_xls(path.name)
    if sheet is not None:
        raise ValueError(f"'sheet' applies to .xlsx workbooks only, got sheet={sheet!r} for {path.name}")
    return _read_csv_grid(path)


def table_from_grid(grid: Grid, header: int = 0) -> RawTable:
    """The records below row ``header`` (an index into ``grid.rows``), keyed by the header labels."""
    labels = [None if cell is None else str(cell).strip() for cell in grid.rows[header]]
    data = grid.rows[header + 1 :]
    numbers = grid.numbers[header + 1 :]
    width = len(labels)
    for cells, number in zip(data, numbers, strict=True):
        extra = [c for c in cells[width:] if c is not None]
        if extra:
            sep = _SEPARATOR_NAMES.get(grid.separator or "", "")
            hint = msg("data.error.separator_hint", sep=sep) if grid.separator else ""
            raise grid.error(
                msg("data.error.too_many_cells", cells=width + len(extra), width=width, hint=hint),
                row=number,
                expected=f"{width} cells",
                got=width + len(extra),
            )
    keep = []
    for j, label in enumerate(labels):
        if label is None:
            if any(j < len(cells) and cells[j] is not None for cells in data):
                raise grid.error(
                    msg("data.error.no_heading", number=j + 1),
                    row=grid.numbers[header],
                    expected="a heading for every column",
                )
            continue
        keep.append(j)
    names = [labels[j] for j in keep]
    seen: dict[str, int] = {}
    for j, name in zip(keep, names, strict=True):
        if name in seen:
            raise grid.error(
                msg("data.error.heading_twice", name=repr(name), first=seen[name] + 1, second=j + 1),
                row=grid.numbers[header],
                expected="unique headings",
                got=name,
            )
        seen[name] = j
    if not data:
        raise grid.error(
            msg("data.error.no_data_rows"), row=grid.numbers[header], expected="data rows", got=0
        )
    cells = [[row[j] if j < len(row) else None for j in keep] for row in data]
    frame = pd.DataFrame(cells, columns=names, dtype=object)
    return RawTable(
        frame,
        np.asarray(numbers, dtype=int),
        grid.file,
        grid.sheet,
        {n: n for n in names},
        grid.skipped_sheets,
    )


def read_table(path: str | Path, *, sheet: str | int | None = None) -> RawTable:
    """Read a tidy table: the first non-empty row is the header, every later row one record.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("province,employment\\n\\nÇorum,\\"1,234\\"\\n", encoding="utf-8")
    >>> raw = read_table(path)
    >>> raw.frame.to_dict("list"), raw.rows.tolist()
    ({'province': ['Çorum'], 'employment': ['1,234']}, [3])
    """
    return table_from_grid(read_grid(path, sheet=sheet))
