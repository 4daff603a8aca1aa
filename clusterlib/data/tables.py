"""One reader per input table (:func:`clusterlib.data.load_tables` reads a whole folder with them).

Each ``read_<table>`` reads a CSV (UTF-8 or Windows-1254, ``,``/``;``/tab) or an .xlsx sheet,
maps English or Turkish headings onto the table's schema (:mod:`clusterlib.data.schemas`), types
and checks every cell, and returns a clean DataFrame sorted by the table's key — or raises a
:class:`~clusterlib.data.errors.DataValidationError` naming file, row and column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

import pandas as pd

from clusterlib.data import sgk
from clusterlib.data.coverage import Coverage, sheetless, with_coverage
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.notes import SourceInfo, source_of
from clusterlib.data.readers import Grid, RawTable, read_grid, table_from_grid, visible_sheets
from clusterlib.data.schemas import SCHEMAS, is_external
from clusterlib.data.validation import Checker, Schema, map_headers, validate
from clusterlib.regions import normalize_name

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


def _find_header(grid: Grid, schema: Schema, *, rows: int = 10, partial: bool = False) -> int | None:
    """Index of the header row among the first ``rows`` rows of ``grid``.

    The first row whose headings cover the schema's required columns; with ``partial``, failing
    that, the first row with at least two of the schema's headings (so that validation can say
    which column is missing).
    """
    keys: dict[str, str] = {}
    for column in schema.columns:
        for alias in (column.name, *column.aliases):
            keys[normalize_name(alias)] = column.name
    needed = {c.name for c in schema.columns if c.required}
    known = [
        {keys.get(normalize_name(str(c))) for c in cells if c is not None} - {None}
        for cells in grid.rows[:rows]
    ]
    for index, names in enumerate(known):
        if needed <= names and (not schema.located or names & {"plate", "province"}):
            return index
    if partial:
        return next((index for index, names in enumerate(known) if len(names) >= 2), None)
    return None


def _raw(path: str | Path, schema: Schema, sheet: str | int | None) -> RawTable:
    grid = read_grid(path, sheet=sheet)
    header = _find_header(grid, schema, partial=True)
    return table_from_grid(grid, 0 if header is None else header)


def _read(name: str, path: str | Path, sheet: str | int | None) -> pd.DataFrame:
    schema = SCHEMAS[name]
    return validate(_raw(path, schema, sheet), schema)


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
    header = _find_header(grid, schema)
    if header is None and year is not None:
        header = _find_header(grid, _without_year(schema))
    if header is None and not sgk.looks_wide(grid):
        header = _find_header(grid, schema, partial=True)
    if header is None:
        parsed = sgk.parse_wide(grid, year=year)
        problems = []
        try:
            frame = validate(parsed.raw, schema, headers_mapped=True)
        except DataValidationError as error:
            problems.append(error)
        if check_totals is not False:
            try:
                sgk.check_totals(parsed)
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
    return _read("exports", path, sheet)


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
    return _read("firms", path, sheet)


def _in_register(firms: pd.DataFrame, columns: tuple[str, ...]) -> Callable[[Checker], None]:
    """A check that the firm ids of ``columns`` are in the register (external ``EXT-`` partners
    excepted) and that each record's cluster is the cluster of its (first-column) firm."""
    known = set(firms["firm_id"])
    cluster_of = firms.set_index("firm_id")["cluster"]

    def check(ch: Checker) -> None:
        frame = ch.frame
        for column in columns:
            ids = frame[column]
            unknown = ~ids.isin(known).to_numpy()
            if column == "target":
                unknown &= ~is_external(ids)
            ch.fail(
                unknown,
                column,
                lambda i, ids=ids: msg("data.error.not_in_register", firm=repr(ids.iloc[i])),
                expected="a firm_id of the firms table",
                got=lambda i, ids=ids: ids.iloc[i],
            )
        registered = frame[columns[0]].map(cluster_of)
        ch.fail(
            (registered.notna() & (registered != frame["cluster"])).to_numpy(),
            "cluster",
            lambda i: msg(
                "data.error.other_cluster",
                cluster=repr(frame["cluster"].iloc[i]),
                firm=repr(frame[columns[0]].iloc[i]),
                registered=repr(registered.iloc[i]),
            ),
            expected="the firm's cluster in the register",
            got=lambda i: frame["cluster"].iloc[i],
        )

    return check


def _read_checked(
    name: str, path, sheet, firms: pd.DataFrame | None, columns: tuple[str, ...]
) -> pd.DataFrame:
    schema = SCHEMAS[name]
    checks = (_in_register(firms, columns),) if firms is not None else ()
    return validate(_raw(path, schema, sheet), schema, checks=checks)


