"""The sector-selection step for one province, end to end: the numbers the report shows.

:func:`analyse_sector_selection` reads the data, builds the criteria table, scores and ranks the
candidate sectors, tests the ranking's robustness and derives the findings, all language-free; the
result, a frozen :class:`SectorSelection`, is then presented in Turkish or English
(:meth:`SectorSelection.present`, :mod:`clusterlib.selection.presentation`) without recomputing a
number.  The notebook ``02_sector_selection`` only chooses what to display.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import messages_in
from clusterlib.i18n import DEFAULT_LANGUAGE, check_language
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.resultcache import cached_analysis
from clusterlib.selection.comparison import lq_by_province, sector_shift_share
from clusterlib.selection.criteria import Criteria
from clusterlib.selection.criteria_file import load_criteria
from clusterlib.selection.errors import SelectionInputError
from clusterlib.selection.findings import (
    SelectionFindings,
    agreement_finding,
    criteria_finding,
    map_finding,
    portfolio_finding,
    robustness_finding,
    shift_share_finding,
    structure_finding,
)
from clusterlib.selection.inputs import (
    CANDIDATE_SECTIONS,
    check_years,
    national_growth_rate,
    sector_indicators,
    sector_profile,
)
from clusterlib.selection.notes import Imputed, LeftOut, TooFewSectors
from clusterlib.selection.portfolio import portfolio_quadrants
from clusterlib.selection.ranking_findings import ranking_finding, support_finding
from clusterlib.selection.robustness import compare_methods, rank_agreement, weight_sensitivity
from clusterlib.selection.scoring import SelectionResult, score_sectors
from clusterlib.selection.thresholds import MISSING_POLICY, THRESHOLDS

if TYPE_CHECKING:
    from clusterlib.selection.presentation import SelectionReport

__all__ = ["SectorSelection", "SelectionFindings", "analyse_sector_selection"]


@dataclass(frozen=True, eq=False)
class SectorSelection:
    """Everything the sector-selection report shows for one province and year, language-free.

    Attributes
    ----------
    province : Province
    year, period : int
        Growth and shift-share run from ``year - period`` to ``year``.
    criteria : Criteria
        The criteria scored by (those of the file minus any left out, :attr:`left_out`).
    profile : DataFrame
        :func:`~clusterlib.selection.inputs.sector_profile` of the province.
    national_growth : float
        Türkiye's employment CAGR over the period, from totals: the one national rate of the step.
    indicators : DataFrame
        The candidates' raw indicators, missing values kept missing.
    result, additive : SelectionResult or None
        TOPSIS scores (the ranking) and the min-max weighted sum (additive split for the group bars);
        ``None`` when there are too few candidates (:attr:`too_few`).
    robustness, rankings, agreement : DataFrame or None
        :func:`weight_sensitivity`, :func:`compare_methods`, :func:`rank_agreement`.
    lq_map, shift_share : DataFrame
        LQ of the leading candidates in every province; shift-share components of the province.
    findings : SelectionFindings
    left_out : LeftOut
        Criteria the data cannot give (no wages, no workplaces, no exports, no institutions tables).
    imputed : Imputed
        Missing indicator values imputed in scoring, by :data:`MISSING_POLICY`.
    too_few : TooFewSectors or None
        Set when scoring is impossible (fewer than :attr:`Thresholds.min_sectors` candidates).
    load_notes : tuple
        What the data loader recorded (absent optional tables, the sheet read, suppressed cells…),
        each with ``.text(lang)``.
    """

    province: Province
    year: int
    period: int
    criteria: Criteria
    profile: pd.DataFrame
    national_growth: float
    indicators: pd.DataFrame
    result: SelectionResult | None
    additive: SelectionResult | None
    robustness: pd.DataFrame | None
    rankings: pd.DataFrame | None
    agreement: pd.DataFrame | None
    lq_map: pd.DataFrame
    shift_share: pd.DataFrame
    findings: SelectionFindings
    left_out: LeftOut
    imputed: Imputed
    too_few: TooFewSectors | None
    top_k: int
    data_dir: Path
    min_employment: float = 100
    n_simulations: int = 2000
    missing: str = MISSING_POLICY
    load_notes: tuple[object, ...] = ()

    @property
    def base_year(self) -> int:
        """First year of the growth and shift-share period."""
        return self.year - self.period

    @property
    def scored(self) -> bool:
        """Whether the candidates could be scored (at least two of them)."""
        return self.result is not None

    @property
    def top(self) -> list[str]:
        """NACE codes of the ``top_k`` best-ranked candidates, best first (the candidates by size when
        there was no ranking)."""
        if self.result is not None:
            return list(self.result.scores.index[: self.top_k])
        return list(self.indicators.sort_values("employment", ascending=False).index[: self.top_k])

    def summary(self) -> str:
        """One deterministic line: province, year and the shortlist's NACE codes (checked by nbval).

        Examples
        --------
        >>> analyse_sector_selection("Trabzon", n_simulations=20).summary()
        'Trabzon 2024: 30, 10, 26, 28, 03'
        """
        return f"{self.province.name} {self.year}: {', '.join(self.top)}"

    def portfolio(self) -> pd.DataFrame:
        """The sectors the portfolio chart draws (≥ :attr:`Thresholds.portfolio_chart_share` of
        employment), with their ``quadrant`` (:func:`portfolio_quadrants`)."""
        shown = self.profile[self.profile["share"] >= THRESHOLDS.portfolio_chart_share].copy()
        shown["quadrant"] = portfolio_quadrants(shown, national_growth=self.national_growth)
        return shown

    def group_contributions(self, top: int = 12) -> pd.DataFrame:
        """Each sector's score split by criteria group, best ``top`` sectors in the final (TOPSIS) order.

        The split is that of the weighted sum with min-max normalisation, which is additive (the groups
        add up to that score) and so readable as bars; indexed by NACE code.
        """
        if self.result is None or self.additive is None:
            raise ValueError("there is no ranking: scoring needs at least two candidate sectors")
        groups = [g.id for g in self.criteria.groups]
        return self.additive.scores.reindex(self.result.scores.index[:top])[groups].copy()

    def parameters(self) -> dict[str, object]:
        """The settings of this analysis, for the provenance box."""
        return {
            "province": self.province.name,
            "min_employment": self.min_employment,
            "year": self.year,
            "period": self.period,
            "criteria": self.criteria.source,
            "top_k": self.top_k,
            "n_simulations": self.n_simulations,
            "missing": self.missing,
        }

    def present(self, lang: str) -> SelectionReport:
        """This analysis in ``lang``: sentences, labels and number formats, no number recomputed."""
        from clusterlib.selection.presentation import present

        return present(self, lang)

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the derived tables to ``data/processed/sector_selection/`` (atomically) and return the paths."""
        tables = {"indicators": self.indicators}
        if self.result is not None and self.robustness is not None:
            tables["scores"] = self.result.scores.join(self.robustness.drop(columns=["rank"]), how="left")
        tables["profile"] = self.profile.set_index("nace")
        tables["shift_share"] = self.shift_share.set_index("nace")
        return save_tables("sector_selection", self.province, tables, processed_dir, qualifier=self.year)


