"""The structure of a criteria file as pydantic models, and its errors with the path to the wrong value.

:func:`validate_structure` checks what a criteria mapping must look like (keys, types, texts,
weights, directions, non-empty lists) with pydantic and turns every problem it finds into the
workbench's wording: the place in the file (``groups[1] (demand).indicators[0] (rca).direction``)
and what was expected, all problems at once.  The rules that relate several values (unique ids,
weights or AHP matrices, normalisation) are checked afterwards by :mod:`clusterlib.selection.criteria`.

Examples
--------
>>> spec = validate_structure({"groups": [{"id": "g", "name_en": "G", "name_tr": "G", "weight": "1/2",
...     "indicators": [{"id": "lq", "name_en": "a", "name_tr": "a", "description_en": "a",
...                     "description_tr": "a", "direction": "benefit", "weight": 1}]}]}, source="x.yaml")
>>> spec.groups[0].weight, spec.groups[0].indicators[0].direction
(0.5, 'benefit')
>>> validate_structure({"groups": [{"id": "g"}]}, source="x.yaml")
Traceback (most recent call last):
...
clusterlib.selection.criteria_schema.CriteriaError: x.yaml: 3 problems:
  - groups[0] (g): missing required key 'name_en'
  - groups[0] (g): missing required key 'name_tr'
  - groups[0] (g): missing required key 'indicators'
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from clusterlib.selection.ahp import parse_judgement

__all__ = [
    "DIRECTIONS",
    "CriteriaError",
    "CriteriaSpec",
    "GroupSpec",
    "IndicatorSpec",
    "PairwiseSpec",
    "validate_structure",
]

#: Allowed values of a sub-indicator's ``direction``.
DIRECTIONS: tuple[str, ...] = ("benefit", "cost")


class CriteriaError(ValueError):
    """A criteria file (or mapping) that does not follow the expected structure."""


def show(value: object) -> str:
    """A value as an error message shows it: its type and a short repr (``str 'high'``)."""
    text = repr(value)
    return f"{type(value).__name__} {text[:60] + '…' if len(text) > 60 else text}"


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty text, got {show(value)}")
    return value.strip()


def _weight(value: object) -> float:
    try:
        weight = parse_judgement(value)
    except ValueError:
        raise ValueError(
            f"expected a non-negative number or a fraction such as '1/3', got {show(value)}"
        ) from None
    if not math.isfinite(weight) or weight < 0:
        raise ValueError(f"expected a non-negative number, got {value!r}")
    return weight


def _direction(value: object) -> str:
    if value not in DIRECTIONS:
        raise ValueError(f"must be one of {list(DIRECTIONS)}, got {value!r}")
    return str(value)


def _ids(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise ValueError(f"expected a list of ids, got {show(value)}")
    return list(value)


def _number_format(value: object) -> str:
    fmt = _text(value)
    try:
        fmt.format(1234.5)
    except (ValueError, IndexError, KeyError) as err:
        raise ValueError(f"{fmt!r} is not a number format such as '{{:.1f}}' or '{{:.1%}}' ({err})") from None
    return fmt


Text = Annotated[Any, AfterValidator(_text)]
Weight = Annotated[Any, AfterValidator(_weight)]
Direction = Annotated[Any, AfterValidator(_direction)]
Ids = Annotated[Any, AfterValidator(_ids)]
NumberFormat = Annotated[Any, AfterValidator(_number_format)]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PairwiseSpec(_Spec):
    """An AHP block: ``order`` (ids) and ``matrix`` (Saaty judgements, checked by :func:`ahp_weights`)."""

    order: Ids
    matrix: Any


class IndicatorSpec(_Spec):
    """One sub-indicator as written in the file (``weight`` is None when the group has ``pairwise``)."""

    id: Text
    name_en: Text
    name_tr: Text
    description_en: Text
    description_tr: Text
    direction: Direction
    weight: Weight = None
    source: Text = None
    symbol: Text = None
    format: NumberFormat = None


class GroupSpec(_Spec):
    """One criteria group as written in the file."""

    id: Text
    name_en: Text
    name_tr: Text
    indicators: Annotated[list[IndicatorSpec], Field(min_length=1)]
    weight: Weight = None
    description_en: Text = None
    description_tr: Text = None
    pairwise: PairwiseSpec | None = None


class CriteriaSpec(_Spec):
    """A criteria file as written."""

    groups: Annotated[list[GroupSpec], Field(min_length=1)]
    version: Any = None
    title_en: Text = None
    title_tr: Text = None
    description_en: Text = None
    description_tr: Text = None
    group_pairwise: PairwiseSpec | None = None


_LISTS = {"groups": ("groups", GroupSpec), "indicators": ("indicators", IndicatorSpec)}


def _where(data: object, loc: Sequence[object]) -> str:
    """``('groups', 1, 'indicators', 0, 'direction')`` → ``groups[1] (demand).indicators[0] (rca).direction``."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            parts[-1] += f"[{step}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, Mapping) and isinstance(node.get("id"), str) and node["id"].strip():
                parts[-1] += f" ({node['id'].strip()})"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, Mapping) else None
    return ".".join(parts)


def _model_at(loc: Sequence[object]) -> type[_Spec]:
    model: type[_Spec] = CriteriaSpec
    for step in loc:
        if isinstance(step, str):
            if step in _LISTS:
                model = _LISTS[step][1]
            elif step in ("pairwise", "group_pairwise"):
                model = PairwiseSpec
    return model


def _required(model: type[_Spec]) -> list[str]:
    return [name for name, field in model.model_fields.items() if field.is_required()]


def _message(error: Mapping[str, Any], data: object) -> tuple[str, str]:
    """(place, message) of one pydantic error, in the workbench's words."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return _where(data, loc[:-1]), f"missing required key {loc[-1]!r}"
    if kind == "extra_forbidden":
        allowed = list(_model_at(loc[:-1]).model_fields)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return _where(data, loc[:-1]), f"unknown key {loc[-1]!r}; allowed keys are {allowed}{hint}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _where(
            data, loc
        ), f"expected a mapping with keys {_required(_model_at(loc))}, got {show(error['input'])}"
    if kind in ("list_type", "too_short") and loc and loc[-1] in _LISTS:
        return _where(data, loc), f"expected a non-empty list of {loc[-1]}, got {show(error['input'])}"
    if kind == "value_error":
        return _where(data, loc), str(error["ctx"]["error"])
    return _where(data, loc), str(error["msg"])


def validate_structure(data: object, *, source: str) -> CriteriaSpec:
    """Check the structure of a criteria mapping with pydantic; every problem at once, with its place.

    Raises
    ------
    CriteriaError
        ``"<source>: <place>: <what was expected>"`` for one problem; for several, a line per problem.
    """
    try:
        return CriteriaSpec.model_validate(data)
    except ValidationError as err:
        problems = [_message(e, data) for e in err.errors(include_url=False)]
    lines = [f"{where}: {message}" if where else message for where, message in problems]
    if len(lines) == 1:
        raise CriteriaError(f"{source}: {lines[0]}")
    raise CriteriaError(f"{source}: {len(lines)} problems:\n" + "\n".join(f"  - {line}" for line in lines))
