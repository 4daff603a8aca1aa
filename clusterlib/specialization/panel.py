"""Every specialisation indicator for every province, sector and year in one vectorised call."""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice

from ._arrays import (
    _cagr,
    _gini,
    _hhi,
    _hhi_normalised,
    _hoover_index,
    _hoover_specialisation,
    _krugman,
    _lq,
    _shares,
    _shift_share,
    _stars,
    _strong,
)
from .shiftshare import METHODS
from .tables import _to_array

SHIFT_BASES = ("previous", "base")


@dataclass(frozen=True)
class Indicators:
    """Result of :func:`indicators`: three long tables.

    Attributes
    ----------
    cells : DataFrame
        One row per province x sector x year.
    regions : DataFrame
        One row per province x year.
    sectors : DataFrame
        One row per sector x year (national figures).
    """

    cells: pd.DataFrame
    regions: pd.DataFrame
    sectors: pd.DataFrame


def _label_columns(shape: tuple[int, int, int], years: pd.Index, regions: pd.Index,
                   sectors: pd.Index | None, names: tuple[str, str, str]) -> dict[str, np.ndarray]:
    """Label columns for a C-ordered ``(year, region[, sector])`` array."""
    n_years, n_regions, n_sectors = shape
    region, sector, year = names
    if sectors is None:
        return {region: regions.take(np.tile(np.arange(n_regions), n_years)).to_numpy(),
                year: years.take(np.repeat(np.arange(n_years), n_regions)).to_numpy()}
    per_year = n_regions * n_sectors
    return {
        region: regions.take(np.tile(np.repeat(np.arange(n_regions), n_sectors), n_years)).to_numpy(),
        sector: sectors.take(np.tile(np.arange(n_sectors), n_years * n_regions)).to_numpy(),
        year: years.take(np.repeat(np.arange(n_years), per_year)).to_numpy(),
    }


