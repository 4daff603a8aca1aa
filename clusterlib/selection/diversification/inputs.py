"""Language-free tables of the "Diversification opportunities" section.

The presence matrix of the 81 provinces (:func:`complexity_matrix`), the sectors a province does
not hold ranked by feasibility and attractiveness (:func:`opportunity_table`) and the same under
other choices of data and threshold (:func:`robustness_table`).  The measures come from
:mod:`clusterlib.relatedness`; this module only chooses, aligns and ranks.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.relatedness import (
    ComplexityError,
    EconomicComplexity,
    complexity_outlook,
    proximity,
)
from clusterlib.selection.diversification.national import NationalComplexity, national_complexity
from clusterlib.selection.inputs import CANDIDATE_SECTIONS
from clusterlib.specialization import to_matrix

__all__ = [
    "ATTRACTIVENESS",
    "BUILDS_ON",
    "MEASURES",
    "MISSING_TABLE",
    "ROBUSTNESS_SETTINGS",
    "TOP_OPPORTUNITIES",
    "complexity_matrix",
    "opportunity_table",
    "robustness_table",
    "warm_national_complexity",
]

#: The value a presence matrix is built from, and the column of its table.
MEASURES: dict[str, tuple[str, str]] = {
    "employment": ("employment", "employment"),
    "exports": ("exports", "exports_usd"),
}
#: ``reason`` of a robustness row whose table is not in the data (partial data: left out, said so).
MISSING_TABLE: str = "missing table"
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
    complexity: EconomicComplexity | NationalComplexity,
    plate: int,
    *,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    attractiveness: str = "pci",
    weights: tuple[float, float] = (0.5, 0.5),
    builds_on: bool = True,
) -> pd.DataFrame:
    """The sectors a province does not hold, with feasibility, attractiveness and a combined score.

    Candidates: divisions of ``sections`` with a PCI where the province is not present
    (:math:`M_{rs} = 0`).  Feasibility is the relatedness density (0–100, without the sector
    itself, as the criteria table); attractiveness is ``pci`` or ``cog``.  The score is
    ``weights[0]`` × z(density) + ``weights[1]`` × z(attractiveness), z-scores over the candidates,
    so feasibility and attractiveness count equally by default.

    Given a :class:`~clusterlib.selection.diversification.national.NationalComplexity` (from
    :func:`~clusterlib.selection.diversification.national.national_complexity`), its proximity and
    outlook are used as they are instead of being computed again for the province: same numbers.
    ``builds_on=False`` leaves the ``builds_on`` column out (the robustness table needs the ranking only).

    Returns
    -------
    DataFrame
        Indexed by ``nace``: ``density, pci, cog, score, rank, builds_on`` (a tuple of up to
        :data:`BUILDS_ON` NACE codes the province holds, closest first), sorted by rank.
    """
    if attractiveness not in ATTRACTIVENESS:
        raise ValueError(f"'attractiveness' must be one of {list(ATTRACTIVENESS)}, got {attractiveness!r}")
    if isinstance(complexity, NationalComplexity):
        phi, outlook, complexity = complexity.proximity, complexity.outlook, complexity.complexity
    else:
        phi = proximity(complexity.presence)
        outlook = complexity_outlook(complexity.presence, complexity.pci, phi)
    present = complexity.presence
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
        return frame.assign(score=[], rank=[], **({"builds_on": []} if builds_on else {}))
    z = (frame - frame.mean()) / frame.std(ddof=0).replace(0, 1)
    frame["score"] = weights[0] * z["density"] + weights[1] * z[attractiveness]
    frame = frame.sort_values(["score", "density"], ascending=False)
    frame["rank"] = np.arange(1, len(frame) + 1)
    if not builds_on:
        return frame
    mine = [c for c in present.columns if held[c]]
    near = phi.loc[frame.index, mine]  # one lookup; each row is the Series phi.loc[code, mine]
    frame["builds_on"] = [
        tuple(c for c, v in near.iloc[i].sort_values(ascending=False).head(BUILDS_ON).items() if v > 0)
        for i in range(len(frame))
    ]
    return frame



def robustness_table(
    tables: Mapping[str, pd.DataFrame],
    year: int,
    plate: int,
    baseline: Sequence[str],
    *,
    sections: Sequence[str],
    attractiveness: str,
    rca_threshold: float,
) -> pd.DataFrame:
    """ECI rank and top opportunities of one province under each setting of :data:`ROBUSTNESS_SETTINGS`.

    The first setting takes ``rca_threshold`` (the analysis itself).  A setting whose table is not in
    ``tables`` gets ``reason`` :data:`MISSING_TABLE`; one where the ECI is not defined gets the
    :class:`~clusterlib.relatedness.ComplexityError` message.  Columns ``measure, rca_threshold,
    eci_rank, top, kept`` (of ``baseline``), ``reason`` (empty when defined).
    """
    first = ROBUSTNESS_SETTINGS[0]
    settings = [(m, rca_threshold if (m, th) == first else th) for m, th in ROBUSTNESS_SETTINGS]
    rows = []
    for measure, threshold in dict.fromkeys(settings):
        row: dict[str, object] = {"measure": measure, "rca_threshold": threshold}
        if MEASURES[measure][0] not in tables:
            rows.append({**row, "eci_rank": np.nan, "top": (), "kept": np.nan, "reason": MISSING_TABLE})
            continue
        try:  # the national complexity of each setting is computed once for all provinces
            result = national_complexity(complexity_matrix(tables, year, measure=measure), rca_threshold=threshold)
        except (ComplexityError, KeyError, ValueError) as err:
            rows.append({**row, "eci_rank": np.nan, "top": (), "kept": np.nan, "reason": str(err)})
            continue
        ranks = result.complexity.eci.rank(ascending=False, method="min")
        table = opportunity_table(result, plate, sections=sections, attractiveness=attractiveness, builds_on=False)
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


def warm_national_complexity(data_dir: str | os.PathLike[str] | None = None, languages: Iterable[str] = ()) -> None:
    """Compute the national complexity of every :data:`ROBUSTNESS_SETTINGS` setting of ``data_dir``'s
    latest year into :func:`national_complexity`'s in-process cache (``languages`` play no part).

    Every province's diversification analysis starts with these four computations (ECI/PCI,
    proximity, outlook of the 81 × 88 matrix: a third of a second); the runner's kernel server calls
    this once before it forks the kernels, which then find them in memory (the sector selection
    step's entry in the ``clusterlib.shared_analyses`` entry-point group, :mod:`clusterlib.run.warm`).
    The cache is keyed by the matrix's content and the threshold, so an analysis of other data or
    another threshold computes its own as before.  A setting that does not define an ECI is left for
    the analysis to report.

    Examples
    --------
    >>> warm_national_complexity()  # the bundled sample
    """
    from clusterlib.data import load_tables

    tables = load_tables(data_dir or None, required=["employment"], optional=["exports"])
    year = int(tables["employment"]["year"].max())
    for measure, threshold in ROBUSTNESS_SETTINGS:
        if MEASURES[measure][0] in tables:
            with contextlib.suppress(ComplexityError, KeyError, ValueError):
                national_complexity(complexity_matrix(tables, year, measure=measure), rca_threshold=threshold)
