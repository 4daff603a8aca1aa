"""JupyterLab as ``make lab`` starts it: outputs never saved into the notebooks, no news prompt.

``make lab`` puts :data:`LAB_CONFIG_DIR` on ``JUPYTER_CONFIG_PATH``.  That folder holds

* ``jupyter_server_config.json``: :func:`strip_outputs` as the contents manager's pre-save hook, so
  running the notebooks (and Lab's autosave) never writes outputs, widget state or parameter runs'
  metadata into the tracked files; the cells ``# NBVAL_CHECK_OUTPUT`` keep theirs (nbval compares
  them), as ``scripts/clean_notebooks.py`` does;
* ``labconfig/default_setting_overrides.json``: Lab's defaults for this project: no "official Jupyter
  news?" prompt and no news or update fetching (the tool works offline), and every notebook cell
  kept rendered (``windowingMode: none``), so the views of the workbench stay alive when scrolled
  out of sight.

The user's own Jupyter settings still win over these defaults.  The browser test starts its
JupyterLab with the same folder (``tests/_lab.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from clusterlib.config import RESOURCES_DIR

__all__ = ["CHECK_MARKER", "LAB_CONFIG_DIR", "strip_outputs"]

#: The folder ``make lab`` adds to ``JUPYTER_CONFIG_PATH``.
LAB_CONFIG_DIR = RESOURCES_DIR / "lab"
#: Cells starting with this comment keep their stored output (nbval checks it).
CHECK_MARKER = "# NBVAL_CHECK_OUTPUT"


def _checked(cell: Mapping[str, Any]) -> bool:
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    return cell.get("cell_type") == "code" and text.lstrip().startswith(CHECK_MARKER)


def strip_outputs(model: MutableMapping[str, Any], **_kwargs: Any) -> None:
    """A Jupyter server ``pre_save_hook``: drop outputs, execution counts and widget state before saving.

    Called with the contents model of every file the server saves; anything but a notebook is
    left alone.

    Examples
    --------
    >>> model = {"type": "notebook", "content": {"metadata": {"widgets": {}}, "cells": [
    ...     {"cell_type": "code", "source": "1 + 1", "outputs": [{"data": {}}], "execution_count": 3,
    ...      "metadata": {"execution": {}}},
    ...     {"cell_type": "code", "source": "# NBVAL_CHECK_OUTPUT\\n2", "outputs": [{"data": {}}],
    ...      "execution_count": 4, "metadata": {}}]}}
    >>> strip_outputs(model)
    >>> [(c["outputs"] != [], c["execution_count"]) for c in model["content"]["cells"]]
    [(False, None), (True, 1)]
    >>> model["content"]["metadata"], model["content"]["cells"][0]["metadata"]
    ({}, {})
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), MutableMapping):
        return
    notebook = model["content"]
    metadata = notebook.get("metadata", {})
    for key in ("widgets", "papermill"):
        metadata.pop(key, None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        for key in ("execution", "papermill"):
            cell.get("metadata", {}).pop(key, None)
        if _checked(cell):
            cell["execution_count"] = 1  # nbval skips checked cells without an execution count
        else:
            cell["outputs"] = []
            cell["execution_count"] = None
