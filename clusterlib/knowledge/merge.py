"""Import an edited template into the store: three-way merge, conflicts, duplicates, all in one transaction.

For each row the import compares three versions field by field: the *base* (the entry as it was
when the template was exported, read back from the history), *mine* (the edited row) and
*theirs* (the entry as it is now).  A field changed on one side only takes that side's value; a
field changed on both sides to different values is a conflict.  Any unresolved conflict stops the
whole import before anything is written; ``take={"id": "mine" | "theirs"}`` resolves it, and the
version not taken is kept in the history.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from clusterlib.i18n import check_language, t
from clusterlib.knowledge import labels  # noqa: F401  (registers the strings)
from clusterlib.knowledge.store import Entry, KnowledgeStore
from clusterlib.knowledge.workbook import read_workbook
from clusterlib.monitoring.pages_text import fold

__all__ = ["Conflict", "ImportResult", "MergeConflictError", "duplicate_names", "import_workbook", "three_way"]

_TAKE = ("mine", "theirs")


def three_way(base: dict[str, str], mine: dict[str, str], theirs: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Merge two edits of one entry against their common base; returns (merged, conflicting fields).

    Examples
    --------
    >>> three_way({"a": "1", "b": "1"}, {"a": "2", "b": "1"}, {"a": "1", "b": "3"})
    ({'a': '2', 'b': '3'}, [])
    >>> three_way({"a": "1"}, {"a": "2"}, {"a": "3"})
    ({'a': '3'}, ['a'])
    """
    merged, conflicts = {}, []
    for key in sorted(set(base) | set(mine) | set(theirs)):
        b, m, th = base.get(key, ""), mine.get(key, ""), theirs.get(key, "")
        if m in (th, b):
            value = th
        elif th == b:
            value = m
        else:
            value = th
            conflicts.append(key)
        if value:
            merged[key] = value
    return merged, conflicts


@dataclass(frozen=True)
class Conflict:
    """An entry both sides changed: each conflicting field's base, mine and theirs."""

    kind: str
    id: str
    fields: dict[str, tuple[str, str, str]]
    theirs_by: str
    theirs_at: str


class MergeConflictError(ValueError):
    """Unresolved conflicts; nothing was imported."""

    def __init__(self, file: str, conflicts: list[Conflict], lang: str) -> None:
        self.conflicts = conflicts
        lines = [t("kb.conflicts", lang, file=file, n=len(conflicts))]
        for c in conflicts:
            lines.append(f"  {c.kind} {c.id}:")
            lines += [t("kb.conflict.field", lang, field=f, base=repr(b), mine=repr(m), theirs=repr(th), by=c.theirs_by,
                        at=c.theirs_at)
                      for f, (b, m, th) in c.fields.items()]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    file: str
    created: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    duplicates: list[tuple[str, ...]] = field(default_factory=list)
    already: dict | None = None

    def summary(self, lang: str) -> str:
        """One line (two with duplicates) for the user."""
        if self.already is not None:
            return t("kb.already", lang, file=self.file, at=self.already["at"], by=self.already["by"])
        text = t("kb.imported", lang, file=self.file, created=len(self.created), updated=len(self.updated),
                 unchanged=self.unchanged)
        if self.duplicates:
            text += "\n" + t("kb.duplicates", lang, items="; ".join(" = ".join(d) for d in self.duplicates))
        return text


def duplicate_names(entries: list[Entry]) -> list[tuple[str, ...]]:
    """Groups of ids of one kind whose Turkish or English names are equal once folded (case, Turkish letters).

    Examples
    --------
    >>> e = lambda i, n: Entry("initiative", i, {"name_tr": n}, 1, "", "")
    >>> duplicate_names([e("a", "MEDİKÜM"), e("b", "Medikum"), e("c", "Çorum")])
    [('a', 'b')]
    """
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in entries:
        for column in ("name_tr", "name_en"):
            name = fold(entry.get(column)).strip()
            if name:
                groups[(entry.kind, " ".join(name.split()))].add(entry.id)
    found = {tuple(sorted(ids)) for ids in groups.values() if len(ids) > 1}
    return sorted(found)


