"""Issue 24, fourth round: faster first analyses and coalesced redraws, with the same numbers."""

from __future__ import annotations

import asyncio
import shutil

import numpy as np
import pandas as pd
import pytest

from clusterlib import explore, official
from clusterlib.charts import PALETTE
from clusterlib.config import SAMPLE_DIR
from clusterlib.explore import needs as explore_needs
from clusterlib.explore.coalesce import Coalescer, from_browser
from clusterlib.monitoring.economy import A10_SECTORS, gva_growth
from clusterlib.needs import analyse_needs_assessment
from clusterlib.needs.clustersurvey import cluster_survey


# ------------------------------------------------------------------------------ survey view inputs
@pytest.mark.parametrize("place", ["Samsun", "Çorum", "Trabzon", "Hakkari"])
def test_the_survey_view_reads_the_same_answers_firms_and_wave_as_the_needs_assessment(place):
    light = cluster_survey(place, lang="en")
    full = analyse_needs_assessment(place, lang="en", n_boot=100)
    assert (light.cluster, light.wave, light.province) == (full.cluster, full.wave, full.province)
    pd.testing.assert_frame_equal(light.survey, full.survey, check_exact=True)
    pd.testing.assert_frame_equal(light.firms, full.firms, check_exact=True)
    for by in explore.needs.BREAKDOWNS:
        fast, slow = (explore_needs.survey_breakdown(a, by, "all", lang="en") for a in (light, full))
        assert fast.finding == slow.finding
        pd.testing.assert_frame_equal(fast.table, slow.table, check_exact=True)


def test_the_survey_view_reads_an_edited_data_folder_again(tmp_path):
    """The view's cache is keyed by the data folder's version: edited answers are never served stale."""
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, folder)
    first = explore_needs._survey(55, "en", str(folder))
    assert explore_needs._survey(55, "en", str(folder)) is first  # unchanged data: the cached answers
    survey = pd.read_csv(folder / "survey.csv", dtype=str, keep_default_na=False)
    samsun = set(first.survey["firm_id"])
    survey[~survey["firm_id"].isin(sorted(samsun)[:5])].to_csv(folder / "survey.csv", index=False)
    again = explore_needs._survey(55, "en", str(folder))
    assert again is not first
    assert set(again.survey["firm_id"]) == samsun - set(sorted(samsun)[:5])


def test_survey_dots_use_the_house_palette_and_a_shape_per_group():
    view = explore.survey_explorer("Samsun", lang="en")
    traces = view.drawing.figures[0].data
    colours = [trace.marker.color for trace in traces]
    symbols = [trace.marker.symbol for trace in traces]
    assert len(traces) == 4 and set(colours) <= set(PALETTE.values())
    assert len(set(colours)) == len(set(symbols)) == 4  # colour is never the only signal
    assert [trace.error_x.color for trace in traces] == colours
    assert view.drawing.figures[0].layout.template.layout.plot_bgcolor == "white"  # the house template


# ------------------------------------------------------------------------------ monitoring
def _gva_growth_by_scans(volume: pd.DataFrame, plate: int, start: int, end: int) -> pd.DataFrame:
    """The former gva_growth: one scan of the table per sector and region (the reference)."""
    rows = []
    for sector in (*A10_SECTORS, "total_gva"):
        values = {}
        for name, key in (("province", plate), ("turkiye", None)):
            frame = volume[volume["nuts3"] == "TR"] if key is None else volume[volume["plate"] == key]
            frame = frame[frame["sector"] == sector].set_index("year")["volume_thousand_try"]
            if frame.empty:
                continue
            first, last = frame.get(start, np.nan), frame.get(end, np.nan)
            values[f"{name}_start"], values[f"{name}_end"] = float(first), float(last)
            values[f"{name}_cagr"] = (last / first) ** (1.0 / (end - start)) - 1.0 if first > 0 else np.nan
        if values:
            rows.append({"sector": sector, **values})
    out = pd.DataFrame(rows)
    out["difference"] = (out["province_cagr"] - out["turkiye_cagr"]) * 100.0
    return out[["sector", "province_start", "province_end", "province_cagr", "turkiye_cagr", "difference"]]


def test_gva_growth_split_once_by_sector_equals_the_scan_per_sector_for_every_province():
    volume = official.gva_a10_volume()
    for plate in range(1, 82):
        pd.testing.assert_frame_equal(
            gva_growth(volume, plate, start=2004, end=2023), _gva_growth_by_scans(volume, plate, 2004, 2023),
            check_exact=True,
        )
    partial = volume[~((volume["plate"] == 6) & (volume["sector"] == "J_ict"))]  # a sector missing for one
    pd.testing.assert_frame_equal(gva_growth(partial, 6), _gva_growth_by_scans(partial, 6, 2004, 2023),
                                  check_exact=True)


@pytest.mark.parametrize("place", ["Gaziantep", "Samsun", "Çorum", "Hakkari"])
def test_the_monitoring_view_draws_the_same_from_its_part_of_the_analysis(place):
    from clusterlib.explore.monitoring import monitoring_view
    from clusterlib.monitoring import analyse_monitoring
    from clusterlib.monitoring.base import monitoring_base

    light, full = monitoring_base(place), analyse_monitoring(place)
    assert (light.province, light.cluster, light.year, light.amber) == (full.province, full.cluster, full.year,
                                                                        full.amber)
    for name in ("plan", "sector_table", "peers"):
        pd.testing.assert_frame_equal(getattr(light, name), getattr(full, name), check_exact=True)
    indicator = None if full.plan.empty else full.plan["indicator"].iloc[0]
    for lang in ("tr", "en"):
        fast, slow = (monitoring_view(r, indicator, 0.6, "same_nuts2", "lq", lang=lang) for r in (light, full))
        assert fast.finding == slow.finding
        pd.testing.assert_frame_equal(fast.table, slow.table, check_exact=True)


