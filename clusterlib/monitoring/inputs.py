"""The inputs of the monitoring and benchmarking step: tables in, tidy frames out, language-free.

:func:`load_monitoring_tables` reads and checks the four tables the step uses (employment, exports,
the monitoring plans and the benchmarks); :func:`monitored_cluster` decides which cluster and NACE
division a province is monitored on; :func:`cluster_plan` builds the cluster's monitoring plan with
its statuses; :func:`peer_economy` gives the official TÜİK figures the peers are chosen on.  Missing
values stay missing (NaN): nothing here fills a gap with a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from clusterlib import nace, official
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables
from clusterlib.monitoring.plan import direction_conflicts, indicator_summary, monitoring_plan
from clusterlib.monitoring.thresholds import THRESHOLDS
from clusterlib.regions import Province

__all__ = [
    "MONITORING_TABLES",
    "MonitoredCluster",
    "PlanTables",
    "cluster_of",
    "cluster_plan",
    "load_monitoring_tables",
    "monitored_cluster",
    "peer_economy",
]

#: The input tables of the step (``data_dir/<name>.csv`` or ``.xlsx``).
MONITORING_TABLES: tuple[str, ...] = ("employment", "exports", "monitoring", "benchmarks")


def load_monitoring_tables(data_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Read and validate the step's tables (:data:`MONITORING_TABLES`) from ``data_dir``.

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Default: the bundled synthetic sample.

    Raises
    ------
    clusterlib.data.DataValidationError
        Every problem of a file at once, with file, row, column and what was expected.
    """
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    tables = load_tables(directory, tables=list(MONITORING_TABLES))
    return {name: tables[name] for name in MONITORING_TABLES}


def cluster_of(province: Province) -> tuple[str | None, str, str, tuple[str, ...]]:
    """The cluster monitored in a province: its pilot cluster, else the first cluster defined there.

    Returns ``(cluster id or None, name_en, name_tr, divisions)``; a province without a defined
    cluster returns ``None`` and empty names (the caller picks its most specialised division).

    Examples
    --------
    >>> from clusterlib.regions import province
    >>> cluster_of(province("Samsun"))[0], cluster_of(province("Bayburt"))[0]
    ('samsun_medical', None)
    """
    table = nace.clusters()
    here = table[[province.name in list(p) for p in table["provinces"]]]
    if here.empty:
        return None, "", "", ()
    here = here.sort_values("pilot", ascending=False, kind="stable")
    row = here.iloc[0]
    return str(row["id"]), str(row["name_en"]), str(row["name_tr"]), (str(row["main_division"]),)


@dataclass(frozen=True)
class MonitoredCluster:
    """The cluster a province is monitored on: its id (``None`` without a defined cluster), names
    in both languages and NACE divisions."""

    id: str | None
    name_en: str
    name_tr: str
    divisions: tuple[str, ...]

    def name(self, lang: str) -> str:
        """The cluster's (or sector's) name in ``lang``."""
        return self.name_tr if lang == "tr" else self.name_en


def monitored_cluster(place: Province, employment: pd.DataFrame, year: int, *, cluster: str | None = None,
                      min_employment: float = THRESHOLDS.min_division_employment) -> MonitoredCluster:
    """The cluster and division a province is monitored on.

    ``cluster`` (a ``clusters.yaml`` id) if given, else the province's pilot cluster, else the first
    cluster defined there, else the province's most specialised manufacturing division with at least
    ``min_employment`` employees in ``year`` (any division when none is that large).
    """
    if cluster is not None:
        spec = nace.cluster(cluster)
        return MonitoredCluster(spec.id, spec.name_en, spec.name_tr, (spec.main_division,))
    cid, name_en, name_tr, divisions = cluster_of(place)
    if divisions:
        return MonitoredCluster(cid, name_en, name_tr, divisions)
    here = employment[(employment["plate"] == place.plate) & (employment["year"] == year)]
    national = employment[employment["year"] == year].groupby("nace")["employment"].sum()
    lq = (here.set_index("nace")["employment"] / here["employment"].sum()) / (national / national.sum())
    big = here.set_index("nace")["employment"] >= min_employment
    manufacturing = [d for d in lq.index if nace.is_manufacturing(d)]
    candidates = lq[big.reindex(lq.index, fill_value=False) & lq.index.isin(manufacturing)]
    division = str(candidates.idxmax() if len(candidates) else lq.idxmax())
    return MonitoredCluster(None, nace.name(division, lang="en", short=True),
                            nace.name(division, lang="tr", short=True), (division,))


@dataclass(frozen=True)
class PlanTables:
    """A cluster's monitoring plan (:func:`~clusterlib.monitoring.monitoring_plan`), its latest status
    per indicator (:func:`~clusterlib.monitoring.indicator_summary`) and the indicators whose direction
    contradicts their targets; all empty when the data hold no plan for the cluster."""

    plan: pd.DataFrame
    summary: pd.DataFrame
    conflicts: pd.DataFrame

    @property
    def empty(self) -> bool:
        """Whether there is no monitoring plan."""
        return self.summary.empty


def cluster_plan(monitoring: pd.DataFrame, cluster: str | None, *, amber: float = THRESHOLDS.amber,
                 window: int = THRESHOLDS.window, plan: pd.DataFrame | None = None) -> PlanTables:
    """The monitoring plan of ``cluster`` with statuses and projections (empty frames without one).

    ``plan``, when given, is the cluster's :func:`monitoring_plan` at ``amber``, already computed.
    """
    if cluster is not None and cluster in set(monitoring["cluster"]):
        plan = monitoring_plan(monitoring, cluster, amber=amber) if plan is None else plan
        return PlanTables(plan, indicator_summary(plan, window=window), direction_conflicts(plan))
    return PlanTables(
        pd.DataFrame(columns=["indicator", "year", "status"]),
        pd.DataFrame(columns=["indicator", "status", "latest_year", "final_year", "year_met"]),
        pd.DataFrame(columns=["indicator", "name_en", "name_tr", "direction", "baseline", "final_target"]),
    )


def peer_economy() -> pd.DataFrame:
    """GDP per capita (latest year) and the SES score of every province (TÜİK), the peers' yardstick.

    Returns
    -------
    DataFrame
        ``plate, gdp_per_capita, ses``.
    """
    gdp = official.gdp_per_capita()
    ses = official.ses()
    latest = gdp[gdp["year"] == gdp["year"].max()]
    economy = latest[["plate", "gdp_per_capita_try"]].rename(columns={"gdp_per_capita_try": "gdp_per_capita"})
    economy = economy.merge(ses[["plate", "ses_score_mean"]].rename(columns={"ses_score_mean": "ses"}), on="plate")
    return economy.astype({"plate": int})
