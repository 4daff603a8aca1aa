"""Tests of the HTML export of an executed notebook (clusterlib.report.export), without kernels."""

from __future__ import annotations

import datetime as dt
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from clusterlib.report.export import (
    clean_notebook,
    export_html,
    export_xlsx,
    findings,
    report_tables,
    write_report,
)

GENERATED = dt.datetime(2026, 5, 9, 3, 5)


def executed_notebook() -> nbformat.NotebookNode:
    """What papermill leaves after a run, with every kind of cell a report must not show."""
    banner = new_markdown_cell(
        '<span style="color:red">An Exception was encountered at '
        "'<a href=\"#papermill-error-cell\">In [3]</a>'.</span>"
    )
    banner.metadata["tags"] = ["papermill-error-cell-tag"]
    finding = new_output(
        "display_data",
        data={"text/html": '<div class="cl-finding"><p>LQ &gt; 1</p></div>', "text/plain": "LQ > 1"},
        metadata={"clusterlib": {"kind": "finding", "text": "LQ > 1 <script>"}},
    )
    figure = new_output(
        "display_data",
        data={
            "text/html": '<div id="f1" class="plotly-graph-div"></div><script>Plotly.newPlot("f1")</script>'
        },
        metadata={"clusterlib": {"kind": "figure"}},
    )
    cells = [
        banner,
        new_code_cell('province = "Çorum"\nSECRET_PARAMETER_CELL = 1', metadata={"tags": ["parameters"]}),
        new_code_cell('province = "Samsun"\nINJECTED_CELL = 1', metadata={"tags": ["injected-parameters"]}),
        new_markdown_cell("## Bölüm"),
        new_code_cell("CODE_SOURCE_MARKER = 1", outputs=[finding]),
        new_code_cell(
            "warnings.warn('x')",
            outputs=[
                new_output("stream", name="stderr", text="UserWarning: STDERR_MARKER"),
                new_output("stream", name="stdout", text="printed <b>text</b>"),
            ],
        ),
        new_code_cell(
            "1/0",
            outputs=[
                new_output(
                    "error", ename="ZeroDivisionError", evalue="division", traceback=["TRACEBACK_MARKER"]
                )
            ],
        ),
        new_code_cell("show(fig)", outputs=[figure]),
        new_code_cell("x = 1"),
    ]
    return new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})


def page(lang: str = "tr") -> str:
    return export_html(
        executed_notebook(),
        lang=lang,
        title="Sektör seçimi",
        province="Kahramanmaraş",
        generated=GENERATED,
        data_source="Paketle gelen örnek veri",
        data_version="sha256:" + "ab" * 32,
    )


def test_clean_notebook_drops_hidden_cells_errors_and_stderr():
    clean = clean_notebook(executed_notebook())
    sources = "".join(c.source for c in clean.cells)
    assert "SECRET_PARAMETER_CELL" not in sources and "INJECTED_CELL" not in sources
    assert "papermill-error-cell" not in sources
    outputs = [o for c in clean.cells if c.cell_type == "code" for o in c.outputs]
    assert {o.output_type for o in outputs} == {"display_data", "stream"}
    assert all(o.name == "stdout" for o in outputs if o.output_type == "stream")
    assert "x = 1" not in sources  # a code cell without output disappears


def test_clean_notebook_leaves_the_input_untouched():
    nb = executed_notebook()
    clean_notebook(nb)
    assert len(nb.cells) == 9


def test_findings_lifted_in_order():
    assert findings(executed_notebook()) == ["LQ > 1 <script>"]


def test_report_has_no_code_parameters_banner_traceback_or_stderr():
    html = page()
    for marker in (
        "CODE_SOURCE_MARKER",
        "SECRET_PARAMETER_CELL",
        "INJECTED_CELL",
        "papermill-error-cell",
        "An Exception was encountered",
        "TRACEBACK_MARKER",
        "ZeroDivisionError",
        "STDERR_MARKER",
        "In&nbsp;[",
        "Out[",
    ):
        assert marker not in html, marker
    assert "printed &lt;b&gt;text&lt;/b&gt;" in html  # stdout kept, escaped


def test_report_page_language_title_and_key_findings_first():
    html = page("tr")
    assert html.startswith('<!DOCTYPE html>\n<html lang="tr">')
    assert "<title>Sektör seçimi — Kahramanmaraş</title>" in html
    assert "Temel bulgular" in html and "9 Mayıs 2026 03:05" in html
    key_box = html.index("cl-key-findings")
    assert key_box < html.index("<main")
    assert "<li>LQ &gt; 1 &lt;script&gt;</li>" in html  # findings escaped in the box
    assert "abababababab" in html  # short data version


def test_report_page_in_english():
    html = page("en")
    assert '<html lang="en">' in html and "Key findings" in html and "9 May 2026" in html


