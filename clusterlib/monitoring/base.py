"""The cluster a province is monitored on, its plan and its sector against the 81 provinces and its peers.

:func:`monitoring_base` is the start of
:func:`~clusterlib.monitoring.analysis.analyse_monitoring_benchmarking`: the tables, the monitored
cluster, its monitoring plan with statuses, the sector table of every province and the peers.  The
analysis goes on to the indicators' summary, the scorecard, the economy, the international and
management benchmarks and the findings; the exploration workbench's monitoring view shows only the
plan and the peers, so it calls this alone (the same tables, without what it does not show).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import messages_in
from clusterlib.i18n import DEFAULT_LANGUAGE, check_language
from clusterlib.monitoring.benchmarking import peer_provinces, sector_by_province
from clusterlib.monitoring.inputs import (
    MonitoredCluster,
    load_monitoring_tables,
    monitored_cluster,
    peer_economy,
)
from clusterlib.monitoring.plan import monitoring_plan
from clusterlib.monitoring.thresholds import THRESHOLDS
from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province

__all__ = ["MonitoringBase", "monitoring_base", "plan_table"]


def plan_table(monitoring: pd.DataFrame, cluster: str | None, *, amber: float = THRESHOLDS.amber) -> pd.DataFrame:
    """The monitoring plan of ``cluster`` with every year's status (an empty frame without one)."""
    if cluster is not None and cluster in set(monitoring["cluster"]):
        return monitoring_plan(monitoring, cluster, amber=amber)
    return pd.DataFrame(columns=["indicator", "year", "status"])


@dataclass(frozen=True, eq=False)
class MonitoringBase:
    """One province's monitored cluster, its plan, the sector table and the peers.

    Attributes
    ----------
    province : Province
    cluster : MonitoredCluster
    year, period : int
        Year of the national benchmark and years of employment growth.
    amber : float
        The amber threshold the plan's statuses use.
    tables : dict of str to DataFrame
        :func:`~clusterlib.monitoring.inputs.load_monitoring_tables`.
    plan : DataFrame
        :func:`plan_table` of the cluster.
    sector_table : DataFrame
        :func:`~clusterlib.monitoring.benchmarking.sector_by_province` of the cluster's divisions.
    peers : DataFrame
        :func:`~clusterlib.monitoring.benchmarking.peer_provinces`.
    """

    province: Province
    cluster: MonitoredCluster
    year: int
    period: int
    amber: float
    tables: dict[str, pd.DataFrame]
    plan: pd.DataFrame
    sector_table: pd.DataFrame
    peers: pd.DataFrame

    def sector_name(self, lang: str) -> str:
        """The cluster's (or sector's) name in ``lang``."""
        return self.cluster.name(lang)


def monitoring_base(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    year: int | None = None,
    period: int | None = None,
    amber: float | None = None,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
) -> MonitoringBase:
    """The part of :func:`analyse_monitoring_benchmarking` the workbench's monitoring view shows.

    Parameters are those of :func:`~clusterlib.monitoring.analysis.analyse_monitoring_benchmarking`
    (``lang`` only sets the language of the error messages).

    Examples
    --------
    >>> base = monitoring_base("Gaziantep")
    >>> base.cluster.id, base.plan.empty, len(base.sector_table)
    ('gaziantep_footwear', False, 81)
    """
    lang = check_language(lang)
    place = province if isinstance(province, Province) else resolve_province(province)
    period = THRESHOLDS.period if period is None else int(period)
    amber = THRESHOLDS.amber if amber is None else float(amber)
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    with messages_in(lang):
        tables = load_monitoring_tables(directory)
    employment, exports = tables["employment"], tables["exports"]
    year = int(year) if year else int(employment["year"].max())
    monitored = monitored_cluster(place, employment, year, cluster=cluster)
    return MonitoringBase(
        province=place,
        cluster=monitored,
        year=year,
        period=period,
        amber=amber,
        tables=tables,
        plan=plan_table(tables["monitoring"], monitored.id, amber=amber),
        sector_table=sector_by_province(employment, exports, monitored.divisions, year=year, period=period),
        peers=peer_provinces(place.plate, provinces(), peer_economy(), k=THRESHOLDS.peers_k),
    )
