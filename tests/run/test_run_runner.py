"""Tests of the report runner (clusterlib.report.run) on the fixture notebooks.

The slow tests execute real notebooks with real kernels: a good run of two provinces, then a
run on broken data in which one step fails, then an English run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from _reportpage import external_references, plotly_figures

from clusterlib import UnknownProvinceError
from clusterlib.data.version import data_version
from clusterlib.run import run, worker
from clusterlib.run.contracts import ReportTask
from clusterlib.run.plan import resolve_provinces

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
XSS = "<script>alert(1)</script>"


# ------------------------------------------------------------------------------------ fast checks
def test_unknown_province_fails_before_any_kernel(tmp_path):
    with pytest.raises(
        UnknownProvinceError, match=r"'Trabzn' is not a Turkish province.*did you mean 'Trabzon'"
    ):
        run(["Trabzn"], notebooks_dir=FIXTURES, out_dir=tmp_path / "out", data_dir=FIXTURES / "data")
    assert not (tmp_path / "out").exists()


def test_unknown_step_lists_choices(tmp_path):
    with pytest.raises(ValueError, match=r"'steps' must be among \['overview', 'checks'\]"):
        run(
            ["Çorum"],
            ["sector"],
            notebooks_dir=FIXTURES,
            out_dir=tmp_path / "out",
            data_dir=FIXTURES / "data",
        )
    assert not (tmp_path / "out").exists()


def test_unknown_language_lists_choices(tmp_path):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'TR'"):
        run(["Çorum"], lang="TR", notebooks_dir=FIXTURES, out_dir=tmp_path / "out")


def test_missing_data_dir(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"'data_dir' .* is not an existing directory"):
        run(["Çorum"], notebooks_dir=FIXTURES, data_dir=tmp_path / "nope", out_dir=tmp_path / "out")


def test_jobs_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="'jobs' must be a positive integer, got 0"):
        run(["Çorum"], notebooks_dir=FIXTURES, data_dir=FIXTURES / "data", out_dir=tmp_path / "o", jobs=0)


def test_resolve_provinces_pilots_all_codes_and_empty():
    assert [p.name for p in resolve_provinces(["pilots"])] == [
        "Çorum",
        "Gaziantep",
        "Kahramanmaraş",
        "Samsun",
        "Trabzon",
    ]
    assert [p.plate for p in resolve_provinces("KAHRAMANMARAŞ,TR-55,19")] == [46, 55, 19]
    with pytest.raises(ValueError, match="'provinces' is empty"):
        resolve_provinces([""])


# ------------------------------------------------------------- worker: retries and interruptions
def _task(tmp_path: Path) -> ReportTask:
    return ReportTask(
        province="Çorum",
        plate=19,
        step="overview",
        notebook=str(FIXTURES / "01_overview.ipynb"),
        lang="tr",
        parameters={},
        report=str(tmp_path / "out" / "tr" / "corum" / "overview.html"),
        executed=str(tmp_path / "executed" / "19_overview.ipynb"),
        failed_dir=str(tmp_path / "executed" / "failed"),
        generated=dt.datetime(2026, 1, 2, 3, 4).isoformat(),
        data_source="test",
        data_version="sha256:00",
        jupyter_path=str(tmp_path),
        kernel_name="python3",
        timeout=60,
        start_timeout=60,
    )


def test_worker_retries_once_when_the_kernel_does_not_start(tmp_path, monkeypatch):
    calls = []

    def flaky(task, partial):
        calls.append(partial)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("ok")])
        nbformat.write(nb, partial)
        return nb

    monkeypatch.setattr(worker, "_execute", flaky)
    result = worker.run_task(_task(tmp_path))
    assert result.status == "ok" and result.attempts == 2 and result.recorded
    assert Path(result.report).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    status = json.loads((tmp_path / "out" / "tr" / "status.json").read_text(encoding="utf-8"))
    assert status["entries"]["19/overview"]["report"] == "corum/overview.html"
    # the page-only figures are the run's kernels' business (their spec), not this process's: a
    # JupyterLab started from here later must still get plotly's interactive bundle
    assert "CLUSTERLIB_PAGE_ONLY" not in os.environ


def test_worker_does_not_retry_a_kernel_that_stays_down(tmp_path, monkeypatch):
    def dead(task, partial):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(worker, "_execute", dead)
    result = worker.run_task(_task(tmp_path))
    assert result.status == "failed" and result.attempts == 2
    assert "Kernel died" in result.error and Path(result.log).is_file()


def test_worker_does_not_retry_a_cell_timeout(tmp_path, monkeypatch):
    from nbclient.exceptions import CellTimeoutError

    def slow(task, partial):
        raise CellTimeoutError("A cell timed out while it was being executed, after 60 seconds.")

    monkeypatch.setattr(worker, "_execute", slow)
    result = worker.run_task(_task(tmp_path))
    assert result.status == "failed" and result.attempts == 1
    assert result.error.startswith("CellTimeoutError: A cell timed out")


@pytest.mark.slow
def test_a_crashing_worker_fails_its_task_and_is_replaced(tmp_path):
    from clusterlib.run.pool import run_pool

    broken = dataclasses.replace(_task(tmp_path), executed=None)  # the worker dies on it
    results = run_pool([broken, broken], jobs=1, progress=False, log_dir=tmp_path)
    assert [r.status for r in results] == ["failed", "failed"]
    assert all("the worker process ended unexpectedly" in r.error for r in results)
    assert "TypeError" in (tmp_path / "worker-1.log").read_text(encoding="utf-8")


def test_interrupted_step_keeps_the_earlier_report(tmp_path, monkeypatch):
    task = _task(tmp_path)
    report = Path(task.report)
    report.parent.mkdir(parents=True)
    report.write_text("earlier good report", encoding="utf-8")

    def interrupted(task, partial):
        Path(partial).write_text("{half a notebook", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(worker, "_execute", interrupted)
    with pytest.raises(KeyboardInterrupt):
        worker.run_task(task)
    assert report.read_text(encoding="utf-8") == "earlier good report"
    assert sorted(p.name for p in report.parent.iterdir()) == ["overview.html"]
    assert not any(Path(task.executed).parent.glob("*partial*"))


def test_failed_export_keeps_the_earlier_report(tmp_path, monkeypatch):
    task = _task(tmp_path)
    report = Path(task.report)
    report.parent.mkdir(parents=True)
    report.write_text("earlier good report", encoding="utf-8")

    def executed(task, partial):
        nb = nbformat.v4.new_notebook()
        nbformat.write(nb, partial)
        return nb

    def broken_export(task, nb):
        raise OSError("disk full")

    monkeypatch.setattr(worker, "_execute", executed)
    monkeypatch.setattr(worker, "_publish", broken_export)
    result = worker.run_task(task)
    assert result.status == "failed" and result.error == "HTML export failed: OSError: disk full"
    assert report.read_text(encoding="utf-8") == "earlier good report"


# ------------------------------------------------------------------------- slow: real notebooks
@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Run 1: Çorum and Samsun on good data.  Run 2: Çorum on data that breaks step 'checks'.
    Run 3: Samsun 'overview' in English.  Same output folder throughout."""
    root = tmp_path_factory.mktemp("reports")
    good = root / "good"
    shutil.copytree(FIXTURES / "data", good)
    bad = root / "bad"
    shutil.copytree(FIXTURES / "data", bad)
    firms = (bad / "firms.csv").read_text(encoding="utf-8").replace(",87,", ",-87,")
    (bad / "firms.csv").write_text(firms, encoding="utf-8")
    out, processed = root / "out", root / "processed"
    common = {
        "notebooks_dir": FIXTURES,
        "out_dir": out,
        "processed_dir": processed,
        "progress": False,
        "validate_data": False,  # the fixture's firms.csv is the notebooks' own, not a workbench table
    }

    first = run(["Çorum", "samsun"], data_dir=good, jobs=2, **common)
    snapshot = {r.output: r.output.read_bytes() for r in first if r.output}
    index_first = (out / "index.html").read_text(encoding="utf-8")
    second = run(["19"], data_dir=bad, **common)
    index_second = (out / "index.html").read_text(encoding="utf-8")
    run_json_second = json.loads((out / "run.json").read_text(encoding="utf-8"))
    third = run(["Samsun"], ["overview"], lang="en", data_dir=good, **common)
    return {
        "root": root,
        "out": out,
        "processed": processed,
        "good": good,
        "bad": bad,
        "first": first,
        "second": second,
        "third": third,
        "snapshot": snapshot,
        "index_first": index_first,
        "index_second": index_second,
        "run_json_second": run_json_second,
    }


