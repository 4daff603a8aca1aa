"""Plain-language findings of the needs assessment, in Turkish and English.

Every threshold a sentence depends on is in :data:`THRESHOLDS`, documented there; numbers arrive
computed and are only formatted here (an English report never recomputes a number).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusterlib.i18n import format_number, format_percent, t

__all__ = ["THRESHOLDS", "Thresholds", "label"]


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs findings use.

    ``alpha_acceptable``: Cronbach's alpha from which a block's items are read as one scale
    (0.70, Nunnally 1978, *Psychometric Theory*, 2nd ed., p. 245).  ``significance``: the level
    of the corrected tests (wave and group differences).  ``top``: how many needs the summary
    names.  ``thin_cover``: a function covered by at most this many actors is called thin.
    ``caution_n``: a share resting on fewer valid answers is flagged as uncertain.
    ``min_firms``: with fewer answering firms in a wave, the report prints no ranking of needs, no
    change between waves and no Cronbach's alpha, and says so (``needs.finding.too_few``).  A floor
    against figures from a handful of firms, not a precision target: an alpha near 0.7 needs some
    30 respondents to be estimated well (Bujang, Omar and Baharum 2018, *Malaysian Journal of
    Medical Sciences* 25(6), 85–99; Yurdugül 2008, *Hacettepe Üniversitesi Eğitim Fakültesi
    Dergisi* 35, 397–405), which the Feldt interval beside each alpha shows.
    """

    alpha_acceptable: float = 0.70
    significance: float = 0.05
    top: int = 3
    thin_cover: int = 1
    caution_n: int = 20
    min_firms: int = 10


THRESHOLDS = Thresholds()

_LABELS = {
    "function": {
        "training": ("Eğitim", "Training"),
        "finance": ("Finansman", "Finance"),
        "export_promotion": ("İhracatı geliştirme", "Export promotion"),
        "rnd": ("Ar-Ge", "R&D"),
        "infrastructure": ("Altyapı", "Infrastructure"),
        "networking": ("Ağ kurma ve iş birliği", "Networking"),
        "policy": ("Politika ve koordinasyon", "Policy"),
    },
    "quadrant": {
        "manage_closely": ("Yakından yönet", "Manage closely"),
        "keep_satisfied": ("Memnun tut", "Keep satisfied"),
        "keep_informed": ("Bilgilendir", "Keep informed"),
        "monitor": ("İzle", "Monitor"),
    },
    "size": {
        "micro": ("Mikro (<10)", "Micro (<10)"),
        "small": ("Küçük (10–49)", "Small (10–49)"),
        "medium": ("Orta (50–249)", "Medium (50–249)"),
        "large": ("Büyük (250+)", "Large (250+)"),
    },
    "stage": {
        "inputs": ("Girdi tedariki", "Inputs"),
        "manufacturing": ("İmalat", "Manufacturing"),
        "services": ("Hizmetler", "Services"),
        "distribution": ("Dağıtım ve pazarlama", "Distribution"),
    },
    "type": {
        "chamber": ("Oda / borsa", "Chamber"),
        "development_agency": ("Kalkınma ajansı", "Development agency"),
        "university": ("Üniversite", "University"),
        "oiz": ("Organize sanayi bölgesi", "Organised industrial zone"),
        "kosgeb": ("KOSGEB", "KOSGEB"),
        "public": ("Kamu kurumu", "Public body"),
        "exporters_association": ("İhracatçı birliği", "Exporters' association"),
        "cluster_association": ("Küme derneği", "Cluster association"),
        "ngo": ("Sivil toplum kuruluşu", "NGO"),
    },
    "status": {
        "valid": ("Geçerli yanıt", "Valid answer"),
        "dont_know": ("Fikrim yok", "Don't know"),
        "missing": ("Yanıt yok", "No answer"),
    },
    "level": {
        "province": ("İl", "Province"),
        "nuts2": ("Düzey 2 bölgesi", "NUTS-2 region"),
        "country": ("Türkiye", "Türkiye"),
    },
    "indicator": {
        "employment_rate": ("İstihdam oranı", "Employment rate"),
        "unemployment_rate": ("İşsizlik oranı", "Unemployment rate"),
    },
}


