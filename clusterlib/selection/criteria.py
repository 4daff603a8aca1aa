"""Sector-selection criteria: groups of sub-indicators with directions and weights, read from YAML.

The criteria live in a small YAML file that a key expert can edit (the bundled default is
``clusterlib/resources/criteria_default.yaml``; its comments document every field).  The file is
validated on load: every error names the file, the place in it and what was expected.

Weights are relative importances at two levels, groups and sub-indicators within a group; each level
is normalised to sum to 1 and a sub-indicator's global weight is ``group weight × within-group
weight``.  Write them summing to 1: when a level sums to something else (beyond ±0.01) the weights are
still normalised but a warning shows the result, so a typo cannot silently shift the ranking.
Group weights (or the weights inside one group) may instead come from an AHP pairwise matrix
(``group_pairwise`` / a group's ``pairwise``); an inconsistent matrix (CR ≥ 0.1) is an error unless
``allow_inconsistent=True``, which turns it into a warning.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from clusterlib.config import RESOURCES_DIR
from clusterlib.configfile import raise_all, read_yaml
from clusterlib.i18n import check_language
from clusterlib.selection.ahp import CR_THRESHOLD, AHPResult, ahp_weights
from clusterlib.selection.criteria_schema import (
    DIRECTIONS,
    CriteriaError,
    GroupSpec,
    PairwiseSpec,
    validate_structure,
)

__all__ = [
    "DEFAULT_CRITERIA_PATH",
    "DIRECTIONS",
    "WEIGHT_SUM_TOL",
    "Criteria",
    "CriteriaError",
    "Group",
    "load_criteria",
    "parse_criteria",
]

#: The bundled default criteria file.
DEFAULT_CRITERIA_PATH: Path = RESOURCES_DIR / "criteria_default.yaml"

#: Accepted deviation of a level's weights from a sum of 1 before a warning is raised.
WEIGHT_SUM_TOL: float = 0.01


@dataclass(frozen=True)
class Group:
    """One criteria group (e.g. Demand) with its normalised weight."""

    id: str
    name_en: str
    name_tr: str
    weight: float
    description_en: str = ""
    description_tr: str = ""

    def name(self, lang: str = "tr") -> str:
        """The group's name in ``lang`` (``'tr'`` or ``'en'``)."""
        return getattr(self, f"name_{check_language(lang)}")


