"""An exploration view: controls that call the library, figures and a table that redraw, and a save button.

Every explorer of :mod:`clusterlib.explore` is a :class:`View`.  Its ``draw`` function takes the
current control values and returns a :class:`Drawing` (a table, figures and one plain sentence); the
view shows it in JupyterLab and redraws it when a control changes.

Figures are plotly ``FigureWidget`` objects.  Since plotly 6 these are anywidgets: the front-end code
ships inside the ``plotly`` and ``anywidget`` Python packages as JupyterLab extensions, so they work
offline, update in place (only the changed data travel to the browser) and report clicks back to
Python.  Without a browser (nbval, papermill) they are still built and updated, which the tests use.
"""

from __future__ import annotations

import html
import re
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from clusterlib.cellsafe import excel_safe
from clusterlib.config import PROCESSED_DIR
from clusterlib.i18n import add_strings, t
from clusterlib.report import atomic_write
from clusterlib.report.tables import table_html

__all__ = ["Drawing", "SavedView", "View", "save_view"]

add_strings(
    {
        "explore.save": {"tr": "Görünümü kaydet", "en": "Save this view"},
        "explore.folder": {"tr": "Klasör", "en": "Folder"},
        "explore.saved": {"tr": "Kaydedildi: {files}", "en": "Saved: {files}"},
        "explore.redrawn": {"tr": "{seconds} saniyede yeniden çizildi.", "en": "Redrawn in {seconds} s."},
    }
)


@dataclass(frozen=True)
class Drawing:
    """What a view shows for one set of control values.

    Attributes
    ----------
    table : DataFrame
        The figures behind the view, with headers in the view's language; saved as XLSX and CSV.
    figures : tuple of plotly Figure
        Drawn into the view's ``FigureWidget`` objects, in order.
    finding : str
        One plain sentence on top of the view.
    table_options : mapping
        Keyword arguments for :func:`clusterlib.report.tables.table_html` (``percent_cols``, ``decimals``…).
    """

    table: pd.DataFrame
    figures: tuple[go.Figure, ...] = ()
    finding: str = ""
    table_options: Mapping[str, object] = field(default_factory=dict)


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
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "view"


def save_view(
    drawing: Drawing, name: str, folder: str | Path | None = None, *, lang: str = "tr"
) -> SavedView:
    """Save a view as the expert sees it: its table as XLSX and CSV, its figures as one offline HTML file.

    The HTML file carries plotly.js inline, so it opens without a network and can be e-mailed on
    its own.  Every file is written atomically (a temporary file moved into place), so an
    interrupted save never leaves half a file.

    Parameters
    ----------
    drawing : Drawing
        What the view shows now (:attr:`View.drawing`).
    name : str
        A name for the files; folded to lower-case ASCII (``Çorum – gıda`` → ``corum-gida``).
    folder : str or Path, optional
        Where to write; default ``data/processed/views``.
    lang : {"tr", "en"}
        Language of the HTML page.

    Returns
    -------
    SavedView
        The paths of the XLSX, CSV and HTML files.

    Examples
    --------
    >>> import tempfile
    >>> d = Drawing(pd.DataFrame({"il": ["Çorum"], "LQ": [1.5]}), (go.Figure(go.Bar(x=[1], y=[2])),), "Bir cümle.")
    >>> saved = save_view(d, "Çorum deneme", tempfile.mkdtemp())
    >>> [p.name for p in saved.paths]
    ['corum-deneme.xlsx', 'corum-deneme.csv', 'corum-deneme.html']
    >>> pd.read_excel(saved.xlsx)["LQ"].tolist()
    [1.5]
    """
    target = Path(folder) if folder is not None else PROCESSED_DIR / "views"
    stem = _slug(name)
    paths = SavedView(target / f"{stem}.xlsx", target / f"{stem}.csv", target / f"{stem}.html")
    with atomic_write(paths.xlsx, "wb") as fh:
        excel_safe(drawing.table).to_excel(fh, index=False, sheet_name=stem[:31])
    with atomic_write(paths.csv, encoding="utf-8-sig") as fh:  # a BOM so Excel opens Turkish letters right
        excel_safe(drawing.table).to_csv(fh, index=False)
    charts = "".join(
        fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False})
        for fig in drawing.figures
    )
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(name)}</title>'
        f"<script>{get_plotlyjs()}</script></head><body><h1>{html.escape(name)}</h1>"
        f"<p>{html.escape(drawing.finding)}</p>{charts}"
        f"{table_html(drawing.table, lang=lang, **drawing.table_options)}</body></html>"
    )
    with atomic_write(paths.html) as fh:
        fh.write(page)
    return paths


