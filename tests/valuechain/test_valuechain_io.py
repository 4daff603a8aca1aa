"""Input-output linkages, extraction and regionalisation against published examples."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.data import DataValidationError
from clusterlib.valuechain import (
    hypothetical_extraction,
    io_linkages,
    io_matrices,
    leontief_inverse,
    regionalize,
    technical_coefficients,
)

TWO = ["1", "2"]


def _miller_blair() -> tuple[pd.DataFrame, pd.Series]:
    z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=TWO, columns=TWO)
    return z, pd.Series([1000.0, 2000.0], index=TWO)


def test_leontief_inverse_miller_blair_2009_two_sector():
    """Miller, R. E. and Blair, P. D. (2009). *Input-Output Analysis: Foundations and Extensions*,
    2nd ed., §2.3, the two-sector example: Z = [[150, 500], [200, 100]], x = (1000, 2000), so
    A = [[.15, .25], [.20, .05]] and L = (I − A)⁻¹ = [[1.254, .330], [.264, 1.122]]; output
    multipliers (column sums of L, §6.2) 1.518 and 1.452."""
    z, x = _miller_blair()
    a = technical_coefficients(z, x)
    np.testing.assert_allclose(a.to_numpy(), [[0.15, 0.25], [0.20, 0.05]])
    leontief = leontief_inverse(a)
    np.testing.assert_allclose(leontief.to_numpy(), [[1.254, 0.330], [0.264, 1.122]], atol=5e-4)
    np.testing.assert_allclose(leontief.sum(axis=0).to_numpy(), [1.518, 1.452], atol=5e-4)
    np.testing.assert_allclose(io_linkages(z, x)["backward"].to_numpy(), [1.518, 1.452], atol=5e-4)


def test_hypothetical_extraction_miller_blair_2009_two_sector():
    """Miller & Blair (2009) §12.2.1, complete extraction on the two-sector table of §2.3: final
    demand f = (350, 1700).  Without sector 1 the economy is sector 2 alone, x̄₂ = 1700/(1 − .05)
    = 1789.47, so the loss is 3000 − 1789.47 = 1210.53; without sector 2, x̄₁ = 350/(1 − .15) =
    411.76 and the loss is 2588.24 (worked by hand from the definition)."""
    z, x = _miller_blair()
    result = hypothetical_extraction(z, x)
    np.testing.assert_allclose(result["output_loss"].to_numpy(), [1210.526, 2588.235], atol=1e-3)
    np.testing.assert_allclose(
        result["output_loss_share"].to_numpy(), [1210.526 / 3000, 2588.235 / 3000], atol=1e-6
    )


# Eurostat Manual of Supply, Use and Input-Output Tables (2008), J. Beutel, ch. 15: the six-sector
# domestic input-output table of Germany 1995 (p. 481; table 15.4), as bundled and tested by the R
# package iotables (rOpenGov, data-raw/Beutel_15_4.csv, tests/testthat/test-backward_linkages.R and
# test-forward_linkages.R).
BEUTEL = ["agriculture", "manufacturing", "construction", "trade", "business", "other"]
BEUTEL_Z = [
    [1131, 25480, 1, 607, 710, 762],
    [7930, 304584, 64167, 41082, 11981, 30360],
    [426, 7334, 3875, 5296, 23457, 9155],
    [3559, 72717, 14190, 74399, 10835, 21008],
    [3637, 96115, 31027, 65755, 193176, 34223],
    [1552, 14986, 1747, 11225, 15058, 22070],
]
BEUTEL_X = [43910, 1079446, 245606, 540063, 692487, 508918]


def test_linkages_eurostat_manual_2008_beutel_six_sectors():
    """Eurostat (2008), *Eurostat Manual of Supply, Use and Input-Output Tables*, ch. 15 (J. Beutel):
    backward linkages (column sums of the Leontief inverse) 1.7048, 1.8413, 1.8136, 1.6035, 1.5951,
    1.3782 and forward linkages (row sums of the Ghosh inverse) 2.1126, 1.6910, 1.3558, 1.5848,
    2.1037, 1.2106 for the German 1995 six-sector table.  (iotables' test lists manufacturing's
    forward linkage as 1.6691, a transposition of 1.6910 that its relative tolerance lets pass; the
    other five agree to four decimals.)  Dispersion indices are the linkages over their mean."""
    z = pd.DataFrame(BEUTEL_Z, index=BEUTEL, columns=BEUTEL, dtype=float)
    x = pd.Series(BEUTEL_X, index=BEUTEL, dtype=float)
    result = io_linkages(z, x)
    backward = [1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782]
    forward = [2.1126, 1.6910, 1.3558, 1.5848, 2.1037, 1.2106]
    np.testing.assert_allclose(result["backward"].to_numpy(), backward, atol=5e-5)
    np.testing.assert_allclose(result["forward"].to_numpy(), forward, atol=5e-5)
    np.testing.assert_allclose(
        result["power_of_dispersion"].to_numpy(), np.array(backward) / np.mean(backward), atol=1e-4
    )
    np.testing.assert_allclose(
        result["sensitivity_of_dispersion"].to_numpy(), np.array(forward) / np.mean(forward), atol=1e-4
    )
    # from the published linkages (means 1.6561 and 1.6764): agriculture and manufacturing are above
    # average both ways
    assert result.index[result["key_sector"]].tolist() == ["agriculture", "manufacturing"]


def test_sector_without_inputs_has_backward_linkage_one():
    z = pd.DataFrame([[0.0, 30.0], [0.0, 10.0]], index=TWO, columns=TWO)
    result = io_linkages(z, pd.Series([100.0, 100.0], index=TWO))
    assert result.loc["1", "backward"] == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0, 50), min_size=9, max_size=9),
    st.lists(st.floats(1, 1000), min_size=3, max_size=3),
    st.sampled_from(["slq", "cilq", "flq"]),
    st.floats(0, 0.9),
)
def test_regional_coefficients_never_exceed_national(cells, employment, method, delta):
    """Invariant of every location-quotient method: a^r_ij = a_ij·min(1, LQ_ij) ≤ a_ij."""
    sectors = ["a", "b", "c"]
    a = pd.DataFrame(np.array(cells).reshape(3, 3) / 200.0, index=sectors, columns=sectors)
    national = pd.Series([3000.0, 5000.0, 2000.0], index=sectors)
    regional = pd.Series(employment, index=sectors)
    result = regionalize(a, regional, national, method=method, delta=delta)
    assert (result.to_numpy() <= a.to_numpy() + 1e-15).all()
    assert (result.to_numpy() >= 0).all()


def test_flq_by_hand():
    """FLQ (Flegg & Webber 1997): λ* = log₂(1 + Eʳ/Eⁿ)^δ; FLQ_ij = (SLQ_i/SLQ_j)·λ*, SLQ_i·λ* on
    the diagonal.  Eʳ = 100, Eⁿ = 1000, δ = 0.3: λ* = log₂(1.1)^0.3 = 0.4698; SLQ = (1.5, 0.875);
    FLQ = [[0.7047, 0.8054], [0.2740, 0.4111]] and aʳ = a·min(1, FLQ)."""
    a = pd.DataFrame([[0.2, 0.3], [0.1, 0.1]], index=["a", "b"], columns=["a", "b"])
    reg, nat = pd.Series({"a": 30, "b": 70}), pd.Series({"a": 200, "b": 800})
    result = regionalize(a, reg, nat, method="flq", delta=0.3)
    lam = np.log2(1.1) ** 0.3
    assert result.attrs["lambda"] == pytest.approx(lam)
    assert result.attrs["delta"] == 0.3
    flq = np.array([[1.5, 1.5 / 0.875], [0.875 / 1.5, 0.875]]) * lam
    np.testing.assert_allclose(result.to_numpy(), a.to_numpy() * np.minimum(1, flq))
    # CILQ leaves the row of the over-represented sector a untouched off the diagonal
    cilq = regionalize(a, reg, nat, method="cilq")
    np.testing.assert_allclose(cilq.to_numpy(), [[0.2, 0.3], [0.1 * 0.875 / 1.5, 0.1 * 0.875]])
    # a larger delta gives smaller regional coefficients
    assert (regionalize(a, reg, nat, delta=0.5).to_numpy() <= result.to_numpy()).all()


def test_regionalize_rejects_bad_settings():
    a = pd.DataFrame([[0.2]], index=["a"], columns=["a"])
    reg, nat = pd.Series({"a": 1.0}), pd.Series({"a": 2.0})
    with pytest.raises(ValueError, match="'method' must be one of"):
        regionalize(a, reg, nat, method="rlq")
    with pytest.raises(ValueError, match="'delta' must be a number in"):
        regionalize(a, reg, nat, delta=1.5)


def test_linkages_reject_non_square_negative_and_overused_tables():
    z, x = _miller_blair()
    with pytest.raises(ValueError, match="must be square"):
        io_linkages(z.iloc[:, :1], x)
    with pytest.raises(ValueError, match="must not be negative"):
        io_linkages(z.where(z != 500, -1.0), x)
    with pytest.raises(ValueError, match="exceed its total output"):
        io_linkages(z, pd.Series([600.0, 2000.0], index=TWO))


def test_io_matrices_from_long_table():
    table = pd.DataFrame(
        {
            "from": ["1", "1", "2", "2", "1", "2", "VA", "VA"],
            "to": ["1", "2", "1", "2", "FD", "FD", "1", "2"],
            "value": [150, 500, 200, 100, 350, 1700, 650, 1400],
        }
    )
    z, x, f = io_matrices(table)
    assert z.to_numpy().tolist() == [[150, 500], [200, 100]]
    assert x.tolist() == [1000, 2000] and f.tolist() == [350, 1700]


def test_io_matrices_bad_tables_name_file_row_and_column():
    square = pd.DataFrame({"from": ["A", "B", "VA"], "to": ["A", "A", "A"], "value": [1.0, 1.0, 5.0]})
    with pytest.raises(DataValidationError, match="not square") as err:
        io_matrices(square, file="io_table.csv")
    assert err.value.file == "io_table.csv"
    negative = pd.DataFrame({"from": ["A", "VA"], "to": ["A", "A"], "value": [-1.0, 5.0]})
    with pytest.raises(DataValidationError, match="negative") as err:
        io_matrices(negative, file="io_table.csv")
    assert (err.value.row, err.value.column) == (2, "value")
    overused = pd.DataFrame({"from": ["A", "VA"], "to": ["A", "A"], "value": [10.0, -5.0]})
    with pytest.raises(DataValidationError, match="exceed its output"):
        io_matrices(overused)


def test_bundled_io_table_reads_and_has_a_key_manufacturing_sector():
    from clusterlib.data import load_tables

    z, x, _ = io_matrices(load_tables(tables=["io_table"])["io_table"])
    result = io_linkages(z, x)
    assert len(result) == 19 and (result["backward"] >= 1).all()
