"""Helpers shared by the tests of clusterlib.valuechain: the sample's tables, loaded once, and
variants of them without supply ties."""

from __future__ import annotations

from functools import cache

import pandas as pd

from clusterlib.data import load_tables

PILOTS = ("Çorum", "Gaziantep", "Kahramanmaraş", "Samsun", "Trabzon")


@cache
def sample_tables() -> dict[str, pd.DataFrame]:
    """The bundled sample's tables of the value-chain step (do not modify: copy with ``dict(...)``)."""
    return load_tables(tables=["firms", "relations", "io_table", "employment"])


def without_supply(case: str) -> dict[str, pd.DataFrame]:
    """Samsun's tables with no relations (``"no_relations"``), a single firm (``"one_firm"``) or
    cooperation ties only (``"cooperation_only"``)."""
    tables = dict(sample_tables())
    relations = tables["relations"][tables["relations"]["cluster"] == "samsun_medical"]
    if case == "no_relations":
        tables["relations"] = relations.iloc[0:0]
    elif case == "one_firm":
        firms = tables["firms"]
        tables["firms"] = firms[(firms["cluster"] != "samsun_medical") | (firms["firm_id"] == "SAM-001")]
        tables["relations"] = relations.iloc[0:0]
    elif case == "cooperation_only":
        tables["relations"] = relations[relations["relation"] == "cooperation"]
    else:
        raise ValueError(
            f"'case' must be one of ['no_relations', 'one_firm', 'cooperation_only'], got {case!r}"
        )
    return tables
