"""International benchmarking: a cluster's indicators against reference values of international clusters.

The reference values come from ``benchmarks.csv`` (see the README of the data folder: fill it from the
European Cluster Collaboration Platform, Eurostat or an expert's benchmarking visit).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["GAP_COLUMNS", "international_gaps", "normalise_unit", "reference_names", "relative_gap"]

#: Columns of :func:`international_gaps`.
GAP_COLUMNS = ("indicator", "name_en", "name_tr", "unit", "direction", "actual", "year", "reference",
               "reference_tr", "country", "value", "gap")


#: Spellings of one unit (after case folding and spacing): the first is the one compared.
_UNIT_SYNONYMS = {"%": "percent", "per cent": "percent", "pct": "percent", "yüzde": "percent", "kişi": "persons",
                  "people": "persons", "firma": "firms", "million usd": "usd million", "milyon usd": "usd million",
                  "milyon dolar": "usd million", "mn usd": "usd million"}


def normalise_unit(unit: object) -> str | None:
    """A unit in one spelling for comparison (case, spacing, dashes and common synonyms); None if missing.

    Examples
    --------
    >>> normalise_unit(" Score 0–100 "), normalise_unit("%"), normalise_unit("Million USD"), normalise_unit(None)
    ('score 0-100', 'percent', 'usd million', None)
    """
    if unit is None or (isinstance(unit, float) and np.isnan(unit)):
        return None
    text = " ".join(str(unit).replace("–", "-").replace("—", "-").casefold().split())
    return _UNIT_SYNONYMS.get(text, text) or None


def reference_names(gaps: pd.DataFrame, lang: str) -> pd.Series:
    """The references' names in ``lang``: ``reference_tr`` in Turkish (the English name where the
    benchmarks give no Turkish one), ``reference`` in English.

    Examples
    --------
    >>> g = pd.DataFrame({"reference": ["EU median"], "reference_tr": ["AB ortancası"]})
    >>> reference_names(g, "tr").tolist(), reference_names(g, "en").tolist()
    (['AB ortancası'], ['EU median'])
    """
    if lang == "tr" and "reference_tr" in gaps:
        return gaps["reference_tr"].where(gaps["reference_tr"].notna(), gaps["reference"])
    return gaps["reference"]


def relative_gap(actual: object, reference: object, *, direction: object = "increase") -> np.ndarray:
    """Signed relative gap to a reference, positive when the cluster does better.

    .. math:: g = s\\,\\frac{a - r}{|r|}, \\qquad s = +1 \\text{ (higher is better)}, -1 \\text{ (lower is better)}

    Missing where the actual or reference value is missing or the reference is zero.

    Examples
    --------
    >>> relative_gap([80, 30], [100, 20], direction=["increase", "decrease"]).round(2).tolist()
    [-0.2, -0.5]
    """
    a = np.asarray(actual, dtype=float)
    r = np.asarray(reference, dtype=float)
    d = np.asarray(direction, dtype=object)
    bad = ~np.isin(d, ("increase", "decrease"))
    if np.any(bad):
        raise ValueError(f"'direction' must be 'increase' or 'decrease', got {sorted(set(np.atleast_1d(d[bad])))}")
    sign = np.where(d == "increase", 1.0, -1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(r != 0, sign * (a - r) / np.abs(r), np.nan)


def international_gaps(summary: pd.DataFrame, benchmarks: pd.DataFrame, *, sector: str | None = None) -> pd.DataFrame:
    """The cluster's latest actual value of each indicator against every international reference value.

    Parameters
    ----------
    summary : DataFrame
        :func:`clusterlib.monitoring.plan.indicator_summary` (``indicator, name_en, name_tr, unit,
        direction, latest_actual, latest_year``).
    benchmarks : DataFrame
        :func:`clusterlib.data.read_benchmarks` (``indicator, reference, country, sector, year, value``).
    sector : str, optional
        Keep references of this sector or of ``all sectors`` (default: all references).

    Returns
    -------
    DataFrame
        :data:`GAP_COLUMNS`; ``gap`` from :func:`relative_gap` (−0.25: a quarter behind the reference).
        Indicators without references are left out, and so are references whose unit (benchmarks'
        ``unit``) is missing or differs from the indicator's (:func:`normalise_unit`): they are listed
        in ``attrs["unit_mismatch"]`` (``indicator, unit, reference, reference_unit``) for the report.

    Examples
    --------
    >>> s = pd.DataFrame({"indicator": ["x"], "name_en": ["X"], "name_tr": ["X"], "unit": ["n"],
    ...     "direction": ["increase"], "latest_actual": [80.0], "latest_year": [2024]})
    >>> b = pd.DataFrame({"indicator": ["x"], "reference": ["EU median"], "country": ["EU"], "sector": ["s"],
    ...     "year": [2022], "value": [100.0], "unit": ["n"]})
    >>> international_gaps(s, b)[["reference", "gap"]]
       reference  gap
    0  EU median -0.2
    """
    for name, frame, columns in (
        ("summary", summary, ("indicator", "unit", "direction", "latest_actual", "latest_year")),
        ("benchmarks", benchmarks, ("indicator", "reference", "country", "sector", "value")),
    ):
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(f"'{name}' lacks the columns {missing}")
    refs = benchmarks
    if sector is not None:
        refs = refs[refs["sector"].isin([sector, "all sectors"])]
    turkish = refs["reference_tr"] if "reference_tr" in refs else pd.Series(None, index=refs.index, dtype=object)
    reference_unit = refs["unit"] if "unit" in refs else pd.Series(None, index=refs.index, dtype=object)
    refs = refs[["indicator", "reference", "country", "value"]].assign(
        reference_tr=turkish.where(turkish.notna() & turkish.astype(str).str.strip().ne(""), refs["reference"]),
        reference_unit=reference_unit,
    )
    merged = summary.rename(columns={"latest_actual": "actual", "latest_year": "year"}).merge(
        refs, on="indicator", how="inner"
    )
    own = merged["unit"].map(normalise_unit)
    same = (own == merged["reference_unit"].map(normalise_unit)) & own.notna()
    mismatch = merged.loc[~same, ["indicator", "unit", "reference", "reference_unit"]]
    merged = merged[same].copy()
    merged["gap"] = relative_gap(merged["actual"], merged["value"], direction=merged["direction"])
    out = merged[list(GAP_COLUMNS)].sort_values(["indicator", "value"], ignore_index=True)
    out.attrs["unit_mismatch"] = mismatch.to_dict("records")
    return out
