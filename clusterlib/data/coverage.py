"""Province coverage of a national table: all 81 provinces, or fewer with a note for the reports."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

import pandas as pd

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.notes import ReadNote, SourceInfo, source_of
from clusterlib.regions import provinces

__all__ = ["Coverage", "with_coverage"]

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
