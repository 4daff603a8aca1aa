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

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from clusterlib.config import RESOURCES_DIR
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.readers import RawTable, read_table
from clusterlib.needs import messages as _messages  # noqa: F401  (registers the needs.survey.* strings)
from clusterlib.needs.campaign import empty_submissions, register_clusters, timestamp_wave
from clusterlib.needs.mapping import read_mapping
from clusterlib.regions import normalize_name

__all__ = ["Questionnaire", "SurveyTable", "load_questionnaire", "read_survey"]

DEFAULT_QUESTIONNAIRE = RESOURCES_DIR / "needs" / "questionnaire.yaml"
STATUSES = ("valid", "dont_know", "missing")

#: Metadata columns each tool adds to its exports; they carry no answer and are skipped.
META_COLUMNS: dict[str, tuple[str, ...]] = {
    "google_forms": ("Timestamp", "Zaman damgası", "Email Address", "E-posta Adresi", "Score", "Puan"),
    "kobotoolbox": (
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "audit",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_version_",
        "_tags",
        "_index",
        "meta/instanceID",
        "formhub/uuid",
        "_attachments",
        "_geolocation",
    ),
    "limesurvey": (
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "token",
        "Response ID",
        "Date submitted",
        "Last page",
        "Start language",
        "Date started",
        "Date last action",
    ),
}
_TIMESTAMPS = (
    "Timestamp",
    "Zaman damgası",
    "_submission_time",
    "submitdate",
    "start",
    "Date submitted",
    "startdate",
)
_FIRM_HEADINGS = ("firm_id", "firm id", "firma kodu", "firma_id", "firma no", "firm code", "firm")
_WAVE_HEADINGS = ("wave", "year", "yıl", "yil", "dalga")
_CLUSTER_HEADINGS = ("cluster", "küme", "kume")
_LONG = {"item": ("item", "madde", "soru kodu", "question"), "answer": ("answer", "yanıt", "yanit", "cevap")}
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


# ------------------------------------------------------------------------------------------ questionnaire


@dataclass(frozen=True)
class Questionnaire:
    """Items, blocks and answer scale of a needs-assessment questionnaire.

    ``items``: ``item, block, text_tr, text_en`` in questionnaire order; ``blocks``: ``block, tr,
    en, function``; ``labels``: normalised answer text → ``1``…``5``, ``"dont_know"`` or
    ``"missing"``; ``neutral``: the middle code.
    """

    items: pd.DataFrame
    blocks: pd.DataFrame
    labels: Mapping[str, int | str]
    neutral: int
    source: Path

    def block_of(self, item: str) -> str | None:
        """Block of an item id, or ``None`` for an unknown item."""
        match = self.items.loc[self.items["item"] == item, "block"]
        return str(match.iloc[0]) if len(match) else None

    @property
    def codes(self) -> list[int]:
        """The answer codes of the scale, e.g. ``[1, 2, 3, 4, 5]``."""
        return sorted(int(code) for code in self._scale)

    def scale_label(self, code: int, lang: str) -> str:
        """Text of an answer code in ``lang`` (``"tr"`` or ``"en"``)."""
        return str(self._scale[code][lang])

    @property
    def _scale(self) -> dict:
        return _read_yaml(str(self.source))["scale"]["codes"]


