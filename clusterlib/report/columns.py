"""Column kinds and number formats of a report table: one format per column for the HTML and the XLSX.

A table's frame keeps language-free column ids and raw numbers; :data:`KINDS` names what each column
holds and :func:`column_formats` turns the kinds into one format per column (``"number:2"``,
``"percent:1"``, ``"code"``, ``"text"``), which :mod:`clusterlib.report.tables` uses to write the
HTML cells and :mod:`clusterlib.report.workbook` the XLSX number formats.  Without kinds (older
callers) the format follows the dtype, ``percent_cols``, ``text_cols`` and ``decimals``.
"""

from __future__ import annotations

import datetime as _dt
import numbers
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from clusterlib import i18n

__all__ = ["KINDS", "cell_formatter", "cell_text", "check_legacy_options", "column_formats", "header_text"]

#: The kinds a column can have (``kinds={"employment": "count", "share": "percent"}``), with the
#: format each gives; ``"<kind>:<d>"`` sets the digits after the decimal mark (``"ratio:3"``).
KINDS: dict[str, str] = {
    "count": "number:0",
    "money": "number:0",
    "number": "number",
    "ratio": "number:2",
    "percent": "percent:1",
    "code": "text",
    "text": "text",
}
# A "code" column (years, plates, NACE codes) is text shown as written, never read back as a number.


def column_formats(
    frame: pd.DataFrame,
    kinds: Mapping[object, str] | None = None,
    *,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
) -> list[str]:
    """The format of each column of ``frame``: ``"text"``, ``"code"``, ``"number:<d>"`` or ``"percent:<d>"``.

    With ``kinds`` (column id -> one of :data:`KINDS`, optionally ``"kind:<digits>"``) every column
    must have a kind and nothing is guessed; without it (older callers) the format follows the
    dtype, ``percent_cols``, ``text_cols`` and ``decimals``.

    Examples
    --------
    >>> frame = pd.DataFrame({"year": [2024], "firms": [1234], "share": [0.25], "lq": [1.234]})
    >>> column_formats(frame, {"year": "code", "firms": "count", "share": "percent", "lq": "ratio:3"})
    ['code', 'number:0', 'percent:1', 'number:3']
    """
    if kinds is not None:
        missing = [c for c in frame.columns if c not in kinds]
        extra = [c for c in kinds if c not in frame.columns]
        if missing or extra:
            raise ValueError(
                f"'kinds' must give a kind to every column of the table {list(frame.columns)}: "
                f"missing {missing}, unknown {extra}"
            )
        formats = []
        for position, column in enumerate(frame.columns):
            kind, _, digits = str(kinds[column]).partition(":")
            if kind not in KINDS or (digits and not digits.isdigit()):
                raise ValueError(
                    f"the kind of column {column!r} must be one of {sorted(KINDS)} (optionally "
                    f"'kind:<digits>'), got {kinds[column]!r}"
                )
            base = KINDS[kind]
            if base == "text":
                formats.append("code" if kind == "code" else "text")
            elif digits:
                formats.append(f"{base.split(':')[0]}:{int(digits)}")
            elif base == "number":
                formats.append(f"number:{_auto_decimals(frame.iloc[:, position])}")
            else:
                formats.append(base)
        return formats
    percent = list(percent_cols)
    verbatim = list(text_cols)
    per_column = dict(decimals) if isinstance(decimals, Mapping) else {}
    default = decimals if isinstance(decimals, numbers.Integral) and not isinstance(decimals, bool) else None
    formats = []
    for position, column in enumerate(frame.columns):
        series = frame.iloc[:, position]
        if column in percent:
            formats.append(f"percent:{per_column.get(column, default if default is not None else 1)}")
        elif column in verbatim or _is_code_column(column, series):
            formats.append("code")
        elif not _is_number_column(series):
            formats.append("text")
        else:
            dec = per_column.get(column, default if default is not None else _auto_decimals(series))
            formats.append(f"number:{dec}")
    return formats


def cell_formatter(spec: str, lang: str) -> tuple[bool, Any]:
    """(is a number column, the cell formatter) of a column format."""
    kind, _, digits = spec.partition(":")
    if kind == "percent":
        return True, lambda v, d=int(digits): i18n.format_percent(v, lang, decimals=d)
    if kind == "number":
        return True, lambda v, d=int(digits): i18n.format_number(v, lang, decimals=d)
    if kind == "code":  # shown as written: 2024, not 2.024
        return False, lambda v: i18n.MISSING if cell_text(v, lang) == i18n.MISSING else str(v)
    return False, lambda v: cell_text(v, lang)


def _is_number_column(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


#: Integer columns named like this are codes or years, shown as written (2024, not 2.024).
_CODE_NAME = re.compile(r"(?:^|[_\s])(?:year|yıl|yil|plate|plaka|code|kod|nace|id)(?:$|[_\s])", re.IGNORECASE)


def _is_code_column(column: object, series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series) and bool(_CODE_NAME.search(header_text(column)))


def _auto_decimals(series: pd.Series) -> int:
    values = pd.to_numeric(series, errors="coerce").dropna()
    if pd.api.types.is_integer_dtype(series) or values.empty:
        return 0
    finite = values[values.abs() != float("inf")]
    return 0 if bool((finite == finite.round()).all()) else 2


def cell_text(value: object, lang: str) -> str:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return i18n.MISSING
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return i18n.format_date(value, lang)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):  # a number in a text column
        decimals = 0 if float(value).is_integer() else 2
        return i18n.format_number(value, lang, decimals=decimals)
    return str(value)


def header_text(value: object) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(value)


def check_legacy_options(
    frame: pd.DataFrame,
    decimals: int | Mapping[object, int] | None,
    percent: list[object],
    verbatim: list[object],
) -> None:
    """Refuse ``percent_cols``, ``text_cols`` or ``decimals`` that name no column, or bad digits."""
    unknown_text = [c for c in verbatim if c not in frame.columns]
    if unknown_text:
        raise ValueError(
            f"'text_cols' must name columns of the table {list(frame.columns)}, got {unknown_text}"
        )
    unknown = [c for c in percent if c not in frame.columns]
    if unknown:
        raise ValueError(
            f"'percent_cols' must name columns of the table {list(frame.columns)}, got {unknown}"
        )
    if isinstance(decimals, Mapping):
        bad = [c for c in decimals if c not in frame.columns]
        if bad:
            raise ValueError(f"'decimals' keys must be columns of the table {list(frame.columns)}, got {bad}")
        checked = list(decimals.items())
    elif decimals is None or (isinstance(decimals, numbers.Integral) and not isinstance(decimals, bool)):
        checked = [(None, decimals)] if decimals is not None else []
    else:
        raise TypeError(
            f"'decimals' must be None, an integer or a mapping of column to integer, got {decimals!r}"
        )
    for col, dec in checked:
        if isinstance(dec, bool) or not isinstance(dec, numbers.Integral) or dec < 0:
            raise ValueError(f"'decimals' must be non-negative integers, got {dec!r} for {col!r}")
