"""Honest labels on a report: what is the synthetic sample and what is official TÜİK data.

A report built from the bundled sample (``data/raw/sample``) is synthetic except the sections
drawn from TÜİK's official tables (``resources/official``).  :func:`mark_outputs` puts a visible
mark on every chart and table of the page, decided once here rather than in every step:

* a chart whose source line is TÜİK's (:data:`clusterlib.official.SOURCE`) is marked
  "Resmî veri: TÜİK, <table>"; every other chart "SENTETİK ÖRNEK VERİ";
* a section (from one level-2 heading to the next) whose charts are all official is an official
  section: its heading carries the official mark and its tables no synthetic mark;
* every other table is marked "SENTETİK ÖRNEK VERİ".

The key-findings box and the workbook carry the mark through :mod:`clusterlib.report.export`
and :mod:`clusterlib.report.workbook`.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from clusterlib import i18n
from clusterlib.report.cleaning import copy_output
from clusterlib.report.display import METADATA_KEY

__all__ = ["badge", "is_sample", "mark_outputs", "official_source"]


def is_sample(nb: Any) -> bool:
    """Whether the executed notebook ran on the bundled synthetic sample.

    Reads the ``data_dir`` parameter papermill recorded (None or the sample folder).
    """
    from clusterlib.config import SAMPLE_DIR

    parameters = (nb.get("metadata", {}).get("papermill") or {}).get("parameters") or {}
    data_dir = parameters.get("data_dir")
    if not data_dir:
        return True
    try:
        return Path(data_dir).resolve() == SAMPLE_DIR.resolve()
    except OSError:
        return False


def badge(kind: str, lang: str, **values: str) -> str:
    """The HTML of one mark: ``kind`` is ``"synthetic"`` or ``"official"``.

    Examples
    --------
    >>> badge("synthetic", "tr")
    '<p class="cl-badge cl-badge-synthetic">SENTETİK ÖRNEK VERİ: resmî istatistik değildir, alıntılanmamalıdır</p>'
    """
    key = "mark.synthetic_long" if kind == "synthetic" else "mark.official"
    text = i18n.t(key, lang, **values)
    return f'<p class="cl-badge cl-badge-{kind}">{html.escape(text)}</p>'


def _meta(output: Any) -> dict:
    meta = output.get("metadata", {}).get(METADATA_KEY)
    return meta if isinstance(meta, dict) else {}


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def official_source(output: Any, lang: str) -> str | None:
    """The TÜİK source line of a chart output (``"TÜİK, <table>"``), or None for other charts."""
    from clusterlib.official import SOURCE

    notes = _meta(output).get("notes")
    if notes is None:  # a notebook executed before the notes were kept in the metadata
        figure = output.get("data", {}).get("application/vnd.plotly.v1+json")
        if isinstance(figure, str):
            figure = json.loads(figure)
        notes = [note.get("text") for note in ((figure or {}).get("layout") or {}).get("annotations") or []]
    prefix = SOURCE[lang]
    for note in notes:
        text = str(note or "")
        if text.startswith(prefix):
            rest = text[len(prefix) :].lstrip(" —,:")
            if rest.startswith("TÜİK"):
                return rest
            return "TÜİK" + (f", {rest}" if rest else "")
    return None


def _insert(output: Any, marker: str, mark: str, *, after: bool) -> None:
    data = output.get("data", {})
    page = _text(data.get("text/html"))
    if not page:
        return
    at = page.find(marker)
    if at < 0:
        data["text/html"] = mark + page
        return
    at = at + len(marker) if after else at
    data["text/html"] = page[:at] + mark + page[at:]


def mark_outputs(nb: Any, lang: str, *, synthetic: bool) -> Any:
    """A copy of the (cleaned) notebook with every chart, table and official heading marked.

    Nothing changes for a report on the user's own data (``synthetic=False``) except the
    official marks on TÜİK charts.  Only the cells, outputs and their ``data`` are copied (a mark
    replaces an output's ``text/html``); the values are shared.
    """
    nb = NotebookNode(
        {
            **nb,
            "cells": [
                NotebookNode({**cell, "outputs": [copy_output(o) for o in cell.get("outputs", [])]})
                if cell.cell_type == "code"
                else cell
                for cell in nb.cells
            ],
        }
    )
    sections: list[list[Any]] = [[]]
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            meta = _meta(output)
            if meta.get("kind") == "heading" and meta.get("level", 2) == 2:
                sections.append([])
            sections[-1].append(output)
    for outputs in sections:
        figures = [o for o in outputs if _meta(o).get("kind") == "figure"]
        sources = [official_source(o, lang) for o in figures]
        official = bool(figures) and all(sources)
        for output, source in zip(figures, sources, strict=True):
            if source:
                _insert(output, '<div class="cl-figure">', badge("official", lang, source=source), after=True)
            elif synthetic:
                _insert(output, '<div class="cl-figure">', badge("synthetic", lang), after=True)
        heading = next((o for o in outputs if _meta(o).get("kind") == "heading"), None)
        if official and heading is not None:
            _insert(heading, "</h2>", badge("official", lang, source="TÜİK"), after=True)
        if synthetic and not official:
            for output in outputs:
                if _meta(output).get("kind") == "table":
                    # inside the table's block, so it prints with the table (report.css keeps it
                    # with the caption and first row)
                    _insert(output, '<div class="cl-table-wrap">', badge("synthetic", lang), after=True)
    return nb
