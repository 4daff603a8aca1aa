"""One province's page (``<lang>/provinces/<slug>.html``): its clusters ranked, its peers, its initiatives,
its TÜİK context and links to its step reports."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from clusterlib import official, regions
from clusterlib.i18n import check_language, format_number, format_percent, join_list, t
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.national.pages import (
    _category_label,
    _cell,
    _css,
    _environment,
    _nav,
    _num,
    _rank,
    _sort,
    _synthetic,
    _technical,
    category_caveat,
    stars_text,
)
from clusterlib.national.view import NationalView

__all__ = ["province_page"]

_FORMAT = {"employment": (1.0, 0), "workplaces": (1.0, 0), "lq": (1.0, 2), "avg_wage": (1.0, 0),
           "exports_usd": (1e-6, 1)}


def _metric(metric: str, value: object, lang: str) -> str:
    if metric == "growth":
        return "–" if value is None or pd.isna(value) else format_percent(float(value), lang, decimals=1)
    scale, decimals = _FORMAT[metric]
    return "–" if value is None or pd.isna(value) else format_number(float(value) * scale, lang, decimals=decimals)


def _metric_label(metric: str, view: NationalView, lang: str) -> str:
    if metric == "growth":
        return t("national.col.growth", lang, start=view.year - view.period, end=view.year)
    return t(f"national.col.{metric}", lang)


def _cluster_table(view: NationalView, plate: int, lang: str) -> dict:
    columns = [{"label": t("national.col.category", lang), "num": False}]
    columns += [{"label": _metric_label(m, view, lang), "num": True} for m in METRICS]
    columns += [{"label": t("national.col.strong", lang), "num": False},
                {"label": t("national.col.stars", lang), "num": False}]
    rows = []
    for r in view.ranked_rows(plate):
        category = view.category(r.category)
        note = ". ".join(x for x in ("; ".join(category.cluster_names(lang)), category_caveat(category.division, lang))
                         if x)
        cells = [_cell(_category_label(view, r.category, lang), note=note)]
        for metric in METRICS:
            value = getattr(r, metric)
            cells.append(_cell(_metric(metric, value, lang), num=True, sort=_sort(value),
                               note=_rank(getattr(r, f"rank_{metric}"), lang)))
        met = [t(f"national.star.{s}", lang) for s in ("size", "specialisation", "focus", "productivity",
                                                        "dynamism") if getattr(r, s)]
        cells.append(_cell(t("national.yes" if r.strong else "national.no", lang)))
        cells.append(_cell(stars_text(int(r.stars)), note=join_list(met, lang) if met else ""))
        rows.append({"attrs": {}, "cells": cells})
    return {"columns": columns, "rows": rows, "sortable": False}


def _peer_table(view: NationalView, plate: int, lang: str) -> tuple[dict, str]:
    top = view.ranked_rows(plate)[0]
    label = _category_label(view, top.category, lang)
    in_top = view.category_rows(top.category)
    strong_count = view.strong_counts.to_dict()
    columns = [{"label": t("national.col.province", lang), "num": False},
               {"label": t("national.col.why", lang), "num": False},
               {"label": t("national.col.gdp_rank", lang, year=int(view.context["gdp_year"].iloc[0])), "num": True},
               {"label": t("national.col.ses_rank", lang, year=int(view.context["ses_year"].iloc[0])), "num": True},
               {"label": t("national.col.strong_count", lang, n=len(view.categories)), "num": True},
               {"label": f"{t('national.col.lq', lang)}: {label}", "num": True},
               {"label": f"{t('national.col.stars', lang)}: {label}", "num": False}]
    peers = view.province_peers(plate)
    entries = [(plate, t("province.this", lang))]
    for r in peers.itertuples(index=False):
        why = [t("province.why.region", lang)] if r.same_nuts2 else []
        why += [t("province.why.similar", lang)] if r.similar else []
        entries.append((int(r.peer_plate), ", ".join(why)))
    rows = []
    for other, why in entries:
        place = view.context_row(other)
        measure = in_top[other]
        rows.append({"attrs": {}, "cells": [
            _cell(place.province, href=None if other == plate else f"{place.slug}.html"),
            _cell(why), _cell(str(int(place.gdp_rank)), num=True), _cell(str(int(place.ses_rank)), num=True),
            _cell(str(int(strong_count[other])), num=True), _cell(_num(measure.lq, lang, 2), num=True),
            _cell(stars_text(int(measure.stars))),
        ]})
    return {"columns": columns, "rows": rows, "sortable": False}, label


def _finding(view: NationalView, plate: int, lang: str) -> str:
    name = regions.province(plate).name
    strong = [r.category for r in view.ranked_rows(plate) if r.strong]
    if not strong:
        ranked = view.ranked(plate)
        best = ranked.dropna(subset=["lq"]).sort_values("lq", ascending=False).iloc[0]
        return t("province.finding.none", lang, province=name, n=len(view.categories),
                 name=_category_label(view, best["category"], lang), lq=_num(best["lq"], lang, 2))
    names = join_list([_category_label(view, c, lang) for c in strong], lang)
    return t("province.finding", lang, province=name, n=len(view.categories), k=len(strong), names=names)


def province_page(view: NationalView, plate: int, *, lang: str,
                  reports: Sequence[tuple[str, str]] = ()) -> str:
    """The page of one province (HTML text).

    Parameters
    ----------
    view : NationalView
    plate : int
    lang : {"tr", "en"}
    reports : sequence of (href, title)
        Its step reports, relative to the page (``../corum/sector_selection.html``).
    """
    lang = check_language(lang)
    place = regions.province(plate)
    c = view.context_row(plate)
    facts = [
        (t("province.fact.plate", lang), f"{plate:02d}"),
        (t("province.fact.nuts2", lang), f"{place.nuts2} {place.nuts2_name}"),
        (t("province.fact.population", lang, year=int(c.population_year)), _num(c.population, lang)),
        (t("province.fact.gdp", lang, year=int(c.gdp_year)),
         t("province.gdp_value", lang, value=_num(c.gdp_per_capita_try, lang), rank=int(c.gdp_rank))),
        (t("province.fact.ses", lang, year=int(c.ses_year)),
         t("province.ses_value", lang, value=_num(c.ses, lang, 1), rank=int(c.ses_rank))),
    ]
    prefix = f"{official.SOURCE[lang]} — "
    sources = t("national.source_prefix", lang) + " " + "; ".join(
        official.source(name, lang).removeprefix(prefix) for name in ("population", "gdp_per_capita", "ses"))
    peer_table, top_label = _peer_table(view, plate, lang)
    initiatives = []
    for r in view.initiatives(plate).itertuples(index=False):
        year = "" if pd.isna(r.year) else f" ({int(r.year)})"
        initiatives.append(f"{'★ ' if r.pilot else ''}{getattr(r, f'name_{lang}')}{year}")
    spot = place.info_spot_tr if lang == "tr" else place.info_spot
    template = _environment().get_template("province.html.j2")
    return template.render(
        lang=lang, body_class="nb-wide", title=t("province.title", lang, province=place.name), css=_css(),
        nav=_nav(lang, "../"),
        nav_label=t("national.nav", lang), script="", back=t("province.back", lang),
        pilot=t("province.pilot", lang, spot=spot) if place.is_pilot else "",
        finding=_finding(view, plate, lang), synthetic=_synthetic(view, lang), h_facts=t("province.facts", lang),
        facts=facts, official_badge=t("national.official_badge", lang), sources=sources,
        h_clusters=t("province.h.clusters", lang),
        order=t("province.order", lang) + " " + t("national.rank_note", lang),
        howto_strong=t("national.howto.strong", lang), howto_stars=t("national.howto.stars", lang),
        cluster_table=_cluster_table(view, plate, lang), h_peers=t("province.h.peers", lang),
        peers_rule=t("province.peers_rule", lang, nuts2=f"{place.nuts2} {place.nuts2_name}", k=view.peers_k),
        peers_compare=t("province.peers_compare", lang, category=top_label), peer_table=peer_table,
        h_initiatives=t("province.h.initiatives", lang), initiatives=initiatives,
        no_initiatives=t("province.no_initiatives", lang), h_reports=t("province.h.reports", lang),
        reports=list(reports), no_reports=t("province.no_reports", lang, name=place.name),
        workbook_text=t("province.workbook", lang, link="").strip(), workbook_href=f"{place.slug}.xlsx",
        technical=_technical(view, lang),
    )
