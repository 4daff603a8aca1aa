"""Location quotients and revealed comparative advantage."""

from __future__ import annotations

import pandas as pd

from ._arrays import _lq
from ._checks import check_matrix


def location_quotient(matrix: pd.DataFrame) -> pd.DataFrame:
    """Location quotient of every sector in every region.

    .. math::

        LQ_{ij} = \\frac{e_{ij} / e_j}{e_i / e}

    with :math:`e_{ij}` the employment (or value added) of sector *i* in region *j*,
    :math:`e_j` the region's total, :math:`e_i` the nation's total in the sector (column sum)
    and :math:`e` the national total. LQ > 1: the sector is over-represented in the region.

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns, non-negative numbers (missing cells as 0).

    Returns
    -------
    DataFrame
        Same shape and labels. NaN where the region's total (:math:`e_j`) or the sector's
        national total (:math:`e_i`) is zero: the quotient is undefined there.

    Raises
    ------
    TypeError
        ``matrix`` is not a DataFrame or holds non-numeric columns.
    ValueError
        ``matrix`` is empty, has duplicate labels, missing, infinite or negative values.

    See Also
    --------
    revealed_comparative_advantage : The same ratio on exports (Balassa index).

    References
    ----------
    Farhauer, O. and Kröll, A. (2013). *Standorttheorien: Regional- und Stadtökonomik in
    Theorie und Praxis*. Wiesbaden: Springer. Worked example reproduced by REAT ``locq``
    (Wieland, T., REAT: Regional Economic Analysis Toolbox, CRAN).

    Examples
    --------
    >>> m = pd.DataFrame({"A": [30, 10], "B": [10, 50]}, index=["r1", "r2"])
    >>> location_quotient(m).round(3)
           A      B
    r1  1.875  0.417
    r2  0.417  1.389
    """
    values = check_matrix(matrix, "matrix")
    return pd.DataFrame(_lq(values), index=matrix.index, columns=matrix.columns)


def revealed_comparative_advantage(matrix: pd.DataFrame) -> pd.DataFrame:
    """Balassa revealed comparative advantage of every exporter in every product.

    .. math::

        RCA_{ij} = \\frac{x_{ij} / x_j}{x_i / x}

    with :math:`x_{ij}` the exports of product *i* by region (or country) *j*, :math:`x_j` its
    total exports, :math:`x_i` the world's (all rows') exports of the product and :math:`x` total
    world exports. RCA > 1 reveals a comparative advantage.

    Parameters
    ----------
    matrix : DataFrame
        Exporters as rows, products (HS chapters, NACE codes...) as columns; the rows make up
        the "world" of the comparison.

    Returns
    -------
    DataFrame
        Same shape and labels; NaN where an exporter or a product has no exports at all.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient`.

    See Also
    --------
    location_quotient : The same ratio on employment.

    References
    ----------
    Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage. *The
    Manchester School*, 33(2), 99-123.

    Examples
    --------
    >>> x = pd.DataFrame({"soy": [11.0, 31.0], "other": [129.0, 11829.0]}, index=["BR", "rest"])
    >>> round(float(revealed_comparative_advantage(x).loc["BR", "soy"]), 1)
    22.4
    """
    values = check_matrix(matrix, "matrix")
    return pd.DataFrame(_lq(values), index=matrix.index, columns=matrix.columns)
