"""Typing the cells of one column: numbers, years, provinces, NACE codes, booleans, choices, lists and text.

Each function types every cell of a column at once and raises a
:class:`~clusterlib.data.errors.DataValidationError` for every cell that fails, located by row and
column (the helpers of :mod:`clusterlib.data.validation`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from functools import cache

import numpy as np

from clusterlib import nace
from clusterlib.data.messages import message_language, msg
from clusterlib.data.numbers import MISSING_TOKENS, NumberEvidence, parse_numbers
from clusterlib.data.readers import RawTable
from clusterlib.data.spec import YEAR_RANGE, Column, each_failure, others_text, show_number
from clusterlib.regions import normalize_name, province, suggest

__all__ = ["is_blank", "numeric_column", "resolve_division", "text_column"]

# ------------------------------------------------------------------------------------------------ values

_TRUE = {"true", "yes", "evet", "dogru", "1", "t", "y", "e", "var"}
_FALSE = {"false", "no", "hayir", "yanlis", "0", "f", "n", "h", "yok"}


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and value.strip().lower() in MISSING_TOKENS


def numeric_column(
    raw: RawTable, column: Column, values: list[object], hint: str | None, evidence: NumberEvidence
) -> np.ndarray:
    integer = column.kind in ("int", "year")
    parsed, problem = parse_numbers(
        values, integer=integer, hint=hint, dash_is_zero=column.dash_is_zero, evidence=evidence
    )
    if problem and problem["expected"] in ("a number", "a whole number"):  # cells that are not numbers
        positions = [int(problem["i"]), *problem.get("others", [])]

        def message(i: int) -> str:
            value = values[i]
            what = msg("data.error.a_date") if isinstance(value, (dt.date, dt.datetime)) else repr(value)
            return msg("data.error.not_a_number", value=what, expected=column.expectation())

        raise each_failure(
            raw, positions, column.name, message, expected=column.expectation(), got=lambda i: values[i]
        )
    if problem:
        i = int(problem["i"])
        raise raw.error(
            problem["message"]
            + msg("data.error.expected", expected=column.expectation())
            + others_text(raw, problem.get("others", []), column.name, i),
            i=i,
            column=column.name,
            expected=column.expectation(),
            got=problem["got"],
        )
    finite = ~np.isnan(parsed)
    if integer:
        _raise_where(raw, column, finite & (parsed != np.round(parsed)), parsed, "not_whole")
    low, high = YEAR_RANGE if column.kind == "year" else (column.low, column.high)
    if low is not None:
        below = finite & ((parsed <= low) if column.low_open else (parsed < low))
        key = "not_a_year" if column.kind == "year" else "not_above" if column.low_open else "below"
        _raise_where(raw, column, below, parsed, key)
    if high is not None:
        key = "not_a_year" if column.kind == "year" else "above"
        _raise_where(raw, column, finite & (parsed > high), parsed, key)
    return parsed


def _raise_where(raw: RawTable, column: Column, mask: np.ndarray, parsed: np.ndarray, key: str) -> None:
    """Raise for every cell of ``mask``; ``key`` names the message (``below``, ``above``, ``not_whole``…)."""
    bad = np.flatnonzero(mask)
    if not bad.size:
        return
    low, high = YEAR_RANGE if column.kind == "year" else (column.low, column.high)

    def message(i: int) -> str:
        value = raw.frame[column.name].iloc[i]
        shown = (
            show_number(parsed[i])
            if isinstance(value, str) and show_number(parsed[i]) != value.strip()
            else None
        )
        got = show_number(parsed[i])
        if isinstance(value, str):
            got = msg("data.error.read_as", value=repr(value), number=shown) if shown else repr(value)
        return msg(
            f"data.error.{key}",
            value=got,
            low=show_number(low) if low is not None else "",
            high=show_number(high) if high is not None else "",
            expected=column.expectation(),
        )

    raise each_failure(
        raw,
        bad,
        column.name,
        message,
        expected=column.expectation(),
        got=lambda i: raw.frame[column.name].iloc[i],
    )


def _by_unique(values: list[object], resolve: Callable[[object], object]) -> tuple[list[object], dict]:
    """Apply ``resolve`` once per distinct value; returns results and {value: exception} failures."""
    results: dict[object, object] = {}
    failures: dict[object, Exception] = {}
    for value in dict.fromkeys(values):
        if is_blank(value):
            results[value] = None
            continue
        try:
            results[value] = resolve(value)
        except (ValueError, KeyError) as exc:
            failures[value] = exc
    return [results.get(v) for v in values], failures


def _first_failure(raw: RawTable, column: Column, values: list[object], failures: dict, text) -> None:
    """Raise for every cell whose value failed (all at once)."""
    if not failures:
        return
    bad = [i for i, v in enumerate(values) if not is_blank(v) and v in failures]
    raise each_failure(
        raw,
        bad,
        column.name,
        lambda i: text(values[i], failures[values[i]]),
        expected=column.expectation(),
        got=lambda i: values[i],
    )


def _province_name(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return province(value).name


def _province_message(value: object, exc: Exception) -> str:
    close = suggest(str(value))
    if close:
        hint = msg("data.error.did_you_mean", options=", ".join(repr(s) for s in close))
    else:
        hint = msg("data.error.province_hint")
    return msg("data.error.not_a_province", value=repr(value), hint=hint)


_DIVISION_LABEL = re.compile(r"^\s*(?:[A-Ua-u]\s*[-–—.:]?\s*)?(\d{1,2})(?=$|[\s\-–—:)/,]|\.(?!\d))")
#: A group or class label (``"10.1 - Etin işlenmesi"``, ``"C10.11"``): never folded into its division.
_FINER_LABEL = re.compile(r"^\s*(?:[A-Ua-u]\s*[-–—.:]?\s*)?(\d{1,2}\.\d{1,2})(?=$|[\s\-–—:)/,])")


@cache
def _division_names() -> dict[str, str]:
    table = nace.divisions()
    names: dict[str, str] = {}
    for column in ("name_tr", "name_en", "short_tr", "short_en"):
        if column in table:
            names.update(
                {normalize_name(n): code for n, code in zip(table[column], table["code"], strict=True)}
            )
    return names


def resolve_division(value: object) -> str:
    """The 2-digit NACE division of a cell: a code (``10``, ``"C10"``), a label or an official title.

    Accepts labels as they head SGK tables (``"10 - Gıda ürünlerinin imalatı"``, ``"C10 Food"``) and
    the exact Turkish or English title.  Groups and classes are refused (a division is expected).

    Raises
    ------
    ValueError
        With :func:`clusterlib.nace.normalize_code`'s message and suggestions.

    Examples
    --------
    >>> [resolve_division(v) for v in (1, "C10", "10 - Gıda ürünlerinin imalatı", "Forestry and logging")]
    ['01', '10', '10', '02']
    """
    if isinstance(value, str):
        text = value.strip()
        by_name = _division_names().get(normalize_name(text))
        if by_name:
            return by_name
        finer = _FINER_LABEL.match(text)
        if finer:
            value = finer.group(1)  # refused below as a group or class, not read as its division
        label = None if finer else _DIVISION_LABEL.match(text)
        if label and re.search(r"[^\W\d_]{3}", text[label.end() :]):
            section = text[: label.start(1)].strip(" -–—.:")
            value = f"{section}{label.group(1)}" if section else label.group(1)
        elif not finer:
            value = text
    code = nace.normalize_code(value)
    if "." in code:
        raise ValueError(
            msg(
                "data.error.nace_finer",
                value=repr(value),
                level=msg(f"data.error.nace_{nace.level_of(code)}"),
                code=repr(code),
                division=code[:2],
            )
        )
    return code


def _nace_message(value: object, exc: Exception) -> str:
    """The message of :func:`resolve_division`, or of :func:`clusterlib.nace.normalize_code` about ``value``."""
    text = str(exc)
    prefix = "'nace' code "
    if message_language() != "en" and (text.startswith(prefix) or "is not a NACE" in text):
        close = re.search(
            r"did you mean (.*)\?$", text
        )  # the suggestions of clusterlib.nace, in any language
        hint = (
            msg("data.error.did_you_mean", options=close.group(1).replace(" or ", " ya da ")) if close else ""
        )
        return msg("data.error.not_nace", value=repr(value), hint=hint)
    if text.startswith(prefix):  # "'nace' code '04' is not a NACE Rev.2 division ('04'); did you mean …"
        return f"{value!r} " + text[len(prefix) :].split(" ", 1)[1]
    return text


def _bool(value: object) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = normalize_name(str(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(value)


def _choice(column: Column) -> Callable[[object], str]:
    allowed = column.allowed()
    by_key = {normalize_name(a): a for a in allowed}

    def resolve(value: object) -> str:
        found = by_key.get(normalize_name(str(value)))
        if found is None:
            raise ValueError(value)
        return found

    return resolve


def _choice_message(column: Column) -> Callable[[object, Exception], str]:
    def message(value: object, exc: Exception) -> str:
        allowed = column.allowed()
        close = difflib.get_close_matches(str(value).strip().lower(), allowed, n=1, cutoff=0.6)
        hint = msg("data.error.did_you_mean", options=repr(close[0])) if close else ""
        return msg("data.error.not_allowed", value=repr(value), allowed=allowed, hint=hint)

    return message


def _list_items(column: Column) -> Callable[[object], str]:
    one = resolve_division if column.item == "division" else _choice(column)

    def resolve(value: object) -> str:
        items = [item.strip() for item in str(value).split(";") if item.strip()]
        return ";".join(one(item) for item in items)

    return resolve


def _list_message(column: Column) -> Callable[[object, Exception], str]:
    def message(value: object, exc: Exception) -> str:
        one = resolve_division if column.item == "division" else _choice(column)
        for item in (s.strip() for s in str(value).split(";") if s.strip()):
            try:
                one(item)
            except (ValueError, KeyError) as item_exc:
                reason = (
                    _nace_message(item, item_exc)
                    if column.item == "division"
                    else msg("data.expect.one_of", allowed=column.allowed())
                )
                return msg("data.error.list_item", item=repr(item), value=repr(value), reason=reason)
        return f"{value!r} is not allowed"  # pragma: no cover - some item always fails

    return message


def text_column(column: Column, raw: RawTable, values: list[object]) -> list[object]:
    kind = column.kind
    if kind == "str":
        return [
            None if is_blank(v) else show_number(v) if isinstance(v, float) else str(v).strip()
            for v in values
        ]
    if kind == "province":
        resolved, failures = _by_unique(values, _province_name)
        _first_failure(raw, column, values, failures, _province_message)
        return resolved
    if kind == "division":
        resolved, failures = _by_unique(values, resolve_division)
        _first_failure(raw, column, values, failures, _nace_message)
        return resolved
    if kind == "nace_code":
        resolved, failures = _by_unique(values, nace.normalize_code)
        _first_failure(raw, column, values, failures, lambda v, e: f"{v!r} is not a NACE Rev. 2 code: {e}")
        return resolved
    if kind == "bool":
        resolved, failures = _by_unique(values, _bool)
        _first_failure(raw, column, values, failures, lambda v, e: msg("data.error.not_bool", value=repr(v)))
        return resolved
    if kind in ("category", "section"):
        resolved, failures = _by_unique(values, _choice(column))
        _first_failure(raw, column, values, failures, _choice_message(column))
        return resolved
    if kind == "list":
        resolved, failures = _by_unique(values, _list_items(column))
        _first_failure(raw, column, values, failures, _list_message(column))
        return resolved
    raise ValueError(f"unknown column kind {kind!r}")  # pragma: no cover - a schema bug
