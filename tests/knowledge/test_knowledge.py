"""The knowledge store: export → edit → import by two info spots, conflicts, atomic imports, bad input."""

from __future__ import annotations

import hashlib

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from clusterlib.cli import cli
from clusterlib.knowledge import (
    KnowledgeImportError,
    MergeConflictError,
    export_workbook,
    import_workbook,
    knowledge_base_page,
    load_programmes,
    open_store,
    programmes_for_needs,
)
from clusterlib.knowledge import store as store_module


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edit(source, target, edits, *, sheet="initiatives", new_rows=()):
    """Copy an exported template with ``edits`` {(id, column): value} and ``new_rows`` [{column: value}]."""
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for (ident, column), value in edits.items():
        ws.cell(row=rows[ident], column=header.index(column) + 1, value=value)
    for new in new_rows:
        r = ws.max_row + 1
        for column, value in new.items():
            ws.cell(row=r, column=header.index(column) + 1, value=value)
    wb.save(target)
    return target


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "kb.sqlite")


def test_new_store_holds_the_registry_with_its_provenance(store):
    initiatives = store.entries("initiative")
    assert len(initiatives) == 26  # the rows of data/raw/sample/initiatives.csv
    medikum = store.entry("initiative", "medikum_samsun")
    assert medikum.get("province") == "Samsun" and medikum.get("nace_divisions") == "32;26"
    assert medikum.updated_by == "clusterlib (initial registry)" and medikum.source_file == "initiatives.csv"
    assert {c.file for c in store.history()} == {"initiatives.csv", "programmes.yaml"}


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    from clusterlib.knowledge import StoreError

    (tmp_path / "notes.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.sqlite is not a knowledge store of clusterlib"):
        open_store(tmp_path / "notes.sqlite")


def test_export_then_import_without_edits_changes_nothing(store, tmp_path):
    template = export_workbook(store, tmp_path / "template.xlsx")
    before = _digest(store.path)
    result = import_workbook(store, template, by="Karadeniz KBM")
    assert (result.created, result.updated, result.unchanged) == ([], [], 32)
    assert _digest(store.path) == before
    assert oct(template.stat().st_mode & 0o777) == "0o644"
    sheet = openpyxl.load_workbook(template)["initiatives"]
    lists = {str(v.sqref).split(":")[0][0]: v.formula1 for v in sheet.data_validations.dataValidation}
    header = [c.value for c in sheet[1]]
    province = openpyxl.utils.get_column_letter(header.index("province") + 1)
    assert lists[province] == "_lists!$A$1:$A$81"  # a drop-down of the 81 provinces


def test_two_info_spots_edit_the_same_initiative(store, tmp_path):
    """Both spots export at the same time; each edits samsun_medical and another entry. The separate
    edits merge, the clash on one field stops the second import with base, mine and theirs, nothing is
    lost, and the history holds both imports."""
    base = export_workbook(store, tmp_path / "base.xlsx")
    black_sea = _edit(base, tmp_path / "black_sea.xlsx", {
        ("samsun_medical", "notes_en"): "Cluster association founded (Black Sea spot).",
        ("trabzon_shipbuilding", "members"): 31})
    east = _edit(base, tmp_path / "east.xlsx", {
        ("samsun_medical", "notes_en"): "Association has 50 members (East Mediterranean spot).",
        ("samsun_medical", "year"): 2011,
        ("gaziantep_footwear", "members"): 120})
    first = import_workbook(store, black_sea, by="Karadeniz KBM")
    assert sorted(first.updated) == [("initiative", "samsun_medical"), ("initiative", "trabzon_shipbuilding")]

    before = _digest(store.path)
    with pytest.raises(MergeConflictError) as caught:
        import_workbook(store, east, by="Doğu Akdeniz KBM", lang="en")
    assert _digest(store.path) == before  # the refused import changed nothing
    [conflict] = caught.value.conflicts
    assert conflict.id == "samsun_medical" and list(conflict.fields) == ["notes_en"]
    base_value, mine, theirs = conflict.fields["notes_en"]
    assert mine == "Association has 50 members (East Mediterranean spot)."
    assert theirs == "Cluster association founded (Black Sea spot)." and base_value != theirs
    message = str(caught.value)
    assert "--take ID=mine" in message and mine in message and theirs in message and "Karadeniz KBM" in message

    second = import_workbook(store, east, by="Doğu Akdeniz KBM", take={"samsun_medical": "theirs"})
    assert sorted(second.updated) == [("initiative", "gaziantep_footwear"), ("initiative", "samsun_medical")]
    samsun = store.entry("initiative", "samsun_medical")
    assert samsun.get("notes_en") == theirs and samsun.get("year") == "2011"  # both spots' separate edits
    assert store.entry("initiative", "trabzon_shipbuilding").get("members") == "31"
    assert store.entry("initiative", "gaziantep_footwear").get("members") == "120"
    history = store.history(ident="samsun_medical")
    assert [(c.action, c.by) for c in history] == [
        ("created", "clusterlib (initial registry)"), ("updated", "Karadeniz KBM"),
        ("updated", "Doğu Akdeniz KBM"), ("not_taken", "Doğu Akdeniz KBM")]
    assert history[-1].after["notes_en"] == mine  # the version not taken is kept: nothing lost
    assert [i["by"] for i in store.imports()][-2:] == ["Karadeniz KBM", "Doğu Akdeniz KBM"]


