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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from clusterlib.config import RESOURCES_DIR
from clusterlib.i18n import check_language
from clusterlib.selection.ahp import AHPResult
from clusterlib.selection.criteria_schema import (
    DIRECTIONS,
    CriteriaError,
)

__all__ = [
    "DEFAULT_CRITERIA_PATH",
    "DIRECTIONS",
    "WEIGHT_SUM_TOL",
    "Criteria",
    "CriteriaError",
    "Group",
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
        >>> from clusterlib.selection import load_criteria
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
        >>> from clusterlib.selection import load_criteria
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
