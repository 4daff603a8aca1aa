"""Executed notebook → published HTML report (nbconvert, our own template).

What readers get: the outputs of the notebook only (no code, no prompts), the step's findings
lifted into a "Temel bulgular / Key findings" box at the top, headings and labels in the report's
language, one clean print-friendly stylesheet inline, and plotly.js loaded from
``assets/plotly.min.js`` beside the report.  What they never get: the ``parameters`` and
``injected-parameters`` cells, papermill's error banner, tracebacks, warnings on stderr.
"""

from __future__ import annotations

import copy
import datetime as _dt
import os
import re
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import RESOURCES_DIR
from clusterlib.report.display import METADATA_KEY

__all__ = [
    "HIDDEN_TAGS",
    "clean_notebook",
    "export_html",
    "export_xlsx",
    "findings",
    "report_tables",
    "write_report",
]

i18n.add_strings(
    {
        "report.xlsx": {
            "tr": "Bu rapordaki tablolar (Excel, sayfa başına bir tablo)",
            "en": "The tables of this report (Excel, one sheet per table)",
        },
        "report.xlsx_marked": {
            "tr": "Raporda * ile işaretli: doldurulmuş eksik değer.",
            "en": "Marked * in the report: a missing value that was filled in.",
        },
    }
)

TEMPLATES_DIR = RESOURCES_DIR / "templates"
TEMPLATE_NAME = "clreport"

#: Cells with one of these tags never reach a report.
HIDDEN_TAGS: frozenset[str] = frozenset(
    {"parameters", "injected-parameters", "papermill-error-cell-tag", "remove-cell", "remove_cell"}
)

#: Relative URL of plotly.js as seen from a report.
PLOTLY_SRC = "assets/plotly.min.js"


def _cl_meta(output: Any) -> dict:
    meta = output.get("metadata", {}).get(METADATA_KEY)
    return meta if isinstance(meta, dict) else {}


