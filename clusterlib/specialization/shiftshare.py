"""Shift-share analysis: classic (Dunn), Esteban-Marquillas and dynamic (Barff & Knight)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice

from ._arrays import _shift_share
from ._checks import check_matrix, check_same_labels
from .tables import _to_array

METHODS = ("dunn", "esteban")
_COMPONENTS = ("actual_change", "national_share", "industry_mix", "regional_share")


def _columns(method: str) -> list[str]:
    extra = ["allocation"] if method == "esteban" else []
    return [*_COMPONENTS, *extra, "net_shift"]


def _region_frame(parts: dict[str, np.ndarray], method: str, index: pd.Index) -> pd.DataFrame:
    """Sum cell components over sectors into one row per region."""
    data = {name: parts[name].sum(axis=-1) for name in _COMPONENTS}
    if method == "esteban":
        data["allocation"] = parts["allocation"].sum(axis=-1)
    data["net_shift"] = data["actual_change"] - data["national_share"]
    return pd.DataFrame(data, index=index, columns=_columns(method))


def _pair(start: pd.DataFrame, end: pd.DataFrame, align: str) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    check_matrix(start, "start")
    check_matrix(end, "end")
    start, end = check_same_labels(start, end, ("start", "end"), align=align)
    return start, start.to_numpy(dtype=float), end.to_numpy(dtype=float)


def shift_share(start: pd.DataFrame, end: pd.DataFrame, method: str = "dunn", *,
                align: str = "strict") -> pd.DataFrame:
    """Shift-share decomposition of each region's change between two years.

    The nation is the sum of all regions (column sums). For sector *i* of region *j*, with
    :math:`e_{ij}` at the start, national growth :math:`G = E^1/E^0 - 1`, national sector
    growth :math:`G_i = E_i^1/E_i^0 - 1` and regional growth :math:`g_{ij}`:

    .. math::

        \\Delta e_{ij} = \\underbrace{e_{ij} G}_{\\text{national share}}
        + \\underbrace{e_{ij} (G_i - G)}_{\\text{industry mix}}
        + \\underbrace{e_{ij} (g_{ij} - G_i)}_{\\text{regional share}}

    With ``method="esteban"`` (Esteban-Marquillas 1972) the regional (competitive) share is
    split with the homothetic employment :math:`e^*_{ij} = e_j e_i / e`, the employment the
    region would have with the nation's structure:

    .. math::

        \\underbrace{e^*_{ij} (g_{ij} - G_i)}_{\\text{regional share (homothetic)}}
        + \\underbrace{(e_{ij} - e^*_{ij}) (g_{ij} - G_i)}_{\\text{allocation}}

    Components are summed over sectors; they always add up to ``actual_change``.

    Parameters
    ----------
    start, end : DataFrame
        Region x sector matrices (regions as rows) of the first and last year.
    method : {"dunn", "esteban"}, default "dunn"
        Classic decomposition, or Esteban-Marquillas with an allocation effect.
    align : {"strict", "union"}, default "strict"
        ``"strict"``: both matrices must have the same regions and sectors (in any order).
        ``"union"``: labels present in only one matrix are added to the other as zeros.

    Returns
    -------
    DataFrame
        One row per region, columns ``actual_change, national_share, industry_mix,
        regional_share, [allocation,] net_shift`` with ``net_shift = actual_change -
        national_share`` (the total shift). A sector with no employment in a region at the start
        has no growth rate: its change counts as regional share (with an allocation of 0).

    Raises
    ------
    TypeError, ValueError
        Invalid matrices (see :func:`location_quotient`), labels that differ with
        ``align="strict"``, or an unknown ``method``/``align``.

    See Also
    --------
    shift_share_components : The same per region and sector.
    dynamic_shift_share : Year-by-year components summed over a period.

    References
    ----------
    Dunn, E. S. (1960). A statistical and analytical technique for regional analysis. *Papers
    and Proceedings of the Regional Science Association*, 6, 97-112.
    Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share analysis. *Regional and
    Urban Economics*, 2(3), 249-255.

    Examples
    --------
    >>> start = pd.DataFrame({"A": [50, 50], "B": [50, 150]}, index=["r1", "r2"])
    >>> end = pd.DataFrame({"A": [80, 60], "B": [40, 120]}, index=["r1", "r2"])
    >>> shift_share(start, end)
        actual_change  national_share  industry_mix  regional_share  net_shift
    r1           20.0             0.0          10.0            10.0       20.0
    r2          -20.0             0.0         -10.0           -10.0      -20.0
    """
    check_choice(method, METHODS, name="method")
    labelled, first, last = _pair(start, end, align)
    return _region_frame(_shift_share(first, last, method), method, labelled.index)


def shift_share_components(start: pd.DataFrame, end: pd.DataFrame, *, method: str = "dunn",
                           align: str = "strict") -> pd.DataFrame:
    """Shift-share components of every region x sector cell between two years.

    Same decomposition as :func:`shift_share`, before summing over sectors.

    Parameters
    ----------
    start, end : DataFrame
        Region x sector matrices of the first and last year.
    method : {"dunn", "esteban"}, default "dunn"
        See :func:`shift_share`.
    align : {"strict", "union"}, default "strict"
        See :func:`shift_share`.

    Returns
    -------
    DataFrame
        Long table with the region and sector label columns (named after the matrix's index
        and columns, else ``province`` and ``nace``), then ``actual_change, national_share,
        industry_mix, regional_share, [allocation, homothetic,] net_shift``. ``homothetic`` is
        :math:`e^*_{ij}` at the start.

    Raises
    ------
    TypeError, ValueError
        As :func:`shift_share`.

    References
    ----------
    See :func:`shift_share`.

    Examples
    --------
    >>> start = pd.DataFrame({"A": [50, 50], "B": [50, 150]}, index=["r1", "r2"])
    >>> end = pd.DataFrame({"A": [80, 60], "B": [40, 120]}, index=["r1", "r2"])
    >>> shift_share_components(start, end)[["province", "nace", "industry_mix", "regional_share"]]
      province nace  industry_mix  regional_share
    0       r1    A          20.0            10.0
    1       r1    B         -10.0             0.0
    2       r2    A          20.0           -10.0
    3       r2    B         -30.0             0.0
    """
    check_choice(method, METHODS, name="method")
    labelled, first, last = _pair(start, end, align)
    parts = _shift_share(first, last, method)
    region = labelled.index.name or "province"
    sector = labelled.columns.name or "nace"
    n_regions, n_sectors = first.shape
    data = {
        region: labelled.index.repeat(n_sectors).to_numpy(),
        sector: np.tile(labelled.columns.to_numpy(), n_regions),
    }
    for name in _columns(method)[:-1]:
        data[name] = parts[name].ravel()
    if method == "esteban":
        data["homothetic"] = parts["homothetic"].ravel()
    data["net_shift"] = data["actual_change"] - data["national_share"]
    return pd.DataFrame(data)


def dynamic_shift_share(panel: pd.DataFrame, *, start: int, end: int, method: str = "dunn",
                        value: str = "employment", region: str = "province", sector: str = "nace",
                        year: str = "year") -> pd.DataFrame:
    """Dynamic shift-share: year-by-year components summed over a period.

    For every pair of consecutive years ``t-1, t`` in ``[start, end]`` the decomposition of
    :func:`shift_share` is computed with that year's national growth rates, then summed:

    .. math::

        NS_j = \\sum_{t} \\sum_i e_{ij}^{t-1} G^t, \\quad
        IM_j = \\sum_{t} \\sum_i e_{ij}^{t-1} (G_i^t - G^t), \\quad
        RS_j = \\sum_{t} \\sum_i e_{ij}^{t-1} (g_{ij}^t - G_i^t)

    Parameters
    ----------
    panel : DataFrame
        Long table with columns ``region, sector, year, value``; missing cells are 0. The
        nation is the sum of all regions in each year.
    start, end : int
        First and last year of the period; both must be in the panel. Years of the panel in
        between are used in order (a gap is treated as one step).
    method : {"dunn", "esteban"}, default "dunn"
        See :func:`shift_share`.
    value, region, sector, year : str
        Column names.

    Returns
    -------
    DataFrame
        As :func:`shift_share`, components summed over the yearly steps; they add up to the
        change between ``start`` and ``end``.

    Raises
    ------
    TypeError, ValueError
        Invalid panel (see :func:`to_matrix`), ``start``/``end`` not in the panel, equal, or
        in the wrong order, or an unknown ``method``.

    References
    ----------
    Barff, R. A. and Knight, P. L. (1988). Dynamic shift-share analysis. *Growth and Change*,
    19(2), 1-10.

    Examples
    --------
    >>> panel = pd.DataFrame({"province": ["r1", "r2"] * 3, "nace": "A",
    ...                       "year": [2020, 2020, 2021, 2021, 2022, 2022],
    ...                       "employment": [10, 10, 12, 8, 15, 9]})
    >>> dynamic_shift_share(panel, start=2020, end=2022)[["national_share", "regional_share"]].round(2)
              national_share  regional_share
    province
    r1                   2.4             2.6
    r2                   1.6            -2.6
    """
    check_choice(method, METHODS, name="method")
    values, years, regions, _ = _to_array(panel, value, region=region, sector=sector, year=year)
    available = [y.item() if isinstance(y, np.generic) else y for y in years]
    for name, when in (("start", start), ("end", end)):
        if when not in available:
            raise ValueError(f"'{name}' year {when} is not in 'panel'; available years: {available}")
    if start == end:
        raise ValueError(f"shift_share needs two different years, got {start} twice")
    if start > end:
        raise ValueError(f"'start' ({start}) must be before 'end' ({end})")
    first, last = available.index(start), available.index(end)
    window = values[first:last + 1]
    parts = _shift_share(window[:-1], window[1:], method)
    summed = {name: array.sum(axis=0) for name, array in parts.items()}
    return _region_frame(summed, method, regions)
