"""Names the needs texts use: functions, quadrants, size classes…, and names held in both languages.

A language-free result keeps ids (``"export_promotion"``) or a :class:`Text` (a name the data give
in both languages, such as a questionnaire block); the words of one language are chosen when the
result is presented.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from clusterlib.i18n import check_language, t

__all__ = ["Text", "cluster_name", "label", "lower", "name_in_sentence", "significant_blocks"]


@dataclass(frozen=True)
class Text:
    """A name given in Turkish and English (a questionnaire block, an item, a cluster).

    >>> Text("Ar-Ge", "R&D")("en")
    'R&D'
    """

    tr: str
    en: str

    def __call__(self, lang: str) -> str:
        """The name in ``lang``."""
        return self.tr if check_language(lang) == "tr" else self.en


def label(kind: str, key: str, lang: str) -> str:
    """Name of a function, quadrant, size class, stage, actor type, answer status, area level or indicator.

    Examples
    --------
    >>> label("function", "export_promotion", "tr"), label("quadrant", "monitor", "en")
    ('İhracatı geliştirme', 'Monitor')
    """
    return t(f"needs.{kind}.{key}", lang)


def cluster_name(cluster: str | None, lang: str) -> str:
    """The cluster's name in ``lang`` (``"no cluster in the register"`` for ``None``).

    >>> cluster_name(None, "en")
    'no cluster in the register'
    """
    if cluster is None:
        return t("needs.no_cluster", lang)
    from clusterlib import nace

    record = nace.cluster(cluster)
    return record.name_tr if check_language(lang) == "tr" else record.name_en


def lower(text: str, lang: str) -> str:
    """Lower case under the language's rules (Turkish ``İ`` → ``i``, ``I`` → ``ı``).

    Examples
    --------
    >>> lower("İmalat", "tr"), lower("IĞDIR", "tr"), lower("Inputs", "en")
    ('imalat', 'ığdır', 'inputs')
    """
    if lang == "tr":
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def name_in_sentence(text: str, lang: str) -> str:
    """A label as it reads inside a sentence: first letter lower-cased, unless the first word is an
    abbreviation (``Ar-Ge``, ``KOSGEB``, ``R&D``).

    >>> name_in_sentence("İhracatı geliştirme", "tr"), name_in_sentence("Ar-Ge", "tr"), name_in_sentence("R&D", "en")
    ('ihracatı geliştirme', 'Ar-Ge', 'R&D')
    """
    first = text.split(" ")[0]
    if any(c.isupper() for c in first[1:]):
        return text
    return lower(text[:1], lang) + text[1:]


def significant_blocks(tests: pd.DataFrame) -> list[str]:
    """Blocks whose corrected test is significant (one row per block).

    >>> significant_blocks(pd.DataFrame({"block": ["a", "a", "b"], "significant": [True, True, False]}))
    ['a']
    """
    per_block = tests.drop_duplicates("block")
    return per_block.loc[per_block["significant"].fillna(False).astype(bool), "block"].tolist()
