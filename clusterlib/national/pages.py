"""The national page (``<lang>/national.html``) and the 81 province pages (``<lang>/provinces/<slug>.html``).

Rendered with the Jinja templates of ``resources/templates/national/``; every page is one file with
its style and script inline, readable offline and printable.  Numbers are formatted here, once, in the
page's language; the workbooks (:mod:`clusterlib.national.workbook`) carry the same figures as numbers.
"""

from __future__ import annotations

import json
import string
from functools import cache
from importlib import resources
from itertools import pairwise

import pandas as pd

from clusterlib import regions
from clusterlib.charts import PALETTE
from clusterlib.i18n import check_language, format_number, has_string, t
from clusterlib.national import text  # noqa: F401  (registers the strings)
from clusterlib.national.maps import (
    LQ_BREAKS,
    LQ_COLOURS,
    NO_DATA_COLOUR,
    MapPoint,
    geometry_defs,
    lq_colour,
    province_map,
)
from clusterlib.national.text import ATTRIBUTION, fold
from clusterlib.national.view import NationalView

__all__ = ["category_caveat", "national_page", "stars_text", "unavailable_page"]

_CSS = string.Template("""
.cl-map { width: 100%; height: auto; background: #fbfcfd; }
table.cl-side { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.cl-side th, table.cl-side td { border-bottom: 1px solid var(--cl-line); padding: 0.3rem 0.45rem;
  vertical-align: top; text-align: left; }
table.cl-side td.num, table.cl-side th.num { text-align: right; }
nav.cl-nav a { margin-right: 1rem; }
.nb-controls { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; margin: 1rem 0; }
.nb-controls label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--cl-muted); }
.nb-controls label.nb-check { flex-direction: row; gap: 0.3rem; align-items: center; }
.nb-controls input[type=search], .nb-controls select { font-size: 1rem; padding: 0.3rem; min-width: 12rem; }
.nb-badge { display: inline-block; padding: 0.2rem 0.5rem; border-radius: 3px; font-size: 0.9rem; }
.nb-synthetic { background: #fff3cd; border: 1px solid #e0a800; }
.nb-official { background: #e3f2e6; border: 1px solid #2e7d32; }
.nb-finding { font-size: 1.05rem; border-left: 4px solid $blue; padding-left: 0.6rem; }
.nb-tag { font-size: 0.75rem; border: 1px solid $orange; border-radius: 3px; padding: 0 0.25rem; }
button.nb-sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
  text-align: inherit; color: inherit; }
button.nb-sort::after { content: " ⇅"; color: var(--cl-muted); font-weight: normal; }
button.nb-sort[aria-sort=ascending]::after { content: " ▲"; }
button.nb-sort[aria-sort=descending]::after { content: " ▼"; }
.nb-legend span { display: inline-block; margin-right: 0.9rem; font-size: 0.85rem; }
.nb-legend i { display: inline-block; width: 1.1em; height: 0.8em; border: 1px solid #7b8794;
  margin-right: 0.25rem; vertical-align: middle; }
.nb-star { color: #9a6700; }
.nb-outline { border: 2px solid #1f2933; padding: 0 0.25rem; }
#nb-table td:last-child { min-width: 20rem; }
table.cl-side td.num small { white-space: nowrap; }
body.nb-wide { max-width: 80rem; }
figure.nb-map { margin: 1.2rem 0 2rem; break-inside: avoid; }
table.nb-facts { width: auto; }
@media print { .nb-controls, .nb-screen { display: none; } details.nb-howto { display: block; }
  table.cl-side tr { break-inside: avoid; } table.cl-side thead { display: table-header-group; }
  a[href]::after, button.nb-sort::after { content: none !important; }  /* addresses mean nothing on paper */
  .nb-badge, .nb-legend i, .cl-map { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
""").substitute(blue=PALETTE["blue"], orange=PALETTE["orange"])

