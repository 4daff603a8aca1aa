"""Step notebooks are stored clean and thin: no outputs (but the nbval-checked cells), a parameters cell
first, every cell a few lines of library calls."""

from __future__ import annotations

import ast

import nbformat
import pytest

from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.run import REQUIRED_PARAMETERS

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def test_there_is_a_sector_selection_notebook():
    assert "02_sector_selection.ipynb" in [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs_except_checked_cells(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.source.lstrip().startswith("# NBVAL_CHECK_OUTPUT"):
            assert cell.outputs, f"cell {index} is checked by nbval but has no stored output"
        else:
            assert cell.outputs == [] and cell.execution_count is None, f"cell {index} has outputs"
    assert "papermill" not in nb.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_tagged_parameters_with_the_contract(path):
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    assigned = {t.id for node in ast.parse(first.source).body if isinstance(node, ast.Assign) for t in node.targets}
    assert set(REQUIRED_PARAMETERS) <= assigned


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_are_thin(path):
    """No function or class definitions and no loops in notebooks: logic lives in clusterlib."""
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        forbidden = (ast.FunctionDef, ast.ClassDef, ast.For, ast.While, ast.Lambda)
        assert not any(isinstance(node, forbidden) for node in ast.walk(tree)), f"cell {index} holds logic"
        assert len(cell.source.splitlines()) <= 12, f"cell {index} is long"
