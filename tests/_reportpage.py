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


def open_page(driver, path: Path, *, maps: int | None = None) -> list[dict]:
    """Load ``path``, wait until every chart (and ``maps`` choropleth areas, if given) drew; return the
    browser console log."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop entries of earlier pages
    driver.get(path.as_uri())
    divs = driver.find_elements(By.CSS_SELECTOR, "div.plotly-graph-div")

    def drawn(d) -> bool:
        charts = all(div.find_elements(By.CSS_SELECTOR, "svg.main-svg") for div in divs)
        areas = len(d.find_elements(By.CSS_SELECTOR, "path.choroplethlocation"))
        return charts and (areas > 0 if maps is None else areas == maps)

    WebDriverWait(driver, 30).until(drawn)
    return driver.get_log("browser")
