"""The province in figures, from real official statistics (TÜİK) carried in :mod:`clusterlib.official`.

Population 2007–2025 (ADNKS), GDP per capita 2020–2024 in TRY and USD against the NUTS-2 region
and Türkiye (population-weighted means of the provinces), socio-economic status 2023, and the
employment and unemployment rates of the Labour Force Survey with their 95 % intervals.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusterlib import official
from clusterlib.regions import Province

__all__ = ["ProvinceContext", "province_context"]


@dataclass(frozen=True)
class ProvinceContext:
    """Official figures of one province, each with its comparison.

    ``population``: ``year, population`` (2007–2025); ``population_rank`` among 81 in the last year;
    ``gdp``: ``year, area, level, gdp_per_capita_try, gdp_per_capita_usd`` with ``level`` one of
    ``province``, ``nuts2``, ``country``; ``gdp_rank`` among 81 (USD, last year); ``ses_score`` and
    ``ses_rank`` (1 = highest score of 81) for 2023; ``labour``: ``year, indicator, area, value,
    ci95_low, ci95_high, caution`` for the province and Türkiye.
    """

    province: Province
    population: pd.DataFrame
    population_rank: int
    gdp: pd.DataFrame
    gdp_rank: int
    ses_score: float
    ses_rank: int
    labour: pd.DataFrame

    @property
    def population_year(self) -> int:
        """Last year of the population series."""
        return int(self.population["year"].max())

    @property
    def population_last(self) -> int:
        """Population in :attr:`population_year`."""
        return int(self.population["population"].iloc[-1])

    @property
    def population_change(self) -> float:
        """Relative change of the population over the whole series (e.g. 0.12 for +12 %)."""
        first, last = self.population["population"].iloc[[0, -1]]
        return float(last / first - 1.0)

    @property
    def gdp_year(self) -> int:
        """Last year of GDP per capita."""
        return int(self.gdp["year"].max())

    def gdp_last(self, level: str = "province", currency: str = "usd") -> float:
        """GDP per capita of the last year at ``level`` (``province``, ``nuts2``, ``country``)."""
        row = self.gdp[(self.gdp["year"] == self.gdp_year) & (self.gdp["level"] == level)]
        return float(row[f"gdp_per_capita_{currency}"].iloc[0])

    def labour_last(self, indicator: str, area: str = "province") -> pd.Series:
        """Last-year row (value, ci95_low, ci95_high, caution) of ``indicator`` for ``area``."""
        rows = self.labour[(self.labour["indicator"] == indicator) & (self.labour["area"] == area)]
        return rows.sort_values("year").iloc[-1]


def _rank(values: pd.Series, plates: pd.Series, plate: int) -> int:
    ranks = values.rank(ascending=False, method="min")
    return int(ranks[plates.astype(int) == plate].iloc[0])


def province_context(place: Province) -> ProvinceContext:
    """Gather the official figures of ``place`` (see :class:`ProvinceContext`).

    Examples
    --------
    >>> from clusterlib.regions import province
    >>> context = province_context(province("Samsun"))
    >>> context.population_year, context.population_last
    (2025, 1392403)
    >>> sorted(context.gdp["level"].unique())
    ['country', 'nuts2', 'province']
    """
    pop = official.population()
    last_year = int(pop["year"].max())
    latest = pop[pop["year"] == last_year]
    population = pop[pop["plate"] == place.plate][["year", "population"]].sort_values(
        "year", ignore_index=True
    )

    gdp = official.gdp_per_capita()
    own = gdp[gdp["plate"] == place.plate].assign(level="province", area=place.name)
    columns = ["gdp_per_capita_try", "gdp_per_capita_usd"]
    region = official.regional_mean(gdp, columns[0]).merge(
        official.regional_mean(gdp, columns[1]), on=["nuts2", "nuts2_name", "year"]
    )
    region = region[region["nuts2"] == place.nuts2].assign(
        level="nuts2", area=f"{place.nuts2} {place.nuts2_name}"
    )
    country = (
        official.regional_mean(gdp, columns[0], by="country")
        .merge(official.regional_mean(gdp, columns[1], by="country"), on="year")
        .assign(level="country", area="Türkiye")
    )
    keep = ["year", "level", "area", *columns]
    gdp_table = pd.concat([own[keep], region[keep], country[keep]], ignore_index=True)
    gdp_last = gdp[gdp["year"] == gdp["year"].max()]

    ses = official.ses()
    lf = official.labour_force()
    lf = lf[(lf["plate"] == place.plate).fillna(False) | (lf["nuts3"] == "TR")].copy()
    lf["area"] = lf["nuts3"].map(lambda code: "country" if code == "TR" else "province")
    labour = lf[["year", "indicator", "area", "value", "ci95_low", "ci95_high", "caution"]].reset_index(
        drop=True
    )
    return ProvinceContext(
        province=place,
        population=population,
        population_rank=_rank(latest["population"], latest["plate"], place.plate),
        gdp=gdp_table,
        gdp_rank=_rank(gdp_last["gdp_per_capita_usd"], gdp_last["plate"], place.plate),
        ses_score=float(ses.loc[ses["plate"] == place.plate, "ses_score_mean"].iloc[0]),
        ses_rank=_rank(ses["ses_score_mean"], ses["plate"], place.plate),
        labour=labour,
    )
