"""The national benchmarking measures (issue 22): every province × every cluster category, the same
measurement as the pilots' step 4, recomputed by hand for two non-pilot provinces."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlib.config import SAMPLE_DIR
from clusterlib.monitoring import analyse_monitoring
from clusterlib.national.measures import cluster_categories, load_measures, national_measures
from clusterlib.national.peers import national_peers, province_context
from clusterlib.regions import pilots


@pytest.fixture(scope="module")
def measures():
    return load_measures()


@pytest.fixture(scope="module")
def employment():
    return pd.read_csv(SAMPLE_DIR / "employment.csv", dtype={"nace": str})


def test_every_province_has_every_category(measures):
    categories = cluster_categories()
    assert len(categories) == 12  # the distinct main divisions of clusters.yaml
    assert len(measures) == 81 * len(categories)
    assert set(measures["plate"]) == set(range(1, 82))
    assert measures.groupby("plate")["category"].nunique().eq(len(categories)).all()
    assert measures.attrs["year"] == 2024


def test_pilots_keep_their_step_4_figures(measures):
    """A pilot's row is its monitoring report's national scorecard, strong flag and stars."""
    for place in pilots():
        result = analyse_monitoring(place, lang="en")
        row = measures[(measures["plate"] == place.plate) & (measures["division"] == result.divisions[0])].iloc[0]
        card = result.scorecard.set_index("metric")
        for metric in ("employment", "lq", "growth", "avg_wage", "workplaces", "exports_usd"):
            assert row[metric] == pytest.approx(card.loc[metric, "value"], rel=1e-12), (place.name, metric)
            assert row[f"rank_{metric}"] == card.loc[metric, "rank"], (place.name, metric)
        assert bool(row["strong"]) == result.strong
        assert int(row["stars"]) == int(result.stars["stars"])


def _by_hand(employment: pd.DataFrame, division: str, *, year: int = 2024, period: int = 5) -> pd.DataFrame:
    """The strong-cluster rule and the five stars straight from ``employment.csv``, with numpy percentiles."""
    now = employment[employment["year"] == year]
    start = employment[employment["year"] == year - period]
    total = now.groupby("plate")["employment"].sum()
    mine = now[now["nace"] == division].set_index("plate").reindex(total.index)
    e = mine["employment"].fillna(0).to_numpy(float)
    w = mine["workplaces"].fillna(0).to_numpy(float)
    wage = mine["avg_wage"].to_numpy(float)
    first = start[start["nace"] == division].set_index("plate")["employment"].reindex(total.index).to_numpy(float)
    share = e / total.to_numpy(float)
    lq = share / (e.sum() / total.sum())
    strong = (lq >= np.percentile(lq, 75)) & (lq >= 1) & (e > np.percentile(e, 25)) & (w > np.percentile(w, 25))
    present = e > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(first > 0, (e / first) ** (1 / period) - 1, np.nan)
    wage = np.where(present, wage, np.nan)

    def top(values):
        ok = present & ~np.isnan(values)
        return ok & (values >= np.percentile(values[ok], 90))

    stars = pd.DataFrame({"size": top(e), "specialisation": present & (lq >= 2), "focus": top(share),
                          "productivity": top(wage), "dynamism": top(growth)}, index=total.index)
    return stars.assign(stars=stars.sum(axis=1), strong=strong, lq=lq)


@pytest.mark.parametrize("plate", [5, 60])  # Amasya and Tokat: not pilots
def test_strong_clusters_and_stars_of_non_pilots_by_hand(measures, employment, plate):
    """US Cluster Mapping strong-cluster rule (Delgado, Porter and Stern 2016, "Defining clusters of related
    industries", J. Econ. Geogr. 16(1): LQ at or above the 75th percentile of regions and at least 1,
    employment and establishments above the 25th percentile) and the European Cluster Observatory stars
    (size, specialisation LQ ≥ 2, focus; Ketels and Protsiv 2014 add productivity and dynamism), recomputed
    from the sample's employment table for every cluster category of two non-pilot provinces."""
    mine = measures[measures["plate"] == plate].set_index("division")
    assert not mine.empty
    strong_somewhere = 0
    for division, row in mine.iterrows():
        hand = _by_hand(employment, division).loc[plate]
        assert row["lq"] == pytest.approx(hand["lq"], rel=1e-12)
        assert bool(row["strong"]) == bool(hand["strong"]), division
        for star in ("size", "specialisation", "focus", "productivity", "dynamism"):
            assert bool(row[star]) == bool(hand[star]), (division, star)
        assert int(row["stars"]) == int(hand["stars"]), division
        strong_somewhere += bool(hand["strong"])
    assert strong_somewhere >= 1  # the case is not trivially "nothing is strong"


