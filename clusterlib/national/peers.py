"""The provinces' official context (TÜİK) and their peers, chosen by one stated rule.

The rule is the one the monitoring step uses for a pilot
(:func:`clusterlib.monitoring.benchmarking.peer_provinces`, here for all provinces at once): a
province's peers are

* the other provinces of its NUTS-2 region (İBBS Düzey 2), and
* the :data:`PEERS_K` provinces closest to it in GDP per capita and socio-economic status (SES):
  the Euclidean distance between the z-scores (over the 81 provinces) of log GDP per capita (TÜİK,
  latest year, TRY) and of the mean SES score (TÜİK, 2023).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib import official, regions
from clusterlib.monitoring.findings import PEERS_K

__all__ = ["PEERS_K", "national_peers", "province_context"]


def _ranked(values: pd.Series) -> pd.Series:
    """1 for the highest value (ties share the best rank), as the monitoring step ranks TÜİK figures."""
    return values.rank(method="min", ascending=False).astype("Int64")


def province_context() -> pd.DataFrame:
    """The 81 provinces with their NUTS-2 region and official TÜİK figures, ranked.

    Returns
    -------
    DataFrame
        One row per plate (1–81): ``plate, province, slug, nuts2, nuts2_name, pilot, population,
        population_year, gdp_per_capita_try, gdp_per_capita_usd, gdp_year, gdp_rank, ses, ses_year,
        ses_rank``.  Ranks: 1 = highest.  ``attrs["sources"]`` holds the TÜİK source lines by table.

    Examples
    --------
    >>> c = province_context()
    >>> len(c), int(c["gdp_rank"].min()), int(c["ses_rank"].max())
    (81, 1, 81)
    >>> c.loc[c["province"] == "Çorum", "nuts2"].item()
    'TR83'
    """
    table = regions.provinces()
    places = [regions.province(int(p)) for p in table["plate"]]
    out = pd.DataFrame({
        "plate": [p.plate for p in places], "province": [p.name for p in places],
        "slug": [p.slug for p in places], "nuts2": [p.nuts2 for p in places],
        "nuts2_name": [p.nuts2_name for p in places], "pilot": [p.is_pilot for p in places],
    })
    population = official.population()
    population = population[population["plate"].notna()]
    pop_year = int(population["year"].max())
    latest_pop = population[population["year"] == pop_year].astype({"plate": int}).set_index("plate")
    out["population"] = out["plate"].map(latest_pop["population"]).astype(float)
    out["population_year"] = pop_year
    gdp = official.gdp_per_capita()
    gdp = gdp[gdp["plate"].notna()]
    gdp_year = int(gdp["year"].max())
    latest_gdp = gdp[gdp["year"] == gdp_year].astype({"plate": int}).set_index("plate")
    out["gdp_per_capita_try"] = out["plate"].map(latest_gdp["gdp_per_capita_try"]).astype(float)
    out["gdp_per_capita_usd"] = out["plate"].map(latest_gdp["gdp_per_capita_usd"]).astype(float)
    out["gdp_year"] = gdp_year
    out["gdp_rank"] = _ranked(out["gdp_per_capita_try"])
    ses = official.ses()
    ses = ses[ses["plate"].notna()].astype({"plate": int}).set_index("plate")
    out["ses"] = out["plate"].map(ses["ses_score_mean"]).astype(float)
    out["ses_year"] = int(ses["year"].max())
    out["ses_rank"] = _ranked(out["ses"])
    out.attrs["sources"] = {name: {lang: official.source(name, lang) for lang in ("tr", "en")}
                            for name in ("population", "gdp_per_capita", "ses")}
    return out


def national_peers(context: pd.DataFrame | None = None, *, k: int = PEERS_K) -> pd.DataFrame:
    """The peers of every province (see the module docstring for the rule).

    The same rule as :func:`clusterlib.monitoring.benchmarking.peer_provinces`, computed for the 81
    provinces at once (one distance matrix); the tests check that both give the same peers.

    .. math:: d_{jk} = \\sqrt{(z^{g}_j - z^{g}_k)^2 + (z^{s}_j - z^{s}_k)^2}

    with :math:`z^{g}` the z-score of log GDP per capita and :math:`z^{s}` that of the SES score
    (population standard deviation over the provinces with a value).

    Parameters
    ----------
    context : DataFrame, optional
        :func:`province_context` (computed when not given).
    k : int, default :data:`PEERS_K`
        Number of provinces closest in GDP per capita and SES.

    Returns
    -------
    DataFrame
        ``plate, peer_plate, peer, nuts2, same_nuts2, similar, distance``: one row per (province,
        peer), sorted by plate, then distance, then the peer's plate.

    Examples
    --------
    >>> p = national_peers()
    >>> sorted(p.loc[p["plate"] == 19].query("same_nuts2")["peer"])
    ['Amasya', 'Samsun', 'Tokat']
    >>> int(p.loc[p["plate"] == 19, "similar"].sum())
    5
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"'k' must be a whole number of at least 1, got {k!r}")
    context = province_context() if context is None else context
    gdp = context["gdp_per_capita_try"].astype(float)
    features = pd.DataFrame({"gdp": np.log(gdp.where(gdp > 0)), "ses": context["ses"].astype(float)})
    z = ((features - features.mean()) / features.std(ddof=0)).to_numpy()
    with np.errstate(invalid="ignore"):
        distance = np.sqrt(((z[:, None, :] - z[None, :, :]) ** 2).sum(axis=2))
    distance[np.isnan(z).any(axis=1)[:, None] | np.isnan(z).any(axis=1)[None, :]] = np.nan
    plates = context["plate"].to_numpy()
    nuts2 = context["nuts2"].to_numpy()
    frames = []
    for i, plate in enumerate(plates):
        others = np.flatnonzero(plates != plate)
        d = distance[i, others]
        finite = others[~np.isnan(d)]
        closest = finite[np.argsort(distance[i, finite], kind="stable")[:k]]
        same = nuts2[others] == nuts2[i]
        similar = np.isin(others, closest)
        keep = same | similar
        frame = pd.DataFrame({"plate": int(plate), "peer_plate": plates[others][keep],
                              "peer": context["province"].to_numpy()[others][keep], "nuts2": nuts2[others][keep],
                              "same_nuts2": same[keep], "similar": similar[keep], "distance": d[keep]})
        frames.append(frame.sort_values(["distance", "peer_plate"], na_position="last", kind="stable"))
    return pd.concat(frames, ignore_index=True)
