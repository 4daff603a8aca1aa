"""Store the step notebooks without outputs, except the deterministic cells nbval checks.

Notebooks are kept in git without outputs (as nbstripout would), so diffs stay readable and no data
leaks into the repository.  Cells marked ``# NBVAL_CHECK_OUTPUT`` keep their output: ``make test``
runs the notebooks with ``pytest --nbval-lax``, which compares exactly those cells.  With
``--refresh`` the notebooks are first executed with their default parameters to record the outputs
of those cells.

    python scripts/clean_notebooks.py [--refresh] [notebooks/*.ipynb]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
MARKER = "# NBVAL_CHECK_OUTPUT"


def _checked(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith(MARKER)


def clean(path: Path, *, refresh: bool = False) -> None:
    nb = nbformat.read(path, as_version=4)
    executed = None
    if refresh:
        import papermill

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / path.name
            papermill.execute_notebook(str(path), str(out), cwd=str(path.parent), progress_bar=False)
            executed = nbformat.read(out, as_version=4)
        by_source = {c.source: c.outputs for c in executed.cells if _checked(c)}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # nbval skips cells with outputs but no execution count ("unrun"); give checked cells a fixed one.
        cell.execution_count = 1 if _checked(cell) else None
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if _checked(cell):
            if executed is not None:
                cell.outputs = by_source[cell.source]
        else:
            cell.outputs = []
    nb.metadata.pop("papermill", None)
    nbformat.write(nb, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="execute first to record the checked outputs")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    for path in args.paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        clean(path, refresh=args.refresh)
        print(f"cleaned {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
