"""The index page (provinces × steps grid) and the machine-readable run summary.

Each language folder keeps a ``status.json`` with the latest state of every (province, step)
ever rendered there, so re-running one province and one step updates its cell without hiding
the other reports; a failed step keeps the link to its previous good report.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from clusterlib import i18n
from clusterlib.config import LANGUAGES, RESOURCES_DIR
from clusterlib.report._files import atomic_write_text
from clusterlib.report.steps import Step, step_title

__all__ = ["STATUS_FILE", "write_index"]

STATUS_FILE = "status.json"
_TEMPLATES = RESOURCES_DIR / "templates"


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


def _merge(
    status: dict[str, Any], results: Sequence[Any], steps: Sequence[Step], lang_dir: Path, run: dict[str, Any]
) -> dict[str, Any]:
    for step in steps:
        status["steps"][step.id] = {"number": step.number}
    for result in results:
        key = f"{result.plate:02d}/{result.step}"
        before = status["entries"].get(key, {})
        entry = {
            "province": result.province,
            "plate": result.plate,
            "step": result.step,
            "status": result.status,
            "seconds": result.seconds,
            "run_date": run["date"],
            "data_version": run["data_version"],
            "error": result.error,
            "cell": result.cell,
            "exec_count": result.exec_count,
            "source": result.source,
            "executed": str(result.executed) if result.executed else None,
            "log": str(result.log) if result.log else None,
        }
        if result.ok and result.output is not None:
            entry.update(
                report=Path(result.output).relative_to(lang_dir).as_posix(),
                report_date=run["date"],
                report_data_version=run["data_version"],
            )
        elif before.get("report") and (lang_dir / before["report"]).is_file():
            entry.update({k: before.get(k) for k in ("report", "report_date", "report_data_version")})
        status["entries"][key] = entry
    status["last_run"] = run
    return status


def _date(text: str | None, lang: str, *, time: bool = True) -> str:
    if not text:
        return ""
    return i18n.format_date(_dt.datetime.fromisoformat(text), lang, time=time)


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
            "date": _date(entry.get("run_date"), lang),
            "href": prefix + entry["report"] if entry.get("report") else None,
            "report_date": _date(entry.get("report_date"), lang),
            "error": entry.get("error"),
            "cell": i18n.t("index.cell", lang, cell=entry["cell"]) if entry.get("cell") else None,
            "source": entry.get("source") or "",
            "previous": i18n.t("index.previous_report", lang, date=_date(entry.get("report_date"), lang))
            if entry.get("report")
            else None,
        }
        row["cells"][entry["step"]] = cell
    titles = {s.id: s.title(lang) for s in current_steps}
    ok = sum(1 for r in results if r.ok)
    others = [
        {
            "name": i18n.language_name(other, in_lang=lang),
            "href": (f"{other}/index.html" if prefix else f"../{other}/index.html"),
        }
        for other in LANGUAGES
        if other != lang and (out_dir / other / STATUS_FILE).is_file()
    ]
    labels = {
        key: i18n.t(key, lang)
        for key in (
            "index.title",
            "index.run_date",
            "index.language",
            "index.other_languages",
            "index.legend",
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
        "data_source": run["data_source"],
        "data_version": run["data_version"],
        "data_version_short": run["data_version"].split(":", 1)[-1][:12],
        "summary": i18n.t("index.summary", lang, total=len(results), ok=ok, failed=len(results) - ok),
        "steps": [{"id": s, "title": titles.get(s) or step_title(s, lang)} for s in step_ids],
        "rows": list(rows.values()),
        "others": others,
    }


def write_index(
    out_dir: Path, *, lang: str, results: Sequence[Any], steps: Sequence[Step], run: dict[str, Any]
) -> Path:
    """Update ``<out_dir>/<lang>/status.json`` with ``results`` and write the index pages and
    ``<out_dir>/run.json``.

    Returns
    -------
    Path
        ``<out_dir>/index.html``.
    """
    lang_dir = out_dir / lang
    status = _merge(_load_status(lang_dir / STATUS_FILE), results, steps, lang_dir, run)
    atomic_write_text(lang_dir / STATUS_FILE, json.dumps(status, ensure_ascii=False, indent=1))
    template = _environment().get_template("index.html.j2")
    for prefix, target in ((f"{lang}/", out_dir / "index.html"), ("", lang_dir / "index.html")):
        page = template.render(**_context(status, lang, run, results, prefix, out_dir, steps))
        atomic_write_text(target, page)

    def rel(path: Path | None) -> str | None:
        if path is None:
            return None
        try:
            return Path(path).relative_to(out_dir).as_posix()
        except ValueError:
            return str(path)

    summary = {
        **run,
        "steps": [s.id for s in steps],
        "provinces": list(dict.fromkeys(r.province for r in sorted(results, key=lambda r: r.plate))),
        "ok": sum(1 for r in results if r.ok),
        "failed": sum(1 for r in results if not r.ok),
        "results": [{**r.to_dict(), "output": rel(r.output)} for r in results],
    }
    atomic_write_text(out_dir / "run.json", json.dumps(summary, ensure_ascii=False, indent=1))
    return out_dir / "index.html"
