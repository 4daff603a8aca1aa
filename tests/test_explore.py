"""The exploration views without a browser: every province, saved files, monitoring's latest status."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest

from clusterlib import explore
from clusterlib.explore.monitoring import latest_status, monitoring_view
from clusterlib.explore.saving import MAP_ATTRIBUTION, save_view
from clusterlib.explore.views import Drawing
from clusterlib.monitoring import analyse_monitoring, monitoring_plan, rag_status

NON_PILOTS = ("Hakkari", "İstanbul")
EXPLORERS = {
    "survey": explore.survey_explorer,
    "compare": lambda p, **kw: explore.compare_provinces([p], **kw),
    "sector": lambda p, **kw: explore.sector_explorer(province_key=p, **kw),
    "weights": explore.weights_explorer,
    "diversification": explore.diversification_explorer,
    "network": explore.network_explorer,
    "monitoring": explore.monitoring_explorer,
}


# ------------------------------------------------------------------------------ latest status
def test_latest_status_is_the_last_year_with_an_actual_value_not_a_future_target_year():
    """Targets run to 2027, actual values to 2024: the latest status is 2024's, not 'grey' of 2027."""
    table = pd.DataFrame({
        "cluster": "c", "indicator": "x", "name_en": "X", "name_tr": "X", "unit": "n", "direction": "increase",
        "year": list(range(2019, 2028)), "baseline": 10.0,
        "target": [np.nan, 11, 12, 13, 14, 15, 16, 17, 18],
        "actual": [10.0, 11.5, 12.5, 12.0, 13.9, 15.2, np.nan, np.nan, np.nan],
    })
    plan = monitoring_plan(table, "c")
    path = plan.sort_values("year").reset_index(drop=True)
    scored = path.dropna(subset=["target"])
    status = rag_status(scored["baseline"], scored["target"], scored["actual"], amber=0.75).reindex(path.index)
    assert list(status.iloc[-3:]) == ["grey"] * 3  # the future years are grey ...
    assert latest_status(path, status) == "green"  # ... but 2024 (15.2 against 15) is the latest status
    red_2024 = path.assign(actual=path["actual"].where(path["year"] != 2024, 10.5))
    status = rag_status(scored["baseline"], scored["target"], red_2024.loc[scored.index, "actual"],
                        amber=0.75).reindex(path.index)
    assert latest_status(red_2024, status) == "red"


def test_latest_status_is_none_when_no_year_has_an_actual_value():
    path = pd.DataFrame({"year": [2025, 2026], "actual": [np.nan, np.nan]})
    assert latest_status(path, pd.Series(["grey", "grey"])) is None


@pytest.mark.parametrize("lang, lead", [("tr", "son durum: "), ("en", "latest status: ")])
def test_monitoring_finding_names_the_status_of_the_last_actual_year(lang, lead):
    result = analyse_monitoring("Gaziantep", lang=lang)
    plan = result.plan
    future = plan.groupby("indicator").filter(lambda g: g["actual"].isna().iloc[-1] and g["target"].notna().iloc[-1])
    assert not future.empty, "the sample should have indicators with targets beyond the data"
    indicator = future["indicator"].iloc[0]
    drawing = monitoring_view(result, indicator, 0.75, "all", "lq", lang=lang)
    path = plan[plan["indicator"] == indicator].sort_values("year")
    last = path[path["actual"].notna() & path["target"].notna()].iloc[-1]
    status = rag_status(last["baseline"], last["target"], last["actual"], direction=last["direction"])
    assert status != "grey"
    words = {"tr": {"green": "● yeşil", "amber": "▲ sarı", "red": "■ kırmızı"},
             "en": {"green": "● green", "amber": "▲ amber", "red": "■ red"}}[lang]
    assert lead + words[status] in drawing.finding
    assert "○" not in drawing.finding


