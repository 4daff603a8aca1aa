"""Benchmark: render every step for the five pilots with our runner vs a plain sequential loop.

The loop is what one would write by hand: for each province and step, ``papermill.execute_notebook``
then ``nbconvert.HTMLExporter`` (no code cells), one after the other in this process.  Both render
the same notebooks with the same parameters, in the same run, into separate temporary folders.
Targets (issue 21, on the 2-core machine): the runner takes at most 0.15 of the loop's time;
all 81 provinces x every step in Turkish and English (648 reports) in under 5 minutes with peak
memory under 4 GB; a re-run with nothing changed (``--rerun``) takes at most 0.15 of the first
run's time and leaves every report byte-identical.  Peak
memory is the largest sum of the resident memory of this process and all its children (workers,
kernels), sampled every 0.2 s.  The load average is printed, since the machine may be shared.

Usage::

    .venv/bin/python benchmarks/bench_reports.py                      # notebooks/ and the sample data
    .venv/bin/python benchmarks/bench_reports.py --notebooks tests/fixtures/notebooks
    .venv/bin/python benchmarks/bench_reports.py --province all --no-loop   # the national run
    .venv/bin/python benchmarks/bench_reports.py --province all --lang tr --lang en --no-loop
    .venv/bin/python benchmarks/bench_reports.py --no-loop --rerun          # a re-run, nothing changed
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from clusterlib.config import NOTEBOOKS_DIR, SAMPLE_DIR
from clusterlib.resultcache import LOG_ENV
from clusterlib.run import discover_steps, resolve_provinces, run
from clusterlib.run.kernels import KERNEL_NAME
from clusterlib.run.kernels import kernel_dir as make_kernel_dir
from clusterlib.run.plan import default_jobs


def sequential_loop(provinces: list, steps: list, *, lang: str, data: Path, out: Path, stock: bool = False) -> float:
    """The hand-written baseline; returns its wall time in seconds.

    By default its kernels are the run's own (:func:`clusterlib.run.kernels.kernel_dir` without the
    provisioner: the same interpreter, settings and environment, started from scratch as ipykernel
    always starts), so that the ratio measures the runner alone.  With ``stock`` they are the
    environment's own ``python3`` kernel spec, as a loop written by hand would get them (IPython's
    defaults: history kept, figures with their JupyterLab bundle).
    """
    import os
    import shutil

    import papermill as pm
    from nbconvert import HTMLExporter

    kernel_dir = None if stock else make_kernel_dir(preloaded=False)
    saved_path = os.environ.get("JUPYTER_PATH")
    if kernel_dir is not None:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (kernel_dir, saved_path or "") if p)
    started = time.perf_counter()
    try:
        for item in provinces:
            for step in steps:
                executed = out / f"{item.plate:02d}_{step.id}.ipynb"
                nb = pm.execute_notebook(
                    str(step.path),
                    str(executed),
                    parameters={
                        "province": item.name,
                        "lang": lang,
                        "data_dir": str(data),
                        "processed_dir": str(out / "processed"),
                    },
                    kernel_name=KERNEL_NAME,
                    progress_bar=False,
                    cwd=str(step.path.parent),
                )
                body, _ = HTMLExporter(exclude_input=True).from_notebook_node(nb)
                (out / f"{item.slug}_{step.id}.html").write_text(body, encoding="utf-8")
    finally:
        if kernel_dir is not None:
            shutil.rmtree(kernel_dir, ignore_errors=True)
            if saved_path is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = saved_path
    return time.perf_counter() - started


class PeakMemory:
    """Largest total memory of this process and its descendants while the block runs, in bytes.

    ``peak`` sums the resident set sizes (RSS), which counts the pages a forked kernel shares with
    its kernel server once per process: an upper bound.  ``peak_pss`` sums the proportional set
    sizes (each shared page divided among the processes sharing it): what the run really holds.
    """

    def __enter__(self) -> PeakMemory:
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = pss = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error, AttributeError):
                    info = proc.memory_full_info()
                    total += info.rss
                    pss += getattr(info, "pss", info.rss)
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(0.2)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _time_runner(args: argparse.Namespace, provinces: list, root: Path, *, preload: bool):
    started = time.perf_counter()
    with PeakMemory() as memory:
        results = run(
            provinces,
            None,
            lang=args.lang or ["tr"],
            out_dir=root / "reports",
            jobs=args.jobs,
            data_dir=args.data,
            notebooks_dir=args.notebooks,
            processed_dir=root / "processed",
            progress=False,
            validate_data=not (args.notebooks / "data").is_dir(),  # fixture data are not workbench tables
            preload_kernels=preload,
        )
    return time.perf_counter() - started, memory, results


def _digests(out: Path) -> dict[str, str]:
    """SHA-256 of every report (``<lang>/<province>/<step>.html``) under ``out``."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.glob("*/*/*.html"))
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--notebooks", type=Path, default=NOTEBOOKS_DIR, help="step notebooks (default notebooks/)"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="data directory (default: <notebooks>/data if present, else the sample)",
    )
    parser.add_argument("--province", action="append", default=None, help="default: the five pilots")
    parser.add_argument("--lang", action="append", default=None, help="repeat for several (default tr)")
    parser.add_argument("--jobs", type=int, default=None, help=f"runner processes (default {default_jobs()})")
    parser.add_argument("--no-loop", action="store_true", help="time the runner only")
    parser.add_argument(
        "--stock-loop", action="store_true",
        help="the loop's kernels from the environment's own python3 kernel spec (as by hand), not the run's",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="also time the runner with kernels started from scratch"
    )
    parser.add_argument(
        "--rerun", action="store_true", help="then time a re-run with nothing changed (same folders)"
    )
    args = parser.parse_args(argv)

    if args.data is None:
        args.data = args.notebooks / "data" if (args.notebooks / "data").is_dir() else SAMPLE_DIR
    provinces = resolve_provinces(args.province or ["pilots"])
    steps = discover_steps(args.notebooks)
    languages = args.lang or ["tr"]
    print(
        f"{len(provinces)} provinces x {len(steps)} steps x {len(languages)} languages = "
        f"{len(provinces) * len(steps) * len(languages)} reports; "
        f"{default_jobs()} cores; load average before {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as tmp:
        root = Path(tmp)
        (root / "loop").mkdir()
        os.environ[LOG_ENV] = str(root / "computed.log")  # every analysis computed, one line each
        loop = None
        if not args.no_loop:
            loop = sequential_loop(
                provinces, steps, lang=languages[0], data=args.data.resolve(), out=root / "loop",
                stock=args.stock_loop,
            )
            kind = "stock kernels" if args.stock_loop else "the run's kernels"
            print(f"sequential papermill + nbconvert loop: {loop:8.1f} s  ({kind})")
        fresh = None
        if args.fresh:
            fresh, _, _ = _time_runner(args, provinces, root / "fresh", preload=False)
            each = fresh / len(provinces) / len(steps)
            print(f"clusterlib.run.run, fresh kernels:   {fresh:8.1f} s  ({each:.2f} s a report)")
        runner, memory, results = _time_runner(args, provinces, root / "runner", preload=True)
        print(
            f"clusterlib.run.run:                   {runner:8.1f} s  ({runner / len(results):.2f} s a report)"
        )
        print(
            f"peak memory (runner, workers, kernels): {memory.peak_pss / 2**30:6.2f} GB proportional "
            f"(PSS), {memory.peak / 2**30:.2f} GB summed RSS"
        )
        computed = root / "computed.log"
        if computed.exists():
            counts: dict[str, int] = {}
            for line in computed.read_text(encoding="utf-8").splitlines():
                counts[line.split()[0]] = counts.get(line.split()[0], 0) + 1
            print(
                "analyses computed (clusterlib.resultcache):",
                ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
            )
        if loop is not None:
            print(f"ratio runner / loop:                  {runner / loop:8.3f} (target <= 0.15)")
        if args.rerun:
            before = _digests(root / "runner" / "reports")
            again, _, repeated = _time_runner(args, provinces, root / "runner", preload=True)
            same = _digests(root / "runner" / "reports") == before
            skipped = sum(1 for r in repeated if r.status == "up_to_date")
            print(
                f"re-run, nothing changed:              {again:8.1f} s  ({skipped} of {len(repeated)} up to date)"
            )
            print(f"ratio re-run / first run:             {again / runner:8.3f} (target <= 0.15)")
            print(f"reports byte-identical after re-run:  {same}")
        if fresh is not None:
            print(f"ratio runner / fresh-kernel runner:   {runner / fresh:8.2f}")
        print(f"load average after {os.getloadavg()[0]:.1f}")
        failed = [r for r in results if not r.ok]
        for r in failed:
            print(f"  FAILED {r.province} / {r.step}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
