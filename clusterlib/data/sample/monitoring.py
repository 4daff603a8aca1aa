"""Monitoring indicators of the pilot clusters (``monitoring``) and reference values (``benchmarks``)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from clusterlib.data.sample.firms import _all_firms
from clusterlib.data.sample.inputs import _rng, pilot_config
from clusterlib.data.sample.provinces import _employment, _exports
from clusterlib.i18n import turkish_lower

# ------------------------------------------------------------------------------------------------ monitoring

_REGIME_PROGRESS = {"on": (0.95, 1.15), "lagging": (0.55, 0.80), "off": (-0.30, 0.35)}
_MONITORING_YEARS = tuple(range(2019, 2027))


def _round_unit(value: float, unit: str) -> float:
    return round(value, 1) if unit in ("million USD", "percent") else float(round(value))


@cache
def _monitoring(seed: int) -> pd.DataFrame:
    document = pilot_config()
    firms = _all_firms(seed)
    employment = _employment(seed)
    exports = _exports(seed)
    rows = []
    for k, cid in enumerate(sorted(document["clusters"])):
        rng = _rng(seed, 500 + k)
        info = document["pilots"][cid]
        plate, main = info["province"].plate, info["main_division"]
        observed = {
            "employment": employment[(employment["plate"] == plate) & (employment["nace"] == main)]
            .set_index("year")["employment"]
            .astype(float),
            "exports_musd": exports[(exports["plate"] == plate) & (exports["nace"] == main)].set_index(
                "year"
            )["exports_usd"]
            / 1e6,
        }
        n_firms = int((firms["cluster"] == cid).sum())
        baseline = {
            "members": round(n_firms * rng.uniform(0.30, 0.45)),
            "joint_projects": int(rng.integers(1, 4)),
            "training_days": int(rng.integers(60, 200)),
            "rd_projects": int(rng.integers(1, 4)),
            "new_products": int(rng.integers(3, 12)),
            "cluster_management_score": int(rng.integers(30, 46)),
            "imported_inputs_share": round(float(rng.uniform(25.0, 60.0)), 1),
        }
        # membership targets are met everywhere; the other synthetic indicators get a shuffled mix
        synthetic = [ind[0] for ind in document["monitoring"] if ind[0] in baseline and ind[0] != "members"]
        regimes = ["on", "lagging", "off", "on", "lagging", "off", "on", "lagging"][: len(synthetic)]
        regime = dict(zip(synthetic, [regimes[i] for i in rng.permutation(len(synthetic))], strict=True))
        regime["members"] = "on"
        for indicator, name_en, name_tr, unit, direction, multiple in document["monitoring"]:
            if indicator in observed:
                name_en, name_tr = f"{name_en} (NACE {main})", f"{name_tr} (NACE {main})"
                base = _round_unit(float(observed[indicator].loc[2019]), unit)
            else:
                base = float(baseline[indicator])
            final = base * float(multiple)
            if direction == "increase" and unit not in ("million USD", "percent"):
                final = max(final, base + 3.0)
            level = rng.uniform(*_REGIME_PROGRESS[regime[indicator]]) if indicator in regime else 1.0
            for year in _MONITORING_YEARS:
                step = (year - 2019) / (2026 - 2019)
                target = _round_unit(base + (final - base) * step, unit) if year > 2019 else np.nan
                if year == 2019:
                    actual = base
                elif year > 2024:
                    actual = np.nan
                elif indicator in observed:
                    actual = _round_unit(float(observed[indicator].loc[year]), unit)
                else:
                    progress = level + rng.normal(0.0, 0.05)
                    if year == 2020 and indicator in ("joint_projects", "training_days"):
                        progress *= 0.6  # pandemic: events cancelled
                    if plate == 46 and year >= 2023 and indicator != "members":
                        progress *= 0.4 if year == 2023 else 0.75  # February 2023 earthquakes
                    actual = max(0.0, _round_unit(base + progress * (target - base), unit))
                rows.append(
                    {
                        "cluster": cid,
                        "indicator": indicator,
                        "name_en": name_en,
                        "name_tr": name_tr,
                        "unit": unit,
                        "direction": direction,
                        "year": year,
                        "baseline": base,
                        "target": target,
                        "actual": actual,
                    }
                )
    return pd.DataFrame(rows).sort_values(["cluster", "indicator", "year"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ benchmarks

_LEADING = {
    "corum_food_machinery": ("IT", "Italy", "İtalya"),
    "gaziantep_footwear": ("PT", "Portugal", "Portekiz"),
    "kahramanmaras_metal_kitchenware": ("DE", "Germany", "Almanya"),
    "samsun_medical": ("IE", "Ireland", "İrlanda"),
    "trabzon_shipbuilding": ("NO", "Norway", "Norveç"),
}
_LABELS_TR = {"gold": "altın", "silver": "gümüş", "bronze": "bronz"}
#: The six areas of European cluster-management benchmarking (ESCA) and their typical label medians.
_AREAS = ("structure", "governance", "financing", "services", "interaction", "achievements")
_LABELS = {"gold": (78.0, 92.0), "silver": (64.0, 78.0), "bronze": (50.0, 64.0)}


def _benchmarks(seed: int) -> pd.DataFrame:
    rng = _rng(seed, 8)
    document = pilot_config()
    monitoring = _monitoring(seed)
    note = "synthetic reference value for benchmarking practice, not an observed statistic"
    rows = []
    for cid in sorted(document["clusters"]):
        sector = document["pilots"][cid]["name_en"].lower()
        sector_tr = turkish_lower(document["pilots"][cid]["name_tr"])
        code, country, country_tr = _LEADING[cid]
        references = (  # name, Turkish name, country, multiple of the pilot's 2026 target, management score range
            (f"EU {sector} cluster median (ESCA gold-label peers)",
             f"AB {sector_tr} kümeleri ortancası (ESCA altın etiketli emsaller)", "EU", (1.3, 2.0), (74.0, 86.0)),
            (f"EU {sector} cluster median (all ESCA-labelled)",
             f"AB {sector_tr} kümeleri ortancası (ESCA etiketli tüm kümeler)", "EU", (0.9, 1.3), (58.0, 72.0)),
            (f"Leading {sector} cluster, {country} (reference)",
             f"Önde gelen {sector_tr} kümesi, {country_tr} (referans)", code, (2.0, 4.0), (82.0, 94.0)),
        )
        final = monitoring[(monitoring["cluster"] == cid) & (monitoring["year"] == 2026)]
        for row in final.itertuples(index=False):
            for reference, reference_tr, where, (low, high), score in references:
                factor = rng.uniform(low, high)
                value = row.target * (factor if row.direction == "increase" else 1.0 / factor)
                if row.indicator == "cluster_management_score":  # a 0-100 score: a range, not a multiple
                    value = rng.uniform(*score)
                rows.append(
                    {
                        "indicator": row.indicator,
                        "reference": reference,
                        "reference_tr": reference_tr,
                        "country": where,
                        "sector": sector,
                        "year": 2022,
                        "value": _round_unit(value, row.unit),
                        "unit": row.unit,
                        "note": note,
                    }
                )
        for area in _AREAS:  # the pilot's own self-assessment, for radar charts against the label medians
            weak = area in ("financing", "achievements")
            value = rng.uniform(25.0, 45.0) if weak else rng.uniform(35.0, 65.0)
            rows.append(
                {
                    "indicator": f"cm_{area}",
                    "reference": cid,
                    "country": "TR",
                    "sector": sector,
                    "year": 2024,
                    "value": float(round(value)),
                    "unit": "score 0-100",
                    "note": "synthetic self-assessment of the pilot cluster's management",
                }
            )
    for label, (low, high) in _LABELS.items():
        for area in _AREAS:
            value = float(round(rng.uniform(low, high)))
            rows.append(
                {
                    "indicator": f"cm_{area}",
                    "reference": f"ESCA {label} label median",
                    "reference_tr": f"ESCA {_LABELS_TR[label]} etiket ortancası",
                    "country": "EU",
                    "sector": "all sectors",
                    "year": 2022,
                    "value": value,
                    "unit": "score 0-100",
                    "note": note,
                }
            )
    return pd.DataFrame(rows).sort_values(["indicator", "reference", "year"], ignore_index=True)
