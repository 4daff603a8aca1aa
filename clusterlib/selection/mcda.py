"""Multi-criteria aggregation: normalisation, weighted sum and TOPSIS.

Alternatives are rows, criteria are columns.  ``benefit`` marks each criterion as benefit (``True``,
more is better) or cost (``False``, less is better); cost criteria are inverted during normalisation
so that after it every column reads "more is better".

The maths lives in kernels without checks (``normalize_values``, ``weighted_sum_scores``,
``topsis_closeness``) that also accept a whole stack of weight vectors at once, which
:func:`clusterlib.selection.weight_sensitivity` uses to score thousands of Monte Carlo draws without
a Python loop.  That vectorisation, a single documented rule for constant columns and z-score
normalisation are why these are written here rather than delegated to :mod:`pymcdm` (whose methods
take one weight vector per call, return NaN for an all-zero column under vector normalisation and
lack z-scores); the tests check both against pymcdm.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice
from clusterlib.selection.mcda_checks import (
    as_matrix,
    check_benefit,
    check_domain,
    check_weights,
    warn_constant,
)

__all__ = [
    "NORMALIZATIONS",
    "as_matrix",
    "check_domain",
    "normalize",
    "normalize_values",
    "topsis",
    "topsis_closeness",
    "warn_constant",
    "weighted_sum",
    "weighted_sum_scores",
]

#: Normalisation methods and what they do to a benefit / a cost column.
NORMALIZATIONS: dict[str, str] = {
    "minmax": "(x − min)/(max − min); cost: (max − x)/(max − min)",
    "vector": "x/‖x‖₂; cost: 1 − x/‖x‖₂",
    "zscore": "(x − mean)/sd; cost: −(x − mean)/sd",
    "max": "x/max; cost: 1 − x/max (needs x ≥ 0)",
}



# --------------------------------------------------------------------------------------------------
# Kernels: the maths without checks (public because scoring and robustness use them; the checked
# functions are normalize, weighted_sum and topsis below)
# --------------------------------------------------------------------------------------------------
def normalize_values(values: np.ndarray, benefit: np.ndarray, method: str) -> tuple[np.ndarray, np.ndarray]:
    """Column-wise normalisation with cost columns inverted; returns (normalised, constant-column mask).

    A constant column carries no information to rank alternatives; it is set to 0 under every method
    so that it adds nothing to any score (and nothing to TOPSIS distances).  No input checks: see
    :func:`normalize`.

    Examples
    --------
    >>> out, constant = normalize_values(np.array([[1.0, 5.0], [3.0, 5.0]]), np.array([True, True]), "minmax")
    >>> out.tolist(), constant.tolist()
    ([[0.0, 0.0], [1.0, 0.0]], [False, True])
    """
    x = np.asarray(values, dtype=float)
    lo, hi = x.min(axis=0), x.max(axis=0)
    constant = hi == lo
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "minmax":
            span = hi - lo
            out = np.where(benefit, (x - lo) / span, (hi - x) / span)
        elif method == "vector":
            norm = np.sqrt((x**2).sum(axis=0))
            r = x / norm
            out = np.where(benefit, r, 1.0 - r)
        elif method == "zscore":
            z = (x - x.mean(axis=0)) / x.std(axis=0)  # population sd: the sectors are all sectors
            out = np.where(benefit, z, -z)
        elif method == "max":
            r = x / hi
            out = np.where(benefit, r, 1.0 - r)
        else:  # pragma: no cover - guarded by the public functions
            raise ValueError(method)
    # a spread that is zero in floating point (sd or norm rounding to 0) counts as constant too
    constant = constant | ~np.isfinite(out).all(axis=0)
    out[:, constant] = 0.0
    return out, constant


def weighted_sum_scores(normalized: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted sum of a normalised matrix (m, k) for weights (k,) → (m,) or a stack (n, k) → (n, m).

    Examples
    --------
    >>> weighted_sum_scores(np.array([[0.0, 1.0], [1.0, 0.5]]), np.array([0.5, 0.5])).tolist()
    [0.5, 0.75]
    """
    return weights @ normalized.T