def test_take_mine_resolves_with_the_importers_value(store, tmp_path):
    base = export_workbook(store, tmp_path / "base.xlsx")
    import_workbook(store, _edit(base, tmp_path / "a.xlsx", {("corum_food_machinery", "members"): 10}), by="A")
    b = _edit(base, tmp_path / "b.xlsx", {("corum_food_machinery", "members"): 12})
    import_workbook(store, b, by="B", take={"corum_food_machinery": "mine"})
    assert store.entry("initiative", "corum_food_machinery").get("members") == "12"
    with pytest.raises(ValueError, match="no conflict"):
        import_workbook(store, _edit(base, tmp_path / "c.xlsx", {("corum_food_machinery", "year"): 2012}),
                        by="C", take={"bartin_regional_development": "mine"}, lang="en")


def test_reimporting_a_file_changes_nothing(store, tmp_path):
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("trabzon_shipbuilding", "members"): 31})
    import_workbook(store, edited, by="Karadeniz KBM")
    before = _digest(store.path)
    again = import_workbook(store, edited, by="Karadeniz KBM", lang="en")
    assert again.already is not None and "was imported before" in again.summary("en")
    assert _digest(store.path) == before


def test_bad_rows_are_all_reported_and_change_nothing(store, tmp_path):
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "bad.xlsx", {
        ("samsun_medical", "province"): "Samsunn", ("samsun_medical", "nace_divisions"): "32;34",
        ("trabzon_shipbuilding", "year"): 3020, ("gaziantep_footwear", "type"): "festival"})
    before = _digest(store.path)
    with pytest.raises(KnowledgeImportError) as caught:
        import_workbook(store, edited, by="Karadeniz KBM", lang="en")
    assert _digest(store.path) == before
    columns = sorted(p.column for p in caught.value.problems)
    assert columns == ["nace_divisions", "province", "type", "year"]
    text = str(caught.value)
    assert "bad.xlsx, sheet 'initiatives', row" in text and "'Samsunn'" in text and "'34'" in text
    assert "knowledge base is unchanged" in text
    with pytest.raises(KnowledgeImportError, match="Bilgi bankası değişmedi"):
        import_workbook(store, edited, by="Karadeniz KBM", lang="tr")


def test_a_failure_while_writing_rolls_the_whole_import_back(store, tmp_path, monkeypatch):
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("trabzon_shipbuilding", "members"): 31, ("samsun_medical", "members"): 50})
    before = _digest(store.path)
    calls = []
    original = store_module.KnowledgeStore.write

    def failing(self, *args, **kwargs):
        calls.append(args[2])
        if len(calls) == 2:
            raise OSError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(store_module.KnowledgeStore, "write", failing)
    with pytest.raises(OSError, match="disk full"):
        import_workbook(store, edited, by="Karadeniz KBM")
    assert len(calls) == 2 and _digest(store.path) == before


