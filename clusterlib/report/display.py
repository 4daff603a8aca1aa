"""Display helpers that notebook cells call: charts, findings and headings.

Tables are in :mod:`clusterlib.report.tables`, the provenance box in
:mod:`clusterlib.report.reproducibility`.

Each helper publishes one output with an explicit MIME bundle, so it renders the same in
JupyterLab and in the HTML report, and tags it in the output metadata
(``{"clusterlib": {"kind": ...}}``) so the report exporter can find it (findings are lifted into
the "Temel bulgular / Key findings" box at the top of the report).

All text that comes from data is HTML-escaped.  Plotly figures are written as a ``<div>`` and a
``<script>`` that call a global ``Plotly``; the report loads plotly.js once from
``assets/plotly.min.js`` beside the report, so reports work without internet.  A notebook run
for its page (the runner sets :data:`~clusterlib.config.PAGE_ONLY_ENV` in its kernels' spec)
publishes figures as that HTML only: the JSON bundle JupyterLab draws would be left out of the
page anyway, and carrying it (half to four fifths of an executed notebook's size) cost the run more
than any chart.
"""

from __future__ import annotations

import base64
import html
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clusterlib.charts import PALETTE
from clusterlib.config import PAGE_ONLY_ENV

__all__ = [
    "METADATA_KEY",
    "PAGE_ONLY_ENV",
    "Notice",
    "check_text",
    "finding",
    "heading",
    "notice",
    "paragraph",
    "publish",
    "show",
]

#: Key of the output metadata that marks clusterlib outputs.
METADATA_KEY = "clusterlib"


_FIGURE_HEIGHT = 450  # plotly.js default when the layout sets none

# plotly.js fetches a base-map topojson from a CDN for every geo subplot whose traces carry a
# ``locationmode`` -- which a choropleth always does, even with its own GeoJSON and no base layers
# drawn.  Offline that fetch fails and the map never draws.  Registering empty topojson layers
# under every name plotly.js may ask for (scope x resolution) makes it skip the fetch; our maps
# draw their own GeoJSON, so nothing is lost.
_GEO_SCOPES = ("world", "usa", "europe", "asia", "africa", "north america", "south america")
_GEO_LAYERS = ("land", "ocean", "lakes", "rivers", "coastlines", "countries", "subunits")
_OFFLINE_GEO_SCRIPT = (
    "<script>(function(){var g=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{topojson:{}};"
    "g.topojson=g.topojson||{};var o={};"
    + json.dumps(list(_GEO_LAYERS))
    + ".forEach(function(k){o[k]={type:'GeometryCollection',geometries:[]};});"
    + json.dumps([s.replace(" ", "-") for s in _GEO_SCOPES])
    + ".forEach(function(s){[50,110].forEach(function(r){var n=s+'_'+r+'m';"
    "if(!g.topojson[n]){g.topojson[n]={type:'Topology',arcs:[],objects:o};}});});})();</script>"
)
#: The same empty base map as a plotly.js ``topojsonURL``, for the renderers no script of ours reaches
#: first (JupyterLab's ``application/vnd.plotly.v1+json`` renderer reads the figure's config, not
#: the page).  plotly.js fetches ``topojsonURL + "<scope>_<resolution>m.json"``; in a ``data:`` URL
#: ending in ``#`` the appended name becomes the fragment, which a ``data:`` URL ignores, so every
#: name reads the same empty topology, without a request to the network.
_OFFLINE_TOPOJSON_URL = (
    "data:application/json;base64,"
    + base64.b64encode(
        json.dumps(
            {
                "type": "Topology",
                "arcs": [],
                "objects": {k: {"type": "GeometryCollection", "geometries": []} for k in _GEO_LAYERS},
            },
            separators=(",", ":"),
        ).encode("ascii")
    ).decode("ascii")
    + "#"
)
_GEO_TRACES = {"choropleth", "scattergeo"}
#: plotly.js config of every figure: no "Share chart" button (it uploads the data to Plotly Cloud).
_FIGURE_CONFIG = {"responsive": True, "displaylogo": False, "showSendToCloud": False}


def publish(data: Mapping[str, Any], kind: str, **extra: Any) -> None:
    """Display a MIME bundle tagged ``{"clusterlib": {"kind": kind, **extra}}`` in its metadata."""
    from IPython.display import display

    display(dict(data), raw=True, metadata={METADATA_KEY: {"kind": kind, **extra}})


