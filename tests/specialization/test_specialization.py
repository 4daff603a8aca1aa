"""Tests of clusterlib.specialization: published worked examples, invariants and every error raised."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from clusterlib.specialization import (
    cagr,
    cluster_stars,
    dynamic_shift_share,
    gini_specialisation,
    herfindahl,
    hoover_index,
    hoover_specialisation,
    indicators,
    krugman_index,
    location_quotient,
    revealed_comparative_advantage,
    shift_share,
    shift_share_components,
    strong_clusters,
    to_long,
    to_matrix,
)
from clusterlib.specialization._arrays import _percentile

INDUSTRIES = ["I", "II", "III", "IV"]
PARTS = ["national_share", "industry_mix", "regional_share"]


# --------------------------------------------------------------------------------------------
# Fixtures: published examples turned into region x sector matrices (nation = column sums)
# --------------------------------------------------------------------------------------------
@pytest.fixture
def holukuluku() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Krumme's "Holukuluku" shift-share table, 1985 and 1995.

    Region: 500, 100, 200, 200 jobs in industries I-IV (1985) and 1000, 100, 250, 280 (1995).
    Nation: shares 10/20/40/30 % in 1985, industry growth 10/20/30/40 % (29 % overall). The
    nation is built with 10,000 jobs in 1985; the region is part of it, the rest of the
    nation is the difference.
    """
    region0 = np.array([500, 100, 200, 200])
    region1 = np.array([1000, 100, 250, 280])
    nation0 = np.array([1000, 2000, 4000, 3000])
    nation1 = nation0 * np.array([1.1, 1.2, 1.3, 1.4])
    index = pd.Index(["Holukuluku", "rest"], name="province")
    columns = pd.Index(INDUSTRIES, name="nace")
    start = pd.DataFrame([region0, nation0 - region0], index=index, columns=columns, dtype=float)
    end = pd.DataFrame([region1, nation1 - region1], index=index, columns=columns, dtype=float)
    return start, end


# --------------------------------------------------------------------------------------------
# Location quotient
# --------------------------------------------------------------------------------------------
def test_location_quotient_farhauer_kroell_2013():
    """Farhauer, O. and Kröll, A. (2013). Standorttheorien: Regional- und Stadtökonomik in Theorie
    und Praxis. Wiesbaden: Springer. Example reproduced in the documentation of REAT ``locq``
    (Wieland, T., REAT: Regional Economic Analysis Toolbox, CRAN): ``locq(1714, 79006, 879213,
    15593224)`` returns 0.3847623 (e_ij, e_j, e_i, e)."""
    e_ij, e_j, e_i, e = 1714, 79006, 879213, 15593224
    matrix = pd.DataFrame([[e_ij, e_j - e_ij], [e_i - e_ij, e - e_j - (e_i - e_ij)]],
                          index=["j", "rest"], columns=["i", "other"])
    assert location_quotient(matrix).loc["j", "i"] == pytest.approx(0.3847623, abs=5e-8)


def test_location_quotient_krumme_holukuluku(holukuluku):
    """Krumme, G. "Shift & Share Table with Excel Explanations", Geography 350, University of
    Washington (faculty.washington.edu/krumme/350/ssexcel.html), column 3 "Loc Quot" for
    Holukuluku, 1985: 5, 0.5, 0.5, .667."""
    lq = location_quotient(holukuluku[0]).loc["Holukuluku"]
    np.testing.assert_allclose(lq.to_numpy(), [5, 0.5, 0.5, 0.667], atol=5e-4)


def test_location_quotient_krumme_localization_table():
    """Krumme, G. "Coefficients of Localization (or Dispersion) and Specialization (or
    Diversification)", University of Washington (faculty.washington.edu/krumme/systems/
    localiz.html): a focal industry with 15/35/30/20 % of its jobs in regions A-D, which hold
    35/30/20/15 % of manufacturing, has LQs .43, 1.17, 1.5, 1.33."""
    total = np.array([3500, 3000, 2000, 1500])
    focal = np.array([150, 350, 300, 200])
    matrix = pd.DataFrame({"focal": focal, "other": total - focal}, index=list("ABCD"), dtype=float)
    np.testing.assert_allclose(location_quotient(matrix)["focal"], [0.43, 1.17, 1.5, 1.33], atol=5e-3)


def test_location_quotient_zero_totals_are_nan():
    """A region without employment or a sector absent from the nation has no LQ (documented NaN)."""
    matrix = pd.DataFrame({"A": [1.0, 0.0], "B": [0.0, 0.0]}, index=["r1", "r2"])
    lq = location_quotient(matrix)
    assert lq.loc["r1", "A"] == 1.0
    assert lq.loc["r2"].isna().all() and lq["B"].isna().all()


def test_revealed_comparative_advantage_wikipedia_brazil_soybeans():
    """Wikipedia, "Revealed comparative advantage", example: in 2010 soybeans were 0.35 % of world
    trade ($42 billion); Brazil exported nearly $11 billion of them out of $140 billion in total
    (7.9 %), so "7.9/0.35 = 22": Brazil exports 22 times its fair share. World exports are
    42 / 0.0035 = $12,000 billion."""
    world, soy, brazil, brazil_soy = 12_000.0, 42.0, 140.0, 11.0
    x = pd.DataFrame({"soybeans": [brazil_soy, soy - brazil_soy],
                      "other": [brazil - brazil_soy, world - brazil - (soy - brazil_soy)]},
                     index=["Brazil", "rest of world"])
    assert revealed_comparative_advantage(x).loc["Brazil", "soybeans"] == pytest.approx(22, abs=1)


