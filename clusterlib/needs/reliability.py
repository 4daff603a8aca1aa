"""Internal consistency of a block of Likert items: Cronbach's alpha with a Feldt interval.

A block (e.g. the three export questions) is reliable when firms that say they need one kind of
export support also tend to say they need the others, so that the block's mean is a fair summary.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["alpha_interval", "block_reliability", "cronbach_alpha"]

_NAN_POLICIES = ("listwise", "pairwise")


def _alpha_from_cov(cov: np.ndarray) -> float:
    """Kernel: alpha from a k × k covariance matrix of the items (no checks)."""
    k = cov.shape[0]
    total = cov.sum()
    # the total score has no variance (every respondent's sum is the same): a sum of covariances that
    # cancel leaves rounding noise (1e-16), which would give an alpha of -1e16, not an undefined one
    if not np.isfinite(total) or total <= 1e-12 * np.abs(cov).sum():
        return float("nan")
    return float(k / (k - 1) * (1.0 - np.trace(cov) / total))


def _as_frame(items: object) -> pd.DataFrame:
    if isinstance(items, pd.DataFrame):
        frame = items
    else:
        array = np.asarray(items, dtype=float)
        if array.ndim != 2:
            raise ValueError(
                f"'items' must be 2-dimensional (respondents × items), got {array.ndim} dimension(s)"
            )
        frame = pd.DataFrame(array)
    try:
        frame = frame.apply(pd.to_numeric, errors="raise").astype(float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"'items' must hold numbers (answer codes), got non-numeric values: {err}") from None
    if frame.shape[1] < 2:
        raise ValueError(f"'items' needs at least 2 items (columns) for an alpha, got {frame.shape[1]}")
    return frame


def cronbach_alpha(items: pd.DataFrame | np.ndarray, *, nan_policy: str = "listwise") -> float:
    """Cronbach's alpha of a block of items (columns) answered by respondents (rows).

    .. math::

        \\alpha = \\frac{k}{k - 1}\\left(1 - \\frac{\\sum_{i=1}^{k} \\sigma^2_i}{\\sigma^2_T}\\right)
        = \\frac{k}{k - 1}\\left(1 - \\frac{\\operatorname{tr} C}{\\mathbf{1}^\\top C\\, \\mathbf{1}}\\right)

    where :math:`k` is the number of items, :math:`\\sigma^2_i` the variance of item :math:`i`,
    :math:`\\sigma^2_T` the variance of the respondents' total score and :math:`C` the items'
    covariance matrix (sample covariances, ``ddof = 1``).

    Parameters
    ----------
    items : DataFrame or 2-D array
        One row per respondent, one column per item; answers as numbers, missing as NaN (a
        "don't know" is missing here, it is no point of the scale).
    nan_policy : {"listwise", "pairwise"}, keyword-only
        ``"listwise"`` keeps the respondents who answered every item (R ``psych::alpha(use =
        "complete.obs")``); ``"pairwise"`` estimates each covariance from the respondents who
        answered both items (``use = "pairwise"``), which keeps more data but can give a
        covariance matrix no single sample would produce.

    Returns
    -------
    float
        Alpha (at most 1; negative when items covary negatively); NaN when the total score has
        no variance (everyone gave the same answers).

    Raises
    ------
    ValueError
        For an unknown ``nan_policy``, fewer than 2 items, or fewer than 2 respondents with the
        answers the policy needs.
    TypeError
        For non-numeric answers.

    See Also
    --------
    alpha_interval : Feldt's confidence interval.

    References
    ----------
    .. [1] Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
       *Psychometrika* 16(3), 297–334.
    .. [2] Revelle, W. *psych: Procedures for Psychological, Psychometric, and Personality
       Research*, function ``alpha``. R package.
    .. [3] Vallat, R. (2018). Pingouin: statistics in Python. *JOSS* 3(31), 1026 —
       ``pingouin.cronbach_alpha`` and its dataset ``cronbach_wide_missing``.

    Examples
    --------
    Three items that move together:

    >>> round(cronbach_alpha([[1, 2, 2], [2, 2, 3], [3, 4, 3], [4, 4, 5], [5, 5, 4]]), 3)
    0.929

    With a missing answer, listwise drops the second respondent; pairwise keeps his first answer:

    >>> data = [[1, 2], [2, None], [3, 3], [4, 5], [5, 4]]
    >>> round(cronbach_alpha(data), 3), round(cronbach_alpha(data, nan_policy="pairwise"), 3)
    (0.889, 0.936)
    """
    if nan_policy not in _NAN_POLICIES:
        raise ValueError(f"'nan_policy' must be one of {list(_NAN_POLICIES)}, got {nan_policy!r}")
    frame = _as_frame(items)
    if nan_policy == "listwise":
        frame = frame.dropna(axis=0, how="any")
        if len(frame) < 2:
            raise ValueError(
                f"cronbach_alpha needs at least 2 respondents who answered every item, got {len(frame)}; "
                "try nan_policy='pairwise'"
            )
        cov = np.cov(frame.to_numpy(), rowvar=False, ddof=1)
    else:
        cov = frame.cov(min_periods=2).to_numpy()  # pairwise complete observations
        if np.isnan(cov).any():
            raise ValueError(
                "cronbach_alpha with nan_policy='pairwise' needs every pair of items answered together by "
                "at least 2 respondents"
            )
    return _alpha_from_cov(cov)


def alpha_interval(alpha: float, n: int, k: int, *, confidence: float = 0.95) -> tuple[float, float]:
    """Feldt's confidence interval for Cronbach's alpha.

    :math:`(1 - \\alpha)` follows an F distribution with :math:`n - 1` and :math:`(n - 1)(k - 1)`
    degrees of freedom, so with :math:`a = 1 - \\text{confidence}`

    .. math::

        \\Big[\\,1 - (1 - \\hat\\alpha) F_{1 - a/2},\\; 1 - (1 - \\hat\\alpha) F_{a/2}\\,\\Big].

    Parameters
    ----------
    alpha : float
        The estimate.
    n, k : int
        Respondents and items the estimate is based on.
    confidence : float, keyword-only

    Returns
    -------
    tuple of float

    References
    ----------
    .. [1] Feldt, L. S., Woodruff, D. J. and Salih, F. A. (1987). Statistical inference for
       coefficient alpha. *Applied Psychological Measurement* 11(1), 93–103.

    Examples
    --------
    >>> [round(x, 3) for x in alpha_interval(0.8, 30, 3)]
    [0.633, 0.898]
    """
    if not 0 < confidence < 1:
        raise ValueError(f"'confidence' must lie strictly between 0 and 1, got {confidence!r}")
    if n < 2 or k < 2:
        raise ValueError(f"alpha_interval needs n ≥ 2 respondents and k ≥ 2 items, got n={n}, k={k}")
    if not np.isfinite(alpha):
        return (float("nan"), float("nan"))
    a = 1.0 - confidence
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1.0 - (1.0 - alpha) * stats.f.isf(a / 2, df1, df2)
    high = 1.0 - (1.0 - alpha) * stats.f.isf(1 - a / 2, df1, df2)
    return (float(low), float(high))


def block_reliability(
    survey: pd.DataFrame, *, nan_policy: str = "listwise", min_respondents: int = 2
) -> pd.DataFrame:
    """Cronbach's alpha of every block of a survey, with the data it rests on.

    Parameters
    ----------
    survey : DataFrame
        Long answers (:func:`clusterlib.needs.inputs.read_survey`): ``firm_id, wave, item, block,
        answer``; rows without a valid answer (missing, "don't know") are left out.
    nan_policy : {"listwise", "pairwise"}, keyword-only
        Passed to :func:`cronbach_alpha`.
    min_respondents : int, keyword-only
        Fewer firms answering every item of a block: no alpha (NaN); the analysis passes
        ``clusterlib.needs.THRESHOLDS.min_firms``.

    Returns
    -------
    DataFrame
        One row per block and wave: ``wave, block, items, respondents`` (those with every item
        answered), ``alpha, alpha_low, alpha_high`` (Feldt 95 %). Blocks of one item have no alpha
        (NaN): consistency needs two items or more.
    """
    valid = survey[survey["answer"].notna()]
    rows = []
    for (wave, block), part in valid.groupby(["wave", "block"], sort=True, observed=True):
        wide = part.pivot_table(index="firm_id", columns="item", values="answer", aggfunc="first")
        wide = wide.astype(float)
        k = wide.shape[1]
        complete = int(wide.dropna().shape[0])
        alpha = low = high = float("nan")
        if k >= 2 and (complete >= max(min_respondents, 2) or nan_policy == "pairwise"):
            try:
                alpha = cronbach_alpha(wide, nan_policy=nan_policy)
                low, high = alpha_interval(alpha, max(complete, 2), k)
            except ValueError:
                pass  # too few answers for this block: alpha stays NaN and the report says so
        rows.append(
            {
                "wave": wave,
                "block": block,
                "items": k,
                "respondents": complete,
                "alpha": alpha,
                "alpha_low": low,
                "alpha_high": high,
            }
        )
    return pd.DataFrame(
        rows, columns=["wave", "block", "items", "respondents", "alpha", "alpha_low", "alpha_high"]
    )
