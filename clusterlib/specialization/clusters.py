"""Cluster rules: US Cluster Mapping "strong clusters" and European Cluster Observatory stars."""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd

from ._arrays import _lq, _shares, _stars, _strong
from ._checks import check_matrix, check_same_labels


def _same_shape(reference: pd.DataFrame, other: pd.DataFrame, name: str, *, allow_nan: bool,
                allow_negative: bool = False) -> np.ndarray:
    check_matrix(other, name, allow_nan=allow_nan, allow_negative=allow_negative)
    _, aligned = check_same_labels(reference, other, ("employment", name))
    return aligned.to_numpy(dtype=float)


def strong_clusters(employment: pd.DataFrame, establishments: pd.DataFrame, *,
                    percentile: float = 75) -> pd.DataFrame:
    """Flag strong clusters with the US Cluster Mapping rule.

    A sector (cluster) of a region is strong when, among all regions for that sector,

    * its location quotient is at or above the ``percentile``-th percentile of the regions' LQs
      (75th by default; 90th for the stricter "top decile" variant),
    * its employment is above the 25th percentile of the regions' employment,
    * its number of establishments is above the 25th percentile of the regions' counts,
    * and its LQ is at least 1.

    Percentiles use numpy's linear interpolation over all regions with employment (regions
    with zero employment in total have no LQ and are left out of the LQ percentile).

    Parameters
    ----------
    employment : DataFrame
        Region x sector (or cluster) employment.
    establishments : DataFrame
        Region x sector establishment counts, with the same labels.
    percentile : float, default 75
        LQ percentile threshold, in (0, 100); use 90 for the top-decile variant.

    Returns
    -------
    DataFrame
        Booleans, same shape and labels as ``employment``.

    Raises
    ------
    TypeError, ValueError
        Invalid matrices (see :func:`location_quotient`), labels that differ, or ``percentile``
        outside (0, 100).

    References
    ----------
    Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related industries.
    *Journal of Economic Geography*, 16(1), 1-38; U.S. Cluster Mapping Project, Harvard Business
    School, "Cluster Mapping Methodology" (clustermapping.us).

    Examples
    --------
    >>> emp = pd.DataFrame({"A": [100, 10, 20, 30], "B": [100, 200, 150, 170]}, index=list("wxyz"))
    >>> est = pd.DataFrame({"A": [10, 1, 2, 3], "B": [10, 20, 15, 17]}, index=list("wxyz"))
    >>> strong_clusters(emp, est)
           A      B
    w   True  False
    x  False   True
    y  False  False
    z  False  False
    """
    if isinstance(percentile, bool) or not isinstance(percentile, Real) or not 0 < percentile < 100:
        raise ValueError(f"'percentile' must be a number in (0, 100), e.g. 75 or 90, got {percentile!r}")
    values = check_matrix(employment, "employment")
    counts = _same_shape(employment, establishments, "establishments", allow_nan=False)
    flags = _strong(_lq(values), values, counts, float(percentile))
    return pd.DataFrame(flags, index=employment.index, columns=employment.columns)


def cluster_stars(employment: pd.DataFrame, *, wages: pd.DataFrame | None = None,
                  growth: pd.DataFrame | None = None) -> pd.DataFrame:
    """Star rating of every region x sector cell in the manner of the European Cluster Observatory.

    One star for each criterion met, comparing the regions within each sector:

    * ``size``: employment in the top 10 % of regions (at or above the 90th percentile of the
      regions with employment in the sector);
    * ``specialisation``: location quotient of at least 2;
    * ``focus``: share of the sector in the region's employment in the top 10 % of regions;
    * ``productivity`` (only when ``wages`` is given): average wage in the top 10 % of the
      regions with employment in the sector (wages stand in for productivity);
    * ``dynamism`` (only when ``growth`` is given): growth (e.g. CAGR of employment) in the top
      10 % of the regions with a growth value.

    A cell without employment gets no star. The 2007-2011 Observatory used the first three
    (0-3 stars); later cluster panoramas (Ketels & Protsiv) added wages and growth.

    Parameters
    ----------
    employment : DataFrame
        Region x sector employment.
    wages : DataFrame, optional
        Average wage per employee (or another productivity measure, higher is better), same
        labels; NaN allowed where unknown.
    growth : DataFrame, optional
        Growth rate per cell (e.g. :func:`cagr` of employment), same labels; NaN allowed.

    Returns
    -------
    DataFrame
        Long table: the region and sector label columns (named after the matrix's index and
        columns, else ``province`` and ``nace``), one boolean column per star, and ``stars``,
        the count.

    Raises
    ------
    TypeError, ValueError
        Invalid matrices (see :func:`location_quotient`) or labels that differ.

    References
    ----------
    European Cluster Observatory, "Cluster mapping methodology: size, specialisation, focus"
    (clusterobservatory.eu, 2011). Ketels, C. and Protsiv, S. (2014). *European Cluster
    Panorama 2014*. Stockholm School of Economics, Center for Strategy and Competitiveness.

    Examples
    --------
    >>> emp = pd.DataFrame({"A": [90, 5, 5, 0], "B": [10, 95, 95, 100]}, index=list("wxyz"))
    >>> cluster_stars(emp)
      province nace   size  specialisation  focus  stars
    0        w    A   True            True   True      3
    1        w    B  False           False  False      0
    2        x    A  False           False  False      0
    3        x    B  False           False  False      0
    4        y    A  False           False  False      0
    5        y    B  False           False  False      0
    6        z    A  False           False  False      0
    7        z    B   True           False   True      2
    """
    values = check_matrix(employment, "employment")
    extra = {}
    for name, frame in (("wages", wages), ("growth", growth)):
        if frame is not None:
            extra[name] = _same_shape(employment, frame, name, allow_nan=True,
                                      allow_negative=name == "growth")
    stars = _stars(values, _lq(values), _shares(values), **extra)
    n_regions, n_sectors = values.shape
    data = {
        employment.index.name or "province": employment.index.repeat(n_sectors).to_numpy(),
        employment.columns.name or "nace": np.tile(employment.columns.to_numpy(), n_regions),
    }
    data.update({name: flags.ravel() for name, flags in stars.items()})
    return pd.DataFrame(data)
