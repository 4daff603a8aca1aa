"""clusterlib — the analytical workbench of Türkiye's cluster-development programme."""

from clusterlib.regions import PILOT_PROVINCES, Province, UnknownProvinceError, province, provinces

__all__ = ["PILOT_PROVINCES", "Province", "UnknownProvinceError", "province", "provinces"]
__version__ = "0.1.0"