@cache
def _read_yaml(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Read a questionnaire definition (YAML); default: the workbench's needs-assessment questionnaire.

    Raises
    ------
    DataValidationError
        For an item without a block or with a block the file does not define.

    Examples
    --------
    >>> q = load_questionnaire()
    >>> len(q.items), q.blocks["block"].tolist()[:3], q.labels["kesinliklekatiliyorum"], q.labels["fikrimyok"]
    (21, ['training', 'procurement', 'exports'], 5, 'dont_know')
    """
    source = Path(path) if path is not None else DEFAULT_QUESTIONNAIRE
    try:
        return _questionnaire(source, _read_yaml(str(source)))
    except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as err:
        if isinstance(err, DataValidationError):
            raise
        raise DataValidationError(
            msg("needs.survey.bad_questionnaire", reason=f"{type(err).__name__}: {str(err)[:120]}"),
            file=source.name,
            expected="scale (codes 1…k with tr, en), blocks (tr, en) and items (block, tr, en)",
        ) from None


def _questionnaire(source: Path, document: dict) -> Questionnaire:
    blocks = pd.DataFrame(
        [
            {"block": key, "tr": v["tr"], "en": v["en"], "function": v.get("function")}
            for key, v in document["blocks"].items()
        ]
    )
    rows, problems = [], []
    for key, value in document["items"].items():
        block = (value or {}).get("block")
        if block not in set(blocks["block"]):
            problems.append(f"item {key!r} has block {block!r}; expected one of {blocks['block'].tolist()}")
        rows.append(
            {"item": key, "block": block, "text_tr": value.get("tr", key), "text_en": value.get("en", key)}
        )
    if problems:
        raise DataValidationError(
            "; ".join(problems), file=source.name, column="block", expected="a defined block"
        )
    labels: dict[str, int | str] = {}
    scale = document["scale"]
    for code, value in scale["codes"].items():
        for text in (str(code), value["tr"], value["en"], *value.get("aliases", ())):
            labels[normalize_name(text)] = int(code)
    for status in ("dont_know", "no_answer"):
        value = scale.get(status, {})
        for text in (value.get("tr", ""), value.get("en", ""), *value.get("aliases", ())):
            if normalize_name(text):
                labels[normalize_name(text)] = "dont_know" if status == "dont_know" else "missing"
    return Questionnaire(pd.DataFrame(rows), blocks, labels, int(scale.get("neutral", 3)), source)


# ------------------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class SurveyTable:
    """A survey read into long form, with what the reader noticed.

    ``answers``: ``cluster, firm_id, wave, item, block, answer, status, row`` — ``answer`` a
    nullable integer 1–5, ``status`` one of ``valid``, ``dont_know``, ``missing``, ``row`` the row
    of the file the answer comes from.  ``layout``: ``long``, ``google_forms``, ``kobotoolbox``,
    ``limesurvey`` or ``wide``.  ``notes``: repairs the report must show.
    """

    answers: pd.DataFrame
    layout: str
    notes: tuple[str, ...]
    file: str


class _Problems:
    """All problems of one file, raised together as one DataValidationError."""

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.items: list[tuple[int | None, str | None, str, object, object]] = []

    def add(
        self, i: int | None, column: str | None, message: str, expected: object = None, got: object = None
    ):
        row = int(self.raw.rows[i]) if i is not None else None
        self.items.append((row, column, message, expected, got))

    def raise_all(self) -> None:
        """Raise every problem of the file as one :class:`DataValidationError` (none: return)."""
        if not self.items:
            return
        error = DataValidationError.collect(
            [
                DataValidationError(
                    message,
                    file=self.raw.file,
                    sheet=self.raw.sheet,
                    row=row,
                    column=column,
                    expected=expected,
                    got=got,
                )
                for row, column, message, expected, got in self.items
            ]
        )
        error.row, error.column = error.problems[0].row, error.problems[0].column  # located at the first
        raise error


def _find(columns: list[str], names: tuple[str, ...]) -> str | None:
    keys = {normalize_name(n) for n in names}
    for column in columns:
        last = column.rsplit("/", 1)[-1]
        if normalize_name(column) in keys or normalize_name(last) in keys:
            return column
    return None


def _layout(columns: list[str]) -> str:
    keys = {normalize_name(c) for c in columns}
    for tool, meta in META_COLUMNS.items():
        if len(keys & {normalize_name(m) for m in meta}) >= (1 if tool == "google_forms" else 2):
            return tool
    return "wide"


def _item_keys(questionnaire: Questionnaire) -> dict[str, str]:
    keys: dict[str, str] = {}
    for row in questionnaire.items.itertuples(index=False):
        for text in (row.item, row.text_tr, row.text_en):
            keys[normalize_name(text)] = row.item
    return keys


def _heading_item(heading: str, keys: Mapping[str, str]) -> str | None:
    candidates = [heading, heading.rsplit("/", 1)[-1]]
    bracket = re.search(r"\[([^\]]+)\]\s*$", heading)
    if bracket:
        candidates.append(bracket.group(1))
    for text in candidates:
        item = keys.get(normalize_name(text))
        if item:
            return item
    return None


def _cell_key(value: object) -> object:
    """A dictionary key for a cell's value (NaN is not equal to itself; numbers and text stay apart)."""
    if isinstance(value, float) and np.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


def _parse_answer(value: object, labels: Mapping[str, int | str]) -> tuple[int | None, str, str | None]:
    """(code, status, problem) of one cell."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, "missing", None
    text = str(value).strip()
    if not text:
        return None, "missing", None
    key = normalize_name(text)
    if key in labels:
        found = labels[key]
        return (found, "valid", None) if isinstance(found, int) else (None, str(found), None)
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        close = difflib.get_close_matches(key, list(labels), n=1, cutoff=0.75)
        hint = msg("needs.survey.answer_hint", close=repr(close[0])) if close else ""
        return None, "missing", msg("needs.survey.not_answer", value=repr(text), hint=hint)
    scale = [code for code in labels.values() if isinstance(code, int)]
    low, high = (min(scale), max(scale)) if scale else (1, 5)
    if number.is_integer() and low <= number <= high:
        return int(number), "valid", None
    return None, "missing", msg("needs.survey.outside", value=repr(text), low=low, high=high)


def _long_frame(raw: RawTable, problems: _Problems, labels, wave, cluster) -> pd.DataFrame:
    columns = list(raw.frame.columns)
    firm = _find(columns, _FIRM_HEADINGS)
    item = _find(columns, _LONG["item"])
    answer = _find(columns, _LONG["answer"])
    wave_col = _find(columns, _WAVE_HEADINGS)
    cluster_col = _find(columns, _CLUSTER_HEADINGS)
    extra = [c for c in columns if c not in {firm, item, answer, wave_col, cluster_col}]
    if extra:
        problems.add(
            None,
            extra[0],
            msg("needs.survey.not_long", extra=extra),
            expected="firm_id, item, answer",
            got=extra,
        )
    frame = raw.frame
    return pd.DataFrame(
        {
            "cluster": frame[cluster_col] if cluster_col else cluster,
            "firm_id": frame[firm].map(lambda v: None if v is None else str(v).strip()),
            "wave": frame[wave_col] if wave_col else wave,
            "item": frame[item].map(lambda v: None if v is None else str(v).strip()),
            "_cell": frame[answer],
            "_i": np.arange(len(frame)),
            "_column": answer,
        }
    )


def _wide_frame(
    raw: RawTable, problems: _Problems, mapping: dict, keys, layout, wave, cluster
) -> pd.DataFrame:
    columns = list(raw.frame.columns)
    firm = mapping.get("firm") or _find(columns, _FIRM_HEADINGS)
    if firm not in columns:
        problems.add(
            None,
            None,
            msg("needs.survey.no_firm_column", looked=mapping.get("firm") or list(_FIRM_HEADINGS)),
            expected="a firm-id column",
            got=columns,
        )
        problems.raise_all()
    wave_col = mapping.get("wave_column") or (None if wave is not None else _find(columns, _WAVE_HEADINGS))
    cluster_col = _find(columns, _CLUSTER_HEADINGS) if cluster is None else None
    mapped = {normalize_name(str(k)): v for k, v in (mapping.get("items") or {}).items()}
    skip = {normalize_name(s) for s in (mapping.get("skip") or [])}
    meta = {normalize_name(m) for names in META_COLUMNS.values() for m in names}
    stamp = _find(columns, _TIMESTAMPS)
    item_columns: dict[str, str] = {}
    unmapped = []
    for column in columns:
        key = normalize_name(column)
        if column in {firm, wave_col, cluster_col} or key in skip:
            continue
        item = mapped.get(key) or _heading_item(column, keys)
        if item:
            item_columns[column] = item
        elif key in meta or normalize_name(column.rsplit("/", 1)[-1]) in meta:
            continue
        else:
            unmapped.append(column)
    for column in unmapped:
        problems.add(
            None,
            column,
            msg("needs.survey.untied"),
            expected="a heading of the mapping or questionnaire",
            got=column,
        )
    if wave is None and wave_col is None:
        if stamp is None:
            problems.add(
                None,
                None,
                msg("needs.survey.no_wave_at_all"),
                expected="a wave",
            )
        else:
            wave_col = stamp
    frame = raw.frame
    stamp_wave = wave is None and wave_col == stamp and stamp is not None
    parts = []
    for column, item in item_columns.items():
        parts.append(
            pd.DataFrame(
                {
                    "cluster": frame[cluster_col] if cluster_col else cluster,
                    "firm_id": frame[firm].map(lambda v: None if v is None else str(v).strip()),
                    "wave": frame[wave_col] if wave_col else wave,
                    "item": item,
                    "_cell": frame[column],
                    "_i": np.arange(len(frame)),
                    "_column": column,
                }
            )
        )
    if not parts:
        problems.add(
            None, None, msg("needs.survey.no_items"), expected="item columns"
        )
        problems.raise_all()
    long = pd.concat(parts, ignore_index=True)
    if stamp_wave:
        long.attrs["timestamp"] = stamp
    return long


def _wave_value(value: object) -> int | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if hasattr(value, "year"):
        return int(value.year)
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return int(float(text))
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


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
    problems = _Problems(raw)
    labels = dict(questionnaire.labels)
    for text, code in settings.get("answers", {}).items():
        labels[normalize_name(str(text))] = code
    wave = wave if wave is not None else settings.get("wave")
    cluster = cluster if cluster is not None else settings.get("cluster")
    columns = list(raw.frame.columns)
    is_long = _find(columns, _LONG["item"]) is not None and _find(columns, _LONG["answer"]) is not None
    layout = "long" if is_long else _layout(columns)
    if is_long:
        long = _long_frame(raw, problems, labels, wave, cluster)
    else:
        long = _wide_frame(raw, problems, settings, _item_keys(questionnaire), layout, wave, cluster)
    blocks = dict(zip(questionnaire.items["item"], questionnaire.items["block"], strict=True))
    extra_blocks = settings.get("blocks") or {}
    codes, statuses, waves = [], [], []
    answer_of: dict[object, tuple[int | None, str, str | None]] = {}  # a survey repeats few answers
    wave_of: dict[object, int | None] = {}
    for record in long.itertuples(index=False):
        key = _cell_key(record._4)
        if key not in answer_of:
            answer_of[key] = _parse_answer(record._4, labels)
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
        key = _cell_key(record.wave)
        if key not in wave_of:
            wave_of[key] = _wave_value(record.wave)
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


def _duplicates(long: pd.DataFrame, raw: RawTable, problems: _Problems) -> list[str]:
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
            note = (firm_id, wave, tuple(rows))
            if note not in notes:
                notes.append(note)
    return [
        msg("needs.survey.duplicate", file=raw.file, firm=firm, wave=wave, rows=", ".join(map(str, rows)))
        for firm, wave, rows in notes
    ]
