"""The YAML mapping file of a survey export, read and checked before any answer is.

A mapping ties an export's headings to the questionnaire (see :mod:`clusterlib.needs.inputs`).  The
file is read by :func:`clusterlib.configfile.read_yaml` (no anchors, aliases or duplicate keys) and
validated by the pydantic model :class:`SurveyMapping` (``extra="forbid"``); the values it gives
are then checked against the questionnaire: an answer code outside the scale, a misspelt status
(``dont know`` for ``dont_know``), an item or block the questionnaire does not have, a wave that is
not a year.  All problems of the file come in one :class:`~clusterlib.configfile.ConfigError` that
names the file, the key path and the accepted values, in the language of the run
(:func:`clusterlib.data.messages_in`).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, field_validator

from clusterlib.configfile import ConfigError, check, raise_all, read_yaml, shorten
from clusterlib.data.messages import msg

if TYPE_CHECKING:
    from clusterlib.needs.questionnaire import Questionnaire

__all__ = ["MAPPING_KEYS", "STATUS_CODES", "SurveyMapping", "read_mapping"]

#: Answer codes a mapping may give besides the scale's numbers.
STATUS_CODES = ("dont_know", "missing")


class SurveyMapping(BaseModel):
    """A survey mapping file as written (every key optional).

    ``firm``, ``wave_column``, ``cluster``: headings or ids; ``wave``: a year; ``items``: heading →
    item id; ``answers``: answer text → code 1…k, ``dont_know`` or ``missing``; ``skip``: headings
    left out on purpose; ``blocks``: extra item id → block; ``tool``: the exporting tool (informative).
    """

    model_config = ConfigDict(extra="forbid")

    firm: str | None = None
    wave: int | None = None
    wave_column: str | None = None
    cluster: str | None = None
    items: dict[str, Any] = {}
    answers: dict[str, Any] = {}
    skip: list[str] = []
    blocks: dict[str, Any] = {}
    tool: str | None = None

    @field_validator("wave", mode="before")
    @classmethod
    def _year(cls, value: object) -> object:
        text = str(value).strip()
        if value is not None and (isinstance(value, bool) or not text.isdigit() or not 1950 <= int(text) <= 2099):
            raise ValueError(msg("needs.mapping.not_year", value=shorten(value, 40)))
        return None if value is None else int(text)

    @field_validator("skip", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [] if value is None else [value] if isinstance(value, str) else value

    @field_validator("items", "answers", "blocks", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return {} if value is None else value


#: Keys a mapping file may have.
MAPPING_KEYS = tuple(SurveyMapping.model_fields)


def _hint(value: object, options: list[str]) -> str:
    close = difflib.get_close_matches(str(value).strip().lower(), options, n=1, cutoff=0.6)
    return msg("needs.mapping.did_you_mean", options=repr(close[0])) if close else ""


def answer_code(value: object) -> int | str | None:
    """The code a mapping value stands for (an integer or a status), ``None`` when it is neither.

    >>> answer_code("5"), answer_code(" dont_know"), answer_code("dont know"), answer_code(True)
    (5, 'dont_know', None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip() in STATUS_CODES:
        return value.strip()
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) else None


def _section(document: dict, key: str) -> dict:
    value = document.get(key)
    return value if isinstance(value, dict) else {}


def _rules(document: dict, questionnaire: Questionnaire, file: str) -> tuple[dict, list[ConfigError]]:
    """The answer codes of ``answers``, and every value that the questionnaire does not accept."""
    problems: list[ConfigError] = []
    scale = questionnaire.codes
    allowed = ", ".join([*map(str, scale), *STATUS_CODES])
    answers: dict[str, int | str] = {}
    for key, value in _section(document, "answers").items():
        code = answer_code(value)
        where = f"answers.{key}"
        if isinstance(code, int) and code not in scale:
            text = msg("needs.mapping.code_outside", value=code, low=scale[0], high=scale[-1], allowed=allowed)
            problems.append(ConfigError(text, file=file, key=where, expected=allowed, got=value))
        elif code is None:
            text = msg(
                "needs.mapping.code_unknown",
                value=shorten(value, 40),
                hint=_hint(value, list(STATUS_CODES)),
                allowed=allowed,
            )
            problems.append(ConfigError(text, file=file, key=where, expected=allowed, got=value))
        else:
            answers[str(key)] = code
    blocks = list(questionnaire.blocks["block"])
    for key, value in _section(document, "blocks").items():
        if value not in blocks:
            text = msg("needs.mapping.not_block", value=shorten(value, 40), allowed=", ".join(blocks))
            problems.append(ConfigError(text, file=file, key=f"blocks.{key}", expected=blocks, got=value))
    known = [*questionnaire.items["item"], *map(str, _section(document, "blocks"))]
    for key, value in _section(document, "items").items():
        if not isinstance(value, str) or value not in known:
            text = msg(
                "needs.mapping.not_item",
                value=shorten(value, 40),
                questionnaire=questionnaire.source.name,
                hint=_hint(value, known),
            )
            problems.append(ConfigError(text, file=file, key=f"items.{key}", expected="an item id", got=value))
    return answers, problems


def read_mapping(path: str | Path | None, questionnaire: Questionnaire) -> dict:
    """Read and check a survey's mapping file; ``{}`` for no file.

    ``answers`` come back as codes (``1``…``5``, ``"dont_know"``, ``"missing"``), ``skip`` as a list.

    Raises
    ------
    ConfigError
        For a file that is not YAML or not a mapping, an unknown key, a value of the wrong type, an
        answer code outside the scale or not accepted, an item or block the questionnaire lacks, a
        wave that is not a year — every problem of the file at once, each with its key path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterlib.needs import load_questionnaire
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mapping.yml"
    >>> _ = path.write_text("answers:\\n  A5: 7\\n  A6: dont know\\nwave: soon\\n", encoding="utf-8")
    >>> try:
    ...     read_mapping(path, load_questionnaire())
    ... except ConfigError as error:
    ...     print(error)
    mapping.yml: 3 problems:
      wave: 'soon' is not a year; expected a year such as 2019
      answers.A5: 7 is outside the scale 1–5; accepted values: 1, 2, 3, 4, 5, dont_know, missing
      answers.A6: 'dont know' is not an accepted value (did you mean 'dont_know'?); accepted values: 1, 2,
      3, 4, 5, dont_know, missing
    """
    if path is None:
        return {}
    source = Path(path)
    try:
        document = read_yaml(source, file=source.name)
    except FileNotFoundError:
        raise ConfigError(msg("needs.mapping.not_found"), file=source.name) from None
    document = {} if document is None else document
    problems: list[ConfigError] = []
    spec = None
    try:
        spec = check(SurveyMapping, document, file=source.name)
    except ConfigError as err:
        problems.extend(err.problems)  # type: ignore[arg-type]
    if not isinstance(document, dict):
        raise_all(problems)
    answers, rules = _rules(document, questionnaire, source.name)
    raise_all([*problems, *rules])
    assert spec is not None
    settings = spec.model_dump()
    settings["answers"] = answers
    settings["_file"] = source.name
    return settings