def import_workbook(store: KnowledgeStore, path: str | Path, *, by: str, take: dict[str, str] | None = None,
                    lang: str = "tr") -> ImportResult:
    """Validate an edited template and merge it into the store in one transaction.

    Parameters
    ----------
    store : KnowledgeStore
    path : str or pathlib.Path
        The edited XLSX template.
    by : str
        Who sends the changes (an info spot: ``"Karadeniz KBM"``); kept with every change.
    take : dict, optional
        ``{entry id: "mine" | "theirs"}`` for entries whose conflicts are to be resolved.
    lang : {"tr", "en"}
        Language of the messages.

    Raises
    ------
    KnowledgeImportError
        The file is not a valid template (every problem listed).
    MergeConflictError
        Entries changed on both sides and not resolved by ``take``; nothing was written.
    """
    lang = check_language(lang)
    if not by or not by.strip():
        raise ValueError("'by' must name who sends the changes (e.g. 'Karadeniz KBM')")
    take = dict(take or {})
    bad = {k: v for k, v in take.items() if v not in _TAKE}
    if bad:
        raise ValueError(f"'take' values must be one of {list(_TAKE)}, got {bad}")
    path = Path(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    earlier = store.imported(sha)
    if earlier is not None:
        return ImportResult(path.name, already=earlier)
    book = read_workbook(path, lang=lang)
    current = {(e.kind, e.id): e for e in store.entries()}
    writes: list[tuple[str, str, dict[str, str], int | None]] = []
    not_taken: list[tuple[str, str, dict[str, str], list[str]]] = []
    conflicts: list[Conflict] = []
    used_take = set()
    unchanged = 0
    for row in book.rows:
        theirs = current.get((row.kind, row.id))
        if theirs is None:
            writes.append((row.kind, row.id, row.data, None))
            continue
        base = (store.version_data(row.kind, row.id, row.base_version) if row.base_version else None) or {}
        merged, clash = three_way(base, row.data, theirs.data)
        if clash:
            choice = take.get(row.id)
            used_take.add(row.id)
            if choice is None:
                conflicts.append(Conflict(row.kind, row.id, {f: (base.get(f, ""), row.data.get(f, ""),
                                                                 theirs.data.get(f, "")) for f in clash},
                                          theirs.updated_by, theirs.updated_at))
                continue
            if choice == "mine":
                merged.update({f: row.data[f] for f in clash if row.data.get(f)})
                for f in clash:
                    if not row.data.get(f):
                        merged.pop(f, None)
            else:
                not_taken.append((row.kind, row.id, row.data, clash))
        if merged != theirs.data:
            writes.append((row.kind, row.id, merged, theirs.version))
        else:
            unchanged += 1
    unknown_take = sorted(set(take) - used_take)
    if unknown_take:
        ident = unknown_take[0]
        raise ValueError(t("kb.err.take", lang, got=f"{ident}={take[ident]}", ident=repr(ident)))
    if conflicts:
        raise MergeConflictError(book.file, conflicts, lang)
    created = [(k, i) for k, i, _, v in writes if v is None]
    updated = [(k, i) for k, i, _, v in writes if v is not None]
    if writes or not_taken:
        with store.transaction() as con:
            import_id = store.record_import(con, file=book.file, sha256=sha, by=by.strip())
            for kind, ident, data, version in writes:
                row = con.execute("SELECT version FROM entries WHERE kind = ? AND id = ?", (kind, ident)).fetchone()
                if (row[0] if row else None) != version:  # another import committed meanwhile
                    raise RuntimeError(t("kb.err.raced", lang, file=book.file))
                store.write(con, kind, ident, data, by=by.strip(), file=book.file, import_id=import_id)
            for kind, ident, data, fields in not_taken:
                store.keep_not_taken(con, kind, ident, data, fields, by=by.strip(), file=book.file,
                                     import_id=import_id)
            store.close_import(con, import_id, len(writes))
    return ImportResult(book.file, created, updated, unchanged, duplicate_names(store.entries()))
