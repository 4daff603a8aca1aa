"""The cut-offs of the needs assessment, in one documented place."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["THRESHOLDS", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs findings use.

    ``alpha_acceptable``: Cronbach's alpha from which a block's items are read as one scale
    (0.70, Nunnally 1978, *Psychometric Theory*, 2nd ed., p. 245).  ``significance``: the level
    of the corrected tests (wave and group differences).  ``top``: how many needs the summary
    names.  ``thin_cover``: a function covered by at most this many actors is called thin.
    ``caution_n``: a share resting on fewer valid answers is flagged as uncertain.
    ``min_firms``: with fewer answering firms in a wave, the report prints no ranking of needs, no
    change between waves and no Cronbach's alpha, and says so (``needs.finding.too_few``).  A floor
    against figures from a handful of firms, not a precision target: an alpha near 0.7 needs some
    30 respondents to be estimated well (Bujang, Omar and Baharum 2018, *Malaysian Journal of
    Medical Sciences* 25(6), 85–99; Yurdugül 2008, *Hacettepe Üniversitesi Eğitim Fakültesi
    Dergisi* 35, 397–405), which the Feldt interval beside each alpha shows.

    >>> THRESHOLDS.min_firms, THRESHOLDS.alpha_acceptable
    (10, 0.7)
    """

    alpha_acceptable: float = 0.70
    significance: float = 0.05
    top: int = 3
    thin_cover: int = 1
    caution_n: int = 20
    min_firms: int = 10


THRESHOLDS = Thresholds()
