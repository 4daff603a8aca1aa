"""TOPSIS, weighted sum and normalisation of clusterlib.selection.mcda.

Published worked examples are named after their source."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import normalizations as pymcdm_norm
from pymcdm.methods import TOPSIS as PymcdmTOPSIS
from pymcdm.methods import WSM as PymcdmWSM
from scipy import stats

from clusterlib.selection import (
    normalize,
    topsis,
    weighted_sum,
)
from tests.selection._selection_helpers import matrices


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