def topsis_closeness(normalized: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """TOPSIS relative closeness for weights (k,) → (m,) or a stack of weight vectors (n, k) → (n, m).

    With non-negative weights the ideal point of the weighted matrix is ``w_j · max_i r_ij`` (anti-ideal
    ``w_j · min_i r_ij``), so the squared distances are ``Σ_j w_j² (max_j − r_ij)²``: one matrix product
    per distance, for any number of weight vectors.  Where an alternative coincides with both ideals
    (every weighted criterion constant) closeness is 0.5: a tie, not 0/0.  No input checks: see
    :func:`topsis`.

    Examples
    --------
    >>> topsis_closeness(np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([0.5, 0.5])).tolist()
    [0.0, 1.0]
    """
    r = np.asarray(normalized, dtype=float)
    gap_best = (r.max(axis=0) - r) ** 2  # (m, k)
    gap_worst = (r - r.min(axis=0)) ** 2
    w2 = np.asarray(weights, dtype=float) ** 2
    d_best = np.sqrt(w2 @ gap_best.T)
    d_worst = np.sqrt(w2 @ gap_worst.T)
    total = d_best + d_worst
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, d_worst / total, 0.5)


def _normalized_frame(
    matrix: object, benefit: object, normalization: str, *, stacklevel: int
) -> tuple[pd.DataFrame, np.ndarray]:
    check_choice(normalization, list(NORMALIZATIONS), name="normalization")
    frame = as_matrix(matrix)
    flags = check_benefit(benefit, frame.columns)
    check_domain(frame, normalization)
    values, constant = normalize_values(frame.to_numpy(), flags, normalization)
    warn_constant(frame.columns, constant, stacklevel=stacklevel + 1)
    return pd.DataFrame(values, index=frame.index, columns=frame.columns), flags


# --------------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------------
def normalize(
    matrix: pd.DataFrame | np.ndarray,
    *,
    method: str = "minmax",
    benefit: Sequence[bool] | pd.Series | None = None,
) -> pd.DataFrame | np.ndarray:
    """Normalise each criterion (column) to a common scale, inverting cost criteria.

    Parameters
    ----------
    matrix : DataFrame or 2-D array, shape (alternatives, criteria)
        Raw values; must be numeric and finite (no NaN).
    method : {'minmax', 'vector', 'zscore', 'max'}, default 'minmax'
        See Notes.
    benefit : sequence of bool or boolean Series, optional
        ``True`` for a benefit criterion (more is better), ``False`` for a cost criterion.
        A Series is aligned to the columns by label.  Default: all benefit.

    Returns
    -------
    DataFrame or ndarray
        Same shape and labels as ``matrix``; after it, more is better in every column.

    Raises
    ------
    ValueError
        If ``method`` is unknown, ``matrix`` is not 2-D, numeric and finite, ``benefit`` has the wrong
        length or non-boolean entries, or ``method='max'`` meets a negative value.

    Warns
    -----
    UserWarning
        When a column is constant: it is set to 0 (it cannot discriminate, so it adds nothing).

    Notes
    -----
    For column :math:`x_{\\cdot j}` and alternative *i*:

    ========  ================================================  ==============================
    method    benefit                                           cost
    ========  ================================================  ==============================
    minmax    :math:`(x_{ij} - \\min_j)/(\\max_j - \\min_j)`      :math:`1 - \\text{benefit form}`
    vector    :math:`r_{ij} = x_{ij}/\\sqrt{\\sum_i x_{ij}^2}`     :math:`1 - r_{ij}`
    zscore    :math:`z_{ij} = (x_{ij} - \\bar x_j)/s_j`          :math:`-z_{ij}`
    max       :math:`x_{ij}/\\max_j`                             :math:`1 - x_{ij}/\\max_j`
    ========  ================================================  ==============================

    Min-max maps to [0, 1] with the worst alternative at 0 and the best at 1.  The vector cost form
    :math:`1 - r` is a reflection plus a shift, so TOPSIS distances equal those of Hwang & Yoon's
    original (cost criteria kept as :math:`r` with the ideal at the minimum).  ``zscore`` uses the
    population standard deviation (the alternatives are all sectors, not a sample).  ``max`` is the
    linear scale transformation and needs non-negative values (not for growth rates).  The cost forms
    of ``vector`` and ``max`` follow :mod:`pymcdm`.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
       Applications*. Springer, Berlin.
    .. [2] OECD & JRC (2008). *Handbook on Constructing Composite Indicators: Methodology and User
       Guide*. OECD Publishing, Paris, section 5.

    Examples
    --------
    >>> normalize([[1, 10], [3, 30], [5, 20]], benefit=[True, False])
    array([[0. , 1. ],
           [0.5, 0. ],
           [1. , 0.5]])
    """
    out, _ = _normalized_frame(matrix, benefit, method, stacklevel=2)
    return out if isinstance(matrix, pd.DataFrame) else out.to_numpy()


