"""The raw criteria table of sector selection: one row per candidate sector of a province.

Builds, from the long data tables (employment, exports, stakeholders, initiatives), the
sub-indicators named in the criteria file (``resources/criteria_default.yaml``) for every
candidate NACE division of one province, plus the descriptive tables the sector-selection
notebook shows (sector structure, portfolio, LQ across provinces, shift-share by sector).
Every indicator is computed with :mod:`clusterlib.specialization` and
:mod:`clusterlib.relatedness`; this module only chooses, aligns and labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province
from clusterlib.relatedness import proximity, related_employment_quotient, relatedness_density
from clusterlib.specialization import (
    cagr,
    location_quotient,
    revealed_comparative_advantage,
    shift_share_components,
    to_matrix,
)

__all__ = [
    "CANDIDATE_SECTIONS",
    "lq_by_province",
    "sector_indicators",
    "sector_profile",
    "sector_shift_share",
]

#: NACE sections whose divisions are candidates for a cluster by default: tradable goods
#: (agriculture, mining, manufacturing), where exports and RCA exist.
CANDIDATE_SECTIONS: tuple[str, ...] = ("A", "B", "C")


def _years(employment: pd.DataFrame, year: int, period: int) -> tuple[int, int]:
    available = sorted(int(y) for y in employment["year"].unique())
    if year not in available:
        raise ValueError(
            f"'year' {year} is not in the employment table; available: {available[0]}–{available[-1]}"
        )
    if period < 1:
        raise ValueError(f"'period' must be at least 1 year, got {period}")
    base = year - period
    if base not in available:
        raise ValueError(
            f"growth over {period} years needs {base}, but the employment table starts in {available[0]}; "
            f"choose 'period' ≤ {year - available[0]}"
        )
    return base, year


def _matrix(table: pd.DataFrame, value: str, year: int, columns: Iterable[str] | None = None) -> pd.DataFrame:
    matrix = to_matrix(table, value=value, year=year, region="plate", sector="nace")
    if columns is not None:
        matrix = matrix.reindex(columns=list(columns), fill_value=0.0)
    return matrix.astype(float)


def _labels(codes: Iterable[str], lang: str) -> list[str]:
    return [nace.name(code, lang=lang, short=True) for code in codes]


def sector_profile(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    year: int,
    *,
    period: int = 5,
    lang: str = "tr",
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

    Returns
    -------
    DataFrame
        One row per division present in the province: ``nace, label, employment, workplaces,
        share`` (of the province's employment), ``national_share``, ``lq``, ``growth`` (CAGR),
        ``national_growth`` (the sector's national CAGR), sorted by employment, largest first.
    """
    place = resolve_province(province)
    employment = tables["employment"]
    base, year = _years(employment, year, period)
    now = _matrix(employment, "employment", year)
    then = _matrix(employment, "employment", base, now.columns)
    firms = _matrix(employment, "workplaces", year, now.columns)
    row = now.loc[place.plate]
    nation = now.sum(axis=0)
    frame = pd.DataFrame(
        {
            "nace": now.columns.astype(str),
            "employment": row.to_numpy(),
            "workplaces": firms.loc[place.plate].to_numpy(),
            "share": (row / row.sum()).to_numpy(),
            "national_share": (nation / nation.sum()).to_numpy(),
            "lq": location_quotient(now).loc[place.plate].to_numpy(),
            "growth": cagr(then.loc[place.plate], row, period).to_numpy(),
            "national_growth": cagr(then.sum(axis=0), nation, period).to_numpy(),
        }
    )
    frame.insert(1, "label", _labels(frame["nace"], lang))
    frame = frame[frame["employment"] > 0]
    return frame.sort_values("employment", ascending=False, ignore_index=True)


