"""The province against the others: LQs of some sectors in all 81 provinces (the map) and the
shift-share decomposition of the province's employment change (language-free; ``lang`` only adds labels).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province
from clusterlib.selection.inputs import sector_labels, value_matrix, with_labels
from clusterlib.specialization import location_quotient, shift_share_components

__all__ = ["lq_by_province", "sector_shift_share"]


def lq_by_province(
    tables: Mapping[str, pd.DataFrame], year: int, codes: Sequence[str], *, lang: str | None = None
) -> pd.DataFrame:
    """Location quotients of some sectors in all 81 provinces (for a choropleth).

    Returns
    -------
    DataFrame
        Columns ``plate, province, nace, lq`` (and ``label`` when ``lang`` is given), one row per
        province × sector, in the order of ``codes``.
    """
    names = provinces().set_index("plate")["name"]
    lq = location_quotient(value_matrix(tables["employment"], "employment", year))
    missing = [c for c in codes if c not in lq.columns]
    if missing:
        raise ValueError(f"'codes' {missing} have no employment in {year}")
    parts = [
        pd.DataFrame(
            {
                "plate": lq.index.astype(int),
                "province": names.reindex(lq.index).to_numpy(),
                "nace": code,
                "lq": lq[code].to_numpy(),
            }
        )
        for code in codes
    ]
    frame = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["plate", "province", "nace", "lq"])
    )
    if lang is not None:
        frame.insert(3, "label", sector_labels(frame["nace"], lang))
    return frame


def sector_shift_share(
    tables: Mapping[str, pd.DataFrame],
    province: str | int | Province,
    start: int,
    end: int,
    *,
    method: str = "dunn",
    lang: str | None = None,
) -> pd.DataFrame:
    """Shift-share components of each sector of a province between two years.

    Returns
    -------
    DataFrame
        One row per division: ``nace`` (then ``label`` when ``lang`` is given), ``actual_change,
        national_share, industry_mix, regional_share`` (and ``allocation`` for
        ``method="esteban"``), ``net_shift``; the components of each row sum to ``actual_change``.
    """
    place = resolve_province(province)
    if start == end:
        raise ValueError(f"shift-share needs two different years, got {start} twice")
    employment = tables["employment"]
    first = value_matrix(employment, "employment", start)
    last = value_matrix(employment, "employment", end, first.columns)
    first.index.name, first.columns.name = "plate", "nace"
    last.index.name, last.columns.name = "plate", "nace"
    parts = shift_share_components(first, last, method=method)
    local = parts[parts["plate"] == place.plate].drop(columns=["plate"]).copy()
    local["nace"] = local["nace"].astype(str)
    return with_labels(local.reset_index(drop=True), lang)
