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
from collections.abc import Iterable
from functools import cache
from typing import Any

from clusterlib import i18n
from clusterlib.config import RESOURCES_DIR
from clusterlib.report.display import METADATA_KEY

__all__ = ["HIDDEN_TAGS", "clean_notebook", "export_html", "findings"]

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
    """The texts of the findings (:func:`clusterlib.report.finding`) in ``nb``, in order, each once.

    Returns
    -------
    list of str
    """
    texts = [
        str(_cl_meta(out)["text"])
        for out in _outputs(nb)
        if _cl_meta(out).get("kind") == "finding" and _cl_meta(out).get("text")
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
        for key in ("key_findings", "generated", "data_source", "data_version", "figure_fallback")
    }
    version = _version()
    labels["footer"] = i18n.t("report.footer", lang, version=version)
    resources = {
        "cl": {
            "lang": lang,
            "title": title,
            "province": province,
            "generated": i18n.format_date(generated, lang, time=True),
            "data_source": data_source,
            "data_version": data_version,
            "data_version_short": data_version.split(":", 1)[-1][:12],
            "findings": findings(clean),
            "plotly_src": PLOTLY_SRC if _has_figures(clean) else "",
            "css": _css(),
            "labels": labels,
            "version": version,
        },
        "metadata": {"name": title},
    }
    body, _ = _exporter().from_notebook_node(clean, resources=resources)
    return body
