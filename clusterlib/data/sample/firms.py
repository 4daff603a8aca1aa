"""Firm register (``firms``) and the two waves of firm interviews (``survey``) of the pilot clusters."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd

from clusterlib.data.sample.inputs import _rng, pilot_config

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


def firm_name(
    rng: np.random.Generator,
    roots: Sequence[str],
    words: Sequence[str],
    stage: str,
    joint_stock: bool,
    taken: set[str],
) -> str:
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
        names.append(firm_name(rng, roots, classes[which[i]][3], stage[i], joint_stock, taken))
        scale = 0.5 + 0.15 * math.log(employees[i])
        mean = float(settings["export_level"]) * _STAGE_EXPORT[stage[i]] * scale
        mean = min(max(mean, 0.02), 0.85)
        exporter = rng.random() < _EXPORTER_P[size[i]]
        share = rng.beta(2.0, 2.0 * (1.0 - mean) / mean) if exporter else 0.0
        shares.append(round(float(min(share, 0.98)), 2))
    province = info["province"]
    return pd.DataFrame(
        {
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
        }
    )


@cache
def _all_firms(seed: int) -> pd.DataFrame:
    document = pilot_config()
    frames = [
        _firms_of(seed, k, cid, document["clusters"][cid], document)
        for k, cid in enumerate(sorted(document["clusters"]))
    ]
    return pd.concat(frames, ignore_index=True)


def _firms(seed: int) -> pd.DataFrame:
    return _all_firms(seed).drop(columns="_hub").sort_values(["cluster", "firm_id"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ survey

_QUESTIONS = ("training", "procurement", "exports", "rnd", "finance", "infrastructure", "cooperation")
_SURVEY_WAVES = (2013, 2019)
#: Change of the mean need between the 2013 and the 2019 wave (the project's training and networking).
_WAVE_SHIFT = {
    "training": -0.7,
    "procurement": -0.1,
    "exports": 0.1,
    "rnd": 0.1,
    "finance": 0.2,
    "infrastructure": 0.0,
    "cooperation": -0.9,
}
_MISSING_P = {
    "training": 0.05,
    "procurement": 0.06,
    "exports": 0.05,
    "rnd": 0.08,
    "finance": 0.12,
    "infrastructure": 0.06,
    "cooperation": 0.07,
}


#: Items of the default questionnaire (``clusterlib/resources/needs/questionnaire.yaml``) per block, with
#: the item's offset from the block's need (some statements are agreed with more readily than others).
_ITEMS = {
    "training": (("training_technical", 0.2), ("training_management", -0.3), ("training_recruitment", 0.3)),
    "procurement": (("procurement_inputs", 0.1), ("procurement_local", -0.2), ("procurement_joint", 0.0)),
    "exports": (("exports_markets", 0.2), ("exports_fairs", 0.0), ("exports_certification", -0.3)),
    "rnd": (("rnd_product", 0.2), ("rnd_university", -0.2), ("rnd_testing", -0.1)),
    "finance": (("finance_investment", 0.2), ("finance_working_capital", 0.0), ("finance_grants", -0.1)),
    "infrastructure": (
        ("infrastructure_site", -0.2),
        ("infrastructure_logistics", 0.1),
        ("infrastructure_energy", 0.2),
    ),
    "cooperation": (("cooperation_firms", 0.0), ("cooperation_institutions", -0.2), ("cooperation_information", 0.1)),
}
#: Probability of a "don't know" answer per block (firms know their own training needs better than R&D's).
_DONT_KNOW_P = {
    "training": 0.01,
    "procurement": 0.02,
    "exports": 0.03,
    "rnd": 0.06,
    "finance": 0.03,
    "infrastructure": 0.02,
    "cooperation": 0.03,
}


@cache
def _block_needs(seed: int) -> pd.DataFrame:
    """Latent need per responding firm, wave and block (the draws of the 2019 sample generator).

    Kept draw for draw so that who responded in each wave, and hence ``relations``, stays the same.
    """
    document = pilot_config()
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
                rng.random(n)  # the old per-question missing draw, kept for the stream
                frame[question] = latent
            frames.append(frame[answered])
    return pd.concat(frames, ignore_index=True)


@cache
def _survey(seed: int) -> pd.DataFrame:
    """Long answers ``cluster, firm_id, year, item, answer``: codes 1–5, ``dont_know`` or blank (no answer)."""
    latent = _block_needs(seed)
    clusters = sorted(latent["cluster"].unique())
    frames = []
    for k, cid in enumerate(clusters):
        rng = _rng(seed, 250 + k)
        part = latent[latent["cluster"] == cid].reset_index(drop=True)
        n = len(part)
        for block in _QUESTIONS:
            for item, offset in _ITEMS[block]:
                value = np.clip(np.rint(part[block].to_numpy() + offset + rng.normal(0.0, 0.55, n)), 1, 5)
                draw = rng.random(n)
                answer = np.array([str(int(v)) for v in value], dtype=object)
                answer[draw < _DONT_KNOW_P[block]] = "dont_know"
                answer[draw > 1.0 - 0.6 * _MISSING_P[block]] = ""
                columns = {"cluster": cid, "firm_id": part["firm_id"], "year": part["year"], "item": item}
                frames.append(pd.DataFrame({**columns, "answer": answer}))
    survey = pd.concat(frames, ignore_index=True)
    order = {item: i for i, (item, _o) in enumerate(x for b in _QUESTIONS for x in _ITEMS[b])}
    survey["_order"] = survey["item"].map(order)
    survey = survey.sort_values(["cluster", "firm_id", "year", "_order"], ignore_index=True)
    return survey.drop(columns="_order")