def _page(runs, province="corum", step="overview", lang="tr") -> str:
    return (runs["out"] / lang / province / f"{step}.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_good_run_renders_every_province_and_step(runs):
    first = runs["first"]
    assert [(r.province, r.step, r.status) for r in first] == [
        ("Çorum", "overview", "ok"),
        ("Çorum", "checks", "ok"),
        ("Samsun", "overview", "ok"),
        ("Samsun", "checks", "ok"),
    ]
    for result in first:
        assert result.output == runs["out"] / "tr" / ("corum" if result.plate == 19 else "samsun") / (
            f"{result.step}.html"
        )
        assert (
            result.executed
            == runs["processed"] / "executed" / "tr" / f"{result.plate:02d}_{result.step}.ipynb"
        )
        assert result.executed.is_file() and result.seconds > 0


@pytest.mark.slow
def test_report_shows_no_code_parameters_banner_traceback_or_stderr(runs):
    for province in ("corum", "samsun"):
        for step in ("overview", "checks"):
            html = _page(runs, province, step)
            for marker in (
                "FIXTURE_CODE_MARKER",
                "injected-parameters",
                "papermill",
                "Traceback",
                "stderr text",
                "In&nbsp;[",
                'province = "',
            ):
                assert marker not in html, (province, step, marker)
            assert html.startswith('<!DOCTYPE html>\n<html lang="tr">')


@pytest.mark.slow
def test_firm_name_with_script_is_escaped(runs):
    html = _page(runs)
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; A.Ş." in html  # the table cell


@pytest.mark.slow
def test_turkish_numbers_findings_on_top(runs):
    html = _page(runs)
    assert '<td class="num">1.234</td>' in html and '<td class="num">%12,5</td>' in html
    box = html[html.index('<section class="cl-key-findings"') : html.index("<main")]
    assert "Temel bulgular" in box
    assert (
        "<li>Çorum ilinde 3 firma incelendi.</li>" in box
        and "<li>Gıda makineleri en büyük sektördür.</li>" in box
    )
    assert "<title>Genel bakış — Çorum</title>" in html


@pytest.mark.slow
def test_every_figure_carries_its_data_and_plotly_is_inline(runs):
    html = _page(runs)
    figures = plotly_figures(html)
    assert len(figures) == 2
    types = sorted(trace["type"] for data in figures.values() for trace in data)
    assert types == ["bar", "choropleth"]
    assert all(data and all(trace.get("y") or trace.get("z") for trace in data) for data in figures.values())
    assert re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html) == []  # plotly.js inline: the page travels alone
    assert len(html) > 1_000_000
    assert external_references(html) == []
    assert "no-figures" not in html
    assert "<script" not in _page(runs, step="checks")  # no chart, no plotly.js


