"""Runs that survive faults (issue 9): concurrent runs into one folder, Ctrl-C and SIGTERM, checks
before any notebook starts, data validated once, jobs capped by memory, no machine paths."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from click.testing import CliRunner
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.cli import cli
from clusterlib.config import NOTEBOOKS_DIR, PACKAGE_DIR, RAW_DIR, SAMPLE_DIR
from clusterlib.data import DataValidationError
from clusterlib.run import plan, run
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.index import STATUS_FILE
from clusterlib.run.outdir import check_out_dir
from clusterlib.run.results import result_of

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
ROOT = str(PACKAGE_DIR.parent)
KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def _env(tmp: Path) -> dict[str, str]:
    tmp.mkdir(exist_ok=True)
    path = os.pathsep.join(p for p in (ROOT, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "TMPDIR": str(tmp)}


# ------------------------------------------------------------------------------------ concurrency
_RECORDER = textwrap.dedent(
    """
    import sys
    from clusterlib.run.contracts import ReportTask, TaskOutcome
    from clusterlib.run.index import publish_and_record

    out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for plate in range(first, first + count):
        task = ReportTask(
            province=f"P{plate}", plate=plate, step="demo", notebook="/nb.ipynb", lang="tr",
            parameters={}, report=f"{out}/tr/p{plate}/demo.html", executed="/x.ipynb",
            failed_dir="/f", generated="2026-11-28T11:00:00+03:00", data_source="t",
            data_version="sha256:" + str(first), jupyter_path="/k",
        )
        publish_and_record(task, TaskOutcome(status="ok", report=task.report), "<p>report</p>")
    """
)


def test_concurrent_writers_lose_no_index_entry(tmp_path):
    """Six processes publish and record 15 reports each into one folder at the same time: every
    entry survives (the status file is merged under a file lock), and each entry's data version is
    that of the process whose report is in the folder."""
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _RECORDER, str(out), str(1 + 15 * k), "15"], env=_env(tmp_path / "t")
        )
        for k in range(6)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0] * 6
    status = json.loads((out / "tr" / STATUS_FILE).read_text(encoding="utf-8"))
    assert sorted(e["plate"] for e in status["entries"].values()) == list(range(1, 91))
    assert all((out / "tr" / e["report"]).is_file() for e in status["entries"].values())
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
def test_two_concurrent_runs_into_one_folder_keep_every_report(tmp_path):
    out, processed = tmp_path / "out", tmp_path / "processed"
    common = ["--notebooks", str(FIXTURES), "--out", str(out), "--processed", str(processed)]
    common += ["--data", str(FIXTURES / "data"), "--no-validate-data", "--no-progress", "--jobs", "1"]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "clusterlib", "run", "-p", name, *common],
            env=_env(tmp_path / "t"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name in ("Çorum", "Samsun")
    ]
    outputs = [p.communicate(timeout=300)[0] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    status = json.loads((out / "tr" / STATUS_FILE).read_text(encoding="utf-8"))
    assert sorted(status["entries"]) == ["19/checks", "19/overview", "55/checks", "55/overview"]
    index = (out / "tr" / "index.html").read_text(encoding="utf-8")
    assert index.count('data-status="ok"') == 4


# ------------------------------------------------------------------------------ interrupted runs
SLOW = [
    new_code_cell(
        'province = None\nlang = "tr"\ndata_dir = None\nprocessed_dir = None',
        metadata={"tags": ["parameters"]},
    ),
    new_code_cell(
        "import time\nfrom pathlib import Path\nfrom clusterlib.files import atomic_write\n"
        "with atomic_write(Path(processed_dir) / 'slow' / f'{province}.csv') as fh:\n"
        "    fh.write('half a table')\n"
        "    time.sleep(120)"
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_interrupted_run_stops_workers_and_kernels_and_records_it(tmp_path, signum):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(new_notebook(cells=SLOW, metadata=KERNEL), notebooks / "01_slow.ipynb")
    out, processed, tmp = tmp_path / "out", tmp_path / "processed", tmp_path / "tmp"
    cli_run = subprocess.Popen(
        [
            *(
                sys.executable,
                "-m",
                "clusterlib",
                "run",
                "-p",
                "Çorum,Samsun",
                "--jobs",
                "1",
                "--no-progress",
            ),
            *("--notebooks", str(notebooks), "--out", str(out), "--processed", str(processed)),
        ],
        env=_env(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 90
    while not list(processed.glob("slow/.*.tmp")):  # the kernel is inside the slow cell
        assert cli_run.poll() is None and time.monotonic() < deadline, cli_run.stdout.read()
        time.sleep(0.2)
    descendants = psutil.Process(cli_run.pid).children(recursive=True)
    assert len(descendants) >= 2  # the worker and its kernel
    assert list(tmp.glob("clusterlib-kernel-*"))
    cli_run.send_signal(signum)
    output = cli_run.communicate(timeout=60)[0]
    assert cli_run.returncode == 130, output
    assert "Yarıda kesildi" in output
    _, alive = psutil.wait_procs(descendants, timeout=5)
    assert alive == []  # no worker or kernel outlives the command
    assert not list(tmp.glob("clusterlib-kernel-*"))  # temporary kernel folder removed
    assert not [p for p in processed.rglob("*") if p.suffix == ".tmp" or ".partial" in p.name]
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("slow.html"))  # nothing published
    summary = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert summary["stopped"] is True and summary["ok"] == 0 and summary["interrupted"] == 2
    assert [r["status"] for r in summary["results"]] == ["interrupted", "interrupted"]
    index = (out / "tr" / "index.html").read_text(encoding="utf-8")
    assert index.count('data-status="interrupted"') == 2 and "Çalıştırma durduruldu" in index


# -------------------------------------------------------------------- checks before any notebook
@pytest.mark.parametrize(
    ("out", "message"),
    [
        (Path("/"), "must not be the root folder"),
        (RAW_DIR / "reports", "is inside data/raw/"),
        (NOTEBOOKS_DIR / "out", "is inside the notebooks folder"),
    ],
)
def test_out_must_not_be_a_dangerous_place(out, message):
    with pytest.raises(ValueError, match=message):
        check_out_dir(out, forbidden={"data/raw/": RAW_DIR, "the notebooks folder": NOTEBOOKS_DIR})


def test_out_inside_the_data_folder_or_unwritable_fails_before_any_kernel(tmp_path):
    data = shutil.copytree(FIXTURES / "data", tmp_path / "data")
    with pytest.raises(ValueError, match="is inside the data folder"):
        run(["19"], notebooks_dir=FIXTURES, data_dir=data, out_dir=data / "reports", validate_data=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(PermissionError, match="cannot be written"):
        run(["19"], notebooks_dir=FIXTURES, data_dir=data, out_dir=blocker / "out", validate_data=False)
    result = CliRunner().invoke(cli, ["run", "-p", "19", "--notebooks", str(FIXTURES), "--out", "/"])
    assert result.exit_code == 2 and "'out_dir' must not be the root folder" in result.output


def test_bad_data_file_fails_the_run_once_before_any_notebook(tmp_path):
    data = shutil.copytree(SAMPLE_DIR, tmp_path / "data")
    lines = (data / "employment.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("employment")] = "many"
    lines[1] = ",".join(cells)
    (data / "employment.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", "-p", "pilots", "--data", str(data), "--out", str(out), "--processed", str(tmp_path / "p")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.count("employment.csv, row 2") == 1 and "no report was started" in result.output
    assert not list(out.rglob("*.html"))
    with pytest.raises(DataValidationError, match=r"employment\.csv, row 2"):
        run(["pilots"], data_dir=data, out_dir=out, processed_dir=tmp_path / "p")


def test_jobs_are_capped_by_memory_and_it_is_said(monkeypatch):
    assert plan.memory_jobs(int(4.2 * 2**30)) == 8 and plan.memory_jobs(10) == 1
    said: list[str] = []
    monkeypatch.setattr(plan, "memory_jobs", lambda: 3)
    assert plan.check_jobs(8, scheduler=None, say=said.append) == 3
    assert said == ["--jobs 8 lowered to 3: the available memory holds 3 reports at about 0.5 GB each"]
    assert plan.check_jobs(2, scheduler=None, say=said.append) == 2 and len(said) == 1
    assert plan.check_jobs(None, scheduler=None, say=said.append) <= 3 and len(said) == 1


def test_interrupted_outcomes_are_recorded_in_the_index(tmp_path):
    """What the runner writes for tasks no worker finished: 'Yarıda kesildi', in the grid and the
    summary, and a previous good report stays linked."""
    from clusterlib.run.index import publish_and_record, write_index
    from clusterlib.run.steps import Step

    out = tmp_path / "out"
    task = ReportTask(
        province="Çorum", plate=19, step="demo", notebook="/nb", lang="tr", parameters={},
        report=str(out / "tr" / "corum" / "demo.html"), executed="/x", failed_dir="/f",
        generated="2026-11-28T08:00:00+00:00", data_source="t", data_version="sha256:aa", jupyter_path="/k",
    )  # fmt: skip
    publish_and_record(task, TaskOutcome(status="ok", report=task.report), "<p>old</p>")
    stopped = TaskOutcome(status="interrupted", error="the run was interrupted")
    result = result_of(task, stopped)
    write_index(
        out,
        lang="tr",
        results=[result],
        steps=[Step(1, "demo", Path("/nb/01_demo.ipynb"))],
        run={"date": "2026-11-28T08:05:00+00:00", "data_source": "t", "data_version": "sha256:aa"},
        pending=[(task, stopped)],
    )
    index = (out / "tr" / "index.html").read_text(encoding="utf-8")
    assert 'data-status="interrupted"' in index and "Yarıda kesildi" in index
    assert 'href="corum/demo.html"' in index  # the earlier report stays linked
    assert "1 rapor yarıda kesildi" in index
    assert "28 Kasım 2026 11:05 TSİ" in index  # 08:05 UTC is 11:05 in Türkiye


def test_report_data_source_names_the_folder_not_the_machine_path():
    from clusterlib.report.reproducibility import _shown

    assert _shown("/home/ayse/veriler/sgk-2025") == "…/veriler/sgk-2025"
    assert _shown(str(SAMPLE_DIR)) == "data/raw/sample"
    assert _shown(5) == "5" and _shown("Çorum") == "Çorum"
