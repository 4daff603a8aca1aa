"""The sector portfolio: specialisation (LQ) against growth, in four quadrants.

One function classifies the quadrants (:func:`portfolio_quadrants`); the portfolio chart and the
portfolio finding both use it, with the national growth rate from totals
(:func:`clusterlib.selection.inputs.national_growth_rate`) as the horizontal line and
:attr:`~clusterlib.selection.thresholds.Thresholds.specialised_lq` as the vertical one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.checks import require_columns
from clusterlib.selection.thresholds import THRESHOLDS

__all__ = ["QUADRANTS", "classify_quadrants", "portfolio_quadrants"]

#: Quadrant ids: upper right, lower right, upper left, lower left of the portfolio chart.
QUADRANTS: tuple[str, ...] = ("stars", "mature", "emerging", "weak")


def classify_quadrants(
    lq: np.ndarray, growth: np.ndarray, *, lq_line: float, growth_line: float
) -> np.ndarray:
    """The kernel: quadrant id of each point, ``""`` where growth or LQ is not finite.

    Above a line means strictly above (a sector exactly at the national rate is not "growing").

    Examples
    --------
    >>> classify_quadrants(np.array([2.0, 2.0, 0.5, 0.5, 2.0]), np.array([0.1, 0.0, 0.1, 0.0, np.nan]),
    ...                    lq_line=1.0, growth_line=0.02).tolist()
    ['stars', 'mature', 'emerging', 'weak', '']
    """
    lq = np.asarray(lq, dtype=float)
    growth = np.asarray(growth, dtype=float)
    specialised = lq > lq_line
    growing = growth > growth_line
    out = np.where(specialised, np.where(growing, "stars", "mature"), np.where(growing, "emerging", "weak"))
    return np.where(np.isfinite(lq) & np.isfinite(growth), out, "").astype(object)


def portfolio_quadrants(
    portfolio: pd.DataFrame, *, national_growth: float, specialised_lq: float = THRESHOLDS.specialised_lq
) -> pd.Series:
    """Quadrant of each sector of a portfolio table (columns ``lq`` and ``growth``).

    Parameters
    ----------
    portfolio : DataFrame
        Columns ``lq`` and ``growth`` (CAGR, fraction).
    national_growth : float
        The national employment CAGR over the same period (from totals).
    specialised_lq : float, default :attr:`THRESHOLDS.specialised_lq`

    Returns
    -------
    Series
        One of :data:`QUADRANTS` per row (same index), ``""`` where growth is unknown.

    Raises
    ------
    ValueError
        When a column is missing or ``national_growth`` is not a finite number.

    Examples
    --------
    >>> frame = pd.DataFrame({"lq": [3.0, 0.4], "growth": [0.05, 0.01]}, index=["15", "10"])
    >>> portfolio_quadrants(frame, national_growth=0.0286).tolist()
    ['stars', 'weak']
    """
    require_columns(portfolio, ["lq", "growth"], name="portfolio")
    if not np.isfinite(national_growth):
        raise ValueError(f"'national_growth' must be a finite number, got {national_growth!r}")
    codes = classify_quadrants(
        portfolio["lq"].to_numpy(dtype=float),
        portfolio["growth"].to_numpy(dtype=float),
        lq_line=specialised_lq,
        growth_line=float(national_growth),
    )
    return pd.Series(codes, index=portfolio.index, name="quadrant")
