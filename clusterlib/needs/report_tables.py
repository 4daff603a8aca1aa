"""The needs report's tables: language-free column ids, raw numbers, a kind and a label per column.

Each function takes a :class:`~clusterlib.needs.analysis.NeedsAssessment` and the report language and
returns a :class:`clusterlib.report.tables.Table`; the HTML and the XLSX (numbers as numbers, with
a number format) both come from the column kinds (:data:`clusterlib.report.tables.KINDS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from clusterlib.i18n import t
from clusterlib.needs.labels import label
from clusterlib.report.tables import Table

if TYPE_CHECKING:
    from clusterlib.needs.analysis import NeedsAssessment

__all__ = [
    "actor_table",
    "item_table",
    "matrix_table",
    "needs_table",
    "notes_table",
    "programmes_table",
    "reliability_table",
    "response_table",
    "waves_table",
]


#: Waves (survey years) are "text": shown as written in the HTML, stored as a year (format ``0``) in the
#: XLSX, never "2.019".


def _labels(lang: str, *ids: str, **named: str) -> dict[str, str]:
    """Shown headers: ``needs.col.<id>`` for each id, plus the ``named`` ones as given."""
    return {**{i: t(f"needs.col.{i}", lang) for i in ids}, **named}


def _table(frame: pd.DataFrame, lang: str, kinds: dict[str, str], labels: dict[str, str], sheet: str) -> Table:
    return Table(frame, lang, kinds=kinds, labels=labels, sheet=t(f"needs.sheet.{sheet}", lang))


def actor_table(a: NeedsAssessment, lang: str) -> Table:
    """Register of local actors: name, type, role, responsibilities, district, Mendelow quadrant."""
    grid = a.grid
    frame = pd.DataFrame(
        {
            "actor": grid["name"].astype(str),
            "type": [label("type", k, lang) for k in grid["type"]],
            "role": grid[f"role_{lang}"],
            "responsibilities": grid[f"responsibilities_{lang}"],
            "district": grid["district"],
            "quadrant": [
                label("quadrant", q, lang) + (f" ({t('needs.assumed', lang)})" if assumed else "")
                for q, assumed in zip(grid["quadrant"], grid["scores_assumed"], strict=True)
            ],
        }
    )
    kinds = dict.fromkeys(frame.columns, "text")
    return _table(frame, lang, kinds, _labels(lang, *frame.columns), "actors")


def matrix_table(a: NeedsAssessment, lang: str) -> Table:
    """Actor × function matrix with ✓, and a last row with the number of actors per function (0: a gap)."""
    marks = a.matrix.map(lambda covered: "✓" if covered else "")
    counts = a.matrix.sum(axis=0)
    marks.loc[t("needs.col.covering", lang)] = [
        f"0 ({t('needs.col.gap', lang).lower()})" if n == 0 else str(int(n)) for n in counts
    ]
    frame = marks.reset_index(names="actor")
    labels = {"actor": t("needs.col.actor", lang), **{f: label("function", f, lang) for f in a.matrix.columns}}
    return _table(frame, lang, dict.fromkeys(frame.columns, "text"), labels, "matrix")


def response_table(a: NeedsAssessment, lang: str) -> Table:
    """Response and missing-answer rates per wave."""
    r = a.response
    frame = pd.DataFrame(
        {
            "wave": r["wave"].astype(int).astype(str),
            "eligible": r["eligible"].astype(int),
            "answered": r["respondents"].astype(int),
            "response_rate": r["response_rate"].astype(float),
            "dont_know_rate": r["dont_know_rate"].astype(float),
            "missing_rate": r["missing_rate"].astype(float),
        }
    )
    kinds = {"wave": "text", "eligible": "count", "answered": "count", "response_rate": "percent:0",
             "dont_know_rate": "percent:1", "missing_rate": "percent:1"}  # fmt: skip
    return _table(frame, lang, kinds, _labels(lang, *frame.columns), "response")


def item_table(a: NeedsAssessment, lang: str) -> Table:
    """Per statement of the ranked wave: valid answers, don't know, blank, top-2 share with interval, median,
    lower and upper quartile."""
    s = a.items.sort_values(["top2", "item"], ascending=[False, True], ignore_index=True)
    frame = pd.DataFrame(
        {
            "statement": [a.item_text(i)(lang) for i in s["item"]],
            "valid": s["n_valid"].astype(int),
            "dont_know": s["n_dont_know"].astype(int),
            "missing": s["n_missing"].astype(int),
            "share": s["top2"].astype(float),
            "low": s["top2_low"].astype(float),
            "high": s["top2_high"].astype(float),
            "median": s["median"].astype(float),
            "q1": s["q1"].astype(float),
            "q3": s["q3"].astype(float),
        }
    )
    kinds = {"statement": "text", "valid": "count", "dont_know": "count", "missing": "count",
             "share": "percent:0", "low": "percent:0", "high": "percent:0", "median": "number:1",
             "q1": "number:1", "q3": "number:1"}  # fmt: skip
    return _table(frame, lang, kinds, _labels(lang, *frame.columns), "items")


def reliability_table(a: NeedsAssessment, lang: str) -> Table:
    """Cronbach's alpha per block and wave with the Feldt interval (missing where it cannot be computed)."""
    r = a.reliability
    frame = pd.DataFrame(
        {
            "wave": r["wave"].astype(int).astype(str),
            "need": [a.block_text(b)(lang) for b in r["block"]],
            "items": r["items"].astype(int),
            "respondents": r["respondents"].astype(int),
            "alpha": r["alpha"].astype(float),
            "alpha_low": r["alpha_low"].astype(float),
            "alpha_high": r["alpha_high"].astype(float),
        }
    )
    kinds = {"wave": "text", "need": "text", "items": "count", "respondents": "count", "alpha": "ratio:2",
             "alpha_low": "ratio:2", "alpha_high": "ratio:2"}  # fmt: skip
    return _table(frame, lang, kinds, _labels(lang, *frame.columns), "reliability")


