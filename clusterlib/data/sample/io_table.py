"""A balanced section-level input-output table (``io_table``), from TÜİK's 2023 A10 value added."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterlib.data.sample.inputs import _GROUPS, _rng, calibration

_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRS")
#: Split of TÜİK's A10 value added over sections (T and U folded into S).
_SECTION_SPLIT = {
    "A": {"A": 1.0},
    "BDE": {"B": 0.33, "D": 0.52, "E": 0.15},
    "C": {"C": 1.0},
    "F": {"F": 1.0},
    "GHI": {"G": 0.52, "H": 0.36, "I": 0.12},
    "J": {"J": 1.0},
    "K": {"K": 1.0},
    "L": {"L": 1.0},
    "MN": {"M": 0.55, "N": 0.45},
    "OPQ": {"O": 0.45, "P": 0.32, "Q": 0.23},
    "RSTU": {"R": 0.25, "S": 0.75},
}
#: Value added / output, and intermediate use / output, by section (in the spirit of TÜİK's 2012 IO table).
_VA_RATIO = dict(
    zip(
        _SECTIONS,
        (
            0.58,
            0.45,
            0.24,
            0.30,
            0.40,
            0.35,
            0.60,
            0.42,
            0.45,
            0.50,
            0.62,
            0.85,
            0.55,
            0.55,
            0.60,
            0.78,
            0.55,
            0.50,
            0.58,
        ),
        strict=True,
    )
)
_USE_RATIO = dict(
    zip(
        _SECTIONS,
        (
            0.55,
            0.95,
            0.50,
            0.65,
            0.70,
            0.12,
            0.35,
            0.55,
            0.20,
            0.45,
            0.60,
            0.25,
            0.75,
            0.80,
            0.02,
            0.05,
            0.05,
            0.20,
            0.25,
        ),
        strict=True,
    )
)
#: Input structure prior: column (buyer) -> {supplying section: share of its intermediate inputs}.
_INPUTS = {
    "A": {"A": 0.30, "C": 0.40, "B": 0.02, "D": 0.05, "G": 0.10, "H": 0.06, "K": 0.04, "M": 0.02, "N": 0.01},
    "B": {"B": 0.15, "C": 0.30, "D": 0.15, "F": 0.05, "G": 0.08, "H": 0.12, "K": 0.05, "M": 0.05, "N": 0.05},
    "C": {
        "A": 0.12,
        "B": 0.06,
        "C": 0.55,
        "D": 0.06,
        "E": 0.01,
        "G": 0.07,
        "H": 0.05,
        "J": 0.01,
        "K": 0.02,
        "L": 0.01,
        "M": 0.02,
        "N": 0.02,
    },
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
    "O": {
        "C": 0.25,
        "D": 0.06,
        "F": 0.10,
        "G": 0.06,
        "H": 0.08,
        "J": 0.08,
        "K": 0.05,
        "L": 0.07,
        "M": 0.10,
        "N": 0.15,
    },
    "P": {
        "C": 0.20,
        "D": 0.08,
        "G": 0.10,
        "H": 0.05,
        "I": 0.10,
        "J": 0.08,
        "K": 0.04,
        "L": 0.15,
        "M": 0.05,
        "N": 0.15,
    },
    "Q": {
        "C": 0.45,
        "D": 0.05,
        "G": 0.10,
        "H": 0.04,
        "I": 0.05,
        "J": 0.04,
        "K": 0.04,
        "L": 0.08,
        "M": 0.08,
        "N": 0.07,
    },
    "R": {
        "C": 0.10,
        "D": 0.05,
        "G": 0.08,
        "H": 0.05,
        "I": 0.05,
        "J": 0.20,
        "K": 0.07,
        "L": 0.12,
        "M": 0.12,
        "N": 0.10,
        "R": 0.06,
    },
    "S": {
        "C": 0.25,
        "D": 0.05,
        "G": 0.15,
        "H": 0.05,
        "J": 0.05,
        "K": 0.07,
        "L": 0.15,
        "M": 0.08,
        "N": 0.10,
        "S": 0.05,
    },
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
    gva = calibration()["gva"].sum(0)  # national value added 2023 by A10 sector, million TRY
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
