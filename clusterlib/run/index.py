"""The index page (provinces × steps grid) and the machine-readable run summary.

Each language folder keeps a ``status.json`` with the latest state of every (province, step)
ever rendered there, so re-running one province and one step updates its cell without hiding
the other reports; a failed step keeps the link to its previous good report.

Runs may share an output folder and run at the same time: every change of ``status.json`` is a
read-merge-write under a file lock (``.status.lock``), and a worker publishes a report and records
it in one locked step (:func:`publish_and_record`), so no entry is lost and no report is listed
with another run's data version.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import LANGUAGES, RESOURCES_DIR
from clusterlib.data.version import short_version
from clusterlib.files import atomic_write_text
from clusterlib.report.titles import step_title
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.steps import Step

__all__ = [
    "STATUS_FILE",
    "TIME_ZONE",
    "local_now",
    "publish_and_record",
    "record",
    "write_index",
    "write_run_json",
]

STATUS_FILE = "status.json"
LOCK_FILE = ".status.lock"
#: Times in reports, the index and ``run.json`` are Türkiye time (TSİ, UTC+3).
TIME_ZONE = zoneinfo.ZoneInfo("Europe/Istanbul")
_TEMPLATES = RESOURCES_DIR / "templates"
_LOCK_TIMEOUT = 120
#: Pages beside the grid that the index links when a run wrote them (``<lang>/<stem>.html``).
EXTRA_PAGES: tuple[str, ...] = ("national", "knowledge_base")


def local_now() -> _dt.datetime:
    """Now in Türkiye time (Europe/Istanbul), to the second."""
    return _dt.datetime.now(TIME_ZONE).replace(microsecond=0)


def _lock(lang_dir: Path) -> Any:
    from filelock import FileLock

    lang_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(lang_dir / LOCK_FILE), timeout=_LOCK_TIMEOUT)


def _entry(task: ReportTask, outcome: TaskOutcome, lang_dir: Path) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "province": task.province,
        "plate": task.plate,
        "step": task.step,
        "status": outcome.status,
        "seconds": outcome.seconds,
        "run_date": task.generated,
        "data_version": task.data_version,
        "error": outcome.error,
        "cell": outcome.cell,
        "exec_count": outcome.exec_count,
        "source": outcome.source,
        "executed": outcome.executed,
        "log": outcome.log,
    }
    if outcome.status == "ok" and outcome.report:
        entry.update(
            report=Path(outcome.report).relative_to(lang_dir).as_posix(),
            report_date=task.generated,
            report_data_version=task.data_version,
            fingerprint=task.fingerprint,
        )
    return entry


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _load_status(path: Path) -> dict[str, Any]:
    try:
        status = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"entries": {}, "steps": {}}
    status.setdefault("entries", {})
    status.setdefault("steps", {})
    return status


def _merge(status: dict[str, Any], entries: Iterable[dict[str, Any]], lang_dir: Path) -> dict[str, Any]:
    for entry in entries:
        key = f"{entry['plate']:02d}/{entry['step']}"
        before = status["entries"].get(key, {})
        if not entry.get("report") and before.get("report") and (lang_dir / before["report"]).is_file():
            kept = ("report", "report_date", "report_data_version", "fingerprint")  # the report's own
            entry = {**entry, **{k: before.get(k) for k in kept}}
        status["entries"][key] = entry
    return status


def record(
    lang_dir: Path,
    pairs: Iterable[tuple[ReportTask, TaskOutcome]],
    *,
    steps: Sequence[Step] = (),
    then: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Merge outcomes into ``<lang_dir>/status.json`` under the folder's lock; returns the status.

    ``then(status)`` runs inside the lock after the write (e.g. to render the index pages).
    """
    with _lock(lang_dir):
        status = _load_status(lang_dir / STATUS_FILE)
        for step in steps:
            status["steps"][step.id] = {"number": step.number}
        _merge(status, [_entry(t, o, lang_dir) for t, o in pairs], lang_dir)
        atomic_write_text(lang_dir / STATUS_FILE, json.dumps(status, ensure_ascii=False, indent=1))
        if then is not None:
            then(status)
    return status


