"""Cluster-management quality over the six areas of European cluster-management benchmarking (ESCA).

The European Secretariat for Cluster Analysis benchmarks cluster organisations on indicators grouped
in six areas — structure of the cluster; management, governance and staff; financing; services;
cooperation and interaction; achievements and recognition — and awards the Cluster Management
Excellence Labels. Here each area carries a 0–100 score (100 = the excellence score of the area),
the cluster's self-assessment is compared with the reference (median) scores of labelled clusters,
and the overall score with the label thresholds.
"""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd

from clusterlib.monitoring.thresholds import THRESHOLDS

__all__ = ["AREAS", "AREA_INDICATORS", "EXCELLENCE", "LABEL_THRESHOLDS", "holding_back", "label_of",
           "management_scorecard"]

#: The six ESCA benchmarking areas (``benchmarks.csv`` indicators ``cm_<area>``), in display order.
AREAS: tuple[str, ...] = ("structure", "governance", "financing", "services", "interaction", "achievements")
#: The excellence score of an area (the top of the 0–100 scale).
EXCELLENCE = 100.0
#: Share of the excellence score a label needs: ESCA Gold at least 80 %; Silver is the workbench's
#: intermediate step (60 %); below that the benchmarked cluster holds Bronze (participation).
LABEL_THRESHOLDS: dict[str, float] = {"gold": THRESHOLDS.gold, "silver": THRESHOLDS.silver}


#: Which monitoring indicators (ids of ``monitoring.csv``) speak for each ESCA area; editable.
#: Structure: membership; governance: the management score; financing: none monitored yet; services:
#: training; cooperation: joint and R&D projects, local sourcing (imported inputs); achievements:
#: new products, exports and employment of the main division.
AREA_INDICATORS: dict[str, tuple[str, ...]] = {
    "structure": ("members",),
    "governance": ("cluster_management_score",),
    "financing": (),
    "services": ("training_days",),
    "interaction": ("joint_projects", "rd_projects", "imported_inputs_share"),
    "achievements": ("new_products", "exports_musd", "employment"),
}


def holding_back(table: pd.DataFrame, summary: pd.DataFrame, *,
                 indicators: dict[str, tuple[str, ...]] | None = None) -> pd.Series:
    """The monitoring indicators that hold each area back: red or amber ones of an area below the Gold threshold.

    Parameters
    ----------
    table : DataFrame
        :func:`management_scorecard`'s table (``area, holds_back``).
    summary : DataFrame
        :func:`clusterlib.monitoring.plan.indicator_summary` (``indicator, status``).
    indicators : dict, optional
        Area → indicator ids (default :data:`AREA_INDICATORS`).

    Returns
    -------
    pandas.Series
        A tuple of indicator ids per area (index ``area``), worst status first; empty for an area at or
        above the threshold or without a monitored indicator.

    Examples
    --------
    >>> table = pd.DataFrame({"area": ["services", "structure"], "holds_back": [True, False]})
    >>> summary = pd.DataFrame({"indicator": ["training_days", "members"], "status": ["red", "red"]})
    >>> holding_back(table, summary).to_dict()
    {'services': ('training_days',), 'structure': ()}
    """
    mapping = AREA_INDICATORS if indicators is None else indicators
    status = summary.set_index("indicator")["status"] if len(summary) else pd.Series(dtype=object)
    order = {"red": 0, "amber": 1}
    out = {}
    for area, behind in zip(table["area"], table["holds_back"], strict=True):
        found = [i for i in mapping.get(area, ()) if behind and status.get(i) in order]
        out[area] = tuple(sorted(found, key=lambda i: order[status[i]]))
    return pd.Series(out, name="held_back_by", dtype=object).rename_axis("area")


def label_of(score: float, *, gold: float = THRESHOLDS.gold, silver: float = THRESHOLDS.silver) -> str:
    """The label an overall score (0–100) reaches: ``gold``, ``silver`` or ``bronze`` (NaN: ``none``).

    Examples
    --------
    >>> label_of(85), label_of(79.9), label_of(40), label_of(float("nan"))
    ('gold', 'silver', 'bronze', 'none')
    """
    for name, value in (("gold", gold), ("silver", silver)):
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 < value <= 1:
            raise ValueError(f"'{name}' must be a share in (0, 1], got {value!r}")
    if silver > gold:
        raise ValueError(f"'silver' ({silver}) must not exceed 'gold' ({gold})")
    if score is None or np.isnan(score):
        return "none"
    if score >= gold * EXCELLENCE:
        return "gold"
    return "silver" if score >= silver * EXCELLENCE else "bronze"


def management_scorecard(benchmarks: pd.DataFrame, cluster: str, *, gold: float = THRESHOLDS.gold,
                         silver: float = THRESHOLDS.silver) -> tuple[pd.DataFrame, float, str]:
    """Self-assessment of a cluster's management in the six areas against the labelled clusters.

    For each area: the cluster's score (``reference`` = the cluster id, indicator ``cm_<area>``), the
    label medians found in ``benchmarks`` (references ``ESCA <label> label median``), the gap to the
    Gold threshold (``gold`` × 100) and whether the area holds the cluster back (below that
    threshold). The overall score is the mean of the areas scored,

    .. math:: S = \\frac{1}{|A|}\\sum_{a \\in A} s_a ,

    and the label is Gold when :math:`S \\ge` ``gold`` × 100.

    Parameters
    ----------
    benchmarks : DataFrame
        :func:`clusterlib.data.read_benchmarks`.
    cluster : str
        The cluster id of the self-assessment rows.
    gold, silver : float
        Label thresholds as shares of the excellence score.

    Returns
    -------
    (DataFrame, float, str)
        Per area ``area, score, gold_median, silver_median, bronze_median, gap_to_gold, holds_back``
        (missing scores stay NaN), the overall score and its label.

    Examples
    --------
    >>> b = pd.DataFrame({"indicator": ["cm_structure", "cm_financing"], "reference": ["c", "c"],
    ...                   "value": [90.0, 50.0]})
    >>> table, score, label = management_scorecard(b, "c")
    >>> table.loc[table["area"].isin(["structure", "financing"]), ["area", "gap_to_gold", "holds_back"]]
            area  gap_to_gold  holds_back
    0  structure         10.0       False
    2  financing        -30.0        True
    >>> score, label
    (70.0, 'silver')
    """
    missing = [c for c in ("indicator", "reference", "value") if c not in benchmarks.columns]
    if missing:
        raise ValueError(f"'benchmarks' lacks the columns {missing}")
    cm = benchmarks[benchmarks["indicator"].isin([f"cm_{a}" for a in AREAS])]

    def scores(reference: str) -> pd.Series:
        rows = cm[cm["reference"] == reference]
        return rows.set_index(rows["indicator"].str.removeprefix("cm_"))["value"].astype(float).reindex(AREAS)

    own = scores(cluster)
    if own.isna().all():
        raise ValueError(f"'benchmarks' has no self-assessment (indicators cm_<area>) for the cluster {cluster!r}")
    table = pd.DataFrame({"area": AREAS, "score": own.to_numpy()})
    for label in ("gold", "silver", "bronze"):
        table[f"{label}_median"] = scores(f"ESCA {label} label median").to_numpy()
    table["gap_to_gold"] = table["score"] - gold * EXCELLENCE
    table["holds_back"] = table["gap_to_gold"] < 0
    overall = float(own.mean()) if own.notna().any() else float("nan")
    return table, overall, label_of(overall, gold=gold, silver=silver)