def read_survey(
    path: str | Path, *, sheet: str | int | None = None, firms: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read the needs-assessment survey in long form: one row per firm, year and item.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).
    firms : pandas.DataFrame, optional
        The firm register (:func:`read_firms`); when given, every ``firm_id`` must be in it, in the
        same cluster.

    Returns
    -------
    pandas.DataFrame
        ``cluster, firm_id, year, item, answer`` sorted by ``firm_id, year, item``; ``answer`` is
        the text as written (``1``–``5`` or a label of the scale, ``dont_know``, blank for no
        answer).  :func:`clusterlib.needs.read_survey` checks the answers against the
        questionnaire's scale and items, and also reads Google Forms, KoboToolbox and LimeSurvey
        exports.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read_checked("survey", path, sheet, firms, ("firm_id",))


def read_relations(
    path: str | Path, *, sheet: str | int | None = None, firms: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read firm-to-firm relations from the value-chain interviews.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).
    firms : pandas.DataFrame, optional
        The firm register (:func:`read_firms`); when given, sources and internal targets must be
        in it and in the relation's cluster.

    Returns
    -------
    pandas.DataFrame
        ``cluster, source, target, target_name, relation, importance, local, target_province``
        sorted by ``source, target, relation``.  ``relation`` says what the target is to the
        source (``supplier``, ``customer`` or ``cooperation``), ``importance`` is 1–5, ``local`` a
        boolean (``true/false``, ``evet/hayır``…).  External partners have ids starting ``EXT-`` and
        carry ``target_name`` and ``target_province``.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read_checked("relations", path, sheet, firms, ("source", "target"))


def read_stakeholders(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the stakeholder map: institutions per province with type, roles, location and clusters.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``plate, province, name, type, role_en, role_tr, responsibilities_en, responsibilities_tr,
        district, lat, lon, clusters`` sorted by ``plate, name``.  ``type`` is one of ``chamber,
        development_agency, university, ngo, public, oiz, exporters_association,
        cluster_association, kosgeb``; ``clusters`` a ``;``-separated list of cluster ids
        (:func:`clusterlib.nace.clusters`); ``lat``/``lon`` lie in Türkiye's bounding box.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read("stakeholders", path, sheet)


def read_io_table(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a national input-output table at NACE section level in long form (``from, to, value``).

    The table is balanced when every section's row total (sales to sections + final demand)
    equals its column total (purchases from sections + value added), i.e. total output
    :math:`x_i = \\sum_j z_{ij} + f_i = \\sum_j z_{ji} + v_i`.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``from, to, value`` sorted by ``from, to``; ``from`` is a section letter or ``VA`` (value
        added), ``to`` a section letter or ``FD`` (final demand); values in million TRY.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
        Also for a negative intermediate flow, or a section whose totals differ by more than 0.1 %.

    References
    ----------
    .. [1] Miller, R. E. and Blair, P. D. (2009). *Input-Output Analysis: Foundations and
       Extensions*, 2nd ed., ch. 2. Cambridge University Press.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "io_table.csv"
    >>> _ = path.write_text("from,to,value\\nA,A,10\\nA,FD,90\\nVA,A,90\\n", encoding="utf-8")
    >>> read_io_table(path)["value"].tolist()
    [10.0, 90.0, 90.0]
    """
    return _read("io_table", path, sheet)


def read_monitoring(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the monitoring plan: per cluster and indicator, yearly baseline, target and actual values.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``cluster, indicator, name_en, name_tr, unit, direction, year, baseline, target, actual``
        sorted by ``cluster, indicator, year``; ``direction`` (``increase`` or ``decrease``), unit
        and name are the same in every year of an indicator; values may be empty (future years).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read("monitoring", path, sheet)


def read_benchmarks(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read reference values of international clusters and cluster-management benchmarks.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``indicator, reference, country, sector, year, value, unit, note`` sorted by
        ``indicator, reference, year``.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read("benchmarks", path, sheet)


def read_initiatives(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read the list of Turkish cluster initiatives.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``id, name_en, name_tr, plate, province, sector, nace_divisions, year, lead_organisation,
        members, notes`` sorted by ``id``; ``nace_divisions`` a ``;``-separated list of divisions;
        ``plate``, ``year`` and ``members`` nullable integers (empty where the source states none).

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read("initiatives", path, sheet)


def read_province_factors(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read factor conditions by province and year.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv`` (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or ``.xlsx`` file.
    sheet : str or int, optional
        Sheet name or 0-based index of a workbook (default: the first sheet).

    Returns
    -------
    pandas.DataFrame
        ``plate, province, year, oiz_count, universities, vocational_graduates,
        rd_personnel_per_10k, broadband_per_100`` sorted by ``plate, year``; all ≥ 0.

    Raises
    ------
    DataValidationError
        For a file that cannot be read or a cell that breaks the schema, with file, row and column.
    """
    return _read("province_factors", path, sheet)


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
