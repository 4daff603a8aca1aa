"""The knowledge base of Turkish cluster initiatives: a registry validated on load (CSV or XLSX).

The registry (``initiatives.csv``) lists the cluster initiatives of Türkiye named in the project's
sources — from the Bartın cluster-based regional development project (2003) to the İzmir clusters
and the five pilot clusters of the SME Networking Project — one row each, edited by the key
experts. Every row is checked when it is loaded and all problems are reported at once.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pandas as pd

from clusterlib import nace, regions
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import DataValidationError, read_table
from clusterlib.data.schemas import SCHEMAS
from clusterlib.data.validation import map_headers, resolve_division, validate

__all__ = ["FIRST_YEAR", "REGISTRY_COLUMNS", "default_registry_path", "load_initiatives", "registry_problems"]

#: Earliest plausible start year of a Turkish cluster initiative (the first, Bartın, began in 2003).
FIRST_YEAR = 1990
#: Columns of the loaded registry.
REGISTRY_COLUMNS = tuple(c.name for c in SCHEMAS["initiatives"].columns)
_LETTER = re.compile(r"[^\W\d_]")
_MAX_LISTED = 20


def default_registry_path(data_dir: str | Path | None = None) -> Path:
    """``initiatives.csv`` (or ``.xlsx``) of ``data_dir`` (default: the bundled data folder)."""
    directory = Path(data_dir) if data_dir is not None else SAMPLE_DIR
    for suffix in (".csv", ".xlsx"):
        if (directory / f"initiatives{suffix}").is_file():
            return directory / f"initiatives{suffix}"
    raise DataValidationError(
        f"is missing from {directory}; the knowledge base needs it (CSV or .xlsx); the bundled registry is "
        f"{SAMPLE_DIR / 'initiatives.csv'}",
        file="initiatives.csv",
    )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def registry_problems(path: str | Path, *, sheet: str | int | None = None,
                      last_year: int | None = None) -> list[DataValidationError]:
    """Every problem of the registry's rows, each located by file, row and column.

    Checks: ``province`` and ``plate`` name one of the 81 provinces (with the closest names
    suggested); ``year`` is a whole year from :data:`FIRST_YEAR` to ``last_year`` (default: this
    year); each of ``nace_divisions`` is a NACE Rev. 2 division; ``lead_organisation``, when
    given, is a name (has letters); ``id`` is given and unique.

    Parameters
    ----------
    path : str or pathlib.Path
        The registry, ``.csv`` or ``.xlsx``.
    sheet : str or int, optional
        Sheet of a workbook.
    last_year : int, optional
        Latest acceptable year (default: the current year).

    Returns
    -------
    list of DataValidationError
        Empty when the rows are fine.
    """
    last_year = last_year if last_year is not None else _dt.date.today().year
    raw = map_headers(read_table(path, sheet=sheet), SCHEMAS["initiatives"])
    frame = raw.frame
    problems: list[DataValidationError] = []
    seen: dict[str, int] = {}
    for i in range(len(frame)):
        def cell(column: str, i: int = i) -> object:
            return frame[column].iloc[i] if column in frame else None

        ident = cell("id")
        if _blank(ident):
            problems.append(raw.error("the initiative has no id; give a short unique key such as 'bartin_2003'",
                                      i=i, column="id", expected="text"))
        elif str(ident).strip() in seen:
            problems.append(raw.error(f"id {str(ident).strip()!r} is used twice (also row {seen[str(ident).strip()]})",
                                      i=i, column="id", expected="a unique id", got=ident))
        else:
            seen[str(ident).strip()] = int(raw.rows[i])
        province = cell("province")
        if not _blank(province):
            try:
                regions.province(str(province).strip())
            except regions.UnknownProvinceError as error:
                problems.append(raw.error(str(error), i=i, column="province", expected="a province",
                                          got=province))
        plate = cell("plate")
        if not _blank(plate):
            text = str(plate).strip().removesuffix(".0")
            if not text.isdigit() or not 1 <= int(text) <= 81:
                problems.append(raw.error(f"{plate!r} is not a plate code", i=i, column="plate",
                                          expected="a plate code from 1 to 81", got=plate))
        year = cell("year")
        if not _blank(year):
            text = str(year).strip().removesuffix(".0")
            if not text.isdigit() or not FIRST_YEAR <= int(text) <= last_year:
                problems.append(raw.error(
                    f"{year!r} is not a plausible start year of an initiative", i=i, column="year",
                    expected=f"a year from {FIRST_YEAR} to {last_year}", got=year))
        divisions = cell("nace_divisions")
        if not _blank(divisions):
            for item in str(divisions).split(";"):
                if not item.strip():
                    continue
                try:
                    resolve_division(item.strip())
                except (ValueError, KeyError) as error:
                    problems.append(raw.error(f"{error}", i=i, column="nace_divisions",
                                              expected="';'-separated NACE Rev. 2 divisions such as '28;29'",
                                              got=item.strip()))
        lead = cell("lead_organisation")
        if not _blank(lead) and not _LETTER.search(str(lead)):
            problems.append(raw.error(f"{lead!r} is not the name of an organisation", i=i,
                                      column="lead_organisation", expected="a name, or empty when not known",
                                      got=lead))
    return problems


def load_initiatives(path: str | Path | None = None, *, sheet: str | int | None = None,
                     last_year: int | None = None) -> pd.DataFrame:
    """Load and validate the registry of Turkish cluster initiatives.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        ``initiatives.csv`` or ``.xlsx`` (default: the bundled registry,
        :func:`default_registry_path`).
    sheet : str or int, optional
        Sheet of a workbook.
    last_year : int, optional
        Latest acceptable start year (default: the current year).

    Returns
    -------
    DataFrame
        :data:`REGISTRY_COLUMNS` (as :func:`clusterlib.data.read_initiatives`) plus ``nace``, the
        divisions as a tuple, and ``pilot``, True for the five pilot clusters.

    Raises
    ------
    DataValidationError
        Naming every problem at once: the first located by file, row and column, the message listing
        all (unknown province, implausible year, code that is not a NACE division, a lead
        organisation that is not a name, duplicate id).

    Examples
    --------
    >>> registry = load_initiatives()
    >>> bartin = registry.set_index("id").loc["bartin_regional_development"]
    >>> bartin["province"], int(bartin["year"]), int(registry["pilot"].sum())
    ('Bartın', 2003, 5)
    """
    path = Path(path) if path is not None else default_registry_path()
    problems = registry_problems(path, sheet=sheet, last_year=last_year)
    if problems:
        first = problems[0]
        listed = "\n".join(f"  - {p}" for p in problems[:_MAX_LISTED])
        more = f"\n  … and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        raise DataValidationError(
            f"{first.detail} ({len(problems)} problem{'s' if len(problems) > 1 else ''} in the registry; fix them "
            f"all and load again):\n{listed}{more}",
            file=first.file, sheet=first.sheet, row=first.row, column=first.column, expected=first.expected,
            got=first.got,
        )
    frame = validate(read_table(path, sheet=sheet), SCHEMAS["initiatives"])
    frame["nace"] = [
        tuple(value) if isinstance(value, list | tuple) else tuple(d for d in str(value).split(";") if d)
        if not _blank(value) else ()
        for value in frame["nace_divisions"]
    ]
    table = nace.clusters()
    pilots = set(table.loc[table["pilot"].astype(bool), "id"])
    frame["pilot"] = frame["id"].isin(pilots)
    return frame.reset_index(drop=True)
