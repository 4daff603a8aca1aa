"""Benchmark: every value-chain network measure on seeded firm networks of 500 to 5,000 firms.

Builds a seeded synthetic cluster (firms in four value-chain stages, ties drawn by preferential
attachment within and across stages, a fifth of them cooperation ties, five ties per firm on
average: 25,000 ties for 5,000 firms), then times, on the same graph,

* ``firm_network`` (from the register and edge list, with all checks),
* ``network_summary`` (density, components, reciprocity, E–I index, local, vertical/horizontal),
* ``network_measures`` (degree, betweenness, k-core, Burt's constraint and effective size),
* ``brokerage_roles`` by stage (Gould & Fernandez) on the supply ties,
* ``core_periphery`` (Borgatti & Everett, Kernighan–Lin search),
* ``stage_flows``, ``sourcing``, ``linking_firms`` and ``sole_partners``.

Run: ``.venv/bin/python benchmarks/bench_valuechain.py`` (about a minute on 2 cores);
``--sizes 5000 --repeat 1`` for the target size only.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, any cwd

from clusterlib import valuechain as vc

STAGES = ("inputs", "services", "manufacturing", "distribution")
TIES_PER_FIRM = 5


def synthetic_cluster(n_firms: int, seed: int = 20260101) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A seeded firm register and interview edge list with ``TIES_PER_FIRM * n_firms`` ties."""
    rng = np.random.default_rng([seed, n_firms])
    stage = rng.choice(STAGES, size=n_firms, p=[0.3, 0.15, 0.4, 0.15])
    employees = np.clip(np.rint(rng.lognormal(2.5, 1.1, n_firms)), 1, 2000).astype(int)
    ids = np.array([f"F{i:05d}" for i in range(n_firms)])
    firms = pd.DataFrame({"firm_id": ids, "name": ids, "stage": stage, "employees": employees})
    n_ext = max(10, n_firms // 20)
    externals = np.array([f"EXT-{i:04d}" for i in range(n_ext)])
    weight = employees / employees.sum()
    wanted = TIES_PER_FIRM * n_firms
    source = rng.integers(0, n_firms, wanted * 2)
    target = rng.choice(n_firms, size=wanted * 2, p=weight)
    relation = rng.choice(["supplier", "customer", "cooperation"], size=wanted * 2, p=[0.4, 0.4, 0.2])
    frame = pd.DataFrame({"source": ids[source], "target": ids[target], "relation": relation})
    external = rng.random(wanted * 2) < 0.1
    frame.loc[external, "target"] = externals[rng.integers(0, n_ext, int(external.sum()))]
    frame = frame[frame["source"] != frame["target"]]
    frame = frame.drop_duplicates(["source", "target"]).head(wanted).reset_index(drop=True)
    frame["importance"] = rng.integers(1, 6, len(frame))
    frame["local"] = ~frame["target"].str.startswith("EXT-") | (rng.random(len(frame)) < 0.3)
    return firms, frame


def _time(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def run(n_firms: int) -> dict[str, float]:
    firms, relations = synthetic_cluster(n_firms)
    times: dict[str, float] = {}
    cpu = time.process_time()
    G, times["firm_network"] = _time(vc.firm_network, firms, relations)
    _, times["network_summary"] = _time(vc.network_summary, G)
    _, times["network_measures"] = _time(vc.network_measures, G)
    supply = nx.DiGraph([(u, v) for u, v, k in G.edges(data="kind") if k == "supply"])
    supply.add_nodes_from(G.nodes(data=True))
    _, times["brokerage_roles"] = _time(vc.brokerage_roles, supply, "stage")
    _, times["core_periphery"] = _time(vc.core_periphery, G)
    start = time.perf_counter()
    vc.stage_flows(G), vc.sourcing(G), vc.linking_firms(G), vc.sole_partners(G)
    times["stages"] = time.perf_counter() - start
    times["total"] = sum(times.values())
    times["cpu"] = time.process_time() - cpu  # CPU seconds of this process: less sensitive to a busy machine
    times["ties"] = float(len(relations))
    times["edges"] = float(G.number_of_edges())
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    args = parser.parse_args(argv)
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"networkx {nx.__version__}, numpy {np.__version__}, pandas {pd.__version__}")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    rows = []
    for n in args.sizes:
        runs = [run(n) for _ in range(args.repeat)]
        best = {key: min(r[key] for r in runs) for key in runs[0]}
        best["firms"] = n
        rows.append(best)
        print(f"{n:>6} firms done: {best['total']:.2f} s")
    table = pd.DataFrame(rows).set_index("firms")
    columns = [
        "ties", "edges", "firm_network", "network_summary", "network_measures",
        "brokerage_roles", "core_periphery", "stages", "total", "cpu",
    ]  # fmt: skip
    print(table[columns].round(3).to_markdown() if hasattr(table, "to_markdown") else table[columns].round(3))


if __name__ == "__main__":
    main()
