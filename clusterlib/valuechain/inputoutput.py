"""Input-output linkages: Leontief and Ghosh inverses, key sectors, hypothetical extraction and
the technical coefficients of a national table (regionalisation: :mod:`~clusterlib.valuechain.regionalisation`).

Notation (Miller & Blair 2009): ``Z`` the intermediate flows (row sector sells to column sector),
``x`` total output, ``f = x - Z·1`` final demand, ``A = Z·diag(x)⁻¹`` the technical coefficients,
``L = (I - A)⁻¹`` the Leontief inverse, ``B = diag(x)⁻¹·Z`` the allocation coefficients and
``G = (I - B)⁻¹`` the Ghosh inverse.  Kernels (``_leontief``, ``_ghosh``…) work on arrays without
checks; the public functions check their inputs, label the output and carry the documentation.

References
----------
.. [1] Miller, R. E. and Blair, P. D. (2009). *Input-Output Analysis: Foundations and Extensions*,
   2nd ed. Cambridge University Press (ch. 2, 6, 8 and 12).
.. [2] Eurostat (2008). *Eurostat Manual of Supply, Use and Input-Output Tables* (J. Beutel),
   ch. 15. Luxembourg: Office for Official Publications of the European Communities.
.. [3] Flegg, A. T. and Webber, C. D. (1997). On the appropriate use of location quotients in
   generating regional input-output tables: reply. *Regional Studies* 31(8), 795–805.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "hypothetical_extraction",
    "io_linkages",
    "leontief_inverse",
    "technical_coefficients",
]


# ------------------------------------------------------------------------------------------ kernels
def _leontief(a: np.ndarray) -> np.ndarray:
    return np.linalg.inv(np.eye(a.shape[0]) - a)


def _coefficients(z: np.ndarray, x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        a = z / x[None, :]
    return np.where(x[None, :] > 0, a, 0.0)


def _allocations(z: np.ndarray, x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        b = z / x[:, None]
    return np.where(x[:, None] > 0, b, 0.0)


def _extraction_loss(a: np.ndarray, f: np.ndarray) -> np.ndarray:
    """Output lost when each sector in turn is removed (row, column and final demand)."""
    n = a.shape[0]
    total = _leontief(a) @ f
    loss = np.empty(n)
    for k in range(n):
        keep = np.arange(n) != k
        reduced = _leontief(a[np.ix_(keep, keep)]) @ f[keep]
        loss[k] = total.sum() - reduced.sum()
    return loss


# ------------------------------------------------------------------------------------------- checks
def _square(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"'{name}' must be a DataFrame (sectors × sectors), got {type(frame).__name__}")
    if frame.shape[0] != frame.shape[1] or list(frame.index) != list(frame.columns):
        raise ValueError(
            f"'{name}' must be square with the same sectors in rows and columns, got {frame.shape[0]} rows "
            f"{list(frame.index)[:8]} and {frame.shape[1]} columns {list(frame.columns)[:8]}"
        )
    values = frame.to_numpy(dtype=float)
    if not np.isfinite(values).all():
        raise ValueError(f"'{name}' has missing or infinite values; an input-output table must be complete")
    negative = np.argwhere(values < 0)
    if negative.size:
        i, j = negative[0]
        raise ValueError(
            f"'{name}' must not be negative; {frame.index[i]!r}→{frame.columns[j]!r} is {values[i, j]} "
            f"({len(negative)} negative cells)"
        )
    return frame


def _output(x: pd.Series, sectors: pd.Index, z: np.ndarray | None = None) -> np.ndarray:
    if not isinstance(x, pd.Series):
        raise TypeError(f"'x' must be a Series of total output by sector, got {type(x).__name__}")
    missing = [s for s in sectors if s not in x.index]
    if missing:
        raise ValueError(f"'x' has no total output for sectors {missing}")
    values = x.reindex(sectors).to_numpy(dtype=float)
    if not np.isfinite(values).all() or (values < 0).any():
        raise ValueError("'x' (total output) must be finite and not negative")
    if z is not None:
        for label, used, axis in (("sales to", z.sum(axis=1), "row"), ("inputs of", z.sum(axis=0), "column")):
            over = np.flatnonzero(used > values * (1 + 1e-9) + 1e-9)
            if over.size:
                k = over[0]
                raise ValueError(
                    f"intermediate {label} sector {sectors[k]!r} ({used[k]:g}, its {axis} sum of 'Z') exceed "
                    f"its total output x = {values[k]:g}; check the units and that x is gross output"
                )
    return values


def _check_productive(a: np.ndarray, name: str) -> None:
    radius = float(np.max(np.abs(np.linalg.eigvals(a)))) if a.size else 0.0
    if radius >= 1:
        raise ValueError(
            f"'{name}' is not productive (spectral radius {radius:.3f} ≥ 1): I − {name} has no non-negative "
            "inverse; the column sums of the coefficients must be below 1"
        )


# ------------------------------------------------------------------------------------------- public
def technical_coefficients(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Technical (input) coefficients :math:`A = Z\\,\\hat{x}^{-1}`, :math:`a_{ij} = z_{ij}/x_j`.

    A sector with zero output gets zero coefficients.

    Examples
    --------
    >>> Z = pd.DataFrame([[150, 500], [200, 100]], index=["1", "2"], columns=["1", "2"])
    >>> technical_coefficients(Z, pd.Series({"1": 1000, "2": 2000})).to_numpy().tolist()
    [[0.15, 0.25], [0.2, 0.05]]
    """
    _square(Z, "Z")
    z = Z.to_numpy(dtype=float)
    values = _output(x, Z.index, z)
    return pd.DataFrame(_coefficients(z, values), index=Z.index, columns=Z.columns)


