"""The needs-assessment questionnaire: items, blocks (need areas) and answer scale, checked on load.

The file (YAML, default ``resources/needs/questionnaire.yaml``) is read by
:func:`clusterlib.configfile.read_yaml` and validated by the pydantic model
:class:`QuestionnaireFile`: every problem (a missing text, an item of an undefined block, a scale
code that is not a number…) comes at once, with its key path, in the language of the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, model_validator

from clusterlib.config import RESOURCES_DIR
from clusterlib.configfile import ConfigError, check, raise_all, read_yaml, shorten
from clusterlib.data.messages import msg
from clusterlib.needs.labels import Text
from clusterlib.regions import normalize_name

__all__ = ["DEFAULT_QUESTIONNAIRE", "Questionnaire", "QuestionnaireFile", "load_questionnaire"]

DEFAULT_QUESTIONNAIRE = RESOURCES_DIR / "needs" / "questionnaire.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerText(_Strict):
    """The texts of one answer: Turkish, English and other spellings exports use."""

    tr: str
    en: str
    aliases: list[str] = []


class Scale(_Strict):
    """The answer scale: codes ``1…k`` with their texts, the neutral code, "don't know" and "no answer"."""

    neutral: int = 3
    codes: dict[int, AnswerText]
    dont_know: AnswerText | None = None
    no_answer: AnswerText | None = None

    @model_validator(mode="after")
    def _consecutive(self) -> Scale:
        codes = sorted(self.codes)
        if codes != list(range(1, len(codes) + 1)) or len(codes) < 2:
            raise ValueError(msg("needs.questionnaire.codes", got=codes))
        if self.neutral not in self.codes:
            raise ValueError(msg("needs.questionnaire.neutral", neutral=self.neutral, codes=codes))
        return self


class Block(_Strict):
    """A need area: its names and the function of a local actor that could meet it."""

    tr: str
    en: str
    function: str | None = None


class Item(_Strict):
    """A statement of the questionnaire and its block."""

    block: str
    tr: str
    en: str


class QuestionnaireFile(_Strict):
    """The questionnaire file as written (``version``, ``scale``, ``blocks``, ``items``)."""

    version: int = 1
    scale: Scale
    blocks: dict[str, Block]
    items: dict[str, Item]


def _entries(document: object, section: str) -> dict:
    value = document.get(section) if isinstance(document, dict) else None
    return {k: v for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}


def _rules(document: object, file: str) -> list[ConfigError]:
    """Rules between the sections (every item's block exists, every block's function is known), checked
    on the document as read, so that they are reported with the model's problems."""
    from clusterlib.needs.stakeholders import FUNCTIONS

    blocks = _entries(document, "blocks")
    problems = []
    for key, item in _entries(document, "items").items():
        if "block" in item and item["block"] not in blocks:
            problems.append(
                ConfigError(
                    msg("needs.questionnaire.block", block=shorten(item["block"], 40), allowed=list(blocks)),
                    file=file,
                    key=f"items.{key}.block",
                )
            )
    for key, block in blocks.items():
        if block.get("function") is not None and block["function"] not in FUNCTIONS:
            problems.append(
                ConfigError(
                    msg("needs.questionnaire.function", function=shorten(block["function"], 40),
                        allowed=list(FUNCTIONS)),
                    file=file,
                    key=f"blocks.{key}.function",
                )
            )
    return problems


@dataclass(frozen=True, eq=False)
class Questionnaire:
    """Items, blocks and answer scale of a needs-assessment questionnaire.

    ``items``: ``item, block, text_tr, text_en`` in questionnaire order; ``blocks``: ``block, tr,
    en, function``; ``labels``: normalised answer text → ``1``…``5``, ``"dont_know"`` or
    ``"missing"``; ``neutral``: the middle code; ``scale``: code → its text in both languages.
    """

    items: pd.DataFrame
    blocks: pd.DataFrame
    labels: Mapping[str, int | str]
    neutral: int
    source: Path
    scale: Mapping[int, Text] = field(default_factory=dict)

    def block_of(self, item: str) -> str | None:
        """Block of an item id, or ``None`` for an unknown item."""
        match = self.items.loc[self.items["item"] == item, "block"]
        return str(match.iloc[0]) if len(match) else None

    def block_text(self, block: str) -> Text:
        """Name of a block in both languages (the id itself for an unknown block).

        >>> load_questionnaire().block_text("rnd")("tr")
        'Ar-Ge ve yenilik'
        """
        row = self.blocks.loc[self.blocks["block"] == block]
        return Text(str(row["tr"].iloc[0]), str(row["en"].iloc[0])) if len(row) else Text(block, block)

    def item_text(self, item: str) -> Text:
        """Statement of an item in both languages (the id itself for an unknown item)."""
        row = self.items.loc[self.items["item"] == item]
        return Text(str(row["text_tr"].iloc[0]), str(row["text_en"].iloc[0])) if len(row) else Text(item, item)

    @property
    def codes(self) -> list[int]:
        """The answer codes of the scale, e.g. ``[1, 2, 3, 4, 5]``."""
        return sorted(self.scale)

    def scale_label(self, code: int, lang: str) -> str:
        """Text of an answer code in ``lang`` (``"tr"`` or ``"en"``)."""
        return self.scale[int(code)](lang)


def load_questionnaire(path: str | Path | None = None) -> Questionnaire:
    """Read and check a questionnaire definition (YAML); default: the workbench's questionnaire.

    Raises
    ------
    ConfigError
        (a :class:`~clusterlib.data.DataValidationError`) naming the file and the key path of every
        problem: a missing section or text, an unknown key, a scale code that is not a number, an
        item of an undefined block, a block's unknown function.

    Examples
    --------
    >>> q = load_questionnaire()
    >>> len(q.items), q.blocks["block"].tolist()[:3], q.labels["kesinliklekatiliyorum"], q.labels["fikrimyok"]
    (21, ['training', 'procurement', 'exports'], 5, 'dont_know')
    """
    source = Path(path) if path is not None else DEFAULT_QUESTIONNAIRE
    document = read_yaml(source, file=source.name)
    problems: list[ConfigError] = []
    try:
        spec = check(QuestionnaireFile, document, file=source.name)
    except ConfigError as err:
        problems.extend(err.problems)  # type: ignore[arg-type]
    raise_all([*problems, *_rules(document, source.name)])
    blocks = pd.DataFrame(
        [{"block": key, "tr": b.tr, "en": b.en, "function": b.function} for key, b in spec.blocks.items()],
        columns=["block", "tr", "en", "function"],
    )
    items = pd.DataFrame(
        [{"item": key, "block": i.block, "text_tr": i.tr, "text_en": i.en} for key, i in spec.items.items()],
        columns=["item", "block", "text_tr", "text_en"],
    )
    labels: dict[str, int | str] = {}
    for code, answer in spec.scale.codes.items():
        for text in (str(code), answer.tr, answer.en, *answer.aliases):
            labels[normalize_name(text)] = int(code)
    for status, answer in (("dont_know", spec.scale.dont_know), ("missing", spec.scale.no_answer)):
        for text in (answer.tr, answer.en, *answer.aliases) if answer is not None else ():
            if normalize_name(text):
                labels[normalize_name(text)] = status
    scale = {int(code): Text(a.tr, a.en) for code, a in spec.scale.codes.items()}
    return Questionnaire(items, blocks, labels, spec.scale.neutral, source, scale)
