"""Building the eleven tables (:func:`build_tables`), writing them with their README (:func:`generate`)
and the command line (:func:`main`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import config
from clusterlib.data.sample.firms import _firms, _survey
from clusterlib.data.sample.inputs import SEED, TABLES, calibration_path
from clusterlib.data.sample.institutions import _initiatives, _stakeholders
from clusterlib.data.sample.io_table import _io_table
from clusterlib.data.sample.monitoring import _benchmarks, _monitoring
from clusterlib.data.sample.provinces import _employment, _exports, _province_factors
from clusterlib.data.sample.relations import _relations
from clusterlib.data.sample.writing import write_table

#: Fixed decimals of float columns; other float columns are written in their shortest exact form.
_DECIMALS = {
    "employment": {"avg_wage": 0},
    "exports": {"exports_usd": 0},
    "firms": {"export_share": 2},
    "stakeholders": {"lat": 4, "lon": 4},  # 3 decimals would read like a thousands separator
    "province_factors": {"rd_personnel_per_10k": 1, "broadband_per_100": 1},
}
_BUILDERS: dict[str, Callable[[int], pd.DataFrame]] = {
    "employment": _employment,
    "exports": _exports,
    "firms": _firms,
    "survey": _survey,
    "relations": _relations,
    "stakeholders": _stakeholders,
    "io_table": _io_table,
    "monitoring": _monitoring,
    "benchmarks": _benchmarks,
    "initiatives": _initiatives,
    "province_factors": _province_factors,
}


def build_tables(*, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Build the eleven synthetic sample tables in memory.

    Parameters
    ----------
    seed : int
        Seed of the random streams (one stream per table, ``numpy.random.default_rng([seed, k])``).

    Returns
    -------
    dict of str to pandas.DataFrame
        Keyed by table name (:data:`TABLES`), rows sorted by the table's key columns.

    Examples
    --------
    >>> from clusterlib.data.sample import TABLES, YEARS, build_tables
    >>> tables = build_tables()
    >>> list(tables) == list(TABLES), len(tables["employment"]) == 81 * 88 * len(YEARS)
    (True, True)
    >>> sorted(tables["firms"]["cluster"].unique())[:2]
    ['corum_food_machinery', 'gaziantep_footwear']
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"'seed' must be a non-negative integer, got {seed!r}")
    return {name: _cached(name, int(seed)).copy() for name in TABLES}


@cache
def _cached(name: str, seed: int) -> pd.DataFrame:
    return _BUILDERS[name](seed)


def _readme(tables: dict[str, pd.DataFrame], seed: int) -> str:
    template = calibration_path("sample_readme.md").read_text(encoding="utf-8")
    employment = tables["employment"].groupby("year")["employment"].sum()
    exports = tables["exports"].groupby("year")["exports_usd"].sum() / 1e9
    firms = tables["firms"].groupby("cluster").size()
    return template.format(
        seed=seed,
        employment_2013=f"{employment.loc[2013] / 1e6:.1f}",
        employment_2024=f"{employment.loc[2024] / 1e6:.1f}",
        exports_2013=f"{exports.loc[2013]:.1f}",
        exports_2024=f"{exports.loc[2024]:.1f}",
        firms=", ".join(f"{cid} {n}" for cid, n in firms.items()),
    )


def generate(out_dir: str | Path | None = None, *, seed: int = SEED) -> dict[str, Path]:
    """Generate the synthetic sample: eleven CSV tables and their README, byte-for-byte reproducible.

    Parameters
    ----------
    out_dir : str or Path, optional
        Target folder (created if needed); default :data:`clusterlib.config.SAMPLE_DIR`.
    seed : int
        Seed of the random streams; the bundled sample uses :data:`SEED`.

    Returns
    -------
    dict of str to Path
        Table name (and ``"README"``) → file written.

    Raises
    ------
    ValueError
        If ``seed`` is not a non-negative integer.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = generate(tmp)
    ...     sorted(path.name for path in written.values())[:3]
    ['README.md', 'benchmarks.csv', 'employment.csv']
    """
    tables = build_tables(seed=seed)
    target = Path(out_dir) if out_dir is not None else config.SAMPLE_DIR
    written = {
        name: write_table(frame, target / f"{name}.csv", decimals=_DECIMALS.get(name))
        for name, frame in tables.items()
    }
    readme = target / "README.md"
    with open(readme, "w", encoding="utf-8", newline="") as handle:
        handle.write(_readme(tables, int(seed)))
    written["README"] = readme
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m clusterlib.data.sample [--out DIR] [--seed N]``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status 0; the files written are listed on standard output.
    """
    parser = argparse.ArgumentParser(
        prog="python -m clusterlib.data.sample",
        description="Generate the synthetic sample tables (seeded, byte-for-byte reproducible).",
    )
    parser.add_argument(
        "--out", type=Path, default=config.SAMPLE_DIR, help=f"output folder (default: {config.SAMPLE_DIR})"
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default: {SEED})")
    args = parser.parse_args(argv)
    written = generate(args.out, seed=args.seed)
    for name, path in written.items():
        print(f"{name:18s} {path}")
    return 0
