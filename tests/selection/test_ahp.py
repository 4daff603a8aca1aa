"""AHP weights and consistency (Saaty 1980, 1990)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.selection import (
    ahp_weights,
)

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
