"""Where one report's time goes: kernel, imports, tables, analysis, display, export.

Runs ``notebooks/02_sector_selection.ipynb`` for one province through papermill (as a worker does)
and reads papermill's per-cell durations, then times the stages of the first cell in this process
(each in a fresh subprocess, so imports are cold as in a new kernel)::

    .venv/bin/python benchmarks/profile_report.py [--province Samsun]

Figures are recorded in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clusterlib.config import NOTEBOOKS_DIR, PACKAGE_DIR

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
import clusterlib.data.tables as module
root = tempfile.mkdtemp()
write_cache(SAMPLE_DIR, tables, root)
module._CACHE.clear()
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

    import papermill as pm

    from clusterlib.report import _worker
    from clusterlib.report.export import export_html
    from clusterlib.report.runner import KERNEL_NAME, _kernel_dir

    _worker.configure(_kernel_dir())
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        nb = pm.execute_notebook(
            str(NOTEBOOKS_DIR / "02_sector_selection.ipynb"),
            str(Path(tmp) / "out.ipynb"),
            parameters={"province": args.province, "lang": "tr", "processed_dir": tmp},
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            cwd=str(NOTEBOOKS_DIR),
            request_save_on_cell_execute=False,
            shutdown_kernel="immediate",
        )
        executed = time.perf_counter() - started
        started = time.perf_counter()
        export_html(
            nb,
            lang="tr",
            title="profile",
            province=args.province,
            generated=dt.datetime.now(dt.UTC),
            data_source="sample",
            data_version="sha256:00",
        )
        exported = time.perf_counter() - started
    cells = [
        (c.metadata.papermill.get("duration") or 0.0, " ".join("".join(c.source).split())[:60])
        for c in nb.cells
        if c.cell_type == "code"
    ]
    in_cells = sum(d for d, _ in cells)
    print("-- one notebook through papermill (fresh kernel) --")
    print(f"papermill.execute_notebook                      {executed:6.2f} s")
    print(f"  of which in cells                             {in_cells:6.2f} s")
    print(f"  kernel start, injection, shutdown             {executed - in_cells:6.2f} s")
    for duration, source in sorted(cells, reverse=True)[:6]:
        print(f"    {duration:6.2f} s  {source}")
    print(f"export_html (from the notebook in memory)       {exported:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
