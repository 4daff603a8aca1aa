"""Relations between the firms of each pilot cluster and their outside partners (``relations``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib import regions
from clusterlib.data.sample.firms import _all_firms, _survey, firm_name
from clusterlib.data.sample.inputs import _rng, pilot_config

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
        name = firm_name(rng, document["name_roots"], [words], "inputs", bool(rng.random() < 0.6), taken)
        partners.append(
            {
                "id": f"EXT-{settings['prefix']}-{j + 1:03d}",
                "name": name,
                "province": regions.province(province_name).name,
                "role": role,
            }
        )
    return partners


def _relations(seed: int) -> pd.DataFrame:
    document = pilot_config()
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
                candidates = np.array(
                    [
                        j
                        for j in range(n)
                        if j != i
                        and j not in isolates
                        and ids[j] not in chosen
                        and stage[j] in _TARGET_STAGES[(stage[i], relation)]
                    ],
                    dtype=int,
                )
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
                rows.append(
                    {
                        "cluster": cid,
                        "source": ids[i],
                        "target": target,
                        "target_name": partner["name"] if partner else "",
                        "relation": relation,
                        "importance": importance,
                        "local": (partner["province"] == home) if partner else True,
                        "target_province": partner["province"] if partner else "",
                    }
                )
    return pd.DataFrame(rows).sort_values(["cluster", "source", "target"], ignore_index=True)