def publish_and_record(task: ReportTask, outcome: TaskOutcome, page: str | None) -> TaskOutcome:
    """Write the report ``page`` (when given) and record the outcome, in one locked step.

    Called by the worker that ran the task, so the report in the folder and its line in
    ``status.json`` always come from the same run.
    """
    lang_dir = Path(task.report).parent.parent
    with _lock(lang_dir):
        if page is not None:
            atomic_write_text(task.report, page)
        status = _load_status(lang_dir / STATUS_FILE)
        _merge(status, [_entry(task, outcome, lang_dir)], lang_dir)
        atomic_write_text(lang_dir / STATUS_FILE, json.dumps(status, ensure_ascii=False, indent=1))
    return outcome.replace(recorded=True)


def _date(text: str | None, lang: str, *, time: bool = True) -> str:
    """A stored ISO time as Türkiye time with its zone: ``28 Kasım 2026 11:05 TSİ``."""
    if not text:
        return ""
    value = _dt.datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(TIME_ZONE)
    shown = i18n.format_date(value, lang, time=time)
    return f"{shown} {i18n.t('index.zone', lang)}" if time and value.tzinfo is not None else shown


def _context(
    status: dict[str, Any],
    lang: str,
    run: dict[str, Any],
    results: Sequence[Any],
    prefix: str,
    out_dir: Path,
    current_steps: Sequence[Step],
) -> dict[str, Any]:
    entries = list(status["entries"].values())
    numbers = {sid: info.get("number", 99) for sid, info in status["steps"].items()}
    step_ids = sorted(
        {e["step"] for e in entries} | {s.id for s in current_steps}, key=lambda s: (numbers.get(s, 99), s)
    )
    rows: dict[int, dict[str, Any]] = {}
    for entry in sorted(entries, key=lambda e: e["plate"]):
        row = rows.setdefault(
            entry["plate"], {"province": entry["province"], "plate": entry["plate"], "cells": {}}
        )
        cell: dict[str, Any] = {
            "status": entry["status"],
            "label": i18n.t(f"status.{entry['status']}", lang),
            "seconds": i18n.t(
                "index.seconds", lang, seconds=i18n.format_number(entry.get("seconds") or 0, lang, decimals=1)
            ),
            # the date only where it is not the last run's: a national grid stays readable
            "date": _date(entry.get("run_date"), lang) if entry.get("run_date") != run.get("date") else "",
            "href": prefix + entry["report"] if entry.get("report") else None,
            "report_date": _date(entry.get("report_date"), lang),
            "error": entry.get("error")
            if entry["status"] != "interrupted"
            else i18n.t("index.interrupted", lang),
            "cell": i18n.t("index.cell", lang, cell=entry["cell"]) if entry.get("cell") else None,
            "source": entry.get("source") or "",
            "previous": i18n.t("index.previous_report", lang, date=_date(entry.get("report_date"), lang))
            if entry.get("report")
            else None,
        }
        row["cells"][entry["step"]] = cell
    titles = {s.id: s.title(lang) for s in current_steps}
    ok = sum(1 for r in results if r.ok)
    interrupted = sum(1 for r in results if r.status in ("interrupted", "not_run"))
    summary = i18n.t("index.summary", lang, total=len(results), ok=ok, failed=len(results) - ok - interrupted)
    if interrupted:
        summary += ", " + i18n.t("index.summary_interrupted", lang, interrupted=interrupted)
    up_to_date = sum(1 for r in results if r.status == "up_to_date")
    if up_to_date:
        summary += ", " + i18n.t("index.summary_up_to_date", lang, up_to_date=up_to_date)
    others = [
        {
            "name": i18n.language_name(other, in_lang=lang),
            "href": (f"{other}/index.html" if prefix else f"../{other}/index.html"),
        }
        for other in LANGUAGES
        if other != lang and (out_dir / other / STATUS_FILE).is_file()
    ]
    spots = sorted(p.stem for p in (out_dir / lang).glob("info_spot_*.html"))
    pages = [
        {"name": _page_title(out_dir / lang / f"{stem}.html") or i18n.t(f"index.page.{stem}", lang),
         "href": f"{prefix}{stem}.html"}
        for stem in (*EXTRA_PAGES, *spots)
        if (out_dir / lang / f"{stem}.html").is_file()
    ]  # fmt: skip
    labels = {
        key: i18n.t(key, lang)
        for key in (
            "index.title",
            "index.run_date",
            "index.language",
            "index.other_languages",
            "index.legend",
            "index.intro",
            "index.steps_title",
            "index.pages_title",
            "index.grid_title",
            "index.run_details",
            "report.province",
            "report.data_source",
            "report.data_version",
            "status.not_run",
        )
    }
    return {
        "lang": lang,
        "labels": labels,
        "css": (_TEMPLATES / "report.css").read_text(encoding="utf-8"),
        "run_date": _date(run["date"], lang),
        "language": i18n.language_name(lang),
        "data_source": re.sub(r" \(sample, [0-9a-f]{6,}\)$", "", run["data_source"]),  # version: run details
        "data_version": run["data_version"],
        "data_version_short": short_version(run["data_version"]),
        "summary": summary,
        "steps": [
            {
                "id": s,
                "title": titles.get(s) or step_title(s, lang),
                "blurb": i18n.t(f"index.step.{s}", lang) if i18n.has_string(f"index.step.{s}") else "",
            }
            for s in step_ids
        ],
        "rows": list(rows.values()),
        "others": others,
        "pages": pages,
    }


