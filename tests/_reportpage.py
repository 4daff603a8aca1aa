"""Helpers shared by the report tests: reading a rendered page and driving headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2000",
)


def plotly_figures(html: str) -> dict[str, list]:
    """The data array drawn into each ``plotly-graph-div`` of a page, by div id."""
    figures = {}
    for div_id in re.findall(r'<div id="([^"]+)" class="plotly-graph-div"', html):
        call = re.search(r'Plotly\.newPlot\(\s*"' + re.escape(div_id) + r'",\s*', html)
        assert call, f"no Plotly.newPlot call fills div {div_id}"
        data, _ = json.JSONDecoder().raw_decode(html, call.end())
        figures[div_id] = data
    return figures


def external_references(html: str) -> list[str]:
    """Addresses of scripts, styles, images or frames a page would fetch from the network."""
    return re.findall(
        r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?((?:https?:)?//[^\"' >]+)", html
    )


def chromium() -> Iterator[object]:
    """A selenium driver for Debian's headless Chromium with the network switched off."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        pytest.fail(
            f"headless Chromium is needed for this test and {missing} is missing: install Debian's packages "
            "with 'apt-get install -y chromium chromium-driver' (the Makefile's test target does it)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, *, maps: int | None = None, any_maps: bool = False) -> list[dict]:
    """Load ``path``, wait until every chart (and ``maps`` choropleth areas, if given; with
    ``any_maps`` whatever areas there are) drew; return the browser console log."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop entries of earlier pages
    driver.get(path.as_uri())
    divs = driver.find_elements(By.CSS_SELECTOR, "div.plotly-graph-div")

    def drawn(d) -> bool:
        charts = all(div.find_elements(By.CSS_SELECTOR, "svg.main-svg") for div in divs)
        areas = len(d.find_elements(By.CSS_SELECTOR, "path.choroplethlocation"))
        if any_maps:
            return charts
        return charts and (areas > 0 if maps is None else areas == maps)

    WebDriverWait(driver, 30).until(drawn)
    return driver.get_log("browser")


#: Width of the printed text on A4 in CSS pixels: 210 mm − 2 × 14 mm margins (report.css @page).
A4_TEXT_PX = round((210 - 2 * 14) / 25.4 * 96)


def print_to_pdf(driver, path: Path) -> bytes:
    """Print a loaded report on A4 as Chromium does for the reader: the page's ``beforeprint``
    handler runs first (it redraws the charts at the printed width), then the PDF is made."""
    import base64
    import time

    driver.execute_script("window.dispatchEvent(new Event('beforeprint'));")
    time.sleep(0.5)
    pdf = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {"paperWidth": 210 / 25.4, "paperHeight": 297 / 25.4, "preferCSSPageSize": True, "printBackground": True},
    )
    driver.execute_script("window.dispatchEvent(new Event('afterprint'));")
    return base64.b64decode(pdf["data"])


def printed_overflow(driver) -> list[str]:
    """Charts and tables wider than the A4 text width when laid out for print (after ``beforeprint``)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_script("window.dispatchEvent(new Event('beforeprint'));")
    try:
        return driver.execute_script(
            """
            var limit = arguments[0], wide = [];
            document.body.style.width = limit + 'px';
            document.querySelectorAll('.plotly-graph-div .main-svg, table.cl-table').forEach(function (e) {
              var w = Math.max(e.getBoundingClientRect().width, e.scrollWidth || 0);
              if (w > limit + 1) {
                var host = e.closest('.plotly-graph-div') || e;
                wide.push((host.id || host.className) + ': ' + Math.round(w) + ' px');
              }
            });
            document.body.style.width = '';
            return wide;
            """,
            A4_TEXT_PX,
        )
    finally:
        driver.execute_script("window.dispatchEvent(new Event('afterprint'));")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def last_rows(driver) -> list[str]:
    """The longest cell text of the last row of every table on the page."""
    return driver.execute_script(
        """
        var out = [];
        document.querySelectorAll('table.cl-table').forEach(function (t) {
          var rows = t.querySelectorAll('tbody tr');
          if (!rows.length) { return; }
          var cells = Array.from(rows[rows.length - 1].querySelectorAll('td, th'))
            .map(function (c) { return c.innerText.trim(); });
          cells.sort(function (a, b) { return b.length - a.length; });
          out.push(cells[0] || '');
        });
        return out;
        """
    )


def page_fill(pdf: bytes) -> list[float]:
    """For each page of a PDF, the share of its height between its highest and lowest text.

    Chromium keeps the text of charts (ticks, labels) and tables as text, so a page holding only a
    heading, or one table row, has a small share; a page with a chart or a run of text a large one.
    """
    import io

    from pypdf import PdfReader

    shares = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        ys: list[float] = []

        def visit(text, cm, tm, font, size, ys=ys):
            if text.strip():
                ys.append(cm[1] * tm[4] + cm[3] * tm[5] + cm[5])

        page.extract_text(visitor_text=visit)
        height = float(page.mediabox.height)
        shares.append((max(ys) - min(ys)) / height if len(ys) > 1 else 0.0)
    return shares


def orphaned_marks(pdf: bytes, marks: list[str]) -> list[tuple[int, str]]:
    """Pages (1-based, all but the last) whose lowest line of text belongs to one of ``marks``.

    A mark (the synthetic-data badge, a table caption) at the foot of a page, with what it marks on
    the next page, is orphaned: the reader of the printed page sees a label with nothing under it.
    """
    import io

    from pypdf import PdfReader

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", text)

    wanted = [squash(m) for m in marks if squash(m)]
    pages = list(PdfReader(io.BytesIO(pdf)).pages)
    found = []
    for number, page in enumerate(pages[:-1], start=1):
        items: list[tuple[float, str]] = []

        def visit(text, cm, tm, font, size, items=items):
            if text.strip():
                items.append((round(cm[1] * tm[4] + cm[3] * tm[5] + cm[5], 1), text))

        page.extract_text(visitor_text=visit)
        if not items:
            continue
        lowest = min(y for y, _ in items)
        line = squash("".join(text for y, text in items if abs(y - lowest) < 2))
        hit = next((m for m in wanted if len(line) >= 6 and line in m), None)
        if hit is not None:
            found.append((number, hit))
    return found
