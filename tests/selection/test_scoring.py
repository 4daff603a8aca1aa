"""Scoring sectors on the criteria, and the plain-language explanation of a ranking."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlib.selection import (
    explain,
    load_criteria,
    parse_criteria,
    score_sectors,
    topsis,
    weight_sensitivity,
    weighted_sum,
)
from tests.selection._selection_helpers import _spec, _table, _write


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
    """The strength named first is the largest contribution among the indicators on which the sector is
    better than the candidates' median; a sector better than the median on nothing says so."""
    result, criteria = footwear
    above = result.normalized.gt(result.normalized.median(), axis=1)
    for sector in result.scores.index:
        gains = result.contributions.loc[sector][above.loc[sector]]
        for lang in ["en", "tr"]:
            text = explain(result, criteria, sector=sector, lang=lang)
            if gains.empty or gains.max() <= 0:
                assert "not better than the candidates' median" in text or "medyanından iyi değil" in text
            else:
                assert criteria.name(gains.idxmax(), lang) in text


def test_explain_strength_is_relative_to_the_candidates():
    """Committee review (shared/reviews/committee-review.md, problem 8): "küçük ölçekli işyeri yapısı
    (işyeri başına 23,7 çalışan)" was called a strength of a sector whose workplaces were larger than
    most candidates'.  Above the weakest is not enough: a strength beats the candidates' median, and
    the sentence gives that median."""
    from clusterlib.selection import parse_criteria

    def ind(i: str, d: str = "benefit") -> dict:
        names = ("name_en", "name_tr", "description_en", "description_tr")
        return {"id": i, **dict.fromkeys(names, i), "direction": d, "weight": 0.5, "format": "{:.1f}"}

    crit = parse_criteria(
        {"groups": [{"id": "g", "name_en": "G", "name_tr": "G", "weight": 1,
                     "indicators": [ind("lq"), ind("avg_firm_size", "cost")]}]}
    )  # fmt: skip
    table = pd.DataFrame(
        {"lq": [3.0, 1.0, 1.2, 0.9, 1.1], "avg_firm_size": [23.7, 40.0, 8.0, 9.0, 10.0]},
        index=["27", "10", "28", "25", "22"],
    )
    result = score_sectors(table, crit, method="weighted_sum")
    assert result.contributions.at["27", "avg_firm_size"] > 0  # above the weakest (40 per workplace) ...
    text = explain(result, crit, sector="27", lang="tr", n_strengths=2)
    assert "güçlü yönü: lq (3,0; adayların medyanı 1,1)" in text  # ... but not a strength
    assert "en zayıf yönü: avg_firm_size (işyeri başına 23,7 çalışan; adayların medyanı 10,0)" in text


def test_explain_english_sentence(footwear):
    result, criteria = footwear
    text = explain(result, criteria, sector="15", lang="en", names={"15": "Footwear"})
    assert text == (
        "Footwear ranks 1st; compared with the other candidates its strengths are lq en (LQ 6.2; candidates' "
        "median 1.3) and rca en (RCA 4.1; candidates' median 1.1); its weakest side is wage_cost en (1.12 times "
        "the sector's national average; candidates' median 0.98)."
    )


def test_explain_turkish_sentence(footwear):
    result, criteria = footwear
    text = explain(result, criteria, sector="15", lang="tr", names={"15": "Ayakkabı"})
    assert text == (
        "Ayakkabı 1. sırada; adaylara göre güçlü yönleri: lq tr (LQ 6,2; adayların medyanı 1,3) ve rca tr (AKÜ 4,1; "
        "adayların medyanı 1,1); en zayıf yönü: wage_cost tr (sektörün Türkiye ortalamasının 1,12 katı; adayların "
        "medyanı 0,98)."
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
    assert "(%4,5 kişi; adayların medyanı %1,0)" in explain(result, criteria, sector="a", lang="tr")  # the unit
    assert "(4.5% jobs; candidates' median 1.0%)" in explain(result, criteria, sector="a", lang="en")


def test_explain_marks_imputed_values(small):
    table = _table(small, m=5)
    table.loc["10", "rca"] = np.nan
    table.loc["10", [c for c in table.columns if c != "rca"]] = table.max()  # best on every other indicator
    table.loc["10", "wage_cost"] = table["wage_cost"].min()  # (a cost: the best is the lowest)
    with pytest.warns(UserWarning, match=r"imputed"):
        result = score_sectors(table, small, missing="worst")
    result_text = explain(result, small, sector="10", lang="en", n_strengths=4)
    assert "; imputed)" in result_text  # the imputed worst value is its weakest side, and marked


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
