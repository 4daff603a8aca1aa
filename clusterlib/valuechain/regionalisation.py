"""Regional input-output coefficients from a national table by location quotients (SLQ, CILQ, FLQ).

References
----------
.. [1] Flegg, A. T., Webber, C. D. and Elliott, M. V. (1995). On the appropriate use of location
   quotients in generating regional input-output tables. *Regional Studies* 29(6), 547–561.
.. [2] Flegg, A. T. and Webber, C. D. (1997). On the appropriate use of location quotients in
   generating regional input-output tables: reply. *Regional Studies* 31(8), 795–805.
.. [3] Miller, R. E. and Blair, P. D. (2009). *Input-Output Analysis*, 2nd ed., §8.3.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.valuechain.inputoutput import _square

__all__ = ["LQ_METHODS", "location_quotients", "regionalize"]

#: Location-quotient methods of :func:`regionalize`.
LQ_METHODS: tuple[str, ...] = ("slq", "cilq", "flq")


def _flq_lambda(regional_total: float, national_total: float, delta: float) -> float:
    return float(np.log2(1.0 + regional_total / national_total) ** delta)


def location_quotients(
    regional_employment: pd.Series,
    national_employment: pd.Series,
    *,
    sectors: pd.Index | None = None,
) -> pd.Series:
    """Simple location quotients :math:`SLQ_i = (E^r_i/E^r)/(E^n_i/E^n)`.

    Totals :math:`E^r, E^n` are over all sectors given (give every sector of the economy, not only
    those of the table).  ``sectors`` picks the ones returned (default: all).

    Examples
    --------
    >>> location_quotients(pd.Series({"a": 30, "b": 70}), pd.Series({"a": 200, "b": 800}))
    a    1.500
    b    0.875
    dtype: float64
    """
    regional = _employment(regional_employment, "regional_employment")
    national = _employment(national_employment, "national_employment")
    wanted = pd.Index(sectors) if sectors is not None else national.index
    missing = [s for s in wanted if s not in national.index or national[s] <= 0]
    if missing:
        raise ValueError(f"'national_employment' must be positive for sectors {missing}")
    reg = regional.reindex(wanted).fillna(0.0)  # a sector absent from the region employs nobody there
    return (reg / regional.sum()) / (national.reindex(wanted) / national.sum())


def _employment(values: pd.Series, name: str) -> pd.Series:
    if not isinstance(values, pd.Series):
        raise TypeError(f"'{name}' must be a Series of employment by sector, got {type(values).__name__}")
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    if numbers.isna().any() or (numbers < 0).any():
        bad = list(numbers.index[numbers.isna() | (numbers < 0)])[:5]
        raise ValueError(f"'{name}' must be non-negative numbers; check sectors {bad}")
    if numbers.sum() <= 0:
        raise ValueError(f"'{name}' sums to zero")
    return numbers


def regionalize(
    A: pd.DataFrame,
    regional_employment: pd.Series,
    national_employment: pd.Series,
    *,
    method: str = "flq",
    delta: float = 0.3,
) -> pd.DataFrame:
    """Regional technical coefficients from national ones by location quotients.

    .. math::

        a^r_{ij} = a_{ij}\\,\\min(1, LQ_{ij})

    with :math:`LQ_{ij} = SLQ_i` (``slq``), :math:`CILQ_{ij} = SLQ_i/SLQ_j` off the diagonal and
    :math:`SLQ_i` on it (``cilq``), or Flegg's :math:`FLQ_{ij} = CILQ_{ij}\\,\\lambda^*` with
    :math:`\\lambda^* = [\\log_2(1 + E^r/E^n)]^{\\delta}` (``flq``; :math:`SLQ_i\\lambda^*` on the
    diagonal).  Coefficients never exceed the national ones; what is cut is bought from outside
    the region.

    Parameters
    ----------
    A : DataFrame
        National technical coefficients, sectors × sectors.
    regional_employment, national_employment : Series
        Employment by sector in the region and the nation, over every sector of the economy (the
        totals :math:`E^r, E^n` are their sums); every sector of ``A`` needs national employment.
    method : {"flq", "cilq", "slq"}, default "flq"
    delta : float, default 0.3
        FLQ's δ in [0, 1): larger δ, smaller regional coefficients (more imports).  0.3 is the value
        Flegg & Webber (1997) recommend in the absence of survey data; only used by ``flq``.

    Returns
    -------
    DataFrame
        With ``A``'s labels; ``attrs`` hold ``method``, ``delta`` and ``lambda`` (λ*).

    Raises
    ------
    ValueError
        For an unknown method, δ outside [0, 1), or bad employment.

    References
    ----------
    Flegg, A. T., Webber, C. D. and Elliott, M. V. (1995). On the appropriate use of location
    quotients in generating regional input-output tables. *Regional Studies* 29(6), 547–561.
    Miller & Blair (2009), §8.3.

    Examples
    --------
    >>> A = pd.DataFrame([[0.2, 0.3], [0.1, 0.1]], index=["a", "b"], columns=["a", "b"])
    >>> reg, nat = pd.Series({"a": 30, "b": 70}), pd.Series({"a": 200, "b": 800})
    >>> regionalize(A, reg, nat, method="slq").round(4).to_numpy().tolist()
    [[0.2, 0.3], [0.0875, 0.0875]]
    """
    if method not in LQ_METHODS:
        raise ValueError(f"'method' must be one of {list(LQ_METHODS)}, got {method!r}")
    if not isinstance(delta, (int, float)) or isinstance(delta, bool) or not 0 <= delta < 1:
        raise ValueError(f"'delta' must be a number in [0, 1), got {delta!r}")
    _square(A, "A")
    slq = location_quotients(regional_employment, national_employment, sectors=A.index).to_numpy()
    n = len(slq)
    if method == "slq":
        lq = np.repeat(slq[:, None], n, axis=1)
        lam = 1.0
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            lq = slq[:, None] / slq[None, :]
        lq = np.where(np.isfinite(lq), lq, 1.0)  # a column sector absent from the region buys nothing there
        lq[np.diag_indices(n)] = slq
        lam = 1.0
        if method == "flq":
            lam = _flq_lambda(
                float(_employment(regional_employment, "regional_employment").sum()),
                float(_employment(national_employment, "national_employment").sum()),
                float(delta),
            )
            lq = lq * lam
    regional = A.to_numpy(dtype=float) * np.minimum(1.0, lq)
    frame = pd.DataFrame(regional, index=A.index, columns=A.columns)
    frame.attrs.update({"method": method, "delta": float(delta) if method == "flq" else None, "lambda": lam})
    return frame
