"""Discovery of the methodology steps: one notebook ``NN_<step>.ipynb`` per step.

Adding ``notebooks/05_benchmarking.ipynb`` adds the step ``benchmarking`` (run fifth) to every
report run and to the command line, with no change to the pipeline.  Each notebook must follow
the parameter contract (:data:`REQUIRED_PARAMETERS`), checked before any kernel starts.
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import re
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.configfile import shorten
from clusterlib.report.contracts import NotebookParameter

__all__ = [
    "REQUIRED_PARAMETERS",
    "NotebookContractError",
    "Step",
    "check_contract",
    "check_parameters",
    "discover_steps",
    "notebook_parameters",
    "resolve_steps",
    "step_title",
]

#: Names the first code cell (tagged ``parameters``) of every step notebook must assign.
REQUIRED_PARAMETERS: tuple[str, ...] = ("province", "lang", "data_dir", "processed_dir")

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


def _parameters_source(step: Step) -> str:
    try:
        nb = json.loads(step.path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise NotebookContractError(f"{step.path.name}: cannot be read as a notebook ({err})") from err
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    if not code:
        raise NotebookContractError(f"{step.path.name}: has no code cell")
    first = code[0]
    tags = first.get("metadata", {}).get("tags", [])
    if "parameters" not in tags:
        raise NotebookContractError(
            f"{step.path.name}: the first code cell must be tagged 'parameters' (tags found: {tags})"
        )
    source = first.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _comments(source: str) -> dict[int, str]:
    found: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                found[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    return found


#: An interval at the end of a parameter's comment: ``[1, 100000]``, ``(0, 1]``, ``[0, ]``.
_BOUNDS = re.compile(
    r"\s*(?P<lo_b>[\[(])\s*(?P<lo>[-+]?[\d_]*\.?\d*(?:e[-+]?\d+)?)\s*,"
    r"\s*(?P<hi>[-+]?[\d_]*\.?\d*(?:e[-+]?\d+)?)\s*(?P<hi_b>[\])])\s*$"
)


def _bounds(comment: str) -> tuple[str, dict[str, Any]]:
    """The comment without its trailing interval, and the interval's fields.

    Examples
    --------
    >>> _bounds("bootstrap replicates [1, 100_000]")
    ('bootstrap replicates', {'bounds': '[1, 100000]', 'low': 1, 'high': 100000, 'low_open': False, 'high_open': False})
    >>> _bounds("share (0, 1]")[1]["low_open"], _bounds("no interval here")
    (True, ('no interval here', {}))
    """
    match = _BOUNDS.search(comment)
    if not match or not (match["lo"] or match["hi"]):
        return comment, {}

    def number(text: str) -> int | float | None:
        if not text:
            return None
        value = float(text.replace("_", ""))
        return int(value) if value.is_integer() and abs(value) < 2**53 else value

    low, high = number(match["lo"]), number(match["hi"])
    shown = f"{match['lo_b']}{'' if low is None else low}, {'' if high is None else high}{match['hi_b']}"
    fields = {"bounds": shown, "low": low, "high": high, "low_open": match["lo_b"] == "(",
              "high_open": match["hi_b"] == ")"}  # fmt: skip
    return comment[: match.start()].rstrip(), fields


_TYPE_NAMES = {"int", "float", "str", "bool", "list", "dict", "None", "any"}


def _types(annotation: str) -> tuple[str, ...]:
    text = annotation.replace(" ", "")
    match = re.fullmatch(r"(?:typing\.)?Optional\[(.+)\]", text)
    if match:
        text = f"{match.group(1)}|None"
    parts = tuple(p.split("[", 1)[0] for p in text.split("|") if p)
    return parts if parts and all(p in _TYPE_NAMES for p in parts) else ("any",)


def _type_of(value: Any) -> str:
    if value is None:
        return "any"
    return type(value).__name__ if type(value).__name__ in _TYPE_NAMES else "any"


def notebook_parameters(step: Step) -> dict[str, NotebookParameter]:
    """The names assigned in a step notebook's ``parameters`` cell, with type and default.

    The cell is parsed, not run: each top-level ``name = literal`` or ``name: type = literal``
    gives a :class:`~clusterlib.report.contracts.NotebookParameter`; its type is the annotation
    (``int | None``) or else the default's type; a trailing comment is its help text.  Use
    ``None`` for "the library's default" and annotate the type it takes otherwise::

        year: int | None = None  # None: the latest year in the data

    A number's bounds end its comment, as an interval (``[`` and ``]`` include the end, ``(`` and
    ``)`` exclude it, an empty end is unbounded); values given for the run are checked against
    them with the types::

        n_boot = 2000  # bootstrap replicates [1, 100000]
        amber = 0.75  # lowest progress that is amber (0, 1]

    Raises
    ------
    NotebookContractError
        When the cell is missing, not tagged, not valid Python or not made of literal
        assignments.

    Examples
    --------
    >>> import tempfile, pathlib, nbformat
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "02_demo.ipynb"
    >>> cell = nbformat.v4.new_code_cell("top_k = 5  # shortlist\\nyear: int | None = None",
    ...                                  metadata={"tags": ["parameters"]})
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    >>> [p.describe() for p in notebook_parameters(Step(2, "demo", path)).values()]
    ['top_k: int = 5  (shortlist)', 'year: int | None = None']
    """
    source = _parameters_source(step)
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise NotebookContractError(
            f"{step.path.name}: the 'parameters' cell is not valid Python ({err.msg}, line {err.lineno})"
        ) from None
    comments = _comments(source)
    found: dict[str, NotebookParameter] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, annotation, value = node.target.id, ast.unparse(node.annotation), node.value
        elif (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            name, annotation, value = node.targets[0].id, None, node.value
        elif isinstance(node, ast.Expr):
            continue  # a bare expression assigns nothing
        else:
            raise NotebookContractError(
                f"{step.path.name}: the 'parameters' cell may only assign literals to names "
                f"(line {node.lineno}: {ast.get_source_segment(source, node)!r})"
            )
        try:
            default = ast.literal_eval(value)
        except ValueError:
            raise NotebookContractError(
                f"{step.path.name}: parameter {name!r} must have a literal default "
                f"(a number, string, list, dict, True/False or None), got {ast.unparse(value)!r}"
            ) from None
        types = _types(annotation) if annotation else (_type_of(default),)
        help_text, interval = _bounds(comments.get(node.end_lineno or node.lineno, ""))
        found[name] = NotebookParameter(
            name=name,
            type=annotation if annotation else types[0],
            default=default,
            help=help_text,
            types=types,
            **interval,
        )
    return found


def _fits(value: Any, types: tuple[str, ...]) -> bool:
    for kind in types:
        if kind == "any":
            return True
        if kind == "None" and value is None:
            return True
        if kind == "bool" and isinstance(value, bool):
            return True
        if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            return True
        if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if kind == "str" and isinstance(value, str):
            return True
        if kind == "list" and isinstance(value, (list, tuple)):
            return True
        if kind == "dict" and isinstance(value, Mapping):
            return True
    return False


def check_parameters(step: Step, values: Mapping[str, Any], *, where: str = "") -> dict[str, Any]:
    """Check parameter values against a step notebook's ``parameters`` cell.

    Returns ``values`` as a plain dict (ints given for ``float`` parameters become floats).

    Raises
    ------
    NotebookContractError
        For an unknown name, a value of the wrong type or a number outside the parameter's bounds;
        the message lists the notebook's parameters with their types, bounds and defaults.

    Examples
    --------
    >>> import tempfile, pathlib, nbformat
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "02_demo.ipynb"
    >>> cell = nbformat.v4.new_code_cell("top_k = 5", metadata={"tags": ["parameters"]})
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    >>> check_parameters(Step(2, "demo", path), {"top_k": 3})
    {'top_k': 3}
    >>> check_parameters(Step(2, "demo", path), {"top_k": "3"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    clusterlib.report.steps.NotebookContractError: 02_demo.ipynb: parameter 'top_k' must be int, got '3' ...
    """
    declared = notebook_parameters(step)
    listing = "; ".join(p.describe() for p in declared.values())
    prefix = f"{where}: " if where else ""
    checked: dict[str, Any] = {}
    for name, value in values.items():
        param = declared.get(name)
        if param is None:
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise NotebookContractError(
                f"{prefix}{step.path.name} has no parameter {shorten(name)}{hint}. "
                f"Parameters of {step.path.name}: {listing}"
            )
        if not _fits(value, param.types):
            raise NotebookContractError(
                f"{prefix}{step.path.name}: parameter {name!r} must be {param.type}, got {shorten(value)} "
                f"({type(value).__name__}). Parameters of {step.path.name}: {listing}"
            )
        if not param.within(value):
            raise NotebookContractError(
                f"{prefix}{step.path.name}: parameter {name!r} must lie in {param.bounds}, got "
                f"{shorten(value)}. Parameters of {step.path.name}: {listing}"
            )
        if "float" in param.types and "int" not in param.types and type(value) is int:
            value = float(value)
        checked[name] = value
    return checked


def check_contract(step: Step) -> None:
    """Check that a step notebook's first code cell is tagged ``parameters`` and assigns the
    :data:`REQUIRED_PARAMETERS`.

    Raises
    ------
    NotebookContractError
        Naming the notebook and what is missing.
    """
    assigned = notebook_parameters(step)
    missing = [name for name in REQUIRED_PARAMETERS if name not in assigned]
    if missing:
        raise NotebookContractError(
            f"{step.path.name}: the 'parameters' cell must define {list(REQUIRED_PARAMETERS)}; "
            f"missing {missing}"
        )


def step_title(step_id: str, lang: str, *, metadata: dict | None = None) -> str:
    """Title of a step in ``lang``: the UI string ``step.<id>``, else the notebook's
    ``metadata.clusterlib.title.<lang>``, else the id in words.

    Examples
    --------
    >>> step_title("sector_selection", "tr"), step_title("sector_selection", "en")
    ('Sektör seçimi', 'Sector selection')
    >>> step_title("cost_benefit", "en")
    'Cost benefit'
    """
    i18n.check_language(lang)
    if i18n.has_string(f"step.{step_id}"):
        return i18n.t(f"step.{step_id}", lang)
    titles = ((metadata or {}).get("clusterlib") or {}).get("title") or {}
    if isinstance(titles, dict) and isinstance(titles.get(lang), str):
        return titles[lang]
    return step_id.replace("_", " ").capitalize()