def test_ranks_are_among_the_81_and_missing_stays_missing(measures, employment):
    one = measures[measures["division"] == "32"].set_index("plate")
    assert one["rank_lq"].min() == 1 and one.loc[one["lq"].idxmax(), "rank_lq"] == 1
    assert one["rank_employment"].max() <= 81
    no_exports = national_measures(employment, None)
    assert no_exports["exports_usd"].isna().all() and no_exports["rank_exports_usd"].isna().all()


def test_peers_are_those_of_the_monitoring_step_for_every_province():
    """The national pages and the monitoring report (step 4) name the same peers for every province."""
    from clusterlib.monitoring.benchmarking import peer_provinces
    from clusterlib.regions import provinces

    context = province_context()
    peers = national_peers(context)
    economy = pd.DataFrame({"plate": context["plate"], "gdp_per_capita": context["gdp_per_capita_try"],
                            "ses": context["ses"]})
    for plate in range(1, 82):
        step4 = peer_provinces(plate, provinces(), economy, k=5)
        mine = peers[peers["plate"] == plate].reset_index(drop=True)
        assert mine["peer_plate"].tolist() == step4["plate"].tolist(), plate
        assert mine["similar"].tolist() == step4["similar"].tolist(), plate
        assert mine["distance"].to_numpy() == pytest.approx(step4["distance"].to_numpy(), nan_ok=True)


def test_peers_follow_the_stated_rule():
    context = province_context()
    peers = national_peers(context)
    assert set(peers["plate"]) == set(range(1, 82))
    assert (peers["plate"] != peers["peer_plate"]).all()
    assert peers.groupby("plate")["similar"].sum().eq(5).all()  # the 5 closest in GDP per capita and SES
    tokat = peers[peers["plate"] == 60]
    region = set(context.loc[context["nuts2"] == "TR83", "plate"]) - {60}
    assert region <= set(tokat["peer_plate"])
    # the closest peer is closest in the z-scores of log GDP per capita and SES
    z = pd.DataFrame({"g": np.log(context["gdp_per_capita_try"]), "s": context["ses"]})
    z = ((z - z.mean()) / z.std(ddof=0)).set_axis(context["plate"])
    distance = np.sqrt(((z - z.loc[60]) ** 2).sum(axis=1)).drop(60)
    assert tokat.loc[tokat["similar"], "peer_plate"].tolist()[0] == distance.idxmin()


def test_invariants_of_every_row(measures):
    """Strong implies LQ ≥ 1; the specialisation star is LQ ≥ 2 with employment; stars count the star columns;
    ranks order the values (a higher value never has a worse rank) and stay within 1–81."""
    m = measures
    assert (m.loc[m["strong"], "lq"] >= 1).all()
    assert (m["specialisation"] == ((m["lq"] >= 2) & (m["employment"] > 0))).all()
    stars = m[["size", "specialisation", "focus", "productivity", "dynamism"]].sum(axis=1)
    assert (m["stars"] == stars).all() and m["stars"].between(0, 5).all()
    for metric in ("employment", "lq", "growth", "avg_wage", "workplaces", "exports_usd"):
        for _, one in m.groupby("category"):
            known = one.dropna(subset=[metric]).sort_values(metric, ascending=False)
            ranks = known[f"rank_{metric}"].astype(int).to_numpy()
            assert ranks[0] == 1 and (np.diff(ranks) >= 0).all() and ranks.max() <= 81
            assert one.loc[one[metric].isna(), f"rank_{metric}"].isna().all()
