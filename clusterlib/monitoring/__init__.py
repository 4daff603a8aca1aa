"""Monitoring and the National Benchmarking System (methodology step 4, notebook ``04_monitoring_benchmarking``).

Cluster performance over time against targets (:func:`rag_status`, :func:`monitoring_plan`,
:func:`indicator_summary`), against all 81 provinces (:func:`sector_by_province`,
:func:`national_scorecard`, :func:`percentile_rank`, :func:`peer_provinces`), the province's economy on
real TÜİK statistics (:func:`gva_growth`, :func:`gva_structure`, :func:`province_rank`), international
clusters (:func:`international_gaps`) and the six areas of ESCA cluster-management benchmarking
(:func:`management_scorecard`); the knowledge base of Türkiye's cluster initiatives
(:func:`load_initiatives`) and its offline pages (:func:`write_run_pages`).

The step follows the template of :mod:`clusterlib.selection`: ``inputs`` (the tables, language-free),
the methods (``rag``, ``plan``, ``benchmarking``, ``economy``, ``international``, ``management``),
``thresholds`` (every threshold in one place), ``findings`` (typed findings with ``.text(lang)``),
``analysis`` (:func:`analyse_monitoring_benchmarking`, a frozen language-free result) and
``presentation`` (:func:`present`: the report view in one language, with ``presentation_tables`` and
``charts``); ``initiatives`` and ``pages`` serve the knowledge base and the offline pages.
"""

from clusterlib.monitoring import charts
from clusterlib.monitoring.analysis import (
    MonitoringBenchmarking,
    MonitoringFindings,
    analyse_monitoring,
    analyse_monitoring_benchmarking,
)
from clusterlib.monitoring.benchmarking import (
    METRICS,
    national_scorecard,
    peer_provinces,
    percentile_rank,
    sector_by_province,
)
from clusterlib.monitoring.economy import gva_growth, gva_structure, province_rank
from clusterlib.monitoring.initiatives import load_initiatives, registry_problems
from clusterlib.monitoring.international import international_gaps, reference_names, relative_gap
from clusterlib.monitoring.management import AREAS, label_of, management_scorecard
from clusterlib.monitoring.pages import show_page_links, write_run_pages
from clusterlib.monitoring.plan import indicator_summary, monitoring_plan, projection, trajectory
from clusterlib.monitoring.presentation import MonitoringReport, present
from clusterlib.monitoring.rag import STATUSES, progress, rag_status, status_symbol
from clusterlib.monitoring.thresholds import THRESHOLDS, Thresholds

__all__ = [
    "AREAS",
    "METRICS",
    "STATUSES",
    "THRESHOLDS",
    "MonitoringBenchmarking",
    "MonitoringFindings",
    "MonitoringReport",
    "Thresholds",
    "analyse_monitoring",
    "analyse_monitoring_benchmarking",
    "charts",
    "gva_growth",
    "gva_structure",
    "indicator_summary",
    "international_gaps",
    "label_of",
    "load_initiatives",
    "management_scorecard",
    "monitoring_plan",
    "national_scorecard",
    "peer_provinces",
    "percentile_rank",
    "present",
    "progress",
    "projection",
    "province_rank",
    "rag_status",
    "reference_names",
    "registry_problems",
    "relative_gap",
    "sector_by_province",
    "show_page_links",
    "status_symbol",
    "trajectory",
    "write_run_pages",
]
