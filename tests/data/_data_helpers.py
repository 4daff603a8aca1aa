"""Helpers shared by the tests of clusterlib.data: the fixture folder and the expected tidy table.

Fixtures: ``tests/fixtures/data/`` (written by ``make_fixtures.py`` there): one employment table as
tidy UTF-8 CSV, UTF-8-BOM CSV with Turkish headings, Windows-1254 CSV with ``;`` and Turkish
number notation, tidy workbook with a title row, and an SGK-style workbook with multi-row headings.
The expected tables below are the values make_fixtures.py writes, typed out again by hand.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

FIXTURES = Path(__file__).parents[1] / "fixtures" / "data"
#: One fixture per way a real folder went wrong (make_fixtures.write_faults).
FAULTS = FIXTURES / "faults"

EXPECTED_TIDY = pd.DataFrame(
    {
        "plate": [19, 27, 27, 34, 46, 63, 76],
        "province": ["Çorum", "Gaziantep", "Gaziantep", "İstanbul", "Kahramanmaraş", "Şanlıurfa", "Iğdır"],
        "nace": ["28", "15", "15", "62", "25", "13", "01"],
        "year": [2023, 2022, 2023, 2023, 2023, 2023, 2023],
        "employment": [5120, 41250, 43980, 123456, 12345, 0, 87],
        "workplaces": [233, 1830, 1902, 9876, 512, 0, 12],
        "avg_wage": [21450.5, 14250.25, 19875.75, 41234.5, 18420.0, np.nan, 12500.0],
    }
)


def _long(
    records: dict[tuple[int, str], dict[str, object]], year: int, columns: tuple[str, ...]
) -> pd.DataFrame:
    rows = [
        (plate, name, code, year, *(values if isinstance(values, tuple) else (values,)))
        for (plate, name), cells in records.items()
        for code, values in cells.items()
    ]
    return pd.DataFrame(rows, columns=["plate", "province", "nace", "year", *columns])
