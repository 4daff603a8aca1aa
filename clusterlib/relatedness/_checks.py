"""Input checks shared by the relatedness and complexity functions.

Every check names the argument in quotes, says what was received and what is allowed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_SHOW = 5  # how many offending labels an error message lists


def check_frame(matrix: object, name: str) -> pd.DataFrame:
    """Return ``matrix`` if it is a non-empty DataFrame of non-negative numbers without gaps."""
    if not isinstance(matrix, pd.DataFrame):
        raise TypeError(
            f"'{name}' must be a DataFrame with regions as rows and sectors as columns, "
            f"got {type(matrix).__name__}"
        )
    if matrix.empty:
        raise ValueError(f"'{name}' is empty; expected regions as rows and sectors as columns")
    for axis, labels in (("region", matrix.index), ("sector", matrix.columns)):
        if labels.has_duplicates:
            dupes = list(labels[labels.duplicated()].unique()[:_SHOW])
            raise ValueError(f"'{name}' has duplicate {axis} labels {dupes}; aggregate them first")
    values = matrix.to_numpy(dtype=float)
    if np.isnan(values).any() or (values < 0).any() or np.isinf(values).any():
        raise ValueError(f"'{name}' must hold finite non-negative numbers without gaps (NaN)")
    return matrix


def check_incidence(incidence: object, name: str = "incidence") -> np.ndarray:
    """Return a 0/1 regions × sectors frame's values as floats, or raise naming the argument."""
    frame = check_frame(incidence, name)
    values = frame.to_numpy(dtype=float)
    if not np.isin(values, (0.0, 1.0)).all():
        raise ValueError(
            f"'{name}' must hold 0/1 (or booleans); build it with presence(matrix) or location_quotient(m) >= 1"
        )
    return values


def check_threshold(value: object, name: str = "rca_threshold") -> float:
    """A positive finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.number) or not np.isfinite(value):
        raise TypeError(f"'{name}' must be a positive number, got {value!r}")
    if value <= 0:
        raise ValueError(f"'{name}' must be positive (RCA ≥ threshold marks presence), got {value!r}")
    return float(value)
