"""Argument checks shared by every package: one wording for "must be one of".

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

__all__ = ["check_choice"]


def check_choice(value: object, allowed: Sequence[str], *, name: str) -> str:
    """``value`` if it is one of ``allowed``, else a ``ValueError`` naming the argument ``name``."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"'{name}' must be one of {list(allowed)}, got {value!r}")
    return value
