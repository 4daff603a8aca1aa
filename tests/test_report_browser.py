"""A rendered report opened in headless Chromium with the network switched off.

Needs Debian's ``chromium`` and ``chromium-driver`` (``make test`` installs them).  The test
fails, never skips, when they are missing: a report whose charts do not draw is a broken report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _reportpage import chromium, open_page

from clusterlib.i18n import format_number, format_percent
from clusterlib.run import run

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    (result,) = run(
        ["Çorum"],
        ["overview"],
        notebooks_dir=FIXTURES,
        data_dir=FIXTURES / "data",
        out_dir=root / "out",
        processed_dir=root / "processed",
        progress=False,
        validate_data=False,  # the fixture's firms.csv is the notebook's own, not a workbench table
    )
    assert result.ok, result.error
    return result.output


def test_every_chart_draws_offline_without_console_errors(browser, rendered):
    from selenium.webdriver.common.by import By

    log = open_page(browser, rendered, maps=2)
    divs = browser.find_elements(By.CSS_SELECTOR, "div.plotly-graph-div")
    assert len(divs) == 2
    for div in divs:
        assert div.find_elements(By.CSS_SELECTOR, "svg.main-svg"), div.get_attribute("id")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".geo path.choroplethlocation")) == 2  # the map drew
    assert [e for e in log if e["level"] == "SEVERE"] == []
    assert not browser.find_elements(By.ID, "cl-plotly-missing")  # plotly.js is inline: nothing to miss


def test_province_folder_works_on_its_own(browser, rendered, tmp_path):
    """The province folder alone (as zipped and e-mailed) still draws its charts."""
    mailed = tmp_path / "mailed"
    shutil.copytree(rendered.parent, mailed)
    log = open_page(browser, mailed / rendered.name, maps=2)
    assert [e for e in log if e["level"] == "SEVERE"] == []


def test_index_page_has_no_console_errors(browser, rendered):
    from selenium.webdriver.common.by import By

    index = rendered.parents[2] / "index.html"
    browser.get_log("browser")
    browser.get(index.as_uri())
    link = browser.find_element(By.CSS_SELECTOR, "a.cl-status-ok")
    assert link.get_attribute("href").endswith("/tr/corum/overview.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


@pytest.mark.parametrize("value", [0, 0.5, 2.675, 1234.5, -98765.4321, 1e9 + 0.25])
def test_turkish_numbers_match_chromium_icu(browser, value):
    """Cross-check with ICU (Chromium's ``Intl.NumberFormat('tr-TR')``, CLDR ``tr`` data, rounding
    half away from zero) — an implementation independent of ours."""
    script = (
        "return [new Intl.NumberFormat(arguments[1], {minimumFractionDigits: 2, maximumFractionDigits: 2})"
        ".format(arguments[0]), new Intl.NumberFormat(arguments[1], {style: 'percent', "
        "minimumFractionDigits: 1, maximumFractionDigits: 1}).format(arguments[0] / 1000)];"
    )
    for lang, locale in (("tr", "tr-TR"), ("en", "en-US")):
        number, percent = browser.execute_script(script, value, locale)
        # the workbench writes every minus as U+2212 (as Plotly's axes do); ICU may write either sign
        assert format_number(value, lang, decimals=2) == number.replace("-", "\u2212")
        assert format_percent(value / 1000, lang, decimals=1) == percent.replace("-", "\u2212")
