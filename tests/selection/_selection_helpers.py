"""Helpers shared by the tests of clusterlib.selection: small criteria structures and indicator tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterlib.selection import Criteria

DEFAULT_IDS = [
    "employment", "lq", "relative_wage", "workplaces", "employment_cagr",
    "export_cagr", "rca", "national_growth",
    "relatedness_density", "support_institutions", "avg_firm_size",
    "skills_pool", "workplace_cagr", "wage_cost",
]  # fmt: skip


def _indicator(iid: str, direction: str = "benefit", weight: object = 0.5, **extra: object) -> dict:
    return {
        "id": iid,
        "name_en": f"{iid} en",
        "name_tr": f"{iid} tr",
        "description_en": f"{iid} description",
        "description_tr": f"{iid} açıklama",
        "direction": direction,
        "weight": weight,
        **extra,
    }


def _spec() -> dict:
    """A small valid criteria structure: two groups of two indicators."""
    return {
        "version": 1,
        "groups": [
            {
                "id": "economic_impact",
                "name_en": "Economic impact",
                "name_tr": "Ekonomik etki",
                "weight": 0.5,
                "indicators": [
                    _indicator("lq", symbol="LQ", format="{:.1f}"),
                    _indicator("employment", format="{:,.0f}"),
                ],
            },
            {
                "id": "demand",
                "name_en": "Demand",
                "name_tr": "Talep",
                "weight": 0.5,
                "indicators": [
                    _indicator("rca", symbol="RCA", format="{:.1f}"),
                    _indicator("wage_cost", direction="cost", format="{:.2f}"),
                ],
            },
        ],
    }


def _write(tmp_path: Path, data: object, name: str = "criteria.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _table(criteria: Criteria, m: int = 12, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = rng.lognormal(size=(m, len(criteria.ids)))
    return pd.DataFrame(values, columns=criteria.ids, index=[str(10 + i) for i in range(m)])


matrices = st.integers(2, 8).flatmap(
    lambda m: st.integers(1, 6).flatmap(
        lambda k: st.tuples(
            arrays(float, (m, k), elements=st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False)),
            arrays(float, (k,), elements=st.floats(0.01, 1.0)),
            st.lists(st.booleans(), min_size=k, max_size=k),
        )
    )
)
