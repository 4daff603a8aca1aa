"""The National Benchmarking System: every province × every cluster category, a page per province.

For each of the 81 provinces and each cluster category of ``clusters.yaml`` (the clusters' main NACE
divisions): employment, workplaces, location quotient, growth, wages, exports, the US Cluster Mapping
strong-cluster rule and the European Cluster Observatory stars — measured as the monitoring step
measures a pilot (:func:`national_measures`) — with each province's rank among the 81, its official
TÜİK context and its peers (:func:`province_context`, :func:`national_peers`).

:func:`write_national_pages` writes into a report set ``<lang>/national.html`` (the searchable table of
the 81 provinces and a map per category) and ``<lang>/provinces/<slug>.html`` (one page per province),
with XLSX workbooks of the same figures.

Modules: ``measures``, ``peers``, ``view`` (the figures of a run), ``maps`` (SVG), ``pages`` and
``province`` (HTML from the Jinja templates in ``resources/templates/national``), ``workbook`` (XLSX),
``publish`` (the writer), ``text`` (the Turkish and English strings).
"""

from clusterlib.national.measures import (
    METRICS,
    STAR_COLUMNS,
    Category,
    cluster_categories,
    load_measures,
    national_measures,
)
from clusterlib.national.pages import national_page
from clusterlib.national.peers import PEERS_K, national_peers, province_context
from clusterlib.national.province import province_page
from clusterlib.national.publish import PROVINCE_FOLDER, step_reports, write_national_pages
from clusterlib.national.text import fold
from clusterlib.national.view import NationalView, national_view
from clusterlib.national.workbook import national_workbook, province_workbook

__all__ = [
    "METRICS",
    "PEERS_K",
    "PROVINCE_FOLDER",
    "STAR_COLUMNS",
    "Category",
    "NationalView",
    "cluster_categories",
    "fold",
    "load_measures",
    "national_measures",
    "national_page",
    "national_peers",
    "national_view",
    "national_workbook",
    "province_context",
    "province_page",
    "province_workbook",
    "step_reports",
    "write_national_pages",
]