def clean_notebook(nb: Any) -> Any:
    """A copy of ``nb`` holding only what a reader should see.

    Drops cells tagged with one of :data:`HIDDEN_TAGS`, error outputs (tracebacks) and
    ``stderr`` streams, and code cells left with no output.

    Parameters
    ----------
    nb : nbformat.NotebookNode

    Returns
    -------
    nbformat.NotebookNode
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & HIDDEN_TAGS:
            continue
        if cell.cell_type == "code":
            cell.outputs = [
                out
                for out in cell.get("outputs", [])
                if out.get("output_type") != "error"
                and not (out.get("output_type") == "stream" and out.get("name") != "stdout")
            ]
            if not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    return nb


def _outputs(nb: Any) -> Iterable[Any]:
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def findings(nb: Any) -> list[str]:
    """The texts of the key findings (:func:`clusterlib.report.finding` without ``key=False``) in
    ``nb``, in order, each once.

    Returns
    -------
    list of str
    """
    texts = [
        str(_cl_meta(out)["text"])
        for out in _outputs(nb)
        if _cl_meta(out).get("kind") == "finding" and _cl_meta(out).get("text") and _cl_meta(out).get("key", True)
    ]
    return list(dict.fromkeys(texts))  # a sentence repeated in several sections is listed once


def report_tables(nb: Any) -> list[dict]:
    """The tables of ``nb`` (:func:`clusterlib.report.table`) with their data, in order.

    Returns
    -------
    list of dict
        ``{"sheet": name, "caption": ..., "data": {"columns", "rows", "formats", "marks"}}``; sheet
        names are unique, at most 31 characters and free of the characters Excel forbids.
    """
    out: list[dict] = []
    used: set[str] = set()
    for out_meta in (_cl_meta(o) for o in _outputs(nb)):
        if out_meta.get("kind") != "table" or not isinstance(out_meta.get("table"), dict):
            continue
        name = _sheet_name(out_meta.get("sheet") or out_meta.get("caption") or f"Table {len(out) + 1}", used)
        used.add(name.casefold())
        out.append({"sheet": name, "caption": out_meta.get("caption"), "data": out_meta["table"]})
    return out


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(name: str, used: set[str]) -> str:
    base = " ".join(_SHEET_FORBIDDEN.sub(" ", str(name)).split()).strip("'")[:31].strip() or "Table"
    candidate, n = base, 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    return candidate


def _number_format(fmt: str) -> str | None:
    kind, _, digits = fmt.partition(":")
    decimals = int(digits or 0)
    fraction = "." + "0" * decimals if decimals else ""
    if kind == "percent":
        return f"0{fraction}%"
    if kind == "number":
        return f"#,##0{fraction}"
    return None


def export_xlsx(nb: Any, path: str | os.PathLike[str], *, lang: str) -> Path | None:
    """Write every table of a report into one workbook, a sheet per table (atomically).

    Headers are as the report shows them (in its language), numbers are stored as numbers with
    the report's number of decimals as the cell format (Excel shows them in the reader's own
    locale), missing values are empty cells, marked cells (``*`` in the report) are highlighted
    and carry a comment.  Nothing is written when the report has no table.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook.
    path : path
        The ``.xlsx`` file, normally the report's path with the suffix changed.
    lang : {"tr", "en"}
        Language of the workbook's properties and of the note on marked cells.

    Returns
    -------
    Path or None
        The file written, or None when there was no table.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    from clusterlib.cellsafe import excel_safe

    lang = i18n.check_language(lang)
    tables = report_tables(clean_notebook(nb))
    if not tables:
        return None
    book = Workbook()
    book.remove(book.active)
    marked_fill = PatternFill("solid", fgColor="FFF2CC")
    for item in tables:
        sheet = book.create_sheet(item["sheet"])
        data = item["data"]
        row_offset = 1
        if item.get("caption"):
            excel_safe(sheet.cell(row=1, column=1, value=str(item["caption"]))).font = Font(italic=True)
            row_offset = 2
        for j, header in enumerate(data["columns"], start=1):
            excel_safe(sheet.cell(row=row_offset, column=j, value=str(header))).font = Font(bold=True)
            sheet.column_dimensions[sheet.cell(row=row_offset, column=j).column_letter].width = min(
                max(10, len(str(header)) + 2), 60
            )
        formats = [_number_format(f) for f in data["formats"]]
        for i, row in enumerate(data["rows"]):
            for j, value in enumerate(row):
                cell = excel_safe(sheet.cell(row=row_offset + 1 + i, column=j + 1, value=value))
                if formats[j] and isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = formats[j]
        for i, j in data.get("marks", []):
            cell = sheet.cell(row=row_offset + 1 + i, column=j + 1)
            cell.fill = marked_fill
            cell.comment = Comment(i18n.t("report.xlsx_marked", lang), "clusterlib")
        sheet.freeze_panes = sheet.cell(row=row_offset + 1, column=1)
    book.properties.creator = "clusterlib"
    book.properties.language = lang
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.chmod(temporary, 0o644)  # mkstemp makes it 0600
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _has_figures(nb: Any) -> bool:
    for out in _outputs(nb):
        if _cl_meta(out).get("kind") == "figure":
            return True
        html = out.get("data", {}).get("text/html", "")
        if "plotly-graph-div" in ("".join(html) if isinstance(html, list) else html):
            return True
    return False


@cache
def _css() -> str:
    return (TEMPLATES_DIR / "report.css").read_text(encoding="utf-8")


@cache
def _exporter() -> Any:
    from nbconvert.exporters import TemplateExporter

    class _ReportExporter(TemplateExporter):
        output_mimetype = "text/html"
        export_from_notebook = None

        def _file_extension_default(self) -> str:
            return ".html"

    return _ReportExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def _version() -> str:
    import clusterlib

    return str(getattr(clusterlib, "__version__", "unknown"))


