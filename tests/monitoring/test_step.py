"""The monitoring and benchmarking step on the step template: a frozen, language-free result and a view
per language that builds every table and chart (notebook 04 shows it)."""

from __future__ import annotations

import dataclasses
import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from clusterlib import regions
from clusterlib.charts import PALETTE
from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.monitoring import (
    THRESHOLDS,
    MonitoringBenchmarking,
    MonitoringFindings,
    MonitoringReport,
    analyse_monitoring,
    analyse_monitoring_benchmarking,
)
from clusterlib.monitoring.rag import status_colour
from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table
from tests.monitoring._monitoring_helpers import rendered

NOTEBOOK = NOTEBOOKS_DIR / "04_monitoring_benchmarking.ipynb"


@pytest.fixture(scope="module")
def samsun() -> MonitoringBenchmarking:
    return analyse_monitoring_benchmarking("Samsun")


def test_result_is_frozen_language_free_with_typed_findings(samsun):
    assert analyse_monitoring is analyse_monitoring_benchmarking  # the former name still works
    names = {f.name for f in dataclasses.fields(samsun)}
    assert "lang" not in names and not any(n.endswith("_tr") or n.endswith("_en") for n in names)
    with pytest.raises(dataclasses.FrozenInstanceError):
        samsun.year = 2000  # type: ignore[misc]
    for field in dataclasses.fields(MonitoringFindings):
        finding = getattr(samsun.findings, field.name)
        assert not isinstance(finding, str), field.name  # numbers, not a sentence
        assert dataclasses.is_dataclass(finding) and dataclasses.fields(finding), field.name
        tr, en = finding.text("tr"), finding.text("en")
        assert len(tr) > 40 and len(en) > 40 and tr != en, field.name


def test_the_result_is_the_same_whatever_language_the_errors_are_in(samsun):
    en = analyse_monitoring_benchmarking("samsun", lang="en")
    pd.testing.assert_frame_equal(samsun.plan, en.plan)
    pd.testing.assert_frame_equal(samsun.scorecard, en.scorecard)
    pd.testing.assert_frame_equal(samsun.gaps, en.gaps)
    assert samsun.findings == en.findings and samsun.summary() == en.summary()


def test_summary_is_the_digest_notebook_04_checks(samsun):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    checked = [c for c in nb["cells"] if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in "".join(c["source"])]
    assert len(checked) == 1 and "print(mon.summary())" in "".join(checked[0]["source"])
    assert "".join(checked[0]["outputs"][0]["text"]).strip() == samsun.summary()
    assert samsun.summary().startswith("Samsun samsun_medical divisions=32 green=4 amber=1 red=4 grey=0")


@pytest.mark.parametrize("province", ["Samsun", "Hakkari", "İstanbul"])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_present_builds_every_table_and_chart(province, lang):
    """A pilot, and two provinces without a monitoring plan (Hakkari, 30; İstanbul, 34): every table and
    chart of notebook 04 is built, with a kind for every column, in both languages."""
    result = analyse_monitoring_benchmarking(province)
    view = result.present(lang)
    assert isinstance(view, MonitoringReport) and view.lang == lang
    for field in dataclasses.fields(view.headings):
        assert getattr(view.headings, field.name).strip(), field.name
    for field in dataclasses.fields(view.findings):
        assert getattr(view.findings, field.name).strip(), field.name
    tables = rendered(view)
    charts = view.charts()
    assert set(charts) == {"trajectories", "scorecard", "economy", "gaps", "management"}
    figures = [f for f in charts.values() if not isinstance(f, Omitted)]  # nothing drawn where the finding says why
    assert all(isinstance(f, go.Figure) and len(f.data) > 0 for f in figures)
    assert all(f.layout.title.text for f in figures)  # every chart has a title
    assert len(figures) == (5 if result.cluster.id else 2)
    assert {"scorecard", "values", "peers", "economy"} <= set(tables)
    if result.cluster.id is None:
        assert result.indicators.empty and result.management is None
        assert isinstance(view.monitoring_table("count"), Notice) and isinstance(view.status_grid(), Omitted)
        assert isinstance(view.management_table(), Omitted) and isinstance(view.thresholds, Omitted)
        assert "monitoring" in view.findings.plan.lower() or "izleme" in view.findings.plan.lower()
    else:
        assert {"grid", "monitoring_count", "monitoring_percent", "monitoring_money", "management"} <= set(tables)


