"""Where one report's time goes: kernel, imports, tables, analysis, display, export.

First the stages of sector selection's first cell in a cold subprocess (imports, the tables from
CSV or from the run's Parquet copy, the analysis); then one report of every step through the
runner's own worker function, with a kernel started from scratch and with a kernel forked from the
kernel server: the task's total, kernel start + papermill, the time in the cells (papermill's
per-cell durations) and the export (workbook and page)::

    .venv/bin/python benchmarks/profile_report.py [--province Samsun]

Figures are recorded in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clusterlib.config import NOTEBOOKS_DIR, PACKAGE_DIR, SAMPLE_DIR
from clusterlib.run import discover_steps, worker
from clusterlib.run.caches import check_data
from clusterlib.run.contracts import ReportTask
from clusterlib.run.forkserver import stop_kernel_server
from clusterlib.run.kernels import KERNEL_NAME, kernel_dir
from clusterlib.run.worker import run_task

_KERNELS = kernel_dir()

STAGES = """
import time, os, tempfile
t0 = time.perf_counter()
import clusterlib as cl
from clusterlib import charts, geo, report
t1 = time.perf_counter()
from clusterlib.data import load_tables
tables = load_tables()
t2 = time.perf_counter()
from clusterlib.data.cache import CACHE_ENV, write_cache
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import clear_table_cache
root = tempfile.mkdtemp()
write_cache(SAMPLE_DIR, tables, root)
clear_table_cache()
os.environ[CACHE_ENV] = root
t3 = time.perf_counter()
load_tables()
t4 = time.perf_counter()
cl.selection.analyse_sector_selection({province!r}, lang="tr")
t5 = time.perf_counter()
print(f"imports (clusterlib, pandas, scipy, plotly)     {{t1 - t0:6.2f}} s")
print(f"read + validate the sample tables (CSV)         {{t2 - t1:6.2f}} s")
print(f"the same tables from the run's Parquet cache    {{t4 - t3:6.2f}} s")
print(f"analyse_sector_selection (tables in memory)     {{t5 - t4:6.2f}} s")
"""


class _Timer:
    """Seconds spent in functions of a module, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def wrap(self, module: object, name: str):
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)
        try:
            yield
        finally:
            setattr(module, name, original)


def _task(step, province: str, tmp: Path, *, preload: bool) -> ReportTask:
    return ReportTask(
        province=province,
        plate=0,
        step=step.id,
        notebook=str(step.path),
        lang="tr",
        parameters={"province": province, "lang": "tr", "data_dir": str(SAMPLE_DIR), "processed_dir": str(tmp)},
        report=str(tmp / f"{step.id}.html"),
        executed=str(tmp / f"{step.id}.ipynb"),
        failed_dir=str(tmp / "failed"),
        generated=dt.datetime.now(dt.UTC).isoformat(),
        data_source="sample",
        data_version="sha256:00",
        jupyter_path=_KERNELS,
        kernel_name=KERNEL_NAME,
        record=False,
        table_cache=str(check_data(SAMPLE_DIR, tmp / "cache")),
        preloaded_kernel=preload,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--province", default="Samsun")
    args = parser.parse_args(argv)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")) if p
        ),
    }
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("-- stages of the analysis cell, cold process --")
    subprocess.run([sys.executable, "-c", STAGES.format(province=args.province)], env=env, check=True)

    print("-- one report of each step through the runner's worker (run_task), warm worker --")
    print(f"{'step':<26}{'kernel':<8}{'total':>7}{'kernel+papermill':>18}{'in cells':>10}{'export':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for step in discover_steps(NOTEBOOKS_DIR):
            for preload in (False, True):
                task = _task(step, args.province, Path(tmp), preload=preload)
                run_task(task)  # warm: the worker's imports and, when preloading, its kernel server
                timer = _Timer()
                with timer.wrap(worker, "_execute"), timer.wrap(worker, "_publish"):
                    outcome = run_task(task)
                nb = json.loads(Path(task.executed).read_text(encoding="utf-8"))
                in_cells = sum(
                    (c["metadata"].get("papermill", {}).get("duration") or 0.0)
                    for c in nb["cells"] if c["cell_type"] == "code"
                )
                assert outcome.ok, outcome.error
                print(
                    f"{step.id:<26}{'forked' if preload else 'fresh':<8}{outcome.seconds:7.2f}"
                    f"{timer.seconds['_execute'] - in_cells:18.2f}{in_cells:10.2f}{timer.seconds['_publish']:8.2f}"
                )
    stop_kernel_server()
    return 0


if __name__ == "__main__":
    sys.exit(main())
