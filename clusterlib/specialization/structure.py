"""Specialisation and concentration of regional economic structures.

Region-level measures (one value per region): Herfindahl-Hirschman, Krugman, Hoover
coefficient of specialisation, Gini of location quotients. Sector-level measure (one value per
sector): Hoover localisation index.
"""

from __future__ import annotations

import pandas as pd

from clusterlib.checks import check_choice

from ._arrays import _gini, _hhi, _hhi_normalised, _hoover_index, _hoover_specialisation, _krugman, _lq
from ._checks import check_matrix

KRUGMAN_REFERENCES = ("rest", "nation", "others_mean")


def herfindahl(matrix: pd.DataFrame, *, normalised: bool = False) -> pd.Series:
    """Herfindahl-Hirschman index of each region's sector structure.

    .. math::

        H_j = \\sum_i s_{ij}^2, \\qquad s_{ij} = e_{ij} / e_j, \\qquad
        H^*_j = \\frac{H_j - 1/n}{1 - 1/n}

    :math:`H_j` lies in :math:`[1/n, 1]` for *n* sectors (columns): :math:`1/n` when employment
    is spread evenly, 1 when it sits in a single sector. The normalised :math:`H^*_j` lies in
    :math:`[0, 1]`.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns (or firms as columns for market concentration).
    normalised : bool, default False
        Return :math:`H^*` instead of :math:`H` (NaN when there is a single column).

    Returns
    -------
    Series
        One value per region, named ``"herfindahl"``; NaN for a region without employment.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`.

    References
    ----------
    Dörsam, P. (2004). *Wirtschaftsstatistik anschaulich dargestellt*. Heidenau: PD-Verlag
    (worked example reproduced by REAT ``herf``).

    Examples
    --------
    >>> sales = pd.DataFrame([[20, 50, 20, 10]], index=["market"])
    >>> herfindahl(sales).round(2).tolist(), herfindahl(sales, normalised=True).round(2).tolist()
    ([0.34], [0.12])
    """
    values = check_matrix(matrix, "matrix")
    out = _hhi(values)
    if normalised:
        out = _hhi_normalised(out, values.shape[1])
    return pd.Series(out, index=matrix.index, name="herfindahl")


def krugman_index(matrix: pd.DataFrame, *, reference: str = "rest") -> pd.Series:
    """Krugman specialisation index of each region.

    .. math::

        K_j = \\sum_i \\left| s_{ij} - s_i^{ref} \\right|, \\qquad s_{ij} = e_{ij} / e_j

    0 when the region has the reference structure, 2 when it shares no sector with it.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns.
    reference : {"rest", "nation", "others_mean"}, default "rest"
        Structure compared with: ``"rest"`` the rest of the nation (all other rows pooled,
        Krugman 1991); ``"nation"`` all rows including the region itself; ``"others_mean"`` the
        unweighted mean of the other regions' shares (REAT ``krugman.spec2``, Farhauer & Kröll
        2013). With two regions ``"rest"`` and ``"others_mean"`` agree.

    Returns
    -------
    Series
        One value per region, named ``"krugman"``; NaN for a region without employment or
        when the reference is empty.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`, or an unknown ``reference``.

    References
    ----------
    Krugman, P. (1991). *Geography and Trade*. Cambridge, MA: MIT Press.
    Farhauer, O. and Kröll, A. (2013). *Standorttheorien*. Wiesbaden: Springer.

    Examples
    --------
    >>> m = pd.DataFrame([[20, 10, 70, 0, 0], [0, 0, 0, 60, 40]], index=["j", "l"])
    >>> krugman_index(m).tolist()
    [2.0, 2.0]
    """
    check_choice(reference, KRUGMAN_REFERENCES, name="reference")
    values = check_matrix(matrix, "matrix")
    return pd.Series(_krugman(values, reference), index=matrix.index, name="krugman")


