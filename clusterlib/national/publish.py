"""Write the national page, the 81 province pages and their workbooks into a report set."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clusterlib import regions
from clusterlib.data import DataValidationError
from clusterlib.i18n import check_language
from clusterlib.national.freshness import (
    PROVINCE_FOLDER,
    file_key,
    pages_fingerprint,
    record_pages,
    stale_files,
)
from clusterlib.national.pages import national_page, unavailable_page
from clusterlib.national.province import province_page
from clusterlib.national.view import NationalView, national_view
from clusterlib.national.workbook import national_workbook, province_workbook
from clusterlib.report.titles import step_title

__all__ = ["PROVINCE_FOLDER", "step_reports", "write_ahead", "write_national_pages"]



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


def _write_file(lang_dir: Path, name: str, view: NationalView, *, lang: str, plates: dict[str, int],
                reports: list[list[tuple[str, str]]] | None = None) -> Path:
    """Write one file of the overview: the national page or workbook, or a province's page or
    workbook (``plates`` maps its name to the province; a page links its ``reports``)."""
    target = lang_dir / name
    if name == "national.html":
        _write_text(target, national_page(view, lang=lang))
    elif name == "national.xlsx":
        national_workbook(view, target, lang=lang)
    elif name.endswith(".html"):
        plate = plates[name]
        _write_text(target, province_page(view, plate, lang=lang, reports=(reports or [])[plate - 1]))
    else:
        province_workbook(view, plates[name], target, lang=lang)
    return target


#: Views computed by :func:`write_ahead`, by (language folder, fingerprint), for the post-run call.
_AHEAD_VIEWS: dict[tuple[str, str], NationalView] = {}


def write_ahead(out_dir: str | Path, *, lang: str = "tr", data_dir: str | Path | None = None) -> list[Path]:
    """Write the files of the overview that no step report changes — ``national.html``,
    ``national.xlsx`` and the 81 province workbooks — while a run's reports are still rendering.

    :func:`write_national_pages` then finds them up to date (the same record and keys) and writes
    only the province pages, which link the reports; it reuses the view computed here.  Files up to
    date are left alone; nothing is written when the data lack what the overview needs (the post-run
    call says so on the page).

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    books = {f"{PROVINCE_FOLDER}/{regions.province(plate).slug}.xlsx": plate for plate in range(1, 82)}
    fingerprint = pages_fingerprint(lang=lang, data_dir=data_dir)
    keys = {name: fingerprint for name in ["national.html", "national.xlsx", *books]}
    stale = stale_files(lang_dir, keys)
    if not stale:
        return []
    try:
        view = national_view(data_dir, lang=lang)
    except DataValidationError:
        return []
    _AHEAD_VIEWS[(str(lang_dir.resolve()), fingerprint)] = view
    written = [_write_file(lang_dir, name, view, lang=lang, plates=books) for name in sorted(stale)]
    record_pages(lang_dir, keys, keep_others=True)
    return written


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
        Without ``view``: keep each file of the last call when nothing it shows changed
        (:mod:`clusterlib.national.freshness`) instead of writing the same bytes again.

    Returns
    -------
    list of pathlib.Path
        The national page first, then the province pages, then the workbooks.  When the data lack
        the employment table, only the national page is written, saying why.
    """
    lang = check_language(lang)
    lang_dir = Path(out_dir) / lang
    slugs = [regions.province(plate).slug for plate in range(1, 82)]
    reports = [step_reports(lang_dir, plate, lang=lang) for plate in range(1, 82)]
    pages = {f"{PROVINCE_FOLDER}/{slug}.html": plate for plate, slug in enumerate(slugs, 1)}
    books = {f"{PROVINCE_FOLDER}/{slug}.xlsx": plate for plate, slug in enumerate(slugs, 1)} if workbooks else {}
    names = ["national.html", *pages, *(["national.xlsx"] if workbooks else []), *books]
    keys: dict[str, str] | None = None
    stale = set(names)
    if view is None and keep_unchanged:
        fingerprint = pages_fingerprint(lang=lang, data_dir=data_dir)
        keys = {name: fingerprint for name in names}
        keys.update({name: file_key(fingerprint, reports[plate - 1]) for name, plate in pages.items()})
        stale = stale_files(lang_dir, keys)
        if not stale:  # nothing the overview shows changed: not even the figures are computed
            return [lang_dir / name for name in names]
    if view is None and keys is not None:  # computed by write_ahead for this very fingerprint
        view = _AHEAD_VIEWS.pop((str(lang_dir.resolve()), fingerprint), None)
    if view is None:
        try:
            view = national_view(data_dir, lang=lang)
        except DataValidationError as error:  # the data lack what the measures need: say so on the page
            return [_write_text(lang_dir / "national.html", unavailable_page(str(error), lang=lang))]
    for name in (n for n in names if n in stale):
        _write_file(lang_dir, name, view, lang=lang, plates={**pages, **books}, reports=reports)
    if keys is not None:
        record_pages(lang_dir, keys)
    return [lang_dir / name for name in names]
