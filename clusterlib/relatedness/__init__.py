"""Relatedness between sectors, economic complexity and diversification options of regions.

Two sectors are *related* when regions tend to be specialised in both (Hidalgo et al. 2007's
proximity); a region's *relatedness density* around a sector is the share of the sector's related
sectors in which the region is already specialised (Boschma, Balland & Kogler 2015; EconGeo's
``relatedness_density``).  Both feed the Networking & Cooperation and Factor Conditions criteria:
a cluster grows more easily where related industries, suppliers and skills are already present.

The *economic complexity* of regions (ECI) and sectors (PCI) and the *complexity outlook* follow
the Atlas of Economic Complexity (Hausmann, Hidalgo et al. 2014).  At province level they are
research-grade: the method was built for countries' exports, and whether it carries over to the
81 provinces of one country is an open research question; report them with their robustness to
the presence threshold, employment vs exports and the sector detail.

Modules: ``density`` (proximity, relatedness density, related labour pool), ``complexity``
(presence, ECI and PCI), ``outlook`` (complexity outlook index and gain).
"""

from clusterlib.relatedness.complexity import (
    MIN_EIGENGAP,
    PCI_SCALES,
    ComplexityError,
    EconomicComplexity,
    complexity_from_presence,
    economic_complexity,
    presence,
)
from clusterlib.relatedness.density import proximity, related_employment_quotient, relatedness_density
from clusterlib.relatedness.outlook import ComplexityOutlook, complexity_outlook

__all__ = [
    "MIN_EIGENGAP",
    "PCI_SCALES",
    "ComplexityError",
    "ComplexityOutlook",
    "EconomicComplexity",
    "complexity_from_presence",
    "complexity_outlook",
    "economic_complexity",
    "presence",
    "proximity",
    "related_employment_quotient",
    "relatedness_density",
]
