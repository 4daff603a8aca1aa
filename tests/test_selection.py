"""Tests of clusterlib.selection: criteria file, normalisation, TOPSIS, weighted sum, AHP, scoring,
explanations and robustness.  Published worked examples are named after their source."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm import normalizations as pymcdm_norm
from pymcdm.correlations import rank_similarity_coef
from pymcdm.methods import TOPSIS as PymcdmTOPSIS
from pymcdm.methods import WSM as PymcdmWSM
from scipy import stats

from clusterlib.selection import (
    DEFAULT_CRITERIA_PATH,
    AHPResult,
    Criteria,
    CriteriaError,
    ahp_weights,
    compare_methods,
    explain,
    load_criteria,
    normalize,
    parse_criteria,
    rank_agreement,
    score_sectors,
    topsis,
    weight_sensitivity,
    weighted_sum,
)

DEFAULT_IDS = [
    "employment", "lq", "relative_wage", "workplaces", "employment_cagr",
    "export_cagr", "rca", "national_growth",
    "relatedness_density", "support_institutions", "avg_firm_size",
    "skills_pool", "workplace_cagr", "wage_cost",
]  # fmt: skip


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------
def _indicator(iid: str, direction: str = "benefit", weight: object = 0.5, **extra: object) -> dict:
    return {
        "id": iid,
        "name_en": f"{iid} en",
        "name_tr": f"{iid} tr",
        "description_en": f"{iid} description",
        "description_tr": f"{iid} açıklama",
        "direction": direction,
        "weight": weight,
        **extra,
    }


def _spec() -> dict:
    """A small valid criteria structure: two groups of two indicators."""
    return {
        "version": 1,
        "groups": [
            {
                "id": "economic_impact",
                "name_en": "Economic impact",
                "name_tr": "Ekonomik etki",
                "weight": 0.5,
                "indicators": [
                    _indicator("lq", symbol="LQ", format="{:.1f}"),
                    _indicator("employment", format="{:,.0f}"),
                ],
            },
            {
                "id": "demand",
                "name_en": "Demand",
                "name_tr": "Talep",
                "weight": 0.5,
                "indicators": [
                    _indicator("rca", symbol="RCA", format="{:.1f}"),
                    _indicator("wage_cost", direction="cost", format="{:.2f}"),
                ],
            },
        ],
    }


def _write(tmp_path: Path, data: object, name: str = "criteria.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _table(criteria: Criteria, m: int = 12, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = rng.lognormal(size=(m, len(criteria.ids)))
    return pd.DataFrame(values, columns=criteria.ids, index=[str(10 + i) for i in range(m)])


@pytest.fixture
def small() -> Criteria:
    return parse_criteria(_spec())


@pytest.fixture(scope="module")
def default() -> Criteria:
    return load_criteria()


matrices = st.integers(2, 8).flatmap(
    lambda m: st.integers(1, 6).flatmap(
        lambda k: st.tuples(
            arrays(float, (m, k), elements=st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False)),
            arrays(float, (k,), elements=st.floats(0.01, 1.0)),
            st.lists(st.booleans(), min_size=k, max_size=k),
        )
    )
)


# --------------------------------------------------------------------------------------------------
# TOPSIS
# --------------------------------------------------------------------------------------------------
def test_topsis_tzeng_huang_2011():
    """Tzeng, G.-H., & Huang, J.-J. (2011). *Multiple Attribute Decision Making: Methods and
    Applications*. CRC Press, Boca Raton — TOPSIS worked example (4 alternatives, 3 benefit criteria,
    weights 0.3/0.4/0.3, vector normalisation), closeness 0.5037, 0.6581, 0.7482, 0.3340 as reproduced
    in scikit-criteria's test suite (tests/agg/test_topsis.py::test_TOPSIS_tzeng2011multiple)."""
    matrix = [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]]
    closeness = topsis(matrix, [0.3, 0.4, 0.3])
    np.testing.assert_allclose(closeness, [0.5037, 0.6581, 0.7482, 0.3340], atol=5e-5)
    assert closeness.rank(ascending=False).tolist() == [3, 2, 1, 4]


def test_topsis_pymcdm_documentation_example():
    """pymcdm documentation, ``pymcdm.methods.TOPSIS`` example (Kizielewicz, B., Shekhovtsov, A., &
    Sałabun, W. (2023). pymcdm—The universal library for solving multi-criteria decision-making
    problems. *SoftwareX*, 22, 101368): criteria (cost, benefit), weights 0.5/0.5, min-max
    normalisation, preferences 0.500, 0.617, 0.500."""
    matrix = np.array([[1, 2, 5], [3000, 3750, 4500]]).T
    closeness = topsis(matrix, [0.5, 0.5], benefit=[False, True], normalization="minmax")
    np.testing.assert_allclose(closeness, [0.500, 0.617, 0.500], atol=5e-4)


@pytest.mark.parametrize("normalization", ["vector", "minmax"])
def test_topsis_matches_pymcdm_on_random_matrices(normalization):
    """Cross-check against pymcdm's TOPSIS (same normalisation, cost criteria included)."""
    function = {"vector": pymcdm_norm.vector_normalization, "minmax": pymcdm_norm.minmax_normalization}
    rng = np.random.default_rng(42)
    for _ in range(50):
        m, k = rng.integers(3, 30), rng.integers(2, 12)
        matrix = rng.uniform(0.5, 100, size=(m, k))
        weights = rng.dirichlet(np.ones(k))
        benefit = rng.random(k) < 0.7
        ours = topsis(matrix, weights, benefit=list(benefit), normalization=normalization)
        theirs = PymcdmTOPSIS(function[normalization])(matrix, weights, np.where(benefit, 1, -1))
        np.testing.assert_allclose(ours, theirs, rtol=1e-10)


