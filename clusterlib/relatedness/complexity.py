"""Economic complexity of regions (ECI) and of sectors (PCI) by the eigenvector method of the Atlas.

A region is *complex* when it is specialised in many sectors that few other regions hold, and a
sector is complex when the regions that hold it are complex (Hidalgo & Hausmann 2009).  The
eigenvector method of the Atlas of Economic Complexity (Hausmann, Hidalgo et al. 2014) makes this
circular definition a fixed point: ECI is the eigenvector of the second-largest eigenvalue of the
region-to-region matrix :math:`\\tilde M = D^{-1} M U^{-1} M^\\top`.

.. warning::

   The method was built for countries and their exports.  Whether it measures the same thing for
   the 81 provinces of one country, on employment, is an open research question: provinces trade
   with each other, many sectors are present in one or two provinces only, and the index moves
   with the presence threshold and the sector detail (NACE divisions or classes).  Read provincial
   ECI and PCI as a description of the pattern of specialisation, not as a measured stock of
   know-how, and check how they move with :func:`economic_complexity`'s ``rca_threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import bmat, csr_matrix
from scipy.sparse.csgraph import connected_components

from clusterlib.relatedness._checks import check_frame, check_incidence, check_threshold

__all__ = [
    "MIN_EIGENGAP",
    "PCI_SCALES",
    "ComplexityError",
    "EconomicComplexity",
    "complexity_from_presence",
    "economic_complexity",
    "presence",
]

#: Smallest gap accepted between the second eigenvalue of :math:`\tilde M` and the first and third.
#: Below it the eigenvector is undefined (a tie) or moves with rounding, so the ECI would be noise.
MIN_EIGENGAP: float = 1e-6

#: How PCI is standardised: ``"eci"`` with the ECI's mean and standard deviation (the Growth Lab's
#: ``ecomplexity`` and the Atlas data; a region's ECI is then the mean PCI of the sectors it holds),
#: ``"own"`` with its own mean and standard deviation (a z-score across sectors).
PCI_SCALES: tuple[str, ...] = ("eci", "own")


_MIN_CORRELATION = 1e-9  # below it ECI's sign (positive with diversity) is not determined


class ComplexityError(ValueError):
    """The presence matrix does not define an economic complexity index (disconnected, or a tie)."""


@dataclass(frozen=True)
class EconomicComplexity:
    """Economic complexity of regions and sectors from one presence matrix.

    Attributes
    ----------
    eci : Series
        Economic Complexity Index by region, z-scored (mean 0, population sd 1); NaN for a region
        with no sector present.
    pci : Series
        Product (sector) Complexity Index by sector, standardised as ``pci_scale`` says; NaN for a
        sector present nowhere.
    diversity : Series
        Number of sectors present in each region, :math:`k_{r,0}`.
    ubiquity : Series
        Number of regions holding each sector, :math:`k_{s,0}`.
    presence : DataFrame
        The 0/1 regions × sectors matrix :math:`M` the indices were computed from.
    eigenvalues : tuple of float
        The three largest eigenvalues of :math:`\\tilde M` (the first is 1).
    rca_threshold : float or None
        The RCA threshold that built ``presence`` (None when it was given directly).
    pci_scale : str
        ``"eci"`` or ``"own"`` (:data:`PCI_SCALES`).
    """

    eci: pd.Series
    pci: pd.Series
    diversity: pd.Series
    ubiquity: pd.Series
    presence: pd.DataFrame
    eigenvalues: tuple[float, float, float]
    rca_threshold: float | None
    pci_scale: str

    @property
    def excluded_regions(self) -> list[object]:
        """Regions with no sector present (no ECI)."""
        return list(self.diversity.index[self.diversity == 0])

    @property
    def excluded_sectors(self) -> list[object]:
        """Sectors present in no region (no PCI)."""
        return list(self.ubiquity.index[self.ubiquity == 0])


def presence(matrix: pd.DataFrame, *, rca_threshold: float = 1.0) -> pd.DataFrame:
    """Presence of each sector in each region: :math:`M_{rs} = 1` when :math:`RCA_{rs} \\ge` threshold.

    .. math::

        RCA_{rs} = \\frac{x_{rs} / x_r}{x_s / x}

    the Balassa index (on employment it is the location quotient).  A region or sector with no
    activity at all has RCA undefined and is marked absent everywhere.

    Parameters
    ----------
    matrix : DataFrame
        Regions × sectors, non-negative values (employment or exports).
    rca_threshold : float, default 1.0
        The Atlas uses 1; lower values (e.g. 0.75) count more weak specialisations as present.

    Returns
    -------
    DataFrame
        Same labels, integers 0/1.

    Examples
    --------
    >>> x = pd.DataFrame({"a": [8, 2], "b": [2, 8]}, index=["r1", "r2"])
    >>> presence(x)
        a  b
    r1  1  0
    r2  0  1
    """
    values = check_frame(matrix, "matrix").to_numpy(dtype=float)
    threshold = check_threshold(rca_threshold)
    return pd.DataFrame(
        _presence(values, threshold).astype(int), index=matrix.index, columns=matrix.columns
    )


def _presence(values: np.ndarray, threshold: float) -> np.ndarray:
    region = values.sum(axis=1, keepdims=True)
    sector = values.sum(axis=0, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        rca = (values / region) / (sector / values.sum())
    return np.nan_to_num(rca, nan=0.0) >= threshold


def complexity_kernel(m: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ECI and PCI before standardisation, and the eigenvalues, of a 0/1 matrix without empty rows/columns.

    Works on the symmetric matrix :math:`S = D^{-1/2} M U^{-1} M^\\top D^{-1/2}`, which has the
    eigenvalues of :math:`\\tilde M`; its eigenvector :math:`v` gives :math:`K_r = D^{-1/2} v`,
    then :math:`Q = U^{-1} M^\\top K` (the eigenvector of the sectors' matrix
    :math:`U^{-1} M^\\top D^{-1} M` for the same eigenvalue) and :math:`K' = D^{-1} M Q = \\lambda_2 K`,
    the region's mean sector value.  Returns ``(K', Q, eigenvalues descending)``; the sign is not
    yet fixed.
    """
    diversity = m.sum(axis=1)
    ubiquity = m.sum(axis=0)
    root = 1.0 / np.sqrt(diversity)
    weighted = m * root[:, None] / np.sqrt(ubiquity)[None, :]
    symmetric = weighted @ weighted.T
    eigenvalues, vectors = np.linalg.eigh(symmetric)
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, vectors = eigenvalues[order], vectors[:, order]
    region_raw = root * vectors[:, 1]
    sector_raw = (m.T @ region_raw) / ubiquity
    region_mean = (m @ sector_raw) / diversity
    return region_mean, sector_raw, eigenvalues


