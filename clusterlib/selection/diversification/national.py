"""The national side of the diversification analysis, computed once per data version and setting.

The economic complexity (ECI/PCI), the proximity between sectors and the complexity outlook of the
81 provinces depend on the presence matrix and the RCA threshold, not on the province analysed.
:func:`national_complexity` computes them once for a matrix and a threshold and keeps the result in
a small in-process cache keyed by a SHA-256 of the matrix's values and labels (and the threshold),
so every province of the same data reuses them and an edited table is a different key: a result is
never served for other data.  Each call returns a copy, so a caller that changes a table cannot
change what the next caller gets.
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterlib.relatedness import (
    ComplexityError,
    ComplexityOutlook,
    EconomicComplexity,
    complexity_outlook,
    economic_complexity,
    proximity,
)

__all__ = ["NationalComplexity", "clear_national_cache", "matrix_digest", "national_complexity"]

#: How many (matrix, threshold) results are kept: the settings of the robustness table for a few data folders.
CACHE_SIZE = 16
_CACHE: OrderedDict[tuple[str, float], NationalComplexity | ComplexityError] = OrderedDict()


@dataclass(frozen=True, eq=False)
class NationalComplexity:
    """Economic complexity, proximity and complexity outlook of all provinces for one presence setting.

    Attributes
    ----------
    complexity : EconomicComplexity
    proximity : DataFrame
        Sector × sector proximity of ``complexity.presence``.
    outlook : ComplexityOutlook
        Relatedness density and outlook gain of every province (from ``complexity.pci``).
    """

    complexity: EconomicComplexity
    proximity: pd.DataFrame
    outlook: ComplexityOutlook


def matrix_digest(matrix: pd.DataFrame) -> str:
    """SHA-256 of a numeric matrix's values, dtype, row and column labels: equal digests, equal matrices.

    Examples
    --------
    >>> a = pd.DataFrame([[1.0, 0.0], [2.0, 3.0]], index=[1, 2], columns=["10", "11"])
    >>> matrix_digest(a) == matrix_digest(a.copy())
    True
    >>> matrix_digest(a) == matrix_digest(a.rename(columns={"11": "12"}))
    False
    >>> b = a.copy(); b.iloc[0, 0] = 1.5
    >>> matrix_digest(a) == matrix_digest(b)
    False
    """
    values = np.ascontiguousarray(matrix.to_numpy())
    digest = hashlib.sha256()
    digest.update(str((values.dtype.str, values.shape)).encode())
    digest.update(values.tobytes())
    digest.update(repr([str(v) for v in matrix.index]).encode())
    digest.update(repr([str(v) for v in matrix.columns]).encode())
    return digest.hexdigest()


def national_complexity(matrix: pd.DataFrame, *, rca_threshold: float = 1.0) -> NationalComplexity:
    """ECI/PCI, proximity and outlook of a provinces × sectors matrix, computed once per matrix and threshold.

    Parameters
    ----------
    matrix : DataFrame
        Provinces × sectors values (e.g. :func:`~clusterlib.selection.diversification.complexity_matrix`).
    rca_threshold : float, default 1.0
        Presence threshold on RCA.

    Returns
    -------
    NationalComplexity
        A copy of the cached result: the numbers are those of
        :func:`~clusterlib.relatedness.economic_complexity`, :func:`~clusterlib.relatedness.proximity`
        and :func:`~clusterlib.relatedness.complexity_outlook` on the same input.

    Raises
    ------
    ComplexityError
        When the matrix does not define an ECI (remembered too: the same matrix raises again at once).

    Examples
    --------
    >>> from clusterlib.data import load_tables
    >>> from clusterlib.selection.diversification import complexity_matrix
    >>> m = complexity_matrix(load_tables(required=["employment"]), 2024)
    >>> first = national_complexity(m)
    >>> again = national_complexity(m.copy())          # same numbers: from the cache
    >>> again is first, again.complexity.eci.equals(first.complexity.eci)
    (False, True)
    >>> direct = economic_complexity(m, rca_threshold=1.0)
    >>> bool(np.array_equal(first.complexity.pci, direct.pci, equal_nan=True))
    True
    """
    key = (matrix_digest(matrix), float(rca_threshold))
    entry = _CACHE.get(key)
    if entry is None:
        try:
            complexity = economic_complexity(matrix, rca_threshold=rca_threshold)
        except ComplexityError as err:
            entry = err
        else:
            phi = proximity(complexity.presence)
            entry = NationalComplexity(complexity, phi, complexity_outlook(complexity.presence, complexity.pci, phi))
        _CACHE[key] = entry
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    if isinstance(entry, ComplexityError):
        raise copy.copy(entry)
    return copy.deepcopy(entry)


def clear_national_cache() -> None:
    """Forget every cached :func:`national_complexity` result (benchmarks time a cold start with it).

    Examples
    --------
    >>> clear_national_cache()
    """
    _CACHE.clear()