def leontief_inverse(A: pd.DataFrame) -> pd.DataFrame:
    """The Leontief inverse :math:`L = (I - A)^{-1}` of technical coefficients ``A``.

    ``L[i, j]`` is the output of sector *i* needed, directly and indirectly, per unit of final
    demand for sector *j*; column sums are the output multipliers.

    Parameters
    ----------
    A : DataFrame
        Square, sectors × sectors, non-negative, productive (spectral radius below 1).

    Returns
    -------
    DataFrame
        With ``A``'s labels.

    Raises
    ------
    ValueError
        For a non-square, negative, incomplete or non-productive ``A``.

    References
    ----------
    Miller & Blair (2009), §2.3 (the two-sector example: A = [[.15, .25], [.2, .05]]).

    Examples
    --------
    >>> A = pd.DataFrame([[0.15, 0.25], [0.2, 0.05]], index=["1", "2"], columns=["1", "2"])
    >>> leontief_inverse(A).round(4).to_numpy().tolist()
    [[1.2541, 0.33], [0.264, 1.1221]]
    """
    _square(A, "A")
    a = A.to_numpy(dtype=float)
    _check_productive(a, "A")
    return pd.DataFrame(_leontief(a), index=A.index, columns=A.columns)


def io_linkages(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Backward and forward linkages, dispersion indices and key sectors.

    .. math::

        BL_j = \\sum_i l_{ij}, \\qquad FL_i = \\sum_j g_{ij}, \\qquad
        PD_j = \\frac{BL_j}{\\overline{BL}}, \\qquad SD_i = \\frac{FL_i}{\\overline{FL}}

    with :math:`L = (I - A)^{-1}` (Rasmussen's backward linkage, the output multiplier) and
    :math:`G = (I - B)^{-1}`, :math:`B = \\hat{x}^{-1} Z` (the Ghosh inverse, for forward
    linkages as in the Eurostat manual).  A key sector has both indices above 1.

    A sector without output (TÜİK's rows T and U, a section absent from a province) produces
    nothing to link: it is left out of the table and of the averages :math:`\\overline{BL}`,
    :math:`\\overline{FL}` that define the key sectors (it would enter them with multipliers of
    exactly 1).  Its row and column of ``Z`` are zero, so the other sectors' multipliers do not
    change; the sectors left out are listed in ``attrs["no_output"]``.

    Parameters
    ----------
    Z : DataFrame
        Intermediate flows, sectors × sectors (row sells to column), not negative.
    x : Series
        Total output by sector; each sector's intermediate sales and inputs must not exceed it.

    Returns
    -------
    DataFrame
        Indexed by sector: ``backward``, ``forward``, ``power_of_dispersion``,
        ``sensitivity_of_dispersion``, ``key_sector`` (bool).

    Raises
    ------
    ValueError
        For a non-square or negative ``Z``, output missing for a sector, or intermediate use above
        output.

    References
    ----------
    Rasmussen, P. N. (1956). *Studies in Inter-Sectoral Relations*. Amsterdam: North-Holland.
    Eurostat (2008), *Manual of Supply, Use and Input-Output Tables*, §15.

    Examples
    --------
    >>> Z = pd.DataFrame([[150, 500], [200, 100]], index=["1", "2"], columns=["1", "2"])
    >>> io_linkages(Z, pd.Series({"1": 1000, "2": 2000}))[["backward", "forward"]].round(4)
            backward  forward
    sector
    1         1.5182   1.9142
    2         1.4521   1.2541
    """
    _square(Z, "Z")
    z = Z.to_numpy(dtype=float)
    values = _output(x, Z.index, z)
    producing = values > 0
    z, values = z[np.ix_(producing, producing)], values[producing]
    a = _coefficients(z, values)
    _check_productive(a, "A")
    backward = _leontief(a).sum(axis=0)
    forward = _leontief(_allocations(z, values)).sum(axis=1)
    frame = pd.DataFrame({"backward": backward, "forward": forward}, index=Z.index[producing])
    frame["power_of_dispersion"] = frame["backward"] / frame["backward"].mean()
    frame["sensitivity_of_dispersion"] = frame["forward"] / frame["forward"].mean()
    frame["key_sector"] = (frame["power_of_dispersion"] > 1) & (frame["sensitivity_of_dispersion"] > 1)
    frame.index.name = "sector"
    frame.attrs["no_output"] = [str(s) for s in Z.index[~producing]]
    return frame


def hypothetical_extraction(
    Z: pd.DataFrame,
    x: pd.Series,
    f: pd.Series | None = None,
) -> pd.DataFrame:
    """What the economy loses when a sector is removed (complete hypothetical extraction).

    .. math::

        T_k = \\mathbf{1}'x - \\mathbf{1}'\\bar{x}_{(k)}, \\qquad
        \\bar{x}_{(k)} = (I - A_{(k)})^{-1} f_{(k)}

    where :math:`A_{(k)}` is ``A`` without row and column *k* and :math:`f_{(k)}` final demand
    without sector *k*: the loss counts the sector's own output and what the others no longer sell
    to it.  (Miller & Blair 2009, §12.2.1.)

    Parameters
    ----------
    Z : DataFrame
        Intermediate flows, sectors × sectors.
    x : Series
        Total output by sector.
    f : Series, optional
        Final demand; default ``x - Z.sum(axis=1)`` (the table's own).

    Returns
    -------
    DataFrame
        Indexed by sector: ``output_loss`` (in the table's unit) and ``output_loss_share`` (of total
        output).

    Examples
    --------
    >>> Z = pd.DataFrame([[150, 500], [200, 100]], index=["1", "2"], columns=["1", "2"])
    >>> hypothetical_extraction(Z, pd.Series({"1": 1000, "2": 2000})).round(2)
            output_loss  output_loss_share
    sector
    1           1210.53               0.40
    2           2588.24               0.86
    """
    _square(Z, "Z")
    z = Z.to_numpy(dtype=float)
    values = _output(x, Z.index, z)
    a = _coefficients(z, values)
    _check_productive(a, "A")
    if f is None:
        demand = values - z.sum(axis=1)
    else:
        if not isinstance(f, pd.Series) or f.reindex(Z.index).isna().any():
            raise ValueError("'f' must be a Series of final demand for every sector of 'Z'")
        demand = f.reindex(Z.index).to_numpy(dtype=float)
    loss = _extraction_loss(a, demand)
    total = float((_leontief(a) @ demand).sum())
    frame = pd.DataFrame({"output_loss": loss, "output_loss_share": loss / total}, index=Z.index)
    frame.index.name = "sector"
    return frame
