"""Every threshold and default setting of the monitoring and benchmarking step, in one documented place.

The analysis, the sentences, the charts and notebook 04's parameters read the values from here, and
the sentences print the value they used (``"at least 75% of the way"`` is written from
:attr:`Thresholds.amber`), so changing a threshold changes the computation and the text together.

Examples
--------
>>> THRESHOLDS.amber, THRESHOLDS.gold, THRESHOLDS.peers_k
(0.75, 0.8, 5)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["THRESHOLDS", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Thresholds and default settings of the monitoring and benchmarking step.

    Attributes
    ----------
    amber : float, default 0.75
        Lowest progress towards a yearly target that is amber (:func:`~clusterlib.monitoring.rag_status`);
        below it an indicator is red, at 1 or more green.
    window : int, default 3
        Years the projection's linear trend is fitted on (:func:`~clusterlib.monitoring.projection`).
    period : int, default 5
        Years of employment growth in the national benchmark.
    gold, silver : float, default 0.80 and 0.60
        Shares of the excellence score (100) the ESCA Gold label and the workbench's intermediate
        Silver step need (:func:`~clusterlib.monitoring.label_of`).  Gold at 80 % follows the ESCA
        Cluster Management Excellence Label; below Silver the cluster holds Bronze (participation).
    strong_percentile, weak_percentile : float, default 75 and 25
        A scorecard metric at or above the 75th percentile of the 81 provinces is a strength, at or
        below the 25th a weakness (the quartiles of the US Cluster Mapping rule).
    peers_k : int, default 5
        Number of provinces closest in GDP per capita and SES score shown as peers.
    min_division_employment : float, default 100
        A province without a defined cluster is monitored on its most specialised manufacturing
        division with at least this many employees (smaller divisions have noisy LQs).
    economy_start, economy_end : int, default 2004 and 2023
        The period of real value-added growth (TÜİK chain-linked volumes).
    gap_clip : float, default 2.0
        The gaps chart draws relative gaps beyond ±200 % at the edge (labelled with their value).
    """

    amber: float = 0.75
    window: int = 3
    period: int = 5
    gold: float = 0.80
    silver: float = 0.60
    strong_percentile: float = 75.0
    weak_percentile: float = 25.0
    peers_k: int = 5
    min_division_employment: float = 100.0
    economy_start: int = 2004
    economy_end: int = 2023
    gap_clip: float = 2.0

    def __post_init__(self) -> None:
        if not 0 <= self.amber < 1:
            raise ValueError(f"'amber' must be in [0, 1), got {self.amber}")
        if not 0 < self.silver <= self.gold <= 1:
            raise ValueError(
                f"'silver' and 'gold' must satisfy 0 < silver <= gold <= 1, got {self.silver}, {self.gold}"
            )
        if not self.weak_percentile < self.strong_percentile:
            raise ValueError(
                f"'weak_percentile' must be below 'strong_percentile', got {self.weak_percentile} and "
                f"{self.strong_percentile}"
            )
        if self.economy_end <= self.economy_start:
            raise ValueError(
                f"'economy_end' must be after 'economy_start', got {self.economy_start}–{self.economy_end}"
            )


#: The thresholds used by the step.
THRESHOLDS = Thresholds()