@dataclass(frozen=True, eq=False)
class Criteria:
    """Validated selection criteria.

    Attributes
    ----------
    groups : tuple of Group
        In file order, with normalised weights.
    indicators : pandas.DataFrame
        One row per sub-indicator, indexed by ``id``, in file order, with columns ``group``,
        ``direction``, ``benefit`` (bool), ``within_weight``, ``group_weight``, ``weight`` (global =
        group × within), ``name_en``, ``name_tr``, ``description_en``, ``description_tr``, ``source``
        (column of the indicator table; defaults to the id), ``symbol`` and ``format``.
    source : str
        Where the criteria came from (file path or ``'<dict>'``).
    ahp : dict of str to AHPResult
        AHP results used: key ``'groups'`` for the group weights, a group id for its sub-indicators.
    """

    groups: tuple[Group, ...]
    indicators: pd.DataFrame
    source: str = "<dict>"
    ahp: Mapping[str, AHPResult] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        """Sub-indicator ids in file order."""
        return list(self.indicators.index)

    @property
    def weights(self) -> pd.Series:
        """Global weight per sub-indicator (sums to 1)."""
        return self.indicators["weight"].rename("weight")

    @property
    def group_weights(self) -> pd.Series:
        """Normalised weight per group (sums to 1)."""
        return pd.Series({g.id: g.weight for g in self.groups}, name="weight", dtype=float)

    @property
    def benefit(self) -> list[bool]:
        """``True`` for benefit, ``False`` for cost sub-indicators, in file order."""
        return [bool(b) for b in self.indicators["benefit"]]

    def group(self, group_id: str) -> Group:
        """The :class:`Group` with this id."""
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(f"'group_id' must be one of {[g.id for g in self.groups]}, got {group_id!r}")

    def with_group_weights(self, weights: Mapping[str, float]) -> Criteria:
        """A copy with other group weights (normalised to sum to 1); within-group weights are kept.

        Examples
        --------
        >>> c = load_criteria().with_group_weights({"economic_impact": 2, "demand": 1, "networking": 1,
        ...                                         "factor_conditions": 0})
        >>> c.group_weights.round(2).tolist(), round(float(c.weights.sum()), 6)
        ([0.5, 0.25, 0.25, 0.0], 1.0)
        """
        known = [g.id for g in self.groups]
        if sorted(weights) != sorted(known):
            raise ValueError(f"'weights' must give every group {known}, got {sorted(weights)}")
        values = {k: float(v) for k, v in weights.items()}
        if any(v < 0 or not math.isfinite(v) for v in values.values()) or sum(values.values()) <= 0:
            raise ValueError(f"'weights' must be non-negative with a positive sum, got {values}")
        total = sum(values.values())
        groups = tuple(replace(g, weight=values[g.id] / total) for g in self.groups)
        indicators = self.indicators.copy()
        indicators["group_weight"] = indicators["group"].map({g.id: g.weight for g in groups})
        indicators["weight"] = indicators["group_weight"] * indicators["within_weight"]
        return replace(self, groups=groups, indicators=indicators, ahp={})

    def without(self, ids: Iterable[str]) -> Criteria:
        """A copy without the indicators ``ids``: the weights left in each group are rescaled to sum to 1,
        a group left with no weight is dropped and the group weights are rescaled to sum to 1.

        Used when the data cannot give an indicator (no wages in an SGK table): the remaining
        criteria keep their relative importance.

        Raises
        ------
        ValueError
            When ``ids`` names an unknown indicator or leaves no indicator with a weight.

        Examples
        --------
        >>> c = load_criteria().without(["relative_wage", "wage_cost"])
        >>> round(float(c.weights["lq"]), 4), round(float(c.weights["skills_pool"]), 4), len(c.groups)
        (0.0625, 0.125, 4)
        """
        drop = list(dict.fromkeys(ids))
        unknown = [i for i in drop if i not in self.indicators.index]
        if unknown:
            raise ValueError(f"'ids' must be indicators of the criteria {self.ids}, got unknown {unknown}")
        if not drop:
            return self
        table = self.indicators.drop(index=drop)
        within = table.groupby("group", sort=False)["within_weight"].transform("sum")
        table = table[within > 0].copy()
        table["within_weight"] = table["within_weight"] / within[within > 0]
        kept = [g for g in self.groups if g.id in set(table["group"])]
        total = sum(g.weight for g in kept)
        if table.empty or total <= 0:
            raise ValueError(f"leaving out {drop} leaves no criterion with a weight to score by")
        groups = tuple(replace(g, weight=g.weight / total) for g in kept)
        table["group_weight"] = table["group"].map({g.id: g.weight for g in groups})
        table["weight"] = table["group_weight"] * table["within_weight"]
        touched = set(self.indicators.loc[drop, "group"])
        ahp = {k: v for k, v in self.ahp.items() if k != "groups" and k not in touched}
        if len(groups) == len(self.groups) and "groups" in self.ahp:
            ahp["groups"] = self.ahp["groups"]
        return replace(self, groups=groups, indicators=table, ahp=ahp)

    def name(self, key: str, lang: str = "tr") -> str:
        """Name of a sub-indicator or group id in ``lang``."""
        lang = check_language(lang)
        if key in self.indicators.index:
            return str(self.indicators.at[key, f"name_{lang}"])
        return self.group(key).name(lang)


