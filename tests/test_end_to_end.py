"""The main job for one province, end to end: the real step notebooks on the bundled sample, rendered to
HTML and opened in headless Chromium with the network off.

This is what a committee member receives: every chart must carry its data and draw without the
internet, with plotly.js from the report folder and nothing else fetched.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from _reportpage import chromium, external_references, open_page, plotly_figures

from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.run import discover_steps, run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def samsun(tmp_path_factory):
    root = tmp_path_factory.mktemp("end_to_end")
    results = run(
        ["Samsun"], lang="tr", out_dir=root / "reports", processed_dir=root / "processed", progress=False
    )
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
        assert len(figures) >= (5 if result.step == "monitoring_benchmarking" else 6), result.step  # grid: a table
        for div_id, traces in figures.items():
            assert traces, f"{result.step}: figure {div_id} has no traces"
            assert any(
                len(trace.get(key) or []) > 0
                for trace in traces
                for key in ("x", "y", "z", "locations", "r")  # r: radar (scatterpolar)
            ) or any(
                len((trace.get("cells") or {}).get("values") or []) > 0 for trace in traces  # plotly tables
            ) or any(
                len((trace.get("link") or {}).get("value") or []) > 0 for trace in traces  # a Sankey's links
            ), f"{result.step}: figure {div_id} has no data"
        assert "<script src=" not in html and len(html) > 1_000_000  # plotly.js inline: the page travels alone
        assert external_references(html) == []


def test_report_reads_as_a_report(samsun):
    """Turkish page, findings on top, no code, no parameters, no widget left as dead text, and the
    synthetic sample labelled as such."""
    html = next(r for r in samsun if r.step == "sector_selection").output.read_text(encoding="utf-8")
    assert '<html lang="tr"' in html
    assert html.index("Temel bulgular") < html.index('class="plotly-graph-div"')
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
    assert 'href="provinces/samsun.html"' in national and 'href="provinces/tokat.html"' in national
    province = (lang_dir / "provinces" / "samsun.html").read_text(encoding="utf-8")
    for result in samsun:  # index → national → province page → the step reports
        assert f'href="../samsun/{result.output.name}"' in province


def test_report_tables_come_as_one_workbook_beside_the_html(samsun):
    """Every table of the report is a sheet of ``<report>.xlsx`` (headers in the report's language, numbers
    stored as numbers), and the page links to it."""
    import openpyxl

    report = next(r for r in samsun if r.step == "sector_selection").output
    workbook_path = report.with_suffix(".xlsx")
    html = report.read_text(encoding="utf-8")
    assert f'href="{workbook_path.name}"' in html
    book = openpyxl.load_workbook(workbook_path)
    assert book.sheetnames == ["Hakkında", "Ölçütler", "Sıralama", "Göstergeler", "Fırsatlar", "Çeşitlenme duyarlılığı"]
    opportunities = book["Fırsatlar"]
    assert opportunities.cell(row=1, column=1).value.startswith("Puan:")  # the caption above the header
    assert [c.value for c in opportunities[2]][:3] == ["Sıra", "Sektör", "NACE"]
    assert opportunities.cell(row=3, column=1).value == 1
    ranking = book["Sıralama"]
    header = [c.value for c in ranking[1]]
    assert header[:4] == ["Sıra", "Sektör", "NACE", "TOPSIS puanı (0–1)"]
    first = [c.value for c in ranking[2]]
    assert first[0] == 1 and first[2] == "32" and isinstance(first[3], float) and 0 < first[3] < 1
    assert ranking.cell(row=2, column=4).number_format == "#,##0.000"
    indicators = book["Göstergeler"]
    values = [c.value for row in indicators.iter_rows(min_row=3, min_col=2) for c in row]
    assert sum(isinstance(v, (int, float)) for v in values) > 0.9 * len(values)


def test_report_prints_on_a4_without_cut_figures(samsun):
    """Headless Chromium prints the report to PDF: A4 pages, the text is there, no plotly modebar."""
    from pypdf import PdfReader

    report = next(r for r in samsun if r.step == "sector_selection").output
    with tempfile.TemporaryDirectory(prefix="print-") as folder:
        pdf = Path(folder) / "report.pdf"
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                f"--user-data-dir={folder}/profile",
                "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=15000",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                report.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        reader = PdfReader(pdf)
        pages = reader.pages
        assert len(pages) >= 4
        for page in pages:  # A4 is 595.3 × 841.9 points
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)
        text = " ".join(page.extract_text() or "" for page in pages)
    flat = " ".join(text.split())
    assert "Temel bulgular" in flat and "Samsun" in flat
    assert "Sonuç sıralaması" in flat
    assert "sector_selection.xlsx" not in flat  # a relative link means nothing on paper (committee review)
    assert "Produced with Plotly" not in flat and "Download plot as a png" not in flat


def test_print_layout_fits_every_table_and_figure_in_the_a4_width(samsun, browser):
    """With print styles, at the A4 text width (210 mm − 2 × 14 mm margins = 688 CSS px), no table or
    figure is wider than the page (nothing is cut at the right edge: charts are redrawn at that width
    before printing) and the modebar is hidden."""
    from selenium.webdriver.common.by import By

    report = next(r for r in samsun if r.step == "sector_selection").output
    open_page(browser, report)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 688, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        browser.execute_script("window.dispatchEvent(new Event('beforeprint'));")  # what Chromium does first
        page_width = browser.execute_script("return document.body.clientWidth")
        assert page_width <= 688
        script = (
            "return Array.from(document.querySelectorAll('table.cl-table, .cl-figure'))"
            ".map(e => [e.className, e.scrollWidth, e.getBoundingClientRect().right]);"
        )

        def too_wide() -> list:
            return [
                w for w in browser.execute_script(script) if w[1] > page_width + 1 or w[2] > page_width + 1
            ]

        deadline = time.monotonic() + 10  # Plotly.relayout redraws asynchronously
        while too_wide() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(browser.execute_script(script)) >= 8
        assert too_wide() == []
        modebars = browser.find_elements(By.CSS_SELECTOR, ".modebar")
        assert modebars and not any(m.is_displayed() for m in modebars)
    finally:
        browser.execute_script("window.dispatchEvent(new Event('afterprint'));")
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