def _page_title(path: Path) -> str:
    """The ``<title>`` of a page beside the reports (its own name for itself), or ``""``."""
    import html

    with path.open(encoding="utf-8") as handle:
        head = handle.read(4096)
    match = re.search(r"<title>(.*?)</title>", head, flags=re.S)
    return html.unescape(match.group(1)).strip() if match else ""


def write_index(
    out_dir: Path,
    *,
    lang: str,
    results: Sequence[Any],
    steps: Sequence[Step],
    run: dict[str, Any],
    pending: Sequence[tuple[ReportTask, TaskOutcome]] = (),
) -> Path:
    """Record ``pending`` outcomes (those no worker recorded: interrupted, never run, lost with a
    worker) in ``<out_dir>/<lang>/status.json`` and write the index pages from it, under the
    folder's lock.

    Returns
    -------
    Path
        ``<out_dir>/index.html``.
    """
    lang_dir = out_dir / lang
    template = _environment().get_template("index.html.j2")

    def render(status: dict[str, Any]) -> None:
        for prefix, target in ((f"{lang}/", out_dir / "index.html"), ("", lang_dir / "index.html")):
            page = template.render(**_context(status, lang, run, results, prefix, out_dir, steps))
            atomic_write_text(target, page)

    record(lang_dir, pending, steps=steps, then=render)
    return out_dir / "index.html"


def write_run_json(out_dir: Path, run: dict[str, Any], results: Sequence[Any], steps: Sequence[Step]) -> Path:
    """``<out_dir>/run.json``: this run's settings and every task's outcome (paths relative)."""

    def rel(path: Path | None) -> str | None:
        if path is None:
            return None
        try:
            return Path(path).relative_to(out_dir).as_posix()
        except ValueError:
            return Path(path).name

    ordered = sorted(results, key=lambda r: r.plate)
    summary = {
        **run,
        "steps": [s.id for s in steps],
        "provinces": list(dict.fromkeys(r.province for r in ordered)),
        "ok": sum(1 for r in results if r.ok),
        "up_to_date": sum(1 for r in results if r.status == "up_to_date"),
        "failed": sum(1 for r in results if r.status == "failed"),
        "interrupted": sum(1 for r in results if r.status in ("interrupted", "not_run")),
        "results": [
            {**r.to_dict(), "output": rel(r.output), "executed": rel(r.executed), "log": rel(r.log)}
            for r in results
        ],
    }
    target = out_dir / "run.json"
    atomic_write_text(target, json.dumps(summary, ensure_ascii=False, indent=1))
    return target
