"""Benchmark: how fast the exploration views redraw after a control change, on the bundled data.

For each view of :mod:`clusterlib.explore` the script builds the view once (the first drawing
includes reading and validating the tables and computing the national panel), then changes its
controls ``--changes`` times in a fixed cycle and records each redraw (the library call, the new
figures pushed into the ``FigureWidget`` objects and the table HTML; without a browser, so the time
the browser needs to paint is not included: in the JupyterLab test it adds well under a second).

The baseline in the same run is the same redraw without the cache: the national panel recomputed
for every change (``load_tables`` and ``indicators`` again), as a widget that simply re-ran the
notebook's analysis would do.

Run: ``.venv/bin/python benchmarks/bench_explore.py`` (about a minute on 2 cores).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, any cwd

from clusterlib import explore
from clusterlib.data import clear_table_cache
from clusterlib.explore.panel import clear_panel_cache

#: Each view: how to build it, and the control values to cycle through.
VIEWS: dict[str, tuple[Callable[[], explore.View], dict[str, list[object]]]] = {
    "sector_explorer": (
        lambda: explore.sector_explorer("10", "Çorum"),
        {"sector": ["25", "13", "46", "10"], "year": [2015, 2020, 2024], "plate": [55, 61, 27, 19]},
    ),
    "compare_provinces": (
        lambda: explore.compare_provinces(["Çorum", "Samsun", "Trabzon"]),
        {"plates": [(19, 55), (27, 46, 63), (19, 55, 61, 27, 46)], "year": [2016, 2024], "top": [5, 12, 8]},
    ),
    "survey_explorer": (
        lambda: explore.survey_explorer("Çorum"),
        {"by": ["stage", "none", "size_class"], "block": ["exports", "finance", "all"]},
    ),
    "network_explorer": (
        lambda: explore.network_explorer("Çorum"),
        {"kinds": [("supply",), ("cooperation",), ("supply", "cooperation")], "origin": ["local", "all"],
         "firm": ["COR-001", "COR-010", ""]},
    ),
    "monitoring_explorer": (
        lambda: explore.monitoring_explorer("Çorum"),
        {"amber": [0.5, 0.9, 0.75], "peers": ["similar", "all", "same_nuts2"], "metric": ["employment", "lq"]},
    ),
}


def _clear_caches() -> None:
    clear_panel_cache()
    clear_table_cache()


def measure(name: str, changes: int, *, cached: bool) -> tuple[float, list[float]]:
    """First drawing and the redraw times of ``changes`` control changes."""
    factory, cycle = VIEWS[name]
    _clear_caches()
    start = time.perf_counter()
    view = factory()
    first = time.perf_counter() - start
    steps = itertools.cycle([(key, value) for key, values in cycle.items() for value in values])
    times = []
    for key, value in itertools.islice(steps, changes):
        before = len(view.timings)
        start = time.perf_counter()
        if not cached:  # what a widget without the cache does: read, validate and compute the panel again
            _clear_caches()
            explore.national_panel()
        view.controls[key].value = value
        if len(view.timings) == before:  # the value was already set: redraw explicitly
            view.redraw()
        times.append(time.perf_counter() - start)
    return first, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{'view':<20} {'first':>7} {'median':>8} {'max':>7} {'uncached median':>16} {'ratio':>6}")
    for name in VIEWS:
        first, cached = measure(name, args.changes, cached=True)
        _, uncached = measure(name, max(3, args.changes // 4), cached=False)
        med, worst, base = statistics.median(cached), max(cached), statistics.median(uncached)
        print(f"{name:<20} {first:7.2f} {med:8.3f} {worst:7.3f} {base:16.3f} {med / base:6.2f}")


if __name__ == "__main__":
    main()
