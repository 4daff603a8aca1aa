"""Plain-language findings of the value-chain step: numbers first, sentences at the end.

Each finding is a small frozen dataclass of numbers, stage ids, NACE codes and firm names
(language-free); its :meth:`text` method writes the sentence in Turkish or English from the i18n
catalogue (``resources/strings/valuechain.findings.yaml``) with the number formats and suffixes of
the language.  Thresholds come from :mod:`clusterlib.valuechain.thresholds`.

Firm names of the bundled sample are invented: a finding that names firms built from the sample
(``synthetic=True``) says so in the same sentence, so that a quoted sentence carries its mark.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from clusterlib import nace
from clusterlib.i18n import t
from clusterlib.valuechain.brokerage import ROLES
from clusterlib.valuechain.coreperiphery import CorePeriphery
from clusterlib.valuechain.inputs import Note
from clusterlib.valuechain.network import NetworkSummary
from clusterlib.valuechain.thresholds import THRESHOLDS

__all__ = [
    "CentralFinding",
    "ChainFinding",
    "CoreFinding",
    "DependenceFinding",
    "LocalFinding",
    "NetworkFinding",
    "NoInterviewsFinding",
    "NotesFinding",
    "VerticalFinding",
    "network_findings",
    "sector_label",
    "short_name",
    "stage_name",
    "tidy",
]

_LEGAL_FORMS = (
    " San. ve Tic. A.Ş.",
    " San. ve Tic. Ltd. Şti.",
    " Hiz. Ltd. Şti.",
    " Hiz. A.Ş.",
    " A.Ş.",
    " Ltd. Şti.",
)


def short_name(name: object, width: int = 26) -> str:
    """A firm's name without its legal form, cut to ``width`` characters (for labels and tables).

    Examples
    --------
    >>> short_name("Atlas Gemi İnşa San. ve Tic. A.Ş.")
    'Atlas Gemi İnşa'
    """
    text = str(name)
    for tail in _LEGAL_FORMS:
        if text.endswith(tail):
            text = text[: -len(tail)]
            break
    return text if len(text) <= width else text[: width - 1] + "…"


def tidy(text: str) -> str:
    """Drop the second full stop where a name ending in one (``A.Ş.``) ends a sentence.

    Examples
    --------
    >>> tidy("Broker: Kale A.Ş.. Next")
    'Broker: Kale A.Ş. Next'
    """
    return re.sub(r"\.\.(?=\s|$|;)", ".", text)


def stage_name(stage: str, lang: str) -> str:
    """A value-chain stage (or ``outside`` / ``local_other``) in words.

    Examples
    --------
    >>> stage_name("inputs", "tr"), stage_name("outside", "en")
    ('girdi ve parça üreticileri', 'partners outside the province')
    """
    return t(f"valuechain.stage.{stage}", lang)


def sector_label(section: str, lang: str) -> str:
    """An input-output section with its name: ``"C Manufacturing"``.

    Examples
    --------
    >>> sector_label("C", "en")
    'C Manufacturing'
    """
    return f"{section} {nace.name(section, lang=lang)}"


def _with_mark(text: str, synthetic: bool, lang: str) -> str:
    """The sentence, with the synthetic mark of the firm names it quotes when they are invented."""
    text = tidy(text)
    return f"{text} {t('valuechain.finding.invented_names', lang)}" if synthetic else text


def _missing(value: float) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# -------------------------------------------------------------------------------------- network
@dataclass(frozen=True)
class NoInterviewsFinding:
    """The province has no firm interviews: said once, where the map would be."""

    def text(self, lang: str) -> str:
        return t("valuechain.finding.no_interviews", lang)


@dataclass(frozen=True)
class NetworkFinding:
    """Size, density and fragmentation of the network.

    ``respondents`` is the number of firms whose interview answers are in the relations (the firms
    that reported a tie); ``isolates`` the register firms with no recorded tie: none of them is a
    respondent and no respondent named them, so their ties are unknown (not "none").
    """

    firms: int
    partners: int
    ties: int
    density: float
    components: int
    largest: int
    isolates: int
    respondents: int

    @property
    def word(self) -> str:
        """``sparse``, ``moderate`` or ``dense`` (:class:`~clusterlib.valuechain.thresholds.Thresholds`)."""
        if self.density < THRESHOLDS.sparse_density:
            return "sparse"
        return "dense" if self.density >= THRESHOLDS.dense_density else "moderate"

    def text(self, lang: str) -> str:
        main = t(
            "valuechain.finding.network",
            lang,
            firms=self.firms,
            partners=self.partners,
            ties=self.ties,
            word=t(f"valuechain.density.{self.word}", lang),
            density=self.density,
            components=self.components,
            largest=self.largest,
            respondents=self.respondents,
        )
        if not self.isolates:
            return main
        return f"{main} {t('valuechain.finding.isolates', lang, isolates=self.isolates)}"


@dataclass(frozen=True)
class CentralFinding:
    """The hubs (names) and the strongest broker; ``ties == 0``: nothing to call central."""

    ties: int
    hubs: tuple[str, ...]
    broker: str | None
    pairs: int
    role: str
    synthetic: bool

    def text(self, lang: str) -> str:
        if self.ties == 0:
            return t("valuechain.finding.no_ties", lang)
        if self.broker is None or self.pairs == 0:
            return _with_mark(
                t("valuechain.finding.central_no_broker", lang, hubs=list(self.hubs)), self.synthetic, lang
            )
        text = t(
            "valuechain.finding.central",
            lang,
            hubs=list(self.hubs),
            broker=self.broker,
            pairs=self.pairs,
            role=t(f"valuechain.role.{self.role}", lang),
            explained=t(f"valuechain.role_explained.{self.role}", lang),
        )
        return _with_mark(text, self.synthetic, lang)


@dataclass(frozen=True)
class DependenceFinding:
    """If ``firm`` left, ``customers`` firms would lose their only local customer (``None``: no such firm)."""

    firm: str | None
    customers: int
    suppliers: int
    synthetic: bool

    def text(self, lang: str) -> str:
        if self.firm is None:
            return t("valuechain.finding.dependence_none", lang)
        text = t(
            "valuechain.finding.dependence",
            lang,
            firm=self.firm,
            customers=self.customers,
            suppliers=self.suppliers,
        )
        return _with_mark(text, self.synthetic, lang)


@dataclass(frozen=True)
class CoreFinding:
    """Core–periphery structure: core size, fit ρ and the core firms' names."""

    size: int
    fit: float
    names: tuple[str, ...]
    synthetic: bool

    def text(self, lang: str) -> str:
        if self.size == 0 or _missing(self.fit):
            return t("valuechain.finding.core_none", lang)
        shown = ", ".join([*self.names[:6], *(["…"] if len(self.names) > 6 else [])])
        text = t("valuechain.finding.core", lang, size=self.size, fit=self.fit, names=shown)
        return _with_mark(text, self.synthetic, lang)


