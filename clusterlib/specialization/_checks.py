"""Input checks shared by the specialisation functions.

Every check names the argument in quotes, shows what was received and says what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from clusterlib.checks import check_choice

_SHOW = 5  # how many offending labels an error message lists


def _labels(values: Iterable[object]) -> list[object]:
    """Up to ``_SHOW`` labels as plain Python objects (for readable messages)."""
    out = []
    for value in values:
        out.append(value.item() if isinstance(value, np.generic) else value)
        if len(out) == _SHOW:
            break
    return out


def _is_numeric(dtype: object) -> bool:
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def check_matrix(matrix: object, name: str = "matrix", *, allow_nan: bool = False,
                 allow_negative: bool = False) -> np.ndarray:
    """Check a region x sector DataFrame and return its values as a float array.

    Raises
    ------
    TypeError
        Not a DataFrame, or a column is not numeric.
    ValueError
        Empty, duplicate labels, missing (unless ``allow_nan``), infinite or negative (unless
        ``allow_negative``) values.
    """
    if not isinstance(matrix, pd.DataFrame):
        raise TypeError(
            f"'{name}' must be a pandas DataFrame with regions as rows and sectors as columns, "
            f"got {type(matrix).__name__}"
        )
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise ValueError(
            f"'{name}' is empty ({matrix.shape[0]} regions x {matrix.shape[1]} sectors); "
            "it needs at least one region (row) and one sector (column)"
        )
    for axis, labels in (("region", matrix.index), ("sector", matrix.columns)):
        if labels.has_duplicates:
            dupes = _labels(labels[labels.duplicated()].unique())
            raise ValueError(f"'{name}' has duplicate {axis} labels: {dupes}; aggregate them first")
    bad = [col for col, dtype in matrix.dtypes.items() if not _is_numeric(dtype)]
    if bad:
        raise TypeError(
            f"'{name}' must hold numbers only; column(s) {_labels(bad)} have dtype "
            f"{[str(matrix[c].dtype) for c in bad[:_SHOW]]}"
        )
    values = matrix.to_numpy(dtype=float)
    _check_values(values, name, matrix.index, matrix.columns,
                  allow_nan=allow_nan, allow_negative=allow_negative)
    return values


def _where(index: pd.Index, columns: pd.Index, mask: np.ndarray) -> str:
    rows, cols = np.nonzero(mask)
    return f"region {_labels([index[rows[0]]])[0]!r}, sector {_labels([columns[cols[0]]])[0]!r}"


def _check_values(values: np.ndarray, name: str, index: pd.Index, columns: pd.Index,
                  *, allow_nan: bool, allow_negative: bool = False) -> None:
    nan = np.isnan(values)
    if nan.any() and not allow_nan:
        raise ValueError(
            f"'{name}' has {int(nan.sum())} missing value(s) (NaN), e.g. at "
            f"{_where(index, columns, nan)}; fill them only where a missing value truly means zero "
            "(an absent sector), never where it means unknown"
        )
    if np.isinf(values).any():
        raise ValueError(f"'{name}' has infinite values, e.g. at {_where(index, columns, np.isinf(values))}")
    with np.errstate(invalid="ignore"):
        negative = values < 0
    if negative.any() and not allow_negative:
        rows, cols = np.nonzero(negative)
        raise ValueError(
            f"'{name}' must not be negative; found {float(values[rows[0], cols[0]])!r} at "
            f"{_where(index, columns, negative)}"
        )


def check_same_labels(start: pd.DataFrame, end: pd.DataFrame, names: tuple[str, str] = ("start", "end"),
                      *, align: str = "strict") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the two matrices on common labels, or raise naming the labels missing from each.

    ``align="strict"`` requires the same regions and sectors (order may differ); ``"union"``
    reindexes both to the union of labels, filling absent cells with zero.
    """
    check_choice(align, ["strict", "union"], name="align")
    first, second = names
    if align == "union":
        index = start.index.union(end.index, sort=False)
        columns = start.columns.union(end.columns, sort=False)
        return (start.reindex(index=index, columns=columns, fill_value=0),
                end.reindex(index=index, columns=columns, fill_value=0))
    for axis, a, b in (("regions", start.index, end.index), ("sectors", start.columns, end.columns)):
        if not a.equals(b) and (len(a) != len(b) or not a.isin(b).all()):
            parts = []
            if len(missing := a.difference(b, sort=False)):
                parts.append(f"missing in '{second}': {_labels(missing)}")
            if len(missing := b.difference(a, sort=False)):
                parts.append(f"missing in '{first}': {_labels(missing)}")
            raise ValueError(
                f"'{first}' and '{second}' must have the same {axis}; " + "; ".join(parts)
                + " (pass align='union' to treat absent cells as zero)"
            )
    return start, end.reindex(index=start.index, columns=start.columns)


def check_long(long: object, name: str, columns: Iterable[str]) -> pd.DataFrame:
    """Check that ``long`` is a non-empty DataFrame with the given columns."""
    if not isinstance(long, pd.DataFrame):
        raise TypeError(f"'{name}' must be a pandas DataFrame in long form, got {type(long).__name__}")
    if long.empty:
        raise ValueError(f"'{name}' is empty; it needs at least one row")
    missing = [c for c in columns if c not in long.columns]
    if missing:
        raise ValueError(f"'{name}' is missing column(s) {missing}; it has {list(long.columns)}")
    return long


def numeric_column(long: pd.DataFrame, column: str, name: str, *, keys: Sequence[str] = ()) -> np.ndarray:
    """Return ``long[column]`` as floats (NaN kept); raise if not numeric, infinite or negative."""
    series = long[column]
    if not _is_numeric(series.dtype):
        raise TypeError(f"'{name}' column {column!r} must be numeric, got dtype {series.dtype}")
    values = series.to_numpy(dtype=float, na_value=np.nan)
    bad = np.isinf(values) | (np.nan_to_num(values) < 0)
    if bad.any():
        row = int(np.argmax(bad))
        where = ", ".join(f"{k} {_labels([long[k].iloc[row]])[0]!r}" for k in keys)
        raise ValueError(
            f"'{name}' column {column!r} must be finite and not negative; found {float(values[row])!r} "
            f"in row {row}" + (f" ({where})" if where else "")
        )
    return values
