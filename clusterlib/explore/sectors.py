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

from clusterlib.explore.panel import NationalPanel, national_panel, province_outlines
from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import add_strings, format_number, plotly_layout, t
from clusterlib.regions import province

__all__ = ["LQ_BANDS", "lq_band", "sector_explorer", "sector_view"]

#: Upper bounds of the LQ bands of the map, and their colours (ColorBrewer PuBu, light to dark).
LQ_BANDS: tuple[tuple[float, str, str], ...] = (
    (0.8, "explore.band.under", "#d0d1e6"),
    (1.25, "explore.band.par", "#a6bddb"),
    (2.0, "explore.band.spec", "#3690c0"),
    (np.inf, "explore.band.strong", "#034e7b"),
)
_NONE_COLOUR = "#f0f0f0"

add_strings(
    {
        "explore.sector.title": {"tr": "Bir sektör Türkiye genelinde", "en": "A sector across Türkiye"},
        "explore.sector": {"tr": "Sektör", "en": "Sector"},
        "explore.year": {"tr": "Yıl", "en": "Year"},
        "explore.province": {"tr": "İl", "en": "Province"},
        "explore.band.under": {"tr": "LQ < 0,8: payı düşük", "en": "LQ < 0.8: under-represented"},
        "explore.band.par": {"tr": "0,8–1,25: Türkiye payına yakın", "en": "0.8–1.25: about the national share"},
        "explore.band.spec": {"tr": "1,25–2: uzmanlaşmış", "en": "1.25–2: specialised"},
        "explore.band.strong": {"tr": "LQ ≥ 2: güçlü uzmanlaşma", "en": "LQ ≥ 2: strongly specialised"},
        "explore.band.none": {"tr": "istihdam yok", "en": "no employment"},
        "explore.col.employment": {"tr": "İstihdam", "en": "Employment"},
        "explore.col.share": {"tr": "İl istihdamındaki payı", "en": "Share of the province's employment"},
        "explore.col.band": {"tr": "Sınıf", "en": "Band"},
        "explore.lq_over_time": {"tr": "Yoğunlaşma katsayısı (LQ), yıllara göre",
                                 "en": "Location quotient (LQ) over the years"},
        "explore.sector.finding": {
            "tr": "{year} yılında {sector} sektöründe {n} il uzmanlaşmış (LQ ≥ 1,25); en yüksek LQ {top} ilinde "
                  "({lq}). {province} ilinde LQ {own}.",
            "en": "In {year}, {n} provinces specialise in {sector} (LQ ≥ 1.25); the highest LQ is in {top} "
                  "({lq}). In {province} the LQ is {own}.",
        },
        "explore.lq_one": {"tr": "LQ = 1 (Türkiye payı)", "en": "LQ = 1 (national share)"},
    }
)  # fmt: skip


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


def _map(rows: pd.DataFrame, highlight: int, lang: str) -> go.Figure:
    outlines = province_outlines()
    fig = go.Figure()
    bands = [
        (-1, "explore.band.none", _NONE_COLOUR),
        *((i, key, c) for i, (_, key, c) in enumerate(LQ_BANDS)),
    ]
    for band, key, colour in bands:
        plates = rows.index[rows["band"] == band]
        lon = np.concatenate([outlines.at[p, "lon"] for p in plates]) if len(plates) else []
        lat = np.concatenate([outlines.at[p, "lat"] for p in plates]) if len(plates) else []
        fig.add_scatter(
            x=lon,
            y=lat,
            mode="lines",
            fill="toself",
            fillcolor=colour,
            name=t(key, lang),
            line={"color": "white", "width": 0.6},
            hoverinfo="skip",
            showlegend=True,
        )
    fig.add_scatter(
        x=outlines.loc[rows.index, "x"],
        y=outlines.loc[rows.index, "y"],
        mode="markers",
        marker={"size": 6, "color": "rgba(0,0,0,0)"},
        showlegend=False,
        hoverinfo="text",
        text=[
            f"{name}<br>LQ {lq}<br>{band}"
            for name, lq, band in zip(rows["province"], rows["lq_text"], rows["band_text"], strict=True)
        ],
    )
    own = outlines.loc[highlight]
    fig.add_scatter(
        x=own["lon"],
        y=own["lat"],
        mode="lines",
        line={"color": "#111", "width": 2.5},
        name=rows.at[highlight, "province"],
        hoverinfo="skip",
    )
    fig.update_layout(
        height=430,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        plot_bgcolor="white",
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x", "scaleratio": 1.3},
        legend={"orientation": "h", "y": -0.02},
        **plotly_layout(lang),
    )
    return fig


def _series(panel: NationalPanel, sector: str, plates: list[int], lang: str) -> go.Figure:
    cells = panel.cells[(panel.cells["nace"] == sector) & panel.cells["plate"].isin(plates)]
    fig = go.Figure()
    for plate in plates:
        line = cells[cells["plate"] == plate]
        fig.add_scatter(
            x=line["year"],
            y=line["lq"],
            mode="lines+markers",
            name=panel.names[plate],
            line={"width": 3 if plate == plates[0] else 1.5},
        )
    fig.add_hline(y=1, line_dash="dot", annotation_text=t("explore.lq_one", lang))
    fig.update_layout(
        height=320,
        margin={"l": 50, "r": 10, "t": 40, "b": 40},
        title=t("explore.lq_over_time", lang),
        **plotly_layout(lang),
        xaxis={"dtick": 1},
    )
    return fig


def sector_view(panel: NationalPanel, sector: str, year: int, plate: int, *, lang: str = "tr") -> Drawing:
    """The drawing of :func:`sector_explorer` for one sector, year and province (no widgets).

    Examples
    --------
    >>> panel = national_panel()
    >>> d = sector_view(panel, "10", panel.years[-1], 19, lang="en")
    >>> len(d.figures), d.table.shape[1]
    (2, 5)
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
    table = ranked.head(10).reset_index(drop=True)[["province", "employment", "share", "lq", "band_text"]]
    table.columns = [
        t("explore.province", lang),
        t("explore.col.employment", lang),
        t("explore.col.share", lang),
        "LQ",
        t("explore.col.band", lang),
    ]
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
        figures=(_map(rows, plate, lang), _series(panel, sector, plates, lang)),
        finding=finding,
        table_options={"percent_cols": [t("explore.col.share", lang)], "decimals": {"LQ": 2}},
    )


def sector_explorer(
    sector: str = "10",
    province_key: str | int = "Çorum",
    *,
    lang: str = "tr",
    data_dir: str | Path | None = None,
) -> View:
    """A sector's LQ map across the 81 provinces and its time series, with sector, year and province pickers.

    Parameters
    ----------
    sector : str
        NACE division shown first.
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
            options=[(name, p) for p, name in panel.names.items()],
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
    )