def test_an_import_overtaken_by_another_changes_nothing(store, tmp_path, monkeypatch):
    """Another import commits between the merge and the write: this one stops and writes nothing."""
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("samsun_medical", "members"): 5, ("trabzon_shipbuilding", "members"): 6})
    original = store_module.KnowledgeStore.transaction

    def overtaken(self):
        monkeypatch.setattr(store_module.KnowledgeStore, "transaction", original)
        with original(self) as con:
            data = {**self.entry("initiative", "samsun_medical").data, "notes_en": "Changed meanwhile."}
            self.write(con, "initiative", "samsun_medical", data, by="Doğu Akdeniz KBM")
        return original(self)

    monkeypatch.setattr(store_module.KnowledgeStore, "transaction", overtaken)
    with pytest.raises(RuntimeError, match=r"changed during the import of e\.xlsx; nothing changed"):
        import_workbook(store, edited, by="Karadeniz KBM", lang="en")
    assert store.entry("initiative", "samsun_medical").get("members") == ""
    assert store.entry("initiative", "trabzon_shipbuilding").get("members") == ""
    assert [i["by"] for i in store.imports()] == ["clusterlib (initial registry)"] * 2


def test_older_template_and_other_files_are_refused(store, tmp_path):
    template = export_workbook(store, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(template)
    wb["_meta"]["B2"] = "0"
    wb.save(tmp_path / "old.xlsx")
    with pytest.raises(KnowledgeImportError, match="template is version 0, this clusterlib reads version 1"):
        import_workbook(store, tmp_path / "old.xlsx", by="X", lang="en")
    other = openpyxl.Workbook()
    other.active.append(["id", "name"])
    other.save(tmp_path / "other.xlsx")
    with pytest.raises(KnowledgeImportError, match="not a clusterlib knowledge-base template"):
        import_workbook(store, tmp_path / "other.xlsx", by="X", lang="en")
    (tmp_path / "text.xlsx").write_text("id,name\n", encoding="utf-8")
    with pytest.raises(KnowledgeImportError, match="is not an XLSX workbook"):
        import_workbook(store, tmp_path / "text.xlsx", by="X", lang="en")


def test_repeated_name_under_two_ids_is_reported(store, tmp_path):
    """Red-team finding F14: the same initiative twice under two ids (names folded for case and Turkish letters)."""
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "dup.xlsx", {}, new_rows=[
        {"id": "medikum_2", "name_tr": "MEDİKÜM SAMSUN MEDİKAL SANAYİ KÜMELENMESİ", "type": "cluster_initiative",
         "province": "Samsun"}])
    result = import_workbook(store, edited, by="Karadeniz KBM", lang="en")
    assert result.created == [("initiative", "medikum_2")]
    assert ("medikum_2", "medikum_samsun") in result.duplicates
    assert "Same name under two ids: medikum_2 = medikum_samsun" in result.summary("en")


def test_unsafe_links_and_formulas_stay_text(store, tmp_path):
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx", {
        ("samsun_medical", "url"): "javascript:alert(1)", ("trabzon_shipbuilding", "url"): "https://example.org/a?b=1",
        ("gaziantep_footwear", "notes_en"): "=HYPERLINK(\"http://x\")"})
    import_workbook(store, edited, by="Karadeniz KBM")
    page = knowledge_base_page(store, lang="en")
    assert 'href="javascript' not in page.lower() and "javascript:alert(1) (unsafe link, shown as text)" in page
    assert 'href="https://example.org/a?b=1"' in page
    again = openpyxl.load_workbook(export_workbook(store, tmp_path / "again.xlsx"))["initiatives"]
    cells = [c for row in again.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert cells and all(c.data_type == "s" for c in cells)  # stored as text, never as a formula


def test_page_shows_who_updated_each_entry_and_what_changed(store, tmp_path):
    from clusterlib.knowledge import write_knowledge_pages

    out = tmp_path / "out"
    write_knowledge_pages(out, store, lang="en")
    first = (out / "en" / "knowledge_base.html").read_text(encoding="utf-8")
    assert "Nothing changed since the last run." in first
    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("trabzon_shipbuilding", "members"): 31})
    import_workbook(store, edited, by="Karadeniz KBM")
    write_knowledge_pages(out, store, lang="en")
    page = (out / "en" / "knowledge_base.html").read_text(encoding="utf-8")
    changes = page.split('<section class="kb-changes">')[1].split("</section>")[0]
    assert "Trabzon shipbuilding (pilot cluster): v2" in changes and "Karadeniz KBM, e.xlsx: members" in changes
    assert "by Karadeniz KBM" in page and "<summary>History (2 versions)</summary>" in page
    black_sea = (out / "en" / "info_spot_black_sea.html").read_text(encoding="utf-8")
    assert "Trabzon shipbuilding" in black_sea and "Gaziantep footwear" not in black_sea


