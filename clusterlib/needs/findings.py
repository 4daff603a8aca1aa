"""Plain-language findings of the needs assessment, in Turkish and English.

Every threshold a sentence depends on is in :data:`THRESHOLDS`, documented there; numbers arrive
computed and are only formatted here (an English report never recomputes a number).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusterlib.i18n import add_strings, format_number, format_percent, t

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
add_strings(
    {
        f"needs.{kind}.{key}": {"tr": tr, "en": en}
        for kind, entries in _LABELS.items()
        for key, (tr, en) in entries.items()
    }
)


def label(kind: str, key: str, lang: str) -> str:
    """Name of a function, quadrant, size class, stage, actor type, answer status, area level or indicator.

    Examples
    --------
    >>> label("function", "export_promotion", "tr"), label("quadrant", "monitor", "en")
    ('İhracatı geliştirme', 'Monitor')
    """
    return t(f"needs.{kind}.{key}", lang)


add_strings(
    {
        "needs.finding.context": {
            "tr": "{province} ilinin nüfusu {pop_year} sonunda {population} (81 il arasında {pop_rank}. sırada; "
            "{first_year}–{pop_year} döneminde değişim {pop_change}). Kişi başına GSYH {gdp_year} yılında "
            "{gdp_usd} ABD doları: Türkiye ortalamasının {gdp_ratio} düzeyinde, 81 il arasında {gdp_rank}. "
            "sırada ({region} bölgesi: {region_usd} dolar). Sosyo-ekonomik statü puanında 81 il arasında "
            "{ses_rank}. sırada. {lf_year} yılında istihdam oranı %{emp} (%95 güven aralığı {emp_low}–{emp_high}), "
            "işsizlik oranı %{unemp}; Türkiye: %{tr_emp} ve %{tr_unemp}. Kaynak: TÜİK.",
            "en": "{province} had {population} inhabitants at the end of {pop_year} (rank {pop_rank} of 81; "
            "change {first_year}–{pop_year}: {pop_change}). GDP per capita was {gdp_usd} US dollars in {gdp_year}: "
            "{gdp_ratio} of the Türkiye average, rank {gdp_rank} of 81 (NUTS-2 region {region}: {region_usd} "
            "dollars). Socio-economic status: rank {ses_rank} of 81. In {lf_year} the employment rate was "
            "{emp}% (95% interval {emp_low}–{emp_high}), the unemployment rate {unemp}%; Türkiye: {tr_emp}% "
            "and {tr_unemp}%. Source: TÜİK.",
        },
        "needs.finding.lf_caution": {
            "tr": " TÜİK bu il tahminlerinin küçük örnekleme dayandığını belirtiyor; aralıklar geniştir.",
            "en": " TÜİK flags these province estimates as resting on a small sample; the intervals are wide.",
        },
        "needs.finding.actors": {
            "tr": "{province|proper|loc} {n} yerel aktör kayıtlı; bunların {k|poss} {cluster|lower} kümesini "
            "destekliyor. Hiçbir yerel aktörün üstlenmediği işlevler: {gaps|lower}.",
            "en": "{n} local actors are registered in {province}; {k} of them support the {cluster} cluster. "
            "Functions no local actor covers: {gaps}.",
        },
        "needs.finding.actors_nogap": {
            "tr": "{province|proper|loc} {n} yerel aktör kayıtlı; bunların {k|poss} {cluster|lower} kümesini "
            "destekliyor. Her işlevi en az bir yerel aktör üstleniyor; en az kapsanan işlev: {thin|lower}.",
            "en": "{n} local actors are registered in {province}; {k} of them support the {cluster} cluster. "
            "Every function is covered by at least one local actor; the thinnest cover: {thin}.",
        },
        "needs.finding.grid": {
            "tr": "Yakından yönetilmesi gerekenler (etkisi ve ilgisi yüksek): {close}. {assumed}",
            "en": "To manage closely (high influence and high interest): {close}. {assumed}",
        },
        "needs.finding.grid_assumed": {
            "tr": "{m} aktörün etki ve ilgi puanı kayıtta yok; kurum türüne göre belgelenmiş varsayılan değerler "
            "kullanıldı (grafikte içi boş işaret).",
            "en": "{m} actors have no influence or interest score in the register; the documented defaults by "
            "actor type are used (hollow markers on the chart).",
        },
        "needs.finding.firms": {
            "tr": "{cluster} kümesinin kaydında {n} firma var: {sizes}. Firmaların yarısı {age} yıldan genç; "
            "{exporters} ihracat yapıyor. En kalabalık değer zinciri aşaması: {stage} ({stage_n} firma).",
            "en": "The register of the {cluster} cluster holds {n} firms: {sizes}. Half of the firms are younger "
            "than {age} years; {exporters} export. The most populated value-chain stage: {stage} ({stage_n} firms).",
        },
        "needs.finding.response": {
            "tr": "{wave} anketine kayıtlı {eligible} firmanın {respondents|poss} yanıt verdi (yanıt oranı "
            '{rate}). Yanıtların {dk|poss} "fikrim yok", {missing|poss} boş; bunlar yüzdelere katılmadı ve '
            "aşağıda ayrıca gösteriliyor.",
            "en": "{respondents} of the {eligible} firms in the register answered the {wave} survey (response rate "
            '{rate}). {dk} of the answers were "don\'t know" and {missing} were left blank; both are kept out of '
            "the percentages and shown separately below.",
        },
        "needs.finding.top": {
            "tr": "{wave} anketinde en çok dile getirilen ihtiyaçlar: {needs}. {first} ihtiyacının, firmalar "
            "yeniden örneklendiğinde ilk üçte kalma olasılığı {p_top}.",
            "en": "The needs firms voiced most in {wave}: {needs}. {first} is among the top three in {p_top} of "
            "the bootstrap samples.",
        },
        "needs.finding.need_item": {
            "tr": "{name} ({share}; %95 güven aralığı {low}–{high})",
            "en": "{name} ({share}, 95% interval {low}–{high})",
        },
        "needs.finding.items": {
            "tr": 'En çok katılınan ifade: "{best}" ({best_share} katılıyor). En az katılınan: "{worst}" '
            "({worst_share}).",
            "en": 'The statement most agreed with: "{best}" ({best_share} agree). The least: "{worst}" '
            "({worst_share}).",
        },
        "needs.finding.groups": {
            "tr": "{by} göre ihtiyaçlar şu alanlarda anlamlı biçimde farklı: {blocks} (Kruskal–Wallis testi, Holm "
            "düzeltmesi, p < {level}). Diğer farklar istatistiksel olarak anlamlı değil.",
            "en": "By {by}, needs differ beyond noise in: {blocks} (Kruskal–Wallis, Holm-corrected, p < {level}). "
            "The other differences are within noise.",
        },
        "needs.finding.groups_none": {
            "tr": "{by} göre görülen farkların hiçbiri istatistiksel olarak anlamlı değil (Kruskal–Wallis testi, "
            "Holm düzeltmesi; hiçbir alanda p < {level} değil).",
            "en": "By {by}, none of the differences goes beyond noise (Kruskal–Wallis, Holm-corrected: no area "
            "with p < {level}).",
        },
        "needs.by.size": {"tr": "Firma ölçeğine", "en": "firm size"},
        "needs.by.stage": {"tr": "Değer zinciri aşamasına", "en": "value-chain stage"},
        "needs.finding.clusters": {
            "tr": "Diğer {n} küme ile karşılaştırıldığında {cluster} firmaları en belirgin biçimde {block} "
            "ihtiyacını öne çıkarıyor ({share}; diğer kümelerin medyanı {others}).",
            "en": "Compared with the other {n} clusters, the {cluster} firms stand out most on {block} ({share}; "
            "median of the other clusters {others}).",
        },
        "needs.finding.clusters_none": {
            "tr": "Ankette başka küme yok; karşılaştırma yapılamıyor.",
            "en": "The survey holds no other cluster to compare with.",
        },
        "needs.finding.reliability": {
            "tr": "{k} alanın {ok|poss_loc} Cronbach alfa (aynı alandaki soruların birbiriyle tutarlılığı) "
            "{threshold} eşiğini aşıyor (en düşük: {low_block}, α = {low}); bu alanlarda soruların ortalaması tek "
            "bir ihtiyaç ölçüsü olarak okunabilir.{weak}",
            "en": "In {ok} of {k} areas Cronbach's alpha reaches {threshold} (lowest: {low_block}, α = {low}); there "
            "the mean of the items can be read as one measure of the need.{weak}",
        },
        "needs.finding.reliability_weak": {
            "tr": " Eşiğin altında kalan alanlarda maddeleri tek tek okuyun: {blocks}.",
            "en": " Read the items one by one where alpha is below it: {blocks}.",
        },
        "needs.finding.waves": {
            "tr": "{before}–{after} arasında {n} ifadedeki değişim gürültüyü aşıyor: {items}. Diğer {m} ifadedeki "
            "değişim örnekleme gürültüsü içinde (Mann–Whitney U, Holm düzeltmesi, p < {level}).",
            "en": "Between {before} and {after}, {n} statements changed beyond noise: {items}. The changes of the "
            "other {m} are within noise (Mann–Whitney U, Holm-corrected, p < {level}).",
        },
        "needs.finding.waves_one": {
            "tr": "{before}–{after} arasında bir ifadedeki değişim gürültüyü aşıyor: {items}. Diğer {m} ifadedeki "
            "değişim örnekleme gürültüsü içinde (Mann–Whitney U, Holm düzeltmesi, p < {level}).",
            "en": "Between {before} and {after}, one statement changed beyond noise: {items}. The changes of the "
            "other {m} are within noise (Mann–Whitney U, Holm-corrected, p < {level}).",
        },
        "needs.finding.waves_none": {
            "tr": "{before}–{after} arasındaki değişimlerin hiçbiri örnekleme gürültüsünü aşmıyor (Mann–Whitney U, "
            "Holm düzeltmesi, p < {level} olan ifade yok).",
            "en": "None of the changes between {before} and {after} goes beyond noise (Mann–Whitney U, "
            "Holm-corrected: no statement with p < {level}).",
        },
        "needs.finding.waves_single": {
            "tr": "Tek bir anket dalgası var; dalgalar arası değişim hesaplanamıyor.",
            "en": "There is a single survey wave; change between waves cannot be computed.",
        },
        "needs.finding.summary_line": {
            "tr": "{need} ({share}) → {function}: {actors}",
            "en": "{need} ({share}) → {function}: {actors}",
        },
        "needs.finding.summary_gap": {
            "tr": "yerel aktör yok (boşluk)",
            "en": "no local actor (gap)",
        },
        "needs.finding.summary": {
            "tr": "İhtiyaç → karşılayabilecek aktörler → boşluk:\n{lines}",
            "en": "Need → who could meet it → gaps:\n{lines}",
        },
        "needs.finding.summary_gaps": {
            "tr": "Öncelikli ihtiyaçlardan yerelde karşılanmayanlar: {gaps}. Komite bu işlevler için il dışındaki "
            "kurumlarla (ör. bölgedeki ihracatçı birlikleri, ulusal programlar) bağlantı kurmayı görüşebilir.",
            "en": "Priority needs no local actor meets: {gaps}. The committee may discuss links to institutions "
            "outside the province for these functions (e.g. the region's exporters' associations, national "
            "programmes).",
        },
        "needs.finding.summary_nogaps": {
            "tr": "Öncelikli ihtiyaçların her birini en az bir yerel aktör karşılayabilir.",
            "en": "At least one local actor could meet each priority need.",
        },
        "needs.finding.actors_none": {
            "tr": "Paydaş kaydında {province} iline ait yerel aktör yok (stakeholders tablosu); roller, işlevler ve "
            "boşluklar için aktörleri kayda ekleyin.",
            "en": "The stakeholder register holds no local actor of {province} (stakeholders table); add them to map "
            "roles, functions and gaps.",
        },
        "needs.finding.summary_nosurvey": {
            "tr": "Anket yanıtı olmadan ihtiyaçlar sıralanamıyor. Hiçbir yerel aktörün üstlenmediği işlevler: {gaps}.",
            "en": "Without survey answers the needs cannot be ranked. Functions no local actor covers: {gaps}.",
        },
        "needs.finding.too_few": {
            "tr": "{wave} dalgasında kümenin yalnızca {n} firması yanıt verdi. İhtiyaç sıralaması, Cronbach alfa ve "
            "dalgalar arası değişim en az {min} firmanın yanıtıyla gösterilir; daha az firmadan hesaplanan "
            "değerler yanıltıcı olur.",
            "en": "Only {n} of the cluster's firms answered in {wave}. The ranking of needs, Cronbach's alpha and "
            "the change between waves are shown from {min} answering firms on; figures from fewer firms would "
            "mislead.",
        },
        "needs.note.too_few_alpha": {
            "tr": "{blocks}: Cronbach alfa gösterilmedi; bütün maddeleri yanıtlayan firma sayısı {min} altında.",
            "en": "{blocks}: Cronbach's alpha is not shown; fewer than {min} firms answered all the area's items.",
        },
        "needs.finding.no_survey": {
            "tr": "{province} için anket yanıtı yok; firma ihtiyaçları bölümleri boş kaldı.",
            "en": "There are no survey answers for {province}; the sections on firm needs are left empty.",
        },
    }
)


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