_SCRIPT = """
(function () {
  var fold = function (s) {
    return s.toLocaleLowerCase('tr').replace(/[çğıiöşüâîû]/g, function (c) {
      return {'ç': 'c', 'ğ': 'g', 'ı': 'i', 'i': 'i', 'ö': 'o', 'ş': 's', 'ü': 'u', 'â': 'a', 'î': 'i', 'û': 'u'}[c];
    }).normalize('NFD').replace(/[\\u0300-\\u036f]/g, '');
  };
  var table = document.getElementById('nb-table');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById('nb-search');
  var region = document.getElementById('nb-region');
  var strong = document.getElementById('nb-strong');
  var pilot = document.getElementById('nb-pilot');
  var count = document.getElementById('nb-count');
  var template = __TEMPLATE__;
  function apply() {
    var words = fold(search.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-text');
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      ok = ok && (!region.value || row.getAttribute('data-region') === region.value);
      ok = ok && (!strong.value || row.getAttribute('data-strong').split(' ').indexOf(strong.value) >= 0);
      ok = ok && (!pilot.checked || row.getAttribute('data-pilot') === '1');
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = template.replace('{shown}', shown).replace('{total}', rows.length);
  }
  [search, region, strong, pilot].forEach(function (el) {
    el.addEventListener('input', apply);
    el.addEventListener('change', apply);
  });
  var buttons = Array.prototype.slice.call(table.querySelectorAll('button.nb-sort'));
  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      var col = +button.getAttribute('data-col');
      var numeric = button.getAttribute('data-type') === 'num';
      var dir = button.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      buttons.forEach(function (b) { b.removeAttribute('aria-sort'); });
      button.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        if (numeric) {
          x = x === '' ? NaN : +x; y = y === '' ? NaN : +y;
          if (isNaN(x) || isNaN(y)) { return isNaN(x) - isNaN(y); }
          return dir * (x - y);
        }
        return dir * x.localeCompare(y, document.documentElement.lang);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""


@cache
def _environment():
    import jinja2

    folder = resources.files("clusterlib").joinpath("resources/templates/national")
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def _css() -> str:
    return resources.files("clusterlib").joinpath("resources/templates/report.css").read_text(encoding="utf-8") + _CSS


def _nav(lang: str, prefix: str) -> list[tuple[str, str]]:
    return [(f"{prefix}index.html", t("national.nav.index", lang)),
            (f"{prefix}national.html", t("national.nav.national", lang)),
            (f"{prefix}knowledge_base.html", t("national.nav.kb", lang))]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _num(value: object, lang: str, decimals: int = 0) -> str:
    return "–" if _missing(value) else format_number(float(value), lang, decimals=decimals)


def _sort(value: object) -> str:
    return "" if _missing(value) else repr(float(value))


def stars_text(n: int) -> str:
    """Five star places, filled for each star met, and the count written out (never the symbols alone).

    Examples
    --------
    >>> stars_text(2)
    '★★☆☆☆ 2/5'
    """
    return "★" * n + "☆" * (5 - n) + f" {n}/5"


def _rank(value: object, lang: str) -> str:
    return "" if _missing(value) else t("national.rank_of", lang, rank=int(value), of=81)


def _cell(value: str, *, num: bool = False, sort: str | None = None, href: str | None = None,
          note: str = "", tag: str = "", lines: list[str] | tuple[str, ...] = ()) -> dict:
    return {"text": value, "num": num, "sort": sort, "href": href, "note": note, "tag": tag, "lines": list(lines)}


def _category_label(view: NationalView, category_id: str, lang: str) -> str:
    category = view.category(category_id)
    return f"{category.name(lang)} ({category.division})"


def _strongest_lines(view: NationalView, plate: int, lang: str) -> list[str]:
    top = view.strongest_rows(plate)
    if not top:
        return [t("national.none", lang)]
    return [("● " if r.strong else "") + f"{_category_label(view, r.category, lang)} " + "★" * int(r.stars)
            for r in top]


def _technical(view: NationalView, lang: str) -> str:
    from clusterlib import __version__

    return t("national.technical", lang, year=view.year, period=view.period, folder=view.folder, version=__version__)


def _synthetic(view: NationalView, lang: str) -> str:
    return t("national.synthetic", lang) if view.synthetic else t("national.own_data", lang, folder=view.folder)


def _province_table(view: NationalView, lang: str) -> dict:
    c = view.context
    n = len(view.categories)
    gdp_year, ses_year, pop_year = int(c["gdp_year"].iloc[0]), int(c["ses_year"].iloc[0]),\
        int(c["population_year"].iloc[0])
    columns = [{"label": t("national.col.province", lang), "num": False},
               {"label": t("national.col.plate", lang), "num": True},
               {"label": t("national.col.nuts2", lang), "num": False},
               {"label": t("national.col.population", lang, year=pop_year), "num": True},
               {"label": t("national.col.gdp_rank", lang, year=gdp_year), "num": True},
               {"label": t("national.col.ses_rank", lang, year=ses_year), "num": True},
               {"label": t("national.col.strong_count", lang, n=n), "num": True},
               {"label": t("national.col.strongest", lang), "num": False}]
    strong_ids = view.measures[view.measures["strong"]].groupby("plate")["category"].agg(" ".join)
    strong_count = view.strong_counts
    rows = []
    for r in c.itertuples(index=False):
        place = regions.province(int(r.plate))
        strongest = _strongest_lines(view, r.plate, lang)
        names = [view.category(i) for i in strong_ids.get(r.plate, "").split()]
        searchable = " ".join([r.province, place.name_ascii, r.nuts2, r.nuts2_name, f"{r.plate:02d}",
                               *(x for cat in names for x in (cat.name_tr, cat.name_en))])
        rows.append({
            "attrs": {"class": "nb-row", "data-text": fold(searchable), "data-region": r.nuts2,
                      "data-strong": strong_ids.get(r.plate, ""), "data-pilot": "1" if r.pilot else "0",
                      "data-plate": str(r.plate)},
            "cells": [
                _cell(r.province, sort=r.province, href=f"provinces/{r.slug}.html",
                      tag=t("national.pilot", lang) if r.pilot else ""),
                _cell(f"{r.plate:02d}", num=True, sort=str(r.plate)),
                _cell(f"{r.nuts2} {r.nuts2_name}", sort=r.nuts2),
                _cell(_num(r.population, lang), num=True, sort=_sort(r.population)),
                _cell(f"{int(r.gdp_rank)}", num=True, sort=_sort(r.gdp_rank)),
                _cell(f"{int(r.ses_rank)}", num=True, sort=_sort(r.ses_rank)),
                _cell(str(int(strong_count.get(r.plate, 0))), num=True, sort=str(int(strong_count.get(r.plate, 0)))),
                _cell(strongest[0], sort=str(int(view.ranked_rows(r.plate)[0].stars)), lines=strongest[1:]),
            ]})
    return {"columns": columns, "rows": rows, "sortable": True}


def category_caveat(division: str, lang: str) -> str:
    """A caution on a category's data (e.g. agriculture: few insured employees), or an empty text."""
    key = f"national.caveat.{division}"
    return t(key, lang) if has_string(key) else ""


