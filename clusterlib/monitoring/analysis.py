"""The monitoring and benchmarking step for one province, end to end: the numbers the report shows.

:func:`analyse_monitoring_benchmarking` reads the data (:mod:`clusterlib.monitoring.inputs`), builds
the cluster's monitoring plan with its statuses and projections, benchmarks the cluster's sector
against the 81 provinces and its peers, the province's economy on real TÜİK statistics, the
indicators against international clusters and the cluster management against the ESCA labels, and
derives the findings, all language-free.  The frozen :class:`MonitoringBenchmarking` is then
presented in Turkish or English (:meth:`MonitoringBenchmarking.present`,
:mod:`clusterlib.monitoring.presentation`) without recomputing a number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from clusterlib import official
from clusterlib.config import SAMPLE_DIR
from clusterlib.i18n import DEFAULT_LANGUAGE, check_language
from clusterlib.monitoring.base import monitoring_base
from clusterlib.monitoring.benchmarking import national_scorecard
from clusterlib.monitoring.economy import gva_growth, gva_structure, province_rank
from clusterlib.monitoring.findings import (
    EconomyFinding,
    InternationalFinding,
    ManagementFinding,
    NationalFinding,
    NextStepsFinding,
    PeersFinding,
    PlanFinding,
    TrajectoryFinding,
    economy_finding,
    international_finding,
    management_finding,
    national_finding,
    next_steps_finding,
    peers_finding,
    plan_finding,
    trajectory_finding,
)
from clusterlib.monitoring.inputs import (
    MonitoredCluster,
    cluster_of,
    cluster_plan,
)
from clusterlib.monitoring.international import GAP_COLUMNS, international_gaps
from clusterlib.monitoring.management import holding_back, management_scorecard
from clusterlib.monitoring.thresholds import THRESHOLDS
from clusterlib.monitoring.wording import Name
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.resultcache import cached_analysis

if TYPE_CHECKING:
    from clusterlib.monitoring.presentation import MonitoringReport

__all__ = [
    "MonitoringBenchmarking",
    "MonitoringFindings",
    "analyse_monitoring",
    "analyse_monitoring_benchmarking",
    "cluster_of",
]

ECONOMY_START, ECONOMY_END = THRESHOLDS.economy_start, THRESHOLDS.economy_end


@dataclass(frozen=True)
class MonitoringFindings:
    """The step's findings, one per report section, as numbers (each has ``.text(lang)``)."""

    plan: PlanFinding
    trajectory: TrajectoryFinding
    national: NationalFinding
    peers: PeersFinding
    economy: EconomyFinding
    international: InternationalFinding
    management: ManagementFinding
    next_steps: NextStepsFinding