def check_text(value: object, name: str) -> str:
    """``value`` stripped, if it is a non-empty string; else ``TypeError`` naming ``name``."""
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"'{name}' must be a non-empty string, got {value!r}")
    return value.strip()


# --------------------------------------------------------------------------------------- notice
@dataclass(frozen=True)
class Notice:
    """What a step shows instead of a chart or a table it cannot draw (e.g. too few sectors to rank).

    :func:`show` and :func:`clusterlib.report.table` display it as a note, so a notebook cell stays one
    call whether or not the data allowed the chart.
    """

    text: str

    def __post_init__(self) -> None:
        check_text(self.text, "text")


@dataclass(frozen=True)
class Omitted:
    """A section part that does not apply to this report, shown as nothing at all.

    Where a :class:`Notice` says in place why a chart is missing, ``Omitted`` is for the parts of
    a section the data leave no room for once the report has said why, elsewhere and once (e.g.
    every network section of a province without firm interviews).  :func:`heading`,
    :func:`paragraph`, :func:`finding`, :func:`show` and :func:`clusterlib.report.table` display
    nothing for it; ``reason`` is for the reader of the code.

    Examples
    --------
    >>> Omitted("no firm interviews")
    Omitted(reason='no firm interviews')
    """

    reason: str

    def __post_init__(self) -> None:
        check_text(self.reason, "reason")


def notice(text: str) -> None:
    """Display a short note in place of a section's chart or table (plain text, HTML-escaped).

    Raises
    ------
    TypeError
        When ``text`` is not a non-empty string.
    """
    text = check_text(text, "text")
    publish(
        {"text/html": f'<p class="cl-notice" role="note">{html.escape(text)}</p>', "text/plain": text},
        "notice",
        text=text,
    )


# ----------------------------------------------------------------------------------------- show
def _is_geo(fig: Any) -> bool:
    return any(getattr(trace, "type", None) in _GEO_TRACES for trace in fig.data)


def _figure_config(fig: Any, config: Mapping[str, Any] | None) -> dict[str, Any]:
    """The plotly.js config of ``fig``: ours, the offline base map for geo figures, then ``config``."""
    offline = {"topojsonURL": _OFFLINE_TOPOJSON_URL} if _is_geo(fig) else {}
    return {**_FIGURE_CONFIG, **offline, **(config or {})}


def _figure_html(fig: Any, config: Mapping[str, Any] | None) -> str:
    layout_height = fig.layout.height
    options = _figure_config(fig, config)
    div = fig.to_html(
        include_plotlyjs=False,
        full_html=False,
        config=options,
        default_width="100%",
        default_height=f"{layout_height or _FIGURE_HEIGHT}px",
        validate=True,
    )
    return f'<div class="cl-figure">{_OFFLINE_GEO_SCRIPT if _is_geo(fig) else ""}{div}</div>'


def show(fig: Any, *, config: Mapping[str, Any] | None = None) -> None:
    """Display a plotly figure in JupyterLab and in the HTML report.

    Publishes two representations: ``application/vnd.plotly.v1+json`` (the interactive
    JupyterLab renderer; left out when :data:`PAGE_ONLY_ENV` is ``"1"``) and ``text/html`` (a
    ``<div class="plotly-graph-div">`` plus a script calling the global ``Plotly``, which the
    report loads from ``assets/plotly.min.js``); the figure's notes (its source line) go into the
    output's metadata as ``notes``.  Plotly 6 and later no longer write a figure into a notebook
    executed without a front end unless a renderer is set, so this explicit bundle is what makes
    figures reach the report.

    Geo figures get an empty base map, so plotly.js never fetches its topojson from the internet
    (maps with their own GeoJSON draw offline): in the HTML a script registers empty layers before
    the map is drawn, and both representations carry a ``topojsonURL`` config that reads the same
    empty layers from a ``data:`` URL (JupyterLab's plotly renderer runs no script of ours).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    config : mapping, optional
        plotly.js config options, merged over ``{"responsive": True, "displaylogo": False,
        "showSendToCloud": False}``.

    A :class:`Notice` in place of a figure is displayed as a note (:func:`notice`); an
    :class:`Omitted` is not displayed.

    Raises
    ------
    TypeError
        When ``fig`` is not a plotly figure.
    """
    if isinstance(fig, Omitted):
        return
    if isinstance(fig, Notice):
        notice(fig.text)
        return
    try:
        from plotly.basedatatypes import BaseFigure
    except ImportError as err:  # pragma: no cover - plotly is a dependency
        raise TypeError("'fig' needs plotly, which is not installed") from err
    if not isinstance(fig, BaseFigure):
        raise TypeError(f"'fig' must be a plotly Figure, got {type(fig).__name__}")
    title = fig.layout.title.text if fig.layout.title and fig.layout.title.text else ""
    data = {"text/html": _figure_html(fig, config), "text/plain": f"<plotly figure{': ' + title if title else ''}>"}
    if os.environ.get(PAGE_ONLY_ENV) != "1":
        import plotly.io as pio

        bundle_json = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
        bundle_json["config"] = _figure_config(fig, config)
        data = {"application/vnd.plotly.v1+json": bundle_json, **data}
    # the notes under the plot (a source line) travel in the metadata, bundle or not
    notes = [str(note.text) for note in fig.layout.annotations if note.text]
    publish(data, "figure", title=title, notes=notes)


