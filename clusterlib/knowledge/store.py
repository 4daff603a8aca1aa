"""The knowledge store: one SQLite file with the current entries and the history of every change.

Tables (see :data:`DDL`):

* ``entries`` — the current state: one row per (kind, id) with its fields as JSON, its version
  (1, 2, … — one more at each change), when, by whom and from which file it was last changed;
* ``history`` — every version ever written, with the fields that changed, the values before and
  after, who, when and from which file (a resolved conflict keeps the version that was not taken);
* ``imports`` — each import that changed something: file name, SHA-256 of its bytes, who, when;
  a file whose bytes were imported before is recognised and changes nothing;
* ``meta`` — the schema version.

All writes of one import happen in one transaction (:meth:`KnowledgeStore.transaction`): a failed
import leaves the file as it was.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
import zoneinfo
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from clusterlib.config import PROCESSED_DIR
from clusterlib.knowledge.schema import KINDS, SCHEMA_VERSION

__all__ = ["DDL", "Change", "Entry", "KnowledgeStore", "StoreError", "default_store_path"]

_ZONE = zoneinfo.ZoneInfo("Europe/Istanbul")

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL,
    updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, source_file TEXT,
    PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
    action TEXT NOT NULL, fields TEXT NOT NULL, before TEXT, after TEXT NOT NULL,
    at TEXT NOT NULL, by TEXT NOT NULL, file TEXT, import_id INTEGER);
CREATE INDEX IF NOT EXISTS history_entry ON history (kind, id, version);
CREATE TABLE IF NOT EXISTS imports (
    import_id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL, sha256 TEXT NOT NULL, by TEXT NOT NULL,
    at TEXT NOT NULL, changed INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS imports_sha ON imports (sha256);
"""


class StoreError(ValueError):
    """A knowledge store that cannot be used (another file, a newer schema)."""


def default_store_path() -> Path:
    """``data/processed/knowledge.sqlite``, the default store."""
    return PROCESSED_DIR / "knowledge.sqlite"


def now_text() -> str:
    """Now in Türkiye time, ISO format to the second."""
    return _dt.datetime.now(_ZONE).replace(microsecond=0).isoformat()


