"""The workbench's own UI strings (report page, provenance box, index page, command line)."""

from __future__ import annotations

from clusterlib.i18n.catalogue import has_string, t

__all__ = ["parameter_label"]


def parameter_label(name: str, lang: str) -> str:
    """A notebook parameter as a reader sees it: its name in ``lang`` and the code name in brackets.

    Parameters without a catalogue entry (``param.<name>``) are shown by their code name.

    Examples
    --------
    >>> parameter_label("top_k", "tr"), parameter_label("new_thing", "tr")
    ('Kısa liste büyüklüğü (top_k)', 'new_thing')
    """
    key = f"param.{name}"
    if not has_string(key):
        return name
    return t("param.label", lang, label=t(key, lang), name=name)