# -------------------------------------------------------------------------------------- finding
def _finding_html(text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return (
        '<div class="cl-finding" role="note" '
        f'style="border-left:4px solid {PALETTE["blue"]};background:#eef6fb;padding:0.4em 1em;margin:0.8em 0">'
        f"{body}</div>"
    )


def finding(text: str | Notice | Omitted, *, key: bool = True) -> None:
    """Display a short plain-language finding on top of its section; with ``key`` also list it in
    the report's "Temel bulgular / Key findings" box at the top.

    The text is plain (HTML-escaped); blank lines separate paragraphs.  Findings come translated
    from the methodology modules, not from string building in notebook cells.  The notebook
    chooses which of its findings are key (``key=False``: shown in the section only), so that the
    box at the top stays a summary a committee reads in a minute.

    A :class:`Notice` (a section the data did not allow) is shown as a note and is not lifted into
    the key findings; an :class:`Omitted` is not shown.

    Parameters
    ----------
    text : str, Notice or Omitted
    key : bool, default True, keyword-only
        Whether the finding is also listed among the report's key findings.

    Raises
    ------
    TypeError
        When ``text`` is not a non-empty string, or ``key`` is not a bool.
    """
    if not isinstance(key, bool):
        raise TypeError(f"'key' must be True or False, got {key!r}")
    if isinstance(text, Omitted):
        return
    if isinstance(text, Notice):
        notice(text.text)
        return
    text = check_text(text, "text")
    publish({"text/html": _finding_html(text), "text/plain": text}, "finding", text=text, key=key)


# -------------------------------------------------------------------------------------- heading
def paragraph(text: str | Omitted) -> None:
    """Display a paragraph of plain text (an introduction or an explanation), HTML-escaped; nothing
    for an :class:`Omitted`.

    Raises
    ------
    TypeError
        When ``text`` is not a non-empty string.
    """
    if isinstance(text, Omitted):
        return
    text = check_text(text, "text")
    publish(
        {"text/html": f'<p class="cl-paragraph">{html.escape(text)}</p>', "text/plain": text},
        "paragraph",
        text=text,
    )


def heading(text: str | Omitted, level: int = 2) -> None:
    """Display a section heading (``<h2>`` … ``<h4>``; the report title is the ``<h1>``).

    An :class:`Omitted` heading (a section that does not apply) is not displayed.

    Parameters
    ----------
    text : str
    level : {2, 3, 4}, default 2

    Raises
    ------
    TypeError
        When ``text`` is not a non-empty string.
    ValueError
        When ``level`` is not 2, 3 or 4.
    """
    if isinstance(level, bool) or level not in (2, 3, 4):
        raise ValueError(f"'level' must be one of [2, 3, 4], got {level!r}")
    if isinstance(text, Omitted):
        return
    text = check_text(text, "text")
    publish(
        {"text/html": f'<h{level} class="cl-heading">{html.escape(text)}</h{level}>', "text/plain": text},
        "heading",
        text=text,
        level=level,
    )