def _components(m: np.ndarray) -> int:
    """Connected pieces of the bipartite graph regions — sectors (an edge where :math:`M_{rs} = 1`)."""
    links = csr_matrix(m)
    graph = bmat([[None, links], [links.T, None]], format="csr")
    return int(connected_components(graph, directed=False)[0])


def complexity_from_presence(presence_matrix: pd.DataFrame, *, pci_scale: str = "eci") -> EconomicComplexity:
    """ECI and PCI of a 0/1 presence matrix (the Atlas eigenvector method).

    With :math:`M` the regions × sectors presence matrix, :math:`D = \\mathrm{diag}(k_{r,0})` the
    diversities and :math:`U = \\mathrm{diag}(k_{s,0})` the ubiquities:

    .. math::

        \\tilde M = D^{-1} M U^{-1} M^\\top, \\qquad \\tilde M K = \\lambda_2 K,
        \\qquad Q = U^{-1} M^\\top K

    :math:`K` is the eigenvector of the second-largest eigenvalue (the first, 1, belongs to a
    constant vector).  With :math:`K'_r = \\frac{1}{k_{r,0}}\\sum_s M_{rs} Q_s` (the mean of the
    sector values a region holds, :math:`= \\lambda_2 K`):

    .. math::

        ECI = \\frac{K' - \\langle K' \\rangle}{\\mathrm{sd}(K')}, \\qquad
        PCI = \\frac{Q - \\langle K' \\rangle}{\\mathrm{sd}(K')} \\;(\\texttt{pci\\_scale="eci"})
        \\quad\\text{or}\\quad \\frac{Q - \\langle Q \\rangle}{\\mathrm{sd}(Q)} \\;(\\texttt{"own"})

    with population standard deviations (``ddof=0``) as the Python ``ecomplexity``; the Stata
    ``ecomplexity`` standardises over the long region × sector table with n − 1, so its values are
    ours × :math:`\\sqrt{(RS-1)/RS}` (0.998 for 10 × 30; the tests check both).  The sign is chosen so
    that ECI correlates positively with diversity.  With the default ``pci_scale="eci"`` (the
    Growth Lab's convention) each region's ECI is the mean PCI of the sectors it holds.

    Regions with no sector present and sectors present nowhere are left out (NaN) and listed in
    :attr:`EconomicComplexity.excluded_regions` / ``excluded_sectors``.

    Parameters
    ----------
    presence_matrix : DataFrame
        Regions × sectors, 0/1 (:func:`presence`).
    pci_scale : {"eci", "own"}, default "eci"
        How PCI is standardised (:data:`PCI_SCALES`).

    Returns
    -------
    EconomicComplexity

    Raises
    ------
    ComplexityError
        The bipartite presence graph (regions linked to the sectors they hold) falls apart in
        more than one piece, so :math:`\\tilde M` has eigenvalue 1 more than once and the ECI is
        undefined; or the second eigenvalue is within :data:`MIN_EIGENGAP` of the first or the third,
        so the eigenvector is not determined; or the eigenvector does not correlate with diversity,
        so its sign cannot be chosen.
    ValueError
        Not 0/1, fewer than three regions or two sectors with presence, or an unknown ``pci_scale``.

    References
    ----------
    Hidalgo, C. A. and Hausmann, R. (2009). The building blocks of economic complexity. *PNAS*
    106(26), 10570–10575.

    Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. and Yildirim, M. A. (2014).
    *The Atlas of Economic Complexity: Mapping Paths to Prosperity*. MIT Press, technical box 2.1.

    Growth Lab, Harvard CID: ``ecomplexity`` (Python package, ``calc_eci_pci``).

    Examples
    --------
    A nested matrix: r1 holds every sector, r3 only the ubiquitous one.  :math:`\\tilde M` has
    eigenvalues 1, 1/4 and 1/9.

    >>> m = pd.DataFrame([[1, 1, 1], [1, 1, 0], [1, 0, 0]], index=["r1", "r2", "r3"], columns=["a", "b", "c"])
    >>> result = complexity_from_presence(m)
    >>> result.eci.round(4).tolist()
    [1.2247, 0.0, -1.2247]
    >>> result.pci.round(4).tolist()
    [-1.2247, 1.2247, 3.6742]
    >>> [round(v, 4) for v in result.eigenvalues]
    [1.0, 0.25, 0.1111]
    """
    if pci_scale not in PCI_SCALES:
        raise ValueError(f"'pci_scale' must be one of {list(PCI_SCALES)}, got {pci_scale!r}")
    values = check_incidence(presence_matrix, "presence_matrix")
    frame = pd.DataFrame(values, index=presence_matrix.index, columns=presence_matrix.columns)
    diversity = frame.sum(axis=1)
    ubiquity = frame.sum(axis=0)
    rows, cols = (diversity > 0).to_numpy(), (ubiquity > 0).to_numpy()
    m = values[rows][:, cols]
    if m.shape[0] < 3 or m.shape[1] < 2:
        raise ValueError(
            f"'presence_matrix' has {m.shape[0]} regions and {m.shape[1]} sectors with any presence; "
            "economic complexity needs at least 3 regions and 2 sectors"
        )
    pieces = _components(m)
    if pieces > 1:
        raise ComplexityError(
            f"the presence graph of 'presence_matrix' falls into {pieces} disconnected groups of regions and "
            "sectors (no region links them), so the ECI is undefined; compute it for each group separately, "
            "use finer or coarser sectors, or lower 'rca_threshold'"
        )
    region_mean, sector_raw, eigenvalues = complexity_kernel(m)
    top = eigenvalues[:3].tolist()
    gap = min(top[0] - top[1], top[1] - top[2])
    if gap < MIN_EIGENGAP:
        raise ComplexityError(
            f"the second eigenvalue of M̃ ({top[1]:.6g}) is not separated from the first ({top[0]:.6g}) or "
            f"the third ({top[2]:.6g}); the ECI eigenvector is not determined by these data (gap {gap:.2g} < "
            f"{MIN_EIGENGAP:g})"
        )
    with np.errstate(invalid="ignore", divide="ignore"):
        correlation = np.corrcoef(m.sum(axis=1), region_mean)[0, 1]
    if not abs(correlation) > _MIN_CORRELATION:
        raise ComplexityError(
            "the ECI's sign cannot be chosen: the eigenvector does not correlate with diversity "
            f"(correlation {correlation:.2g}), so the matrix is symmetric under a swap of regions and either "
            "orientation fits; add regions or sectors"
        )
    sign = np.sign(correlation)
    region_mean, sector_raw = sign * region_mean, sign * sector_raw
    mean, sd = region_mean.mean(), region_mean.std()
    eci = (region_mean - mean) / sd
    pci = (sector_raw - mean) / sd if pci_scale == "eci" else (sector_raw - sector_raw.mean()) / sector_raw.std()
    return EconomicComplexity(
        eci=_fill(eci, rows, presence_matrix.index, "eci"),
        pci=_fill(pci, cols, presence_matrix.columns, "pci"),
        diversity=diversity.astype(int).rename("diversity"),
        ubiquity=ubiquity.astype(int).rename("ubiquity"),
        presence=frame.astype(int),
        eigenvalues=(float(top[0]), float(top[1]), float(top[2])),
        rca_threshold=None,
        pci_scale=pci_scale,
    )


