"""NACE Rev. 2 activity codes (Turkish "NACE Rev.2 Ekonomik Faaliyet Sınıflaması") and cluster definitions.

The classification has four levels: 21 sections (``A``…``U``), 88 divisions (``"01"``…``"99"``, with gaps),
272 groups (``"15.2"``) and 615 classes (``"15.20"``). TÜİK's Turkish version is identical to NACE Rev. 2
down to the class; its 6-digit national activities are not covered. Codes arrive in many shapes
(``15``, ``"C15"``, ``"1520"``, ``"15,20"``); :func:`normalize_code` turns them into the dotted canonical
form used everywhere else.

Clusters are named sets of codes, kept in ``resources/nace/clusters.yaml`` for the key expert to edit
and checked on every load (:func:`clusters`, :func:`cluster`, :func:`pilot_division`).

Sources: ``resources/nace/*.csv``. English titles: Eurostat (2008), *NACE Rev. 2 — Statistical
classification of economic activities in the European Community*, Methodologies and Working papers,
Luxembourg: Office for Official Publications of the European Communities. Turkish titles: TÜİK,
*NACE Rev. 2 Ekonomik Faaliyet Sınıflaması* (the Turkish version published through Eurostat RAMON).
A10 aggregates: the columns of TÜİK's regional accounts (il bazında gayrisafi yurt içi hasıla, A10).

Modules: ``tables`` (the classification tables and A10 aggregates), ``codes`` (normalisation, levels,
titles, A10 and tradable lookups) and ``clusters`` (the cluster file); import from ``clusterlib.nace``.
"""

from __future__ import annotations

from .clusters import (
    CLUSTERS_FILE,
    Cluster,
    ClusterDefinitionError,
    UnknownClusterError,
    cluster,
    clusters,
    pilot_division,
)
from .codes import (
    a10_of,
    division,
    division_of,
    is_manufacturing,
    is_tradable,
    is_within,
    level_of,
    name,
    normalize_code,
    section_of,
)
from .tables import A10_CODES, A10_SECTIONS, Division, a10, classes, divisions, groups, sections
from .tables import NACE_DIR as NACE_DIR  # the resources folder; public before the split, kept out of __all__

__all__ = [
    "A10_CODES",
    "A10_SECTIONS",
    "CLUSTERS_FILE",
    "Cluster",
    "ClusterDefinitionError",
    "Division",
    "UnknownClusterError",
    "a10",
    "a10_of",
    "classes",
    "cluster",
    "clusters",
    "division",
    "division_of",
    "divisions",
    "groups",
    "is_manufacturing",
    "is_tradable",
    "is_within",
    "level_of",
    "name",
    "normalize_code",
    "pilot_division",
    "section_of",
    "sections",
]
