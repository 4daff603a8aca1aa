"""Benchmark: vectorised ``indicators()`` against a per-province, per-year pandas loop.

Builds a seeded synthetic national table (81 provinces x 615 NACE classes x 15 years, zero
cells left out as in SGK releases), computes every indicator for every province and year

* with :func:`clusterlib.specialization.indicators` (one numpy pass over a year x province x
  sector array), and
* with a straightforward loop over years and provinces in pandas (national totals per year,
  then each province's row: shares, LQ, growth, shift-share, Herfindahl, Krugman, Hoover, Gini;
  the cross-province percentile rules with a groupby afterwards),

checks that both give the same numbers, and reports the best of ``--repeat`` runs.

Run: ``.venv/bin/python benchmarks/bench_indicators.py`` (about a minute on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, any cwd

from clusterlib.specialization import indicators

N_PROVINCES, N_SECTORS, N_YEARS, FIRST_YEAR = 81, 615, 15, 2010
SHIFT_SHARE = ("national_share", "industry_mix", "regional_share")


def synthetic_table(seed: int = 20240601) -> pd.DataFrame:
    """Seeded province x NACE x year employment, establishments and average wages (long form)."""
    rng = np.random.default_rng(seed)
    provinces = [f"TR-{k:02d}" for k in range(1, N_PROVINCES + 1)]
    codes = rng.choice(np.arange(100, 9999), N_SECTORS, replace=False)
    sectors = [f"{k // 100:02d}.{k % 100:02d}" for k in codes]  # NACE class-like "10.71"
    weight = rng.lognormal(0, 1.3, N_SECTORS)
    size = rng.lognormal(10.7, 1.0, N_PROVINCES)[:, None] * (weight / weight.sum())[None, :]
    present = rng.random((N_PROVINCES, N_SECTORS)) < 0.6
    present[rng.integers(0, N_PROVINCES, N_SECTORS), np.arange(N_SECTORS)] = True  # every class somewhere
    affinity = rng.lognormal(0, 1.2, (N_PROVINCES, N_SECTORS)) * present
    trend = np.cumsum(rng.normal(0.02, 0.05, (N_YEARS, 1, N_SECTORS)), axis=0)
    noise = rng.normal(0, 0.08, (N_YEARS, N_PROVINCES, N_SECTORS))
    employment = np.floor(size * affinity * np.exp(trend + noise))
    employment[:, present & (employment.max(axis=0) == 0)] = 1  # keep the few tiny present cells
    firm_size = rng.lognormal(1.5, 0.6, (1, 1, N_SECTORS))
    establishments = np.ceil(employment / firm_size)
    wages = rng.lognormal(np.log(15_000), 0.25, (1, N_PROVINCES, N_SECTORS)) * np.exp(0.1 * trend)
    long = pd.DataFrame({
        "province": np.tile(np.repeat(provinces, N_SECTORS), N_YEARS),
        "nace": np.tile(sectors, N_YEARS * N_PROVINCES),
        "year": np.repeat(np.arange(FIRST_YEAR, FIRST_YEAR + N_YEARS), N_PROVINCES * N_SECTORS),
        "employment": employment.ravel(),
        "establishments": establishments.ravel(),
        "wage": np.broadcast_to(wages, employment.shape).ravel().round(2),
    })
    return long[long["employment"] > 0].reset_index(drop=True)


def loop_indicators(long: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The same indicators with a plain loop over years and provinces (pandas, no numpy tricks)."""
    years = sorted(long["year"].unique())
    provinces = sorted(long["province"].unique())
    sectors = sorted(long["nace"].unique())
    by_year = {y: g.set_index(["province", "nace"]) for y, g in long.groupby("year")}
    national = {y: g["employment"].groupby(level="nace").sum().reindex(sectors, fill_value=0.0)
                for y, g in by_year.items()}
    base = years[0]
    cells, regions = [], []
    previous_rows: dict[str, pd.Series] = {}
    base_rows: dict[str, pd.Series] = {}
    base_lq: dict[str, pd.Series] = {}
    for k, year in enumerate(years):
        table, nation = by_year[year], national[year]
        total = nation.sum()
        for province in provinces:
            has_rows = province in table.index.levels[0]
            rows = table.xs(province, level="province") if has_rows else table.iloc[:0]
            emp = rows["employment"].reindex(sectors, fill_value=0.0)
            est = rows["establishments"].reindex(sectors, fill_value=0.0)
            wage = rows["wage"].reindex(sectors)
            region_total = emp.sum()
            share = emp / region_total if region_total else emp * np.nan
            lq = (share / (nation / total)).where(nation > 0)
            frame = pd.DataFrame({"province": province, "nace": sectors, "year": year,
                                  "employment": emp.values, "establishments": est.values,
                                  "wage": wage.values, "share": share.values, "lq": lq.values})
            if k:
                start = base_rows[province]
                span = year - base
                frame["change"] = (emp - start).values
                frame["cagr"] = ((emp / start) ** (1 / span) - 1).where(start > 0).values
                frame["lq_change"] = (lq - base_lq[province]).values
                prev, prev_nation = previous_rows[province], national[years[k - 1]]
                g_nat = total / prev_nation.sum()
                g_sec = (nation / prev_nation).where(prev_nation > 0, g_nat)
                frame["national_share"] = (prev * g_nat - prev).values
                frame["industry_mix"] = (prev * g_sec - prev * g_nat).values
                frame["regional_share"] = (emp - prev * g_sec).values
            else:
                for col in ("change", "cagr", "lq_change", *SHIFT_SHARE):
                    frame[col] = np.nan
            cells.append(frame)
            rest = nation - emp
            rest_share = rest / rest.sum()
            valid = lq.dropna().sort_values()
            n = len(valid)
            gini = (2 * (np.arange(1, n + 1) * valid.values).sum() / (n * valid.sum()) - (n + 1) / n
                    if n and valid.sum() else np.nan)
            hhi = (share ** 2).sum() if region_total else np.nan
            regions.append({
                "province": province, "year": year, "employment": region_total, "herfindahl": hhi,
                "herfindahl_normalised": (hhi - 1 / N_SECTORS) / (1 - 1 / N_SECTORS),
                "krugman": (share - rest_share).abs().sum() if region_total else np.nan,
                "hoover": 0.5 * (share - nation / total).abs().sum() if region_total else np.nan,
                "gini": gini,
            })
            previous_rows[province] = emp
            if k == 0:
                base_rows[province], base_lq[province] = emp, lq
    cells = pd.concat(cells, ignore_index=True)
    # cross-province rules: percentiles over provinces, per year and sector
    group = cells.groupby(["year", "nace"])
    present = cells["employment"] > 0

    def top(column: str, mask: pd.Series, q: float) -> pd.Series:
        values = cells[column].where(mask)
        cut = values.groupby([cells["year"], cells["nace"]]).transform(lambda s: s.quantile(q))
        return mask & (values >= cut)

    def cut(column: str, q: float) -> pd.Series:
        return group[column].transform(lambda s: s.quantile(q))

    cells["strong_cluster"] = ((cells["lq"] >= cut("lq", 0.75)) & (cells["lq"] >= 1)
                               & (cells["employment"] > cut("employment", 0.25))
                               & (cells["establishments"] > cut("establishments", 0.25)))
    cells["star_size"] = top("employment", present, 0.9)
    cells["star_specialisation"] = present & (cells["lq"] >= 2)
    cells["star_focus"] = top("share", present, 0.9)
    cells["star_productivity"] = top("wage", present & cells["wage"].notna(), 0.9)
    cells["star_dynamism"] = top("cagr", present & cells["cagr"].notna(), 0.9)
    cells["stars"] = cells.filter(like="star_").sum(axis=1)
    return cells, pd.DataFrame(regions)