def hoover_specialisation(matrix: pd.DataFrame) -> pd.Series:
    """Hoover coefficient of specialisation of each region (half the Krugman index vs the nation).

    .. math::

        CS_j = \\frac{1}{2} \\sum_i \\left| \\frac{e_{ij}}{e_j} - \\frac{e_i}{e} \\right|

    Between 0 (the nation's structure) and 1 (approached by a region concentrated in a sector
    negligible nationally): the share of the region's employment that would have to change
    sector for it to mirror the nation.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns.

    Returns
    -------
    Series
        One value per region, named ``"hoover"``; NaN for a region without employment.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`.

    See Also
    --------
    hoover_index : Localisation of a sector across regions.
    krugman_index : Equals ``2 * hoover_specialisation`` with ``reference="nation"``.

    References
    ----------
    Hoover, E. M. and Giarratani, F. (1985). *An Introduction to Regional Economics*, 3rd ed.
    New York: Knopf (coefficient of specialisation); EconGeo ``spec_coeff`` (Balland).

    Examples
    --------
    >>> m = pd.DataFrame({"A": [30, 10], "B": [10, 50]}, index=["r1", "r2"])
    >>> hoover_specialisation(m).round(3).tolist()
    [0.35, 0.233]
    """
    values = check_matrix(matrix, "matrix")
    return pd.Series(_hoover_specialisation(values), index=matrix.index, name="hoover")


def hoover_index(matrix: pd.DataFrame, *, reference: pd.Series | None = None) -> pd.Series:
    """Hoover localisation index of each sector across regions.

    .. math::

        H_i = \\frac{1}{2} \\sum_j \\left| \\frac{e_{ij}}{e_i} - \\frac{w_j}{w} \\right|

    where :math:`w_j` is the reference size of region *j*: its total employment by default, or
    e.g. its population. 0 when the sector is spread like the reference, approaching 1 when it
    sits in one small region.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns.
    reference : Series, optional
        Non-negative reference size per region, indexed like ``matrix`` (e.g. population).
        Default: the regions' total employment (row sums).

    Returns
    -------
    Series
        One value per sector, named ``"hoover_index"``; NaN for a sector without employment.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`; or ``reference`` is not a Series over the same regions,
        is negative or sums to zero.

    References
    ----------
    Hoover, E. M. (1936). The measurement of industrial localization. *The Review of Economics
    and Statistics*, 18(4), 162-171; EconGeo ``hoover_index`` (Balland).

    Examples
    --------
    >>> ind = pd.DataFrame({"ind": [0, 10, 10, 30, 50]}, index=list("abcde"))
    >>> pop = pd.Series([10, 15, 20, 25, 30], index=list("abcde"))
    >>> round(float(hoover_index(ind, reference=pop)["ind"]), 2)
    0.25
    """
    values = check_matrix(matrix, "matrix")
    weights = None
    if reference is not None:
        if not isinstance(reference, pd.Series):
            raise TypeError(
                f"'reference' must be a pandas Series indexed by region, got {type(reference).__name__}"
            )
        missing = matrix.index.difference(reference.index, sort=False)
        if len(missing):
            raise ValueError(f"'reference' lacks regions of 'matrix': {missing[:5].tolist()}")
        weights = check_matrix(reference.reindex(matrix.index).to_frame(), "reference")[:, 0]
        if weights.sum() == 0:
            raise ValueError("'reference' sums to zero; it needs a positive size for some region")
    out = _hoover_index(values, weights)
    return pd.Series(out, index=matrix.columns, name="hoover_index")


def gini_specialisation(matrix: pd.DataFrame) -> pd.Series:
    """Gini coefficient of each region's location quotients (regional specialisation).

    .. math::

        G_j = \\frac{2}{n^2 \\overline{LQ}_j} \\sum_{k=1}^{n} k \\left(LQ_{(k)j} -
        \\overline{LQ}_j\\right)

    over the *n* sectors with a national presence, :math:`LQ_{(k)j}` sorted ascending. 0 when
    every LQ is equal (the nation's structure), towards 1 for a region concentrated in few
    sectors.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns (the nation = column sums).

    Returns
    -------
    Series
        One value per region, named ``"gini"``; NaN for a region without employment. Sectors
        absent nationally (undefined LQ) are left out of *n*.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`.

    References
    ----------
    Farhauer, O. and Kröll, A. (2013). *Standorttheorien*. Wiesbaden: Springer; REAT
    ``gini.spec`` (Wieland). Nakamura, R. and Morrison Paul, C. J. (2009). Measuring
    agglomeration. In Capello, R. and Nijkamp, P. (eds.), *Handbook of Regional Growth and
    Development Theories*, 305-328.

    Examples
    --------
    >>> m = pd.DataFrame({"A": [30, 10], "B": [10, 50]}, index=["r1", "r2"])
    >>> gini_specialisation(m).round(3).tolist()
    [0.318, 0.269]
    """
    values = check_matrix(matrix, "matrix")
    return pd.Series(_gini(_lq(values)), index=matrix.index, name="gini")
