"""The XLSX template the info spots edit: export the current entries, read an edited copy back.

One sheet per kind of entry (with drop-down lists for the classifications), a help sheet, a hidden
``_lists`` sheet behind the drop-downs and a hidden ``_meta`` sheet (template version, export
time).  Each row carries the version it had at export (column ``_version``), the base of the
three-way merge at import.  Every problem of an edited file is reported at once, located by sheet,
row and column, in the user's language.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from clusterlib import nace, regions
from clusterlib.data.validation import resolve_division
from clusterlib.i18n import check_language, t
from clusterlib.knowledge import labels  # noqa: F401  (registers the strings)
from clusterlib.knowledge.schema import KINDS, TEMPLATE_VERSION, Kind, need_areas
from clusterlib.knowledge.store import KnowledgeStore, now_text

__all__ = ["FORMAT", "ImportProblem", "KnowledgeImportError", "Row", "Workbook", "export_workbook", "read_workbook"]

#: The ``format`` recorded in the ``_meta`` sheet of every template.
FORMAT = "clusterlib-knowledge"
_ID = re.compile(r"^[A-Za-z0-9_.\-]+$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LOW_YEAR = 1990


@dataclass(frozen=True)
class ImportProblem:
    """One problem of an edited template."""

    sheet: str | None
    row: int | None
    column: str | None
    key: str
    params: dict

    def text(self, lang: str, file: str) -> str:
        """The problem in ``lang``, prefixed by where it is."""
        if self.row is not None:
            where = t("kb.where", lang, file=file, sheet=self.sheet, row=self.row, column=self.column)
        elif self.sheet is not None:
            where = t("kb.where_sheet", lang, file=file, sheet=self.sheet)
        else:
            where = file
        params = {k: repr(v) if k == "got" else v for k, v in self.params.items()}
        return f"{where}: {t(self.key, lang, **params)}"


class KnowledgeImportError(ValueError):
    """An edited template that cannot be imported; :attr:`problems` lists every problem."""

    def __init__(self, file: str, problems: list[ImportProblem], lang: str) -> None:
        self.file, self.problems, self.lang = file, problems, lang
        lines = [f"  - {p.text(lang, file)}" for p in problems]
        super().__init__(t("kb.problems", lang, file=file, n=len(problems)) + "\n" + "\n".join(lines))


@dataclass(frozen=True)
class Row:
    """One row of an edited sheet: the entry's fields and the version it had at export."""

    kind: str
    id: str
    row: int
    base_version: int | None
    data: dict[str, str]


@dataclass(frozen=True)
class Workbook:
    """An edited template, checked: its rows by kind and its ``_meta``."""

    file: str
    meta: dict[str, str]
    rows: list[Row]


def _cell(ws, row: int, column: int, value: str) -> None:
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"  # text that looks like a formula stays text


def _lists(wb, areas: tuple[str, ...]) -> dict[str, str]:
    ws = wb.create_sheet("_lists")
    ws.sheet_state = "hidden"
    columns = {
        "province": [p.name for p in (regions.province(k) for k in range(1, 82))],
        "need_areas": list(areas),
        "cluster": list(nace.clusters()["id"]),
    }
    refs = {}
    for j, (name, values) in enumerate(columns.items(), start=1):
        letter = ws.cell(row=1, column=j).column_letter
        for i, value in enumerate(values, start=1):
            ws.cell(row=i, column=j, value=value)
        refs[name] = f"_lists!${letter}$1:${letter}${len(values)}"
    return refs


