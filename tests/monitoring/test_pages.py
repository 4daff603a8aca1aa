"""The offline pages of a report set: knowledge base (search and filters driven in headless Chromium)
and the two Cluster Info Spots (the national overview: tests/test_national_pages.py)."""

from __future__ import annotations

import json

import pytest
from _reportpage import chromium, external_references

from clusterlib import geo
from clusterlib.monitoring import write_run_pages
from clusterlib.monitoring.pages_text import fold

pytestmark = pytest.mark.slow

PAGES = ("knowledge_base.html", "info_spot_black_sea.html", "info_spot_east_mediterranean.html")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    (root / "tr" / "samsun").mkdir(parents=True)
    (root / "tr" / "samsun" / "monitoring_benchmarking.html").write_text("<html></html>", encoding="utf-8")
    store = root / "knowledge.sqlite"  # a new store of the bundled registry, not the user's
    written = write_run_pages(root, lang="tr", knowledge_store=store)
    write_run_pages(root, lang="en", knowledge_store=store)
    return root, written


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


def test_pages_written_self_contained(pages):
    root, written = pages
    assert [p.name for p in written] == list(PAGES)
    for lang in ("tr", "en"):
        for name in PAGES:
            text = (root / lang / name).read_text(encoding="utf-8")
            assert external_references(text) == [], name
            assert f'<html lang="{lang}">' in text
            assert geo.attribution(lang) in text  # the map's boundaries, attributed in the page's language


def test_pages_link_the_province_reports(pages):
    root, _ = pages
    kb = (root / "tr" / "knowledge_base.html").read_text(encoding="utf-8")
    assert kb.count('href="samsun/monitoring_benchmarking.html"') == 2  # MEDİKÜM and the Samsun pilot
    spot = (root / "tr" / "info_spot_black_sea.html").read_text(encoding="utf-8")
    assert 'href="samsun/monitoring_benchmarking.html"' in spot
    assert "corum/" not in spot  # no report there, no dead link


def test_knowledge_base_is_written_in_the_page_language(pages):
    """The registry's sector, lead organisation and notes come in Turkish on the Turkish page (the
    ``_tr`` columns) and in English on the English one; the Turkish page shows no English note."""
    root, _ = pages
    tr = (root / "tr" / "knowledge_base.html").read_text(encoding="utf-8")
    en = (root / "en" / "knowledge_base.html").read_text(encoding="utf-8")
    assert "OSTİM Savunma Yan Sanayi Kümesi 1 Temmuz 2008’de kuruldu" in tr and "Seed 003" not in tr
    assert "<td>savunma ve havacılık (25, 26, 30, 33)</td>" in tr and "<td>Kalkınma Bakanlığı</td>" in tr
    assert "OSTİM Defence Supply Industry Cluster established on 1 July 2008" in en
    assert "<td>defence and aerospace (25, 26, 30, 33)</td>" in en and "Kalkınma Bakanlığı" not in en
    # the search finds an initiative by its text in either language
    assert fold("savunma ve havacılık") in tr and fold("defence and aerospace") in tr


def test_knowledge_base_lists_the_pilots_first_then_in_alphabetical_order(pages):
    """Turkish alphabet on the Turkish page (Ç after C, İ after I, Ş after S), plain order in English."""
    import re

    from clusterlib.i18n import turkish_sort_key

    root, _ = pages
    for lang, key in (("tr", turkish_sort_key), ("en", str.casefold)):
        page = (root / lang / "knowledge_base.html").read_text(encoding="utf-8")
        names = re.findall(r'<tr class="kb-row"[^>]*><td>(.*?)</td>', page)
        pilots = [n for n in names if n.startswith("★ ")]
        assert names[: len(pilots)] == pilots and len(pilots) == 5
        others = [n for n in names if not n.startswith("★ ")]
        assert others == sorted(others, key=key) and len(others) > 15


def test_info_spot_pages_compare_the_right_provinces(pages):
    root, _ = pages
    black_sea = (root / "en" / "info_spot_black_sea.html").read_text(encoding="utf-8")
    east = (root / "en" / "info_spot_east_mediterranean.html").read_text(encoding="utf-8")
    assert all(f"<th>{n}</th>" in black_sea for n in ("Çorum", "Samsun", "Trabzon"))
    assert "<th>Gaziantep</th>" not in black_sea
    assert all(f"<th>{n}</th>" in east for n in ("Gaziantep", "Kahramanmaraş"))
    assert 'href="info_spot_east_mediterranean.html"' in black_sea  # the spots work in coordination
    assert "(TÜİK)" in black_sea  # the official rows say where they come from
    # statuses with symbols, never colour alone
    assert "● " in black_sea and "■ " in black_sea


