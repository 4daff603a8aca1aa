"""Data notes of the needs assessment as values: a catalogue key and its fields, worded at presentation.

A :class:`Note` is what the survey reader and the analysis record (a firm that answered twice, an
actor scored by default, a wave with too few firms…); :meth:`Note.text` writes it in Turkish or
English.  Names held in both languages (:class:`~clusterlib.needs.labels.Text`) are chosen then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusterlib.data.messages import message_language
from clusterlib.i18n import t
from clusterlib.needs.labels import Text

__all__ = ["Note", "note"]


def _in(value: Any, lang: str) -> Any:
    if isinstance(value, Text):
        return value(lang)
    if isinstance(value, tuple):
        return [_in(v, lang) for v in value]
    return value


@dataclass(frozen=True)
class Note:
    """A note of the step: catalogue ``key`` and its ``fields`` (values, ids, :class:`Text` names).

    Examples
    --------
    >>> n = note("needs.finding.no_survey", province="Hakkari")
    >>> n.text("en")
    'There are no survey answers for Hakkari; the sections on firm needs are left empty.'
    """

    key: str
    fields: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str) -> str:
        """The sentence in ``lang``."""
        return t(self.key, lang, **{name: _in(value, lang) for name, value in self.fields})

    def __str__(self) -> str:  # in the language of the run's messages (clusterlib.data.messages_in)
        return self.text(message_language())


def note(key: str, /, **fields: Any) -> Note:
    """A :class:`Note` of ``key`` (lists become tuples, so that the note stays hashable)."""
    return Note(key, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in fields.items()))
