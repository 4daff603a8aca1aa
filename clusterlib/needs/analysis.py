"""The needs-assessment step for one province, end to end: what notebook 01 shows.

:func:`analyse_needs_assessment` reads and checks the data, computes every table and writes the
findings; the notebook only chooses what to display.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables, messages_in
from clusterlib.i18n import check_language, t
from clusterlib.needs import findings as fx
from clusterlib.needs.context import ProvinceContext, province_context
from clusterlib.needs.findings import THRESHOLDS, write_findings
from clusterlib.needs.inputs import Questionnaire, load_questionnaire, read_survey
from clusterlib.needs.likert import likert_summary, response_rates
from clusterlib.needs.ranking import SEED, compare_clusters, compare_groups, compare_waves, rank_needs
from clusterlib.needs.reliability import block_reliability
from clusterlib.needs.stakeholders import (
    FUNCTIONS,
    actor_function_matrix,
    actor_register,
    function_gaps,
    mendelow_grid,
)
from clusterlib.processed import save_tables
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.resultcache import cached_analysis

__all__ = ["NeedsAssessment", "NeedsFindings", "analyse_needs_assessment"]


@dataclass(frozen=True)
class NeedsFindings:
    """The report's sentences, one named field per section (already in the report's language)."""

    context: str
    actors: str
    grid: str
    firms: str
    response: str
    items: str
    top: str
    by_size: str
    by_stage: str
    by_cluster: str
    reliability: str
    waves: str
    summary: str


@dataclass(frozen=True)
class NeedsAssessment:
    """Everything the needs-assessment report shows for one province and its cluster.

    Tables are tidy and language-free; the ``*_table`` methods give the report's translated views.
    """

    province: Province
    cluster: str
    cluster_name: str
    lang: str
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
    summary: pd.DataFrame
    ranking: pd.DataFrame
    by_size: pd.DataFrame
    by_stage: pd.DataFrame
    by_cluster: pd.DataFrame
    reliability: pd.DataFrame
    response: pd.DataFrame
    waves: pd.DataFrame | None
    needs_map: pd.DataFrame
    findings: NeedsFindings
    notes: tuple[str, ...] = ()
    parameters_: dict = field(default_factory=dict)

    # ------------------------------------------------------------------------------------ labels
    def heading(self, key: str) -> str:
        """Section heading ``key`` (``title``, ``intro``, ``context``, ``actors`` …) in the report's language."""
        return t(f"needs.h.{key}", self.lang, province=self.province.name, cluster=self.cluster_name)

    def block_name(self, block: str) -> str:
        """Name of a need area (block) in the report's language."""
        names = self.questionnaire.blocks.set_index("block")[self.lang]
        return str(names.get(block, block))

    def item_text(self, item: str) -> str:
        """The statement of an item in the report's language."""
        texts = self.questionnaire.items.set_index("item")[f"text_{self.lang}"]
        return str(texts.get(item, item))

    def notes_text(self) -> str:
        """What was read and every data note, as one text (blank-line separated)."""
        counts = self.survey["status"].value_counts()
        read = t(
            "needs.note.read",
            self.lang,
            file=Path(self.parameters_.get("survey_file", "survey.csv")).name,
            layout=self.parameters_.get("layout", ""),
            answers=fx.number(len(self.survey), self.lang),
            valid=fx.number(int(counts.get("valid", 0)), self.lang),
            dont_know=fx.number(int(counts.get("dont_know", 0)), self.lang),
            missing=fx.number(int(counts.get("missing", 0)), self.lang),
        )
        return "\n\n".join([read, *self.notes])

    def notes_table(self) -> pd.DataFrame:
        """What was read and every data note, one per row (for the report's "Data notes")."""
        return pd.DataFrame({self._c("note"): self.notes_text().split("\n\n")})

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

    def summary_text(self) -> str:
        """A short language-free digest of the results (checked by nbval, so changes show in review)."""
        if not self.has_survey:
            survey = f"too few respondents ({self.respondents})" if self.respondents else "no survey"
            return f"{self.province.name} | {self.cluster} | {survey} | gaps: {', '.join(self.gaps) or '-'}"
        top = ", ".join(f"{r.block} {r.share:.3f}" for r in self.ranking.head(3).itertuples(index=False))
        alpha = self.reliability.loc[self.reliability["wave"] == self.wave, "alpha"]
        changed = int(self.waves["significant"].sum()) if self.waves is not None else 0
        return (
            f"{self.province.name} | {self.cluster} | wave {self.wave} | firms {len(self.firms)} | "
            f"respondents {self.survey.loc[self.survey['wave'] == self.wave, 'firm_id'].nunique()} | "
            f"top: {top} | gaps: {', '.join(self.gaps) or '-'} | alpha {alpha.min():.2f}-{alpha.max():.2f} | "
            f"changes beyond noise: {changed}"
        )

    def parameters(self) -> dict:
        """The parameters of the run, for the provenance box."""
        return dict(self.parameters_)

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the step's tables (needs map, item summary, reliability, actor matrix) as CSV.

        See :func:`clusterlib.processed.save_tables` for the folder and file names.
        """
        tables = {
            "needs_map": self.needs_map.assign(actors=self.needs_map["actors"].map(";".join)),
            "items": self.summary,
            "reliability": self.reliability,
            "actor_functions": self.matrix.reset_index(),
        }
        return save_tables("needs_assessment", self.province, tables, processed_dir)

    # ------------------------------------------------------------------------------------ tables
    def _c(self, key: str) -> str:
        return t(f"needs.col.{key}", self.lang)

    def context_table(self) -> pd.DataFrame:
        """The province's official figures beside Türkiye's (values formatted per column)."""
        c = self.context
        lf = c.labour.sort_values("year")
        rows = []
        for indicator in ("employment_rate", "unemployment_rate"):
            for area in ("province", "country"):
                row = lf[(lf["indicator"] == indicator) & (lf["area"] == area)].iloc[-1]
                rows.append(
                    {
                        self._c("indicator"): fx.label("indicator", indicator, self.lang),
                        self._c("year"): int(row["year"]),
                        fx.label("level", "province", self.lang): None,
                        "area": area,
                        "value": row["value"] / 100,
                        "low": row["ci95_low"] / 100,
                        "high": row["ci95_high"] / 100,
                    }
                )
        frame = pd.DataFrame(rows)
        wide = frame.pivot_table(
            index=[self._c("indicator"), self._c("year")], columns="area", values=["value", "low", "high"]
        )
        table = pd.DataFrame(
            {
                self.province.name: wide[("value", "province")].map(lambda v: fx.percent(v, self.lang, 1)),
                f"{self.province.name} · {self._c('interval')}": [
                    f"{fx.percent(lo, self.lang, 1)} – {fx.percent(hi, self.lang, 1)}"
                    for lo, hi in zip(wide[("low", "province")], wide[("high", "province")], strict=True)
                ],
                "Türkiye": wide[("value", "country")].map(lambda v: fx.percent(v, self.lang, 1)),
            }
        )
        return table

    def actor_table(self) -> pd.DataFrame:
        """Register of local actors: name, type, role, responsibilities, district, functions, Mendelow quadrant."""
        lang = self.lang
        grid = self.grid
        return pd.DataFrame(
            {
                self._c("actor"): grid["name"],
                self._c("type"): grid["type"].map(lambda k: fx.label("type", k, lang)),
                self._c("role"): grid[f"role_{lang}"],
                self._c("responsibilities"): grid[f"responsibilities_{lang}"],
                self._c("district"): grid["district"],
                self._c("quadrant"): [
                    fx.label("quadrant", q, lang) + (f" ({t('needs.assumed', lang)})" if a else "")
                    for q, a in zip(grid["quadrant"], grid["scores_assumed"], strict=True)
                ],
            }
        )

    def matrix_table(self) -> pd.DataFrame:
        """Actor × function matrix with ✓, and a last row counting the actors per function (0 = gap)."""
        lang = self.lang
        marks = self.matrix.map(lambda covered: "✓" if covered else "")
        counts = self.matrix.sum(axis=0)
        marks.loc[self._c("covering")] = [
            f"{int(n)} — {t('needs.col.gap', lang).upper()}" if n == 0 else str(int(n)) for n in counts
        ]
        marks.columns = [fx.label("function", f, lang) for f in marks.columns]
        marks.index.name = self._c("actor")
        return marks

    def needs_table(self) -> pd.DataFrame:
        """Needs ranked, with interval, rank range, the matching function, actors and gap."""
        lang = self.lang
        frame = self.needs_map
        return pd.DataFrame(
            {
                self._c("need"): frame["block"].map(self.block_name),
                self._c("share"): frame["share"].map(lambda v: fx.percent(v, lang)),
                self._c("interval"): [
                    f"{fx.percent(lo, lang)} – {fx.percent(hi, lang)}"
                    for lo, hi in zip(frame["low"], frame["high"], strict=True)
                ],
                self._c("rank_range"): [
                    f"{a}–{b}" if a != b else str(a)
                    for a, b in zip(frame["rank_low"], frame["rank_high"], strict=True)
                ],
                self._c("function"): frame["function"].map(lambda f: fx.label("function", f, lang)),
                self._c("actors"): frame["actors"].map(lambda a: ", ".join(a) if a else "—"),
                self._c("gap"): frame["gap"].map(lambda g: t("needs.yes", lang).upper() if g else ""),
            }
        )

    def reliability_table(self) -> pd.DataFrame:
        """Cronbach's alpha per block and wave with the Feldt interval."""
        lang = self.lang
        frame = self.reliability
        return pd.DataFrame(
            {
                self._c("wave"): frame["wave"].astype(int).astype(str),
                self._c("need"): frame["block"].map(self.block_name),
                self._c("items"): frame["items"],
                self._c("respondents"): frame["respondents"],
                self._c("alpha"): frame["alpha"].map(lambda v: "–" if np.isnan(v) else fx.number(v, lang, 2)),
                self._c("interval"): [
                    "–" if np.isnan(lo) else f"{fx.number(lo, lang, 2)} – {fx.number(hi, lang, 2)}"
                    for lo, hi in zip(frame["alpha_low"], frame["alpha_high"], strict=True)
                ],
            }
        )

    def response_table(self) -> pd.DataFrame:
        """Response and missing-answer rates per wave."""
        frame = self.response
        return pd.DataFrame(
            {
                self._c("wave"): frame["wave"].astype(str),
                self._c("eligible"): frame["eligible"],
                self._c("answered"): frame["respondents"],
                self._c("response_rate"): frame["response_rate"].map(lambda v: fx.percent(v, self.lang)),
                self._c("dont_know_rate"): frame["dont_know_rate"].map(lambda v: fx.percent(v, self.lang, 1)),
                self._c("missing_rate"): frame["missing_rate"].map(lambda v: fx.percent(v, self.lang, 1)),
            }
        )

    def item_table(self) -> pd.DataFrame:
        """Per statement of the latest wave: valid N, don't know, blank, top-2-box with interval, median, IQR."""
        lang = self.lang
        frame = self.summary.sort_values(["top2", "item"], ascending=[False, True], ignore_index=True)
        return pd.DataFrame(
            {
                self._c("statement"): frame["item"].map(self.item_text),
                self._c("valid"): frame["n_valid"],
                self._c("dont_know"): frame["n_dont_know"],
                self._c("missing"): frame["n_missing"],
                self._c("share"): frame["top2"].map(lambda v: fx.percent(v, lang)),
                self._c("interval"): [
                    f"{fx.percent(lo, lang)} – {fx.percent(hi, lang)}"
                    for lo, hi in zip(frame["top2_low"], frame["top2_high"], strict=True)
                ],
                self._c("median"): frame["median"].map(lambda v: fx.number(v, lang, 1)),
                self._c("iqr"): [
                    f"{fx.number(a, lang, 1)} – {fx.number(b, lang, 1)}"
                    for a, b in zip(frame["q1"], frame["q3"], strict=True)
                ],
            }
        )

    def waves_table(self) -> pd.DataFrame:
        """Per statement: top-2-box share before and after, adjusted p and the verdict."""
        lang = self.lang
        frame = (
            self.waves
            if self.waves is not None
            else pd.DataFrame(columns=["item", "top2_before", "top2_after", "p_adjusted", "significant"])
        )
        frame = frame.sort_values(["p_adjusted", "item"], ignore_index=True)
        return pd.DataFrame(
            {
                self._c("statement"): frame["item"].map(self.item_text),
                f"{self._c('before')} ({frame.attrs.get('before', '')})": frame["top2_before"].map(
                    lambda v: fx.percent(v, lang)
                ),
                f"{self._c('after')} ({frame.attrs.get('after', '')})": frame["top2_after"].map(
                    lambda v: fx.percent(v, lang)
                ),
                self._c("p_adjusted"): frame["p_adjusted"].map(lambda v: fx.number(v, lang, 3)),
                self._c("verdict"): frame["significant"].map(
                    lambda s: t("needs.verdict.beyond" if s else "needs.verdict.noise", lang)
                ),
            }
        )