@dataclass(frozen=True, eq=False)
class MonitoringBenchmarking:
    """Everything the monitoring and benchmarking report shows for one province and cluster, language-free.

    Attributes
    ----------
    province : Province
    cluster : MonitoredCluster
        The cluster (``cluster.id`` is ``None`` without a defined cluster: the province is then
        monitored on its most specialised manufacturing division).
    year, period, amber, window, gold : settings of the run (:mod:`clusterlib.monitoring.thresholds`).
    plan, indicators, conflicts : DataFrame
        The monitoring plan by indicator and year, the latest status per indicator
        (:func:`~clusterlib.monitoring.indicator_summary`) and the indicators whose direction
        contradicts their targets; empty without a monitoring plan.
    sector_table, scorecard, ranks, stars_all : DataFrame
        The sector in the 81 provinces and the province's national scorecard.
    strong : bool
    stars : Series
    peers : DataFrame
    gva_growth, gva_structure : DataFrame
        Real value-added growth and structure by A10 sector (TÜİK).
    gdp_per_capita, ses : dict
        Value, rank and percentile among the provinces (TÜİK).
    gaps : DataFrame
        International reference values and the relative gaps.
    management : DataFrame or None
        The six ESCA areas (``None`` without a self-assessment); ``management_score`` their mean
        (NaN without) and ``management_label`` the label reached.
    findings : MonitoringFindings
    """

    province: Province
    cluster: MonitoredCluster
    year: int
    period: int
    amber: float
    window: int
    gold: float
    plan: pd.DataFrame
    indicators: pd.DataFrame
    conflicts: pd.DataFrame
    sector_table: pd.DataFrame
    scorecard: pd.DataFrame
    ranks: pd.DataFrame
    strong: bool
    stars: pd.Series
    stars_all: pd.DataFrame
    peers: pd.DataFrame
    gva_growth: pd.DataFrame
    gva_structure: pd.DataFrame
    gdp_per_capita: dict
    ses: dict
    gaps: pd.DataFrame
    management: pd.DataFrame | None
    management_score: float
    management_label: str
    findings: MonitoringFindings
    data_dir: Path

    @property
    def cluster_id(self) -> str | None:
        """The monitored cluster's id (``None``: no cluster is defined in the province)."""
        return self.cluster.id

    @property
    def divisions(self) -> tuple[str, ...]:
        """The NACE divisions the cluster is benchmarked on."""
        return self.cluster.divisions

    def sector_name(self, lang: str) -> str:
        """The cluster's (or sector's) name in ``lang``."""
        return self.cluster.name(lang)

    def summary(self) -> str:
        """One deterministic line (checked by nbval): province, cluster, statuses, strong flag and stars.

        Examples
        --------
        >>> analyse_monitoring_benchmarking("Çorum").summary()  # doctest: +ELLIPSIS
        'Çorum corum_food_machinery divisions=28 green=5 amber=0 red=4 grey=0 strong=... management=...'
        """
        counts = self.indicators["status"].value_counts().to_dict() if not self.indicators.empty else {}
        status = " ".join(f"{s}={counts.get(s, 0)}" for s in ("green", "amber", "red", "grey"))
        return (f"{self.province.name} {self.cluster.id} divisions={','.join(self.divisions)} {status} "
                f"strong={self.strong} stars={int(self.stars['stars'])} management={self.management_label}")

    def parameters(self) -> dict[str, object]:
        """The parameters of the run, for the provenance cell."""
        return {"province": self.province.name, "cluster": self.cluster.id, "divisions": list(self.divisions),
                "year": self.year, "period": self.period, "amber": self.amber, "window": self.window,
                "gold": self.gold, "data_dir": str(self.data_dir)}

    def present(self, lang: str) -> MonitoringReport:
        """This analysis in ``lang``: sentences, labels and number formats, no number recomputed."""
        from clusterlib.monitoring.presentation import present

        return present(self, lang)

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the plan, the scorecard and the peers as CSV (see :func:`clusterlib.processed.save_tables`)."""
        tables = {"plan": self.plan, "scorecard": self.scorecard, "peers": self.peers}
        return save_tables("monitoring_benchmarking", self.province, tables, processed_dir)


def _management(benchmarks: pd.DataFrame, cluster: str | None, summary: pd.DataFrame,
                gold: float) -> tuple[pd.DataFrame | None, float, str]:
    try:
        management, score, label = management_scorecard(benchmarks, cluster or "", gold=gold)
    except ValueError:  # no self-assessment for this cluster: the report says so
        return None, math.nan, "none"
    return management.assign(held_back_by=holding_back(management, summary).to_numpy()), score, label


@cached_analysis("monitoring", reads="monitoring_benchmarking")  # language-free: one result for every language
def analyse_monitoring_benchmarking(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    year: int | None = None,
    period: int | None = None,
    amber: float | None = None,
    window: int | None = None,
    gold: float | None = None,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
) -> MonitoringBenchmarking:
    """Monitoring and benchmarking of one province's cluster (methodology step 4), language-free.

    Parameters
    ----------
    province : str, int or Province
        Any spelling, plate or NUTS-3 code.
    cluster : str, optional
        A cluster id of ``resources/nace/clusters.yaml`` (default: the province's pilot cluster, else
        the first cluster defined in the province, else its most specialised manufacturing division).
    year : int, optional
        Year of the national benchmark (default: the latest year of the employment table).
    period : int, optional
        Years of employment growth (default :attr:`Thresholds.period`, 5).
    amber : float, optional
        Lowest progress that is amber (:func:`~clusterlib.monitoring.rag.rag_status`; default
        :attr:`Thresholds.amber`, 0.75).
    window : int, optional
        Years the projection's trend is fitted on (default :attr:`Thresholds.window`, 3).
    gold : float, optional
        Share of the excellence score the ESCA Gold label needs (default :attr:`Thresholds.gold`, 0.80).
    lang : {"tr", "en"}
        Language of the error messages only: the result is the same in every language (present it
        with :meth:`MonitoringBenchmarking.present`).
    data_dir : str or pathlib.Path, optional
        Input tables (default: the bundled synthetic sample).

    Returns
    -------
    MonitoringBenchmarking

    Raises
    ------
    clusterlib.data.DataValidationError
        When an input table has problems (all of a file at once, in ``lang``).
    """
    lang = check_language(lang)
    place = resolve_province(province)
    period = THRESHOLDS.period if period is None else int(period)
    amber = THRESHOLDS.amber if amber is None else float(amber)
    window = THRESHOLDS.window if window is None else int(window)
    gold = THRESHOLDS.gold if gold is None else float(gold)
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    # the cluster, its plan, the sector table and the peers (all the workbench's monitoring view needs)
    base = monitoring_base(place, cluster=cluster, year=year, period=period, amber=amber, lang=lang,
                           data_dir=data_dir)
    tables, year, monitored = base.tables, base.year, base.cluster
    plan = cluster_plan(tables["monitoring"], monitored.id, amber=amber, window=window, plan=base.plan)
    summary = plan.summary

    sector_table, peers = base.sector_table, base.peers
    card = national_scorecard(sector_table, place.plate, strong_percentile=THRESHOLDS.strong_percentile)

    gdp, ses = official.gdp_per_capita(), official.ses()
    growth = gva_growth(official.gva_a10_volume(), place.plate, start=ECONOMY_START, end=ECONOMY_END)
    structure = gva_structure(official.gva_a10_current(), place.plate)
    gdp_rank = province_rank(gdp, "gdp_per_capita_try", place.plate)
    ses_rank = province_rank(ses, "ses_score_mean", place.plate)

    benchmarks = tables["benchmarks"]
    if summary.empty:
        gaps = pd.DataFrame(columns=list(GAP_COLUMNS))
    else:
        gaps = international_gaps(summary, benchmarks, sector=monitored.name_en.lower())
    management, score, label = _management(benchmarks, monitored.id, summary, gold)

    latest = int(summary["report_year"].max()) if not summary.empty and summary["report_year"].notna().any() else None
    stars = card["stars"]
    findings = MonitoringFindings(
        plan=plan_finding(summary, year=latest, amber=amber, conflicts=plan.conflicts,
                          without_cluster=None if monitored.id else (place.name, monitored.divisions[0])),
        trajectory=trajectory_finding(summary, window=window),
        national=national_finding(card["scorecard"], sector=Name(monitored.name_en, monitored.name_tr),
                                  division=monitored.divisions[0], province=place.name, strong=card["strong"],
                                  stars=int(stars["stars"])),
        peers=peers_finding(peers, sector_table, plate=place.plate, province=place.name, nuts2=place.nuts2),
        economy=economy_finding(growth, structure, gdp_rank, ses_rank, province=place.name, start=ECONOMY_START,
                                end=ECONOMY_END),
        international=international_finding(gaps, summary),
        management=management_finding(management, score, label, gold=gold),
        next_steps=next_steps_finding(summary, management, card["scorecard"]),
    )
    return MonitoringBenchmarking(
        province=place, cluster=monitored, year=year, period=period, amber=amber, window=window, gold=gold,
        plan=plan.plan, indicators=summary, conflicts=plan.conflicts, sector_table=sector_table,
        scorecard=card["scorecard"], ranks=card["ranks"], strong=card["strong"], stars=stars,
        stars_all=card["stars_all"], peers=peers, gva_growth=growth, gva_structure=structure,
        gdp_per_capita=gdp_rank, ses=ses_rank, gaps=gaps, management=management, management_score=score,
        management_label=label, findings=findings, data_dir=directory.resolve(),
    )


#: The step's former name, kept so that existing code and notebooks keep working.
analyse_monitoring = analyse_monitoring_benchmarking