@pytest.mark.slow
def test_kernel_is_the_current_interpreter(runs):
    executed = nbformat.read(runs["first"][3].executed, as_version=4)  # Samsun, checks: not re-run since
    records = [
        out.metadata["clusterlib"]
        for cell in executed.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.get("metadata", {}).get("clusterlib", {}).get("kind") == "provenance"
    ]
    assert records and records[0]["python_executable"] == sys.executable
    assert records[0]["params"]["province"] == "Samsun"
    assert records[0]["params"]["data_dir"] == str(runs["good"])


@pytest.mark.slow
def test_index_and_run_json_after_good_run(runs):
    html = runs["index_first"]
    assert '<html lang="tr">' in html and "Türkçe" in html
    assert data_version(runs["good"]).split(":")[1][:12] in html
    assert "Son çalıştırma: 4 rapor, 4 başarılı, 0 başarısız" in html
    for link in re.findall(r'href="([^"]+\.html)"', html):
        assert (runs["out"] / link).is_file(), link
    assert html.count('data-status="ok"') == 4


@pytest.mark.slow
def test_failing_step_others_finish(runs):
    second = runs["second"]
    assert [(r.step, r.status) for r in second] == [("overview", "ok"), ("checks", "failed")]
    failed = second[1]
    assert failed.output is None
    assert failed.error == "ValueError: employees must not be negative"
    assert failed.cell == 4  # 4th cell of 02_checks.ipynb: parameters, imports, heading, the check
    assert "raise ValueError" in failed.source
    assert failed.executed == runs["processed"] / "executed" / "tr" / "failed" / "19_checks.ipynb"
    assert "Traceback" in failed.log.read_text(encoding="utf-8") or "ValueError" in failed.log.read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_failed_step_leaves_earlier_report_byte_identical(runs):
    report = runs["out"] / "tr" / "corum" / "checks.html"
    assert report.read_bytes() == runs["snapshot"][report]
    overview = runs["out"] / "tr" / "corum" / "overview.html"
    assert data_version(runs["bad"]).split(":")[1][:12] in overview.read_text(encoding="utf-8")