def _apply(widget: go.FigureWidget, figure: go.Figure) -> None:
    """Make ``widget`` show ``figure``, updating traces in place when their number and types match."""
    same = len(widget.data) == len(figure.data) and all(
        a.type == b.type for a, b in zip(widget.data, figure.data, strict=True)
    )
    if not same:
        widget.data = ()
        widget.add_traces(figure.data)
    with widget.batch_update():
        if same:
            for current, new in zip(widget.data, figure.data, strict=True):
                current.update(new.to_plotly_json(), overwrite=True)
        widget.layout = figure.layout


class View:
    """Controls, figures and a table that redraw together, with a save button.

    Parameters
    ----------
    name : str
        Title of the view (also the default file name when it is saved).
    key : str
        A short identifier; the view's box gets the CSS classes ``cl-view`` and ``cl-view-<key>``.
    controls : mapping of str to ipywidgets.ValueWidget
        The controls by the keyword their value is passed to ``draw`` under.
    draw : callable
        ``draw(**values) -> Drawing``.
    lang : {"tr", "en"}

    Attributes
    ----------
    drawing : Drawing
        What the view shows now.
    timings : list of float
        Seconds each redraw took (the first drawing included), to check the view stays responsive.
    """

    def __init__(
        self,
        name: str,
        key: str,
        controls: Mapping[str, widgets.ValueWidget],
        draw: Callable[..., Drawing],
        *,
        lang: str = "tr",
    ) -> None:
        self.name = name
        self.key = key
        self.lang = lang
        self.controls = dict(controls)
        self._draw = draw
        self.timings: list[float] = []
        self.finding = widgets.HTML()
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        self.folder = widgets.Text(value=str(PROCESSED_DIR / "views"), description=t("explore.folder", lang))
        self.save_button = widgets.Button(description=t("explore.save", lang), icon="save")
        self.save_button.on_click(lambda _button: self.save())
        self.figures: list[go.FigureWidget] = []
        self.drawing = self.redraw()
        for control in self.controls.values():
            control.observe(lambda _change: self.redraw(), names="value")

    def values(self) -> dict[str, object]:
        """The current value of every control, by keyword."""
        return {key: control.value for key, control in self.controls.items()}

    def redraw(self) -> Drawing:
        """Draw the view for the current control values; record the time it took."""
        start = time.perf_counter()
        drawing = self._draw(**self.values())
        while len(self.figures) < len(drawing.figures):
            self.figures.append(go.FigureWidget())
        for widget, figure in zip(self.figures, drawing.figures, strict=False):
            _apply(widget, figure)
        self.finding.value = f'<p class="cl-finding"><strong>{html.escape(drawing.finding)}</strong></p>'
        self.table.value = table_html(drawing.table, lang=self.lang, **drawing.table_options)
        self.drawing = drawing
        self.timings.append(time.perf_counter() - start)
        return drawing

    def save(self, folder: str | Path | None = None) -> SavedView:
        """Save what the view shows now (see :func:`save_view`); the status line names the files."""
        values = " ".join(
            str(v) for v in self.values().values() if not isinstance(v, Sequence) or isinstance(v, str)
        )
        saved = save_view(self.drawing, f"{self.name} {values}", folder or self.folder.value, lang=self.lang)
        self.status.value = html.escape(
            t("explore.saved", self.lang, files=", ".join(p.name for p in saved.paths))
        )
        return saved

    def widget(self) -> widgets.VBox:
        """The whole view as one widget, to display in a cell."""
        box = widgets.VBox(
            [
                widgets.HTML(f"<h3>{html.escape(self.name)}</h3>"),
                widgets.HBox(list(self.controls.values()), layout=widgets.Layout(flex_flow="row wrap")),
                self.finding,
                *self.figures,
                self.table,
                widgets.HBox([self.folder, self.save_button]),
                self.status,
            ]
        )
        box.add_class("cl-view")
        box.add_class(f"cl-view-{self.key}")
        return box

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        return self.widget()._repr_mimebundle_(**kwargs)
