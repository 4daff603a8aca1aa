"""Small text helpers of the offline pages: a search key that ignores case and Turkish letters, file slugs."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "spot_slug"]

_TURKISH = str.maketrans({"I": "ı", "İ": "i"})
_ASCII = str.maketrans({"ı": "i", "ğ": "g", "ü": "u", "ş": "s", "ö": "o", "ç": "c", "â": "a", "î": "i", "û": "u"})


def fold(text: str) -> str:
    """Lower case (Turkish rules) without Turkish letters or accents, so 'CORUM' finds 'Çorum'.

    The pages' search box applies the same folding in JavaScript.

    Examples
    --------
    >>> fold("Çorum İŞLEME"), fold("KAHRAMANMARAŞ")
    ('corum isleme', 'kahramanmaras')
    """
    lowered = text.translate(_TURKISH).lower().translate(_ASCII)
    return "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))


def spot_slug(spot: str) -> str:
    """File-name slug of an info spot.

    Examples
    --------
    >>> spot_slug("East Mediterranean")
    'east_mediterranean'
    """
    return fold(spot).replace(" ", "_")