def test_the_monitoring_view_reads_an_edited_data_folder_again(tmp_path):
    from clusterlib.explore import monitoring as explore_monitoring

    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, folder)
    first = explore_monitoring._monitoring(27, str(folder))
    assert explore_monitoring._monitoring(27, str(folder)) is first
    table = pd.read_csv(folder / "monitoring.csv", dtype=str, keep_default_na=False)
    indicator = first.plan["indicator"].iloc[0]
    table[table["indicator"] != indicator].to_csv(folder / "monitoring.csv", index=False)
    again = explore_monitoring._monitoring(27, str(folder))
    assert again is not first and indicator not in set(again.plan["indicator"])


# ------------------------------------------------------------------------------ coalesced redraws
def _from_browser(control, value) -> None:
    """Set a control's value as a message from the browser does (ipywidgets' ``set_state``)."""
    control.set_state({"value": value})


def test_a_change_made_from_python_redraws_at_once_even_inside_an_event_loop():
    view = explore.monitoring_explorer("Samsun", lang="en")

    async def in_a_cell():
        before = len(view.timings)
        view.controls["amber"].value = 0.5
        return len(view.timings) - before, view.drawing.finding

    redraws, finding = asyncio.run(in_a_cell())
    assert redraws == 1 and finding.startswith("With the amber threshold at 0.50")


def test_key_presses_already_waiting_give_one_redraw_of_the_last_value():
    view = explore.monitoring_explorer("Samsun", lang="en")
    slider = view.controls["amber"]
    expected = explore.monitoring_explorer("Samsun", lang="en")
    expected.controls["amber"].value = 0.6

    async def three_presses():
        before = len(view.timings)
        for value in (0.7, 0.65, 0.6):  # three messages handled before the loop's next turn
            _from_browser(slider, value)
        waiting = len(view.timings) - before
        for _ in range(2):  # a turn without a new message, then the redraw
            await asyncio.sleep(0)
        return waiting, len(view.timings) - before

    assert asyncio.run(three_presses()) == (0, 1)
    assert view.drawing.finding == expected.drawing.finding
    pd.testing.assert_frame_equal(view.drawing.table, expected.drawing.table)
    def shown(figure):
        return [{k: v for k, v in trace.to_plotly_json().items() if k != "uid"} for trace in figure.data]

    assert repr([shown(f) for f in view.figures]) == repr([shown(f) for f in expected.figures])


def test_a_browser_change_outside_an_event_loop_redraws_at_once():
    view = explore.monitoring_explorer("Samsun", lang="en")
    before = len(view.timings)
    _from_browser(view.controls["amber"], 0.5)
    assert len(view.timings) == before + 1


def test_a_change_from_python_drops_a_waiting_redraw():
    calls: list[int] = []
    once = Coalescer(lambda: calls.append(1))

    async def run():
        once.request(deferred=True)
        once.request(deferred=False)  # at once: the waiting call would only repeat it
        assert not once.pending
        for _ in range(3):
            await asyncio.sleep(0)

    asyncio.run(run())
    assert calls == [1]


def test_from_browser_tells_a_front_end_change_from_a_python_one():
    import ipywidgets as widgets

    slider = widgets.FloatSlider()
    seen: list[bool] = []
    slider.observe(lambda change: seen.append(from_browser(change)), names="value")
    slider.value = 0.5
    slider.set_state({"value": 0.25})
    slider.value = 0.75
    assert seen == [False, True, False]


def _on_another_thread(action) -> None:
    """Run ``action`` in a thread with its own running event loop, as a kernel subshell handles a message."""
    import threading

    async def handle():
        action()

    thread = threading.Thread(target=lambda: asyncio.run(handle()))
    thread.start()
    thread.join()


def test_changes_handled_on_a_subshell_thread_are_drawn_on_the_views_own_thread():
    """JupyterLab may deliver a widget message on a kernel subshell thread: the view still draws on its thread."""
    import threading

    async def session():
        view = explore.monitoring_explorer("Samsun", lang="en")  # built in a cell: the main loop is home
        drawn_on: list[threading.Thread] = []
        redraw = view.redraw

        def recording():
            drawn_on.append(threading.current_thread())
            return redraw()

        view.redraw = recording
        _on_another_thread(lambda: _from_browser(view.controls["amber"], 0.7))
        view._busy = True  # the second press arrives while the view is drawing: it must not be lost
        _on_another_thread(lambda: _from_browser(view.controls["amber"], 0.6))
        view._busy = False
        for _ in range(4):
            await asyncio.sleep(0)
        return view, drawn_on

    view, drawn_on = asyncio.run(session())
    assert drawn_on == [threading.main_thread()]  # one redraw, on the view's thread, of the last value
    assert view.drawing.finding.startswith("With the amber threshold at 0.60")


def test_selection_slider_presses_from_the_browser_give_one_redraw_of_the_last_year():
    """A selection slider (the sector view's year) sends its index; the value follows in Python."""
    view = explore.sector_explorer(province_key="Çorum", lang="en")
    years = view.controls["year"]
    last = len(years.options) - 1
    expected = explore.sector_explorer(province_key="Çorum", lang="en")
    expected.controls["year"].index = last - 2

    async def two_presses():
        before = len(view.timings)
        for index in (last - 1, last - 2):
            years.set_state({"index": index})
        waiting = len(view.timings) - before
        for _ in range(3):
            await asyncio.sleep(0)
        return waiting, len(view.timings) - before

    assert asyncio.run(two_presses()) == (0, 1)
    assert view.drawing.finding == expected.drawing.finding
    pd.testing.assert_frame_equal(view.drawing.table, expected.drawing.table)
