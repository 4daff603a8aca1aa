"""Reading a criteria file: the structure checked by pydantic (:mod:`~clusterlib.selection.criteria_schema`),
the rules between values by :class:`CriteriaParser`, every problem of the file in one message.

:func:`load_criteria` reads a YAML file (the bundled default when no path is given) and
:func:`parse_criteria` a mapping; both return a :class:`~clusterlib.selection.criteria.Criteria`.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from clusterlib.configfile import raise_all, read_yaml
from clusterlib.selection.ahp import CR_THRESHOLD, AHPResult, ahp_weights
from clusterlib.selection.criteria import DEFAULT_CRITERIA_PATH, WEIGHT_SUM_TOL, Criteria, Group
from clusterlib.selection.criteria_schema import CriteriaError, GroupSpec, PairwiseSpec, validate_structure

__all__ = ["CriteriaParser", "load_criteria", "parse_criteria"]


# --------------------------------------------------------------------------------------------------
# Validation: the structure by pydantic (criteria_schema), the rules between values here
# --------------------------------------------------------------------------------------------------
class CriteriaParser:
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
    parser = CriteriaParser(source, allow_inconsistent)
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
    parser = CriteriaParser(str(file), allow_inconsistent)
    criteria = parser.parse(data)
    for message in parser.warnings:
        warnings.warn(message, UserWarning, stacklevel=2)
    return criteria
