"""The index of a national run (issue 14): 81 provinces x 4 steps, every rendered report linked,
every failure marked, the pages a run wrote linked, and the grid small enough to open at once."""

from __future__ import annotations

import re
from pathlib import Path

from clusterlib.report import runner
from clusterlib.report.contracts import ReportTask, TaskOutcome
from clusterlib.report.index import publish_and_record, write_index
from clusterlib.report.runner import resolve_provinces
from clusterlib.report.steps import Step

STEPS = [
    Step(1, "needs_assessment", Path("/nb/01_needs_assessment.ipynb")),
    Step(2, "sector_selection", Path("/nb/02_sector_selection.ipynb")),
    Step(3, "value_chain_mapping", Path("/nb/03_value_chain_mapping.ipynb")),
    Step(4, "monitoring", Path("/nb/04_monitoring.ipynb")),
]


def test_national_index_links_every_report_and_marks_every_failure(tmp_path):
    out = tmp_path / "out"
    pairs = []
    for row in resolve_provinces("all"):
        for step in STEPS:
            task = ReportTask(
                province=row.name, plate=int(row.plate), step=step.id, notebook=str(step.path), lang="tr",
                parameters={}, report=str(out / "tr" / row.slug / f"{step.id}.html"), executed="/x",
                failed_dir="/f", generated="2026-11-28T09:00:00+03:00", data_source="t",
                data_version="sha256:ab", jupyter_path="/k",
            )  # fmt: skip
            failed = (int(row.plate) + step.number) % 9 == 0  # a spread of failures
            outcome = (
                TaskOutcome(status="failed", error=f"ValueError: {row.name} {step.id}", cell=3)
                if failed
                else TaskOutcome(status="ok", report=task.report)
            )
            pairs.append((task, publish_and_record(task, outcome, None if failed else f"<p>{row.name}</p>")))
    (out / "tr" / "national.html").write_text("<p>map</p>", encoding="utf-8")
    results = [runner._result(t, o) for t, o in pairs]
    write_index(
        out,
        lang="tr",
        results=results,
        steps=STEPS,
        run={"date": "2026-11-28T09:00:00+03:00", "data_source": "t", "data_version": "sha256:ab"},
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    failures = [(t, o) for t, o in pairs if not o.ok]
    assert len(pairs) == 324 and 20 < len(failures) < 60
    assert index.count('data-status="ok"') == 324 - len(failures)
    assert index.count('data-status="failed"') == len(failures)
    for task, outcome in pairs:
        href = "tr/" + Path(task.report).relative_to(out / "tr").as_posix()
        if outcome.ok:
            assert f'href="{href}"' in index
        else:
            assert f"ValueError: {task.province} {task.step}" in index and f'href="{href}"' not in index
    for link in re.findall(r'href="([^"]+)"', index):
        assert (out / link).is_file(), link
    assert len(re.findall(r'<tr>\s*<th scope="row">', index)) == 81
    assert f"Son çalıştırma: 324 rapor, {324 - len(failures)} başarılı, {len(failures)} başarısız" in index
    assert re.search(r'href="tr/national.html">(Ulusal görünüm[^<]*)</a>', index)  # named as the page names itself
    assert len(index.encode()) < 600_000  # opens at once


def test_post_run_pages_are_called_and_a_failing_writer_does_not_fail_the_run(tmp_path, monkeypatch, capsys):
    seen = []

    def national(summary):
        seen.append((summary.lang, [s.id for s in summary.steps], len(summary.provinces)))
        return tmp_path / "national.html"

    def broken(summary):
        raise OSError("disk full")

    monkeypatch.setattr(runner, "POST_RUN_PAGES", [broken, national])
    summary = runner.RunSummary(
        out_dir=tmp_path, lang="en", results=(), steps=tuple(STEPS), provinces=tuple(resolve_provinces("pilots")),
        data_version="sha256:ab", data_source="t", generated="2026-11-28T09:00:00+03:00",
    )  # fmt: skip
    runner._post_run_pages(summary)
    assert seen == [("en", [s.id for s in STEPS], 5)]
    assert "post-run page 'broken' failed: OSError: disk full" in capsys.readouterr().err


def test_monitoring_pages_only_after_runs_with_the_monitoring_step(tmp_path):
    assert [runner.monitoring_pages] == runner.POST_RUN_PAGES
    summary = runner.RunSummary(
        out_dir=tmp_path, lang="tr", results=(), steps=tuple(STEPS[:2]), provinces=(),
        data_version="sha256:ab", data_source="t", generated="2026-11-28T09:00:00+03:00",
    )  # fmt: skip
    assert runner.monitoring_pages(summary) is None and not any(tmp_path.iterdir())