def _category_table(view: NationalView, lang: str) -> dict:
    columns = [{"label": t("national.col.category", lang), "num": False},
               {"label": t("national.col.clusters", lang), "num": False},
               {"label": t("national.col.strong_provinces", lang), "num": False}]
    rows = []
    for category in view.categories:
        here = view.measures[(view.measures["category"] == category.id) & view.measures["strong"]]
        names = ", ".join(sorted(here["province"], key=fold))
        rows.append({"attrs": {}, "cells": [
            _cell(_category_label(view, category.id, lang), href=f"#map-{category.id}"),
            _cell("; ".join(category.cluster_names(lang)), note=category_caveat(category.division, lang)),
            _cell(f"{len(here)}: {names}" if len(here) else t("national.none", lang)),
        ]})
    return {"columns": columns, "rows": rows, "sortable": False}


def _legend(lang: str) -> list[tuple[str, str]]:
    def n(x: float) -> str:
        return format_number(x, lang, decimals=2)

    edges = LQ_BREAKS
    labels = [f"< {n(edges[0])}", *(f"{n(a)}–{n(b)}" for a, b in pairwise(edges)), f"≥ {n(edges[-1])}"]
    return [*zip(LQ_COLOURS, labels, strict=True), (NO_DATA_COLOUR, t("national.map.no_employment", lang))]


