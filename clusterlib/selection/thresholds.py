"""Every threshold of the sector-selection step, in one documented place.

The analysis, the charts and the sentences of the report read the values from here, and the
sentences print the value they use (``"in at least 80% of the scenarios"`` is written from
:attr:`Thresholds.robust`), so changing a threshold changes the computation and the text together.

Examples
--------
>>> THRESHOLDS.robust, THRESHOLDS.portfolio_chart_share
(0.8, 0.002)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MISSING_POLICY", "POORLY_COVERED", "THRESHOLDS", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Thresholds of the sector-selection step.

    Attributes
    ----------
    robust : float, default 0.8
        A sector is *robustly* in the shortlist when it ranks in the top *k* in at least this share
        of the Monte Carlo weight scenarios (:func:`clusterlib.selection.weight_sensitivity`).  80 %
        follows the usual reading of rank-acceptability indices (Lahdelma & Salminen 2001, SMAA:
        an alternative "acceptable" in four scenarios out of five).
    portfolio_chart_share : float, default 0.002
        The portfolio chart draws the sectors holding at least this share of the province's
        employment (0.2 %): smaller ones are noise on a bubble chart.
    portfolio_finding_share : float, default 0.005
        The portfolio finding names specialised-and-growing sectors holding at least this share
        (0.5 %); every sector it names is also drawn by the chart (this is larger than
        ``portfolio_chart_share``).
    portfolio_finding_limit : int, default 5
        The portfolio finding names at most this many sectors (the largest).
    structure_share : float, default 0.005
        The structure finding names the strongest specialisation among sectors holding at least
        this share (0.5 %) of the province's employment: the same share as the portfolio finding, so
        the key findings use one threshold (committee review: 1 % and 0.5 % side by side).
    specialised_lq : float, default 1.0
        A sector is specialised when its location quotient is above this value (the portfolio
        chart's vertical line and the finding's "LQ > 1").
    min_sectors : int, default 2
        Scoring compares sectors: it needs at least this many candidates.
    ranking_rows : int, default 10
        The ranking table of the report shows this many sectors; the ranking finding names the
        poorly covered sectors among them (:data:`POORLY_COVERED`).
    agreement_high, agreement_moderate : float, default 0.7 and 0.5
        How the agreement finding words the lowest Kendall τ between the rankings of several
        methods: "largely agree" at or above ``agreement_high``, "agree only in part" at or above
        ``agreement_moderate``, "disagree markedly" below it.  A reading convention of the
        workbench for a committee, not a statistical test.
    """

    robust: float = 0.8
    portfolio_chart_share: float = 0.002
    portfolio_finding_share: float = 0.005
    portfolio_finding_limit: int = 5
    structure_share: float = 0.005
    specialised_lq: float = 1.0
    min_sectors: int = 2
    ranking_rows: int = 10
    agreement_high: float = 0.7
    agreement_moderate: float = 0.5

    def __post_init__(self) -> None:
        if not self.portfolio_finding_share >= self.portfolio_chart_share:
            raise ValueError(
                "'portfolio_finding_share' must be at least 'portfolio_chart_share' so that every sector "
                f"the finding names is on the chart, got {self.portfolio_finding_share} < "
                f"{self.portfolio_chart_share}"
            )


#: The thresholds used by the step.
THRESHOLDS = Thresholds()

#: How missing indicator values are imputed before scoring (once, in scoring): ``"worst"`` gives a
#: missing value the worst value of its column among the candidates (minimum of a benefit, maximum
#: of a cost indicator), so no evidence earns no credit; the report lists the imputed cells.
MISSING_POLICY: str = "worst"

#: NACE divisions that SGK 4/a insured employment covers poorly: crop and animal production, forestry,
#: fishing (section A, divisions 01–03).  The register counts employees under a contract of service;
#: the self-employed and most farm workers are outside it, so a farm sector's employment, workplaces
#: and workplace size look smaller than they are.  The ranking finding says so next to the table.
POORLY_COVERED: frozenset[str] = frozenset({"01", "02", "03"})
