"""Tables for reports: locale number formats, every text HTML-escaped."""

from __future__ import annotations

import datetime as _dt
import html
import numbers
import re
from collections.abc import Iterable, Mapping

import pandas as pd

from clusterlib import i18n
from clusterlib.report.display import check_text, publish

__all__ = ["table", "table_html"]

_NUM = ' class="num"'


def _is_number_column(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


#: Integer columns named like this are codes or years, shown as written (2024, not 2.024).
_CODE_NAME = re.compile(r"(?:^|[_\s])(?:year|yıl|yil|plate|plaka|code|kod|nace|id)(?:$|[_\s])", re.IGNORECASE)


def _is_code_column(column: object, series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series) and bool(_CODE_NAME.search(_label(column)))


def _auto_decimals(series: pd.Series) -> int:
    values = pd.to_numeric(series, errors="coerce").dropna()
    if pd.api.types.is_integer_dtype(series) or values.empty:
        return 0
    finite = values[values.abs() != float("inf")]
    return 0 if bool((finite == finite.round()).all()) else 2


def _cell_text(value: object, lang: str) -> str:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return i18n.MISSING
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return i18n.format_date(value, lang)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):  # a number in a text column
        decimals = 0 if float(value).is_integer() else 2
        return i18n.format_number(value, lang, decimals=decimals)
    return str(value)


def _label(value: object) -> str:
    if isinstance(value, tuple):
        return " / ".join(str(v) for v in value)
    return str(value)


def _table_html(
    frame: pd.DataFrame,
    lang: str,
    caption: str | None,
    decimals: int | Mapping[object, int] | None,
    percent_cols: Iterable[object],
    text_cols: Iterable[object] = (),
) -> str:
    percent = list(percent_cols)
    verbatim = list(text_cols)
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
        per_column = dict(decimals)
    elif decimals is None or (isinstance(decimals, numbers.Integral) and not isinstance(decimals, bool)):
        per_column = {}
    else:
        raise TypeError(
            f"'decimals' must be None, an integer or a mapping of column to integer, got {decimals!r}"
        )
    for col, dec in [(None, decimals)] if isinstance(decimals, numbers.Integral) else per_column.items():
        if isinstance(dec, bool) or not isinstance(dec, numbers.Integral) or dec < 0:
            raise ValueError(f"'decimals' must be non-negative integers, got {dec!r} for {col!r}")

    show_index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    formatters = []
    for position, column in enumerate(frame.columns):
        series = frame.iloc[:, position]
        if column in percent:
            dec = per_column.get(column, decimals if isinstance(decimals, numbers.Integral) else 1)
            formatters.append((True, lambda v, d=dec: i18n.format_percent(v, lang, decimals=d)))
        elif column in verbatim or _is_code_column(column, series):
            formatters.append(
                (False, lambda v: i18n.MISSING if _cell_text(v, lang) == i18n.MISSING else str(v))
            )
        elif _is_number_column(series):
            dec = per_column.get(
                column, decimals if isinstance(decimals, numbers.Integral) else _auto_decimals(series)
            )
            formatters.append((True, lambda v, d=dec: i18n.format_number(v, lang, decimals=d)))
        else:
            formatters.append((False, lambda v: _cell_text(v, lang)))

    esc = html.escape
    parts = ['<div class="cl-table-wrap"><table class="cl-table">']
    if caption is not None:
        parts.append(f"<caption>{esc(check_text(caption, 'caption'))}</caption>")
    header = [f'<th scope="col">{esc(_label(frame.index.name or ""))}</th>'] if show_index else []
    header += [
        f'<th scope="col"{_NUM if is_num else ""}>{esc(_label(c))}</th>'
        for c, (is_num, _) in zip(frame.columns, formatters, strict=True)
    ]
    parts.append(f"<thead><tr>{''.join(header)}</tr></thead><tbody>")
    for index_value, row in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        cells = [f'<th scope="row">{esc(_cell_text(_label(index_value), lang))}</th>'] if show_index else []
        for value, (is_num, fmt) in zip(row, formatters, strict=True):
            text = fmt(value) if not is_num or not isinstance(value, str) else _cell_text(value, lang)
            cells.append(f'<td class="num">{esc(text)}</td>' if is_num else f"<td>{esc(text)}</td>")
        parts.append(f"<tr>{''.join(cells)}</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def table_html(
    df: pd.DataFrame,
    *,
    lang: str,
    caption: str | None = None,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
) -> str:
    """The HTML of :func:`table` as a string, for widgets that show a table outside a report cell.

    Examples
    --------
    >>> html = table_html(pd.DataFrame({"il": ["Çorum"], "istihdam": [12345]}), lang="tr")
    >>> "12.345" in html and "<table" in html
    True
    """
    return _table_html(df, i18n.check_language(lang), caption, decimals, percent_cols, text_cols)


def table(
    df: pd.DataFrame | pd.Series,
    *,
    lang: str,
    caption: str | None = None,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
) -> None:
    """Display a table with the number formats of ``lang`` and every text HTML-escaped.

    Numbers are right-aligned and written as Turkish ``1.234,5`` or English ``1,234.5``
    (:func:`clusterlib.i18n.format_number`); ``percent_cols`` hold proportions shown as
    ``%12,5`` / ``12.5%``; missing values show as ``–``.  Column names, index labels, the
    caption and text cells are escaped, so a firm name like ``<script>`` shows as text.

    Parameters
    ----------
    df : pandas.DataFrame or Series
        The index is shown when it is not the default ``RangeIndex``.
    lang : {"tr", "en"}
    caption : str, optional
    decimals : int or mapping of column to int, optional
        Digits after the decimal mark.  Default: 0 for whole numbers, 2 otherwise, 1 for
        percentages.
    percent_cols : iterable of column labels, default ()
        Columns holding proportions (``0.125`` is 12.5 per cent).
    text_cols : iterable of column labels, default ()
        Columns shown as written, without number formatting (codes, years).  Integer columns
        named ``year``, ``yıl``, ``plate``, ``plaka``, ``code``, ``kod``, ``nace`` or ``id`` (alone
        or as a ``_``-separated part, e.g. ``base_year``) are shown as written anyway.

    Raises
    ------
    TypeError
        When ``df`` is not a DataFrame or Series, or ``decimals`` has the wrong type.
    ValueError
        For an unknown language, unknown ``percent_cols``, ``text_cols`` or ``decimals`` columns,
        or negative ``decimals``.
    """
    lang = i18n.check_language(lang)
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"'df' must be a pandas DataFrame or Series, got {type(df).__name__}")
    markup = _table_html(df, lang, caption, decimals, percent_cols, text_cols)
    publish({"text/html": markup, "text/plain": df.to_string(max_rows=30)}, "table", caption=caption)
