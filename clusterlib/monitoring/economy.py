"""The province's economy benchmarked on real official statistics (Kaynak: TÜİK).

Value added by A10 sector in chain-linked volumes 2004–2023 (growth), in current prices 2023
(structure and location quotient on value added), GDP per capita 2020–2024 and the socio-economic
status score 2023, each set against Türkiye and the 81 provinces. The tables come from
:mod:`clusterlib.official`; the functions here take them as arguments so that they are pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.monitoring.benchmarking import percentile_rank

__all__ = ["A10_SECTORS", "gva_growth", "gva_structure", "province_rank"]

#: The A10 sectors of TÜİK's regional accounts, in their order (``C_manufacturing`` is part of
#: ``BCDE_industry`` and shown as "of which").
A10_SECTORS: tuple[str, ...] = (
    "A_agriculture", "BCDE_industry", "C_manufacturing", "F_construction", "GHI_services_trade_transport_accom",
    "J_ict", "K_finance", "L_real_estate", "MN_professional_admin", "OPQ_public_edu_health", "RSTU_other_services",
)


def _region(frame: pd.DataFrame, plate: int | None) -> pd.DataFrame:
    if plate is None:
        return frame[frame["nuts3"] == "TR"]
    return frame[frame["plate"] == plate]


def gva_growth(volume: pd.DataFrame, plate: int, *, start: int = 2004, end: int = 2023) -> pd.DataFrame:
    """Compound annual growth of real value added by A10 sector: the province against Türkiye.

    .. math:: g = (V_{end} / V_{start})^{1/(end - start)} - 1

    on chain-linked volumes (constant 2009 prices), so that growth is real.

    Parameters
    ----------
    volume : DataFrame
        :func:`clusterlib.official.gva_a10_volume` (``plate, nuts3, year, sector, volume_thousand_try``).
    plate : int
        The province.
    start, end : int
        First and last year.

    Returns
    -------
    DataFrame
        ``sector, province_start, province_end, province_cagr, turkiye_cagr, difference`` for the
        A10 sectors and ``total_gva``; ``difference`` in percentage points of growth a year.

    Examples
    --------
    >>> v = pd.DataFrame({"plate": [1, 1, None, None], "nuts3": ["X", "X", "TR", "TR"], "year": [2004, 2023] * 2,
    ...                   "sector": "total_gva", "volume_thousand_try": [100.0, 200.0, 100.0, 150.0]})
    >>> gva_growth(v, 1)[["province_cagr", "turkiye_cagr"]].round(4).values.tolist()
    [[0.0371, 0.0216]]
    """
    if end <= start:
        raise ValueError(f"'end' must be after 'start', got {start}–{end}")
    # each region's rows split by sector once (not one scan of the whole table per sector and region)
    series = {
        name: {sector: part.set_index("year")["volume_thousand_try"]
               for sector, part in _region(volume, key).groupby("sector", sort=False, observed=True)}
        for name, key in (("province", plate), ("turkiye", None))
    }
    rows = []
    for sector in (*A10_SECTORS, "total_gva"):
        values = {}
        for name in ("province", "turkiye"):
            frame = series[name].get(sector)
            if frame is None or frame.empty:
                continue
            first, last = frame.get(start, np.nan), frame.get(end, np.nan)
            values[f"{name}_start"], values[f"{name}_end"] = float(first), float(last)
            values[f"{name}_cagr"] = (last / first) ** (1.0 / (end - start)) - 1.0 if first > 0 else np.nan
        if values:
            rows.append({"sector": sector, **values})
    out = pd.DataFrame(rows)
    if out.empty:
        raise ValueError(f"the volume table has no rows for province {plate}")
    out["difference"] = (out["province_cagr"] - out["turkiye_cagr"]) * 100.0
    return out[["sector", "province_start", "province_end", "province_cagr", "turkiye_cagr", "difference"]]


def gva_structure(current: pd.DataFrame, plate: int) -> pd.DataFrame:
    """Structure of value added by A10 sector and the location quotient on value added.

    .. math:: LQ_s = \\frac{VA_{s,p} / VA_p}{VA_{s,TR} / VA_{TR}}

    with :math:`VA` the total gross value added.

    Parameters
    ----------
    current : DataFrame
        :func:`clusterlib.official.gva_a10_current` (``plate, nuts3, sector, value_thousand_try``).
    plate : int
        The province.

    Returns
    -------
    DataFrame
        ``sector, value_thousand_try, share, turkiye_share, lq`` for the A10 sectors.

    Examples
    --------
    >>> c = pd.DataFrame({"plate": [1, 1, None, None], "nuts3": ["X", "X", "TR", "TR"],
    ...                   "sector": ["A_agriculture", "total_gva"] * 2,
    ...                   "value_thousand_try": [30.0, 100.0, 10.0, 100.0]})
    >>> gva_structure(c, 1)[["sector", "share", "lq"]].values.tolist()
    [['A_agriculture', 0.3, 3.0]]
    """
    mine = _region(current, plate).set_index("sector")["value_thousand_try"]
    national = _region(current, None).set_index("sector")["value_thousand_try"]
    if mine.empty or "total_gva" not in mine:
        raise ValueError(f"the current-price table has no total value added for province {plate}")
    sectors = [s for s in A10_SECTORS if s in mine.index]
    out = pd.DataFrame({"sector": sectors, "value_thousand_try": mine.reindex(sectors).to_numpy(dtype=float)})
    out["share"] = out["value_thousand_try"] / float(mine["total_gva"])
    out["turkiye_share"] = national.reindex(sectors).to_numpy(dtype=float) / float(national["total_gva"])
    out["lq"] = out["share"] / out["turkiye_share"]
    return out


def province_rank(frame: pd.DataFrame, column: str, plate: int, *, year: int | None = None) -> dict[str, float]:
    """A province's value of ``column`` with its rank (1 = highest) and percentile rank among the provinces.

    Parameters
    ----------
    frame : DataFrame
        ``plate, year, <column>`` (e.g. :func:`clusterlib.official.gdp_per_capita`); a Türkiye row
        (``plate`` missing) is left out of the ranking.
    column : str
        The value column.
    plate : int
        The province.
    year : int, optional
        Default: the latest year.

    Returns
    -------
    dict
        ``year, value, rank, of, percentile, median``.

    Examples
    --------
    >>> f = pd.DataFrame({"plate": [1, 2, 3, 4], "year": 2023, "x": [10.0, 40.0, 20.0, 30.0]})
    >>> province_rank(f, "x", 3)
    {'year': 2023, 'value': 20.0, 'rank': 3, 'of': 4, 'percentile': 37.5, 'median': 25.0}
    """
    year = int(frame["year"].max()) if year is None else year
    rows = frame[(frame["year"] == year) & frame["plate"].notna()].set_index("plate")[column].astype(float)
    if plate not in rows.index:
        raise ValueError(f"no {column!r} for province {plate} in {year}")
    value = float(rows.loc[plate])
    return {
        "year": year,
        "value": value,
        "rank": int((rows > value).sum() + 1),
        "of": int(rows.notna().sum()),
        "percentile": float(percentile_rank(rows).loc[plate]),
        "median": float(rows.median()),
    }
