"""clusterlib — the analytical workbench of Türkiye's cluster-development programme.

Modules, one per concern: ``regions`` and ``nace`` (registries), ``data`` (loaders, validation,
sample), ``specialization`` and ``relatedness`` (regional-economics indicators), ``selection``
(step 2, sector selection), ``valuechain`` (step 3, value-chain mapping), ``geo`` (province
geometry), ``charts``, ``report`` (runner, HTML),
``i18n`` (Turkish and English), ``official`` (real TÜİK tables), ``cli``; ``widgets`` (ipywidgets)
is imported on demand.
"""

import importlib
from typing import Any

# the data package first: its loaders import ``nace``, whose catalogue reads a configuration file
# (``configfile``), whose errors are data errors; entered here, that chain always closes in order
from clusterlib import data  # noqa: F401  (isort: skip)
from clusterlib.regions import PILOT_PROVINCES, Province, UnknownProvinceError, province, provinces
from clusterlib.version import __version__

#: The subpackages, imported when first used (``cl.selection``), so that a process needing one of
#: them (a report worker, the command line) does not pay for all: PEP 562 module ``__getattr__``.
SUBPACKAGES = (
    "charts",
    "data",
    "geo",
    "i18n",
    "monitoring",
    "nace",
    "needs",
    "official",
    "regions",
    "relatedness",
    "report",
    "selection",
    "specialization",
    "valuechain",
)


def __getattr__(name: str) -> Any:
    if name in SUBPACKAGES:
        return importlib.import_module(f"clusterlib.{name}")
    raise AttributeError(f"module 'clusterlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *SUBPACKAGES})


__all__ = [  # the names of this module, then the subpackages
    "PILOT_PROVINCES",
    "Province",
    "UnknownProvinceError",
    "__version__",
    "province",
    "provinces",
    *SUBPACKAGES,
]
