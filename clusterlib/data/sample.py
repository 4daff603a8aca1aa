"""Seeded generator of the synthetic sample tables bundled in ``data/raw/sample/``.

The official tables the workbench is built for (SGK insured employment and workplaces by province and
NACE division, TİM exports by province and sector, firm interviews, …) cannot be shipped, so the
notebooks run on a **synthetic** stand-in with the same layout (the contract is the schema in
``data/raw/sample/README.md``).  The stand-in is calibrated on official figures carried in
``resources/calibration/`` (Source: TÜİK — population 2013–2024, value added by province and A10
sector 2023, chain-linked volume indices 2013–2022) and on modelling assumptions kept beside them in
small, commented tables (``assumptions_*.csv``, ``pilot_clusters.yaml``).

The model, table by table:

* ``employment`` — province totals are population × a participation level that rises with GDP per
  capita (elasticity ``_BETA``); they are split over the A10 sectors in proportion to the province's
  value added divided by the national value added per insured employee of the sector (so the sector
  structure follows TÜİK's A10 structure of the province), and each A10 sector over its divisions in
  proportion to the national division structure × the province's known specialisations × a persistent
  log-normal term.  Years move with the province's sector volume indices (elasticity ``_ELASTICITY``),
  the 2020 pandemic dip of accommodation, travel and leisure and the February 2023 earthquakes.  The
  national total follows ``assumptions_national.csv``.  Workplaces divide employment by a sector- and
  province-specific average size; wages scale the national average by sector, province and the minimum
  wage floor.
* ``exports`` — goods divisions: employment × the division's export intensity × province and
  specialisation export factors, scaled to the national goods-export total of each year.
* ``firms``, ``survey``, ``relations`` — per pilot cluster, from ``pilot_clusters.yaml``.
* ``stakeholders`` — the real institutions of ``pilot_institutions.csv`` with synthetic roles.
* ``io_table`` — a balanced section-level table: value added from TÜİK's 2023 A10 figures, outputs from
  value-added ratios, intermediate flows by biproportional (RAS) adjustment of an input-structure prior.
* ``monitoring``, ``benchmarks``, ``province_factors`` — synthetic; ``initiatives`` — real facts from
  the seed pages (``initiatives_seed.csv``).

Every random draw comes from ``numpy.random.default_rng([seed, k])`` with a fixed ``k`` per table, rows
are sorted by their keys and numbers are written with fixed decimals, so a run gives the same bytes
on every machine.  Run ``python -m clusterlib.data.sample [--out DIR] [--seed N]``.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from clusterlib import config, nace, regions

__all__ = ["SEED", "TABLES", "YEARS", "build_tables", "generate", "main", "write_table"]

#: Seed of the bundled sample (the date of the project's web pages, 26 May 2013).
SEED: int = 20130526
#: Years covered by the province × division tables.
YEARS: tuple[int, ...] = tuple(range(2013, 2025))
#: The tables, in the order of the schema.
TABLES: tuple[str, ...] = (
    "employment",
    "exports",
    "firms",
    "survey",
    "relations",
    "stakeholders",
    "io_table",
    "monitoring",
    "benchmarks",
    "initiatives",
    "province_factors",
)

_CAL = config.RESOURCES_DIR / "calibration"
_GROUPS = ("A", "BDE", "C", "F", "GHI", "J", "K", "L", "MN", "OPQ", "RSTU")
#: Short codes of the TÜİK A10 aggregates; "BDE" is industry without manufacturing (C is its own group here).
_A10_SHORT = {name: "BDE" if code == "BCDE" else code for name, code in nace.A10_SECTIONS.items()}
#: Employment elasticity to the sector's real value added (applied to the TÜİK volume indices).
_ELASTICITY = {"A": 0.3, "BDE": 0.5, "C": 0.5, "F": 0.7, "GHI": 0.6, "J": 0.5, "K": 0.4, "L": 0.3,
               "MN": 0.6, "OPQ": 0.5, "RSTU": 0.6}
#: Elasticity of the insured-employment participation level to relative GDP per capita.
_BETA = 0.9
#: Share of the pre-earthquake level kept in 2023 and 2024 (February 2023 earthquakes).
_EARTHQUAKE = {31: (0.80, 0.88), 46: (0.86, 0.93), 2: (0.85, 0.92), 44: (0.88, 0.94), 80: (0.93, 0.97),
               27: (0.96, 0.99)}
#: Pandemic factors on employment by division: {division: (2020, 2021)}.
_PANDEMIC = {"55": (0.80, 0.90), "56": (0.88, 0.95), "79": (0.70, 0.85), "93": (0.85, 0.93),
             "90": (0.90, 0.95), "51": (0.90, 0.96), "49": (0.97, 0.99)}
#: Growth of real value added in 2024 (no province figures yet): national GDP growth, rounded.
_GROWTH_2024 = 0.03


# ------------------------------------------------------------------------------------------------ inputs


def _read_cal(name: str, **kwargs: object) -> pd.DataFrame:
    return pd.read_csv(_CAL / name, comment="#", encoding="utf-8", **kwargs)


@cache
def _calibration() -> dict[str, object]:
    """The calibration tables, as arrays aligned on plates 1–81, divisions and years."""
    divs = nace.divisions()
    codes = divs["code"].tolist()
    group = np.array([_GROUPS.index(_A10_SHORT[nace.a10_of(c, split_manufacturing=True)]) for c in codes])
    assumed = _read_cal("assumptions_divisions.csv", dtype={"nace": str}).set_index("nace")
    if sorted(assumed.index) != sorted(codes):
        raise ValueError("assumptions_divisions.csv must list the 88 NACE divisions of clusterlib.nace")
    assumed = assumed.loc[codes]
    plates = np.arange(1, 82)
    pop = _read_cal("tuik_population_2013_2024.csv").set_index("plate").loc[plates]
    gva = _read_cal("tuik_gva_a10_2023.csv").set_index("plate").loc[plates]
    vol = _read_cal("tuik_gva_volume_index_2013_2022.csv")
    index = np.full((81, len(_GROUPS) + 1, len(YEARS)), 100.0)  # last sector slot: GDP
    sectors = [*_GROUPS, "GDP"]
    for row in vol.itertuples(index=False):
        s = sectors.index(row.sector)
        index[row.plate - 1, s, :10] = [getattr(row, f"idx_{y}") for y in range(2013, 2023)]
    index[:, :, YEARS.index(2024)] = 100.0 * (1 + _GROWTH_2024)
    national = _read_cal("assumptions_national.csv").set_index("year").loc[list(YEARS)]
    spec = _read_cal("assumptions_specialisations.csv", dtype={"nace": str})
    factor = np.tile(assumed["default_factor"].to_numpy(float), (81, 1))
    trend = np.zeros((81, len(codes)))
    export_factor = np.ones((81, len(codes)))
    listed = np.zeros((81, len(codes)), dtype=bool)
    for row in spec.itertuples(index=False):
        d = codes.index(row.nace)
        listed[row.plate - 1, d] = True
        factor[row.plate - 1, d] = row.factor
        trend[row.plate - 1, d] = row.trend
        export_factor[row.plate - 1, d] = row.export_factor
    province_exports = np.ones(81)
    for row in _read_cal("assumptions_provinces.csv").itertuples(index=False):
        province_exports[row.plate - 1] = row.export_factor
    table = regions.provinces().set_index("plate").loc[plates]
    return {
        "codes": codes,
        "group": group,
        "assumed": assumed,
        "names": table["name"].tolist(),
        "pop": pop[[f"pop_{y}" for y in YEARS]].to_numpy(float),
        "gva": gva[list(_GROUPS)].to_numpy(float),
        "gdp": gva["GDP"].to_numpy(float),
        "index": index,
        "national": national,
        "factor": factor,
        "listed": listed,
        "trend": trend,
        "export_factor": export_factor,
        "province_exports": province_exports,
    }


def _pilot_config() -> dict[str, object]:
    with open(_CAL / "pilot_clusters.yaml", encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    pilots = nace.clusters()
    pilots = pilots[pilots["pilot"]]
    ids = pilots["id"].tolist()
    if sorted(ids) != sorted(document["clusters"]):
        raise ValueError(
            f"pilot_clusters.yaml must configure the pilot clusters {sorted(ids)}, "
            f"got {sorted(document['clusters'])}"
        )
    document["pilots"] = {
        row.id: {"province": regions.province(row.provinces[0]), "main_division": row.main_division,
                 "name_en": row.name_en, "name_tr": row.name_tr}
        for row in pilots.itertuples(index=False)
    }
    return document


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([seed, stream])


# ------------------------------------------------------------------------------------------------ employment


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
    cal = _calibration()
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
    log_w = (np.log(emp_k / group_emp[group])[None, :, None] + np.log(cal["factor"])[:, :, None]
             + eta[:, :, None] + slope[:, :, None] * t[None, None, :] + walk)
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
    size = (assumed["size"].to_numpy(float)[None, :]
            * (total[:, [YEARS.index(2023)]] / total[:, YEARS.index(2023)].mean()) ** 0.08
            * np.exp(rng.normal(0.0, 0.15, (n_prov, n_div))))
    size_y = size[:, :, None] * np.exp(rng.normal(0.0, 0.03, (n_prov, n_div, n_year)))
    workplaces = np.clip(np.rint(employment / size_y), 1, np.maximum(employment, 1)).astype(np.int64)
    workplaces[employment == 0] = 0

    # wages: national mean × sector × province, scaled to the national mean, floored by the minimum wage
    mean_wage = cal["national"]["avg_wage"].to_numpy(float)
    wage = (assumed["wage_rel"].to_numpy(float)[None, :, None]
            * relative[:, None, [YEARS.index(2023)]] ** 0.22
            * np.exp(rng.normal(0.0, 0.07, (n_prov, n_div)))[:, :, None]
            * np.exp(rng.normal(0.0, 0.02, (n_prov, n_div, n_year))))
    weighted = (wage * employment).sum((0, 1)) / employment.sum((0, 1))
    wage *= (mean_wage / weighted)[None, None, :]
    floor = cal["national"]["min_wage"].to_numpy(float)[None, None, :] * (
        1.02 + 0.06 * rng.random((n_prov, n_div, n_year)))
    wage = np.rint(np.maximum(wage, floor))
    wage[employment == 0] = np.nan
    return {"employment": employment, "workplaces": workplaces, "avg_wage": wage, "relative": relative}


def _long(arrays: dict[str, np.ndarray], codes: Sequence[str]) -> pd.DataFrame:
    """Province × division × year arrays as a long frame sorted by plate, nace, year."""
    cal = _calibration()
    n_prov, n_div, n_year = next(iter(arrays.values())).shape
    plate = np.repeat(np.arange(1, n_prov + 1), n_div * n_year)
    frame = pd.DataFrame({
        "plate": plate,
        "province": np.array(cal["names"], dtype=object)[plate - 1],
        "nace": np.tile(np.repeat(np.array(codes, dtype=object), n_year), n_prov),
        "year": np.tile(np.array(YEARS), n_prov * n_div),
    })
    for name, values in arrays.items():
        frame[name] = values.reshape(-1)
    return frame


@cache
def _employment(seed: int) -> pd.DataFrame:
    model = _employment_model(seed)
    return _long({k: model[k] for k in ("employment", "workplaces", "avg_wage")}, _calibration()["codes"])


# ------------------------------------------------------------------------------------------------ exports


@cache
def _exports(seed: int) -> pd.DataFrame:
    cal = _calibration()
    rng = _rng(seed, 2)
    model = _employment_model(seed)
    codes, assumed = cal["codes"], cal["assumed"]
    goods = np.array([nace.section_of(c) in "ABC" for c in codes])
    intensity = (assumed["export_musd"] / assumed["emp_k"]).to_numpy(float)[goods]
    employment = model["employment"][:, goods, :].astype(float)
    n_prov, n_div, n_year = employment.shape
    value = (employment * intensity[None, :, None]
             * cal["province_exports"][:, None, None] * cal["export_factor"][:, goods, None]
             * model["relative"][:, None, :] ** 0.3
             * np.exp(rng.normal(0.0, 0.45, (n_prov, n_div)))[:, :, None]
             * np.exp(rng.normal(0.0, 0.08, (n_prov, n_div, n_year))))
    target = cal["national"]["exports_busd"].to_numpy(float) * 1e9
    value *= (target / value.sum((0, 1)))[None, None, :]
    # small flows: an exporter is present with probability 1 - exp(-value / 150 000 USD)
    present_p = 1.0 - np.exp(-value / 150_000.0)
    present = rng.random((n_prov, n_div))[:, :, None] < present_p
    value = np.where(present, value / np.maximum(present_p, 1e-12), 0.0)
    value *= (target / value.sum((0, 1)))[None, None, :]
    codes_goods = [c for c, g in zip(codes, goods, strict=True) if g]
    return _long({"exports_usd": np.rint(value)}, codes_goods)


# ------------------------------------------------------------------------------------------------ firms

_STAGE_SIZE = {"manufacturing": 0.35, "inputs": 0.0, "services": -0.6, "distribution": -0.4}
_STAGE_EXPORT = {"manufacturing": 1.0, "inputs": 0.35, "services": 0.1, "distribution": 1.3}
_EXPORTER_P = {"micro": 0.25, "small": 0.55, "medium": 0.85, "large": 0.95}
_JOINT_STOCK_P = {"micro": 0.1, "small": 0.3, "medium": 0.75, "large": 0.95}


def _size_class(employees: int) -> str:
    if employees < 10:
        return "micro"
    if employees < 50:
        return "small"
    return "medium" if employees < 250 else "large"


def _firm_name(rng: np.random.Generator, roots: Sequence[str], words: Sequence[str], stage: str,
               joint_stock: bool, taken: set[str]) -> str:
    legal = "A.Ş." if joint_stock else "Ltd. Şti."
    for _ in range(200):
        word = words[int(rng.integers(len(words)))]
        root = roots[int(rng.integers(len(roots)))]
        if "Ticaret" in word or "Pazarlama" in word:
            name = f"{root} {word} {legal}"
        elif stage == "services":
            name = f"{root} {word} Hiz. {legal}"
        else:
            name = f"{root} {word} San. ve Tic. {legal}"
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("could not draw a unique firm name; add name roots to pilot_clusters.yaml")


def _firms_of(seed: int, k: int, cluster_id: str, settings: dict, document: dict) -> pd.DataFrame:
    rng = _rng(seed, 100 + k)
    info = document["pilots"][cluster_id]
    n = int(settings["firms"])
    classes = settings["classes"]
    weights = np.array([c[2] for c in classes], dtype=float)
    which = rng.choice(len(classes), size=n, p=weights / weights.sum())
    stage = [classes[i][1] for i in which]
    log_size = rng.normal(float(settings["size_mu"]), 1.0, n) + np.array([_STAGE_SIZE[s] for s in stage])
    manufacturing = np.flatnonzero(np.array(stage) == "manufacturing")
    hubs = manufacturing[np.argsort(-log_size[manufacturing], kind="stable")[: max(3, n // 20)]]
    log_size[hubs] += 1.1
    employees = np.clip(np.rint(np.exp(log_size)), 1, 1200).astype(int)
    size = [_size_class(e) for e in employees]
    age = rng.gamma(2.0, 7.0, n) + 4.0 * np.maximum(0.0, np.log(employees) - 2.5)
    founded = np.clip(2024 - np.rint(age), 1950, 2024).astype(int)
    districts = list(settings["districts"])
    p_district = np.array([settings["districts"][d] for d in districts], dtype=float)
    district = [districts[i] for i in rng.choice(len(districts), size=n, p=p_district / p_district.sum())]
    roots = list(document["name_roots"]) + 3 * list(document["local_roots"][cluster_id])
    taken: set[str] = set()
    names, shares = [], []
    for i in range(n):
        joint_stock = bool(rng.random() < _JOINT_STOCK_P[size[i]])
        names.append(_firm_name(rng, roots, classes[which[i]][3], stage[i], joint_stock, taken))
        scale = 0.5 + 0.15 * math.log(employees[i])
        mean = float(settings["export_level"]) * _STAGE_EXPORT[stage[i]] * scale
        mean = min(max(mean, 0.02), 0.85)
        exporter = rng.random() < _EXPORTER_P[size[i]]
        share = rng.beta(2.0, 2.0 * (1.0 - mean) / mean) if exporter else 0.0
        shares.append(round(float(min(share, 0.98)), 2))
    province = info["province"]
    return pd.DataFrame({
        "cluster": cluster_id,
        "firm_id": [f"{settings['prefix']}-{i + 1:03d}" for i in range(n)],
        "name": names,
        "plate": province.plate,
        "province": province.name,
        "district": district,
        "nace": [classes[i][0][:2] for i in which],
        "nace_class": [classes[i][0] for i in which],
        "size_class": size,
        "employees": employees,
        "founded": founded,
        "stage": stage,
        "export_share": shares,
        "_hub": np.isin(np.arange(n), hubs),
    })


@cache
def _all_firms(seed: int) -> pd.DataFrame:
    document = _pilot_config()
    frames = [_firms_of(seed, k, cid, document["clusters"][cid], document)
              for k, cid in enumerate(sorted(document["clusters"]))]
    return pd.concat(frames, ignore_index=True)


def _firms(seed: int) -> pd.DataFrame:
    return _all_firms(seed).drop(columns="_hub").sort_values(["cluster", "firm_id"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ survey

_QUESTIONS = ("training", "procurement", "exports", "rnd", "finance", "infrastructure", "cooperation")
_SURVEY_WAVES = (2013, 2019)
#: Change of the mean need between the 2013 and the 2019 wave (the project's training and networking).
_WAVE_SHIFT = {"training": -0.3, "procurement": -0.1, "exports": 0.1, "rnd": 0.1, "finance": 0.2,
               "infrastructure": 0.0, "cooperation": -0.4}
_MISSING_P = {"training": 0.05, "procurement": 0.06, "exports": 0.05, "rnd": 0.08, "finance": 0.12,
              "infrastructure": 0.06, "cooperation": 0.07}


@cache
def _survey(seed: int) -> pd.DataFrame:
    document = _pilot_config()
    firms = _all_firms(seed)
    frames = []
    for k, cid in enumerate(sorted(document["clusters"])):
        rng = _rng(seed, 200 + k)
        register = firms[firms["cluster"] == cid].reset_index(drop=True)
        needs = document["clusters"][cid]["needs"]
        n = len(register)
        log_e = np.log(register["employees"].to_numpy(float)) - 2.5
        firm_effect = rng.normal(0.0, 0.4, n)
        question_effect = rng.normal(0.0, 0.35, (n, len(_QUESTIONS)))
        for wave in _SURVEY_WAVES:
            responds = rng.random(n) < (0.85 if wave == 2013 else 0.9)
            answered = (register["founded"].to_numpy() < wave) & responds
            frame = pd.DataFrame({"cluster": cid, "firm_id": register["firm_id"], "year": wave})
            for q, question in enumerate(_QUESTIONS):
                latent = float(needs[question]) + firm_effect + question_effect[:, q]
                latent = latent + rng.normal(0.0, 0.6, n)
                if wave == 2019:
                    latent += _WAVE_SHIFT[question]
                if question == "finance":
                    latent -= 0.3 * log_e
                elif question in ("exports", "rnd"):
                    latent += 0.15 * log_e
                value = np.clip(np.rint(latent), 1, 5)
                value[rng.random(n) < _MISSING_P[question]] = np.nan
                frame[question] = value
            frames.append(frame[answered])
    survey = pd.concat(frames, ignore_index=True)
    return survey.sort_values(["cluster", "firm_id", "year"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ relations

_RELATIONS = ("supplier", "customer", "cooperation")
_RELATION_P = {
    "manufacturing": (0.5, 0.25, 0.25),
    "inputs": (0.25, 0.65, 0.10),
    "services": (0.10, 0.70, 0.20),
    "distribution": (0.75, 0.15, 0.10),
}
_EXTERNAL_P = {"supplier": 0.40, "customer": 0.50, "cooperation": 0.10}
#: Stages of register firms that can be the target of a relation named by a firm of a stage.
_TARGET_STAGES = {
    ("manufacturing", "supplier"): ("inputs", "services", "manufacturing"),
    ("manufacturing", "customer"): ("distribution", "manufacturing"),
    ("manufacturing", "cooperation"): ("manufacturing", "services"),
    ("inputs", "supplier"): ("inputs",),
    ("inputs", "customer"): ("manufacturing",),
    ("inputs", "cooperation"): ("inputs", "services"),
    ("services", "supplier"): ("inputs",),
    ("services", "customer"): ("manufacturing", "distribution"),
    ("services", "cooperation"): ("services", "manufacturing"),
    ("distribution", "supplier"): ("manufacturing",),
    ("distribution", "customer"): (),
    ("distribution", "cooperation"): ("distribution",),
}


def _externals(rng: np.random.Generator, settings: dict, document: dict) -> list[dict[str, str]]:
    taken: set[str] = set()
    partners = []
    for j, (words, province_name, role) in enumerate(settings["externals"]):
        name = _firm_name(rng, document["name_roots"], [words], "inputs", bool(rng.random() < 0.6), taken)
        partners.append({"id": f"EXT-{settings['prefix']}-{j + 1:03d}", "name": name,
                         "province": regions.province(province_name).name, "role": role})
    return partners


def _relations(seed: int) -> pd.DataFrame:
    document = _pilot_config()
    firms = _all_firms(seed)
    survey = _survey(seed)
    rows = []
    for k, cid in enumerate(sorted(document["clusters"])):
        rng = _rng(seed, 300 + k)
        settings = document["clusters"][cid]
        home = document["pilots"][cid]["province"].name
        register = firms[firms["cluster"] == cid].reset_index(drop=True)
        n = len(register)
        ids = register["firm_id"].to_numpy()
        stage = register["stage"].to_numpy()
        hub = register["_hub"].to_numpy()
        fitness = np.log(register["employees"].to_numpy(float) + 1.0) + 3.0 * hub
        community = (rng.random(n) < 0.4).astype(int)
        brokers = rng.choice(np.flatnonzero(~hub), size=3, replace=False)
        wave = survey[(survey["cluster"] == cid) & (survey["year"] == 2019)]
        interviewed = np.isin(ids, wave["firm_id"])
        quiet = np.flatnonzero(~interviewed)
        n_isolates = min(len(quiet), max(3, len(quiet) // 3))
        isolates = set(rng.choice(quiet, size=n_isolates, replace=False).tolist())
        externals = _externals(rng, settings, document)
        rank = fitness.argsort(kind="stable").argsort(kind="stable") / max(n - 1, 1)
        for i in np.flatnonzero(interviewed):
            wanted = 8 if hub[i] else int(np.clip(2 + rng.poisson(0.5 + 3.0 * rank[i]), 2, 8))
            chosen: dict[str, tuple[str, bool]] = {}
            for _ in range(60):
                if len(chosen) == wanted:
                    break
                relation = _RELATIONS[int(rng.choice(3, p=_RELATION_P[stage[i]]))]
                candidates = np.array([
                    j for j in range(n)
                    if j != i and j not in isolates and ids[j] not in chosen
                    and stage[j] in _TARGET_STAGES[(stage[i], relation)]
                ], dtype=int)
                if rng.random() >= _EXTERNAL_P[relation] and candidates.size:
                    bridge = community[candidates] == community[i]
                    bridge |= np.isin(candidates, brokers) | (i in brokers)
                    weight = np.exp(fitness[candidates]) * np.where(bridge, 1.0, 0.08)
                    target = ids[candidates[int(rng.choice(candidates.size, p=weight / weight.sum()))]]
                    chosen[target] = (relation, False)
                else:
                    pool = [e for e in externals if relation == "cooperation" or e["role"] == relation]
                    pool = [e for e in pool if e["id"] not in chosen]
                    if pool:
                        chosen[pool[int(rng.integers(len(pool)))]["id"]] = (relation, True)
            by_id = {e["id"]: e for e in externals}
            for target, (relation, external) in chosen.items():
                strong = 0.8 * float(hub[np.flatnonzero(ids == target)[0]]) if not external else 0.0
                mean = 3.0 + strong + 0.3 * (relation != "cooperation")
                importance = int(np.clip(np.rint(rng.normal(mean, 0.9)), 1, 5))
                partner = by_id.get(target)
                rows.append({
                    "cluster": cid,
                    "source": ids[i],
                    "target": target,
                    "target_name": partner["name"] if partner else "",
                    "relation": relation,
                    "importance": importance,
                    "local": (partner["province"] == home) if partner else True,
                    "target_province": partner["province"] if partner else "",
                })
    return pd.DataFrame(rows).sort_values(["cluster", "source", "target"], ignore_index=True)


# ------------------------------------------------------------------------------------------- stakeholders

#: Synthetic roles by institution type: (role_en, role_tr, responsibilities_en, responsibilities_tr).
_ROLES = {
    "host": ("Host of the Cluster Info Spot", "Kümelenme Bilgi Merkezi ev sahibi",
             "Provides the info spot's office and staff; convenes the cluster firms; "
             "links them to member services",
             "Bilgi merkezinin ofis ve personelini sağlar; küme firmalarını bir araya getirir; "
             "üye hizmetlerine bağlar"),
    "chamber": ("Business representation", "İş dünyası temsili",
                "Represents member firms; trade registry and certificates; sector committees and training",
                "Üye firmaları temsil eder; ticaret sicili ve belgeler; meslek komiteleri ve eğitimler"),
    "development_agency": ("Regional funding and planning", "Bölgesel finansman ve planlama",
                           "Calls for proposals and technical support; feasibility studies; "
                           "regional plan priorities",
                           "Proje teklif çağrıları ve teknik destek; fizibilite çalışmaları; "
                           "bölge planı öncelikleri"),
    "university": ("Research and skills partner", "Araştırma ve beceri ortağı",
                   "Joint R&D projects; testing laboratories; graduates and internships; technology transfer",
                   "Ortak Ar-Ge projeleri; test laboratuvarları; mezunlar ve stajlar; teknoloji transferi"),
    "oiz": ("Industrial infrastructure", "Sanayi altyapısı",
            "Industrial plots, energy and shared facilities; common-use workshops; on-site training",
            "Sanayi parselleri, enerji ve ortak tesisler; ortak kullanım atölyeleri; yerinde eğitim"),
    "kosgeb": ("SME support", "KOBİ desteği",
               "Grants and loans for SMEs; cooperation and collaboration support; entrepreneurship training",
               "KOBİ'lere hibe ve krediler; işbirliği-güçbirliği desteği; girişimcilik eğitimleri"),
    "public": ("Public coordination", "Kamu koordinasyonu",
               "Provincial coordination of industry policy; industrial registry; investment incentives",
               "Sanayi politikasının il düzeyinde koordinasyonu; sanayi sicili; yatırım teşvikleri"),
    "municipality": ("Local services", "Yerel hizmetler",
                     "Urban infrastructure and transport; vocational courses; city promotion at fairs",
                     "Kentsel altyapı ve ulaşım; meslek edindirme kursları; fuarlarda kent tanıtımı"),
    "exporters_association": ("Export promotion", "İhracatı geliştirme",
                              "Trade fairs and buyer missions; market intelligence; "
                              "export-cluster (UR-GE) projects",
                              "Fuarlar ve alım heyetleri; pazar bilgisi; ihracat kümesi (UR-GE) projeleri"),
    "cluster_association": ("Cluster organisation", "Küme organizasyonu",
                            "Cluster management; joint procurement and marketing; member services",
                            "Küme yönetimi; ortak satın alma ve pazarlama; üye hizmetleri"),
    "ngo": ("Business association", "İş insanları derneği",
            "Networking events; business delegations; advocacy for members",
            "Ağ kurma etkinlikleri; iş heyetleri; üyeler adına savunuculuk"),
}


def _stakeholders(seed: int) -> pd.DataFrame:
    del seed  # no random element: names are real, roles follow the institution type
    table = _read_cal("pilot_institutions.csv", dtype={"clusters": str}, keep_default_na=False)
    rows = []
    for row in table.itertuples(index=False):
        key = "host" if str(row.host).lower() == "true" else row.type
        if row.type == "public" and "Belediye" in row.name:
            key = "municipality"
        role_en, role_tr, resp_en, resp_tr = _ROLES[key]
        rows.append({
            "plate": int(row.plate),
            "province": regions.province(int(row.plate)).name,
            "name": row.name,
            "type": row.type,
            "role_en": role_en,
            "role_tr": role_tr,
            "responsibilities_en": resp_en,
            "responsibilities_tr": resp_tr,
            "district": row.district,
            "lat": float(row.lat),
            "lon": float(row.lon),
            "clusters": row.clusters,
        })
    return pd.DataFrame(rows).sort_values(["plate", "name"], ignore_index=True)


# ------------------------------------------------------------------------------------------- input-output

_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRS")
#: Split of TÜİK's A10 value added over sections (T and U folded into S).
_SECTION_SPLIT = {"A": {"A": 1.0}, "BDE": {"B": 0.33, "D": 0.52, "E": 0.15}, "C": {"C": 1.0}, "F": {"F": 1.0},
                  "GHI": {"G": 0.52, "H": 0.36, "I": 0.12}, "J": {"J": 1.0}, "K": {"K": 1.0}, "L": {"L": 1.0},
                  "MN": {"M": 0.55, "N": 0.45}, "OPQ": {"O": 0.45, "P": 0.32, "Q": 0.23},
                  "RSTU": {"R": 0.25, "S": 0.75}}
#: Value added / output, and intermediate use / output, by section (in the spirit of TÜİK's 2012 IO table).
_VA_RATIO = dict(zip(_SECTIONS, (0.58, 0.45, 0.24, 0.30, 0.40, 0.35, 0.60, 0.42, 0.45, 0.50, 0.62, 0.85,
                                 0.55, 0.55, 0.60, 0.78, 0.55, 0.50, 0.58), strict=True))
_USE_RATIO = dict(zip(_SECTIONS, (0.55, 0.95, 0.50, 0.65, 0.70, 0.12, 0.35, 0.55, 0.20, 0.45, 0.60, 0.25,
                                  0.75, 0.80, 0.02, 0.05, 0.05, 0.20, 0.25), strict=True))
#: Input structure prior: column (buyer) -> {supplying section: share of its intermediate inputs}.
_INPUTS = {
    "A": {"A": 0.30, "C": 0.40, "B": 0.02, "D": 0.05, "G": 0.10, "H": 0.06, "K": 0.04, "M": 0.02, "N": 0.01},
    "B": {"B": 0.15, "C": 0.30, "D": 0.15, "F": 0.05, "G": 0.08, "H": 0.12, "K": 0.05, "M": 0.05, "N": 0.05},
    "C": {"A": 0.12, "B": 0.06, "C": 0.55, "D": 0.06, "E": 0.01, "G": 0.07, "H": 0.05, "J": 0.01, "K": 0.02,
          "L": 0.01, "M": 0.02, "N": 0.02},
    "D": {"B": 0.35, "C": 0.15, "D": 0.30, "F": 0.03, "G": 0.04, "H": 0.05, "K": 0.05, "M": 0.02, "N": 0.01},
    "E": {"C": 0.25, "D": 0.20, "E": 0.10, "F": 0.10, "G": 0.08, "H": 0.12, "K": 0.04, "M": 0.06, "N": 0.05},
    "F": {"B": 0.08, "C": 0.50, "F": 0.12, "G": 0.10, "H": 0.06, "K": 0.04, "L": 0.02, "M": 0.05, "N": 0.03},
    "G": {"C": 0.15, "D": 0.05, "G": 0.12, "H": 0.20, "J": 0.06, "K": 0.10, "L": 0.15, "M": 0.08, "N": 0.09},
    "H": {"C": 0.35, "D": 0.04, "G": 0.10, "H": 0.25, "J": 0.03, "K": 0.08, "L": 0.05, "M": 0.04, "N": 0.06},
    "I": {"A": 0.15, "C": 0.40, "D": 0.06, "G": 0.10, "H": 0.04, "K": 0.04, "L": 0.12, "N": 0.06, "S": 0.03},
    "J": {"C": 0.10, "D": 0.03, "G": 0.05, "H": 0.04, "J": 0.35, "K": 0.08, "L": 0.08, "M": 0.17, "N": 0.10},
    "K": {"C": 0.03, "G": 0.03, "H": 0.02, "J": 0.15, "K": 0.40, "L": 0.10, "M": 0.15, "N": 0.12},
    "L": {"C": 0.10, "D": 0.05, "F": 0.35, "G": 0.05, "K": 0.30, "L": 0.05, "M": 0.05, "N": 0.05},
    "M": {"C": 0.08, "D": 0.03, "G": 0.05, "H": 0.08, "J": 0.15, "K": 0.08, "L": 0.15, "M": 0.25, "N": 0.13},
    "N": {"C": 0.12, "D": 0.03, "G": 0.07, "H": 0.15, "J": 0.08, "K": 0.08, "L": 0.12, "M": 0.15, "N": 0.20},
    "O": {"C": 0.25, "D": 0.06, "F": 0.10, "G": 0.06, "H": 0.08, "J": 0.08, "K": 0.05, "L": 0.07, "M": 0.10,
          "N": 0.15},
    "P": {"C": 0.20, "D": 0.08, "G": 0.10, "H": 0.05, "I": 0.10, "J": 0.08, "K": 0.04, "L": 0.15, "M": 0.05,
          "N": 0.15},
    "Q": {"C": 0.45, "D": 0.05, "G": 0.10, "H": 0.04, "I": 0.05, "J": 0.04, "K": 0.04, "L": 0.08, "M": 0.08,
          "N": 0.07},
    "R": {"C": 0.10, "D": 0.05, "G": 0.08, "H": 0.05, "I": 0.05, "J": 0.20, "K": 0.07, "L": 0.12, "M": 0.12,
          "N": 0.10, "R": 0.06},
    "S": {"C": 0.25, "D": 0.05, "G": 0.15, "H": 0.05, "J": 0.05, "K": 0.07, "L": 0.15, "M": 0.08, "N": 0.10,
          "S": 0.05},
}


def _ras(prior: np.ndarray, rows: np.ndarray, columns: np.ndarray, *, iterations: int = 500) -> np.ndarray:
    """Biproportional (RAS) scaling of ``prior`` to the given row and column totals."""
    flows = prior * (columns / prior.sum(0))[None, :]
    for _ in range(iterations):
        flows *= (rows / flows.sum(1))[:, None]
        flows *= (columns / flows.sum(0))[None, :]
    return flows


def _io_table(seed: int) -> pd.DataFrame:
    rng = _rng(seed, 6)
    gva = _calibration()["gva"].sum(0)  # national value added 2023 by A10 sector, million TRY
    value_added = np.zeros(len(_SECTIONS))
    for g, split in _SECTION_SPLIT.items():
        for section, share in split.items():
            value_added[_SECTIONS.index(section)] += gva[_GROUPS.index(g)] * share
    output = value_added / np.array([_VA_RATIO[s] for s in _SECTIONS])
    inputs = output - value_added
    use = np.array([_USE_RATIO[s] for s in _SECTIONS]) * output
    for _ in range(50):  # intermediate sales = total intermediate inputs, at most 97 % of output
        use *= inputs.sum() / use.sum()
        use = np.minimum(use, 0.97 * output)
    prior = np.full((len(_SECTIONS), len(_SECTIONS)), 0.003)
    for j, buyer in enumerate(_SECTIONS):
        for supplier, share in _INPUTS[buyer].items():
            prior[_SECTIONS.index(supplier), j] += share
    prior *= np.exp(rng.normal(0.0, 0.1, prior.shape))
    flows = np.rint(_ras(prior, use, inputs)).astype(np.int64)
    output = np.rint(output).astype(np.int64)
    rows = []
    for i, supplier in enumerate(_SECTIONS):
        for j, buyer in enumerate(_SECTIONS):
            rows.append((supplier, buyer, int(flows[i, j])))
        rows.append((supplier, "FD", int(output[i] - flows[i].sum())))
        rows.append(("VA", supplier, int(output[i] - flows[:, i].sum())))
    return pd.DataFrame(rows, columns=["from", "to", "value"]).sort_values(["from", "to"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ monitoring

_REGIME_PROGRESS = {"on": (0.95, 1.15), "lagging": (0.55, 0.80), "off": (-0.30, 0.35)}
_MONITORING_YEARS = tuple(range(2019, 2027))


def _round_unit(value: float, unit: str) -> float:
    return round(value, 1) if unit in ("million USD", "percent") else float(round(value))


@cache
def _monitoring(seed: int) -> pd.DataFrame:
    document = _pilot_config()
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
            .set_index("year")["employment"].astype(float),
            "exports_musd": exports[(exports["plate"] == plate) & (exports["nace"] == main)]
            .set_index("year")["exports_usd"] / 1e6,
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
                rows.append({
                    "cluster": cid, "indicator": indicator, "name_en": name_en, "name_tr": name_tr,
                    "unit": unit, "direction": direction, "year": year, "baseline": base,
                    "target": target, "actual": actual,
                })
    return pd.DataFrame(rows).sort_values(["cluster", "indicator", "year"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ benchmarks

_LEADING = {"corum_food_machinery": ("IT", "Italy"), "gaziantep_footwear": ("PT", "Portugal"),
            "kahramanmaras_metal_kitchenware": ("DE", "Germany"), "samsun_medical": ("IE", "Ireland"),
            "trabzon_shipbuilding": ("NO", "Norway")}
#: The six areas of European cluster-management benchmarking (ESCA) and their typical label medians.
_AREAS = ("structure", "governance", "financing", "services", "interaction", "achievements")
_LABELS = {"gold": (78.0, 92.0), "silver": (64.0, 78.0), "bronze": (50.0, 64.0)}


def _benchmarks(seed: int) -> pd.DataFrame:
    rng = _rng(seed, 8)
    document = _pilot_config()
    monitoring = _monitoring(seed)
    note = "synthetic reference value for benchmarking practice, not an observed statistic"
    rows = []
    for cid in sorted(document["clusters"]):
        sector = document["pilots"][cid]["name_en"].lower()
        code, country = _LEADING[cid]
        references = (  # name, country, multiple of the pilot's 2026 target, management score range
            (f"EU {sector} cluster median (ESCA gold-label peers)", "EU", (1.3, 2.0), (74.0, 86.0)),
            (f"EU {sector} cluster median (all ESCA-labelled)", "EU", (0.9, 1.3), (58.0, 72.0)),
            (f"Leading {sector} cluster, {country} (reference)", code, (2.0, 4.0), (82.0, 94.0)),
        )
        final = monitoring[(monitoring["cluster"] == cid) & (monitoring["year"] == 2026)]
        for row in final.itertuples(index=False):
            for reference, where, (low, high), score in references:
                factor = rng.uniform(low, high)
                value = row.target * (factor if row.direction == "increase" else 1.0 / factor)
                if row.indicator == "cluster_management_score":  # a 0-100 score: a range, not a multiple
                    value = rng.uniform(*score)
                rows.append({"indicator": row.indicator, "reference": reference, "country": where,
                             "sector": sector, "year": 2022, "value": _round_unit(value, row.unit),
                             "unit": row.unit, "note": note})
        for area in _AREAS:  # the pilot's own self-assessment, for radar charts against the label medians
            weak = area in ("financing", "achievements")
            value = rng.uniform(25.0, 45.0) if weak else rng.uniform(35.0, 65.0)
            rows.append({"indicator": f"cm_{area}", "reference": cid, "country": "TR", "sector": sector,
                         "year": 2024, "value": float(round(value)), "unit": "score 0-100",
                         "note": "synthetic self-assessment of the pilot cluster's management"})
    for label, (low, high) in _LABELS.items():
        for area in _AREAS:
            value = float(round(rng.uniform(low, high)))
            rows.append({"indicator": f"cm_{area}", "reference": f"ESCA {label} label median",
                         "country": "EU", "sector": "all sectors", "year": 2022, "value": value,
                         "unit": "score 0-100", "note": note})
    return pd.DataFrame(rows).sort_values(["indicator", "reference", "year"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ initiatives


def _initiatives(seed: int) -> pd.DataFrame:
    del seed  # real facts, no random element
    table = _read_cal("initiatives_seed.csv", dtype=str, keep_default_na=False)
    rows = []
    for row in table.itertuples(index=False):
        plate = int(row.plate) if row.plate else None
        divisions = ";".join(nace.cluster(row.cluster).divisions) if row.cluster else ""
        rows.append({
            "id": row.id, "name_en": row.name_en, "name_tr": row.name_tr,
            "plate": plate, "province": regions.province(plate).name if plate else "",
            "sector": row.sector, "nace_divisions": divisions,
            "year": int(row.year) if row.year else None, "lead_organisation": row.lead_organisation,
            "members": int(row.members) if row.members else None, "notes": row.notes,
        })
    frame = pd.DataFrame(rows)
    for column in ("plate", "year", "members"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values("id", ignore_index=True)


# ------------------------------------------------------------------------------------------- province factors

_RD_HUBS = {6: 1.8, 34: 1.3, 41: 1.6, 26: 1.5, 61: 1.2, 16: 1.2, 35: 1.2, 38: 1.1, 42: 1.1, 54: 1.2}


def _province_factors(seed: int) -> pd.DataFrame:
    rng = _rng(seed, 7)
    cal = _calibration()
    _, relative = _province_totals(cal)
    pop = cal["pop"]
    t = np.array(YEARS, dtype=float) - 2013.0
    pop_m = pop[:, [YEARS.index(2023)]] / 1e6
    rel = relative[:, [YEARS.index(2023)]]
    oiz = np.minimum(25.0, 1.0 + 3.0 * pop_m**0.75 * rel**0.6) * np.exp(rng.normal(0.0, 0.2, (81, 1)))
    oiz = np.maximum.accumulate(np.maximum(1, np.rint(oiz * (0.78 + 0.02 * t))), axis=1)
    capital = np.where(np.arange(1, 82) == 6, 1.5, 1.0)[:, None]
    universities = np.maximum.accumulate(
        np.maximum(1, np.rint(pop_m**1.45 * capital * (0.84 + 0.0145 * t))), axis=1)
    graduates = np.rint(pop * 0.0055 * (1 + 0.01 * t) * np.exp(rng.normal(0.0, 0.1, (81, 1))))
    hubs = np.array([_RD_HUBS.get(p, 1.0) for p in range(1, 82)])[:, None]
    rd = (14.5 + 1.5 * t) * relative**1.3 * hubs * np.exp(rng.normal(0.0, 0.15, (81, 1)))
    broadband = (10.5 + 1.15 * t) * relative**0.45 * np.exp(rng.normal(0.0, 0.08, (81, 1)))
    plate = np.repeat(np.arange(1, 82), len(YEARS))
    return pd.DataFrame({
        "plate": plate,
        "province": np.array(cal["names"], dtype=object)[plate - 1],
        "year": np.tile(np.array(YEARS), 81),
        "oiz_count": oiz.reshape(-1).astype(np.int64),
        "universities": universities.reshape(-1).astype(np.int64),
        "vocational_graduates": graduates.reshape(-1).astype(np.int64),
        "rd_personnel_per_10k": np.round(rd.reshape(-1), 1),
        "broadband_per_100": np.round(broadband.reshape(-1), 1),
    })


# ------------------------------------------------------------------------------------------------ writing

#: Fixed decimals of float columns; other float columns are written in their shortest exact form.
_DECIMALS = {
    "employment": {"avg_wage": 0},
    "exports": {"exports_usd": 0},
    "firms": {"export_share": 2},
    "survey": dict.fromkeys(_QUESTIONS, 0),
    "stakeholders": {"lat": 4, "lon": 4},  # 3 decimals would read like a thousands separator
    "province_factors": {"rd_personnel_per_10k": 1, "broadband_per_100": 1},
}
_BUILDERS = {
    "employment": "_employment",
    "exports": "_exports",
    "firms": "_firms",
    "survey": "_survey",
    "relations": "_relations",
    "stakeholders": "_stakeholders",
    "io_table": "_io_table",
    "monitoring": "_monitoring",
    "benchmarks": "_benchmarks",
    "initiatives": "_initiatives",
    "province_factors": "_province_factors",
}


def _general(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _as_text(series: pd.Series, decimals: int | None) -> list[str]:
    values = series.tolist()
    if pd.api.types.is_bool_dtype(series.dtype):
        return ["true" if v else "false" for v in values]
    if pd.api.types.is_float_dtype(series.dtype):
        fmt = _general if decimals is None else (lambda v: f"{v:.{decimals}f}")
        return ["" if v is None or v != v else fmt(v) for v in values]
    if pd.api.types.is_integer_dtype(series.dtype):
        return ["" if v is None or v is pd.NA else str(int(v)) for v in values]
    return ["" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v) for v in values]


def write_table(frame: pd.DataFrame, path: str | Path, *, decimals: dict[str, int] | None = None) -> Path:
    """Write a table as the sample's CSV dialect: UTF-8, ``,``, ``.`` decimals, ``\\n`` line ends.

    Integers are written as integers, booleans as ``true``/``false``, missing values as empty cells,
    floats with the fixed number of ``decimals`` given for their column or else in their shortest exact
    form, so the same frame always gives the same bytes.

    Parameters
    ----------
    frame : pandas.DataFrame
    path : str or Path
    decimals : dict, optional
        Column name → number of decimals.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> frame = pd.DataFrame({"a": [1, 2], "b": [0.5, None], "c": [True, False], "d": ["x,y", "z"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_table(frame, Path(tmp) / "t.csv", decimals={"b": 2})
    ...     print(path.read_text(encoding="utf-8"), end="")
    a,b,c,d
    1,0.50,true,"x,y"
    2,,false,z
    """
    decimals = decimals or {}
    text = pd.DataFrame({c: _as_text(frame[c], decimals.get(c)) for c in frame.columns}, dtype=object)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        text.to_csv(handle, index=False, lineterminator="\n")
    return path


def build_tables(*, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Build the eleven synthetic sample tables in memory.

    Parameters
    ----------
    seed : int
        Seed of the random streams (one stream per table, ``numpy.random.default_rng([seed, k])``).

    Returns
    -------
    dict of str to pandas.DataFrame
        Keyed by table name (:data:`TABLES`), rows sorted by the table's key columns.

    Examples
    --------
    >>> tables = build_tables()
    >>> list(tables) == list(TABLES), len(tables["employment"]) == 81 * 88 * len(YEARS)
    (True, True)
    >>> sorted(tables["firms"]["cluster"].unique())[:2]
    ['corum_food_machinery', 'gaziantep_footwear']
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"'seed' must be a non-negative integer, got {seed!r}")
    return {name: _cached(name, int(seed)).copy() for name in TABLES}


@cache
def _cached(name: str, seed: int) -> pd.DataFrame:
    return globals()[_BUILDERS[name]](seed)


def _readme(tables: dict[str, pd.DataFrame], seed: int) -> str:
    template = (_CAL / "sample_readme.md").read_text(encoding="utf-8")
    employment = tables["employment"].groupby("year")["employment"].sum()
    exports = tables["exports"].groupby("year")["exports_usd"].sum() / 1e9
    firms = tables["firms"].groupby("cluster").size()
    return template.format(
        seed=seed,
        employment_2013=f"{employment.loc[2013] / 1e6:.1f}",
        employment_2024=f"{employment.loc[2024] / 1e6:.1f}",
        exports_2013=f"{exports.loc[2013]:.1f}",
        exports_2024=f"{exports.loc[2024]:.1f}",
        firms=", ".join(f"{cid} {n}" for cid, n in firms.items()),
    )


def generate(out_dir: str | Path | None = None, *, seed: int = SEED) -> dict[str, Path]:
    """Generate the synthetic sample: eleven CSV tables and their README, byte-for-byte reproducible.

    Parameters
    ----------
    out_dir : str or Path, optional
        Target folder (created if needed); default :data:`clusterlib.config.SAMPLE_DIR`.
    seed : int
        Seed of the random streams; the bundled sample uses :data:`SEED`.

    Returns
    -------
    dict of str to Path
        Table name (and ``"README"``) → file written.

    Raises
    ------
    ValueError
        If ``seed`` is not a non-negative integer.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = generate(tmp)
    ...     sorted(path.name for path in written.values())[:3]
    ['README.md', 'benchmarks.csv', 'employment.csv']
    """
    tables = build_tables(seed=seed)
    target = Path(out_dir) if out_dir is not None else config.SAMPLE_DIR
    written = {name: write_table(frame, target / f"{name}.csv", decimals=_DECIMALS.get(name))
               for name, frame in tables.items()}
    readme = target / "README.md"
    with open(readme, "w", encoding="utf-8", newline="") as handle:
        handle.write(_readme(tables, int(seed)))
    written["README"] = readme
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m clusterlib.data.sample [--out DIR] [--seed N]``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status 0; the files written are listed on standard output.
    """
    parser = argparse.ArgumentParser(
        prog="python -m clusterlib.data.sample",
        description="Generate the synthetic sample tables (seeded, byte-for-byte reproducible).",
    )
    parser.add_argument("--out", type=Path, default=config.SAMPLE_DIR,
                        help=f"output folder (default: {config.SAMPLE_DIR})")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default: {SEED})")
    args = parser.parse_args(argv)
    written = generate(args.out, seed=args.seed)
    for name, path in written.items():
        print(f"{name:18s} {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
