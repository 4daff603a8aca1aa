"""Write the national page, the 81 province pages and their workbooks into a report set."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clusterlib import regions
from clusterlib.data import DataValidationError
from clusterlib.i18n import check_language
from clusterlib.national.freshness import pages_fingerprint, record_pages, recorded_pages
from clusterlib.national.pages import national_page, unavailable_page
from clusterlib.national.province import province_page
from clusterlib.national.view import NationalView, national_view
from clusterlib.national.workbook import national_workbook, province_workbook
from clusterlib.report.titles import step_title

__all__ = ["PROVINCE_FOLDER", "step_reports", "write_national_pages"]

#: Folder of the province pages inside a language folder: ``<lang>/provinces/<slug>.html``.
PROVINCE_FOLDER = "provinces"


def _write_text(path: Path, text: str) -> Path:
    """Write atomically (a temporary file in the same folder, then a rename), readable by all (0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def step_reports(lang_dir: str | Path, province: regions.Province | str | int, *, lang: str) -> list[tuple[str, str]]:
    """The step reports rendered for a province in a language folder, as ``(href, title)`` from its page.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "corum").mkdir(), (root / "corum" / "sector_selection.html").write_text("x")
    >>> step_reports(root, "Çorum", lang="tr")
    [('../corum/sector_selection.html', 'Sektör seçimi')]
    """
    place = regions.province(province)
    folder = Path(lang_dir) / place.slug
    found = sorted(folder.glob("*.html")) if folder.is_dir() else []
    return [(f"../{place.slug}/{report.name}", step_title(report.stem, lang)) for report in found]


def write_national_pages(out_dir: str | Path, *, lang: str = "tr", data_dir: str | Path | None = None,
                         view: NationalView | None = None, workbooks: bool = True,
                         keep_unchanged: bool = True) -> list[Path]:
    """Write ``<out>/<lang>/national.html`` (+ ``national.xlsx``) and ``<out>/<lang>/provinces/<slug>.html``
    (+ ``.xlsx``) for the 81 provinces.

    Parameters
    ----------
    out_dir : str or pathlib.Path
        The report folder of a run.
    lang : {"tr", "en"}
    data_dir : str or pathlib.Path, optional
        Input tables (default: the bundled synthetic sample).
    view : NationalView, optional
        Computed figures to reuse (e.g. for both languages); default: :func:`national_view` of ``data_dir``.
    workbooks : bool, default True
        Also write the XLSX workbooks.
    keep_unchanged : bool, default True
        Without ``view``: keep the files of the last call when nothing they show changed
        (:mod:`clusterlib.national.freshness`) instead of writing the same bytes again.

    Returns
    -------
    list of pathlib.Path
        The national page first, then the province pages, then the workbooks.  When the data lack
        the employment table, only the national page is written, saying why.
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    reports = [step_reports(lang_dir, plate, lang=lang) for plate in range(1, 82)]
    fingerprint = None
    if view is None and keep_unchanged:
        fingerprint = pages_fingerprint(lang=lang, data_dir=data_dir, workbooks=workbooks, reports=reports)
        kept = recorded_pages(lang_dir, fingerprint)
        if kept is not None:
            return kept
    if view is None:
        try:
            view = national_view(data_dir, lang=lang)
        except DataValidationError as error:  # the data lack what the measures need: say so on the page
            return [_write_text(lang_dir / "national.html", unavailable_page(str(error), lang=lang))]
    pages = [_write_text(lang_dir / "national.html", national_page(view, lang=lang))]
    folder = lang_dir / PROVINCE_FOLDER
    for plate in range(1, 82):
        html = province_page(view, plate, lang=lang, reports=reports[plate - 1])
        pages.append(_write_text(folder / f"{regions.province(plate).slug}.html", html))
    if workbooks:
        pages.append(national_workbook(view, lang_dir / "national.xlsx", lang=lang))
        pages += [province_workbook(view, p, folder / f"{regions.province(p).slug}.xlsx", lang=lang)
                  for p in range(1, 82)]
    if fingerprint is not None:
        record_pages(lang_dir, fingerprint, pages)
    return pages
