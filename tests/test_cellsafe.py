"""Every cell the workbench writes is safe to open in a spreadsheet (red-team finding F7): a name typed
as ``=HYPERLINK(...)`` into an interview sheet is stored as text, never as a formula, in the report
workbooks and in every processed CSV.  OWASP, *CSV Injection*
(https://owasp.org/www-community/attacks/CSV_Injection)."""

from __future__ import annotations

import csv
import shutil

import openpyxl
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from clusterlib.cellsafe import FORMULA_STARTS, excel_safe
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables
from clusterlib.report.export import export_xlsx

PAYLOADS = ['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_text_a_spreadsheet_would_compute_gets_a_quote(text):
    assert excel_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Acme A.Ş.", "a=b", "", 3, -5.5, None, float("nan")])
def test_plain_text_and_numbers_are_left_alone(value):
    result = excel_safe(value)
    assert result is value or (result != result and value != value)


def test_a_frame_is_quoted_in_cells_headings_and_index_numbers_stay_numbers():
    frame = pd.DataFrame({"=h": ["=1+1", "ok"], "n": [-1, 2]}, index=pd.Index(["@x", "y"], name="firm"))
    safe = excel_safe(frame)
    assert safe.columns.tolist() == ["'=h", "n"] and safe.index.tolist() == ["'@x", "y"]
    assert safe["'=h"].tolist() == ["'=1+1", "ok"] and safe["n"].tolist() == [-1, 2]
    assert frame.columns.tolist() == ["=h", "n"]  # the input is not changed


def _table(rows):
    data = {"columns": ["Firma", "Değer"], "rows": rows, "formats": ["text", "number:1"], "marks": []}
    return new_output(
        "display_data",
        data={"text/html": "<table></table>", "text/plain": "table"},
        metadata={
            "clusterlib": {"kind": "table", "caption": "=cmd|' /C calc'!A0", "sheet": "t", "table": data}
        },
    )


def test_the_report_workbook_stores_formula_like_names_as_text(tmp_path):
    """export_xlsx used sheet.cell(value=...), and openpyxl made every string starting with '=' a formula."""
    rows = [[text, 1.5] for text in PAYLOADS] + [["Acme", -2.0]]
    path = export_xlsx(
        new_notebook(cells=[new_code_cell("t", outputs=[_table(rows)])]), tmp_path / "r.xlsx", lang="tr"
    )
    sheet = openpyxl.load_workbook(path)["t"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula anywhere
    assert sheet["A1"].value == "=cmd|' /C calc'!A0" and sheet["A1"].data_type == "s"
    shown = [sheet.cell(row=3 + i, column=1).value for i in range(len(PAYLOADS))]
    assert shown == [p.replace("\r", "\n") for p in PAYLOADS]  # as typed (XML reads a CR back as LF)
    assert all(sheet.cell(row=3 + i, column=1).quotePrefix for i in range(len(PAYLOADS)))
    assert sheet["B3"].value == 1.5 and sheet["B9"].value == -2.0 and sheet["B9"].data_type == "n"


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _unsafe_cells(path) -> list[str]:
    """Text cells a spreadsheet would compute (numbers such as -0.5 are numbers, not formulas)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    return [c for c in cells if c.startswith(FORMULA_STARTS) and not _number(c)]


def test_processed_value_chain_csvs_carry_no_formula(tmp_path):
    from clusterlib.valuechain import analyse_value_chain_mapping

    tables = load_tables(tables=["firms", "relations", "io_table", "employment"])
    firms = tables["firms"].copy()
    first = firms.index[firms["cluster"] == "samsun_medical"][0]
    firms.loc[first, "name"] = PAYLOADS[0]
    tables["firms"] = firms
    saved = analyse_value_chain_mapping("Samsun", tables=tables, lang="en").save(tmp_path)
    measures = next(p for p in saved if p.name.endswith("_measures.csv"))
    assert f"'{PAYLOADS[0]}".replace('"', '""') in measures.read_text(encoding="utf-8")
    assert all(_unsafe_cells(p) == [] for p in saved)


def test_processed_needs_csvs_carry_no_formula(tmp_path):
    """The actor-function table (needs_55_actor_functions.csv at f41a02c) carried stakeholder names raw."""
    from clusterlib.needs import analyse_needs_assessment

    data = tmp_path / "data"
    data.mkdir()
    for name in ("firms.csv", "survey.csv"):
        shutil.copy(SAMPLE_DIR / name, data / name)
    stakeholders = pd.read_csv(SAMPLE_DIR / "stakeholders.csv", dtype=str, keep_default_na=False)
    samsun = stakeholders.index[stakeholders["province"] == "Samsun"]
    stakeholders.loc[samsun[0], "name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    stakeholders.loc[samsun[1], "name"] = PAYLOADS[0]
    stakeholders.to_csv(data / "stakeholders.csv", index=False)
    saved = analyse_needs_assessment("Samsun", data_dir=data, n_boot=200, lang="tr").save(tmp_path / "out")
    actors = (tmp_path / "out" / "needs_assessment" / "55_samsun_actor_functions.csv").read_text(encoding="utf-8")
    assert "'@SUM(1+1)" in actors and f"'{PAYLOADS[0]}" in actors.replace('""', '"')
    assert all(_unsafe_cells(p) == [] for p in saved)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_saved_views_carry_no_formula(tmp_path, lang):
    from clusterlib.explore.saving import save_view
    from clusterlib.explore.views import Drawing

    drawing = Drawing(pd.DataFrame({"il": [PAYLOADS[0], "Çorum"], "LQ": [1.5, -0.5]}), (), "x")
    saved = save_view(drawing, [("il", PAYLOADS[0])], "injection", tmp_path, data_dir=None, version="t", lang=lang)
    delimiter = ";" if lang == "tr" else ","
    with open(saved.csv, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=delimiter) for cell in row]
    assert f"'{PAYLOADS[0]}" in cells
    assert [c for c in cells if c.startswith(FORMULA_STARTS) and not _number(c.replace(",", "."))] == []
    book = openpyxl.load_workbook(saved.xlsx)
    assert all(c.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    assert book.worksheets[0]["B3"].value == -0.5
