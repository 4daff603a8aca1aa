"""Argument checks shared by every package: one wording for "must be one of" and "needs columns".

Examples
--------
>>> check_choice("dunn", ["dunn", "esteban"], name="method")
'dunn'
>>> check_choice("classic", ["dunn", "esteban"], name="method")
Traceback (most recent call last):
...
ValueError: 'method' must be one of ['dunn', 'esteban'], got 'classic'
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["check_choice", "require_columns"]


def check_choice(value: object, allowed: Sequence[str], *, name: str) -> str:
    """``value`` if it is one of ``allowed``, else a ``ValueError`` naming the argument ``name``."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"'{name}' must be one of {list(allowed)}, got {value!r}")
    return value


def require_columns(frame: pd.DataFrame, columns: Sequence[str], *, name: str) -> None:
    """Raise ``ValueError`` naming the argument ``name`` if ``frame`` lacks any of ``columns``.

    Examples
    --------
    >>> require_columns(pd.DataFrame(columns=["lq"]), ["lq", "growth"], name="portfolio")
    Traceback (most recent call last):
    ...
    ValueError: 'portfolio' needs columns ['lq', 'growth']; missing ['growth']
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"'{name}' needs columns {list(columns)}; missing {missing}")
