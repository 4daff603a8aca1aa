"""Saving a view: files named after what they hold, never overwritten, each saying where it came from.

:func:`save_view` writes three files per click:

* an XLSX workbook: the view's table as shown, the full data behind its figures (e.g. all 81
  provinces, the sector × province matrix) on further sheets, and an "about" sheet (view, province,
  filters, data folder and version, date, synthetic mark, map attribution); numbers stay numbers,
  percentages get a percent format, and text that begins like a formula is stored as text;
* a CSV of the full data that a spreadsheet in the reader's language opens in columns: ``;`` and a
  decimal comma in Turkish, ``,`` and a decimal point in English (UTF-8 with a BOM);
* a standalone HTML page with plotly.js inline (opens offline), the finding, the figures, the table
  and the same "about" facts as a footer.

The file names are built from the labels the expert sees (view, province, filters, year) plus a
timestamp; when a file of that name exists anyway, ``-2``, ``-3``… is added, so a save never
replaces an earlier one silently.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from clusterlib.cellsafe import excel_safe
from clusterlib.config import SAMPLE_DIR
from clusterlib.i18n import t
from clusterlib.report import atomic_write
from clusterlib.report.tables import table_data, table_html

__all__ = ["MAP_ATTRIBUTION", "SavedView", "about_rows", "file_stem", "save_view", "write_csv", "write_xlsx"]

#: The province outlines come from OpenStreetMap (see clusterlib.geo); the licence asks for this line.
MAP_ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)"


@dataclass(frozen=True)
class SavedView:
    """The files :func:`save_view` wrote."""

    xlsx: Path
    csv: Path
    html: Path

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        """The three files, XLSX first."""
        return (self.xlsx, self.csv, self.html)


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def file_stem(parts: Sequence[str], when: _dt.datetime, *, limit: int = 90) -> str:
    """A file name from the labels of a view and a timestamp, folded to lower-case ASCII.

    Examples
    --------
    >>> file_stem(["İlleri karşılaştırın", "Çorum, Samsun", "2023"], _dt.datetime(2026, 12, 6, 17, 45, 3))
    'illeri-karsilastirin-corum-samsun-2023-20261206-174503'
    """
    body = _slug(" ".join(parts))[:limit].strip("-") or "view"
    return f"{body}-{when:%Y%m%d-%H%M%S}"


def _free_stem(folder: Path, stem: str) -> str:
    candidate, n = stem, 2
    while any((folder / f"{candidate}{suffix}").exists() for suffix in (".xlsx", ".csv", ".html")):
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def about_rows(
    view_title: str,
    labels: Sequence[tuple[str, str]],
    *,
    data_dir: str | Path | None,
    version: str,
    when: _dt.datetime,
    has_map: bool,
    lang: str,
) -> list[tuple[str, str]]:
    """What a saved view holds and where it came from, as (field, value) pairs in the view's language.

    Examples
    --------
    >>> rows = about_rows("Anket", [("İl", "Hakkari")], data_dir=None, version="abc", lang="tr",
    ...                   when=_dt.datetime(2026, 12, 6, 17, 45), has_map=True)
    >>> [field for field, _ in rows]
    ['Görünüm', 'İl', 'Veri klasörü', 'Veri sürümü', 'Kaydedildiği an', 'Veri', 'Harita', 'Yazılım']
    >>> "SENTETİK örnek veri" in rows[5][1]
    True
    """
    from clusterlib import __version__

    folder = Path(data_dir if data_dir is not None else SAMPLE_DIR).resolve()
    synthetic = folder == SAMPLE_DIR.resolve()
    rows = [(t("explore.about.view", lang), view_title), *labels]
    rows += [
        (t("explore.about.data_dir", lang), str(folder)),
        (t("explore.about.version", lang), version),
        (t("explore.about.saved", lang), f"{when:%Y-%m-%d %H:%M:%S}"),
        (t("explore.about.data", lang), t("data.sample" if synthetic else "data.user", lang)),
    ]
    if has_map:
        rows.append((t("explore.about.map", lang), MAP_ATTRIBUTION))
    rows.append((t("explore.about.software", lang), f"clusterlib {__version__}"))
    return rows


def _percent_columns(frame: pd.DataFrame) -> list[object]:
    return [c for c in frame.columns if isinstance(c, str) and c.rstrip().endswith("(%)")]


def write_xlsx(
    path: Path,
    sheets: Mapping[str, tuple[pd.DataFrame, Mapping[str, object]]],
    about: Sequence[tuple[str, str]],
    *,
    lang: str,
) -> None:
    """Write a workbook: one sheet per table (numbers as numbers, with formats) and an about sheet.

    Parameters
    ----------
    sheets : mapping
        Sheet title → (frame, ``table_html`` options such as ``percent_cols`` and ``decimals``).
    about : sequence of (str, str)
        The rows of the about sheet (:func:`about_rows`).

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> target = Path(tempfile.mkdtemp()) / "v.xlsx"
    >>> frame = pd.DataFrame({"Ad": ["=1+1"], "Pay": [0.25]})
    >>> write_xlsx(target, {"Görünüm": (frame, {"percent_cols": ["Pay"]})}, [("İl", "Çorum")], lang="tr")
    >>> book = openpyxl.load_workbook(target)
    >>> book.sheetnames, book["Görünüm"]["A2"].data_type, book["Görünüm"]["B2"].number_format
    (['Görünüm', 'Hakkında'], 's', '0.0%')
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for title, (frame, options) in sheets.items():
        name = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Sheet"
        while name.casefold() in used:
            name = name[:28] + f" {len(used)}"
        used.add(name.casefold())
        sheet = book.create_sheet(name)
        data = table_data(
            frame,
            decimals=options.get("decimals"),  # type: ignore[arg-type]
            percent_cols=[*options.get("percent_cols", ()), *_percent_columns(frame)],  # type: ignore[misc]
            text_cols=options.get("text_cols", ()),  # type: ignore[arg-type]
        )
        for j, header in enumerate(data["columns"], start=1):
            cell = sheet.cell(row=1, column=j, value=str(header))
            cell.font = Font(bold=True)
            excel_safe(cell)
            sheet.column_dimensions[cell.column_letter].width = min(max(10, len(str(header)) + 2), 50)
        for i, row in enumerate(data["rows"], start=2):
            for j, (value, fmt) in enumerate(zip(row, data["formats"], strict=True), start=1):
                cell = sheet.cell(row=i, column=j, value=value)
                excel_safe(cell)
                kind, _, digits = fmt.partition(":")
                if kind != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
                    fraction = "." + "0" * int(digits) if int(digits or 0) else ""
                    cell.number_format = f"0{fraction}%" if kind == "percent" else f"#,##0{fraction}"
        sheet.freeze_panes = "A2"
    sheet = book.create_sheet(t("explore.about", lang))
    for j, header in enumerate((t("explore.about.field", lang), t("explore.about.value", lang)), start=1):
        sheet.cell(row=1, column=j, value=header).font = Font(bold=True)
    for i, (field, value) in enumerate(about, start=2):
        for j, text in enumerate((field, value), start=1):
            excel_safe(sheet.cell(row=i, column=j, value=text))
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 24, 90
    book.properties.creator = "clusterlib"
    book.properties.language = lang
    with atomic_write(path, "wb") as fh:
        book.save(fh)