def vectorised(long: pd.DataFrame):
    return indicators(long, establishments="establishments", wages="wage")


def best_of(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


def same_numbers(fast, slow: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Raise AssertionError unless both implementations agree on every cell and region figure."""
    keys_c, keys_r = ["year", "province", "nace"], ["year", "province"]
    cells = fast.cells.sort_values(keys_c).reset_index(drop=True)
    loop_cells = slow[0].sort_values(keys_c).reset_index(drop=True)
    regions = fast.regions.sort_values(keys_r).reset_index(drop=True)
    loop_regions = slow[1].sort_values(keys_r).reset_index(drop=True)
    for left, right in ((cells, loop_cells), (regions, loop_regions)):
        for column in right.columns:
            a, b = left[column].to_numpy(), right[column].to_numpy()
            if a.dtype.kind in "fi" and b.dtype.kind in "fi":
                np.testing.assert_allclose(a, b.astype(float), rtol=1e-9, atol=1e-9, equal_nan=True,
                                           err_msg=column)
            else:
                np.testing.assert_array_equal(a, b, err_msg=column)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; Python "
            f"{platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per implementation; the best counts")
    args = parser.parse_args()
    long = synthetic_table()
    print(f"machine: {machine()}")
    print(f"table: {N_PROVINCES} provinces x {N_SECTORS} NACE classes x {N_YEARS} years = "
          f"{N_PROVINCES * N_SECTORS * N_YEARS:,} cells, {len(long):,} non-zero rows")
    fast_s, fast = best_of(lambda: vectorised(long), args.repeat)
    slow_s, slow = best_of(lambda: loop_indicators(long), args.repeat)
    same_numbers(fast, slow)
    print("check: both implementations agree on every cell and region figure (rtol 1e-9)")
    print(f"vectorised indicators(): {fast_s:8.3f} s (best of {args.repeat})")
    print(f"per-province pandas loop: {slow_s:8.3f} s (best of {args.repeat})")
    print(f"speed-up: {slow_s / fast_s:8.1f}x; target < 1 s: {'met' if fast_s < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
