"""A data folder: :func:`load_tables` reads every table a step needs and records what is missing.

:data:`STEP_TABLES` says which tables each step requires and which it uses when present;
:func:`load_tables` lists every missing table at once (with the steps that need it and where the
official data come from), refuses a table given both as CSV and XLSX, reads the rest with the readers
of :mod:`clusterlib.data.tables` and returns a :class:`LoadedTables`; :func:`data_fingerprint`
identifies the folder's content.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data.coverage import Coverage
from clusterlib.data.errors import DataValidationError
from clusterlib.data.messages import message_language, messages_in, msg
from clusterlib.data.notes import MissingTable, ReadNote, SourceInfo, source_of
from clusterlib.data.schemas import SCHEMAS, TABLES
from clusterlib.data.tables import READERS, read_employment, read_relations, read_survey

__all__ = ["STEP_TABLES", "LoadedTables", "clear_table_cache", "data_fingerprint", "load_tables"]


#: Validated tables of this process, one entry per (folder, table, file stamps, read options).
_CACHE: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_CACHE_SIZE = 48  # four folders' worth of tables


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return path.name, stat.st_mtime_ns, stat.st_size


def _table_key(
    directory: Path, name: str, paths: Mapping[str, Path], coverage: str, sheets: Mapping[str, str | int]
) -> tuple:
    """What one table's validated frame depends on: its file, its read options and, for the
    survey and the relations, the firm register they are checked against."""
    register = _stamp(paths["firms"]) if name in ("survey", "relations") and "firms" in paths else None
    return (
        str(directory),
        name,
        _stamp(paths[name]),
        coverage if name == "employment" else None,
        str(sheets.get(name)),
        register,
    )

#: The tables each step needs (``required``: it cannot run without them) and uses when present
#: (``optional``: it runs without them and its report says what was left out).  The one list of what a
#: step reads: the result cache and the runner's up-to-date check derive theirs from it
#: (:data:`clusterlib.resultcache.STEP_READS`).
STEP_TABLES: dict[str, dict[str, tuple[str, ...]]] = {
    "sector_selection": {
        "required": ("employment",),
        "optional": ("exports", "stakeholders", "initiatives", "province_factors"),
    },
    "needs_assessment": {"required": ("firms", "survey"), "optional": ("stakeholders", "benchmarks")},
    "value_chain_mapping": {
        "required": ("firms", "relations"),
        "optional": ("io_table", "stakeholders", "employment"),
    },
    "monitoring": {
        "required": ("monitoring",),
        "optional": ("benchmarks", "initiatives", "employment", "exports"),
    },
}


def _table_path(directory: Path, name: str) -> Path | None:
    """``<name>.csv`` or ``<name>.xlsx`` in ``directory``; None when neither; an error when both."""
    found = [directory / f"{name}{suffix}" for suffix in (".csv", ".xlsx")]
    found = [path for path in found if path.is_file()]
    if len(found) > 1:
        raise DataValidationError(
            msg("data.error.both_files", first=found[0].name, second=found[1].name, folder=directory.name),
            file=f"{name}.*",
            expected=f"one file {name}.csv or {name}.xlsx",
            got=[path.name for path in found],
        )
    return found[0] if found else None


def _steps_needing(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    required = tuple(step for step, t in STEP_TABLES.items() if name in t["required"])
    optional = tuple(step for step, t in STEP_TABLES.items() if name in t["optional"])
    return required, optional


def _names(tables: str | list[str] | tuple[str, ...] | None, what: str) -> list[str]:
    if tables is None:
        return []
    wanted = [tables] if isinstance(tables, str) else list(tables)
    unknown = [t for t in wanted if t not in SCHEMAS]
    if unknown:
        raise ValueError(f"{what!r} must be among {list(TABLES)}, got {unknown}")
    return wanted


class LoadedTables(dict):
    """The tables :func:`load_tables` found, by name, and a record of what it did not find.

    A ``dict`` of DataFrames (``tables["employment"]``) with, in addition:

    ``missing``
        :class:`~clusterlib.data.notes.MissingTable` for every optional table that is absent (the
        steps that need it, the steps that run without it, where the official data come from);
    ``sources``
        :class:`~clusterlib.data.notes.SourceInfo` of every table read: file, sheet, read notes;
    ``folder``
        the name (last part) of the data folder.
    """

    def __init__(
        self, tables: dict[str, pd.DataFrame], *, folder: str, missing: tuple[MissingTable, ...] = ()
    ):
        super().__init__(tables)
        self.folder = folder
        self.missing = missing

    @property
    def sources(self) -> dict[str, SourceInfo]:
        """File, sheet and read notes of each table read."""
        return {name: info for name, frame in self.items() if (info := source_of(frame)) is not None}

    @property
    def notes(self) -> tuple[ReadNote, ...]:
        """The read notes of all tables, in table order."""
        return tuple(note for info in self.sources.values() for note in info.all_notes())

    def text(self, lang: str = "en") -> list[str]:
        """Sentences for a report: each missing table, then each read note, in ``lang``."""
        return [m.text(lang) for m in self.missing] + [n.text(lang) for n in self.notes]


def load_tables(
    data_dir: str | Path | None = None,
    *,
    tables: str | list[str] | tuple[str, ...] | None = None,
    required: str | list[str] | tuple[str, ...] | None = None,
    optional: str | list[str] | tuple[str, ...] | None = None,
    step: str | None = None,
    coverage: Coverage = "all",
    sheets: Mapping[str, str | int] | None = None,
    lang: str | None = None,
) -> LoadedTables:
    """Read and validate the input tables of a data directory; report every missing table at once.

    Each table ``<name>`` is read from ``<name>.csv`` or ``<name>.xlsx`` (both at once is refused)
    with its reader (:func:`read_employment`, :func:`read_firms`…); survey and relations are checked
    against the firm register.  All problems are reported together: every missing required table
    (with the steps that need it and where the official data come from) and every invalid file.
    Results are cached per directory and file modification times, so notebooks can call this
    freely; each call returns fresh DataFrame objects (changing one does not change the cache).

    Parameters
    ----------
    data_dir : str or pathlib.Path, optional
        Directory of the tables; default :data:`clusterlib.config.SAMPLE_DIR` (the synthetic sample).
    tables : str or list of str, optional
        Tables that must all be there (the older spelling of ``required``).  With none of
        ``tables``, ``required``, ``optional`` and ``step``: every table of :data:`TABLES`, required.
    required, optional : str or list of str, optional
        Tables the caller cannot do without, and tables it uses when present.  A missing optional
        table is recorded in ``result.missing`` instead of stopping the run.
    step : str, optional
        A step of :data:`STEP_TABLES` (``"sector_selection"``…): its required and optional tables
        (added to ``required``/``optional``).
    coverage : {"all", "partial"}, default "all"
        Employment must cover all 81 provinces in every year (its national totals feed every
        location quotient), or with ``"partial"`` a coverage note is recorded instead.
    sheets : mapping of str to str or int, optional
        The sheet to read of a table given as a workbook, by table name (default: its first visible
        sheet); ``{"employment": "all"}`` reads an SGK yearbook with one sheet per year.
    lang : {"tr", "en"}, optional
        Language of the error messages (default: English, or that of an enclosing
        :func:`~clusterlib.data.messages.messages_in` block).

    Returns
    -------
    LoadedTables
        A dict of the tables found, by name, with ``missing`` (the absent optional tables),
        ``sources`` (file, sheet and read notes of each table) and ``text(lang)`` (report sentences).

    Raises
    ------
    DataValidationError
        Listing at once every missing required table (``error.missing`` holds the
        :class:`~clusterlib.data.notes.MissingTable` records) and every file that fails its schema.
    ValueError
        For an unknown table or step name.

    Examples
    --------
    >>> tables = load_tables(tables=["io_table"])  # the bundled sample
    >>> list(tables), list(tables["io_table"].columns), tables.missing
    (['io_table'], ['from', 'to', 'value'], ())
    >>> tables.sources["io_table"].file
    'io_table.csv'
    """
    with messages_in(lang or message_language()):
        return _load_tables(data_dir, tables, required, optional, step, coverage, dict(sheets or {}))


def _load_tables(data_dir, tables, required, optional, step, coverage, sheets) -> LoadedTables:
    directory = Path(data_dir if data_dir is not None else SAMPLE_DIR).resolve()
    if coverage not in ("all", "partial"):
        raise ValueError(f"'coverage' must be 'all' or 'partial', got {coverage!r}")
    unknown = [name for name in sheets if name not in SCHEMAS]
    if unknown:
        raise ValueError(f"'sheets' must name tables among {list(TABLES)}, got {unknown}")
    if step is not None and step not in STEP_TABLES:
        raise ValueError(f"'step' must be one of {list(STEP_TABLES)}, got {step!r}")
    must = _names(tables, "tables") + _names(required, "required")
    may = _names(optional, "optional")
    if step is not None:
        must += list(STEP_TABLES[step]["required"])
        may += list(STEP_TABLES[step]["optional"])
    if not must and not may:
        must = list(TABLES)
    if {"survey", "relations"} & set(must):
        must.append("firms")
    may = [t for t in may if t not in must]
    if {"survey", "relations"} & set(may):
        may.append("firms")
    wanted = [t for t in TABLES if t in set(must) | set(may)]

    problems: list[DataValidationError] = []
    paths: dict[str, Path] = {}
    absent: list[MissingTable] = []
    for name in wanted:
        try:
            path = _table_path(directory, name)
        except DataValidationError as error:
            problems.append(error)
            continue
        if path is not None:
            paths[name] = path
            continue
        steps_required, steps_optional = _steps_needing(name)
        if step is not None:
            steps_required = (step,) if name in must else ()
            steps_optional = (step,) if name not in must else ()
        absent.append(
            MissingTable(
                name,
                directory.name,
                required=name in must,
                required_by=steps_required,
                optional_for=steps_optional,
                source=SCHEMAS[name].source,
            )
        )
    missing_required = [m for m in absent if m.required]
    if missing_required:
        others = [m for m in absent if not m.required]
        lang = message_language()
        error = DataValidationError(
            msg(
                "data.error.missing_tables",
                count=len(missing_required),
                folder=directory.name,
                path=directory,
            )
            + "\n  "
            + "\n  ".join(m.text(lang) for m in [*missing_required, *others])
            + "\n"
            + msg("data.error.sample_is", path=SAMPLE_DIR),
            expected=[f"{m.table}.csv" for m in missing_required],
        )
        error.missing = tuple(absent)
        problems.insert(0, error)
    if problems:
        raise DataValidationError.collect(problems)

    keys = {name: _table_key(directory, name, paths, coverage, sheets) for name in paths}
    todo = [name for name in paths if keys[name] not in _CACHE]
    if todo:
        from clusterlib.data.cache import read_cached  # a run's validated Parquet copy, if any

        cached = read_cached(directory, todo) if coverage == "all" and not sheets else None
        loaded: dict[str, pd.DataFrame] = cached or {}
        for name in (n for n in todo if n not in loaded):
            sheet = sheets.get(name) if paths[name].suffix.lower() == ".xlsx" else None
            firms = loaded.get("firms")
            if firms is None and "firms" in keys:
                firms = _CACHE.get(keys["firms"])
            try:
                if name == "survey":
                    loaded[name] = read_survey(paths[name], sheet=sheet, firms=firms)
                elif name == "relations":
                    loaded[name] = read_relations(paths[name], sheet=sheet, firms=firms)
                elif name == "employment":
                    loaded[name] = read_employment(paths[name], sheet=sheet, coverage=coverage)
                else:
                    loaded[name] = READERS[name](paths[name], sheet=sheet)
            except DataValidationError as error:
                problems.append(error)
        if problems:
            raise DataValidationError.collect(problems)
        for name, frame in loaded.items():
            _CACHE[keys[name]] = frame
    for key in keys.values():
        _CACHE.move_to_end(key)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    found = {name: _CACHE[keys[name]].copy(deep=False) for name in wanted if name in paths}
    return LoadedTables(found, folder=directory.name, missing=tuple(absent))


def clear_table_cache() -> None:
    """Forget the validated tables :func:`load_tables` keeps in this process (the next call reads the files).

    The cache is never stale (its keys hold the files' modification times and sizes); clearing it
    is for benchmarks and tests that time or check a cold read.

    Examples
    --------
    >>> _ = load_tables(tables=["firms"])
    >>> clear_table_cache()
    >>> len(_CACHE)
    0
    """
    _CACHE.clear()


def data_fingerprint(data_dir: str | Path | None = None) -> str:
    """The short form (12 hexadecimal digits) of :func:`clusterlib.data.version.data_version`.

    The one version of a data folder, over the input tables only (``<table>.csv``/``.xlsx``, regular
    files); it changes when any input changes and does not depend on paths or timestamps.

    Raises
    ------
    DataValidationError
        When the directory holds none of the tables.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterlib.data.version import data_version
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "io_table.csv").write_text("from,to,value\\n", encoding="utf-8")
    >>> data_fingerprint(folder) == data_version(folder)[len("sha256:"):][:12]
    True
    """
    from clusterlib.data.version import data_version, short_version, table_files

    directory = Path(data_dir if data_dir is not None else SAMPLE_DIR)
    if not table_files(directory):
        raise DataValidationError(
            f"holds none of the input tables {list(TABLES)} (looked in {directory.resolve()})",
            file=str(directory),
            expected=[f"{t}.csv" for t in TABLES],
        )
    return short_version(data_version(directory))
