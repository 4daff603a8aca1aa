"""Every threshold of the value-chain step, in one documented place.

The analysis, the charts and the sentences of the report read the values from here, so changing a
threshold changes the computation and the text together.

Examples
--------
>>> THRESHOLDS.sparse_density, THRESHOLDS.hole_share, THRESHOLDS.hubs
(0.1, 0.5, 5)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["THRESHOLDS", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Thresholds of the value-chain step.

    Attributes
    ----------
    sparse_density, dense_density : float, default 0.10 and 0.30
        Below ``sparse_density`` the network is called sparse, from ``dense_density`` dense.  Firm
        networks of 50–150 firms mapped by interviews rarely exceed a few per cent, since each firm
        names a handful of partners.
    ei_inward, ei_outward : float, default −1/3 and +1/3
        An E–I index (Krackhardt & Stern 1988) below ``ei_inward`` means the firms mostly work with
        each other, above ``ei_outward`` mostly with outside partners, between: close to balanced.
        The thirds split the index's range [−1, 1] evenly (a reading convention, not a test).
    vertical_majority : float, default 0.5
        A share of ties across stages above this is called vertical integration, below horizontal.
    hole_share : float, default 0.5
        A stage is a local sourcing hole when more than this share of its supply ties come from
        outside the province (a local-supplier development opportunity) …
    hole_min_ties : int, default 3
        … and it names at least this many supply ties (fewer say too little).
    hubs : int, default 5
        How many firms the report marks as hubs (most partners) and as brokers (most brokered pairs).
    central_rows : int, default 10
        Rows of the central-firms table.
    labelled : int, default 8
        The network figure writes the names of at most this many firms (the hubs and brokers first,
        then by betweenness); the others show their name on hover, so labels never pile up.
    """

    sparse_density: float = 0.10
    dense_density: float = 0.30
    ei_inward: float = -1 / 3
    ei_outward: float = 1 / 3
    vertical_majority: float = 0.5
    hole_share: float = 0.5
    hole_min_ties: int = 3
    hubs: int = 5
    central_rows: int = 10
    labelled: int = 8

    def __post_init__(self) -> None:
        if not self.sparse_density < self.dense_density:
            raise ValueError(
                f"'sparse_density' must be below 'dense_density', got {self.sparse_density} >= {self.dense_density}"
            )
        if not self.ei_inward < self.ei_outward:
            raise ValueError(
                f"'ei_inward' must be below 'ei_outward', got {self.ei_inward} >= {self.ei_outward}"
            )


#: The thresholds used by the step.
THRESHOLDS = Thresholds()