def label(kind: str, key: str, lang: str) -> str:
    """Name of a function, quadrant, size class, stage, actor type, answer status, area level or indicator.

    Examples
    --------
    >>> label("function", "export_promotion", "tr"), label("quadrant", "monitor", "en")
    ('İhracatı geliştirme', 'Monitor')
    """
    return t(f"needs.{kind}.{key}", lang)


def percent(x: float, lang: str, decimals: int = 0) -> str:
    """A proportion as a percentage in the report's language (``%42`` / ``42%``)."""
    return format_percent(x, lang, decimals=decimals)


def number(x: float, lang: str, decimals: int = 0) -> str:
    """A number in the report's language."""
    return format_number(x, lang, decimals=decimals)


def lower(text: str, lang: str) -> str:
    """Lower case under the language's rules (Turkish ``İ`` → ``i``, ``I`` → ``ı``).

    Examples
    --------
    >>> lower("İmalat", "tr"), lower("IĞDIR", "tr"), lower("Inputs", "en")
    ('imalat', 'ığdır', 'inputs')
    """
    if lang == "tr":
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def names(values: list[str], lang: str) -> str:
    """A list in prose: ``a, b ve c`` / ``a, b and c``."""
    values = [str(v) for v in values]
    if len(values) <= 1:
        return "".join(values)
    joint = " ve " if lang == "tr" else " and "
    return ", ".join(values[:-1]) + joint + values[-1]


def significant_blocks(tests: pd.DataFrame) -> list[str]:
    """Blocks whose corrected test is significant (one row per block)."""
    per_block = tests.drop_duplicates("block")
    return per_block.loc[per_block["significant"].fillna(False).astype(bool), "block"].tolist()


# ------------------------------------------------------------------------------------------ sentences


def _context(a, lang: str) -> str:
    c = a.context
    emp, unemp = c.labour_last("employment_rate"), c.labour_last("unemployment_rate")
    tr_emp, tr_unemp = (
        c.labour_last("employment_rate", "country"),
        c.labour_last("unemployment_rate", "country"),
    )
    change = c.population_change
    text = t(
        "needs.finding.context",
        lang,
        province=a.province.name,
        population=number(c.population_last, lang),
        pop_year=c.population_year,
        first_year=int(c.population["year"].min()),
        pop_rank=c.population_rank,
        pop_change=("+" if change >= 0 else "") + percent(change, lang, 1),
        gdp_year=c.gdp_year,
        gdp_usd=number(c.gdp_last("province"), lang),
        gdp_ratio=percent(c.gdp_last("province") / c.gdp_last("country"), lang),
        gdp_rank=c.gdp_rank,
        region=f"{a.province.nuts2} {a.province.nuts2_name}",
        region_usd=number(c.gdp_last("nuts2"), lang),
        ses_rank=c.ses_rank,
        lf_year=int(emp["year"]),
        emp=number(emp["value"], lang, 1),
        emp_low=number(emp["ci95_low"], lang, 1),
        emp_high=number(emp["ci95_high"], lang, 1),
        unemp=number(unemp["value"], lang, 1),
        tr_emp=number(tr_emp["value"], lang, 1),
        tr_unemp=number(tr_unemp["value"], lang, 1),
    )
    if bool(emp["caution"]) or bool(unemp["caution"]):
        text += t("needs.finding.lf_caution", lang)
    return text


def _actors(a, lang: str) -> str:
    if a.register.empty:
        return t("needs.finding.actors_none", lang, province=a.province.name)
    fields = {
        "province": a.province.name,
        "n": len(a.register),
        "k": int(a.register["supports_cluster"].sum()),
        "cluster": a.cluster_name,
    }
    if a.gaps:
        return t(
            "needs.finding.actors",
            lang,
            gaps=names([label("function", g, lang) for g in a.gaps], lang),
            **fields,
        )
    counts = a.matrix.sum(axis=0)
    thin = counts.idxmin()
    return t(
        "needs.finding.actors_nogap",
        lang,
        thin=f"{label('function', thin, lang)} ({int(counts[thin])})",
        **fields,
    )


