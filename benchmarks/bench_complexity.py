"""Benchmark: ECI/PCI, relatedness density and complexity outlook for 81 provinces × 615 NACE classes.

Takes the last year of the seeded synthetic national table of ``bench_indicators.py`` (81 provinces ×
615 NACE classes), and times, from the employment matrix:

* :func:`clusterlib.relatedness.economic_complexity` (presence at RCA ≥ 1, ECI and PCI),
* :func:`clusterlib.relatedness.proximity` and :func:`clusterlib.relatedness.relatedness_density`,
* :func:`clusterlib.relatedness.complexity_outlook` (Atlas density, COI and COG),

best of ``--repeat`` runs; then checks ECI and PCI against the Growth Lab's ``ecomplexity`` on the
same matrix and reports its time too (it also computes density, COI and COG, so the two timings
cover the same quantities).

Run: ``.venv/bin/python benchmarks/bench_complexity.py`` (a few seconds).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, any cwd
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_indicators import synthetic_table

from clusterlib.relatedness import complexity_outlook, economic_complexity, proximity, relatedness_density

TARGET_SECONDS = 1.0


def employment_matrix() -> pd.DataFrame:
    """Provinces × NACE classes, last year of the seeded synthetic table (absent cells are 0)."""
    long = synthetic_table()
    last = long[long["year"] == long["year"].max()]
    return last.pivot_table(index="province", columns="nace", values="employment", aggfunc="sum", fill_value=0.0)


def ours(matrix: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.DataFrame, pd.Series]:
    """Everything the diversification section needs, from the raw matrix."""
    complexity = economic_complexity(matrix)
    density = relatedness_density(complexity.presence, proximity(complexity.presence))
    outlook = complexity_outlook(complexity.presence, complexity.pci)
    return complexity.eci, complexity.pci, density, outlook.coi


def growth_lab(matrix: pd.DataFrame) -> pd.DataFrame:
    from ecomplexity import ecomplexity

    long = matrix.stack().rename("val").rename_axis(["loc", "prod"]).reset_index().assign(time=2024)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ecomplexity(
            long,
            {"time": "time", "loc": "loc", "prod": "prod", "val": "val"},
            check_logsupermodularity=False,
            verbose=False,
        )


def best_of(repeat: int, function, *args) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    matrix = employment_matrix()
    print(f"input: {matrix.shape[0]} provinces × {matrix.shape[1]} classes, {int((matrix > 0).to_numpy().sum())} "
          "non-zero cells")
    ours(matrix)  # warm-up: imports and first-touch page faults
    seconds, (eci, pci, _, _) = best_of(args.repeat, ours, matrix)
    reference_seconds, reference = best_of(1, growth_lab, matrix)
    their_eci = reference.groupby("loc")["eci"].first().reindex(matrix.index)
    their_pci = reference.groupby("prod")["pci"].first().reindex(matrix.columns)
    assert np.allclose(eci, their_eci, atol=1e-8), "ECI differs from ecomplexity"
    assert np.allclose(pci, their_pci, atol=1e-8), "PCI differs from ecomplexity"

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    print(f"clusterlib ECI/PCI + proximity + density + outlook: {seconds:.3f} s (best of {args.repeat})")
    print(f"ecomplexity 0.5.3 (same quantities, one run):     {reference_seconds:.3f} s")
    print("ECI and PCI agree with ecomplexity (atol 1e-8)")
    print(f"target under {TARGET_SECONDS:g} s: {'met' if seconds < TARGET_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
