"""The numbers of every saved table of the four steps for the five pilots, as a compact golden file.

The golden file ``tests/fixtures/golden_numbers.json.gz`` was made at f41a02c (before the four steps
were brought to one shape) and guards refactoring: ``tests/test_golden_numbers.py`` recomputes the
tables and compares every number.  A commit that corrects a number rewrites the file with

    .venv/bin/python tests/_golden.py --write

and names the correction in its message.

Each table is keyed ``<step>/<province plate>/<table>``, where ``<table>`` is the last part of the
file name that the step's ``save()`` writes (``scores``, ``linkages`` …), so a new naming scheme of
the files does not change the keys.  For each numeric column the values are kept in row order,
rounded to ``SIGNIFICANT`` significant digits; a missing value is kept as ``None`` (never a number).
"""

from __future__ import annotations

import gzip
import json
import math
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

GOLDEN = Path(__file__).parent / "fixtures" / "golden_numbers.json.gz"
SIGNIFICANT = 8
PILOTS = ("19", "55", "61", "27", "46")  # Çorum, Samsun, Trabzon, Gaziantep, Kahramanmaraş


def _round(value: float) -> float | None:
    """``value`` to SIGNIFICANT significant digits; NaN → None.

    >>> _round(3.14159265358979), _round(float("nan")), _round(0.0)
    (3.1415927, None, 0.0)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = float(value)
    if value == 0 or math.isinf(value):
        return value
    return float(f"{value:.{SIGNIFICANT - 1}e}")


def table_numbers(path: Path) -> dict[str, list[float | None]]:
    """Every numeric column of a saved CSV table, by column name, values in row order."""
    frame = pd.read_csv(path)
    return {
        str(column): [_round(v) for v in frame[column].tolist()]
        for column in frame.columns
        if pd.api.types.is_numeric_dtype(frame[column])
        and not pd.api.types.is_bool_dtype(frame[column])
        and not is_row_number(str(column))
    }


def is_row_number(column: str) -> bool:
    """A column pandas names ``Unnamed: 0``: an unnamed index written out, row numbers, not figures."""
    return column.startswith("Unnamed: ")


def _table_key(step: str, plate: str, path: Path) -> str:
    return f"{step}/{plate}/{path.stem.rsplit('_', 1)[-1]}"


def _steps() -> dict[str, Callable[[str, Path], list[Path]]]:
    import clusterlib as cl

    def needs(province: str, out: Path) -> list[Path]:
        return list(cl.needs.analyse_needs_assessment(province, lang="tr").save(out))

    def selection(province: str, out: Path) -> list[Path]:
        ranking = cl.selection.analyse_sector_selection(province)
        diversification = cl.selection.analyse_diversification(province, year=ranking.year, ranking=ranking)
        return [*ranking.save(out), *diversification.save(out)]

    def valuechain(province: str, out: Path) -> list[Path]:
        return list(cl.valuechain.analyse_value_chain_mapping(province, lang="tr").save(out))

    def monitoring(province: str, out: Path) -> list[Path]:
        return list(cl.monitoring.analyse_monitoring(province, lang="tr").save(out))

    return {
        "needs_assessment": needs,
        "sector_selection": selection,
        "value_chain_mapping": valuechain,
        "monitoring_benchmarking": monitoring,
    }


def collect(provinces: tuple[str, ...] = PILOTS) -> dict[str, dict[str, list[float | None]]]:
    """Run the four steps for ``provinces`` on the bundled sample; the numbers of every saved table."""
    numbers: dict[str, dict[str, list[float | None]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for step, run in _steps().items():
            for plate in provinces:
                out = Path(tmp) / step / plate
                for path in run(plate, out):
                    numbers[_table_key(step, plate, Path(path))] = table_numbers(Path(path))
    return numbers


def read_golden() -> dict[str, dict[str, list[float | None]]]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def write_golden(numbers: dict[str, dict[str, list[float | None]]]) -> None:
    text = json.dumps(numbers, sort_keys=True, separators=(",", ":"))
    with gzip.GzipFile(GOLDEN, "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/_golden.py --write")
    write_golden(collect())
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes)")
