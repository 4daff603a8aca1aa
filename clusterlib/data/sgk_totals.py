"""The total check of an SGK yearbook table: the ``Toplam`` column and row must equal their sums."""

from __future__ import annotations

import numpy as np

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.numbers import parse_numbers
from clusterlib.data.sgk import WideTable

__all__ = ["check_totals"]


def check_totals(table: WideTable, *, tolerance: float = 0.5) -> None:
    """Require the ``Toplam`` column to equal each row's sum and the ``Toplam`` row each column's sum.

    Only counts are checked (employment, workplaces); averages are not additive.

    Raises
    ------
    DataValidationError
        At the first total cell that differs from its sum by more than ``tolerance``.
    """
    grid = table.grid

    def numbers(cells: list[object]) -> np.ndarray:
        values, problem = parse_numbers(cells, integer=True, dash_is_zero=True)
        if problem:
            raise grid.error(f"total check: {problem['message']}", expected="numbers", got=problem["got"])
        return np.nan_to_num(values)

    for measure in ("employment", "workplaces"):
        columns = table.value_columns.get(measure)
        if not columns:
            continue
        block = np.column_stack([numbers([grid.rows[i][j] for i in table.data_rows]) for j in columns])
        if measure in table.total_columns:
            j, total_label = table.total_columns[measure]
            stated = numbers([grid.rows[i][j] for i in table.data_rows])
            differ = np.flatnonzero(np.abs(block.sum(axis=1) - stated) > tolerance)
            if differ.size:
                k = int(differ[0])
                row = table.data_rows[k]
                raise grid.error(
                    msg("data.error.row_total", stated=_fmt(stated[k]), sum=_fmt(block[k].sum())),
                    row=grid.numbers[row],
                    column=total_label,
                    expected=block[k].sum(),
                    got=stated[k],
                )
        if table.total_row is not None:
            stated = numbers([grid.rows[table.total_row][j] for j in columns])
            differ = np.flatnonzero(np.abs(block.sum(axis=0) - stated) > tolerance)
            if differ.size:
                k = int(differ[0])
                raise DataValidationError(
                    msg("data.error.column_total", stated=_fmt(stated[k]), sum=_fmt(block[:, k].sum())),
                    file=grid.file,
                    sheet=grid.sheet,
                    row=grid.numbers[table.total_row],
                    column=str(table.raw.labels[measure][k]),
                    expected=block[:, k].sum(),
                    got=stated[k],
                )


def _fmt(value: float) -> str:
    return f"{value:,.0f}"
