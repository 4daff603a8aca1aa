"""The exploration notebook as key experts use it: in JupyterLab, in a browser.

A real JupyterLab server starts on 127.0.0.1 (random port, token, temporary settings and runtime
folders); headless Chromium opens ``notebooks/explore/workbench.ipynb`` (a copy, so the stored
notebook stays clean), runs all cells from the Run menu, and the test checks that the widgets and
plotly figures drew, that changing a control redraws the view, that the browser console has no
errors and that the page fetched nothing beyond the local server.  The server and its kernels are
stopped at the end and no kernel process may remain.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from clusterlib.config import NOTEBOOKS_DIR, PROCESSED_DIR
from tests._lab import jupyterlab
from tests._reportpage import CHROMEDRIVER, CHROMIUM

pytestmark = pytest.mark.slow

NOTEBOOK = NOTEBOOKS_DIR / "explore" / "workbench.ipynb"
SCREENSHOT = PROCESSED_DIR / "screenshots" / "explore-workbench.png"


@pytest.fixture
def driver():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        pytest.fail(f"headless Chromium is needed and {missing} is missing: 'apt-get install chromium chromium-driver'")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1400,1800",
                 "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _requested_urls(driver) -> set[str]:
    urls = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.add(message["params"]["request"]["url"])
    return urls


def _run_all_cells(driver) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell"))
    wait.until(lambda d: "Idle" in d.find_element(By.CSS_SELECTOR, ".jp-StatusBar-Widget, body").text
               or "Idle" in d.find_element(By.TAG_NAME, "body").text)
    driver.find_element(By.XPATH, "//div[contains(@class,'lm-MenuBar-itemLabel') and text()='Run']").click()
    item = wait.until(lambda d: d.find_elements(By.XPATH, "//li[contains(@class,'lm-Menu-item')]"
                                                          "//div[text()='Run All Cells']"))
    item[0].click()


def _text(driver, selector: str) -> str | None:
    """The visible text of the first element matching ``selector`` now, or None while there is none."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
                                 selector)


def _count(driver, selector: str) -> int:
    """How many elements match ``selector`` now."""
    return driver.execute_script("return document.querySelectorAll(arguments[0]).length;", selector)


def _inner_html(driver, selector: str) -> str | None:
    """The markup inside the first element matching ``selector`` now, or None while there is none."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e ? e.innerHTML : null;",
                                 selector)


def test_workbench_notebook_runs_and_responds_in_jupyterlab(driver, tmp_path: Path):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    shutil.copy(NOTEBOOK, tmp_path / NOTEBOOK.name)
    with jupyterlab(tmp_path) as lab:
        driver.get(lab.url(f"lab/tree/{NOTEBOOK.name}"))
        _run_all_cells(driver)
        wait = WebDriverWait(driver, 240, ignored_exceptions=(StaleElementReferenceException,))
        views = ("survey", "compare", "sector", "network", "monitoring")
        css = {key: f".cl-view-{key}" for key in views}
        wait.until(lambda d: all(d.find_elements(By.CSS_SELECTOR, f"{c} .cl-table") for c in css.values()))
        for key, selector in css.items():  # every figure of every view drew its plot
            assert _count(driver, f"{selector} .js-plotly-plot"), f"the {key} view drew no figure"
            wait.until(lambda _d, s=selector: _count(driver, f"{s} .js-plotly-plot")
                       == _count(driver, f"{s} .js-plotly-plot svg.main-svg:first-of-type"))
        assert driver.find_elements(By.CSS_SELECTOR, ".widget-dropdown select"), "no dropdown drew"
        assert driver.find_elements(By.CSS_SELECTOR, ".widget-slider, .widget-hslider"), "no slider drew"
        assert driver.find_elements(By.CSS_SELECTOR, ".widget-select-multiple select"), "no province picker drew"

        # change the sector of the sector explorer: its finding, table and map must change.  The view
        # replaces its elements when it redraws, so every read looks them up afresh, in one script call
        # (a held element reference can go stale between finding it and reading it).
        finding = lambda: _text(driver, f"{css['sector']} .cl-finding")  # noqa: E731
        map_html = lambda: _inner_html(driver, f"{css['sector']} .js-plotly-plot")  # noqa: E731
        before, map_before = finding(), map_html()
        sector_view = driver.find_element(By.CSS_SELECTOR, css["sector"])
        select = Select(sector_view.find_element(By.CSS_SELECTOR, ".widget-dropdown select"))
        current = select.first_selected_option.text
        other = next(o.text for o in select.options if o.text != current)
        select.select_by_visible_text(other)
        wait.until(lambda _d: finding() not in (before, None))
        assert other in finding()
        wait.until(lambda _d: map_html() not in (map_before, None))  # the map redrew for the new sector

        # the amber threshold of the monitoring view: the table is recomputed
        table = lambda: _text(driver, f"{css['monitoring']} .cl-table")  # noqa: E731
        table_before = table()
        monitoring = driver.find_element(By.CSS_SELECTOR, css["monitoring"])
        picker = Select(monitoring.find_elements(By.CSS_SELECTOR, ".widget-dropdown select")[0])
        picker.select_by_index(1 if picker.first_selected_option.text == picker.options[0].text else 0)
        wait.until(lambda _d: table() not in (table_before, None))

        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOT))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        outside = {u for u in _requested_urls(driver)  # the browser's own chrome:// pages do not count
                   if u.startswith(("http:", "https:", "ws:", "wss:"))
                   and not u.startswith(("http://127.0.0.1:", "ws://127.0.0.1:"))}
        assert outside == set(), f"the page fetched from the network: {sorted(outside)[:5]}"
        kernels = lab.api("kernels")
        assert len(kernels) == 1
    assert lab.process.poll() is not None, "JupyterLab is still running"
    assert lab.kernel_processes() == [], "a kernel outlived the server"
