"""Criteria weights from an AHP pairwise-comparison matrix (Saaty's principal-eigenvector method).

A key expert compares the criteria two at a time on Saaty's 1–9 scale; the weights are the principal
eigenvector of the reciprocal matrix, and the consistency ratio tells whether the judgements hang
together well enough to be used (CR < 0.1).  An inconsistent matrix is reported, never silently used:
:func:`ahp_weights` returns the result with ``is_consistent=False``, and every consumer of AHP weights
(e.g. :func:`clusterlib.selection.load_criteria`) raises or warns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

__all__ = ["CR_THRESHOLD", "RANDOM_INDEX", "AHPResult", "ahp_weights"]

#: Saaty's random consistency index RI(n): the mean consistency index of random reciprocal matrices
#: of order n (Saaty 1980; Saaty 1990).  Tabulated for n ≤ 10.
RANDOM_INDEX: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}

#: Judgements with a consistency ratio at or above this are inconsistent (Saaty 1980).
CR_THRESHOLD: float = 0.1


@dataclass(frozen=True, eq=False)
class AHPResult:
    """Weights and consistency of one pairwise-comparison matrix.

    Attributes
    ----------
    weights : pandas.Series
        Principal eigenvector scaled to sum to 1, labelled by criterion.
    lambda_max : float
        Principal eigenvalue (``n`` for a perfectly consistent matrix).
    consistency_index : float
        :math:`CI = (\\lambda_{max} - n)/(n - 1)`; 0 for n ≤ 2.
    consistency_ratio : float
        :math:`CR = CI / RI(n)`; 0 for n ≤ 2 (every 2×2 reciprocal matrix is consistent).
    is_consistent : bool
        ``consistency_ratio < 0.1``.
    """

    weights: pd.Series
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    is_consistent: bool

    def summary(self) -> str:
        """One line for logs and error messages: ``λmax = 4.07, CI = 0.024, CR = 0.026 (consistent)``."""
        verdict = "consistent" if self.is_consistent else f"inconsistent: CR ≥ {CR_THRESHOLD}"
        return (
            f"λmax = {self.lambda_max:.3f}, CI = {self.consistency_index:.3f}, "
            f"CR = {self.consistency_ratio:.3f} ({verdict})"
        )


def parse_judgement(value: object) -> float:
    """Read one pairwise judgement: a positive number or a fraction string such as ``"1/3"``.

    Raises
    ------
    ValueError
        If the value is neither a number nor a fraction string.

    Examples
    --------
    >>> parse_judgement("1/3")
    0.3333333333333333
    >>> parse_judgement(5)
    5.0
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number or a fraction such as '1/3', got {value!r}")
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    if isinstance(value, str):
        try:
            return float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError) as err:
            raise ValueError(f"expected a number or a fraction such as '1/3', got {value!r}") from err
    raise ValueError(f"expected a number or a fraction such as '1/3', got {value!r}")


def _principal_eigen(matrix: np.ndarray) -> tuple[np.ndarray, float]:
    """Principal eigenvector (scaled to sum 1) and eigenvalue of a positive matrix (Perron root)."""
    values, vectors = np.linalg.eig(matrix)
    i = int(np.argmax(values.real))
    vector = np.abs(vectors[:, i].real)  # Perron vector: one sign, real for a positive matrix
    return vector / vector.sum(), float(values[i].real)