def _fill(values: np.ndarray, keep: np.ndarray, labels: pd.Index, name: str) -> pd.Series:
    out = np.full(len(labels), np.nan)
    out[keep] = values
    return pd.Series(out, index=labels, name=name)


def economic_complexity(
    matrix: pd.DataFrame, *, rca_threshold: float = 1.0, pci_scale: str = "eci"
) -> EconomicComplexity:
    """Economic Complexity Index of regions and Product Complexity Index of sectors (Atlas method).

    Presence :math:`M_{rs} = [RCA_{rs} \\ge` ``rca_threshold`` :math:`]` (:func:`presence`), then
    :func:`complexity_from_presence`: ECI is the eigenvector of the second-largest eigenvalue of
    :math:`\\tilde M = D^{-1} M U^{-1} M^\\top`, z-scored, with the sign that correlates positively
    with diversity; PCI is the same from the sectors' side, standardised with the ECI's mean and
    standard deviation (``pci_scale="eci"``, the Growth Lab's ``ecomplexity``) or its own
    (``"own"``).

    Provincial complexity is an open research question (see the module's note): the method was
    built for countries' exports, and on 81 provinces the result moves with the threshold and
    the sector detail.  Report it with its robustness.

    Parameters
    ----------
    matrix : DataFrame
        Regions × sectors, non-negative (employment or exports).
    rca_threshold : float, default 1.0
        Presence threshold on RCA (the Atlas uses 1).
    pci_scale : {"eci", "own"}, default "eci"

    Returns
    -------
    EconomicComplexity
        ``eci`` (by region), ``pci`` (by sector), ``diversity``, ``ubiquity``, ``presence``,
        ``eigenvalues``; ``rca_threshold`` records the threshold.

    Raises
    ------
    ComplexityError
        Disconnected presence graph or second eigenvalue not separated (see
        :func:`complexity_from_presence`).
    TypeError, ValueError
        Not a DataFrame of finite non-negative numbers, or a threshold that is not positive.

    See Also
    --------
    complexity_outlook : what the PCI of the sectors a region does not hold offers it.

    Examples
    --------
    Four provinces in a chain of overlapping specialisations (r4 holds only the common sector a,
    r1 the two rarest):

    >>> x = pd.DataFrame(
    ...     {"a": [20, 10, 10, 10], "b": [30, 20, 8, 1], "c": [20, 12, 1, 0], "d": [10, 1, 1, 0]},
    ...     index=["r1", "r2", "r3", "r4"],
    ... )
    >>> result = economic_complexity(x)
    >>> result.presence.to_numpy().tolist()
    [[0, 0, 1, 1], [0, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0]]
    >>> result.eci.round(2).tolist()
    [1.39, 0.47, -0.67, -1.18]
    >>> result.pci.round(2).tolist()
    [-1.18, -0.16, 1.1, 1.67]
    """
    threshold = check_threshold(rca_threshold)
    values = check_frame(matrix, "matrix").to_numpy(dtype=float)
    present = pd.DataFrame(_presence(values, threshold).astype(int), index=matrix.index, columns=matrix.columns)
    result = complexity_from_presence(present, pci_scale=pci_scale)
    return EconomicComplexity(**{**result.__dict__, "rca_threshold": threshold})