def _grid(a, lang: str) -> str:
    close = a.grid.loc[a.grid["quadrant"] == "manage_closely", "name"].tolist()
    m = int(a.grid["scores_assumed"].sum())
    assumed = t("needs.finding.grid_assumed", lang, m=m) if m else ""
    return t("needs.finding.grid", lang, close=names(close, lang) or "—", assumed=assumed).strip()


def _firms(a, lang: str) -> str:
    firms = a.firms
    sizes = firms["size_class"].value_counts()
    order = ["micro", "small", "medium", "large"]
    size_text = ", ".join(
        f"{int(sizes[s])} {lower(label('size', s, lang).split(' (')[0], lang)}"
        for s in order
        if sizes.get(s, 0)
    )
    stages = firms["stage"].value_counts()
    exporters = float((firms["export_share"] > 0).mean())
    return t(
        "needs.finding.firms",
        lang,
        cluster=a.cluster_name,
        n=len(firms),
        sizes=size_text,
        age=number(float(firms["age"].median()), lang),
        exporters=percent(exporters, lang),
        stage=lower(label("stage", stages.index[0], lang), lang),
        stage_n=int(stages.iloc[0]),
    )


def _response(a, lang: str) -> str:
    row = a.response[a.response["wave"] == a.wave].iloc[0]
    return t(
        "needs.finding.response",
        lang,
        wave=a.wave,
        eligible=int(row["eligible"]),
        respondents=int(row["respondents"]),
        rate=percent(row["response_rate"], lang),
        dk=percent(row["dont_know_rate"], lang, 1),
        missing=percent(row["missing_rate"], lang, 1),
    )


def _items(a, lang: str) -> str:
    ordered = a.summary.sort_values(["top2", "item"], ascending=[False, True])
    best, worst = ordered.iloc[0], ordered.iloc[-1]
    return t(
        "needs.finding.items",
        lang,
        best=a.item_text(best["item"]),
        best_share=percent(best["top2"], lang),
        worst=a.item_text(worst["item"]),
        worst_share=percent(worst["top2"], lang),
    )


def _top(a, lang: str) -> str:
    top = a.ranking.head(THRESHOLDS.top)
    parts = [
        t(
            "needs.finding.need_item",
            lang,
            name=a.block_name(r.block),
            share=percent(r.share, lang),
            low=percent(r.low, lang),
            high=percent(r.high, lang),
        )
        for r in top.itertuples(index=False)
    ]
    return t(
        "needs.finding.top",
        lang,
        wave=a.wave,
        needs=names(parts, lang),
        first=a.block_name(top.iloc[0]["block"]),
        p_top=percent(top.iloc[0]["p_top3"], lang),
    )


def _groups(a, tests: pd.DataFrame, by: str, lang: str) -> str:
    blocks = significant_blocks(tests)
    level = number(THRESHOLDS.significance, lang, 2)
    by_text = t(f"needs.by.{by}", lang)
    if not blocks:
        return t("needs.finding.groups_none", lang, by=by_text, level=level)
    return t(
        "needs.finding.groups",
        lang,
        by=by_text,
        blocks=names([a.block_name(b) for b in blocks], lang),
        level=level,
    )


def _clusters(a, lang: str) -> str:
    table = a.by_cluster
    others = table[table["cluster"] != a.cluster]
    if others.empty:
        return t("needs.finding.clusters_none", lang)
    own = table[table["cluster"] == a.cluster].set_index("block")["share"]
    median = others.groupby("block")["share"].median()
    gap = (own - median).dropna()
    block = gap.idxmax()
    return t(
        "needs.finding.clusters",
        lang,
        n=others["cluster"].nunique(),
        cluster=a.cluster_name,
        block=a.block_name(block),
        share=percent(own[block], lang),
        others=percent(median[block], lang),
    )