def ahp_weights(
    pairwise: pd.DataFrame | np.ndarray | Sequence[Sequence[object]],
    *,
    labels: Sequence[str] | None = None,
    reciprocity_tol: float = 0.02,
) -> AHPResult:
    """Weights and consistency ratio of a pairwise-comparison matrix (AHP, principal eigenvector).

    ``pairwise[i][j]`` says how much more important criterion *i* is than *j* on Saaty's 1–9 scale,
    with ``pairwise[j][i] = 1 / pairwise[i][j]`` and ones on the diagonal.

    Parameters
    ----------
    pairwise : DataFrame, array or nested sequence, shape (n, n)
        Positive reciprocal matrix.  Entries may be numbers or fraction strings (``"1/3"``).
        A DataFrame's index labels the criteria.
    labels : sequence of str, optional
        Criterion labels (default: the DataFrame index, else ``0 … n-1``).
    reciprocity_tol : float, default 0.02
        Accepted relative deviation of :math:`a_{ij} a_{ji}` from 1, so that a rounded ``0.33``
        against ``3`` passes.

    Returns
    -------
    AHPResult
        ``weights``, ``lambda_max``, ``consistency_index``, ``consistency_ratio``, ``is_consistent``.
        An inconsistent matrix (CR ≥ 0.1) is returned with ``is_consistent=False``; callers must not
        use its weights without saying so.

    Raises
    ------
    ValueError
        If the matrix is not square, has fewer than one or more than 10 rows (Saaty's random index is
        tabulated for n ≤ 10), has an entry that is not a positive finite number, a diagonal entry
        other than 1, a pair that is not reciprocal, or ``labels`` of the wrong length.

    Notes
    -----
    The weights :math:`w` solve :math:`A w = \\lambda_{max} w`, scaled to :math:`\\sum_i w_i = 1`.
    Consistency:

    .. math::

        CI = \\frac{\\lambda_{max} - n}{n - 1}, \\qquad CR = \\frac{CI}{RI(n)}

    with Saaty's random index :math:`RI(n)` (:data:`RANDOM_INDEX`).  :math:`\\lambda_{max} \\ge n`
    with equality exactly when :math:`a_{ij} = w_i / w_j` for all *i, j*.

    References
    ----------
    .. [1] Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.
    .. [2] Saaty, T. L. (1990). How to make a decision: The analytic hierarchy process.
       *European Journal of Operational Research*, 48(1), 9–26.

    Examples
    --------
    A consistent matrix built from weights (0.5, 0.25, 0.25) gives them back with CR = 0:

    >>> r = ahp_weights([[1, 2, 2], ["1/2", 1, 1], ["1/2", 1, 1]], labels=["a", "b", "c"])
    >>> r.weights.round(3).tolist()
    [0.5, 0.25, 0.25]
    >>> round(r.lambda_max, 6), round(r.consistency_ratio, 6), r.is_consistent
    (3.0, 0.0, True)
    """
    if isinstance(pairwise, pd.DataFrame):
        if labels is None:
            labels = [str(x) for x in pairwise.index]
        rows = pairwise.to_numpy(dtype=object).tolist()
    else:
        rows = np.asarray(pairwise, dtype=object).tolist()
    if not rows or not isinstance(rows[0], list):
        raise ValueError(f"'pairwise' must be a square matrix (list of rows), got {pairwise!r}")
    n = len(rows)
    bad_rows = [i for i, row in enumerate(rows) if len(row) != n]
    if bad_rows:
        raise ValueError(
            f"'pairwise' must be square: it has {n} rows but row {bad_rows[0]} has "
            f"{len(rows[bad_rows[0]])} entries"
        )
    if n > max(RANDOM_INDEX):
        raise ValueError(
            f"'pairwise' has {n} criteria; Saaty's random index is tabulated for n ≤ {max(RANDOM_INDEX)}. "
            "Split the criteria into groups and compare within each group."
        )
    values = np.empty((n, n))
    for i, row in enumerate(rows):
        for j, entry in enumerate(row):
            try:
                values[i, j] = parse_judgement(entry)
            except ValueError as err:
                raise ValueError(f"'pairwise'[{i}][{j}]: {err}") from None
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        i, j = np.argwhere(~np.isfinite(values) | (values <= 0))[0]
        raise ValueError(
            f"'pairwise' entries must be positive finite numbers (Saaty's 1–9 scale and reciprocals), "
            f"got {values[i, j]} at [{i}][{j}]"
        )
    off_diagonal = ~np.isclose(np.diag(values), 1.0)
    if off_diagonal.any():
        i = int(np.flatnonzero(off_diagonal)[0])
        raise ValueError(
            f"'pairwise' diagonal must be 1 (a criterion equals itself), got {values[i, i]} at [{i}][{i}]"
        )
    product = values * values.T
    bad = np.abs(product - 1.0) > reciprocity_tol
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(
            f"'pairwise' is not reciprocal: [{i}][{j}] = {values[i, j]:g} but [{j}][{i}] = {values[j, i]:g}; "
            f"expected [{j}][{i}] = 1/{values[i, j]:g} = {1 / values[i, j]:.4g}"
        )
    if labels is None:
        labels = [str(i) for i in range(n)]
    labels = list(labels)
    if len(labels) != n:
        raise ValueError(f"'labels' must have {n} entries (one per row of 'pairwise'), got {len(labels)}")

    weights, lambda_max = _principal_eigen(values)
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = max((lambda_max - n) / (n - 1), 0.0)  # λmax ≥ n in exact arithmetic; clip round-off
        cr = ci / RANDOM_INDEX[n]
    return AHPResult(
        weights=pd.Series(weights, index=pd.Index(labels, name="criterion"), name="weight"),
        lambda_max=lambda_max,
        consistency_index=ci,
        consistency_ratio=cr,
        is_consistent=bool(cr < CR_THRESHOLD),
    )
