"""An exploration view: controls that call the library, figures and a table that redraw, and a save button.

Every explorer of :mod:`clusterlib.explore` is a :class:`View`.  Its ``draw`` function takes the
current control values and returns a :class:`Drawing` (a table, figures and one plain sentence); the
view shows it in JupyterLab and redraws it when a control changes.  Where the data do not allow a
view (a province without a needs survey, say), ``draw`` returns :func:`notice`: one plain sentence
and no figure, so the other views still work.

Figures are plotly ``FigureWidget`` objects.  Since plotly 6 these are anywidgets: the front-end code
ships inside the ``plotly`` and ``anywidget`` Python packages as JupyterLab extensions, so they work
offline, update in place (only the changed data travel to the browser) and report clicks back to
Python.  Without a browser (nbval, papermill) they are still built and updated, which the tests use.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib.config import PROCESSED_DIR, SAMPLE_DIR
from clusterlib.data import data_fingerprint
from clusterlib.explore.coalesce import Coalescer, from_browser
from clusterlib.explore.saving import SavedView, save_view
from clusterlib.i18n import format_number, t
from clusterlib.report.tables import table_html

__all__ = ["Drawing", "View", "notice"]


#: The report's table look, for the tables inside the views (JupyterLab does not load the report CSS).
VIEW_CSS = """<style>
.cl-view .cl-table{border-collapse:collapse;font-size:13px;margin:.4em 0}
.cl-view .cl-table th{text-align:left;border-bottom:2px solid #555;padding:.3em .7em;vertical-align:bottom}
.cl-view .cl-table td{border-bottom:1px solid #ddd;padding:.25em .7em}
.cl-view .cl-table td.num,.cl-view .cl-table th.num{text-align:right;font-variant-numeric:tabular-nums}
.cl-view .cl-table-wrap{max-height:420px;overflow:auto}
.cl-view .cl-finding{border-left:4px solid #0072B2;background:#eef6fb;padding:.4em 1em;margin:.5em 0}
.cl-view .widget-label{max-width:none}
</style>"""


@dataclass(frozen=True)
class Drawing:
    """What a view shows for one set of control values.

    Attributes
    ----------
    table : DataFrame
        The table on screen, with headers in the view's language; saved as the first XLSX sheet.
    figures : tuple of plotly Figure
        Drawn into the view's ``FigureWidget`` objects, in order.
    finding : str
        One plain sentence on top of the view.
    table_options : mapping
        Keyword arguments for :func:`clusterlib.report.tables.table_html` (``percent_cols``, ``decimals``…).
    data : mapping of str to DataFrame
        The full data behind the figures (e.g. all 81 provinces), by sheet title: saved as further
        XLSX sheets, the first one also as the CSV.
    map_attribution : bool
        Whether a figure is a map drawn from OpenStreetMap outlines (the saved files credit them).
    """

    table: pd.DataFrame
    figures: tuple[go.Figure, ...] = ()
    finding: str = ""
    table_options: Mapping[str, object] = field(default_factory=dict)
    data: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    map_attribution: bool = False


def notice(text: str) -> Drawing:
    """A drawing that only says, in a plain sentence, why the view has nothing to show.

    Examples
    --------
    >>> d = notice("Hakkari için ihtiyaç anketi yok.")
    >>> d.figures, d.table.empty
    ((), True)
    """
    return Drawing(table=pd.DataFrame(), finding=text)


def same_value(a: object, b: object) -> bool:
    """Whether two plotly property values (plain JSON, lists or numpy arrays, nested) are equal.

    Examples
    --------
    >>> same_value({"x": np.array([1.0, np.nan])}, {"x": np.array([1.0, np.nan])})
    True
    >>> same_value({"x": [1, 2]}, {"x": [1, 3]}), same_value("a", None)
    (False, False)
    >>> same_value([[1, 2], [3]], [[1, 2], [3]]), same_value([[1, 2], [3]], [[1, 2], [4]])
    (True, False)
    """
    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)) or a.keys() != b.keys():
            return False
        return all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, (np.ndarray, list, tuple)) or isinstance(b, (np.ndarray, list, tuple)):
        if not isinstance(a, (np.ndarray, list, tuple)) or not isinstance(b, (np.ndarray, list, tuple)):
            return False
        if len(a) != len(b):
            return False
        try:
            left, right = np.asarray(a), np.asarray(b)
        except ValueError:  # ragged nested lists: compare item by item
            return all(same_value(x, y) for x, y in zip(a, b, strict=True))
        if left.dtype.kind in "fc" and right.dtype.kind in "fc":
            return bool(np.array_equal(left, right, equal_nan=True))
        if left.dtype != object and right.dtype != object:
            return bool(left.shape == right.shape and np.array_equal(left, right))
        return all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return True
    return type(a) is type(b) and a == b


@dataclass
class _Sent:
    """What a figure widget was last given: its traces' and its layout's plain JSON."""

    traces: list[dict]
    layout: dict


def _apply(widget: go.FigureWidget, figure: go.Figure, sent: _Sent | None) -> _Sent:
    """Make ``widget`` show ``figure``, sending only what changed since ``sent``; returns what it now shows.

    When the traces keep their number and types, only the trace and layout properties (top-level
    keys) that differ from the last drawing are set, in one ``batch_update``: one small message to
    the browser and no re-validation of the unchanged geometry or of the template.  Otherwise the
    traces are removed, the layout replaced and the new traces added (in that order, so the browser
    draws the new traces once, not first in the old layout and again in the new one).
    """
    traces = [trace.to_plotly_json() for trace in figure.data]
    layout = figure.layout.to_plotly_json()
    same = (
        sent is not None
        and len(widget.data) == len(traces) == len(sent.traces)
        and all(a.type == b.get("type") for a, b in zip(widget.data, traces, strict=True))
    )
    if not same:  # the layout before the traces: the browser draws the new traces once, in their layout
        widget.data = ()
        widget.layout = figure.layout
        widget.add_traces(figure.data)
        return _Sent(traces, layout)
    with widget.batch_update():
        for index, (old, new) in enumerate(zip(sent.traces, traces, strict=True)):
            for key in old.keys() | new.keys():
                if key != "uid" and not same_value(old.get(key), new.get(key)):
                    widget.data[index][key] = new.get(key)
        for key in sent.layout.keys() | layout.keys():
            if not same_value(sent.layout.get(key), layout.get(key)):
                widget.layout[key] = layout.get(key)
    return _Sent(traces, layout)


def _resend_on_first_view(change: Mapping[str, object]) -> None:
    """Send a figure's traces and layout again when the browser shows it for the first time.

    A ``FigureWidget`` sends its data right after its comm opens; when the browser is still loading
    the widget's front-end module, that message can be lost and the figure draws empty (seen under
    load).  Re-adding the traces once the first view exists goes through the messages every view
    listens to, so the figure always draws its data.
    """
    widget = change["owner"]
    if not change["old"] and change["new"]:
        snapshot = go.Figure(widget)
        widget.data = ()
        widget.add_traces(snapshot.data)
        with widget.batch_update():
            widget.layout = snapshot.layout


def value_label(control: widgets.ValueWidget, lang: str) -> str:
    """The value of a control as the expert reads it: the option's label, or the number in ``lang``.

    Examples
    --------
    >>> value_label(widgets.Dropdown(options=[("Tüm firmalar", "none")], value="none"), "tr")
    'Tüm firmalar'
    >>> value_label(widgets.FloatSlider(value=0.75), "tr")
    '0,75'
    """
    if isinstance(control, widgets.SelectMultiple):
        return ", ".join(str(label) for label in control.label)
    if hasattr(control, "label") and control.label is not None and not isinstance(control, widgets.Button):
        return str(control.label)
    if isinstance(control, widgets.FloatSlider):
        return format_number(control.value, lang, decimals=2)
    return str(control.value)


class View:
    """Controls, figures and a table that redraw together, with a save button.

    Parameters
    ----------
    name : str
        Title of the view (also the start of the file names when it is saved).
    key : str
        A short identifier; the view's box gets the CSS classes ``cl-view`` and ``cl-view-<key>``.
    controls : mapping of str to ipywidgets.ValueWidget
        The controls by the keyword their value is passed to ``draw`` under.
    draw : callable
        ``draw(**values) -> Drawing``.
    lang : {"tr", "en"}
    data_dir : str or Path, optional
        The data folder the view reads (named, with its version, in every saved file).
    n_figures : int, optional
        How many figure widgets to keep even while a :func:`notice` shows none (click handlers
        attached to them stay attached).
    after_draw : callable, optional
        Called with the view after every redraw, once the figures hold the new traces (e.g. to
        attach click handlers to new traces).

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
        data_dir: str | Path | None = None,
        n_figures: int = 0,
        after_draw: Callable[[View], None] | None = None,
    ) -> None:
        self.name = name
        self.key = key
        self.lang = lang
        self.data_dir = data_dir
        self.controls = dict(controls)
        self._draw = draw
        self._busy = False
        self._after_draw = after_draw
        self.timings: list[float] = []
        self.finding = widgets.HTML()
        self.table = widgets.HTML()
        self.status = widgets.HTML()
        self.status.add_class("cl-view-status")
        self.folder = widgets.Text(value=str(PROCESSED_DIR / "views"), description=t("explore.folder", lang),
                                   layout=widgets.Layout(width="40em"))
        self.save_button = widgets.Button(description=t("explore.save", lang), icon="save",
                                          layout=widgets.Layout(width="auto"))
        self.save_button.on_click(lambda _button: self._guarded(self.save))
        self.figures: list[go.FigureWidget] = []
        self._sent: list[_Sent | None] = []
        self._boxes: list[widgets.Box] = []
        self._n_figures = n_figures
        self.readouts: dict[str, widgets.HTML] = {}
        for key_, control in self.controls.items():
            if isinstance(control, widgets.FloatSlider):  # the slider's own readout has a decimal point
                control.readout = False
                self.readouts[key_] = widgets.HTML(value_label(control, lang))
        self.drawing = self.redraw()
        self._coalescer = Coalescer(lambda: self._guarded(self.redraw))
        for control in self.controls.values():
            control.observe(self._changed, names="value")

    def _add_figure(self, figure: go.Figure | None = None) -> None:
        widget = go.FigureWidget(figure)
        widget.observe(_resend_on_first_view, names="_view_count")
        self.figures.append(widget)
        self._sent.append(
            _Sent([t.to_plotly_json() for t in figure.data], figure.layout.to_plotly_json()) if figure else None
        )
        self._boxes.append(widgets.Box([widget], layout=widgets.Layout(width="100%")))

    def _show(self, figures: tuple[go.Figure, ...]) -> None:
        for index, figure in enumerate(figures):
            if index < len(self.figures):
                self._sent[index] = _apply(self.figures[index], figure, self._sent[index])
            else:
                self._add_figure(figure)
        while len(self.figures) < self._n_figures:
            self._add_figure()
        for index, box in enumerate(self._boxes):  # a notice hides the figures it leaves out
            box.layout.display = None if index < len(figures) else "none"

    def _guarded(self, action: Callable[[], object]) -> None:
        """Run a control's action; on an error say so in the view (the browser test looks for it)."""
        try:
            action()
        except Exception as err:
            self.status.value = f'<p class="cl-view-error">{html.escape(f"{type(err).__name__}: {err}")}</p>'
            raise

    def _changed(self, change: Mapping[str, object]) -> None:
        browser = from_browser(change)
        if self._busy and not browser and self._coalescer.on_home_thread():
            return  # the draw function updating another control's options: no recursion
        # from the browser (or from a kernel subshell thread while the view draws): one redraw on
        # the main thread for the values already waiting, e.g. a slider's key presses
        self._coalescer.request(deferred=browser or self._busy)

    def values(self) -> dict[str, object]:
        """The current value of every control, by keyword."""
        return {key: control.value for key, control in self.controls.items()}

    def labels(self) -> list[tuple[str, str]]:
        """Each control's description and the label of its value, as the expert sees them."""
        return [
            (control.description or key, value_label(control, self.lang)) for key, control in self.controls.items()
        ]

    def redraw(self) -> Drawing:
        """Draw the view for the current control values; record the time it took."""
        start = time.perf_counter()
        self._busy = True
        try:
            drawing = self._draw(**self.values())
        finally:
            self._busy = False
        self._show(drawing.figures)
        for key_, readout in self.readouts.items():
            readout.value = value_label(self.controls[key_], self.lang)
        self.finding.value = f'<p class="cl-finding"><strong>{html.escape(drawing.finding)}</strong></p>'
        self.table.value = (
            table_html(drawing.table, lang=self.lang, **drawing.table_options) if len(drawing.table.columns) else ""
        )
        self.drawing = drawing
        if self._after_draw is not None:
            self._after_draw(self)
        self.timings.append(time.perf_counter() - start)
        return drawing

    def save(self, folder: str | Path | None = None) -> SavedView:
        """Save what the view shows now (see :func:`clusterlib.explore.saving.save_view`).

        The files are named after the view, its control labels and the time; the status line names them.
        """
        saved = save_view(
            self.drawing,
            self.labels(),
            self.name,
            folder or self.folder.value,
            data_dir=self.data_dir,
            version=data_fingerprint(self.data_dir if self.data_dir is not None else SAMPLE_DIR),
            lang=self.lang,
        )
        self.status.value = html.escape(
            t("explore.saved", self.lang, files=", ".join(str(p) for p in saved.paths))
        )
        return saved

    def widget(self) -> widgets.VBox:
        """The whole view as one widget, to display in a cell."""
        controls = []
        for key_, control in self.controls.items():
            readout = self.readouts.get(key_)
            controls.append(widgets.HBox([control, readout]) if readout is not None else control)
        box = widgets.VBox(
            [
                widgets.HTML(f"{VIEW_CSS}<h3>{html.escape(self.name)}</h3>"),
                widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")),
                self.finding,
                *self._boxes,
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
