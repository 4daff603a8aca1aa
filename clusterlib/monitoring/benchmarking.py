"""National benchmarking: a cluster's sector in its province against the same sector in all 81 provinces.

US Cluster Mapping style: each metric as a percentile rank among the provinces, a scorecard, the
strong-cluster flag and the European Cluster Observatory stars
(:mod:`clusterlib.specialization`), and peer provinces side by side.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterlib.specialization import cluster_stars, strong_clusters

__all__ = [
    "BENEFIT_METRICS",
    "METRICS",
    "cluster_flags",
    "national_scorecard",
    "peer_provinces",
    "percentile_rank",
    "sector_by_province",
]

#: Metrics of the national scorecard, in display order; all are "higher is better".
METRICS: tuple[str, ...] = ("employment", "lq", "growth", "avg_wage", "workplaces", "exports_usd")
BENEFIT_METRICS = METRICS


def _percentile_rank(values: np.ndarray) -> np.ndarray:
    """Mean-kind percentile rank of every finite value among the finite values (NaN stays NaN)."""
    out = np.full(values.shape, np.nan)
    seen = ~np.isnan(values)
    x = values[seen]
    if x.size == 0:
        return out
    ordered = np.sort(x)
    below = np.searchsorted(ordered, x, side="left")
    at_or_below = np.searchsorted(ordered, x, side="right")
    out[seen] = 100.0 * (below + at_or_below) / (2.0 * x.size)
    return out


def percentile_rank(values: pd.Series) -> pd.Series:
    """Percentile rank of each value among all values (ties share the mean rank).

    .. math:: PR(x) = 100 \\cdot \\frac{\\#\\{v < x\\} + \\#\\{v \\le x\\}}{2n}

    over the :math:`n` values that are not missing (``scipy.stats.percentileofscore`` with
    ``kind="mean"``); a missing value has no rank (NaN), it is never ranked as zero.

    Parameters
    ----------
    values : pandas.Series
        Numbers, e.g. one metric for each province.

    Returns
    -------
    pandas.Series
        Percentile ranks in (0, 100], same index, named ``percentile``.

    References
    ----------
    Roscoe, J. T. (1975). *Fundamental Research Statistics for the Behavioral Sciences*, 2nd ed.
    (percentile rank of a score with ties counted half).

    Examples
    --------
    >>> percentile_rank(pd.Series([10, 20, 20, 40, None], index=list("abcde"))).tolist()
    [12.5, 50.0, 50.0, 87.5, nan]
    """
    if not isinstance(values, pd.Series):
        raise TypeError(f"'values' must be a pandas Series, got {type(values).__name__}")
    if not (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)):
        raise TypeError(f"'values' must hold numbers, got dtype {values.dtype}")
    return pd.Series(_percentile_rank(values.to_numpy(dtype=float)), index=values.index, name="percentile")


def _columns(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"'{name}' lacks the columns {missing}")


def sector_by_province(employment: pd.DataFrame, exports: pd.DataFrame | None, divisions: Sequence[str], *,
                       year: int, period: int = 5) -> pd.DataFrame:
    """The sector (a set of NACE divisions) in every province: size, specialisation, growth, wage, exports.

    * ``employment``, ``workplaces``, ``exports_usd``: sums over the divisions in ``year``;
    * ``lq``: location quotient :math:`(e_{ij}/e_j)/(e_i/e)` on employment;
    * ``growth``: compound annual growth of the sector's employment over ``period`` years,
      :math:`(e_{t}/e_{t-k})^{1/k} - 1` (missing where the start is zero);
    * ``avg_wage``: employment-weighted average wage of the divisions (missing without employment).

    Parameters
    ----------
    employment : DataFrame
        ``plate, province, nace, year, employment, workplaces, avg_wage``
        (:func:`clusterlib.data.read_employment`).
    exports : DataFrame or None
        ``plate, nace, year, exports_usd`` (:func:`clusterlib.data.read_exports`); None: no exports.
    divisions : sequence of str
        NACE divisions of the sector, e.g. ``["15"]``.
    year : int
        The year of the levels.
    period : int, default 5
        Years of growth.

    Returns
    -------
    DataFrame
        One row per province with employment data, indexed by ``plate``: ``province``, the
        :data:`METRICS` and ``total_employment`` (all sectors).
    """
    _columns(employment, ("plate", "province", "nace", "year", "employment", "workplaces", "avg_wage"), "employment")
    divisions = [str(d).zfill(2) for d in divisions]
    if not divisions:
        raise ValueError("'divisions' must name at least one NACE division, e.g. ['15']")
    years = set(employment["year"].unique())
    for needed in (year, year - period):
        if needed not in years:
            raise ValueError(f"the employment table has no year {needed}; it covers {min(years)}–{max(years)}")
    now = employment[employment["year"] == year]
    start = employment[employment["year"] == year - period]
    total = now.groupby("plate")["employment"].sum()
    in_sector = now[now["nace"].isin(divisions)].assign(wage_bill=lambda d: d["employment"] * d["avg_wage"])
    sector = in_sector.groupby("plate")[["employment", "workplaces", "wage_bill"]].sum().reindex(total.index)
    sector = sector.fillna({"employment": 0.0, "workplaces": 0.0})  # a sector absent from a province: none there
    first = start[start["nace"].isin(divisions)].groupby("plate")["employment"].sum().reindex(total.index)
    out = pd.DataFrame(index=total.index)
    names = now.drop_duplicates("plate").set_index("plate")["province"]
    out["province"] = names.reindex(total.index)
    out["employment"] = sector["employment"].astype(float)
    national_share = sector["employment"].sum() / total.sum()
    out["lq"] = (sector["employment"] / total) / national_share if national_share > 0 else np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = (sector["employment"] / first) ** (1.0 / period) - 1.0
    out["growth"] = growth.where(first > 0)
    out["avg_wage"] = (sector["wage_bill"] / sector["employment"]).where(sector["employment"] > 0)
    out["workplaces"] = sector["workplaces"].astype(float)
    if exports is not None:
        _columns(exports, ("plate", "nace", "year", "exports_usd"), "exports")
        x = exports[(exports["year"] == year) & exports["nace"].isin(divisions)]
        out["exports_usd"] = x.groupby("plate")["exports_usd"].sum().reindex(total.index).astype(float)
    else:
        out["exports_usd"] = np.nan
    out["total_employment"] = total.astype(float)
    out.index.name = "plate"
    return out


def national_scorecard(table: pd.DataFrame, plate: int, *, strong_percentile: float = 75) -> dict[str, object]:
    """Scorecard of one province: each metric with its value, national median, rank and percentile rank.

    Also the US Cluster Mapping strong-cluster flag
    (:func:`clusterlib.specialization.strong_clusters`) and the European Cluster Observatory stars
    (:func:`clusterlib.specialization.cluster_stars`, with wages and growth), both computed with
    the sector against the rest of each province's employment.

    Parameters
    ----------
    table : DataFrame
        :func:`sector_by_province`.
    plate : int
        The province.
    strong_percentile : float, default 75
        LQ percentile of the strong-cluster rule (90 for the top-decile variant).

    Returns
    -------
    dict
        ``scorecard`` (DataFrame: ``metric, value, median, rank, of, percentile``), ``ranks``
        (percentile ranks of every province, DataFrame plate × metric), ``strong`` (bool),
        ``stars`` (DataFrame row of the province: one boolean per star and ``stars``),
        ``stars_all`` (stars of every province).
    """
    _columns(table, (*METRICS, "total_employment"), "table")
    if plate not in table.index:
        raise ValueError(f"'plate' {plate} is not among the provinces of the table")
    ranks = pd.DataFrame({m: percentile_rank(table[m]) for m in METRICS}, index=table.index)
    rows = []
    for metric in METRICS:
        values = table[metric]
        value = values.loc[plate]
        rank = int((values > value).sum() + 1) if pd.notna(value) else pd.NA
        rows.append({"metric": metric, "value": value, "median": float(values.median()), "rank": rank,
                     "of": int(values.notna().sum()), "percentile": ranks.loc[plate, metric]})
    scorecard = pd.DataFrame(rows)
    scorecard["rank"] = scorecard["rank"].astype("Int64")
    flags = cluster_flags(table, strong_percentile=strong_percentile)
    stars = flags.drop(columns="strong")
    return {
        "scorecard": scorecard,
        "ranks": ranks,
        "strong": bool(flags.loc[plate, "strong"]),
        "stars": stars.loc[plate],
        "stars_all": stars,
    }


def cluster_flags(table: pd.DataFrame, *, strong_percentile: float = 75) -> pd.DataFrame:
    """The strong-cluster flag and the European Cluster Observatory stars of the sector in every province.

    The sector is set against the rest of each province's employment (a two-column matrix), so
    that :func:`clusterlib.specialization.strong_clusters` and
    :func:`clusterlib.specialization.cluster_stars` (with wages and growth) compare the provinces
    within the sector.  :func:`national_scorecard` reads one province's row of this table.

    Parameters
    ----------
    table : DataFrame
        :func:`sector_by_province`.
    strong_percentile : float, default 75
        LQ percentile of the strong-cluster rule (90 for the top-decile variant).

    Returns
    -------
    DataFrame
        Indexed by ``plate``: ``size, specialisation, focus, productivity, dynamism`` (booleans),
        ``stars`` (their count) and ``strong`` (boolean).
    """
    _columns(table, ("employment", "workplaces", "avg_wage", "growth", "total_employment"), "table")
    matrix = _two_column(table)
    workplaces = pd.DataFrame({"sector": table["workplaces"], "other": matrix["other"]}, index=table.index)
    strong = strong_clusters(matrix, workplaces, percentile=strong_percentile)
    wages = pd.DataFrame({"sector": table["avg_wage"], "other": np.nan}, index=table.index)
    growth = pd.DataFrame({"sector": table["growth"], "other": np.nan}, index=table.index)
    stars = cluster_stars(matrix, wages=wages, growth=growth)
    stars = stars[stars["nace"] == "sector"].drop(columns="nace").set_index("plate")
    return stars.assign(strong=strong["sector"].reindex(stars.index).astype(bool))


def _two_column(table: pd.DataFrame) -> pd.DataFrame:
    """Province × [sector, other] employment: the sector against the rest of the province's employment."""
    sector = table["employment"].astype(float)
    other = table["total_employment"].astype(float) - sector
    frame = pd.DataFrame({"sector": sector, "other": other.astype(float)}, index=table.index)
    frame.columns.name = "nace"
    return frame


def peer_provinces(plate: int, provinces: pd.DataFrame, economy: pd.DataFrame, *, k: int = 5) -> pd.DataFrame:
    """Peer provinces: the others of the same NUTS-2 region and the ``k`` closest in GDP per capita and SES.

    Closeness is the Euclidean distance between standardised (z-score) log GDP per capita and
    SES score over the 81 provinces.

    Parameters
    ----------
    plate : int
        The province.
    provinces : DataFrame
        ``plate, name, nuts2`` (:func:`clusterlib.regions.provinces`).
    economy : DataFrame
        ``plate, gdp_per_capita, ses`` (missing values leave a province out of the distance).
    k : int, default 5
        Number of provinces closest in GDP per capita and SES.

    Returns
    -------
    DataFrame
        ``plate, province, nuts2, same_nuts2, similar, distance`` sorted by distance; ``similar`` is
        True for the ``k`` closest.

    Examples
    --------
    >>> prov = pd.DataFrame({"plate": [1, 2, 3, 4], "name": list("ABCD"), "nuts2": ["X", "X", "Y", "Y"]})
    >>> eco = pd.DataFrame({"plate": [1, 2, 3, 4], "gdp_per_capita": [100, 400, 110, 900],
    ...                     "ses": [1.0, 2.0, 1.1, 3.0]})
    >>> peer_provinces(1, prov, eco, k=1)[["plate", "same_nuts2", "similar"]]
       plate  same_nuts2  similar
    0      3       False     True
    1      2        True    False
    """
    _columns(provinces, ("plate", "name", "nuts2"), "provinces")
    _columns(economy, ("plate", "gdp_per_capita", "ses"), "economy")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"'k' must be a whole number of at least 1, got {k!r}")
    data = provinces[["plate", "name", "nuts2"]].merge(economy[["plate", "gdp_per_capita", "ses"]], on="plate",
                                                       how="left")
    if plate not in set(data["plate"]):
        raise ValueError(f"'plate' {plate} is not among the provinces")
    features = pd.DataFrame({"gdp": np.log(data["gdp_per_capita"].where(data["gdp_per_capita"] > 0)),
                             "ses": data["ses"].astype(float)})
    z = (features - features.mean()) / features.std(ddof=0)
    me = z[data["plate"] == plate].iloc[0]
    data["distance"] = np.sqrt(((z - me) ** 2).sum(axis=1, min_count=2))
    data = data[data["plate"] != plate]
    region = provinces.loc[provinces["plate"] == plate, "nuts2"].iloc[0]
    data["same_nuts2"] = data["nuts2"] == region
    closest = data.dropna(subset=["distance"]).nsmallest(k, "distance")["plate"]
    data["similar"] = data["plate"].isin(closest)
    out = data[data["same_nuts2"] | data["similar"]].sort_values(["distance", "plate"], na_position="last")
    return out.rename(columns={"name": "province"})[
        ["plate", "province", "nuts2", "same_nuts2", "similar", "distance"]
    ].reset_index(drop=True)
