"""The needs step on the step template (issue 18): a frozen, language-free result presented in Turkish
and English, for a pilot and for a province without survey; configuration files checked at once."""

from __future__ import annotations

import dataclasses
import json
import re

import plotly.graph_objects as go
import pytest

from clusterlib.configfile import ConfigError
from clusterlib.needs import (
    NeedsAssessment,
    NeedsReport,
    analyse_needs_assessment,
    load_questionnaire,
    read_survey,
)
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table, column_formats

CHARTS = ("population_chart", "gdp_chart", "labour_chart", "actor_map", "mendelow_chart", "firms_chart",
          "diverging_chart", "needs_chart", "clusters_chart", "waves_chart")  # fmt: skip
TABLES = ("matrix_table", "actor_table", "response_table", "item_table", "reliability_table", "waves_table",
          "needs_table", "programmes_table", "notes_table")  # fmt: skip
#: d3 number formats in a figure (a Turkish report must show "%20", written by the one formatter).
D3 = re.compile(r"%\{[^}]*:[^}]*\}|tickformat")


@pytest.fixture(scope="module")
def results() -> dict[str, NeedsAssessment]:
    """A pilot with two survey waves (Samsun, plate 55) and a province without firms or survey (Hakkari, 30)."""
    return {name: analyse_needs_assessment(name, n_boot=200) for name in ("Samsun", "Hakkari")}


def test_the_result_holds_no_language_and_is_frozen(results):
    for result in results.values():
        names = {f.name for f in dataclasses.fields(result)}
        assert "lang" not in names and not hasattr(result, "lang")
        with pytest.raises(dataclasses.FrozenInstanceError):
            result.wave = 1999  # type: ignore[misc]
        for name, value in vars(result.findings).items():  # numbers and ids, no sentence
            assert not isinstance(value, str), name
        assert all(not isinstance(n, str) for n in result.notes)


def test_a_turkish_and_an_english_call_share_one_result():
    """``lang`` is only the language of error messages: both calls return equal numbers."""
    tr = analyse_needs_assessment("Trabzon", lang="tr", n_boot=100)
    en = analyse_needs_assessment("Trabzon", lang="en", n_boot=100)
    assert tr.ranking.equals(en.ranking) and tr.findings == en.findings and tr.summary() == en.summary()


@pytest.mark.parametrize("name", ["Samsun", "Hakkari"])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_present_builds_every_table_and_chart(results, name, lang):
    view = results[name].present(lang)
    assert isinstance(view, NeedsReport) and view.lang == lang
    for heading in vars(view.headings).values():
        assert isinstance(heading, Omitted) or heading.strip()
    for finding in vars(view.findings).values():
        assert isinstance(finding, (Omitted, Notice)) or (finding.strip() and "\n" not in finding)
    for chart in (*CHARTS, "groups_chart"):
        fig = getattr(view, chart)()
        if isinstance(fig, Omitted):
            continue
        assert isinstance(fig, go.Figure) and len(fig.data) >= 1, chart
        plotly = json.dumps(fig.to_plotly_json(), default=str)
        assert not D3.search(plotly), (chart, D3.search(plotly).group(0))
        if lang == "tr":
            assert not re.search(r"\d%", plotly), chart  # "%20", never "20%"
    for table in TABLES:
        spec = getattr(view, table)()
        if isinstance(spec, Omitted):
            continue
        assert isinstance(spec, Table) and spec.kinds is not None and spec.sheet, table
        formats = column_formats(spec.frame, spec.kinds)  # every column has a kind
        for column, form in zip(spec.frame.columns, formats, strict=True):
            if form.startswith(("number", "percent")):  # numbers stay numbers, never pre-formatted strings
                assert spec.frame[column].dtype.kind in "if", (table, column)