def test_report_carries_plotly_inline_and_fetches_nothing():
    """A report e-mailed on its own draws its charts: plotly.js is in the page (the committee review
    found every chart gone when ``needs_assessment.html`` was copied alone)."""
    html = page()
    assert re.findall(r"<script[^>]*\bsrc=", html) == []
    inline = max(re.findall(r"<script>(.*?)</script>", html, flags=re.S), key=len)
    assert len(inline) > 1_000_000 and "plotly.js" in inline[:2000]
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"']?(?:https?:)?//", html)
    assert "@import" not in html and "url(http" not in html


def test_report_can_load_plotly_from_beside_it():
    nb = executed_notebook()
    html = export_html(
        nb, lang="tr", title="T", province="Çorum", generated=GENERATED, data_source="s",
        data_version="sha256:00", plotly="beside",
    )  # fmt: skip
    assert re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", html) == ["assets/plotly.min.js"]
    with pytest.raises(ValueError, match=r"'plotly' must be one of \['inline', 'beside'\], got 'cdn'"):
        export_html(
            nb, lang="tr", title="T", province="Çorum", generated=GENERATED, data_source="s",
            data_version="sha256:00", plotly="cdn",
        )  # fmt: skip


def test_report_without_figures_loads_no_script():
    nb = new_notebook(cells=[new_markdown_cell("Yalnız metin")])
    html = export_html(
        nb,
        lang="tr",
        title="T",
        province="Çorum",
        generated=GENERATED,
        data_source="s",
        data_version="sha256:00",
    )
    assert "<script" not in html
    assert '<section class="cl-key-findings"' not in html  # no findings, no empty box


def test_export_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'de'"):
        export_html(
            executed_notebook(),
            lang="de",
            title="T",
            province="Çorum",
            generated=GENERATED,
            data_source="s",
            data_version="sha256:00",
        )


# ------------------------------------------------------------------------------------------- XLSX
def _table_output(caption, sheet, table_data):
    return new_output(
        "display_data",
        data={"text/html": "<table></table>", "text/plain": "table"},
        metadata={"clusterlib": {"kind": "table", "caption": caption, "sheet": sheet, "table": table_data}},
    )


def notebook_with_tables() -> nbformat.NotebookNode:
    ranking = {
        "columns": ["Sıra", "Sektör", "Puan", "Pay"],
        "rows": [[1, "Diğer imalat", 0.634, 0.25], [2, "Gıda <ürünleri>", None, 0.5]],
        "formats": ["text", "text", "number:3", "percent:1"],
        "marks": [[1, 2]],
    }
    same_name = {"columns": ["a"], "rows": [[1.5]], "formats": ["number:1"], "marks": []}
    hidden = {"columns": ["secret"], "rows": [["x"]], "formats": ["text"], "marks": []}
    cells = [
        new_code_cell("table(a)", outputs=[_table_output(None, "Sıralama: ilk [10]/tümü", ranking)]),
        new_code_cell("table(b)", outputs=[_table_output("Sıralama: ilk [10]/tümü", None, same_name)]),
        new_code_cell("table(c)", outputs=[_table_output(None, None, same_name)]),
        new_code_cell(
            "p", metadata={"tags": ["parameters"]}, outputs=[_table_output(None, "hidden", hidden)]
        ),
    ]
    return new_notebook(cells=cells)


def test_report_tables_are_written_to_one_workbook_a_sheet_each(tmp_path):
    """openpyxl reads it back: one sheet per table (names made valid and unique), headers as shown,
    numbers stored as numbers with the report's decimals, missing as empty, marked cells commented."""
    import openpyxl

    nb = notebook_with_tables()
    assert [t["sheet"] for t in report_tables(clean_notebook(nb))] == [
        "Sıralama ilk 10 tümü", "Sıralama ilk 10 tümü (2)", "Tablo 3",
    ]  # fmt: skip
    path = export_xlsx(nb, tmp_path / "report.xlsx", lang="tr")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Hakkında", "Sıralama ilk 10 tümü", "Sıralama ilk 10 tümü (2)", "Tablo 3"]
    sheet = book["Sıralama ilk 10 tümü"]
    assert [c.value for c in sheet[1]] == ["Sıra", "Sektör", "Puan", "Pay"]
    assert [c.value for c in sheet[2]] == [1, "Diğer imalat", 0.634, 0.25]
    assert sheet["C2"].number_format == "#,##0.000" and sheet["D2"].number_format == "0.0%"
    assert sheet["C3"].value is None and sheet["B3"].value == "Gıda <ürünleri>"
    assert sheet["C3"].comment is not None and "*" in sheet["C3"].comment.text
    captioned = book["Sıralama ilk 10 tümü (2)"]
    assert captioned["A1"].value == "Sıralama: ilk [10]/tümü" and captioned["A3"].value == 1.5
    assert not list(tmp_path.glob("*.tmp"))


