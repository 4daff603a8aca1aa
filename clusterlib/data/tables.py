"""One reader per input table, and :func:`load_tables` / :func:`data_fingerprint` for a data directory.

Each ``read_<table>`` reads a CSV (UTF-8 or Windows-1254, ``,``/``;``/tab) or an .xlsx sheet,
maps English or Turkish headings onto the table's schema (:mod:`clusterlib.data.schemas`), types
and checks every cell, and returns a clean DataFrame sorted by the table's key — or raises a
:class:`~clusterlib.data.errors.DataValidationError` naming file, row and column.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import sgk
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import message_language, messages_in, msg
from clusterlib.data.notes import MissingTable, ReadNote, SourceInfo, source_of
from clusterlib.data.readers import Grid, RawTable, read_grid, table_from_grid, visible_sheets
from clusterlib.data.schemas import SCHEMAS, TABLES, is_external
from clusterlib.data.validation import Checker, Schema, map_headers, validate
from clusterlib.regions import normalize_name, provinces

#: Province coverage a table must have: all 81 provinces, or fewer with a note in the reports.
Coverage = Literal["all", "partial"]

__all__ = [
    "STEP_TABLES",
    "LoadedTables",
    "data_fingerprint",
    "load_tables",
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
    if isinstance(sheet, str) and sheet.strip().lower() == "all":
        return _read_yearbook(Path(path), year=year, check_totals=check_totals, coverage=coverage)
    schema = SCHEMAS["employment"]
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
    path: Path, *, year: int | None, check_totals: bool | None, coverage: Coverage | None
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
            frames.append(read_employment(path, sheet=name, check_totals=check_totals, coverage="partial"))
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
            dict.fromkeys(_sheetless(n) for info in infos if info for n in info.notes if n.kind != "coverage")
        ),
    )
    return with_coverage(stacked, coverage or "all")


def _sheetless(note: ReadNote) -> ReadNote:
    """An absent column is absent from every sheet: one note for the workbook."""
    return replace(note, sheet=None) if note.kind == "missing_column" else note


def with_coverage(frame: pd.DataFrame, coverage: Coverage) -> pd.DataFrame:
    """Check that every year of a province table has all 81 provinces (``coverage="all"``), or record
    the missing ones as a coverage note for the reports (``"partial"``).

    Raises
    ------
    DataValidationError
        With ``"all"``, listing per year the provinces that have no rows.
    """
    info = source_of(frame) or SourceInfo(table="", file="")
    all_plates = set(range(1, 82))
    names = provinces().set_index("plate")["name"]
    notes: list[ReadNote] = []
    problems: list[DataValidationError] = []
    for value, group in frame.groupby("year", sort=True):
        missing = sorted(all_plates - set(group["plate"].astype(int)))
        if not missing:
            continue
        listed = tuple(names.loc[missing])
        if coverage == "all":
            shown = ", ".join(listed[:15]) + (", …" if len(listed) > 15 else "")
            problems.append(
                DataValidationError(
                    msg("data.error.coverage", year=value, count=len(missing), names=shown),
                    file=info.file or None,
                    sheet=info.sheet,
                    column="province",
                    expected="all 81 provinces",
                    got=len(all_plates) - len(missing),
                )
            )
        else:
            notes.append(
                ReadNote("coverage", info.file, info.sheet, count=len(missing), items=listed, year=int(value))
            )
    if problems:
        raise DataValidationError.collect(problems)
    if notes:
        frame.attrs["source"] = replace(info, notes=info.notes + tuple(notes))
    return frame


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
    """Read the needs-assessment survey: one row per firm and year, Likert answers 1–5.

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
        ``cluster, firm_id, year, training, procurement, exports, rnd, finance, infrastructure,
        cooperation`` sorted by ``firm_id, year``; answers are nullable integers from 1 (no need)
        to 5 (very high need), missing where the firm gave no answer.

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


_READERS = {
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

_CACHE: OrderedDict[tuple, dict[str, pd.DataFrame]] = OrderedDict()
_CACHE_SIZE = 4

#: The tables each step needs (``required``: it cannot run without them) and uses when present
#: (``optional``: it runs without them and its report says what was left out).
STEP_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "sector_selection": {
        "required": ("employment",),
        "optional": ("exports", "stakeholders", "initiatives", "province_factors"),
    },
    "needs_assessment": {"required": ("firms", "survey"), "optional": ("stakeholders", "benchmarks")},
    "value_chain_mapping": {"required": ("firms", "relations"), "optional": ("io_table", "stakeholders")},
    "monitoring": {"required": ("monitoring",), "optional": ("benchmarks", "initiatives")},
}


