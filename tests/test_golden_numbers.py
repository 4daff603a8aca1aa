"""The numbers of every table of the four steps for the five pilots do not change by accident.

The golden file was made at f41a02c (see ``tests/_golden.py``); a commit that corrects a number
rewrites it and names the correction.
"""

from __future__ import annotations

import math

import pytest

from tests._golden import GOLDEN, collect, is_row_number, read_golden

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def computed() -> dict[str, dict[str, list[float | None]]]:
    return collect()


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def test_every_golden_table_is_still_computed(computed):
    golden = read_golden()
    assert GOLDEN.stat().st_size < 400_000, "the golden file should stay compact"
    assert len(golden) >= 5 * 4 * 3, "every step of every pilot has tables"
    missing = sorted(set(golden) - set(computed))
    assert not missing, f"tables no longer saved: {missing}"


def test_every_number_matches_the_golden_file(computed):
    golden = read_golden()
    differences = []
    for key in sorted(set(golden) & set(computed)):
        for column, expected in golden[key].items():
            if is_row_number(column):
                continue  # save_tables writes a plain row number no more
            got = computed[key].get(column)
            if got is None:
                differences.append(f"{key}: column {column!r} is gone")
            elif len(got) != len(expected):
                differences.append(f"{key}.{column}: {len(got)} rows, golden {len(expected)}")
            else:
                rows = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if not _same(a, b)]
                if rows:
                    i = rows[0]
                    differences.append(
                        f"{key}.{column}: {len(rows)} values differ, first at row {i}: {got[i]} != {expected[i]}"
                    )
    assert not differences, "\n".join(differences[:40])
