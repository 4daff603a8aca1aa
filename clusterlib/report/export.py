"""Executed notebook → published HTML report (nbconvert, our own template).

What readers get: the outputs of the notebook only (no code, no prompts), the step's findings
lifted into a "Temel bulgular / Key findings" box at the top, headings and labels in the report's
language, one clean print-friendly stylesheet inline, plotly.js inline (a report e-mailed on its own
still draws its charts), a navigation bar to the province's other steps, and a visible mark on what
is synthetic sample data (:mod:`clusterlib.report.marks`).  What they never get: the ``parameters`` and
``injected-parameters`` cells, papermill's error banner, tracebacks, warnings on stderr.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import RESOURCES_DIR
from clusterlib.report.cleaning import HIDDEN_TAGS, clean_notebook, page_notebook
from clusterlib.report.display import METADATA_KEY
from clusterlib.report.glossary import glossary_for
from clusterlib.report.marks import is_sample, mark_outputs
from clusterlib.report.workbook import export_xlsx, report_tables

__all__ = [
    "HIDDEN_TAGS",
    "clean_notebook",
    "export_html",
    "export_xlsx",
    "findings",
    "report_tables",
    "write_report",
]


TEMPLATES_DIR = RESOURCES_DIR / "templates"
TEMPLATE_NAME = "clreport"

#: Relative URL of plotly.js as seen from a report.
PLOTLY_SRC = "assets/plotly.min.js"


def _cl_meta(output: Any) -> dict:
    meta = output.get("metadata", {}).get(METADATA_KEY)
    return meta if isinstance(meta, dict) else {}


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


def _has_figures(nb: Any) -> bool:
    for out in _outputs(nb):
        if _cl_meta(out).get("kind") == "figure":
            return True
        html = out.get("data", {}).get("text/html", "")
        if "plotly-graph-div" in ("".join(html) if isinstance(html, list) else html):
            return True
    return False


#: The " (sample, d2348bbb153c)" the runner appends to the bundled sample's data source: the header
#: shows the version on its own line.  A user's data folder keeps its name in the header.
_RUN_SUFFIX = re.compile(r" \(sample, [0-9a-f]{6,}\)$")

#: The four steps of the methodology, in order, as the navigation bar lists them.
STEP_IDS: tuple[str, ...] = ("needs_assessment", "sector_selection", "value_chain_mapping", "monitoring_benchmarking")


@cache
def _plotly_js() -> str:
    from clusterlib.report.assets import plotly_js_path

    text = plotly_js_path().read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script")


def _visible_text(nb: Any) -> str:
    """The text a reader sees in the report's outputs (findings, headings, tables, paragraphs)."""
    parts = []
    for out in _outputs(nb):
        meta = _cl_meta(out)
        if meta.get("kind") == "figure":
            continue
        plain = out.get("data", {}).get("text/plain", "") or out.get("text", "")
        parts.append("".join(plain) if isinstance(plain, list) else str(plain))
    return "\n".join(parts)


def finding_items(text: str) -> dict:
    """A key finding as its lead sentence and its bullet lines (``"\\n• …"``), for a nested list.

    Examples
    --------
    >>> finding_items("Needs and actors:\\n• R&D → university\\n• Export → none\\nEvery need is met.")
    {'text': 'Needs and actors: Every need is met.', 'bullets': ['R&D → university', 'Export → none']}
    >>> finding_items("One sentence.")
    {'text': 'One sentence.', 'bullets': []}
    """
    lead, items = [], []
    for line in (part.strip() for part in text.split("\n")):
        if line.startswith(("• ", "- ")):
            items.append(line[2:].strip())
        elif line:
            lead.append(line)
    return {"text": " ".join(lead), "bullets": items}


def navigation(province: str, step: str | None, lang: str) -> dict:
    """The links of a report's navigation bar: the province's four steps, the national page, the index.

    Paths are relative to ``<lang>/<province>/<step>.html`` (the runner's layout).

    Examples
    --------
    >>> nav = navigation("Samsun", "sector_selection", "tr")
    >>> [(s["n"], s["title"], s["current"]) for s in nav["steps"]][:2]
    [(1, 'İhtiyaç analizi', False), (2, 'Sektör seçimi', True)]
    >>> nav["national"]["href"], nav["index"]["href"]
    ('../national.html', '../index.html')
    """
    from clusterlib.report.titles import step_title

    steps = [
        {"n": n, "id": sid, "title": step_title(sid, lang), "href": f"{sid}.html", "current": sid == step}
        for n, sid in enumerate(STEP_IDS, start=1)
    ]
    return {
        "label": i18n.t("nav.label", lang),
        "province": province,
        "steps": steps,
        "national": {"title": i18n.t("nav.national", lang), "href": "../national.html"},
        "index": {"title": i18n.t("nav.index", lang), "href": "../index.html"},
    }


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
        optimistic_validation=True,  # validate the page once, not after each of its 11 preprocessors
    )


def _version() -> str:
    from clusterlib.version import __version__

    return __version__


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
    step: str | None = None,
    plotly: str = "inline",
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
    step : str, optional
        Id of the step (``"sector_selection"``): the navigation bar marks it as the current page.
    plotly : {"inline", "beside"}, default "inline"
        ``"inline"`` writes plotly.js into the page, so that a report e-mailed on its own still
        draws every chart (about 4.7 MB a page); ``"beside"`` loads it from
        ``assets/plotly.min.js`` next to the report (smaller pages, but the folder must travel).

    Returns
    -------
    str
        The HTML page.  With ``plotly="inline"`` it references no file but its workbook and the
        pages of the navigation bar.
    """
    lang = i18n.check_language(lang)
    if plotly not in ("inline", "beside"):
        raise ValueError(f"'plotly' must be one of ['inline', 'beside'], got {plotly!r}")
    synthetic = is_sample(nb)
    clean = mark_outputs(clean_notebook(nb), lang, synthetic=synthetic)
    labels = {
        key: i18n.t(f"report.{key}", lang)
        for key in ("key_findings", "generated", "data_source", "data_version", "figure_fallback", "xlsx")
    }
    labels["synthetic"] = i18n.t("mark.synthetic_long", lang)
    labels["glossary"] = i18n.t("report.glossary", lang)
    figures = _has_figures(clean)
    version = _version()
    labels["footer"] = i18n.t("report.footer", lang, version=version)
    resources = {
        "cl": {
            "lang": lang,
            "title": title,
            "province": province,
            "generated": i18n.format_date(generated, lang, time=True, zone=generated.tzinfo is not None),
            "data_source": _RUN_SUFFIX.sub("", data_source),
            "data_version": data_version,
            "data_version_short": data_version.split(":", 1)[-1][:12],
            "findings": [finding_items(text) for text in findings(clean)],
            "glossary": glossary_for(_visible_text(clean), lang),
            "synthetic": synthetic,
            "nav": navigation(province, step, lang),
            "plotly_src": PLOTLY_SRC if figures and plotly == "beside" else "",
            "plotly_inline": _plotly_js() if figures and plotly == "inline" else "",
            "css": _css(),
            "xlsx": xlsx_name or "",
            "labels": labels,
            "version": version,
        },
        "metadata": {"name": title},
    }
    body, _ = _exporter().from_notebook_node(page_notebook(clean), resources=resources)
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
    workbook = export_xlsx(
        nb,
        target,
        lang=lang,
        province=province,
        title=title,
        generated=generated,
        data_source=_RUN_SUFFIX.sub("", data_source),
        data_version=data_version,
        synthetic=is_sample(nb),
    )
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
        step=Path(path).stem,
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
    from clusterlib.files import atomic_write_text

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
