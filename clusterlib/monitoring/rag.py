"""Red/amber/green status of an indicator against its target (progress towards the target).

The status is read from the *progress* of an indicator from its baseline towards its target,

.. math::

    p = \\frac{\\text{actual} - \\text{baseline}}{\\text{target} - \\text{baseline}},

which serves indicators that should rise and those that should fall alike (for a falling one
both the numerator and the denominator are negative when things go well).
"""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd

__all__ = ["DIRECTIONS", "STATUSES", "progress", "rag_status", "status_colour", "status_symbol"]

#: The statuses, best first; ``grey`` means there is no actual value to judge.
STATUSES: tuple[str, ...] = ("green", "amber", "red", "grey")
#: Directions an indicator can move in to improve.
DIRECTIONS: tuple[str, ...] = ("increase", "decrease")
#: A text symbol per status so that colour is never the only signal (colour-blind readers, print).
_SYMBOLS = {"green": "●", "amber": "▲", "red": "■", "grey": "○"}
_FILL = {"green": "#1a9850", "amber": "#f0a202", "red": "#d73027", "grey": "#9e9e9e"}


def _check_settings(direction: object, amber: object) -> None:
    if not isinstance(direction, str) or direction not in DIRECTIONS:
        raise ValueError(f"'direction' must be one of {list(DIRECTIONS)}, got {direction!r}")
    if isinstance(amber, bool) or not isinstance(amber, Real) or not 0 <= float(amber) < 1:
        raise ValueError(f"'amber' must be a number in [0, 1) (the share of progress that is amber), got {amber!r}")


def _as_float(values: object, name: str) -> np.ndarray:
    try:
        return np.asarray(pd.to_numeric(pd.Series(np.atleast_1d(values)), errors="raise"), dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"'{name}' must be a number or a Series of numbers, got {values!r}") from None


def _progress(baseline: np.ndarray, target: np.ndarray, actual: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(target != baseline, (actual - baseline) / (target - baseline), np.nan)


def _status(baseline: np.ndarray, target: np.ndarray, actual: np.ndarray, increase: bool,
            amber: float) -> np.ndarray:
    p = _progress(baseline, target, actual)
    by_progress = np.where(p >= 1, "green", np.where(p >= amber, "amber", "red"))
    at_least_as_good = actual >= baseline if increase else actual <= baseline
    flat = np.where(at_least_as_good, "green", "red")
    status = np.where(target == baseline, flat, by_progress)
    unknown = np.isnan(actual) | np.isnan(baseline) | np.isnan(target)
    return np.where(unknown, "grey", status).astype(object)


def _series_index(*values: object) -> pd.Index | None:
    indexes = [v.index for v in values if isinstance(v, pd.Series)]
    if not indexes:
        return None
    for other in indexes[1:]:
        if not other.equals(indexes[0]):
            raise ValueError("'baseline', 'target' and 'actual' Series must share the same index")
    return indexes[0]


def progress(baseline: object, target: object, actual: object) -> float | pd.Series:
    """Share of the way from baseline to target that the actual value has come.

    .. math:: p = (\\text{actual} - \\text{baseline}) / (\\text{target} - \\text{baseline})

    Parameters
    ----------
    baseline, target, actual : float or pandas.Series
        Scalars, or Series with one index (element-wise).

    Returns
    -------
    float or pandas.Series
        ``p``; NaN where a value is missing or the target equals the baseline (no way to go).

    Examples
    --------
    >>> progress(100, 200, 175), progress(40, 30, 35)
    (0.75, 0.5)
    """
    index = _series_index(baseline, target, actual)
    b, g, a = (_as_float(v, n) for v, n in ((baseline, "baseline"), (target, "target"), (actual, "actual")))
    p = _progress(*np.broadcast_arrays(b, g, a))
    if index is not None:
        return pd.Series(p, index=index, name="progress")
    return float(p[0])


def rag_status(baseline: object, target: object, actual: object, *, direction: str = "increase",
               amber: float = 0.75) -> str | pd.Series:
    """Red, amber or green status of an indicator: how far it has come from baseline to target.

    With progress :math:`p = (a - b)/(t - b)` (see :func:`progress`):

    * ``"green"`` when :math:`p \\ge 1` (target met or beaten),
    * ``"amber"`` when ``amber`` :math:`\\le p < 1`,
    * ``"red"`` when :math:`p <` ``amber`` (including a move the wrong way, :math:`p < 0`),
    * ``"grey"`` when the actual value (or the baseline or target) is missing.

    When the target equals the baseline (hold the level), the status is ``"green"`` if the
    actual value is at least as good as the baseline in the indicator's ``direction``, else
    ``"red"``. The same formula serves both directions: for an indicator that should fall, a
    fall towards the target gives a positive :math:`p`.

    Parameters
    ----------
    baseline, target, actual : float or pandas.Series
        Scalars, or Series sharing one index for an element-wise status.
    direction : {"increase", "decrease"}, default "increase"
        Which way the indicator improves; used only when the target equals the baseline.
    amber : float, default 0.75
        Lowest progress, in [0, 1), that still counts as amber (a parameter the report shows).

    Returns
    -------
    str or pandas.Series
        One of ``"green"``, ``"amber"``, ``"red"``, ``"grey"``; a Series (object dtype, named
        ``status``) for Series inputs.

    Raises
    ------
    ValueError
        For an unknown ``direction``, an ``amber`` outside [0, 1) or Series with other indexes.
    TypeError
        For values that are not numbers.

    References
    ----------
    UK Cabinet Office, Infrastructure and Projects Authority (2016), *Delivery confidence
    assessment* (the red/amber/green convention); European Commission (2015), *Better
    Regulation Toolbox*, tool 41 "Monitoring arrangements and indicators" (baseline, target,
    progress).

    Examples
    --------
    >>> rag_status(100, 200, 210), rag_status(100, 200, 180), rag_status(100, 200, 150)
    ('green', 'amber', 'red')
    >>> rag_status(50, 40, 42, direction="decrease"), rag_status(50, 40, float("nan"))
    ('amber', 'grey')
    >>> rag_status(10, 10, 9, direction="decrease"), rag_status(10, 10, 9)
    ('green', 'red')
    """
    _check_settings(direction, amber)
    index = _series_index(baseline, target, actual)
    b, g, a = (_as_float(v, n) for v, n in ((baseline, "baseline"), (target, "target"), (actual, "actual")))
    status = _status(*np.broadcast_arrays(b, g, a), direction == "increase", float(amber))
    if index is not None:
        return pd.Series(status, index=index, name="status", dtype=object)
    return str(status[0])


def status_symbol(status: str) -> str:
    """The text symbol shown next to (never instead of) a status colour.

    Examples
    --------
    >>> [status_symbol(s) for s in STATUSES]
    ['●', '▲', '■', '○']
    """
    if status not in _SYMBOLS:
        raise ValueError(f"'status' must be one of {list(STATUSES)}, got {status!r}")
    return _SYMBOLS[status]


def status_colour(status: str) -> str:
    """The fill colour of a status (ColorBrewer RdYlGn ends; grey for no data)."""
    if status not in _FILL:
        raise ValueError(f"'status' must be one of {list(STATUSES)}, got {status!r}")
    return _FILL[status]