def test_each_row_has_its_units_format_and_numbers_stay_numbers(samsun):
    """Committee review, Turkish correction 55: "1.936,00 kişi" → "1.936"; "33,00" → "33"; a share in
    per cent as "%28,9"; money with one decimal; the XLSX gets the numbers, not text."""
    tr = rendered(samsun.present("tr"))
    counts_html, counts = tr["monitoring_count"]
    assert "<td class=\"num\">1.936</td>" in counts_html and ",00<" not in counts_html
    assert counts["formats"][2:4] == ["number:0", "number:0"]
    percent_html, percent = tr["monitoring_percent"]
    assert re.search(r'<td class="num">%\d+,\d</td>', percent_html)
    assert percent["formats"][2] == "percent:1" and all(isinstance(r[3], float) and r[3] < 1 for r in percent["rows"])
    money_html, money = tr["monitoring_money"]
    assert money["formats"][2] == "number:1" and re.search(r'<td class="num">\d+,\d</td>', money_html)
    for name, (_, data) in tr.items():
        for row in data["rows"]:
            for value, fmt in zip(row, data["formats"], strict=True):
                if fmt.startswith(("number", "percent")):
                    assert value is None or isinstance(value, (int, float)), (name, value)


def test_turkish_and_english_tables_hold_the_same_numbers(samsun):
    tr, en = rendered(samsun.present("tr")), rendered(samsun.present("en"))
    assert tr.keys() == en.keys()
    for name in tr:
        numeric = [i for i, f in enumerate(tr[name][1]["formats"]) if f.startswith(("number", "percent"))]
        assert [[r[i] for i in numeric] for r in tr[name][1]["rows"]] == [
            [r[i] for i in numeric] for r in en[name][1]["rows"]
        ], name


def test_country_codes_and_areas_read_as_words(samsun):
    """Committee review, corrections 56–57: "EU, IE" → "AB, İrlanda"; area names start with a capital."""
    view = samsun.present("tr")
    countries = set().union(*(set(t.frame["country"]) for t in (view.gaps_table(g) for g in ("count", "percent",
                                                                                            "money"))
                            if isinstance(t, Table)))
    assert "İrlanda" in countries and not {"IE", "EU"} & countries
    areas = view.management_table().frame["area"]
    assert areas.str[0].str.isupper().all() and "Kümenin yapısı" in set(areas)


def test_charts_use_the_palette_and_the_languages_percent_format(samsun):
    allowed = {c.lower() for c in PALETTE.values()} | {status_colour(s).lower() for s in
                                                       ("green", "amber", "red", "grey")} | {"black"}
    view = samsun.present("tr")
    for name, fig in view.charts().items():
        text = fig.to_json()
        assert not re.search(r"%\{[^}]*:[^}]*%\}", text), name  # no d3 percent formats
        traces = json.dumps(fig.to_dict()["data"])  # the template's own greys aside
        colours = set(re.findall(r'"color":\s*"(#[0-9A-Fa-f]{6}|[a-z]+)"', traces))
        assert {c.lower() for c in colours} <= allowed, (name, colours - allowed)
    economy = view.economy_chart()
    assert all(s.startswith(("%", "−%")) for s in economy.data[0].text)  # "%5,1", never "5,1%"
    assert economy.layout.annotations[-1].text.startswith("Kaynak: TÜİK")
    assert all(t.startswith(("%", "−%", "0")) for t in economy.layout.xaxis.ticktext)


def test_thresholds_come_from_one_place_and_the_text_prints_them():
    assert (THRESHOLDS.amber, THRESHOLDS.window, THRESHOLDS.gold) == (0.75, 3, 0.8)
    strict = analyse_monitoring_benchmarking("Çorum", amber=0.9)
    default = analyse_monitoring_benchmarking("Çorum")
    assert default.amber == THRESHOLDS.amber and strict.amber == 0.9
    assert "%90" in strict.present("tr").thresholds and "%75'in altı kırmızı" in default.present("tr").thresholds
    assert "at least 90% of the way" in strict.present("en").findings.plan or strict.findings.plan.amber == 0


def test_the_synthetic_sample_is_said_so(samsun, tmp_path):
    assert "SENTETİK" in samsun.present("tr").data_note.text
    assert "SYNTHETIC" in samsun.present("en").data_note.text


def test_notebook_04_builds_no_i18n_keys_and_marks_no_columns():
    source = "".join("".join(c["source"]) for c in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
                     if c["cell_type"] == "code")
    for forbidden in ("i18n", "percent_cols", "t(\"monitoring", "economy_percent_columns", "charts.", "lang=lang)\n"
                      "report.table(mon"):
        assert forbidden not in source, forbidden
    assert "view = mon.present(lang)" in source


