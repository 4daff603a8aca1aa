"""Discovery of the methodology steps: one notebook ``NN_<step>.ipynb`` per step.

Adding ``notebooks/05_benchmarking.ipynb`` adds the step ``benchmarking`` (run fifth) to every
report run and to the command line, with no change to the pipeline.  Each notebook must follow
the parameter contract (:data:`REQUIRED_PARAMETERS`), checked before any kernel starts.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.report.titles import step_title

__all__ = [
    "INTERACTIVE_TAG",
    "REQUIRED_PARAMETERS",
    "NotebookContractError",
    "Step",
    "discover_steps",
    "interactive_cells",
    "report_notebook",
    "resolve_steps",
    "step_weight",
]

#: Names the first code cell (tagged ``parameters``) of every step notebook must assign.
REQUIRED_PARAMETERS: tuple[str, ...] = ("province", "lang", "data_dir", "processed_dir")

#: Tag of a cell that only builds a live widget for JupyterLab (a weights explorer): the report runner
#: leaves it out, since a page cannot use a live widget.  Such a cell must also be tagged
#: ``remove-cell`` (its output never reaches a page), so leaving it out changes no report.
INTERACTIVE_TAG = "interactive"

_NAME = re.compile(r"^(\d{2})_([a-z][a-z0-9_]*)\.ipynb$")


class NotebookContractError(ValueError):
    """A step notebook that does not follow the parameter contract."""


@dataclass(frozen=True)
class Step:
    """One methodology step: its order number, id and notebook."""

    number: int
    id: str
    path: Path

    @property
    def stem(self) -> str:
        """File name without suffix, e.g. ``02_sector_selection``."""
        return self.path.stem

    def title(self, lang: str) -> str:
        """Title in ``lang`` (see :func:`step_title`), reading the notebook's metadata."""
        try:
            metadata = json.loads(self.path.read_text(encoding="utf-8")).get("metadata", {})
        except (OSError, ValueError):
            metadata = {}
        return step_title(self.id, lang, metadata=metadata)


def discover_steps(notebooks_dir: str | Path = NOTEBOOKS_DIR) -> list[Step]:
    """The step notebooks ``NN_<step>.ipynb`` in ``notebooks_dir``, ordered by ``NN``.

    Other files (drafts, checkpoints, ``scratch.ipynb``) are ignored.

    Parameters
    ----------
    notebooks_dir : path, default ``config.NOTEBOOKS_DIR``

    Returns
    -------
    list of Step

    Raises
    ------
    FileNotFoundError
        When the directory does not exist.
    ValueError
        When two notebooks define the same step id.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("02_sector_selection.ipynb", "01_needs_assessment.ipynb", "draft.ipynb"):
    ...     _ = (root / name).write_text("{}")
    >>> [(s.number, s.id) for s in discover_steps(root)]
    [(1, 'needs_assessment'), (2, 'sector_selection')]
    """
    root = Path(notebooks_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"'notebooks_dir' {str(root)!r} is not a directory")
    steps: dict[str, Step] = {}
    for path in sorted(root.iterdir()):
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        step = Step(int(match.group(1)), match.group(2), path.resolve())
        if step.id in steps:
            raise ValueError(f"step {step.id!r} is defined twice: {steps[step.id].path.name} and {path.name}")
        steps[step.id] = step
    return sorted(steps.values(), key=lambda s: (s.number, s.id))


def resolve_steps(keys: Iterable[str] | str | None, available: list[Step]) -> list[Step]:
    """Pick steps by id (``sector_selection``), number (``2``, ``"02"``) or file stem.

    ``None`` or ``"all"`` selects every step.  The result keeps the notebooks' order.

    Raises
    ------
    ValueError
        For an unknown step; the message lists the valid choices.

    Examples
    --------
    >>> steps = [Step(1, "needs_assessment", Path("01_needs_assessment.ipynb")),
    ...          Step(2, "sector_selection", Path("02_sector_selection.ipynb"))]
    >>> [s.id for s in resolve_steps(["02", "needs_assessment"], steps)]
    ['needs_assessment', 'sector_selection']
    """
    if not available:
        raise ValueError("no step notebooks (NN_<step>.ipynb) were found")
    if keys is None:
        return list(available)
    if isinstance(keys, str):
        keys = [keys]
    wanted: set[str] = set()
    for raw in keys:
        for key in (k.strip() for k in str(raw).split(",")):
            if not key:
                continue
            if key.lower() == "all":
                wanted.update(s.id for s in available)
                continue
            match = next(
                (s for s in available if key in (s.id, s.stem) or (key.isdigit() and int(key) == s.number)),
                None,
            )
            if match is None:
                choices = [s.id for s in available]
                close = difflib.get_close_matches(key, choices, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ValueError(f"'steps' must be among {choices} (or 'all'), got {key!r}{hint}")
            wanted.add(match.id)
    if not wanted:
        raise ValueError(f"'steps' is empty; choose among {[s.id for s in available]} or 'all'")
    return [s for s in available if s.id in wanted]


def interactive_cells(path: str | Path) -> list[int]:
    """The 1-based numbers of the cells of the notebook at ``path`` tagged :data:`INTERACTIVE_TAG`.

    Read as plain JSON (checked before any kernel starts, without nbformat's schema machinery).

    Raises
    ------
    NotebookContractError
        When an interactive cell is not also tagged ``remove-cell``: its output would be missing
        from the reports.

    Examples
    --------
    >>> interactive_cells(NOTEBOOKS_DIR / "02_sector_selection.ipynb")
    [36]
    """
    cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
    found = []
    for number, cell in enumerate(cells, start=1):
        tags = cell.get("metadata", {}).get("tags", [])
        if INTERACTIVE_TAG not in tags:
            continue
        if "remove-cell" not in tags:
            raise NotebookContractError(
                f"{Path(path).name}, cell {number}: a cell tagged {INTERACTIVE_TAG!r} must also be tagged "
                "'remove-cell' (the report runner leaves it out, so it must not show in a report)"
            )
        found.append(number)
    return found


def report_notebook(path: str | Path) -> tuple[object, int]:
    """The notebook at ``path`` as the report runner executes it: without its :data:`INTERACTIVE_TAG`
    cells (:func:`interactive_cells`); and how many were left out.

    Raises
    ------
    NotebookContractError
        As :func:`interactive_cells`.

    Examples
    --------
    >>> nb, left_out = report_notebook(NOTEBOOKS_DIR / "02_sector_selection.ipynb")
    >>> left_out, any(INTERACTIVE_TAG in c.metadata.get("tags", []) for c in nb.cells)
    (1, False)
    """
    import nbformat

    left_out = set(interactive_cells(path))
    nb = nbformat.read(str(path), as_version=4)
    if left_out:
        nb.cells = [cell for number, cell in enumerate(nb.cells, start=1) if number not in left_out]
    return nb, len(left_out)


def step_weight(step: Step) -> int:
    """A rough measure of how long a step's report takes, to start the longest first: the number of
    code cells of its notebook (each draws a chart, a table or a finding).

    Examples
    --------
    >>> steps = {s.id: step_weight(s) for s in discover_steps()}
    >>> steps["needs_assessment"] > steps["value_chain_mapping"]
    True
    """
    cells = json.loads(step.path.read_text(encoding="utf-8")).get("cells", [])
    return sum(1 for cell in cells if cell.get("cell_type") == "code")
