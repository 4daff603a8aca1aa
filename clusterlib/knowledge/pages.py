"""The knowledge-base page and the info-spot pages, rendered from the store with a Jinja template.

``knowledge_base.html`` lists every entry (search and filters run inside the page, offline), each
with when and by which info spot it was last updated and its history folded away, the support
programmes with their official addresses and a "what changed since the last run" list on top.
``info_spot_<spot>.html`` shows one Cluster Info Spot's provinces: the scorecards its caller passes
(the national comparison is written by :mod:`clusterlib.monitoring.pages`), its entries and map.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import math
import os
import string
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

from clusterlib import geo, nace, regions
from clusterlib.charts import PALETTE
from clusterlib.config import RESOURCES_DIR
from clusterlib.i18n import ZONE_LABEL, check_language, format_date, format_number, t, turkish_sort_key
from clusterlib.knowledge import labels  # noqa: F401  (registers the strings)
from clusterlib.knowledge.merge import duplicate_names
from clusterlib.knowledge.schema import KINDS, SAFE_SCHEMES, need_area_name
from clusterlib.knowledge.store import Change, Entry, KnowledgeStore
from clusterlib.monitoring.pages import INFO_SPOTS
from clusterlib.monitoring.pages_text import fold, spot_slug
from clusterlib.monitoring.svgmap import Marker, turkiye_svg
from clusterlib.report.titles import step_title

__all__ = ["info_spot_page", "knowledge_base_page", "safe_link", "write_knowledge_pages"]

_TEMPLATES = RESOURCES_DIR / "templates"
_PILOT_COLOUR, _OTHER_COLOUR = PALETTE["orange"], PALETTE["blue"]
_STATE = "knowledge_state.json"
_CSS = string.Template("""
.cl-map { width: 100%; height: auto; border: 1px solid var(--cl-line); background: #fbfcfd; }
.kb-controls { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: end; margin: 1rem 0; }
.kb-controls label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--cl-muted); }
.kb-controls input, .kb-controls select { font-size: 1rem; padding: 0.3rem; min-width: 12rem; }
table.cl-side { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
table.cl-side th, table.cl-side td { border-bottom: 1px solid var(--cl-line); padding: 0.35rem 0.5rem;
  vertical-align: top; text-align: left; }
.cl-legend span { margin-right: 1.5rem; }
nav.cl-nav a { margin-right: 1rem; }
.kb-changes { border-left: 4px solid $blue; padding-left: 0.8rem; }
.kb-warning { border: 1px solid $orange; padding: 0.5rem; }
.kb-programme dt { font-weight: bold; } .kb-unsafe { color: var(--cl-muted); }
@media print { .kb-controls { display: none; } details > *:not(summary) { display: block; } }
""").substitute(blue=PALETTE["blue"], orange=PALETTE["orange"])


def safe_link(url: str) -> dict[str, object] | None:
    """A link for the page: ``safe`` only for ``http(s)://`` and ``mailto:``; anything else stays text.

    Examples
    --------
    >>> safe_link("https://tubitak.gov.tr")["safe"], safe_link("javascript:alert(1)")["safe"]
    (True, False)
    >>> safe_link(" JaVaScRiPt:alert(1)")["safe"], safe_link("")
    (False, None)
    """
    text = (url or "").strip()
    if not text:
        return None
    plain = "".join(text.split()).lower()
    ok = plain.startswith(SAFE_SCHEMES) and not any(ord(c) < 32 for c in text)
    return {"safe": ok, "href": text if ok else "", "text": text}


@cache
def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def _css() -> str:
    return (_TEMPLATES / "report.css").read_text(encoding="utf-8") + _CSS


def _spot_name(spot: str, lang: str) -> str:
    if lang == "en":
        return spot
    return next(p.info_spot_tr for p in regions.pilots() if p.info_spot == spot)


def _nav(lang: str) -> list[dict[str, str]]:
    links = [("index.html", t("pages.index", lang)), ("knowledge_base.html", t("kb.page.title", lang)),
             ("national.html", t("pages.national.title", lang))]
    links += [(f"info_spot_{spot_slug(s)}.html", t("pages.spot.title", lang, spot=_spot_name(s, lang)))
              for s in INFO_SPOTS]
    return [{"href": h, "text": x} for h, x in links]


def _when(text: str, lang: str) -> str:
    try:
        return f"{format_date(_dt.datetime.fromisoformat(text), lang, time=True)} {ZONE_LABEL[lang]}"
    except ValueError:
        return text


def _name(entry: Entry, lang: str) -> str:
    other = "en" if lang == "tr" else "tr"
    return entry.get(f"name_{lang}") or entry.get(f"name_{other}") or entry.id


def _in(entry: Entry, column: str, lang: str) -> str:
    return entry.get(f"{column}_{lang}") or (entry.get(f"{column}_en") if lang == "tr" else "")


def _change_text(change: Change, lang: str) -> str:
    fields = t("kb.page.created", lang) if change.action == "created" else ", ".join(change.fields)
    if change.action == "not_taken":
        fields = f"{t('kb.page.not_taken', lang)}: {fields}"
    source = f", {change.file}" if change.file else ""
    return f"v{change.version} — {_when(change.at, lang)}, {change.by}{source}: {fields}"


def _markers(entries: Sequence[Entry], lang: str) -> list[Marker]:
    centres = {p.plate: (p.lon, p.lat) for p in (regions.province(k) for k in range(1, 82))}
    by_plate: dict[int, list[Entry]] = {}
    for e in entries:
        if e.get("province"):
            by_plate.setdefault(regions.province(e.get("province")).plate, []).append(e)
    markers = []
    for plate, items in sorted(by_plate.items()):
        lon, lat = centres[plate]
        for k, e in enumerate(items):
            angle, offset = 2 * math.pi * k / len(items), 0.0 if len(items) == 1 else 0.22
            pilot = e.get("type") == "pilot_cluster"
            markers.append(Marker(lon + offset * math.cos(angle), lat + offset * math.sin(angle),
                                  f"{_name(e, lang)} — {e.get('province')}", shape="star" if pilot else "circle",
                                  colour=_PILOT_COLOUR if pilot else _OTHER_COLOUR, size=6.5 if pilot else 5.0,
                                  css_class="kb-marker", ident=e.id))
    return markers


def _map(entries: Sequence[Entry], lang: str, highlight: Sequence[int] = ()) -> str:
    svg = turkiye_svg(_markers(entries, lang), fills={p: "#fde6b3" for p in highlight}, label=t("pages.map", lang))
    missing = [_name(e, lang) for e in entries if not e.get("province")]
    note = (f'<p class="cl-muted">{html.escape(t("pages.not_on_map", lang, names=", ".join(missing)))}</p>'
            if missing else "")
    legend = (f'<p class="cl-legend"><span style="color:{_PILOT_COLOUR}">{html.escape(t("pages.legend.pilot", lang))}'
              f'</span><span style="color:{_OTHER_COLOUR}">{html.escape(t("pages.legend.other", lang))}</span></p>')
    credit = f'<p class="cl-muted"><small>{html.escape(geo.attribution(lang))}</small></p>'
    return f"<h2>{html.escape(t('pages.map', lang))}</h2>{legend}{svg}{credit}{note}"


def _entry_view(e: Entry, lang: str, history: list[Change], links: Mapping[int, Sequence[tuple[str, str]]]) -> dict:
    divisions = [d for d in e.get("nace_divisions").split(";") if d]
    sector = _in(e, "sector", lang) or (t(f"kb.kind.{e.kind}", lang) if e.kind != "initiative" else "")
    sector += f" ({', '.join(divisions)})" if divisions else ""
    plate = regions.province(e.get("province")).plate if e.get("province") else None
    members = format_number(int(e.get("members")), lang) if e.get("members") else ""
    texts = [e.get(c) for c in ("name_tr", "name_en", "province", "sector_tr", "sector_en", "lead_organisation_tr",
                                "lead_organisation_en", "notes_tr", "notes_en", "nace_divisions")]
    return {
        "id": e.id, "kind": e.kind, "province": e.get("province"), "divisions": ";".join(divisions),
        "year": e.get("year") or e.get("date")[:4], "needs": e.get("need_areas"),
        "search": fold(" ".join(x for x in texts if x)), "star": "★ " if e.get("type") == "pilot_cluster" else "",
        "name": _name(e, lang), "sector": sector, "lead": _in(e, "lead_organisation", lang) or _in(e, "role", lang),
        "members": members, "notes": _in(e, "notes", lang), "link": safe_link(e.get("url")),
        "reports": [{"href": href, "text": step_title(step, lang)} for step, href in links.get(plate, ())]
        if plate else [],
        "updated": t("kb.page.updated", lang, at=_when(e.updated_at, lang), by=e.updated_by),
        "history": [_change_text(c, lang) for c in reversed(history)],
        "history_label": t("kb.page.history", lang, n=len(history)),
    }


def _programme_view(e: Entry, lang: str) -> dict:
    needs = ", ".join(need_area_name(a, lang) for a in e.get("need_areas").split(";") if a)
    checked = e.get("checked")
    return {"id": e.id, "name": _name(e, lang), "institution": _in(e, "institution", lang),
            "funds": _in(e, "funds", lang), "needs": needs, "legal_basis": e.get("legal_basis"),
            "link": safe_link(e.get("url")) or {"safe": False, "href": "", "text": ""},
            "checked": t("kb.page.checked", lang, date=format_date(_dt.date.fromisoformat(checked), lang))
            if checked else t("kb.page.not_checked", lang),
            "updated": t("kb.page.updated", lang, at=_when(e.updated_at, lang), by=e.updated_by)}


def _option(value: str, text: str) -> dict[str, str]:
    """One ``<option>`` of a filter."""
    return {"value": value, "text": text}


def _labels(lang: str) -> dict[str, str]:
    keys = ("changed", "no_changes", "search", "search_hint", "all", "programmes", "check_source", "funds", "need",
            "legal_basis", "source", "not_checked", "link", "unsafe", "spot_entries", "provenance")
    return {k: t(f"kb.page.{k}", lang) for k in keys}


def _render(store: KnowledgeStore, *, lang: str, title: str, intro: list[str], since: int | None,
            links: Mapping[int, Sequence[tuple[str, str]]], plates: Sequence[int] | None = None,
            scorecards: str = "") -> str:
    everything, all_history = store.entries(), store.history()
    entries = [e for e in everything if e.kind != "programme"]
    if plates is not None:
        entries = [e for e in entries if e.get("province") and regions.province(e.get("province")).plate in plates]
    sort_key = turkish_sort_key if lang == "tr" else str.casefold
    entries.sort(key=lambda e: (e.get("type") != "pilot_cluster", sort_key(_name(e, lang))))
    history: dict[tuple[str, str], list[Change]] = {}
    for change in all_history:
        history.setdefault((change.kind, change.id), []).append(change)
    shown_ids = {(e.kind, e.id) for e in entries} if plates is not None else None
    changes = [c for c in all_history if since is not None and c.seq > since
               and (shown_ids is None or (c.kind, c.id) in shown_ids)]
    names = {(e.kind, e.id): _name(e, lang) for e in everything}
    head = [t(f"pages.col.{c}", lang) for c in ("name", "province", "sector", "year", "lead", "members", "notes",
                                                 "reports")] + [t("kb.page.updated_col", lang)]
    views = [_entry_view(e, lang, history.get((e.kind, e.id), []), links) for e in entries]
    provinces = sorted({v["province"] for v in views if v["province"]}, key=fold)
    divisions = sorted({d for v in views for d in v["divisions"].split(";") if d})
    years = sorted({v["year"] for v in views if v["year"]})
    filters = [
        {"id": "kb-kind", "label": t("kb.page.kind", lang), "options": [_option(k, t(f"kb.kind.{k}", lang))
                                                                         for k in KINDS if k != "programme"]},
        {"id": "kb-province", "label": t("pages.col.province", lang), "options": [_option(p, p) for p in provinces]},
        {"id": "kb-sector", "label": t("pages.col.sector", lang),
         "options": [_option(d, f"{d} {nace.name(d, lang=lang, short=True)}") for d in divisions]},
        {"id": "kb-year", "label": t("pages.col.year", lang),
         "options": [_option(y, y) for y in years] + [_option("none", t("pages.unknown_year", lang))]},
    ]
    repeated = duplicate_names(everything)
    shown = t("kb.page.shown", lang, shown="{shown}", total="{total}")
    script = (RESOURCES_DIR / "templates" / "knowledge.js").read_text(encoding="utf-8").replace(
        "__TEMPLATE__", json.dumps(shown).replace("</", "<\\/"))
    return _environment().get_template("knowledge.html.j2").render(
        lang=lang, title=title, css=_css(), nav=_nav(lang), nav_label=t("pages.nav", lang), intro=intro,
        scorecards=scorecards, labels=_labels(lang), search=plates is None, filters=filters,
        count=t("kb.page.shown", lang, shown=len(views), total=len(views)), head=head, entries=views,
        changes=[f"{names.get((c.kind, c.id), c.id)}: {_change_text(c, lang)}" for c in reversed(changes)],
        map=_map(entries, lang, highlight=plates or ()),
        programmes=[_programme_view(e, lang) for e in everything if e.kind == "programme"], script=script,
        duplicates=t("kb.duplicates", lang, items="; ".join(" = ".join(g) for g in repeated)) if repeated else "")


def knowledge_base_page(store: KnowledgeStore, *, lang: str, since: int | None = None,
                        links: Mapping[int, Sequence[tuple[str, str]]] | None = None) -> str:
    """The knowledge-base page (HTML text); ``since`` is the last history number shown at the previous run."""
    lang = check_language(lang)
    return _render(store, lang=lang, title=t("kb.page.title", lang), intro=[t("kb.page.intro", lang)], since=since,
                   links=links or {})


def info_spot_page(spot: str, store: KnowledgeStore, *, lang: str, since: int | None = None,
                   links: Mapping[int, Sequence[tuple[str, str]]] | None = None, scorecards: str = "") -> str:
    """One Cluster Info Spot's page (HTML text): ``scorecards`` (trusted HTML from the monitoring pages), then
    its provinces' entries, the map and the support programmes."""
    lang = check_language(lang)
    if spot not in INFO_SPOTS:
        raise ValueError(f"'spot' must be one of {list(INFO_SPOTS)}, got {spot!r}")
    plates = INFO_SPOTS[spot]
    other = next(s for s in INFO_SPOTS if s != spot)
    names = ", ".join(regions.province(p).name for p in plates)
    other_title = t("pages.spot.title", lang, spot=_spot_name(other, lang))
    text = escape(t("pages.spot.intro", lang, provinces=names, other="__OTHER__"))
    link = Markup('<a href="info_spot_{}.html">{}</a>').format(spot_slug(other), other_title)
    intro = Markup(str(text).replace("__OTHER__", str(link)))
    return _render(store, lang=lang, title=t("pages.spot.title", lang, spot=_spot_name(spot, lang)), intro=[intro],
                   since=since, links=links or {}, plates=plates, scorecards=scorecards)


def write_knowledge_pages(out_dir: str | Path, store: KnowledgeStore, *, lang: str,
                          links: Mapping[int, Sequence[tuple[str, str]]] | None = None,
                          scorecards: Mapping[str, str] | None = None) -> list[Path]:
    """Write ``knowledge_base.html`` and the info-spot pages into ``<out_dir>/<lang>/`` (atomically).

    The history number of the newest change is kept in ``<lang>/knowledge_state.json``; the next
    run lists the changes after it ("what changed since the last run").
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    lang_dir.mkdir(parents=True, exist_ok=True)
    state_file = lang_dir / _STATE
    since = json.loads(state_file.read_text(encoding="utf-8")).get("seq") if state_file.is_file() else None
    pages = {"knowledge_base.html": knowledge_base_page(store, lang=lang, since=since, links=links)}
    for spot in INFO_SPOTS:
        pages[f"info_spot_{spot_slug(spot)}.html"] = info_spot_page(
            spot, store, lang=lang, since=since, links=links, scorecards=(scorecards or {}).get(spot, ""))
    history = store.history()
    pages[_STATE] = json.dumps({"seq": history[-1].seq if history else 0})
    written = []
    for name, text in pages.items():
        path = lang_dir / name
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.chmod(tmp, 0o644)
        tmp.replace(path)
        if name != _STATE:
            written.append(path)
    return written
