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

:func:`analyse_diversification` returns a frozen :class:`Diversification` whose findings are the
named fields of :class:`DiversificationFindings`; the sentences come from the i18n catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.config import SAMPLE_DIR
from clusterlib.i18n import check_language, t
from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province
from clusterlib.relatedness import (
    ComplexityError,
    EconomicComplexity,
    complexity_outlook,
    economic_complexity,
    proximity,
)
from clusterlib.selection.diversification_findings import (
    DiversificationFindings,
    diversification_findings,
    robustness_labels,
)
from clusterlib.selection.inputs import CANDIDATE_SECTIONS
from clusterlib.specialization import to_matrix

__all__ = [
    "ATTRACTIVENESS",
    "BUILDS_ON",
    "MEASURES",
    "ROBUSTNESS_SETTINGS",
    "TOP_OPPORTUNITIES",
    "Diversification",
    "DiversificationFindings",
    "analyse_diversification",
    "complexity_matrix",
    "opportunity_table",
]

#: The value a presence matrix is built from, and the column of its table.
MEASURES: dict[str, tuple[str, str]] = {
    "employment": ("employment", "employment"),
    "exports": ("exports", "exports_usd"),
}
#: Attractiveness axis of the opportunities: sector complexity or the province's outlook gain.
ATTRACTIVENESS: tuple[str, ...] = ("pci", "cog")
#: Opportunities named in the finding and compared across settings.
TOP_OPPORTUNITIES: int = 5
#: Sectors a named opportunity "builds on": the province's closest specialisations.
BUILDS_ON: int = 3
#: (measure, RCA threshold) of the robustness table; the first is the analysis itself.
ROBUSTNESS_SETTINGS: tuple[tuple[str, float], ...] = (
    ("employment", 1.0),
    ("employment", 0.75),
    ("exports", 1.0),
    ("exports", 0.75),
)


def complexity_matrix(tables: Mapping[str, pd.DataFrame], year: int, *, measure: str = "employment") -> pd.DataFrame:
    """Provinces (plate) × NACE divisions of one year, from the employment or exports table.

    Absent cells are 0 (a sector with no insured employee or no export); nothing is imputed.
    """
    if measure not in MEASURES:
        raise ValueError(f"'measure' must be one of {list(MEASURES)}, got {measure!r}")
    table_name, column = MEASURES[measure]
    table = tables[table_name]
    years = sorted(int(y) for y in table["year"].unique())
    if year not in years:
        raise ValueError(f"'year' {year} is not in the {table_name} table; available: {years[0]}–{years[-1]}")
    matrix = to_matrix(table, value=column, year=year, region="plate", sector="nace").astype(float)
    matrix.columns = matrix.columns.astype(str)
    return matrix


def opportunity_table(
    complexity: EconomicComplexity,
    plate: int,
    *,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    attractiveness: str = "pci",
    weights: tuple[float, float] = (0.5, 0.5),
) -> pd.DataFrame:
    """The sectors a province does not hold, with feasibility, attractiveness and a combined score.

    Candidates: divisions of ``sections`` with a PCI where the province is not present
    (:math:`M_{rs} = 0`).  Feasibility is the relatedness density (0–100, without the sector
    itself, as the criteria table); attractiveness is ``pci`` or ``cog``.  The score is
    ``weights[0]`` × z(density) + ``weights[1]`` × z(attractiveness), z-scores over the candidates,
    so feasibility and attractiveness count equally by default.

    Returns
    -------
    DataFrame
        Indexed by ``nace``: ``density, pci, cog, rca, score, rank, builds_on`` (a tuple of up to
        :data:`BUILDS_ON` NACE codes the province holds, closest first), sorted by rank.
    """
    if attractiveness not in ATTRACTIVENESS:
        raise ValueError(f"'attractiveness' must be one of {list(ATTRACTIVENESS)}, got {attractiveness!r}")
    present = complexity.presence
    phi = proximity(present)
    outlook = complexity_outlook(present, complexity.pci, phi)
    held = present.loc[plate].astype(bool)
    codes = [
        c for c in present.columns
        if not held[c] and nace.section_of(c) in set(sections) and np.isfinite(complexity.pci[c])
    ]
    frame = pd.DataFrame(
        {
            "density": outlook.density.loc[plate, codes],
            "pci": complexity.pci[codes],
            "cog": outlook.cog.loc[plate, codes],
        }
    )
    frame.index.name = "nace"
    if frame.empty:
        return frame.assign(score=[], rank=[], builds_on=[])
    z = (frame - frame.mean()) / frame.std(ddof=0).replace(0, 1)
    frame["score"] = weights[0] * z["density"] + weights[1] * z[attractiveness]
    frame = frame.sort_values(["score", "density"], ascending=False)
    frame["rank"] = np.arange(1, len(frame) + 1)
    mine = [c for c in present.columns if held[c]]
    frame["builds_on"] = [
        tuple(c for c, v in phi.loc[code, mine].sort_values(ascending=False).head(BUILDS_ON).items() if v > 0)
        for code in frame.index
    ]
    return frame