@pytest.mark.slow
def test_nothing_unpublished_in_the_report_folder(runs):
    leftovers = [
        p for p in runs["out"].rglob("*") if p.suffix in (".ipynb", ".tmp", ".log") or ".partial" in p.name
    ]
    assert leftovers == []
    assert not any(runs["processed"].rglob("*partial*"))


@pytest.mark.slow
def test_index_marks_failure_with_cell_and_keeps_previous_report(runs):
    html = runs["index_second"]
    failed_cell = re.search(r'<td data-status="failed">(.*?)</td>', html, re.S).group(1)
    assert "Başarısız" in failed_cell
    assert "Hücre 4: ValueError: employees must not be negative" in failed_cell
    assert 'href="tr/corum/checks.html"' in failed_cell and "önceki rapor" in failed_cell
    assert html.count('data-status="ok"') == 3  # Samsun's two reports from the first run stay listed
    assert "Son çalıştırma: 2 rapor, 1 başarılı, 1 başarısız" in html
    summary = runs["run_json_second"]
    assert summary["ok"] == 1 and summary["failed"] == 1 and summary["lang"] == "tr"
    assert summary["data_version"] == data_version(runs["bad"])
    result = summary["results"][1]
    assert result["status"] == "failed" and result["cell"] == 4 and result["output"] is None


@pytest.mark.slow
def test_english_run(runs):
    (result,) = runs["third"]
    assert result.ok
    html = _page(runs, "samsun", "overview", lang="en")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Key findings" in html and "<title>Overview — Samsun</title>" in html
    assert '<td class="num">1,234</td>' in html and '<td class="num">12.5%</td>' in html
    index = (runs["out"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and 'href="tr/index.html"' in index  # link to the Turkish grid
    assert (runs["out"] / "tr" / "index.html").is_file() and (runs["out"] / "en" / "index.html").is_file()


@pytest.mark.slow
def test_reports_and_index_carry_no_path_of_the_machine(runs):
    """Reports are e-mailed: the data folder is named by its last part and its version."""
    for page in [*runs["out"].rglob("*.html")]:
        html = page.read_text(encoding="utf-8")
        assert str(runs["root"]) not in html and "/tmp/" not in html, page
    checks = _page(runs, "samsun", "checks")  # from the first run, on the folder "good"
    assert f"good, {data_version(runs['good']).split(':')[1][:12]}" in checks
    assert "TSİ" in runs["index_first"]
