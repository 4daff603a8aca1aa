"""Seeded generator of the synthetic sample tables bundled in ``data/raw/sample/``.

The official tables the workbench is built for (SGK insured employment and workplaces by province and
NACE division, TİM exports by province and sector, firm interviews, …) cannot be shipped, so the
notebooks run on a **synthetic** stand-in with the same layout (the contract is the schema in
``data/raw/sample/README.md``).  The stand-in is calibrated on official figures carried in
``resources/calibration/`` (Source: TÜİK — population 2013–2024, value added by province and A10
sector 2023, chain-linked volume indices 2013–2022) and on modelling assumptions kept beside them in
small, commented tables (``assumptions_*.csv``, ``pilot_clusters.yaml``).

The model, table by table:

* ``employment`` — province totals are population × a participation level that rises with GDP per
  capita (elasticity ``_BETA``); they are split over the A10 sectors in proportion to the province's
  value added divided by the national value added per insured employee of the sector (so the sector
  structure follows TÜİK's A10 structure of the province), and each A10 sector over its divisions in
  proportion to the national division structure × the province's known specialisations × a persistent
  log-normal term.  Years move with the province's sector volume indices (elasticity ``_ELASTICITY``),
  the 2020 pandemic dip of accommodation, travel and leisure and the February 2023 earthquakes.  The
  national total follows ``assumptions_national.csv``.  Workplaces divide employment by a sector- and
  province-specific average size; wages scale the national average by sector, province and the minimum
  wage floor.
* ``exports`` — goods divisions: employment × the division's export intensity × province and
  specialisation export factors, scaled to the national goods-export total of each year.
* ``firms``, ``survey``, ``relations`` — per pilot cluster, from ``pilot_clusters.yaml``.
* ``stakeholders`` — the real institutions of ``pilot_institutions.csv`` with synthetic roles.
* ``io_table`` — a balanced section-level table: value added from TÜİK's 2023 A10 figures, outputs from
  value-added ratios, intermediate flows by biproportional (RAS) adjustment of an input-structure prior.
* ``monitoring``, ``benchmarks``, ``province_factors`` — synthetic; ``initiatives`` — real facts from
  the seed pages (``initiatives_seed.csv``).

Every random draw comes from ``numpy.random.default_rng([seed, k])`` with a fixed ``k`` per table, rows
are sorted by their keys and numbers are written with fixed decimals, so a run gives the same bytes
on every machine.  Run ``python -m clusterlib.data.sample [--out DIR] [--seed N]``.
"""

from __future__ import annotations

from clusterlib.data.sample.build import build_tables, generate, main
from clusterlib.data.sample.inputs import SEED, TABLES, YEARS
from clusterlib.data.sample.writing import write_table

__all__ = ["SEED", "TABLES", "YEARS", "build_tables", "generate", "main", "write_table"]
