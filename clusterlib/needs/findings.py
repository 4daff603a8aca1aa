"""Plain-language findings of the needs assessment: numbers first, sentences at the end.

Each finding is a small frozen dataclass of numbers, ids and names held in both languages
(:class:`~clusterlib.needs.labels.Text`), built by :mod:`clusterlib.needs.sections` from the step's
tables; its :meth:`text` method writes the sentence in Turkish or English from the catalogue, with
the language's number formats and suffixes.  Thresholds come from :data:`THRESHOLDS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterlib.i18n import t
from clusterlib.needs.labels import Text, label, lower, name_in_sentence
from clusterlib.needs.thresholds import THRESHOLDS, Thresholds

__all__ = [
    "THRESHOLDS",
    "ActorsFinding",
    "ClustersFinding",
    "ContextFinding",
    "FirmsFinding",
    "GridFinding",
    "GroupsFinding",
    "ItemsFinding",
    "ReliabilityFinding",
    "ResponseFinding",
    "SummaryFinding",
    "Thresholds",
    "TopFinding",
    "WavesFinding",
    "label",
]

_SIZES = ("micro", "small", "medium", "large")


def _functions(ids: tuple[str, ...], lang: str) -> list[str]:
    return [name_in_sentence(label("function", f, lang), lang) for f in ids]


@dataclass(frozen=True)
class ContextFinding:
    """The province in official figures (TÜİK): population, GDP per capita, SES rank, labour force.

    Rates are fractions (0.487 for 48.7 %); ``region_provinces`` are the provinces of the NUTS-2 region.
    """

    province: str
    population: float
    pop_year: int
    first_year: int
    pop_rank: int
    pop_change: float
    gdp_year: int
    gdp_usd: float
    gdp_ratio: float
    gdp_rank: int
    region: str
    region_provinces: tuple[str, ...]
    region_usd: float
    ses_rank: int
    lf_year: int
    emp: float
    emp_low: float
    emp_high: float
    unemp: float
    tr_emp: float
    tr_unemp: float
    caution: bool

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        fields = {k: v for k, v in self.__dict__.items() if k not in ("caution", "region_provinces")}
        text = t("needs.finding.context", lang, provinces=list(self.region_provinces), **fields)
        return text + (t("needs.finding.lf_caution", lang) if self.caution else "")


@dataclass(frozen=True)
class ActorsFinding:
    """How many local actors, how many support the cluster, the functions no one covers (or the thinnest)."""

    province: str
    cluster: Text
    actors: int
    supporting: int
    gaps: tuple[str, ...]
    thin: str | None
    thin_actors: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if not self.actors:
            return t("needs.finding.actors_none", lang, province=self.province)
        fields = {"province": self.province, "n": self.actors, "k": self.supporting, "cluster": self.cluster(lang)}
        if self.gaps:
            key = "needs.finding.actors_one_gap" if len(self.gaps) == 1 else "needs.finding.actors"
            return t(key, lang, gaps=_functions(self.gaps, lang), **fields)
        return t(
            "needs.finding.actors_nogap",
            lang,
            thin=name_in_sentence(label("function", str(self.thin), lang), lang),
            thin_n=self.thin_actors,
            **fields,
        )


@dataclass(frozen=True)
class GridFinding:
    """The actors to manage closely (Mendelow) and how many were scored by default."""

    close: tuple[str, ...]
    assumed: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        assumed = t("needs.finding.grid_assumed", lang, m=self.assumed) if self.assumed else ""
        close = list(self.close) if self.close else ["—"]
        return t("needs.finding.grid", lang, close=close, assumed=assumed).strip()


@dataclass(frozen=True)
class FirmsFinding:
    """The cluster's firms: count by size class, median age, share exporting, largest stage."""

    cluster: Text
    firms: int
    sizes: tuple[tuple[str, int], ...]
    age: float
    exporters: float
    stage: str
    stage_firms: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        from clusterlib.i18n import join_list

        sizes = join_list(
            [f"{n} {lower(label('size', s, lang).split(' (')[0], lang)}" for s, n in self.sizes], lang
        )
        return t(
            "needs.finding.firms",
            lang,
            cluster=self.cluster(lang),
            n=self.firms,
            sizes=sizes,
            age=self.age,
            exporters=self.exporters,
            stage=label("stage", self.stage, lang),
            stage_n=self.stage_firms,
        )


@dataclass(frozen=True)
class ResponseFinding:
    """Response rate and the shares of "don't know" and blank answers in the ranked wave."""

    wave: int
    eligible: int
    respondents: int
    rate: float
    dont_know: float
    missing: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "needs.finding.response",
            lang,
            wave=self.wave,
            eligible=self.eligible,
            respondents=self.respondents,
            rate=self.rate,
            dk=self.dont_know,
            missing=self.missing,
        )


@dataclass(frozen=True)
class ItemsFinding:
    """The statements most and least agreed with (top-2-box share)."""

    best: Text
    best_share: float
    worst: Text
    worst_share: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(
            "needs.finding.items",
            lang,
            best=self.best(lang),
            best_share=self.best_share,
            worst=self.worst(lang),
            worst_share=self.worst_share,
        )


