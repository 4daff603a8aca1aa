"""Columns of a survey export: which tool wrote it, which heading is which item, what each cell says.

The kernels of :func:`clusterlib.needs.read_survey`: :func:`detect_layout` (Google Forms, KoboToolbox,
LimeSurvey, a wide sheet or the long form), :func:`long_frame` and :func:`wide_frame` (one row per
firm, wave and item, cells still as written), :func:`parse_answer` (a cell to a code 1–5 or a
status).  Problems are gathered in :class:`Problems` and raised together, located by file, row and
column, through :meth:`~clusterlib.data.DataValidationError.collect`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg
from clusterlib.data.readers import RawTable
from clusterlib.regions import normalize_name

if TYPE_CHECKING:
    from clusterlib.needs.questionnaire import Questionnaire

__all__ = [
    "FIRM_HEADINGS",
    "LONG_HEADINGS",
    "META_COLUMNS",
    "TIMESTAMPS",
    "Problems",
    "cell_key",
    "detect_layout",
    "find_column",
    "heading_item",
    "item_keys",
    "long_frame",
    "parse_answer",
    "wave_value",
    "wide_frame",
]


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
TIMESTAMPS = (
    "Timestamp",
    "Zaman damgası",
    "_submission_time",
    "submitdate",
    "start",
    "Date submitted",
    "startdate",
)
FIRM_HEADINGS = ("firm_id", "firm id", "firma kodu", "firma_id", "firma no", "firm code", "firm")
_WAVE_HEADINGS = ("wave", "year", "yıl", "yil", "dalga")
_CLUSTER_HEADINGS = ("cluster", "küme", "kume")
LONG_HEADINGS = {"item": ("item", "madde", "soru kodu", "question"), "answer": ("answer", "yanıt", "yanit", "cevap")}
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


class Problems(list):
    """The problems of one file (:class:`~clusterlib.data.DataValidationError`), raised together.

    ``add(i, column, message, expected, got)`` locates a problem at position ``i`` of the read table
    (its spreadsheet row from ``raw.rows``); :meth:`raise_all` raises them through
    :meth:`DataValidationError.collect`, located at the first.
    """

    def __init__(self, raw: RawTable) -> None:
        super().__init__()
        self.raw = raw

    def add(
        self, i: int | None, column: str | None, message: str, expected: object = None, got: object = None
    ) -> None:
        """Record a problem at table position ``i`` (``None``: the whole file) and ``column``."""
        row = int(self.raw.rows[i]) if i is not None else None
        self.append(
            DataValidationError(
                message, file=self.raw.file, sheet=self.raw.sheet, row=row, column=column, expected=expected, got=got
            )
        )

    def raise_all(self) -> None:
        """Raise every problem of the file as one error (none: return)."""
        if not self:
            return
        error = DataValidationError.collect(list(self))
        error.row, error.column = self[0].row, self[0].column  # located at the first
        raise error


def find_column(columns: list[str], names: tuple[str, ...]) -> str | None:
    keys = {normalize_name(n) for n in names}
    for column in columns:
        last = column.rsplit("/", 1)[-1]
        if normalize_name(column) in keys or normalize_name(last) in keys:
            return column
    return None


def detect_layout(columns: list[str]) -> str:
    keys = {normalize_name(c) for c in columns}
    for tool, meta in META_COLUMNS.items():
        if len(keys & {normalize_name(m) for m in meta}) >= (1 if tool == "google_forms" else 2):
            return tool
    return "wide"


def item_keys(questionnaire: Questionnaire) -> dict[str, str]:
    keys: dict[str, str] = {}
    for row in questionnaire.items.itertuples(index=False):
        for text in (row.item, row.text_tr, row.text_en):
            keys[normalize_name(text)] = row.item
    return keys


def heading_item(heading: str, keys: Mapping[str, str]) -> str | None:
    candidates = [heading, heading.rsplit("/", 1)[-1]]
    bracket = re.search(r"\[([^\]]+)\]\s*$", heading)
    if bracket:
        candidates.append(bracket.group(1))
    for text in candidates:
        item = keys.get(normalize_name(text))
        if item:
            return item
    return None


def cell_key(value: object) -> object:
    """A dictionary key for a cell's value (NaN is not equal to itself; numbers and text stay apart)."""
    if isinstance(value, float) and np.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


def parse_answer(value: object, labels: Mapping[str, int | str]) -> tuple[int | None, str, str | None]:
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


def long_frame(raw: RawTable, problems: Problems, labels, wave, cluster) -> pd.DataFrame:
    columns = list(raw.frame.columns)
    firm = find_column(columns, FIRM_HEADINGS)
    item = find_column(columns, LONG_HEADINGS["item"])
    answer = find_column(columns, LONG_HEADINGS["answer"])
    wave_col = find_column(columns, _WAVE_HEADINGS)
    cluster_col = find_column(columns, _CLUSTER_HEADINGS)
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


def wide_frame(
    raw: RawTable, problems: Problems, mapping: dict, keys, layout, wave, cluster
) -> pd.DataFrame:
    columns = list(raw.frame.columns)
    firm = mapping.get("firm") or find_column(columns, FIRM_HEADINGS)
    if firm not in columns:
        problems.add(
            None,
            None,
            msg("needs.survey.no_firm_column", looked=mapping.get("firm") or list(FIRM_HEADINGS)),
            expected="a firm-id column",
            got=columns,
        )
        problems.raise_all()
    wave_col = mapping.get("wave_column") or (None if wave is not None else find_column(columns, _WAVE_HEADINGS))
    cluster_col = find_column(columns, _CLUSTER_HEADINGS) if cluster is None else None
    mapped = {normalize_name(str(k)): v for k, v in (mapping.get("items") or {}).items()}
    skip = {normalize_name(s) for s in (mapping.get("skip") or [])}
    meta = {normalize_name(m) for names in META_COLUMNS.values() for m in names}
    stamp = find_column(columns, TIMESTAMPS)
    item_columns: dict[str, str] = {}
    unmapped = []
    for column in columns:
        key = normalize_name(column)
        if column in {firm, wave_col, cluster_col} or key in skip:
            continue
        item = mapped.get(key) or heading_item(column, keys)
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


def wave_value(value: object) -> int | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if hasattr(value, "year"):
        return int(value.year)
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return int(float(text))
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None