@settings(max_examples=200, deadline=None)
@given(matrices, st.sampled_from(["vector", "minmax", "zscore"]))
def test_topsis_closeness_in_unit_interval(problem, normalization):
    matrix, raw_weights, benefit = problem
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # constant columns
        closeness = topsis(
            matrix, raw_weights / raw_weights.sum(), benefit=benefit, normalization=normalization
        )
    assert np.all((closeness >= 0) & (closeness <= 1))


def test_topsis_ideal_and_anti_ideal_alternatives():
    matrix = [[3, 1], [1, 3], [5, 0.5], [1, 5]]  # row 2 best on criterion 0, worst on cost criterion 1
    closeness = topsis(matrix, [0.5, 0.5], benefit=[True, False])
    assert closeness[2] == pytest.approx(1.0)
    assert closeness[3] == pytest.approx(0.0)


def test_topsis_vector_is_scale_invariant():
    rng = np.random.default_rng(0)
    matrix = rng.uniform(1, 10, size=(6, 3))
    weights = [0.2, 0.3, 0.5]
    scaled = matrix * np.array([1000.0, 0.01, 7.0])
    np.testing.assert_allclose(topsis(matrix, weights), topsis(scaled, weights))


def test_topsis_keeps_dataframe_labels():
    frame = pd.DataFrame({"lq": [1.0, 2.0], "rca": [2.0, 1.0]}, index=["15", "28"])
    closeness = topsis(frame, pd.Series({"rca": 0.5, "lq": 0.5}))
    assert closeness.index.tolist() == ["15", "28"]
    assert closeness.name == "closeness"


