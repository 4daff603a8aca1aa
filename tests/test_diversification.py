"""Tests for clusterlib.selection.diversification (the "Diversification opportunities" section).

The measures themselves are tested against the Atlas and the Growth Lab's ``ecomplexity`` in
``test_relatedness_complexity.py``; here: which sectors are candidates, how they are ranked, what
the findings say in both languages, and the robustness table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterlib import geo, nace
from clusterlib.data import load_tables
from clusterlib.relatedness import economic_complexity, proximity, relatedness_density
from clusterlib.selection.diversification import (
    ROBUSTNESS_SETTINGS,
    TOP_OPPORTUNITIES,
    analyse_diversification,
    complexity_matrix,
    opportunity_table,
)
from clusterlib.selection.diversification_charts import eci_map, opportunity_chart


@pytest.fixture(scope="module")
def tables():
    return load_tables(None, tables=["employment", "exports"])


@pytest.fixture(scope="module")
def corum(tables):
    return {
        lang: analyse_diversification("Çorum", lang=lang, tables=tables, ranking_top=["30", "10", "26"])
        for lang in ("tr", "en")
    }


def test_opportunities_are_the_candidate_sectors_the_province_does_not_hold(tables):
    complexity = economic_complexity(complexity_matrix(tables, 2024))
    table = opportunity_table(complexity, 19, sections=("C",))
    held = complexity.presence.loc[19]
    assert len(table) > 0
    assert (held[table.index] == 0).all()
    assert all(nace.section_of(code) == "C" for code in table.index)
    missing = [c for c in complexity.presence.columns if nace.section_of(c) == "C" and held[c] == 0]
    assert sorted(table.index) == sorted(missing)
    # feasibility is the library's relatedness density, the one of the criteria table
    density = relatedness_density(complexity.presence, proximity(complexity.presence)).loc[19, table.index]
    assert table["density"].to_numpy() == pytest.approx(density.to_numpy())
    assert table["pci"].to_numpy() == pytest.approx(complexity.pci[table.index].to_numpy())


def test_score_is_equal_weight_of_standardised_feasibility_and_attractiveness(tables):
    complexity = economic_complexity(complexity_matrix(tables, 2024))
    table = opportunity_table(complexity, 19)
    z = (table[["density", "pci"]] - table[["density", "pci"]].mean()) / table[["density", "pci"]].std(ddof=0)
    assert table["score"].to_numpy() == pytest.approx((0.5 * z["density"] + 0.5 * z["pci"]).to_numpy())
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    assert table["score"].is_monotonic_decreasing
    by_gain = opportunity_table(complexity, 19, attractiveness="cog")
    assert by_gain["score"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="'attractiveness' must be one of"):
        opportunity_table(complexity, 19, attractiveness="size")


def test_builds_on_are_held_sectors_closest_first(tables):
    complexity = economic_complexity(complexity_matrix(tables, 2024))
    table = opportunity_table(complexity, 19)
    phi = proximity(complexity.presence)
    held = complexity.presence.loc[19].astype(bool)
    for code, bases in table["builds_on"].head(10).items():
        assert 1 <= len(bases) <= 3
        assert all(held[b] for b in bases)
        weights = [phi.loc[code, b] for b in bases]
        assert weights == sorted(weights, reverse=True)
        assert max(phi.loc[code, held[held].index]) == pytest.approx(weights[0])


def test_section_for_a_pilot_in_both_languages(corum):
    tr, en = corum["tr"], corum["en"]
    assert len(tr.eci_map) == 81 and sorted(tr.eci_map["rank"]) == sorted(
        tr.eci_map["eci"].rank(ascending=False, method="min").astype(int)
    )
    assert tr.eci_rank == en.eci_rank and tr.top == en.top  # numbers are computed once, language-free
    assert len(tr.top) == TOP_OPPORTUNITIES
    assert f"{tr.eci_rank}. sırada" in tr.findings.eci and f"ranks {en.eci_rank} of 81" in en.findings.eci
    assert "açık bir araştırma sorusu" in tr.findings.caveat and "open research question" in en.findings.caveat
    assert "sentetik" in tr.findings.caveat and "synthetic" in en.findings.caveat
    first = en.opportunities.index[0]
    assert nace.name(first, lang="en", short=True) in en.findings.opportunities
    assert nace.name(first, lang="tr", short=True) in tr.findings.opportunities
    base = nace.name(en.opportunities["builds_on"].iloc[0][0], lang="en", short=True)
    assert f"building on {base}" in en.findings.opportunities
    for findings in (tr.findings, en.findings):
        assert all(isinstance(v, str) and v for v in findings.__dict__.values())


def test_comparison_says_whether_the_two_lists_overlap(tables, corum):
    en = corum["en"]
    assert not set(en.ranking_top) & set(en.top)
    assert "do not overlap" in en.findings.comparison
    assert "ranks what exists" in en.findings.comparison and "what could grow" in en.findings.comparison
    shared = analyse_diversification("Çorum", lang="en", tables=tables, ranking_top=[en.top[1], "30"])
    assert f"Both lists name {nace.name(en.top[1], lang='en', short=True)}." in shared.findings.comparison
    alone = analyse_diversification("Çorum", lang="tr", tables=tables)
    assert "ilde var olanları" in alone.findings.comparison


def test_robustness_table_covers_threshold_and_exports(corum):
    tr = corum["tr"]
    frame = tr.robustness
    assert list(zip(frame["measure"], frame["rca_threshold"], strict=True)) == list(ROBUSTNESS_SETTINGS)
    assert frame["kept"].iloc[0] == TOP_OPPORTUNITIES  # the baseline against itself
    assert (frame["kept"] <= TOP_OPPORTUNITIES).all()
    table = tr.robustness_table()
    assert list(table.columns) == ["Veri", "RCA eşiği", "EKE sırası", "İlk 3 fırsat", "Temel ilk 5 ile ortak"]
    assert table["RCA eşiği"].tolist() == ["1", "0,75", "1", "0,75"]
    assert f"{int(frame['kept'].iloc[1:].min())}–{int(frame['kept'].iloc[1:].max())}" in tr.findings.robustness


def test_an_undefined_setting_is_reported_not_fatal(tables):
    exports = tables["exports"]
    one_sector = {**tables, "exports": exports[exports["nace"] == exports["nace"].iloc[0]]}
    d = analyse_diversification("Çorum", lang="en", tables=one_sector)
    undefined = d.robustness[d.robustness["measure"] == "exports"]
    assert (undefined["reason"] != "").all() and undefined["eci_rank"].isna().all()
    assert "The ECI is not defined for: Exports (RCA ≥ 1), Exports (RCA ≥ 0.75)." in d.findings.robustness
    assert "ECI undefined" in d.robustness_table().iloc[2].tolist()


def test_unknown_measure_and_year_are_refused(tables):
    with pytest.raises(ValueError, match="'measure' must be one of"):
        complexity_matrix(tables, 2024, measure="wages")
    with pytest.raises(ValueError, match="'year' 1990 is not in the employment table"):
        complexity_matrix(tables, 1990)


def test_charts(corum):
    en = corum["en"]
    frame = en.chart_frame()
    fig = opportunity_chart(frame, eci=en.eci, highlight=en.top, lang="en")
    top, other = fig.data[1], fig.data[0]
    assert top.name == "Leading opportunities" and top.marker.symbol == "diamond"
    assert len(top.x) == TOP_OPPORTUNITIES and len(other.x) == len(frame) - TOP_OPPORTUNITIES
    assert fig.layout.shapes[0].y0 == pytest.approx(en.eci)
    assert fig.layout.xaxis.title.text.startswith("Feasibility")
    with pytest.raises(ValueError, match="missing"):
        opportunity_chart(frame.drop(columns=["density"]))
    shapes = geo.to_geojson(geo.province_shapes())
    fig = eci_map(en.eci_map, shapes, highlight_plate=en.province.plate, lang="tr")
    assert len(fig.data[0].locations) == 81 and fig.data[0].zmid == 0
    assert list(fig.data[1].locations) == [en.province.plate]
    assert fig.data[0].colorbar.title.text == "EKE"
    assert np.isfinite(np.asarray(fig.data[0].z, dtype=float)).all()


def test_opportunity_table_for_the_committee(corum):
    table = corum["tr"].opportunity_table(top=4)
    assert list(table.columns) == [
        "Sıra", "Sektör", "NACE", "İlişkili yoğunluk (0–100)", "Karmaşıklık (PCI)", "Görünüm kazancı (COG)",
        "Dayandığı sektörler",
    ]
    assert table["Sıra"].tolist() == [1, 2, 3, 4]
    assert isinstance(table, pd.DataFrame)
