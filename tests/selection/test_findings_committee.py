"""Sector selection's findings say what the data say (issue 19, committee review problem 8).

Committee review: ``shared/reviews/committee-review.md``, problem 8 and corrections 19–34.  Each test
checks a sentence against the numbers it is written from, on the bundled (synthetic) sample.
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlib.data import load_tables
from clusterlib.selection import THRESHOLDS, analyse_sector_selection, score_sectors
from clusterlib.selection.ranking_findings import support_finding
from clusterlib.selection.thresholds import POORLY_COVERED


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_tables(tables=["employment", "exports", "stakeholders", "initiatives"])


@pytest.fixture(scope="module")
def samsun(tables):
    return analyse_sector_selection("Samsun", tables=tables, n_simulations=300)


@pytest.fixture(scope="module")
def corum(tables):
    return analyse_sector_selection("Çorum", tables=tables, n_simulations=300)


def test_contribution_chart_shows_the_score_the_table_ranks(samsun):
    """The committee saw bars of the weighted sum ordered by TOPSIS, with no TOPSIS number: the chart
    now draws the TOPSIS score of every sector (◆), equal to the ranking table's "TOPSIS puanı", in its order."""
    for lang in ("tr", "en"):
        figure = samsun.present(lang).criteria_chart()
        marker = [trace for trace in figure.data if trace.type == "scatter"]
        assert len(marker) == 1 and marker[0].marker.symbol == "diamond"
        shown = pd.Series(list(marker[0].x), index=list(marker[0].y))
        scores = samsun.result.scores["score"].head(len(shown))
        labels = [samsun.present(lang).label(c) for c in scores.index]
        assert list(shown.index)[::-1] == labels  # drawn top-down in the table's order
        assert shown.reindex(labels).to_numpy() == pytest.approx(scores.to_numpy())
        assert "TOPSIS" in figure.layout.title.text
    text = samsun.present("tr").findings.criteria
    assert "çubuk uzunluğu sırayı izlemeyebilir" in text


def test_own_register_is_said_and_the_ranking_without_it_given(tables, samsun):
    """Samsun's support-institutions counts come from the register compiled for its own (medical)
    cluster: the finding says so, and gives the ranking without the indicator, which is the TOPSIS
    ranking of the same criteria without it."""
    finding = samsun.findings.ranking.support
    assert finding is not None and finding.clusters == ("samsun_medical",)
    values = samsun.indicators["support_institutions"]
    assert {c for c, _ in finding.counted} == set(values[values > 0].index)
    assert dict(finding.counted)["32"] == values["32"]
    alone = score_sectors(
        samsun.indicators, samsun.criteria.without(["support_institutions"]), method="topsis", missing="worst"
    ).scores
    assert finding.without == tuple(alone.index[:3])
    moved = {c: (old, new) for c, old, new in finding.moved}
    assert moved["26"] == (int(samsun.result.scores.at["26", "rank"]), int(alone.at["26", "rank"]))
    tr, en = samsun.findings.ranking.text("tr"), samsun.findings.ranking.text("en")
    assert "medikal ekipman ve malzeme kümesi adına derlenen paydaş kaydını" in tr
    assert f"2. sıradan {moved['26'][1]}. sıraya düşerdi" in tr
    assert all(new > 3 for _, _, new in finding.moved)  # only the first sectors that drop out are named
    assert "compiled for the needs assessment of the medical equipment and supplies cluster" in en


def test_province_without_a_register_says_the_indicator_is_empty(tables):
    """Every province: where no stakeholder or initiative is recorded, the sentence says the indicator
    is 0 for every candidate instead of staying silent."""
    hakkari = analyse_sector_selection("Hakkari", tables=tables, n_simulations=50)
    assert (hakkari.indicators["support_institutions"] == 0).all()
    finding = hakkari.findings.ranking.support
    assert finding is not None and finding.counted == ()
    assert "bütün adaylarda 0" in finding.text("tr") and "0 for every candidate" in finding.text("en")


def test_support_finding_is_absent_when_the_indicator_is_not_scored(tables, samsun):
    criteria = samsun.criteria.without(["support_institutions"])
    place = samsun.province
    assert support_finding(tables, place, samsun.result, criteria, samsun.indicators) is None


def test_agriculture_gets_the_sgk_caveat_next_to_the_ranking(corum, samsun):
    """Çorum's no. 2 candidate is crop and animal production (NACE 01), measured by SGK 4/a, which
    leaves out most farm workers: the ranking finding says so, with its rank."""
    ranks = corum.result.scores["rank"].head(THRESHOLDS.ranking_rows)
    expected = [(c, int(r)) for c, r in ranks.items() if c in POORLY_COVERED]
    assert ("01", 2) in expected
    assert list(corum.findings.ranking.poorly_covered) == expected
    text = corum.present("tr").findings.ranking
    assert "bitkisel ve hayvansal üretim (2. sıra)" in text and "SGK 4/a" in text
    assert "crop & animal production (ranked 2nd)" in corum.present("en").findings.ranking
    shown = samsun.result.scores["rank"].head(THRESHOLDS.ranking_rows)
    assert [c for c, _ in samsun.findings.ranking.poorly_covered] == [c for c in shown.index if c in POORLY_COVERED]


def test_robustness_finding_names_the_robust_candidates(samsun):
    """Committee correction 21: the sentence names the sectors in the top 5 in at least 80 % of the
    scenarios, in rank order, rather than only counting them."""
    robust = samsun.robustness[samsun.robustness["p_top_k"] >= THRESHOLDS.robust]
    expected = list(robust.sort_values("rank").index)
    finding = samsun.findings.robustness
    assert list(finding.stable) == expected and finding.stable_count == len(expected)
    text = samsun.present("tr").findings.robustness
    names = [samsun.present("tr").label(c).lower() for c in expected]
    assert text.endswith(": " + "; ".join(names) + ".") or text.endswith(": " + ", ".join(names) + ".")
    if finding.p >= 1:
        assert "her senaryoda ilk 5'te kalıyor" in text
    assert "sektör sayısı" not in text  # "N sektör var: …", not "sektör sayısı N"
