"""Everything the national pages and workbooks show, computed once per run: :func:`national_view`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import DataValidationError
from clusterlib.monitoring.initiatives import default_registry_path, load_initiatives
from clusterlib.national.measures import Category, cluster_categories, load_measures
from clusterlib.national.peers import PEERS_K, national_peers, province_context

__all__ = ["NationalView", "national_view"]


@dataclass(frozen=True)
class NationalView:
    """The national benchmarking of one data folder: measures, categories, context, peers, initiatives."""

    measures: pd.DataFrame
    categories: tuple[Category, ...]
    context: pd.DataFrame
    peers: pd.DataFrame
    registry: pd.DataFrame
    year: int
    period: int
    synthetic: bool
    folder: str
    peers_k: int = PEERS_K

    def category(self, category_id: str) -> Category:
        """A category by id (``nace32``)."""
        return next(c for c in self.categories if c.id == category_id)

    @cached_property
    def _order(self) -> pd.DataFrame:
        return self.measures.sort_values(["plate", "strong", "stars", "lq"], ascending=[True, False, False, False],
                                         na_position="last", kind="stable")

    @cached_property
    def _ranked(self) -> dict[int, pd.DataFrame]:
        return {int(plate): rows.reset_index(drop=True) for plate, rows in self._order.groupby("plate", sort=False)}

    @cached_property
    def _ranked_rows(self) -> dict[int, list[tuple]]:
        rows: dict[int, list[tuple]] = {}
        for row in self._order.itertuples(index=False):  # one pass for the 81 pages
            rows.setdefault(int(row.plate), []).append(row)
        return rows

    @cached_property
    def _category_rows(self) -> dict[str, dict[int, tuple]]:
        rows: dict[str, dict[int, tuple]] = {}
        for row in self.measures.itertuples(index=False):
            rows.setdefault(str(row.category), {})[int(row.plate)] = row
        return rows

    @cached_property
    def _context_rows(self) -> dict[int, tuple]:
        return {int(row.plate): row for row in self.context.itertuples(index=False)}

    @cached_property
    def _peers_of(self) -> dict[int, pd.DataFrame]:
        return {int(plate): rows.reset_index(drop=True) for plate, rows in self.peers.groupby("plate", sort=False)}

    @cached_property
    def _initiatives_of(self) -> dict[int, pd.DataFrame]:
        located = self.registry.dropna(subset=["plate"])
        return {int(plate): rows.reset_index(drop=True) for plate, rows in located.groupby("plate", sort=False)}

    @cached_property
    def by_category(self) -> dict[str, pd.DataFrame]:
        """The measures of each category, indexed by plate."""
        return {str(c): rows.set_index("plate") for c, rows in self.measures.groupby("category", sort=False)}

    @cached_property
    def strong_counts(self) -> pd.Series:
        """Number of categories that meet the strong-cluster rule, by plate."""
        return self.measures.groupby("plate")["strong"].sum().astype(int)

    @cached_property
    def context_by_plate(self) -> pd.DataFrame:
        """:attr:`context` indexed by plate."""
        return self.context.set_index("plate")

    def ranked(self, plate: int) -> pd.DataFrame:
        """A province's categories, strongest first: strong, then stars, then LQ (missing LQ last)."""
        return self._ranked[int(plate)]

    def ranked_rows(self, plate: int) -> list[tuple]:
        """The rows of :meth:`ranked` as named tuples (the pages read them: no pandas per cell)."""
        return self._ranked_rows[int(plate)]

    def strongest(self, plate: int, n: int = 3) -> pd.DataFrame:
        """The first ``n`` of :meth:`ranked` that are strong or have a star (may be fewer than ``n``)."""
        ranked = self.ranked(plate)
        return ranked[ranked["strong"] | (ranked["stars"] > 0)].head(n)

    def strongest_rows(self, plate: int, n: int = 3) -> list[tuple]:
        """:meth:`strongest` as named tuples."""
        return [r for r in self.ranked_rows(plate) if r.strong or r.stars > 0][:n]

    def category_rows(self, category_id: str) -> dict[int, tuple]:
        """The measures of a category as named tuples by plate, in the order of :attr:`measures`."""
        return self._category_rows[category_id]

    def context_row(self, plate: int) -> tuple:
        """A province's row of :attr:`context` as a named tuple."""
        return self._context_rows[int(plate)]

    def province_peers(self, plate: int) -> pd.DataFrame:
        """The peers of a province (see :mod:`clusterlib.national.peers`)."""
        found = self._peers_of.get(int(plate))
        return self.peers.iloc[:0].reset_index(drop=True) if found is None else found.copy(deep=False)

    def initiatives(self, plate: int) -> pd.DataFrame:
        """The knowledge-base initiatives located in a province."""
        found = self._initiatives_of.get(int(plate))
        return self.registry.iloc[:0].reset_index(drop=True) if found is None else found.copy(deep=False)


def national_view(data_dir: str | Path | None = None, *, year: int | None = None, period: int = 5,
                  lang: str | None = None) -> NationalView:
    """Compute the national benchmarking of a data folder (default: the bundled synthetic sample).

    ``lang`` is the language of the error messages (default: English); the view itself has none.

    Raises
    ------
    DataValidationError
        When the employment table is missing or invalid (the message names the file, row and column).
    """
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    measures = load_measures(directory, year=year, period=period, lang=lang)
    context = province_context()
    try:
        registry_path = default_registry_path(directory)
    except DataValidationError:  # the user's data hold no registry: the bundled one (real facts) serves
        registry_path = default_registry_path()
    synthetic = directory.resolve() == SAMPLE_DIR.resolve()
    return NationalView(
        measures=measures, categories=tuple(cluster_categories()), context=context,
        peers=national_peers(context), registry=load_initiatives(registry_path),
        year=int(measures.attrs["year"]), period=int(measures.attrs["period"]), synthetic=synthetic,
        folder=directory.resolve().name,
    )