# --------------------------------------------------------------------------------------------
# Concentration and specialisation
# --------------------------------------------------------------------------------------------
def test_herfindahl_dorsam_2004():
    """Dörsam, P. (2004). Wirtschaftsstatistik anschaulich dargestellt. Heidenau: PD-Verlag.
    Reproduced in REAT ``herf``: sales 20, 50, 20, 10 of four car makers give HHI 0.34 and the
    standardised HHI 0.12."""
    sales = pd.DataFrame([[20, 50, 20, 10]], index=["cars"])
    assert herfindahl(sales).loc["cars"] == pytest.approx(0.34, abs=5e-3)
    assert herfindahl(sales, normalised=True).loc["cars"] == pytest.approx(0.12, abs=5e-3)


def test_krugman_farhauer_kroell_2013_two_regions():
    """Farhauer & Kröll (2013), modified, in REAT ``krugman.spec``: regions j (20, 10, 70, 0, 0)
    and l (0, 0, 0, 60, 40) share no industry, so the Krugman coefficient is 2."""
    matrix = pd.DataFrame([[20, 10, 70, 0, 0], [0, 0, 0, 60, 40]], index=["j", "l"])
    assert krugman_index(matrix).tolist() == [2.0, 2.0]
    assert krugman_index(matrix, reference="others_mean").tolist() == [2.0, 2.0]


def test_krugman_farhauer_kroell_2013_nordic_countries():
    """Farhauer & Kröll (2013), in REAT ``krugman.spec2``: Sweden's jobs in five industries
    against the mean structure of Norway, Denmark, Finland and Iceland give 0.1595."""
    matrix = pd.DataFrame(
        [[45000, 15000, 32000, 10000, 30000], [35000, 12000, 30000, 8000, 22000],
         [40000, 10000, 25000, 9000, 18000], [30000, 11000, 18000, 3000, 13000],
         [40000, 6000, 11000, 2000, 12000]],
        index=["Sweden", "Norway", "Denmark", "Finland", "Iceland"])
    assert krugman_index(matrix, reference="others_mean")["Sweden"] == pytest.approx(0.1595, abs=5e-5)


def test_hoover_specialisation_krumme_localization_table():
    """Krumme, "Coefficients of Localization ... and Specialization" (University of Washington):
    a region with 15/35/30/20 % of its jobs in industries A-D, against 35/30/20/15 % nationally,
    has a coefficient of specialisation of .2 (half the sum of the differences, 40 / 2 %)."""
    region = np.array([15, 35, 30, 20])
    nation = np.array([3500, 3000, 2000, 1500])
    matrix = pd.DataFrame([region, nation - region], index=["focal", "rest"], columns=list("ABCD"))
    assert hoover_specialisation(matrix)["focal"] == pytest.approx(0.2, abs=5e-3)


def test_hoover_index_krumme_localization_table():
    """Krumme, "Coefficients of Localization ... and Specialization": a focal industry with
    15/35/30/20 % of its jobs in regions holding 35/30/20/15 % of manufacturing has a coefficient
    of localisation of .2."""
    total = np.array([3500, 3000, 2000, 1500])
    focal = np.array([150, 350, 300, 200])
    matrix = pd.DataFrame({"focal": focal, "other": total - focal}, index=list("ABCD"))
    assert hoover_index(matrix)["focal"] == pytest.approx(0.2, abs=5e-3)


def test_hoover_index_balland_econgeo():
    """Balland, P.-A., EconGeo (R package), ``hoover_index`` examples with population 10, 15, 20,
    25, 30: industry 2 (10, 15, 20, 25, 30) is "perfectly proportional to population" (0);
    industry 3 (0, 0, 0, 0, 1): "30% of the pop. produces 100% of the output" (0.70); industry
    4 (0, 0, 0, 1, 1): "55% of the pop. produces 100% of the output" (0.45); the vector
    (0, 10, 10, 30, 50) gives 0.25 (EconGeo reports percentages: 0, 70, 45, 25)."""
    pop = pd.Series([10, 15, 20, 25, 30], index=[f"R{k}" for k in range(1, 6)])
    mat = pd.DataFrame({"I2": [10, 15, 20, 25, 30], "I3": [0, 0, 0, 0, 1], "I4": [0, 0, 0, 1, 1],
                        "ind": [0, 10, 10, 30, 50]}, index=pop.index)
    np.testing.assert_allclose(hoover_index(mat, reference=pop), [0.0, 0.70, 0.45, 0.25], atol=5e-3)


def test_gini_specialisation_farhauer_kroell_2013():
    """Farhauer & Kröll (2013), in REAT ``gini.spec``: a region with 700, 600, 500, 10000, 40000
    jobs in five industries that employ 30000, 15000, 10000, 60000, 50000 nationally has a Gini
    coefficient of specialisation of 0.6222222."""
    region = np.array([700, 600, 500, 10000, 40000])
    nation = np.array([30000, 15000, 10000, 60000, 50000])
    matrix = pd.DataFrame([region, nation - region], index=["j", "rest"])
    assert gini_specialisation(matrix)["j"] == pytest.approx(0.6222222, abs=5e-8)


