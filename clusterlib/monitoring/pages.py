"""Static offline pages of a report set: the knowledge base, the national overview and the info spots.

:func:`write_run_pages` writes, into the language folder of a report set (``<out>/<lang>/``):

* ``knowledge_base.html`` — the registry of Türkiye's cluster initiatives with a search box and
  filters by province, sector and year (plain JavaScript inside the page, no library, no network),
  a map of the initiatives and a link to each province's reports;
* (``national.html``, the national overview of the 81 provinces, is written by :mod:`clusterlib.national`);
* ``info_spot_black_sea.html`` and ``info_spot_east_mediterranean.html`` — one page per Cluster Info
  Spot comparing its provinces and clusters (the two spots are to work in coordination).

Every page is one file with its style and script inline, readable without a server or a network.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import pandas as pd

from clusterlib import geo, nace, regions
from clusterlib.data import DataValidationError
from clusterlib.i18n import check_language, format_number, t, turkish_sort_key
from clusterlib.monitoring import labels  # noqa: F401  (registers the strings)
from clusterlib.monitoring.analysis import MonitoringBenchmarking, analyse_monitoring
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.monitoring.findings import format_metric
from clusterlib.monitoring.initiatives import default_registry_path, load_initiatives
from clusterlib.monitoring.pages_text import fold, spot_slug
from clusterlib.monitoring.svgmap import Marker, turkiye_svg
from clusterlib.report.steps import step_title

__all__ = [
    "INFO_SPOTS",
    "info_spot_page",
    "knowledge_base_page",
    "page_links_html",
    "show_page_links",
    "write_run_pages",
]

#: The two Cluster Info Spots and their pilot provinces (plates).
INFO_SPOTS: dict[str, tuple[int, ...]] = {"Black Sea": (19, 55, 61), "East Mediterranean": (27, 46)}
_PILOT_COLOUR, _OTHER_COLOUR = "#E69F00", "#0072B2"



def _css() -> str:
    base = resources.files("clusterlib").joinpath("resources/templates/report.css").read_text(encoding="utf-8")
    return base + """
