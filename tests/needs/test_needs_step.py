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
from clusterlib.needs import FUNCTIONS, NeedsAssessment, NeedsReport, analyse_needs_assessment
from clusterlib.report.display import Omitted

OFFICIAL = RESOURCES_DIR / "official"


def _shared_official() -> Path | None:
    """``../shared/data/official`` beside the checkout (or $CLUSTERLIB_SHARED_DATA), when it exists."""
    root = Path(os.environ.get("CLUSTERLIB_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))
    return root / "official" if (root / "official").is_dir() else None


@pytest.fixture(scope="module")
def corum() -> NeedsAssessment:
    return analyse_needs_assessment("Çorum", n_boot=400)


@pytest.fixture(scope="module")
def views(corum) -> dict[str, NeedsReport]:
    return {lang: corum.present(lang) for lang in ("tr", "en")}


def test_analysis_is_frozen_with_typed_findings(corum, views):
    with pytest.raises(AttributeError):
        corum.wave = 2013  # type: ignore[misc]
    for name, finding in vars(corum.findings).items():
        assert finding is not None and not isinstance(finding, str), name
        for lang in ("tr", "en"):
            assert finding.text(lang).strip(), (name, lang)
    assert corum.cluster == "corum_food_machinery" and corum.wave == 2019
    assert "Kaynak: TÜİK" in views["tr"].findings.context and "Source: TÜİK" in views["en"].findings.context


def test_english_report_recomputes_nothing(corum, views):
    """Both views present the one analysis: the tables they show hold the same numbers."""
    tr, en = views["tr"], views["en"]
    assert tr.assessment is en.assessment is corum
    for name in ("response_table", "item_table", "reliability_table", "waves_table", "needs_table"):
        a, b = getattr(tr, name)(), getattr(en, name)()
        numbers = [c for c, kind in a.kinds.items() if kind.split(":")[0] in ("count", "percent", "ratio", "number")]
        assert numbers, name
        pd.testing.assert_frame_equal(a.frame[numbers], b.frame[numbers], obj=name)


def test_needs_map_links_needs_to_actors_and_gaps(corum, views):
    a = corum
    assert a.gaps == ("export_promotion",)  # no exporters' or cluster association in Çorum
    first = a.needs_map.iloc[0]
    assert first["block"] == "exports" and first["function"] == "export_promotion" and first["gap"]
    rnd = a.needs_map.set_index("block").loc["rnd"]
    assert rnd["actors"] == ("Hitit Üniversitesi",) and not rnd["gap"]
    summary = views["en"].findings.summary
    assert "no local actor (gap)" in summary and "export promotion" in summary
    assert (a.needs_map["share"].diff().dropna() <= 0).all()


def test_survey_tables_keep_dont_know_apart(corum):
    a = corum
    current = a.survey[a.survey["wave"] == a.wave]
    items = a.items
    assert items["n_asked"].sum() == len(current)
    assert items["n_dont_know"].sum() == (current["status"] == "dont_know").sum()
    shares = items[[f"share_{c}" for c in range(1, 6)]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    row = a.response.set_index("wave").loc[a.wave]
    assert row["respondents"] == current["firm_id"].nunique() <= row["eligible"]


def test_context_figures_are_the_carried_tuik_tables(corum, views):
    """The province figures of the report equal the TÜİK files carried in clusterlib/resources/official."""
    a = corum
    pop = pd.read_csv(OFFICIAL / "tuik_adnks_population_province_2007_2025_wide.csv")
    assert a.context.population_last == int(pop.loc[pop["plate"] == 19, "pop_2025"].item())
    gdp = pd.read_csv(OFFICIAL / "tuik_province_gdp_per_capita_2020_2024_try_usd.csv")
    assert a.context.gdp_last("province") == pytest.approx(gdp.loc[gdp["plate"] == 19, "usd_2024"].item())
    assert format_number(a.context.population_last, "tr") in views["tr"].findings.context
    lf = official.labour_force()
    emp = lf[
        (lf["plate"] == 19).fillna(False) & (lf["indicator"] == "employment_rate") & (lf["year"] == 2024)
    ]
    assert "%" + format_number(emp["value"].item(), "tr", decimals=1) in views["tr"].findings.context


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
def test_charts_carry_the_data(views, chart):
    fig = getattr(views["en"], chart)()
    assert isinstance(fig, go.Figure) and len(fig.data) >= 1
    assert fig.layout.separators == ".,"
    json.dumps(fig.to_plotly_json(), default=str)  # serialisable for the report


def test_diverging_chart_is_centred_on_neutral(corum, views):
    a = corum
    fig = views["en"].diverging_chart()
    neutral = [trace for trace in fig.data if trace.name == a.questionnaire.scale_label(3, "en")]
    assert len(neutral) == 2  # split in half across zero
    assert np.allclose(np.asarray(neutral[0].x), -np.asarray(neutral[1].x))
    negative = [trace for trace in fig.data if trace.name in ("Strongly disagree", "Disagree")]
    assert all((np.asarray(t.x) <= 0).all() for t in negative)


def test_groups_chart_marks_differences_beyond_noise(corum, views):
    fig = views["en"].groups_chart("stage")
    assert len(fig.data) == corum.by_stage["group"].nunique()
    with pytest.raises(ValueError, match=r"'by' must be one of \['size', 'stage'\]"):
        views["en"].groups_chart("region")


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
        DataValidationError, match=r"^export\.csv, row 2, column 'answer': '6' is outside the scale 1–5$"
    ):
        analyse_needs_assessment("Samsun", survey_file=survey, n_boot=200, lang="en")
    with pytest.raises(  # in the report's language
        DataValidationError, match=r"^export\.csv, 2\. satır, 'answer' sütunu: '6' ölçeğin \(1–5\) dışında$"
    ):
        analyse_needs_assessment("Samsun", survey_file=survey, n_boot=200, lang="tr")


def test_a_tool_export_feeds_the_step(tmp_path):
    """A Google Forms export of one wave (fixture) runs through the whole step."""
    fixture = Path(__file__).parent.parent / "fixtures" / "needs" / "google_forms_tr.csv"
    a = analyse_needs_assessment("Samsun", survey_file=fixture, n_boot=200, lang="tr")
    assert a.wave == 2019 and a.waves is None and a.parameters()["layout"] == "google_forms"
    # three firms answered: below THRESHOLDS.min_firms no ranking, alpha or wave change is printed
    assert a.ranking.empty and a.respondents == 3 and not a.has_survey and a.findings.top is None
    view = a.present("tr")
    assert view.findings.survey.text.startswith("2019 dalgasında kümenin yalnızca 3 firması yanıt verdi.")
    assert a.save(tmp_path)[0].relative_to(tmp_path).as_posix() == "needs_assessment/55_samsun_needs_map.csv"


def test_notebook_is_thin_and_reads_the_view():
    """One library call and one display per cell; headings from the view's attributes, no look-ups."""
    nb = nbformat.read(NOTEBOOKS_DIR / "01_needs_assessment.ipynb", as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code"]
    source = "\n".join(cells)
    assert "view.findings." in source and 'findings["' not in source and "heading(\"" not in source
    assert "view.headings." in source and "def " not in source and "class " not in source
    assert "report.show(" in source and ".show()" not in source.replace("report.show(", "")
    displays = [c for c in cells[3:-1]]
    assert all(c.count("report.") == 1 and "\n" not in c.strip() for c in displays), displays


def test_cluster_comparison_uses_every_pilot_of_the_wave(corum, views):
    a = corum
    assert sorted(a.by_cluster["cluster"].unique()) == [
        "corum_food_machinery",
        "gaziantep_footwear",
        "kahramanmaras_metal_kitchenware",
        "samsun_medical",
        "trabzon_shipbuilding",
    ]
    own = a.by_cluster[a.by_cluster["cluster"] == a.cluster].reset_index(drop=True)
    pd.testing.assert_frame_equal(own[["block", "share"]], a.ranking[["block", "share"]])
    assert "Compared with the other 4 clusters" in views["en"].findings.by_cluster


def test_a_province_without_cluster_gets_context_and_actors_and_says_what_is_missing():
    """Partial data: Ankara has official figures but no firms, survey or actors in the sample; the report
    says once that the survey is missing and leaves the survey sections out."""
    a = analyse_needs_assessment("Ankara", lang="en", n_boot=200)
    assert a.cluster is None and not a.has_survey and a.register.empty
    assert a.gaps == tuple(FUNCTIONS)
    view = a.present("en")
    assert "Source: TÜİK" in view.findings.context
    assert "no local actor of Ankara" in view.findings.actors
    missing = "There are no survey answers for Ankara; the sections on firm needs are left empty."
    assert view.findings.survey.text == missing
    shown = [v for v in vars(view.findings).values() if isinstance(v, str)]
    assert not any("no survey answers" in text for text in shown)  # said once, as the notice
    for name in ("diverging_chart", "needs_chart", "groups_chart", "clusters_chart", "waves_chart", "firms_chart",
                 "needs_table", "item_table", "waves_table"):  # fmt: skip
        assert isinstance(getattr(view, name)(), Omitted), name
    assert len(view.notes_table().frame) == 1
