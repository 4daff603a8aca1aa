"""The report's tables as one Excel workbook a committee member can sort, sum and print.

:func:`export_xlsx` writes every table of an executed report notebook
(:func:`clusterlib.report.table`) into ``<report>.xlsx``:

* a first sheet "Hakkında" / "About": province, step, date, data source and version, the
  synthetic-data warning (bundled sample) and how numbers are stored;
* one sheet per table, named after its sheet name, caption or section heading (Turkish in a
  Turkish report, at most 31 characters, unique, free of the characters Excel forbids);
* numbers as numbers with a number format (``0%``, ``#,##0``, ``0.00``): a table made with column
  kinds (:class:`clusterlib.report.tables.Table` with ``kinds=``) hands over raw numbers and one
  format per column, so nothing is read back.  Only legacy ``"text"`` columns (a step that still
  writes its numbers out as text, ``"%82"``, ``"2.053"``, ``"−0,23"``) are read back cell by cell
  with :func:`parse_shown_number` (a range such as ``"46,2–51,2"`` stays text);
* fitted column widths, a frozen header row and an autofilter;
* written atomically, readable by a web server (mode 0644).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.report.display import METADATA_KEY

__all__ = ["export_xlsx", "parse_shown_number", "report_tables"]


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MINUS = "\u2212"
#: A number as the report writes it, per language: optional sign, optional per-cent sign before
#: (Turkish) or after (English), digits with group marks, decimals.
_NUMBER = {
    "tr": re.compile(r"^(?P<sign>[+\u2212-]?)(?P<pre>%?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?(?P<post>)$"),
    "en": re.compile(r"^(?P<sign>[+\u2212-]?)(?P<pre>)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?(?P<post>%?)$"),
}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: Headers of code columns, whose digits are not quantities.
_CODE_HEADER = re.compile(r"(?:^|[_\s(])(?:nace|kod|code|plaka|plate|id)(?:$|[_\s)])", re.IGNORECASE)


def _meta(output: Any) -> dict:
    meta = output.get("metadata", {}).get(METADATA_KEY)
    return meta if isinstance(meta, dict) else {}


def _outputs(nb: Any) -> Iterable[Any]:
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def _sheet_name(name: str, used: set[str]) -> str:
    base = " ".join(_SHEET_FORBIDDEN.sub(" ", str(name)).split()).strip("'")[:31].strip() or "Table"
    candidate, n = base, 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)].rstrip() + suffix, n + 1
    return candidate


def report_tables(nb: Any, *, lang: str = "tr") -> list[dict]:
    """The tables of ``nb`` (:func:`clusterlib.report.table`) with their data, in order.

    A table's sheet is named by its ``sheet``, else its caption, else the heading of its section
    (the last heading before it), else "Tablo n" / "Table n".

    Returns
    -------
    list of dict
        ``{"sheet": name, "caption": ..., "section": heading, "data": {"columns", "rows", "formats",
        "marks"}}``; sheet names are unique, at most 31 characters and free of the characters Excel
        forbids.
    """
    out: list[dict] = []
    used: set[str] = {i18n.t("workbook.about", lang).casefold()}
    section = ""
    for output in _outputs(nb):
        meta = _meta(output)
        if meta.get("kind") == "heading" and meta.get("text"):
            section = str(meta["text"])
            continue
        if meta.get("kind") != "table" or not isinstance(meta.get("table"), dict):
            continue
        fallback = i18n.t("workbook.table", lang, n=len(out) + 1)
        name = _sheet_name(meta.get("sheet") or meta.get("caption") or section or fallback, used)
        used.add(name.casefold())
        out.append({"sheet": name, "caption": meta.get("caption"), "section": section, "data": meta["table"]})
    return out


def parse_shown_number(text: object, lang: str) -> tuple[float, str] | None:
    """A number written as the report writes it, read back: ``(value, kind)`` or None.

    Only for legacy ``"text"`` columns: tables made with column kinds carry raw numbers and need no
    read-back.  Remove it when no step hands over numbers written as text.

    ``kind`` is ``"percent:<d>"`` (the value a proportion) or ``"number:<d>"`` with ``d`` the
    decimals shown.  Only whole cells that are one number parse; ``"46,2–51,2"`` does not.

    Examples
    --------
    >>> parse_shown_number("%8,3", "tr")
    (0.083, 'percent:1')
    >>> parse_shown_number("\\u22120,23", "tr")
    (-0.23, 'number:2')
    >>> parse_shown_number("1.936,00", "tr"), parse_shown_number("2,053", "en")
    ((1936.0, 'number:2'), (2053.0, 'number:0'))
    >>> parse_shown_number("TR83", "tr") is None
    True
    """
    if not isinstance(text, str):
        return None
    match = _NUMBER[lang].match(text.strip().replace("\u00a0", ""))
    if match is None:
        return None
    group = "." if lang == "tr" else ","
    digits = match["int"].replace(group, "")
    decimals = match["dec"] or ""
    value = float(f"{digits}.{decimals}" if decimals else digits)
    if match["sign"] in ("-", _MINUS):
        value = -value
    if match["pre"] or match["post"]:
        return round(value / 100, len(decimals) + 2), f"percent:{len(decimals)}"
    return value, f"number:{len(decimals)}"


def _cell_as_number(value: object, lang: str) -> tuple[object, str | None]:
    """A text cell written as a number (``"%82"``, ``"2.053"``, ``"2013"``) as the number and its kind."""
    if not isinstance(value, str):
        return value, None
    if _YEAR.match(value.strip()):
        return int(value), "year"
    number = parse_shown_number(value, lang)
    if number is None:
        return value, None
    return number


def _number_format(fmt: str) -> str | None:
    if fmt == "year":
        return "0"
    kind, _, digits = fmt.partition(":")
    decimals = int(digits or 0)
    fraction = "." + "0" * decimals if decimals else ""
    if kind == "percent":
        return f"0{fraction}%"
    if kind == "number":
        return f"#,##0{fraction}"
    return None


def _shown_width(value: object, fmt: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return len(f"{value:,.2f}") if fmt else len(str(value))
    return max((len(line) for line in str(value).splitlines()), default=0)


def _about_rows(lang: str, about: dict[str, Any], tables: list[dict]) -> list[tuple[str, str]]:
    rows = [
        (i18n.t("workbook.province", lang), about.get("province")),
        (i18n.t("workbook.step", lang), about.get("title")),
        (i18n.t("workbook.generated", lang), about.get("generated")),
        (i18n.t("workbook.source", lang), about.get("data_source")),
        (i18n.t("workbook.version", lang), about.get("data_version")),
    ]
    if about.get("synthetic"):
        rows.append((i18n.t("workbook.warning", lang), i18n.t("workbook.synthetic", lang)))
    rows.append((i18n.t("workbook.units", lang), i18n.t("workbook.units_text", lang)))
    return [(k, str(v)) for k, v in rows if v]


def export_xlsx(
    nb: Any,
    path: str | os.PathLike[str],
    *,
    lang: str,
    province: str | None = None,
    title: str | None = None,
    generated: _dt.datetime | str | None = None,
    data_source: str | None = None,
    data_version: str | None = None,
    synthetic: bool = False,
) -> Path | None:
    """Write every table of a report into one workbook, after an "About" sheet (atomically, 0644).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (cleaned of hidden cells by the caller or not: hidden tables are
        dropped here too).
    path : path
        The ``.xlsx`` file, normally the report's path with the suffix changed.
    lang : {"tr", "en"}
        Language of the sheet names, the About sheet and the note on marked cells.
    province, title, generated, data_source, data_version : optional
        What the About sheet says about the report.
    synthetic : bool, default False
        The report is built from the bundled synthetic sample: the About sheet and every sheet's
        printed footer say so.

    Returns
    -------
    Path or None
        The file written, or None when the report has no table.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from clusterlib.cellsafe import excel_safe
    from clusterlib.files import atomic_write
    from clusterlib.report.export import clean_notebook

    lang = i18n.check_language(lang)
    tables = report_tables(clean_notebook(nb), lang=lang)
    if not tables:
        return None
    if isinstance(generated, _dt.datetime):
        generated = i18n.format_date(generated, lang, time=True, zone=generated.tzinfo is not None)
    book = Workbook()
    about = book.active
    about.title = i18n.t("workbook.about", lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    rows = _about_rows(
        lang,
        {"province": province, "title": title, "generated": generated, "data_source": data_source,
         "data_version": data_version, "synthetic": synthetic},
        tables,
    )  # fmt: skip
    for i, (key, value) in enumerate(rows, start=1):
        about.cell(row=i, column=1, value=key).font = Font(bold=True)
        cell = excel_safe(about.cell(row=i, column=2, value=value))
        cell.alignment = wrap
        if key == i18n.t("workbook.warning", lang):
            cell.font = Font(bold=True, color="B3261E")
    start = len(rows) + 2
    about.cell(row=start, column=1, value=i18n.t("workbook.sheets", lang)).font = Font(bold=True)
    for i, item in enumerate(tables, start=start + 1):
        excel_safe(about.cell(row=i, column=1, value=item["sheet"]))
        excel_safe(about.cell(row=i, column=2, value=item.get("caption") or item.get("section") or "")).alignment = wrap
    about.column_dimensions["A"].width = 32
    about.column_dimensions["B"].width = 90

    marked_fill = PatternFill("solid", fgColor="FFF2CC")
    for item in tables:
        sheet = book.create_sheet(item["sheet"])
        data = item["data"]
        header_row = 1
        if item.get("caption"):
            excel_safe(sheet.cell(row=1, column=1, value=str(item["caption"]))).font = Font(italic=True)
            header_row = 2
        rows_ = [list(r) for r in data["rows"]]
        column_formats = [_number_format(f) for f in data["formats"]]
        cell_formats: dict[tuple[int, int], str | None] = {}
        for j, fmt in enumerate(data["formats"]):
            if fmt != "text" or _CODE_HEADER.search(str(data["columns"][j])):
                continue  # codes (NACE 32, plate 55) stay as written
            for i, row in enumerate(rows_):  # numbers a step handed over written out: back to numbers
                row[j], kind = _cell_as_number(row[j], lang)
                if kind is not None:
                    cell_formats[i, j] = _number_format(kind)
        widths = [len(str(h)) for h in data["columns"]]
        for j, header in enumerate(data["columns"], start=1):
            cell = excel_safe(sheet.cell(row=header_row, column=j, value=str(header)))
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        for i, row in enumerate(rows_):
            for j, value in enumerate(row):
                cell = excel_safe(sheet.cell(row=header_row + 1 + i, column=j + 1, value=value))
                number_format = cell_formats.get((i, j), column_formats[j])
                if number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = number_format
                elif isinstance(value, str) and len(value) > 60:
                    cell.alignment = wrap
                widths[j] = max(widths[j], _shown_width(value, number_format))
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = min(max(8, width + 2), 60)
        for i, j in data.get("marks", []):
            cell = sheet.cell(row=header_row + 1 + i, column=j + 1)
            cell.fill = marked_fill
            cell.comment = Comment(i18n.t("report.xlsx_marked", lang), "clusterlib")
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        last = get_column_letter(max(1, len(data["columns"])))
        sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + max(1, len(rows_))}"
        if synthetic:
            sheet.oddFooter.center.text = i18n.t("workbook.footer_synthetic", lang)
        sheet.oddHeader.center.text = " – ".join(str(x) for x in (province, title) if x)
    book.properties.creator = "clusterlib"
    book.properties.language = lang
    if title:
        book.properties.title = " – ".join(str(x) for x in (province, title) if x)
    target = Path(path)
    with atomic_write(target, "wb", encoding=None) as handle:
        book.save(handle)
    return target