@dataclass(frozen=True)
class Diversification:
    """Everything the "Diversification opportunities" section shows for one province and year.

    ``complexity`` is the baseline (employment, ``rca_threshold``); ``opportunities`` the
    province's candidate sectors it does not hold, ranked; ``eci_map`` the 81 provinces' ECI;
    ``robustness`` one row per setting of :data:`ROBUSTNESS_SETTINGS` (language-free columns:
    ``measure, rca_threshold, eci_rank, top, kept``; ``top`` is empty where the ECI is undefined).
    """

    province: Province
    year: int
    lang: str
    rca_threshold: float
    attractiveness: str
    synthetic: bool
    complexity: EconomicComplexity
    opportunities: pd.DataFrame
    eci_map: pd.DataFrame
    robustness: pd.DataFrame
    ranking_top: tuple[str, ...]
    findings: DiversificationFindings

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

    def label(self, code: str) -> str:
        """Short sector name in the report's language."""
        return nace.name(code, lang=self.lang, short=True)

    def chart_frame(self) -> pd.DataFrame:
        """Opportunities with labels and the names of the sectors they build on, for the chart."""
        frame = self.opportunities.reset_index()
        frame.insert(1, "label", [self.label(c) for c in frame["nace"]])
        frame["builds_on_labels"] = [", ".join(self.label(c) for c in codes) for codes in frame["builds_on"]]
        return frame

    def heading(self, key: str) -> str:
        """A heading of the section (``"title"``, ``"chart"``, ``"map"``, ``"robustness"``)."""
        return t(f"diversification.h.{key}", self.lang, province=self.province.name, year=self.year)

    def opportunity_table(self, top: int = 10) -> pd.DataFrame:
        """The best ``top`` opportunities as the committee reads them."""
        lang = self.lang
        frame = self.opportunities.head(top)
        return pd.DataFrame(
            {
                t("diversification.col.rank", lang): frame["rank"].astype(int).to_numpy(),
                t("diversification.col.sector", lang): [self.label(c) for c in frame.index],
                t("diversification.col.nace", lang): list(frame.index),
                t("diversification.col.density", lang): frame["density"].round(1).to_numpy(),
                t("diversification.col.pci", lang): frame["pci"].round(2).to_numpy(),
                t("diversification.col.cog", lang): frame["cog"].round(2).to_numpy(),
                t("diversification.col.builds_on", lang): [
                    ", ".join(self.label(c) for c in codes) for codes in frame["builds_on"]
                ],
            }
        )

    def robustness_table(self) -> pd.DataFrame:
        """The robustness table in the report's language."""
        return robustness_labels(self.robustness, self.label, self.lang, top=TOP_OPPORTUNITIES)

    def parameters(self) -> dict[str, object]:
        """The settings of this section, for the provenance box."""
        return {
            "diversification_rca_threshold": self.rca_threshold,
            "diversification_attractiveness": self.attractiveness,
            "diversification_measure": "employment",
        }


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


