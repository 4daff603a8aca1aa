"""Robustness of the ranking: Monte Carlo over the weights, and agreement between methods."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm.correlations import rank_similarity_coef
from scipy import stats

from clusterlib.selection import (
    compare_methods,
    explain,
    load_criteria,
    parse_criteria,
    rank_agreement,
    score_sectors,
    topsis,
    weight_sensitivity,
)
from tests.selection._selection_helpers import _spec, _table


# --------------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------------
@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 12), st.sampled_from(["topsis", "weighted_sum"]), st.sampled_from(["indicator", "group"])
)
def test_weight_sensitivity_probabilities(top_k, method, level):
    criteria = load_criteria()
    table = _table(criteria, m=12)
    out = weight_sensitivity(table, criteria, n=300, top_k=top_k, method=method, level=level)
    assert out["p_top_k"].between(0, 1).all()
    assert out["p_first"].between(0, 1).all()
    assert out["p_top_k"].sum() == pytest.approx(top_k)
    assert out["p_first"].sum() == pytest.approx(1.0)
    assert (out["rank_low"] <= out["median_rank"]).all()
    assert (out["median_rank"] <= out["rank_high"]).all()
    assert out.attrs["top_k"] == top_k


def test_weight_sensitivity_collapses_to_base_ranking(default):
    """With a huge Dirichlet concentration every draw is the chosen weights."""
    table = _table(default, m=10)
    out = weight_sensitivity(table, default, n=50, concentration=1e12, top_k=3)
    base = score_sectors(table, default).scores["rank"]
    assert (out["rank_low"] == base.reindex(out.index)).all()
    assert (out["rank_high"] == base.reindex(out.index)).all()
    assert out["p_top_k"].tolist() == (base.reindex(out.index) <= 3).astype(float).tolist()


def test_weight_sensitivity_single_group_level_is_deterministic(small):
    """Perturbing the group weights of a one-group criteria set changes nothing."""
    spec = _spec()
    spec["groups"] = spec["groups"][:1]
    spec["groups"][0]["weight"] = 1
    criteria = parse_criteria(spec)
    out = weight_sensitivity(_table(criteria, m=6), criteria, n=100, level="group", top_k=2)
    assert set(out["p_top_k"]) <= {0.0, 1.0}
    assert (out["rank_low"] == out["rank_high"]).all()


def test_weight_sensitivity_is_reproducible(default):
    table = _table(default)
    first = weight_sensitivity(table, default, n=300, seed=11)
    second = weight_sensitivity(table, default, n=300, seed=11)
    pd.testing.assert_frame_equal(first, second)


def test_weight_sensitivity_fast_enough(default):
    table = _table(default, m=40)
    start = time.perf_counter()
    weight_sensitivity(table, default, n=2000)
    assert time.perf_counter() - start < 1.0


def test_weight_sensitivity_rejects_bad_n(small):
    with pytest.raises(ValueError, match=r"'n' must be a positive integer number of draws, got 0"):
        weight_sensitivity(_table(small), small, n=0)


def test_weight_sensitivity_rejects_bad_concentration(small):
    with pytest.raises(ValueError, match=r"'concentration' must be a positive number, got -1"):
        weight_sensitivity(_table(small), small, concentration=-1)


def test_weight_sensitivity_rejects_bad_top_k(small):
    with pytest.raises(
        ValueError, match=r"'top_k' must be an integer from 1 to the number of sectors \(12\), got 13"
    ):
        weight_sensitivity(_table(small), small, top_k=13)


def test_weight_sensitivity_rejects_bad_interval(small):
    with pytest.raises(ValueError, match=r"'interval' must be between 0 and 1"):
        weight_sensitivity(_table(small), small, interval=90)


def test_weight_sensitivity_rejects_bad_level(small):
    with pytest.raises(ValueError, match=r"'level' must be one of \['indicator', 'group'\], got 'criterion'"):
        weight_sensitivity(_table(small), small, level="criterion")


def test_rank_agreement_identical_and_reversed():
    ranks = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [1, 2, 3, 4, 5], "c": [5, 4, 3, 2, 1]})
    out = rank_agreement(ranks).set_index(["a", "b"])
    assert out.loc[("a", "b"), ["kendall_tau", "spearman", "ws"]].tolist() == pytest.approx([1, 1, 1])
    assert out.loc[("a", "c"), ["kendall_tau", "spearman"]].tolist() == pytest.approx([-1, -1])


def test_rank_agreement_ws_is_pymcdm_and_asymmetric():
    x, y = np.array([1, 2, 3, 4, 5]), np.array([2, 1, 3, 5, 4])
    out = rank_agreement(pd.DataFrame({"ref": x, "other": y}))
    assert out.loc[0, "ws"] == pytest.approx(rank_similarity_coef(x, y))
    assert out.loc[0, "kendall_tau"] == pytest.approx(stats.kendalltau(x, y).statistic)


def test_compare_methods_and_agreement(default):
    table = _table(default, m=15)
    ranks = compare_methods(table, default)
    assert list(ranks.columns) == [
        "topsis/vector",
        "topsis/minmax",
        "weighted_sum/minmax",
        "weighted_sum/zscore",
    ]
    agreement = rank_agreement(ranks)
    assert len(agreement) == 6
    assert agreement[["kendall_tau", "spearman"]].abs().le(1).all().all()


def test_compare_methods_needs_variants(small):
    with pytest.raises(ValueError, match=r"'variants' must list at least one"):
        compare_methods(_table(small), small, variants=[])


def test_rank_agreement_needs_two_columns():
    with pytest.raises(
        ValueError, match=r"at least two methods \(columns\) and two sectors \(rows\), got shape \(3, 1\)"
    ):
        rank_agreement(pd.DataFrame({"a": [1, 2, 3]}))


def test_rank_agreement_rejects_missing_ranks():
    with pytest.raises(ValueError, match=r"missing ranks in column 'b'"):
        rank_agreement(pd.DataFrame({"a": [1, 2, 3], "b": [1, np.nan, 2]}))


def test_rank_agreement_rejects_non_numeric():
    with pytest.raises(ValueError, match=r"numeric ranks, got non-numeric column\(s\) \['b'\]"):
        rank_agreement(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))


def test_rank_agreement_needs_dataframe():
    with pytest.raises(TypeError, match=r"'rankings' must be a DataFrame"):
        rank_agreement(np.ones((3, 2)))


def test_topsis_signature_of_the_issue_is_kept():
    """``topsis(matrix, weights, benefit=None, normalization="vector")``, positional arguments too; the
    defaults are benefit criteria with vector normalisation.

    With equal weights on two benefit criteria and vector normalisation, the closeness of each
    alternative is computed by hand below (Hwang & Yoon 1981, the steps of Tzeng & Huang 2011, ch. 4).
    """
    matrix = pd.DataFrame({"c1": [7.0, 8.0, 9.0], "c2": [9.0, 7.0, 6.0]}, index=["a", "b", "c"])
    positional = topsis(matrix, [0.5, 0.5], [True, False], "minmax")
    keywords = topsis(matrix, [0.5, 0.5], benefit=[True, False], normalization="minmax")
    pd.testing.assert_series_equal(positional, keywords)
    # minmax with c2 a cost: a = (0, 0), b = (0.5, 2/3), c = (1, 1) → c is ideal, a anti-ideal
    assert positional.idxmax() == "c" and positional.idxmin() == "a"

    default = topsis(matrix, [0.5, 0.5])
    v = matrix / np.sqrt((matrix**2).sum()) * 0.5
    best, worst = v.max(), v.min()
    d_plus = np.sqrt(((v - best) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - worst) ** 2).sum(axis=1))
    np.testing.assert_allclose(default.to_numpy(), (d_minus / (d_plus + d_minus)).to_numpy(), rtol=1e-12)
    assert list(default.index) == ["a", "b", "c"]


def test_explain_weakest_side_is_where_the_sector_ranks_lowest():
    """An outlier far ahead on RCA must not make a sector's 2nd-best RCA its 'weakest side'; its 3rd place
    on wage cost is."""

    def ind(i: str, d: str = "benefit") -> dict:
        names = ("name_en", "name_tr", "description_en", "description_tr")
        return {"id": i, **dict.fromkeys(names, i), "direction": d, "weight": 1 / 3}

    crit = parse_criteria(
        {
            "groups": [
                {
                    "id": "g",
                    "name_en": "G",
                    "name_tr": "G",
                    "weight": 1,
                    "indicators": [ind("lq"), ind("rca"), ind("wage_cost", "cost")],
                }
            ]
        }
    )
    table = pd.DataFrame(
        {"lq": [9.0, 1.0, 2.0], "rca": [5.0, 60.0, 1.0], "wage_cost": [1.20, 1.00, 1.10]},
        index=["30", "10", "26"],
    )
    result = score_sectors(table, crit, method="weighted_sum")
    text = explain(result, crit, sector="30", lang="en", n_strengths=1)
    assert text.endswith(
        "its weakest side is wage_cost (1.2 times the sector's national average; candidates' median 1.1)."
    )
