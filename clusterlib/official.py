"""Real official statistics of Türkiye's 81 provinces, carried with the package (TÜİK).

The synthetic sample stands in for the tables that cannot be had offline (SGK employment by NACE,
TİM exports), but these figures are real, published by the Turkish Statistical Institute (TÜİK),
and every report that shows them says so with :data:`SOURCE`:

==========================  ===================================================  ===========
function                    table                                                years
==========================  ===================================================  ===========
:func:`population`          registered population, ADNKS (31 December)           2007–2025
:func:`gdp_per_capita`      GDP per capita, TRY and USD, regional accounts       2020–2024
:func:`ses`                 socio-economic status score and household classes    2023
:func:`labour_force`        employment and unemployment rate with 95 % CI, LFS   2022–2024
:func:`gva_a10_current`     GDP and value added by A10 sector, thousand TRY      2023
:func:`gva_a10_volume`      the same in chain-linked volumes (2009 prices)       2004–2023
==========================  ===================================================  ===========

Every function returns a tidy frame keyed by ``plate`` (1–81, nullable ``Int64``; ``<NA>`` for the
Türkiye row where the source has one), ``nuts3`` (``TR`` for Türkiye) and ``province`` (the registry's
Turkish name, or ``Türkiye``), then ``year`` and the values.  Join on codes, never on names.

The files are in ``resources/official/``: the small tables are the source files unchanged, the
chain-volume table is stored as Parquet (volume column only; ``scripts/compact_official.py`` makes
it).  See ``resources/official/README.md`` for sources and terms of use.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from clusterlib.config import RESOURCES_DIR
from clusterlib.regions import provinces

__all__ = [
    "OFFICIAL_DIR",
    "SOURCE",
    "gdp_per_capita",
    "gva_a10_current",
    "gva_a10_volume",
    "labour_force",
    "population",
    "regional_mean",
    "ses",
    "source",
]

OFFICIAL_DIR = RESOURCES_DIR / "official"

#: Attribution shown wherever these figures appear ("Kaynak" is Turkish for "source").
SOURCE: dict[str, str] = {"tr": "Kaynak: TÜİK", "en": "Source: TÜİK (Turkish Statistical Institute)"}

#: The table behind each function, as the source file names it.
FILES: dict[str, str] = {
    "population": "tuik_adnks_population_province_2007_2025_wide.csv",
    "gdp_per_capita": "tuik_province_gdp_per_capita_2020_2024_try_usd.csv",
    "ses": "tuik_province_socioeconomic_status_ses_2023.csv",
    "labour_force": "tuik_lfs_province_employment_unemployment_rate_2022_2024.csv",
    "gva_a10_current": "tuik_province_gdp_by_sector_A10_current_prices_2023.csv",
    "gva_a10_volume": "tuik_province_gdp_by_sector_A10_chain_volume_2004_2023.parquet",
}

#: Names of the TÜİK tables, for report captions.
_TITLES: dict[str, dict[str, str]] = {
    "population": {"tr": "TÜİK, Adrese Dayalı Nüfus Kayıt Sistemi (ADNKS)",
                   "en": "TÜİK, Address-Based Population Registration System (ADNKS)"},
    "gdp_per_capita": {"tr": "TÜİK, Bölgesel Hesaplar: il bazında kişi başına GSYH",
                       "en": "TÜİK, Regional Accounts: GDP per capita by province"},
    "ses": {"tr": "TÜİK, İllerin sosyo-ekonomik statüsü, 2023",
            "en": "TÜİK, Socio-economic status of provinces, 2023"},
    "labour_force": {"tr": "TÜİK, Hanehalkı İşgücü Araştırması (il düzeyi tahminler)",
                     "en": "TÜİK, Labour Force Survey (province estimates)"},
    "gva_a10_current": {"tr": "TÜİK, Bölgesel Hesaplar: iktisadi faaliyet kollarına göre GSYH (A10), cari fiyatlar",
                        "en": "TÜİK, Regional Accounts: GDP by economic activity (A10), current prices"},
    "gva_a10_volume": {"tr": "TÜİK, Bölgesel Hesaplar: iktisadi faaliyet kollarına göre GSYH (A10), zincirlenmiş hacim",
                       "en": "TÜİK, Regional Accounts: GDP by economic activity (A10), chain-linked volumes"},
}  # fmt: skip


def source(table: str, lang: str = "tr") -> str:
    """The attribution line of one table, e.g. for a chart caption.

    Examples
    --------
    >>> source("population", "en")
    'Source: TÜİK (Turkish Statistical Institute), Address-Based Population Registration System (ADNKS)'
    >>> source("population", "tr")
    'Kaynak: TÜİK, Adrese Dayalı Nüfus Kayıt Sistemi (ADNKS)'
    """
    if table not in _TITLES:
        raise ValueError(f"'table' must be one of {sorted(_TITLES)}, got {table!r}")
    return f"{SOURCE[lang]}{_TITLES[table][lang].removeprefix('TÜİK')}"


@cache
def _codes() -> pd.DataFrame:
    """plate, nuts3, province and nuts2 of the 81 provinces, from the registry."""
    table = provinces()[["plate", "nuts3", "name", "nuts2", "nuts2_name"]]
    return table.rename(columns={"name": "province"}).astype({"plate": "Int64"})


def _keyed_by_nuts3(frame: pd.DataFrame) -> pd.DataFrame:
    """Replace the source's names by the registry's, keyed by NUTS-3; 'TR' is Türkiye."""
    codes = _codes()[["plate", "nuts3", "province"]]
    frame = frame.drop(columns=["province"], errors="ignore")
    out = frame.merge(codes, on="nuts3", how="left", validate="many_to_one")
    unknown = out["province"].isna() & (out["nuts3"] != "TR")
    if unknown.any():
        raise ValueError(f"unknown NUTS-3 codes in an official table: {sorted(out.loc[unknown, 'nuts3'].unique())}")
    out.loc[out["nuts3"] == "TR", "province"] = "Türkiye"
    return out


def _wide_to_long(name: str, prefixes: dict[str, str]) -> pd.DataFrame:
    raw = pd.read_csv(OFFICIAL_DIR / FILES[name])
    parts = []
    for prefix, column in prefixes.items():
        cols = [c for c in raw.columns if c.startswith(prefix)]
        part = raw.melt(id_vars=["nuts3"], value_vars=cols, var_name="year", value_name=column)
        part["year"] = part["year"].str.removeprefix(prefix).astype(int)
        parts.append(part.set_index(["nuts3", "year"]))
    long = pd.concat(parts, axis=1).reset_index()
    out = _keyed_by_nuts3(long)
    return out[["plate", "nuts3", "province", "year", *prefixes.values()]].sort_values(
        ["plate", "year"], ignore_index=True
    )


@cache
def _population() -> pd.DataFrame:
    return _wide_to_long("population", {"pop_": "population"}).astype({"population": "int64"})


def population() -> pd.DataFrame:
    """Registered population of the 81 provinces on 31 December, 2007–2025 (TÜİK ADNKS).

    Returns
    -------
    DataFrame
        ``plate, nuts3, province, year, population`` (persons), one row per province and year.

    Examples
    --------
    >>> pop = population()
    >>> pop.query("province == 'Samsun' and year == 2025")["population"].item()
    1392403
    >>> int(pop["year"].min()), int(pop["year"].max()), pop["plate"].nunique()
    (2007, 2025, 81)
    """
    return _population().copy()


@cache
def _gdp_per_capita() -> pd.DataFrame:
    return _wide_to_long("gdp_per_capita", {"try_": "gdp_per_capita_try", "usd_": "gdp_per_capita_usd"})


def gdp_per_capita() -> pd.DataFrame:
    """GDP per capita of the 81 provinces, 2020–2024, in Turkish lira and US dollars (TÜİK).

    Returns
    -------
    DataFrame
        ``plate, nuts3, province, year, gdp_per_capita_try, gdp_per_capita_usd``.

    See Also
    --------
    regional_mean : the same for NUTS-2 regions and Türkiye, weighted by population.

    Examples
    --------
    >>> g = gdp_per_capita()
    >>> g.query("province == 'Gaziantep' and year == 2024")["gdp_per_capita_usd"].item() > 0
    True
    """
    return _gdp_per_capita().copy()


def regional_mean(values: pd.DataFrame, column: str, *, by: str = "nuts2") -> pd.DataFrame:
    """Population-weighted mean of a per-capita column over NUTS-2 regions or the whole country.

    .. math:: \\bar v_{R,t} = \\frac{\\sum_{j \\in R} v_{j,t}\\, P_{j,t}}{\\sum_{j \\in R} P_{j,t}}

    with :math:`P_{j,t}` the ADNKS population of province *j* on 31 December of year *t*.  TÜİK
    divides GDP by the mid-year population, so for a region this is a close approximation, not
    the published regional figure; reports label it as computed from the provinces.

    Parameters
    ----------
    values : DataFrame
        Province rows with ``plate``, ``year`` and *column* (e.g. :func:`gdp_per_capita`).
    column : str
        The per-capita column to average.
    by : {"nuts2", "country"}
        Group the provinces by NUTS-2 region, or take Türkiye as one group.

    Returns
    -------
    DataFrame
        ``nuts2, nuts2_name, year, <column>`` for ``by="nuts2"``; ``year, <column>`` for the country.

    Examples
    --------
    >>> frame = pd.DataFrame({"plate": [55, 19, 60, 5], "year": 2024, "v": [2.0, 4.0, 1.0, 1.0]})
    >>> regional_mean(frame, "v").round(3)  # TR83 (Samsun): Samsun, Çorum, Tokat, Amasya
      nuts2 nuts2_name  year      v
    0  TR83     Samsun  2024  2.031
    """
    if by not in ("nuts2", "country"):
        raise ValueError(f"'by' must be one of ['nuts2', 'country'], got {by!r}")
    pop = _population()[["plate", "year", "population"]]
    merged = values[["plate", "year", column]].astype({"plate": "Int64"}).merge(pop, on=["plate", "year"])
    merged = merged.merge(_codes()[["plate", "nuts2", "nuts2_name"]], on="plate")
    merged = merged.dropna(subset=[column]).assign(weighted=lambda d: d[column] * d["population"])
    keys = ["nuts2", "nuts2_name", "year"] if by == "nuts2" else ["year"]
    sums = merged.groupby(keys, as_index=False)[["weighted", "population"]].sum()
    sums[column] = sums["weighted"] / sums["population"]
    return sums[[*keys, column]]


@cache
def _ses() -> pd.DataFrame:
    raw = pd.read_csv(OFFICIAL_DIR / FILES["ses"]).drop(columns=["plate", "name_tr"])
    out = _keyed_by_nuts3(raw).assign(year=2023)
    values = [c for c in raw.columns if c != "nuts3"]
    return out[["plate", "nuts3", "province", "year", *values]].sort_values("plate", ignore_index=True)


def ses() -> pd.DataFrame:
    """Socio-economic status of the 81 provinces, 2023 (TÜİK): mean score and households by class.

    Returns
    -------
    DataFrame
        ``plate, nuts3, province, year, ses_score_mean, households_total, hh_A_plus, hh_A, hh_B,
        hh_C1, hh_C2, hh_D, hh_E``.

    Examples
    --------
    >>> s = ses()
    >>> len(s), bool(s["ses_score_mean"].notna().all())
    (81, True)
    """
    return _ses().copy()


@cache
def _labour_force() -> pd.DataFrame:
    raw = pd.read_csv(OFFICIAL_DIR / FILES["labour_force"])
    raw["caution"] = raw.pop("caution_flag").notna()
    out = _keyed_by_nuts3(raw)
    columns = ["plate", "nuts3", "province", "year", "indicator", "value", "ci95_low", "ci95_high", "caution"]
    return out[columns].sort_values(["plate", "indicator", "year"], na_position="first", ignore_index=True)


def labour_force() -> pd.DataFrame:
    """Employment and unemployment rates (%) by province with 95 % intervals, 2022–2024 (TÜİK LFS).

    Province figures are survey estimates; ``caution`` marks those TÜİK flags as resting on a small
    sample.  The Türkiye rows have ``plate`` <NA> and ``nuts3`` ``"TR"``.

    Returns
    -------
    DataFrame
        ``plate, nuts3, province, year, indicator, value, ci95_low, ci95_high, caution`` with
        ``indicator`` one of ``employment_rate``, ``unemployment_rate``.

    Examples
    --------
    >>> lf = labour_force()
    >>> sorted(lf["indicator"].unique())
    ['employment_rate', 'unemployment_rate']
    >>> bool((lf["ci95_low"] <= lf["value"]).all() and (lf["value"] <= lf["ci95_high"]).all())
    True
    """
    return _labour_force().copy()


@cache
def _gva_a10_current() -> pd.DataFrame:
    raw = pd.read_csv(OFFICIAL_DIR / FILES["gva_a10_current"])
    long = raw.drop(columns=["province"]).melt(
        id_vars=["nuts3", "year"], var_name="sector", value_name="value_thousand_try"
    )
    out = _keyed_by_nuts3(long)
    return out[["plate", "nuts3", "province", "year", "sector", "value_thousand_try"]].sort_values(
        ["plate", "sector"], na_position="first", ignore_index=True
    )


def gva_a10_current() -> pd.DataFrame:
    """GDP and value added by province and A10 sector, 2023, current prices, thousand TRY (TÜİK).

    ``sector`` holds the A10 codes as TÜİK names them (``A_agriculture``, ``BCDE_industry``,
    ``C_manufacturing`` — part of ``BCDE_industry`` —, ``F_construction``, …) and the totals
    ``total_gva``, ``taxes_less_subsidies`` and ``gdp``.  Türkiye is the row with ``nuts3 == "TR"``.

    Examples
    --------
    >>> v = gva_a10_current()
    >>> tr = v[v["nuts3"] == "TR"].set_index("sector")["value_thousand_try"]
    >>> bool(abs(tr["total_gva"] + tr["taxes_less_subsidies"] - tr["gdp"]) < 1)
    True
    """
    return _gva_a10_current().copy()


@cache
def _gva_a10_volume() -> pd.DataFrame:
    raw = pd.read_parquet(OFFICIAL_DIR / FILES["gva_a10_volume"]).astype({"year": "int64"})
    raw = raw.rename(columns={"volume": "volume_thousand_try"})
    raw = raw.sort_values(["nuts3", "sector", "year"], ignore_index=True)
    by = raw.groupby(["nuts3", "sector"], sort=False)["volume_thousand_try"]
    base = raw["year"].eq(2009)
    base_values = raw.loc[base].set_index(["nuts3", "sector"])["volume_thousand_try"]
    keys = pd.MultiIndex.from_frame(raw[["nuts3", "sector"]])
    raw["index_2009_100"] = raw["volume_thousand_try"].to_numpy() / base_values.reindex(keys).to_numpy() * 100
    raw["pct_change"] = by.pct_change() * 100
    out = _keyed_by_nuts3(raw)
    columns = ["plate", "nuts3", "province", "year", "sector", "volume_thousand_try", "index_2009_100", "pct_change"]
    return out[columns]


def gva_a10_volume() -> pd.DataFrame:
    """GDP and value added by province and A10 sector in chain-linked volumes, 2004–2023 (TÜİK).

    Volumes are in thousand TRY at 2009 reference prices; ``index_2009_100`` is the volume over its
    2009 value × 100 and ``pct_change`` the change on the year before, in per cent, both derived
    here from the volume.  Chain-linked volumes are not additive: sectors do not sum to the total.

    Returns
    -------
    DataFrame
        ``plate, nuts3, province, year, sector, volume_thousand_try, index_2009_100, pct_change``.

    Examples
    --------
    >>> v = gva_a10_volume()
    >>> row = v.query("nuts3 == 'TR100' and year == 2005 and sector == 'gdp'")
    >>> round(row["pct_change"].item(), 3)
    8.896
    """
    return _gva_a10_volume().copy()
