"""Tables for reports: locale number formats, every text HTML-escaped, the data kept for the XLSX.

:func:`table` is the one way a step shows a table.  Besides the HTML it publishes the table's data
(numbers as numbers, headers as shown, per-column number formats) in the output metadata, from which
:func:`clusterlib.report.export.export_xlsx` writes every table of a report into one workbook.
"""

from __future__ import annotations

import datetime as _dt
import html
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from clusterlib import i18n
from clusterlib.report.columns import (
    KINDS,
    cell_formatter,
    cell_text,
    check_legacy_options,
    column_formats,
    header_text,
)
from clusterlib.report.display import Notice, Omitted, check_text, notice, publish

__all__ = ["KINDS", "Table", "column_formats", "table", "table_data", "table_html"]


@dataclass(frozen=True, eq=False)
class Table:
    """A table with its display settings, as a step's presentation layer returns it.

    ``report.table(Table(...))`` displays it; the fields are the keyword arguments of :func:`table`.
    ``marks`` is a boolean frame of the same shape: marked cells get a ``*`` (imputed values…).
    ``sheet`` names the table's sheet in the report's XLSX (default: the caption, else "Table n").

    The template's way: ``frame`` keeps language-free column ids and raw numbers; ``kinds`` gives
    every column its kind by id (:data:`KINDS`: count, money, number, ratio, percent, code, text),
    ``labels`` the shown header of each id in the report's language.  Then nothing is guessed:
    the HTML and the XLSX (numbers as numbers, with a number format) come from the same kinds.
    ``decimals``/``percent_cols``/``text_cols`` are the older way (dtype-guessed formats).

    >>> frame = pd.DataFrame({"year": [2024], "share": [0.125]})
    >>> spec = Table(frame, "tr", kinds={"year": "code", "share": "percent"}, labels={"year": "Yıl", "share": "Pay"})
    >>> "<td>2024</td>" in table_html(spec.frame, lang="tr", kinds=spec.kinds, labels=spec.labels)
    True
    """

    frame: pd.DataFrame
    lang: str
    caption: str | None = None
    decimals: int | Mapping[object, int] | None = None
    percent_cols: Iterable[object] = ()
    text_cols: Iterable[object] = ()
    marks: pd.DataFrame | None = None
    sheet: str | None = None
    kinds: Mapping[object, str] | None = None
    labels: Mapping[object, str] | None = None


def _shown(frame: pd.DataFrame, labels: Mapping[object, str] | None) -> pd.DataFrame:
    """The frame with its column ids replaced by the shown labels (ids without a label kept)."""
    if not labels:
        return frame
    unknown = [c for c in labels if c not in frame.columns]
    if unknown:
        raise ValueError(f"'labels' must name columns of the table {list(frame.columns)}, got {unknown}")
    return frame.rename(columns=lambda c: labels.get(c, c))


_NUM = ' class="num"'

#: Tables with more columns than this get the class ``cl-wide`` (smaller type on paper, to fit A4).
_WIDE_COLUMNS = 8


def _check_marks(frame: pd.DataFrame, marks: pd.DataFrame | None) -> pd.DataFrame | None:
    if marks is None:
        return None
    if not isinstance(marks, pd.DataFrame) or marks.shape != frame.shape:
        shape = getattr(marks, "shape", None)
        raise ValueError(
            f"'marks' must be a boolean DataFrame of the table's shape {frame.shape}, got {shape}"
        )
    return marks.fillna(False).astype(bool)


