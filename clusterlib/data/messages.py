"""The loaders' messages in Turkish and English, and the language they are written in.

Messages are looked up in the i18n catalogue (keys ``data.error.*``) in the language of the run:
:func:`messages_in` sets it for a block (``load_tables(..., lang="tr")`` does so), :func:`msg` writes
a message in it.  English is the default, so programs and logs that set nothing read English.

Examples
--------
>>> with messages_in("tr"):
...     msg("data.error.not_a_number", value="'yok'", expected=msg("data.expect.whole_number"))
"'yok' bir sayı değil; beklenen: tam sayı"
>>> msg("data.error.not_a_number", value="'yok'", expected=msg("data.expect.whole_number"))
"'yok' is not a number; expected a whole number"
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from clusterlib.i18n import check_language, t

__all__ = ["message_language", "messages_in", "msg"]

_LANGUAGE: ContextVar[str] = ContextVar("clusterlib_data_message_language", default="en")


def message_language() -> str:
    """The language loader messages are written in now ("en" unless :func:`messages_in` says otherwise)."""
    return _LANGUAGE.get()


@contextmanager
def messages_in(lang: str) -> Iterator[None]:
    """Write the loaders' messages in ``lang`` ("tr" or "en") inside the ``with`` block."""
    token = _LANGUAGE.set(check_language(lang))
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def msg(name: str, /, **fields: object) -> str:
    """The message ``name`` in the current language, with ``fields`` filled in."""
    return t(name, _LANGUAGE.get(), **fields)


