"""Numbers as users write them: Turkish (``1.234,5``) or English (``1,234.5``) notation, decided per column.

* a token that can only be read one way is evidence (``12,5`` → decimal comma; ``1.234.567`` → dot
  thousands; ``1234.5`` → decimal point; ``1.234,5`` → Turkish);
* a column whose evidence disagrees is refused;
* a token that could be read both ways (``1.234``: 1234 or 1.234) follows the column's evidence; in a
  whole-number column it can only be a thousands separator; otherwise it follows the evidence of the
  other numeric columns of the same file (the ``hint``), and is refused when there is none.

Percentages (``12,5%``, ``%12,5``) are divided by 100; ``..``/``…``/empty mean no value; ``-`` is
TÜİK's and SGK's sign for "nil" and reads as 0 where the caller says so; ``*`` marks a value withheld
for confidentiality (few workplaces) and reads as missing, never as 0.  :func:`special_cells` says
where such cells are, so that the loaders can count them and the reports say so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from clusterlib.data.messages import msg

__all__ = [
    "DASH_TOKENS",
    "MISSING_TOKENS",
    "SUPPRESSED_TOKENS",
    "NumberEvidence",
    "decimal_mark",
    "parse_numbers",
    "special_cells",
]

#: Cells that mean "no value" (TÜİK writes ".." or "…" for not available / confidential).
MISSING_TOKENS = frozenset({"", "..", "...", "…", "na", "n/a", "nan", "none", "null", "#n/a", "#yok"})
#: TÜİK's and SGK's sign for "nil" (magnitude zero); read as 0 in count columns.
DASH_TOKENS = frozenset({"-", "–", "—"})
#: Signs of a value withheld for confidentiality (SGK and TÜİK star cells of one or two workplaces);
#: always read as missing.
SUPPRESSED_TOKENS = frozenset({"*", "**", "***", "gizli", "(gizli)"})


_SIGN = r"[+-]?"
_INT = re.compile(rf"^{_SIGN}\d+$")
_ONE_MARK = re.compile(rf"^{_SIGN}(\d*)([.,])(\d+)$")  # 12.5, 1.234, 0,125
#: Tokens with several marks or an exponent, and the decimal mark they prove.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("comma", re.compile(rf"^{_SIGN}[1-9]\d{{0,2}}(\.\d{{3}})+,\d+$")),  # 1.234,5
    ("dot", re.compile(rf"^{_SIGN}[1-9]\d{{0,2}}(,\d{{3}})+\.\d+$")),  # 1,234.5
    ("comma", re.compile(rf"^{_SIGN}[1-9]\d{{0,2}}(\.\d{{3}}){{2,}}$")),  # 1.234.567
    ("dot", re.compile(rf"^{_SIGN}[1-9]\d{{0,2}}(,\d{{3}}){{2,}}$")),  # 1,234,567
    ("dot", re.compile(rf"^{_SIGN}\d*\.?\d+[eE]{_SIGN}\d+$")),  # 1.5e3, 1e6
]
_SPACED = re.compile(r"^([+-]?[1-9]\d{0,2})((?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?$")  # 1 234 567,5


def _prepare(text: str) -> tuple[str, bool]:
    """Token without spaces used as thousands separators and without a percent sign."""
    token = text.strip()
    percent = token.startswith("%") or token.endswith("%")
    if percent:
        token = token.strip("%").strip()
    spaced = _SPACED.match(token)
    if spaced:
        token = spaced.group(1) + re.sub(r"\D", "", spaced.group(2)) + (spaced.group(3) or "")
    return token, percent


def _kind(token: str) -> str:
    """``int``, ``dot``/``comma`` (decimal mark certain), ``dot3``/``comma3`` (ambiguous) or ``bad``."""
    if _INT.match(token):
        return "int"
    one = _ONE_MARK.match(token)
    if one:
        head, mark, tail = one.groups()
        if len(tail) == 3 and 1 <= len(head) <= 3 and head[0] != "0":
            return "dot3" if mark == "." else "comma3"  # 1.234: thousands or decimals?
        return "dot" if mark == "." else "comma"
    for kind, pattern in _PATTERNS:
        if pattern.match(token):
            return kind
    return "bad"


@dataclass
class NumberEvidence:
    """How a column writes its numbers: the kind of each distinct text cell and where each kind first appears.

    Kinds: ``int``; ``comma``/``dot`` (the decimal mark is certain); ``dot3``/``comma3`` (``1.234``:
    thousands or decimals?); ``bad`` (not a number).
    """

    kinds: dict[str, tuple[str, bool, str]]  # text -> (kind, is percent, prepared token)
    first: dict[str, int]  # kind -> position of its first cell
    percent: int | None  # position of the first percentage
    plain: int | None  # position of the first number without percent sign

    @property
    def decimal(self) -> str | None:
        """The decimal mark the unambiguous tokens show, ``'mixed'``, or None when they show none."""
        comma, dot = "comma" in self.first, "dot" in self.first
        if comma and dot:
            return "mixed"
        return "," if comma else "." if dot else None


def _is_empty_text(text: str) -> bool:
    stripped = text.strip()
    return (
        stripped.lower() in MISSING_TOKENS or stripped in DASH_TOKENS or stripped.lower() in SUPPRESSED_TOKENS
    )


def special_cells(values: Sequence[object]) -> dict[str, np.ndarray]:
    """Positions of the cells that hold no number: ``empty`` (blank, ``..``), ``dash`` (``-``, "nil")
    and ``suppressed`` (``*``, withheld), as boolean masks over ``values``.

    Examples
    --------
    >>> masks = special_cells(["12", "-", "*", None, ".."])
    >>> [np.flatnonzero(masks[k]).tolist() for k in ("empty", "dash", "suppressed")]
    [[3, 4], [1], [2]]
    """
    empty = np.zeros(len(values), dtype=bool)
    dash = np.zeros(len(values), dtype=bool)
    suppressed = np.zeros(len(values), dtype=bool)
    for i, value in enumerate(values):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            empty[i] = True
        elif isinstance(value, str):
            text = value.strip()
            if text in DASH_TOKENS:
                dash[i] = True
            elif text.lower() in SUPPRESSED_TOKENS:
                suppressed[i] = True
            elif text.lower() in MISSING_TOKENS:
                empty[i] = True
    return {"empty": empty, "dash": dash, "suppressed": suppressed}


def decimal_mark(values: Sequence[object]) -> NumberEvidence:
    """Collect the notation evidence of a column's cells (only text cells count).

    Examples
    --------
    >>> decimal_mark(["1.234", "12,5", 7]).decimal
    ','
    >>> decimal_mark(["1,234.5", "12"]).decimal
    '.'
    >>> decimal_mark(["1.234", "2.345"]).decimal is None
    True
    """
    kinds: dict[str, tuple[str, bool, str]] = {}
    first: dict[str, int] = {}
    percent: int | None = None
    plain: int | None = None
    for i, value in enumerate(values):
        if not isinstance(value, str):
            if value is not None and plain is None:
                plain = i
            continue
        if value in kinds:
            continue
        if _is_empty_text(value):
            kinds[value] = ("empty", False, "")
            continue
        token, is_percent = _prepare(value)
        kind = _kind(token)
        kinds[value] = (kind, is_percent, token)
        first.setdefault(kind, i)
        if is_percent and percent is None:
            percent = i
        elif not is_percent and plain is None:
            plain = i
    return NumberEvidence(kinds, first, percent, plain)


def _to_float(token: str, decimal: str) -> float:
    if decimal == ",":
        return float(token.replace(".", "").replace(",", "."))
    return float(token.replace(",", ""))


def _positions(values: Sequence[object], texts: set[str]) -> list[int]:
    return [i for i, v in enumerate(values) if isinstance(v, str) and v in texts]


def parse_numbers(
    values: Sequence[object],
    *,
    integer: bool = False,
    hint: str | None = None,
    dash_is_zero: bool = False,
    evidence: NumberEvidence | None = None,
) -> tuple[np.ndarray, dict[str, object]]:
    """Parse a column of cells into floats (NaN for empty cells) and report what could not be parsed.

    Parameters
    ----------
    values : sequence
        Cells: text (CSV, text cells of a workbook), numbers, or None.
    integer : bool, default False
        A whole-number column: an ambiguous ``1.234`` can then only mean 1234.
    hint : {',', '.'}, optional
        Decimal mark shown by the other columns of the file, used for ambiguous tokens.
    dash_is_zero : bool, default False
        Read ``-`` (TÜİK/SGK "nil") as 0 instead of as an empty cell.
    evidence : NumberEvidence, optional
        :func:`decimal_mark` of ``values`` when already computed.

    Returns
    -------
    values : numpy.ndarray
        Parsed floats; percentages (``12,5%``) are divided by 100.
    problem : dict
        Empty when all went well, else ``{"i": position, "message": ..., "expected": ..., "got": ...,
        "others": [positions of further offending cells]}`` for the first offending cell.

    Examples
    --------
    >>> parse_numbers(["1.234", "12,5", "-", None], dash_is_zero=True)[0].tolist()
    [1234.0, 12.5, 0.0, nan]
    >>> parse_numbers(["%12,5", "50%"])[0].tolist()
    [0.125, 0.5]
    >>> parse_numbers(["1.234", "2.500"], integer=True)[0].tolist()
    [1234.0, 2500.0]
    >>> print(parse_numbers(["1.234", "2.500"])[1]["message"][:80])
    '1.234' could be 1234 (Turkish thousands separator) or 1.234 (decimal point); wr
    """
    values = list(values)
    out = np.full(len(values), np.nan)
    evidence = evidence if evidence is not None else decimal_mark(values)
    decimal = evidence.decimal
    expected_text = "whole numbers" if integer else "numbers"

    def problem(i: int, message: str, others: Iterable[int] = ()) -> tuple[np.ndarray, dict[str, object]]:
        return out, {
            "i": i,
            "message": message,
            "expected": f"{expected_text} written one way throughout the column",
            "got": values[i],
            "others": [o for o in others if o != i],
        }

    if decimal == "mixed":
        comma, dot = evidence.first["comma"], evidence.first["dot"]
        return problem(
            max(comma, dot),
            msg("data.error.mixed_decimals", comma=repr(values[comma]), dot=repr(values[dot])),
        )
    if evidence.percent is not None and evidence.plain is not None:
        return problem(
            max(evidence.percent, evidence.plain),
            f"mixes percentages and plain numbers ({values[evidence.percent]!r} and "
            f"{values[evidence.plain]!r}); write shares either all as '12,5%' or all as 0.125",
        )
    ambiguous = {"dot3", "comma3"} & set(evidence.first)
    clash = {".": "dot3", ",": "comma3"}.get(decimal or "")
    if clash in ambiguous and hint != decimal:
        # "21850.5" proves a decimal point, but "25.444" is then 25.444 only in an English file; in a
        # Turkish one it is 25444.  Unless the rest of the file shows the decimal point too, the cells
        # disagree and reading either way could silently divide numbers by 1000.
        certain = "dot" if decimal == "." else "comma"
        i, j = evidence.first[certain], evidence.first[clash]
        texts = {t for t, (kind, _p, _t) in evidence.kinds.items() if kind in (certain, clash)}
        token = evidence.kinds[values[j]][2]
        decimal_point = decimal == "."
        text = msg(
            "data.error.disagree",
            certain=repr(values[i]),
            ambiguous=repr(values[j]),
            point=1 if decimal_point else -1,
            as_decimal=f"{_to_float(token, decimal):g}",
            sep=decimal,
            as_thousands=token.replace(".", "").replace(",", ""),
        )
        return problem(
            j,
            text,
            _positions(values, texts),
        )
    if decimal is None and ambiguous:
        if integer and len(ambiguous) == 1:
            decimal = "," if ambiguous == {"dot3"} else "."  # the mark can only separate thousands
        elif integer:
            dot3, comma3 = evidence.first["dot3"], evidence.first["comma3"]
            return problem(
                max(dot3, comma3),
                f"uses both '.' and ',' as thousands separators ({values[dot3]!r} and {values[comma3]!r}); "
                "write the numbers without separators",
            )
        elif hint in (",", "."):
            decimal = hint
        else:
            i = min(evidence.first[kind] for kind in ambiguous)
            token = evidence.kinds[values[i]][2]
            texts = {t for t, (kind, _p, _t) in evidence.kinds.items() if kind in ambiguous}
            return problem(
                i,
                msg(
                    "data.error.ambiguous",
                    value=repr(values[i]),
                    thousands=token.replace(".", "").replace(",", ""),
                    decimal=token.replace(",", "."),
                ),
                _positions(values, texts),
            )
    decimal = decimal or "."
    parsed_text: dict[str, float] = {}
    for text, (kind, percent, token) in evidence.kinds.items():
        if kind == "empty":
            dash = text.strip() in DASH_TOKENS
            parsed_text[text] = 0.0 if dash and dash_is_zero else np.nan
        elif kind != "bad":
            parsed_text[text] = _to_float(token, decimal) / (100.0 if percent else 1.0)
    bad: list[int] = []
    for i, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, str):
            number = parsed_text.get(value)
            if number is None:
                bad.append(i)
            else:
                out[i] = number
        elif isinstance(value, (bool, np.bool_, dt.date, dt.datetime, dt.time)):
            bad.append(i)
        elif isinstance(value, (int, float, np.integer, np.floating)):
            out[i] = float(value)
        else:
            bad.append(i)
    if bad:
        i = bad[0]
        shown = values[i]
        what = "a date" if isinstance(shown, (dt.date, dt.datetime)) else repr(shown)
        return out, {
            "i": i,
            "message": f"{what} is not a number",
            "expected": "a whole number" if integer else "a number",
            "got": shown,
            "others": bad[1:],
        }
    return out, {}
