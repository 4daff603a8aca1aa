"""The national complexity of the diversification analysis is computed once per data and setting.

:func:`clusterlib.selection.diversification.national_complexity` caches ECI/PCI, proximity and
outlook by the matrix's content and the threshold; every province reuses them (issue 24: a
province's first analysis in the workbench is cheap), with the numbers of the direct computation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlib.data import load_tables
from clusterlib.relatedness import ComplexityError, complexity_outlook, economic_complexity, proximity
from clusterlib.selection.diversification import (
    ROBUSTNESS_SETTINGS,
    analyse_diversification,
    clear_national_cache,
    complexity_matrix,
    national_complexity,
    opportunity_table,
)
from clusterlib.selection.diversification import national as national_module


@pytest.fixture(scope="module")
def matrix():
    return complexity_matrix(load_tables(None, tables=["employment"]), 2024)


def test_cached_result_has_the_numbers_of_the_direct_computation(matrix):
    clear_national_cache()
    for threshold in (1.0, 0.75):
        cached = national_complexity(matrix, rca_threshold=threshold)
        again = national_complexity(matrix.copy(), rca_threshold=threshold)  # an equal matrix: the cache
        direct = economic_complexity(matrix, rca_threshold=threshold)
        phi = proximity(direct.presence)
        outlook = complexity_outlook(direct.presence, direct.pci, phi)
        for result in (cached, again):
            pd.testing.assert_series_equal(result.complexity.eci, direct.eci, check_exact=True)
            pd.testing.assert_series_equal(result.complexity.pci, direct.pci, check_exact=True)
            pd.testing.assert_frame_equal(result.proximity, phi, check_exact=True)
            pd.testing.assert_frame_equal(result.outlook.cog, outlook.cog, check_exact=True)
            pd.testing.assert_frame_equal(result.outlook.density, outlook.density, check_exact=True)
        # the opportunity table is the same from the cached national result as from the complexity alone
        pd.testing.assert_frame_equal(opportunity_table(cached, 19), opportunity_table(direct, 19), check_exact=True)


def test_each_setting_is_computed_once_for_all_provinces(monkeypatch):
    calls: list[float] = []
    real = national_module.economic_complexity

    def counted(matrix, *, rca_threshold):
        calls.append(rca_threshold)
        return real(matrix, rca_threshold=rca_threshold)

    monkeypatch.setattr(national_module, "economic_complexity", counted)
    clear_national_cache()
    analyse_diversification("Çorum")
    assert len(calls) == len(ROBUSTNESS_SETTINGS)  # the analysis and the robustness settings, baseline shared
    for province in ("Samsun", "Trabzon", "Hakkari"):
        analyse_diversification(province, attractiveness="cog")
    assert len(calls) == len(ROBUSTNESS_SETTINGS)  # nothing computed again for other provinces or measures


def test_never_served_for_other_data_and_not_changed_by_callers(matrix):
    clear_national_cache()
    first = national_complexity(matrix)
    first.complexity.eci.iloc[:] = 99.0  # a caller changing its copy
    first.proximity.iloc[:, :] = 0.0
    assert not (national_complexity(matrix).complexity.eci == 99.0).any()
    assert national_complexity(matrix).proximity.to_numpy().sum() > 0
    edited = matrix.copy()
    edited.iloc[0] = edited.iloc[1].to_numpy() * 3  # another province's structure for the first one
    changed = national_complexity(edited)
    expected = economic_complexity(edited)
    pd.testing.assert_series_equal(changed.complexity.eci, expected.eci, check_exact=True)
    assert not np.allclose(changed.complexity.eci, national_complexity(matrix).complexity.eci, equal_nan=True)


def test_an_undefined_complexity_is_raised_every_time(monkeypatch):
    block = np.kron(np.eye(2), np.ones((2, 2)))  # two groups of provinces sharing no sector: disconnected
    split = pd.DataFrame(block, index=[1, 2, 3, 4], columns=["10", "11", "12", "13"])
    calls = []
    real = national_module.economic_complexity
    monkeypatch.setattr(national_module, "economic_complexity",
                        lambda m, *, rca_threshold: calls.append(1) or real(m, rca_threshold=rca_threshold))
    clear_national_cache()
    messages = []
    for _ in range(2):
        with pytest.raises(ComplexityError) as raised:
            national_complexity(split)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and len(calls) == 1  # the second time from the cache