def notebook_with_sections() -> nbformat.NotebookNode:
    """Tables as the needs and monitoring steps hand them over: numbers already written out."""
    shown = {
        "columns": ["Gösterge", "Gerçekleşen", "Pay", "Değişim", "Yıl", "Aralık"],
        "rows": [
            ["Ana bölümde sigortalı istihdam (NACE 32) (kişi)", "1.936", "%82", "\u22120,23", "2013", "46,2–51,2"],
            ["Küme derneği üye sayısı", "2.053", "%8,5", "1,50", "2019", "–"],
        ],
        "formats": ["text"] * 6,
        "marks": [],
    }  # fmt: skip
    heading = new_output(
        "display_data",
        data={"text/html": "<h2>İzleme göstergeleri: hedefe göre durum</h2>", "text/plain": "h"},
        metadata={"clusterlib": {"kind": "heading", "text": "İzleme göstergeleri: hedefe göre durum", "level": 2}},
    )
    return new_notebook(
        cells=[new_code_cell("h", outputs=[heading]), new_code_cell("t", outputs=[_table_output(None, None, shown)])]
    )


def test_workbook_for_excel_users(tmp_path):
    """Committee review, problem 9: sheets named after their sections, numbers stored as numbers
    with number formats, a first About sheet with the synthetic mark, fitted widths, autofilter, and
    a file a web server can read (0644)."""
    import stat

    import openpyxl

    path = export_xlsx(
        notebook_with_sections(), tmp_path / "monitoring.xlsx", lang="tr", province="Samsun",
        title="İzleme ve kıyaslama", generated="6 Aralık 2026", data_source="örnek", data_version="sha256:ab",
        synthetic=True,
    )  # fmt: skip
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Hakkında", "İzleme göstergeleri hedefe göre"]
    assert all(len(name) <= 31 for name in book.sheetnames)
    about = {row[0].value: row[1].value for row in book["Hakkında"].iter_rows(max_col=2) if row[0].value}
    assert about["İl"] == "Samsun" and about["Adım"] == "İzleme ve kıyaslama"
    assert about["Uyarı"].startswith("SENTETİK ÖRNEK VERİ")
    sheet = book["İzleme göstergeleri hedefe göre"]
    assert [c.value for c in sheet[2]][1:5] == [1936, 0.82, -0.23, 2013]
    assert [sheet.cell(2, j).number_format for j in (2, 3, 4, 5)] == ["#,##0", "0%", "#,##0.00", "0"]
    assert sheet["C3"].value == 0.085 and sheet["C3"].number_format == "0.0%"
    assert sheet["F2"].value == "46,2–51,2"  # a range stays text
    assert sheet["A3"].data_type == "s"  # text is text
    assert sheet.auto_filter.ref == "A1:F3"
    assert sheet.column_dimensions["A"].width >= len("Ana bölümde sigortalı istihdam (NACE 32) (kişi)")
    assert sheet.freeze_panes == "A2"
    assert "SENTETİK" in sheet.oddFooter.center.text


def test_write_report_links_the_workbook_and_skips_it_without_tables(tmp_path):
    written = write_report(
        notebook_with_tables(),
        tmp_path / "sector_selection.html",
        lang="en",
        title="Sector selection",
        province="Çorum",
        generated=GENERATED,
        data_source="sample",
        data_version="sha256:" + "0" * 64,
    )
    assert [p.name for p in written] == ["sector_selection.html", "sector_selection.xlsx"]
    html = written[0].read_text(encoding="utf-8")
    assert 'href="sector_selection.xlsx"' in html and "one sheet per table" in html
    plain = write_report(
        executed_notebook(),
        tmp_path / "other.html",
        lang="en",
        title="Other",
        province="Çorum",
        generated=GENERATED,
        data_source="sample",
        data_version="sha256:" + "0" * 64,
    )
    assert [p.name for p in plain] == ["other.html"] and "xlsx" not in plain[0].read_text(encoding="utf-8")
    # a report that no longer has tables does not keep the workbook of an earlier run
    again = write_report(
        executed_notebook(),
        tmp_path / "sector_selection.html",
        lang="en",
        title="Sector selection",
        province="Çorum",
        generated=GENERATED,
        data_source="sample",
        data_version="sha256:" + "0" * 64,
    )
    assert [p.name for p in again] == ["sector_selection.html"]
    assert not (tmp_path / "sector_selection.xlsx").exists()


def test_only_key_findings_are_lifted_into_the_box():
    """``report.finding(text, key=False)`` stays in its section; the box lists the key ones, each once."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    def output(text, **extra):
        return new_output("display_data", data={"text/plain": text},
                          metadata={"clusterlib": {"kind": "finding", "text": text, **extra}})

    cell = new_code_cell(outputs=[output("Main"), output("Detail", key=False), output("Main"), output("Old")])
    assert findings(new_notebook(cells=[cell])) == ["Main", "Old"]  # "Old": written before 'key' existed
