"""Conversions between long tables (``province, nace, year, value``) and region x sector matrices."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import _labels, check_long, check_matrix, numeric_column


def _codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Factorise an opaque label column, sorted when its labels can be ordered."""
    try:
        codes, uniques = pd.factorize(column, sort=True)
    except TypeError:  # mixed label types (e.g. plate ints and names) cannot be ordered
        codes, uniques = pd.factorize(column, sort=False)
    if (codes < 0).any():
        row = int(np.argmax(codes < 0))
        raise ValueError(f"'long' column {column.name!r} has missing labels, e.g. in row {row}")
    return codes, pd.Index(uniques, name=column.name)


def to_matrix(long: pd.DataFrame, *, value: str = "employment", year: int | None = None,
              region: str = "province", sector: str = "nace") -> pd.DataFrame:
    """Pivot a long table into a region x sector matrix for one year.

    Cells absent from the long table, or with a missing value, become 0 (no employment).

    Parameters
    ----------
    long : DataFrame
        Columns ``region``, ``sector``, ``value`` and, when it holds several years, ``year``.
        Region labels are opaque: plate numbers or names both work.
    value : str, default "employment"
        Column to put in the cells (employment, value added, exports...).
    year : int, optional
        Year to keep. Required when ``long`` has more than one year.
    region, sector : str
        Names of the label columns.

    Returns
    -------
    DataFrame
        Regions as rows (index named ``region``), sectors as columns (named ``sector``), labels
        sorted when they can be ordered.

    Raises
    ------
    TypeError
        ``long`` is not a DataFrame or ``value`` is not numeric.
    ValueError
        Missing columns, no row for ``year``, several years without ``year``, negative values,
        or the same region x sector pair twice.

    See Also
    --------
    to_long : The inverse conversion.

    Examples
    --------
    >>> long = pd.DataFrame({"province": ["TR-06", "TR-06", "TR-34"], "nace": ["C10", "C13", "C10"],
    ...                      "year": 2023, "employment": [5, 3, 8]})
    >>> to_matrix(long)
    nace      C10  C13
    province
    TR-06     5.0  3.0
    TR-34     8.0  0.0
    """
    check_long(long, "long", [region, sector, value])
    if year is not None:
        if "year" not in long.columns:
            raise ValueError(
                f"'year' was given ({year!r}) but 'long' has no 'year' column; it has {list(long.columns)}"
            )
        available = sorted(pd.unique(long["year"]).tolist())
        long = long[long["year"] == year]
        if long.empty:
            raise ValueError(f"'long' has no rows for year {year!r}; available: {available}")
    elif "year" in long.columns and long["year"].nunique() > 1:
        years = sorted(pd.unique(long["year"]).tolist())
        raise ValueError(f"'long' holds several years {years}; pass year= to choose one")
    values = np.nan_to_num(numeric_column(long, value, "long", keys=(region, sector)))
    rows, row_labels = _codes(long[region])
    cols, col_labels = _codes(long[sector])
    flat = rows * len(col_labels) + cols
    counts = np.bincount(flat, minlength=len(row_labels) * len(col_labels))
    if (counts > 1).any():
        dup = int(np.argmax(counts > 1))
        raise ValueError(
            f"'long' has several rows for {region} {_labels([row_labels[dup // len(col_labels)]])[0]!r}, "
            f"{sector} {_labels([col_labels[dup % len(col_labels)]])[0]!r}; aggregate them first "
            "(e.g. long.groupby([...], as_index=False).sum())"
        )
    data = np.bincount(flat, weights=values, minlength=counts.size).reshape(len(row_labels), len(col_labels))
    return pd.DataFrame(data, index=row_labels, columns=col_labels)


def to_long(matrix: pd.DataFrame, *, value: str = "employment", year: int | None = None,
            region: str | None = None, sector: str | None = None) -> pd.DataFrame:
    """Melt a region x sector matrix into a long table, one row per cell (zeros kept).

    Parameters
    ----------
    matrix : DataFrame
        Regions as rows, sectors as columns.
    value : str, default "employment"
        Name of the value column.
    year : int, optional
        When given, a ``year`` column holding it is added.
    region, sector : str, optional
        Names of the label columns; default to the matrix's index and column names, else
        ``"province"`` and ``"nace"``.

    Returns
    -------
    DataFrame
        Columns ``region, sector, [year,] value``, regions in matrix order, sectors within.

    Raises
    ------
    TypeError, ValueError
        As :func:`location_quotient` for an invalid matrix.

    See Also
    --------
    to_matrix : The inverse conversion.

    Examples
    --------
    >>> m = pd.DataFrame({"C10": [5, 8], "C13": [3, 0]}, index=pd.Index(["TR-06", "TR-34"], name="province"))
    >>> to_long(m, year=2023)
      province nace  year  employment
    0    TR-06  C10  2023         5.0
    1    TR-06  C13  2023         3.0
    2    TR-34  C10  2023         8.0
    3    TR-34  C13  2023         0.0
    """
    values = check_matrix(matrix, "matrix")
    region = region or matrix.index.name or "province"
    sector = sector or matrix.columns.name or "nace"
    n_rows, n_cols = values.shape
    out = {
        region: matrix.index.repeat(n_cols).to_numpy(),
        sector: np.tile(matrix.columns.to_numpy(), n_rows),
    }
    if year is not None:
        out["year"] = np.full(n_rows * n_cols, year)
    out[value] = values.ravel()
    return pd.DataFrame(out)


def _to_array(long: pd.DataFrame, value: str, *, region: str = "province", sector: str = "nace",
              year: str = "year", extra: tuple[str | None, ...] = ()) -> tuple[np.ndarray, ...]:
    """Dense ``(year, region, sector)`` arrays of ``value`` and of each ``extra`` column.

    Returns ``(values, years, regions, sectors, *extras)``: ``values`` has zeros for absent
    cells, each extra array NaN (or None when its name is None). Years are sorted numerically.
    """
    columns = [region, sector, year, value] + [c for c in extra if c is not None]
    check_long(long, "long", columns)
    if not pd.api.types.is_numeric_dtype(long[year].dtype) or long[year].isna().any():
        raise TypeError(
            f"'long' column {year!r} must hold numeric years without missing values, "
            f"got dtype {long[year].dtype}"
        )
    keys = (region, sector, year)
    values = np.nan_to_num(numeric_column(long, value, "long", keys=keys))
    t_codes, years = pd.factorize(long[year], sort=True)
    j_codes, regions = _codes(long[region])
    i_codes, sectors = _codes(long[sector])
    shape = (len(years), len(regions), len(sectors))
    flat = (t_codes * shape[1] + j_codes) * shape[2] + i_codes
    size = shape[0] * shape[1] * shape[2]
    counts = np.bincount(flat, minlength=size)
    if (counts > 1).any():
        t, rest = divmod(int(np.argmax(counts > 1)), shape[1] * shape[2])
        j, i = divmod(rest, shape[2])
        raise ValueError(
            f"'long' has several rows for {region} {_labels([regions[j]])[0]!r}, {sector} "
            f"{_labels([sectors[i]])[0]!r}, {year} {_labels([years[t]])[0]!r}; aggregate them first"
        )
    out = [np.bincount(flat, weights=values, minlength=size).reshape(shape), years, regions, sectors]
    for column in extra:
        if column is None:
            out.append(None)
            continue
        arr = np.full(size, np.nan)
        arr[flat] = numeric_column(long, column, "long", keys=keys)
        out.append(arr.reshape(shape))
    return tuple(out)
