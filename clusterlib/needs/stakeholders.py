"""The local actors of a province: register, actor × function matrix, gaps and Mendelow's grid.

The register is the stakeholder table (:func:`clusterlib.data.read_stakeholders`): who the actor
is, its role, responsibilities and location, the functions it covers and, where the committee has
scored them, its influence on and interest in the cluster (1–5).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clusterlib.config import RESOURCES_DIR
from clusterlib.configfile import read_yaml

__all__ = [
    "DEFAULT_FUNCTIONS",
    "DEFAULT_SCORES",
    "FUNCTIONS",
    "HIGH",
    "QUADRANTS",
    "actor_function_matrix",
    "actor_register",
    "function_gaps",
    "mendelow_grid",
]

#: The functions a local support system needs (methodology §8), in report order.
FUNCTIONS: tuple[str, ...] = (
    "training",
    "finance",
    "export_promotion",
    "rnd",
    "infrastructure",
    "networking",
    "policy",
)

#: The file of functions assumed by actor type when the register does not list them.
ACTOR_FUNCTIONS_FILE: Path = RESOURCES_DIR / "needs" / "actor_functions.yaml"

#: Functions assumed by actor type when the register does not list them (judgement from the types'
#: usual mandates in Türkiye, kept in :data:`ACTOR_FUNCTIONS_FILE`; the report marks actors whose
#: functions were assumed).
DEFAULT_FUNCTIONS: dict[str, tuple[str, ...]] = {
    kind: tuple(functions) for kind, functions in read_yaml(ACTOR_FUNCTIONS_FILE).items()  # type: ignore[union-attr]
}

#: (influence, interest) assumed by actor type where the register has no score — the documented
#: default: public bodies and funders can change the cluster's conditions (high influence), member
#: organisations of the firms care most (high interest).  Scores are 1–5.
DEFAULT_SCORES: dict[str, tuple[int, int]] = {
    "chamber": (4, 3),
    "development_agency": (4, 4),
    "university": (3, 4),
    "oiz": (3, 3),
    "kosgeb": (4, 4),
    "public": (5, 2),
    "exporters_association": (3, 5),
    "cluster_association": (2, 5),
    "ngo": (2, 3),
}

#: A score is "high" from this value on (4 or 5 on the 1–5 scale).
HIGH: int = 4

#: Mendelow's quadrants by (high influence, high interest).
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): "manage_closely",
    (True, False): "keep_satisfied",
    (False, True): "keep_informed",
    (False, False): "monitor",
}


def _split(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return tuple(part.strip() for part in str(value).split(";") if part.strip())


def actor_register(stakeholders: pd.DataFrame, plate: int, *, cluster: str | None = None) -> pd.DataFrame:
    """The local actors of one province, with functions and influence/interest filled in.

    Parameters
    ----------
    stakeholders : DataFrame
        The stakeholder table (``plate, name, type, role_*, responsibilities_*, lat, lon,
        clusters``; optional ``functions, influence, interest``).
    plate : int
        The province.
    cluster : str, optional, keyword-only
        Marks the actors that support this cluster (``supports_cluster``).

    Returns
    -------
    DataFrame
        The province's actors with ``functions`` (a tuple), ``functions_assumed`` (True where they
        came from :data:`DEFAULT_FUNCTIONS`), ``influence``, ``interest`` (1–5) and
        ``scores_assumed`` (True where a score came from :data:`DEFAULT_SCORES`), ``supports_cluster``.

    Examples
    --------
    >>> table = pd.DataFrame({"plate": [19, 19], "name": ["A", "B"], "type": ["university", "oiz"],
    ...     "functions": ["rnd", None], "influence": [5, None], "interest": [5, None], "clusters": ["x", ""]})
    >>> register = actor_register(table, 19, cluster="x")
    >>> register[["functions", "influence", "scores_assumed", "supports_cluster"]].values.tolist()
    [[('rnd',), 5, False, True], [('training', 'infrastructure'), 3, True, False]]
    """
    if "plate" not in stakeholders or "type" not in stakeholders:
        raise ValueError(
            "'stakeholders' needs the columns 'plate' and 'type' (read it with read_stakeholders)"
        )
    local = stakeholders[stakeholders["plate"].astype(int) == int(plate)].copy().reset_index(drop=True)
    listed = (
        local["functions"].map(_split) if "functions" in local else pd.Series([()] * len(local), dtype=object)
    )
    assumed = listed.map(len).eq(0)
    local["functions"] = [
        tuple(f for f in FUNCTIONS if f in set(own or DEFAULT_FUNCTIONS.get(kind, ())))
        for own, kind in zip(listed, local["type"], strict=True)
    ]
    local["functions_assumed"] = assumed.to_numpy()
    defaults = local["type"].map(lambda k: DEFAULT_SCORES.get(k, (3, 3)))
    scored = pd.Series(True, index=local.index)
    for k, column in enumerate(("influence", "interest")):
        given = (
            pd.to_numeric(local[column], errors="coerce")
            if column in local
            else pd.Series(float("nan"), index=local.index)
        )
        scored &= given.notna()
        local[column] = given.fillna(defaults.map(lambda pair, k=k: pair[k])).astype(int)
    local["scores_assumed"] = ~scored.to_numpy()
    supports = local["clusters"].map(_split) if "clusters" in local else pd.Series([()] * len(local))
    local["supports_cluster"] = [cluster in s for s in supports] if cluster else False
    return local


def actor_function_matrix(register: pd.DataFrame) -> pd.DataFrame:
    """Actors (rows, by name) × :data:`FUNCTIONS` (columns): True where the actor covers the function.

    Examples
    --------
    >>> register = pd.DataFrame({"name": ["A", "B"], "functions": [("rnd",), ("rnd", "finance")]})
    >>> actor_function_matrix(register).sum().to_dict()["rnd"]
    2
    """
    return pd.DataFrame(
        [[f in set(functions) for f in FUNCTIONS] for functions in register["functions"]],
        index=pd.Index(register["name"], name="name"),
        columns=pd.Index(FUNCTIONS, name="function"),
        dtype=bool,
    )


def function_gaps(matrix: pd.DataFrame) -> list[str]:
    """The functions no local actor covers, in :data:`FUNCTIONS` order.

    Examples
    --------
    >>> register = pd.DataFrame({"name": ["A"], "functions": [("training", "finance")]})
    >>> function_gaps(actor_function_matrix(register))
    ['export_promotion', 'rnd', 'infrastructure', 'networking', 'policy']
    """
    covered = matrix.any(axis=0)
    return [f for f in FUNCTIONS if not covered.get(f, False)]


def mendelow_grid(register: pd.DataFrame, *, high: int = HIGH) -> pd.DataFrame:
    """Place every actor in Mendelow's influence–interest grid.

    High influence and high interest (≥ ``high`` on 1–5): *manage closely*; high influence only:
    *keep satisfied*; high interest only: *keep informed*; neither: *monitor*.

    References
    ----------
    .. [1] Mendelow, A. (1991). Stakeholder mapping. *Proceedings of the 2nd International
       Conference on Information Systems*, Cambridge, MA.

    Examples
    --------
    >>> register = pd.DataFrame({"name": ["A", "B"], "influence": [5, 2], "interest": [4, 5]})
    >>> mendelow_grid(register)["quadrant"].tolist()
    ['manage_closely', 'keep_informed']
    """
    if not 1 <= high <= 5:
        raise ValueError(f"'high' must be a score from 1 to 5, got {high!r}")
    grid = register.copy()
    grid["quadrant"] = [
        QUADRANTS[(bool(i >= high), bool(j >= high))]
        for i, j in zip(grid["influence"], grid["interest"], strict=True)
    ]
    return grid
