"""Post-run hooks (issue 18, "two rooms"): the runner knows no step by name; the pages a package writes
after a run come from hooks it registers, and a failing hook is reported without losing earlier output."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from clusterlib.config import PACKAGE_DIR
from clusterlib.regions import province
from clusterlib.run import hooks, run
from clusterlib.run.hooks import HookOutcome, failed_hooks, post_run_hooks, register, run_hooks, unregister
from clusterlib.run.results import RunSummary
from clusterlib.run.steps import Step

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
STEPS = (Step(1, "overview", Path("/nb/01_overview.ipynb")), Step(4, "monitoring", Path("/nb/04_monitoring.ipynb")))
STEPS_ONLY = ("needs", "selection", "valuechain", "monitoring", "national", "knowledge", "explore")


def _summary(out: Path, steps: tuple[Step, ...] = STEPS, lang: str = "en") -> RunSummary:
    return RunSummary(
        out_dir=out, lang=lang, results=(), steps=steps, provinces=(province("Çorum"),),
        data_version="sha256:ab", data_source="t", generated="2026-11-28T09:00:00+03:00",
    )  # fmt: skip


def _imports(package: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import of the modules of ``clusterlib/<package>``."""
    found = []
    for path in sorted((PACKAGE_DIR / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found += [(path.name, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_the_run_package_imports_no_step():
    steps = [(f, m) for f, m in _imports("run") if m.split(".")[:2] in (["clusterlib", s] for s in STEPS_ONLY)]
    assert steps == []
    assert ("runner.py", "clusterlib.run.hooks.run_hooks") in _imports("run")  # the check sees imports


def test_report_imports_neither_a_step_nor_the_package_root_nor_the_run_package():
    imported = _imports("report")
    def wrong(module: str) -> bool:
        parts = module.split(".")
        if parts[0] != "clusterlib":
            return False
        return len(parts) == 1 or parts[1] in (*STEPS_ONLY, "run", "__version__")

    assert [(f, m) for f, m in imported if wrong(m)] == []
    assert any(m.startswith("clusterlib.report.display") for _, m in imported)


def test_the_pages_of_monitoring_and_national_are_registered_by_entry_point():
    found = post_run_hooks()
    assert {"knowledge_pages", "national_pages"} <= set(found)
    assert found["national_pages"].__qualname__ == "clusterlib.national.postrun:national_pages"
    assert found["knowledge_pages"].__qualname__ == "clusterlib.monitoring.postrun:knowledge_pages"


def test_the_registered_pages_do_nothing_without_the_monitoring_step(tmp_path):
    summary = _summary(tmp_path, steps=STEPS[:1])
    outcomes = run_hooks(summary, {k: v for k, v in post_run_hooks().items() if k.endswith("_pages")})
    assert [(o.hook, o.status) for o in outcomes] == [("knowledge_pages", "skipped"), ("national_pages", "skipped")]
    assert not any(tmp_path.iterdir())


def test_a_failing_hook_is_reported_and_the_others_still_run(tmp_path, capsys):
    seen = []

    def good(summary):
        seen.append((summary.lang, [s.id for s in summary.steps]))
        return [tmp_path / "en" / "page.html"]

    def broken(summary):
        raise OSError("disk full")

    outcomes = run_hooks(_summary(tmp_path), {"a_broken": broken, "b_good": good})
    assert seen == [("en", ["overview", "monitoring"])]
    assert outcomes[0] == HookOutcome("a_broken", "en", "failed", error="OSError: disk full",
                                      seconds=outcomes[0].seconds)  # fmt: skip
    assert (outcomes[1].status, outcomes[1].pages) == ("ok", ("en/page.html",))
    assert "post-run hook 'a_broken' (en) failed: OSError: disk full" in capsys.readouterr().err


def test_register_refuses_what_is_not_callable_and_replaces_by_name():
    with pytest.raises(TypeError, match="post-run hook 'x' must be callable, got str"):
        register("x", "not a function")  # type: ignore[arg-type]
    register("national_pages", len)
    try:
        assert post_run_hooks()["national_pages"] is len
    finally:
        unregister("national_pages")
    assert post_run_hooks()["national_pages"] is not len


def test_a_hook_that_fails_in_a_run_keeps_the_reports_and_its_earlier_page(tmp_path, monkeypatch):
    """First run: the hook writes its page.  Second run (nothing changed, so no kernel starts): the hook
    raises; the run still writes its index, says so in run.json and on the command line's summary, and the
    page of the first run is still there, byte for byte."""
    monkeypatch.setattr(hooks, "_entry_point_hooks", dict)  # only this test's hook
    out, calls = tmp_path / "out", []

    def page(summary):
        calls.append(summary.lang)
        if len(calls) > 1:
            raise RuntimeError("the registry is locked")
        target = summary.out_dir / summary.lang / "extra.html"
        target.write_text("<title>Extra</title>", encoding="utf-8")
        return target

    register("extra", page)
    try:
        kwargs = dict(notebooks_dir=FIXTURES, data_dir=FIXTURES / "data", out_dir=out,
                      processed_dir=tmp_path / "p", progress=False, jobs=1, validate_data=False)  # fmt: skip
        first = run(["Çorum"], ["overview"], **kwargs)
        before = (out / "tr" / "extra.html").read_bytes()
        report = first[0].output.read_bytes()
        second = run(["Çorum"], ["overview"], **kwargs)
    finally:
        unregister("extra")
    assert [r.status for r in first] == ["ok"] and [r.status for r in second] == ["up_to_date"]
    assert (out / "tr" / "extra.html").read_bytes() == before and first[0].output.read_bytes() == report
    entries = json.loads((out / "run.json").read_text(encoding="utf-8"))["post_run"]
    assert entries == [{"hook": "extra", "lang": "tr", "status": "failed", "pages": [], "pages_written": 0,
                        "error": "RuntimeError: the registry is locked", "seconds": entries[0]["seconds"]}]  # fmt: skip
    assert [h.error for h in failed_hooks(out)] == ["RuntimeError: the registry is locked"]
    assert (out / "index.html").is_file()


def test_the_old_names_of_clusterlib_report_still_reach_the_runner():
    """External callers of ``clusterlib.report.run`` keep working; importing the package root (and so
    ``clusterlib.report``) does not import the run package until such a name is used."""
    import subprocess
    import sys

    import clusterlib.report
    import clusterlib.run

    assert clusterlib.report.run is clusterlib.run.run
    assert clusterlib.report.load_spec is clusterlib.run.load_spec
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        clusterlib.report.nothing_here  # noqa: B018
    code = "import sys, clusterlib; print('clusterlib.run' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_a_hooks_ahead_step_runs_while_the_reports_render_and_before_the_hook(tmp_path, monkeypatch):
    """A hook may carry an ``ahead`` step: the runner calls it, in the import-ahead thread, with the
    summary the hook will get (its results still empty) while the reports render; the hook runs after
    the reports as ever.  A failing ``ahead`` step is left to the hook."""
    monkeypatch.setattr(hooks, "_entry_point_hooks", dict)  # only this test's hooks
    out, calls = tmp_path / "out", []

    def page(summary):
        calls.append(("hook", summary.lang, len(summary.results)))

    def ahead(summary):
        calls.append(("ahead", summary.lang, len(summary.results), summary.info.get("forced")))

    def broken(summary):
        raise RuntimeError("ahead failed")

    def other(summary):
        calls.append(("other", summary.lang))

    page.ahead = ahead
    other.ahead = broken
    register("page", page)
    register("other", other)
    try:
        results = run(["Çorum"], ["overview"], notebooks_dir=FIXTURES, data_dir=FIXTURES / "data", out_dir=out,
                      processed_dir=tmp_path / "p", progress=False, jobs=1, validate_data=False, lang=["tr", "en"])
    finally:
        unregister("page")
        unregister("other")
    assert {r.status for r in results} == {"ok"}
    assert calls[:2] == [("ahead", "tr", 0, False), ("ahead", "en", 0, False)]
    assert sorted(calls[2:]) == [("hook", "en", 1), ("hook", "tr", 1), ("other", "en"), ("other", "tr")]