# --------------------------------------------------------------------------------------------------
# Weighted sum and normalisation
# --------------------------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(matrices)
def test_weighted_sum_equal_weights_minmax_is_mean(problem):
    matrix, _, benefit = problem
    k = matrix.shape[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        score = weighted_sum(matrix, np.full(k, 1 / k), benefit=benefit)
        mean = normalize(matrix, benefit=benefit).mean(axis=1)
    np.testing.assert_allclose(score, mean, atol=1e-12)


def test_weighted_sum_matches_pymcdm_wsm():
    """Cross-check against pymcdm's WSM with the same (min-max) normalisation."""
    rng = np.random.default_rng(7)
    for _ in range(30):
        m, k = rng.integers(3, 20), rng.integers(2, 10)
        matrix = rng.uniform(1, 50, size=(m, k))
        weights = rng.dirichlet(np.ones(k))
        benefit = rng.random(k) < 0.6
        ours = weighted_sum(matrix, weights, benefit=list(benefit))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # pymcdm flags dominant alternatives
            theirs = PymcdmWSM(pymcdm_norm.minmax_normalization)(matrix, weights, np.where(benefit, 1, -1))
        np.testing.assert_allclose(ours, theirs, rtol=1e-10)


@pytest.mark.parametrize(
    ("method", "function"),
    [
        ("minmax", pymcdm_norm.minmax_normalization),
        ("vector", pymcdm_norm.vector_normalization),
        ("max", pymcdm_norm.max_normalization),
    ],
)
def test_normalize_matches_pymcdm(method, function):
    rng = np.random.default_rng(1)
    matrix = rng.uniform(0.1, 10, size=(8, 4))
    benefit = [True, False, True, False]
    expected = np.column_stack([function(matrix[:, j], not b) for j, b in enumerate(benefit)])
    np.testing.assert_allclose(normalize(matrix, method=method, benefit=benefit), expected)


def test_normalize_zscore_matches_scipy_and_inverts_cost():
    rng = np.random.default_rng(2)
    matrix = rng.normal(size=(9, 2))
    out = normalize(matrix, method="zscore", benefit=[True, False])
    np.testing.assert_allclose(out[:, 0], stats.zscore(matrix[:, 0]))
    np.testing.assert_allclose(out[:, 1], -stats.zscore(matrix[:, 1]))


@pytest.mark.parametrize("method", ["minmax", "vector", "zscore", "max"])
def test_normalize_constant_column_is_zero_and_warns(method):
    matrix = pd.DataFrame({"a": [1.0, 2.0, 3.0], "support_institutions": [4.0, 4.0, 4.0]})
    with pytest.warns(UserWarning, match=r"\['support_institutions'\] have the same value"):
        out = normalize(matrix, method=method)
    assert out["support_institutions"].tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("method", ["minmax", "vector", "zscore", "max"])
def test_normalize_cost_reverses_order(method):
    x = np.array([[1.0], [4.0], [2.0]])
    out = normalize(x, method=method, benefit=[False])[:, 0]
    assert np.argsort(out).tolist() == [1, 2, 0]


def test_normalize_rejects_unknown_method():
    with pytest.raises(
        ValueError, match=r"'normalization' must be one of \['minmax', 'vector', 'zscore', 'max'\]"
    ):
        normalize([[1, 2], [3, 4]], method="sum")


def test_normalize_rejects_missing_values():
    frame = pd.DataFrame({"lq": [1.0, np.nan], "rca": [1.0, 2.0]}, index=["15", "28"])
    with pytest.raises(ValueError, match=r"1 missing or infinite value\(s\), e.g. row '28', column 'lq'"):
        normalize(frame)


def test_normalize_rejects_non_2d():
    with pytest.raises(ValueError, match=r"'matrix' must be 2-D .* shape \(3,\)"):
        normalize([1, 2, 3])


def test_normalize_rejects_empty_matrix():
    with pytest.raises(ValueError, match=r"at least one row and one column"):
        normalize(pd.DataFrame())


def test_normalize_rejects_duplicated_columns():
    frame = pd.DataFrame([[1.0, 2.0], [3.0, 4.0]], columns=["lq", "lq"])
    with pytest.raises(ValueError, match=r"'matrix' has duplicated column\(s\) \['lq'\]"):
        normalize(frame)


def test_normalize_accepts_nullable_dtypes_and_reports_na():
    frame = pd.DataFrame(
        {"lq": pd.array([1, 2, 3], dtype="Int64"), "rca": pd.array([1.0, None, 2.0], dtype="Float64")}
    )
    with pytest.raises(ValueError, match=r"1 missing or infinite value\(s\), e.g. row 1, column 'rca'"):
        normalize(frame)
    np.testing.assert_allclose(normalize(frame[["lq"]])["lq"], [0.0, 0.5, 1.0])


def test_normalize_rejects_non_numeric_column():
    frame = pd.DataFrame({"lq": [1.0, 2.0], "name": ["a", "b"]})
    with pytest.raises(ValueError, match=r"non-numeric column\(s\) \['name'\]"):
        normalize(frame)


def test_normalize_max_rejects_negative_values():
    frame = pd.DataFrame({"employment_cagr": [-0.1, 0.2], "lq": [1.0, 2.0]})
    with pytest.raises(
        ValueError, match=r"'max' normalisation needs non-negative values, column 'employment_cagr'"
    ):
        normalize(frame, method="max")


def test_benefit_wrong_length():
    with pytest.raises(ValueError, match=r"'benefit' has 1 entries but 'matrix' has 2 criteria"):
        normalize([[1, 2], [3, 4]], benefit=[True])


def test_benefit_not_boolean():
    with pytest.raises(
        ValueError, match=r"'benefit' must hold booleans .* got 1 for criterion 0; for pymcdm-style types"
    ):
        normalize([[1, 2], [3, 4]], benefit=[1, -1])


def test_benefit_series_label_mismatch():
    frame = pd.DataFrame({"lq": [1.0, 2.0], "rca": [2.0, 1.0]})
    with pytest.raises(
        ValueError, match=r"'benefit' labels must match .* missing \['rca'\], unexpected \['rca2'\]"
    ):
        normalize(frame, benefit=pd.Series({"lq": True, "rca2": True}))


def test_weights_must_be_non_negative():
    with pytest.raises(ValueError, match=r"'weights' must be non-negative, got -0.2 for criterion 1"):
        weighted_sum([[1, 2], [3, 4]], [1.2, -0.2])


def test_weights_must_sum_to_one():
    with pytest.raises(ValueError, match=r"'weights' must sum to 1, got 3; divide them by their sum"):
        topsis([[1, 2], [3, 4]], [1, 2])


def test_weights_wrong_length():
    with pytest.raises(ValueError, match=r"'weights' has 3 entries but 'matrix' has 2 criteria"):
        topsis([[1, 2], [3, 4]], [0.2, 0.3, 0.5])


def test_weights_must_be_finite():
    with pytest.raises(ValueError, match=r"'weights' must be finite numbers"):
        weighted_sum([[1, 2], [3, 4]], [np.nan, 1.0])


def test_weights_must_be_numbers():
    with pytest.raises(ValueError, match=r"'weights' must be numbers"):
        weighted_sum([[1, 2], [3, 4]], ["half", "half"])


def test_weights_series_label_mismatch():
    frame = pd.DataFrame({"lq": [1.0, 2.0], "rca": [2.0, 1.0]})
    with pytest.raises(ValueError, match=r"'weights' labels must match .* missing \['rca'\]"):
        topsis(frame, pd.Series({"lq": 1.0}))


# --------------------------------------------------------------------------------------------------
# AHP
# --------------------------------------------------------------------------------------------------
SAATY_HOUSE = [
    [1, 5, 3, 7, 6, 6, "1/3", "1/4"],
    ["1/5", 1, "1/3", 5, 3, 3, "1/5", "1/7"],
    ["1/3", 3, 1, 6, 3, 4, 6, "1/5"],
    ["1/7", "1/5", "1/6", 1, "1/3", "1/4", "1/7", "1/8"],
    ["1/6", "1/3", "1/3", 3, 1, "1/2", "1/5", "1/6"],
    ["1/6", "1/3", "1/4", 4, 2, 1, "1/5", "1/6"],
    [3, 5, "1/6", 7, 5, 5, 1, "1/2"],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_ahp_saaty_1990_house_example():
    """Saaty, T. L. (1990). How to make a decision: The analytic hierarchy process. *European Journal
    of Operational Research*, 48(1), 9–26 — house-buying example, Table 2 (eight factors: size,
    transportation, neighbourhood, age, yard, modern facilities, general condition, financing):
    priorities 0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333; λmax = 9.669, CI = 0.238,
    CR = 0.169 (above 0.1: inconsistent)."""
    labels = ["size", "transport", "neighbourhood", "age", "yard", "facilities", "condition", "financing"]
    result = ahp_weights(SAATY_HOUSE, labels=labels)
    np.testing.assert_allclose(
        result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], atol=5e-4
    )
    assert result.weights.index.tolist() == labels
    assert result.lambda_max == pytest.approx(9.669, abs=5e-4)
    assert result.consistency_index == pytest.approx(0.238, abs=5e-4)
    assert result.consistency_ratio == pytest.approx(0.169, abs=5e-4)
    assert not result.is_consistent
    assert "inconsistent" in result.summary()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.05, 20.0), min_size=1, max_size=10))
