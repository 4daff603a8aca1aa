"""The parameter contract of a step notebook: its first code cell, tagged ``parameters``.

The cell assigns :data:`~clusterlib.run.steps.REQUIRED_PARAMETERS` and any step parameters, each with
a type annotation and, for numbers, bounds in a comment (``top_k: int = 5  # 1 <= top_k <= 20``);
the values of a run (arguments, run spec) are checked against it before any kernel starts.
"""

from __future__ import annotations

import ast
import difflib
import io
import json
import re
import tokenize
from collections.abc import Mapping
from typing import Any

from clusterlib.configfile import shorten
from clusterlib.run.contracts import NotebookParameter
from clusterlib.run.steps import REQUIRED_PARAMETERS, NotebookContractError, Step, interactive_cells

__all__ = ["check_contract", "check_parameters", "notebook_parameters"]


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
    gives a :class:`~clusterlib.run.contracts.NotebookParameter`; its type is the annotation
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
    clusterlib.run.steps.NotebookContractError: 02_demo.ipynb: parameter 'top_k' must be int, got '3' ...
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
    :data:`REQUIRED_PARAMETERS`, and that every cell tagged ``interactive`` is also tagged
    ``remove-cell`` (:func:`~clusterlib.run.steps.interactive_cells`).

    Raises
    ------
    NotebookContractError
        Naming the notebook and what is missing.
    """
    assigned = notebook_parameters(step)  # first: it says so when the file is not a notebook
    missing = [name for name in REQUIRED_PARAMETERS if name not in assigned]
    if missing:
        raise NotebookContractError(
            f"{step.path.name}: the 'parameters' cell must define {list(REQUIRED_PARAMETERS)}; "
            f"missing {missing}"
        )
    interactive_cells(step.path)
