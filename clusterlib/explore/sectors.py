"""A sector across Türkiye: its location quotient on the map of the 81 provinces, and over time.

The map classes are fixed LQ bands, so a reader can compare two sectors or two years by the legend
(each band has its own name in the legend and in the hover, so colour is never the only signal):

====================  ==========================================
band                  meaning
====================  ==========================================
LQ < 0.8              under-represented
0.8 ≤ LQ < 1.25       about the national share
1.25 ≤ LQ < 2         specialised
LQ ≥ 2                strongly specialised
no employment         the sector has no recorded employment
====================  ==========================================
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sequential

from clusterlib import nace
from clusterlib.charts import PALETTE
from clusterlib.explore.figures import styled_figure
from clusterlib.explore.panel import NationalPanel, national_panel, province_options, province_outlines
from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import format_number, t
from clusterlib.regions import pilots, province

__all__ = ["LQ_BANDS", "MIN_EMPLOYMENT", "default_sector", "lq_band", "sector_explorer", "sector_view"]

#: A sector with fewer employees in a province is not called its most specialised (unstable quotient).
MIN_EMPLOYMENT = 100

#: Upper bounds of the LQ bands of the map, and their colours (ColorBrewer PuBu, light to dark).
LQ_BANDS: tuple[tuple[float, str, str], ...] = (
    (0.8, "explore.band.under", sequential.PuBu[2]),
    (1.25, "explore.band.par", sequential.PuBu[3]),
    (2.0, "explore.band.spec", sequential.PuBu[5]),
    (np.inf, "explore.band.strong", sequential.PuBu[7]),
)
_NONE_COLOUR = PALETTE["light_grey"]


def lq_band(lq: pd.Series, employment: pd.Series) -> pd.Series:
    """The map band of each location quotient (an index into :data:`LQ_BANDS`; -1 for no employment).

    Examples
    --------
    >>> lq_band(pd.Series([0.5, 1.0, 1.25, 3.0, 0.0]), pd.Series([10, 10, 10, 10, 0])).tolist()
    [0, 1, 2, 3, -1]
    """
    bounds = [upper for upper, _, _ in LQ_BANDS]
    band = pd.Series(np.searchsorted(bounds, lq.to_numpy(), side="right"), index=lq.index)
    return band.where(employment.to_numpy() > 0, -1)


def default_sector(panel: NationalPanel, plate: int) -> str:
    """The sector a view of ``plate`` starts on: its pilot cluster's division, else its most specialised sector.

    The most specialised sector is the one with the highest LQ in the latest year among sectors
    with at least :data:`MIN_EMPLOYMENT` employees in the province (any sector when none has).

    Examples
    --------
    >>> panel = national_panel()
    >>> default_sector(panel, 19)          # Çorum: its pilot cluster (food-processing machinery)
    '28'
    >>> code = default_sector(panel, 30)   # Hakkari: no pilot cluster; its highest sizeable LQ
    >>> cells = panel.cells[(panel.cells["plate"] == 30) & (panel.cells["year"] == panel.years[-1])]
    >>> bool(cells.set_index("nace").at[code, "lq"] == cells[cells["employment"] >= 100]["lq"].max())
    True
    """
    if plate in {p.plate for p in pilots()}:
        try:
            return nace.pilot_division(province(plate).name)
        except ValueError:  # more than one pilot cluster: fall back on the data
            pass
    cells = panel.cells[(panel.cells["plate"] == plate) & (panel.cells["year"] == panel.years[-1])]
    sizeable = cells[cells["employment"] >= MIN_EMPLOYMENT]
    pool = sizeable if len(sizeable) else cells[cells["employment"] > 0]
    return str(pool.sort_values("lq", ascending=False)["nace"].iloc[0])


def _map(rows: pd.DataFrame, highlight: int, lang: str) -> go.Figure:
    """The LQ map: one filled trace per band (so each band has its legend entry), hover points, the outline.

    Built from plain trace dicts in one figure (see :func:`styled_figure`); between two redraws of
    the view only the bands' coordinates, the hover texts and the outline change, and only those
    are sent to the browser.
    """
    outlines = province_outlines()
    bands = [
        (-1, "explore.band.none", _NONE_COLOUR),
        *((i, key, c) for i, (_, key, c) in enumerate(LQ_BANDS)),
    ]
    traces: list[dict] = []
    for band, key, colour in bands:
        plates = rows.index[(rows["band"] == band).to_numpy()]
        # an empty band keeps its legend entry (the scale stays fixed): a speck outside the view
        lon = np.concatenate(outlines.loc[plates, "lon"].to_list()) if len(plates) else np.array([0.0, 0.1, 0.0])
        lat = np.concatenate(outlines.loc[plates, "lat"].to_list()) if len(plates) else np.array([0.0, 0.0, 0.1])
        traces.append({"type": "scatter", "x": lon, "y": lat, "mode": "lines", "fill": "toself",
                       "fillcolor": colour, "name": t(key, lang), "line": {"color": "white", "width": 0.6},
                       "hoverinfo": "skip", "showlegend": True})
    hover = [
        f"{name}<br>LQ {lq}<br>{band}"
        for name, lq, band in zip(rows["province"], rows["lq_text"], rows["band_text"], strict=True)
    ]
    traces.append({"type": "scatter", "x": outlines.loc[rows.index, "x"].to_numpy(),
                   "y": outlines.loc[rows.index, "y"].to_numpy(), "mode": "markers",
                   "marker": {"size": 6, "color": "rgba(0,0,0,0)"}, "showlegend": False,
                   "hoverinfo": "text", "text": hover})
    own = outlines.loc[highlight]
    traces.append({"type": "scatter", "x": own["lon"], "y": own["lat"], "mode": "lines",
                   "line": {"color": PALETTE["vermillion"], "width": 2.5}, "name": rows.at[highlight, "province"],
                   "hoverinfo": "skip"})
    return styled_figure(
        traces,
        lang,
        height=430,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        xaxis={"visible": False, "range": [25.5, 45.0]},
        yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1.3, "range": [35.7, 42.3]},
        legend={"orientation": "h", "y": -0.02, "yanchor": "top"},
        annotations=[{"text": "© OpenStreetMap", "x": 1, "y": 0, "xref": "paper", "yref": "paper",
                      "xanchor": "right", "yanchor": "bottom", "showarrow": False,
                      "font": {"size": 10, "color": PALETTE["text_muted"]}}],
    )


def _series(panel: NationalPanel, sector: str, plates: list[int], year: int, lang: str) -> go.Figure:
    cells = panel.cells[(panel.cells["nace"] == sector) & panel.cells["plate"].isin(plates)]
    traces = []
    for plate in plates:
        line = cells[cells["plate"] == plate]
        traces.append({"type": "scatter", "x": line["year"].to_numpy(), "y": line["lq"].to_numpy(),
                       "mode": "lines+markers", "name": panel.names[plate],
                       "line": {"width": 3 if plate == plates[0] else 1.5}})
    return styled_figure(
        traces,
        lang,
        height=320,
        title=t("explore.lq_over_time", lang),
        margin={"l": 50, "r": 10, "b": 40},
        xaxis={"dtick": 1},
        shapes=[
            {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 1, "y1": 1,
             "line": {"dash": "dot", "color": PALETTE["text_muted"]}},
            {"type": "line", "yref": "paper", "x0": year, "x1": year, "y0": 0, "y1": 1,
             "line": {"color": PALETTE["grey"], "width": 6}, "opacity": 0.3},
        ],
        annotations=[
            {"text": t("explore.lq_one", lang), "xref": "paper", "x": 1, "y": 1, "xanchor": "right",
             "yanchor": "bottom", "showarrow": False},
            {"text": t("explore.sector.chosen_year", lang), "x": year, "yref": "paper", "y": 1,
             "yanchor": "bottom", "showarrow": False},
        ],
    )


def sector_view(panel: NationalPanel, sector: str, year: int, plate: int, *, lang: str = "tr") -> Drawing:
    """The drawing of :func:`sector_explorer` for one sector, year and province (no widgets).

    Examples
    --------
    >>> panel = national_panel()
    >>> d = sector_view(panel, "10", panel.years[-1], 19, lang="en")
    >>> len(d.figures), d.table.shape[1], len(d.data["81 provinces"])   # on screen the top 10; saved all 81
    (2, 5, 81)
    """
    cells = panel.cells[(panel.cells["nace"] == sector) & (panel.cells["year"] == year)].set_index("plate")
    rows = pd.DataFrame(
        {
            "province": panel.names.reindex(cells.index),
            "employment": cells["employment"],
            "share": cells["share"],
            "lq": cells["lq"],
        }
    )
    rows["band"] = lq_band(rows["lq"], rows["employment"])
    labels = {-1: t("explore.band.none", lang), **{i: t(key, lang) for i, (_, key, _) in enumerate(LQ_BANDS)}}
    rows["band_text"] = rows["band"].map(labels)
    rows["lq_text"] = [format_number(v, lang, decimals=2) for v in rows["lq"]]
    ranked = rows.sort_values("lq", ascending=False)
    top = ranked.index[:3].tolist()
    plates = [plate, *[p for p in top if p != plate]][:4]
    headers = [
        t("explore.province", lang),
        t("explore.col.employment", lang),
        t("explore.col.share", lang),
        "LQ",
        t("explore.col.band", lang),
    ]
    everything = ranked.reset_index(drop=True)[["province", "employment", "share", "lq", "band_text"]]
    everything.columns = headers
    table = everything.head(10)
    finding = t(
        "explore.sector.finding",
        lang,
        year=year,
        sector=panel.sector_label(sector, lang),
        n=int((rows["band"] >= 2).sum()),
        top=rows.at[top[0], "province"],
        lq=format_number(rows.at[top[0], "lq"], lang, decimals=2),
        province=rows.at[plate, "province"],
        own=rows.at[plate, "lq_text"],
    )
    return Drawing(
        table=table,
        figures=(_map(rows, plate, lang), _series(panel, sector, plates, year, lang)),
        finding=finding,
        table_options={"percent_cols": [t("explore.col.share", lang)], "decimals": {"LQ": 2}},
        data={
            t("explore.sector.all", lang): everything,
            t("explore.sector.matrix", lang): lq_matrix(panel, year, lang=lang),
        },
        map_attribution=True,
    )


def lq_matrix(panel: NationalPanel, year: int, *, lang: str = "tr") -> pd.DataFrame:
    """LQ of every province (rows, Turkish order) × sector (columns, NACE code) in ``year``.

    Examples
    --------
    >>> panel = national_panel()
    >>> m = lq_matrix(panel, panel.years[-1])
    >>> len(m), m.columns[0]
    (81, 'İl')
    """
    cells = panel.cells[panel.cells["year"] == year]
    wide = cells.pivot(index="plate", columns="nace", values="lq").reindex(index=panel.names.index)
    wide = wide.reindex(columns=sorted(wide.columns))
    wide.insert(0, t("explore.province", lang), panel.names.reindex(wide.index).to_numpy())
    return wide.reset_index(drop=True).rename_axis(columns=None)


def sector_explorer(
    sector: str | None = None,
    province_key: str | int = "Çorum",
    *,
    lang: str = "tr",
    data_dir: str | Path | None = None,
) -> View:
    """A sector's LQ map across the 81 provinces and its time series, with sector, year and province pickers.

    Parameters
    ----------
    sector : str, optional
        NACE division shown first (default: :func:`default_sector` of the province).
    province_key : str or int
        The province outlined on the map and drawn first in the time series (any spelling or plate).
    lang : {"tr", "en"}
    data_dir : str or Path, optional
        Data folder (default: the bundled synthetic sample).

    Returns
    -------
    View
        Display it in a cell (or call ``.widget()``).

    Examples
    --------
    >>> view = sector_explorer("10", "Samsun", lang="en")
    >>> view.controls["sector"].value = "25"   # the map and the table redraw at once
    >>> view.drawing.finding.startswith("In ")
    True
    """
    panel = national_panel(data_dir)
    plate = province(province_key).plate
    sector = sector if sector is not None else default_sector(panel, plate)
    style = {"description_width": "6em"}
    controls = {
        "sector": widgets.Dropdown(
            options=[(panel.sector_label(c, lang), c) for c in panel.sectors],
            value=sector,
            description=t("explore.sector", lang),
            style=style,
            layout=widgets.Layout(width="34em"),
        ),
        "year": widgets.SelectionSlider(
            options=list(panel.years), value=panel.years[-1], description=t("explore.year", lang), style=style
        ),
        "plate": widgets.Dropdown(
            options=province_options(),
            value=plate,
            description=t("explore.province", lang),
            style=style,
        ),
    }
    return View(
        t("explore.sector.title", lang),
        "sector",
        controls,
        lambda sector, year, plate: sector_view(panel, sector, year, plate, lang=lang),
        lang=lang,
        data_dir=data_dir,
    )
