"""Needs ranked with their uncertainty, by firm group, and their change between survey waves.

The need of a block is its **top-2-box share**: of all valid answers to the block's items, the
share that agree (4) or strongly agree (5) that the firm has the need.  Answers of one firm are not
independent, so intervals come from a bootstrap that resamples *firms* (a cluster bootstrap,
Davison & Hinkley 1997, §3.8), with a fixed seed so a report always shows the same numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from clusterlib.needs.likert import TOP_BOX
from clusterlib.resultcache import cached_computation

__all__ = ["adjust_pvalues", "compare_clusters", "compare_groups", "compare_waves", "rank_needs"]

#: Seed of the bootstrap, so that a report shows the same intervals every time it is rendered.
SEED = 20130526
_CORRECTIONS = ("holm", "bh")
#: A firm group (size class, stage) enters the group test only with at least this many answering firms.
MIN_GROUP_FIRMS = 5


def _firm_counts(survey: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per firm (rows) and unit (columns): number of agree answers and of valid answers."""
    valid = survey[survey["status"].eq("valid") & survey["answer"].notna()]
    agree = valid["answer"].astype(int).isin(TOP_BOX).astype(int)
    frame = valid.assign(_agree=agree.to_numpy(), _one=1)
    agree_counts = frame.pivot_table(
        index="firm_id", columns=unit, values="_agree", aggfunc="sum", fill_value=0
    )
    valid_counts = frame.pivot_table(
        index="firm_id", columns=unit, values="_one", aggfunc="sum", fill_value=0
    )
    return agree_counts, valid_counts.reindex_like(agree_counts).fillna(0)


def _bootstrap_shares(agree: np.ndarray, valid: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """Kernel: n_boot × units pooled shares, firms resampled with replacement (multinomial weights)."""
    rng = np.random.default_rng(seed)
    n_firms = agree.shape[0]
    weights = rng.multinomial(n_firms, np.full(n_firms, 1.0 / n_firms), size=n_boot).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights @ agree) / (weights @ valid)


