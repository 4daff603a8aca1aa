"""The monitoring plan of a cluster: each indicator's path, its straight trajectory, the projection of
its latest trend and the status of every year."""

from __future__ import annotations

import math
from numbers import Real

import numpy as np
import pandas as pd

from clusterlib.monitoring.rag import DIRECTIONS, progress, rag_status

__all__ = ["PLAN_COLUMNS", "direction_conflicts", "indicator_summary", "monitoring_plan", "projection", "trajectory"]

#: Columns of :func:`monitoring_plan`.
PLAN_COLUMNS = (
    "indicator", "name_en", "name_tr", "unit", "direction", "year",
    "baseline", "target", "actual", "trajectory", "progress", "status",
)
_PLAN_INPUT = ("cluster", "indicator", "name_en", "name_tr", "unit", "direction", "year", "baseline", "target",
               "actual")


def trajectory(years: object, *, baseline: float, base_year: int, target: float, target_year: int) -> np.ndarray:
    """The straight path from the baseline to the final target, evaluated at ``years``.

    .. math:: y(t) = b + (T - b)\\,\\frac{t - t_0}{t_T - t_0}

    Examples
    --------
    >>> trajectory([2019, 2022, 2026], baseline=10, base_year=2019, target=24, target_year=2026).tolist()
    [10.0, 16.0, 24.0]
    """
    if target_year == base_year:
        raise ValueError(f"'target_year' must differ from 'base_year', got {base_year} twice")
    t = np.asarray(years, dtype=float)
    return baseline + (target - baseline) * (t - base_year) / (target_year - base_year)


