"""Statistics of the needs assessment, each against a published example or an invariant."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterlib.needs import (
    actor_function_matrix,
    actor_register,
    adjust_pvalues,
    alpha_interval,
    compare_groups,
    compare_waves,
    cronbach_alpha,
    function_gaps,
    likert_summary,
    mendelow_grid,
    rank_needs,
    wilson_interval,
)

# pingouin's dataset "cronbach_wide_missing" (binary answers of 12 respondents to 11 items, with
# missing values; source www.real-statistics.com), as shipped in pingouin/datasets.
CRONBACH_WIDE_MISSING = """Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10,Q11
1,1,1,1,1,1,1,1,1,1,1
1,1,1,1,1,1,1,1,0,1,0
,0,1,1,,1,1,1,1,0,0
1,1,1,0,1,1,0,1,1,0,0
1,1,1,1,1,0,0,0,1,0,0
0,1,,0,1,1,1,1,0,0,0
1,1,1,1,0,0,1,0,0,0,0
1,1,1,1,1,0,0,0,0,0,0
0,1,0,1,1,0,0,0,0,1,0
1,0,0,1,0,1,0,0,,0,0
1,1,1,0,0,0,0,0,0,0,0
1,0,0,1,0,0,0,0,0,0,0
"""

# pingouin's dataset "cronbach_alpha" (15 respondents × 10 Likert items, www.real-statistics.com),
# pivoted to wide form.
CRONBACH_LIKERT = """Q1,Q10,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9
3,2,2,4,1,4,5,1,4,3
5,5,4,6,3,5,1,2,5,5
7,5,3,5,5,6,4,3,3,6
2,3,4,3,3,2,2,2,6,6
6,5,5,6,5,4,4,4,6,7
1,2,2,3,4,2,5,2,3,5
4,3,3,5,3,5,2,1,2,4
2,5,4,4,3,7,2,2,4,6
6,2,5,5,5,1,6,5,2,3
5,2,4,6,4,3,5,3,1,7
4,1,3,5,2,5,3,2,3,4
4,4,2,3,2,5,3,4,2,3
5,5,5,6,2,3,3,2,4,4
6,5,5,5,4,2,2,1,4,6
4,4,3,5,5,3,1,3,2,3
"""


def test_cronbach_alpha_pingouin_wide_missing_pairwise_and_listwise():
    """Vallat, R. (2018). Pingouin: statistics in Python. JOSS 3(31), 1026 — documented example of
    ``pingouin.cronbach_alpha`` on its dataset ``cronbach_wide_missing``, checked there against R
    ``psych::alpha``: ``use="pairwise"`` gives 0.732661, ``use="complete.obs"`` (listwise) 0.801695."""
    data = pd.read_csv(io.StringIO(CRONBACH_WIDE_MISSING))
    assert cronbach_alpha(data, nan_policy="pairwise") == pytest.approx(0.732661, abs=5e-7)
    assert cronbach_alpha(data, nan_policy="listwise") == pytest.approx(0.801695, abs=5e-7)
    assert cronbach_alpha(data) == cronbach_alpha(data, nan_policy="listwise")  # the default


def test_cronbach_alpha_real_statistics_likert_with_feldt_interval():
    """Real Statistics Using Excel, "Cronbach's Alpha" (www.real-statistics.com/reliability/
    internal-consistency-reliability/cronbachs-alpha/), as reproduced in pingouin's documentation:
    15 respondents, 10 items, alpha = 0.592 with the Feldt (1987) 95 % interval [0.195, 0.840]."""
    data = pd.read_csv(io.StringIO(CRONBACH_LIKERT))
    alpha = cronbach_alpha(data)
    assert round(alpha, 3) == 0.592
    low, high = alpha_interval(alpha, len(data), data.shape[1])
    assert (round(low, 3), round(high, 3)) == (0.195, 0.840)


def test_alpha_interval_pingouin_listwise_uses_all_rows():
    """pingouin reports [0.581, 0.933] for the listwise alpha 0.801695 of ``cronbach_wide_missing``,
    computing Feldt's interval with all 12 rows; with n = 12 our interval is the same.  (The
    report uses the respondents behind the estimate, the 9 complete rows, which is wider.)"""
    low, high = alpha_interval(0.8016949152542373, 12, 11)
    assert (round(low, 3), round(high, 3)) == (0.581, 0.933)
    wide = alpha_interval(0.8016949152542373, 9, 11)
    assert wide[0] < low and wide[1] > high


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 30), st.integers(2, 6), st.integers(0, 2**31 - 1))
def test_cronbach_alpha_is_the_variance_formula(n, k, seed):
    """alpha = k/(k-1) (1 - Σ var(item) / var(total)) (Cronbach 1951, eq. 2), whatever the data."""
    rng = np.random.default_rng(seed)
    data = rng.integers(1, 6, size=(n, k)).astype(float)
    total = data.sum(axis=1).var(ddof=1)
    if total == 0:
        assert np.isnan(cronbach_alpha(data))
        return
    expected = k / (k - 1) * (1 - data.var(axis=0, ddof=1).sum() / total)
    assert cronbach_alpha(data) == pytest.approx(expected)
    # shifting an item by a constant changes no variance, hence not alpha
    shifted = data + np.arange(k)
    assert cronbach_alpha(shifted) == pytest.approx(expected)


def test_cronbach_alpha_is_undefined_when_every_total_is_the_same():
    """Found by the property test above: the item covariances cancel to 0 only up to rounding."""
    assert np.isnan(cronbach_alpha([[3.0, 3.0, 3.0], [2.0, 5.0, 2.0], [4.0, 2.0, 3.0]]))


def test_cronbach_alpha_errors():
    with pytest.raises(
        ValueError, match=r"'nan_policy' must be one of \['listwise', 'pairwise'\], got 'mean'"
    ):
        cronbach_alpha([[1, 2], [2, 3]], nan_policy="mean")
    with pytest.raises(ValueError, match="at least 2 items"):
        cronbach_alpha([[1], [2], [3]])
    with pytest.raises(ValueError, match="at least 2 respondents who answered every item, got 1"):
        cronbach_alpha([[1, 2], [2, None], [None, 3], [4, 4]][:3])
    with pytest.raises(TypeError, match="must hold numbers"):
        cronbach_alpha(pd.DataFrame({"a": ["x", "y"], "b": [1, 2]}))


def test_wilson_interval_newcombe_1998():
    """Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison
    of seven methods. Statistics in Medicine 17, 857–872, Table II, method 3 (Wilson score, no
    continuity correction): 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611;
    1/29 → 0.0061–0.1718."""
    published = {
        (81, 263): (0.2553, 0.3662),
        (15, 148): (0.0624, 0.1605),
        (0, 20): (0.0, 0.1611),
        (1, 29): (0.0061, 0.1718),
    }
    for (x, n), (low, high) in published.items():
        got = wilson_interval(x, n)
        assert (round(got[0], 4), round(got[1], 4)) == (low, high)
    lows, highs = wilson_interval(np.array([81, 15]), np.array([263, 148]))
    assert np.round(lows, 4).tolist() == [0.2553, 0.0624] and np.round(highs, 4).tolist() == [0.3662, 0.1605]


@given(st.integers(0, 200), st.integers(1, 200))
def test_wilson_interval_brackets_the_share(x, n):
    x = min(x, n)
    low, high = wilson_interval(x, n)
    assert 0 <= low <= x / n <= high <= 1


def test_wilson_interval_errors_and_empty():
    with pytest.raises(ValueError, match="0 ≤ successes ≤ n"):
        wilson_interval(5, 3)
    with pytest.raises(ValueError, match="'confidence' must lie strictly between 0 and 1"):
        wilson_interval(1, 3, confidence=1.5)
    assert all(np.isnan(wilson_interval(0, 0)))


answers_strategy = st.lists(st.sampled_from([1, 2, 3, 4, 5, "dk", None]), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(answers_strategy)
def test_likert_shares_sum_to_one_over_valid_answers(answers):
    """Invariant: shares of an item sum to 1 over its valid answers; "don't know" and blanks are
    counted apart and never enter a percentage."""
    frame = pd.DataFrame(
        {
            "firm_id": [f"F{i}" for i in range(len(answers))],
            "item": "x",
            "block": "b",
            "answer": pd.array([a if isinstance(a, int) else None for a in answers], dtype="Int64"),
            "status": [
                "valid" if isinstance(a, int) else "dont_know" if a == "dk" else "missing" for a in answers
            ],
        }
    )
    row = likert_summary(frame).iloc[0]
    valid = sum(isinstance(a, int) for a in answers)
    assert row["n_valid"] == valid
    assert row["n_dont_know"] == answers.count("dk") and row["n_missing"] == answers.count(None)
    assert row["n_valid"] + row["n_dont_know"] + row["n_missing"] == row["n_asked"] == len(answers)
    shares = row[[f"share_{c}" for c in range(1, 6)]].astype(float)
    if valid:
        assert shares.sum() == pytest.approx(1.0)
        agree = sum(isinstance(a, int) and a >= 4 for a in answers)
        assert row["top2"] == pytest.approx(agree / valid)
        assert row["top2_low"] <= row["top2"] <= row["top2_high"]
    else:
        assert shares.isna().all() and np.isnan(row["top2"])


def test_likert_summary_groups_and_checks():
    frame = pd.DataFrame(
        {
            "firm_id": ["A", "B", "A", "B"],
            "item": "x",
            "block": "b",
            "wave": [2013, 2013, 2019, 2019],
            "answer": pd.array([1, 2, 4, 5], dtype="Int64"),
            "status": "valid",
        }
    )
    out = likert_summary(frame, by="wave")
    assert out["top2"].tolist() == [0.0, 1.0] and out["median"].tolist() == [1.5, 4.5]
    with pytest.raises(ValueError, match=r"lacks the columns \['status'\]"):
        likert_summary(frame.drop(columns="status"))


def test_holm_adjustment_by_hand():
    """Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scand. J. Statist.
    6, 65–70: sorted p (0.005, 0.01, 0.03, 0.04) × (4, 3, 2, 1) = (0.02, 0.03, 0.06, 0.04), made
    monotone → (0.02, 0.03, 0.06, 0.06), returned in the input order."""
    assert adjust_pvalues([0.01, 0.04, 0.03, 0.005]).round(6).tolist() == [0.03, 0.06, 0.06, 0.02]
    assert (
        adjust_pvalues([0.5, np.nan, 0.9]).tolist()[1] != adjust_pvalues([0.5, np.nan, 0.9]).tolist()[1]
    )  # NaN stays
    with pytest.raises(ValueError, match=r"'method' must be one of \['holm', 'bh'\]"):
        adjust_pvalues([0.1], method="bonferroni")


@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_adjusted_pvalues_are_at_least_the_raw_ones(p):
    for method in ("holm", "bh"):
        adjusted = adjust_pvalues(p, method=method)
        assert np.all(adjusted >= np.asarray(p) - 1e-12) and np.all(adjusted <= 1)
    assert np.allclose(adjust_pvalues(p, method="bh"), stats.false_discovery_control(p, method="bh"))


def _waves_survey(shift: float, n: int = 60, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for wave, delta in ((2013, 0.0), (2019, shift)):
        for item in ("a", "b", "c"):
            extra = delta if item == "a" else 0.0
            values = np.clip(np.rint(rng.normal(3 + extra, 0.9, n)), 1, 5).astype(int)
            rows += [
                {"firm_id": f"F{i}", "wave": wave, "item": item, "block": "x", "answer": v, "status": "valid"}
                for i, v in enumerate(values)
            ]
    frame = pd.DataFrame(rows)
    frame["answer"] = frame["answer"].astype("Int64")
    return frame


def test_compare_waves_finds_a_real_shift_and_calls_the_rest_noise():
    out = compare_waves(_waves_survey(1.5)).set_index("item")
    assert out.loc["a", "significant"] and not out.loc["a", "within_noise"]
    assert out.loc[["b", "c"], "within_noise"].all()
    assert (out["p_adjusted"] >= out["p"]).all()
    # the p-value is scipy's Mann–Whitney U, two-sided
    data = _waves_survey(1.5)
    x = data[(data["item"] == "a") & (data["wave"] == 2013)]["answer"].astype(int)
    y = data[(data["item"] == "a") & (data["wave"] == 2019)]["answer"].astype(int)
    assert out.loc["a", "p"] == pytest.approx(stats.mannwhitneyu(x, y, alternative="two-sided").pvalue)


def test_compare_waves_needs_two_waves():
    with pytest.raises(ValueError, match="two different waves"):
        compare_waves(_waves_survey(0.0).query("wave == 2013"))


def test_rank_needs_is_seeded_and_brackets_the_share():
    survey = _waves_survey(0.0).query("wave == 2019").assign(block=lambda f: f["item"])
    first = rank_needs(survey, n_boot=500, seed=7)
    assert first.equals(rank_needs(survey, n_boot=500, seed=7))
    assert (first["low"] <= first["share"]).all() and (first["share"] <= first["high"]).all()
    assert first["rank"].tolist() == [1, 2, 3] and first["share"].is_monotonic_decreasing
    assert ((first["rank_low"] <= first["rank"]) & (first["rank"] <= first["rank_high"])).all()
    with pytest.raises(ValueError, match="one survey wave at a time"):
        rank_needs(_waves_survey(0.0))
    with pytest.raises(ValueError, match="'n_boot' must be an integer ≥ 100"):
        rank_needs(survey, n_boot=10)


def test_compare_groups_detects_a_difference_by_size():
    rng = np.random.default_rng(3)
    rows = []
    for i in range(80):
        size = "micro" if i < 40 else "medium"
        need = 4.3 if size == "micro" else 2.2
        for item, block in (("f1", "finance"), ("f2", "finance"), ("t1", "training")):
            mean = need if block == "finance" else 3.0
            rows.append({"firm_id": f"F{i}", "item": item, "block": block, "status": "valid",
                         "answer": int(np.clip(round(rng.normal(mean, 0.7)), 1, 5))})  # fmt: skip
    survey = pd.DataFrame(rows).astype({"answer": "Int64"})
    groups = pd.Series(["micro"] * 40 + ["medium"] * 40, index=[f"F{i}" for i in range(80)])
    out = compare_groups(survey, groups).drop_duplicates("block").set_index("block")
    assert out.loc["finance", "significant"] and out.loc["training", "within_noise"]


def _stakeholders() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "plate": [19, 19, 19, 55],
            "name": ["Oda", "Üniversite", "Ajans", "Başka il"],
            "type": ["chamber", "university", "development_agency", "exporters_association"],
            "functions": ["training;networking", "rnd;training", None, "export_promotion"],
            "influence": [4, None, 5, 3],
            "interest": [5, None, 2, 5],
            "clusters": ["corum_food_machinery", "", "corum_food_machinery", ""],
        }
    )


def test_actor_register_matrix_gaps_and_mendelow():
    register = actor_register(_stakeholders(), 19, cluster="corum_food_machinery")
    assert register["name"].tolist() == ["Oda", "Üniversite", "Ajans"]  # only the province's actors
    assert register["functions"].tolist() == [
        ("training", "networking"),
        ("training", "rnd"),
        ("finance", "policy"),
    ]
    assert register["functions_assumed"].tolist() == [False, False, True]
    assert register["scores_assumed"].tolist() == [False, True, False]
    assert register["supports_cluster"].tolist() == [True, False, True]
    matrix = actor_function_matrix(register)
    assert matrix.shape == (3, 7) and int(matrix.to_numpy().sum()) == 6
    # export promotion exists only in another province: a gap here
    assert function_gaps(matrix) == ["export_promotion", "infrastructure"]
    grid = mendelow_grid(register).set_index("name")["quadrant"]
    # university: default scores (3, 4) for its type → keep informed
    assert grid.to_dict() == {
        "Oda": "manage_closely",
        "Üniversite": "keep_informed",
        "Ajans": "keep_satisfied",
    }
    with pytest.raises(ValueError, match="'high' must be a score from 1 to 5"):
        mendelow_grid(register, high=9)