# --------------------------------------------------------------------------------------------
# Growth and shift-share
# --------------------------------------------------------------------------------------------
def test_cagr_htuse_example():
    """"How to calculate CAGR" (htuse.com): CAGR = (200 / 100)^(1/3) - 1 = 26.0 %."""
    assert cagr(100, 200, 3) == pytest.approx(0.260, abs=5e-4)


def test_cagr_keeps_pandas_types_and_zero_start_is_nan():
    """Growth from zero is undefined (NaN), to zero is -100 %; labels are kept."""
    start = pd.Series([100.0, 0.0, 50.0], index=list("abc"))
    out = cagr(start, pd.Series([121.0, 5.0, 0.0], index=list("abc")), 2)
    assert list(out.index) == list("abc")
    assert out["a"] == pytest.approx(0.1) and np.isnan(out["b"]) and out["c"] == -1.0
    np.testing.assert_allclose(cagr(np.array([1.0, 4.0]), np.array([4.0, 4.0]), np.array([2, 1])), [1.0, 0.0])


def test_shift_share_krumme_holukuluku(holukuluku):
    """Krumme, "Shift & Share Table with Excel Explanations" (University of Washington, Geography
    350): Holukuluku's employment grew by 630 (1985-1995); national growth effect 290, total
    shift 340, differential effect 420 and composition effect 80 in magnitude. The page's text
    prints magnitudes only; its identity total shift = differential + composition
    (340 = 420 - 80) fixes the composition (industry-mix) effect at -80."""
    out = shift_share(*holukuluku).loc["Holukuluku"]
    assert out["actual_change"] == pytest.approx(630)
    assert out["national_share"] == pytest.approx(290)
    assert out["industry_mix"] == pytest.approx(-80)
    assert out["regional_share"] == pytest.approx(420)
    assert out["net_shift"] == pytest.approx(340)


def test_shift_share_components_krumme_holukuluku(holukuluku):
    """Krumme (as above), per industry I-IV: expected employment at national growth 645, 129,
    258, 258 (national share = expected - 1985 jobs: 145, 29, 58, 58); composition effect
    95, 9, 2, 22 (negative for I and II, which grew below 29 % nationally); differential effect
    450, -20, -10, 0 (printed 450, 20, 10, 0; 1995 jobs minus 550, 120, 260, 280)."""
    comp = shift_share_components(*holukuluku).set_index(["province", "nace"]).loc["Holukuluku"]
    np.testing.assert_allclose(comp["national_share"], [145, 29, 58, 58])
    np.testing.assert_allclose(comp["industry_mix"], [-95, -9, 2, 22])
    np.testing.assert_allclose(comp["regional_share"], [450, -20, -10, 0], atol=1e-9)
    np.testing.assert_allclose(comp["net_shift"], [355, -29, -8, 22])


def test_shift_share_esteban_marquillas_1972_on_krumme(holukuluku):
    """Esteban-Marquillas, J. M. (1972). A reinterpretation of shift-share analysis. Regional and
    Urban Economics, 2(3), 249-255: homothetic employment e*_ij = e_j e_i / e and competitive
    effect e*_ij (g_ij - G_i) plus allocation (e_ij - e*_ij)(g_ij - G_i) = the classic
    competitive effect. On Krumme's Holukuluku table (published national shares 10/20/40/30 %,
    region total 1000) e* = 100, 200, 400, 300 and the growth differentials are 90, -20, -5,
    0 points, so CE* = 90 - 40 - 20 + 0 = 30 and allocation = 360 + 20 + 10 + 0 = 390; they add
    up to Krumme's differential effect of 420, national and composition effects unchanged."""
    out = shift_share(*holukuluku, method="esteban").loc["Holukuluku"]
    assert out["national_share"] == pytest.approx(290)
    assert out["industry_mix"] == pytest.approx(-80)
    assert out["regional_share"] == pytest.approx(30)
    assert out["allocation"] == pytest.approx(390)
    assert out["regional_share"] + out["allocation"] == pytest.approx(420)
    comp = shift_share_components(*holukuluku, method="esteban").set_index(["province", "nace"])
    np.testing.assert_allclose(comp.loc["Holukuluku", "homothetic"], [100, 200, 400, 300])


def test_dynamic_shift_share_barff_knight_1988_single_step_is_krumme(holukuluku):
    """Barff, R. A. and Knight, P. L. (1988). Dynamic shift-share analysis. Growth and Change,
    19(2), 1-10: the dynamic components are the sum of the yearly classic ones; over a single
    step they are the classic components, here Krumme's published 290 / -80 / 420."""
    panel = pd.concat([to_long(holukuluku[0], year=1985), to_long(holukuluku[1], year=1995)])
    out = dynamic_shift_share(panel, start=1985, end=1995).loc["Holukuluku"]
    np.testing.assert_allclose(out[["national_share", "industry_mix", "regional_share"]], [290, -80, 420])