.cl-map { width: 100%; height: auto; border: 1px solid var(--cl-line); background: #fbfcfd; }
.kb-controls { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; margin: 1rem 0; }
.kb-controls label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--cl-muted); }
.kb-controls input, .kb-controls select { font-size: 1rem; padding: 0.3rem; min-width: 12rem; }
table.cl-side { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
table.cl-side th, table.cl-side td { border-bottom: 1px solid var(--cl-line); padding: 0.35rem 0.5rem;
  vertical-align: top; text-align: left; }
.cl-legend span { margin-right: 1.5rem; }
nav.cl-nav a { margin-right: 1rem; }
@media print { .kb-controls { display: none; } }
"""


def _page(title: str, body: str, lang: str, *, script: str = "") -> str:
    nav = _nav(lang)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{_css()}</style></head>"
            f"<body>{nav}<h1>{html.escape(title)}</h1>{body}"
            + (f"<script>{script}</script>" if script else "") + "</body></html>\n")


def _nav(lang: str) -> str:
    links = [("index.html", t("pages.index", lang)), ("knowledge_base.html", t("pages.kb.title", lang)),
             ("national.html", t("pages.national.title", lang))]
    for spot in INFO_SPOTS:
        links.append((f"info_spot_{spot_slug(spot)}.html", t("pages.spot.title", lang, spot=_spot_name(spot, lang))))
    items = "".join(f'<a href="{href}">{html.escape(text)}</a>' for href, text in links)
    return f'<nav class="cl-nav" aria-label="{html.escape(t("pages.nav", lang))}">{items}</nav>'


def _spot_name(spot: str, lang: str) -> str:
    if lang == "en":
        return spot
    return next(p.info_spot_tr for p in regions.pilots() if p.info_spot == spot)


def _in_language(row: object, column: str, lang: str) -> str:
    """A registry text in ``lang``: the ``<column>_tr`` text on Turkish pages when the registry has
    it, else the ``<column>`` text (English); empty when neither is given."""
    for name in ((f"{column}_tr", column) if lang == "tr" else (column,)):
        value = getattr(row, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _report_links(plate: int | None, links: Mapping[int, Sequence[tuple[str, str]]], lang: str) -> str:
    if plate is None or pd.isna(plate):
        return ""
    items = links.get(int(plate), ())
    return " ".join(f'<a href="{html.escape(href)}">{html.escape(step_title(step, lang))}</a>' for step, href in items)


def _markers(registry: pd.DataFrame, lang: str) -> list[Marker]:
    markers = []
    centres = {p.plate: (p.lon, p.lat) for p in (regions.province(k) for k in range(1, 82))}
    for plate, rows in registry.dropna(subset=["plate"]).groupby("plate", sort=True):
        lon, lat = centres[int(plate)]
        for k, row in enumerate(rows.itertuples(index=False)):
            angle = 2 * math.pi * k / max(len(rows), 1)
            offset = 0.0 if len(rows) == 1 else 0.22
            pilot = bool(row.pilot)
            markers.append(Marker(lon + offset * math.cos(angle), lat + offset * math.sin(angle),
                                  f"{getattr(row, f'name_{lang}')} — {row.province}",
                                  shape="star" if pilot else "circle",
                                  colour=_PILOT_COLOUR if pilot else _OTHER_COLOUR, size=6.5 if pilot else 5.0,
                                  css_class="kb-marker", ident=str(row.id)))
    return markers


def _map_block(registry: pd.DataFrame, lang: str, *, highlight: Sequence[int] = ()) -> str:
    fills = {plate: "#fde6b3" for plate in highlight}
    svg = turkiye_svg(_markers(registry, lang), fills=fills, label=t("pages.map", lang))
    missing = registry.loc[registry["plate"].isna(), f"name_{lang}"].tolist()
    note = (f'<p class="cl-muted">{html.escape(t("pages.not_on_map", lang, names=", ".join(missing)))}</p>'
            if missing else "")
    legend = (f'<p class="cl-legend"><span style="color:{_PILOT_COLOUR}">{html.escape(t("pages.legend.pilot", lang))}'
              f'</span><span style="color:{_OTHER_COLOUR}">{html.escape(t("pages.legend.other", lang))}</span></p>')
    credit = f'<p class="cl-muted"><small>{html.escape(geo.attribution(lang))}</small></p>'
    return f"<h2>{html.escape(t('pages.map', lang))}</h2>{legend}{svg}{credit}{note}"


def knowledge_base_page(registry: pd.DataFrame, *, lang: str,
                        links: Mapping[int, Sequence[tuple[str, str]]] | None = None) -> str:
    """The knowledge-base page: searchable, filterable table of the initiatives and their map (HTML text)."""
    lang = check_language(lang)
    links = links or {}
    divisions = sorted({d for ds in registry["nace"] for d in ds})
    provinces = sorted({p for p in registry["province"].dropna()}, key=fold)
    years = sorted({int(y) for y in registry["year"].dropna()})
    option = '<option value="{v}">{text}</option>'.format
    controls = (
        '<div class="kb-controls">'
        f'<label for="kb-search">{html.escape(t("pages.search", lang))}<input id="kb-search" type="search" '
        f'placeholder="{html.escape(t("pages.search_hint", lang))}" autocomplete="off"></label>'
        f'<label for="kb-province">{html.escape(t("pages.col.province", lang))}<select id="kb-province">'
        + option(v="", text=html.escape(t("pages.all", lang)))
        + "".join(option(v=html.escape(p), text=html.escape(p)) for p in provinces) + "</select></label>"
        f'<label for="kb-sector">{html.escape(t("pages.col.sector", lang))}<select id="kb-sector">'
        + option(v="", text=html.escape(t("pages.all", lang)))
        + "".join(option(v=d, text=html.escape(f"{d} {nace.name(d, lang=lang, short=True)}")) for d in divisions)
        + "</select></label>"
        f'<label for="kb-year">{html.escape(t("pages.col.year", lang))}<select id="kb-year">'
        + option(v="", text=html.escape(t("pages.all", lang)))
        + "".join(option(v=y, text=y) for y in years)
        + option(v="none", text=html.escape(t("pages.unknown_year", lang))) + "</select></label></div>"
    )
    head = "".join(f"<th>{html.escape(t(f'pages.col.{c}', lang))}</th>"
                   for c in ("name", "province", "sector", "year", "lead", "members", "notes", "reports"))
    rows = []
    sort_key = turkish_sort_key if lang == "tr" else str.casefold
    names = registry[f"name_{lang}"].astype(str).tolist()
    pilots = registry["pilot"].tolist()
    order = sorted(range(len(registry)), key=lambda k: (not pilots[k], sort_key(names[k])))  # pilots, then A–Z
    for row in registry.iloc[order].itertuples(index=False):
        name = getattr(row, f"name_{lang}")
        divisions_text = ";".join(row.nace)
        sector = _in_language(row, "sector", lang)
        sector += f" ({', '.join(row.nace)})" if row.nace else ""
        year = "" if pd.isna(row.year) else str(int(row.year))
        members = "" if pd.isna(row.members) else format_number(int(row.members), lang)
        province = "" if pd.isna(row.province) else row.province
        lead = _in_language(row, "lead_organisation", lang)
        notes = _in_language(row, "notes", lang)
        fields = (row.name_en, row.name_tr, province, row.sector, _in_language(row, "sector", "tr"),
                  _in_language(row, "lead_organisation", "en"), lead, _in_language(row, "notes", "en"), notes,
                  divisions_text)
        searchable = fold(" ".join(x for x in fields if isinstance(x, str)))
        star = "★ " if row.pilot else ""
        rows.append(
            f'<tr class="kb-row" data-id="{html.escape(row.id)}" data-province="{html.escape(province)}" '
            f'data-divisions="{html.escape(divisions_text)}" data-year="{year or "none"}" '
            f'data-text="{html.escape(searchable)}">'
            f"<td>{star}{html.escape(name)}</td><td>{html.escape(province)}</td><td>{html.escape(sector)}</td>"
            f"<td>{year}</td><td>{html.escape(lead)}</td><td class=\"num\">{members}</td>"
            f"<td>{html.escape(notes)}</td><td>{_report_links(row.plate, links, lang)}</td></tr>"
        )
    count = (f'<p id="kb-count" aria-live="polite">'
             f"{html.escape(t('pages.shown', lang, shown=len(registry), total=len(registry)))}</p>")
    table = (f'<div class="cl-table-wrap"><table id="kb-table" class="cl-side"><thead><tr>{head}</tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table></div>")
    body = (f"<p>{html.escape(t('pages.kb.intro', lang))}</p>{controls}{count}{table}"
            f"{_map_block(registry, lang)}")
    template = json.dumps(t("pages.shown", lang, shown="{shown}", total="{total}"))
    return _page(t("pages.kb.title", lang), body, lang, script=_KB_SCRIPT.replace("__TEMPLATE__", template))


_KB_SCRIPT = """
(function () {
  var fold = function (s) {
    return s.toLocaleLowerCase('tr').replace(/[çğıiöşüâîû]/g, function (c) {
      return {'ç': 'c', 'ğ': 'g', 'ı': 'i', 'i': 'i', 'ö': 'o', 'ş': 's', 'ü': 'u', 'â': 'a', 'î': 'i', 'û': 'u'}[c];
    }).normalize('NFD').replace(/[\\u0300-\\u036f]/g, '');
  };
  var search = document.getElementById('kb-search');
  var province = document.getElementById('kb-province');
  var sector = document.getElementById('kb-sector');
  var year = document.getElementById('kb-year');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#kb-table tr.kb-row'));
  var count = document.getElementById('kb-count');
  var template = __TEMPLATE__;
  function apply() {
    var words = fold(search.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    var visible = {};
    rows.forEach(function (row) {
      var text = row.getAttribute('data-text');
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      ok = ok && (!province.value || row.getAttribute('data-province') === province.value);
      ok = ok && (!sector.value || row.getAttribute('data-divisions').split(';').indexOf(sector.value) >= 0);
      ok = ok && (!year.value || row.getAttribute('data-year') === year.value);
      row.hidden = !ok;
      if (ok) { shown += 1; visible[row.getAttribute('data-id')] = true; }
    });
    document.querySelectorAll('.kb-marker').forEach(function (m) {
      m.style.display = visible[m.getAttribute('data-id')] ? '' : 'none';
    });
    count.textContent = template.replace('{shown}', shown).replace('{total}', rows.length);
  }
  [search, province, sector, year].forEach(function (el) {
    el.addEventListener('input', apply);
    el.addEventListener('change', apply);
  });
  apply();
})();
"""


def _stars(n: int) -> str:
    return "★" * n + "☆" * (5 - n) + f" {n}/5"


def _side_by_side(results: Sequence[MonitoringBenchmarking], lang: str,
                  links: Mapping[int, Sequence[tuple[str, str]]], missing: str | None = None) -> str:
    if not results:  # the data lack what the scorecards need: say why instead of an empty table
        return f'<p class="cl-muted">{html.escape(t("pages.no_scorecards", lang, reason=missing or "–"))}</p>'
    head = "<th></th>" + "".join(f"<th>{html.escape(r.province.name)}</th>" for r in results)
    lines: list[tuple[str, list[str]]] = [
        (t("pages.row.cluster", lang), [html.escape(r.sector_name) for r in results]),
        (t("pages.row.host", lang), [html.escape((r.province.host_tr if lang == "tr" else r.province.host_en) or "")
                                      for r in results]),
    ]
    for metric in METRICS:
        cells = []
        for r in results:
            row = r.scorecard.set_index("metric").loc[metric]
            value = row["value"]
            shown = format_metric(metric, value, lang)
            pct = "" if pd.isna(row["percentile"]) else t("pages.pct", lang,
                                                          p=format_number(row["percentile"], lang, decimals=0))
            cells.append(f"{shown}<br><small>{pct}</small>")
        lines.append((t(f"monitoring.metric.{metric}", lang), cells))
    lines.append((t("pages.row.strong", lang), [t("pages.yes" if r.strong else "pages.no", lang) for r in results]))
    lines.append((t("pages.row.stars", lang), [_stars(int(r.stars["stars"])) for r in results]))
    monitoring = []
    for r in results:
        counts = r.summary["status"].value_counts() if not r.summary.empty else pd.Series(dtype=int)
        monitoring.append(" ".join(f"{sym} {int(counts.get(s, 0))}" for s, sym in
                                   (("green", "●"), ("amber", "▲"), ("red", "■"), ("grey", "○"))))
    lines.append((t("pages.row.monitoring", lang), monitoring))
    lines.append((t("pages.row.management", lang), [
        "–" if math.isnan(r.management_score) else
        f"{format_number(r.management_score, lang, decimals=0)} ({t(f'monitoring.label.{r.management_label}', lang)})"
        for r in results]))
    lines.append((t("pages.row.gdp", lang), [f"{r.gdp_per_capita['rank']} / {r.gdp_per_capita['of']} "
                                              f"({r.gdp_per_capita['year']})" for r in results]))
    lines.append((t("pages.row.ses", lang), [f"{r.ses['rank']} / {r.ses['of']}" for r in results]))
    lines.append((t("pages.row.growth", lang), [
        format_metric("growth", r.gva_growth.set_index("sector").loc["total_gva", "province_cagr"], lang)
        for r in results]))
    lines.append((t("pages.row.reports", lang), [_report_links(r.province.plate, links, lang) for r in results]))
    body = "".join(f"<tr><th>{html.escape(label)}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
                   for label, cells in lines)
    return (f'<div class="cl-table-wrap"><table class="cl-side"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def info_spot_page(spot: str, results: Sequence[MonitoringBenchmarking], registry: pd.DataFrame, *, lang: str,
                   links: Mapping[int, Sequence[tuple[str, str]]] | None = None, missing: str | None = None) -> str:
    """One Cluster Info Spot: its provinces' clusters side by side, its initiatives and the map (HTML text)."""
    lang = check_language(lang)
    if spot not in INFO_SPOTS:
        raise ValueError(f"'spot' must be one of {list(INFO_SPOTS)}, got {spot!r}")
    plates = INFO_SPOTS[spot]
    mine = [r for r in results if r.province.plate in plates]
    other = next(s for s in INFO_SPOTS if s != spot)
    other_link = (f'<a href="info_spot_{spot_slug(other)}.html">'
                  f"{html.escape(t('pages.spot.title', lang, spot=_spot_name(other, lang)))}</a>")
    names = ", ".join(regions.province(p).name for p in plates)
    intro = html.escape(t("pages.spot.intro", lang, provinces=names, other="__OTHER__")).replace("__OTHER__",
                                                                                                  other_link)
    here = registry[registry["plate"].isin(plates)]
    listed = "".join(f"<li>{'★ ' if r.pilot else ''}{html.escape(getattr(r, f'name_{lang}'))} — "
                     f"{html.escape(r.province)}</li>" for r in here.itertuples(index=False))
    body = (f"<p>{intro}</p><p><small>{html.escape(t('pages.synthetic', lang))}</small></p>"
            f"{_side_by_side(mine, lang, links or {}, missing)}"
            f"<h2>{html.escape(t('pages.kb.title', lang))}</h2><ul>{listed}</ul>"
            f"{_map_block(here, lang, highlight=plates)}")
    return _page(t("pages.spot.title", lang, spot=_spot_name(spot, lang)), body, lang)


def _links(lang_dir: Path, status: Mapping[str, object] | None) -> dict[int, list[tuple[str, str]]]:
    """Report links by plate: from the run's status entries, else from the report files present."""
    found: dict[int, list[tuple[str, str]]] = {}
    entries = status
    if entries is None and (lang_dir / "status.json").is_file():
        entries = json.loads((lang_dir / "status.json").read_text(encoding="utf-8")).get("entries", {})
    if entries:
        for entry in entries.values():
            if isinstance(entry, Mapping) and entry.get("report") and (lang_dir / str(entry["report"])).is_file():
                found.setdefault(int(entry["plate"]), []).append((str(entry["step"]), str(entry["report"])))
    else:
        for plate in range(1, 82):
            folder = lang_dir / regions.province(plate).slug
            for report in sorted(folder.glob("*.html")) if folder.is_dir() else ():
                found.setdefault(plate, []).append((report.stem, f"{folder.name}/{report.name}"))
    return {plate: sorted(items) for plate, items in found.items()}


def page_links_html(province: regions.Province | str | int, *, lang: str) -> str:
    """A navigation block for a province's reports: links to the knowledge base, the national overview and
    the info spots (the province's own spot first), relative to ``<lang>/<province>/<step>.html``."""
    lang = check_language(lang)
    place = regions.province(province)
    spots = sorted(INFO_SPOTS, key=lambda s: s != place.info_spot)
    links = [("../knowledge_base.html", t("pages.kb.title", lang)), ("../national.html", t("pages.national.title",
                                                                                             lang))]
    links += [(f"../info_spot_{spot_slug(s)}.html", t("pages.spot.title", lang, spot=_spot_name(s, lang)))
              for s in spots]
    items = "".join(f'<li><a href="{href}">{html.escape(text)}</a></li>' for href, text in links)
    return f'<nav class="cl-pages" aria-label="{html.escape(t("pages.nav", lang))}"><ul>{items}</ul></nav>'


def show_page_links(province: regions.Province | str | int, *, lang: str) -> None:
    """Display :func:`page_links_html` in a notebook cell (and so in the HTML report)."""
    from clusterlib.report.display import publish

    markup = page_links_html(province, lang=lang)
    publish({"text/html": markup, "text/plain": t("pages.nav", lang)}, "links")


def write_run_pages(out_dir: str | Path, *, lang: str = "tr", status: Mapping[str, object] | None = None,
                    data_dir: str | Path | None = None) -> list[Path]:
    """Write the knowledge-base and info-spot pages into a report set (the national overview:
    :func:`clusterlib.national.write_national_pages`).

    Parameters
    ----------
    out_dir : str or pathlib.Path
        The report folder of a run (``clusterlib run --out``); pages go to ``<out_dir>/<lang>/``.
    lang : {"tr", "en"}
    status : mapping, optional
        The ``entries`` of the run's ``<lang>/status.json`` (default: read from disk; without it the
        report files present are linked).
    data_dir : str or pathlib.Path, optional
        Input tables and ``initiatives.csv``/``.xlsx`` (default: the bundled sample). Without a
        registry there, the bundled registry is used; without the tables the scorecards need, the
        info-spot pages say why instead of showing them.

    Returns
    -------
    list of pathlib.Path
        The pages written.
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    lang_dir.mkdir(parents=True, exist_ok=True)
    try:
        registry_path = default_registry_path(data_dir)
    except DataValidationError:  # the user's data hold no registry: the bundled one (real facts) serves
        registry_path = default_registry_path()
    registry = load_initiatives(registry_path)
    links = _links(lang_dir, status)
    missing = None
    try:
        results = [analyse_monitoring(p, lang=lang, data_dir=data_dir) for p in regions.pilots()]
    except DataValidationError as error:  # the data lack a table the scorecards need: say so on the pages
        results, missing = [], str(error)
    pages = {"knowledge_base.html": knowledge_base_page(registry, lang=lang, links=links)}
    for spot in INFO_SPOTS:
        pages[f"info_spot_{spot_slug(spot)}.html"] = info_spot_page(spot, results, registry, lang=lang, links=links,
                                                                     missing=missing)
    written = []
    for name, text in pages.items():
        path = lang_dir / name
        tmp = path.with_suffix(".html.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
