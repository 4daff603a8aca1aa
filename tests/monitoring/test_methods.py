"""Monitoring and benchmarking methods: RAG status, plan and projection, percentile ranks and scorecard,
the TÜİK economy benchmark, international gaps and the ESCA management scorecard."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib import official
from clusterlib.data import load_tables
from clusterlib.monitoring import (
    analyse_monitoring,
    gva_growth,
    gva_structure,
    indicator_summary,
    international_gaps,
    label_of,
    management_scorecard,
    monitoring_plan,
    national_scorecard,
    peer_provinces,
    percentile_rank,
    progress,
    projection,
    province_rank,
    rag_status,
    reference_names,
    relative_gap,
    sector_by_province,
    trajectory,
)
from tests._shared import shared_data_dir

# ----------------------------------------------------------------------------------------------- RAG


def test_rag_status_increasing_indicator():
    """Issue 12: p = (actual − baseline)/(target − baseline); green p ≥ 1, amber 0.75 ≤ p < 1, red below."""
    assert rag_status(100, 200, 200) == "green"
    assert rag_status(100, 200, 250) == "green"
    assert rag_status(100, 200, 175) == "amber"  # p = 0.75 exactly: amber
    assert rag_status(100, 200, 174.9) == "red"
    assert rag_status(100, 200, 90) == "red"  # moved the wrong way


def test_rag_status_decreasing_indicator():
    """A share of imported inputs that should fall from 40 to 30: the same formula serves."""
    kw = {"direction": "decrease"}
    assert rag_status(40, 30, 29, **kw) == "green"
    assert rag_status(40, 30, 32, **kw) == "amber"  # p = 0.8
    assert rag_status(40, 30, 35, **kw) == "red"  # p = 0.5
    assert rag_status(40, 30, 45, **kw) == "red"  # rose instead


def test_rag_status_missing_actual_is_grey():
    assert rag_status(100, 200, float("nan")) == "grey"
    assert rag_status(100, 200, None) == "grey"
    assert rag_status(100, float("nan"), 120) == "grey"


def test_rag_status_target_equal_to_baseline_follows_the_direction():
    assert rag_status(10, 10, 10) == "green"
    assert rag_status(10, 10, 11) == "green"
    assert rag_status(10, 10, 9) == "red"
    assert rag_status(10, 10, 9, direction="decrease") == "green"
    assert rag_status(10, 10, 11, direction="decrease") == "red"


def test_rag_status_threshold_is_a_parameter():
    assert rag_status(0, 10, 6) == "red"
    assert rag_status(0, 10, 6, amber=0.5) == "amber"


def test_rag_status_element_wise_on_series():
    index = ["a", "b", "c", "d", "e"]
    baseline = pd.Series([0, 0, 0, 5, 5.0], index=index)
    target = pd.Series([10, 10, 10, 5, 5.0], index=index)
    actual = pd.Series([10, 8, 1, np.nan, 4.0], index=index)
    status = rag_status(baseline, target, actual)
    assert status.tolist() == ["green", "amber", "red", "grey", "red"]
    assert status.index.tolist() == index
    # a scalar baseline broadcasts against Series
    assert rag_status(0, target.iloc[:3], actual.iloc[:3]).tolist() == ["green", "amber", "red"]


def test_rag_status_errors():
    with pytest.raises(ValueError, match="'direction' must be one of"):
        rag_status(0, 1, 1, direction="up")
    with pytest.raises(ValueError, match="'amber' must be a number in"):
        rag_status(0, 1, 1, amber=1.5)
    with pytest.raises(ValueError, match="same index"):
        rag_status(pd.Series([1.0], index=["a"]), pd.Series([2.0], index=["b"]), 1.5)
    with pytest.raises(TypeError, match="'actual' must be a number"):
        rag_status(0, 1, "lots")


@given(
    st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6),
    st.sampled_from(["increase", "decrease"]),
)
def test_rag_status_agrees_with_progress(baseline, target, actual, direction):
    """Invariant: away from a flat target the status is a function of the progress alone."""
    status = rag_status(baseline, target, actual, direction=direction)
    if target == baseline:
        assert status in ("green", "red")
        return
    p = progress(baseline, target, actual)
    assert status == ("green" if p >= 1 else "amber" if p >= 0.75 else "red")


# ------------------------------------------------------------------------------------- plan, projection


def _table(actual, target=(np.nan, 12.0, 14.0, 16.0, 18.0), direction="increase"):
    years = [2019, 2020, 2021, 2022, 2023]
    return pd.DataFrame({"cluster": "c", "indicator": "x", "name_en": "X", "name_tr": "X", "unit": "n",
                         "direction": direction, "year": years, "baseline": 10.0, "target": list(target),
                         "actual": list(actual)})


def test_trajectory_is_the_straight_path():
    path = trajectory([2019, 2020, 2023], baseline=10, base_year=2019, target=18, target_year=2023)
    assert path.tolist() == [10.0, 12.0, 18.0]
    with pytest.raises(ValueError, match="must differ"):
        trajectory([2019], baseline=1, base_year=2019, target=2, target_year=2019)


def test_projection_least_squares_line_and_year_met():
    """Hand-checked: actuals 11, 12, 13 in 2020–2022 lie on y = t − 2009; 18 is reached in 2027."""
    slope, intercept, year = projection([2019, 2020, 2021, 2022], [10, 11, 12, 13], target=18, window=3)
    assert slope == pytest.approx(1.0)
    assert intercept == pytest.approx(-2009.0)
    assert year == 2027
    # a trend that moves away, or flat short of the target, never meets it
    assert projection([2020, 2021, 2022], [13, 12, 11], target=18)[2] is None
    assert projection([2020, 2021, 2022], [12, 12, 12], target=18)[2] is None
    # a decreasing indicator on its way down
    assert projection([2020, 2021, 2022], [40, 38, 36], target=30, direction="decrease")[2] == 2025
    # already met: the latest year
    assert projection([2020, 2021], [10, 20], target=15)[2] == 2021
    # beyond the horizon
    assert projection([2020, 2021], [10, 10.001], target=20, horizon=2050)[2] is None


def test_monitoring_plan_statuses_every_year():
    plan = monitoring_plan(_table([10, 12, 13, 13, np.nan]), "c")
    assert plan["status"].tolist()[1:] == ["green", "amber", "red", "grey"]
    assert pd.isna(plan["status"].iloc[0])  # the baseline year has no target
    assert plan["progress"].round(4).tolist()[1:4] == [1.0, 0.75, 0.5]
    assert plan["trajectory"].tolist() == [10.0, 12.0, 14.0, 16.0, 18.0]


def test_indicator_summary_latest_status_and_projection():
    summary = indicator_summary(monitoring_plan(_table([10, 12, 13, 13, np.nan]), "c"))
    row = summary.iloc[0]
    assert row["latest_year"] == 2022 and row["status"] == "red"
    assert row["final_target"] == 18.0
    # trend over 2020-2022: 12, 13, 13 → slope 0.5, reaches 18 in 2032
    assert row["year_met"] == 2032


def test_monitoring_plan_unknown_cluster():
    with pytest.raises(ValueError, match="'cluster' 'zz' is not in the monitoring table"):
        monitoring_plan(_table([10, 11, 12, 13, 14]), "zz")


def test_sample_monitoring_plan_of_every_pilot():
    table = load_tables(tables=["monitoring"])["monitoring"]
    for cluster in table["cluster"].unique():
        plan = monitoring_plan(table, cluster)
        # statuses only where a target exists; grey exactly where the actual is missing
        with_target = plan["target"].notna()
        assert plan.loc[~with_target, "status"].isna().all()
        assert ((plan["status"] == "grey") == (with_target & plan["actual"].isna())).all()


# ----------------------------------------------------------------------------------- percentile ranks


def test_percentile_rank_scipy_documented_example():
    """scipy.stats.percentileofscore documentation (SciPy 1.11): for [1, 2, 3, 3, 4] and score 3,
    kind='mean' gives 60.0 ("only 2/5 values are strictly less than 3, 4/5 are less or equal")."""
    ranks = percentile_rank(pd.Series([1, 2, 3, 3, 4]))
    assert ranks.iloc[2] == pytest.approx(60.0)
    assert ranks.iloc[3] == pytest.approx(60.0)


def test_percentile_rank_hand_checked_with_missing():
    """Five provinces, one without data: ranks are (below + at-or-below) / 2n over the four known."""
    values = pd.Series([300.0, 100.0, np.nan, 200.0, 100.0], index=[1, 2, 3, 4, 5])
    ranks = percentile_rank(values)
    assert ranks.loc[[1, 2, 4, 5]].tolist() == [87.5, 25.0, 62.5, 25.0]
    assert math.isnan(ranks.loc[3])  # never ranked as zero


def test_percentile_rank_matches_scipy():
    from scipy.stats import percentileofscore

    rng = np.random.default_rng(5)
    values = pd.Series(rng.integers(0, 20, 40).astype(float))
    expected = [percentileofscore(values, v, kind="mean") for v in values]
    assert np.allclose(percentile_rank(values), expected)


@given(st.lists(st.one_of(st.integers(-50, 50).map(float), st.just(float("nan"))), min_size=1, max_size=40))
def test_percentile_rank_invariants(values):
    """Ranks keep the order of the values, lie in (0, 100], average 50 and leave missing values missing."""
    series = pd.Series(values)
    ranks = percentile_rank(series)
    known = series.notna()
    assert ranks[~known].isna().all()
    if known.any():
        v, r = series[known].to_numpy(), ranks[known].to_numpy()
        assert ((r > 0) & (r <= 100)).all()
        assert r.mean() == pytest.approx(50.0)
        order = np.argsort(v, kind="stable")
        assert (np.diff(r[order]) >= -1e-12).all()


def test_percentile_rank_errors():
    with pytest.raises(TypeError, match="must be a pandas Series"):
        percentile_rank([1, 2])
    with pytest.raises(TypeError, match="must hold numbers"):
        percentile_rank(pd.Series(["a"]))


def _employment():
    """Four provinces, two divisions, two years; province 1 specialised in division '15'."""
    rows = []
    data = {  # plate: (emp 15 start, emp 15 end, emp 28 end), workplaces 15, wage 15
        1: (50, 100, 100, 10, 1000.0),
        2: (20, 20, 380, 2, 800.0),
        3: (10, 10, 190, 1, 900.0),
        4: (0, 0, 100, 0, np.nan),
    }
    for plate, (s15, e15, e28, w15, wage) in data.items():
        for year, e in ((2019, s15), (2024, e15)):
            rows.append((plate, f"P{plate}", "15", year, e, w15, wage))
            rows.append((plate, f"P{plate}", "28", year, e28, 10, 700.0))
    return pd.DataFrame(rows, columns=["plate", "province", "nace", "year", "employment", "workplaces", "avg_wage"])


def test_sector_by_province_hand_checked():
    table = sector_by_province(_employment(), None, ["15"], year=2024, period=5)
    # national share of "15" = 130 / 900 (all employment in 2024); province 1: 100 / 200
    assert table.loc[1, "lq"] == pytest.approx((100 / 200) / (130 / 900))
    assert table.loc[1, "growth"] == pytest.approx(2 ** (1 / 5) - 1)
    assert math.isnan(table.loc[4, "growth"])  # no employment at the start: no growth rate, not 0
    assert math.isnan(table.loc[4, "avg_wage"])
    assert table["exports_usd"].isna().all()


def test_national_scorecard_ranks_and_rules():
    table = sector_by_province(_employment(), None, ["15"], year=2024, period=5)
    card = national_scorecard(table, 1)
    scorecard = card["scorecard"].set_index("metric")
    assert scorecard.loc["employment", "rank"] == 1 and scorecard.loc["employment", "of"] == 4
    # employment 100, 20, 10, 0 → province 1 above the three others: (3 + 4) / 8
    assert scorecard.loc["employment", "percentile"] == pytest.approx(87.5)
    assert card["strong"] is True
    assert card["stars"]["specialisation"]  # LQ 3.46 ≥ 2
    assert card["stars"]["stars"] >= 3
    with pytest.raises(ValueError, match="'plate' 99"):
        national_scorecard(table, 99)


def test_peer_provinces_same_region_and_closest():
    provinces = pd.DataFrame({"plate": [1, 2, 3, 4, 5], "name": list("ABCDE"), "nuts2": ["X", "X", "Y", "Y", "Y"]})
    economy = pd.DataFrame({"plate": [1, 2, 3, 4, 5], "gdp_per_capita": [100, 1000, 105, 110, 2000],
                            "ses": [1.0, 5.0, 1.1, 1.0, 6.0]})
    peers = peer_provinces(1, provinces, economy, k=2)
    assert set(peers["plate"]) == {2, 3, 4}
    assert peers.set_index("plate")["similar"].to_dict() == {2: False, 3: True, 4: True}
    assert peers.set_index("plate")["same_nuts2"].to_dict() == {2: True, 3: False, 4: False}
    with pytest.raises(ValueError, match="'k' must be"):
        peer_provinces(1, provinces, economy, k=0)


# ----------------------------------------------------------------------------- economy (real TÜİK data)


def test_gva_growth_and_structure_hand_checked():
    volume = pd.DataFrame({"plate": [7, 7, pd.NA, pd.NA], "nuts3": ["X", "X", "TR", "TR"], "year": [2004, 2023] * 2,
                           "sector": "total_gva", "volume_thousand_try": [100.0, 200.0, 100.0, 100.0]})
    growth = gva_growth(volume, 7).iloc[0]
    assert growth["province_cagr"] == pytest.approx(2 ** (1 / 19) - 1)
    assert growth["turkiye_cagr"] == 0.0
    current = pd.DataFrame({"plate": [7, 7, pd.NA, pd.NA], "nuts3": ["X", "X", "TR", "TR"],
                            "sector": ["J_ict", "total_gva"] * 2, "value_thousand_try": [5.0, 50.0, 20.0, 400.0]})
    row = gva_structure(current, 7).iloc[0]
    assert (row["share"], row["turkiye_share"], row["lq"]) == pytest.approx((0.1, 0.05, 2.0))


def test_province_rank_hand_checked():
    frame = pd.DataFrame({"plate": [1, 2, 3, pd.NA], "year": 2024, "x": [5.0, 9.0, 7.0, 100.0]})
    result = province_rank(frame, "x", 3)
    assert (result["rank"], result["of"], result["percentile"]) == (2, 3, 50.0)  # Türkiye row left out


def _shared_official():
    path = shared_data_dir() / "official"
    return path if path.is_dir() else None


def test_economy_values_in_the_report_equal_the_official_tables():
    """What the report shows for Samsun (plate 55) is TÜİK's published figures, as carried in
    clusterlib.official and, where the checkout has them beside it, ../shared/data/official."""
    mon = analyse_monitoring("Samsun", lang="en")
    carried = official.gva_a10_current()
    samsun = carried[carried["plate"] == 55].set_index("sector")["value_thousand_try"]
    shown = mon.gva_structure.set_index("sector")["value_thousand_try"]
    assert np.allclose(shown, samsun.reindex(shown.index))
    volume = official.gva_a10_volume()
    v = volume[(volume["plate"] == 55) & (volume["sector"] == "total_gva")].set_index("year")["volume_thousand_try"]
    total = mon.gva_growth.set_index("sector").loc["total_gva"]
    assert total["province_start"] == pytest.approx(v.loc[2004]) and total["province_end"] == pytest.approx(v.loc[2023])
    gdp = official.gdp_per_capita()
    assert mon.gdp_per_capita["value"] == pytest.approx(
        gdp[(gdp["plate"] == 55) & (gdp["year"] == mon.gdp_per_capita["year"])]["gdp_per_capita_try"].iloc[0])
    shared = _shared_official()
    if shared is not None:  # an extra check where the published files sit beside the checkout
        current = pd.read_csv(shared / "tuik_province_gdp_by_sector_A10_current_prices_2023.csv")
        row = current[current["province"] == "Samsun"].iloc[0]
        for sector, value in shown.items():
            assert value == pytest.approx(row[sector], rel=1e-9)
        chain = pd.read_csv(shared / "tuik_province_gdp_by_sector_A10_chain_volume_2004_2023_long.csv")
        rows = chain[(chain["province"] == "Samsun") & (chain["sector"] == "total_gva")].set_index("year")
        assert total["province_end"] == pytest.approx(rows.loc[2023, "volume_chain_linked_2009_thousand_try"],
                                                      rel=1e-6)
        per_capita = pd.read_csv(shared / "tuik_province_gdp_per_capita_2020_2024_try_usd.csv")
        assert mon.gdp_per_capita["value"] == pytest.approx(
            per_capita.loc[per_capita["plate"] == 55, f"try_{mon.gdp_per_capita['year']}"].iloc[0])


# ------------------------------------------------------------------------------ international, management


def test_relative_gap_both_directions():
    assert relative_gap([80, 120, 30, 15], [100, 100, 20, 20],
                        direction=["increase", "increase", "decrease", "decrease"]).tolist() == \
        pytest.approx([-0.2, 0.2, -0.5, 0.25])
    assert math.isnan(relative_gap([1.0], [0.0])[0])
    with pytest.raises(ValueError, match="'direction'"):
        relative_gap([1], [1], direction=["up"])


def test_international_gaps_filters_sector():
    summary = pd.DataFrame({"indicator": ["x"], "name_en": ["X"], "name_tr": ["X"], "unit": ["n"],
                            "direction": ["increase"], "latest_actual": [50.0], "latest_year": [2024]})
    benchmarks = pd.DataFrame({"indicator": ["x", "x", "x"], "reference": ["A", "B", "C"],
                               "country": ["EU", "DE", "EU"], "sector": ["shoes", "ships", "all sectors"],
                               "value": [100.0, 25.0, 50.0], "unit": "n"})
    gaps = international_gaps(summary, benchmarks, sector="shoes")
    assert gaps.set_index("reference")["gap"].to_dict() == {"A": -0.5, "C": 0.0}


def test_references_are_named_in_the_report_language():
    """A Turkish report names the international references in Turkish (``reference_tr``), falling back to
    the English name where the benchmarks give none; the numbers do not depend on the language."""
    summary = pd.DataFrame({"indicator": ["x"], "name_en": ["X"], "name_tr": ["X"], "unit": ["n"],
                            "direction": ["increase"], "latest_actual": [50.0], "latest_year": [2024]})
    benchmarks = pd.DataFrame({"indicator": ["x", "x"], "reference": ["Leading cluster, Ireland", "EU median"],
                               "reference_tr": ["Önde gelen küme, İrlanda", None], "country": ["IE", "EU"],
                               "sector": ["s", "s"], "value": [100.0, 40.0], "unit": "n"})
    gaps = international_gaps(summary, benchmarks)
    assert reference_names(gaps, "tr").tolist() == ["EU median", "Önde gelen küme, İrlanda"]
    assert reference_names(gaps, "en").tolist() == ["EU median", "Leading cluster, Ireland"]
    without = international_gaps(summary, benchmarks.drop(columns="reference_tr"))
    assert reference_names(without, "tr").tolist() == ["EU median", "Leading cluster, Ireland"]
    result = analyse_monitoring("Samsun")
    tr, en = result.present("tr").findings, result.present("en").findings
    assert "İrlanda" in tr.international and "Ireland" not in tr.international
    assert "Ireland" in en.international and "İrlanda" not in en.international


def test_management_scorecard_labels_and_areas():
    """Hand-checked: areas 90, 85, 80, 75, 70, 60 → mean 76.7 (Silver, below Gold's 80 %)."""
    areas = ["structure", "governance", "financing", "services", "interaction", "achievements"]
    rows = [{"indicator": f"cm_{a}", "reference": "c", "value": v} for a, v in zip(areas, [90, 85, 80, 75, 70, 60],
                                                                                   strict=True)]
    rows += [{"indicator": f"cm_{a}", "reference": "ESCA gold label median", "value": 88.0} for a in areas]
    table, score, label = management_scorecard(pd.DataFrame(rows), "c")
    assert score == pytest.approx(460 / 6) and label == "silver"
    assert table.set_index("area")["holds_back"].to_dict() == {
        "structure": False, "governance": False, "financing": False, "services": True, "interaction": True,
        "achievements": True}
    assert (table["gold_median"] == 88.0).all() and table["bronze_median"].isna().all()
    assert label_of(80.0) == "gold" and label_of(79.99) == "silver" and label_of(59.9) == "bronze"
    with pytest.raises(ValueError, match="no self-assessment"):
        management_scorecard(pd.DataFrame(rows), "other")
    with pytest.raises(ValueError, match="'silver'"):
        label_of(50, gold=0.5, silver=0.7)


def test_indicators_holding_back_each_area():
    """Red and amber monitoring indicators are listed under their ESCA area, worst first, only where the area is
    below the Gold threshold."""
    from clusterlib.monitoring.management import AREA_INDICATORS, holding_back

    table = pd.DataFrame({"area": ["interaction", "services", "structure"], "holds_back": [True, True, False]})
    summary = pd.DataFrame({"indicator": ["joint_projects", "rd_projects", "imported_inputs_share", "training_days",
                                          "members"],
                            "status": ["amber", "red", "green", "grey", "red"]})
    result = holding_back(table, summary)
    assert result.to_dict() == {"interaction": ("rd_projects", "joint_projects"), "services": (), "structure": ()}
    monitored = {i for ids in AREA_INDICATORS.values() for i in ids}
    sample = load_tables(tables=["monitoring"])["monitoring"]
    assert monitored == set(sample["indicator"])  # every sample indicator belongs to an area
    mon = analyse_monitoring("Kahramanmaraş", lang="en")
    red = set(mon.indicators.loc[mon.indicators["status"] == "red", "indicator"])
    listed = {i for ids in mon.management["held_back_by"] for i in ids}
    assert listed <= red | set(mon.indicators.loc[mon.indicators["status"] == "amber", "indicator"])
    assert mon.management["holds_back"].all()  # every area below Gold in this sample…
    assert red <= listed  # …so every red indicator shows under its area
