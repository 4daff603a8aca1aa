"""Complexity outlook and outlook gain: what the sectors a region does not hold yet offer it.

The Atlas of Economic Complexity (Hausmann, Hidalgo et al. 2014) turns relatedness density into two
measures of a region's options: the *complexity outlook index* (COI, called "opportunity value" in
the 2011 edition) adds up the complexity of the sectors a region does not hold, weighted by how
close they are to what it does; the *complexity outlook gain* (COG) of one sector is how much that
outlook would improve if the region acquired it (it opens paths to other complex sectors).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib.relatedness._checks import check_incidence
from clusterlib.relatedness.density import density_kernel, proximity_kernel

__all__ = ["ComplexityOutlook", "complexity_outlook"]


@dataclass(frozen=True)
class ComplexityOutlook:
    """Relatedness density, complexity outlook index and outlook gain of every region.

    Attributes
    ----------
    density : DataFrame
        Regions × sectors, 0–100: the relatedness density :math:`100\\,\\omega_{rs}` used by the
        outlook (with or without the sector itself, see ``include_self``).
    coi : Series
        Complexity outlook index by region, in PCI units (not z-scored).
    cog : DataFrame
        Regions × sectors, complexity outlook gain; 0 where the region already holds the sector,
        NaN for sectors without a PCI.
    include_self : bool
        Whether :math:`\\varphi_{ss} = 1` entered the density (Python ``ecomplexity``) or not
        (Stata ``ecomplexity``, EconGeo).
    """

    density: pd.DataFrame
    coi: pd.Series
    cog: pd.DataFrame
    include_self: bool


def outlook_kernel(
    m: np.ndarray, phi: np.ndarray, pci: np.ndarray, *, include_self: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Density (fraction), COI and COG without checks; ``pci`` has no NaN."""
    density = density_kernel(m, phi, include_self=include_self)
    weights = np.array(phi, dtype=float, copy=True)
    np.fill_diagonal(weights, 1.0 if include_self else 0.0)
    absent = 1.0 - m
    coi = (density * absent) @ pci
    totals = weights.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        gain_per_step = np.where(totals > 0, pci / totals, 0.0)  # PCI_s' / Σ_s'' φ_s''s'
    cog = absent * ((absent * gain_per_step[None, :]) @ weights.T)
    return density, coi, cog


