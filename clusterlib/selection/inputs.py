"""The raw criteria table of sector selection: one row per candidate sector of a province.

Builds, from the long data tables (employment, exports, stakeholders, initiatives), the
sub-indicators named in the criteria file (``resources/criteria_default.yaml``) for every
candidate NACE division of one province, plus the descriptive tables the sector-selection
notebook shows (sector structure, portfolio, LQ across provinces, shift-share by sector).
Every indicator is computed with :mod:`clusterlib.specialization` and
:mod:`clusterlib.relatedness`; this module only chooses, aligns and labels.

The module is pure and language-free: a value that cannot be computed (a wage left blank, growth
from zero, exports absent) stays missing (NaN) and is imputed once, in scoring, by the step's stated
policy (:data:`clusterlib.selection.thresholds.MISSING_POLICY`).  An indicator whose input column or
table is absent altogether is left out (:func:`unavailable_indicators` says which and why).
Sector names are added only when a ``lang`` is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.data import require_years
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.relatedness import proximity, related_employment_quotient, relatedness_density
from clusterlib.selection.errors import SelectionInputError, years_text
from clusterlib.specialization import (
    cagr,
    location_quotient,
    revealed_comparative_advantage,
    to_matrix,
)

__all__ = [
    "CANDIDATE_SECTIONS",
    "REQUIREMENTS",
    "check_years",
    "national_growth_rate",
    "sector_indicators",
    "sector_labels",
    "sector_profile",
    "unavailable_indicators",
    "value_matrix",
    "with_labels",
]

#: NACE sections whose divisions are candidates for a cluster by default: tradable goods
#: (agriculture, mining, manufacturing), where exports and RCA exist.
CANDIDATE_SECTIONS: tuple[str, ...] = ("A", "B", "C")

#: What an indicator needs beyond employment counts: ``avg_wage`` and ``workplaces`` (columns of the
#: employment table), ``exports`` (the exports table), ``institutions`` (the stakeholders or the
#: initiatives table).  Without it the indicator is left out of the scoring.
REQUIREMENTS: dict[str, str] = {
    "relative_wage": "avg_wage",
    "wage_cost": "avg_wage",
    "workplaces": "workplaces",
    "avg_firm_size": "workplaces",
    "workplace_cagr": "workplaces",
    "export_cagr": "exports",
    "rca": "exports",
    "support_institutions": "institutions",
}


def _has_column(table: pd.DataFrame | None, column: str) -> bool:
    return table is not None and column in table.columns and bool(table[column].notna().any())


def unavailable_indicators(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """The indicators the tables cannot give, with what is missing (a key of :data:`REQUIREMENTS`).

    A column counts as absent when it is not in the table or holds no value at all (an SGK table
    without wages).

    Examples
    --------
    >>> employment = pd.DataFrame({"year": [2024], "plate": [1], "nace": ["10"], "employment": [5.0]})
    >>> sorted(set(unavailable_indicators({"employment": employment}).values()))
    ['avg_wage', 'exports', 'institutions', 'workplaces']
    """
    employment = tables.get("employment")
    present = {
        "avg_wage": _has_column(employment, "avg_wage"),
        "workplaces": _has_column(employment, "workplaces"),
        "exports": tables.get("exports") is not None and len(tables["exports"]) > 0,
        "institutions": tables.get("stakeholders") is not None or tables.get("initiatives") is not None,
    }
    return {indicator: need for indicator, need in REQUIREMENTS.items() if not present[need]}


def check_years(employment: pd.DataFrame, place: Province, year: int, period: int) -> tuple[int, int]:
    """``(base, year)`` of the growth period, after checking that the table and the province cover both.

    Raises
    ------
    SelectionInputError
        When ``year`` is not in the table, ``period`` < 1 or the base year is not in the table.
    DataValidationError
        When the province has no rows, or none in one of the two years
        (:func:`clusterlib.data.require_years`: the message names the province and the years present,
        in the language of an enclosing :func:`clusterlib.data.messages_in`).
    """
    available = sorted(int(y) for y in employment["year"].unique())
    if year not in available:
        raise SelectionInputError("year_absent", {"year": year, "years": years_text(available)})
    if period < 1:
        raise SelectionInputError("period", {"period": period})
    base = year - period
    if base not in available:
        raise SelectionInputError(
            "base_absent",
            {"period": period, "base": base, "years": years_text(available), "longest": year - available[0]},
        )
    require_years(employment, place, [base, year])  # the data's one check of a province's rows
    return base, year


def value_matrix(table: pd.DataFrame, value: str, year: int, columns: Iterable[str] | None = None) -> pd.DataFrame:
    matrix = to_matrix(table, value=value, year=year, region="plate", sector="nace")
    if columns is not None:
        matrix = matrix.reindex(columns=list(columns), fill_value=0.0)
    return matrix.astype(float)


def sector_labels(codes: Iterable[str], lang: str) -> list[str]:
    return [nace.name(code, lang=lang, short=True) for code in codes]


def with_labels(frame: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    if lang is not None:
        frame.insert(1, "label", sector_labels(frame["nace"], lang))
    return frame


def national_growth_rate(tables: Mapping[str, pd.DataFrame], year: int, *, period: int = 5) -> float:
    """Türkiye's employment growth per year over the period, from the national totals.

    .. math::

        g = \\left(\\frac{\\sum_{r,s} e_{rs}(t)}{\\sum_{r,s} e_{rs}(t - p)}\\right)^{1/p} - 1

    This is the one definition of "national growth" of the step: the portfolio chart draws it and
    the portfolio finding compares with it.  It is *not* the share-weighted mean of the sectors'
    growth rates, which differs whenever the sectors grow at different rates.

    Examples
    --------
    >>> e = pd.DataFrame({"year": [2019, 2019, 2024, 2024], "plate": [1, 2, 1, 2], "nace": ["10"] * 4,
    ...                   "employment": [100.0, 100.0, 161.051, 161.051]})
    >>> round(national_growth_rate({"employment": e}, 2024, period=5), 4)
    0.1
    """
    employment = tables["employment"]
    totals = employment.groupby("year")["employment"].sum()
    return float(cagr(float(totals[year - period]), float(totals[year]), period))


def sector_profile(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    year: int,
    *,
    period: int = 5,
    lang: str | None = None,
) -> pd.DataFrame:
    """Every division of a province with its size, shares, LQ and growth: the sector structure.

    Parameters
    ----------
    tables : mapping
        The data tables (:func:`clusterlib.data.load_tables`); uses ``employment``.
    province : str, int or Province
        Any spelling or code (:func:`clusterlib.regions.province`).
    year : int
        The year of the structure.
    period : int, default 5
        Growth is the CAGR from ``year - period`` to ``year``.
    lang : {"tr", "en"}, optional
        Add a ``label`` column with the sector names in this language.

    Returns
    -------
    DataFrame
        One row per division present in the province: ``nace, employment, workplaces`` (missing
        when the table has no workplaces), ``share`` (of the province's employment),
        ``national_share``, ``lq``, ``growth`` (CAGR; missing for a sector absent at the start),
        ``national_growth`` (the sector's national CAGR), sorted by employment, largest first.
    """
    place = resolve_province(province)
    employment = tables["employment"]
    base, year = check_years(employment, place, year, period)
    now = value_matrix(employment, "employment", year)
    then = value_matrix(employment, "employment", base, now.columns)
    row = now.loc[place.plate]
    nation = now.sum(axis=0)
    if _has_column(employment, "workplaces"):
        workplaces = value_matrix(employment, "workplaces", year, now.columns).loc[place.plate].to_numpy()
    else:
        workplaces = np.full(len(now.columns), np.nan)
    frame = pd.DataFrame(
        {
            "nace": now.columns.astype(str),
            "employment": row.to_numpy(),
            "workplaces": workplaces,
            "share": (row / row.sum()).to_numpy(),
            "national_share": (nation / nation.sum()).to_numpy(),
            "lq": location_quotient(now).loc[place.plate].to_numpy(),
            "growth": cagr(then.loc[place.plate], row, period).to_numpy(),
            "national_growth": cagr(then.sum(axis=0), nation, period).to_numpy(),
        }
    )
    frame = frame[frame["employment"] > 0]
    return with_labels(frame.sort_values("employment", ascending=False, ignore_index=True), lang)


def sector_indicators(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    year: int,
    *,
    period: int = 5,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    min_employment: float = 100,
    min_candidates: int = 1,
) -> pd.DataFrame:
    """The raw sub-indicators of every candidate sector of a province (one row per NACE division).

    Candidates are the divisions of ``sections`` with at least ``min_employment`` insured
    employees in the province in ``year``.  Columns (the ids of the default criteria file):

    ============================  ================================================================
    ``employment``                employees in the sector in the province
    ``lq``                        location quotient :math:`(e_{ij}/e_j)/(e_i/e)`
    ``relative_wage``             sector's average wage / the province's average wage
    ``workplaces``                number of workplaces (SGK)
    ``employment_cagr``           CAGR of the sector's employment over ``period`` years
    ``export_cagr``               CAGR of the sector's exports from the province
    ``rca``                       Balassa revealed comparative advantage of the province's exports
    ``national_growth``           CAGR of the sector's national employment (market growth)
    ``relatedness_density``       share (0–100) of related sectors in which the province is
                                  specialised (Hidalgo et al. 2007; Boschma et al. 2015)
    ``support_institutions``      stakeholders and cluster initiatives of the province that support
                                  the sector
    ``avg_firm_size``             employees per workplace
    ``skills_pool``               LQ of the related labour pool (``related_employment_quotient``)
    ``wage_cost``                 sector's average wage in the province / its national average wage
    ``workplace_cagr``            CAGR of the number of workplaces (firm formation)
    ============================  ================================================================

    Relatedness is measured from co-specialisation (LQ ≥ 1) of the 81 provinces in ``year``.

    Missing stays missing: a growth rate from zero, a wage nobody reported, exports absent in both
    years are NaN (scoring imputes them by a stated policy and flags them).  Average wages are
    employment-weighted over the rows that report a wage: a wage bill and the employment it is
    divided by cover the same rows.  Columns whose input is absent (:func:`unavailable_indicators`)
    are left out.

    Parameters
    ----------
    min_candidates : int, default 1
        Raise when fewer candidates are found (0 returns an empty table).

    Returns
    -------
    DataFrame
        Indexed by NACE division code (``nace``), sorted by code.

    Raises
    ------
    SelectionInputError
        Unknown year, a period reaching before the first year, a province without rows in the
        base or the latest year, the exports table not covering both years, or fewer than
        ``min_candidates`` candidates.
    """
    place = resolve_province(province)
    employment = tables["employment"]
    base, year = check_years(employment, place, year, period)
    left_out = unavailable_indicators(tables)
    now = value_matrix(employment, "employment", year)
    codes = now.columns
    then = value_matrix(employment, "employment", base, codes)
    plate = place.plate
    lq = location_quotient(now)
    phi = proximity((lq >= 1).astype(int))
    columns: dict[str, pd.Series] = {
        "employment": now.loc[plate],
        "lq": lq.loc[plate],
        "employment_cagr": cagr(then.loc[plate], now.loc[plate], period),
        "national_growth": cagr(then.sum(axis=0), now.sum(axis=0), period),
        "relatedness_density": relatedness_density((lq >= 1).astype(int), phi).loc[plate],
        "skills_pool": related_employment_quotient(now, phi).loc[plate],
    }
    if "relative_wage" not in left_out:
        columns.update(_wages(employment, plate, year, codes))
    if "workplaces" not in left_out:
        firms_now = value_matrix(employment, "workplaces", year, codes)
        firms_then = value_matrix(employment, "workplaces", base, codes)
        columns["workplaces"] = firms_now.loc[plate]
        columns["avg_firm_size"] = now.loc[plate] / firms_now.loc[plate].replace(0, np.nan)
        columns["workplace_cagr"] = cagr(firms_then.loc[plate], firms_now.loc[plate], period)
    if "rca" not in left_out:
        columns.update(_exports(tables["exports"], plate, base, year, period, codes))
    if "support_institutions" not in left_out:
        columns["support_institutions"] = _support(tables, place, codes)
    order = [
        "employment", "lq", "relative_wage", "workplaces", "employment_cagr", "export_cagr", "rca",
        "national_growth", "relatedness_density", "support_institutions", "avg_firm_size", "skills_pool",
        "wage_cost", "workplace_cagr",
    ]  # fmt: skip
    frame = pd.DataFrame({name: columns[name] for name in order if name in columns})
    frame.index = frame.index.astype(str)
    frame.index.name = "nace"
    in_sections = np.array([nace.section_of(code) in set(sections) for code in frame.index], dtype=bool)
    candidates = frame[in_sections & (frame["employment"] >= min_employment)].sort_index()
    if len(candidates) < min_candidates:
        raise SelectionInputError(
            "no_candidates",
            {
                "province": place.name,
                "sections": ", ".join(sections),
                "min_employment": f"{min_employment:g}",
                "year": year,
            },
        )
    return candidates


def _wages(employment: pd.DataFrame, plate: int, year: int, codes: pd.Index) -> dict[str, pd.Series]:
    """Relative wage and wage cost from a wage bill and the employment of the same rows."""
    reported = employment[employment["avg_wage"].notna()]
    bill = value_matrix(reported.assign(_bill=reported["employment"] * reported["avg_wage"]), "_bill", year, codes)
    paid = value_matrix(reported, "employment", year, codes)
    with np.errstate(invalid="ignore", divide="ignore"):
        wage = bill.loc[plate] / paid.loc[plate].replace(0, np.nan)
        national = bill.sum(axis=0) / paid.sum(axis=0).replace(0, np.nan)
        own_total = paid.loc[plate].sum()
        province_wage = bill.loc[plate].sum() / own_total if own_total > 0 else np.nan
    return {"relative_wage": wage / province_wage, "wage_cost": wage / national}


def _exports(
    exports: pd.DataFrame, plate: int, base: int, year: int, period: int, codes: pd.Index
) -> dict[str, pd.Series]:
    export_years = sorted(int(y) for y in exports["year"].unique())
    if base not in export_years or year not in export_years:
        raise SelectionInputError(
            "exports_years", {"base": base, "year": year, "period": period, "years": years_text(export_years)}
        )
    x_now = value_matrix(exports, "exports_usd", year)
    x_then = value_matrix(exports, "exports_usd", base, x_now.columns)
    rca = revealed_comparative_advantage(x_now)
    own_now = x_now.loc[plate] if plate in x_now.index else pd.Series(np.nan, index=x_now.columns)
    own_then = x_then.loc[plate] if plate in x_then.index else pd.Series(np.nan, index=x_now.columns)
    own_rca = rca.loc[plate] if plate in rca.index else pd.Series(np.nan, index=x_now.columns)
    return {"export_cagr": cagr(own_then, own_now, period).reindex(codes), "rca": own_rca.reindex(codes)}


def _support(tables: Mapping[str, pd.DataFrame], place: Province, codes: Iterable[str]) -> pd.Series:
    """Stakeholders and cluster initiatives of the province that name a cluster covering each division."""
    counts = pd.Series(0.0, index=pd.Index(list(codes), dtype=object))
    divisions_of = {row.id: set(row.divisions) for row in nace.clusters().itertuples()}
    stakeholders = tables.get("stakeholders")
    if stakeholders is not None:
        local = stakeholders[stakeholders["plate"] == place.plate]
        for value in local["clusters"].fillna(""):
            supported = set().union(
                *(divisions_of.get(c.strip(), set()) for c in str(value).split(";") if c.strip())
            )
            counts[counts.index.isin(supported)] += 1
    initiatives = tables.get("initiatives")
    if initiatives is not None:
        local = initiatives[initiatives["plate"] == place.plate]
        for value in local["nace_divisions"].fillna(""):
            supported = {d.strip() for d in str(value).split(";") if d.strip()}
            counts[counts.index.isin(supported)] += 1
    return counts