def test_ahp_consistent_matrix_returns_weights_with_cr_zero(raw):
    w = np.array(raw) / sum(raw)
    result = ahp_weights(np.outer(w, 1 / w))
    np.testing.assert_allclose(result.weights, w, rtol=1e-8)
    assert result.lambda_max == pytest.approx(len(w), rel=1e-9)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert result.is_consistent


def test_ahp_inconsistent_cycle_flagged():
    # a > b, b > c, c > a: an intransitive cycle
    result = ahp_weights([[1, 5, "1/5"], ["1/5", 1, 5], [5, "1/5", 1]])
    assert result.consistency_ratio > 0.1
    assert not result.is_consistent


def test_ahp_two_criteria_always_consistent():
    result = ahp_weights([[1, 3], ["1/3", 1]], labels=["a", "b"])
    assert result.weights.tolist() == pytest.approx([0.75, 0.25])
    assert result.consistency_ratio == 0.0


def test_ahp_dataframe_index_labels():
    frame = pd.DataFrame([[1, 2], [0.5, 1]], index=["demand", "networking"], columns=["demand", "networking"])
    assert ahp_weights(frame).weights.index.tolist() == ["demand", "networking"]


def test_ahp_rejects_non_square():
    with pytest.raises(ValueError, match=r"'pairwise' must be square: it has 2 rows but row 0 has 3 entries"):
        ahp_weights([[1, 2, 3], [0.5, 1, 2]])


def test_ahp_rejects_empty():
    with pytest.raises(ValueError, match=r"'pairwise' must be a square matrix"):
        ahp_weights([])


def test_ahp_rejects_more_than_ten_criteria():
    with pytest.raises(ValueError, match=r"has 11 criteria; Saaty's random index is tabulated for n ≤ 10"):
        ahp_weights(np.ones((11, 11)))


def test_ahp_rejects_non_positive_entry():
    with pytest.raises(ValueError, match=r"positive finite numbers .* got 0.0 at \[0\]\[1\]"):
        ahp_weights([[1, 0], [1, 1]])


def test_ahp_rejects_diagonal_not_one():
    with pytest.raises(ValueError, match=r"diagonal must be 1 .* got 2.0 at \[1\]\[1\]"):
        ahp_weights([[1, 2], [0.5, 2]])


def test_ahp_rejects_non_reciprocal():
    with pytest.raises(
        ValueError, match=r"not reciprocal: \[0\]\[1\] = 3 but \[1\]\[0\] = 3; expected \[1\]\[0\] = 1/3"
    ):
        ahp_weights([[1, 3], [3, 1]])


def test_ahp_accepts_rounded_reciprocal():
    assert ahp_weights([[1, 3], [0.33, 1]]).is_consistent


def test_ahp_rejects_unreadable_entry():
    with pytest.raises(
        ValueError, match=r"'pairwise'\[0\]\[1\]: expected a number or a fraction such as '1/3', got 'three'"
    ):
        ahp_weights([[1, "three"], ["1/3", 1]])


def test_ahp_rejects_wrong_number_of_labels():
    with pytest.raises(ValueError, match=r"'labels' must have 2 entries"):
        ahp_weights([[1, 2], ["1/2", 1]], labels=["a", "b", "c"])


# --------------------------------------------------------------------------------------------------
# Criteria file
# --------------------------------------------------------------------------------------------------
def test_default_criteria_file_loads_and_weights_sum_to_one(default):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the bundled file must load without any warning
        criteria = load_criteria(DEFAULT_CRITERIA_PATH)
    assert criteria.ids == DEFAULT_IDS == default.ids
    assert criteria.weights.sum() == pytest.approx(1.0)
    assert criteria.group_weights.to_dict() == pytest.approx(
        {"economic_impact": 0.25, "demand": 0.25, "networking": 0.25, "factor_conditions": 0.25}
    )
    assert criteria.indicators.groupby("group")["within_weight"].sum().tolist() == pytest.approx([1.0] * 4)
    assert [i for i, b in zip(criteria.ids, criteria.benefit, strict=True) if not b] == ["avg_firm_size", "wage_cost"]
    assert (criteria.indicators["source"] == criteria.indicators.index).all()
    for column in ["name_en", "name_tr", "description_en", "description_tr"]:
        assert criteria.indicators[column].str.len().min() > 0


def test_criteria_global_weight_is_group_times_within(tmp_path):
    spec = _spec()
    spec["groups"][0]["weight"] = 0.75
    spec["groups"][1]["weight"] = 0.25
    spec["groups"][0]["indicators"][0]["weight"] = 0.8
    spec["groups"][0]["indicators"][1]["weight"] = 0.2
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.weights.to_dict() == pytest.approx(
        {"lq": 0.6, "employment": 0.15, "rca": 0.125, "wage_cost": 0.125}
    )
    assert criteria.name("lq", "en") == "lq en"
    assert criteria.name("demand", "tr") == "Talep"


def test_criteria_fraction_weights(tmp_path):
    path = tmp_path / "c.yaml"
    text = yaml.safe_dump(_spec(), sort_keys=False).replace("weight: 0.5", "weight: 1/2")
    path.write_text(text, encoding="utf-8")
    assert load_criteria(path).weights.sum() == pytest.approx(1.0)