@dataclass(frozen=True)
class LocalFinding:
    """Local share of ties and the E–I index (NaN: no tie to measure)."""

    local_share: float
    ei: float

    @property
    def meaning(self) -> str:
        """The reading of the E–I index: ``inward``, ``leaning_inward``, ``balanced``,
        ``leaning_outward`` or ``outward`` (:class:`~clusterlib.valuechain.thresholds.Thresholds`)."""
        if self.ei < THRESHOLDS.ei_inward:
            return "inward"
        if self.ei > THRESHOLDS.ei_outward:
            return "outward"
        return "leaning_inward" if self.ei < 0 else "leaning_outward" if self.ei > 0 else "balanced"

    def text(self, lang: str) -> str:
        if _missing(self.ei) or _missing(self.local_share):
            return t("valuechain.finding.local_none", lang)
        return t(
            "valuechain.finding.local",
            lang,
            local=self.local_share,
            ei=self.ei,
            meaning=t(f"valuechain.ei.{self.meaning}", lang),
        )


@dataclass(frozen=True)
class VerticalFinding:
    """Vertical vs horizontal integration and the firms that link stages."""

    vertical: float
    horizontal: float
    linking: int

    def text(self, lang: str) -> str:
        if _missing(self.vertical):
            return t("valuechain.finding.vertical_none", lang)
        kind = "vertical" if self.vertical > THRESHOLDS.vertical_majority else "horizontal"
        return t(
            "valuechain.finding.vertical",
            lang,
            vertical=self.vertical,
            horizontal=self.horizontal,
            kind=t(f"valuechain.kind.{kind}", lang),
            linking=self.linking,
        )