def _cluster_of(firms: pd.DataFrame, place: Province, cluster: str | None) -> str | None:
    """The cluster to assess: the one given, else the one of the province's firms (None if none)."""
    if cluster is not None:
        nace.cluster(cluster)  # raises with the list of ids when unknown
        return cluster
    local = firms.loc[firms["plate"].astype(int) == place.plate, "cluster"].dropna().unique().tolist()
    return str(sorted(local)[0]) if local else None


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


@cached_analysis("needs_assessment", language_free=False)  # holds its sentences in ``lang``
def analyse_needs_assessment(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    lang: str = "tr",
    data_dir: str | Path | None = None,
    survey_file: str | Path | None = None,
    mapping_file: str | Path | None = None,
    questionnaire_file: str | Path | None = None,
    wave: int | None = None,
    n_boot: int = 2000,
    seed: int = SEED,
) -> NeedsAssessment:
    """Run the needs assessment of one province and its cluster.

    Parameters
    ----------
    province : str, int or Province
        Any spelling, plate code or NUTS-3 code.
    cluster : str, optional, keyword-only
        Cluster id; default: the cluster of the province's firms in the register.
    lang : {"tr", "en"}
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
        Cronbach's alpha and no change between waves; the findings and data notes say so.  Problems
        and notes of the survey are written in ``lang``.

    Raises
    ------
    DataValidationError
        For bad input data (file, row, column, expected).
    ValueError
        For an unknown cluster, a province without firms, or a wave absent from the survey.
    """
    lang = check_language(lang)
    place = province if isinstance(province, Province) else resolve_province(province)
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    tables = load_tables(directory, tables=["firms", "stakeholders"])
    all_firms = tables["firms"]
    cluster_id = _cluster_of(all_firms, place, cluster)
    if cluster_id is not None:
        record = nace.cluster(cluster_id)
        cluster_name = record.name_tr if lang == "tr" else record.name_en
    else:
        cluster_name = t("needs.no_cluster", lang)
    questionnaire = load_questionnaire(questionnaire_file)
    source = Path(survey_file) if survey_file else directory / "survey.csv"
    with messages_in(lang):  # problems and notes in the report's language
        read = read_survey(
            source,
            mapping=mapping_file,
            questionnaire=questionnaire,
            firms=all_firms,
            cluster=cluster_id if survey_file else None,
        )
    answers = read.answers[read.answers["cluster"] == cluster_id].reset_index(drop=True)
    firms = all_firms[all_firms["cluster"] == cluster_id].reset_index(drop=True)
    reference_year = max(
        int(firms["founded"].max()) if len(firms) else 0, int(answers["wave"].max()) if len(answers) else 0
    )
    firms = firms.assign(age=lambda f: reference_year - f["founded"])
    waves_present = sorted(int(w) for w in answers["wave"].unique())
    if wave is not None and int(wave) not in waves_present:
        raise ValueError(f"'wave' must be one of the survey's waves {waves_present}, got {wave}")
    all_waves = sorted(int(w) for w in read.answers["wave"].unique())
    wave = int(wave) if wave is not None else (waves_present or all_waves or [0])[-1]
    current = answers[answers["wave"] == wave]
    enough = current["firm_id"].nunique() >= THRESHOLDS.min_firms

    register = actor_register(tables["stakeholders"], place.plate, cluster=cluster_id)
    matrix = actor_function_matrix(register)
    gaps = tuple(function_gaps(matrix))
    grid = mendelow_grid(register)

    by_cluster = compare_clusters(read.answers[read.answers["wave"] == wave], n_boot=n_boot, seed=seed)
    if len(current) and enough:
        summary = likert_summary(current)
        ranking = rank_needs(current, unit="block", n_boot=n_boot, seed=seed)
        attributes = firms.set_index("firm_id")
        by_size = compare_groups(current, attributes["size_class"])
        by_stage = compare_groups(current, attributes["stage"])
        reliability = block_reliability(answers, min_respondents=THRESHOLDS.min_firms)
        response = response_rates(answers, firms)
        compared = [w for w in waves_present if answers.loc[answers["wave"] == w, "firm_id"].nunique()
                    >= THRESHOLDS.min_firms]
        waves = compare_waves(answers[answers["wave"].isin(compared)]) if len(compared) > 1 else None
    else:  # no cluster, no answers or too few: context and actors only, the report says what is missing
        summary, ranking, by_size, reliability, response = (
            pd.DataFrame(columns=_EMPTY[k])
            for k in ("summary", "ranking", "groups", "reliability", "response")
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
    notes = list(read.notes)
    if not len(current):
        notes.append(t("needs.finding.no_survey", lang, province=place.name))
    elif not enough:
        n = int(current["firm_id"].nunique())
        notes.append(t("needs.finding.too_few", lang, wave=wave, n=n, min=THRESHOLDS.min_firms))
    assumed = register.loc[register["scores_assumed"], "name"].tolist()
    if assumed:
        notes.append(t("needs.note.scores_assumed", lang, names=", ".join(assumed)))
    assumed_f = register.loc[register["functions_assumed"], "name"].tolist()
    if assumed_f:
        notes.append(t("needs.note.functions_assumed", lang, names=", ".join(assumed_f)))
    thin = reliability["respondents"] < THRESHOLDS.min_firms
    no_alpha = reliability.loc[reliability["alpha"].isna() & ~thin, "block"].unique().tolist()
    if no_alpha:
        notes.append(t("needs.note.alpha_missing", lang, blocks=", ".join(no_alpha)))
    too_few_alpha = reliability.loc[thin & (reliability["items"] >= 2), "block"].unique().tolist()
    if too_few_alpha:
        notes.append(t("needs.note.too_few_alpha", lang, blocks=", ".join(too_few_alpha), min=THRESHOLDS.min_firms))

    assessment = NeedsAssessment(
        province=place,
        cluster=cluster_id,
        cluster_name=cluster_name,
        lang=lang,
        wave=wave,
        data_dir=directory,
        questionnaire=questionnaire,
        context=province_context(place),
        register=register,
        matrix=matrix,
        gaps=gaps,
        grid=grid,
        firms=firms,
        survey=answers,
        summary=summary,
        ranking=ranking,
        by_size=by_size,
        by_stage=by_stage,
        by_cluster=by_cluster,
        reliability=reliability,
        response=response,
        waves=waves,
        needs_map=needs_map,
        findings=NeedsFindings(*([""] * 13)),
        notes=tuple(notes),
        parameters_={
            "province": place.name,
            "cluster": cluster_id,
            "lang": lang,
            "data_dir": str(directory),
            "survey_file": str(source),
            "layout": read.layout,
            "mapping_file": str(mapping_file or ""),
            "wave": wave,
            "n_boot": n_boot,
            "seed": seed,
        },
    )
    return _with_findings(assessment, write_findings(assessment))


def _with_findings(assessment: NeedsAssessment, found: NeedsFindings) -> NeedsAssessment:
    return replace(assessment, findings=found)