def _maps(view: NationalView, lang: str) -> list[dict]:
    centres = {p: regions.province(p) for p in range(1, 82)}
    links = {p: f"provinces/{centres[p].slug}.html" for p in range(1, 82)}
    registry = view.registry.dropna(subset=["plate"])
    out = []
    for category in view.categories:
        fills, titles, points = {}, {}, []
        for plate, r in view.category_rows(category.id).items():
            present = r.employment > 0
            fills[plate] = lq_colour(r.lq) if present else NO_DATA_COLOUR
            titles[plate] = t("national.map.tip", lang, province=r.province, lq=_num(r.lq, lang, 2),
                              employment=_num(r.employment, lang), stars=int(r.stars),
                              strong=t("national.map.tip_strong", lang) if r.strong else "")
            if r.strong:
                points.append(MapPoint(centres[plate].lon, centres[plate].lat - 0.12, titles[plate], "dot"))
        seen: dict[int, int] = {}
        for row in registry[[category.division in ds for ds in registry["nace"]]].itertuples(index=False):
            place = centres[int(row.plate)]
            k = seen[place.plate] = seen.get(place.plate, -1) + 1  # several in one province: side by side
            points.append(MapPoint(place.lon + 0.3 + 0.35 * k, place.lat + 0.15,
                                   f"{getattr(row, f'name_{lang}')} — {place.name}", "star"))
        title = t("national.map.title", lang, category=_category_label(view, category.id, lang), year=view.year)
        source = (t("national.map.source", lang, year=view.year) if view.synthetic
                  else t("national.map.source_own", lang, year=view.year, folder=view.folder))
        svg = province_map(fills, titles=titles, links=links, points=points, label=title,
                           outline=category.pilot_plates)
        pilots = ", ".join(regions.province(p).name for p in category.pilot_plates)
        outline = t("national.map.pilot", lang, provinces=pilots) if pilots else ""
        out.append({"id": category.id, "title": title, "svg": svg, "source": source, "outline": outline})
    return out


def _not_on_maps(view: NationalView, lang: str) -> str:
    divisions = {c.division for c in view.categories}
    missing = [getattr(r, f"name_{lang}") for r in view.registry.itertuples(index=False)
               if pd.isna(r.plate) or not divisions.intersection(r.nace)]
    return t("national.map.not_shown", lang, names="; ".join(missing)) if missing else ""


def national_page(view: NationalView, *, lang: str) -> str:
    """The national page: the 81 provinces (search, sort, filters), the categories and their maps (HTML)."""
    lang = check_language(lang)
    c = view.context
    regions_list = sorted({(r.nuts2, r.nuts2_name) for r in c.itertuples(index=False)})
    categories = [{"id": cat.id, "label": _category_label(view, cat.id, lang), "short": cat.name(lang)}
                  for cat in view.categories]
    template = _environment().get_template("national.html.j2")
    script = _SCRIPT.replace("__TEMPLATE__", json.dumps(t("national.shown", lang, shown="{shown}", total="{total}")))
    return template.render(
        lang=lang, body_class="nb-wide", title=t("national.title", lang), css=_css(), nav=_nav(lang, ""),
        nav_label=t("national.nav", lang),
        intro=t("national.intro", lang), synthetic=_synthetic(view, lang),
        official=t("national.official", lang, population_year=int(c["population_year"].iloc[0]),
                   gdp_year=int(c["gdp_year"].iloc[0]), ses_year=int(c["ses_year"].iloc[0])),
        howto=t("national.howto", lang),
        howto_lines=[t(f"national.howto.{k}", lang) for k in ("lq", "strong", "stars", "category")],
        h_table=t("national.h.table", lang), search_label=t("national.search", lang),
        search_hint=t("national.search_hint", lang), region_label=t("national.filter.region", lang),
        regions=regions_list, all=t("national.all", lang), strong_label=t("national.filter.strong", lang),
        categories=categories, pilot_label=t("national.filter.pilot", lang),
        shown=t("national.shown", lang, shown=len(c), total=len(c)),
        sort_hint=f'{t("national.sort_hint", lang)} {t("national.strongest_note", lang)}',
        province_table=_province_table(view, lang), workbook_text=t("national.workbook", lang, link="").strip(),
        workbook_href="national.xlsx", h_categories=t("national.h.categories", lang),
        category_table=_category_table(view, lang), h_maps=t("national.h.maps", lang),
        maps_intro=t("national.maps_intro", lang), not_on_maps=_not_on_maps(view, lang),
        jump=t("national.map.jump", lang), defs=geometry_defs(),
        legend=_legend(lang), strong_mark=t("national.map.strong", lang),
        initiative_mark=t("national.map.initiative", lang), maps=_maps(view, lang), attribution=ATTRIBUTION[lang],
        technical=_technical(view, lang), script=script,
    )


def unavailable_page(reason: str, *, lang: str) -> str:
    """The national page when the data lack the tables the measures need: it says why (HTML)."""
    lang = check_language(lang)
    template = _environment().from_string(
        '{% extends "base.html.j2" %}{% block body %}<p class="nb-finding">{{ reason }}</p>{% endblock %}')
    return template.render(lang=lang, body_class="", title=t("national.title", lang), css=_css(),
                           nav=_nav(lang, ""), nav_label=t("national.nav", lang), script="",
                           reason=t("national.unavailable", lang, reason=reason))