def test_programmes_record_only_sourced_facts():
    table = load_programmes()
    checked = table[table["checked"] != ""]
    assert set(checked["id"]) >= {"tubitak_1501", "tubitak_1507", "kumelenme_destek"}
    assert (checked["source_url"] != "").all() and (checked["checked"] == "2026-12-06").all()
    unchecked = table[table["checked"] == ""]
    assert (unchecked["funds_tr"] == "").all() and unchecked["need_areas"].map(len).eq(0).all()
    text = " ".join(table[["funds_tr", "funds_en"]].to_numpy().ravel())
    assert "%" not in text and "TL" not in text  # no amounts or rates


def test_programmes_for_needs_lists_uncovered_needs_first():
    needs = pd.DataFrame({"block": ["exports", "rnd", "cooperation"], "rank_low": [1, 2, 3],
                          "gap": [False, False, True]})
    table = programmes_for_needs(needs, lang="tr")
    assert table["block"].drop_duplicates().tolist() == ["cooperation", "exports", "rnd"]
    assert table.loc[table["block"] == "cooperation", "programme"].str.contains("Kümelenme Destek").any()
    assert table.loc[table["block"] == "exports", "programme"].tolist() == [""]  # no verified programme yet
    assert table.loc[table["block"] == "rnd", "need"].iloc[0] == "Ar-Ge ve yenilik"
    with pytest.raises(ValueError, match="lacks the columns"):
        programmes_for_needs(needs.drop(columns="gap"), lang="en")


def test_cli_import_reports_conflicts_with_exit_code_1(tmp_path):
    runner = CliRunner()
    db = tmp_path / "kb.sqlite"
    result = runner.invoke(cli, ["kb", "export", "--db", str(db), "--out", str(tmp_path / "t.xlsx"), "--lang", "en"])
    assert result.exit_code == 0 and "entries written" in result.output
    a = _edit(tmp_path / "t.xlsx", tmp_path / "a.xlsx", {("samsun_medical", "members"): 1})
    b = _edit(tmp_path / "t.xlsx", tmp_path / "b.xlsx", {("samsun_medical", "members"): 2})
    assert runner.invoke(cli, ["kb", "import", str(a), "--by", "A", "--db", str(db)]).exit_code == 0
    refused = runner.invoke(cli, ["kb", "import", str(b), "--by", "B", "--db", str(db), "--lang", "en"])
    assert refused.exit_code == 1 and "samsun_medical" in refused.output
    taken = runner.invoke(cli, ["kb", "import", str(b), "--by", "B", "--db", str(db), "--take", "samsun_medical=mine"])
    assert taken.exit_code == 0, taken.output
    bad = runner.invoke(cli, ["kb", "import", str(b), "--by", "B", "--db", str(db), "--take", "x=both"])
    assert bad.exit_code == 2 and "ID=mine or ID=theirs" in bad.output