def indicators(long: pd.DataFrame, *, value: str = "employment", establishments: str | None = None,
               wages: str | None = None, base_year: int | None = None, shift_base: str = "previous",
               method: str = "dunn", percentile: float = 75, region: str = "province",
               sector: str = "nace", year: str = "year") -> Indicators:
    """Compute every specialisation indicator for every province, sector and year at once.

    The long table is turned into a dense ``year x province x sector`` array (absent cells =
    0) and every indicator is computed on it with numpy, without a Python loop over provinces
    or years. For each year the nation is the sum of all provinces. Each figure equals the
    single-indicator function applied to that year's matrix (:func:`location_quotient`,
    :func:`herfindahl`, :func:`shift_share_components`, :func:`strong_clusters`,
    :func:`cluster_stars`...).

    Parameters
    ----------
    long : DataFrame
        Columns ``region, sector, year, value`` (and the optional columns below); one row per
        cell, labels opaque (plate numbers or names).
    value : str, default "employment"
        Column analysed.
    establishments : str, optional
        Column with establishment counts; enables the strong-cluster flag.
    wages : str, optional
        Column with the average wage per employee; enables the productivity star.
    base_year : int, optional
        Reference year for ``change``, ``cagr``, ``lq_change`` (and shift-share when
        ``shift_base="base"``); default the first year.
    shift_base : {"previous", "base"}, default "previous"
        Shift-share components of each year against the previous year of the table (summing
        them over years gives the dynamic shift-share) or against ``base_year``.
    method : {"dunn", "esteban"}, default "dunn"
        Shift-share method (see :func:`shift_share`).
    percentile : float, default 75
        LQ percentile of the strong-cluster rule (90 for the top-decile variant).
    region, sector, year : str
        Names of the label columns.

    Returns
    -------
    Indicators
        ``cells`` (province x sector x year): ``value``, the optional ``establishments`` (0 where
        absent) and ``wages`` (NaN where absent) columns, ``share`` (of the province's total),
        ``lq``, ``change``, ``cagr`` and ``lq_change`` against ``base_year`` (NaN up to the base
        year), shift-share
        ``national_share, industry_mix, regional_share, [allocation]`` (NaN where there is no
        earlier year to compare with), ``strong_cluster`` (with establishments), the stars
        ``star_size, star_specialisation, star_focus, [star_productivity], star_dynamism``
        (dynamism = top 10 % CAGR against the base year) and ``stars``.

        ``regions`` (province x year): total ``value``, ``herfindahl``,
        ``herfindahl_normalised``, ``krugman`` (vs the rest of the nation), ``hoover``
        (coefficient of specialisation), ``gini`` (of LQs), the summed shift-share components
        with ``actual_change`` and ``net_shift``, ``strong_clusters`` (count, with
        establishments) and ``stars`` (total).

        ``sectors`` (sector x year): national ``value``, ``growth`` against the previous year
        and ``hoover_index`` (localisation across provinces).

    Raises
    ------
    TypeError, ValueError
        Missing or non-numeric columns, negative values, duplicate rows, a ``base_year`` not in
        the table, or an unknown option.

    See Also
    --------
    location_quotient, herfindahl, krugman_index, hoover_specialisation, hoover_index,
    gini_specialisation, shift_share_components, dynamic_shift_share, strong_clusters,
    cluster_stars, cagr

    Examples
    --------
    >>> long = pd.DataFrame({"province": ["r1", "r1", "r2", "r2"] * 2, "nace": ["A", "B"] * 4,
    ...                      "year": [2020] * 4 + [2021] * 4,
    ...                      "employment": [30, 10, 10, 50, 40, 10, 10, 60]})
    >>> out = indicators(long)
    >>> out.cells.loc[out.cells.year == 2020, ["province", "nace", "lq"]].round(3)
      province nace     lq
    0       r1    A  1.875
    1       r1    B  0.417
    2       r2    A  0.417
    3       r2    B  1.389
    >>> out.regions[["province", "year", "employment", "herfindahl", "actual_change"]].round(3)
      province  year  employment  herfindahl  actual_change
    0       r1  2020        40.0       0.625            NaN
    1       r2  2020        60.0       0.722            NaN
    2       r1  2021        50.0       0.680           10.0
    3       r2  2021        70.0       0.755           10.0
    """
    check_choice(shift_base, SHIFT_BASES, name="shift_base")
    check_choice(method, METHODS, name="method")
    if isinstance(percentile, bool) or not isinstance(percentile, Real) or not 0 < percentile < 100:
        raise ValueError(f"'percentile' must be a number in (0, 100), e.g. 75 or 90, got {percentile!r}")
    x, years, regions, sectors, est, wage = _to_array(
        long, value, region=region, sector=sector, year=year, extra=(establishments, wages))
    years = pd.Index(years, name=year)
    if est is not None:
        est = np.nan_to_num(est)  # an absent cell has no establishments
    year_list = years.tolist()
    if base_year is None:
        base = 0
    elif base_year in year_list:
        base = year_list.index(base_year)
    else:
        raise ValueError(f"'base_year' {base_year!r} is not in 'long'; available years: {year_list}")
    n_years, _, n_sectors = x.shape
    names = (region, sector, year)

    # --- cell level -------------------------------------------------------------------------
    lq = _lq(x)
    share = _shares(x)
    offset = (years.to_numpy(dtype=float) - years[base])[:, None, None]
    after = offset > 0
    change = np.where(after, x - x[base], np.nan)
    growth = np.where(after, _cagr(x[base], x, np.where(after, offset, 1.0)), np.nan)
    lq_change = np.where(after, lq - lq[base], np.nan)
    parts = _cell_shift_share(x, base, shift_base, method)

    cells = _label_columns(x.shape, years, regions, sectors, names)
    cells[value] = x.ravel()
    if est is not None:
        cells[establishments] = est.ravel()
    if wage is not None:
        cells[wages] = wage.ravel()
    cells.update(share=share.ravel(), lq=lq.ravel(), change=change.ravel(), cagr=growth.ravel(),
                 lq_change=lq_change.ravel())
    cells.update({name: array.ravel() for name, array in parts.items() if name != "actual_change"})
    strong = None
    if est is not None:
        strong = _strong(lq, x, est, float(percentile))
        cells["strong_cluster"] = strong.ravel()
    stars = _stars(x, lq, share, wages=wage, growth=growth)
    cells.update({(name if name == "stars" else f"star_{name}"): flags.ravel()
                  for name, flags in stars.items()})

    # --- region level -----------------------------------------------------------------------
    hhi = _hhi(x)
    regions_out = _label_columns(x.shape, years, regions, None, names)
    regions_out[value] = x.sum(axis=-1).ravel()
    regions_out.update(
        herfindahl=hhi.ravel(),
        herfindahl_normalised=_hhi_normalised(hhi, n_sectors).ravel(),
        krugman=_krugman(x, "rest").ravel(),
        hoover=_hoover_specialisation(x).ravel(),
        gini=_gini(lq).ravel(),
    )
    summed = {name: array.sum(axis=-1) for name, array in parts.items()}
    order = ["actual_change", "national_share", "industry_mix", "regional_share"]
    order += ["allocation"] if method == "esteban" else []
    regions_out.update({name: summed[name].ravel() for name in order})
    regions_out["net_shift"] = (summed["actual_change"] - summed["national_share"]).ravel()
    if strong is not None:
        regions_out["strong_clusters"] = strong.sum(axis=-1).ravel()
    regions_out["stars"] = stars["stars"].sum(axis=-1).ravel()

    # --- sector level -----------------------------------------------------------------------
    national = x.sum(axis=1)
    sector_growth = np.full_like(national, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        sector_growth[1:] = np.where(national[:-1] > 0, national[1:] / national[:-1] - 1.0, np.nan)
    sectors_out = {
        sector: sectors.take(np.tile(np.arange(n_sectors), n_years)).to_numpy(),
        year: years.take(np.repeat(np.arange(n_years), n_sectors)).to_numpy(),
        value: national.ravel(),
        "growth": sector_growth.ravel(),
        "hoover_index": _hoover_index(x).ravel(),
    }
    return Indicators(pd.DataFrame(cells), pd.DataFrame(regions_out), pd.DataFrame(sectors_out))


def _cell_shift_share(x: np.ndarray, base: int, shift_base: str, method: str) -> dict[str, np.ndarray]:
    """Shift-share components of every cell against the previous year or the base year (NaN before)."""
    if shift_base == "previous":
        first, last, valid = x[:-1], x[1:], slice(1, None)
    else:
        first, last, valid = x[base][None], x[base + 1:], slice(base + 1, None)
    parts = _shift_share(np.broadcast_to(first, last.shape), last, method)
    parts.pop("homothetic", None)
    out = {}
    for name, array in parts.items():
        full = np.full(x.shape, np.nan)
        full[valid] = array
        out[name] = full
    return out
