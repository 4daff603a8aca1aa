"""Growth rates."""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pandas as pd

from ._arrays import _cagr

T = TypeVar("T", float, np.ndarray, pd.Series, pd.DataFrame)


def _as_float_array(x: object, name: str) -> np.ndarray:
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"'{name}' must be a number or numeric array/Series/DataFrame, got {x!r:.60}"
        ) from err
    if np.isinf(arr).any():
        raise ValueError(f"'{name}' must be finite, got {x!r:.60}")
    return arr


def cagr(start: T, end: T, years: float | np.ndarray) -> T:
    """Compound annual growth rate between two values.

    .. math::

        CAGR = \\left(\\frac{end}{start}\\right)^{1/years} - 1

    Parameters
    ----------
    start, end : float, ndarray, Series or DataFrame
        Non-negative values at the start and the end of the period (employment, exports...).
        Arrays broadcast; pandas objects align on their labels.
    years : float or ndarray
        Length of the period in years, > 0 (``end_year - start_year``).

    Returns
    -------
    float, ndarray, Series or DataFrame
        Growth per year as a fraction (0.26 = 26 %), of the type of ``end``/``start``. NaN where
        ``start`` is 0 (growth from nothing is undefined); -1 where ``end`` is 0.

    Raises
    ------
    TypeError
        Non-numeric input.
    ValueError
        Negative or infinite values, or ``years`` not > 0.

    Examples
    --------
    >>> round(cagr(100, 200, 3), 3)
    0.26
    >>> cagr(pd.Series([100.0, 0.0]), pd.Series([121.0, 5.0]), 2).round(2).tolist()
    [0.1, nan]
    """
    for value, name in ((start, "start"), (end, "end")):
        arr = _as_float_array(value, name)
        if (np.nan_to_num(arr) < 0).any():
            raise ValueError(f"'{name}' must not be negative, got {value!r:.60}")
    span = _as_float_array(years, "years")
    if not (span > 0).all():
        raise ValueError(
            f"'years' must be > 0, got {years!r}; use end_year - start_year with end after start"
        )
    if isinstance(start, (pd.Series, pd.DataFrame)) or isinstance(end, (pd.Series, pd.DataFrame)):
        ratio = end / start
        if isinstance(ratio, (pd.Series, pd.DataFrame)):
            with np.errstate(divide="ignore", invalid="ignore"):
                out = ratio ** (1.0 / span) - 1.0 if span.ndim == 0 else ratio.pow(1.0 / span) - 1.0
            return out.mask(np.isinf(out))
    out = _cagr(_as_float_array(start, "start"), _as_float_array(end, "end"), span)
    return float(out) if np.ndim(out) == 0 else out
