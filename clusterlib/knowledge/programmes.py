"""Support programmes: the bundled registry and the link from each priority need to its programmes.

The registry (``resources/knowledge/programmes.yaml``) records, for each public programme relevant
to clusters and SMEs, only what its official page says — name, institution, what it funds, the
need areas that fits, legal basis, official address — with the date the page was last read.  No
amount, rate or deadline is recorded; the pages tell readers to check the official source before
applying.
"""

from __future__ import annotations

import datetime as _dt
from importlib import resources
from pathlib import Path

import pandas as pd

from clusterlib.configfile import read_yaml
from clusterlib.i18n import check_language, format_date, t
from clusterlib.knowledge import labels  # noqa: F401  (registers the strings)
from clusterlib.knowledge.schema import KINDS, need_area_name, need_areas

__all__ = [
    "PROGRAMME_COLUMNS",
    "load_programmes",
    "programmes_for_needs",
    "programmes_heading",
    "programmes_note",
    "programmes_table",
]

#: Columns of :func:`programmes_for_needs`.
PROGRAMME_COLUMNS = (
    "block", "need", "rank_low", "rank_high", "gap", "programme", "institution", "url", "checked",
)
_FILE = "resources/knowledge/programmes.yaml"


def load_programmes(path: str | Path | None = None) -> pd.DataFrame:
    """The registry of support programmes (default: the bundled one), one row each.

    Returns
    -------
    DataFrame
        ``id`` and the programme columns of :data:`clusterlib.knowledge.schema.KINDS` (text; empty
        when not verified), ``need_areas`` as a tuple.

    Raises
    ------
    ValueError
        When an entry names a need area the questionnaire does not have.

    Examples
    --------
    >>> table = load_programmes()
    >>> table.set_index("id").loc["tubitak_1501", "need_areas"]
    ('rnd',)
    >>> bool((table["url"].str.startswith("https://") | table["url"].str.startswith("http://")).all())
    True
    """
    if path is None:
        text = resources.files("clusterlib").joinpath(_FILE).read_text(encoding="utf-8")
        document = read_yaml(text, file=_FILE)
    else:
        document = read_yaml(Path(path))
    columns = KINDS["programme"].all_columns
    areas = set(need_areas())
    rows, problems = [], []
    for ident, item in document["programmes"].items():
        unknown = [a for a in item.get("need_areas", []) if a not in areas]
        if unknown:
            problems.append(f"programmes.{ident}.need_areas: {unknown} not among {sorted(areas)}")
        row = {c: "" if item.get(c) is None else str(item.get(c, "")) for c in columns if c != "need_areas"}
        row.update(id=ident, need_areas=tuple(item.get("need_areas", [])))
        rows.append(row)
    if problems:
        raise ValueError(f"{_FILE}: " + "; ".join(problems))
    return pd.DataFrame(rows)


def programmes_for_needs(needs_map: pd.DataFrame, *, lang: str, programmes: pd.DataFrame | None = None,
                         top: int | None = None) -> pd.DataFrame:
    """Each priority need with the support programmes that fund it; the needs no local actor covers first.

    Parameters
    ----------
    needs_map : DataFrame
        The needs ranking of :func:`clusterlib.needs.analyse_needs_assessment` (``result.needs_map``):
        ``block``, ``rank_low`` (and ``rank_high`` when known), ``gap`` (True when no local actor
        covers the need), ordered by the ranking.
    lang : {"tr", "en"}
    programmes : DataFrame, optional
        Programmes as :func:`load_programmes` (default), or the ``programme`` entries of a store.
    top : int, optional
        Only the ``top`` first needs (after ordering).

    Returns
    -------
    DataFrame
        :data:`PROGRAMME_COLUMNS`, one row per (need, programme) — a need no programme fits keeps
        one row with an empty ``programme`` — ordered: uncovered needs first, then by rank.

    Examples
    --------
    >>> needs = pd.DataFrame({"block": ["rnd", "exports"], "rank_low": [2, 1], "gap": [True, False]})
    >>> table = programmes_for_needs(needs, lang="en")
    >>> str(table["block"].iloc[0]), bool(table["gap"].iloc[0]), sorted(set(table["programme"]))[1]
    ('rnd', True, '1501 – TÜBİTAK Industrial R&D Projects Grant Programme')
    """
    lang = check_language(lang)
    missing = [c for c in ("block", "rank_low", "gap") if c not in needs_map.columns]
    if missing:
        raise ValueError(f"'needs_map' lacks the columns {missing}; pass result.needs_map of the needs step")
    table = load_programmes() if programmes is None else programmes
    ordered = needs_map.assign(_gap=needs_map["gap"].astype(bool)).sort_values(
        ["_gap", "rank_low"], ascending=[False, True], kind="stable")
    if top is not None:
        ordered = ordered.head(top)
    rows = []
    for need in ordered.itertuples(index=False):
        fitting = table[table["need_areas"].map(lambda areas, b=need.block: b in areas)]
        high = getattr(need, "rank_high", need.rank_low)
        base = {"block": need.block, "need": need_area_name(need.block, lang), "rank_low": int(need.rank_low),
                "rank_high": int(high), "gap": bool(need.gap)}
        if fitting.empty:
            rows.append({**base, "programme": "", "institution": "", "url": "", "checked": ""})
        for p in fitting.itertuples(index=False):
            rows.append({**base, "programme": getattr(p, f"name_{lang}"),
                         "institution": getattr(p, f"institution_{lang}"), "url": p.url, "checked": p.checked})
    table = pd.DataFrame(rows, columns=list(PROGRAMME_COLUMNS))
    return table.astype({"rank_low": "Int64", "rank_high": "Int64", "gap": bool})


def programmes_heading(lang: str) -> str:
    """The heading of the needs report's section on support programmes."""
    return t("kb.needs.heading", check_language(lang))


def programmes_note(lang: str) -> str:
    """The note under that heading: the order of the needs and the advice to check the official page."""
    return t("kb.needs.note", check_language(lang))


def programmes_table(needs_map: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """:func:`programmes_for_needs` for a report: headings in ``lang``, a mark for uncovered needs.

    Examples
    --------
    >>> needs = pd.DataFrame({"block": ["rnd"], "rank_low": [1], "gap": [True]})
    >>> programmes_table(needs, lang="en").columns.tolist()[:3]
    ['Need', 'Rank', 'No local actor covers it']
    """
    lang = check_language(lang)
    table = programmes_for_needs(needs_map, lang=lang)
    return pd.DataFrame({
        t("kb.needs.col.need", lang): table["need"],
        t("kb.needs.col.rank", lang): [f"{a}–{b}" if a != b else str(a)
                                       for a, b in zip(table["rank_low"], table["rank_high"], strict=True)],
        t("kb.needs.col.gap", lang): table["gap"].map(lambda g: t("kb.needs.gap_mark", lang) if g else ""),
        t("kb.needs.col.programme", lang): table["programme"].replace("", t("kb.needs.none", lang)),
        t("kb.needs.col.institution", lang): table["institution"],
        t("kb.needs.col.url", lang): table["url"],
        t("kb.needs.col.checked", lang): table["checked"].map(
            lambda d: format_date(_dt.date.fromisoformat(d), lang) if d else ""),
    })