def test_status_entries_drive_the_links(tmp_path):
    lang_dir = tmp_path / "en" / "trabzon"
    lang_dir.mkdir(parents=True)
    (lang_dir / "sector_selection.html").write_text("x", encoding="utf-8")
    status = {"61/sector_selection": {"plate": 61, "step": "sector_selection",
                                      "report": "trabzon/sector_selection.html", "status": "ok"}}
    write_run_pages(tmp_path, lang="en", status=status, knowledge_store=tmp_path / "kb.sqlite")
    spot = (tmp_path / "en" / "info_spot_black_sea.html").read_text(encoding="utf-8")
    assert 'href="trabzon/sector_selection.html"' in spot


def _visible_rows(driver):
    from selenium.webdriver.common.by import By

    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#kb-table tr.kb-row") if r.is_displayed()]


def test_knowledge_base_search_and_filters_in_chromium(browser, pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    root, _ = pages
    requests = []
    browser.execute_cdp_cmd("Network.enable", {})
    browser.get_log("browser")
    browser.get((root / "tr" / "knowledge_base.html").as_uri())
    total = len(browser.find_elements(By.CSS_SELECTOR, "#kb-table tr.kb-row"))
    assert total == 26 and len(_visible_rows(browser)) == total
    search = browser.find_element(By.ID, "kb-search")
    search.send_keys("izmir")  # ASCII spelling finds İzmir
    names = [r.find_elements(By.TAG_NAME, "td")[1].text for r in _visible_rows(browser)]
    assert names and set(names) == {"İzmir"}
    count = browser.find_element(By.ID, "kb-count").text
    assert count == f"Gösterilen: {len(names)} / 26 kayıt"
    # hidden rows hide their markers on the map too
    markers = browser.find_elements(By.CSS_SELECTOR, ".kb-marker")
    assert sum(m.is_displayed() for m in markers) == len(names)
    search.clear()
    search.send_keys("KAHRAMANMARAŞ")
    assert len(_visible_rows(browser)) == 1
    search.clear()
    search.send_keys(" ")
    Select(browser.find_element(By.ID, "kb-sector")).select_by_value("32")
    sector_rows = _visible_rows(browser)
    assert {r.get_attribute("data-id") for r in sector_rows} == {
        "samsun_medical", "medikum_samsun", "ostim_medical", "inoviz_izmir_health"}
    Select(browser.find_element(By.ID, "kb-province")).select_by_value("Ankara")
    assert [r.get_attribute("data-id") for r in _visible_rows(browser)] == ["ostim_medical"]
    Select(browser.find_element(By.ID, "kb-sector")).select_by_value("")
    Select(browser.find_element(By.ID, "kb-year")).select_by_value("2007")
    assert {r.get_attribute("data-id") for r in _visible_rows(browser)} == {
        "ostim_competitiveness_analysis", "ostim_medical"}
    log = browser.get_log("browser")
    assert [e for e in log if e["level"] == "SEVERE"] == []
    performance = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    requests.extend(performance)
    assert requests == []  # the page fetches nothing


def test_every_page_opens_without_console_errors(browser, pages):
    root, _ = pages
    for name in PAGES:
        browser.get_log("browser")
        browser.get((root / "en" / name).as_uri())
        assert browser.execute_script("return document.querySelectorAll('svg.cl-map path').length") == 81
        log = browser.get_log("browser")
        assert [e for e in log if e["level"] == "SEVERE"] == [], name
        assert browser.execute_script(
            "return performance.getEntriesByType('resource').length") == 0, name


def test_fold_matches_the_page_script():
    assert fold("İZMİR Çorum KAHRAMANMARAŞ Işık") == "izmir corum kahramanmaras isik"
    assert json.dumps(fold("Ağrı")) == '"agri"'


def test_pages_with_data_lacking_the_tables_say_why(tmp_path):
    """A data folder without the monitoring tables: the bundled registry still fills the knowledge base and the
    info-spot pages explain that the scorecards need the missing table."""
    data = tmp_path / "data"
    data.mkdir()
    written = write_run_pages(tmp_path / "out", lang="en", data_dir=data, knowledge_store=tmp_path / "kb.sqlite")
    assert len(written) == 3
    kb = (tmp_path / "out" / "en" / "knowledge_base.html").read_text(encoding="utf-8")
    assert kb.count('class="kb-row"') == 26
    spot = (tmp_path / "out" / "en" / "info_spot_black_sea.html").read_text(encoding="utf-8")
    assert "could not be computed from these data" in spot and "employment.csv" in spot


def test_the_pages_render_through_templates_not_f_strings():
    """Issue 18: the scorecards and links are Jinja templates (autoescaped), not ``<table>`` built in code."""
    import inspect

    from clusterlib.monitoring import pages
    from clusterlib.monitoring.pages import page_links_html

    source = inspect.getsource(pages)
    assert "<table" not in source and "<tr>" not in source and "<li>" not in source
    nav = page_links_html("Çorum", lang="tr")
    assert nav.startswith('<nav class="cl-pages" aria-label="Sayfalar">')
    assert nav.index("Karadeniz") < nav.index("Doğu Akdeniz")  # the province's own info spot first
    assert 'href="../national.html"' in nav and 'href="../knowledge_base.html"' in nav
