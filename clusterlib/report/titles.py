"""The title of a step in the reader's language (report headers, index grid, national pages).

The step ids come from the notebooks' names (``02_sector_selection.ipynb`` → ``sector_selection``);
the run package (:mod:`clusterlib.run.steps`) discovers them, this module only names them.
"""

from __future__ import annotations

from clusterlib import i18n

__all__ = ["step_title"]


def step_title(step_id: str, lang: str, *, metadata: dict | None = None) -> str:
    """Title of a step in ``lang``: the UI string ``step.<id>``, else the notebook's
    ``metadata.clusterlib.title.<lang>``, else the id in words.

    Examples
    --------
    >>> step_title("sector_selection", "tr"), step_title("sector_selection", "en")
    ('Sektör seçimi', 'Sector selection')
    >>> step_title("cost_benefit", "en")
    'Cost benefit'
    """
    i18n.check_language(lang)
    if i18n.has_string(f"step.{step_id}"):
        return i18n.t(f"step.{step_id}", lang)
    titles = ((metadata or {}).get("clusterlib") or {}).get("title") or {}
    if isinstance(titles, dict) and isinstance(titles.get(lang), str):
        return titles[lang]
    return step_id.replace("_", " ").capitalize()
