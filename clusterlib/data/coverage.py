"""Province coverage of a national table: all 81 provinces, or fewer with a note for the reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

import pandas as pd

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.notes import ReadNote, SourceInfo, source_of
from clusterlib.regions import province, provinces

__all__ = ["Coverage", "require_years", "with_coverage"]

#: Province coverage a table must have: all 81 provinces, or fewer with a note in the reports.
Coverage = Literal["all", "partial"]


def sheetless(note: ReadNote) -> ReadNote:
    """One note per workbook for a column absent from every sheet."""
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


def require_years(frame: pd.DataFrame, place: object, years: Sequence[int]) -> None:
    """Require rows of province ``place`` in each of ``years`` (e.g. a step's base and latest year).

    For steps that compare a province across years: instead of a ``KeyError`` deep in pandas, a
    :class:`~clusterlib.data.errors.DataValidationError` in the run's language names the province and
    the years the table has for it.

    Raises
    ------
    DataValidationError
        When the province has no rows, or none in some of ``years``.

    Examples
    --------
    >>> frame = pd.DataFrame({"plate": [55, 55], "year": [2022, 2023]})
    >>> require_years(frame, "Samsun", [2018, 2023])
    Traceback (most recent call last):
    ...
    clusterlib.data.errors.DataValidationError: Samsun has no rows for 2018; the data have years 2022, 2023 for it
    """
    record = province(place)
    info = source_of(frame)
    file = info.file if info is not None and info.file else None
    present = sorted({int(y) for y in frame.loc[frame["plate"] == record.plate, "year"]})
    if not present:
        every = sorted({int(y) for y in frame["year"]})
        span = f"{every[0]}–{every[-1]}" if every else "–"
        raise DataValidationError(
            msg("data.error.province_no_rows", province=record.name, years=span),
            file=file,
            expected=f"rows of {record.name}",
        )
    missing = [int(y) for y in years if int(y) not in present]
    if missing:
        raise DataValidationError(
            msg(
                "data.error.province_years",
                province=record.name,
                missing=", ".join(str(y) for y in missing),
                present=_span(present),
            ),
            file=file,
            expected=list(years),
            got=present,
        )


def _span(years: list[int]) -> str:
    """``2013–2024`` for consecutive years, else the years listed."""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)