#: The columns of each table the step reads (a loader's note about another column is not shown).
_USED_COLUMNS: dict[str, frozenset[str]] = {
    "employment": frozenset({"plate", "nace", "year", "employment", "workplaces", "avg_wage"}),
    "exports": frozenset({"plate", "nace", "year", "exports_usd"}),
    "stakeholders": frozenset({"plate", "clusters"}),
    "initiatives": frozenset({"plate", "nace_divisions"}),
}


def _concerns_step(note: object) -> bool:
    """Whether a loader's read note is about a file and column this step uses."""
    table = Path(str(getattr(note, "file", "") or "")).stem
    column = getattr(note, "column", None)
    return table in _USED_COLUMNS and (column is None or column in _USED_COLUMNS[table])


def _load(data_dir: str | Path | None, lang: str) -> Mapping[str, pd.DataFrame]:
    """The step's tables: only employment is required, the others feed criteria that are left out
    (and said so) when their table is absent (:data:`clusterlib.data.STEP_TABLES`)."""
    from clusterlib.data import load_tables

    return load_tables(data_dir or None, step="sector_selection", lang=lang)


@cached_analysis("sector_selection")  # language-free: one result for every language
def analyse_sector_selection(
    province: str | int | Province,
    *,
    year: int | None = None,
    period: int = 5,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
    criteria_file: str | Path | None = None,
    top_k: int = 5,
    min_employment: float = 100,
    n_simulations: int = 2000,
    seed: int = 0,
    tables: Mapping[str, pd.DataFrame] | None = None,
    sections: Sequence[str] = CANDIDATE_SECTIONS,
    missing: str = MISSING_POLICY,
) -> SectorSelection:
    """Run the sector-selection analysis of one province (language-free).

    Parameters
    ----------
    province : str, int or Province
        Any spelling or code.
    year : int, optional
        Year of the assessment; default the latest year of the employment table.
    period : int, default 5
        Growth and shift-share run from ``year - period`` to ``year``.
    lang : {"tr", "en"}, default "tr"
        Language of the error messages only: the result is the same in every language (present it
        with :meth:`SectorSelection.present`).
    data_dir : path, optional
        Directory of the input tables; default the bundled sample.
    criteria_file : path, optional
        Criteria YAML; default ``resources/criteria_default.yaml``.
    top_k : int, default 5
        Size of the shortlist, used by the robustness analysis.
    min_employment : float, default 100
        Candidates need at least this many employees in the province (small sectors have noisy
        growth rates).
    n_simulations : int, default 2000
        Monte Carlo weight draws.
    seed : int, default 0
        Seed of the weight draws (reports are reproducible).
    tables : dict, optional
        Already loaded tables (skips reading ``data_dir``).  ``exports``, ``stakeholders`` and
        ``initiatives`` are optional: the criteria they feed are left out and the report says so.
    sections : sequence of str, default ``("A", "B", "C")``
        NACE sections whose divisions are candidates.
    missing : {"worst", "median", "raise"}, default :data:`MISSING_POLICY`
        How scoring imputes missing indicator values (the report lists them).

    Returns
    -------
    SectorSelection

    Raises
    ------
    SelectionInputError
        When the year or period is not in the data (in ``lang``).
    DataValidationError
        When the province has no rows in the base or the latest year (the message names the province
        and the years present, in ``lang``).
        Too few candidate sectors is not an error: the result says so (:attr:`SectorSelection.too_few`).
    """
    lang = check_language(lang)
    place = resolve_province(province)
    if tables is None:
        tables = _load(data_dir, lang)
    # what the loader says about the files this step reads (missing optional tables, sheet read,
    # suppressed or blank cells of the columns it uses)
    load_notes = tuple(getattr(tables, "missing", ())) + tuple(
        note for note in getattr(tables, "notes", ()) if _concerns_step(note)
    )
    year = int(year if year is not None else tables["employment"]["year"].max())
    full_criteria = load_criteria(criteria_file or None)
    try:
        with messages_in(lang):
            check_years(tables["employment"], place, year, period)
    except SelectionInputError as err:
        raise err.in_language(lang) from None

    left_out = LeftOut.from_tables(tables, full_criteria)
    criteria = full_criteria.without(left_out.ids)
    profile = sector_profile(tables, place, year, period=period)
    national = national_growth_rate(tables, year, period=period)
    indicators = sector_indicators(
        tables, place, year, period=period, sections=sections, min_employment=min_employment, min_candidates=0
    )
    shift = sector_shift_share(tables, place, year - period, year)
    top_k = max(1, min(top_k, len(indicators)))

    result = additive = robustness = rankings = agreement = None
    too_few = None
    cells: tuple[tuple[str, str], ...] = ()
    if len(indicators) >= THRESHOLDS.min_sectors:
        with warnings.catch_warnings():
            # the imputed cells are reported in the report (``imputed``), not as a console warning
            warnings.filterwarnings("ignore", message=r".*imputed with the", category=UserWarning)
            result = score_sectors(indicators, criteria, method="topsis", missing=missing)
            additive = score_sectors(indicators, criteria, method="weighted_sum", missing=missing)
            robustness = weight_sensitivity(
                indicators, criteria, n=n_simulations, top_k=top_k, seed=seed, missing=missing
            )
            rankings = compare_methods(indicators, criteria, missing=missing)
        agreement = rank_agreement(rankings)
        flagged = result.imputed.stack()
        cells = tuple((str(s), str(i)) for s, i in flagged[flagged].index)
    else:
        too_few = TooFewSectors.from_profile(
            place, year, profile, indicators, min_employment=min_employment, sections=sections
        )

    selection_top = (
        list(result.scores.index[:top_k])
        if result is not None
        else list(indicators.sort_values("employment", ascending=False).index[:top_k])
    )
    lq_values = lq_by_province(tables, year, selection_top[:3])
    findings = SelectionFindings(
        structure=structure_finding(profile, place, year),
        portfolio=portfolio_finding(profile, national_growth=national),
        shift_share=shift_share_finding(shift, year - period, year),
        map=map_finding(lq_values, place) if len(lq_values) else None,
        criteria=criteria_finding(
            criteria, additive.scores.reindex(result.scores.index)[[g.id for g in criteria.groups]]
        )
        if result is not None and additive is not None
        else None,
        ranking=ranking_finding(
            result,
            criteria,
            robustness=robustness,
            support=support_finding(tables, place, result, criteria, indicators, missing=missing),
        )
        if result is not None
        else None,
        robustness=robustness_finding(robustness, selection_top[0]) if robustness is not None else None,
        agreement=agreement_finding(agreement) if agreement is not None else None,
    )
    return SectorSelection(
        province=place,
        year=year,
        period=period,
        criteria=criteria,
        profile=profile,
        national_growth=national,
        indicators=indicators,
        result=result,
        additive=additive,
        robustness=robustness,
        rankings=rankings,
        agreement=agreement,
        lq_map=lq_values,
        shift_share=shift,
        findings=findings,
        left_out=left_out,
        imputed=Imputed(cells=cells, policy=missing, criteria=criteria),
        load_notes=load_notes,
        too_few=too_few,
        top_k=top_k,
        data_dir=Path(data_dir or SAMPLE_DIR),
        min_employment=min_employment,
        n_simulations=n_simulations,
        missing=missing,
    )
