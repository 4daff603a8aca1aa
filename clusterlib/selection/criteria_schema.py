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
  groups[0] (g): missing required key 'name_en'
  groups[0] (g): missing required key 'name_tr'
  groups[0] (g): missing required key 'indicators'
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from clusterlib.configfile import ConfigError, check, show
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


class CriteriaError(ConfigError):
    """A criteria file (or mapping) that does not follow the expected structure."""


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


def validate_structure(data: object, *, source: str) -> CriteriaSpec:
    """Check the structure of a criteria mapping with pydantic; every problem at once, with its place.

    Raises
    ------
    CriteriaError
        ``"<source>: <place>: <what was expected>"`` for one problem; for several, a line per problem.
    """
    return check(CriteriaSpec, data, file=source, error=CriteriaError)
