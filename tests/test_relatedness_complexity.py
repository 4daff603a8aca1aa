"""Tests for clusterlib.relatedness.complexity and .outlook (ECI, PCI, complexity outlook).

Definitions: Hausmann, Hidalgo, Bustos, Coscia, Simoes & Yildirim (2014), *The Atlas of Economic
Complexity: Mapping Paths to Prosperity*, MIT Press, technical boxes 2.1 (ECI/PCI as eigenvectors of
M̃ = D⁻¹ M U⁻¹ Mᵀ) and 5.4 (distance/density, opportunity value = complexity outlook, opportunity
gain = outlook gain).  Reference implementation: the Harvard Growth Lab's ``ecomplexity`` package
(PyPI 0.5.3, github.com/cid-harvard/py-ecomplexity, a port of the Stata ``ecomplexity`` behind the
Atlas), run here on the same input.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from ecomplexity import ecomplexity  # test-only dependency (pyproject [test], environment.yml)
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterlib.relatedness import (
    ComplexityError,
    complexity_from_presence,
    complexity_outlook,
    economic_complexity,
    presence,
    proximity,
    relatedness_density,
)

NESTED = pd.DataFrame(
    [[1, 1, 1], [1, 1, 0], [1, 0, 0]], index=["r1", "r2", "r3"], columns=["a", "b", "c"]
)


def _employment(regions: int, sectors: int, seed: int) -> pd.DataFrame:
    """A seeded lognormal regions × sectors matrix with a few zeros, like provincial employment."""
    rng = np.random.default_rng(seed)
    values = np.round(rng.lognormal(4.0, 1.5, size=(regions, sectors)))
    values[rng.random((regions, sectors)) < 0.1] = 0.0
    return pd.DataFrame(
        values, index=[f"P{i:02d}" for i in range(regions)], columns=[f"S{j:02d}" for j in range(sectors)]
    )


def _growth_lab(matrix: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    long = matrix.stack().rename("val").rename_axis(["loc", "prod"]).reset_index().assign(time=2024)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity(
            long,
            {"time": "time", "loc": "loc", "prod": "prod", "val": "val"},
            rca_mcp_threshold=threshold,
            check_logsupermodularity=False,
            verbose=False,
        )
    return out


def test_nested_matrix_by_hand_atlas_technical_box_2_1():
    """Atlas (Hausmann et al. 2014), technical box 2.1, on a 3 × 3 nested matrix worked by hand.

    M = [[1,1,1],[1,1,0],[1,0,0]]: diversities 3, 2, 1, ubiquities 3, 2, 1.  M̃ = D⁻¹MU⁻¹Mᵀ =
    [[11/18, 5/18, 2/18], [5/12, 5/12, 2/12], [1/3, 1/3, 1/3]]; trace 49/36 and determinant 1/36 give
    the eigenvalues 1, 1/4, 1/9.  The eigenvector of 1/4 is K ∝ (2, −1, −4) (sign: positive with
    diversity); Q = U⁻¹MᵀK = (−1, 1/2, 2); K' = D⁻¹MQ = (1/2, −1/4, −1), mean −1/4, sd √(3/8).
    ECI = (√1.5, 0, −√1.5); PCI with the ECI's mean and sd = (−√1.5, √1.5, 3√1.5).
    """
    result = complexity_from_presence(NESTED)
    root = np.sqrt(1.5)
    assert result.eigenvalues == pytest.approx((1.0, 0.25, 1 / 9))
    assert result.eci.to_numpy() == pytest.approx([root, 0.0, -root])
    assert result.pci.to_numpy() == pytest.approx([-root, root, 3 * root])
    assert result.diversity.tolist() == [3, 2, 1]
    assert result.ubiquity.tolist() == [3, 2, 1]
    own = complexity_from_presence(NESTED, pci_scale="own").pci
    assert own.to_numpy() == pytest.approx((np.array([-1, 0.5, 2]) - 0.5) / np.std([-1, 0.5, 2]))


@pytest.mark.parametrize(("shape", "seed", "threshold"), [((12, 8), 1, 1.0), ((30, 20), 7, 1.0), ((30, 20), 7, 0.75)])
def test_eci_pci_match_growth_lab_ecomplexity(shape, seed, threshold):
    """ECI, PCI, diversity, ubiquity and density agree with the Growth Lab's ``ecomplexity`` 0.5.3.

    ``ecomplexity`` standardises ECI with its own mean and population sd, and PCI with the ECI's,
    and its density counts the product itself (φ_pp = 1): our ``pci_scale="eci"`` and
    ``include_self=True``.  Tolerance 1e-8 (both solve the same eigenproblem in float64).
    """
    matrix = _employment(*shape, seed)
    ours = economic_complexity(matrix, rca_threshold=threshold)
    theirs = _growth_lab(matrix, threshold)
    by_loc = theirs.groupby("loc")[["eci", "diversity"]].first().reindex(matrix.index)
    by_prod = theirs.groupby("prod")[["pci", "ubiquity"]].first().reindex(matrix.columns)
    assert ours.eci.to_numpy() == pytest.approx(by_loc["eci"].to_numpy(), abs=1e-8)
    assert ours.pci.to_numpy() == pytest.approx(by_prod["pci"].to_numpy(), abs=1e-8)
    assert ours.diversity.tolist() == by_loc["diversity"].astype(int).tolist()
    assert ours.ubiquity.tolist() == by_prod["ubiquity"].astype(int).tolist()
    density = theirs.pivot(index="loc", columns="prod", values="density").reindex(
        index=matrix.index, columns=matrix.columns
    )
    phi = proximity(ours.presence)
    ours_density = relatedness_density(ours.presence, phi, include_self=True) / 100
    assert ours_density.to_numpy() == pytest.approx(density.to_numpy(), abs=1e-10)


def test_bundled_sample_matches_growth_lab_ecomplexity():
    """The 81 provinces × 88 NACE divisions of the bundled sample (2024 employment): same ECI and PCI."""
    from clusterlib.data import load_tables
    from clusterlib.specialization import to_matrix

    employment = load_tables(None, tables=["employment"])["employment"]
    matrix = to_matrix(employment, value="employment", year=2024, region="plate", sector="nace").astype(float)
    ours = economic_complexity(matrix)
    theirs = _growth_lab(matrix)
    eci = theirs.groupby("loc")["eci"].first().reindex(matrix.index)
    pci = theirs.groupby("prod")["pci"].first().reindex(matrix.columns)
    assert ours.eci.to_numpy() == pytest.approx(eci.to_numpy(), abs=1e-8)
    assert ours.pci.to_numpy() == pytest.approx(pci.to_numpy(), abs=1e-8)


def test_stata_ground_truth_of_growth_lab_ecomplexity_1995():
    """Stata ``ecomplexity`` (the Atlas's code) on real 1995 trade data, 10 countries × 30 HS92 products.

    Ground truth: ``cid-harvard/py-ecomplexity`` ``tests/fixtures/stata_ground_truth.csv`` (see
    ``tests/fixtures/ecomplexity/README.md``), tolerances as stated there (ECI/PCI rtol 1e-5;
    density, COI, COG rtol 1e-4).  Stata's conventions, each checked here:

    * it standardises over the long country × product table with n − 1, so its ECI and PCI are
      ours × √((RP − 1)/RP) = √(299/300);
    * its density leaves the product itself out (our default ``include_self=False``);
    * it computes COG from the PCI before centring (shifted by its ubiquity-weighted mean) and on
      the same scale, and z-scores COI (again over the long table).
    """
    folder = Path(__file__).parent / "fixtures" / "ecomplexity"
    trade = pd.read_csv(folder / "trade_1995.csv", index_col="origin")
    stata_countries = pd.read_csv(folder / "stata_1995_eci_coi.csv", index_col="origin")
    stata_pci = pd.read_csv(folder / "stata_1995_pci.csv", dtype={"hs92": str}).set_index("hs92")["pci"]
    ours = economic_complexity(trade)
    assert ours.diversity.tolist() == [14, 16, 16, 15, 11, 16, 20, 9, 7, 14]
    scale = np.sqrt(299 / 300)
    assert (ours.eci * scale).to_numpy() == pytest.approx(stata_countries["eci"].to_numpy(), rel=1e-5)
    assert (ours.pci * scale).to_numpy() == pytest.approx(stata_pci.reindex(ours.pci.index).to_numpy(), rel=1e-5)
    uncentred = (ours.pci - np.average(ours.pci, weights=ours.ubiquity)) * scale
    outlook = complexity_outlook(ours.presence, uncentred)
    density = outlook.density / 100
    stata_density = {("aut", "1704"): 0.4625, ("aut", "1806"): 0.483619344773791,
                     ("pol", "3917"): 0.1077529566360053, ("ita", "9403"): 0.4595185995623632,
                     ("gbr", "4905"): 0.8154657293497363}
    for (country, product), value in stata_density.items():
        assert density.loc[country, product] == pytest.approx(value, rel=1e-4)
    stata_cog = {("aut", "1704"): -0.6248181469470029, ("aut", "1806"): -0.2744855294705304,
                 ("aut", "2105"): -0.6022044277365377, ("pol", "1806"): 0.4290935489409775,
                 ("pol", "3917"): 0.7545092658653245, ("ita", "1704"): -0.0074848019856936,
                 ("aut", "2007"): 0.0}
    for (country, product), value in stata_cog.items():
        assert outlook.cog.loc[country, product] == pytest.approx(value, rel=1e-4, abs=1e-12)
    coi = (outlook.coi - outlook.coi.mean()) / outlook.coi.std(ddof=0) * scale
    assert coi.to_numpy() == pytest.approx(stata_countries["coi"].to_numpy(), rel=1e-4)


def test_outlook_matches_growth_lab_ecomplexity_after_its_centring():
    """COI and COG agree with ``ecomplexity`` once its convention is applied to our numbers.

    ``ecomplexity`` computes COI and COG from the eigenvector *before* centring, i.e. from
    PCI − (ubiquity-weighted mean of PCI), the second eigenvector being orthogonal to the constant
    one in the ubiquity-weighted inner product; it then z-scores COI (population sd) and leaves COG
    in units of the ECI's sd.  Applying that shift to our standardised PCI must reproduce both.
    """
    matrix = _employment(30, 20, 11)
    ours = economic_complexity(matrix)
    theirs = _growth_lab(matrix)
    uncentred = ours.pci - np.average(ours.pci, weights=ours.ubiquity)
    outlook = complexity_outlook(ours.presence, uncentred, include_self=True)
    cog = theirs.pivot(index="loc", columns="prod", values="cog").reindex(
        index=matrix.index, columns=matrix.columns
    )
    assert outlook.cog.to_numpy() == pytest.approx(cog.to_numpy(), abs=1e-8)
    coi = theirs.groupby("loc")["coi"].first().reindex(matrix.index).to_numpy()
    z = (outlook.coi - outlook.coi.mean()) / outlook.coi.std(ddof=0)
    assert z.to_numpy() == pytest.approx(coi, abs=1e-8)


def test_eci_is_mean_pci_of_the_sectors_held():
    """With PCI on the ECI's scale, ECI_r = mean of PCI over the sectors r holds (Atlas, eq. 3–4)."""
    result = economic_complexity(_employment(25, 15, 3))
    m = result.presence.to_numpy()
    assert result.eci.to_numpy() == pytest.approx((m @ result.pci.to_numpy()) / m.sum(axis=1))
    assert result.eci.mean() == pytest.approx(0.0, abs=1e-12)
    assert result.eci.std(ddof=0) == pytest.approx(1.0)


_presence_arrays = arrays(np.int8, st.tuples(st.integers(4, 9), st.integers(3, 7)), elements=st.integers(0, 1))


def _defined(values: np.ndarray) -> pd.DataFrame | None:
    frame = pd.DataFrame(values, index=[f"r{i}" for i in range(values.shape[0])])
    try:
        complexity_from_presence(frame)
    except (ComplexityError, ValueError):
        return None
    return frame


@settings(max_examples=80, deadline=None)
@given(_presence_arrays, st.randoms(use_true_random=False))
def test_eci_unchanged_when_rows_and_columns_are_reordered(values, rnd):
    frame = _defined(values)
    assume(frame is not None)
    rows, cols = list(frame.index), list(frame.columns)
    rnd.shuffle(rows)
    rnd.shuffle(cols)
    first = complexity_from_presence(frame)
    again = complexity_from_presence(frame.loc[rows, cols])
    assert again.eci.reindex(frame.index).to_numpy() == pytest.approx(first.eci.to_numpy(), abs=1e-7, nan_ok=True)
    assert again.pci.reindex(frame.columns).to_numpy() == pytest.approx(first.pci.to_numpy(), abs=1e-7, nan_ok=True)


@settings(max_examples=80, deadline=None)
@given(_presence_arrays, st.integers(0, 8))
def test_a_region_with_every_sector_has_the_highest_diversity(values, which):
    values = values.copy()
    values[which % values.shape[0], :] = 1
    frame = _defined(values)
    assume(frame is not None)
    result = complexity_from_presence(frame)
    assert result.diversity.iloc[which % values.shape[0]] == result.diversity.max() == values.shape[1]
    # and the ECI's sign makes it correlate positively with diversity
    held = result.eci.notna()
    assert np.corrcoef(result.diversity[held], result.eci[held])[0, 1] > 0


def test_disconnected_presence_graph_is_refused():
    """Two groups of provinces with no sector in common: M̃ has eigenvalue 1 twice, ECI undefined."""
    blocks = pd.DataFrame(
        [[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]],
        index=["r1", "r2", "r3", "r4"],
        columns=list("abcd"),
    )
    with pytest.raises(ComplexityError, match="falls into 2 disconnected groups"):
        complexity_from_presence(blocks)
    employment = pd.DataFrame(
        [[50, 1, 0, 0], [40, 0, 0, 0], [0, 0, 30, 3], [0, 0, 1, 20]], index=blocks.index, columns=blocks.columns
    )
    with pytest.raises(ComplexityError, match="ECI is undefined"):
        economic_complexity(employment)


def test_tied_second_eigenvalue_is_refused():
    """A ring of three provinces each holding two of three sectors: λ2 = λ3, no unique eigenvector."""
    ring = pd.DataFrame([[1, 1, 0], [0, 1, 1], [1, 0, 1]], index=["r1", "r2", "r3"], columns=list("abc"))
    with pytest.raises(ComplexityError, match="not separated"):
        complexity_from_presence(ring)


def test_sign_not_determined_is_refused():
    """Two provinces that mirror each other (swap sectors a and b) and two full ones: the eigenvector
    separates the mirrors but is uncorrelated with diversity, so ECI's orientation is arbitrary."""
    mirror = pd.DataFrame([[0, 1, 1], [1, 0, 1], [1, 1, 1], [1, 1, 1]], columns=list("abc"))
    with pytest.raises(ComplexityError, match="sign cannot be chosen"):
        complexity_from_presence(mirror)


def test_empty_rows_and_columns_are_left_out_and_listed():
    frame = pd.concat([NESTED, pd.DataFrame([[0, 0, 0]], index=["r4"], columns=NESTED.columns)])
    frame["z"] = 0
    result = complexity_from_presence(frame)
    assert result.excluded_regions == ["r4"]
    assert result.excluded_sectors == ["z"]
    assert np.isnan(result.eci["r4"]) and np.isnan(result.pci["z"])
    assert result.eci.drop("r4").to_numpy() == pytest.approx(complexity_from_presence(NESTED).eci.to_numpy())


def test_presence_threshold_and_record():
    x = pd.DataFrame({"a": [8.0, 2.0, 5.0], "b": [2.0, 8.0, 5.0]}, index=["r1", "r2", "r3"])
    # RCA of r3 in both sectors is exactly 1 (its structure is the nation's)
    assert presence(x).loc["r3"].tolist() == [1, 1]
    assert presence(x, rca_threshold=1.01).loc["r3"].tolist() == [0, 0]
    assert presence(x, rca_threshold=0.3).to_numpy().all()


def test_outlook_invariants():
    result = economic_complexity(_employment(20, 12, 5))
    outlook = complexity_outlook(result.presence, result.pci)
    held = result.presence.to_numpy().astype(bool)
    assert (outlook.cog.to_numpy()[held] == 0).all()
    assert ((outlook.density >= 0) & (outlook.density <= 100 + 1e-9)).all().all()
    # the default density (without the sector itself) is the one sector selection's criteria table uses
    plain = complexity_outlook(result.presence, result.pci)
    econgeo = relatedness_density(result.presence, proximity(result.presence))
    assert plain.density.to_numpy() == pytest.approx(econgeo.to_numpy())


def test_errors_name_the_argument():
    with pytest.raises(ValueError, match="'rca_threshold' must be positive"):
        economic_complexity(_employment(5, 4, 0), rca_threshold=0)
    with pytest.raises(TypeError, match="'rca_threshold' must be a positive number"):
        presence(_employment(5, 4, 0), rca_threshold="1")
    with pytest.raises(ValueError, match="'presence_matrix' must hold 0/1"):
        complexity_from_presence(NESTED * 2)
    with pytest.raises(ValueError, match="'pci_scale' must be one of"):
        complexity_from_presence(NESTED, pci_scale="atlas")
    with pytest.raises(ValueError, match="at least 3 regions"):
        complexity_from_presence(NESTED.iloc[:2])
    with pytest.raises(ValueError, match="'pci' lacks sectors"):
        complexity_outlook(NESTED, pd.Series({"a": 1.0}))
    with pytest.raises(TypeError, match="'matrix' must be a DataFrame"):
        economic_complexity(np.ones((3, 3)))
    with pytest.raises(ValueError, match="duplicate region labels"):
        economic_complexity(pd.DataFrame(np.ones((3, 2)), index=["r1", "r1", "r2"]))
