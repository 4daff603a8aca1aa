"""clusterlib — the analytical workbench of Türkiye's cluster-development programme.

Modules, one per concern: ``regions`` and ``nace`` (registries), ``data`` (loaders, validation,
sample), ``specialization`` and ``relatedness`` (regional-economics indicators), ``selection``
(step 2, sector selection), ``valuechain`` (step 3, value-chain mapping), ``geo`` (province
geometry), ``charts``, ``report`` (runner, HTML),
``i18n`` (Turkish and English), ``official`` (real TÜİK tables), ``cli``; ``widgets`` (ipywidgets)
is imported on demand.
"""

from clusterlib import (
    charts,
    data,
    geo,
    i18n,
    monitoring,
    nace,
    needs,
    official,
    regions,
    relatedness,
    report,
    selection,
    specialization,
    valuechain,
)
from clusterlib.regions import PILOT_PROVINCES, Province, UnknownProvinceError, province, provinces
from clusterlib.version import __version__

__all__ = [
    "PILOT_PROVINCES",
    "Province",
    "UnknownProvinceError",
    "__version__",
    "charts",
    "data",
    "geo",
    "i18n",
    "monitoring",
    "nace",
    "needs",
    "official",
    "province",
    "provinces",
    "regions",
    "relatedness",
    "report",
    "selection",
    "specialization",
    "valuechain",
]
