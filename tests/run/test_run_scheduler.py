"""The same runs on a Dask cluster (issue 14): a real ``dask.distributed.LocalCluster`` with two
worker processes, reports equal to a local run's, and a worker killed mid-task."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import signal
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from clusterlib.config import PACKAGE_DIR
from clusterlib.run import run, runner
from clusterlib.run.index import TIME_ZONE

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
FIXED = dt.datetime(2026, 11, 28, 11, 0, tzinfo=TIME_ZONE)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    root = str(PACKAGE_DIR.parent)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="2GB"
    ) as local:
        yield local


def _normalised(html: str) -> str:
    """A report without what differs between two renderings of the same notebook: plotly's random
    element ids."""
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>", html)


def test_scheduler_run_equals_local_run(cluster, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "local_now", lambda: FIXED)
    common = {
        "notebooks_dir": FIXTURES,
        "data_dir": FIXTURES / "data",
        "progress": False,
        "validate_data": False,
    }
    local = run(
        ["Çorum", "Samsun"], out_dir=tmp_path / "local", processed_dir=tmp_path / "p", jobs=2, **common
    )
    remote = run(
        ["Çorum", "Samsun"],
        out_dir=tmp_path / "remote",
        processed_dir=tmp_path / "p",  # shown in the provenance box
        scheduler=cluster.scheduler_address,
        **common,
    )
    assert [(r.province, r.step, r.status) for r in remote] == [(r.province, r.step, r.status) for r in local]
    assert all(r.ok for r in remote)
    for mine, theirs in zip(local, remote, strict=True):
        assert _normalised(mine.output.read_text(encoding="utf-8")) == _normalised(
            theirs.output.read_text(encoding="utf-8")
        ), mine.output.name
    assert (tmp_path / "remote" / "tr" / "index.html").read_text(encoding="utf-8").count(
        'data-status="ok"'
    ) == 4


def test_failure_comes_back_with_its_cell(cluster, tmp_path):
    data = shutil.copytree(FIXTURES / "data", tmp_path / "bad")
    (data / "firms.csv").write_text(
        (data / "firms.csv").read_text(encoding="utf-8").replace(",87,", ",-87,"), encoding="utf-8"
    )
    (result,) = run(
        ["Çorum"],
        ["checks"],
        notebooks_dir=FIXTURES,
        data_dir=data,
        out_dir=tmp_path / "out",
        processed_dir=tmp_path / "p",
        scheduler=cluster.scheduler_address,
        progress=False,
        validate_data=False,
    )
    assert result.status == "failed" and result.cell == 4
    assert (
        result.error == "ValueError: employees must not be negative" and "raise ValueError" in result.source
    )


SLOW = [
    new_code_cell(
        'province = None\nlang = "tr"\ndata_dir = None\nprocessed_dir = None',
        metadata={"tags": ["parameters"]},
    ),
    new_code_cell("import time\ntime.sleep(6)"),
    new_code_cell('import clusterlib.report as report\nreport.finding(f"{province} finished")'),
]
KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def test_worker_killed_mid_task_run_completes_without_partial_reports(cluster, tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(new_notebook(cells=SLOW, metadata=KERNEL), notebooks / "01_slow.ipynb")
    processed, out = tmp_path / "processed", tmp_path / "out"
    killed: list[int] = []

    def kill_first_worker_that_runs_a_notebook() -> None:
        import psutil
        from distributed import Client

        with Client(cluster, set_as_default=False) as client:
            workers = list(client.run(os.getpid).values())
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            for pid in workers:
                with contextlib.suppress(psutil.Error):
                    kernels = [
                        c
                        for c in psutil.Process(pid).children(recursive=True)
                        # a kernel forked by the worker's kernel server, or a plain kernel
                        if "ipykernel_launcher" in " ".join(c.cmdline())
                        or "clusterlib.run.forkserver" in " ".join(c.parent().cmdline())
                    ]
                    if kernels:
                        time.sleep(2.0)  # inside the slow cell
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
                        return
            time.sleep(0.1)

    killer = threading.Thread(target=kill_first_worker_that_runs_a_notebook)
    killer.start()
    results = run(
        ["Çorum", "Samsun"],
        notebooks_dir=notebooks,
        out_dir=out,
        processed_dir=processed,
        scheduler=cluster.scheduler_address,
        progress=False,
        validate_data=False,
    )
    killer.join()
    assert killed, "no worker was killed"
    assert {r.status for r in results} <= {"ok", "failed"}
    for result in results:
        report = out / "tr" / ("corum" if result.plate == 19 else "samsun") / "slow.html"
        if result.ok:
            assert f"{result.province} finished" in report.read_text(encoding="utf-8")
        else:
            assert not report.exists() and "lost on the Dask cluster" in result.error
    assert not [p for p in out.rglob("*") if p.suffix == ".tmp"]  # no partial HTML
    assert not list(processed.rglob(f".*.{killed[0]}.partial.ipynb"))  # swept after the run
