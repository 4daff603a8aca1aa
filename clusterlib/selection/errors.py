"""Errors of the sector-selection step that a user can fix, in Turkish and English.

An error carries a message key and its values, not a sentence: :meth:`SelectionInputError.message`
writes it in either language, and ``str(error)`` in the language the step was run in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from clusterlib.i18n import DEFAULT_LANGUAGE, check_language, t

__all__ = ["SelectionInputError", "years_text"]


def years_text(years: Sequence[int]) -> str:
    """Years as a reader writes them: ``2019–2024`` when consecutive, else a list.

    Examples
    --------
    >>> years_text([2019, 2020, 2021]), years_text([2019, 2024]), years_text([])
    ('2019–2021', '2019, 2024', '–')
    """
    years = sorted(int(y) for y in years)
    if not years:
        return "–"
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


class SelectionInputError(ValueError):
    """The data or the parameters cannot give a sector selection; the message says what to change.

    Parameters
    ----------
    key : str
        Message key (``"base_absent"``…) under ``selection.error.``.
    values : mapping
        The values the message cites.
    lang : {"tr", "en"}, optional
        Language of ``str(error)``.

    Examples
    --------
    >>> err = SelectionInputError("period", {"period": 0}, lang="en")
    >>> str(err), err.message("tr")
    ("'period' must be at least 1 year, got 0.", "'period' en az 1 yıl olmalı, 0 verildi.")
    """

    def __init__(self, key: str, values: Mapping[str, object], *, lang: str = DEFAULT_LANGUAGE):
        self.key = key
        self.values = dict(values)
        self.lang = check_language(lang)
        super().__init__(self.message(self.lang))

    def message(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(f"selection.error.{self.key}", lang, **self.values)

    def in_language(self, lang: str) -> SelectionInputError:
        """The same error written in ``lang``."""
        return SelectionInputError(self.key, self.values, lang=lang)
