"""Cells that are safe to open in a spreadsheet: text is never read as a formula.

A firm, partner or stakeholder name typed into an interview sheet ends up in the workbooks and
CSV files the workbench writes.  A spreadsheet reads text beginning with ``=``, ``+``, ``-``,
``@``, tab or carriage return as a formula (``=HYPERLINK(...)``, DDE payloads), so every writer
passes its cells through :func:`excel_safe` (OWASP, *CSV Injection*,
https://owasp.org/www-community/attacks/CSV_Injection).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["FORMULA_STARTS", "excel_safe"]

#: First characters that make a spreadsheet read a text cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _labels(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_levels([level.map(_text) for level in index.levels])
    return index.map(_text)


def excel_safe(value: Any) -> Any:
    """Make text that a spreadsheet would take for a formula inert; numbers stay numbers.

    * a string beginning with ``= + - @``, tab or carriage return gets a leading ``'`` (for CSV
      files, where nothing else tells a spreadsheet that a cell is text);
    * a DataFrame or Series is returned as a copy with every such text cell, column heading and
      index label quoted that way (for ``to_csv`` and ``to_excel``);
    * an ``openpyxl`` cell holding text is stored as a string with Excel's quote prefix (what
      Excel itself does when a user types ``'=1+1``): the text is shown unchanged, never computed,
      and stays text when the cell is edited.  The cell is returned.

    Anything else (numbers, dates, missing values) is returned unchanged.

    Examples
    --------
    >>> excel_safe('=HYPERLINK("http://x","click")'), excel_safe("-5 %"), excel_safe("Acme"), excel_safe(-5)
    ('\\'=HYPERLINK("http://x","click")', "'-5 %", 'Acme', -5)
    >>> excel_safe(pd.DataFrame({"@name": ["=1+1", "ok"], "n": [1, 2]})).to_dict("list")
    {"'@name": ["'=1+1", 'ok'], 'n': [1, 2]}
    >>> from openpyxl import Workbook
    >>> cell = excel_safe(Workbook().active.cell(row=1, column=1, value="=1+1"))
    >>> cell.value, cell.data_type, cell.quotePrefix
    ('=1+1', 's', True)
    """
    if isinstance(value, pd.DataFrame):
        frame = value.copy()
        text = frame.select_dtypes(include=["object", "string"]).columns
        for column in text:
            frame[column] = frame[column].map(_text)
        frame.columns = _labels(frame.columns)
        frame.index = _labels(frame.index)
        return frame
    if isinstance(value, pd.Series):
        return value.map(_text).rename(_text(value.name)) if value.dtype == object else value
    if hasattr(value, "data_type") and hasattr(value, "quotePrefix"):  # an openpyxl cell
        if isinstance(value.value, str):
            value.data_type = "s"
            if value.value.startswith(FORMULA_STARTS):
                value.quotePrefix = True
        return value
    return _text(value)