def _robustness(
    tables: Mapping[str, pd.DataFrame], year: int, plate: int, baseline: Sequence[str], *, sections: Sequence[str],
    attractiveness: str, rca_threshold: float,
) -> pd.DataFrame:
    settings = [(m, rca_threshold if (m, th) == ROBUSTNESS_SETTINGS[0] else th) for m, th in ROBUSTNESS_SETTINGS]
    rows = []
    for measure, threshold in dict.fromkeys(settings):
        row: dict[str, object] = {"measure": measure, "rca_threshold": threshold}
        try:
            result = economic_complexity(complexity_matrix(tables, year, measure=measure), rca_threshold=threshold)
        except (ComplexityError, KeyError, ValueError) as err:
            rows.append({**row, "eci_rank": np.nan, "top": (), "kept": np.nan, "reason": str(err)})
            continue
        ranks = result.eci.rank(ascending=False, method="min")
        table = opportunity_table(result, plate, sections=sections, attractiveness=attractiveness)
        top = tuple(table.index[:TOP_OPPORTUNITIES])
        rows.append(
            {
                **row,
                "eci_rank": float(ranks.get(plate, np.nan)),
                "top": top,
                "kept": len(set(top) & set(baseline)),
                "reason": "",
            }
        )
    return pd.DataFrame(rows)


def analyse_diversification(
    province: str | int | Province,
    *,
    year: int | None = None,
    lang: str = "tr",
    data_dir: str | Path | None = None,
    rca_threshold: float = 1.0,
    attractiveness: str = "pci",
    ranking_top: Sequence[str] = (),
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    tables: Mapping[str, pd.DataFrame] | None = None,
) -> Diversification:
    """The "Diversification opportunities" section for one province.

    Parameters
    ----------
    province : str, int or Province
    year : int, optional
        Default: the latest year of the employment table.
    lang : {"tr", "en"}
    data_dir : path, optional
        Default: the bundled synthetic sample.
    rca_threshold : float, default 1.0
        Presence threshold on RCA (= LQ on employment).
    attractiveness : {"pci", "cog"}, default "pci"
        The attractiveness axis and half of the opportunity score.
    ranking_top : sequence of str
        NACE codes of the four-criteria ranking's shortlist (``selection.top``), for the comparison.
    sections : sequence of str
        NACE sections of the candidate sectors (default as sector selection: A, B, C).
    tables : mapping, optional
        Already loaded tables (``employment``, ``exports``).

    Returns
    -------
    Diversification

    Raises
    ------
    ComplexityError
        When the employment presence matrix does not define an ECI (disconnected or tied).

    Examples
    --------
    >>> d = analyse_diversification("Trabzon", lang="en")
    >>> d.eci_rank, d.top
    (74, ['02', '01', '22', '27', '16'])
    """
    from clusterlib.data import load_tables

    lang = check_language(lang)
    place = resolve_province(province)
    if tables is None:
        tables = load_tables(data_dir or None, tables=["employment", "exports"])
    year = int(year if year is not None else tables["employment"]["year"].max())
    complexity = economic_complexity(complexity_matrix(tables, year), rca_threshold=rca_threshold)
    if not np.isfinite(complexity.eci.get(place.plate, np.nan)):
        raise ComplexityError(f"{place.name} holds no sector at RCA ≥ {rca_threshold:g} in {year}; it has no ECI")
    opportunities = opportunity_table(complexity, place.plate, sections=sections, attractiveness=attractiveness)
    eci_map = _eci_map(complexity)
    top = tuple(opportunities.index[:TOP_OPPORTUNITIES])
    robustness = _robustness(
        tables, year, place.plate, top, sections=sections, attractiveness=attractiveness, rca_threshold=rca_threshold
    )
    synthetic = Path(data_dir or SAMPLE_DIR).resolve() == SAMPLE_DIR.resolve()
    findings = diversification_findings(
        place=place,
        year=year,
        lang=lang,
        rca_threshold=rca_threshold,
        synthetic=synthetic,
        complexity=complexity,
        opportunities=opportunities,
        eci_map=eci_map,
        robustness=robustness,
        ranking_top=tuple(ranking_top),
        label=lambda code: nace.name(code, lang=lang, short=True),
        top=TOP_OPPORTUNITIES,
    )
    return Diversification(
        province=place,
        year=year,
        lang=lang,
        rca_threshold=float(rca_threshold),
        attractiveness=attractiveness,
        synthetic=synthetic,
        complexity=complexity,
        opportunities=opportunities,
        eci_map=eci_map,
        robustness=robustness,
        ranking_top=tuple(ranking_top),
        findings=findings,
    )