def _table_html(
    frame: pd.DataFrame,
    lang: str,
    caption: str | None,
    decimals: int | Mapping[object, int] | None,
    percent_cols: Iterable[object],
    text_cols: Iterable[object] = (),
    marks: pd.DataFrame | None = None,
    kinds: Mapping[object, str] | None = None,
    labels: Mapping[object, str] | None = None,
    compact: bool = False,
) -> str:
    if kinds is None:
        check_legacy_options(frame, decimals, list(percent_cols), list(text_cols))
    formats = column_formats(frame, kinds, decimals=decimals, percent_cols=percent_cols, text_cols=text_cols)
    frame = _shown(frame, labels)
    show_index = _shows_index(frame)
    marked = _check_marks(frame, marks)
    formatters = [cell_formatter(spec, lang) for spec in formats]

    esc = html.escape
    wide = " cl-wide" if len(frame.columns) + show_index > _WIDE_COLUMNS else ""
    wide += " cl-compact" if compact else ""
    parts = [f'<div class="cl-table-wrap"><table class="cl-table{wide}">']
    if caption is not None:
        parts.append(f"<caption>{esc(check_text(caption, 'caption'))}</caption>")
    header = [f'<th scope="col">{esc(header_text(frame.index.name or ""))}</th>'] if show_index else []
    header += [
        f'<th scope="col"{_NUM if is_num else ""}>{esc(header_text(c))}</th>'
        for c, (is_num, _) in zip(frame.columns, formatters, strict=True)
    ]
    parts.append(f"<thead><tr>{''.join(header)}</tr></thead><tbody>")
    for i, (index_value, row) in enumerate(
        zip(frame.index, frame.itertuples(index=False, name=None), strict=True)
    ):
        cells = [f'<th scope="row">{esc(cell_text(header_text(index_value), lang))}</th>'] if show_index else []
        for j, (value, (is_num, fmt)) in enumerate(zip(row, formatters, strict=True)):
            text = fmt(value) if not is_num or not isinstance(value, str) else cell_text(value, lang)
            star = marked is not None and bool(marked.iat[i, j])
            classes = " ".join(c for c in ("num" if is_num else "", "cl-marked" if star else "") if c)
            attr = f' class="{classes}"' if classes else ""
            cells.append(f"<td{attr}>{esc(text)}{' *' if star else ''}</td>")
        parts.append(f"<tr>{''.join(cells)}</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def _shows_index(frame: pd.DataFrame) -> bool:
    return not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)