def weighted_sum(
    matrix: pd.DataFrame | np.ndarray,
    weights: Sequence[float] | pd.Series | np.ndarray,
    *,
    benefit: Sequence[bool] | pd.Series | None = None,
    normalization: str = "minmax",
) -> pd.Series:
    """Simple additive weighting: the weighted sum of normalised criteria per alternative.

    .. math::

        S_i = \\sum_j w_j \\, r_{ij}

    where :math:`r_{ij}` is the normalised value (:func:`normalize`, cost criteria inverted) and the
    weights are non-negative and sum to 1.  With ``'minmax'`` the score lies in [0, 1].

    Parameters
    ----------
    matrix : DataFrame or 2-D array, shape (alternatives, criteria)
        Raw values, numeric and finite.
    weights : sequence of float or Series
        One non-negative weight per criterion, summing to 1 (a Series is aligned by label).
    benefit : sequence of bool or boolean Series, optional
        ``True`` = benefit, ``False`` = cost.  Default: all benefit.
    normalization : {'minmax', 'vector', 'zscore', 'max'}, default 'minmax'

    Returns
    -------
    pandas.Series
        Score per alternative (index of ``matrix``), named ``'score'``.

    Raises
    ------
    ValueError
        On a malformed matrix, unknown normalisation, or weights that are negative, non-finite, of the
        wrong length or do not sum to 1.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
       Applications*. Springer, Berlin (simple additive weighting).

    Examples
    --------
    >>> weighted_sum([[1, 10], [3, 30], [5, 20]], [0.5, 0.5], benefit=[True, False]).tolist()
    [0.5, 0.25, 0.75]
    """
    normalized, _ = _normalized_frame(matrix, benefit, normalization, stacklevel=2)
    w = check_weights(weights, normalized.columns)
    return pd.Series(weighted_sum_scores(normalized.to_numpy(), w), index=normalized.index, name="score")


def topsis(
    matrix: pd.DataFrame | np.ndarray,
    weights: Sequence[float] | pd.Series | np.ndarray,
    benefit: Sequence[bool] | pd.Series | None = None,
    normalization: str = "vector",
) -> pd.Series:
    """TOPSIS: relative closeness of each alternative to the ideal solution (Hwang & Yoon 1981).

    Parameters
    ----------
    matrix : DataFrame or 2-D array, shape (alternatives, criteria)
        Raw values, numeric and finite.
    weights : sequence of float or Series
        One non-negative weight per criterion, summing to 1 (a Series is aligned by label).
    benefit : sequence of bool or boolean Series, optional
        ``True`` = benefit, ``False`` = cost.  Default: all benefit.
    normalization : {'vector', 'minmax', 'zscore', 'max'}, default 'vector'
        Vector normalisation is Hwang & Yoon's original.

    Returns
    -------
    pandas.Series
        Closeness :math:`C_i \\in [0, 1]` per alternative, named ``'closeness'``; 1 = the ideal.

    Raises
    ------
    ValueError
        On a malformed matrix, unknown normalisation, or invalid weights (see :func:`weighted_sum`).

    Notes
    -----
    With :math:`r_{ij}` normalised (cost criteria inverted, see :func:`normalize`) and
    :math:`v_{ij} = w_j r_{ij}`:

    .. math::

        v_j^+ = \\max_i v_{ij}, \\quad v_j^- = \\min_i v_{ij}, \\quad
        D_i^\\pm = \\sqrt{\\sum_j (v_{ij} - v_j^\\pm)^2}, \\quad
        C_i = \\frac{D_i^-}{D_i^+ + D_i^-}

    An alternative that coincides with both ideals (all weighted criteria constant) gets 0.5.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
       Applications*. Springer, Berlin, pp. 128–140.
    .. [2] Tzeng, G.-H., & Huang, J.-J. (2011). *Multiple Attribute Decision Making: Methods and
       Applications*. CRC Press, Boca Raton.

    Examples
    --------
    The third alternative is best on both criteria, the other two are mirror images:

    >>> topsis([[1, 2], [2, 1], [2, 2]], [0.5, 0.5]).tolist()
    [0.5, 0.5, 1.0]
    """
    normalized, _ = _normalized_frame(matrix, benefit, normalization, stacklevel=2)
    w = check_weights(weights, normalized.columns)
    return pd.Series(topsis_closeness(normalized.to_numpy(), w), index=normalized.index, name="closeness")
