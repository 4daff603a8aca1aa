"""Benchmark and check: the run's post-run hooks (national overview, knowledge base) on a finished run.

Calls every installed post-run hook (:func:`clusterlib.run.hooks.run_hooks`) on the report folder of
a finished run, as the runner does after its reports (in its process, where the input tables were
read and validated before the reports), and prints each hook's seconds.  ``--manifest`` writes the
SHA-256 of every file the hooks wrote; ``--compare`` checks them against a manifest written before a
change: the pages byte for byte, the XLSX workbooks member by member (names and bytes) without the
creation and modification times openpyxl stamps into ``docProps/core.xml``.  With ``--processed``
(the run's processed folder) the hooks run with the run's caches, as in the runner
(:func:`clusterlib.run.caches.run_caches`).

Run (after ``clusterlib run -o /tmp/nat-out``)::

    .venv/bin/python benchmarks/bench_post_run.py /tmp/nat-out --manifest /tmp/before.json
    .venv/bin/python benchmarks/bench_post_run.py /tmp/nat-out --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import json
import os
import pstats
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout, any cwd


def digest(path: Path) -> str:
    """SHA-256 of a file; of an XLSX, of its members with the time stamps of ``docProps/core.xml`` removed."""
    if path.suffix != ".xlsx":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    import re
    import zipfile

    sha = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            sha.update(name.encode() + b"\0" + data)
    return sha.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lang", default="tr")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--processed", type=Path, help="the run's processed folder (its caches)")
    parser.add_argument("--manifest", type=Path, help="write the SHA-256 of every file written")
    parser.add_argument("--compare", type=Path, help="check the files against this manifest")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()
    from clusterlib.config import SAMPLE_DIR
    from clusterlib.run.caches import check_data, run_caches
    from clusterlib.run.hooks import run_hooks

    data_dir = (args.data_dir or SAMPLE_DIR).resolve()
    check_data(data_dir)  # as the runner does before its reports: the tables are read in this process
    summary = SimpleNamespace(out_dir=args.out_dir, lang=args.lang, data_dir=data_dir,
                              steps=(SimpleNamespace(id="monitoring_benchmarking"),))
    profiler = cProfile.Profile() if args.profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    with run_caches(args.processed) if args.processed else contextlib.nullcontext():
        outcomes = run_hooks(summary)  # type: ignore[arg-type]
    if profiler:
        profiler.disable()
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    for o in outcomes:
        error = f"  {o.error}" if o.error else ""
        print(f"{o.hook:<16} {o.status:<8} {len(o.pages):4d} files {o.seconds:6.2f} s{error}")
    print(f"all hooks: {total:.2f} s wall, {cpu:.2f} s CPU (this process); load average {os.getloadavg()[0]:.2f}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    files = {page: digest(args.out_dir / page) for o in outcomes for page in o.pages}
    if args.manifest:
        args.manifest.write_text(json.dumps(files, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(files)} digests written to {args.manifest}")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(p for p in before.keys() | files.keys() if before.get(p) != files.get(p))
        print(f"{len(files)} files, {len(before)} in the manifest, {len(differ)} differ" +
              "".join(f"\n  {p}" for p in differ[:20]))
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