def waves_table(a: NeedsAssessment, lang: str) -> Table:
    """Per statement: top-2 share before and after, the Holm-adjusted p value and the verdict."""
    assert a.waves is not None
    w = a.waves.sort_values(["p_adjusted", "item"], ignore_index=True)
    before, after = a.waves.attrs.get("before", ""), a.waves.attrs.get("after", "")
    frame = pd.DataFrame(
        {
            "statement": [a.item_text(i)(lang) for i in w["item"]],
            "before": w["top2_before"].astype(float),
            "after": w["top2_after"].astype(float),
            "p_adjusted": w["p_adjusted"].astype(float),
            "verdict": [t("needs.verdict.beyond" if s else "needs.verdict.noise", lang) for s in w["significant"]],
        }
    )
    labels = _labels(lang, "statement", "p_adjusted", "verdict", before=f"{t('needs.col.before', lang)} ({before})",
                     after=f"{t('needs.col.after', lang)} ({after})")  # fmt: skip
    kinds = {"statement": "text", "before": "percent:0", "after": "percent:0", "p_adjusted": "ratio:3",
             "verdict": "text"}  # fmt: skip
    return _table(frame, lang, kinds, labels, "waves")


def needs_table(a: NeedsAssessment, lang: str) -> Table:
    """Needs ranked, with interval, plausible rank range, the matching function, local actors and gap."""
    m = a.needs_map
    frame = pd.DataFrame(
        {
            "need": [a.block_text(b)(lang) for b in m["block"]],
            "share": m["share"].astype(float),
            "low": m["low"].astype(float),
            "high": m["high"].astype(float),
            "rank_low": m["rank_low"].astype(int),
            "rank_high": m["rank_high"].astype(int),
            "function": [label("function", f, lang) for f in m["function"]],
            "actors": [", ".join(actors) if actors else "—" for actors in m["actors"]],
            "gap": [t("needs.yes" if gap else "needs.no", lang) for gap in m["gap"]],
        }
    )
    kinds = {"need": "text", "share": "percent:0", "low": "percent:0", "high": "percent:0", "rank_low": "count",
             "rank_high": "count", "function": "text", "actors": "text", "gap": "text"}  # fmt: skip
    return _table(frame, lang, kinds, _labels(lang, *frame.columns), "needs")


def notes_table(a: NeedsAssessment, lang: str) -> Table:
    """What was read and every data note, one per row."""
    notes = [a.read_note, *a.notes]
    frame = pd.DataFrame({"note": [n.text(lang) for n in notes]})
    return _table(frame, lang, {"note": "text"}, _labels(lang, "note"), "notes")


def programmes_table(a: NeedsAssessment, lang: str) -> Table:
    """Support programmes for each priority need, the needs no local actor covers first."""
    from clusterlib.knowledge import programmes_for_needs

    p = programmes_for_needs(a.needs_map, lang=lang)
    frame = pd.DataFrame(
        {
            "need": p["need"],
            "rank_low": p["rank_low"].astype(int),
            "rank_high": p["rank_high"].astype(int),
            "gap": [t("kb.needs.gap_mark", lang) if g else "" for g in p["gap"]],
            "programme": p["programme"].replace("", t("kb.needs.none", lang)),
            "institution": p["institution"],
            "url": p["url"],
            "checked": p["checked"],
        }
    )
    labels = {c: t(f"kb.needs.col.{c}", lang) for c in ("need", "gap", "programme", "institution", "url", "checked")}
    labels |= {"rank_low": t("needs.col.rank_low", lang), "rank_high": t("needs.col.rank_high", lang)}
    kinds = {"need": "text", "rank_low": "count", "rank_high": "count", "gap": "text", "programme": "text",
             "institution": "text", "url": "text", "checked": "code"}  # fmt: skip
    return _table(frame, lang, kinds, labels, "programmes")