def projection(years: object, actuals: object, *, target: float, direction: str = "increase",
               window: int = 3, horizon: int = 2050) -> tuple[float, float, int | None]:
    """Least-squares line through the latest ``window`` actual values and the year it meets ``target``.

    The trend is :math:`\\hat y(t) = \\alpha + \\beta t` fitted to the last ``window`` years with an
    actual value. The target is met in the first whole year :math:`t \\ge t_{last}` with
    :math:`\\hat y(t) \\ge T` (``increase``) or :math:`\\le T` (``decrease``); ``None`` means
    "not on this trend" (the line moves away from the target, is flat short of it, or reaches it
    only after ``horizon``). A target the latest value already meets is met in the latest year.

    Parameters
    ----------
    years, actuals : array-like
        Years and actual values; missing actual values are skipped.
    target : float
        The final target.
    direction : {"increase", "decrease"}
    window : int, default 3
        Number of latest observed years the trend is fitted on (at least 2).
    horizon : int, default 2050
        Last year considered.

    Returns
    -------
    (slope, intercept, year_met)
        ``slope`` per year and ``intercept`` at year 0 of the fitted line (NaN with fewer than two
        observations) and the year the target is met, or ``None``.

    Examples
    --------
    >>> projection([2020, 2021, 2022], [10, 12, 14], target=20)
    (2.0, -4030.0, 2025)
    >>> projection([2020, 2021, 2022], [10, 9, 8], target=20)[2] is None
    True
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"'direction' must be one of {list(DIRECTIONS)}, got {direction!r}")
    if isinstance(window, bool) or not isinstance(window, int) or window < 2:
        raise ValueError(f"'window' must be a whole number of at least 2 years, got {window!r}")
    t = np.asarray(years, dtype=float)
    y = np.asarray(actuals, dtype=float)
    seen = ~np.isnan(y)
    t, y = t[seen][-window:], y[seen][-window:]
    if len(t) < 2:
        return math.nan, math.nan, None
    slope, intercept = np.polyfit(t, y, 1)
    slope, intercept = round(float(slope), 10), round(float(intercept), 6)
    sign = 1.0 if direction == "increase" else -1.0
    last = int(t[-1])
    if sign * (y[-1] - target) >= 0:
        return slope, intercept, last
    if sign * slope <= 0:
        return slope, intercept, None
    year = math.ceil((target - intercept) / slope - 1e-9)
    year = max(year, last)
    return slope, intercept, (year if year <= horizon else None)


def _check_table(monitoring: object) -> pd.DataFrame:
    if not isinstance(monitoring, pd.DataFrame):
        raise TypeError(f"'monitoring' must be a DataFrame (clusterlib.data.read_monitoring), got "
                        f"{type(monitoring).__name__}")
    missing = [c for c in _PLAN_INPUT if c not in monitoring.columns]
    if missing:
        raise ValueError(f"'monitoring' lacks the columns {missing}; read it with clusterlib.data.read_monitoring")
    return monitoring


def monitoring_plan(monitoring: pd.DataFrame, cluster: str, *, amber: float = 0.75) -> pd.DataFrame:
    """Every indicator of a cluster by year: target, actual, straight trajectory, progress and status.

    The baseline year is the first year of each indicator; its final target is the target of the last
    year. ``progress`` and ``status`` compare each year's actual value with that year's target
    (:func:`~clusterlib.monitoring.rag.rag_status`); years without a target (the baseline year)
    have no status (NaN), years without an actual value are ``grey``.

    Parameters
    ----------
    monitoring : DataFrame
        The monitoring table (:func:`clusterlib.data.read_monitoring`).
    cluster : str
        A cluster id of the table.
    amber : float, default 0.75
        Lowest progress that is amber.

    Returns
    -------
    DataFrame
        :data:`PLAN_COLUMNS`, sorted by indicator and year.

    Examples
    --------
    >>> table = pd.DataFrame({"cluster": "c", "indicator": "x", "name_en": "X", "name_tr": "X", "unit": "n",
    ...     "direction": "increase", "year": [2019, 2020, 2021], "baseline": 10.0,
    ...     "target": [np.nan, 15.0, 20.0], "actual": [10.0, 14.0, np.nan]})
    >>> monitoring_plan(table, "c")[["year", "trajectory", "status"]]
       year  trajectory status
    0  2019        10.0    NaN
    1  2020        15.0  amber
    2  2021        20.0   grey
    """
    table = _check_table(monitoring)
    rows = table[table["cluster"] == cluster]
    if rows.empty:
        known = sorted(table["cluster"].unique())
        raise ValueError(f"'cluster' {cluster!r} is not in the monitoring table; it has {known}")
    parts = []
    for _, group in rows.sort_values(["indicator", "year"]).groupby("indicator", sort=True):
        group = group.reset_index(drop=True)
        base_year, final_year = int(group["year"].iloc[0]), int(group["year"].iloc[-1])
        final = float(group["target"].iloc[-1])
        base = float(group["baseline"].iloc[0])
        direction = str(group["direction"].iloc[0])
        frame = group[[c for c in PLAN_COLUMNS if c in group.columns]].copy()
        frame["trajectory"] = trajectory(group["year"], baseline=base, base_year=base_year, target=final,
                                         target_year=final_year)
        with_target = group["target"].notna()
        frame["progress"] = progress(group["baseline"], group["target"], group["actual"]).where(with_target)
        status = rag_status(group["baseline"], group["target"], group["actual"], direction=direction, amber=amber)
        frame["status"] = status.where(with_target)
        parts.append(frame)
    return pd.concat(parts, ignore_index=True)[list(PLAN_COLUMNS)]


def indicator_summary(plan: pd.DataFrame, *, year: int | None = None, window: int = 3,
                      horizon: int = 2050) -> pd.DataFrame:
    """One row per indicator: the latest actual and its status, the final target and the projection.

    The status is that of the report year ``year`` (default: the latest year with an actual value of
    any indicator).  An indicator without an actual for that year is ``grey`` — no data for the year —
    whatever its last value's status was (``latest_status``); its last value and ``latest_year`` are
    still given, so that the report shows the year of every value.

    Parameters
    ----------
    plan : DataFrame
        The output of :func:`monitoring_plan`.
    year : int, optional
        The report year.
    window, horizon : int
        See :func:`projection`.

    Returns
    -------
    DataFrame
        ``indicator, name_en, name_tr, unit, direction, baseline, latest_year, latest_actual,
        latest_target, progress, status, latest_status, report_year, final_year, final_target,
        projected_final, year_met``; ``year_met`` is a nullable integer (missing: not on this trend).

    Examples
    --------
    >>> table = pd.DataFrame({"cluster": "c", "indicator": "x", "name_en": "X", "name_tr": "X", "unit": "n",
    ...     "direction": "increase", "year": [2019, 2020, 2021, 2022], "baseline": 10.0,
    ...     "target": [np.nan, 12.0, 14.0, 16.0], "actual": [10.0, 11.0, 12.0, np.nan]})
    >>> row = indicator_summary(monitoring_plan(table, "c")).iloc[0]
    >>> row["status"], float(row["projected_final"]), int(row["year_met"])
    ('red', 13.0, 2025)

    In 2022, the indicator's last actual value (2021) says nothing about 2022:

    >>> row = indicator_summary(monitoring_plan(table, "c"), year=2022).iloc[0]
    >>> row["status"], row["latest_status"], int(row["latest_year"]), int(row["report_year"])
    ('grey', 'red', 2021, 2022)
    """
    if isinstance(horizon, bool) or not isinstance(horizon, Real):
        raise TypeError(f"'horizon' must be a year, got {horizon!r}")
    seen = plan[plan["actual"].notna() & plan["target"].notna()]
    report_year = int(year) if year is not None else (int(seen["year"].max()) if len(seen) else None)
    rows = []
    for indicator, group in plan.groupby("indicator", sort=True):
        observed = group[group["actual"].notna() & group["target"].notna()]
        observed = observed[observed["year"] <= report_year] if report_year is not None else observed
        latest = observed.iloc[-1] if len(observed) else None
        final_year = int(group["year"].iloc[-1])
        final = float(group["target"].iloc[-1])
        direction = str(group["direction"].iloc[0])
        slope, intercept, year_met = projection(group["year"], group["actual"], target=final, direction=direction,
                                                window=window, horizon=horizon)
        rows.append(
            {
                "indicator": indicator,
                "name_en": group["name_en"].iloc[0],
                "name_tr": group["name_tr"].iloc[0],
                "unit": group["unit"].iloc[0],
                "direction": direction,
                "baseline": float(group["baseline"].iloc[0]),
                "latest_year": int(latest["year"]) if latest is not None else pd.NA,
                "latest_actual": float(latest["actual"]) if latest is not None else math.nan,
                "latest_target": float(latest["target"]) if latest is not None else math.nan,
                "progress": float(latest["progress"]) if latest is not None else math.nan,
                "status": latest["status"] if latest is not None and int(latest["year"]) == report_year
                else "grey",
                "latest_status": latest["status"] if latest is not None else "grey",
                "report_year": report_year if report_year is not None else pd.NA,
                "final_year": final_year,
                "final_target": final,
                "projected_final": round(intercept + slope * final_year, 6) if not math.isnan(slope) else math.nan,
                "year_met": year_met if year_met is not None else pd.NA,
            }
        )
    out = pd.DataFrame(rows)
    out["latest_year"] = out["latest_year"].astype("Int64")
    out["report_year"] = out["report_year"].astype("Int64")
    out["year_met"] = out["year_met"].astype("Int64")
    return out


def direction_conflicts(plan: pd.DataFrame) -> pd.DataFrame:
    """Indicators whose direction contradicts their targets: ``increase`` with a final target below the
    baseline, or ``decrease`` with one above it.

    A plan that says a share must fall while its targets rise is wrong in one place or the other; the
    statuses follow the targets, so the report must say which indicators to check.

    Returns
    -------
    DataFrame
        ``indicator, name_en, name_tr, direction, baseline, final_target`` (no row: no conflict).

    Examples
    --------
    >>> table = pd.DataFrame({"cluster": "c", "indicator": "share", "name_en": "S", "name_tr": "P", "unit": "%",
    ...     "direction": "decrease", "year": [2019, 2020, 2021], "baseline": 33.3,
    ...     "target": [np.nan, 36.0, 40.3], "actual": [33.3, 37.0, 40.8]})
    >>> direction_conflicts(monitoring_plan(table, "c"))[["indicator", "baseline", "final_target"]].values.tolist()
    [['share', 33.3, 40.3]]
    """
    rows = []
    for indicator, group in plan.groupby("indicator", sort=True):
        group = group.sort_values("year")
        baseline = float(group["baseline"].iloc[0])
        targets = group["target"].dropna()
        if targets.empty or math.isnan(baseline):
            continue
        final, direction = float(targets.iloc[-1]), str(group["direction"].iloc[0])
        if (direction == "increase" and final < baseline) or (direction == "decrease" and final > baseline):
            rows.append({"indicator": indicator, "name_en": group["name_en"].iloc[0],
                         "name_tr": group["name_tr"].iloc[0], "direction": direction, "baseline": baseline,
                         "final_target": final})
    return pd.DataFrame(rows, columns=["indicator", "name_en", "name_tr", "direction", "baseline", "final_target"])
