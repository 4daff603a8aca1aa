"""The needs assessment's findings and notes, derived from its tables (numbers and ids only).

:func:`derive_findings` and :func:`derive_notes` are called once by
:func:`~clusterlib.needs.analysis.analyse_needs_assessment`; nothing here is worded in a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from clusterlib.needs.findings import (
    ActorsFinding,
    ClustersFinding,
    ContextFinding,
    FirmsFinding,
    GridFinding,
    GroupsFinding,
    ItemsFinding,
    ReliabilityFinding,
    ResponseFinding,
    SummaryFinding,
    TopFinding,
    WavesFinding,
)
from clusterlib.needs.labels import significant_blocks
from clusterlib.needs.notes import Note, note
from clusterlib.needs.thresholds import THRESHOLDS

if TYPE_CHECKING:
    from clusterlib.needs.analysis import NeedsAssessment

__all__ = ["NeedsFindings", "derive_findings", "derive_notes"]


@dataclass(frozen=True)
class NeedsFindings:
    """The step's findings, one per report section, each with ``.text(lang)``.

    The survey sections (``response`` … ``waves``) are ``None`` when the survey cannot carry them
    (no answers, or fewer than ``THRESHOLDS.min_firms`` answering firms): the report then says once
    why (:attr:`NeedsAssessment.survey_missing`), not in every section.
    """

    context: ContextFinding
    actors: ActorsFinding
    grid: GridFinding
    firms: FirmsFinding | None
    response: ResponseFinding | None
    items: ItemsFinding | None
    top: TopFinding | None
    by_size: GroupsFinding | None
    by_stage: GroupsFinding | None
    by_cluster: ClustersFinding | None
    reliability: ReliabilityFinding | None
    waves: WavesFinding | None
    summary: SummaryFinding


def _context(a: NeedsAssessment) -> ContextFinding:
    from clusterlib.regions import provinces

    c = a.context
    emp, unemp = c.labour_last("employment_rate"), c.labour_last("unemployment_rate")
    table = provinces()
    region = table.loc[table["nuts2"] == a.province.nuts2].sort_values("plate")
    return ContextFinding(
        province=a.province.name,
        population=float(c.population_last),
        pop_year=int(c.population_year),
        first_year=int(c.population["year"].min()),
        pop_rank=int(c.population_rank),
        pop_change=float(c.population_change),
        gdp_year=int(c.gdp_year),
        gdp_usd=float(c.gdp_last("province")),
        gdp_ratio=float(c.gdp_last("province") / c.gdp_last("country")),
        gdp_rank=int(c.gdp_rank),
        region=a.province.nuts2,
        region_provinces=tuple(region["name"]),
        region_usd=float(c.gdp_last("nuts2")),
        ses_rank=int(c.ses_rank),
        lf_year=int(emp["year"]),
        emp=float(emp["value"]) / 100,
        emp_low=float(emp["ci95_low"]) / 100,
        emp_high=float(emp["ci95_high"]) / 100,
        unemp=float(unemp["value"]) / 100,
        tr_emp=float(c.labour_last("employment_rate", "country")["value"]) / 100,
        tr_unemp=float(c.labour_last("unemployment_rate", "country")["value"]) / 100,
        caution=bool(emp["caution"]) or bool(unemp["caution"]),
    )


def _actors(a: NeedsAssessment) -> ActorsFinding:
    counts = a.matrix.sum(axis=0)
    thin = str(counts.idxmin()) if len(a.register) and not a.gaps else None
    return ActorsFinding(
        province=a.province.name,
        cluster=a.cluster_text,
        actors=len(a.register),
        supporting=int(a.register["supports_cluster"].sum()) if len(a.register) else 0,
        gaps=a.gaps,
        thin=thin,
        thin_actors=int(counts[thin]) if thin is not None else 0,
    )


def _firms(a: NeedsAssessment) -> FirmsFinding | None:
    firms = a.firms
    if firms.empty:
        return None
    sizes = firms["size_class"].value_counts()
    stages = firms["stage"].value_counts()
    return FirmsFinding(
        cluster=a.cluster_text,
        firms=len(firms),
        sizes=tuple((s, int(sizes[s])) for s in ("micro", "small", "medium", "large") if sizes.get(s, 0)),
        age=float(firms["age"].median()),
        exporters=float((firms["export_share"] > 0).mean()),
        stage=str(stages.index[0]),
        stage_firms=int(stages.iloc[0]),
    )


def _response(a: NeedsAssessment) -> ResponseFinding | None:
    rows = a.response[a.response["wave"] == a.wave]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return ResponseFinding(
        wave=a.wave,
        eligible=int(row["eligible"]),
        respondents=int(row["respondents"]),
        rate=float(row["response_rate"]),
        dont_know=float(row["dont_know_rate"]),
        missing=float(row["missing_rate"]),
    )


def _groups(a: NeedsAssessment, tests: pd.DataFrame, by: str) -> GroupsFinding:
    return GroupsFinding(
        by=by, blocks=tuple(a.block_text(b) for b in significant_blocks(tests)), level=THRESHOLDS.significance
    )


def _clusters(a: NeedsAssessment) -> ClustersFinding:
    table = a.by_cluster
    others = table[table["cluster"] != a.cluster]
    if others.empty:
        return ClustersFinding(0, a.cluster_text, None, float("nan"), float("nan"))
    own = table[table["cluster"] == a.cluster].set_index("block")["share"]
    median = others.groupby("block")["share"].median()
    block = (own - median).dropna().idxmax()
    return ClustersFinding(
        others=int(others["cluster"].nunique()),
        cluster=a.cluster_text,
        block=a.block_text(block),
        share=float(own[block]),
        median=float(median[block]),
    )


def _reliability(a: NeedsAssessment) -> ReliabilityFinding:
    current = a.reliability[a.reliability["wave"] == a.wave].dropna(subset=["alpha"])
    if current.empty:
        blocks = tuple(a.block_text(b) for b in a.reliability["block"].unique())
        return ReliabilityFinding(0, 0, THRESHOLDS.alpha_acceptable, None, float("nan"), (), blocks)
    ok = current["alpha"] >= THRESHOLDS.alpha_acceptable
    lowest = current.loc[current["alpha"].idxmin()]
    return ReliabilityFinding(
        areas=len(current),
        acceptable=int(ok.sum()),
        threshold=THRESHOLDS.alpha_acceptable,
        lowest=a.block_text(lowest["block"]),
        low=float(lowest["alpha"]),
        weak=tuple(a.block_text(b) for b in current.loc[~ok, "block"]),
    )


def _waves(a: NeedsAssessment) -> WavesFinding:
    if a.waves is None:
        return WavesFinding(None, None, (), 0, THRESHOLDS.significance)
    w = a.waves
    changed = w[w["significant"]].sort_values("change")
    return WavesFinding(
        before=int(w.attrs["before"]),
        after=int(w.attrs["after"]),
        changed=tuple(
            (a.item_text(r.item), float(r.top2_before), float(r.top2_after)) for r in changed.itertuples(index=False)
        ),
        unchanged=len(w) - len(changed),
        level=THRESHOLDS.significance,
    )


def _summary(a: NeedsAssessment) -> SummaryFinding:
    if not a.has_survey:
        return SummaryFinding((), a.gaps, survey=False)
    top = a.needs_map.head(THRESHOLDS.top)
    return SummaryFinding(
        needs=tuple(
            (a.block_text(r.block), float(r.share), str(r.function), tuple(r.actors))
            for r in top.itertuples(index=False)
        ),
        gaps=a.gaps,
    )


def derive_findings(a: NeedsAssessment) -> NeedsFindings:
    """Every finding of an assessment (its tables must be complete)."""
    survey = a.has_survey
    if survey:
        ordered = a.items.sort_values(["top2", "item"], ascending=[False, True])
        best, worst = ordered.iloc[0], ordered.iloc[-1]
        top = a.ranking.head(THRESHOLDS.top)
        items = ItemsFinding(a.item_text(best["item"]), float(best["top2"]), a.item_text(worst["item"]),
                             float(worst["top2"]))  # fmt: skip
        top_finding = TopFinding(
            wave=a.wave,
            needs=tuple((a.block_text(r.block), r.share, r.low, r.high) for r in top.itertuples(index=False)),
            p_top=float(top.iloc[0]["p_top3"]),
            n_boot=a.n_boot,
        )
    return NeedsFindings(
        context=_context(a),
        actors=_actors(a),
        grid=GridFinding(
            close=tuple(a.grid.loc[a.grid["quadrant"] == "manage_closely", "name"]),
            assumed=int(a.grid["scores_assumed"].sum()),
        ),
        firms=_firms(a),
        response=_response(a),
        items=items if survey else None,
        top=top_finding if survey else None,
        by_size=_groups(a, a.by_size, "size") if survey else None,
        by_stage=_groups(a, a.by_stage, "stage") if survey else None,
        by_cluster=_clusters(a) if survey and not a.by_cluster.empty else None,
        reliability=_reliability(a) if survey else None,
        waves=_waves(a) if survey else None,
        summary=_summary(a),
    )


def derive_notes(a: NeedsAssessment, read_notes: tuple[Note, ...]) -> tuple[Note, ...]:
    """The data notes: what the reader noted, then default scores and functions, missing alphas."""
    notes = list(read_notes)
    register = a.register
    assumed = register.loc[register["scores_assumed"], "name"].tolist()
    if assumed:
        notes.append(note("needs.note.scores_assumed", names=assumed))
    assumed_f = register.loc[register["functions_assumed"], "name"].tolist()
    if assumed_f:
        notes.append(note("needs.note.functions_assumed", names=assumed_f))
    rel = a.reliability
    thin = rel["respondents"] < THRESHOLDS.min_firms
    no_alpha = [a.block_text(b) for b in rel.loc[rel["alpha"].isna() & ~thin, "block"].unique()]
    if no_alpha:
        notes.append(note("needs.note.alpha_missing", blocks=no_alpha))
    few = [a.block_text(b) for b in rel.loc[thin & (rel["items"] >= 2), "block"].unique()]
    if few:
        notes.append(note("needs.note.too_few_alpha", blocks=few, min=THRESHOLDS.min_firms))
    return tuple(notes)

