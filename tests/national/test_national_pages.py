"""The national page and the 81 province pages (issue 22): every province has its page and its row, the search
finds provinces typed without Turkish letters (driven in headless Chromium), the data are labelled honestly,
the workbooks hold numbers."""

from __future__ import annotations

import re

import openpyxl
import pytest

from clusterlib.national import fold, national_view, write_national_pages
from clusterlib.regions import province
from tests._reportpage import chromium, external_references

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def view():
    return national_view()


@pytest.fixture(scope="module")
def site(tmp_path_factory, view):
    root = tmp_path_factory.mktemp("national")
    (root / "tr" / "tokat").mkdir(parents=True)
    (root / "tr" / "tokat" / "sector_selection.html").write_text("<html></html>", encoding="utf-8")
    written = {lang: write_national_pages(root, lang=lang, view=view) for lang in ("tr", "en")}
    return root, written


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


def test_every_province_has_its_page_and_its_row(site):
    root, written = site
    for lang in ("tr", "en"):
        assert len([p for p in written[lang] if p.suffix == ".html"]) == 82
        national = (root / lang / "national.html").read_text(encoding="utf-8")
        plates = [int(p) for p in re.findall(r'<tr class="nb-row"[^>]*data-plate="(\d+)"', national)]
        assert sorted(plates) == list(range(1, 82))
        for plate in range(1, 82):
            slug = province(plate).slug
            assert f'href="provinces/{slug}.html"' in national
            page = (root / lang / "provinces" / f"{slug}.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}">' in page and province(plate).name in page
            assert (root / lang / "provinces" / f"{slug}.xlsx").is_file()


def test_pages_are_self_contained_light_and_honest(site):
    root, _ = site
    tr = (root / "tr" / "national.html").read_text(encoding="utf-8")
    en = (root / "en" / "national.html").read_text(encoding="utf-8")
    assert len(tr.encode()) < 3_000_000 and "Plotly.newPlot" not in tr and "<script src" not in tr
    assert external_references(tr) == [] and external_references(en) == []
    assert "SENTETİK ÖRNEK VERİ" in tr and "SYNTHETIC SAMPLE DATA" in en
    assert "Resmî veri – TÜİK" in tr and "(TÜİK)" in tr and "SEGE" not in tr
    assert "İl sınırları: © OpenStreetMap katkıda bulunanları, ODbL 1.0" in tr
    assert "Province boundaries: © OpenStreetMap contributors, ODbL 1.0" in en
    assert tr.count('<figure class="nb-map"') == 12  # a map per cluster category, with title and source line
    assert tr.count("yerelleşme katsayısı, 2024</strong>") == 12 and tr.count("Kaynak: SGK tarzı") == 12
    assert tr.count('<path id="cl-p') == 81  # the geometry once, used by every map
    tokat = (root / "tr" / "provinces" / "tokat.html").read_text(encoding="utf-8")
    assert "SENTETİK ÖRNEK VERİ" in tokat and "Resmî veri – TÜİK" in tokat
    assert "Kaynak: TÜİK, Adrese Dayalı Nüfus Kayıt Sistemi" in tokat


def test_province_pages_link_reports_peers_and_initiatives(site, view):
    root, _ = site
    tokat = (root / "tr" / "provinces" / "tokat.html").read_text(encoding="utf-8")
    assert 'href="../tokat/sector_selection.html"' in tokat  # the step report rendered for Tokat
    assert 'href="../national.html"' in tokat and 'href="../index.html"' in tokat
    for peer in view.province_peers(60)["peer_plate"]:
        assert f'href="{province(int(peer)).slug}.html"' in tokat
    assert "Emsaller nasıl seçilir" in tokat and "TR83 Samsun" in tokat
    amasya = (root / "tr" / "provinces" / "amasya.html").read_text(encoding="utf-8")
    assert "adım raporu üretilmedi" in amasya and "../amasya/" not in amasya  # no report, no dead link
    samsun = (root / "en" / "provinces" / "samsun.html").read_text(encoding="utf-8")
    assert "MEDİKÜM" in samsun and "Pilot province" in samsun  # initiatives of the knowledge base


def test_search_keys_fold_turkish_letters(site):
    assert (fold("Çorum"), fold("İZMİR"), fold("IZMIR"), fold("Şanlıurfa")) == ("corum", "izmir", "ızmır"
                                                                                 .replace("ı", "i"), "sanliurfa")
    root, _ = site
    national = (root / "tr" / "national.html").read_text(encoding="utf-8")
    keys = dict(re.findall(r'data-text="([^"]*)"[^>]*data-plate="(\d+)"', national))
    by_plate = {int(p): text for text, p in keys.items()}
    assert "corum" in by_plate[19] and "izmir" in by_plate[35] and "sanliurfa" in by_plate[63]


def _visible(driver):
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#nb-table tr.nb-row")
    return [r.get_attribute("data-plate") for r in rows if r.is_displayed()]


def test_search_sort_and_filters_work_offline(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    root, _ = site
    browser.get((root / "tr" / "national.html").as_uri())
    assert len(_visible(browser)) == 81
    search = browser.find_element(By.ID, "nb-search")
    for typed, plate in (("corum", "19"), ("IZMIR", "35"), ("sanliurfa", "63")):
        search.clear()
        search.send_keys(typed)
        shown = _visible(browser)
        assert plate in shown and len(shown) <= 3, (typed, shown)
    search.clear()
    search.send_keys(" ")
    Select(browser.find_element(By.ID, "nb-region")).select_by_value("TR83")
    assert sorted(_visible(browser), key=int) == ["5", "19", "55", "60"]
    assert browser.find_element(By.ID, "nb-count").text == "Gösterilen: 4 / 81 il"
    Select(browser.find_element(By.ID, "nb-region")).select_by_value("")
    browser.find_element(By.ID, "nb-pilot").click()
    assert sorted(_visible(browser), key=int) == ["19", "27", "46", "55", "61"]
    browser.find_element(By.ID, "nb-pilot").click()
    plate_button = browser.find_elements(By.CSS_SELECTOR, "button.nb-sort")[1]
    plate_button.click()
    plate_button.click()  # descending
    assert _visible(browser)[:2] == ["81", "80"]
    log = browser.get_log("browser")
    assert [e for e in log if e["level"] == "SEVERE"] == []


def test_workbooks_hold_numbers_and_an_about_sheet(site, view):
    root, _ = site
    book = openpyxl.load_workbook(root / "tr" / "national.xlsx")
    assert book.sheetnames[0] == "Hakkında"
    about = " ".join(str(c.value) for row in book["Hakkında"].iter_rows() for c in row if c.value)
    assert "SENTETİK ÖRNEK VERİ" in about and "TÜİK" in about
    sheet = book["İl x kategori"]
    assert sheet.max_row == 1 + 81 * 12
    header = [c.value for c in sheet[1]]
    lq = header.index("Yerelleşme katsayısı (LQ)") + 1
    values = [sheet.cell(row=r, column=lq).value for r in range(2, sheet.max_row + 1)]
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    expected = view.measures["lq"].tolist()
    assert values == pytest.approx(expected)
    tokat = openpyxl.load_workbook(root / "en" / "provinces" / "tokat.xlsx")
    assert tokat.sheetnames == ["About", "Clusters", "Peers", "Initiatives"]
    assert tokat["Clusters"].max_row == 13


def test_map_colours_are_centred_on_the_national_average(site, view):
    """White is LQ 0.8–1.25 (about the national average), reds above, blues below: the classes are symmetric
    around LQ = 1 on a log scale, unlike a colour scale stretched to the data's minimum and maximum."""
    from clusterlib.national.maps import LQ_BREAKS, LQ_COLOURS, lq_class

    assert all(a * b == pytest.approx(1.0) for a, b in zip(LQ_BREAKS, reversed(LQ_BREAKS), strict=True))
    assert lq_class(1.0) == 3 and LQ_COLOURS[3] == "#f7f7f7"
    root, _ = site
    national = (root / "tr" / "national.html").read_text(encoding="utf-8")
    start = national.index('id="map-nace32"')
    block = national[start:national.index("</figure>", start)]
    fills = {int(p): f for p, f in re.findall(r'<use href="#cl-p(\d+)" fill="([^"]+)"', block)}
    here = view.by_category["nace32"]
    assert len(fills) == 81
    for plate, value in here["lq"].items():
        if here.loc[plate, "employment"] == 0:
            assert fills[plate] == "#bdbdbd", plate  # no employment: grey, with its own legend entry
        elif 0.8 <= value < 1.25:
            assert fills[plate] == "#f7f7f7", plate
        elif value >= 1.25:
            assert fills[plate] in LQ_COLOURS[4:], plate
        else:
            assert fills[plate] in LQ_COLOURS[:3], plate


def test_data_without_the_employment_table_say_why(tmp_path):
    written = write_national_pages(tmp_path / "out", lang="en", data_dir=tmp_path)
    assert [p.name for p in written] == ["national.html"]
    page = written[0].read_text(encoding="utf-8")
    assert "could not be computed from these data" in page and "employment" in page