def test_criteria_weights_not_summing_to_one_warn_and_normalise(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["weight"] = 2
    spec["groups"][0]["indicators"][1]["weight"] = 1
    with pytest.warns(
        UserWarning,
        match=r"criteria.yaml: groups\[0\] \(economic_impact\) indicator weights: weights sum to 3",
    ):
        criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.indicators.loc["lq", "within_weight"] == pytest.approx(2 / 3)


def test_criteria_group_pairwise_from_yaml_comment_example(tmp_path):
    """The AHP example in the comments of criteria_default.yaml is consistent and gives 1/3, 1/6, 1/3, 1/6."""
    spec = {"groups": []}
    for gid in ["economic_impact", "demand", "networking", "factor_conditions"]:
        spec["groups"].append(
            {"id": gid, "name_en": gid, "name_tr": gid, "indicators": [_indicator(f"{gid}_x", weight=1)]}
        )
    spec["group_pairwise"] = {
        "order": ["economic_impact", "demand", "networking", "factor_conditions"],
        "matrix": [[1, 2, 1, 2], ["1/2", 1, "1/2", 1], [1, 2, 1, 2], ["1/2", 1, "1/2", 1]],
    }
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.group_weights.tolist() == pytest.approx([1 / 3, 1 / 6, 1 / 3, 1 / 6])
    assert isinstance(criteria.ahp["groups"], AHPResult)


def test_criteria_pairwise_within_group(tmp_path):
    spec = _spec()
    group = spec["groups"][1]
    for ind in group["indicators"]:
        del ind["weight"]
    group["pairwise"] = {"order": ["wage_cost", "rca"], "matrix": [[1, "1/3"], [3, 1]]}
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.indicators.loc["rca", "within_weight"] == pytest.approx(0.75)
    assert criteria.ahp["demand"].is_consistent


def test_criteria_inconsistent_pairwise_is_an_error(tmp_path):
    spec = _spec()
    spec["groups"].append(
        {
            "id": "networking",
            "name_en": "N",
            "name_tr": "A",
            "weight": 0.5,
            "indicators": [_indicator("x", weight=1)],
        }
    )
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {
        "order": ["economic_impact", "demand", "networking"],
        "matrix": [[1, 5, "1/5"], ["1/5", 1, 5], [5, "1/5", 1]],
    }
    path = _write(tmp_path, spec)
    with pytest.raises(
        CriteriaError,
        match=r"criteria.yaml: group_pairwise: the pairwise judgements are inconsistent .*CR = ",
    ):
        load_criteria(path)
    with pytest.warns(UserWarning, match=r"used anyway because allow_inconsistent=True"):
        criteria = load_criteria(path, allow_inconsistent=True)
    assert not criteria.ahp["groups"].is_consistent


def test_criteria_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"criteria file .*missing.yaml' does not exist"):
        load_criteria(tmp_path / "missing.yaml")


def test_criteria_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("groups:\n  - id: demand\n    name_en: [unclosed\n", encoding="utf-8")
    with pytest.raises(CriteriaError, match=r"broken.yaml: line \d+, column \d+: not valid YAML"):
        load_criteria(path)


