"""Every province × every cluster category: size, specialisation, growth, wages, exports, rules and ranks.

A *cluster category* is a NACE division that is the ``main_division`` of at least one cluster of
``resources/nace/clusters.yaml`` (e.g. division 32 for the Samsun medical cluster, MEDİKÜM, OSTİM
Medical and INOVİZ).  The employment data are by division, so the clusters that share a division share
its figures; the category lists them.  Each category is measured exactly as the monitoring step
(step 4) measures a pilot's sector — :func:`clusterlib.monitoring.benchmarking.sector_by_province`
and :func:`clusterlib.monitoring.benchmarking.cluster_flags` — so a pilot's row here is its
step-4 scorecard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import nace, regions
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables
from clusterlib.i18n import check_language
from clusterlib.monitoring.benchmarking import METRICS, cluster_flags, sector_by_province

__all__ = ["METRICS", "STAR_COLUMNS", "Category", "cluster_categories", "load_measures", "national_measures"]

#: The five European Cluster Observatory stars, in display order.
STAR_COLUMNS: tuple[str, ...] = ("size", "specialisation", "focus", "productivity", "dynamism")


@dataclass(frozen=True)
class Category:
    """A cluster category: one NACE division and the clusters of ``clusters.yaml`` measured on it."""

    division: str
    name_tr: str
    name_en: str
    clusters: tuple[str, ...]
    cluster_names_tr: tuple[str, ...]
    cluster_names_en: tuple[str, ...]
    codes: tuple[str, ...]
    pilot: bool
    pilot_plates: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        """File-safe identifier, ``nace32``."""
        return f"nace{self.division}"

    def name(self, lang: str) -> str:
        """The division's short name in ``lang``."""
        return self.name_tr if check_language(lang) == "tr" else self.name_en

    def cluster_names(self, lang: str) -> tuple[str, ...]:
        """Names of the clusters behind the category in ``lang``."""
        return self.cluster_names_tr if check_language(lang) == "tr" else self.cluster_names_en


def cluster_categories(*, path: str | Path | None = None) -> list[Category]:
    """The cluster categories of a cluster file, ordered by NACE division.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A cluster file (default: the bundled ``clusters.yaml``).

    Returns
    -------
    list of Category

    Examples
    --------
    >>> cats = cluster_categories()
    >>> [c.division for c in cats][:4], cats[0].id
    (['01', '03', '10', '14'], 'nace01')
    >>> medical = next(c for c in cats if c.division == "32")
    >>> medical.clusters, medical.pilot_plates
    (('samsun_medical', 'medikum_samsun', 'ostim_medical', 'inoviz_izmir_health'), (55,))
    """
    table = nace.clusters(path=path)
    out = []
    for division, rows in table.groupby("main_division", sort=True):
        codes = tuple(dict.fromkeys(code for codes in rows["codes"] for code in codes))
        out.append(Category(
            division=str(division),
            name_tr=nace.name(str(division), lang="tr", short=True),
            name_en=nace.name(str(division), lang="en", short=True),
            clusters=tuple(rows["id"]),
            cluster_names_tr=tuple(rows["name_tr"]),
            cluster_names_en=tuple(rows["name_en"]),
            codes=codes,
            pilot=bool(rows["pilot"].any()),
            pilot_plates=tuple(sorted({regions.province(p).plate for ps in rows.loc[rows["pilot"], "provinces"]
                                       for p in ps})),
        ))
    return out


def _ranks(values: pd.Series) -> pd.Series:
    """1 for the highest value; ties share the best rank; missing values have no rank (as step 4 ranks)."""
    ordered = np.sort(values.dropna().to_numpy(dtype=float))
    x = values.to_numpy(dtype=float)
    above = ordered.size - np.searchsorted(ordered, x, side="right")
    return pd.Series(above + 1, index=values.index, dtype="Int64").where(values.notna())


def national_measures(employment: pd.DataFrame, exports: pd.DataFrame | None, *, year: int | None = None,
                      period: int = 5, strong_percentile: float = 75,
                      categories: list[Category] | None = None) -> pd.DataFrame:
    """Every province × every cluster category, measured as step 4 measures a pilot.

    For each category (division :math:`i`) and province :math:`j`: employment :math:`e_{ij}`,
    workplaces, :math:`LQ = (e_{ij}/e_j)/(e_i/e)`, employment CAGR over ``period`` years, the
    employment-weighted average wage, exports (where the table has them), the US Cluster Mapping
    strong-cluster flag, the five European Cluster Observatory stars, and the province's rank among
    the provinces for each metric (1 = highest; a missing value has no rank, it is never ranked as 0).

    Parameters
    ----------
    employment : DataFrame
        ``plate, province, nace, year, employment, workplaces, avg_wage``.
    exports : DataFrame or None
        ``plate, nace, year, exports_usd``; None: exports are missing everywhere.
    year : int, optional
        Year of the levels (default: the latest year of ``employment``).
    period : int, default 5
        Years of growth.
    strong_percentile : float, default 75
        LQ percentile of the strong-cluster rule.
    categories : list of Category, optional
        Default: :func:`cluster_categories`.

    Returns
    -------
    DataFrame
        One row per (plate, category): ``plate, province, category, division``, the :data:`METRICS`,
        ``total_employment``, ``strong``, the :data:`STAR_COLUMNS`, ``stars`` and ``rank_<metric>``
        (nullable integers), sorted by plate and division.
    """
    year = int(year) if year is not None else int(employment["year"].max())
    frames = []
    for category in categories if categories is not None else cluster_categories():
        table = sector_by_province(employment, exports, [category.division], year=year, period=period)
        flags = cluster_flags(table, strong_percentile=strong_percentile)
        frame = table.join(flags)
        for metric in METRICS:
            frame[f"rank_{metric}"] = _ranks(frame[metric])
        frames.append(frame.reset_index().assign(category=category.id, division=category.division))
    out = pd.concat(frames, ignore_index=True)
    columns = ["plate", "province", "category", "division", *METRICS, "total_employment", "strong",
               *STAR_COLUMNS, "stars", *(f"rank_{m}" for m in METRICS)]
    out = out[columns].sort_values(["plate", "division"], ignore_index=True)
    out.attrs["year"], out.attrs["period"] = year, period
    return out


def load_measures(data_dir: str | Path | None = None, *, year: int | None = None, period: int = 5,
                  strong_percentile: float = 75, lang: str | None = None) -> pd.DataFrame:
    """:func:`national_measures` on the employment and exports tables of a data folder.

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Input tables (default: the bundled synthetic sample); read and checked by
        :func:`clusterlib.data.load_tables`, whose errors name the file, row and column.  The
        exports table is optional: without it exports are missing (never zero).
    lang : {"tr", "en"}, optional
        Language of the error messages (default: English).

    Returns
    -------
    DataFrame
        As :func:`national_measures`.
    """
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    tables = load_tables(directory, required=["employment"], optional=["exports"], lang=lang)
    return national_measures(tables["employment"], tables.get("exports"), year=year, period=period,
                             strong_percentile=strong_percentile)
