"""Per-item summaries of Likert answers: valid N, answer shares, top-2-box with a Wilson interval.

"Don't know" and missing answers are counted and shown, but kept out of every percentage: the
shares of an item are over its valid answers (codes 1–5) and sum to 1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["SCALE", "TOP_BOX", "likert_summary", "response_rates", "wilson_interval"]

#: The answer codes of the five-point scale (1 = strongly disagree … 5 = strongly agree).
SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
#: Codes counted as "agree" in the top-2-box (the firm says it has the need).
TOP_BOX: tuple[int, ...] = (4, 5)
_REQUIRED = ("firm_id", "item", "block", "answer", "status")


def wilson_interval(
    successes: int | np.ndarray, n: int | np.ndarray, *, confidence: float = 0.95
) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Wilson score interval for a proportion (vectorised).

    With :math:`\\hat p = x / n` and :math:`z` the normal quantile of the confidence level,

    .. math::

        \\frac{\\hat p + \\frac{z^2}{2n} \\pm z \\sqrt{\\frac{\\hat p (1 - \\hat p)}{n} + \\frac{z^2}{4 n^2}}}
             {1 + \\frac{z^2}{n}}

    Unlike the Wald interval it stays inside [0, 1] and keeps close to its nominal coverage for
    the small samples of a firm survey.

    Parameters
    ----------
    successes, n : int or array of int
        Number of "yes" answers and of valid answers; ``n = 0`` gives NaN.
    confidence : float, keyword-only

    Returns
    -------
    (low, high) : floats or arrays

    Raises
    ------
    ValueError
        For counts outside ``0 ≤ successes ≤ n`` or a confidence outside (0, 1).

    References
    ----------
    .. [1] Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
       inference. *JASA* 22(158), 209–212.
    .. [2] Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion:
       comparison of seven methods. *Statistics in Medicine* 17(8), 857–872 (Table II).

    Examples
    --------
    >>> low, high = wilson_interval(81, 263)
    >>> round(low, 4), round(high, 4)
    (0.2553, 0.3662)
    """
    if not 0 < confidence < 1:
        raise ValueError(f"'confidence' must lie strictly between 0 and 1, got {confidence!r}")
    x = np.asarray(successes, dtype=float)
    m = np.asarray(n, dtype=float)
    if np.any(x < 0) or np.any(x > m) or np.any(m < 0):
        raise ValueError(f"wilson_interval needs 0 ≤ successes ≤ n, got successes={successes!r}, n={n!r}")
    z = stats.norm.isf((1 - confidence) / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = x / m
        denominator = 1 + z**2 / m
        centre = (p + z**2 / (2 * m)) / denominator
        half = z * np.sqrt(p * (1 - p) / m + z**2 / (4 * m**2)) / denominator
        # exact ends: the interval reaches 0 when x = 0 and 1 when x = n (rounding would miss them)
        low = np.where(m > 0, np.where(x == 0, 0.0, np.clip(centre - half, 0, 1)), np.nan)
        high = np.where(m > 0, np.where(x == m, 1.0, np.clip(centre + half, 0, 1)), np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def _check(survey: pd.DataFrame) -> None:
    if not isinstance(survey, pd.DataFrame):
        raise TypeError(f"'survey' must be a DataFrame of long answers, got {type(survey).__name__}")
    missing = [c for c in _REQUIRED if c not in survey.columns]
    if missing:
        raise ValueError(
            f"'survey' lacks the columns {missing}; read it with clusterlib.needs.read_survey "
            f"(columns {list(_REQUIRED)})"
        )


def likert_summary(
    survey: pd.DataFrame, *, by: str | list[str] | None = None, confidence: float = 0.95
) -> pd.DataFrame:
    """Per item (and group): valid N, answer shares, top-2-box with a Wilson interval, median and IQR.

    Parameters
    ----------
    survey : DataFrame
        Long answers (:func:`clusterlib.needs.read_survey`) with ``firm_id, item, block, answer,
        status``; ``status`` is ``valid``, ``dont_know`` or ``missing``.
    by : str or list of str, optional, keyword-only
        Further grouping columns (e.g. ``"wave"``, ``"size_class"``).
    confidence : float, keyword-only
        Of the top-2-box interval.

    Returns
    -------
    DataFrame
        One row per group, block and item: ``n_asked`` (rows of the item), ``n_valid``,
        ``n_dont_know``, ``n_missing``, ``share_1`` … ``share_5`` (over valid answers; they sum to
        1), ``top2`` (share of 4 and 5) with ``top2_low, top2_high``, ``mean``, ``median``, ``q1``,
        ``q3`` (quartiles of the valid codes). An item with no valid answer has NaN shares.

    Examples
    --------
    >>> survey = pd.DataFrame({
    ...     "firm_id": ["A", "B", "C", "D"], "item": "x1", "block": "exports",
    ...     "answer": pd.array([5, 4, 2, pd.NA], dtype="Int64"),
    ...     "status": ["valid", "valid", "valid", "dont_know"]})
    >>> row = likert_summary(survey).iloc[0]
    >>> int(row["n_valid"]), int(row["n_dont_know"]), round(float(row["top2"]), 3), float(row["median"])
    (3, 1, 0.667, 4.0)
    """
    _check(survey)
    groups = ([by] if isinstance(by, str) else list(by or [])) + ["block", "item"]
    unknown = [c for c in groups if c not in survey.columns]
    if unknown:
        raise ValueError(f"'by' names columns not in 'survey': {unknown}")
    frame = survey.copy()
    frame["_valid"] = frame["status"].eq("valid") & frame["answer"].notna()
    codes = frame["answer"].astype("Float64").astype(float)
    for code in SCALE:
        frame[f"_c{code}"] = (codes == code) & frame["_valid"]
    frame["_top"] = codes.isin(TOP_BOX) & frame["_valid"]
    frame["_dk"] = frame["status"].eq("dont_know")
    frame["_miss"] = frame["status"].eq("missing")
    frame["_code"] = codes.where(frame["_valid"])
    grouped = frame.groupby(groups, sort=True, observed=True)
    counts = grouped.agg(
        n_asked=("firm_id", "size"),
        n_valid=("_valid", "sum"),
        n_dont_know=("_dk", "sum"),
        n_missing=("_miss", "sum"),
        n_top2=("_top", "sum"),
        **{f"n_{code}": (f"_c{code}", "sum") for code in SCALE},
    )
    quantiles = grouped["_code"].quantile([0.25, 0.5, 0.75]).unstack()
    quantiles.columns = ["q1", "median", "q3"]
    result = counts.join(quantiles).join(grouped["_code"].mean().rename("mean"))
    n_valid = result["n_valid"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        for code in SCALE:
            result[f"share_{code}"] = np.where(n_valid > 0, result[f"n_{code}"] / n_valid, np.nan)
        result["top2"] = np.where(n_valid > 0, result["n_top2"] / n_valid, np.nan)
    low, high = wilson_interval(result["n_top2"].to_numpy(), n_valid, confidence=confidence)
    result["top2_low"], result["top2_high"] = low, high
    columns = [
        "n_asked",
        "n_valid",
        "n_dont_know",
        "n_missing",
        *[f"share_{c}" for c in SCALE],
        "top2",
        "top2_low",
        "top2_high",
        "mean",
        "median",
        "q1",
        "q3",
    ]
    result = result[columns].reset_index()
    for column in ("n_asked", "n_valid", "n_dont_know", "n_missing"):
        result[column] = result[column].astype(int)
    return result


def response_rates(
    survey: pd.DataFrame, firms: pd.DataFrame, *, wave_years: dict | None = None
) -> pd.DataFrame:
    """Response and missing-answer rates per wave: who answered at all, and how much they left out.

    Parameters
    ----------
    survey : DataFrame
        Long answers with ``wave, firm_id, status``.
    firms : DataFrame
        The cluster's firm register (``firm_id``, ``founded``); a firm counts as eligible in a wave
        when it was founded before the wave's year (or when ``founded`` is unknown).

    Returns
    -------
    DataFrame
        Per wave: ``eligible`` firms, ``respondents``, ``response_rate``, ``answers`` (item rows),
        ``valid``, ``dont_know``, ``missing`` and their shares ``dont_know_rate``, ``missing_rate``.
    """
    del wave_years
    rows = []
    for wave, part in survey.groupby("wave", sort=True):
        founded = pd.to_numeric(firms.get("founded"), errors="coerce") if "founded" in firms else None
        eligible = int((founded.isna() | (founded < int(wave))).sum()) if founded is not None else len(firms)
        respondents = part["firm_id"].nunique()
        status = part["status"].value_counts()
        answers = len(part)
        rows.append(
            {
                "wave": int(wave),
                "eligible": eligible,
                "respondents": respondents,
                "response_rate": respondents / eligible if eligible else np.nan,
                "answers": answers,
                "valid": int(status.get("valid", 0)),
                "dont_know": int(status.get("dont_know", 0)),
                "missing": int(status.get("missing", 0)),
                "dont_know_rate": status.get("dont_know", 0) / answers if answers else np.nan,
                "missing_rate": status.get("missing", 0) / answers if answers else np.nan,
            }
        )
    return pd.DataFrame(rows)