def write_csv(path: Path, frame: pd.DataFrame, *, lang: str) -> None:
    """Write ``frame`` as CSV that a spreadsheet in ``lang`` splits into columns.

    Turkish: ``;`` between fields and a decimal comma (what a Turkish-locale Excel expects);
    English: ``,`` and a decimal point.  UTF-8 with a BOM, so Excel reads Turkish letters right.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "v.csv"
    >>> write_csv(target, pd.DataFrame({"İl": ["Çorum"], "LQ": [1.5]}), lang="tr")
    >>> target.read_text(encoding="utf-8-sig").splitlines()
    ['İl;LQ', 'Çorum;1,5']
    """
    sep, decimal = (";", ",") if lang == "tr" else (",", ".")
    with atomic_write(path, encoding="utf-8-sig") as fh:
        excel_safe(frame).to_csv(fh, index=False, sep=sep, decimal=decimal, lineterminator="\n")


def _footer(about: Sequence[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in about)
    return f'<footer class="cl-about"><table>{rows}</table></footer>'


_PAGE_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;color:#222}"
    ".cl-table{border-collapse:collapse;font-size:.9em}.cl-table th,.cl-table td{padding:.25em .6em;"
    "border-bottom:1px solid #ddd}.cl-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".cl-about{margin-top:2em;font-size:.85em;color:#444}.cl-about th{text-align:left;padding-right:1em}"
    "@media print{@page{size:A4;margin:15mm}}"
)


def save_view(
    drawing: object,
    labels: Sequence[tuple[str, str]],
    title: str,
    folder: str | Path,
    *,
    data_dir: str | Path | None,
    version: str,
    lang: str = "tr",
    when: _dt.datetime | None = None,
) -> SavedView:
    """Save a :class:`~clusterlib.explore.views.Drawing` as XLSX, CSV and offline HTML (see the module).

    Parameters
    ----------
    drawing : Drawing
        What the view shows now.
    labels : sequence of (str, str)
        Each control's label and the label of its value, as shown (``("İl", "Hakkari")``).
    title : str
        The view's title.
    folder : str or Path
        Where to write (created if needed).
    data_dir, version : the data folder the view reads and its version (``data_fingerprint``).
    lang : {"tr", "en"}
    when : datetime, optional
        The timestamp of the names and the about sheet (default: now).

    Returns
    -------
    SavedView
    """
    when = when or _dt.datetime.now().replace(microsecond=0)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    stem = _free_stem(target, file_stem([title, *(value for _, value in labels)], when))
    paths = SavedView(target / f"{stem}.xlsx", target / f"{stem}.csv", target / f"{stem}.html")
    has_map = bool(getattr(drawing, "map_attribution", False))
    about = about_rows(title, labels, data_dir=data_dir, version=version, when=when, has_map=has_map, lang=lang)
    sheets = {t("explore.sheet.view", lang): (drawing.table, drawing.table_options)}  # type: ignore[attr-defined]
    sheets.update({name: (frame, {}) for name, frame in drawing.data.items()})  # type: ignore[attr-defined]
    write_xlsx(paths.xlsx, sheets, about, lang=lang)
    full = next(iter(drawing.data.values()), drawing.table)  # type: ignore[attr-defined]
    write_csv(paths.csv, full, lang=lang)
    heading = " — ".join([title, *(value for _, value in labels)])
    figures: Sequence[go.Figure] = drawing.figures  # type: ignore[attr-defined]
    charts = "".join(
        fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False}) for fig in figures
    )
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(heading)}</title>'
        f"<style>{_PAGE_CSS}</style><script>{get_plotlyjs()}</script></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(' · '.join(f'{k}: {v}' for k, v in labels))}</p>"
        f'<p class="cl-finding"><strong>{html.escape(drawing.finding)}</strong></p>{charts}'  # type: ignore[attr-defined]
        f"{table_html(drawing.table, lang=lang, **drawing.table_options)}"  # type: ignore[attr-defined]
        f"{_footer(about)}</body></html>"
    )
    with atomic_write(paths.html) as fh:
        fh.write(page)
    return paths