def _json_value(value: object) -> object:
    """A cell as JSON: numbers stay numbers, missing becomes None, the rest text."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return value.isoformat()
    return str(value)


def table_data(
    frame: pd.DataFrame,
    *,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
    marks: pd.DataFrame | None = None,
    kinds: Mapping[object, str] | None = None,
    labels: Mapping[object, str] | None = None,
) -> dict[str, Any]:
    """The table as plain JSON data for the report's XLSX: headers as shown, numbers as numbers.

    Returns
    -------
    dict
        ``columns`` (header texts; the index first when it is shown), ``rows`` (lists of numbers,
        texts or None), ``formats`` (one per column, from :func:`column_formats`: ``"text"``,
        ``"code"``, ``"percent:<d>"`` or ``"number:<d>"``) and ``marks`` (``[row, column]`` pairs
        of marked cells).

    Examples
    --------
    >>> data = table_data(pd.DataFrame({"Sector": ["a"], "Share": [0.25]}), percent_cols=["Share"])
    >>> data["columns"], data["rows"], data["formats"]
    (['Sector', 'Share'], [['a', 0.25]], ['text', 'percent:1'])
    >>> frame = pd.DataFrame({"sector": ["a"], "share": [0.25]})
    >>> data = table_data(frame, kinds={"sector": "text", "share": "percent"}, labels={"share": "Pay"})
    >>> data["columns"], data["formats"]
    (['sector', 'Pay'], ['text', 'percent:1'])
    """
    formats = column_formats(frame, kinds, decimals=decimals, percent_cols=percent_cols, text_cols=text_cols)
    shown = _shown(frame, labels)
    show_index = _shows_index(shown)
    columns = ([header_text(shown.index.name or "")] if show_index else []) + [header_text(c) for c in shown.columns]
    rows = []
    for index_value, row in zip(shown.index, shown.itertuples(index=False, name=None), strict=True):
        values = [_json_value(v) for v in row]
        rows.append(([header_text(index_value)] if show_index else []) + values)
    marked = _check_marks(shown, marks)
    offset = 1 if show_index else 0
    pairs = (
        []
        if marked is None
        else [[int(i), int(j) + offset] for i, j in zip(*marked.to_numpy().nonzero(), strict=True)]
    )
    return {"columns": columns, "rows": rows, "formats": (["text"] if show_index else []) + formats, "marks": pairs}


def table_html(
    df: pd.DataFrame,
    *,
    lang: str,
    caption: str | None = None,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
    marks: pd.DataFrame | None = None,
    kinds: Mapping[object, str] | None = None,
    labels: Mapping[object, str] | None = None,
    compact: bool = False,
) -> str:
    """The HTML of :func:`table` without displaying it (for widgets and other pages).

    ``compact=True`` sets smaller type (class ``cl-compact``), as in a report's technical details.

    Examples
    --------
    >>> html = table_html(pd.DataFrame({"x": [1234.5]}), lang="tr")
    >>> html.startswith('<div class="cl-table-wrap">'), '<td class="num">1.234,50</td>' in html
    (True, True)
    """
    lang = i18n.check_language(lang)
    return _table_html(df, lang, caption, decimals, percent_cols, text_cols, marks, kinds, labels, compact)


def table(
    df: pd.DataFrame | pd.Series | Table | Notice | Omitted,
    *,
    lang: str | None = None,
    caption: str | None = None,
    decimals: int | Mapping[object, int] | None = None,
    percent_cols: Iterable[object] = (),
    text_cols: Iterable[object] = (),
    marks: pd.DataFrame | None = None,
    sheet: str | None = None,
    kinds: Mapping[object, str] | None = None,
    labels: Mapping[object, str] | None = None,
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
    marks : DataFrame of bool, optional
        Same shape as ``df``: cells shown with a ``*`` (e.g. imputed values; say what it means in
        the caption).
    sheet : str, optional
        Name of the table's sheet in the report's XLSX (default: the caption, else "Table n").
    kinds : mapping of column id to kind, optional
        Every column's kind (:data:`KINDS`, e.g. ``{"firms": "count", "share": "percent:0"}``);
        when given, ``decimals``, ``percent_cols`` and ``text_cols`` are not used and nothing is
        guessed from the dtype or the column name.
    labels : mapping of column id to header, optional
        The header shown for each column id (in the report's language).

    ``df`` may also be a :class:`Table` (its fields replace the keyword arguments) or a
    :class:`~clusterlib.report.display.Notice` (displayed as a note instead of a table), or an
    :class:`~clusterlib.report.display.Omitted` (nothing displayed).

    Every table also publishes its data (:func:`table_data`) in the output metadata
    (``{"clusterlib": {"kind": "table", "caption", "sheet", "table": data}}``), and the
    report's exporter writes all of them into ``<report>.xlsx`` beside the HTML.

    Raises
    ------
    TypeError
        When ``df`` is not a DataFrame or Series, or ``decimals`` has the wrong type.
    ValueError
        For an unknown language, unknown ``percent_cols``, ``text_cols`` or ``decimals`` columns,
        or negative ``decimals``.
    """
    if isinstance(df, Omitted):
        return
    if isinstance(df, Notice):
        notice(df.text)
        return
    if isinstance(df, Table):
        spec = df
        df, lang, caption, decimals = spec.frame, spec.lang, spec.caption, spec.decimals
        percent_cols, text_cols, marks, sheet = spec.percent_cols, spec.text_cols, spec.marks, spec.sheet
        kinds, labels = spec.kinds, spec.labels
    lang = i18n.check_language(lang)
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"'df' must be a pandas DataFrame or Series, got {type(df).__name__}")
    percent_cols, text_cols = list(percent_cols), list(text_cols)
    markup = _table_html(df, lang, caption, decimals, percent_cols, text_cols, marks, kinds, labels)
    data = table_data(
        df, decimals=decimals, percent_cols=percent_cols, text_cols=text_cols, marks=marks, kinds=kinds, labels=labels
    )
    publish(
        {"text/html": markup, "text/plain": df.to_string(max_rows=30)},
        "table",
        caption=caption,
        sheet=sheet,
        table=data,
    )
