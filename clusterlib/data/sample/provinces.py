"""Province × division × year tables: insured employment, workplaces and wages (``employment``),
goods exports (``exports``), and the province × year framework conditions (``province_factors``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from clusterlib import nace
from clusterlib.data.sample.inputs import _GROUPS, YEARS, _rng, calibration

# ------------------------------------------------------------------------------------------------ employment

#: Employment elasticity to the sector's real value added (applied to the TÜİK volume indices).
_ELASTICITY = {
    "A": 0.3,
    "BDE": 0.5,
    "C": 0.5,
    "F": 0.7,
    "GHI": 0.6,
    "J": 0.5,
    "K": 0.4,
    "L": 0.3,
    "MN": 0.6,
    "OPQ": 0.5,
    "RSTU": 0.6,
}
#: Elasticity of the insured-employment participation level to relative GDP per capita.
_BETA = 0.9
#: Share of the pre-earthquake level kept in 2023 and 2024 (February 2023 earthquakes).
_EARTHQUAKE = {
    31: (0.80, 0.88),
    46: (0.86, 0.93),
    2: (0.85, 0.92),
    44: (0.88, 0.94),
    80: (0.93, 0.97),
    27: (0.96, 0.99),
}
#: Pandemic factors on employment by division: {division: (2020, 2021)}.
_PANDEMIC = {
    "55": (0.80, 0.90),
    "56": (0.88, 0.95),
    "79": (0.70, 0.85),
    "93": (0.85, 0.93),
    "90": (0.90, 0.95),
    "51": (0.90, 0.96),
    "49": (0.97, 0.99),
}


def _province_totals(cal: dict[str, object]) -> tuple[np.ndarray, np.ndarray]:
    """Province totals before national scaling (81 × years) and relative GDP per capita (81 × years)."""
    pop = cal["pop"]
    gdp = cal["gdp"][:, None] * cal["index"][:, -1, :] / 100.0
    relative = (gdp / pop) / (gdp.sum(0) / pop.sum(0))
    total = pop * relative**_BETA
    for plate, (q2023, q2024) in _EARTHQUAKE.items():
        total[plate - 1, YEARS.index(2023)] *= q2023
        total[plate - 1, YEARS.index(2024)] *= q2024
    return total, relative


@cache
def _employment_model(seed: int) -> dict[str, np.ndarray]:
    """Employment, workplaces and wages as arrays (81 provinces × 88 divisions × years)."""
    cal = calibration()
    rng = _rng(seed, 1)
    codes, group, assumed = cal["codes"], cal["group"], cal["assumed"]
    n_prov, n_div, n_year = 81, len(codes), len(YEARS)
    t = np.array(YEARS, dtype=float) - 2023.0

    # A10 structure: value added (moved by the volume index) / national value added per employee
    eps = np.array([_ELASTICITY[g] for g in _GROUPS])
    ratio = np.clip(cal["index"][:, : len(_GROUPS), :] / 100.0, 0.3, 3.0)
    effective = cal["gva"][:, :, None] * ratio ** eps[None, :, None]
    emp_k = assumed["emp_k"].to_numpy(float)
    group_emp = np.bincount(group, weights=emp_k, minlength=len(_GROUPS))
    per_employee = cal["gva"].sum(0) / group_emp
    sector = effective / per_employee[None, :, None]
    sector /= sector.sum(1, keepdims=True)
    total, relative = _province_totals(cal)

    # divisions within each A10 sector
    goods = np.array([nace.section_of(c) in "ABC" for c in codes])
    eta = rng.normal(0.0, 1.0, (n_prov, n_div)) * np.where(goods, 0.35, 0.2)[None, :]
    eta *= np.where(cal["listed"], 0.3, 1.0)  # known specialisations vary less
    walk = np.cumsum(rng.normal(0.0, 0.025, (n_prov, n_div, n_year)), axis=2)
    walk -= walk[:, :, [YEARS.index(2023)]]
    slope = assumed["trend"].to_numpy(float)[None, :] + cal["trend"]
    log_w = (
        np.log(emp_k / group_emp[group])[None, :, None]
        + np.log(cal["factor"])[:, :, None]
        + eta[:, :, None]
        + slope[:, :, None] * t[None, None, :]
        + walk
    )
    weight = np.exp(log_w)
    for g in range(len(_GROUPS)):
        members = group == g
        weight[:, members, :] /= weight[:, members, :].sum(1, keepdims=True)
    expected = total[:, None, :] * sector[:, group, :] * weight
    for code, (f2020, f2021) in _PANDEMIC.items():
        d = codes.index(code)
        expected[:, d, YEARS.index(2020)] *= f2020
        expected[:, d, YEARS.index(2021)] *= f2021
    national = cal["national"]["sgk_4a_k"].to_numpy(float) * 1000.0
    expected *= (national / expected.sum((0, 1)))[None, None, :]

    # integers: a rare division is present in a province with probability 1 - exp(-expected / 6)
    present_p = 1.0 - np.exp(-expected / 6.0)
    present = rng.random((n_prov, n_div))[:, :, None] < present_p
    noise = np.exp(rng.normal(0.0, 0.03, (n_prov, n_div, n_year)))
    level = expected / np.maximum(present_p, 1e-12) * noise
    employment = np.where(present, np.maximum(1.0, np.rint(level)), 0.0).astype(np.int64)

    # workplaces: sector-specific average size, larger in large provinces
    size = (
        assumed["size"].to_numpy(float)[None, :]
        * (total[:, [YEARS.index(2023)]] / total[:, YEARS.index(2023)].mean()) ** 0.08
        * np.exp(rng.normal(0.0, 0.15, (n_prov, n_div)))
    )
    size_y = size[:, :, None] * np.exp(rng.normal(0.0, 0.03, (n_prov, n_div, n_year)))
    workplaces = np.clip(np.rint(employment / size_y), 1, np.maximum(employment, 1)).astype(np.int64)
    workplaces[employment == 0] = 0

    # wages: national mean × sector × province, scaled to the national mean, floored by the minimum wage
    mean_wage = cal["national"]["avg_wage"].to_numpy(float)
    wage = (
        assumed["wage_rel"].to_numpy(float)[None, :, None]
        * relative[:, None, [YEARS.index(2023)]] ** 0.22
        * np.exp(rng.normal(0.0, 0.07, (n_prov, n_div)))[:, :, None]
        * np.exp(rng.normal(0.0, 0.02, (n_prov, n_div, n_year)))
    )
    weighted = (wage * employment).sum((0, 1)) / employment.sum((0, 1))
    wage *= (mean_wage / weighted)[None, None, :]
    floor = cal["national"]["min_wage"].to_numpy(float)[None, None, :] * (
        1.02 + 0.06 * rng.random((n_prov, n_div, n_year))
    )
    wage = np.rint(np.maximum(wage, floor))
    wage[employment == 0] = np.nan
    return {"employment": employment, "workplaces": workplaces, "avg_wage": wage, "relative": relative}


def _long(arrays: dict[str, np.ndarray], codes: Sequence[str]) -> pd.DataFrame:
    """Province × division × year arrays as a long frame sorted by plate, nace, year."""
    cal = calibration()
    n_prov, n_div, n_year = next(iter(arrays.values())).shape
    plate = np.repeat(np.arange(1, n_prov + 1), n_div * n_year)
    frame = pd.DataFrame(
        {
            "plate": plate,
            "province": np.array(cal["names"], dtype=object)[plate - 1],
            "nace": np.tile(np.repeat(np.array(codes, dtype=object), n_year), n_prov),
            "year": np.tile(np.array(YEARS), n_prov * n_div),
        }
    )
    for name, values in arrays.items():
        frame[name] = values.reshape(-1)
    return frame


@cache
def _employment(seed: int) -> pd.DataFrame:
    model = _employment_model(seed)
    return _long({k: model[k] for k in ("employment", "workplaces", "avg_wage")}, calibration()["codes"])


# ------------------------------------------------------------------------------------------------ exports


@cache
def _exports(seed: int) -> pd.DataFrame:
    cal = calibration()
    rng = _rng(seed, 2)
    model = _employment_model(seed)
    codes, assumed = cal["codes"], cal["assumed"]
    goods = np.array([nace.section_of(c) in "ABC" for c in codes])
    intensity = (assumed["export_musd"] / assumed["emp_k"]).to_numpy(float)[goods]
    employment = model["employment"][:, goods, :].astype(float)
    n_prov, n_div, n_year = employment.shape
    value = (
        employment
        * intensity[None, :, None]
        * cal["province_exports"][:, None, None]
        * cal["export_factor"][:, goods, None]
        * model["relative"][:, None, :] ** 0.3
        * np.exp(rng.normal(0.0, 0.45, (n_prov, n_div)))[:, :, None]
        * np.exp(rng.normal(0.0, 0.08, (n_prov, n_div, n_year)))
    )
    target = cal["national"]["exports_busd"].to_numpy(float) * 1e9
    value *= (target / value.sum((0, 1)))[None, None, :]
    # small flows: an exporter is present with probability 1 - exp(-value / 150 000 USD)
    present_p = 1.0 - np.exp(-value / 150_000.0)
    present = rng.random((n_prov, n_div))[:, :, None] < present_p
    value = np.where(present, value / np.maximum(present_p, 1e-12), 0.0)
    value *= (target / value.sum((0, 1)))[None, None, :]
    codes_goods = [c for c, g in zip(codes, goods, strict=True) if g]
    return _long({"exports_usd": np.rint(value)}, codes_goods)


# ------------------------------------------------------------------------------------------- province factors

_RD_HUBS = {6: 1.8, 34: 1.3, 41: 1.6, 26: 1.5, 61: 1.2, 16: 1.2, 35: 1.2, 38: 1.1, 42: 1.1, 54: 1.2}


def _province_factors(seed: int) -> pd.DataFrame:
    rng = _rng(seed, 7)
    cal = calibration()
    _, relative = _province_totals(cal)
    pop = cal["pop"]
    t = np.array(YEARS, dtype=float) - 2013.0
    pop_m = pop[:, [YEARS.index(2023)]] / 1e6
    rel = relative[:, [YEARS.index(2023)]]
    oiz = np.minimum(25.0, 1.0 + 3.0 * pop_m**0.75 * rel**0.6) * np.exp(rng.normal(0.0, 0.2, (81, 1)))
    oiz = np.maximum.accumulate(np.maximum(1, np.rint(oiz * (0.78 + 0.02 * t))), axis=1)
    capital = np.where(np.arange(1, 82) == 6, 1.5, 1.0)[:, None]
    universities = np.maximum.accumulate(
        np.maximum(1, np.rint(pop_m**1.45 * capital * (0.84 + 0.0145 * t))), axis=1
    )
    graduates = np.rint(pop * 0.0055 * (1 + 0.01 * t) * np.exp(rng.normal(0.0, 0.1, (81, 1))))
    hubs = np.array([_RD_HUBS.get(p, 1.0) for p in range(1, 82)])[:, None]
    rd = (14.5 + 1.5 * t) * relative**1.3 * hubs * np.exp(rng.normal(0.0, 0.15, (81, 1)))
    broadband = (10.5 + 1.15 * t) * relative**0.45 * np.exp(rng.normal(0.0, 0.08, (81, 1)))
    plate = np.repeat(np.arange(1, 82), len(YEARS))
    return pd.DataFrame(
        {
            "plate": plate,
            "province": np.array(cal["names"], dtype=object)[plate - 1],
            "year": np.tile(np.array(YEARS), 81),
            "oiz_count": oiz.reshape(-1).astype(np.int64),
            "universities": universities.reshape(-1).astype(np.int64),
            "vocational_graduates": graduates.reshape(-1).astype(np.int64),
            "rd_personnel_per_10k": np.round(rd.reshape(-1), 1),
            "broadband_per_100": np.round(broadband.reshape(-1), 1),
        }
    )