def complexity_outlook(
    presence_matrix: pd.DataFrame,
    pci: pd.Series,
    proximity_matrix: pd.DataFrame | None = None,
    *,
    include_self: bool = False,
) -> ComplexityOutlook:
    """Complexity outlook index (COI) and complexity outlook gain (COG) of every region.

    With :math:`M` the presence matrix, :math:`\\varphi` the proximity between sectors and
    :math:`\\omega_{rs} = \\sum_{s'} \\varphi_{ss'} M_{rs'} / \\sum_{s'} \\varphi_{ss'}` the
    relatedness density:

    .. math::

        COI_r = \\sum_{s} \\omega_{rs} (1 - M_{rs})\\, PCI_s

        COG_{rs} = (1 - M_{rs}) \\sum_{s'} \\frac{\\varphi_{ss'}}{\\sum_{s''} \\varphi_{s''s'}}
        (1 - M_{rs'})\\, PCI_{s'}

    COI is the complexity within reach of the region; :math:`\\varphi_{ss'} / \\sum_{s''}
    \\varphi_{s''s'}` is how much holding *s* would raise the density of *s'*, so COG adds up the
    complexity of the sectors that acquiring *s* brings closer.  These are the formulas of the
    Growth Lab's ``ecomplexity`` (the code behind the Atlas) and of the R package
    ``economiccomplexity``; they follow Hausmann et al. (2014).

    Two conventions differ between implementations and are stated here:

    * the density leaves the sector itself out (``include_self=False``, the default: the Stata
      ``ecomplexity`` behind the Atlas, EconGeo and :func:`~clusterlib.relatedness.relatedness_density`,
      used by the criteria table of sector selection, so one density appears in the reports) or
      counts it with :math:`\\varphi_{ss} = 1` (``True``: the Python port ``ecomplexity`` 0.5);
    * we use the standardised PCI, as the Atlas's formulas read.  Both ``ecomplexity``
      implementations compute COI and COG from the eigenvector before centring (PCI shifted by its
      ubiquity-weighted mean), then z-score COI and scale COG by the ECI's standard deviation.  The
      test suite reproduces the Stata ground truth and the Python port from ours with that shift.

    Parameters
    ----------
    presence_matrix : DataFrame
        Regions × sectors, 0/1 (:func:`clusterlib.relatedness.presence`).
    pci : Series
        PCI by sector (:attr:`EconomicComplexity.pci`); sectors without a PCI (NaN) add nothing
        and get a NaN gain.
    proximity_matrix : DataFrame, optional
        Sectors × sectors; default :func:`clusterlib.relatedness.proximity` of ``presence_matrix``.
    include_self : bool, default False
        Count :math:`\\varphi_{ss} = 1` in the density and in the gain's weights (Python ``ecomplexity``).

    Returns
    -------
    ComplexityOutlook
        ``density`` (0–100), ``coi``, ``cog``.

    Raises
    ------
    ValueError
        ``presence_matrix`` not 0/1, or ``pci`` / ``proximity_matrix`` missing some of its sectors.

    References
    ----------
    Hausmann, R., Hidalgo, C. A., Bustos, S., Coscia, M., Simoes, A. and Yildirim, M. A. (2014).
    *The Atlas of Economic Complexity: Mapping Paths to Prosperity*. MIT Press, technical box 5.4.

    Examples
    --------
    Two regions, three sectors; r2 lacks b and c.  Proximities: a–b and a–c 1/2, b–c 1, so the
    column sums of :math:`\\varphi` (without the diagonal) are 1, 1.5, 1.5 and r2's density in b
    is 0.5/1.5.  Acquiring b would raise its density in the complex c by 1/1.5:
    COG = 1.5/1.5 = 1; acquiring c brings only b closer: COG = 0.5/1.5.

    >>> m = pd.DataFrame({"a": [1, 1], "b": [1, 0], "c": [1, 0]}, index=["r1", "r2"])
    >>> pci = pd.Series({"a": -1.0, "b": 0.5, "c": 1.5})
    >>> out = complexity_outlook(m, pci)
    >>> out.density.round(1)
            a      b      c
    r1  100.0  100.0  100.0
    r2    0.0   33.3   33.3
    >>> out.coi.round(3).tolist()
    [0.0, 0.667]
    >>> out.cog.round(3)
          a    b      c
    r1  0.0  0.0  0.000
    r2  0.0  1.0  0.333

    With the sector itself (the Python ``ecomplexity``) the column sums become 2, 2.5, 2.5:

    >>> complexity_outlook(m, pci, include_self=True).cog.loc["r2"].round(3).tolist()
    [0.0, 0.8, 0.8]
    """
    m = check_incidence(presence_matrix, "presence_matrix")
    sectors = presence_matrix.columns
    if not isinstance(pci, pd.Series):
        raise TypeError(f"'pci' must be a Series indexed by sector, got {type(pci).__name__}")
    missing = [s for s in sectors if s not in pci.index]
    if missing:
        raise ValueError(f"'pci' lacks sectors of 'presence_matrix': {missing[:10]}")
    values = pci.reindex(sectors).to_numpy(dtype=float)
    if proximity_matrix is None:
        phi = proximity_kernel(m)
    else:
        aligned = proximity_matrix.reindex(index=sectors, columns=sectors)
        if aligned.isna().to_numpy().any():
            lacking = sorted(set(sectors) - set(proximity_matrix.columns), key=str)
            raise ValueError(f"'proximity_matrix' lacks sectors of 'presence_matrix': {lacking[:10]}")
        phi = aligned.to_numpy(dtype=float)
    known = ~np.isnan(values)
    density, coi, cog = outlook_kernel(m, phi, np.where(known, values, 0.0), include_self=include_self)
    cog[:, ~known] = np.nan
    index = presence_matrix.index
    return ComplexityOutlook(
        density=pd.DataFrame(density * 100.0, index=index, columns=sectors),
        coi=pd.Series(coi, index=index, name="coi"),
        cog=pd.DataFrame(cog, index=index, columns=sectors),
        include_self=include_self,
    )
