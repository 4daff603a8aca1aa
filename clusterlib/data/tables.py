"""One reader per input table (:func:`clusterlib.data.load_tables` reads a whole folder with them).

Each ``read_<table>`` reads a CSV (UTF-8 or Windows-1254, ``,``/``;``/tab) or an .xlsx sheet,
maps English or Turkish headings onto the table's schema (:mod:`clusterlib.data.schemas`), types
and checks every cell, and returns a clean DataFrame sorted by the table's key — or raises a
:class:`~clusterlib.data.errors.DataValidationError` naming file, row and column.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Literal

import pandas as pd

from clusterlib.data import sgk, sgk_totals
from clusterlib.data.coverage import Coverage, sheetless, with_coverage
from clusterlib.data.errors import DataValidationError
from clusterlib.data.notes import SourceInfo, source_of
from clusterlib.data.readers import read_grid, table_from_grid, visible_sheets
from clusterlib.data.schema_reading import find_header, read_schema_table
from clusterlib.data.schemas import SCHEMAS
from clusterlib.data.step_tables import (
    read_benchmarks,
    read_initiatives,
    read_io_table,
    read_monitoring,
    read_province_factors,
    read_relations,
    read_stakeholders,
    read_survey,
)
from clusterlib.data.validation import Schema, map_headers, validate

__all__ = [
    "READERS",
    "read_benchmarks",
    "read_employment",
    "read_exports",
    "read_firms",
    "read_initiatives",
    "read_io_table",
    "read_monitoring",
    "read_province_factors",
    "read_relations",
    "read_stakeholders",
    "read_survey",
]


# ---------------------------------------------------------------------------------------------- readers


def read_employment(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    year: int | None = None,
    check_totals: bool | None = None,
    coverage: Coverage | None = None,
    dash: Literal["zero", "missing"] = "zero",
) -> pd.DataFrame:
    """Read insured employment by province and NACE division, tidy or as an SGK-style workbook.

    Two layouts are recognised:

    * **tidy** (one row per province × division × year): columns ``province`` and/or ``plate``,
      ``nace``, ``year``, ``employment`` and optionally ``workplaces`` and ``avg_wage``, with English
      or Turkish headings (``il``/``il_adi``/``İl``, ``plaka``, ``faaliyet``/``nace_kodu``/``ekonomik
      faaliyet``, ``yıl``, ``istihdam``/``sigortalı``/``sigortali_sayisi``, ``işyeri``/``isyeri_sayisi``,
      ``ortalama ücret``);
    * **SGK wide** (as the SGK statistical yearbook prints it): title rows, then provinces as rows and
      activities as columns headed by NACE divisions (``"10 - Gıda ürünlerinin imalatı"``), possibly
      with a second heading row (``Sigortalı | İşyeri``) under each activity; ``Toplam`` rows and
      columns and section subtotals are dropped.  The year comes from ``year=``, else the sheet name,
      else the title rows.

    Numbers may be written the Turkish way (``1.234``, ``12.345,5``); ``-`` means 0 (TÜİK's "nil").

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first visible sheet; hidden sheets are
        passed over and the report says so).  ``"all"``: every visible sheet of an SGK yearbook
        workbook (one sheet per year, the year taken from each sheet's name or title) into one long
        table.
    year : int, optional
        The year of a table that has no year column (SGK wide layout, or a tidy table of one year).
    check_totals : bool, optional
        SGK wide layout: require each ``Toplam`` cell to equal the sum of its row or column, so a
        dropped, blank or shifted province row is caught.  On by default; pass False for an extract of
        some activities whose totals cover all activities.
    coverage : {"all", "partial"}, optional
        ``"all"``: every year must have rows for all 81 provinces (a national table: its national
        totals feed every location quotient), else an error lists the missing provinces.
        ``"partial"``: accept fewer provinces and record a coverage note for the reports.  Default:
        ``"all"`` for the SGK wide layout (the yearbook table is national), unchecked for tidy files.
    dash : {"zero", "missing"}, default "zero"
        How ``-`` cells of employment and workplaces read: ``"zero"`` (TÜİK's and SGK's sign for
        "nil") or ``"missing"`` (a source that uses ``-`` for suppressed values).  Either way the
        cells are counted in the read notes.  Withheld ``*`` cells are always missing.

    Returns
    -------
    pandas.DataFrame
        Columns ``plate, province, nace, year, employment`` (+ ``workplaces``, ``avg_wage`` where
        present), sorted by ``plate, nace, year``; ``province`` is the Turkish name, ``nace`` the
        two-digit division.

    Raises
    ------
    DataValidationError
        For a file that cannot be read, a layout that is not recognised, or any cell that is not
        what the schema expects, with file, row and column.
    ValueError
        When ``year`` is given for a table with a year column, or ``sheet`` for a CSV file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "istihdam.csv"
    >>> _ = path.write_text("İl;Faaliyet;Yıl;Sigortalı\\nK.Maraş;25;2023;12.345\\n", encoding="utf-8")
    >>> read_employment(path).to_dict("records")
    [{'plate': 46, 'province': 'Kahramanmaraş', 'nace': '25', 'year': 2023, 'employment': 12345}]
    """
    if coverage not in (None, "all", "partial"):
        raise ValueError(f"'coverage' must be 'all', 'partial' or None, got {coverage!r}")
    if dash not in ("zero", "missing"):
        raise ValueError(f"'dash' must be 'zero' or 'missing', got {dash!r}")
    if isinstance(sheet, str) and sheet.strip().lower() == "all":
        return _read_yearbook(Path(path), year=year, check_totals=check_totals, coverage=coverage, dash=dash)
    schema = SCHEMAS["employment"]
    if dash == "missing":
        columns = tuple(
            replace(c, dash_is_zero=False, dash_is_missing=True) if c.dash_is_zero else c
            for c in schema.columns
        )
        schema = replace(schema, columns=columns)
    grid = read_grid(path, sheet=sheet)
    header = find_header(grid, schema)
    if header is None and year is not None:
        header = find_header(grid, _without_year(schema))
    if header is None and not sgk.looks_wide(grid):
        header = find_header(grid, schema, partial=True)
    if header is None:
        parsed = sgk.parse_wide(grid, year=year)
        problems = []
        try:
            frame = validate(parsed.raw, schema, headers_mapped=True)
        except DataValidationError as error:
            problems.append(error)
        if check_totals is not False:
            try:
                sgk_totals.check_totals(parsed)
            except DataValidationError as error:
                problems.append(error)
        if problems:
            raise DataValidationError.collect(problems)
        return with_coverage(frame, coverage or "all")
    raw = map_headers(table_from_grid(grid, header), schema)
    if year is not None:
        if "year" in raw.frame:
            raise ValueError(f"'year' was given ({year}) but {raw.file} has a year column; leave 'year' out")
        raw.frame["year"] = year
        raw.labels["year"] = "year="
    frame = validate(raw, schema, headers_mapped=True)
    return with_coverage(frame, coverage) if coverage else frame


def _read_yearbook(
    path: Path, *, year: int | None, check_totals: bool | None, coverage: Coverage | None, dash: str
) -> pd.DataFrame:
    """Every visible sheet of a workbook (one per year) read by :func:`read_employment`, stacked."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        raise ValueError(f"sheet='all' applies to .xlsx workbooks only, got {path.name}")
    if year is not None:
        raise ValueError("sheet='all' reads the year of each sheet from its name or title; leave 'year' out")
    names = visible_sheets(path)
    frames: list[pd.DataFrame] = []
    problems: list[DataValidationError] = []
    for name in names:
        try:
            frames.append(
                read_employment(path, sheet=name, check_totals=check_totals, coverage="partial", dash=dash)
            )
        except DataValidationError as error:
            problems.append(error)
    if problems:
        raise DataValidationError.collect(problems)
    seen: dict[int, str] = {}
    for name, frame in zip(names, frames, strict=True):
        for value in sorted(set(frame["year"])):
            if value in seen:
                raise DataValidationError(
                    f"sheets {seen[value]!r} and {name!r} both hold year {value}; keep one sheet per year",
                    file=path.name,
                    expected="one sheet per year",
                    got=[seen[value], name],
                )
            seen[value] = name
    stacked = pd.concat(frames, ignore_index=True).sort_values(["plate", "nace", "year"], ignore_index=True)
    for column in ("workplaces", "employment"):
        if column in stacked and stacked[column].dtype == object:  # a sheet without the column
            stacked[column] = stacked[column].astype("Int64")
    infos = [source_of(frame) for frame in frames]
    stacked.attrs["source"] = SourceInfo(
        table="employment",
        file=path.name,
        sheet=", ".join(names),
        notes=tuple(
            dict.fromkeys(sheetless(n) for info in infos if info for n in info.notes if n.kind != "coverage")
        ),
    )
    return with_coverage(stacked, coverage or "all")


def _without_year(schema: Schema) -> Schema:
    """``schema`` with an optional year column (the year then comes from the ``year`` argument)."""
    columns = tuple(replace(c, required=False) if c.name == "year" else c for c in schema.columns)
    return replace(schema, columns=columns)


def read_exports(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read exports (USD) by province, NACE goods division and year.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``plate, province, nace, year, exports_usd`` sorted by ``plate, nace, year``; ``nace`` is a
        division of sections A, B or C (goods), ``exports_usd`` ≥ 0 (``-`` reads as 0).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.

    See Also
    --------
    read_employment : the accepted layouts and number formats.
    """
    return read_schema_table("exports", path, sheet)


def read_firms(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a cluster's firm register.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``cluster, firm_id, name, plate, province, district, nace, nace_class, size_class,
        employees, founded, stage, export_share`` sorted by ``firm_id`` (unique).  ``size_class``
        fits ``employees`` (micro < 10, small 10–49, medium 50–249, large ≥ 250), ``nace_class`` lies
        in ``nace``, ``stage`` is ``inputs, manufacturing, services`` or ``distribution``,
        ``export_share`` is in [0, 1] (``25%`` reads as 0.25).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return read_schema_table("firms", path, sheet)


#: The reader of each table, by name.
READERS = {
    "employment": read_employment,
    "exports": read_exports,
    "firms": read_firms,
    "stakeholders": read_stakeholders,
    "io_table": read_io_table,
    "monitoring": read_monitoring,
    "benchmarks": read_benchmarks,
    "initiatives": read_initiatives,
    "province_factors": read_province_factors,
}


# ------------------------------------------------------------------------------------------- load_tables
