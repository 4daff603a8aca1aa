"""Guards of the runner under faults (issue 21; red-team findings F15–F18): YAML anchors and
aliases refused, an out folder of someone else's files refused, parameters outside their bounds
refused before any kernel starts, nothing running or writing after the runner is killed, files
written readable."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.cli import cli
from clusterlib.config import NOTEBOOKS_DIR, PACKAGE_DIR
from clusterlib.configfile import ConfigError, read_yaml
from clusterlib.run import run
from clusterlib.run.outdir import MARKER, OutDirError, check_out_dir, is_report_folder
from clusterlib.run.parameters import check_parameters
from clusterlib.run.spec import RunSpecError, load_spec, parse_param
from clusterlib.run.steps import NotebookContractError, discover_steps

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


# ------------------------------------------------------------------------------------- F15: YAML
def test_yaml_bomb_in_a_run_spec_fails_at_once(tmp_path):
    spec = tmp_path / "run.yml"
    spec.write_text(BOMB + "jobs: *i\n", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(RunSpecError, match=r"run\.yml: line 1, column \d+: anchors and aliases .* are not allowed"):
        load_spec(spec)
    assert time.perf_counter() - started < 2
    result = CliRunner().invoke(cli, ["run", "--spec", str(spec)])
    assert result.exit_code == 2 and "anchors and aliases" in result.output


def test_an_alias_under_parameters_is_refused_too(tmp_path):
    spec = tmp_path / "run.yml"
    spec.write_text("defaults: &d {n_boot: 10}\nparameters: *d\n", encoding="utf-8")
    with pytest.raises(RunSpecError, match="anchors and aliases"):
        load_spec(spec)
    # a --param value with an alias is not YAML data: it stays the text given
    assert parse_param("n=*a") == (None, "n", "*a")


def test_plain_yaml_still_loads_and_node_count_is_capped():
    assert read_yaml("a: [1, 2]\nb: {c: null}") == {"a": [1, 2], "b": {"c": None}}
    with pytest.raises(ConfigError, match="more than 10 values"):
        read_yaml("[" + ", ".join(["1"] * 20) + "]", max_nodes=10)


def test_echoed_values_are_shortened(tmp_path):
    spec = tmp_path / "run.yml"
    spec.write_text("jobs: " + "x" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(RunSpecError) as caught:
        load_spec(spec)
    assert len(str(caught.value)) < 500 and "…" in str(caught.value)
    (step,) = [s for s in discover_steps(NOTEBOOKS_DIR) if s.id == "needs_assessment"]
    with pytest.raises(NotebookContractError) as caught:
        check_parameters(step, {"n_boot": list(range(100_000))})
    assert len(str(caught.value)) < 2000


# ------------------------------------------------------------------------------ F16: out folders
def test_out_folder_of_someone_else_is_refused_unless_forced(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>their front page</p>", encoding="utf-8")
    (site / "run.json").write_text('{"not": "ours"}', encoding="utf-8")
    refused = r"holds files that are not a clusterlib report set \(index\.html, run\.json\)"
    with pytest.raises(OutDirError, match=refused):
        check_out_dir(site, forbidden={})
    with pytest.raises(OutDirError):
        run(["19"], notebooks_dir=FIXTURES, data_dir=FIXTURES / "data", out_dir=site, validate_data=False)
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>their front page</p>"
    assert not (site / MARKER).exists()
    result = CliRunner().invoke(cli, ["run", "-p", "19", "--notebooks", str(FIXTURES), "--out", str(site)])
    assert result.exit_code == 2 and "--force" in result.output
    assert check_out_dir(site, forbidden={}, force=True) == site.resolve()


def test_new_empty_and_our_folders_are_accepted(tmp_path):
    assert check_out_dir(tmp_path / "new" / "reports", forbidden={}).is_dir()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".gitkeep").write_text("")
    check_out_dir(empty, forbidden={})
    older = tmp_path / "older"  # written by a clusterlib without the marker
    older.mkdir()
    (older / "index.html").write_text("grid")
    (older / "run.json").write_text(json.dumps({"results": [], "languages": ["tr"], "data_version": "x"}))
    assert is_report_folder(older)
    check_out_dir(older, forbidden={})


def test_spec_folders_may_not_climb_out_of_the_spec_folder(tmp_path):
    folder = tmp_path / "spec"
    folder.mkdir()
    for key, value in (("out", "../victim_site"), ("data", "../../etc"), ("processed", "a/../../b")):
        (folder / "run.yml").write_text(f"{key}: {value}\n", encoding="utf-8")
        with pytest.raises(RunSpecError, match=rf"run\.yml: {key}: .* climbs out of the spec's folder"):
            load_spec(folder / "run.yml")
    (folder / "run.yml").write_text(f"out: reports/tr\ndata: {tmp_path / 'data'}\n", encoding="utf-8")
    spec = load_spec(folder / "run.yml")
    assert spec.out == (folder / "reports" / "tr").resolve() and spec.data == tmp_path / "data"


# ------------------------------------------------------------------------- F17: parameter bounds
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"n_boot": 10_000_000_000}, r"parameter 'n_boot' must lie in \[100, 100000\], got 10000000000"),
        ({"n_boot": 20_000_000}, r"'n_boot' must lie in \[100, 100000\]"),
        ({"amber": 1.0}, r"'amber' must lie in \[0, 1\), got 1\.0"),
        ({"top_k": 0}, r"'top_k' must lie in \[1, 50\]"),
        ({"delta": -0.1}, r"'delta' must lie in \[0, 1\)"),
    ],
)
def test_numbers_outside_their_bounds_fail_before_any_kernel(tmp_path, params, message):
    started = time.perf_counter()
    with pytest.raises(NotebookContractError, match=message):
        run(["Samsun"], out_dir=tmp_path / "out", params=params, validate_data=False)
    assert time.perf_counter() - started < 10
    assert not (tmp_path / "out").exists()


def test_bounds_are_declared_in_the_parameter_cell_and_listed(tmp_path):
    (step,) = [s for s in discover_steps(NOTEBOOKS_DIR) if s.id == "needs_assessment"]
    assert check_parameters(step, {"n_boot": 100}) == {"n_boot": 100}
    assert check_parameters(step, {"n_boot": 100_000}) == {"n_boot": 100_000}
    result = CliRunner().invoke(cli, ["steps", "--parameters"])
    assert (
        "--param n_boot: int = 2000 in [100, 100000]  (bootstrap replicates of the needs ranking)"
        in result.output
    )
    result = CliRunner().invoke(
        cli,
        [
            "run",
            "-p",
            "19",
            "-s",
            "needs_assessment",
            "--param",
            "n_boot=10000000000",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 2 and "[100, 100000]" in result.output


# --------------------------------------------------------------------------- F18: kill -9, 0644
SLOW = [
    new_code_cell(
        'province = None\nlang = "tr"\ndata_dir = None\nprocessed_dir = None',
        metadata={"tags": ["parameters"]},
    ),
    new_code_cell(
        "import time\nfrom pathlib import Path\n"
        "Path(processed_dir, 'inside').write_text('x')\n"
        "for _ in range(600):\n"
        "    time.sleep(0.1)\n"
        "Path(processed_dir, f'after-{province}').write_text('written after the runner died')"
    ),
]


def _env(tmp: Path) -> dict[str, str]:
    tmp.mkdir(exist_ok=True)
    path = os.pathsep.join(p for p in (str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "TMPDIR": str(tmp)}


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _files(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("kernels", ["--preload-kernels", "--fresh-kernels"])
def test_kill_9_of_the_runner_leaves_no_process_running_or_writing(tmp_path, kernels):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(new_notebook(cells=SLOW, metadata=KERNEL), notebooks / "01_slow.ipynb")
    out, processed = tmp_path / "out", tmp_path / "processed"
    runner = subprocess.Popen(
        [sys.executable, "-m", "clusterlib", "run", "-p", "Çorum,Samsun", "--jobs", "2", "--no-progress",
         kernels, "--notebooks", str(notebooks), "--out", str(out), "--processed", str(processed)],
        env=_env(tmp_path / "tmp"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (processed / "inside").exists():  # a kernel is inside the slow cell
        assert runner.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    time.sleep(1)
    descendants = psutil.Process(runner.pid).children(recursive=True)
    assert len(descendants) >= 3  # workers, launchers, kernels (and kernel servers)
    before = _files(out)
    os.kill(runner.pid, signal.SIGKILL)
    runner.wait()
    deadline = time.monotonic() + 5
    while (alive := [p for p in descendants if _running(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert alive == []  # dead (a zombie is dead: nobody reaps it in some containers)
    time.sleep(2)
    assert _files(out) == before  # nothing written behind the dead runner
    assert not list(processed.glob("after-*"))


@pytest.mark.slow
def test_reports_and_index_are_readable_whatever_the_umask(tmp_path):
    out, processed = tmp_path / "out", tmp_path / "processed"
    code = (
        "import os, sys; os.umask(0o077); from clusterlib.run import run; "
        f"run(['19'], ['overview'], notebooks_dir={str(FIXTURES)!r}, data_dir={str(FIXTURES / 'data')!r}, "
        f"out_dir={str(out)!r}, processed_dir={str(processed)!r}, jobs=1, progress=False, validate_data=False)"
    )
    subprocess.run([sys.executable, "-c", code], env=_env(tmp_path / "tmp"), check=True, timeout=300)
    written = [
        p for p in [*out.rglob("*"), *processed.rglob("*.ipynb")] if p.is_file() and ".lock" not in p.name
    ]
    assert any(p.name == "overview.html" for p in written) and any(p.suffix == ".ipynb" for p in written)
    unreadable = [str(p) for p in written if stat.S_IMODE(p.stat().st_mode) & 0o044 != 0o044]
    assert unreadable == []