@dataclass(frozen=True)
class TopFinding:
    """The top needs with their intervals, and how often the first stays in the top three."""

    wave: int
    needs: tuple[tuple[Text, float, float, float], ...]
    p_top: float
    n_boot: int

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        parts = [
            t("needs.finding.need_item", lang, name=name(lang), share=share, low=low, high=high)
            for name, share, low, high in self.needs
        ]
        key = "needs.finding.top_always" if self.p_top >= 1 else "needs.finding.top"
        return t(
            key, lang, wave=self.wave, needs=parts, first=self.needs[0][0](lang), p_top=self.p_top, n_boot=self.n_boot
        )


@dataclass(frozen=True)
class GroupsFinding:
    """The need areas whose answers differ by firm size (``by="size"``) or value-chain stage."""

    by: str
    blocks: tuple[Text, ...]
    level: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        by = t(f"needs.by.{self.by}", lang)
        if not self.blocks:
            return t("needs.finding.groups_none", lang, by=by, level=self.level)
        key = "needs.finding.groups_one" if len(self.blocks) == 1 else "needs.finding.groups"
        return t(key, lang, by=by, blocks=[b(lang) for b in self.blocks], level=self.level)


@dataclass(frozen=True)
class ClustersFinding:
    """The need area where the cluster stands out most from the other clusters' median (``None``: no other)."""

    others: int
    cluster: Text
    block: Text | None
    share: float
    median: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if self.block is None:
            return t("needs.finding.clusters_none", lang)
        return t(
            "needs.finding.clusters",
            lang,
            n=self.others,
            cluster=self.cluster(lang),
            block=self.block(lang),
            share=self.share,
            others=self.median,
        )


@dataclass(frozen=True)
class ReliabilityFinding:
    """How many areas reach the alpha threshold, the lowest alpha, the areas below the threshold."""

    areas: int
    acceptable: int
    threshold: float
    lowest: Text | None
    low: float
    weak: tuple[Text, ...]
    missing: tuple[Text, ...] = ()

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if self.lowest is None:
            return t("needs.note.alpha_missing", lang, blocks=[b(lang) for b in self.missing])
        weak = t("needs.finding.reliability_weak", lang, blocks=[b(lang) for b in self.weak]) if self.weak else ""
        key = "needs.finding.reliability_all" if self.acceptable == self.areas else "needs.finding.reliability"
        return t(
            key,
            lang,
            k=self.areas,
            ok=self.acceptable,
            threshold=self.threshold,
            low_block=self.lowest(lang),
            low=self.low,
            weak=weak,
        )


@dataclass(frozen=True)
class WavesFinding:
    """Statements whose agreement changed significantly between two waves (``before is None``: one wave)."""

    before: int | None
    after: int | None
    changed: tuple[tuple[Text, float, float], ...]
    unchanged: int
    level: float

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        if self.before is None:
            return t("needs.finding.waves_single", lang)
        fields = {"before": self.before, "after": self.after, "level": self.level}
        if not self.changed:
            return t("needs.finding.waves_none", lang, **fields)
        items = [
            t("needs.finding.wave_item", lang, item=item(lang), before=lo, after=hi) for item, lo, hi in self.changed
        ]
        key = "needs.finding.waves_one" if len(self.changed) == 1 else "needs.finding.waves"
        return t(key, lang, n=len(self.changed), items="; ".join(items), m=self.unchanged, **fields)


@dataclass(frozen=True)
class SummaryFinding:
    """Need → who could meet it → gaps, for the top needs (one sentence per need, no line breaks).

    ``needs``: (need name, share, function id, local actors); ``survey``: False when there is no
    ranking (then only the functions no local actor covers, ``gaps``, are named).
    """

    needs: tuple[tuple[Text, float, str, tuple[str, ...]], ...]
    gaps: tuple[str, ...]
    survey: bool = True

    def text(self, lang: str) -> str:
        """The sentences in ``lang``."""
        if not self.survey:
            return t("needs.finding.summary_nosurvey", lang, gaps=_functions(self.gaps, lang) or ["—"])
        lines = [
            t(
                "needs.finding.summary_line" if actors else "needs.finding.summary_line_gap",
                lang,
                need=need(lang),
                share=share,
                function=name_in_sentence(label("function", function, lang), lang),
                actors=list(actors),
            )
            for need, share, function, actors in self.needs
        ]
        text = t("needs.finding.summary", lang, lines="; ".join(lines))
        uncovered = [(need, function) for need, _, function, actors in self.needs if not actors]
        if not uncovered:
            return f"{text} {t('needs.finding.summary_nogaps', lang)}"
        key = "needs.finding.summary_gap_one" if len(uncovered) == 1 else "needs.finding.summary_gaps"
        closing = t(
            key,
            lang,
            needs=[need(lang) for need, _ in uncovered],
            functions=_functions(tuple(dict.fromkeys(f for _, f in uncovered)), lang),
        )
        return f"{text} {closing}"
