"""Settings of the sample and its calibration inputs: the tables of ``resources/calibration/``
as arrays aligned on plates, divisions and years, the pilot-cluster settings, and the random streams."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from clusterlib import config, nace, regions
from clusterlib.configfile import read_yaml

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

_GROUPS = ("A", "BDE", "C", "F", "GHI", "J", "K", "L", "MN", "OPQ", "RSTU")
#: Short codes of the TÜİK A10 aggregates; "BDE" is industry without manufacturing (C is its own group here).
_A10_SHORT = {name: "BDE" if code == "BCDE" else code for name, code in nace.A10_SECTIONS.items()}
#: Growth of real value added in 2024 (no province figures yet): national GDP growth, rounded.
_GROWTH_2024 = 0.03


#: Folder of the calibration tables.  Every reader looks it up here at call time (see
#: :func:`calibration_path`), so pointing it elsewhere (the tests do, with ``monkeypatch``) redirects them all.
CALIBRATION_DIR: Path = config.RESOURCES_DIR / "calibration"


def calibration_path(name: str) -> Path:
    """Path of the calibration file ``name`` in :data:`CALIBRATION_DIR`, read at call time."""
    return CALIBRATION_DIR / name


def _read_cal(name: str, **kwargs: object) -> pd.DataFrame:
    return pd.read_csv(calibration_path(name), comment="#", encoding="utf-8", **kwargs)


@cache
def calibration() -> dict[str, object]:
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


def pilot_config() -> dict[str, object]:
    document = read_yaml(calibration_path("pilot_clusters.yaml"))
    pilots = nace.clusters()
    pilots = pilots[pilots["pilot"]]
    ids = pilots["id"].tolist()
    if sorted(ids) != sorted(document["clusters"]):
        raise ValueError(
            f"pilot_clusters.yaml must configure the pilot clusters {sorted(ids)}, "
            f"got {sorted(document['clusters'])}"
        )
    document["pilots"] = {
        row.id: {
            "province": regions.province(row.provinces[0]),
            "main_division": row.main_division,
            "name_en": row.name_en,
            "name_tr": row.name_tr,
        }
        for row in pilots.itertuples(index=False)
    }
    return document


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([seed, stream])
