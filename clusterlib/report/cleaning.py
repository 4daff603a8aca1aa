"""What of an executed notebook a report page shows, copied without the weight of its figures.

:func:`clean_notebook` keeps what a reader should see; :func:`page_notebook` is what nbconvert then
renders, without the bundles only JupyterLab draws.  The copies are structural (new cells, outputs
and ``data`` mappings, the values shared), so a figure's plotly JSON — tens of thousands of objects
in a sector-selection report — is neither deep-copied nor validated over and over: an export took
about 0.9 s a report with deep copies, about 0.1 s without, and writes the same bytes.
"""

from __future__ import annotations

import copy
from typing import Any

from nbformat import NotebookNode

__all__ = ["HIDDEN_TAGS", "LAB_ONLY", "clean_notebook", "copy_output", "page_notebook"]

#: Cells with one of these tags never reach a report.
HIDDEN_TAGS: frozenset[str] = frozenset(
    {"parameters", "injected-parameters", "papermill-error-cell-tag", "remove-cell", "remove_cell"}
)

#: Mime types only JupyterLab's renderers draw; a report page shows the ``text/html`` beside them.
LAB_ONLY: tuple[str, ...] = ("application/vnd.plotly.v1+json",)


def copy_output(output: Any) -> Any:
    """A copy of a notebook output with a new ``data`` mapping, its values shared (not deep-copied).

    Examples
    --------
    >>> from nbformat.v4 import new_output
    >>> chart = new_output("display_data", {"text/html": "<div>chart</div>"})
    >>> copied = copy_output(chart)
    >>> copied.data["text/html"] = "<p>marked</p>"
    >>> chart.data["text/html"]
    '<div>chart</div>'
    """
    data = output.get("data")
    if data is None:
        return NotebookNode(dict(output))
    return NotebookNode({**output, "data": NotebookNode(dict(data))})


def clean_notebook(nb: Any) -> Any:
    """A copy of ``nb`` holding only what a reader should see.

    Drops cells tagged with one of :data:`HIDDEN_TAGS`, error outputs (tracebacks) and
    ``stderr`` streams, and code cells left with no output.  The copy is structural (new cells,
    outputs and their ``data``), the values are shared: a figure's plotly JSON (tens of thousands
    of objects) is not copied.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        Not modified.

    Returns
    -------
    nbformat.NotebookNode

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> chart = new_output("display_data", {"text/html": "<div>chart</div>"})
    >>> error = new_output("error", ename="ValueError", evalue="", traceback=[])
    >>> nb = new_notebook(cells=[new_code_cell(outputs=[chart, error]), new_code_cell(outputs=[error])])
    >>> clean = clean_notebook(nb)
    >>> len(clean.cells), len(clean.cells[0].outputs), clean.cells[0].outputs[0].data is chart.data
    (1, 1, False)
    """
    cells = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & HIDDEN_TAGS:
            continue
        if cell.cell_type == "code":
            outputs = [
                copy_output(out)
                for out in cell.get("outputs", [])
                if out.get("output_type") != "error"
                and not (out.get("output_type") == "stream" and out.get("name") != "stdout")
            ]
            if not outputs:
                continue
            cell = NotebookNode({**cell, "outputs": outputs})
        cells.append(cell)
    return NotebookNode({**nb, "cells": cells})


def page_notebook(nb: Any) -> Any:
    """``nb`` without the :data:`LAB_ONLY` bundles of outputs that have an HTML version, deep-copied.

    What nbconvert renders (it copies and validates the notebook again: without the figures' JSON,
    a few thousand objects rather than a few hundred thousand).

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_notebook, new_output
    >>> figure = new_output("display_data", {"text/html": "<div>chart</div>", LAB_ONLY[0]: {"data": []}})
    >>> page = page_notebook(new_notebook(cells=[new_code_cell(outputs=[figure])]))
    >>> list(page.cells[0].outputs[0].data), list(figure.data)
    (['text/html'], ['text/html', 'application/vnd.plotly.v1+json'])
    """
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell = NotebookNode({**cell, "outputs": [_without_lab_only(out) for out in cell.get("outputs", [])]})
        cells.append(cell)
    return copy.deepcopy(NotebookNode({**nb, "cells": cells}))


def _without_lab_only(output: Any) -> Any:
    data = output.get("data")
    if not data or "text/html" not in data or not any(kind in data for kind in LAB_ONLY):
        return output
    return NotebookNode({**output, "data": NotebookNode({k: v for k, v in data.items() if k not in LAB_ONLY})})
