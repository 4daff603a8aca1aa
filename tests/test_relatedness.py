"""Tests for clusterlib.relatedness.

Definitions: Hidalgo, Klinger, Barabási & Hausmann (2007), "The product space conditions the
development of nations", Science 317, 482–487 (proximity = minimum of the two conditional
probabilities of co-specialisation); Boschma, Balland & Kogler (2015), Industrial and Corporate
Change 24(1), 223–250, and EconGeo's ``relatedness_density`` (Balland 2017) for density on a 0–100
scale.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterlib.relatedness import proximity, related_employment_quotient, relatedness_density


def test_proximity_is_minimum_conditional_probability_hidalgo_2007():
    """Hidalgo et al. (2007), eq. 1: φ_ij = min{P(RCA_i | RCA_j), P(RCA_j | RCA_i)}.

    Four countries; sector x exported with RCA by 4, y by 2, both by 2:
    P(x|y) = 2/2 = 1, P(y|x) = 2/4 = 0.5, so φ = 0.5.
    """
    m = pd.DataFrame({"x": [1, 1, 1, 1], "y": [1, 1, 0, 0]})
    assert proximity(m).loc["x", "y"] == pytest.approx(0.5)


@settings(max_examples=60, deadline=None)
@given(arrays(np.int8, st.tuples(st.integers(2, 8), st.integers(2, 6)), elements=st.integers(0, 1)))
def test_proximity_symmetric_in_unit_interval(values):
    phi = proximity(pd.DataFrame(values))
    assert np.allclose(phi, phi.T)
    assert ((phi >= 0) & (phi <= 1)).all().all()
    assert (np.diag(phi) == 0).all()


@settings(max_examples=60, deadline=None)
@given(arrays(np.int8, st.tuples(st.integers(2, 8), st.integers(2, 6)), elements=st.integers(0, 1)))
def test_density_bounds_and_full_region(values):
    m = pd.DataFrame(values)
    phi = proximity(m)
    density = relatedness_density(m, phi)
    assert ((density >= 0) & (density <= 100 + 1e-9)).all().all()
    full = relatedness_density(pd.DataFrame(np.ones_like(values)), phi)
    has_neighbours = phi.sum(axis=0) > 0
    assert np.allclose(full.loc[:, has_neighbours], 100.0)


def test_density_matches_econgeo_formula():
    """EconGeo: relatedness_density = (mat %*% relatedness) / colSums(relatedness) * 100."""
    rng = np.random.default_rng(3)
    m = pd.DataFrame(rng.integers(0, 2, size=(6, 5)))
    phi = proximity(m)
    expected = (m.to_numpy() @ phi.to_numpy()) / phi.to_numpy().sum(axis=0) * 100
    expected = np.where(phi.to_numpy().sum(axis=0) > 0, expected, 0.0)
    assert np.allclose(relatedness_density(m, phi).to_numpy(), expected)


def test_related_quotient_is_one_for_a_region_with_the_national_structure():
    e = pd.DataFrame({"a": [10.0, 20.0, 5.0], "b": [30.0, 60.0, 1.0], "c": [5.0, 10.0, 9.0]})
    nation = e.sum()
    e.loc["mirror"] = nation / nation.sum() * 50  # the nation's structure at a small scale
    phi = pd.DataFrame([[0, 1, 0.5], [1, 0, 0.2], [0.5, 0.2, 0]], index=e.columns, columns=e.columns)
    assert np.allclose(related_employment_quotient(e, phi).loc["mirror"], 1.0)


def test_errors_name_the_argument():
    with pytest.raises(ValueError, match="'incidence' must hold 0/1"):
        proximity(pd.DataFrame({"a": [0.5, 2.0]}))
    with pytest.raises(TypeError, match="'incidence' must be a DataFrame"):
        proximity(np.ones((2, 2)))
    with pytest.raises(ValueError, match="'incidence' is empty"):
        proximity(pd.DataFrame())
    with pytest.raises(ValueError, match="'proximity_matrix' lacks sectors"):
        relatedness_density(pd.DataFrame({"a": [1], "z": [0]}), pd.DataFrame({"a": [0.0]}, index=["a"]))
    with pytest.raises(ValueError, match="non-negative"):
        related_employment_quotient(pd.DataFrame({"a": [-1.0, 2.0]}), pd.DataFrame({"a": [0.0]}, index=["a"]))
