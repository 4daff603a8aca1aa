"""Proximity between sectors, relatedness density and the related labour pool of regions.

Two sectors are *related* when regions tend to be specialised in both (Hidalgo et al. 2007's
proximity); a region's *relatedness density* around a sector is the share of the sector's related
sectors in which the region is already specialised (Boschma, Balland & Kogler 2015; EconGeo's
``relatedness_density``).  Both feed the Networking & Cooperation and Factor Conditions criteria:
a cluster grows more easily where related industries, suppliers and skills are already present.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.relatedness._checks import check_frame, check_incidence

__all__ = ["density_kernel", "proximity", "proximity_kernel", "related_employment_quotient", "relatedness_density"]


def proximity_kernel(incidence: np.ndarray) -> np.ndarray:
    co_occurrence = incidence.T @ incidence
    ubiquity = np.diag(co_occurrence).astype(float)
    larger = np.maximum.outer(ubiquity, ubiquity)
    with np.errstate(invalid="ignore", divide="ignore"):
        phi = np.where(larger > 0, co_occurrence / larger, 0.0)
    np.fill_diagonal(phi, 0.0)
    return phi


def proximity(incidence: pd.DataFrame) -> pd.DataFrame:
    """Proximity between sectors from their co-occurrence across regions (Hidalgo et al. 2007).

    .. math::

        \\varphi_{ij} = \\frac{\\sum_r M_{ri} M_{rj}}{\\max\\left(\\sum_r M_{ri}, \\sum_r M_{rj}\\right)}
        = \\min\\{P(M_i \\mid M_j), P(M_j \\mid M_i)\\}

    where :math:`M_{ri} = 1` when region *r* is specialised in sector *i* (LQ or RCA ≥ 1).
    The diagonal is set to 0 (a sector is not its own neighbour).

    Parameters
    ----------
    incidence : DataFrame
        Regions × sectors; 1/True where the region is specialised (e.g. ``location_quotient(m) >= 1``).

    Returns
    -------
    DataFrame
        Sectors × sectors, symmetric, values in [0, 1].

    References
    ----------
    Hidalgo, C. A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007). The product space
    conditions the development of nations. *Science* 317(5837), 482–487.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [1, 1, 0], "b": [1, 1, 1], "c": [0, 0, 1]}, index=["r1", "r2", "r3"])
    >>> proximity(m).round(3)
           a      b      c
    a  0.000  0.667  0.000
    b  0.667  0.000  0.333
    c  0.000  0.333  0.000
    """
    values = check_incidence(incidence, "incidence")
    return pd.DataFrame(proximity_kernel(values), index=incidence.columns, columns=incidence.columns)


def density_kernel(incidence: np.ndarray, phi: np.ndarray, *, include_self: bool = False) -> np.ndarray:
    """Relatedness density as a fraction (0–1), without checks: ``M @ Φ / colsums(Φ)``.

    ``include_self=False`` zeroes the diagonal of ``phi`` (EconGeo, Stata ``ecomplexity``); ``True``
    sets it to 1 (Python ``ecomplexity``).  A sector without any related sector gets 0.
    """
    weights = np.array(phi, dtype=float, copy=True)
    np.fill_diagonal(weights, 1.0 if include_self else 0.0)
    totals = weights.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, incidence @ weights / totals, 0.0)


def relatedness_density(
    incidence: pd.DataFrame, proximity_matrix: pd.DataFrame, *, include_self: bool = False
) -> pd.DataFrame:
    """Relatedness density of each region around each sector, 0–100.

    .. math::

        RD_{ri} = 100 \\cdot \\frac{\\sum_{j \\ne i} \\varphi_{ij} M_{rj}}{\\sum_{j \\ne i} \\varphi_{ij}}

    the share (weighted by proximity) of the sectors related to *i* in which region *r* is
    specialised, as EconGeo's ``relatedness_density`` (Balland 2017).  A sector with no related
    sector gets 0.

    Parameters
    ----------
    incidence : DataFrame
        Regions × sectors, 0/1.
    proximity_matrix : DataFrame
        Sectors × sectors (:func:`proximity`); its diagonal is ignored.
    include_self : bool, default False
        False: the sums run over :math:`j \\ne i` (EconGeo; the Stata ``ecomplexity`` behind the
        Atlas of Economic Complexity; the criteria table of sector selection).  True: they include
        :math:`j = i` with :math:`\\varphi_{ii} = 1`, as the Growth Lab's Python ``ecomplexity``
        does; for a sector the region does not hold this only adds 1 to the denominator.

    References
    ----------
    Boschma, R., Balland, P.-A. and Kogler, D. F. (2015). Relatedness and technological change in
    cities. *Industrial and Corporate Change* 24(1), 223–250.

    Hausmann, R., Hidalgo, C. A. et al. (2014). *The Atlas of Economic Complexity*. MIT Press.

    Examples
    --------
    >>> m = pd.DataFrame({"a": [1, 0], "b": [0, 1], "c": [1, 1]}, index=["r1", "r2"])
    >>> phi = pd.DataFrame([[0, .5, 1], [.5, 0, .2], [1, .2, 0]], index=list("abc"), columns=list("abc"))
    >>> relatedness_density(m, phi).round(1)
            a      b     c
    r1   66.7  100.0  83.3
    r2  100.0   28.6  16.7
    >>> relatedness_density(m, phi, include_self=True).round(1)
           a     b     c
    r1  80.0  41.2  90.9
    r2  60.0  70.6  54.5
    """
    values = check_incidence(incidence, "incidence")
    phi = proximity_matrix.reindex(index=incidence.columns, columns=incidence.columns)
    if phi.isna().to_numpy().any():
        missing = sorted(set(incidence.columns) - set(proximity_matrix.columns))
        raise ValueError(f"'proximity_matrix' lacks sectors of 'incidence': {missing[:10]}")
    density = density_kernel(values, phi.to_numpy(dtype=float), include_self=include_self) * 100.0
    return pd.DataFrame(density, index=incidence.index, columns=incidence.columns)


def related_employment_quotient(employment: pd.DataFrame, proximity_matrix: pd.DataFrame) -> pd.DataFrame:
    """Location quotient of the *related* labour pool of each sector (Marshallian labour pooling).

    .. math::

        RQ_{ri} = \\frac{\\sum_{j} \\varphi_{ij} e_{rj} \\big/ \\sum_{j} \\varphi_{ij} e_{j}}{e_r / e}

    the region's share of the nation's employment in sectors related to *i*, over its share of all
    employment: above 1 when a sector finds more related skills in the region than the region's size
    suggests.

    Examples
    --------
    >>> e = pd.DataFrame({"a": [10, 30], "b": [30, 10], "c": [20, 20]}, index=["r1", "r2"])
    >>> phi = pd.DataFrame([[0, 1, 0], [1, 0, 0], [0, 0, 0]], index=list("abc"), columns=list("abc"))
    >>> related_employment_quotient(e, phi).round(2)
          a    b    c
    r1  1.5  0.5  NaN
    r2  0.5  1.5  NaN
    """
    frame = check_frame(employment, "employment")
    phi = (
        proximity_matrix.reindex(index=frame.columns, columns=frame.columns).fillna(0.0).to_numpy(dtype=float)
    )
    values = frame.to_numpy(dtype=float)
    related = values @ phi
    national = related.sum(axis=0)
    region_share = values.sum(axis=1, keepdims=True) / values.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        quotient = np.where(national > 0, related / national, np.nan) / region_share
    return pd.DataFrame(quotient, index=frame.index, columns=frame.columns)