def test_dynamic_shift_share_reat_shiftd_farhauer_kroell_inputs():
    """REAT ``shiftd`` example (Farhauer & Kröll 2013, extended): region A (90, 20, 10, 60),
    (100, 40, 10, 55), (105, 45, 15, 60) and nation X (400, 150, 150, 400), (440, 210, 135, 480),
    (460, 230, 155, 500) over three years. REAT prints no figures, so the check is Barff &
    Knight's definition: the sum of the two yearly decompositions, adding up to A's change
    (180 to 225 jobs, +45)."""
    a = np.array([[90, 20, 10, 60], [100, 40, 10, 55], [105, 45, 15, 60]], dtype=float)
    x = np.array([[400, 150, 150, 400], [440, 210, 135, 480], [460, 230, 155, 500]], dtype=float)
    mats = [pd.DataFrame([a[t], x[t] - a[t]], index=["A", "rest"], columns=INDUSTRIES) for t in range(3)]
    panel = pd.concat([to_long(m, year=2000 + t) for t, m in enumerate(mats)])
    for method in ("dunn", "esteban"):
        out = dynamic_shift_share(panel, start=2000, end=2002, method=method)
        steps = shift_share(mats[0], mats[1], method=method) + shift_share(mats[1], mats[2], method=method)
        pd.testing.assert_frame_equal(out, steps, check_names=False)
        assert out.loc["A", "actual_change"] == pytest.approx(45)


# --------------------------------------------------------------------------------------------
# Cluster rules
# --------------------------------------------------------------------------------------------
def test_strong_clusters_us_cluster_mapping_rule():
    """Delgado, M., Porter, M. E. and Stern, S. (2016). Defining clusters of related industries.
    Journal of Economic Geography, 16(1), 1-38; U.S. Cluster Mapping Project methodology: a
    strong cluster has an LQ at or above the 75th percentile of regions (90th for the top
    decile), employment and establishments above the 25th percentile, and an LQ of at least 1.

    Five regions (no published table exists; figures checked by hand). Sector A: LQs 2.757,
    0.263, 0.525, 0.827, 0.689, 75th percentile 0.827: v qualifies (employment 100 > 20,
    establishments 10 > 2); y reaches the percentile but its LQ is below 1. Sector B: LQs
    0.611, 1.163, 1.105, 1.038, 1.069; w and x reach the 75th percentile (1.105) with
    employment above 170 and establishments above 17; only w reaches the 90th (1.140)."""
    emp = pd.DataFrame({"A": [100, 10, 20, 30, 25], "B": [100, 200, 190, 170, 175]}, index=list("vwxyz"))
    est = pd.DataFrame({"A": [10, 1, 2, 3, 2], "B": [10, 20, 19, 17, 18]}, index=list("vwxyz"))
    np.testing.assert_allclose(location_quotient(emp)["A"], [2.757, 0.263, 0.525, 0.827, 0.689], atol=5e-4)
    flags = strong_clusters(emp, est)
    assert flags["A"].tolist() == [True, False, False, False, False]
    assert flags["B"].tolist() == [False, True, True, False, False]
    top = strong_clusters(emp, est, percentile=90)
    assert top["B"].tolist() == [False, True, False, False, False]
    # establishments at or below the 25th percentile disqualify even the most specialised
    assert not strong_clusters(emp, est.assign(A=[2, 1, 2, 3, 2])).loc["v", "A"]


def test_cluster_stars_european_cluster_observatory():
    """European Cluster Observatory, cluster mapping methodology (clusterobservatory.eu, 2011):
    one star each for size (employment in the top 10 % of regions for the category),
    specialisation (LQ >= 2) and focus (share of the region's employment in the top 10 %);
    Ketels, C. and Protsiv, S. (2014), European Cluster Panorama 2014, add productivity (wages)
    and dynamism (growth). Ten regions: r0 is largest in sector A (size), r9 is tiny but all-A
    (LQ and focus), r1 pays the best wages in A, r2 grew fastest."""
    regions = [f"r{k}" for k in range(10)]
    emp = pd.DataFrame({"A": [500, 20, 20, 20, 20, 20, 20, 20, 20, 30],
                        "B": [3000, 500, 500, 500, 500, 500, 500, 500, 500, 0]}, index=regions, dtype=float)
    wages = pd.DataFrame({"A": [10, 30, 10, 10, 10, 10, 10, 10, 10, 10], "B": 10.0},
                         index=regions, dtype=float)
    growth = pd.DataFrame({"A": [0.0, 0.0, 0.5, 0, 0, 0, 0, 0, 0, np.nan], "B": 0.0}, index=regions)
    stars = cluster_stars(emp, wages=wages, growth=growth).set_index(["province", "nace"])
    a = stars.xs("A", level="nace")
    assert a.loc["r0", ["size", "specialisation", "focus"]].tolist() == [True, False, False]
    assert a.loc["r9", ["size", "specialisation", "focus", "stars"]].tolist() == [False, True, True, 2]
    assert a["productivity"].tolist() == [r == "r1" for r in regions]
    assert a["dynamism"].tolist() == [r == "r2" for r in regions]
    assert stars.loc[("r9", "B"), "stars"] == 0  # no employment, no star
    columns = ["province", "nace", "size", "specialisation", "focus", "stars"]
    assert list(cluster_stars(emp).columns) == columns


# --------------------------------------------------------------------------------------------
# Long tables
# --------------------------------------------------------------------------------------------
def test_to_matrix_and_to_long_round_trip_with_plate_numbers():
    """Plate numbers are opaque labels; absent cells and missing values become 0."""
    long = pd.DataFrame({"province": [6, 6, 34, 1], "nace": ["C10", "C13", "C10", "C13"],
                         "year": 2023, "employment": [5, 3, np.nan, 2]})
    matrix = to_matrix(long)
    assert matrix.index.tolist() == [1, 6, 34] and matrix.columns.tolist() == ["C10", "C13"]
    assert matrix.loc[34, "C10"] == 0 and matrix.loc[1, "C10"] == 0
    back = to_matrix(to_long(matrix, year=2023), year=2023)
    pd.testing.assert_frame_equal(back, matrix)