# ------------------------------------------------------------------------------ every province
@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("place", NON_PILOTS)
@pytest.mark.parametrize("key", list(EXPLORERS))
def test_every_view_draws_for_a_non_pilot_province(key, place, lang):
    view = EXPLORERS[key](place, lang=lang)
    assert view.drawing.finding, f"{key}: no finding for {place}"
    if key in ("survey", "network"):  # no survey / firm interviews: a plain sentence, no figure
        assert view.drawing.figures == ()
        assert place in view.drawing.finding
        assert ("no " in view.drawing.finding) if lang == "en" else ("yok" in view.drawing.finding)
    else:
        assert view.drawing.figures, f"{key}: no figure for {place}"
        assert all(len(fig.data) for fig in view.drawing.figures)


def test_a_view_switches_from_a_non_pilot_to_a_pilot_province_and_back():
    view = explore.network_explorer("Hakkari", lang="en")
    assert view.controls["firm"].options == (("— none —", ""),)
    view.controls["plate"].value = 19
    assert len(view.controls["firm"].options) > 50 and view.drawing.figures
    assert view.figures[0].data[-1].meta == "nodes"
    view.controls["plate"].value = 30
    assert view.drawing.figures == () and view._boxes[0].layout.display == "none"


def test_non_pilot_sector_view_starts_on_its_most_specialised_sector():
    view = explore.sector_explorer(province_key="Hakkari", lang="tr")
    panel = explore.national_panel()
    cells = panel.cells[(panel.cells["plate"] == 30) & (panel.cells["year"] == panel.years[-1])]
    best = cells[cells["employment"] >= 100].sort_values("lq").iloc[-1]["nace"]
    assert view.controls["sector"].value == best


def test_survey_groups_use_the_report_labels_and_order_and_findings_skip_small_groups():
    view = explore.survey_explorer("Çorum", lang="tr")
    names = [trace.name.split(" (n=")[0] for trace in view.drawing.figures[0].data]
    assert names == ["Mikro (<10)", "Küçük (10–49)", "Orta (50–249)", "Büyük (250+)"]
    sizes = {trace.name.split(" (n=")[0]: int(trace.name.split("n=")[1].rstrip(")")) for trace in
             view.drawing.figures[0].data}
    small = [name for name, n in sizes.items() if n < explore.needs.MIN_GROUP_FIRMS]
    assert small, "the sample should have a size class with fewer than 10 firms"
    assert not any(name in view.drawing.finding for name in small)


def test_compare_keeps_the_pick_order_and_each_province_its_colour():
    view = explore.compare_provinces(["Çorum", "Samsun"], lang="en")
    colour = {trace.name: trace.marker.color for trace in view.figures[0].data}
    view.controls["plates"].value = (1, 19, 55)  # Adana added, listed first in the picker
    traces = view.figures[0].data
    assert [t.name for t in traces] == ["Çorum", "Samsun", "Adana"]
    assert {t.name: t.marker.color for t in traces if t.name in colour} == colour
    view.controls["plates"].value = ()
    assert view.drawing.finding == "Choose at least one province in the list to compare."


# ------------------------------------------------------------------------------ saved views
def test_saved_view_names_hold_the_labels_and_a_second_save_never_overwrites(tmp_path):
    view = explore.compare_provinces(["Çorum", "Samsun"], lang="tr")
    first = view.save(tmp_path)
    second = view.save(tmp_path)
    assert "corum" in first.xlsx.name and "samsun" in first.xlsx.name and "2024" in first.xlsx.name
    assert first.xlsx != second.xlsx and first.xlsx.exists() and second.xlsx.exists()
    view.controls["plates"].value = (19, 61)
    third = view.save(tmp_path)
    assert "trabzon" in third.xlsx.name
    assert {p.stat().st_mode & 0o777 for p in third.paths} == {0o644}


