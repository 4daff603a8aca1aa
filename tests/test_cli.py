"""Tests of the command line (clusterlib.cli): validation before any kernel starts, listings,
and the exit code of a run in which a step fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.cli import cli
from clusterlib.config import NOTEBOOKS_DIR
from clusterlib.run import discover_steps

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_run_help_lists_steps_and_languages():
    result = invoke("run", "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Languages: tr, en." in text and "[tr|en]" in text
    listed = [s.id for s in discover_steps(NOTEBOOKS_DIR)] if NOTEBOOKS_DIR.is_dir() else []
    assert ("Steps in notebooks/: " + (", ".join(listed) if listed else "none found yet")) in text
    assert "'pilots'" in text and "'all'" in text


def test_unknown_province_lists_suggestions(tmp_path):
    result = invoke("run", "-p", "Kahramanmras", "--notebooks", str(FIXTURES), "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "Invalid value for '--province'" in result.output
    assert "did you mean 'Kahramanmaraş'" in result.output and "'pilots', 'all'" in result.output
    assert not (tmp_path / "o").exists()


def test_unknown_step_lists_choices(tmp_path):
    result = invoke("run", "-p", "Çorum", "--steps", "overview,sektor", "--notebooks", str(FIXTURES))
    assert result.exit_code == 2
    assert "Invalid value for '--steps'" in result.output
    assert "'steps' must be among ['overview', 'checks'] (or 'all'), got 'sektor'" in result.output


def test_unknown_language_lists_choices():
    result = invoke("run", "--lang", "de", "--notebooks", str(FIXTURES))
    assert result.exit_code == 2
    assert "'de' is not one of 'tr', 'en'" in result.output


def test_notebook_breaking_the_contract(tmp_path):
    nbformat.write(new_notebook(cells=[new_code_cell('province = "Çorum"')]), tmp_path / "01_bad.ipynb")
    result = invoke("run", "-p", "19", "--notebooks", str(tmp_path))
    assert result.exit_code == 1
    assert "01_bad.ipynb: the first code cell must be tagged 'parameters'" in result.output


def test_jobs_must_be_positive():
    result = invoke("run", "--jobs", "0", "--notebooks", str(FIXTURES))
    assert result.exit_code == 2 and "Invalid value for '--jobs'" in result.output


def test_steps_command_lists_fixture_steps():
    result = invoke("steps", "--notebooks", str(FIXTURES))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "01  overview                  Genel bakış / Overview  (01_overview.ipynb)",
        "02  checks                    Veri kontrolleri / Data checks  (02_checks.ipynb)",
    ]


def test_provinces_command():
    result = invoke("provinces", "--pilots")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 5 and lines[2].startswith("46  Kahramanmaraş") and lines[2].endswith("(pilot)")
    assert len(invoke("provinces").output.splitlines()) == 81


def test_python_dash_m_entry_point():
    completed = subprocess.run(
        [sys.executable, "-m", "clusterlib", "--version"], capture_output=True, text=True, check=True
    )
    assert completed.stdout.startswith("clusterlib, version ")


@pytest.mark.slow
def test_run_with_a_failing_step_exits_non_zero(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "data", data)
    (data / "firms.csv").write_text(
        (data / "firms.csv").read_text(encoding="utf-8").replace(",45,", ",-45,"), encoding="utf-8"
    )
    out = tmp_path / "reports"
    args = ["run", "--province", "Samsun", "--steps", "overview", "--steps", "checks", "--lang", "en"]
    args += ["--out", str(out), "--data", str(data), "--notebooks", str(FIXTURES)]
    args += ["--processed", str(tmp_path / "processed"), "--jobs", "2", "--no-progress", "--no-validate-data"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    rows = [line.split() for line in result.output.splitlines()]
    assert rows[0][:4] == ["Province", "Step", "Status", "Seconds"]
    assert rows[2][:3] == ["Samsun", "overview", "OK"] and rows[2][-1].endswith("en/samsun/overview.html")
    assert rows[3][:3] == ["Samsun", "checks", "Failed"]
    assert "Cell 4: ValueError: employees must not be negative" in result.output
    assert (out / "en" / "samsun" / "overview.html").is_file()
    assert not (out / "en" / "samsun" / "checks.html").exists()
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert (summary["ok"], summary["failed"], summary["lang"]) == (1, 1, "en")
    assert "Index page:" in result.output
