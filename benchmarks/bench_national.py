"""Benchmark: the national page and the 81 province pages (issue 22), as the run's post-run hook writes them.

Times :func:`clusterlib.national.write_national_pages` on the bundled data — computing every province ×
cluster-category measure, the TÜİK context and the peers, rendering ``national.html`` and the 81
``provinces/<slug>.html``, and writing ``national.xlsx`` and the 81 province workbooks — in a fresh
Python process (imports included, as after a run), then warm in this process (best of ``--repeat``).
It reports the size of the national page (target: under 3 MB) and of the whole folder.

Run: ``.venv/bin/python benchmarks/bench_national.py`` (under a minute on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout, any cwd

_COLD = """
import time, sys
started, cpu = time.perf_counter(), time.process_time()
from clusterlib.national import write_national_pages
written = write_national_pages(sys.argv[1], lang="tr")
print(time.perf_counter() - started, time.process_time() - cpu, len(written))
"""


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from clusterlib.national import national_view, write_national_pages

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cold = subprocess.run([sys.executable, "-c", _COLD, str(out / "cold")], check=True, capture_output=True,
                              text=True, cwd=ROOT).stdout.split()
        print(f"cold, fresh process (imports, measures, 82 pages, 82 workbooks): {float(cold[0]):.1f} s wall, "
              f"{float(cold[1]):.1f} s CPU, {cold[2]} files")
        figures: dict[str, list[tuple[float, float]]] = {"view": [], "pages": [], "workbooks": []}

        def timed(name: str, call) -> object:
            wall, cpu = time.perf_counter(), time.process_time()
            value = call()
            figures[name].append((time.perf_counter() - wall, time.process_time() - cpu))
            return value

        for k in range(args.repeat):
            view = timed("view", national_view)
            timed("pages", lambda k=k, view=view: write_national_pages(out / f"warm{k}", lang="tr", view=view,
                                                                        workbooks=False))
            timed("workbooks", lambda k=k, view=view: write_national_pages(out / f"wb{k}", lang="tr", view=view))
            last = figures["workbooks"][-1]
            figures["workbooks"][-1] = (last[0] - figures["pages"][-1][0], last[1] - figures["pages"][-1][1])
        for name, values in figures.items():
            print(f"warm, best of {args.repeat}: {name:<10} {min(v[0] for v in values):6.2f} s wall, "
                  f"{min(v[1] for v in values):6.2f} s CPU")
        wall = sum(min(v[0] for v in values) for values in figures.values())
        cpu = sum(min(v[1] for v in values) for values in figures.values())
        print(f"warm total (view + 82 pages + 82 workbooks): {wall:.1f} s wall, {cpu:.1f} s CPU (target < 30 s)")
        national = (out / "cold" / "tr" / "national.html").stat().st_size
        print(f"national.html: {national / 1e6:.2f} MB (target < 3 MB); province pages: "
              f"{_size(out / 'cold' / 'tr' / 'provinces') / 1e6:.1f} MB incl. workbooks")
    print(f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
