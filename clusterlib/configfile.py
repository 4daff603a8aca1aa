"""Configuration files (YAML): read safely, checked by pydantic models, every problem reported at once.

The workbench's configuration files — the criteria file, ``clusters.yaml``, the survey mapping and
questionnaire, run specs — are written by key experts.  This module gives them one behaviour:

* :func:`read_yaml` reads YAML with a safe loader that also refuses duplicate keys (PyYAML would keep
  the last one silently) and anchors and aliases (``&a`` / ``*a``): an aliased "billion laughs" file
  is refused at its first anchor, before anything is expanded.
* :func:`check` validates the parsed document against a pydantic model (``extra="forbid"``;
  rules between fields as ``model_validator``\\ s) and turns **every** problem into a
  :class:`ConfigError` located by file and key path (``groups[1] (demand).weight``), in the language
  of :func:`clusterlib.data.messages_in`; values echoed back are shortened (:func:`show`).

:class:`ConfigError` is a :class:`~clusterlib.data.DataValidationError`, so one collector
(:meth:`~clusterlib.data.DataValidationError.collect`) reports tables and configuration files alike.

Examples
--------
>>> from pydantic import BaseModel, ConfigDict
>>> class Step(BaseModel):
...     model_config = ConfigDict(extra="forbid")
...     id: str
...     jobs: int
>>> check(Step, read_yaml("{id: a, jobs: 2}", file="run.yml"), file="run.yml").jobs
2
>>> check(Step, {"id": "a", "job": "x", "lang": "tr"}, file="run.yml")
Traceback (most recent call last):
...
clusterlib.configfile.ConfigError: run.yml: 3 problems:
  missing required key 'jobs'
  unknown key 'job'; allowed keys are ['id', 'jobs']; did you mean 'jobs'?
  unknown key 'lang'; allowed keys are ['id', 'jobs']
>>> read_yaml("a: &x [1, 2]\\nb: *x", file="run.yml")
Traceback (most recent call last):
...
clusterlib.configfile.ConfigError: run.yml: line 1, column 4: anchors and aliases (&name, *name) are not \
allowed in this file; write each value out
"""

from __future__ import annotations

import copy
import difflib
import functools
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import messages_in, msg

__all__ = ["MAX_NODES", "ConfigError", "check", "raise_all", "read_yaml", "shorten", "show"]

Model = TypeVar("Model", bound=BaseModel)

#: Longest echo of a value in a message (characters of its repr).
SHOWN_CHARS = 60
#: Most values (scalars, lists, mappings) a configuration file may hold.
MAX_NODES = 100_000


class ConfigError(DataValidationError):
    """A configuration file that cannot be read or breaks its schema, located by file and key path.

    ``key`` is the place in the file (``groups[1] (demand).indicators[0] (rca).direction``); the
    message reads ``"<file>: <key>: <what is wrong>"``.
    """

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None, **locators: Any):
        self.key = key
        super().__init__(message, file=file, **locators)

    def where(self, *, with_file: bool = True) -> str:
        """``"criteria.yaml: groups[1] (demand).weight"`` (the parts that are known)."""
        parts = [str(self.file)] if self.file is not None and with_file else []
        if getattr(self, "key", None):
            parts.append(str(self.key))
        return ": ".join(parts)

    def __reduce__(self):  # keep the class, the key and the problems through pickling
        problems = None if self.problems == [self] else self.problems
        return (_rebuild, (type(self), self.detail, self.file, self.key, problems, self.lang))


def _rebuild(cls, message, file, key, problems, lang) -> ConfigError:
    with messages_in(lang):
        error = cls(message, file=file, key=key)
    if problems:
        error.problems = problems
    return error