def test_criteria_duplicate_key(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("groups: []\ngroups: []\n", encoding="utf-8")
    with pytest.raises(
        CriteriaError, match=r"dup.yaml: line 2, column 1: not valid YAML: duplicate key 'groups'"
    ):
        load_criteria(path)


def test_criteria_top_level_not_a_mapping(tmp_path):
    with pytest.raises(
        CriteriaError, match=r"criteria.yaml: expected a mapping with keys \['groups'\], got list"
    ):
        load_criteria(_write(tmp_path, [1, 2]))


def test_criteria_missing_groups(tmp_path):
    with pytest.raises(CriteriaError, match=r"criteria.yaml: missing required key 'groups'"):
        load_criteria(_write(tmp_path, {"version": 1}))


def test_criteria_empty_groups(tmp_path):
    with pytest.raises(CriteriaError, match=r"criteria.yaml: groups: expected a non-empty list of groups"):
        load_criteria(_write(tmp_path, {"groups": []}))


def test_criteria_unknown_key_suggests_fix(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["wieght"] = spec["groups"][0]["indicators"][0].pop("weight")
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.indicators\[0\] \(lq\): unknown key 'wieght'.*"
        r"did you mean 'weight'\?",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_missing_required_indicator_key(tmp_path):
    spec = _spec()
    del spec["groups"][1]["indicators"][0]["description_tr"]
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\)\.indicators\[0\] \(rca\): missing required key 'description_tr'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_structure_is_checked_by_pydantic_and_lists_every_problem(tmp_path):
    """The structure is a pydantic model (CriteriaSpec); a file with three mistakes gets one error that
    names each with its path, e.g. ``groups[1] (demand).indicators[0] (rca).direction``."""
    from pydantic import BaseModel

    from clusterlib.selection.criteria_schema import CriteriaSpec

    assert issubclass(CriteriaSpec, BaseModel)
    assert set(CriteriaSpec.model_json_schema()["properties"]) >= {"groups", "group_pairwise"}
    spec = _spec()
    spec["groups"][1]["indicators"][0]["direction"] = "lower"
    spec["groups"][0]["weight"] = "high"
    spec["groups"][1]["name_tr"] = ""
    with pytest.raises(CriteriaError) as caught:
        load_criteria(_write(tmp_path, spec))
    message = str(caught.value)
    assert "criteria.yaml: 3 problems:" in message
    assert (
        "groups[0] (economic_impact).weight: expected a non-negative number or a fraction such as '1/3', "
        "got str 'high'" in message
    )
    assert (
        "groups[1] (demand).indicators[0] (rca).direction: must be one of ['benefit', 'cost'], got 'lower'"
        in message
    )
    assert "groups[1] (demand).name_tr: expected a non-empty text, got str ''" in message


def test_criteria_invalid_direction(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][1]["direction"] = "lower"
    with pytest.raises(
        CriteriaError,
        match=r"indicators\[1\] \(wage_cost\)\.direction: must be one of \['benefit', 'cost'\], got 'lower'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_negative_weight(tmp_path):
    spec = _spec()
    spec["groups"][0]["weight"] = -0.5
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.weight: expected a non-negative number, got -0.5",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weight_not_a_number(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][1]["weight"] = "high"
    with pytest.raises(
        CriteriaError,
        match=r"\(employment\)\.weight: expected a non-negative number or a fraction .* got str 'high'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weights_all_zero(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        g["weight"] = 0
    with pytest.raises(CriteriaError, match=r"criteria.yaml: group weights: weights .* sum to 0"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_duplicate_group_id(tmp_path):
    spec = _spec()
    spec["groups"][1]["id"] = "economic_impact"
    with pytest.raises(
        CriteriaError, match=r"groups\[1\] \(economic_impact\)\.id: duplicate group id 'economic_impact'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_duplicate_indicator_id(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][0]["id"] = "lq"
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\)\.indicators\[0\] \(lq\)\.id: duplicate indicator id 'lq'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_empty_indicator_list(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"] = []
    with pytest.raises(
        CriteriaError, match=r"groups\[1\] \(demand\)\.indicators: expected a non-empty list of indicators"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_empty_name(tmp_path):
    spec = _spec()
    spec["groups"][0]["name_tr"] = "  "
    with pytest.raises(
        CriteriaError, match=r"groups\[0\] \(economic_impact\)\.name_tr: expected a non-empty text"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_invalid_format(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["format"] = "{:.1q}"
    with pytest.raises(CriteriaError, match=r"\(lq\)\.format: '\{:.1q\}' is not a number format"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_source_column_used_twice(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][0]["source"] = "lq"
    with pytest.raises(
        CriteriaError, match=r"\(rca\)\.source: column 'lq' is already used by indicator 'lq'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_group_weight_missing(tmp_path):
    spec = _spec()
    del spec["groups"][1]["weight"]
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\): missing required key 'weight' \(or give 'group_pairwise'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_indicator_weight_missing(tmp_path):
    spec = _spec()
    del spec["groups"][1]["indicators"][0]["weight"]
    with pytest.raises(
        CriteriaError, match=r"\(rca\): missing required key 'weight' \(or give 'pairwise' in the group\)"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weight_and_group_pairwise_together(tmp_path):
    spec = _spec()
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"], "matrix": [[1, 1], [1, 1]]}
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.weight: group weights come from 'group_pairwise'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_indicator_weight_and_group_pairwise_together(tmp_path):
    spec = _spec()
    spec["groups"][1]["pairwise"] = {"order": ["rca", "wage_cost"], "matrix": [[1, 1], [1, 1]]}
    with pytest.raises(
        CriteriaError, match=r"\(rca\)\.weight: weights in group 'demand' come from its 'pairwise'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_order_mismatch(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demnd"], "matrix": [[1, 2], ["1/2", 1]]}
    with pytest.raises(
        CriteriaError,
        match=r"group_pairwise.order: must list each of .* missing \['demand'\], unexpected \['demnd'\]",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_order_not_a_list(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": "economic_impact, demand", "matrix": [[1, 2], ["1/2", 1]]}
    with pytest.raises(CriteriaError, match=r"group_pairwise.order: expected a list of ids"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_matrix_not_reciprocal(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"], "matrix": [[1, 2], [2, 1]]}
    with pytest.raises(
        CriteriaError, match=r"criteria.yaml: group_pairwise.matrix: matrix is not reciprocal"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_missing_matrix(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"]}
    with pytest.raises(CriteriaError, match=r"group_pairwise: missing required key 'matrix'"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_unknown_language(small):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'de'"):
        small.name("lq", "de")


def test_parse_criteria_names_its_source():
    with pytest.raises(CriteriaError, match=r"^workshop: missing required key 'groups'"):
        parse_criteria({}, source="workshop")


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------
def test_score_sectors_weighted_sum_contributions_add_up(default):
    table = _table(default, m=15)
    result = score_sectors(table, default, method="weighted_sum")
    scores = result.scores
    np.testing.assert_allclose(scores["score"], result.contributions.sum(axis=1))
    groups = [g.id for g in default.groups]
    np.testing.assert_allclose(scores["score"], scores[groups].sum(axis=1))
    expected = weighted_sum(table[default.ids], default.weights, benefit=default.benefit)
    np.testing.assert_allclose(scores["score"], expected.reindex(scores.index))
    assert scores["rank"].tolist() == list(range(1, 16))
    assert scores["score"].is_monotonic_decreasing


def test_score_sectors_topsis_matches_topsis_and_distance(default):
    table = _table(default, m=20)
    result = score_sectors(table, default)
    expected = topsis(table[default.ids], default.weights, benefit=default.benefit)
    np.testing.assert_allclose(result.scores["score"], expected.reindex(result.scores.index))
    d_minus = np.sqrt((result.contributions**2).sum(axis=1))
    d_plus = np.sqrt((result.shortfalls**2).sum(axis=1))
    np.testing.assert_allclose(result.scores["score"], d_minus / (d_minus + d_plus))
    assert result.method == "topsis"
    assert result.normalization == "vector"


def test_score_sectors_tidy_table(small):
    table = _table(small, m=4)
    long = score_sectors(table, small).tidy()
    assert len(long) == 4 * 4
    assert {"sector", "indicator", "value", "normalized", "contribution", "shortfall", "imputed"} <= set(long)


def test_score_sectors_uses_source_column(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["source"] = "lq_2023"
    criteria = load_criteria(_write(tmp_path, spec))
    table = _table(parse_criteria(_spec()), m=5).rename(columns={"lq": "lq_2023"})
    table["name"] = "ignored extra column"
    result = score_sectors(table, criteria)
    assert list(result.values.columns) == ["lq", "employment", "rca", "wage_cost"]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["topsis", "weighted_sum"]))
def test_dominated_sector_never_first(seed, method):
    criteria = parse_criteria(_spec())
    table = _table(criteria, m=6, seed=seed)
    leader = table.iloc[0].copy()
    # "99" is worse than sector table.index[0] on every indicator (lower benefit, higher cost)
    worse = leader * 0.9
    worse["wage_cost"] = leader["wage_cost"] * 1.1
    table.loc["99"] = worse
    result = score_sectors(table, criteria, method=method)
    assert result.scores.loc["99", "rank"] > 1
    assert result.scores.loc["99", "score"] < result.scores.loc[table.index[0], "score"]
    sensitivity = weight_sensitivity(table, criteria, n=200, method=method, concentration=5, seed=seed)
    assert sensitivity.loc["99", "p_first"] == 0.0


def test_score_sectors_missing_values_raise_by_default(small):
    table = _table(small, m=4)
    table.loc["11", "rca"] = np.nan
    with pytest.raises(
        ValueError, match=r"'indicators' has 1 missing .* row '11', column 'rca'.*missing='median'"
    ):
        score_sectors(table, small)


def test_score_sectors_missing_median_imputation(small):
    table = _table(small, m=5)
    table.loc["11", "rca"] = np.nan
    with pytest.warns(UserWarning, match=r"1 missing indicator value\(s\) imputed with the median value"):
        result = score_sectors(table, small, missing="median")
    assert result.values.loc["11", "rca"] == pytest.approx(table["rca"].median())
    assert result.imputed.loc["11", "rca"]
    assert result.imputed.to_numpy().sum() == 1


def test_score_sectors_missing_worst_imputation(small):
    table = _table(small, m=5)
    table.loc["11", ["rca", "wage_cost"]] = np.nan
    with pytest.warns(UserWarning, match=r"imputed with the worst value"):
        result = score_sectors(table, small, missing="worst")
    assert result.values.loc["11", "rca"] == pytest.approx(table["rca"].min())
    assert result.values.loc["11", "wage_cost"] == pytest.approx(table["wage_cost"].max())


def test_score_sectors_all_missing_column(small):
    table = _table(small, m=4)
    table["rca"] = np.nan
    with pytest.raises(ValueError, match=r"column\(s\) \['rca'\] have no value for any sector"):
        score_sectors(table, small, missing="median")


def test_score_sectors_constant_indicator_warns(small):
    table = _table(small, m=4)
    table["employment"] = 100.0
    with pytest.warns(UserWarning, match=r"\['employment'\] have the same value for every alternative"):
        result = score_sectors(table, small)
    assert (result.contributions["employment"] == 0).all()


def test_score_sectors_unknown_method(small):
    with pytest.raises(
        ValueError, match=r"'method' must be one of \['topsis', 'weighted_sum'\], got 'electre'"
    ):
        score_sectors(_table(small), small, method="electre")


def test_score_sectors_unknown_normalization(small):
    with pytest.raises(ValueError, match=r"'normalization' must be one of .* got 'log'"):
        score_sectors(_table(small), small, normalization="log")


def test_score_sectors_unknown_missing(small):
    with pytest.raises(
        ValueError, match=r"'missing' must be one of \['raise', 'median', 'worst'\], got 'zero'"
    ):
        score_sectors(_table(small), small, missing="zero")


def test_score_sectors_duplicated_sectors(small):
    table = _table(small, m=3)
    table.index = ["15", "15", "28"]
    with pytest.raises(ValueError, match=r"one row per sector, got duplicated sectors \['15'\]"):
        score_sectors(table, small)


def test_score_sectors_needs_two_sectors(small):
    with pytest.raises(ValueError, match=r"at least two sectors to compare, got 1"):
        score_sectors(_table(small, m=1), small)


def test_score_sectors_missing_column(small):
    table = _table(small).drop(columns="rca")
    with pytest.raises(
        ValueError, match=r"'indicators' lacks column\(s\) \['rca'\] required by the criteria"
    ):
        score_sectors(table, small)


def test_score_sectors_non_numeric_column(small):
    table = _table(small)
    table["lq"] = "high"
    with pytest.raises(ValueError, match=r"non-numeric column\(s\) \['lq'\]"):
        score_sectors(table, small)


def test_score_sectors_indicators_not_a_dataframe(small):
    with pytest.raises(TypeError, match=r"'indicators' must be a DataFrame indexed by sector, got ndarray"):
        score_sectors(np.ones((3, 4)), small)


def test_score_sectors_criteria_wrong_type(small):
    with pytest.raises(TypeError, match=r"'criteria' must be a Criteria .* got dict"):
        score_sectors(_table(small), _spec())


# --------------------------------------------------------------------------------------------------
# Explanations
# --------------------------------------------------------------------------------------------------
@pytest.fixture
def footwear(small) -> tuple:
    table = pd.DataFrame(
        {
            "lq": [6.2, 1.0, 1.5, 0.8],
            "employment": [9000.0, 12000.0, 3000.0, 2500.0],
            "rca": [4.1, 1.2, 0.9, 0.5],
            "wage_cost": [1.12, 0.95, 0.90, 1.0],
        },
        index=["15", "10", "28", "25"],
    )
    return score_sectors(table, small, method="weighted_sum"), small


def test_explain_names_largest_contributor(footwear):
    result, criteria = footwear
    for sector in result.scores.index:
        largest = result.contributions.loc[sector].idxmax()
        for lang in ["en", "tr"]:
            text = explain(result, criteria, sector=sector, lang=lang)
            assert criteria.name(largest, lang) in text


def test_explain_english_sentence(footwear):
    result, criteria = footwear
    text = explain(result, criteria, sector="15", lang="en", names={"15": "Footwear"})
    assert text == (
        "Footwear ranks 1st, carried by lq en (LQ 6.2) and rca en (RCA 4.1); "
        "its weakest side is wage_cost en (1.12 times the sector's national average)."
    )


def test_explain_turkish_sentence(footwear):
    result, criteria = footwear
    text = explain(result, criteria, sector="15", lang="tr", names={"15": "Ayakkabı"})
    assert text == (
        "Ayakkabı 1. sırada; güçlü yönleri: lq tr (LQ 6,2) ve rca tr (AKÜ 4,1); "
        "en zayıf yönü: wage_cost tr (sektörün Türkiye ortalamasının 1,12 katı)."
    )


def test_explain_defaults_to_turkish_and_code(footwear):
    result, criteria = footwear
    assert explain(result, criteria, sector="10").startswith("10 ")


def test_explain_turkish_thousands_and_percent():
    spec = _spec()
    spec["groups"][0]["indicators"][1]["format"] = "{:.1%}"
    criteria = parse_criteria(spec)
    table = pd.DataFrame(
        {
            "lq": [1.0, 2.0, 3.0],
            "employment": [0.045, 0.01, 0.0],
            "rca": [1.0, 1.0, 2.0],
            "wage_cost": [1, 2, 3],
        },
        index=["a", "b", "c"],
    )
    result = score_sectors(table, criteria, method="weighted_sum")
    assert "(%4,5 kişi)" in explain(result, criteria, sector="a", lang="tr")  # the file's format, the unit
    assert "(4.5% jobs)" in explain(result, criteria, sector="a", lang="en")


def test_explain_marks_imputed_values(small):
    table = _table(small, m=5)
    table.loc["10", "rca"] = np.nan
    with pytest.warns(UserWarning, match=r"imputed"):
        result = score_sectors(table, small, missing="median")
    result_text = explain(result, small, sector="10", lang="en", n_strengths=4)
    assert "imputed)" in result_text


def test_explain_ordinals():
    criteria = parse_criteria(_spec())
    table = _table(criteria, m=13)
    result = score_sectors(table, criteria)
    by_rank = result.scores["rank"]
    for rank, suffix in [(2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (13, "13th")]:
        sector = by_rank.index[by_rank == rank][0]
        assert f"ranks {suffix}" in explain(result, criteria, sector=sector, lang="en")
        assert f" {rank}. sırada" in explain(result, criteria, sector=sector, lang="tr")


def test_explain_unknown_sector(footwear):
    result, criteria = footwear
    with pytest.raises(ValueError, match=r"'sector' '16' is not among the scored sectors .* did you mean"):
        explain(result, criteria, sector="16")


def test_explain_unknown_language(footwear):
    result, criteria = footwear
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'fr'"):
        explain(result, criteria, sector="15", lang="fr")


def test_explain_needs_a_selection_result(footwear):
    _, criteria = footwear
    with pytest.raises(TypeError, match=r"'scores' must be a SelectionResult"):
        explain(pd.DataFrame(), criteria, sector="15")


def test_explain_n_strengths_positive(footwear):
    result, criteria = footwear
    with pytest.raises(ValueError, match=r"'n_strengths' must be at least 1, got 0"):
        explain(result, criteria, sector="15", n_strengths=0)


def test_explain_criteria_must_match(footwear, default):
    result, _ = footwear
    with pytest.raises(ValueError, match=r"'criteria' do not match 'scores'"):
        explain(result, default, sector="15")


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
    ind = lambda i, d="benefit": {"id": i, "name_en": i, "name_tr": i, "description_en": i,  # noqa: E731
                                  "description_tr": i, "direction": d, "weight": 1 / 3}
    crit = parse_criteria({"groups": [{"id": "g", "name_en": "G", "name_tr": "G", "weight": 1,
                                       "indicators": [ind("lq"), ind("rca"), ind("wage_cost", "cost")]}]})
    table = pd.DataFrame({"lq": [9.0, 1.0, 2.0], "rca": [5.0, 60.0, 1.0], "wage_cost": [1.20, 1.00, 1.10]},
                         index=["30", "10", "26"])
    result = score_sectors(table, crit, method="weighted_sum")
    text = explain(result, crit, sector="30", lang="en", n_strengths=1)
    assert text.endswith("its weakest side is wage_cost (1.2 times the sector's national average).")
