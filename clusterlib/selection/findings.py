"""Plain-language findings of the sector-selection step, in Turkish and English.

Each function turns one of the step's tables into the short sentence a committee member reads at
the top of a report section.  Numbers are formatted for the language (``1.234,5`` in Turkish).
"""

from __future__ import annotations

import pandas as pd

from clusterlib.i18n import add_strings, format_number, format_percent, t
from clusterlib.regions import Province

__all__ = ["map_finding", "portfolio_finding", "shift_share_finding", "structure_finding"]

add_strings(
    {
        "selection.finding.structure": {
            "tr": "{province} ilinde {year} yılında {total} sigortalı çalışan var. En büyük sektör {largest} "
            "({largest_jobs} kişi, {largest_share}); {specialised}",
            "en": "{province} had {total} insured employees in {year}. The largest sector is {largest} "
            "({largest_jobs} jobs, {largest_share}); {specialised}",
        },
        "selection.finding.specialised": {
            "tr": "en belirgin uzmanlaşma {sector} sektöründe (LQ {lq}: Türkiye ortalamasının {lq} katı).",
            "en": "the strongest specialisation is in {sector} (LQ {lq}: {lq} times the national share).",
        },
        "selection.finding.portfolio": {
            "tr": "{count} sektör hem uzmanlaşmış (LQ > 1) hem de Türkiye ortalamasından hızlı büyüyor; "
            "en büyükleri: {sectors}.",
            "en": "{count} sectors are both specialised (LQ > 1) and growing faster than the national average; "
            "the largest: {sectors}.",
        },
        "selection.finding.portfolio_one": {
            "tr": "Hem uzmanlaşmış (LQ > 1) hem de Türkiye ortalamasından hızlı büyüyen tek sektör: {sectors}.",
            "en": "One sector is both specialised (LQ > 1) and growing faster than the national average: {sectors}.",
        },
        "selection.finding.portfolio_none": {
            "tr": "Hiçbir sektör hem uzmanlaşmış hem de Türkiye ortalamasından hızlı büyüyen değil.",
            "en": "No sector is both specialised and growing faster than the national average.",
        },
        "selection.finding.map": {
            "tr": "{province}, {sector} sektöründe yerelleşme katsayısıyla 81 il arasında {rank}. sırada (LQ {lq}).",
            "en": "{province} ranks {rank} of 81 provinces by location quotient in {sector} (LQ {lq}).",
        },
        "selection.finding.shift_share": {
            "tr": "{start}–{end} döneminde istihdam {change} kişi değişti. Türkiye ortalamasıyla büyüseydi "
            "{national} kişi artacaktı; sektör karması etkisi {mix}, bölgesel rekabet etkisi {regional} kişi. "
            "Rekabet avantajının en güçlü olduğu sektör: {leader} ({leader_value} kişi).",
            "en": "Between {start} and {end} employment changed by {change} jobs. Growing at the national rate it "
            "would have gained {national}; the industry-mix effect is {mix} and the regional (competitive) "
            "effect {regional} jobs. The strongest competitive gain: {leader} ({leader_value} jobs).",
        },
    }
)


def _signed(value: float, lang: str) -> str:
    text = format_number(value, lang)
    return text if value < 0 else f"+{text}"


def structure_finding(
    profile: pd.DataFrame, place: Province, year: int, *, lang: str = "tr", min_share: float = 0.01
) -> str:
    """One sentence on the province's size, largest sector and strongest specialisation.

    ``profile`` is :func:`clusterlib.selection.inputs.sector_profile`; the specialisation named is
    the highest LQ among sectors holding at least ``min_share`` of the province's employment.
    """
    largest = profile.iloc[0]
    sizeable = profile[profile["share"] >= min_share]
    top = sizeable.loc[sizeable["lq"].idxmax()] if len(sizeable) else largest
    specialised = t(
        "selection.finding.specialised",
        lang,
        sector=top["label"],
        lq=format_number(top["lq"], lang, decimals=1),
    )
    return t(
        "selection.finding.structure",
        lang,
        province=place.name,
        year=year,
        total=format_number(profile["employment"].sum(), lang),
        largest=largest["label"],
        largest_jobs=format_number(largest["employment"], lang),
        largest_share=format_percent(largest["share"], lang, decimals=1),
        specialised=specialised,
    )


def portfolio_finding(
    profile: pd.DataFrame, *, lang: str = "tr", min_share: float = 0.005, limit: int = 5
) -> str:
    """Which sizeable sectors are specialised and growing faster than the nation (upper-right quadrant)."""
    stars = profile[
        (profile["lq"] > 1)
        & (profile["growth"] > profile["national_growth"])
        & (profile["share"] >= min_share)
    ].sort_values("employment", ascending=False)
    if stars.empty:
        return t("selection.finding.portfolio_none", lang)
    names = ", ".join(stars["label"].head(limit))
    key = "selection.finding.portfolio_one" if len(stars) == 1 else "selection.finding.portfolio"
    return t(key, lang, count=len(stars), sectors=names)


def map_finding(lq_values: pd.DataFrame, place: Province, *, lang: str = "tr") -> str:
    """Where the province stands among the 81 on the first sector of ``lq_values`` (rank by LQ)."""
    first = lq_values[lq_values["nace"] == lq_values["nace"].iloc[0]]
    ranks = first["lq"].rank(ascending=False, method="min")
    own = first["plate"] == place.plate
    return t(
        "selection.finding.map",
        lang,
        province=place.name,
        sector=first["label"].iloc[0],
        rank=int(ranks[own].iloc[0]),
        lq=format_number(first.loc[own, "lq"].iloc[0], lang, decimals=2),
    )


def shift_share_finding(components: pd.DataFrame, start: int, end: int, *, lang: str = "tr") -> str:
    """The province's shift-share decomposition summed over sectors, and its strongest competitive sector."""
    total = components[["actual_change", "national_share", "industry_mix", "regional_share"]].sum()
    if "allocation" in components:
        total["regional_share"] += components["allocation"].sum()
    leader = components.loc[components["regional_share"].idxmax()]
    return t(
        "selection.finding.shift_share",
        lang,
        start=start,
        end=end,
        change=_signed(total["actual_change"], lang),
        national=_signed(total["national_share"], lang),
        mix=_signed(total["industry_mix"], lang),
        regional=_signed(total["regional_share"], lang),
        leader=leader["label"],
        leader_value=_signed(leader["regional_share"], lang),
    )