def test_a_province_without_survey_says_so_once(results):
    view = results["Hakkari"].present("tr")
    assert isinstance(view.findings.survey, Notice) and "Hakkari için anket yanıtı yok" in view.findings.survey.text
    assert all(isinstance(getattr(view.headings, s), Omitted) for s in ("answers", "top", "waves", "firms"))
    assert "Hakkari" in view.headings.title and "yerel aktör yok" in view.findings.actors
    pilot = results["Samsun"].present("tr")
    assert isinstance(pilot.findings.survey, Omitted)


def test_the_summary_finding_is_one_paragraph_naming_need_and_actors(results):
    """The committee's key finding 5 ran together ("… Kalkınma Ajansı Öncelikli ihtiyaçların …"): the
    summary is one paragraph of sentences, each need with its share, function and local actors."""
    text = results["Samsun"].present("tr").findings.summary
    assert "\n" not in text and "•" not in text
    assert text.startswith("Öncelikli ihtiyaçlar ve karşılayabilecek yerel aktörler: Ar-Ge ve yenilik (%78; Ar-Ge")
    assert text.endswith(". Öncelikli ihtiyaçların her birini en az bir yerel aktör karşılayabilir.")


def test_turkish_texts_put_suffixes_after_numbers(results):
    """Committee review, corrections 4–6, 13: "%53'ü ihracat yapıyor", "59 firmanın 56'sı", no "… kadarı"."""
    view = results["Samsun"].present("tr")
    f = view.findings
    assert "%53'ü ihracat yapıyor" in f.firms and "13 yaşından genç" in f.firms
    assert "kayıtlı 59 firmanın 56'sı yanıt verdi" in f.response and "%3,3'ü" in f.response
    assert "2007–2025 döneminde %13,3 arttı" in f.context and "%95 güven aralığı %46,2–%51,2" in f.context
    assert "(TR83 bölgesi – Amasya, Çorum, Samsun ve Tokat: 10.258 ABD doları)" in f.context
    joined = " ".join(v for v in vars(f).values() if isinstance(v, str))
    assert "kadarı" not in joined and "tanesi" not in joined and "gürültü" not in joined


def test_a_mapping_with_three_mistakes_gets_three_messages(tmp_path):
    """Every problem of the file with its key path, at once, in the language of the run."""
    export = tmp_path / "export.csv"
    export.write_text("firm_id,year,item,answer\nSAM-001,2019,exports_fairs,4\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("firms: Firma kodu\nanswers:\n  A7: 9\nitems:\n  Q1: exports_fair\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_survey(export, mapping=mapping)
    problems = info.value.problems
    assert len(problems) == 3 and all(p.file == "map.yaml" for p in problems)
    assert [p.key for p in problems] == [None, "answers.A7", "items.Q1"]
    assert str(info.value).startswith("map.yaml: 3 problems:\n")
    assert "did you mean 'firm'?" in str(problems[0]) and "did you mean 'exports_fairs'?" in str(problems[2])
    with pytest.raises(ConfigError, match=r"map\.yaml: 3 sorun"):  # the user's language
        analyse_needs_assessment("Samsun", survey_file=export, mapping_file=mapping, lang="tr", n_boot=100)


def test_a_questionnaire_with_three_mistakes_gets_three_messages(tmp_path):
    """A neutral code outside the scale (model), an item of an undefined block and a block's unknown
    function (rules between sections): all three at once, each with its key path."""
    text = load_questionnaire().source.read_text(encoding="utf-8")
    bad = (text.replace("block: rnd,", "block: research,", 1).replace("function: finance}", "function: money}", 1)
           .replace("neutral: 3", "neutral: 7", 1))  # fmt: skip
    path = tmp_path / "q.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_questionnaire(path)
    assert str(info.value).startswith("q.yaml: 3 problems:\n")
    assert [p.key for p in info.value.problems] == ["scale", "items.rnd_product.block", "blocks.finance.function"]
    assert "neutral code 7" in str(info.value.problems[0])
    assert "'research' is not a defined block" in str(info.value.problems[1])
