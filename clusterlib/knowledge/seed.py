"""The initial content of a knowledge store: today's registry of initiatives and the support programmes.

Both are written as ordinary changes with their provenance (the file they came from and
``clusterlib`` as the author), so the history of every entry starts where its facts came from.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pandas as pd

from clusterlib import nace
from clusterlib.data import DataValidationError
from clusterlib.knowledge.merge import duplicate_names
from clusterlib.knowledge.programmes import load_programmes
from clusterlib.knowledge.store import KnowledgeStore
from clusterlib.monitoring.initiatives import default_registry_path, load_initiatives

__all__ = ["PROGRAMME_AUTHOR", "SEED_AUTHOR", "open_store", "refresh_programmes", "registry_entries"]

#: The author recorded for the initial content.
SEED_AUTHOR = "clusterlib (initial registry)"
#: The author recorded when a newer bundled programme registry updates a store.
PROGRAMME_AUTHOR = "clusterlib (programme registry)"
_PROGRAMME_FILE = Path(__file__).resolve().parent.parent / "resources" / "knowledge" / "programmes.yaml"


def _programme_entries() -> dict[str, dict[str, str]]:
    return {str(r["id"]): {**{k: v for k, v in r.items() if k not in ("id", "need_areas")},
                           "need_areas": ";".join(r["need_areas"])}
            for r in load_programmes(_PROGRAMME_FILE).to_dict("records")}


def refresh_programmes(store: KnowledgeStore) -> int:
    """Bring a store's support programmes up to a newer bundled registry; returns the entries changed.

    A field an info spot changed since the registry last wrote it keeps the info spot's value (the
    registry's is kept in the history as not taken); every other field takes the registry's value.
    Nothing happens when this registry file was applied before.
    """
    from clusterlib.knowledge.merge import three_way

    sha = hashlib.sha256(_PROGRAMME_FILE.read_bytes()).hexdigest()
    if store.imported(sha) is not None:
        return 0
    ours = (SEED_AUTHOR, PROGRAMME_AUTHOR)
    changed = 0
    with store.transaction() as con:
        import_id = store.record_import(con, file=str(_PROGRAMME_FILE), sha256=sha, by=PROGRAMME_AUTHOR)
        for ident, new in _programme_entries().items():
            current = store.entry("programme", ident)
            base = next((c.after for c in reversed(store.history("programme", ident))
                         if c.by in ours and c.action != "not_taken"), {})
            merged, clash = three_way(base, new, current.data) if current else (new, [])
            if clash:
                store.keep_not_taken(con, "programme", ident, new, clash, by=PROGRAMME_AUTHOR,
                                     file=_PROGRAMME_FILE.name, import_id=import_id)
            if current is None or merged != current.data:
                store.write(con, "programme", ident, merged, by=PROGRAMME_AUTHOR, file=_PROGRAMME_FILE.name,
                            import_id=import_id)
                changed += 1
        store.close_import(con, import_id, changed)
    return changed


def _text(value: object) -> str:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def registry_entries(registry: pd.DataFrame) -> dict[str, dict[str, str]]:
    """The initiatives of a loaded registry (:func:`clusterlib.monitoring.load_initiatives`) as store entries.

    Examples
    --------
    >>> entries = registry_entries(load_initiatives())
    >>> entries["samsun_medical"]["type"], entries["samsun_medical"]["province"], entries["samsun_medical"]["cluster"]
    ('pilot_cluster', 'Samsun', 'samsun_medical')
    """
    clusters = set(nace.clusters()["id"])
    out = {}
    for row in registry.itertuples(index=False):
        get = row._asdict().get
        out[str(row.id)] = {
            "name_tr": _text(get("name_tr")), "name_en": _text(get("name_en")),
            "type": "pilot_cluster" if get("pilot") else "cluster_initiative",
            "province": _text(get("province")), "nace_divisions": ";".join(get("nace") or ()),
            "cluster": str(row.id) if row.id in clusters else "",
            "sector_en": _text(get("sector")), "sector_tr": _text(get("sector_tr")),
            "year": _text(get("year")), "members": _text(get("members")),
            "lead_organisation_en": _text(get("lead_organisation")),
            "lead_organisation_tr": _text(get("lead_organisation_tr")),
            "notes_en": _text(get("notes")), "notes_tr": _text(get("notes_tr")),
        }
    return out


def open_store(path: str | Path | None = None, *, data_dir: str | Path | None = None) -> KnowledgeStore:
    """Open a knowledge store; a new one is filled with the registry and the support programmes.

    An existing store takes the bundled programme registry when it is newer than the one it holds
    (:func:`refresh_programmes`).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The database file (default ``data/processed/knowledge.sqlite``).
    data_dir : str or pathlib.Path, optional
        Folder of ``initiatives.csv``/``.xlsx`` for a new store (default: the bundled registry;
        also when the folder has none).
    """
    store = KnowledgeStore(path)
    if store.entries():
        refresh_programmes(store)
        return store
    try:
        registry_path = default_registry_path(data_dir)
    except DataValidationError:
        registry_path = default_registry_path()
    entries = registry_entries(load_initiatives(registry_path))
    with store.transaction() as con:
        if con.execute("SELECT COUNT(*) FROM entries").fetchone()[0]:
            return store  # another process filled it meanwhile
        for file, kind, items in (
            (registry_path, "initiative", entries),
            (_PROGRAMME_FILE, "programme", _programme_entries()),
        ):
            sha = hashlib.sha256(Path(file).read_bytes()).hexdigest()
            import_id = store.record_import(con, file=str(file), sha256=sha, by=SEED_AUTHOR)
            for ident, data in items.items():
                store.write(con, kind, ident, data, by=SEED_AUTHOR, file=Path(file).name, import_id=import_id)
            store.close_import(con, import_id, len(items))
    repeated = duplicate_names(store.entries())
    if repeated:
        warnings.warn(f"{registry_path.name}: the same name under two ids: "
                      + "; ".join(" = ".join(g) for g in repeated), stacklevel=2)
    return store