def _reliability(a, lang: str) -> str:
    current = a.reliability[a.reliability["wave"] == a.wave].dropna(subset=["alpha"])
    if current.empty:
        return t("needs.note.alpha_missing", lang, blocks=", ".join(a.reliability["block"].unique()))
    ok = current["alpha"] >= THRESHOLDS.alpha_acceptable
    lowest = current.loc[current["alpha"].idxmin()]
    weak = current.loc[~ok, "block"].map(a.block_name).tolist()
    return t(
        "needs.finding.reliability",
        lang,
        k=len(current),
        ok=int(ok.sum()),
        threshold=number(THRESHOLDS.alpha_acceptable, lang, 2),
        low_block=a.block_name(lowest["block"]),
        low=number(lowest["alpha"], lang, 2),
        weak=t("needs.finding.reliability_weak", lang, blocks=names(weak, lang)) if weak else "",
    )


def _waves(a, lang: str) -> str:
    if a.waves is None:
        return t("needs.finding.waves_single", lang)
    w = a.waves
    level = number(THRESHOLDS.significance, lang, 2)
    before, after = w.attrs["before"], w.attrs["after"]
    changed = w[w["significant"]].sort_values("change")
    if changed.empty:
        return t("needs.finding.waves_none", lang, before=before, after=after, level=level)
    items = [
        f'"{a.item_text(r.item)}" ({percent(r.top2_before, lang)} → {percent(r.top2_after, lang)})'
        for r in changed.itertuples(index=False)
    ]
    return t(
        "needs.finding.waves_one" if len(changed) == 1 else "needs.finding.waves",
        lang,
        before=before,
        after=after,
        n=len(changed),
        items="; ".join(items),
        m=len(w) - len(changed),
        level=level,
    )


def _summary(a, lang: str) -> str:
    top = a.needs_map.head(THRESHOLDS.top)
    lines = []
    for r in top.itertuples(index=False):
        actors = ", ".join(r.actors) if r.actors else t("needs.finding.summary_gap", lang)
        lines.append(
            "• "
            + t(
                "needs.finding.summary_line",
                lang,
                need=a.block_name(r.block),
                share=percent(r.share, lang),
                function=label("function", r.function, lang),
                actors=actors,
            )
        )
    text = t("needs.finding.summary", lang, lines="\n".join(lines))
    gaps = top.loc[top["gap"], "function"].map(lambda f: label("function", f, lang)).tolist()
    closing = (
        t("needs.finding.summary_gaps", lang, gaps=names(gaps, lang))
        if gaps
        else t("needs.finding.summary_nogaps", lang)
    )
    return f"{text}\n\n{closing}"


def write_findings(assessment) -> object:
    """All findings of a :class:`~clusterlib.needs.analysis.NeedsAssessment`, in its language."""
    from clusterlib.needs.analysis import NeedsFindings

    a, lang = assessment, assessment.lang
    if not a.has_survey:
        missing = (
            t("needs.finding.too_few", lang, wave=a.wave, n=a.respondents, min=THRESHOLDS.min_firms)
            if a.respondents
            else t("needs.finding.no_survey", lang, province=a.province.name)
        )
        gaps = names([label("function", g, lang) for g in a.gaps], lang) or "—"
        return NeedsFindings(
            context=_context(a, lang),
            actors=_actors(a, lang),
            grid=_grid(a, lang),
            **dict.fromkeys(
                (
                    "firms",
                    "response",
                    "items",
                    "top",
                    "by_size",
                    "by_stage",
                    "by_cluster",
                    "reliability",
                    "waves",
                ),
                missing,
            ),
            summary=t("needs.finding.summary_nosurvey", lang, gaps=gaps),
        )
    return NeedsFindings(
        context=_context(a, lang),
        actors=_actors(a, lang),
        grid=_grid(a, lang),
        firms=_firms(a, lang),
        response=_response(a, lang),
        items=_items(a, lang),
        top=_top(a, lang),
        by_size=_groups(a, a.by_size, "size", lang),
        by_stage=_groups(a, a.by_stage, "stage", lang),
        by_cluster=_clusters(a, lang),
        reliability=_reliability(a, lang),
        waves=_waves(a, lang),
        summary=_summary(a, lang),
    )
