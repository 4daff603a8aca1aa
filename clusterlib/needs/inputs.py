"""Reading a needs-assessment survey into one long table, whatever tool exported it.

One loader, :func:`read_survey`, reads

* the **long form** ``firm_id, item, answer`` (optionally ``cluster``, ``year``/``wave``), as the
  bundled sample keeps it, and
* **wide exports** of the tools experts use — Google Forms, KoboToolbox, LimeSurvey (CSV or XLSX):
  one row per firm, question texts or codes as headings, answers as text in Turkish or English
  ("Kesinlikle katılıyorum", "Strongly agree", "Fikrim yok") or as codes 1–5.

Headings are tied to item ids by the questionnaire (:func:`load_questionnaire`: an item's id or
its Turkish or English text, also inside a grid heading ``"Title [text]"`` or a Kobo group path
``"group/item_id"``) or by a small YAML mapping file for anything else (LimeSurvey codes,
reworded questions)::

    firm: Firma kodu            # heading of the firm-id column
    wave: 2019                  # or `wave_column: Yıl`; default: the one year of all the timestamps
    items:                      # heading (as written) -> item id of the questionnaire
      "Q1[SQ001]": training_technical
    answers:                    # extra answer codes -> 1..5, dont_know or missing
      A1: 1
      A6: dont_know
    skip: [Not]                 # further columns left out on purpose

One export is one survey wave: without ``wave`` or a wave column, the wave is the year of all the
tool's timestamps together, and a campaign crossing 31 December stops with the fix to make
(:mod:`clusterlib.needs.campaign`).  The firm register decides each respondent's cluster, and a
submission with no answer is no respondent (a note names both).

The result is pure and language-free: answers are codes 1–5, "don't know" and "no answer" are a
status, never a number, and nothing is dropped silently — a problem is a
:class:`~clusterlib.data.DataValidationError` naming file, row and column (all problems of the
file at once), and a harmless repair (a firm that submitted the same answers twice) is a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib.data.messages import msg
from clusterlib.data.readers import RawTable, read_table
from clusterlib.needs.campaign import empty_submissions, register_clusters, timestamp_wave
from clusterlib.needs.mapping import read_mapping
from clusterlib.needs.notes import Note, note
from clusterlib.needs.questionnaire import Questionnaire, load_questionnaire
from clusterlib.needs.survey_columns import (
    LONG_HEADINGS,
    Problems,
    cell_key,
    detect_layout,
    find_column,
    item_keys,
    long_frame,
    parse_answer,
    wave_value,
    wide_frame,
)
from clusterlib.regions import normalize_name

__all__ = ["STATUSES", "Questionnaire", "SurveyTable", "load_questionnaire", "read_survey"]

STATUSES = ("valid", "dont_know", "missing")


@dataclass(frozen=True)
class SurveyTable:
    """A survey read into long form, with what the reader noticed.

    ``answers``: ``cluster, firm_id, wave, item, block, answer, status, row`` — ``answer`` a
    nullable integer 1–5, ``status`` one of ``valid``, ``dont_know``, ``missing``, ``row`` the row
    of the file the answer comes from.  ``layout``: ``long``, ``google_forms``, ``kobotoolbox``,
    ``limesurvey`` or ``wide``.  ``notes``: repairs the report must show
    (:class:`~clusterlib.needs.notes.Note`, ``.text(lang)``).
    """

    answers: pd.DataFrame
    layout: str
    notes: tuple[Note, ...]
    file: str


def read_survey(
    path: str | Path,
    *,
    mapping: str | Path | None = None,
    questionnaire: Questionnaire | str | Path | None = None,
    firms: pd.DataFrame | None = None,
    wave: int | None = None,
    cluster: str | None = None,
    sheet: str | int | None = None,
) -> SurveyTable:
    """Read a survey export (Google Forms, KoboToolbox, LimeSurvey, any wide sheet) or a long table.

    Parameters
    ----------
    path : str or Path
        CSV (UTF-8 or Windows-1254; ``,``, ``;`` or tab) or XLSX.
    mapping : str or Path, optional, keyword-only
        YAML file tying headings to item ids (see the module documentation).
    questionnaire : Questionnaire or path, optional
        Items, blocks and answer labels (default :func:`load_questionnaire`).
    firms : DataFrame, optional
        The firm register (``firm_id``, ``cluster``): every respondent must be in it, and its
        cluster wins over the file's or ``cluster`` (a note names the firms it moves).
    wave : int, optional
        The survey year when the file does not say (default: a ``year``/``wave`` column, else the
        one year of all the tool's timestamps; timestamps of two years are an error).
    cluster : str, optional
        The cluster of every respondent, when neither the file nor ``firms`` says.
    sheet : str or int, optional
        Sheet of a workbook.

    Returns
    -------
    SurveyTable
        ``answers`` sorted by ``wave, firm_id`` and questionnaire order, ``layout``, ``notes``.

    Raises
    ------
    DataValidationError
        For an answer outside the scale, an unknown answer label, an item without a block, a
        heading tied to no item, a firm not in the register, a respondent who answered twice with
        different answers, a row without firm id or wave — all problems of the file in one error,
        located at the first (file, row, column, expected).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "survey.csv"
    >>> _ = path.write_text(
    ...     "firm_id,year,item,answer\\nA,2019,exports_fairs,Katılıyorum\\nA,2019,rnd_product,Fikrim yok\\n",
    ...     encoding="utf-8")
    >>> table = read_survey(path)
    >>> table.layout, table.answers[["item", "block", "answer", "status"]].values.tolist()
    ('long', [['exports_fairs', 'exports', 4, 'valid'], ['rnd_product', 'rnd', <NA>, 'dont_know']])
    """
    if questionnaire is None or isinstance(questionnaire, (str, Path)):
        questionnaire = load_questionnaire(questionnaire)
    settings = read_mapping(mapping, questionnaire)
    raw = read_table(path, sheet=sheet)
    problems = Problems(raw)
    labels = dict(questionnaire.labels)
    for text, code in settings.get("answers", {}).items():
        labels[normalize_name(str(text))] = code
    wave = wave if wave is not None else settings.get("wave")
    cluster = cluster if cluster is not None else settings.get("cluster")
    columns = list(raw.frame.columns)
    is_long = all(find_column(columns, LONG_HEADINGS[k]) is not None for k in ("item", "answer"))
    layout = "long" if is_long else detect_layout(columns)
    if is_long:
        long = long_frame(raw, problems, labels, wave, cluster)
    else:
        long = wide_frame(raw, problems, settings, item_keys(questionnaire), layout, wave, cluster)
    blocks = dict(zip(questionnaire.items["item"], questionnaire.items["block"], strict=True))
    extra_blocks = settings.get("blocks") or {}
    codes, statuses, waves = [], [], []
    answer_of: dict[object, tuple[int | None, str, str | None]] = {}  # a survey repeats few answers
    wave_of: dict[object, int | None] = {}
    for record in long.itertuples(index=False):
        key = cell_key(record._4)
        if key not in answer_of:
            answer_of[key] = parse_answer(record._4, labels)
        code, status, problem = answer_of[key]
        if problem:
            problems.add(
                record._5,
                record._6,
                problem,
                expected="1–5, a label of the scale or 'don't know'",
                got=record._4,
            )
        codes.append(code)
        statuses.append(status)
        key = cell_key(record.wave)
        if key not in wave_of:
            wave_of[key] = wave_value(record.wave)
        waves.append(wave_of[key])
    long["answer"] = pd.array(codes, dtype="Int64")
    long["status"] = statuses
    years = pd.Series(pd.array(waves, dtype="Int64"), index=long.index)
    stamp, problem = long.attrs.get("timestamp"), None
    if stamp is not None:  # one export is one wave: the year of all its timestamps together
        one, problem = timestamp_wave(long["wave"], years, column=stamp)
        if problem:
            problems.add(None, stamp, problem, expected="timestamps of one calendar year or 'wave:'")
        years = pd.Series(pd.array([one] * len(long), dtype="Int64"), index=long.index)
    if problem is None:
        no_wave = np.flatnonzero(years.isna().to_numpy())
        if len(no_wave):
            rows = sorted({int(raw.rows[i]) for i in long["_i"].to_numpy()[no_wave]})
            problems.add(
                int(long["_i"].iloc[no_wave[0]]),
                None,
                msg(
                    "needs.survey.no_wave",
                    got=repr(long["wave"].iloc[no_wave[0]]),
                    count=len(rows),
                    rows=", ".join(map(str, rows[:10])) + (" …" if len(rows) > 10 else ""),
                ),
                expected="a year, e.g. 2019",
            )
    long["wave"] = years
    long["block"] = long["item"].map(lambda i: blocks.get(i) or extra_blocks.get(i))
    unplaced = long["item"].isna() | long["block"].isna()
    for i, item, column in long.loc[unplaced, ["_i", "item", "_column"]].itertuples(index=False):
        if item is None or (isinstance(item, float) and pd.isna(item)):
            problems.add(int(i), column, msg("needs.survey.no_item"), expected="an item id")
        else:
            problems.add(
                int(i),
                "item" if is_long else column,
                msg("needs.survey.no_block", item=repr(item)),
                expected=f"an item of {questionnaire.source.name} or a 'blocks' entry in the mapping",
                got=item,
            )
    no_firm = long["firm_id"].isna() | long["firm_id"].eq("")
    for i in np.flatnonzero(no_firm.to_numpy())[:1]:
        problems.add(int(long["_i"].iloc[i]), None, msg("needs.survey.no_firm"), expected="a firm id")
    notes = []
    if firms is not None:
        register = (
            dict(zip(firms["firm_id"].astype(str), firms["cluster"], strict=True))
            if "cluster" in firms
            else {f: None for f in firms["firm_id"].astype(str)}
        )
        unknown = ~long["firm_id"].isin(list(register)) & ~no_firm
        for firm_id, part in long[unknown].groupby("firm_id", sort=False):
            problems.add(
                int(part["_i"].iloc[0]),
                None,
                msg("data.error.not_in_register", firm=repr(firm_id)),
                expected="a firm_id of firms.csv",
                got=firm_id,
            )
        long["cluster"], other = register_clusters(long["firm_id"], long["cluster"], register, file=raw.file)
        notes += [other] if other else []
    empty, empty_notes = empty_submissions(long, file=raw.file, by="firm_id" if is_long else "_i")
    long = long[~empty.to_numpy()].copy()
    notes = [*empty_notes, *notes, *_duplicates(long, raw, problems)]
    problems.raise_all()
    long["row"] = raw.rows[long["_i"].to_numpy()]
    order = {item: k for k, item in enumerate(questionnaire.items["item"])}
    long["_order"] = long["item"].map(order).fillna(len(order))
    long = long[~long["_drop"]] if "_drop" in long else long
    long = long.sort_values(["wave", "firm_id", "_order", "item"], kind="stable", ignore_index=True)
    answers = long[["cluster", "firm_id", "wave", "item", "block", "answer", "status", "row"]].copy()
    answers["cluster"] = answers["cluster"].astype(object).where(answers["cluster"].notna(), None)
    return SurveyTable(answers, layout, tuple(notes), raw.file)


def _duplicates(long: pd.DataFrame, raw: RawTable, problems: Problems) -> list[Note]:
    """Identical repeated answers are kept once (a note); conflicting ones are an error."""
    notes = []
    long["_drop"] = False
    keys = ["firm_id", "wave", "item"]
    repeated = long[long.duplicated(keys, keep=False) & long["firm_id"].notna()]
    for (firm_id, wave, _item), part in repeated.groupby(keys, sort=False, dropna=False):
        rows = sorted({int(raw.rows[i]) for i in part["_i"]})
        same = part["answer"].astype("Float64").nunique(dropna=False) == 1 and part["status"].nunique() == 1
        if not same:
            problems.add(
                int(part["_i"].iloc[1]),
                str(part["_column"].iloc[1]),
                msg("needs.survey.conflict", firm=repr(firm_id), item=repr(_item), wave=wave,
                    rows=", ".join(map(str, rows))),
                expected="one answer per firm, wave and item",
                got=firm_id,
            )
        else:
            long.loc[part.index[1:], "_drop"] = True
            seen = (firm_id, wave, tuple(rows))
            if seen not in notes:
                notes.append(seen)
    return [
        note("needs.survey.duplicate", file=raw.file, firm=firm, wave=int(wave), rows=", ".join(map(str, rows)))
        for firm, wave, rows in notes
    ]
