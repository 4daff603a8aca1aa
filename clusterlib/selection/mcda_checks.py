"""Input checks of the MCDA functions: a numeric decision matrix, weights and benefit flags by criterion.

The two-layer pattern of :mod:`clusterlib.selection.mcda`: the kernels there do the maths without
checks; these functions check the inputs of the public :func:`~clusterlib.selection.mcda.normalize`,
:func:`~clusterlib.selection.mcda.weighted_sum` and :func:`~clusterlib.selection.mcda.topsis` (and of
scoring), each with a message that names the argument and what to change.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "WEIGHT_TOL",
    "as_matrix",
    "check_benefit",
    "check_domain",
    "check_weights",
    "labelled_values",
    "warn_constant",
]

#: Accepted deviation of the weights from a sum of 1.
WEIGHT_TOL = 1e-6


def as_matrix(matrix: pd.DataFrame | np.ndarray | Sequence, *, name: str = "matrix") -> pd.DataFrame:
    """A numeric, finite, non-empty DataFrame (alternatives × criteria) or a clear error."""
    if isinstance(matrix, pd.DataFrame):
        frame = matrix
    else:
        array = np.asarray(matrix)
        if array.ndim != 2:
            raise ValueError(
                f"'{name}' must be 2-D (alternatives × criteria), got an array of shape {array.shape}"
            )
        frame = pd.DataFrame(array)
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise ValueError(f"'{name}' must have at least one row and one column, got shape {frame.shape}")
    if frame.columns.has_duplicates:
        dup = [str(c) for c in frame.columns[frame.columns.duplicated()].unique()]
        raise ValueError(f"'{name}' has duplicated column(s) {dup}; each criterion must appear once")
    not_numeric = [
        str(c)
        for c in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c])
    ]
    if not_numeric:
        raise ValueError(f"'{name}' columns must be numeric, got non-numeric column(s) {not_numeric}")
    values = frame.to_numpy(dtype=float, na_value=np.nan)
    missing = ~np.isfinite(values)
    if missing.any():
        i, j = np.argwhere(missing)[0]
        raise ValueError(
            f"'{name}' has {int(missing.sum())} missing or infinite value(s), e.g. row {frame.index[i]!r}, "
            f"column {frame.columns[j]!r}; fill or drop them first "
            "(score_sectors offers missing='median' or missing='worst')"
        )
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def labelled_values(values: object, columns: pd.Index, *, name: str) -> np.ndarray:
    """Align a Series to ``columns`` by label, or take a sequence positionally; checks the length."""
    if isinstance(values, pd.Series):
        missing = [str(c) for c in columns if c not in values.index]
        unexpected = [str(c) for c in values.index if c not in columns]
        if missing or unexpected:
            raise ValueError(
                f"'{name}' labels must match the criteria (columns of 'matrix'): "
                f"missing {missing}, unexpected {unexpected}"
            )
        return values.reindex(columns).to_numpy()
    array = np.asarray(values, dtype=object).ravel()
    if array.size != len(columns):
        raise ValueError(
            f"'{name}' has {array.size} entries but 'matrix' has {len(columns)} criteria (columns)"
        )
    return array


def check_weights(weights: object, columns: pd.Index) -> np.ndarray:
    """Weights as a float array: one per criterion, finite, non-negative and summing to 1."""
    raw = labelled_values(weights, columns, name="weights")
    try:
        w = raw.astype(float)
    except (TypeError, ValueError):
        raise ValueError(f"'weights' must be numbers, got {list(raw)}") from None
    if not np.all(np.isfinite(w)):
        raise ValueError(f"'weights' must be finite numbers, got {w.tolist()}")
    if np.any(w < 0):
        j = int(np.argmax(w < 0))
        raise ValueError(f"'weights' must be non-negative, got {w[j]:g} for criterion {columns[j]!r}")
    total = w.sum()
    if abs(total - 1.0) > WEIGHT_TOL:
        raise ValueError(
            f"'weights' must sum to 1, got {total:g}; divide them by their sum if they are relative "
            "importances"
        )
    return w


def check_benefit(benefit: object, columns: pd.Index) -> np.ndarray:
    """Benefit flags as a bool array (all True when None)."""
    if benefit is None:
        return np.ones(len(columns), dtype=bool)
    raw = labelled_values(benefit, columns, name="benefit")
    for j, flag in enumerate(raw):
        if not isinstance(flag, bool | np.bool_):
            raise ValueError(
                f"'benefit' must hold booleans (True = benefit, False = cost), got {flag!r} for criterion "
                f"{columns[j]!r}; for pymcdm-style types (1/-1) pass [t == 1 for t in types]"
            )
    return raw.astype(bool)


def check_domain(frame: pd.DataFrame, method: str) -> None:
    """Method-specific conditions on the raw values."""
    if method == "max":
        lows = frame.min(axis=0)
        if (lows < 0).any():
            col = lows.index[int(np.argmax((lows < 0).to_numpy()))]
            raise ValueError(
                f"'max' normalisation needs non-negative values, column {col!r} has minimum {lows[col]:g}; "
                "use 'minmax' or 'zscore' for growth rates and other signed indicators"
            )


def warn_constant(columns: pd.Index, constant: np.ndarray, *, stacklevel: int) -> None:
    """Warn that the ``constant`` columns cannot discriminate (they were set to 0)."""
    if constant.any():
        names = [str(c) for c in columns[constant]]
        warnings.warn(
            f"criteria {names} have the same value for every alternative; they cannot discriminate and are "
            "set to 0 after normalisation (they add nothing to any score)",
            UserWarning,
            stacklevel=stacklevel + 1,
        )