def test_to_matrix_picks_a_year_and_mixed_labels():
    long = pd.DataFrame({"province": [6, "Ankara", 6], "nace": ["A", "A", "A"], "year": [2020, 2020, 2021],
                         "employment": [1, 2, 3]})
    assert to_matrix(long, year=2021).to_dict() == {"A": {6: 3.0}}
    assert set(to_matrix(long, year=2020).index) == {6, "Ankara"}


# --------------------------------------------------------------------------------------------
# Invariants (hypothesis)
# --------------------------------------------------------------------------------------------
def matrices(min_regions: int = 2, max_regions: int = 6, max_sectors: int = 6):
    shape = st.tuples(st.integers(min_regions, max_regions), st.integers(1, max_sectors))
    cells = st.one_of(st.just(0.0), st.floats(0.5, 1e5))
    return shape.flatmap(lambda s: hnp.arrays(float, s, elements=cells)).map(
        lambda a: pd.DataFrame(a, index=[f"TR-{k:02d}" for k in range(a.shape[0])],
                               columns=[f"S{k}" for k in range(a.shape[1])]))


def pairs():
    """Two matrices with the same labels, both with positive national employment per sector."""
    def build(a: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
        index = [f"TR-{k:02d}" for k in range(a.shape[1])]
        columns = [f"S{k}" for k in range(a.shape[2])]
        return pd.DataFrame(a[0], index, columns), pd.DataFrame(a[1], index, columns)
    shape = st.tuples(st.just(2), st.integers(1, 5), st.integers(1, 5))
    cells = st.one_of(st.just(0.0), st.floats(0.5, 1e4))
    return shape.flatmap(lambda s: hnp.arrays(float, s, elements=cells)).map(build)


@given(pairs(), st.sampled_from(["dunn", "esteban"]))
def test_shift_share_components_sum_to_actual_change(pair, method):
    start, end = pair
    out = shift_share(start, end, method=method)
    parts = PARTS + (["allocation"] if method == "esteban" else [])
    np.testing.assert_allclose(out[parts].sum(axis=1), out["actual_change"], rtol=1e-9, atol=1e-6)
    change = end.sum(axis=1) - start.sum(axis=1)
    np.testing.assert_allclose(out["actual_change"], change, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(out["net_shift"], out["actual_change"] - out["national_share"], atol=1e-6)


@given(st.integers(2, 5), st.integers(1, 4), st.integers(0, 2**32 - 1), st.sampled_from(["dunn", "esteban"]))
def test_dynamic_shift_share_sums_to_change_over_the_period(n_years, n_sectors, seed, method):
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 50, size=(n_years, 3, n_sectors)).astype(float)
    columns = [f"S{k}" for k in range(n_sectors)]
    mats = [pd.DataFrame(v, index=["a", "b", "c"], columns=columns) for v in values]
    panel = pd.concat([to_long(m, year=2000 + t) for t, m in enumerate(mats)])
    out = dynamic_shift_share(panel, start=2000, end=2000 + n_years - 1, method=method)
    parts = PARTS + (["allocation"] if method == "esteban" else [])
    np.testing.assert_allclose(out[parts].sum(axis=1), out["actual_change"], atol=1e-8)
    np.testing.assert_allclose(out["actual_change"], values[-1].sum(1) - values[0].sum(1), atol=1e-8)


@given(matrices(), st.floats(0.01, 100))
def test_region_with_the_nations_structure_has_lq_one(matrix, scale):
    nation = matrix.sum(axis=0)
    if nation.sum() == 0:
        return
    extended = pd.concat([matrix, (nation * scale).to_frame("mirror").T])
    lq = location_quotient(extended).loc["mirror"]
    np.testing.assert_allclose(lq[nation > 0], 1.0, rtol=1e-9)
    assert lq[nation == 0].isna().all()
    # the same holds for RCA: the world (column sums) as an exporter has RCA 1 in every product
    rca = revealed_comparative_advantage(extended).loc["mirror", nation > 0]
    np.testing.assert_allclose(rca, 1.0, rtol=1e-9)


@given(matrices())
def test_employment_weighted_mean_lq_of_a_sector_is_one(matrix):
    lq = location_quotient(matrix)
    weights = matrix.sum(axis=1) / matrix.to_numpy().sum() if matrix.to_numpy().sum() else None
    if weights is None:
        return
    weighted = (lq.mul(weights, axis=0)).sum(axis=0, skipna=True)
    present = matrix.sum(axis=0) > 0
    np.testing.assert_allclose(weighted[present], 1.0, rtol=1e-9)


@given(matrices())
def test_herfindahl_within_bounds_and_related_indices(matrix):
    n = matrix.shape[1]
    hhi = herfindahl(matrix).dropna()
    assert ((hhi >= 1 / n - 1e-12) & (hhi <= 1 + 1e-12)).all()
    norm = herfindahl(matrix, normalised=True).dropna()
    assert ((norm >= -1e-12) & (norm <= 1 + 1e-12)).all()
    k_nation = krugman_index(matrix, reference="nation")
    np.testing.assert_allclose(k_nation, 2 * hoover_specialisation(matrix), atol=1e-12)
    k = krugman_index(matrix).dropna()
    assert ((k >= -1e-9) & (k <= 2 + 1e-9)).all()
    gini = gini_specialisation(matrix).dropna()
    assert ((gini >= -1e-12) & (gini < 1)).all()


@given(hnp.arrays(float, st.tuples(st.integers(1, 3), st.integers(1, 9), st.integers(1, 4)),
                  elements=st.one_of(st.just(np.nan), st.floats(0, 100))),
       st.sampled_from([25.0, 75.0, 90.0, 50.0]))
def test_percentile_matches_numpy(values, q):
    expected = np.full(values[:, :1, :].shape, np.nan)
    for t in range(values.shape[0]):
        for i in range(values.shape[2]):
            column = values[t, :, i]
            if (~np.isnan(column)).any():
                expected[t, 0, i] = np.percentile(column[~np.isnan(column)], q)
    np.testing.assert_allclose(_percentile(values, q), expected, rtol=1e-12, atol=1e-12)


def _panel(seed: int, n_years: int, n_regions: int, n_sectors: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    emp = rng.integers(0, 40, size=(n_years, n_regions, n_sectors)).astype(float)
    emp[rng.random(emp.shape) < 0.2] = 0
    regions = [f"TR-{k:02d}" for k in range(1, n_regions + 1)]
    sectors = [f"C{k}" for k in range(10, 10 + n_sectors)]
    long = pd.DataFrame({
        "province": np.tile(np.repeat(regions, n_sectors), n_years),
        "nace": np.tile(sectors, n_years * n_regions),
        "year": np.repeat(np.arange(2015, 2015 + n_years), n_regions * n_sectors),
        "employment": emp.ravel(),
        "establishments": np.ceil(emp.ravel() / 7),
        "wage": rng.uniform(10, 20, emp.size),
    })
    return long[long["employment"] > 0].sample(frac=1, random_state=seed)  # absent rows = 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.integers(2, 4), st.integers(2, 6), st.integers(1, 4),
       st.sampled_from(["dunn", "esteban"]))
def test_indicators_equal_single_functions_year_by_year(seed, n_years, n_regions, n_sectors, method):
    long = _panel(seed, n_years, n_regions, n_sectors)
    out = indicators(long, establishments="establishments", wages="wage", method=method)
    years = sorted(long["year"].unique())
    regions = sorted(long["province"].unique())
    sectors = sorted(long["nace"].unique())
    cells = out.cells.set_index(["year", "province", "nace"])
    reg = out.regions.set_index(["year", "province"])
    sec = out.sectors.set_index(["year", "nace"])

    def matrix(col: str, year: int, fill: float = 0.0) -> pd.DataFrame:
        m = long[long.year == year].pivot(index="province", columns="nace", values=col)
        m = m.reindex(index=regions, columns=sectors).fillna(fill)
        return m.rename_axis(index="province", columns="nace")

    base = matrix("employment", years[0])
    for k, year in enumerate(years):
        emp = matrix("employment", year)
        here = cells.loc[year]

        def cell(col: str, here: pd.DataFrame = here) -> pd.DataFrame:
            return here[col].unstack().reindex(index=regions, columns=sectors)

        pd.testing.assert_frame_equal(cell("lq"), location_quotient(emp), check_names=False)
        strong = strong_clusters(emp, matrix("establishments", year))
        pd.testing.assert_frame_equal(cell("strong_cluster"), strong, check_names=False)
        growth = cagr(base, emp, year - years[0]) if k else emp * np.nan
        stars = cluster_stars(emp, wages=matrix("wage", year, np.nan), growth=growth)
        for star in ("size", "specialisation", "focus", "productivity", "dynamism", "stars"):
            col = "stars" if star == "stars" else f"star_{star}"
            np.testing.assert_array_equal(here[col].to_numpy(), stars[star].to_numpy(), err_msg=star)
        r = reg.loc[year]
        np.testing.assert_allclose(r["herfindahl"], herfindahl(emp))
        np.testing.assert_allclose(r["herfindahl_normalised"], herfindahl(emp, normalised=True))
        np.testing.assert_allclose(r["krugman"], krugman_index(emp))
        np.testing.assert_allclose(r["hoover"], hoover_specialisation(emp))
        np.testing.assert_allclose(r["gini"], gini_specialisation(emp))
        np.testing.assert_allclose(sec.loc[year, "hoover_index"], hoover_index(emp))
        if k:
            prev = matrix("employment", years[k - 1])
            comp = shift_share_components(prev, emp, method=method)
            for col in PARTS + (["allocation"] if method == "esteban" else []):
                np.testing.assert_allclose(here[col].to_numpy(), comp[col].to_numpy(), atol=1e-9, err_msg=col)
            ss = shift_share(prev, emp, method=method)
            np.testing.assert_allclose(r["net_shift"], ss["net_shift"], atol=1e-9)
            np.testing.assert_allclose(here["cagr"].to_numpy(), growth.to_numpy().ravel())
        else:
            assert here["national_share"].isna().all() and r["actual_change"].isna().all()
    if len(years) < 2:
        return
    dyn = dynamic_shift_share(long, start=years[0], end=years[-1], method=method)
    summed = out.regions.groupby("province")[["national_share", "industry_mix", "regional_share"]].sum()
    np.testing.assert_allclose(summed.loc[regions], dyn.loc[regions, summed.columns], atol=1e-8)


def test_indicators_against_base_year():
    """With ``shift_base="base"`` each year is decomposed against the base year."""
    long = _panel(1, 4, 3, 2)
    out = indicators(long, base_year=2016, shift_base="base")
    cells = out.cells.set_index(["year", "province", "nace"])
    start = to_matrix(long, year=2016)
    end = to_matrix(long, year=2018).reindex(index=start.index, columns=start.columns, fill_value=0)
    comp = shift_share_components(start, end)
    got = cells.loc[2018, "regional_share"].to_numpy()
    np.testing.assert_allclose(got, comp["regional_share"].to_numpy())
    assert cells.loc[[2015, 2016], ["change", "cagr", "national_share"]].isna().all().all()
    assert "strong_cluster" not in out.cells and "star_productivity" not in out.cells


# --------------------------------------------------------------------------------------------
# Errors: one test per error raised
# --------------------------------------------------------------------------------------------
GOOD = pd.DataFrame({"A": [1.0, 2.0], "B": [3.0, 4.0]}, index=["TR-01", "TR-02"])


def test_error_matrix_not_a_dataframe():
    with pytest.raises(TypeError, match=r"'matrix' must be a pandas DataFrame .* got ndarray"):
        location_quotient(GOOD.to_numpy())


def test_error_matrix_empty():
    with pytest.raises(ValueError, match=r"'matrix' is empty \(0 regions x 2 sectors\)"):
        location_quotient(GOOD.iloc[:0])


def test_error_matrix_duplicate_labels():
    with pytest.raises(ValueError, match=r"'matrix' has duplicate region labels: \['TR-01'\]"):
        herfindahl(pd.concat([GOOD, GOOD.iloc[:1]]))


def test_error_matrix_non_numeric():
    with pytest.raises(TypeError, match=r"'matrix' must hold numbers only; column\(s\) \['B'\]"):
        krugman_index(GOOD.assign(B=["x", "y"]))


def test_error_matrix_missing_values():
    msg = r"'matrix' has 1 missing value\(s\) \(NaN\), e.g. at region 'TR-02', sector 'A'"
    with pytest.raises(ValueError, match=msg):
        gini_specialisation(GOOD.assign(A=[1.0, np.nan]))


def test_error_matrix_infinite_values():
    with pytest.raises(ValueError, match="'matrix' has infinite values"):
        hoover_specialisation(GOOD.assign(A=[1.0, np.inf]))


def test_error_matrix_negative_values():
    msg = r"'matrix' must not be negative; found -3\.0 at region 'TR-01', sector 'B'"
    with pytest.raises(ValueError, match=msg):
        revealed_comparative_advantage(GOOD.assign(B=[-3.0, 4.0]))


def test_error_unknown_method():
    with pytest.raises(ValueError, match=r"'method' must be one of \['dunn', 'esteban'\], got 'classic'"):
        shift_share(GOOD, GOOD, method="classic")


def test_error_unknown_krugman_reference():
    with pytest.raises(ValueError, match=r"'reference' must be one of \['rest', 'nation', 'others_mean'\]"):
        krugman_index(GOOD, reference="world")


def test_error_unknown_align():
    with pytest.raises(ValueError, match=r"'align' must be one of \['strict', 'union'\], got 'outer'"):
        shift_share_components(GOOD, GOOD, align="outer")


def test_error_start_end_different_regions():
    end = GOOD.rename(index={"TR-02": "TR-99"})
    msg = (r"'start' and 'end' must have the same regions; missing in 'end': \['TR-02'\]; "
           r"missing in 'start': \['TR-99'\]")
    with pytest.raises(ValueError, match=msg):
        shift_share(GOOD, end)


def test_shift_share_union_alignment_fills_zeros():
    end = GOOD.assign(C=[5.0, 0.0])
    out = shift_share(GOOD, end, align="union")
    np.testing.assert_allclose(out["actual_change"], [5.0, 0.0])
    assert out.loc["TR-01", "regional_share"] == pytest.approx(5.0)  # new sector: all regional


def test_error_long_not_a_dataframe():
    with pytest.raises(TypeError, match="'long' must be a pandas DataFrame in long form, got dict"):
        to_matrix({"province": [1]})


def test_error_long_empty():
    with pytest.raises(ValueError, match="'long' is empty"):
        to_matrix(pd.DataFrame(columns=["province", "nace", "employment"]))


def test_error_long_missing_column():
    with pytest.raises(ValueError, match=r"'long' is missing column\(s\) \['nace'\]"):
        to_matrix(pd.DataFrame({"province": [1], "sector": ["A"], "employment": [1]}))


def test_error_long_value_not_numeric():
    with pytest.raises(TypeError, match="'long' column 'employment' must be numeric"):
        to_matrix(pd.DataFrame({"province": [1], "nace": ["A"], "employment": ["12"]}))


def test_error_long_value_negative():
    long = pd.DataFrame({"province": [1, 2], "nace": ["A", "A"], "employment": [1, -4]})
    msg = r"must be finite and not negative; found -4\.0 in row 1 \(province 2, nace 'A'\)"
    with pytest.raises(ValueError, match=msg):
        to_matrix(long)


def test_error_long_year_not_available():
    long = pd.DataFrame({"province": [1], "nace": ["A"], "year": [2020], "employment": [1]})
    with pytest.raises(ValueError, match=r"'long' has no rows for year 2019; available: \[2020\]"):
        to_matrix(long, year=2019)


def test_error_long_year_without_year_column():
    long = pd.DataFrame({"province": [1], "nace": ["A"], "employment": [1]})
    with pytest.raises(ValueError, match=r"'year' was given .* but 'long' has no 'year' column"):
        to_matrix(long, year=2020)


def test_error_long_several_years():
    long = pd.DataFrame({"province": [1, 1], "nace": ["A", "A"], "year": [2020, 2021], "employment": [1, 2]})
    with pytest.raises(ValueError, match=r"'long' holds several years \[2020, 2021\]; pass year="):
        to_matrix(long)


def test_error_long_duplicate_rows():
    long = pd.DataFrame({"province": ["TR-06", "TR-06"], "nace": ["A", "A"], "employment": [1, 2]})
    with pytest.raises(ValueError, match="'long' has several rows for province 'TR-06', nace 'A'"):
        to_matrix(long)


def test_error_long_missing_labels():
    long = pd.DataFrame({"province": ["TR-06", None], "nace": ["A", "A"], "employment": [1, 2]})
    with pytest.raises(ValueError, match=r"'long' column 'province' has missing labels, e\.g\. in row 1"):
        to_matrix(long)


def test_error_panel_duplicate_rows():
    long = pd.DataFrame({"province": [1, 1], "nace": ["A", "A"], "year": [2020, 2020], "employment": [1, 2]})
    with pytest.raises(ValueError, match="'long' has several rows for province 1, nace 'A', year 2020"):
        indicators(long)


def test_error_panel_years_not_numeric():
    long = pd.DataFrame({"province": [1], "nace": ["A"], "year": ["2020"], "employment": [1]})
    with pytest.raises(TypeError, match="'long' column 'year' must hold numeric years"):
        indicators(long)


def test_error_dynamic_year_not_in_panel():
    panel = to_long(GOOD, year=2020)
    with pytest.raises(ValueError, match=r"'end' year 2024 is not in 'panel'; available years: \[2020\]"):
        dynamic_shift_share(panel, start=2020, end=2024)


def test_error_dynamic_same_year_twice():
    panel = to_long(GOOD, year=2023)
    with pytest.raises(ValueError, match="shift_share needs two different years, got 2023 twice"):
        dynamic_shift_share(panel, start=2023, end=2023)


def test_error_dynamic_start_after_end():
    panel = pd.concat([to_long(GOOD, year=2020), to_long(GOOD, year=2021)])
    with pytest.raises(ValueError, match=r"'start' \(2021\) must be before 'end' \(2020\)"):
        dynamic_shift_share(panel, start=2021, end=2020)


def test_error_indicators_base_year_not_in_table():
    with pytest.raises(ValueError, match=r"'base_year' 1999 is not in 'long'; available years: \[2020\]"):
        indicators(to_long(GOOD, year=2020), base_year=1999)


def test_error_indicators_unknown_shift_base():
    with pytest.raises(ValueError, match=r"'shift_base' must be one of \['previous', 'base'\], got 'first'"):
        indicators(to_long(GOOD, year=2020), shift_base="first")


@pytest.mark.parametrize("func", [lambda p: strong_clusters(GOOD, GOOD, percentile=p),
                                  lambda p: indicators(to_long(GOOD, year=2020), percentile=p)])
def test_error_percentile_out_of_range(func):
    msg = r"'percentile' must be a number in \(0, 100\), e\.g\. 75 or 90, got 100"
    with pytest.raises(ValueError, match=msg):
        func(100)


def test_error_establishments_labels_differ():
    with pytest.raises(ValueError, match="'employment' and 'establishments' must have the same sectors"):
        strong_clusters(GOOD, GOOD.rename(columns={"B": "C"}))


def test_error_cagr_not_numeric():
    with pytest.raises(TypeError, match="'start' must be a number or numeric array"):
        cagr("a", 2, 1)


def test_error_cagr_negative():
    with pytest.raises(ValueError, match="'end' must not be negative"):
        cagr(1, -2, 1)


def test_error_cagr_infinite():
    with pytest.raises(ValueError, match="'start' must be finite"):
        cagr(np.inf, 2, 1)


def test_error_cagr_years_not_positive():
    with pytest.raises(ValueError, match="'years' must be > 0, got 0"):
        cagr(1, 2, 0)


def test_error_hoover_reference_not_series():
    with pytest.raises(TypeError, match="'reference' must be a pandas Series indexed by region, got list"):
        hoover_index(GOOD, reference=[1, 2])


def test_error_hoover_reference_lacks_regions():
    with pytest.raises(ValueError, match=r"'reference' lacks regions of 'matrix': \['TR-02'\]"):
        hoover_index(GOOD, reference=pd.Series([1.0], index=["TR-01"]))


def test_error_hoover_reference_zero():
    with pytest.raises(ValueError, match="'reference' sums to zero"):
        hoover_index(GOOD, reference=pd.Series([0.0, 0.0], index=GOOD.index))


def test_public_signatures_of_the_issue_are_kept():
    """Other code and external checks call these with the issue's signatures, positionally too."""
    start = pd.DataFrame({"A": [50, 50], "B": [50, 150]}, index=["r1", "r2"])
    end = pd.DataFrame({"A": [80, 60], "B": [40, 120]}, index=["r1", "r2"])
    positional = shift_share(start, end, "esteban")
    assert positional.equals(shift_share(start, end, method="esteban"))
    assert {"actual_change", "national_share", "industry_mix", "regional_share", "net_shift", "allocation"} <= set(
        positional.columns
    )
