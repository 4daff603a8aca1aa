"""Static offline pages of a report set: the knowledge base, the national overview and the info spots.

:func:`write_run_pages` writes, into the language folder of a report set (``<out>/<lang>/``):

* ``knowledge_base.html`` and ``info_spot_black_sea.html``, ``info_spot_east_mediterranean.html``
  through :func:`clusterlib.knowledge.write_knowledge_pages`, from the knowledge store; each info
  spot's page gets its provinces' scorecards from here;
* (``national.html``, the national overview of the 81 provinces, is written by :mod:`clusterlib.national`).

Every page is one file with its style and script inline, readable without a server or a network.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from clusterlib import regions
from clusterlib.data import DataValidationError
from clusterlib.i18n import check_language, format_number, t
from clusterlib.monitoring import labels  # noqa: F401  (registers the strings)
from clusterlib.monitoring.analysis import MonitoringBenchmarking, analyse_monitoring
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.monitoring.pages_text import spot_slug
from clusterlib.monitoring.wording import format_metric
from clusterlib.report.steps import step_title

__all__ = [
    "INFO_SPOTS",
    "page_links_html",
    "show_page_links",
    "write_run_pages",
]

#: The two Cluster Info Spots and their pilot provinces (plates).
INFO_SPOTS: dict[str, tuple[int, ...]] = {"Black Sea": (19, 55, 61), "East Mediterranean": (27, 46)}


def _spot_name(spot: str, lang: str) -> str:
    if lang == "en":
        return spot
    return next(p.info_spot_tr for p in regions.pilots() if p.info_spot == spot)


def _report_links(plate: int | None, links: Mapping[int, Sequence[tuple[str, str]]], lang: str) -> str:
    if plate is None or pd.isna(plate):
        return ""
    items = links.get(int(plate), ())
    return " ".join(f'<a href="{html.escape(href)}">{html.escape(step_title(step, lang))}</a>' for step, href in items)


def _stars(n: int) -> str:
    return "★" * n + "☆" * (5 - n) + f" {n}/5"


def _side_by_side(results: Sequence[MonitoringBenchmarking], lang: str,
                  links: Mapping[int, Sequence[tuple[str, str]]], missing: str | None = None) -> str:
    if not results:  # the data lack what the scorecards need: say why instead of an empty table
        return f'<p class="cl-muted">{html.escape(t("pages.no_scorecards", lang, reason=missing or "–"))}</p>'
    head = "<th></th>" + "".join(f"<th>{html.escape(r.province.name)}</th>" for r in results)
    lines: list[tuple[str, list[str]]] = [
        (t("pages.row.cluster", lang), [html.escape(r.sector_name(lang)) for r in results]),
        (t("pages.row.host", lang), [html.escape((r.province.host_tr if lang == "tr" else r.province.host_en) or "")
                                      for r in results]),
    ]
    for metric in METRICS:
        cells = []
        for r in results:
            row = r.scorecard.set_index("metric").loc[metric]
            value = row["value"]
            shown = format_metric(metric, value, lang)
            pct = "" if pd.isna(row["percentile"]) else t("pages.pct", lang, p=row["percentile"] / 100.0)
            cells.append(f"{shown}<br><small>{pct}</small>")
        lines.append((t(f"monitoring.metric.{metric}", lang), cells))
    lines.append((t("pages.row.strong", lang), [t("pages.yes" if r.strong else "pages.no", lang) for r in results]))
    lines.append((t("pages.row.stars", lang), [_stars(int(r.stars["stars"])) for r in results]))
    monitoring = []
    for r in results:
        counts = r.indicators["status"].value_counts() if not r.indicators.empty else pd.Series(dtype=int)
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
                    data_dir: str | Path | None = None, knowledge_store: str | Path | None = None) -> list[Path]:
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
        national and info-spot pages say why instead of showing them.
    knowledge_store : str or pathlib.Path, optional
        The knowledge store the knowledge-base and info-spot pages read (default
        ``data/processed/knowledge.sqlite``; a new store starts with the registry of ``data_dir``).

    Returns
    -------
    list of pathlib.Path
        The pages written.
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    lang_dir.mkdir(parents=True, exist_ok=True)
    links = _links(lang_dir, status)
    missing = None
    try:
        results = [analyse_monitoring(p, lang=lang, data_dir=data_dir) for p in regions.pilots()]
    except DataValidationError as error:  # the data lack a table the scorecards need: say so on the pages
        results, missing = [], str(error)
    # the knowledge-base and info-spot pages come from the knowledge store (clusterlib.knowledge)
    scorecards = {spot: _side_by_side([r for r in results if r.province.plate in plates], lang, links, missing)
                  for spot, plates in INFO_SPOTS.items()}
    from clusterlib.knowledge import open_store, write_knowledge_pages

    store = open_store(knowledge_store, data_dir=data_dir)
    return write_knowledge_pages(out_dir, store, lang=lang, links=links, scorecards=scorecards)
