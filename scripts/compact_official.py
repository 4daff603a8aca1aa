"""Carry compact copies of the official TÜİK tables into ``clusterlib/resources/official/``.

Run from the repository root with the project's shared data folder beside the checkout::

    python scripts/compact_official.py ../shared/data/official

Small tables are copied unchanged.  The chain-linked volume table (2 MB of CSV) is stored as Parquet
with the volume column only (the index and the yearly change are derived from it in
:mod:`clusterlib.official`); values are kept to full precision.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

TARGET = Path(__file__).resolve().parents[1] / "clusterlib" / "resources" / "official"

COPIED = (
    "tuik_adnks_population_province_2007_2025_wide.csv",
    "tuik_lfs_province_employment_unemployment_rate_2022_2024.csv",
    "tuik_province_gdp_by_sector_A10_current_prices_2023.csv",
    "tuik_province_gdp_per_capita_2020_2024_try_usd.csv",
    "tuik_province_socioeconomic_status_ses_2023.csv",
)
VOLUME_CSV = "tuik_province_gdp_by_sector_A10_chain_volume_2004_2023_long.csv"
VOLUME_PARQUET = "tuik_province_gdp_by_sector_A10_chain_volume_2004_2023.parquet"


def main(source: Path) -> None:
    """Copy the small tables and write the chain-volume table as Parquet."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(source / name, TARGET / name)
    volume = pd.read_csv(source / VOLUME_CSV, dtype={"nuts3": "string", "sector": "string"})
    volume = volume[["nuts3", "year", "sector", "volume_chain_linked_2009_thousand_try"]].rename(
        columns={"volume_chain_linked_2009_thousand_try": "volume"}
    )
    volume["year"] = volume["year"].astype("int16")
    volume.to_parquet(TARGET / VOLUME_PARQUET, index=False, compression="zstd")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/official"))
