"""The needs-assessment step end to end: analysis object, findings in both languages, official
figures as published, charts, and the notebook's shape."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from clusterlib import official
from clusterlib.config import NOTEBOOKS_DIR, PROJECT_ROOT, RESOURCES_DIR
from clusterlib.data import DataValidationError
from clusterlib.i18n import format_number
from clusterlib.needs import FUNCTIONS, NeedsAssessment, analyse_needs_assessment, charts

OFFICIAL = RESOURCES_DIR / "official"


def _shared_official() -> Path | None:
    """``../shared/data/official`` beside the checkout (or $CLUSTERLIB_SHARED_DATA), when it exists."""
    root = Path(os.environ.get("CLUSTERLIB_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))
    return root / "official" if (root / "official").is_dir() else None


@pytest.fixture(scope="module")
def corum() -> dict[str, NeedsAssessment]:
    return {lang: analyse_needs_assessment("Çorum", lang=lang, n_boot=400) for lang in ("tr", "en")}


def test_analysis_is_frozen_with_typed_findings(corum):
    tr = corum["tr"]
    with pytest.raises(AttributeError):
        tr.wave = 2013  # type: ignore[misc]
    for name, text in vars(tr.findings).items():
        assert isinstance(text, str) and text.strip(), name
    assert tr.cluster == "corum_food_machinery" and tr.wave == 2019
    assert "Kaynak: TÜİK" in tr.findings.context and "Source: TÜİK" in corum["en"].findings.context


def test_english_report_recomputes_nothing(corum):
    tr, en = corum["tr"], corum["en"]
    for name in (
        "ranking",
        "summary",
        "reliability",
        "response",
        "by_size",
        "by_stage",
        "by_cluster",
        "matrix",
    ):
        pd.testing.assert_frame_equal(getattr(tr, name), getattr(en, name), obj=name)
    assert tr.gaps == en.gaps and tr.summary_text() == en.summary_text()


def test_needs_map_links_needs_to_actors_and_gaps(corum):
    a = corum["en"]
    assert a.gaps == ("export_promotion",)  # no exporters' or cluster association in Çorum
    first = a.needs_map.iloc[0]
    assert first["block"] == "exports" and first["function"] == "export_promotion" and first["gap"]
    rnd = a.needs_map.set_index("block").loc["rnd"]
    assert rnd["actors"] == ("Hitit Üniversitesi",) and not rnd["gap"]
    assert "no local actor (gap)" in a.findings.summary and "Export promotion" in a.findings.summary
    assert (a.needs_map["share"].diff().dropna() <= 0).all()


def test_survey_tables_keep_dont_know_apart(corum):
    a = corum["en"]
    current = a.survey[a.survey["wave"] == a.wave]
    summary = a.summary
    assert summary["n_asked"].sum() == len(current)
    assert summary["n_dont_know"].sum() == (current["status"] == "dont_know").sum()
    shares = summary[[f"share_{c}" for c in range(1, 6)]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    row = a.response.set_index("wave").loc[a.wave]
    assert row["respondents"] == current["firm_id"].nunique() <= row["eligible"]


def test_context_figures_are_the_carried_tuik_tables(corum):
    """The province figures of the report equal the TÜİK files carried in clusterlib/resources/official."""
    a = corum["tr"]
    pop = pd.read_csv(OFFICIAL / "tuik_adnks_population_province_2007_2025_wide.csv")
    assert a.context.population_last == int(pop.loc[pop["plate"] == 19, "pop_2025"].item())
    gdp = pd.read_csv(OFFICIAL / "tuik_province_gdp_per_capita_2020_2024_try_usd.csv")
    assert a.context.gdp_last("province") == pytest.approx(gdp.loc[gdp["plate"] == 19, "usd_2024"].item())
    assert format_number(a.context.population_last, "tr") in a.findings.context
    lf = official.labour_force()
    emp = lf[
        (lf["plate"] == 19).fillna(False) & (lf["indicator"] == "employment_rate") & (lf["year"] == 2024)
    ]
    assert format_number(emp["value"].item(), "tr", decimals=1) in a.findings.context


def test_context_figures_match_shared_official_data(corum):
    """Where ../shared/data/official exists (the project's reference copy of the TÜİK downloads), the
    report's figures for all five pilots equal it too; a plain clone checks the carried files only."""
    shared = _shared_official()
    if shared is None:
        pytest.skip("../shared/data/official is not beside this checkout; the carried copy is checked above")
    pop = pd.read_csv(shared / "tuik_adnks_population_province_2007_2025_wide.csv").set_index("plate")
    gdp = pd.read_csv(shared / "tuik_province_gdp_per_capita_2020_2024_try_usd.csv").set_index("plate")
    ses = pd.read_csv(shared / "tuik_province_socioeconomic_status_ses_2023.csv").set_index("plate")
    lf = pd.read_csv(shared / "tuik_lfs_province_employment_unemployment_rate_2022_2024.csv")
    from clusterlib.needs import province_context
    from clusterlib.regions import province

    for name in ("Çorum", "Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon"):
        place = province(name)
        context = province_context(place)
        assert (
            context.population["population"].tolist()
            == pop.loc[place.plate, [f"pop_{y}" for y in range(2007, 2026)]].tolist()
        )
        assert context.gdp_last("province", "try") == pytest.approx(gdp.loc[place.plate, "try_2024"])
        assert context.ses_score == pytest.approx(ses.loc[place.plate, "ses_score_mean"])
        row = lf[
            (lf["nuts3"] == place.nuts3) & (lf["indicator"] == "unemployment_rate") & (lf["year"] == 2024)
        ]
        last = context.labour_last("unemployment_rate")
        assert (last["value"], last["ci95_low"], last["ci95_high"]) == pytest.approx(
            (row["value"].item(), row["ci95_low"].item(), row["ci95_high"].item())
        )


@pytest.mark.parametrize(
    "chart",
    [
        "population_chart",
        "gdp_chart",
        "labour_chart",
        "actor_map",
        "mendelow_chart",
        "firms_chart",
        "diverging_chart",
        "needs_chart",
        "waves_chart",
        "clusters_chart",
    ],
)
def test_charts_carry_the_data(corum, chart):
    fig = getattr(charts, chart)(corum["en"])
    assert isinstance(fig, go.Figure) and len(fig.data) >= 1
    assert fig.layout.separators == ".,"
    json.dumps(fig.to_plotly_json(), default=str)  # serialisable for the report


def test_diverging_chart_is_centred_on_neutral(corum):
    a = corum["en"]
    fig = charts.diverging_chart(a)
    neutral = [trace for trace in fig.data if trace.name == a.questionnaire.scale_label(3, "en")]
    assert len(neutral) == 2  # split in half across zero
    assert np.allclose(np.asarray(neutral[0].x), -np.asarray(neutral[1].x))
    negative = [trace for trace in fig.data if trace.name in ("Strongly disagree", "Disagree")]
    assert all((np.asarray(t.x) <= 0).all() for t in negative)


def test_groups_chart_marks_differences_beyond_noise(corum):
    fig = charts.groups_chart(corum["en"], "stage")
    assert len(fig.data) == corum["en"].by_stage["group"].nunique()
    with pytest.raises(ValueError, match=r"'by' must be one of \['size', 'stage'\]"):
        charts.groups_chart(corum["en"], "region")


def test_every_pilot_has_a_cluster_and_a_survey():
    for name in ("Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon"):
        a = analyse_needs_assessment(name, lang="en", n_boot=200)
        assert len(a.ranking) == 7 and a.firms["cluster"].nunique() == 1


def test_bad_inputs_of_the_step(tmp_path):
    with pytest.raises(
        ValueError, match=r"'wave' must be one of the survey's waves \[2013, 2019\], got 2015"
    ):
        analyse_needs_assessment("Samsun", wave=2015, n_boot=200)
    survey = tmp_path / "export.csv"
    survey.write_text("firm_id,year,item,answer\nSAM-001,2019,exports_fairs,6\n", encoding="utf-8")
    with pytest.raises(
        DataValidationError, match=r"^export\.csv, row 2, column 'answer': '6' is outside the scale"
    ):
        analyse_needs_assessment("Samsun", survey_file=survey, n_boot=200)


def test_a_tool_export_feeds_the_step(tmp_path):
    """A Google Forms export of one wave (fixture) runs through the whole step."""
    fixture = Path(__file__).parent / "fixtures" / "needs" / "google_forms_tr.csv"
    a = analyse_needs_assessment("Samsun", survey_file=fixture, n_boot=200, lang="tr")
    assert a.wave == 2019 and a.waves is None and a.parameters()["layout"] == "google_forms"
    assert set(a.ranking["block"]) == {"training", "exports", "rnd", "finance", "cooperation"}
    assert "Tek bir anket dalgası var" in a.findings.waves
    assert a.save(tmp_path)[0].name == "needs_55_needs_map.csv"


def test_notebook_is_thin_and_reads_typed_findings():
    nb = nbformat.read(NOTEBOOKS_DIR / "01_needs_assessment.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "needs.findings." in source and 'findings["' not in source
    assert "report.show(" in source and ".show()" not in source.replace("report.show(", "")


def test_cluster_comparison_uses_every_pilot_of_the_wave(corum):
    a = corum["en"]
    assert sorted(a.by_cluster["cluster"].unique()) == [
        "corum_food_machinery",
        "gaziantep_footwear",
        "kahramanmaras_metal_kitchenware",
        "samsun_medical",
        "trabzon_shipbuilding",
    ]
    own = a.by_cluster[a.by_cluster["cluster"] == a.cluster].reset_index(drop=True)
    pd.testing.assert_frame_equal(own[["block", "share"]], a.ranking[["block", "share"]])
    assert "Compared with the other 4 clusters" in a.findings.by_cluster


def test_a_province_without_cluster_gets_context_and_actors_and_says_what_is_missing():
    """Partial data: Ankara has official figures but no firms, survey or actors in the sample."""
    a = analyse_needs_assessment("Ankara", lang="en", n_boot=200)
    assert a.cluster is None and not a.has_survey and a.register.empty
    assert a.gaps == tuple(FUNCTIONS)
    assert "Source: TÜİK" in a.findings.context
    assert "no local actor of Ankara" in a.findings.actors
    assert (
        a.findings.top
        == a.findings.waves
        == "There are no survey answers for Ankara; the sections on firm needs are left empty."
    )
    for name in (
        "diverging_chart",
        "needs_chart",
        "groups_chart",
        "clusters_chart",
        "waves_chart",
        "firms_chart",
    ):
        fig = getattr(charts, name)(a)
        assert fig.layout.annotations[0].text.startswith("There are no survey answers")
    assert a.needs_table().empty and len(a.notes_table()) == 2