def test_saved_view_carries_about_sheet_full_data_and_turkish_csv(tmp_path):
    view = explore.sector_explorer("10", "Hakkari", lang="tr")
    saved = view.save(tmp_path)
    book = openpyxl.load_workbook(saved.xlsx)
    assert book.sheetnames == ["Görünüm", "81 il", "LQ il × sektör", "Hakkında"]
    about = {row[0]: row[1] for row in book["Hakkında"].iter_rows(min_row=2, values_only=True)}
    assert about["İl"] == "Hakkari" and about["Sektör"].startswith("10 –")
    assert "SENTETİK örnek veri" in about["Veri"] and "resmî istatistik değildir" in about["Veri"]
    assert about["Harita"] == MAP_ATTRIBUTION and len(about["Veri sürümü"]) == 12
    assert book["81 il"].max_row == 82 and book["LQ il × sektör"].max_row == 82
    assert book["Görünüm"]["C2"].number_format.endswith("%")  # the share is a percentage, stored as a number
    csv = pd.read_csv(saved.csv, sep=";", decimal=",", encoding="utf-8-sig")
    assert len(csv) == 81 and csv["LQ"].dtype == float
    page = saved.html.read_text(encoding="utf-8")
    assert "OpenStreetMap" in page and "SENTETİK" in page and "Hakkari" in page and "<script src=" not in page


def test_save_view_writes_formula_like_text_as_text(tmp_path):
    drawing = Drawing(pd.DataFrame({"Ad": ["=HYPERLINK(1)", "+90", "@x"], "Değer": [1.5, 2.0, np.nan]}))
    saved = save_view(drawing, [("İl", "Çorum")], "Deneme", tmp_path, data_dir=None, version="abc",
                      when=dt.datetime(2026, 12, 6, 18, 0))
    sheet = openpyxl.load_workbook(saved.xlsx)["Görünüm"]
    assert [sheet.cell(row=r, column=1).data_type for r in (2, 3, 4)] == ["s", "s", "s"]
    assert sheet["B4"].value is None  # missing stays missing, never 0
    assert saved.xlsx.name == "deneme-corum-20261206-180000.xlsx"


def test_english_csv_uses_comma_and_decimal_point(tmp_path):
    view = explore.monitoring_explorer("Samsun", lang="en")
    text = view.save(tmp_path).csv.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("Year,Target,Actual") and ";" not in header


# ------------------------------------------------------------------------------ redraw in place
def _shown(widget) -> tuple[list[dict], dict]:
    traces = [{k: v for k, v in trace.to_plotly_json().items() if k != "uid"} for trace in widget.data]
    return traces, widget.layout.to_plotly_json()


@pytest.mark.parametrize("key", ["sector", "compare", "monitoring"])
def test_a_redraw_that_sends_only_what_changed_leaves_the_figures_equal_to_the_drawing(key):
    """Redraws update the figure widgets property by property (only what differs from the last
    drawing is sent); after any sequence of changes each widget must show exactly the drawing's figure."""
    from clusterlib.explore.views import same_value

    view = EXPLORERS[key]("Çorum", lang="en")
    changes = {
        "sector": [("sector", "25"), ("year", 2020), ("plate", 55), ("sector", "10")],
        "compare": [("plates", (19, 55, 61, 27)), ("top", 5), ("plates", (19,))],
        "monitoring": [("amber", 0.6), ("peers", "all"), ("amber", 0.9)],
    }[key]
    for control, value in changes:
        before = len(view.timings)
        view.controls[control].value = value
        assert len(view.timings) == before + 1, f"{control} → {value} did not redraw"
        for widget, figure in zip(view.figures, view.drawing.figures, strict=False):
            traces, layout = _shown(widget)
            expected = [{k: v for k, v in trace.to_plotly_json().items() if k != "uid"} for trace in figure.data]
            assert same_value(traces, expected), f"{key}: traces differ after {control} → {value}"
            assert same_value(layout, figure.layout.to_plotly_json()), f"{key}: layout differs after {control}"


def test_sector_map_keeps_its_template_and_changes_only_band_geometry_on_a_year_change():
    view = explore.sector_explorer("10", "Çorum", lang="en")
    template = view.figures[0].layout.template
    view.controls["year"].value = view.controls["year"].options[0]
    assert view.figures[0].layout.template is template  # not re-sent (nor re-validated) on a redraw
    assert view.figures[0].layout.template.layout.plot_bgcolor == "white"  # the house style (charts.style)