def _dump(data: Mapping[str, str]) -> str:
    return json.dumps(dict(data), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Entry:
    """The current state of one entry."""

    kind: str
    id: str
    data: dict[str, str]
    version: int
    updated_at: str
    updated_by: str
    source_file: str | None = None

    def get(self, column: str) -> str:
        """The field's text, ``""`` when empty."""
        return self.data.get(column, "")


@dataclass(frozen=True)
class Change:
    """One row of the history: a version of an entry and what changed to make it."""

    seq: int
    kind: str
    id: str
    version: int
    action: str
    fields: tuple[str, ...]
    before: dict[str, str] | None
    after: dict[str, str]
    at: str
    by: str
    file: str | None = None
    import_id: int | None = None
    extra: dict = field(default_factory=dict)


class KnowledgeStore:
    """A knowledge store in one SQLite file.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The database file (default :func:`default_store_path`); created with its folder when
        missing, but left empty — see :func:`clusterlib.knowledge.open_store` for a store seeded
        with the bundled registry and support programmes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> store = KnowledgeStore(pathlib.Path(tempfile.mkdtemp()) / "kb.sqlite")
    >>> with store.transaction() as con:
    ...     store.write(con, "initiative", "x", {"name_en": "X"}, by="test")
    1
    >>> store.entry("initiative", "x").data, len(store.history())
    ({'name_en': 'X'}, 1)
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        with self._connect() as con:
            if fresh:
                con.executescript(DDL)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                con.commit()
            self._check(con)
        if fresh:
            self.path.chmod(0o644)

    def _connect(self) -> sqlite3.Connection:
        try:
            return sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open the knowledge store ({error})") from None

    def _check(self, con: sqlite3.Connection) -> None:
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError:
            raise StoreError(f"{self.path} is not a knowledge store of clusterlib (no 'meta' table); "
                             "give another file or delete this one") from None
        if row is None or int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer clusterlib (schema {row and row[0]}, "
                             f"this one reads {SCHEMA_VERSION}); update clusterlib")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one write transaction: committed at the end, rolled back on error."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    # -- reading -----------------------------------------------------------------------------
    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        con = self._connect()
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def entries(self, kind: str | None = None) -> list[Entry]:
        """Every current entry (of one kind), ordered by kind and id."""
        sql = "SELECT kind, id, data, version, updated_at, updated_by, source_file FROM entries"
        rows = self._rows(sql + (" WHERE kind = ?" if kind else "") + " ORDER BY kind, id", (kind,) if kind else ())
        return [Entry(k, i, json.loads(d), v, at, by, f) for k, i, d, v, at, by, f in rows]

    def entry(self, kind: str, ident: str) -> Entry | None:
        """The current entry ``(kind, ident)``, None when there is none."""
        rows = self._rows("SELECT kind, id, data, version, updated_at, updated_by, source_file FROM entries "
                          "WHERE kind = ? AND id = ?", (kind, ident))
        return Entry(*rows[0][:2], json.loads(rows[0][2]), *rows[0][3:]) if rows else None

    def version_data(self, kind: str, ident: str, version: int) -> dict[str, str] | None:
        """The fields of ``(kind, ident)`` as they were at ``version`` (the base of a three-way merge)."""
        rows = self._rows("SELECT after FROM history WHERE kind = ? AND id = ? AND version = ? "
                          "AND action != 'not_taken' ORDER BY seq DESC LIMIT 1", (kind, ident, version))
        return json.loads(rows[0][0]) if rows else None

    def history(self, kind: str | None = None, ident: str | None = None) -> list[Change]:
        """The history, oldest first (of one kind, of one entry)."""
        where, args = [], []
        for column, value in (("kind", kind), ("id", ident)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        sql = ("SELECT seq, kind, id, version, action, fields, before, after, at, by, file, import_id FROM history"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY seq")
        return [Change(s, k, i, v, a, tuple(json.loads(f)), json.loads(b) if b else None, json.loads(af), at, by,
                       file, imp)
                for s, k, i, v, a, f, b, af, at, by, file, imp in self._rows(sql, tuple(args))]

    def imports(self) -> list[dict[str, object]]:
        """The imports that changed the store, oldest first."""
        rows = self._rows("SELECT import_id, file, sha256, by, at, changed FROM imports ORDER BY import_id")
        return [dict(zip(("import_id", "file", "sha256", "by", "at", "changed"), r, strict=True)) for r in rows]

    def imported(self, sha256: str) -> dict[str, object] | None:
        """The earlier import of a file with these bytes, None when there was none."""
        return next((i for i in self.imports() if i["sha256"] == sha256), None)

    # -- writing -----------------------------------------------------------------------------
    def write(self, con: sqlite3.Connection, kind: str, ident: str, data: Mapping[str, str], *, by: str,
              file: str | None = None, import_id: int | None = None, at: str | None = None) -> int:
        """Write a new version of ``(kind, ident)`` inside ``con``'s transaction; returns the version.

        Empty fields are dropped; nothing is written when the fields equal the current ones (the
        current version is returned).
        """
        if kind not in KINDS:
            raise ValueError(f"'kind' must be one of {list(KINDS)}, got {kind!r}")
        clean = {k: str(v).strip() for k, v in data.items() if v is not None and str(v).strip()}
        row = con.execute("SELECT data, version FROM entries WHERE kind = ? AND id = ?", (kind, ident)).fetchone()
        before = json.loads(row[0]) if row else None
        if before == clean:
            return int(row[1])
        version = int(row[1]) + 1 if row else 1
        at = at or now_text()
        changed = sorted(set(clean) ^ set(before or {}) | {k for k in clean if (before or {}).get(k) != clean[k]})
        con.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (kind, ident, _dump(clean), version, at, by, file))
        con.execute("INSERT INTO history (kind, id, version, action, fields, before, after, at, by, file, import_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (kind, ident, version, "updated" if row else "created", json.dumps(changed),
                     _dump(before) if before is not None else None, _dump(clean), at, by, file, import_id))
        return version

    def keep_not_taken(self, con: sqlite3.Connection, kind: str, ident: str, data: Mapping[str, str],
                       fields: list[str], *, by: str, file: str | None, import_id: int | None) -> None:
        """Record a version that lost a conflict (``--take theirs``), so that nothing is lost."""
        row = con.execute("SELECT data, version FROM entries WHERE kind = ? AND id = ?", (kind, ident)).fetchone()
        con.execute("INSERT INTO history (kind, id, version, action, fields, before, after, at, by, file, import_id) "
                    "VALUES (?, ?, ?, 'not_taken', ?, ?, ?, ?, ?, ?, ?)",
                    (kind, ident, int(row[1]), json.dumps(sorted(fields)), row[0], _dump(data), now_text(), by,
                     file, import_id))

    def record_import(self, con: sqlite3.Connection, *, file: str, sha256: str, by: str) -> int:
        """Open an import record inside ``con``'s transaction; returns its id."""
        cur = con.execute("INSERT INTO imports (file, sha256, by, at, changed) VALUES (?, ?, ?, ?, 0)",
                          (file, sha256, by, now_text()))
        return int(cur.lastrowid)

    def close_import(self, con: sqlite3.Connection, import_id: int, changed: int) -> None:
        """Set the number of entries an import changed."""
        con.execute("UPDATE imports SET changed = ? WHERE import_id = ?", (changed, import_id))