@cached_computation("needs_ranking")  # the bootstrap: language-free, shared by every language
def rank_needs(
    survey: pd.DataFrame,
    *,
    unit: str = "block",
    n_boot: int = 2000,
    confidence: float = 0.95,
    seed: int = SEED,
) -> pd.DataFrame:
    """Needs ranked by their top-2-box share, with bootstrap intervals for the share and the rank.

    .. math::

        s_b = \\frac{\\sum_f a_{fb}}{\\sum_f v_{fb}}

    with :math:`a_{fb}` the agree answers and :math:`v_{fb}` the valid answers of firm :math:`f`
    on the items of block :math:`b`.  The bootstrap draws firms with replacement, recomputes every
    :math:`s_b` and ranks them; the percentile interval of :math:`s_b`, the 5–95 % range of the rank
    and the probability of being among the top three follow.

    Parameters
    ----------
    survey : DataFrame
        Long answers of one wave (``firm_id``, ``unit``, ``answer``, ``status``).
    unit : {"block", "item"}, keyword-only
    n_boot : int, keyword-only
        Bootstrap replicates.
    confidence : float, keyword-only
    seed : int, keyword-only

    Returns
    -------
    DataFrame
        Sorted by share, descending: ``unit`` column, ``share, low, high, rank, rank_low, rank_high,
        p_top3, firms`` (firms with a valid answer), ``answers`` (valid answers).

    References
    ----------
    .. [1] Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their Application*.
       Cambridge University Press, §3.8 (resampling clusters).
    .. [2] Efron, B. and Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*, ch. 13
       (percentile intervals).

    Examples
    --------
    >>> survey = pd.DataFrame({"firm_id": list("AABBCC"), "block": ["x", "y"] * 3,
    ...     "answer": pd.array([5, 2, 4, 1, 2, 4], dtype="Int64"), "status": "valid"})
    >>> rank_needs(survey, n_boot=200)[["block", "share", "rank"]].values.tolist()
    [['x', 0.6666666666666666, 1], ['y', 0.3333333333333333, 2]]
    """
    if unit not in ("block", "item"):
        raise ValueError(f"'unit' must be one of ['block', 'item'], got {unit!r}")
    if isinstance(n_boot, bool) or not isinstance(n_boot, (int, np.integer)) or n_boot < 100:
        raise ValueError(f"'n_boot' must be an integer ≥ 100, got {n_boot!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"'confidence' must lie strictly between 0 and 1, got {confidence!r}")
    if "wave" in survey and survey["wave"].nunique() > 1:
        raise ValueError(
            f"rank_needs ranks one survey wave at a time, got waves {sorted(survey['wave'].unique().tolist())}; "
            "select one (compare_waves compares them)"
        )
    agree, valid = _firm_counts(survey, unit)
    if agree.empty:
        raise ValueError("rank_needs needs at least one valid answer, got none")
    a, v = agree.to_numpy(float), valid.to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = a.sum(axis=0) / v.sum(axis=0)
    boot = _bootstrap_shares(a, v, n_boot, seed)
    tail = (1 - confidence) / 2
    low, high = np.nanquantile(boot, [tail, 1 - tail], axis=0)
    ranks = (-np.nan_to_num(boot, nan=-1.0)).argsort(axis=1).argsort(axis=1) + 1
    result = pd.DataFrame(
        {
            unit: agree.columns,
            "share": share,
            "low": low,
            "high": high,
            "rank_low": np.quantile(ranks, 0.05, axis=0, method="lower").astype(int),
            "rank_high": np.quantile(ranks, 0.95, axis=0, method="higher").astype(int),
            "p_top3": (ranks <= 3).mean(axis=0),
            "firms": (v > 0).sum(axis=0),
            "answers": v.sum(axis=0).astype(int),
        }
    )
    result = result.sort_values(["share", unit], ascending=[False, True], ignore_index=True)
    result.insert(2, "rank", np.arange(1, len(result) + 1))
    return result[
        [unit, "share", "low", "high", "rank", "rank_low", "rank_high", "p_top3", "firms", "answers"]
    ]


def adjust_pvalues(pvalues: np.ndarray | list[float], *, method: str = "holm") -> np.ndarray:
    """p-values adjusted for many tests: Holm's step-down or Benjamini–Hochberg.

    Holm (family-wise error rate): sort :math:`p_{(1)} \\le \\dots \\le p_{(m)}`, take
    :math:`\\tilde p_{(i)} = \\max_{j \\le i} \\min(1, (m - j + 1)\\, p_{(j)})`.  Benjamini–Hochberg
    (false discovery rate) is :func:`scipy.stats.false_discovery_control`.  NaN stays NaN and does
    not count as a test.

    References
    ----------
    .. [1] Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian
       Journal of Statistics* 6(2), 65–70.
    .. [2] Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. *JRSS B*
       57(1), 289–300.

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005]).round(3).tolist()
    [0.03, 0.06, 0.06, 0.02]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.005], method="bh").round(3).tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    if method not in _CORRECTIONS:
        raise ValueError(f"'method' must be one of {list(_CORRECTIONS)}, got {method!r}")
    p = np.asarray(pvalues, dtype=float)
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"p-values must lie in [0, 1], got {p[(p < 0) | (p > 1)].tolist()}")
    out = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    if not ok.any():
        return out
    if method == "bh":
        out[ok] = stats.false_discovery_control(p[ok], method="bh")
        return out
    values = p[ok]
    m = len(values)
    order = np.argsort(values, kind="stable")
    stepped = np.maximum.accumulate((m - np.arange(m)) * values[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    out[ok] = adjusted
    return out


def compare_waves(
    survey: pd.DataFrame,
    *,
    before: int | None = None,
    after: int | None = None,
    correction: str = "holm",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Change of each item between two survey waves, tested item by item and corrected for many items.

    Each item's valid answers in the two waves are compared with the two-sided Mann–Whitney U test
    (:func:`scipy.stats.mannwhitneyu`); the p-values of all items are adjusted together
    (:func:`adjust_pvalues`).  A change is *within noise* when its adjusted p-value is at least
    ``alpha``.  The test treats the waves as two independent samples; where the same firms answer
    both waves their answers are positively correlated, which makes this test conservative (it
    finds fewer changes than a paired test would).

    Returns
    -------
    DataFrame
        Per item: ``block, item, n_before, n_after, top2_before, top2_after, change`` (in top-2-box
        share), ``median_before, median_after, u, p, p_adjusted, significant, within_noise``.

    References
    ----------
    .. [1] Mann, H. B. and Whitney, D. R. (1947). On a test of whether one of two random variables
       is stochastically larger than the other. *Annals of Mathematical Statistics* 18(1), 50–60.
    """
    waves = sorted(int(w) for w in survey["wave"].dropna().unique())
    before = waves[0] if before is None and waves else before
    after = waves[-1] if after is None and waves else after
    if before is None or after is None or before == after or {before, after} - set(waves):
        raise ValueError(f"compare_waves needs two different waves present in the survey, got {waves}")
    valid = survey[survey["status"].eq("valid") & survey["answer"].notna()]
    rows = []
    for (block, item), part in valid.groupby(["block", "item"], sort=True):
        x = part.loc[part["wave"] == before, "answer"].astype(int).to_numpy()
        y = part.loc[part["wave"] == after, "answer"].astype(int).to_numpy()
        u = p = np.nan
        if len(x) and len(y):
            result = stats.mannwhitneyu(x, y, alternative="two-sided", method="auto")
            u, p = float(result.statistic), float(result.pvalue)
        top_x = np.isin(x, TOP_BOX).mean() if len(x) else np.nan
        top_y = np.isin(y, TOP_BOX).mean() if len(y) else np.nan
        rows.append(
            {
                "block": block,
                "item": item,
                "n_before": len(x),
                "n_after": len(y),
                "top2_before": top_x,
                "top2_after": top_y,
                "change": top_y - top_x,
                "median_before": np.median(x) if len(x) else np.nan,
                "median_after": np.median(y) if len(y) else np.nan,
                "u": u,
                "p": p,
            }
        )
    table = pd.DataFrame(rows)
    table["p_adjusted"] = adjust_pvalues(table["p"].to_numpy(), method=correction)
    table["significant"] = table["p_adjusted"] < alpha
    table["within_noise"] = ~table["significant"]
    table.attrs.update(before=before, after=after, correction=correction, alpha=alpha)
    return table


def compare_groups(
    survey: pd.DataFrame,
    groups: pd.Series,
    *,
    correction: str = "holm",
    alpha: float = 0.05,
    min_firms: int = MIN_GROUP_FIRMS,
) -> pd.DataFrame:
    """Block needs by firm group (size class, value-chain stage), tested block by block.

    Each firm's score on a block is the mean of its valid answers to the block's items; the
    groups' scores are compared with the Kruskal–Wallis H test (:func:`scipy.stats.kruskal`; for
    two groups the large-sample Mann–Whitney test without continuity correction), p-values adjusted over blocks.
    Groups with fewer than ``min_firms`` answering firms are shown but left out of the test.

    Parameters
    ----------
    survey : DataFrame
        Long answers of one wave.
    groups : Series
        Group of each firm, indexed by ``firm_id``.

    Returns
    -------
    DataFrame
        Long: ``block, group, firms, share`` (top-2-box share of the group's valid answers),
        ``p, p_adjusted, significant, within_noise`` (the block's test, repeated on its rows).
    """
    valid = survey[survey["status"].eq("valid") & survey["answer"].notna()].copy()
    valid["group"] = valid["firm_id"].map(groups)
    unknown = valid["group"].isna()
    valid = valid[~unknown]
    valid["agree"] = valid["answer"].astype(int).isin(TOP_BOX)
    valid["code"] = valid["answer"].astype(float)
    per_firm = valid.groupby(["block", "group", "firm_id"], observed=True)["code"].mean().reset_index()
    shares = (
        valid.groupby(["block", "group"], observed=True)
        .agg(firms=("firm_id", "nunique"), share=("agree", "mean"))
        .reset_index()
    )
    tests = []
    for block, part in per_firm.groupby("block", sort=True):
        samples = [g["code"].to_numpy() for _k, g in part.groupby("group") if len(g) >= min_firms]
        p = float(stats.kruskal(*samples).pvalue) if len(samples) >= 2 else np.nan
        tests.append({"block": block, "p": p})
    tests = pd.DataFrame(tests)
    tests["p_adjusted"] = adjust_pvalues(tests["p"].to_numpy(), method=correction)
    tests["significant"] = tests["p_adjusted"] < alpha
    tests["within_noise"] = ~tests["significant"]
    return shares.merge(tests, on="block", how="left")


@cached_computation("needs_clusters")
def compare_clusters(survey: pd.DataFrame, *, n_boot: int = 2000, seed: int = SEED) -> pd.DataFrame:
    """Block needs of every cluster in a survey wave, each with its bootstrap interval.

    :func:`rank_needs` run cluster by cluster (the same seed for each), so that a cluster's needs
    can be read beside those of the other clusters that answered the same questionnaire.

    Returns
    -------
    DataFrame
        ``cluster, block, share, low, high, rank, firms``.
    """
    if "cluster" not in survey:
        raise ValueError("'survey' needs a 'cluster' column to compare clusters")
    parts = []
    for cluster, part in survey.dropna(subset=["cluster"]).groupby("cluster", sort=True):
        if not (part["status"] == "valid").any():
            continue
        ranked = rank_needs(part, n_boot=n_boot, seed=seed)
        parts.append(ranked[["block", "share", "low", "high", "rank", "firms"]].assign(cluster=cluster))
    columns = ["cluster", "block", "share", "low", "high", "rank", "firms"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)
