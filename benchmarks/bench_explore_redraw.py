"""Benchmark: the Python side of a redraw in every view of the workbench, per control, on the bundled data.

For each view of ``notebooks/explore/workbench.ipynb`` the script builds the view as the notebook
does, then sets each control to a few other values in turn, as a user would, and records
:attr:`clusterlib.explore.View.timings` for every redraw: the library call, the new figures pushed
into the ``FigureWidget`` objects (what is sent to the browser) and the table HTML.  The first
change of a province control is reported apart ("first analysis"): it computes that province's
inputs, which later changes take from the cache.

Without a browser, painting is not included: the browser test (``tests/test_explore_lab.py``)
measures the whole redraw from the user's event to the view's last change and writes it to
``data/processed/benchmarks/explore-browser.json``.

The machine is shared: the script prints the load average before and after, and the figures are
only comparable within one run (run it on two commits one after the other to compare).

Run: ``.venv/bin/python benchmarks/bench_explore_redraw.py [--repeat 2]`` (about a minute).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, any cwd

from clusterlib import explore

#: Each view as the workbench builds it for Çorum, and the control values to visit, in order.
VIEWS: dict[str, tuple[Callable[[], explore.View], list[tuple[str, object]]]] = {
    "sector": (
        lambda: explore.sector_explorer(province_key="Çorum"),
        [("sector", "25"), ("sector", "13"), ("sector", "46"), ("sector", "10"), ("year", 2020),
         ("year", 2022), ("plate", 55), ("plate", 27), ("plate", 19)],
    ),
    "compare": (
        lambda: explore.compare_provinces(["Çorum", "Samsun", "Trabzon"]),
        [("plates", (19, 55, 61, 27)), ("plates", (19, 55)), ("top", 5), ("top", 12), ("year", 2020)],
    ),
    "survey": (
        lambda: explore.survey_explorer("Çorum"),
        [("by", "stage"), ("by", "none"), ("block", "finance"), ("plate", 55), ("plate", 19)],
    ),
    "weights": (
        lambda: explore.weights_explorer("Çorum"),
        [("demand", 0.6), ("demand", 0.7), ("demand", 0.4), ("plate", 55), ("plate", 19)],
    ),
    "diversification": (
        lambda: explore.diversification_explorer("Çorum"),
        [("measure", "cog"), ("top", 8), ("top", 4), ("plate", 55), ("plate", 19)],
    ),
    "network": (
        lambda: explore.network_explorer("Çorum"),
        [("origin", "local"), ("origin", "all"), ("plate", 55), ("plate", 19)],
    ),
    "monitoring": (
        lambda: explore.monitoring_explorer("Çorum"),
        [("amber", 0.6), ("amber", 0.8), ("peers", "all"), ("plate", 55), ("plate", 19)],
    ),
}


def measure(name: str) -> dict[str, list[float]]:
    """Redraw times of one view, by control (``plate`` split into first and cached visits)."""
    factory, steps = VIEWS[name]
    view = factory()
    seen_plates: set[object] = {view.controls["plate"].value} if "plate" in view.controls else set()
    times: dict[str, list[float]] = {}
    for key, value in steps:
        control = view.controls[key]
        if key not in view.controls or control.value == value:
            continue
        if hasattr(control, "options") and not isinstance(value, tuple):
            values = [v[1] if isinstance(v, tuple) else v for v in control.options]
            if value not in values:
                continue
        before = len(view.timings)
        control.value = value
        if len(view.timings) == before:
            continue
        label = key
        if key == "plate":
            label = "plate (first)" if value not in seen_plates else "plate (cached)"
            seen_plates.add(value)
        times.setdefault(label, []).append(view.timings[-1])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of every view (times pooled)")
    parser.add_argument("--views", nargs="*", default=list(VIEWS), choices=list(VIEWS))
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'view':<16} {'control':<16} {'n':>3} {'median ms':>10} {'max ms':>8}")
    for name in args.views:
        pooled: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            for label, values in measure(name).items():
                pooled.setdefault(label, []).extend(values)
        for label, values in pooled.items():
            print(f"{name:<16} {label:<16} {len(values):>3} {1000 * statistics.median(values):>10.0f} "
                  f"{1000 * max(values):>8.0f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
