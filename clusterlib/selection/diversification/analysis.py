"""Diversification opportunities of a province: which sectors it could grow into, and which are worth it.

The four-criteria ranking of sector selection ranks the sectors a province already has.  This
section asks the next question, with the tools of the Atlas of Economic Complexity (Hausmann,
Hidalgo et al. 2014) applied to provinces: among the candidate sectors (NACE sections A–C, as
sector selection) in which the province is *not* specialised, how *feasible* is each (relatedness
density: the share of its related sectors the province already holds) and how *attractive*
(its complexity, PCI, or the complexity outlook gain, COG)?

Choices, stated once here and repeated in the report:

* **Employment, not exports.**  Exports by province cover goods only (32 divisions of the sample)
  and are booked at the exporter's seat; insured employment covers every division, so presence is
  RCA (= LQ) ≥ 1 on employment.  The robustness table repeats the analysis on exports.
* **Threshold 1** (the Atlas); the robustness table shows 0.75 as well.
* **Divisions (2-digit NACE)**, as the rest of the report; classes (4-digit) would make many
  sectors present in one province only and the ECI less stable.
* **Province level is research-grade.**  Complexity was built for countries' exports; whether it
  measures the same thing for the 81 provinces of one country is an open research question.

The tables come from :mod:`clusterlib.selection.diversification.inputs`;
:func:`analyse_diversification` returns a frozen, language-free :class:`Diversification` whose
findings are the typed fields of :class:`DiversificationFindings`;
:meth:`Diversification.present` writes it in Turkish or English
(:mod:`clusterlib.selection.diversification.report`) without recomputing a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.processed import save_tables
from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province
from clusterlib.relatedness import ComplexityError, EconomicComplexity
from clusterlib.resultcache import cached_analysis
from clusterlib.selection.diversification.findings import (
    CaveatFinding,
    ChoicesFinding,
    ComparisonFinding,
    DiversificationFindings,
    EciFinding,
    OpportunitiesFinding,
)
from clusterlib.selection.diversification.inputs import (
    ATTRACTIVENESS,
    BUILDS_ON,
    MEASURES,
    MISSING_TABLE,
    ROBUSTNESS_SETTINGS,
    TOP_OPPORTUNITIES,
    complexity_matrix,
    opportunity_table,
    robustness_table,
)
from clusterlib.selection.diversification.national import national_complexity
from clusterlib.selection.inputs import CANDIDATE_SECTIONS

if TYPE_CHECKING:
    from clusterlib.selection.analysis import SectorSelection
    from clusterlib.selection.diversification.report import DiversificationReport

__all__ = [
    "ATTRACTIVENESS",
    "BUILDS_ON",
    "MEASURES",
    "MISSING_TABLE",
    "ROBUSTNESS_SETTINGS",
    "TOP_OPPORTUNITIES",
    "Diversification",
    "DiversificationFindings",
    "analyse_diversification",
    "complexity_matrix",
    "opportunity_table",
    "robustness_table",
]


@dataclass(frozen=True, eq=False)
class Diversification:
    """Everything the "Diversification opportunities" section shows for one province and year, language-free.

    Attributes
    ----------
    province : Province
    year : int
    rca_threshold : float
        Presence threshold of the baseline (employment).
    attractiveness : {"pci", "cog"}
    synthetic : bool
        Whether the data are the bundled synthetic sample (the report says so).
    complexity : EconomicComplexity
        ECI/PCI of the 81 provinces × NACE divisions (employment, ``rca_threshold``).
    opportunities : DataFrame
        :func:`opportunity_table` of the province.
    eci_map : DataFrame
        ``plate, province, eci, rank`` of every province with an ECI.
    robustness : DataFrame
        One row per setting of :data:`ROBUSTNESS_SETTINGS`: ``measure, rca_threshold, eci_rank,
        top`` (tuple of NACE codes), ``kept`` (shared with the baseline top), ``reason`` (why the
        ECI is undefined, else empty).
    ranking_top : tuple of str
        The four-criteria ranking's shortlist compared with (empty when there was no ranking).
    findings : DiversificationFindings
    data_dir : Path
    """

    province: Province
    year: int
    rca_threshold: float
    attractiveness: str
    synthetic: bool
    complexity: EconomicComplexity
    opportunities: pd.DataFrame
    eci_map: pd.DataFrame
    robustness: pd.DataFrame
    ranking_top: tuple[str, ...]
    findings: DiversificationFindings
    data_dir: Path

    @property
    def eci(self) -> float:
        """The province's ECI."""
        return float(self.complexity.eci[self.province.plate])

    @property
    def eci_rank(self) -> int:
        """The province's rank by ECI among the provinces with one (1 = most complex)."""
        return int(self.eci_map.set_index("plate").loc[self.province.plate, "rank"])

    @property
    def top(self) -> list[str]:
        """NACE codes of the :data:`TOP_OPPORTUNITIES` best opportunities."""
        return list(self.opportunities.index[:TOP_OPPORTUNITIES])

    def summary(self) -> str:
        """One deterministic line: province, year, ECI rank and the top opportunities (checked by nbval).

        Examples
        --------
        >>> analyse_diversification("Trabzon").summary()
        'Trabzon 2024: ECI rank 74/81; opportunities 02, 01, 22, 27, 16'
        """
        return (
            f"{self.province.name} {self.year}: ECI rank {self.eci_rank}/{len(self.eci_map)}; "
            f"opportunities {', '.join(self.top)}"
        )

    def parameters(self) -> dict[str, object]:
        """The settings of this section, for the provenance box."""
        return {
            "diversification_measure": "employment",
            "diversification_rca_threshold": self.rca_threshold,
            "diversification_attractiveness": self.attractiveness,
        }

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the section's tables to ``data/processed/sector_selection/`` (atomically); return the paths.

        ``<plate>_<slug>_<year>_opportunities.csv`` (``builds_on`` as ``;``-separated codes),
        ``_complexity.csv`` (ECI, diversity of every province) and ``_pci.csv`` (PCI, ubiquity of
        every sector).
        """
        c, opportunities = self.complexity, self.opportunities
        tables = {
            "opportunities": opportunities.assign(builds_on=[";".join(b) for b in opportunities["builds_on"]]),
            "complexity": pd.DataFrame({"eci": c.eci, "diversity": c.diversity}).rename_axis("plate"),
            "pci": pd.DataFrame({"pci": c.pci, "ubiquity": c.ubiquity}).rename_axis("nace"),
        }
        return save_tables("sector_selection", self.province, tables, processed_dir, qualifier=self.year)

    def present(self, lang: str) -> DiversificationReport:
        """This section in ``lang``: sentences, labels and number formats, no number recomputed."""
        from clusterlib.selection.diversification.report import present

        return present(self, lang)


def _eci_map(complexity: EconomicComplexity) -> pd.DataFrame:
    names = provinces().set_index("plate")["name"]
    eci = complexity.eci.dropna()
    return pd.DataFrame(
        {
            "plate": eci.index.astype(int),
            "province": names.reindex(eci.index).to_numpy(),
            "eci": eci.to_numpy(),
            "rank": eci.rank(ascending=False, method="min").astype(int).to_numpy(),
        }
    )


def _findings(
    place: Province,
    complexity: EconomicComplexity,
    opportunities: pd.DataFrame,
    eci_map: pd.DataFrame,
    robustness: pd.DataFrame,
    ranking_top: tuple[str, ...],
    *,
    rca_threshold: float,
    attractiveness: str,
    synthetic: bool,
) -> DiversificationFindings:
    own = eci_map.set_index("plate").loc[place.plate]
    top = tuple(opportunities.index[:TOP_OPPORTUNITIES])
    pci = complexity.pci.reindex(list(ranking_top))
    others = robustness.iloc[1:]
    defined = others[others["reason"] == ""]
    ranks = pd.concat([robustness["eci_rank"].iloc[:1], defined["eci_rank"]]).dropna()
    return DiversificationFindings(
        caveat=CaveatFinding(
            n_sectors=complexity.presence.shape[1], rca_threshold=rca_threshold, synthetic=synthetic
        ),
        eci=EciFinding(
            province=place.name,
            rank=int(own["rank"]),
            n=len(eci_map),
            eci=float(own["eci"]),
            diversity=int(complexity.diversity[place.plate]),
        ),
        opportunities=OpportunitiesFinding(
            codes=top,
            builds_on=tuple(tuple(b) for b in opportunities["builds_on"].iloc[: len(top)]),
            attractiveness=attractiveness,
        ),
        comparison=ComparisonFinding(
            ranking=ranking_top,
            opportunities=top,
            shared=tuple(c for c in ranking_top if c in set(top)),
            more_complex=int((pci > complexity.eci[place.plate]).sum()),
        ),
        robustness=ChoicesFinding(
            k=TOP_OPPORTUNITIES,
            compared=tuple((str(r.measure), float(r.rca_threshold)) for r in defined.itertuples()),
            kept=(int(defined["kept"].min()), int(defined["kept"].max())) if len(defined) else None,
            ranks=(int(ranks.min()), int(ranks.max())) if len(defined) else None,
            undefined=tuple(
                (str(r.measure), float(r.rca_threshold))
                for r in others[~others["reason"].isin(["", MISSING_TABLE])].itertuples()
            ),
            missing=tuple(dict.fromkeys(str(m) for m in others.loc[others["reason"] == MISSING_TABLE, "measure"])),
        ),
    )


def _ranking_codes(ranking: SectorSelection | Sequence[str] | None) -> tuple[str, ...]:
    if ranking is None:
        return ()
    if hasattr(ranking, "scored"):  # a SectorSelection: its shortlist only when it could rank
        return tuple(ranking.top) if ranking.scored else ()  # type: ignore[union-attr]
    return tuple(str(c) for c in ranking)  # type: ignore[union-attr]


@cached_analysis("diversification", reads="sector_selection")
def analyse_diversification(
    province: str | int | Province,
    *,
    year: int | None = None,
    data_dir: str | Path | None = None,
    rca_threshold: float = 1.0,
    attractiveness: str = "pci",
    ranking: SectorSelection | Sequence[str] | None = None,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> Diversification:
    """The "Diversification opportunities" section for one province, language-free.

    Parameters
    ----------
    province : str, int or Province
    year : int, optional
        Default: the latest year of the employment table.
    data_dir : path, optional
        Default: the bundled synthetic sample.
    rca_threshold : float, default 1.0
        Presence threshold on RCA (= LQ on employment).
    attractiveness : {"pci", "cog"}, default "pci"
        The attractiveness axis and half of the opportunity score.
    ranking : SectorSelection or sequence of str, optional
        The four-criteria ranking to compare with: a :class:`~clusterlib.selection.SectorSelection`
        (its shortlist, if it could rank) or NACE codes.
    sections : sequence of str
        NACE sections of the candidate sectors (default as sector selection: A, B, C).
    tables : mapping, optional
        Already loaded tables: ``employment`` and, optionally, ``exports`` (without it the
        robustness table leaves exports out and the finding says so).

    Returns
    -------
    Diversification

    Raises
    ------
    ComplexityError
        When the employment presence matrix does not define an ECI (disconnected or tied), or the
        province holds no sector.

    Examples
    --------
    >>> d = analyse_diversification("Trabzon")
    >>> d.eci_rank, d.top
    (74, ['02', '01', '22', '27', '16'])
    >>> d.present("en").findings.eci
    'Trabzon ranks 74th of 81 provinces by economic complexity (ECI −1.30); it is specialised in 27 sectors.'
    """
    from clusterlib.data import load_tables

    place = resolve_province(province)
    if tables is None:
        tables = load_tables(data_dir or None, required=["employment"], optional=["exports"])
    year = int(year if year is not None else tables["employment"]["year"].max())
    national = national_complexity(complexity_matrix(tables, year), rca_threshold=rca_threshold)  # once per data
    complexity = national.complexity
    if not np.isfinite(complexity.eci.get(place.plate, np.nan)):
        raise ComplexityError(f"{place.name} holds no sector at RCA ≥ {rca_threshold:g} in {year}; it has no ECI")
    opportunities = opportunity_table(national, place.plate, sections=sections, attractiveness=attractiveness)
    eci_map = _eci_map(complexity)
    ranking_top = _ranking_codes(ranking)
    robustness = robustness_table(
        tables,
        year,
        place.plate,
        tuple(opportunities.index[:TOP_OPPORTUNITIES]),
        sections=sections,
        attractiveness=attractiveness,
        rca_threshold=rca_threshold,
    )
    folder = Path(data_dir or SAMPLE_DIR)
    synthetic = folder.resolve() == SAMPLE_DIR.resolve()
    return Diversification(
        province=place,
        year=year,
        rca_threshold=float(rca_threshold),
        attractiveness=attractiveness,
        synthetic=synthetic,
        complexity=complexity,
        opportunities=opportunities,
        eci_map=eci_map,
        robustness=robustness,
        ranking_top=ranking_top,
        findings=_findings(
            place,
            complexity,
            opportunities,
            eci_map,
            robustness,
            ranking_top,
            rca_threshold=float(rca_threshold),
            attractiveness=attractiveness,
            synthetic=synthetic,
        ),
        data_dir=folder,
    )
