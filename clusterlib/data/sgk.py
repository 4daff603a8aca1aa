"""The SGK wide layout: provinces as rows, NACE divisions as columns, multi-row Turkish headings.

The SGK statistical yearbook prints insured employees (4/a) and workplaces as a workbook sheet:
one or two title rows (the year in the title or the sheet name), a heading row of activities
(``"10 - Gıda ürünlerinin imalatı"``, often merged over two columns), sometimes a second heading
row (``Sigortalı | İşyeri``) under each activity, then one row per province and a ``TOPLAM`` row and
column.  :func:`parse_wide` turns such a sheet into long records (one per province × division) that
keep, for every value, the row and heading where it was found, so that validation errors point at
the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clusterlib.data.messages import msg
from clusterlib.data.readers import Grid, RawTable
from clusterlib.data.validation import resolve_division
from clusterlib.regions import UnknownProvinceError, normalize_name, province

__all__ = ["WideTable", "looks_wide", "parse_wide"]

#: Headings that mark a total row or column.
_TOTALS = {
    "toplam",
    "geneltoplam",
    "total",
    "grandtotal",
    "turkiye",
    "turkiyetoplam",
    "turkiyetoplami",
    "tumiller",
}
#: Second-row headings under each activity, by measure.
_MEASURES = {
    "employment": {
        "sigortali",
        "sigortalisayisi",
        "zorunlusigortali",
        "4a",
        "4asigortali",
        "istihdam",
        "calisan",
        "calisansayisi",
        "employment",
        "insured",
        "employees",
        "toplam",  # under an activity split by sex (Erkek | Kadın | Toplam), the total is the employment
        "total",
    },
    "workplaces": {"isyeri", "isyerisayisi", "isyerleri", "workplaces", "establishments"},
    "avg_wage": {"ortalamaucret", "ortalamaaylikucret", "ortalamabrutucret", "averagewage", "avgwage"},
}
#: Second-row headings that split an activity further and are not read (by sex).
_IGNORED_MEASURES = {"erkek", "kadin", "male", "female", "men", "women"}
_SECTION_ONLY = re.compile(r"^\s*[A-Ua-u]\s*([-–—.:]\s*\D*|\s+\D*)?$")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)")
_HEADER_SEARCH_ROWS = 20
_NAME = re.compile(r"[^\W\d_]{3}")


@dataclass
class WideTable:
    """Records parsed from a wide sheet, plus what is needed to check its totals."""

    raw: RawTable
    grid: Grid
    total_columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # measure -> (column, label)
    total_row: int | None = None  # index (into grid.rows) of the 'TOPLAM' row
    data_rows: list[int] = field(default_factory=list)  # indices of the province rows
    value_columns: dict[str, list[int]] = field(default_factory=dict)  # measure -> activity columns


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


def _is_total(cell: object) -> bool:
    return isinstance(cell, str) and normalize_name(cell) in _TOTALS


def _division_cell(cell: object) -> str | None:
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, float) and not cell.is_integer():
        return None
    try:
        return resolve_division(cell)
    except (ValueError, KeyError):
        return None


def _activity_row(grid: Grid) -> int | None:
    for index, cells in enumerate(grid.rows[:_HEADER_SEARCH_ROWS]):
        divisions = sum(_division_cell(c) is not None for c in cells)
        if divisions >= 2 and not any(_province_cell(c) for c in cells):
            return index
    return None


def looks_wide(grid: Grid) -> bool:
    """True when one of the first rows of ``grid`` is a row of activity headings (NACE divisions)."""
    return _activity_row(grid) is not None


def _find_activity_row(grid: Grid) -> int:
    index = _activity_row(grid)
    if index is not None:
        return index
    raise grid.error(
        msg("data.error.no_header", rows=_HEADER_SEARCH_ROWS),
        expected="a header row",
    )


def _province_cell(cell: object) -> bool:
    """True for a cell holding a province name (codes such as "15" do not count: they head activities)."""
    if not isinstance(cell, str) or _is_total(cell) or not _NAME.search(cell):
        return False
    try:
        province(cell)
    except UnknownProvinceError:
        return False
    return True


def _measure(cell: object) -> str | None:
    key = normalize_name(str(cell))
    for measure, names in _MEASURES.items():
        if key in names:
            return measure
    return "ignored" if key in _IGNORED_MEASURES else None


def _year(grid: Grid, title_rows: list[list[object]], year: int | None) -> int:
    if year is not None:
        return int(year)
    if grid.sheet:
        found = set(_YEAR.findall(grid.sheet))
        if len(found) == 1:
            return int(found.pop())
    found = {int(y) for cells in title_rows for c in cells if isinstance(c, str) for y in _YEAR.findall(c)}
    if len(found) == 1:
        return found.pop()
    what = f"several years {sorted(found)}" if found else "no year"
    raise grid.error(
        msg("data.error.which_year", what=what),
        expected="a year in the title or sheet name, or year=",
        got=sorted(found),
    )


def _roles(grid: Grid, h: int, has_sub: bool) -> list[tuple[str, int, str]]:
    """(role, first column of its group, NACE code) of every column of heading row ``h``.

    Roles: ``id`` (left of the activities), ``activity``, ``total``, ``subtotal`` (a section heading
    such as ``"C - İmalat"``); a blank heading continues the group to its left (merged cells).
    """
    heading = grid.rows[h]
    first = next(j for j, c in enumerate(heading) if _division_cell(c) is not None)
    roles: list[tuple[str, int, str]] = []
    for j, cell in enumerate(heading):
        code = _division_cell(cell)
        if j < first:
            roles.append(("id", j, ""))
        elif code is not None:
            roles.append(("activity", j, code))
        elif _is_total(cell):
            roles.append(("total", j, ""))
        elif isinstance(cell, str) and _SECTION_ONLY.match(cell):
            roles.append(("subtotal", j, ""))
        elif cell is None:
            roles.append(roles[-1] if has_sub else ("blank", j, ""))
        else:
            raise grid.error(
                msg("data.error.not_activity", cell=repr(cell)),
                row=grid.numbers[h],
                column=_letter(j),
                expected="a NACE division heading",
                got=cell,
            )
    return roles


def _measures(grid: Grid, h: int, roles: list[tuple[str, int, str]], has_sub: bool) -> dict[int, str]:
    """Measure (employment, workplaces, avg_wage) of every activity and total column."""
    sub = grid.rows[h + 1] if has_sub else []
    measure_of: dict[int, str] = {}
    for j, (role, start, _code) in enumerate(roles):
        if role not in ("activity", "total"):
            continue
        label = sub[j] if has_sub else None
        if label is None:
            if j == start:
                measure_of[j] = "employment"
            continue
        measure = _measure(label)
        if measure is None:
            raise grid.error(
                msg("data.error.unknown_measure", label=repr(label), heading=repr(grid.rows[h][start])),
                row=grid.numbers[h + 1],
                column=_letter(j),
                expected=["Sigortalı", "İşyeri", "Ortalama ücret"],
                got=label,
            )
        if measure != "ignored":
            measure_of[j] = measure
    return measure_of


def _province_column(grid: Grid, h: int, first_data: int, roles: list[tuple[str, int, str]]) -> int:
    """The identifier column with most province names (or, failing that, a plate-code column)."""
    candidates = [j for j, role in enumerate(roles) if role[0] == "id"]
    data = grid.rows[first_data:]
    hits = {j: sum(_province_cell(cells[j]) for cells in data) for j in candidates}
    if hits and max(hits.values()) > 0:
        return max(candidates, key=lambda j: (hits[j], -j))
    headings = [grid.rows[r][j] for r in range(h, first_data) for j in candidates]
    plate = [
        j
        for j in candidates
        for r in range(h, first_data)
        if normalize_name(str(grid.rows[r][j])) in {"plaka", "ilkodu", "plakakodu"}
    ]
    if plate:
        return plate[0]
    raise grid.error(
        msg(
            "data.error.no_province_column",
            row=grid.numbers[h],
            headings=[c for c in headings if c is not None],
        ),
        row=grid.numbers[h],
        expected="a column of provinces (İl)",
    )


def parse_wide(grid: Grid, *, year: int | None = None) -> WideTable:
    """Records (province, nace, year, employment[, workplaces][, avg_wage]) of an SGK-style sheet.

    Every record keeps its spreadsheet row, and every value the heading and column letter of its
    cell (``"10 - Gıda ürünlerinin imalatı / İşyeri (D)"``).

    Raises
    ------
    DataValidationError
        When no activity heading row is found, a heading is not a NACE division, a second-row
        heading is not a known measure, a division appears twice, no province column exists, a
        row has values but no province, or the year is unknown.
    """
    h = _find_activity_row(grid)
    heading = grid.rows[h]
    sub = grid.rows[h + 1] if h + 1 < len(grid.rows) else []
    first = next(j for j, c in enumerate(heading) if _division_cell(c) is not None)
    has_sub = any(_measure(c) is not None for c in sub[first:] if isinstance(c, str))
    first_data = h + 2 if has_sub else h + 1
    roles = _roles(grid, h, has_sub)
    measure_of = _measures(grid, h, roles, has_sub)
    where = _province_column(grid, h, first_data, roles)
    province_label = next(
        (str(grid.rows[r][where]) for r in range(h, first_data) if grid.rows[r][where] is not None),
        f"column {_letter(where)}",
    )
    year_value = _year(grid, grid.rows[:h], year)

    cell_of: dict[tuple[str, str], int] = {}  # (code, measure) -> column
    for j, measure in measure_of.items():
        role, start, code = roles[j]
        if role != "activity":
            continue
        if (code, measure) in cell_of:
            raise grid.error(
                msg(
                    "data.error.division_twice",
                    code=code,
                    first=_letter(roles[cell_of[(code, measure)]][1]),
                    second=_letter(start),
                ),
                row=grid.numbers[h],
                column=_letter(start),
                expected="each division once",
                got=heading[start],
            )
        cell_of[(code, measure)] = j
    codes = list(dict.fromkeys(code for code, _m in cell_of))
    measures = [m for m in ("employment", "workplaces", "avg_wage") if any(m == mm for _c, mm in cell_of)]
    if "employment" not in measures:
        raise grid.error(
            msg("data.error.no_insured"),
            row=grid.numbers[h + 1 if has_sub else h],
            expected="a 'Sigortalı' column under each activity",
        )
    blank = [j for j, role in enumerate(roles) if role[0] == "blank"]  # no heading, nothing expected

    def label(j: int) -> str:
        start = roles[j][1]
        return (
            f"{heading[start]}"
            + (f" / {sub[j]}" if has_sub and sub[j] is not None else "")
            + f" ({_letter(j)})"
        )

    records: dict[str, list[object]] = {c: [] for c in ("province", "nace", "year", *measures)}
    labels: dict[str, list[str]] = {m: [] for m in ("nace", *measures)}
    rows: list[int] = []
    data_rows: list[int] = []
    total_row: int | None = None
    value_columns = [cell_of[key] for key in cell_of]
    for index in range(first_data, len(grid.rows)):
        cells = grid.rows[index]
        if all(cells[j] is None for j in value_columns):
            if _province_cell(cells[where]) or (cells[where] is not None and _is_total(cells[where])):
                raise grid.error(
                    msg("data.error.blank_province_row", name=repr(cells[where])),
                    row=grid.numbers[index],
                    column=province_label,
                    expected="a value under every activity",
                    got=cells[where],
                )
            continue  # a blank, footnote or source line
        stray = [j for j in blank if cells[j] is not None]
        if stray:
            raise grid.error(
                msg("data.error.stray_value"),
                row=grid.numbers[index],
                column=_letter(stray[0]),
                expected="a heading for every column of values",
                got=cells[stray[0]],
            )
        name = cells[where]
        if _is_total(name):
            total_row = index
            continue
        if name is None:
            raise grid.error(
                msg("data.error.values_no_province"),
                row=grid.numbers[index],
                column=province_label,
                expected="a province",
            )
        data_rows.append(index)
        for code in codes:
            rows.append(grid.numbers[index])
            records["province"].append(name)
            records["nace"].append(code)
            records["year"].append(year_value)
            labels["nace"].append(label(cell_of[(code, "employment")]))
            for measure in measures:
                j = cell_of.get((code, measure))
                records[measure].append(cells[j] if j is not None else None)
                labels[measure].append(label(j) if j is not None else label(cell_of[(code, "employment")]))
    if not rows:
        raise grid.error(
            msg("data.error.no_province_rows", row=grid.numbers[h]),
            row=grid.numbers[h],
            expected="rows of provinces",
        )
    raw_labels: dict[str, object] = {
        "province": province_label,
        "year": "year=" if year is not None else "title",
    }
    raw_labels.update({k: np.asarray(v, dtype=object) for k, v in labels.items()})
    raw = RawTable(
        pd.DataFrame(records, dtype=object),
        np.asarray(rows, dtype=int),
        grid.file,
        grid.sheet,
        raw_labels,
        grid.skipped_sheets,
    )
    totals = {measure: (j, label(j)) for j, measure in measure_of.items() if roles[j][0] == "total"}
    per_measure = {m: [cell_of[(c, m)] for c in codes if (c, m) in cell_of] for m in measures}
    return WideTable(raw, grid, totals, total_row, data_rows, per_measure)
