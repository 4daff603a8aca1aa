"""The input-output part of the value-chain step for one province: national and regional tables.

:func:`province_io` computes the national linkages and hypothetical extraction of Türkiye's
input-output table, and the same for the province after FLQ regionalisation by its employment
(:func:`~clusterlib.valuechain.regionalisation.regionalize`).  A missing table gives NaN frames
and a :class:`~clusterlib.valuechain.inputs.Note`, never zeros.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from clusterlib import nace
from clusterlib.regions import Province
from clusterlib.valuechain.inputoutput import hypothetical_extraction, io_linkages, technical_coefficients
from clusterlib.valuechain.inputs import Note, io_matrices
from clusterlib.valuechain.regionalisation import regionalize

__all__ = ["LINKAGE_COLUMNS", "ProvinceIO", "province_io", "regional_employment"]

#: Columns of a linkage table (:func:`~clusterlib.valuechain.inputoutput.io_linkages`).
LINKAGE_COLUMNS = ["backward", "forward", "power_of_dispersion", "sensitivity_of_dispersion", "key_sector"]


@dataclass(frozen=True, eq=False)
class ProvinceIO:
    """National and regional linkages and extraction; ``lambda_flq`` is FLQ's λ* (NaN: not computed)."""

    linkages: pd.DataFrame
    extraction: pd.DataFrame
    linkages_regional: pd.DataFrame
    extraction_regional: pd.DataFrame
    lambda_flq: float
    year: int


def regional_employment(employment: pd.DataFrame, place: Province, year: int) -> tuple[pd.Series, pd.Series]:
    """Employment by NACE section in the province and in Türkiye in ``year`` (a section absent from
    the province employs nobody there: 0, a count, not a missing value)."""
    frame = employment[employment["year"] == year]
    sections = frame["nace"].map(nace.section_of)
    national = frame.groupby(sections)["employment"].sum().astype(float)
    regional = frame[frame["plate"] == place.plate].groupby(sections)["employment"].sum().astype(float)
    return regional.reindex(national.index, fill_value=0.0), national


def province_io(
    tables: Mapping[str, pd.DataFrame], place: Province, year: int | None, delta: float, notes: list[Note]
) -> ProvinceIO:
    """National and regional linkages and extraction; NaN frames (and a note in ``notes``) for a
    missing table."""
    nan = float("nan")
    if "io_table" not in tables:
        notes.append(Note("missing_io", ("io_table",)))
        empty = pd.DataFrame(columns=LINKAGE_COLUMNS, index=pd.Index([], name="sector"), dtype=float)
        loss = pd.DataFrame(columns=["output_loss", "output_loss_share"], index=empty.index, dtype=float)
        return ProvinceIO(empty, loss, empty, loss, nan, int(year or 0))
    z, x, _ = io_matrices(tables["io_table"])
    linkages = io_linkages(z, x)
    if linkages.attrs.get("no_output"):
        notes.append(Note("zero_output", tuple(linkages.attrs["no_output"])))
    extraction = hypothetical_extraction(z, x)
    if "employment" not in tables:
        notes.append(Note("missing_employment", ("employment",)))
        return ProvinceIO(linkages, extraction, linkages * nan, extraction * nan, nan, int(year or 0))
    year = int(year if year is not None else tables["employment"]["year"].max())
    regional_emp, national_emp = regional_employment(tables["employment"], place, year)
    a_regional = regionalize(technical_coefficients(z, x), regional_emp, national_emp, delta=delta)
    x_regional = x * (regional_emp / national_emp).reindex(z.index).fillna(0.0)  # no employment: no output
    z_regional = a_regional * x_regional.to_numpy()[None, :]
    try:
        linkages_regional = io_linkages(z_regional, x_regional)
        absent = [
            s for s in linkages_regional.attrs.get("no_output", []) if s not in linkages.attrs["no_output"]
        ]
        if absent:
            notes.append(Note("regional_zero_output", tuple(absent)))
        extraction_regional = hypothetical_extraction(z_regional, x_regional)
    except ValueError as err:
        notes.append(Note("regional", (str(err),)))
        linkages_regional, extraction_regional = linkages * nan, extraction * nan
    return ProvinceIO(
        linkages, extraction, linkages_regional, extraction_regional, float(a_regional.attrs["lambda"]), year
    )
