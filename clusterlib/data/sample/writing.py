"""The sample's CSV dialect: :func:`write_table`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def _general(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _as_text(series: pd.Series, decimals: int | None) -> list[str]:
    values = series.tolist()
    if pd.api.types.is_bool_dtype(series.dtype):
        return ["true" if v else "false" for v in values]
    if pd.api.types.is_float_dtype(series.dtype):
        fmt = _general if decimals is None else (lambda v: f"{v:.{decimals}f}")
        return ["" if v is None or v != v else fmt(v) for v in values]
    if pd.api.types.is_integer_dtype(series.dtype):
        return ["" if v is None or v is pd.NA else str(int(v)) for v in values]
    return ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v) for v in values]


def write_table(frame: pd.DataFrame, path: str | Path, *, decimals: dict[str, int] | None = None) -> Path:
    """Write a table as the sample's CSV dialect: UTF-8, ``,``, ``.`` decimals, ``\\n`` line ends.

    Integers are written as integers, booleans as ``true``/``false``, missing values as empty cells,
    floats with the fixed number of ``decimals`` given for their column or else in their shortest exact
    form, so the same frame always gives the same bytes.

    Parameters
    ----------
    frame : pandas.DataFrame
    path : str or Path
    decimals : dict, optional
        Column name → number of decimals.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> frame = pd.DataFrame({"a": [1, 2], "b": [0.5, None], "c": [True, False], "d": ["x,y", "z"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_table(frame, Path(tmp) / "t.csv", decimals={"b": 2})
    ...     print(path.read_text(encoding="utf-8"), end="")
    a,b,c,d
    1,0.50,true,"x,y"
    2,,false,z
    """
    decimals = decimals or {}
    text = pd.DataFrame({c: _as_text(frame[c], decimals.get(c)) for c in frame.columns}, dtype=object)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        text.to_csv(handle, index=False, lineterminator="\n")
    return path
