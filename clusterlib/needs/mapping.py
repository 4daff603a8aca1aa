"""The YAML mapping file of a survey export, read and checked before any answer is.

A mapping ties an export's headings to the questionnaire (see :mod:`clusterlib.needs.inputs`).
Every value it gives is checked against the questionnaire: an answer code outside the scale, a
misspelt status (``dont know`` for ``dont_know``), an item or block the questionnaire does not
have, a wave that is not a year.  All problems of the file come in one
:class:`~clusterlib.data.DataValidationError` that names the file, the key and the accepted values,
in the language of the run (:func:`clusterlib.data.messages_in`).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import msg

if TYPE_CHECKING:
    from clusterlib.needs.inputs import Questionnaire

__all__ = ["MAPPING_KEYS", "STATUS_CODES", "read_mapping"]

#: Keys a mapping file may have.
MAPPING_KEYS = ("firm", "wave", "wave_column", "cluster", "items", "answers", "skip", "blocks", "tool")
#: Answer codes a mapping may give besides the scale's numbers.
STATUS_CODES = ("dont_know", "missing")


def _hint(value: object, options: list[str]) -> str:
    close = difflib.get_close_matches(str(value).strip().lower(), options, n=1, cutoff=0.6)
    return msg("needs.mapping.did_you_mean", options=repr(close[0])) if close else ""


def _answer_code(value: object, scale: list[int]) -> int | str | None:
    """The code a mapping value stands for, or None when it is not an accepted value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip() in STATUS_CODES:
        return value.strip()
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) else None


def read_mapping(path: str | Path | None, questionnaire: Questionnaire) -> dict:
    """Read and check a survey's mapping file; ``{}`` for no file.

    ``answers`` come back as codes (``1``…``5``, ``"dont_know"``, ``"missing"``), ``skip`` as a list.

    Raises
    ------
    DataValidationError
        For a file that is not YAML or not a mapping, an unknown key, an answer code outside the
        scale or not accepted, an item or block the questionnaire lacks, a wave that is not a year —
        every problem of the file at once, naming the key and the accepted values.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterlib.needs import load_questionnaire
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mapping.yml"
    >>> _ = path.write_text("answers:\\n  A5: 7\\n  A6: dont know\\n", encoding="utf-8")
    >>> try:
    ...     read_mapping(path, load_questionnaire())
    ... except DataValidationError as error:
    ...     print(error)
    mapping.yml: 2 problems:
      answers 'A5': 7 is outside the scale 1–5; accepted values: 1, 2, 3, 4, 5, dont_know, missing
      answers 'A6': 'dont know' is not an accepted value (did you mean 'dont_know'?); accepted values:
      1, 2, 3, 4, 5, dont_know, missing
    """
    if path is None:
        return {}
    source = Path(path)
    try:
        document = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        reason = str(err).splitlines()[0][:200]
        raise DataValidationError(msg("needs.mapping.not_yaml", reason=reason), file=source.name) from None
    if not isinstance(document, dict):
        raise DataValidationError(
            msg("needs.mapping.not_a_mapping", got=type(document).__name__),
            file=source.name,
            got=type(document).__name__,
        )
    problems: list[DataValidationError] = []

    def fail(text: str, *, expected: object = None, got: object = None) -> None:
        problems.append(DataValidationError(text, file=source.name, expected=expected, got=got))

    unknown = sorted(str(k) for k in set(document) - set(MAPPING_KEYS))
    if unknown:
        fail(msg("needs.mapping.unknown_keys", keys=unknown, allowed=", ".join(MAPPING_KEYS)), got=unknown)
    for key in ("items", "answers", "blocks"):
        if document.get(key) is not None and not isinstance(document[key], dict):
            fail(msg("needs.mapping.section_not_mapping", section=key, got=repr(document[key])[:80]))
            document[key] = {}
    for key in ("firm", "wave_column", "cluster"):
        if document.get(key) is not None and not isinstance(document[key], str):
            fail(msg("needs.mapping.not_text", section=key, value=repr(document[key])[:80]))
    skip = document.get("skip")
    document["skip"] = [] if skip is None else [skip] if isinstance(skip, str) else list(skip)

    scale = questionnaire.codes
    low, high = scale[0], scale[-1]
    allowed = ", ".join([*map(str, scale), *STATUS_CODES])
    answers = {}
    for key, value in (document.get("answers") or {}).items():
        code = _answer_code(value, scale)
        if isinstance(code, int) and code not in scale:
            fail(
                msg(
                    "needs.mapping.code_outside",
                    section="answers",
                    key=repr(str(key)),
                    value=code,
                    low=low,
                    high=high,
                    allowed=allowed,
                ),
                expected=allowed,
                got=value,
            )
        elif code is None:
            fail(
                msg(
                    "needs.mapping.code_unknown",
                    section="answers",
                    key=repr(str(key)),
                    value=repr(value),
                    hint=_hint(value, list(STATUS_CODES)),
                    allowed=allowed,
                ),
                expected=allowed,
                got=value,
            )
        else:
            answers[str(key)] = code
    document["answers"] = answers

    blocks = list(questionnaire.blocks["block"])
    for key, value in (document.get("blocks") or {}).items():
        if value not in blocks:
            fail(
                msg(
                    "needs.mapping.not_block",
                    section="blocks",
                    key=repr(str(key)),
                    value=repr(value),
                    allowed=", ".join(blocks),
                ),
                expected=blocks,
                got=value,
            )
    known = [*questionnaire.items["item"], *map(str, (document.get("blocks") or {}))]
    for key, value in (document.get("items") or {}).items():
        if not isinstance(value, str) or value not in known:
            fail(
                msg(
                    "needs.mapping.not_item",
                    section="items",
                    key=repr(str(key)),
                    value=repr(value),
                    questionnaire=questionnaire.source.name,
                    hint=_hint(value, known),
                ),
                expected="an item id",
                got=value,
            )

    wave = document.get("wave")
    if wave is not None:
        text = str(wave).strip()
        if isinstance(wave, bool) or not text.isdigit() or not 1950 <= int(text) <= 2099:
            fail(msg("needs.mapping.not_year", value=repr(wave)), expected="a year", got=wave)
        else:
            document["wave"] = int(text)
    if problems:
        raise DataValidationError.collect(problems)
    document["_file"] = source.name
    return document
