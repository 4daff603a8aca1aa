"""Run specs and --param (issue 7): every notebook parameter can be set by a scheduled run, checked
against the notebooks' parameters cells before any kernel starts."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.cli import cli
from clusterlib.config import NOTEBOOKS_DIR, PROJECT_ROOT
from clusterlib.run import run
from clusterlib.run.plan import parameter_plan, resolve_provinces
from clusterlib.run.spec import RunSpecError, load_spec, parse_param
from clusterlib.run.steps import NotebookContractError, discover_steps

PILOTS_SPEC = PROJECT_ROOT / "runs" / "pilots.yml"

PARAMETERS = (
    "province = None\n"
    'lang = "tr"\n'
    "data_dir = None\n"
    "processed_dir = None\n"
    "top_k: int = 5  # size of the shortlist\n"
    "label: str | None = None\n"
)
BODY = 'import clusterlib.report as report\nreport.finding(f"{province}: top_k={top_k} label={label}")'


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    cells = [new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}), new_code_cell(BODY)]
    kernel = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    nbformat.write(new_notebook(cells=cells, metadata=kernel), folder / "01_demo.ipynb")
    nbformat.write(
        new_notebook(
            cells=[new_code_cell(PARAMETERS.replace("top_k", "other"), metadata={"tags": ["parameters"]})]
        ),
        folder / "02_other.ipynb",
    )
    return folder


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_committed_pilots_spec_fits_the_notebooks():
    """`make reports` runs runs/pilots.yml: it loads, and its parameters fit today's notebooks."""
    spec = load_spec(PILOTS_SPEC)
    arguments = spec.run_arguments()
    assert arguments["provinces"] == ["pilots"] and arguments["lang"] == ["tr"] and arguments["steps"] is None
    assert "out_dir" not in arguments and "data_dir" not in arguments  # reports/ and the bundled sample
    steps = discover_steps(NOTEBOOKS_DIR)
    plan = parameter_plan(
        steps,
        resolve_provinces("pilots"),
        params=arguments["params"],
        step_params=arguments["step_params"],
        province_params=arguments["province_params"],
    )
    assert (
        plan(resolve_provinces("Trabzon")[0], next(s for s in steps if s.id == "sector_selection"))["top_k"]
        == 5
    )


def test_makefile_reports_target_runs_the_pilots_spec():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "RUN_SPEC ?= runs/pilots.yml" in makefile and "run --spec $(RUN_SPEC)" in makefile


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "provinces: [Çorum]\nlanguage: tr\n",
            r"language: unknown key \(allowed: provinces, steps, languages",
        ),
        ("languages: [de]\n", r"languages\[0\]: Input should be 'tr' or 'en' \(got 'de'\)"),
        ("jobs: many\n", r"jobs: Input should be a valid integer"),
        ("step_parameters: [top_k]\n", r"step_parameters: Input should be a valid dictionary"),
        ("- just\n- a list\n", r"a run spec is a mapping of keys"),
        ("provinces: [\n", r"not valid YAML"),
    ],
)
def test_bad_spec_names_the_key(tmp_path, text, message):
    (tmp_path / "run.yml").write_text(text, encoding="utf-8")
    with pytest.raises(RunSpecError, match=r"^(run\.yml: )?.*" + message):
        load_spec(tmp_path / "run.yml")


def test_parse_param_reads_yaml_values():
    assert parse_param("top_k=3") == (None, "top_k", 3)
    assert parse_param("share=0.25") == (None, "share", 0.25)
    assert parse_param("year=null") == (None, "year", None)
    assert parse_param("demo.label=Çorum ili") == ("demo", "label", "Çorum ili")
    assert parse_param("day=2026-01-02") == (None, "day", "2026-01-02")  # a date stays text
    with pytest.raises(ValueError, match="expected NAME=VALUE"):
        parse_param("top_k")


def test_unknown_param_fails_before_any_kernel_and_lists_the_parameters(tmp_path, notebooks):
    out = tmp_path / "out"
    result = invoke("run", "-p", "19", "--notebooks", str(notebooks), "--out", str(out), "--param", "top=3")
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "no selected step has a parameter 'top'" in text
    assert "01_demo.ipynb: province: any = None; lang: str = 'tr'" in text
    assert "top_k: int = 5 (size of the shortlist)" in text
    assert not out.exists()


def test_wrong_type_fails_before_any_kernel(tmp_path, notebooks):
    out = tmp_path / "out"
    result = invoke(
        "run", "-p", "19", "--notebooks", str(notebooks), "--out", str(out), "--param", "demo.top_k=three"
    )
    assert result.exit_code == 2
    assert "01_demo.ipynb: parameter 'top_k' must be int, got 'three' (str)" in " ".join(
        result.output.split()
    )
    assert not out.exists()


def test_run_sets_reserved_names_itself(tmp_path, notebooks):
    with pytest.raises(NotebookContractError, match=r"\['lang'\] are set by the run itself"):
        run(["19"], notebooks_dir=notebooks, out_dir=tmp_path / "o", params={"lang": "en"})
    with pytest.raises(NotebookContractError, match=r"step_parameters: 'steps' must be among"):
        run(["19"], notebooks_dir=notebooks, out_dir=tmp_path / "o", step_params={"nope": {"top_k": 1}})
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_spec_and_param_values_reach_each_notebook(tmp_path, notebooks):
    """Run-wide < step < province, and the command line's --param over the spec's."""
    spec = tmp_path / "spec.yml"
    spec.write_text(
        "provinces: [Çorum, Samsun]\n"
        "steps: [demo]\n"
        "out: out\n"
        "processed: processed\n"
        f"notebooks: {notebooks}\n"
        "jobs: 2\n"
        "parameters: {label: run-wide}\n"
        "step_parameters: {demo: {top_k: 7}}\n"
        "province_parameters: {Samsun: {label: samsun only}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["run", "--spec", str(spec), "--no-progress", "--param", "demo.top_k=8"])
    assert result.exit_code == 0, result.output
    corum = (tmp_path / "out" / "tr" / "corum" / "demo.html").read_text(encoding="utf-8")
    samsun = (tmp_path / "out" / "tr" / "samsun" / "demo.html").read_text(encoding="utf-8")
    assert "Çorum: top_k=8 label=run-wide" in corum
    assert "Samsun: top_k=8 label=samsun only" in samsun


def test_steps_command_lists_the_parameters_for_param(notebooks):
    result = invoke("steps", "--notebooks", str(notebooks), "--parameters")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("01  demo") and lines[3].startswith("02  other")
    assert lines[1:3] == [
        "      --param top_k: int = 5  (size of the shortlist)",
        "      --param label: str | None = None",
    ]