def test_every_pilot_runs_and_saves(tmp_path):
    for province in regions.pilots():
        result = analyse_monitoring_benchmarking(province)
        assert result.cluster.id is not None and not result.indicators.empty
        assert result.management is not None and result.management_label in ("gold", "silver", "bronze")
        grid = result.present("en").status_grid()
        assert len(grid.frame) == result.indicators["indicator"].nunique()  # a printable table, a row each
        assert grid.frame.iloc[:, 1:].stack().str.match(r"^[●▲■○]?( ?[%\d.,−]+)?$").all()
    saved = result.save(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in saved] == [
        f"monitoring_benchmarking/{province.plate:02d}_{province.slug}_{name}.csv"
        for name in ("plan", "scorecard", "peers")
    ]
    assert all(p.is_file() and p.stat().st_mode & 0o777 == 0o644 for p in saved)


def test_unknown_cluster_province_and_table_group():
    with pytest.raises(Exception, match="nope"):
        analyse_monitoring_benchmarking("Samsun", cluster="nope")
    with pytest.raises(regions.UnknownProvinceError):
        analyse_monitoring_benchmarking("Atlantis")
    with pytest.raises(ValueError, match="'group' must be one of"):
        analyse_monitoring_benchmarking("Samsun").present("en").monitoring_table("tonnes")


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_reports_glossary_explains_every_abbreviation_of_the_findings(samsun, lang):
    """Issue 19, item 6: ESCA, A10, İBBS/NUTS-2, SES, LQ … have an entry in the report's "Terimler" box
    (:func:`clusterlib.report.glossary.glossary_for`, which every report gets at its end)."""
    from clusterlib.report.glossary import glossary_for

    view = samsun.present(lang)
    text = " ".join(getattr(view.findings, f.name) for f in dataclasses.fields(view.findings))
    used = set(re.findall(r"\b[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ0-9]+\b", text))
    assert "A10" in used and "ESCA" in used
    names = {"TÜİK", "ABD", "US", "KOSGEB", "AB", "EU", "USD"}  # organisations and currencies, not terms
    assert used - names, "the findings should use some technical abbreviations"
    explained = " ".join(f"{e['name']} {e.get('text', '')}" for e in glossary_for(text, lang))
    missing = {a for a in used - names if not re.fullmatch(r"TR\d+", a) and a not in explained}
    assert missing == set()


def test_the_result_cache_is_language_free(tmp_path, monkeypatch):
    """One analysis serves the Turkish and the English report: computed once, loaded for the other."""
    from clusterlib import resultcache

    monkeypatch.setenv(resultcache.CACHE_ENV, str(tmp_path / "results"))
    monkeypatch.setenv(resultcache.LOG_ENV, str(tmp_path / "computed.log"))
    turkish = analyse_monitoring_benchmarking("Çorum", lang="tr")
    english = analyse_monitoring_benchmarking("corum", lang="en")  # any spelling
    computed = (tmp_path / "computed.log").read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in computed] == ["monitoring"]
    assert english is not turkish and english.summary() == turkish.summary()
    assert english.findings == turkish.findings
    assert turkish.present("tr").headings.title != english.present("en").headings.title


def test_a_province_without_a_cluster_says_what_it_lacks_and_what_it_shows():
    """Every province: Hakkari has no cluster and no monitoring plan; the report says so in a plain
    sentence and names the sector (NACE division) it benchmarks instead."""
    result = analyse_monitoring_benchmarking("Hakkari")
    division = result.divisions[0]
    tr, en = result.present("tr").findings, result.present("en").findings
    assert tr.plan.startswith("Hakkari'de tanımlı bir küme yok") and f"NACE {division}" in tr.plan
    assert en.plan.startswith("No cluster is defined in Hakkari") and "monitoring plan" in en.plan
    assert "izleme planı" in tr.next_steps.lower() and "monitoring plan" in en.next_steps
    assert tr.trajectory != tr.plan  # said once, not repeated section after section


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"amber": 1.2}, "'amber' must be in"),
        ({"silver": 0.9, "gold": 0.8}, "'silver' and 'gold' must satisfy"),
        ({"weak_percentile": 80.0}, "'weak_percentile' must be below"),
        ({"economy_start": 2023, "economy_end": 2004}, "'economy_end' must be after"),
    ],
)
def test_thresholds_refuse_inconsistent_settings(settings, message):
    from clusterlib.monitoring import Thresholds

    with pytest.raises(ValueError, match=message):
        Thresholds(**settings)
