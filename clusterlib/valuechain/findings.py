"""Plain-language findings of the value-chain step, in Turkish and English.

Thresholds that turn numbers into words are here, in one place:

- :data:`SPARSE_DENSITY`: below this density (10 %) the network is called sparse, from
  :data:`DENSE_DENSITY` (30 %) dense — firm networks of 50–150 firms mapped by interviews rarely
  exceed a few per cent, since each firm names a handful of partners;
- :data:`EI_INWARD` / :data:`EI_OUTWARD`: an E–I index below −0.33 means the firms mostly work with
  each other, above +0.33 mostly with outside partners;
- :data:`VERTICAL_MAJORITY`: a share of ties across stages above one half is called vertical
  integration, below horizontal;
- sourcing holes: :data:`clusterlib.valuechain.stages.HOLE_THRESHOLD`.

Sentences name firms and never attach a Turkish suffix to a number or a name (the sentence is
built so that none is needed).
"""

from __future__ import annotations

import re

import pandas as pd

from clusterlib.i18n import format_number, format_percent, t
from clusterlib.valuechain.network import NetworkSummary

__all__ = [
    "DENSE_DENSITY",
    "EI_INWARD",
    "EI_OUTWARD",
    "SPARSE_DENSITY",
    "VERTICAL_MAJORITY",
    "short_name",
    "stage_name",
    "tidy",
]

SPARSE_DENSITY = 0.10
DENSE_DENSITY = 0.30
EI_INWARD = -1 / 3
EI_OUTWARD = 1 / 3
VERTICAL_MAJORITY = 0.5

_STAGE_NAMES = {
    "inputs": {"tr": "girdi ve parça üreticileri", "en": "input and parts makers"},
    "services": {"tr": "hizmet firmaları", "en": "service firms"},
    "manufacturing": {"tr": "ana üreticiler", "en": "main manufacturers"},
    "distribution": {"tr": "dağıtım ve pazarlama", "en": "distribution and marketing"},
    "outside": {"tr": "il dışındaki ortaklar", "en": "partners outside the province"},
    "local_other": {"tr": "ildeki diğer ortaklar", "en": "other partners in the province"},
}


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


def _names(names: list[str], lang: str) -> str:
    if not names:
        return "–"
    if len(names) == 1:
        return names[0]
    joiner = " ve " if lang == "tr" else " and "
    return ", ".join(names[:-1]) + joiner + names[-1]


def network_finding(summary: NetworkSummary, *, lang: str) -> str:
    """Size, density and fragmentation of the network in one paragraph."""
    word = (
        "sparse"
        if summary.density < SPARSE_DENSITY
        else "dense"
        if summary.density >= DENSE_DENSITY
        else "moderate"
    )
    return t(
        "valuechain.finding.network",
        lang,
        firms=format_number(summary.firms, lang),
        partners=format_number(summary.partners, lang),
        ties=format_number(summary.ties, lang),
        word=t(f"valuechain.density.{word}", lang),
        density=format_percent(summary.density, lang, decimals=1),
        components=format_number(summary.components, lang),
        largest=format_number(summary.largest_component, lang),
        isolates=format_number(summary.isolates, lang),
    )


def central_finding(hubs: list[str], broker: str | None, pairs: int, role: str, *, lang: str) -> str:
    """The hubs and the strongest broker (``None``: no firm brokers supply)."""
    if broker is None or pairs == 0:
        return t("valuechain.finding.central_no_broker", lang, hubs=_names(hubs, lang))
    return t(
        "valuechain.finding.central",
        lang,
        hubs=_names(hubs, lang),
        broker=broker,
        pairs=format_number(pairs, lang),
        role=t(f"valuechain.role.{role}", lang),
    )


def dependence_finding(name: str | None, customers: int, suppliers: int, *, lang: str) -> str:
    """ "If X left, N firms would lose their only local customer"."""
    if name is None:
        return t("valuechain.finding.dependence_none", lang)
    return t(
        "valuechain.finding.dependence",
        lang,
        firm=name,
        customers=format_number(customers, lang),
        suppliers=format_number(suppliers, lang),
    )


def core_finding(size: int, fit: float, names: list[str], *, lang: str) -> str:
    """Core–periphery structure in words."""
    if size == 0 or fit != fit:
        return t("valuechain.finding.core_none", lang)
    shown = names[:6] + (["…"] if len(names) > 6 else [])
    return t(
        "valuechain.finding.core",
        lang,
        size=format_number(size, lang),
        fit=format_number(fit, lang, decimals=2),
        names=", ".join(shown),
    )


def local_finding(summary: NetworkSummary, *, lang: str) -> str:
    """Local share of ties and the E–I index (a plain sentence when there is no tie to measure)."""
    ei = summary.ei_index
    if ei != ei or summary.local_share != summary.local_share:
        return t("valuechain.finding.local_none", lang)
    meaning = "inward" if ei < EI_INWARD else "outward" if ei > EI_OUTWARD else "balanced"
    return t(
        "valuechain.finding.local",
        lang,
        local=format_percent(summary.local_share, lang, decimals=0),
        ei=format_number(ei, lang, decimals=2),
        meaning=t(f"valuechain.ei.{meaning}", lang),
    )


def vertical_finding(summary: NetworkSummary, linking: int, *, lang: str) -> str:
    """Vertical vs horizontal integration (a plain sentence when no tie links two staged firms)."""
    if summary.vertical_share != summary.vertical_share:
        return t("valuechain.finding.vertical_none", lang)
    kind = "vertical" if summary.vertical_share > VERTICAL_MAJORITY else "horizontal"
    return t(
        "valuechain.finding.vertical",
        lang,
        vertical=format_percent(summary.vertical_share, lang, decimals=0),
        horizontal=format_percent(summary.horizontal_share, lang, decimals=0),
        kind=t(f"valuechain.kind.{kind}", lang),
        linking=format_number(linking, lang),
    )


def chain_finding(flows: pd.DataFrame, sourcing: pd.DataFrame, *, lang: str) -> str:
    """The busiest stage-to-stage flow and the sourcing holes; a plain sentence without supply ties
    (interviews not done yet, or only cooperation ties reported)."""
    if flows.empty:
        return t("valuechain.finding.chain_no_supply", lang)
    top = flows.sort_values("ties", ascending=False, kind="stable").iloc[0]
    holes = [stage_name(s, lang) for s in sourcing.index[sourcing["hole"]]]
    fields = {
        "top_from": stage_name(top["from_stage"], lang),
        "top_to": stage_name(top["to_stage"], lang),
        "top_ties": format_number(top["ties"], lang),
    }
    if not holes:
        return t("valuechain.finding.chain_no_holes", lang, **fields)
    return t("valuechain.finding.chain", lang, holes=_names(holes, lang), **fields)