def _table_path(directory: Path, name: str) -> Path | None:
    """``<name>.csv`` or ``<name>.xlsx`` in ``directory``; None when neither; an error when both."""
    found = [directory / f"{name}{suffix}" for suffix in (".csv", ".xlsx")]
    found = [path for path in found if path.is_file()]
    if len(found) > 1:
        raise DataValidationError(
            msg("data.error.both_files", first=found[0].name, second=found[1].name, folder=directory.name),
            file=f"{name}.*",
            expected=f"one file {name}.csv or {name}.xlsx",
            got=[path.name for path in found],
        )
    return found[0] if found else None


def _steps_needing(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    required = tuple(step for step, t in STEP_TABLES.items() if name in t["required"])
    optional = tuple(step for step, t in STEP_TABLES.items() if name in t["optional"])
    return required, optional


def _names(tables: str | list[str] | tuple[str, ...] | None, what: str) -> list[str]:
    if tables is None:
        return []
    wanted = [tables] if isinstance(tables, str) else list(tables)
    unknown = [t for t in wanted if t not in SCHEMAS]
    if unknown:
        raise ValueError(f"{what!r} must be among {list(TABLES)}, got {unknown}")
    return wanted


class LoadedTables(dict):
    """The tables :func:`load_tables` found, by name, and a record of what it did not find.

    A ``dict`` of DataFrames (``tables["employment"]``) with, in addition:

    ``missing``
        :class:`~clusterlib.data.notes.MissingTable` for every optional table that is absent (the
        steps that need it, the steps that run without it, where the official data come from);
    ``sources``
        :class:`~clusterlib.data.notes.SourceInfo` of every table read: file, sheet, read notes;
    ``folder``
        the name (last part) of the data folder.
    """

    def __init__(
        self, tables: dict[str, pd.DataFrame], *, folder: str, missing: tuple[MissingTable, ...] = ()
    ):
        super().__init__(tables)
        self.folder = folder
        self.missing = missing

    @property
    def sources(self) -> dict[str, SourceInfo]:
        """File, sheet and read notes of each table read."""
        return {name: info for name, frame in self.items() if (info := source_of(frame)) is not None}

    @property
    def notes(self) -> tuple[ReadNote, ...]:
        """The read notes of all tables, in table order."""
        return tuple(note for info in self.sources.values() for note in info.all_notes())

    def text(self, lang: str = "en") -> list[str]:
        """Sentences for a report: each missing table, then each read note, in ``lang``."""
        return [m.text(lang) for m in self.missing] + [n.text(lang) for n in self.notes]


def load_tables(
    data_dir: str | Path | None = None,
    *,
    tables: str | list[str] | tuple[str, ...] | None = None,
    required: str | list[str] | tuple[str, ...] | None = None,
    optional: str | list[str] | tuple[str, ...] | None = None,
    step: str | None = None,
    coverage: Coverage = "all",
    lang: str | None = None,
) -> LoadedTables:
    """Read and validate the input tables of a data directory; report every missing table at once.

    Each table ``<name>`` is read from ``<name>.csv`` or ``<name>.xlsx`` (both at once is refused)
    with its reader (:func:`read_employment`, :func:`read_firms`…); survey and relations are checked
    against the firm register.  All problems are reported together: every missing required table
    (with the steps that need it and where the official data come from) and every invalid file.
    Results are cached per directory and file modification times, so notebooks can call this
    freely; each call returns fresh DataFrame objects (changing one does not change the cache).

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Directory of the tables; default :data:`clusterlib.config.SAMPLE_DIR` (the synthetic sample).
    tables : str or list of str, optional
        Tables that must all be there (the older spelling of ``required``).  With none of
        ``tables``, ``required``, ``optional`` and ``step``: every table of :data:`TABLES`, required.
    required, optional : str or list of str, optional
        Tables the caller cannot do without, and tables it uses when present.  A missing optional
        table is recorded in ``result.missing`` instead of stopping the run.
    step : str, optional
        A step of :data:`STEP_TABLES` (``"sector_selection"``…): its required and optional tables
        (added to ``required``/``optional``).
    coverage : {"all", "partial"}, default "all"
        Employment must cover all 81 provinces in every year (its national totals feed every
        location quotient), or with ``"partial"`` a coverage note is recorded instead.
    lang : {"tr", "en"}, optional
        Language of the error messages (default: English, or that of an enclosing
        :func:`~clusterlib.data.messages.messages_in` block).

    Returns
    -------
    LoadedTables
        A dict of the tables found, by name, with ``missing`` (the absent optional tables),
        ``sources`` (file, sheet and read notes of each table) and ``text(lang)`` (report sentences).

    Raises
    ------
    DataValidationError
        Listing at once every missing required table (``error.missing`` holds the
        :class:`~clusterlib.data.notes.MissingTable` records) and every file that fails its schema.
    ValueError
        For an unknown table or step name.

    Examples
    --------
    >>> tables = load_tables(tables=["io_table"])  # the bundled sample
    >>> list(tables), list(tables["io_table"].columns), tables.missing
    (['io_table'], ['from', 'to', 'value'], ())
    >>> tables.sources["io_table"].file
    'io_table.csv'
    """
    with messages_in(lang or message_language()):
        return _load_tables(data_dir, tables, required, optional, step, coverage)


def _load_tables(data_dir, tables, required, optional, step, coverage) -> LoadedTables:
    directory = Path(data_dir if data_dir is not None else SAMPLE_DIR).resolve()
    if coverage not in ("all", "partial"):
        raise ValueError(f"'coverage' must be 'all' or 'partial', got {coverage!r}")
    if step is not None and step not in STEP_TABLES:
        raise ValueError(f"'step' must be one of {list(STEP_TABLES)}, got {step!r}")
    must = _names(tables, "tables") + _names(required, "required")
    may = _names(optional, "optional")
    if step is not None:
        must += list(STEP_TABLES[step]["required"])
        may += list(STEP_TABLES[step]["optional"])
    if not must and not may:
        must = list(TABLES)
    if {"survey", "relations"} & set(must):
        must.append("firms")
    may = [t for t in may if t not in must]
    if {"survey", "relations"} & set(may):
        may.append("firms")
    wanted = [t for t in TABLES if t in set(must) | set(may)]

    problems: list[DataValidationError] = []
    paths: dict[str, Path] = {}
    absent: list[MissingTable] = []
    for name in wanted:
        try:
            path = _table_path(directory, name)
        except DataValidationError as error:
            problems.append(error)
            continue
        if path is not None:
            paths[name] = path
            continue
        steps_required, steps_optional = _steps_needing(name)
        if step is not None:
            steps_required = (step,) if name in must else ()
            steps_optional = (step,) if name not in must else ()
        absent.append(
            MissingTable(
                name,
                directory.name,
                required_by=steps_required,
                optional_for=steps_optional,
                source=SCHEMAS[name].source,
            )
        )
    missing_required = [m for m in absent if m.table in must]
    if missing_required:
        others = [m for m in absent if m.table not in must]
        lang = message_language()
        error = DataValidationError(
            msg(
                "data.error.missing_tables",
                count=len(missing_required),
                folder=directory.name,
                path=directory,
            )
            + "\n  "
            + "\n  ".join(m.text(lang) for m in [*missing_required, *others])
            + "\n"
            + msg("data.error.sample_is", path=SAMPLE_DIR),
            expected=[f"{m.table}.csv" for m in missing_required],
        )
        error.missing = tuple(absent)
        problems.insert(0, error)
    if problems:
        raise DataValidationError.collect(problems)

    names = list(paths)
    key = (
        str(directory),
        coverage,
        tuple((n, p.name, p.stat().st_mtime_ns, p.stat().st_size) for n, p in paths.items()),
    )
    if key not in _CACHE:
        loaded: dict[str, pd.DataFrame] = {}
        for name in names:
            try:
                if name == "survey":
                    loaded[name] = read_survey(paths[name], firms=loaded.get("firms"))
                elif name == "relations":
                    loaded[name] = read_relations(paths[name], firms=loaded.get("firms"))
                elif name == "employment":
                    loaded[name] = read_employment(paths[name], coverage=coverage)
                else:
                    loaded[name] = _READERS[name](paths[name])
            except DataValidationError as error:
                problems.append(error)
        if problems:
            raise DataValidationError.collect(problems)
        _CACHE[key] = loaded
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    found = {name: _CACHE[key][name].copy(deep=False) for name in wanted if name in paths}
    return LoadedTables(found, folder=directory.name, missing=tuple(absent))


def data_fingerprint(data_dir: str | Path | None = None) -> str:
    """A short SHA-256 fingerprint of the input tables of a directory (12 hexadecimal digits).

    Hashes, in table order, the name and the bytes of every ``<table>.csv``/``.xlsx`` present, so
    the fingerprint changes when any input changes and does not depend on paths or timestamps.

    Raises
    ------
    DataValidationError
        When the directory holds none of the tables.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "io_table.csv").write_text("from,to,value\\n", encoding="utf-8")
    >>> data_fingerprint(folder) == hashlib.sha256(b"io_table.csv\\0from,to,value\\n\\0").hexdigest()[:12]
    True
    """
    directory = Path(data_dir if data_dir is not None else SAMPLE_DIR)
    digest = hashlib.sha256()
    found = 0
    for name in TABLES:
        for suffix in (".csv", ".xlsx"):
            path = directory / f"{name}{suffix}"
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
                found += 1
    if not found:
        raise DataValidationError(
            f"holds none of the input tables {list(TABLES)} (looked in {directory.resolve()})",
            file=str(directory),
            expected=[f"{t}.csv" for t in TABLES],
        )
    return digest.hexdigest()[:12]