def shorten(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters (with an ellipsis), without building the full
    ``repr`` of a huge list or mapping first.

    Examples
    --------
    >>> shorten([1, 2, 3]), shorten(list(range(10**6)), 12)
    ('[1, 2, 3]', '[0, 1, 2, 3…')
    """
    if isinstance(value, (list, tuple, dict, set)) and len(value) > limit:
        items = list(value.items() if isinstance(value, dict) else value)[:limit]
        value = dict(items) if isinstance(value, dict) else items
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value: object) -> str:
    """A value as a message echoes it: its type and a repr cut to :data:`SHOWN_CHARS` characters.

    >>> show("high")
    "str 'high'"
    >>> len(show("x" * 10_000)) < 80
    True
    """
    return f"{type(value).__name__} {shorten(value, SHOWN_CHARS + 1)}"


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------
class _RefusedYAML(yaml.YAMLError):
    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


class _SafeStrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors, aliases or duplicate keys."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _RefusedYAML(msg("config.yaml.alias"), event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, typing.Hashable) and key in seen:
                raise _RefusedYAML(msg("config.yaml.duplicate", key=repr(key)), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_SafeStrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _SafeStrictLoader.construct_mapping
)


def _refuse_expansions(text: str, max_nodes: int) -> None:
    """Refuse anchors, aliases and more than ``max_nodes`` values from the parser's events, before
    anything is composed or built (cheap for any input, a "billion laughs" included)."""
    nodes = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _RefusedYAML(msg("config.yaml.alias"), event.start_mark)
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            if nodes > max_nodes:
                raise _RefusedYAML(msg("config.yaml.too_many", limit=f"{max_nodes:,}"), event.start_mark)


@functools.lru_cache(maxsize=32)
def _parsed(text: str, max_nodes: int) -> object:
    """The document in ``text``, parsed once per content in a process (a report's kernel reads the
    same criteria and questionnaire files as every other; PyYAML's pure-Python parser takes 20–60 ms
    for each).  A document that fails raises each time: errors are not cached."""
    _refuse_expansions(text, max_nodes)
    return yaml.load(text, Loader=_SafeStrictLoader)


def read_yaml(
    source: str | Path,
    *,
    file: str | None = None,
    error: type[ConfigError] = ConfigError,
    max_nodes: int = MAX_NODES,
) -> object:
    """Parse YAML from a file (a :class:`~pathlib.Path`) or from text, safely and strictly.

    Parameters
    ----------
    source : Path or str
        A path to read (UTF-8), or the YAML text itself.
    file : str, optional
        The name messages give the file (default: the path as given, or ``"<text>"``).
    error : type, default ConfigError
        The :class:`ConfigError` subclass to raise.
    max_nodes : int, default :data:`MAX_NODES`
        Most values the document may hold.

    Raises
    ------
    FileNotFoundError
        When ``source`` is a path that does not exist.
    ConfigError
        Not valid YAML, a duplicate key, an anchor or alias, more than ``max_nodes`` values:
        ``"<file>: line L, column C: …"``.
    """
    if isinstance(source, Path):
        name = file if file is not None else str(source)
        text = source.read_text(encoding="utf-8")
    else:
        name, text = (file if file is not None else "<text>"), source
    try:
        return copy.deepcopy(_parsed(text, max_nodes))  # the caller may change what it gets
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        where = msg("config.yaml.place", line=mark.line + 1, column=mark.column + 1) if mark else ""
        if isinstance(err, _RefusedYAML):
            raise error(f"{where}{problem}", file=name) from None
        raise error(f"{where}{msg('config.yaml.invalid', problem=problem)}", file=name) from None


# --------------------------------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------------------------------
def _models_in(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold (through Optional, list, dict, Annotated …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found


def _model_at(root: type[BaseModel], loc: Sequence[object]) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` (``('groups', 1, 'pairwise')`` → PairwiseSpec)."""
    model: type[BaseModel] | None = root
    for step in loc:
        if model is None:
            return None
        if isinstance(step, str) and step in model.model_fields:
            inner = _models_in(model.model_fields[step].annotation)
            model = inner[0] if inner else None
    return model


def _where(data: object, loc: Sequence[object]) -> str:
    """``('groups', 1, 'weight')`` → ``groups[1] (demand).weight``: list items named by their ``id``."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            if not parts:
                parts.append("")
            parts[-1] += f"[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            ident = node.get("id") if isinstance(node, Mapping) else None
            if isinstance(ident, str) and ident.strip():
                parts[-1] += f" ({ident.strip()[:SHOWN_CHARS]})"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, Mapping) else None
    return ".".join(parts)


def _required(model: type[BaseModel] | None) -> list[str]:
    return [] if model is None else [n for n, f in model.model_fields.items() if f.is_required()]


def _problem(root: type[BaseModel], error: Mapping[str, Any], data: object) -> tuple[str, str]:
    """(key path, message) of one pydantic error, in the workbench's words and language."""
    loc = tuple(step for step in error["loc"] if not (isinstance(step, str) and step.startswith("function-")))
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return _where(data, loc[:-1]), msg("config.missing", key=repr(loc[-1]))
    if kind == "extra_forbidden":
        allowed = list(getattr(_model_at(root, loc[:-1]), "model_fields", {}))
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = msg("config.did_you_mean", key=repr(close[0])) if close else ""
        return _where(data, loc[:-1]), msg("config.unknown", key=repr(loc[-1]), allowed=allowed, hint=hint)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _where(data, loc), msg("config.mapping", keys=_required(_model_at(root, loc)), got=show(value))
    if kind in ("list_type", "too_short", "tuple_type"):
        return _where(data, loc), msg("config.list", name=str(loc[-1]) if loc else "", got=show(value))
    if kind in ("bool_type", "bool_parsing"):
        return _where(data, loc), msg("config.bool", got=show(value))
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"):
        return _where(data, loc), msg("config.number", got=show(value))
    if kind in ("string_type",):
        return _where(data, loc), msg("config.text", got=show(value))
    if kind == "literal_error":
        return _where(data, loc), msg("config.choice", allowed=error["ctx"]["expected"], got=show(value))
    if kind in ("value_error", "assertion_error"):
        return _where(data, loc), str(error["ctx"]["error"])
    return _where(data, loc), f"{error['msg']}; {msg('config.got', got=show(value))}"


def check(model: type[Model], data: object, *, file: str, error: type[ConfigError] = ConfigError) -> Model:
    """Validate ``data`` (a parsed YAML document) with ``model``; every problem at once.

    Raises
    ------
    ConfigError
        (or ``error``) one problem as ``"<file>: <key>: <message>"``, several as one error listing
        each on its own line (``.problems`` holds them).
    """
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = [
            error(message, file=file, key=where or None)
            for where, message in (_problem(model, e, data) for e in err.errors(include_url=False))
        ]
    raise error.collect(problems)


def raise_all(problems: Sequence[ConfigError]) -> None:
    """Raise the problems that rules after :func:`check` found, as one error; nothing when none."""
    if problems:
        raise type(problems[0]).collect(list(problems))


