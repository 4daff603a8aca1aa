"""The national table as one XLSX workbook, and each province page's tables beside its page.

Numbers are stored as numbers (a number format shows the decimals, Excel shows them in the reader's
locale), missing values as empty cells, and a text that begins with ``=`` is stored as text, never as
a formula.  The first sheet, "About", says what the figures are, which are synthetic and which are
official (TÜİK, with table and year).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from clusterlib import official
from clusterlib.i18n import check_language, t
from clusterlib.monitoring.benchmarking import METRICS
from clusterlib.national import text  # noqa: F401  (registers the strings)
from clusterlib.national.measures import STAR_COLUMNS
from clusterlib.national.view import NationalView

__all__ = ["national_workbook", "province_workbook", "write_workbook"]

_FORMATS = {"lq": "0.00", "growth": "0.0%", "exports_musd": "#,##0.0", "distance": "0.00", "ses": "0.0"}


def _plain(value: object) -> object:
    """A cell value: numbers as numbers, missing as empty, everything else as text."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        number = float(value)
        if number != number:
            return None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return str(value)


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def write_workbook(path: str | Path, sheets: Sequence[tuple[str, pd.DataFrame]], *, lang: str) -> Path:
    """Write ``(sheet name, frame)`` pairs into one workbook, atomically, readable by all (0644).

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> folder = tempfile.mkdtemp()
    >>> p = write_workbook(f"{folder}/x.xlsx", [("A", pd.DataFrame({"n": [1.5, None], "s": ["=1+1", "b"]}))],
    ...                    lang="en")
    >>> sheet = openpyxl.load_workbook(p)["A"]
    >>> [c.value for c in sheet["A"]], sheet["B2"].data_type, sheet["B2"].value
    (['n', 1.5, None], 's', '=1+1')
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)  # streamed: 82 workbooks in a few seconds
    bold = Font(bold=True)
    for name, frame in sheets:
        sheet = book.create_sheet(name[:31])
        formats = frame.attrs.get("formats", {})
        for j, column in enumerate(frame.columns):
            sheet.column_dimensions[_letter(j + 1)].width = min(max(10, len(str(column)) + 2), 60)
        sheet.freeze_panes = "A2"
        header = []
        for column in frame.columns:
            cell = WriteOnlyCell(sheet, value=str(column))
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        values = [frame.iloc[:, j].tolist() for j in range(frame.shape[1])]  # the values itertuples gives
        for row in zip(*values, strict=True):
            cells = []
            for column, value in zip(frame.columns, row, strict=True):
                cell = WriteOnlyCell(sheet, value=_plain(value))
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # "=…" stays text, never a formula
                elif column in formats and cell.value is not None:
                    cell.number_format = formats[column]
                cells.append(cell)
            sheet.append(cells)
    book.properties.creator = "clusterlib"
    book.properties.language = check_language(lang)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _about(view: NationalView, lang: str, contents: Sequence[tuple[str, str]]) -> pd.DataFrame:
    c = view.context
    lines = [
        t("national.title", lang),
        t("national.synthetic", lang) if view.synthetic else t("national.own_data", lang, folder=view.folder),
        t("national.official", lang, population_year=int(c["population_year"].iloc[0]),
          gdp_year=int(c["gdp_year"].iloc[0]), ses_year=int(c["ses_year"].iloc[0])),
        *(official.source(name, lang) for name in ("population", "gdp_per_capita", "ses")),
        t("national.howto.lq", lang), t("national.howto.strong", lang), t("national.howto.stars", lang),
        t("national.howto.category", lang),
        t("national.technical", lang, year=view.year, period=view.period, folder=view.folder, version="-"),
    ]
    rows = [{t("workbook.sheet", lang): "", t("workbook.content", lang): line} for line in lines]
    rows += [{t("workbook.sheet", lang): sheet, t("workbook.content", lang): what} for sheet, what in contents]
    return pd.DataFrame(rows)


def _measure_frame(view: NationalView, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    columns = {
        t("national.col.plate", lang): frame["plate"].to_numpy(),
        t("national.col.province", lang): frame["province"].to_numpy(),
        "NACE": frame["division"].to_numpy(),
        t("national.col.category", lang): [view.category(c).name(lang) for c in frame["category"]],
    }
    labels = {}
    for metric in METRICS:
        label = (t("national.col.growth", lang, start=view.year - view.period, end=view.year) if metric == "growth"
                 else t(f"national.col.{metric}", lang))
        values = frame[metric].to_numpy(dtype=float)
        columns[label] = values / 1e6 if metric == "exports_usd" else values
        labels[metric] = label
        columns[f"{label} – {t('national.col.rank', lang)}"] = frame[f"rank_{metric}"].to_numpy()
    columns[t("national.col.strong", lang)] = frame["strong"].to_numpy()
    for star in STAR_COLUMNS:
        columns[f"{t('national.col.stars', lang)}: {t(f'national.star.{star}', lang)}"] = frame[star].to_numpy()
    columns[t("national.col.stars", lang)] = frame["stars"].to_numpy()
    out = pd.DataFrame(columns)  # one frame at once, not a column inserted at a time
    out.attrs["formats"] = {labels["lq"]: _FORMATS["lq"], labels["growth"]: _FORMATS["growth"],
                            labels["exports_usd"]: _FORMATS["exports_musd"], labels["employment"]: "#,##0",
                            labels["avg_wage"]: "#,##0", labels["workplaces"]: "#,##0"}
    return out


def _province_frame(view: NationalView, lang: str) -> pd.DataFrame:
    c = view.context
    strong = view.measures.groupby("plate")["strong"].sum()
    out = pd.DataFrame({
        t("national.col.plate", lang): c["plate"], t("national.col.province", lang): c["province"],
        t("national.col.nuts2", lang): c["nuts2"] + " " + c["nuts2_name"],
        t("national.pilot", lang): c["pilot"],
        t("national.col.population", lang, year=int(c["population_year"].iloc[0])): c["population"],
        t("national.col.gdp", lang, year=int(c["gdp_year"].iloc[0])): c["gdp_per_capita_try"],
        t("national.col.gdp_rank", lang, year=int(c["gdp_year"].iloc[0])): c["gdp_rank"],
        t("national.col.ses", lang, year=int(c["ses_year"].iloc[0])): c["ses"],
        t("national.col.ses_rank", lang, year=int(c["ses_year"].iloc[0])): c["ses_rank"],
        t("national.col.strong_count", lang, n=len(view.categories)): c["plate"].map(strong).to_numpy(),
    })
    out.attrs["formats"] = {t("national.col.ses", lang, year=int(c["ses_year"].iloc[0])): "0.0"}
    return out


def _category_frame(view: NationalView, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        "NACE": [c.division for c in view.categories],
        t("national.col.category", lang): [c.name(lang) for c in view.categories],
        t("national.col.clusters", lang): ["; ".join(c.cluster_names(lang)) for c in view.categories],
        "clusters.yaml": [", ".join(c.clusters) for c in view.categories],
        "NACE Rev. 2": [", ".join(c.codes) for c in view.categories],
    })


def national_workbook(view: NationalView, path: str | Path, *, lang: str) -> Path:
    """The national table: About, Provinces (TÜİK context), Province × category (every measure), Categories."""
    lang = check_language(lang)
    names = [t(f"workbook.{k}", lang) for k in ("provinces", "measures", "categories")]
    contents = list(zip(names, [t("national.h.table", lang), t("national.intro", lang).split(".")[0],
                                t("national.howto.category", lang)], strict=True))
    sheets = [(t("workbook.about", lang), _about(view, lang, contents)),
              (names[0], _province_frame(view, lang)),
              (names[1], _measure_frame(view, view.measures, lang)),
              (names[2], _category_frame(view, lang))]
    return write_workbook(path, sheets, lang=lang)


def province_workbook(view: NationalView, plate: int, path: str | Path, *, lang: str) -> Path:
    """One province page's tables: About, its categories ranked, its peers, its initiatives."""
    lang = check_language(lang)
    peers = view.province_peers(plate)
    peer_frame = pd.DataFrame({
        t("national.col.plate", lang): peers["peer_plate"], t("national.col.province", lang): peers["peer"],
        t("province.why.region", lang): peers["same_nuts2"], t("province.why.similar", lang): peers["similar"],
        "distance": peers["distance"],
    })
    peer_frame.attrs["formats"] = {"distance": "0.00"}
    here = view.initiatives(plate)
    initiative_frame = pd.DataFrame({t("national.col.name", lang): here[f"name_{lang}"],
                                     t("national.col.year", lang): here["year"],
                                     t("national.col.sector", lang): here["sector"]})
    names = [t(f"workbook.{k}", lang) for k in ("clusters", "peers", "initiatives")]
    contents = list(zip(names, [t("province.h.clusters", lang), t("province.h.peers", lang),
                                t("province.h.initiatives", lang)], strict=True))
    sheets = [(t("workbook.about", lang), _about(view, lang, contents)),
              (names[0], _measure_frame(view, view.ranked(plate), lang)),
              (names[1], peer_frame), (names[2], initiative_frame)]
    return write_workbook(path, sheets, lang=lang)