def export_workbook(store: KnowledgeStore, path: str | Path, *, lang: str = "tr") -> Path:
    """Write the XLSX template of the store's current entries to ``path`` (atomically, 0644).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    from openpyxl import Workbook as _Book
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = check_language(lang)
    path = Path(path)
    wb = _Book()
    help_sheet = wb.active
    help_sheet.title = "README"
    help_sheet["A1"] = t("kb.help.title", lang)
    help_sheet["A3"] = t("kb.help.text", lang)
    help_sheet.column_dimensions["A"].width = 120
    refs = _lists(wb, need_areas())
    for k in KINDS.values():
        ws = wb.create_sheet(k.sheet)
        header = [*k.all_columns, "_version"]
        for j, name in enumerate(header, start=1):
            ws.cell(row=1, column=j, value=name)
        entries = store.entries(k.id)
        for i, entry in enumerate(entries, start=2):
            _cell(ws, i, 1, entry.id)
            for j, name in enumerate(header[1:-1], start=2):
                _cell(ws, i, j, entry.get(name))
            ws.cell(row=i, column=len(header), value=entry.version)
        ws.freeze_panes = "B2"
        ws.column_dimensions[ws.cell(row=1, column=len(header)).column_letter].hidden = True
        last = max(len(entries) + 200, 500)
        for name, formula, strict in (("type", '"' + ",".join(k.types) + '"', True),
                                      ("province", refs["province"], True),
                                      ("cluster", refs["cluster"], True),
                                      ("need_areas", refs["need_areas"], False)):
            letter = ws.cell(row=1, column=header.index(name) + 1).column_letter
            rule = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict)
            rule.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(rule)
    meta = wb.create_sheet("_meta")
    meta.sheet_state = "hidden"
    for i, (key, value) in enumerate((("format", FORMAT), ("template_version", str(TEMPLATE_VERSION)),
                                      ("exported_at", now_text()), ("store", store.path.name)), start=1):
        meta.cell(row=i, column=1, value=key)
        meta.cell(row=i, column=2, value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime | _dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _check_value(k: Kind, column: str, value: str, problem) -> str:
    """The value as stored (a province's official name…), or the value after reporting a problem."""
    if column == "type" and value not in k.types:
        problem("kb.err.choice", got=value, allowed=", ".join(k.types))
    elif column == "province":
        try:
            return regions.province(value).name
        except regions.UnknownProvinceError as error:
            problem("kb.err.province", detail=str(error))
    elif column == "nace_divisions":
        codes = []
        for item in (v.strip() for v in value.split(";")):
            try:
                codes.append(resolve_division(item)) if item else None
            except (ValueError, KeyError):
                problem("kb.err.nace", got=item)
        return ";".join(codes)
    elif column == "need_areas":
        items = [v.strip() for v in value.split(";") if v.strip()]
        for item in items:
            if item not in need_areas():
                problem("kb.err.choice", got=item, allowed=", ".join(need_areas()))
        return ";".join(items)
    elif column == "cluster" and value not in set(nace.clusters()["id"]):
        problem("kb.err.choice", got=value, allowed=", ".join(nace.clusters()["id"]))
    elif column in k.integers:
        low, high = (_LOW_YEAR, _dt.date.today().year) if column == "year" else (0, 10**7)
        if not value.isdigit() or not low <= int(value) <= high:
            problem("kb.err.integer", got=value, low=low, high=high)
    elif column in ("date", "checked"):
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            problem("kb.err.date", got=value)
    return value


def read_workbook(path: str | Path, *, lang: str = "tr") -> Workbook:
    """Read and check an edited template.

    Raises
    ------
    KnowledgeImportError
        Listing every problem: a file that is not a template of this version, missing or unknown
        columns, empty or repeated ids, values outside the classifications.
    """
    from openpyxl import load_workbook

    lang = check_language(lang)
    path = Path(path)
    name = path.name
    try:
        wb = load_workbook(path)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise KnowledgeImportError(name, [ImportProblem(None, None, None, "kb.err.not_xlsx",
                                                        {"error": str(error)})], lang) from None
    if "_meta" not in wb.sheetnames:
        raise KnowledgeImportError(name, [ImportProblem(None, None, None, "kb.err.not_template", {})], lang)
    meta = {_text(a.value): _text(b.value) for a, b in wb["_meta"].iter_rows(min_col=1, max_col=2)}
    if meta.get("format") != FORMAT:
        raise KnowledgeImportError(name, [ImportProblem(None, None, None, "kb.err.not_template", {})], lang)
    if meta.get("template_version") != str(TEMPLATE_VERSION):
        raise KnowledgeImportError(name, [ImportProblem(None, None, None, "kb.err.version",
                                                        {"version": meta.get("template_version") or "?",
                                                         "expected": TEMPLATE_VERSION})], lang)
    problems: list[ImportProblem] = []
    rows: list[Row] = []
    sheets = [k for k in KINDS.values() if k.sheet in wb.sheetnames]
    if not sheets:
        problems.append(ImportProblem(None, None, None, "kb.err.no_sheets",
                                      {"sheets": ", ".join(k.sheet for k in KINDS.values())}))
    for k in sheets:
        ws = wb[k.sheet]
        values = [[_text(v) for v in r] for r in ws.iter_rows(values_only=True)]
        header = values[0] if values else []
        expected = [*k.all_columns, "_version"]
        missing = [c for c in expected if c not in header]
        unknown = [c for c in header if c and c not in expected]
        if missing or unknown:
            for key, cols in (("kb.err.missing_columns", missing), ("kb.err.unknown_columns", unknown)):
                if cols:
                    problems.append(ImportProblem(k.sheet, None, None, key, {"columns": ", ".join(cols)}))
            continue
        seen: dict[str, int] = {}
        for number, raw in enumerate(values[1:], start=2):
            cells = dict(zip(header, raw, strict=False))
            if not any(cells.get(c) for c in k.all_columns):
                continue  # an empty row

            def problem(key: str, column: str, number: int = number, sheet: str = k.sheet,
                        **params: object) -> None:
                problems.append(ImportProblem(sheet, number, column, key, params))

            ident = cells.get("id", "")
            if not ident:
                problem("kb.err.no_id", "id")
            elif not _ID.match(ident):
                problem("kb.err.bad_id", "id", got=ident)
            elif ident in seen:
                problem("kb.err.dup_id", "id", got=ident, other=seen[ident])
            else:
                seen[ident] = number
            if not (cells.get("name_tr") or cells.get("name_en")):
                problem("kb.err.no_name", "name_tr")
            data = {}
            for column in k.all_columns[1:]:
                value = cells.get(column, "")
                if value:
                    value = _check_value(k, column, value, lambda key, c=column, **p: problem(key, c, **p))
                if value:
                    data[column] = value
            base = cells.get("_version", "")
            if base and not base.isdigit():
                problem("kb.err.base", "_version", got=base)
            rows.append(Row(k.id, ident, number, int(base) if base.isdigit() else None, data))
    if problems:
        raise KnowledgeImportError(name, problems, lang)
    return Workbook(name, meta, rows)
