"""The needs-assessment step for one province, end to end: the numbers the report shows.

:func:`analyse_needs_assessment` reads and checks the data, computes every table and derives the
findings, all language-free; the result, a frozen :class:`NeedsAssessment`, is then presented in
Turkish or English (:meth:`NeedsAssessment.present`, :mod:`clusterlib.needs.presentation`) without
recomputing a number.  The notebook ``01_needs_assessment`` only chooses what to display.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from clusterlib.i18n import DEFAULT_LANGUAGE
from clusterlib.needs.clustersurvey import cluster_survey
from clusterlib.needs.context import ProvinceContext, province_context
from clusterlib.needs.derive import NeedsFindings, derive_findings, derive_notes
from clusterlib.needs.labels import Text, cluster_name
from clusterlib.needs.likert import likert_summary, response_rates
from clusterlib.needs.memo import compare_clusters_once
from clusterlib.needs.notes import Note, note
from clusterlib.needs.questionnaire import Questionnaire
from clusterlib.needs.ranking import SEED, compare_groups, compare_waves, rank_needs
from clusterlib.needs.reliability import block_reliability
from clusterlib.needs.stakeholders import (
    FUNCTIONS,
    actor_function_matrix,
    actor_register,
    function_gaps,
    mendelow_grid,
)
from clusterlib.needs.thresholds import THRESHOLDS
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.resultcache import cached_analysis

if TYPE_CHECKING:
    from clusterlib.needs.presentation import NeedsReport

__all__ = ["NeedsAssessment", "NeedsFindings", "analyse_needs_assessment"]


@dataclass(frozen=True, eq=False)
class NeedsAssessment:
    """Everything the needs-assessment report shows for one province and its cluster, language-free.

    Attributes
    ----------
    province : Province
    cluster : str or None
        Cluster id (``None``: the province's firms belong to no cluster of the register).
    wave : int
        The survey wave ranked (the latest by default).
    questionnaire : Questionnaire
        Items, blocks (need areas) and answer scale, with their Turkish and English texts.
    context : ProvinceContext
        Official figures of the province (TÜİK).
    register, matrix, gaps, grid
        Local actors, actor × function matrix, functions no actor covers, Mendelow grid.
    firms, survey
        The cluster's firms (with ``age``) and its survey answers (long form, every wave).
    items, ranking, by_size, by_stage, by_cluster, reliability, response, waves, needs_map
        The survey's tables (``items``: :func:`likert_summary` of the ranked wave); empty, ``waves``
        ``None``, when there is no survey or too few firms.
    findings : NeedsFindings
        Typed findings (``.text(lang)``).
    notes : tuple of Note
        Data notes (``.text(lang)``): what the reader repaired, default scores, missing alphas.
    """

    province: Province
    cluster: str | None
    wave: int
    data_dir: Path
    questionnaire: Questionnaire
    context: ProvinceContext
    register: pd.DataFrame
    matrix: pd.DataFrame
    gaps: tuple[str, ...]
    grid: pd.DataFrame
    firms: pd.DataFrame
    survey: pd.DataFrame
    items: pd.DataFrame
    ranking: pd.DataFrame
    by_size: pd.DataFrame
    by_stage: pd.DataFrame
    by_cluster: pd.DataFrame
    reliability: pd.DataFrame
    response: pd.DataFrame
    waves: pd.DataFrame | None
    needs_map: pd.DataFrame
    findings: NeedsFindings | None = None
    notes: tuple[Note, ...] = ()
    survey_file: Path | None = None
    layout: str = "long"
    mapping_file: Path | None = None
    n_boot: int = 2000
    seed: int = SEED

    # --------------------------------------------------------------------------------- names
    @property
    def cluster_text(self) -> Text:
        """The cluster's name in both languages."""
        return Text(cluster_name(self.cluster, "tr"), cluster_name(self.cluster, "en"))

    def block_text(self, block: str) -> Text:
        """Name of a need area (block) in both languages (the id itself for an unknown block)."""
        return self.questionnaire.block_text(block)

    def item_text(self, item: str) -> Text:
        """The statement of an item in both languages (the id itself for an unknown item)."""
        return self.questionnaire.item_text(item)

    # --------------------------------------------------------------------------------- state
    @property
    def has_survey(self) -> bool:
        """True when enough of the cluster's firms answered the survey in :attr:`wave` for a ranking
        (``THRESHOLDS.min_firms``)."""
        return len(self.ranking) > 0

    @property
    def respondents(self) -> int:
        """How many of the cluster's firms answered in :attr:`wave` (0 without survey)."""
        if self.survey.empty:
            return 0
        return int(self.survey.loc[self.survey["wave"] == self.wave, "firm_id"].nunique())

    @property
    def survey_missing(self) -> Note | None:
        """Why the survey sections are empty (no answers, or too few firms), ``None`` when they are not."""
        if self.has_survey:
            return None
        if self.respondents:
            return note("needs.finding.too_few", wave=self.wave, n=self.respondents, min=THRESHOLDS.min_firms)
        return note("needs.finding.no_survey", province=self.province.name)

    @property
    def read_note(self) -> Note:
        """What was read: answers of the cluster's firms, valid, "don't know" and blank."""
        counts = self.survey["status"].value_counts()
        return note(
            "needs.note.read",
            answers=len(self.survey),
            valid=int(counts.get("valid", 0)),
            dont_know=int(counts.get("dont_know", 0)),
            missing=int(counts.get("missing", 0)),
        )

    # --------------------------------------------------------------------------------- outputs
    def summary(self) -> str:
        """A short language-free digest of the results (checked by nbval, so changes show in review).

        Examples
        --------
        >>> analyse_needs_assessment("Hakkari", n_boot=100).summary().split(" | ")[:3]
        ['Hakkari', 'None', 'no survey']
        """
        if not self.has_survey:
            survey = f"too few respondents ({self.respondents})" if self.respondents else "no survey"
            return f"{self.province.name} | {self.cluster} | {survey} | gaps: {', '.join(self.gaps) or '-'}"
        top = ", ".join(f"{r.block} {r.share:.3f}" for r in self.ranking.head(3).itertuples(index=False))
        alpha = self.reliability.loc[self.reliability["wave"] == self.wave, "alpha"]
        changed = int(self.waves["significant"].sum()) if self.waves is not None else 0
        return (
            f"{self.province.name} | {self.cluster} | wave {self.wave} | firms {len(self.firms)} | "
            f"respondents {self.respondents} | "
            f"top: {top} | gaps: {', '.join(self.gaps) or '-'} | alpha {alpha.min():.2f}-{alpha.max():.2f} | "
            f"changes beyond noise: {changed}"
        )

    def parameters(self) -> dict[str, object]:
        """The settings of this analysis, for the provenance box."""
        return {
            "province": self.province.name,
            "cluster": self.cluster,
            "data_dir": str(self.data_dir),
            "survey_file": str(self.survey_file or ""),
            "layout": self.layout,
            "mapping_file": str(self.mapping_file or ""),
            "wave": self.wave,
            "n_boot": self.n_boot,
            "seed": self.seed,
        }

    def present(self, lang: str) -> NeedsReport:
        """This analysis in ``lang``: sentences, labels and number formats, no number recomputed."""
        from clusterlib.needs.presentation import present

        return present(self, lang)

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the step's tables (needs map, item summary, reliability, actor matrix) as CSV, atomically.

        See :func:`clusterlib.processed.save_tables` for the folder and file names.
        """
        tables = {
            "needs_map": self.needs_map.assign(actors=self.needs_map["actors"].map(";".join)),
            "items": self.items,
            "reliability": self.reliability,
            "actor_functions": self.matrix.reset_index(),
        }
        return save_tables("needs_assessment", self.province, tables, processed_dir)


#: Columns of the survey tables, so that a province without survey answers gets empty tables of the
#: same shape (the report then shows its context and actors and says the survey is missing).
_EMPTY = {
    "summary": ["block", "item", "n_asked", "n_valid", "n_dont_know", "n_missing",
                *[f"share_{c}" for c in range(1, 6)], "top2", "top2_low", "top2_high", "mean", "median", "q1", "q3"],
    "ranking": ["block", "share", "low", "high", "rank", "rank_low", "rank_high", "p_top3", "firms", "answers"],
    "groups": ["block", "group", "firms", "share", "p", "p_adjusted", "significant", "within_noise"],
    "reliability": ["wave", "block", "items", "respondents", "alpha", "alpha_low", "alpha_high"],
    "response": ["wave", "eligible", "respondents", "response_rate", "answers", "valid", "dont_know", "missing",
                 "dont_know_rate", "missing_rate"],
}  # fmt: skip


@cached_analysis("needs_assessment")  # language-free: one result for every language
def analyse_needs_assessment(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    data_dir: str | Path | None = None,
    survey_file: str | Path | None = None,
    mapping_file: str | Path | None = None,
    questionnaire_file: str | Path | None = None,
    wave: int | None = None,
    n_boot: int = 2000,
    seed: int = SEED,
) -> NeedsAssessment:
    """Run the needs assessment of one province and its cluster (language-free).

    Parameters
    ----------
    province : str, int or Province
        Any spelling, plate code or NUTS-3 code.
    cluster : str, optional, keyword-only
        Cluster id; default: the cluster of the province's firms in the register.
    lang : {"tr", "en"}, default "tr"
        Language of the error messages only: the result is the same in every language (present it
        with :meth:`NeedsAssessment.present`).
    data_dir : path, optional
        Folder with ``firms``, ``stakeholders`` and ``survey`` tables; default the bundled sample.
    survey_file, mapping_file : path, optional
        A survey export (Google Forms, KoboToolbox, LimeSurvey, CSV/XLSX) and its YAML mapping,
        instead of ``<data_dir>/survey.csv``.
    questionnaire_file : path, optional
        Items, blocks and answer scale (default: the workbench's questionnaire).
    wave : int, optional
        The wave to rank (default: the latest).
    n_boot, seed : int
        Bootstrap replicates and seed.

    Returns
    -------
    NeedsAssessment
        With fewer than ``THRESHOLDS.min_firms`` answering firms in the wave there is no ranking, no
        Cronbach's alpha and no change between waves; :attr:`NeedsAssessment.survey_missing` says why.

    Raises
    ------
    DataValidationError
        For bad input data (file, row, column, expected), in ``lang``.
    ValueError
        For an unknown cluster, a province without firms, or a wave absent from the survey.
    """
    inputs = cluster_survey(  # the cluster, its firms and answers, the wave (also the workbench's survey view)
        province,
        cluster=cluster,
        lang=lang,
        data_dir=data_dir,
        survey_file=survey_file,
        mapping_file=mapping_file,
        questionnaire_file=questionnaire_file,
        wave=wave,
    )
    place, cluster_id, wave, questionnaire = inputs.province, inputs.cluster, inputs.wave, inputs.questionnaire
    read, tables, directory, source = inputs.read, inputs.tables, inputs.data_dir, inputs.survey_file
    answers, firms = inputs.survey, inputs.firms
    waves_present = sorted(int(w) for w in answers["wave"].unique())
    current = answers[answers["wave"] == wave]
    enough = current["firm_id"].nunique() >= THRESHOLDS.min_firms

    register = actor_register(tables["stakeholders"], place.plate, cluster=cluster_id)
    matrix = actor_function_matrix(register)

    by_cluster = compare_clusters_once(read.answers[read.answers["wave"] == wave], n_boot=n_boot, seed=seed)
    if len(current) and enough:
        summary = likert_summary(current)
        ranking = rank_needs(current, unit="block", n_boot=n_boot, seed=seed)
        attributes = firms.set_index("firm_id")
        by_size = compare_groups(current, attributes["size_class"])
        by_stage = compare_groups(current, attributes["stage"])
        reliability = block_reliability(answers, min_respondents=THRESHOLDS.min_firms)
        response = response_rates(answers, firms)
        compared = [w for w in waves_present if answers.loc[answers["wave"] == w, "firm_id"].nunique()
                    >= THRESHOLDS.min_firms]  # fmt: skip
        waves = compare_waves(answers[answers["wave"].isin(compared)]) if len(compared) > 1 else None
    else:  # no cluster, no answers or too few: context and actors only, the report says what is missing
        summary, ranking, by_size, reliability, response = (
            pd.DataFrame(columns=_EMPTY[k]) for k in ("summary", "ranking", "groups", "reliability", "response")
        )
        by_stage, waves = by_size.copy(), None
        if len(current):
            response = response_rates(answers, firms)

    functions = questionnaire.blocks.set_index("block")["function"]
    covering = {f: matrix.index[matrix[f]].tolist() for f in FUNCTIONS}
    needs_map = ranking.assign(
        function=ranking["block"].map(functions),
        actors=lambda r: r["function"].map(lambda f: tuple(covering.get(f, []))),
        gap=lambda r: r["actors"].map(len).eq(0),
    )
    assessment = NeedsAssessment(
        province=place,
        cluster=cluster_id,
        wave=wave,
        data_dir=directory,
        questionnaire=questionnaire,
        context=province_context(place),
        register=register,
        matrix=matrix,
        gaps=tuple(function_gaps(matrix)),
        grid=mendelow_grid(register),
        firms=firms,
        survey=answers,
        items=summary,
        ranking=ranking,
        by_size=by_size,
        by_stage=by_stage,
        by_cluster=by_cluster,
        reliability=reliability,
        response=response,
        waves=waves,
        needs_map=needs_map,
        survey_file=source,
        layout=read.layout,
        mapping_file=Path(mapping_file) if mapping_file else None,
        n_boot=n_boot,
        seed=seed,
    )
    return replace(assessment, findings=derive_findings(assessment), notes=derive_notes(assessment, read.notes))