def test_registry_with_a_repeated_name_warns_and_the_page_says_so(tmp_path):
    """Red-team finding F14 (repro 'kb_dup_name'): MEDİKÜM listed twice under two ids in initiatives.csv."""
    from clusterlib.config import SAMPLE_DIR

    data = tmp_path / "data"
    data.mkdir()
    registry = pd.read_csv(SAMPLE_DIR / "initiatives.csv", dtype=str)
    twin = registry[registry["id"] == "medikum_samsun"].assign(
        id="medikum_samsun_2", name_tr="Medikum Samsun Medikal Sanayi Kümelenmesi")
    pd.concat([registry, twin]).to_csv(data / "initiatives.csv", index=False)
    with pytest.warns(UserWarning, match="medikum_samsun = medikum_samsun_2"):
        store = open_store(tmp_path / "kb.sqlite", data_dir=data)
    page = knowledge_base_page(store, lang="tr")
    assert "⚠ Aynı ad iki kimlikle: medikum_samsun = medikum_samsun_2" in page
    assert "Aynı ad iki kimlikle" not in knowledge_base_page(open_store(tmp_path / "plain.sqlite"), lang="tr")


@pytest.mark.slow
def test_page_after_an_import_in_chromium(store, tmp_path):
    """The page after an import: the new entry is found by the offline search, its history opens on click,
    the page fetches nothing and logs no error."""
    from selenium.webdriver.common.by import By

    from clusterlib.knowledge import write_knowledge_pages
    from tests._reportpage import chromium

    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("trabzon_shipbuilding", "members"): 31}, new_rows=[
                       {"id": "rize_tea", "name_tr": "Rize Çay Kümelenmesi", "type": "cluster_initiative",
                        "province": "Rize", "nace_divisions": "10", "url": "javascript:alert(1)"}])
    import_workbook(store, edited, by="Karadeniz KBM")
    [page, *_] = write_knowledge_pages(tmp_path / "out", store, lang="tr")
    driver = next(browser := chromium())
    try:
        driver.get(page.as_uri())
        driver.find_element(By.ID, "kb-search").send_keys("RIZE CAY")
        rows = [r for r in driver.find_elements(By.CSS_SELECTOR, "#kb-table tr.kb-row") if r.is_displayed()]
        assert [r.get_attribute("data-id") for r in rows] == ["rize_tea"]
        assert driver.find_element(By.ID, "kb-count").text == "Gösterilen: 1 / 27 kayıt"
        assert rows[0].find_elements(By.TAG_NAME, "a") == []  # the javascript: link is text
        details = rows[0].find_element(By.TAG_NAME, "details")
        assert details.get_attribute("open") is None
        details.find_element(By.TAG_NAME, "summary").click()
        assert "Karadeniz KBM, e.xlsx: yeni kayıt" in details.text
        assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    finally:
        next(browser, None)


def test_a_newer_programme_registry_updates_a_store_without_overwriting_info_spots(store, tmp_path, monkeypatch):
    from clusterlib.knowledge import seed

    edited = _edit(export_workbook(store, tmp_path / "t.xlsx"), tmp_path / "e.xlsx",
                   {("kumelenme_destek", "funds_en"): "Edited by the Black Sea spot."}, sheet="programmes")
    import_workbook(store, edited, by="Karadeniz KBM")
    bundled = seed._PROGRAMME_FILE.read_text(encoding="utf-8")
    newer = tmp_path / "programmes.yaml"
    newer.write_text(bundled.replace('checked: "2026-12-06"', 'checked: "2027-01-15"', 1)
                     .replace("Strengthening the cooperation needed", "Newer text: strengthening the cooperation"),
                     encoding="utf-8")
    monkeypatch.setattr(seed, "_PROGRAMME_FILE", newer)
    reopened = open_store(store.path)
    assert reopened.entry("programme", "tubitak_1501").get("checked") == "2027-01-15"
    kept = reopened.entry("programme", "kumelenme_destek")
    assert kept.get("funds_en") == "Edited by the Black Sea spot." and kept.updated_by == "Karadeniz KBM"
    [not_taken] = [c for c in reopened.history("programme", "kumelenme_destek") if c.action == "not_taken"]
    assert not_taken.after["funds_en"].startswith("Newer text") and not_taken.by == "clusterlib (programme registry)"
    before = _digest(store.path)
    open_store(store.path)  # the same registry again: nothing changes
    assert _digest(store.path) == before