# --------------------------------------------------------------------------------------------------
# Validation: the structure by pydantic (criteria_schema), the rules between values here
# --------------------------------------------------------------------------------------------------
class _Parser:
    """Checks the rules that relate values of a structurally valid file; collects every problem and warning.

    A broken rule is recorded with its place and the parser goes on, so that one message lists every
    problem of the file (:func:`clusterlib.configfile.raise_all`).
    """

    def __init__(self, source: str, allow_inconsistent: bool):
        self.source = source
        self.allow_inconsistent = allow_inconsistent
        self.warnings: list[str] = []
        self.problems: list[CriteriaError] = []
        self.ahp: dict[str, AHPResult] = {}

    def error(self, where: str, message: str) -> None:
        self.problems.append(CriteriaError(message, file=self.source, key=where or None))

    def normalise(self, weights: dict[str, float | None], where: str) -> dict[str, float] | None:
        if any(w is None for w in weights.values()):
            return None  # a missing weight is already a problem of its own
        total = sum(weights.values())  # type: ignore[arg-type]
        if total <= 0:
            self.error(where, f"weights {weights} sum to 0; give at least one a positive weight")
            return None
        normalised = {k: w / total for k, w in weights.items()}  # type: ignore[operator]
        if abs(total - 1.0) > WEIGHT_SUM_TOL:
            shown = ", ".join(f"{k}: {w:.3f}" for k, w in normalised.items())
            self.warnings.append(
                f"{self.source}: {where}: weights sum to {total:g}, not 1; they are treated as relative "
                f"importances and normalised to {{{shown}}}. Write them summing to 1 to silence this."
            )
        return normalised

    def pairwise(self, block: PairwiseSpec, ids: list[str], where: str, key: str) -> dict[str, float] | None:
        order = block.order
        missing = [i for i in ids if i not in order]
        unexpected = [i for i in order if i not in ids]
        if missing or unexpected or len(order) != len(ids):
            self.error(
                f"{where}.order",
                f"must list each of {ids} exactly once; missing {missing}, unexpected {unexpected}",
            )
            return None
        try:
            result = ahp_weights(block.matrix, labels=order)
        except ValueError as err:
            self.error(f"{where}.matrix", str(err).replace("'pairwise'", "matrix"))
            return None
        if not result.is_consistent:
            message = (
                f"the pairwise judgements are inconsistent ({result.summary()}); "
                f"Saaty's rule requires CR < {CR_THRESHOLD}. Revise the judgements"
            )
            if not self.allow_inconsistent:
                self.error(where, message + " or load with allow_inconsistent=True to use them anyway.")
                return None
            self.warnings.append(
                f"{self.source}: {where}: {message}; used anyway because allow_inconsistent=True."
            )
        self.ahp[key] = result
        return {i: float(result.weights[i]) for i in ids}

    def parse(self, data: object) -> Criteria:
        spec = validate_structure(data, source=self.source)
        use_group_ahp = spec.group_pairwise is not None
        group_rows: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        for gi, group in enumerate(spec.groups):
            gwhere = f"groups[{gi}] ({group.id})"
            if any(group.id == row["id"] for row in group_rows):
                self.error(f"{gwhere}.id", f"duplicate group id {group.id!r}")
                continue
            if use_group_ahp and group.weight is not None:
                self.error(
                    f"{gwhere}.weight",
                    "group weights come from 'group_pairwise'; remove 'weight' here or remove 'group_pairwise'",
                )
            if not use_group_ahp and group.weight is None:
                self.error(gwhere, "missing required key 'weight' (or give 'group_pairwise' at top level)")
            group_rows.append(
                {
                    "id": group.id,
                    "name_en": group.name_en,
                    "name_tr": group.name_tr,
                    "weight": group.weight,
                    "description_en": group.description_en or "",
                    "description_tr": group.description_tr or "",
                }
            )
            rows.extend(self.parse_indicators(group, gwhere, rows))

        group_ids = [row["id"] for row in group_rows]
        if spec.group_pairwise is not None:
            gweights = self.pairwise(spec.group_pairwise, group_ids, "group_pairwise", "groups")
        else:
            gweights = self.normalise({r["id"]: r["weight"] for r in group_rows}, "group weights")
        raise_all(self.problems)
        assert gweights is not None  # every way to None recorded a problem
        groups = tuple(Group(**{**r, "weight": gweights[r["id"]]}) for r in group_rows)

        table = pd.DataFrame(rows).set_index("id")
        table["group_weight"] = table["group"].map(gweights).astype(float)
        table["weight"] = table["group_weight"] * table["within_weight"]
        columns = [
            "group", "direction", "benefit", "within_weight", "group_weight", "weight", "name_en", "name_tr",
            "description_en", "description_tr", "source", "symbol", "format",
        ]  # fmt: skip
        return Criteria(groups=groups, indicators=table[columns], source=self.source, ahp=dict(self.ahp))

    def parse_indicators(
        self, group: GroupSpec, gwhere: str, earlier: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        use_ahp = group.pairwise is not None
        rows: list[dict[str, Any]] = []
        for ii, ind in enumerate(group.indicators):
            where = f"{gwhere}.indicators[{ii}] ({ind.id})"
            if any(ind.id == row["id"] for row in earlier + rows):
                self.error(f"{where}.id", f"duplicate indicator id {ind.id!r}")
                continue
            if use_ahp and ind.weight is not None:
                self.error(
                    f"{where}.weight",
                    f"weights in group {group.id!r} come from its 'pairwise'; remove 'weight' here or remove "
                    "'pairwise'",
                )
            if not use_ahp and ind.weight is None:
                self.error(where, "missing required key 'weight' (or give 'pairwise' in the group)")
            source = ind.source or ind.id
            clash = [row["id"] for row in earlier + rows if row["source"] == source]
            if clash:
                self.error(f"{where}.source", f"column {source!r} is already used by indicator {clash[0]!r}")
            rows.append(
                {
                    "id": ind.id,
                    "group": group.id,
                    "direction": ind.direction,
                    "benefit": ind.direction == "benefit",
                    "within_weight": ind.weight,
                    "name_en": ind.name_en,
                    "name_tr": ind.name_tr,
                    "description_en": ind.description_en,
                    "description_tr": ind.description_tr,
                    "source": source,
                    "symbol": ind.symbol or "",
                    "format": ind.format or "{:.3g}",
                }
            )
        ids = [r["id"] for r in rows]
        if group.pairwise is not None:
            within = self.pairwise(group.pairwise, ids, f"{gwhere}.pairwise", group.id)
        else:
            within = self.normalise(
                {r["id"]: r["within_weight"] for r in rows}, f"{gwhere} indicator weights"
            )
        for r in rows:
            r["within_weight"] = within[r["id"]] if within is not None else math.nan
        return rows


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------
def parse_criteria(
    data: Mapping[str, Any], *, source: str = "<dict>", allow_inconsistent: bool = False
) -> Criteria:
    """Validate criteria given as a mapping (the parsed YAML structure).

    Parameters
    ----------
    data : mapping
        Same structure as the YAML file (see :func:`load_criteria`).
    source : str, default '<dict>'
        Name used in error messages.
    allow_inconsistent : bool, default False
        Use weights from an inconsistent AHP matrix (CR ≥ 0.1) with a warning instead of an error.

    Returns
    -------
    Criteria

    Raises
    ------
    CriteriaError
        On any structural problem, naming ``source``, the place and what was expected.

    Warns
    -----
    UserWarning
        When a level's weights do not sum to 1 (they are normalised), or an inconsistent AHP matrix is
        used because ``allow_inconsistent=True``.

    Examples
    --------
    >>> c = parse_criteria({"groups": [
    ...     {"id": "g", "name_en": "G", "name_tr": "G", "weight": 1, "indicators": [
    ...         {"id": "lq", "name_en": "specialisation", "name_tr": "uzmanlaşma", "description_en": "LQ",
    ...          "description_tr": "LQ", "direction": "benefit", "weight": 0.5},
    ...         {"id": "wage_cost", "name_en": "wage cost", "name_tr": "ücret maliyeti",
    ...          "description_en": "wage", "description_tr": "ücret", "direction": "cost", "weight": 0.5}]}]})
    >>> c.weights.tolist(), c.benefit
    ([0.5, 0.5], [True, False])
    """
    parser = _Parser(source, allow_inconsistent)
    criteria = parser.parse(data)
    for message in parser.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    return criteria


def load_criteria(
    path: str | os.PathLike[str] | None = None, *, allow_inconsistent: bool = False
) -> Criteria:
    """Load and validate a criteria YAML file (default: the bundled ``criteria_default.yaml``).

    The file has a list ``groups``; each group has ``id``, ``name_en``, ``name_tr``, ``weight``
    (optional ``description_en``/``description_tr``) and a list ``indicators``; each indicator has
    ``id``, ``name_en``, ``name_tr``, ``description_en``, ``description_tr``, ``direction``
    (``benefit`` or ``cost``), ``weight`` within its group, and optionally ``source`` (column of the
    indicator table, default the id), ``symbol`` (e.g. ``LQ``) and ``format`` (e.g. ``'{:.1f}'``) used
    in explanations.  Weights may be written as fractions (``1/3``).  Instead of group weights, a
    top-level ``group_pairwise`` with ``order`` (group ids) and ``matrix`` (Saaty 1–9 judgements) gives
    AHP weights; a group's ``pairwise`` does the same for its indicators.

    Parameters
    ----------
    path : str or path-like, optional
        YAML file; default :data:`DEFAULT_CRITERIA_PATH`.
    allow_inconsistent : bool, default False
        Use weights from an inconsistent AHP matrix (CR ≥ 0.1) with a warning instead of an error.

    Returns
    -------
    Criteria
        ``.groups``, ``.indicators`` (DataFrame), ``.weights`` (global, sums to 1), ``.benefit``.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    CriteriaError
        If the file is not valid YAML or does not follow the structure; the message names the file,
        the place in it (e.g. ``groups[1] (demand).indicators[0] (rca).direction``) and what was
        expected.

    Warns
    -----
    UserWarning
        When a level's weights do not sum to 1 (they are normalised), or an inconsistent AHP matrix is
        used because ``allow_inconsistent=True``.

    Examples
    --------
    >>> criteria = load_criteria()
    >>> [g.id for g in criteria.groups]
    ['economic_impact', 'demand', 'networking', 'factor_conditions']
    >>> float(round(criteria.weights.sum(), 9))
    1.0
    """
    file = Path(path) if path is not None else DEFAULT_CRITERIA_PATH
    if not file.is_file():
        raise FileNotFoundError(f"criteria file {str(file)!r} does not exist")
    data = read_yaml(file, error=CriteriaError)
    parser = _Parser(str(file), allow_inconsistent)
    criteria = parser.parse(data)
    for message in parser.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    return criteria