def export_html(
    nb: Any,
    *,
    lang: str,
    title: str,
    province: str,
    generated: _dt.datetime,
    data_source: str,
    data_version: str,
    xlsx_name: str | None = None,
) -> str:
    """Render an executed notebook as a report page.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (it is not modified).
    lang : {"tr", "en"}
        Language of the page (``<html lang>``) and of its labels.
    title : str
        Step title, e.g. ``"Sektör seçimi"``.
    province : str
        Province name as readers write it, e.g. ``"Kahramanmaraş"``.
    generated : datetime
        When the report was made.
    data_source : str
        Plain-language data source, e.g. ``"Paketle gelen örnek veri"``.
    data_version : str
        ``"sha256:…"`` version of the input data (:func:`clusterlib.report.data_version`).
    xlsx_name : str, optional
        File name of the report's workbook beside it (:func:`export_xlsx`); the page links to it.

    Returns
    -------
    str
        The HTML page.  It references one file, ``assets/plotly.min.js`` (only when the report
        has charts); everything else is inline.
    """
    lang = i18n.check_language(lang)
    clean = clean_notebook(nb)
    labels = {
        key: i18n.t(f"report.{key}", lang)
        for key in ("key_findings", "generated", "data_source", "data_version", "figure_fallback", "xlsx")
    }
    version = _version()
    labels["footer"] = i18n.t("report.footer", lang, version=version)
    resources = {
        "cl": {
            "lang": lang,
            "title": title,
            "province": province,
            "generated": i18n.format_date(generated, lang, time=True, zone=generated.tzinfo is not None),
            "data_source": data_source,
            "data_version": data_version,
            "data_version_short": data_version.split(":", 1)[-1][:12],
            "findings": findings(clean),
            "plotly_src": PLOTLY_SRC if _has_figures(clean) else "",
            "css": _css(),
            "xlsx": xlsx_name or "",
            "labels": labels,
            "version": version,
        },
        "metadata": {"name": title},
    }
    body, _ = _exporter().from_notebook_node(clean, resources=resources)
    return body


def render_report(
    nb: Any,
    path: str | os.PathLike[str],
    *,
    lang: str,
    title: str,
    province: str,
    generated: _dt.datetime,
    data_source: str,
    data_version: str,
) -> str:
    """Write the report's workbook ``<report>.xlsx`` beside ``path`` and return the page that links to it.

    The workbook is written atomically now (when the report has tables, :func:`export_xlsx`; a stale
    one is removed when it has none); the page is returned for the caller to write (the runner writes
    it and records it in one locked step).

    Returns
    -------
    str
        The HTML page of :func:`export_html`, linking to the workbook when one was written.
    """
    target = Path(path).with_suffix(".xlsx")
    workbook = export_xlsx(nb, target, lang=lang)
    if workbook is None:
        target.unlink(missing_ok=True)  # a workbook left from an earlier run would not match this page
    return export_html(
        nb,
        lang=lang,
        title=title,
        province=province,
        generated=generated,
        data_source=data_source,
        data_version=data_version,
        xlsx_name=workbook.name if workbook is not None else None,
    )


def write_report(
    nb: Any,
    path: str | os.PathLike[str],
    *,
    lang: str,
    title: str,
    province: str,
    generated: _dt.datetime,
    data_source: str,
    data_version: str,
) -> list[Path]:
    """Write a report page and, when it has tables, its workbook ``<report>.xlsx`` beside it.

    Both files are written atomically; the page links to the workbook.  Every step that shows its
    tables through :func:`clusterlib.report.table` gets its XLSX without more code.

    Returns
    -------
    list of Path
        The HTML page, then the workbook if one was written.
    """
    from clusterlib.report._files import atomic_write_text

    page = Path(path)
    html = render_report(
        nb,
        page,
        lang=lang,
        title=title,
        province=province,
        generated=generated,
        data_source=data_source,
        data_version=data_version,
    )
    atomic_write_text(page, html)
    workbook = page.with_suffix(".xlsx")
    return [page] + ([workbook] if workbook.is_file() else [])
