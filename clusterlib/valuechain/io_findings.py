"""Plain-language findings of the value chain's input-output part (national and for the province).

As :mod:`clusterlib.valuechain.findings`: frozen dataclasses of numbers and NACE sections with a
:meth:`text` method; national figures are said to be national (Türkiye's table), the province's
to come from the national table regionalised by FLQ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from clusterlib import nace
from clusterlib.i18n import t
from clusterlib.regions import Province
from clusterlib.valuechain.findings import sector_label
from clusterlib.valuechain.provincial import ProvinceIO

__all__ = ["ExtractionFinding", "KeySectorFinding", "LinkagesFinding", "io_findings"]


def _missing(value: float) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@dataclass(frozen=True)
class LinkagesFinding:
    """Backward linkage of the cluster's section, national and regional (NaN: not computed).

    ``available`` is False when the input-output table is missing."""

    available: bool
    sector: str
    province: str
    national: float
    regional: float
    delta: float

    def text(self, lang: str) -> str:
        if not self.available:
            return t("valuechain.finding.io_missing", lang)
        key = (
            "valuechain.finding.linkages_national"
            if _missing(self.regional)
            else "valuechain.finding.linkages"
        )
        return t(
            key,
            lang,
            sector=nace.name(self.sector, lang=lang),
            province=self.province,
            national=self.national,
            regional=self.regional,
            delta=self.delta,
        )


@dataclass(frozen=True)
class KeySectorFinding:
    """Whether the cluster's section is a key sector of Türkiye's (national) input-output table."""

    available: bool
    sector: str
    is_key: bool
    power: float
    sensitivity: float
    keys: tuple[str, ...]

    def text(self, lang: str) -> str:
        if not self.available:
            return t("valuechain.finding.io_missing", lang)
        return t(
            "valuechain.finding.key_sector" if self.is_key else "valuechain.finding.not_key_sector",
            lang,
            sector=nace.name(self.sector, lang=lang),
            power=self.power,
            sensitivity=self.sensitivity,
            keys=", ".join(sector_label(s, lang) for s in self.keys) or "–",
        )


@dataclass(frozen=True)
class ExtractionFinding:
    """Share of total output lost without the section, in the province (NaN: not computed) and nationally."""

    available: bool
    sector: str
    province: str
    share: float
    national: float

    def text(self, lang: str) -> str:
        if not self.available:
            return t("valuechain.finding.io_missing", lang)
        key = (
            "valuechain.finding.extraction_national"
            if _missing(self.share)
            else "valuechain.finding.extraction"
        )
        return t(
            key,
            lang,
            sector=nace.name(self.sector, lang=lang),
            province=self.province,
            share=self.share,
            national=self.national,
        )


def io_findings(io: ProvinceIO, sector: str, place: Province, delta: float) -> dict:
    """The input-output findings: linkages, key sector, extraction (``available=False``: no table)."""
    available = sector in io.linkages.index
    nan = float("nan")
    nat = io.linkages.loc[sector] if available else None
    regional = io.linkages_regional["backward"].get(sector, nan) if available else nan
    keys = tuple(io.linkages.index[io.linkages["key_sector"].astype(bool)]) if available else ()
    return {
        "linkages": LinkagesFinding(
            available,
            sector,
            place.name,
            float(nat["backward"]) if nat is not None else nan,
            float(regional),
            delta,
        ),
        "key_sector": KeySectorFinding(
            available,
            sector,
            bool(nat["key_sector"]) if nat is not None else False,
            float(nat["power_of_dispersion"]) if nat is not None else nan,
            float(nat["sensitivity_of_dispersion"]) if nat is not None else nan,
            keys,
        ),
        "extraction": ExtractionFinding(
            available,
            sector,
            place.name,
            float(io.extraction_regional["output_loss_share"].get(sector, nan)) if available else nan,
            float(io.extraction["output_loss_share"].get(sector, nan)) if available else nan,
        ),
    }
