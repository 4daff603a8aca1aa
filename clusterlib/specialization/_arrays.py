"""Array maths of the specialisation indicators, without input checks.

Every function takes numpy arrays whose last two axes are ``(region, sector)``: a single
region x sector matrix has shape ``(J, I)``, a panel has shape ``(T, J, I)`` (year x region x
sector). Leading axes are carried through, so one call computes every year at once. The public
functions in the sibling modules check inputs, label outputs and carry the documentation.
"""

from __future__ import annotations

import numpy as np

REGION_AXIS = -2
SECTOR_AXIS = -1


def _divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` with NaN wherever ``den`` is zero (no warnings)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.true_divide(num, den)
    return np.where(den == 0, np.nan, out)


def _totals(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Region totals ``e_j``, sector totals ``e_i`` and grand total ``e``, kept broadcastable."""
    region = values.sum(axis=SECTOR_AXIS, keepdims=True)
    sector = values.sum(axis=REGION_AXIS, keepdims=True)
    total = sector.sum(axis=SECTOR_AXIS, keepdims=True)
    return region, sector, total


def _shares(values: np.ndarray) -> np.ndarray:
    """Share of each sector in its region's total, ``e_ij / e_j`` (NaN for an empty region)."""
    region, _, _ = _totals(values)
    return _divide(values, region)


def _lq(values: np.ndarray) -> np.ndarray:
    """Location quotient ``(e_ij / e_j) / (e_i / e)``; NaN where ``e_j`` or ``e_i`` is zero."""
    region, sector, total = _totals(values)
    return _divide(values * total, region * sector)


def _hhi(values: np.ndarray) -> np.ndarray:
    """Herfindahl-Hirschman index of each region's sector shares, ``sum_i s_ij**2``."""
    return np.sum(_shares(values) ** 2, axis=SECTOR_AXIS)


def _hhi_normalised(hhi: np.ndarray, n: int) -> np.ndarray:
    """Normalised HHI ``(H - 1/n) / (1 - 1/n)``; NaN when there is a single sector."""
    if n < 2:
        return np.full_like(hhi, np.nan, dtype=float)
    return (hhi - 1.0 / n) / (1.0 - 1.0 / n)


def _reference_shares(values: np.ndarray, reference: str) -> np.ndarray:
    """Sector structure each region is compared with (``rest``, ``nation`` or ``others_mean``)."""
    region, sector, total = _totals(values)
    if reference == "nation":
        return _divide(sector, total)
    if reference == "rest":
        return _divide(sector - values, total - region)
    # "others_mean": unweighted mean of the other (non-empty) regions' structures
    shares = _shares(values)
    valid = ~np.isnan(shares)
    summed = np.where(valid, shares, 0.0).sum(axis=REGION_AXIS, keepdims=True)
    count = (region > 0).sum(axis=REGION_AXIS, keepdims=True)
    own = np.where(valid, shares, 0.0)
    return _divide(summed - own, count - (region > 0))


def _krugman(values: np.ndarray, reference: str = "rest") -> np.ndarray:
    """Krugman specialisation index ``sum_i |s_ij - s_i^ref|`` (0 to 2) of each region."""
    return _nan_aware_sum(np.abs(_shares(values) - _reference_shares(values, reference)))


def _nan_aware_sum(diff: np.ndarray) -> np.ndarray:
    """Sum over sectors that is NaN when every term is NaN (an empty region or reference)."""
    all_nan = np.isnan(diff).all(axis=SECTOR_AXIS)
    out = np.nansum(diff, axis=SECTOR_AXIS)
    return np.where(all_nan, np.nan, out)


def _hoover_specialisation(values: np.ndarray) -> np.ndarray:
    """Hoover coefficient of specialisation ``1/2 sum_i |s_ij - e_i/e|`` (0 to 1) of each region."""
    diff = np.abs(_shares(values) - _reference_shares(values, "nation"))
    return 0.5 * _nan_aware_sum(diff)


def _hoover_index(values: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Hoover localisation index of each sector over regions, ``1/2 sum_j |e_ij/e_i - w_j/w|``.

    ``weights`` has shape ``(..., J)`` (one size per region); by default the regions'
    total employment.
    """
    region, sector, _ = _totals(values)
    weights = region if weights is None else np.expand_dims(weights, SECTOR_AXIS)
    weight_share = _divide(weights, weights.sum(axis=REGION_AXIS, keepdims=True))
    sector_share = _divide(values, sector)
    out = 0.5 * np.abs(sector_share - weight_share).sum(axis=REGION_AXIS)
    return np.where(sector[..., 0, :] == 0, np.nan, out)


def _gini(lq: np.ndarray) -> np.ndarray:
    """Gini coefficient of each region's location quotients over sectors (REAT ``gini.spec``).

    ``G = 2 sum_k k LQ_(k) / (n sum_k LQ_(k)) - (n + 1) / n`` over the ``n`` sectors with a
    defined LQ, sorted ascending. NaN LQs (sectors absent from the nation) are left out.
    """
    finite = np.isfinite(lq)
    ordered = np.sort(np.where(finite, lq, np.inf), axis=SECTOR_AXIS)
    n = finite.sum(axis=SECTOR_AXIS)
    kept = np.isfinite(ordered)
    ordered = np.where(kept, ordered, 0.0)
    ranks = np.arange(1, lq.shape[SECTOR_AXIS] + 1, dtype=float)
    total = ordered.sum(axis=SECTOR_AXIS)
    weighted = (ordered * ranks).sum(axis=SECTOR_AXIS)
    with np.errstate(divide="ignore", invalid="ignore"):
        g = 2.0 * weighted / (n * total) - (n + 1.0) / n
    return np.where((n == 0) | (total == 0), np.nan, g)


def _shift_share(start: np.ndarray, end: np.ndarray, method: str = "dunn") -> dict[str, np.ndarray]:
    """Shift-share components of every region x sector cell between two years.

    National totals are the column sums. Returns ``actual_change``, ``national_share``,
    ``industry_mix``, ``regional_share`` and, for ``method="esteban"``, ``allocation`` and
    ``homothetic`` (all shaped like the inputs). ``regional_share`` is the residual of the
    others, so the components always add up to ``actual_change``.
    """
    region0, sector0, total0 = _totals(start)
    _, sector1, total1 = _totals(end)
    with np.errstate(divide="ignore", invalid="ignore"):
        national_ratio = np.where(total0 > 0, total1 / total0, 1.0)
        # a sector absent nationally at the start has no growth rate; its cells are all zero
        # then, so any finite value gives a zero industry mix: use the national rate.
        sector_ratio = np.where(sector0 > 0, sector1 / sector0, national_ratio)
    sector_growth = sector_ratio - 1.0
    national_path = start * national_ratio
    sector_path = start * sector_ratio
    out = {
        "actual_change": end - start,
        "national_share": national_path - start,
        "industry_mix": sector_path - national_path,
        "regional_share": end - sector_path,
    }
    if method == "esteban":
        homothetic = np.where(total0 > 0, region0 * _divide(sector0, total0), 0.0)
        homothetic = np.nan_to_num(homothetic)
        competitive = out["regional_share"]
        with np.errstate(divide="ignore", invalid="ignore"):
            differential = np.where(start > 0, end / start - 1.0 - sector_growth, 0.0)
        new = start == 0  # growth rate undefined: the whole competitive effect stays in CE*
        out["regional_share"] = np.where(new, competitive, homothetic * differential)
        out["allocation"] = np.where(new, 0.0, (start - homothetic) * differential)
        out["homothetic"] = homothetic
    return out


def _percentile(values: np.ndarray, q: float, axis: int = REGION_AXIS) -> np.ndarray:
    """NaN-ignoring percentile along ``axis`` (numpy's default linear method), kept as a length-1 axis.

    Equivalent to ``np.nanpercentile(values, q, axis=axis, keepdims=True)`` but vectorised by
    sorting, which is much faster on wide panels. All-NaN slices give NaN.
    """
    moved = np.moveaxis(values, axis, -1)
    ordered = np.sort(moved, axis=-1)  # NaN sort last
    n = np.sum(~np.isnan(moved), axis=-1, keepdims=True)
    pos = (np.maximum(n, 1) - 1) * (q / 100.0)
    lo = np.floor(pos).astype(np.intp)
    hi = np.minimum(lo + 1, np.maximum(n - 1, 0))
    frac = pos - lo
    low = np.take_along_axis(ordered, lo, axis=-1)
    high = np.take_along_axis(ordered, hi, axis=-1)
    out = np.where(n > 0, low + (high - low) * frac, np.nan)
    return np.moveaxis(out, -1, axis)


def _strong(lq: np.ndarray, employment: np.ndarray, establishments: np.ndarray,
            percentile: float = 75.0) -> np.ndarray:
    """US Cluster Mapping strong-cluster rule for every cell (thresholds over regions per sector)."""
    lq_cut = _percentile(lq, percentile)
    emp_cut = _percentile(employment, 25.0)
    est_cut = _percentile(establishments, 25.0)
    with np.errstate(invalid="ignore"):
        return (lq >= lq_cut) & (lq >= 1.0) & (employment > emp_cut) & (establishments > est_cut)


def _top(values: np.ndarray, positive: np.ndarray, q: float = 90.0) -> np.ndarray:
    """True for cells in the top ``100 - q`` % of regions of their sector (and where ``positive``)."""
    masked = np.where(positive, values, np.nan)
    cut = _percentile(masked, q)
    with np.errstate(invalid="ignore"):
        return positive & (masked >= cut)


def _stars(employment: np.ndarray, lq: np.ndarray, shares: np.ndarray,
           wages: np.ndarray | None = None, growth: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """European Cluster Observatory stars for every cell (see ``cluster_stars``)."""
    present = employment > 0
    with np.errstate(invalid="ignore"):
        out = {
            "size": _top(employment, present),
            "specialisation": present & (lq >= 2.0),
            "focus": _top(shares, present),
        }
    if wages is not None:
        out["productivity"] = _top(wages, present & ~np.isnan(wages))
    if growth is not None:
        out["dynamism"] = _top(growth, present & ~np.isnan(growth))
    out["stars"] = np.sum(list(out.values()), axis=0).astype(np.int64)
    return out


def _cagr(start: np.ndarray, end: np.ndarray, years: np.ndarray | float) -> np.ndarray:
    """Compound annual growth rate ``(end/start)**(1/years) - 1``; NaN where ``start`` is zero."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.power(_divide(end, start), 1.0 / np.asarray(years, dtype=float)) - 1.0
    return out
