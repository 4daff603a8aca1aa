"""Static offline pages of a report set: the knowledge base, the national overview and the info spots.

:func:`write_run_pages` writes, into the language folder of a report set (``<out>/<lang>/``):

* ``knowledge_base.html`` and ``info_spot_black_sea.html``, ``info_spot_east_mediterranean.html``
  through :func:`clusterlib.knowledge.write_knowledge_pages`, from the knowledge store; each info
  spot's page gets its provinces' scorecards from here;
* (``national.html``, the national overview of the 81 provinces, is written by :mod:`clusterlib.national`).

Every page is one file with its style and script inline, readable without a server or a network; the
scorecards and the links render through the Jinja templates of ``resources/templates/monitoring``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from clusterlib import regions
from clusterlib.data import DataValidationError
from clusterlib.i18n import MISSING, check_language, t
from clusterlib.monitoring.analysis import MonitoringBenchmarking, analyse_monitoring
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.monitoring.pages_text import spot_slug
from clusterlib.monitoring.wording import format_metric
from clusterlib.report.titles import step_title

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


@cache
def _environment():
    import jinja2

    folder = resources.files("clusterlib").joinpath("resources/templates/monitoring")
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class _Cell:
    """One cell of the side-by-side scorecards: a value, an optional note under it, or links."""

    text: str = ""
    note: str = ""
    links: tuple[tuple[str, str], ...] = ()


def _stars(n: int) -> str:
    return "★" * n + "☆" * (5 - n) + f" {n}/5"


def _status_counts(result: MonitoringBenchmarking, lang: str) -> str:
    counts = result.indicators["status"].value_counts() if not result.indicators.empty else pd.Series(dtype=int)
    return t("pages.statuses", lang, **{s: int(counts.get(s, 0)) for s in ("green", "amber", "red", "grey")})


def _rows(results: Sequence[MonitoringBenchmarking], lang: str,
          links: Mapping[int, Sequence[tuple[str, str]]]) -> list[dict[str, object]]:
    def row(label: str, cells: list[_Cell]) -> dict[str, object]:
        return {"label": label, "cells": cells}

    rows = [row(t("pages.row.cluster", lang), [_Cell(r.sector_name(lang)) for r in results]),
            row(t("pages.row.host", lang), [_Cell((r.province.host_tr if lang == "tr" else r.province.host_en) or "")
                                            for r in results])]
    for metric in METRICS:
        cells = []
        for r in results:
            card = r.scorecard.set_index("metric").loc[metric]
            note = "" if pd.isna(card["percentile"]) else t("pages.pct", lang, p=card["percentile"] / 100.0)
            cells.append(_Cell(format_metric(metric, card["value"], lang), note))
        rows.append(row(t(f"monitoring.metric.{metric}", lang), cells))
    rows += [
        row(t("pages.row.strong", lang), [_Cell(t("pages.yes" if r.strong else "pages.no", lang)) for r in results]),
        row(t("pages.row.stars", lang), [_Cell(_stars(int(r.stars["stars"]))) for r in results]),
        row(t("pages.row.monitoring", lang), [_Cell(_status_counts(r, lang)) for r in results]),
        row(t("pages.row.management", lang), [_Cell(MISSING if math.isnan(r.management_score) else t(
            "pages.management", lang, score=r.management_score, label=t(f"monitoring.label.{r.management_label}",
                                                                        lang))) for r in results]),
        row(t("pages.row.gdp", lang), [_Cell(t("pages.rank", lang, rank=r.gdp_per_capita["rank"],
                                               of=r.gdp_per_capita["of"], year=r.gdp_per_capita["year"]))
                                       for r in results]),
        row(t("pages.row.ses", lang), [_Cell(t("pages.rank", lang, rank=r.ses["rank"], of=r.ses["of"],
                                               year=r.ses["year"])) for r in results]),
        row(t("pages.row.growth", lang), [_Cell(format_metric(
            "growth", r.gva_growth.set_index("sector").loc["total_gva", "province_cagr"], lang)) for r in results]),
        row(t("pages.row.reports", lang), [_Cell(links=tuple((href, step_title(step, lang)) for step, href in
                                                             links.get(r.province.plate, ()))) for r in results]),
    ]
    return rows


def _side_by_side(results: Sequence[MonitoringBenchmarking], lang: str,
                  links: Mapping[int, Sequence[tuple[str, str]]], missing: str | None = None) -> str:
    """The scorecards of ``results`` side by side (HTML through ``templates/monitoring/scorecards.html.j2``);
    without results, why (``missing``: the data lack a table the scorecards need)."""
    template = _environment().get_template("scorecards.html.j2")
    if not results:
        return template.render(columns=[], rows=[], missing=t("pages.no_scorecards", lang, reason=missing or MISSING))
    return template.render(columns=[r.province.name for r in results], rows=_rows(results, lang, links), missing="")


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
    return _environment().get_template("page_links.html.j2").render(label=t("pages.nav", lang), links=links).strip()


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
