"""Incremental runs (issue 21): a report whose tables, parameters, notebook, code and language did
not change is skipped and shown as up to date; --force renders it anyway; a changed table
re-renders only the steps that read it, a changed parameter only its step."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from clusterlib.cli import cli
from clusterlib.config import NOTEBOOKS_DIR, SAMPLE_DIR
from clusterlib.resultcache import STEP_READS
from clusterlib.run import run
from clusterlib.run.contracts import ReportTask
from clusterlib.run.freshness import report_fingerprint, up_to_date

STEPS = ["needs_assessment", "sector_selection"]
PARAMS = {"n_boot": 200, "n_simulations": 200}


def _reports(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted((out / "tr").glob("*/*.html"))}


def _statuses(results) -> dict[str, str]:
    return {r.step: r.status for r in results}


def test_fingerprint_follows_only_the_tables_a_step_reads(tmp_path):
    data = shutil.copytree(SAMPLE_DIR, tmp_path / "data")
    notebook = NOTEBOOKS_DIR / "02_sector_selection.ipynb"
    common = {
        "notebook": notebook,
        "plate": 55,
        "lang": "tr",
        "parameters": {},
        "data_dir": data,
        "data_source": "x",
    }

    def both() -> tuple[str, str]:
        return (
            report_fingerprint(step="sector_selection", **common),
            report_fingerprint(step="needs_assessment", **common),
        )

    before = both()
    assert "firms" not in STEP_READS["sector_selection"] and "firms" in STEP_READS["needs_assessment"]
    with open(data / "firms.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    after = both()
    assert after[0] == before[0] and after[1] != before[1]


def test_a_task_without_a_recorded_report_is_not_up_to_date(tmp_path):
    task = ReportTask(
        province="Samsun", plate=55, step="demo", notebook="/nb.ipynb", lang="tr", parameters={},
        report=str(tmp_path / "tr" / "samsun" / "demo.html"), executed="/x.ipynb", failed_dir="/f",
        generated="2026-12-06T20:00:00+03:00", data_source="x", data_version="v", jupyter_path="",
        fingerprint="sha256:1",
    )  # fmt: skip
    assert up_to_date([task], tmp_path) == {}
    entry = {
        "report": "samsun/demo.html",
        "fingerprint": "sha256:1",
        "status": "ok",
        "plate": 55,
        "step": "demo",
    }
    (tmp_path / "tr").mkdir()
    (tmp_path / "tr" / "status.json").write_text(json.dumps({"entries": {"55/demo": entry}}))
    assert up_to_date([task], tmp_path) == {}  # the report file is gone
    Path(task.report).parent.mkdir(parents=True)
    Path(task.report).write_text("<p>report</p>")
    assert up_to_date([task], tmp_path)[0].status == "up_to_date"


@pytest.mark.slow
def test_up_to_date_skip_force_changed_table_and_changed_parameter(tmp_path):
    data = shutil.copytree(SAMPLE_DIR, tmp_path / "data")
    out, processed = tmp_path / "out", tmp_path / "processed"
    arguments = {"data_dir": data, "out_dir": out, "processed_dir": processed, "jobs": 2, "progress": False}

    first = run(["Samsun"], STEPS, params=PARAMS, **arguments)
    assert _statuses(first) == {"needs_assessment": "ok", "sector_selection": "ok"}
    reports = _reports(out)
    assert set(reports) == {"tr/samsun/needs_assessment.html", "tr/samsun/sector_selection.html"}

    again = run(["Samsun"], STEPS, params=PARAMS, **arguments)  # nothing changed
    assert _statuses(again) == {"needs_assessment": "up_to_date", "sector_selection": "up_to_date"}
    assert _reports(out) == reports  # byte-identical
    index = (out / "tr" / "index.html").read_text(encoding="utf-8")
    assert index.count('data-status="up_to_date"') == 2 and "2 rapor güncel" in index
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert summary["up_to_date"] == 2 and summary["ok"] == 2 and summary["failed"] == 0

    with open(data / "firms.csv", "a", encoding="utf-8") as handle:  # read by needs only
        handle.write("\n")
    table = run(["Samsun"], STEPS, params=PARAMS, **arguments)
    assert _statuses(table) == {"needs_assessment": "ok", "sector_selection": "up_to_date"}
    assert _reports(out)["tr/samsun/sector_selection.html"] == reports["tr/samsun/sector_selection.html"]

    parameter = run(["Samsun"], STEPS, params={**PARAMS, "n_simulations": 300}, **arguments)
    assert _statuses(parameter) == {"needs_assessment": "up_to_date", "sector_selection": "ok"}

    notebooks = shutil.copytree(NOTEBOOKS_DIR, tmp_path / "notebooks")  # the same notebooks elsewhere
    moved = run(
        ["Samsun"], STEPS, params={**PARAMS, "n_simulations": 300}, notebooks_dir=notebooks, **arguments
    )
    assert _statuses(moved) == {"needs_assessment": "up_to_date", "sector_selection": "up_to_date"}
    needs = notebooks / "01_needs_assessment.ipynb"
    document = json.loads(needs.read_text(encoding="utf-8"))
    document["metadata"]["edited"] = True  # a changed notebook
    needs.write_text(json.dumps(document), encoding="utf-8")
    edited = run(
        ["Samsun"], STEPS, params={**PARAMS, "n_simulations": 300}, notebooks_dir=notebooks, **arguments
    )
    assert _statuses(edited) == {"needs_assessment": "ok", "sector_selection": "up_to_date"}

    result = CliRunner().invoke(
        cli,
        ["run", "-p", "Samsun", "-s", "needs_assessment", "--param", "n_boot=200", "--notebooks", str(notebooks),
         "--data", str(data), "--out", str(out), "--processed", str(processed), "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Güncel" in result.output
    forced = CliRunner().invoke(
        cli,
        ["run", "-p", "Samsun", "-s", "needs_assessment", "--param", "n_boot=200", "--notebooks", str(notebooks),
         "--data", str(data), "--out", str(out), "--processed", str(processed), "--no-progress", "--force"],
    )  # fmt: skip
    assert forced.exit_code == 0 and "Güncel" not in forced.output and "Başarılı" in forced.output
    status = json.loads((out / "tr" / "status.json").read_text(encoding="utf-8"))
    assert status["entries"]["55/needs_assessment"]["status"] == "ok"
    assert status["entries"]["55/sector_selection"]["report"] == "samsun/sector_selection.html"