def sector_indicators(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    year: int,
    *,
    period: int = 5,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    min_employment: float = 100,
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

    Returns
    -------
    DataFrame
        Indexed by NACE division code (``nace``), sorted by code.

    Raises
    ------
    ValueError
        Unknown year, a period reaching before the first year, or no candidate sector.
    """
    place = resolve_province(province)
    employment, exports = tables["employment"], tables["exports"]
    base, year = _years(employment, year, period)
    now = _matrix(employment, "employment", year)
    codes = now.columns
    then = _matrix(employment, "employment", base, codes)
    firms_now = _matrix(employment, "workplaces", year, codes)
    firms_then = _matrix(employment, "workplaces", base, codes)
    wage_bill = _matrix(
        employment.assign(_bill=employment["employment"] * employment["avg_wage"].fillna(0)),
        "_bill",
        year,
        codes,
    )
    export_years = set(exports["year"].unique())
    if base not in export_years or year not in export_years:
        raise ValueError(f"the exports table must cover {base} and {year} (period {period})")
    x_now = _matrix(exports, "exports_usd", year)
    x_then = _matrix(exports, "exports_usd", base, x_now.columns)

    plate = place.plate
    lq = location_quotient(now)
    phi = proximity((lq >= 1).astype(int))
    with np.errstate(invalid="ignore", divide="ignore"):
        wage = wage_bill.loc[plate] / now.loc[plate]
        national_wage = wage_bill.sum(axis=0) / now.sum(axis=0)
        province_wage = wage_bill.loc[plate].sum() / now.loc[plate].sum()
    rca = revealed_comparative_advantage(x_now).loc[plate].reindex(codes)
    frame = pd.DataFrame(
        {
            "employment": now.loc[plate],
            "lq": lq.loc[plate],
            "relative_wage": wage / province_wage,
            "workplaces": firms_now.loc[plate],
            "employment_cagr": cagr(then.loc[plate], now.loc[plate], period),
            "export_cagr": cagr(x_then.loc[plate], x_now.loc[plate], period).reindex(codes),
            "rca": rca,
            "national_growth": cagr(then.sum(axis=0), now.sum(axis=0), period),
            "relatedness_density": relatedness_density((lq >= 1).astype(int), phi).loc[plate],
            "support_institutions": _support(tables, place, codes),
            "avg_firm_size": now.loc[plate] / firms_now.loc[plate].replace(0, np.nan),
            "skills_pool": related_employment_quotient(now, phi).loc[plate],
            "wage_cost": wage / national_wage,
            "workplace_cagr": cagr(firms_then.loc[plate], firms_now.loc[plate], period),
        }
    )
    frame.index = frame.index.astype(str)
    frame.index.name = "nace"
    in_sections = np.array([nace.section_of(code) in set(sections) for code in frame.index])
    candidates = frame[in_sections & (frame["employment"] >= min_employment)].sort_index()
    if candidates.empty:
        raise ValueError(
            f"{place.name} has no sector of sections {list(sections)} with at least {min_employment:g} employees "
            f"in {year}; lower 'min_employment' or widen 'sections'"
        )
    # Growth from a sector absent at the start, or exports absent in both years, has no rate: count it as 0
    # (no evidence of growth) rather than dropping the candidate.
    growth = ["employment_cagr", "export_cagr", "workplace_cagr"]
    candidates[growth] = candidates[growth].fillna(0.0)
    candidates["rca"] = candidates["rca"].fillna(0.0)
    return candidates


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


def lq_by_province(
    tables: Mapping[str, pd.DataFrame], year: int, codes: Sequence[str], *, lang: str = "tr"
) -> pd.DataFrame:
    """Location quotients of some sectors in all 81 provinces (for a choropleth).

    Returns
    -------
    DataFrame
        Columns ``plate, province, nace, label, lq``, one row per province × sector, in the
        order of ``codes``.
    """
    names = provinces().set_index("plate")["name"]
    lq = location_quotient(_matrix(tables["employment"], "employment", year))
    missing = [c for c in codes if c not in lq.columns]
    if missing:
        raise ValueError(f"'codes' {missing} have no employment in {year}")
    parts = []
    for code in codes:
        parts.append(
            pd.DataFrame(
                {
                    "plate": lq.index.astype(int),
                    "province": names.reindex(lq.index).to_numpy(),
                    "nace": code,
                    "label": nace.name(code, lang=lang, short=True),
                    "lq": lq[code].to_numpy(),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def sector_shift_share(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    start: int,
    end: int,
    *,
    method: str = "dunn",
    lang: str = "tr",
) -> pd.DataFrame:
    """Shift-share components of each sector of a province between two years.

    Returns
    -------
    DataFrame
        One row per division: ``nace, label, actual_change, national_share, industry_mix,
        regional_share`` (and ``allocation`` for ``method="esteban"``), ``net_shift``; the
        components of each row sum to ``actual_change``.
    """
    place = resolve_province(province)
    if start == end:
        raise ValueError(f"shift-share needs two different years, got {start} twice")
    employment = tables["employment"]
    first = _matrix(employment, "employment", start)
    last = _matrix(employment, "employment", end, first.columns)
    first.index.name, first.columns.name = "plate", "nace"
    last.index.name, last.columns.name = "plate", "nace"
    parts = shift_share_components(first, last, method=method)
    local = parts[parts["plate"] == place.plate].drop(columns=["plate"]).copy()
    local["nace"] = local["nace"].astype(str)
    local.insert(1, "label", _labels(local["nace"], lang))
    return local.reset_index(drop=True)