@dataclass(frozen=True)
class ChainFinding:
    """The busiest stage-to-stage flow and the sourcing holes (``top_from is None``: no supply tie)."""

    top_from: str | None
    top_to: str | None
    top_ties: int
    holes: tuple[str, ...]

    def text(self, lang: str) -> str:
        if self.top_from is None or self.top_to is None:
            return t("valuechain.finding.chain_no_supply", lang)
        fields = {
            "top_from": stage_name(self.top_from, lang),
            "top_to": stage_name(self.top_to, lang),
            "top_ties": self.top_ties,
            "share": THRESHOLDS.hole_share,
        }
        if not self.holes:
            return t("valuechain.finding.chain_no_holes", lang, **fields)
        holes = [stage_name(s, lang) for s in self.holes]
        return t("valuechain.finding.chain", lang, holes=holes, **fields)


@dataclass(frozen=True)
class NotesFinding:
    """What the loaders and the analysis noted about the data (empty: nothing to correct)."""

    notes: tuple[Note, ...]

    def text(self, lang: str) -> str:
        if not self.notes:
            return t("valuechain.finding.no_notes", lang)
        parts = []
        for note in self.notes:
            shown = ", ".join(note.items[:5]) + (" …" if len(note.items) > 5 else "")
            parts.append(t(f"valuechain.note.{note.kind}", lang, n=len(note.items), items=shown))
        return tidy(t("valuechain.finding.notes", lang, notes="; ".join(parts) + "."))


# ------------------------------------------------------------------------------- from the tables
def network_findings(
    G: nx.DiGraph,
    s: NetworkSummary,
    measures: pd.DataFrame,
    dependence: pd.DataFrame,
    core: CorePeriphery,
    marked: tuple[tuple[str, ...], tuple[str, ...]],
    chain_tables: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
    respondents: int,
    synthetic: bool,
) -> tuple:
    """The network, central, dependence, core, local, integration and chain findings, in that order.

    Without firm interviews (an empty ``G``) a :class:`NoInterviewsFinding` and six ``None``.
    ``marked`` holds the hubs and the brokers, ``chain_tables`` the stage flows, the sourcing
    table and the linking firms.
    """
    hubs, brokers = marked
    flows, where, linking = chain_tables
    if G.number_of_nodes() == 0:  # no firm interviews: said once, where the map would be
        return (NoInterviewsFinding(), *[None] * 6)
    name = measures["name"].map(lambda n: short_name(n, 40))  # without the legal form, as people say them
    network = NetworkFinding(
        firms=s.firms,
        partners=s.partners,
        ties=s.ties,
        density=s.density,
        components=s.components,
        largest=s.largest_component,
        isolates=s.isolates,
        respondents=respondents,
    )
    broker = brokers[0] if brokers else None
    row = measures.loc[broker] if broker is not None else None
    central = CentralFinding(
        ties=s.ties,
        hubs=tuple(str(name[h]) for h in hubs[:3]),
        broker=str(name[broker]) if broker is not None else None,
        pairs=int(row["brokerage"]) if row is not None else 0,
        role=str(row[list(ROLES)].astype(int).idxmax()) if row is not None else "",
        synthetic=synthetic,
    )
    local = dependence[measures.loc[dependence.index, "in_register"].to_numpy()]  # most dependants first
    lost = local["customers_lost"] + local["suppliers_lost"]
    if len(lost) and lost.iloc[0] > 0:
        key = lost.index[0]
        dependence = DependenceFinding(
            str(name[key]),
            int(local.loc[key, "customers_lost"]),
            int(local.loc[key, "suppliers_lost"]),
            synthetic,
        )
    else:
        dependence = DependenceFinding(None, 0, 0, synthetic)
    core_finding = CoreFinding(
        core.size, float(core.fit), tuple(str(name[v]) for v in core.core.index[core.core]), synthetic
    )
    if flows.empty:
        chain = ChainFinding(None, None, 0, ())
    else:
        top = flows.sort_values("ties", ascending=False, kind="stable").iloc[0]
        chain = ChainFinding(
            str(top["from_stage"]), str(top["to_stage"]), int(top["ties"]), tuple(where.index[where["hole"]])
        )
    return (
        network,
        central,
        dependence,
        core_finding,
        LocalFinding(s.local_share, s.ei_index),
        VerticalFinding(s.vertical_share, s.horizontal_share, len(linking)),
        chain,
    )
