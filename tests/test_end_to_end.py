"""The main job for one province, end to end: the real step notebooks on the bundled sample, rendered to
HTML and opened in headless Chromium with the network off.

This is what a committee member receives: every chart must carry its data and draw without the
internet, with plotly.js from the report folder and nothing else fetched.
"""

from __future__ import annotations

import pytest
from _reportpage import chromium, external_references, open_page, plotly_figures

from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.report import discover_steps, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def samsun(tmp_path_factory):
    root = tmp_path_factory.mktemp("end_to_end")
    results = run(["Samsun"], lang="tr", out_dir=root / "reports", processed_dir=root / "processed", progress=False)
    assert [r.step for r in results] == [s.id for s in discover_steps(NOTEBOOKS_DIR)]
    failed = [(r.step, r.cell, r.error) for r in results if not r.ok]
    assert failed == []
    return results


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


def test_every_figure_carries_its_data_and_plotly_is_local(samsun):
    for result in samsun:
        html = result.output.read_text(encoding="utf-8")
        figures = plotly_figures(html)
        assert len(figures) >= 6, result.step
        for div_id, traces in figures.items():
            assert traces, f"{result.step}: figure {div_id} has no traces"
            assert any(
                len(trace.get(key) or []) > 0
                for trace in traces
                for key in ("x", "y", "z", "locations", "r")  # r: radar (scatterpolar)
            ) or any(
                len((trace.get("cells") or {}).get("values") or []) > 0 for trace in traces  # plotly tables
            ), f"{result.step}: figure {div_id} has no data"
        assert '<script src="assets/plotly.min.js"' in html
        assert (result.output.parent / "assets" / "plotly.min.js").is_file()
        assert external_references(html) == []


def test_report_reads_as_a_report(samsun):
    """Turkish page, findings on top, no code, no parameters, no widget left as dead text, and the
    synthetic sample labelled as such."""
    html = next(r for r in samsun if r.step == "sector_selection").output.read_text(encoding="utf-8")
    assert '<html lang="tr"' in html
    assert html.index("Temel bulgular") < html.index("plotly-graph-div")
    for leaked in ("analyse_sector_selection", "report.show", "n_simulations = ", "VBox(", "Traceback"):
        assert leaked not in html
    assert "Samsun" in html and "Diğer imalat" in html  # the province and its selected sector (NACE 32)
    assert "SENTETİK örnek veri" in html  # a committee must never take the sample for official figures


def test_charts_draw_offline_in_chromium_without_console_errors(samsun, browser):
    from selenium.webdriver.common.by import By

    for result in samsun:
        traces = plotly_figures(result.output.read_text(encoding="utf-8")).values()
        has_map = any(trace.get("type") == "choropleth" for figure in traces for trace in figure)
        log = open_page(browser, result.output, maps=None if has_map else 0)
        divs = browser.find_elements(By.CSS_SELECTOR, "div.plotly-graph-div")
        assert divs and all(div.find_elements(By.CSS_SELECTOR, "svg.main-svg") for div in divs)
        if has_map:
            provinces = 81 if result.step == "sector_selection" else 1  # needs: the province and its neighbours
            assert len(browser.find_elements(By.CSS_SELECTOR, "path.choroplethlocation")) >= provinces  # map drew
        assert [entry for entry in log if entry["level"] == "SEVERE"] == []


def test_run_writes_the_knowledge_base_and_national_pages(samsun):
    """Every run also writes step 4's pages into the language folder, linking the province's reports."""
    lang_dir = samsun[0].output.parent.parent
    for name in ("knowledge_base.html", "national.html", "info_spot_black_sea.html",
                 "info_spot_east_mediterranean.html"):
        assert (lang_dir / name).is_file(), name
    national = (lang_dir / "national.html").read_text(encoding="utf-8")
    for result in samsun:
        assert f'href="samsun/{result.output.name}"' in national
