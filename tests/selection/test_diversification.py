"""Tests for clusterlib.selection.diversification (the "Diversification opportunities" section).

The measures themselves are tested against the Atlas and the Growth Lab's ``ecomplexity`` in
``test_relatedness_complexity.py``; here: which sectors are candidates, how they are ranked, what
the findings say in both languages, and the robustness table.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from clusterlib import geo, nace
from clusterlib.data import load_tables
from clusterlib.i18n import format_number, lower_first, lower_first_en
from clusterlib.relatedness import economic_complexity, proximity, relatedness_density
from clusterlib.selection.diversification import (
    ROBUSTNESS_SETTINGS,
    TOP_OPPORTUNITIES,
    analyse_diversification,
    complexity_matrix,
    opportunity_table,
)
from clusterlib.selection.diversification.charts import eci_map, opportunity_chart


@pytest.fixture(scope="module")
def tables():
    return load_tables(None, tables=["employment", "exports"])


@pytest.fixture(scope="module")
def analysis(tables):
    return analyse_diversification("Çorum", tables=tables, ranking=["30", "10", "26"])


@pytest.fixture(scope="module")
def corum(analysis):
    return {lang: analysis.present(lang) for lang in ("tr", "en")}


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


def test_section_for_a_pilot_in_both_languages(analysis, corum):
    tr, en, d = corum["tr"], corum["en"], analysis
    assert len(d.eci_map) == 81
    assert d.eci_map["rank"].tolist() == d.eci_map["eci"].rank(ascending=False, method="min").astype(int).tolist()
    assert len(d.top) == TOP_OPPORTUNITIES
    # one analysis, two languages: the same numbers in both sentences
    from clusterlib.i18n import ordinal

    assert f"{d.eci_rank}. sırada" in tr.findings.eci and f"ranks {ordinal(d.eci_rank, 'en')} of 81" in en.findings.eci
    eci_tr, eci_en = format_number(d.eci, "tr", decimals=2), format_number(d.eci, "en", decimals=2)
    assert f"(EKE {eci_tr})" in tr.findings.eci and f"(ECI {eci_en})" in en.findings.eci
    assert "açık bir araştırma sorusu" in tr.findings.caveat and "open research question" in en.findings.caveat
    assert "sentetik" in tr.findings.caveat and "synthetic" in en.findings.caveat
    first = d.opportunities.index[0]
    # names inside a sentence start in lower case (Turkish rules in Turkish)
    assert lower_first_en(nace.name(first, lang="en", short=True)) in en.findings.opportunities
    assert lower_first(nace.name(first, lang="tr", short=True)) in tr.findings.opportunities
    base = lower_first_en(nace.name(d.opportunities["builds_on"].iloc[0][0], lang="en", short=True))
    assert f"building on {base}" in en.findings.opportunities
    for findings in (tr.findings, en.findings):
        assert all(isinstance(v, str) and v for v in findings.__dict__.values())
    assert d.summary().startswith(f"Çorum 2024: ECI rank {d.eci_rank}/81; opportunities {d.top[0]}")


def test_comparison_says_whether_the_two_lists_overlap(tables, analysis, corum):
    en = corum["en"]
    assert not set(analysis.ranking_top) & set(analysis.top)
    assert "do not overlap" in en.findings.comparison
    assert "ranks what exists" in en.findings.comparison and "what could grow" in en.findings.comparison
    more = int((analysis.complexity.pci[list(analysis.ranking_top)] > analysis.eci).sum())
    assert f"{more} of the ranking's top 3 sectors are more complex" in en.findings.comparison
    top = analysis.top
    shared = analyse_diversification("Çorum", tables=tables, ranking=[top[1], "30"]).present("en")
    assert f"Both lists name {lower_first_en(nace.name(top[1], lang='en', short=True))}." in shared.findings.comparison
    alone = analyse_diversification("Çorum", tables=tables).present("tr")
    assert "ilde var olanları" in alone.findings.comparison


def test_comparison_with_a_sector_selection(tables):
    from clusterlib.selection import analyse_sector_selection

    selection = analyse_sector_selection("Çorum", n_simulations=20, tables=tables)
    d = analyse_diversification("Çorum", tables=tables, ranking=selection)
    assert d.ranking_top == tuple(selection.top)


def test_robustness_table_covers_threshold_and_exports(analysis, corum):
    frame = analysis.robustness
    assert list(zip(frame["measure"], frame["rca_threshold"], strict=True)) == list(ROBUSTNESS_SETTINGS)
    assert frame["kept"].iloc[0] == TOP_OPPORTUNITIES  # the baseline against itself
    assert (frame["kept"] <= TOP_OPPORTUNITIES).all()
    shown = corum["tr"].robustness_table()
    table = shown.frame
    assert list(table.columns) == ["measure", "threshold", "eci_rank", "top", "kept"]  # language-free ids
    assert list(shown.labels.values()) == ["Veri", "AKÜ eşiği", "EKE sırası", "İlk 3 fırsat", "Temel ilk 5 ile ortak"]
    assert shown.kinds["kept"] == "count" and shown.kinds["eci_rank"] == "code"
    assert table["threshold"].tolist() == ["1", "0,75", "1", "0,75"]
    low, high = int(frame["kept"].iloc[1:].min()), int(frame["kept"].iloc[1:].max())
    kept = f"{low} ya da {high}'\\w+" if low != high else f"{low}'\\w+"  # committee correction 27: no "1–2'si"
    assert re.search(rf"ilk 5 fırsattan yalnız {kept} aynı kalıyor", corum["tr"].findings.robustness)
    assert "(İstihdam AKÜ ≥ 0,75; İhracat AKÜ ≥ 1; İhracat AKÜ ≥ 0,75)" in corum["tr"].findings.robustness
    assert all(len(cell.split("; ")) == 3 for cell in table["top"])  # one separator (correction 28)
    # a lower threshold as the baseline is carried into the first row
    lower = analyse_diversification("Çorum", rca_threshold=0.9)
    assert lower.robustness["rca_threshold"].tolist() == [0.9, 0.75, 1.0, 0.75]


def test_an_undefined_setting_is_reported_not_fatal(tables):
    exports = tables["exports"]
    one_sector = {**tables, "exports": exports[exports["nace"] == exports["nace"].iloc[0]]}
    d = analyse_diversification("Çorum", tables=one_sector)
    undefined = d.robustness[d.robustness["measure"] == "exports"]
    assert (undefined["reason"] != "").all() and undefined["eci_rank"].isna().all()
    en = d.present("en")
    assert "The ECI is not defined for: Exports RCA ≥ 1; Exports RCA ≥ 0.75." in en.findings.robustness
    assert en.robustness_table().frame.iloc[2, 3] == "ECI undefined"


def test_without_an_exports_table_the_section_runs_and_says_so(tables):
    d = analyse_diversification("Çorum", tables={"employment": tables["employment"]})
    assert d.robustness["reason"].tolist() == ["", "", "missing table", "missing table"]
    en, tr = d.present("en"), d.present("tr")
    assert en.findings.robustness.endswith("left out of the robustness table: Exports.")
    assert "The ECI is not defined" not in en.findings.robustness
    assert tr.robustness_table().frame.iloc[2, 3] == "veri yok"


def test_unknown_measure_and_year_are_refused(tables):
    with pytest.raises(ValueError, match="'measure' must be one of"):
        complexity_matrix(tables, 2024, measure="wages")
    with pytest.raises(ValueError, match="'year' 1990 is not in the employment table"):
        complexity_matrix(tables, 1990)


def test_charts(analysis, corum):
    en, d = corum["en"], analysis
    fig = en.opportunity_chart()
    other, top = fig.data
    assert top.name.startswith("Leading opportunities") and top.marker.symbol == "diamond"
    assert len(top.x) == TOP_OPPORTUNITIES and len(other.x) == len(d.opportunities) - TOP_OPPORTUNITIES
    assert fig.layout.shapes[0].y0 == pytest.approx(d.eci)
    assert fig.layout.xaxis.title.text.startswith("Feasibility")
    assert list(top.text) == ["1", "2", "3", "4", "5"]  # numbered as in the table
    assert [row[0] for row in top.customdata] == [nace.name(c, lang="en", short=True) for c in d.top]
    with pytest.raises(ValueError, match="missing"):
        opportunity_chart(pd.DataFrame({"nace": ["10"]}))
    fig = corum["tr"].eci_map()
    assert len(fig.data[0].locations) == 81 and fig.data[0].zmid == 0
    assert list(fig.data[1].locations) == [d.province.plate]
    assert fig.data[0].colorbar.title.text == "EKE"
    assert np.isfinite(np.asarray(fig.data[0].z, dtype=float)).all()
    with pytest.raises(ValueError, match="missing"):
        eci_map(d.eci_map.drop(columns=["rank"]), geo.to_geojson(geo.province_shapes()))


def test_opportunity_table_for_the_committee(analysis, corum):
    table = corum["tr"].opportunity_table(top=4)
    assert list(table.frame.columns) == ["rank", "sector", "nace", "density", "pci", "cog", "builds_on"]
    assert list(table.labels.values()) == [
        "Sıra", "Sektör", "NACE", "İlişkili sektör yoğunluğu (0–100)", "Sektör karmaşıklığı (PCI)",
        "Karmaşıklık kazancı (COG)",
        "Dayandığı sektörler",
    ]
    assert table.frame["rank"].tolist() == [1, 2, 3, 4]
    assert table.frame["nace"].tolist() == analysis.top[:4]
    assert pd.api.types.is_float_dtype(table.frame["density"]) and table.kinds["density"] == "number:1"
    assert table.lang == "tr" and table.sheet == "Fırsatlar"


def test_save_writes_the_section_tables(analysis, tmp_path):
    paths = analysis.save(tmp_path)
    assert [p.name for p in paths] == [
        "19_corum_2024_opportunities.csv", "19_corum_2024_complexity.csv", "19_corum_2024_pci.csv"
    ]
    opportunities = pd.read_csv(paths[0], dtype={"nace": str}).set_index("nace")
    assert list(opportunities.index[:5]) == analysis.top
    assert opportunities["builds_on"].iloc[0] == ";".join(analysis.opportunities["builds_on"].iloc[0])
    eci = pd.read_csv(paths[1], index_col="plate")["eci"]
    assert eci.loc[19] == pytest.approx(analysis.eci)
