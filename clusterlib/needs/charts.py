"""Plotly figures of the needs-assessment report (Turkish or English, offline).

Each function takes a :class:`~clusterlib.needs.analysis.NeedsAssessment` and returns a
:class:`plotly.graph_objects.Figure`; show it with :func:`clusterlib.report.show`.  Colour is never
the only signal: series also differ by marker symbol, line dash or pattern, and every chart with
official figures carries its source ("Kaynak: TÜİK").
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from clusterlib import geo, official
from clusterlib.charts import PALETTE
from clusterlib.i18n import axis_ticks, format_percent, hover_values, plotly_layout, t
from clusterlib.needs import findings as fx
from clusterlib.needs.likert import SCALE
from clusterlib.needs.ranking import MIN_GROUP_FIRMS

__all__ = [
    "actor_map",
    "clusters_chart",
    "diverging_chart",
    "firms_chart",
    "gdp_chart",
    "groups_chart",
    "labour_chart",
    "mendelow_chart",
    "needs_chart",
    "population_chart",
    "waves_chart",
]


_SCALE_COLOURS = {
    1: "#A6611A",
    2: "#DFC27D",
    3: "#D9D9D9",
    4: "#80CDC1",
    5: "#018571",
}  # BrBG, colour-blind safe
_SYMBOLS = [
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "cross",
    "star",
    "hexagon",
    "triangle-down",
    "pentagon",
    "x",
]
_TYPE_ORDER = ("chamber", "development_agency", "university", "oiz", "kosgeb", "public",
               "exporters_association", "cluster_association", "ngo")  # fmt: skip


def _pct_axis(lang: str, low: float = 0.0, high: float = 1.0) -> dict:
    """Per-cent ticks written by the one formatter (Turkish ``%20``), for ``update_xaxes``."""
    return axis_ticks(max(low, 0.0), min(high, 1.0), lang, kind="percent", decimals=0)


def _pct(values, lang: str, decimals: int = 0) -> list[str]:
    """Shares as hover texts (``customdata``), Turkish ``%78``."""
    return hover_values(values, lang, kind="percent", decimals=decimals)


def _lbl(key: str, lang: str, **fields: object) -> str:
    return t(f"needs.chart.{key}", lang, **fields)


def _layout(fig: go.Figure, lang: str, *, height: int = 420, source: str | None = None) -> go.Figure:
    fig.update_layout(
        height=height,
        template="plotly_white",
        **plotly_layout(lang),
        margin={"l": 10, "r": 10, "t": 60, "b": 70 if source else 20},
        font={"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    fig.update_yaxes(exponentformat="none", separatethousands=True)  # 15.000, not plotly's SI "15k"
    if source:
        fig.add_annotation(
            text=source,
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=-38,
            yanchor="top",
            showarrow=False,
            font={"size": 11, "color": "#555"},
            align="left",
        )
    return fig


def _missing(a) -> go.Figure:
    """An empty figure that says the survey is missing (a province without survey answers)."""
    fig = go.Figure()
    fig.add_annotation(
        text=t("needs.finding.no_survey", a.lang, province=a.province.name),
        showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, a.lang, height=160)


def _wrap(text: str, width: int = 48) -> str:
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


# ------------------------------------------------------------------------------------------- context


def population_chart(a) -> go.Figure:
    """Registered population of the province, 2007–2025 (TÜİK ADNKS)."""
    lang = a.lang
    pop = a.context.population
    fig = go.Figure(
        go.Scatter(
            x=pop["year"],
            y=pop["population"],
            mode="lines+markers",
            name=a.province.name,
            line={"color": PALETTE["blue"], "width": 3},
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        )
    )
    fig.update_layout(yaxis_title=_lbl("population", lang), xaxis={"dtick": 2}, showlegend=False)
    fig.update_yaxes(rangemode="tozero", tickformat=",.0f")
    return _layout(fig, lang, height=340, source=official.source("population", lang))


def gdp_chart(a) -> go.Figure:
    """GDP per capita in USD: province, its NUTS-2 region and Türkiye, 2020–2024."""
    lang = a.lang
    gdp = a.context.gdp
    fig = go.Figure()
    styles = {
        "province": (PALETTE["blue"], ""),
        "nuts2": (PALETTE["sky"], "/"),
        "country": (PALETTE["grey"], "."),
    }
    for level, (colour, pattern) in styles.items():
        part = gdp[gdp["level"] == level]
        fig.add_bar(
            x=part["year"],
            y=part["gdp_per_capita_usd"],
            name=f"{fx.label('level', level, lang)}: {part['area'].iloc[0]}"
            if level != "country"
            else "Türkiye",
            marker={"color": colour, "pattern": {"shape": pattern}},
            hovertemplate="%{x}: %{y:,.0f} " + _lbl("usd", lang) + "<extra></extra>",
        )
    fig.update_layout(barmode="group", yaxis_title=_lbl("gdp", lang), xaxis={"dtick": 1})
    source = f"{official.source('gdp_per_capita', lang)}. {_lbl('computed', lang)}."
    return _layout(fig, lang, height=360, source=source)


def labour_chart(a) -> go.Figure:
    """Employment and unemployment rates with their 95 % intervals, province against Türkiye (LFS)."""
    lang = a.lang
    lf = a.context.labour
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=[fx.label("indicator", i, lang) for i in ("employment_rate", "unemployment_rate")],
    )
    for col, indicator in enumerate(("employment_rate", "unemployment_rate"), start=1):
        for area, colour, symbol, offset in (
            ("province", PALETTE["blue"], "circle", -0.1),
            ("country", PALETTE["grey"], "diamond", 0.1),
        ):
            part = lf[(lf["indicator"] == indicator) & (lf["area"] == area)].sort_values("year")
            fig.add_scatter(
                x=part["year"] + offset,
                y=part["value"],
                mode="markers",
                row=1,
                col=col,
                name=a.province.name if area == "province" else "Türkiye",
                showlegend=col == 1,
                legendgroup=area,
                marker={"color": colour, "symbol": symbol, "size": 10},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": part["ci95_high"] - part["value"],
                    "arrayminus": part["value"] - part["ci95_low"],
                    "color": colour,
                },
                customdata=_pct(part["value"] / 100, lang, decimals=1),
                hovertemplate="%{customdata}<extra></extra>",
            )
        fig.update_xaxes(tickvals=sorted(lf["year"].unique()), row=1, col=col)
    fig.update_yaxes(title_text=_lbl("rate", lang), row=1, col=1)
    fig = _layout(fig, lang, height=360, source=official.source("labour_force", lang))
    fig.update_layout(legend={"y": 1.14}, margin={"t": 80})
    return fig


# -------------------------------------------------------------------------------------------- actors


def actor_map(a) -> go.Figure:
    """The local actors on the province map (offline polygons; markers by actor type)."""
    lang = a.lang
    shapes = geo.province_shapes()
    own = shapes[shapes["plate"] == a.province.plate]
    west, south, east, north = own.total_bounds
    pad_y = max(0.2, (north - south) * 0.15)
    lat_low, lat_high = south - pad_y, north + pad_y
    # widen the longitudes so that the map fills a landscape frame (Mercator: x ∝ lon, y ∝ lat / cos lat)
    half_lon = max(
        (east - west) / 2 + 0.25, 1.2 * (lat_high - lat_low) / np.cos(np.radians((south + north) / 2))
    )
    lon_low, lon_high = (west + east) / 2 - half_lon, (west + east) / 2 + half_lon
    near = shapes.cx[lon_low:lon_high, lat_low:lat_high]
    geojson = geo.to_geojson(near)
    fig = go.Figure()
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.plate",
        locations=near["plate"],
        z=(near["plate"] == a.province.plate).astype(int),
        colorscale=[[0, "#f2f2f2"], [1, "#dbe9f6"]],
        showscale=False,
        marker_line_color="#888",
        marker_line_width=1,
        text=near["name"],
        hovertemplate="%{text}<extra></extra>",
    )
    register = a.register
    for k, kind in enumerate([k for k in _TYPE_ORDER if k in set(register["type"])]):
        part = register[register["type"] == kind]
        fig.add_scattergeo(
            lon=part["lon"],
            lat=part["lat"],
            mode="markers",
            name=fx.label("type", kind, lang),
            marker={
                "symbol": _SYMBOLS[k % len(_SYMBOLS)],
                "size": 12,
                "color": list(PALETTE.values())[k % 8],
                "line": {"color": "black", "width": 1},
            },
            text=part["name"],
            customdata=part["district"],
            hovertemplate="%{text}<br>%{customdata}<extra></extra>",
        )
    fig.update_geos(
        visible=False,
        projection_type="mercator",
        lonaxis_range=[lon_low, lon_high],
        lataxis_range=[lat_low, lat_high],
    )
    fig = _layout(fig, lang, height=480)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 40, "b": 0}, legend={"y": 1.0, "yanchor": "bottom"})
    return fig


def mendelow_chart(a) -> go.Figure:
    """Influence–interest grid: the actors in Mendelow's four quadrants (hollow = default score)."""
    lang = a.lang
    grid = a.grid.reset_index(drop=True)
    # spread actors that share a cell on a small circle, so that none hides another
    position = grid.groupby(["influence", "interest"]).cumcount()
    size = grid.groupby(["influence", "interest"])["name"].transform("size")
    angle = 2 * np.pi * position / size
    radius = np.where(size > 1, 0.22, 0.0)
    x, y = grid["interest"] + radius * np.cos(angle), grid["influence"] + radius * np.sin(angle)
    fig = go.Figure()
    for assumed in (False, True):
        mask = grid["scores_assumed"] == assumed
        fig.add_scatter(
            x=x[mask],
            y=y[mask],
            mode="markers+text",
            text=grid.loc[mask, "name"].map(lambda n: _wrap(n, 22)),
            textposition=["top center" if k % 2 == 0 else "bottom center" for k in range(int(mask.sum()))],
            textfont={"size": 10},
            name=_lbl("assumed" if assumed else "scored", lang),
            marker={
                "size": 12,
                "color": PALETTE["blue"],
                "symbol": "circle-open" if assumed else "circle",
                "line": {"color": PALETTE["blue"], "width": 2},
            },
            hovertemplate="%{text}<extra></extra>",
        )
    cut = 3.5
    fig.add_shape(type="line", x0=cut, x1=cut, y0=0.5, y1=5.5, line={"dash": "dash", "color": "#999"})
    fig.add_shape(type="line", y0=cut, y1=cut, x0=0.5, x1=5.5, line={"dash": "dash", "color": "#999"})
    corners = {"manage_closely": (5.45, 5.45, "right"), "keep_satisfied": (0.55, 5.45, "left"),
               "keep_informed": (5.45, 0.55, "right"), "monitor": (0.55, 0.55, "left")}  # fmt: skip
    for quadrant, (qx, qy, align) in corners.items():
        fig.add_annotation(
            x=qx,
            y=qy,
            text=f"<b>{fx.label('quadrant', quadrant, lang)}</b>",
            showarrow=False,
            xanchor=align,
            font={"color": "#555"},
        )
    fig.update_xaxes(range=[0.5, 5.5], dtick=1, title=_lbl("interest", lang), zeroline=False)
    fig.update_yaxes(range=[0.5, 5.5], dtick=1, title=_lbl("influence", lang), zeroline=False)
    return _layout(fig, lang, height=560)


# --------------------------------------------------------------------------------------------- firms


def firms_chart(a) -> go.Figure:
    """The cluster's firms: size classes, age, value-chain stage and export share."""
    if a.firms.empty:
        return _missing(a)
    lang = a.lang
    firms = a.firms
    fig = make_subplots(
        rows=2,
        cols=2,
        subplot_titles=[_lbl(k, lang) for k in ("size", "age", "stage", "export_share")],
        vertical_spacing=0.3,
        horizontal_spacing=0.12,
    )
    sizes = firms["size_class"].value_counts().reindex(["micro", "small", "medium", "large"]).dropna()
    fig.add_bar(
        x=[fx.label("size", s, lang) for s in sizes.index],
        y=sizes.values,
        row=1,
        col=1,
        marker_color=PALETTE["blue"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    fig.add_histogram(
        x=firms["age"],
        xbins={"size": 5},
        row=1,
        col=2,
        marker_color=PALETTE["orange"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    stages = (
        firms["stage"]
        .value_counts()
        .reindex(["inputs", "manufacturing", "services", "distribution"])
        .dropna()
    )
    fig.add_bar(
        x=[fx.label("stage", s, lang) for s in stages.index],
        y=stages.values,
        row=2,
        col=1,
        marker_color=PALETTE["green"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    exporters = firms.loc[firms["export_share"] > 0, "export_share"]
    fig.add_histogram(
        x=exporters,
        xbins={"start": 0, "end": 1, "size": 0.1},
        row=2,
        col=2,
        marker_color=PALETTE["purple"],
        showlegend=False,
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    fig.update_xaxes(**_pct_axis(lang), row=2, col=2)
    for row, col in ((1, 1), (1, 2), (2, 1), (2, 2)):
        fig.update_yaxes(title_text=_lbl("firms", lang), row=row, col=col)
    fig.update_traces(marker_line_color="white", marker_line_width=1)
    return _layout(fig, lang, height=640)


# -------------------------------------------------------------------------------------------- survey


def diverging_chart(a) -> go.Figure:
    """Answers to every statement as stacked bars centred on the neutral answer (latest wave).

    Disagreement extends to the left, agreement to the right; the neutral share is split in half
    across the centre line.  Shares are of valid answers ("don't know" and blanks are left out and
    shown in the item table).  Statements are sorted by their agreement.
    """
    if not a.has_survey:
        return _missing(a)
    lang = a.lang
    summary = a.summary.sort_values(["top2", "item"], ascending=[True, False])
    # statements wrapped short, so that on A4 (680 px) the bars keep more than half of the width
    labels = [_wrap(a.item_text(i), 34) for i in summary["item"]]
    neutral = a.questionnaire.neutral
    fig = go.Figure()
    half = summary[f"share_{neutral}"] / 2
    left = {code: summary[f"share_{code}"] for code in SCALE if code < neutral}
    # plotly stacks negative bars outward from zero in trace order: the neutral half first, then 2, then 1
    order = [neutral, *sorted(left, reverse=True), neutral, *[c for c in SCALE if c > neutral]]
    for k, code in enumerate(order):
        negative = k <= len(left)
        values = (half if code == neutral else summary[f"share_{code}"]) * (-1 if negative else 1)
        fig.add_bar(
            y=labels,
            x=values,
            orientation="h",
            name=a.questionnaire.scale_label(code, lang),
            marker={"color": _SCALE_COLOURS[code], "line": {"color": "white", "width": 0.5}},
            showlegend=not (code == neutral and negative),
            legendgroup=str(code),
            legendrank=code,
            customdata=_pct(summary[f"share_{code}"], lang),
            hovertemplate="%{customdata}<extra>" + a.questionnaire.scale_label(code, lang) + "</extra>",
            text=[
                fx.percent(v, lang) if abs(v) >= 0.12 and code != neutral else ""
                for v in summary[f"share_{code}"]
            ],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
        )
    fig.add_vline(x=0, line_color="black", line_width=1)
    legend = {
        "traceorder": "normal",
        "orientation": "h",
        "xref": "container",
        "x": 0.01,
        "y": 1.0,
        "yanchor": "bottom",
    }
    fig.update_layout(
        barmode="relative",
        bargap=0.25,
        xaxis={"range": [-1, 1], "title": _lbl("share_answers", lang)},
    )
    fig.update_xaxes(
        tickvals=[-1, -0.5, 0, 0.5, 1],
        ticktext=[format_percent(abs(v), lang, decimals=0) if v else "0" for v in (-1, -0.5, 0, 0.5, 1)],
    )
    fig = _layout(fig, lang, height=max(420, 40 * len(summary) + 160))
    fig.update_layout(legend=legend, margin={"t": 90})
    fig.update_yaxes(tickfont={"size": 11})
    return fig


def needs_chart(a) -> go.Figure:
    """Needs ranked by the share of agreeing answers, with 95 % bootstrap intervals; gaps marked."""
    if not a.has_survey:
        return _missing(a)
    lang = a.lang
    data = a.needs_map.iloc[::-1]
    fig = go.Figure()
    for gap in (False, True):
        part = data[data["gap"] == gap]
        fig.add_scatter(
            x=part["share"],
            y=part["block"].map(a.block_name),
            mode="markers",
            name=_lbl("gap" if gap else "covered", lang),
            marker={
                "size": 14,
                "symbol": "x" if gap else "circle",
                "color": PALETTE["vermillion"] if gap else PALETTE["blue"],
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["high"] - part["share"],
                "arrayminus": part["share"] - part["low"],
                "color": "#555",
            },
            customdata=_pct(part["share"], lang),
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    fig.update_layout(xaxis={"range": [0, 1], "title": _lbl("share_agree", lang)})
    fig.update_xaxes(**_pct_axis(lang))
    fig.update_yaxes(categoryorder="array", categoryarray=list(data["block"].map(a.block_name)))
    return _layout(fig, lang, height=max(340, 44 * len(data) + 120))


def groups_chart(a, by: str = "size") -> go.Figure:
    """Share agreeing per need area and firm group (size class or value-chain stage); * = beyond noise."""
    if not a.has_survey:
        return _missing(a)
    lang = a.lang
    if by not in ("size", "stage"):
        raise ValueError(f"'by' must be one of ['size', 'stage'], got {by!r}")
    tests = a.by_size if by == "size" else a.by_stage
    order = a.ranking["block"].tolist()[::-1]
    significant = set(fx.significant_blocks(tests))
    names = {b: a.block_name(b) + (" *" if b in significant else "") for b in order}
    groups = (
        ["micro", "small", "medium", "large"]
        if by == "size"
        else ["inputs", "manufacturing", "services", "distribution"]
    )
    fig = go.Figure()
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]
    for k, group in enumerate(g for g in groups if g in set(tests["group"])):
        part = tests[tests["group"] == group].set_index("block").reindex(order)
        n = int(part["firms"].max())
        few = n < MIN_GROUP_FIRMS
        name = f"{fx.label('size' if by == 'size' else 'stage', group, lang)}, n = {n}"
        fig.add_scatter(
            x=part["share"],
            y=[names[b] for b in order],
            mode="markers",
            name=name + (f" ({_lbl('too_few', lang)})" if few else ""),
            marker={
                "size": 12,
                "symbol": _SYMBOLS[k] + ("-open" if few else ""),
                "color": colours[k],
                "line": {"color": colours[k] if few else "white", "width": 2 if few else 1},
            },
            customdata=np.column_stack([_pct(part["share"], lang), part["firms"].astype("Int64").astype(str)]),
            hovertemplate="%{y}: %{customdata[0]} (n = %{customdata[1]})<extra></extra>",
        )
    fig.update_layout(xaxis={"range": [-0.03, 1.03], "title": _lbl("share_agree", lang).split(",")[0]})
    fig.update_xaxes(**_pct_axis(lang))
    if significant:
        fig.add_annotation(
            text=_lbl("significant", lang),
            xref="paper",
            yref="paper",
            x=1,
            y=-0.12,
            showarrow=False,
            xanchor="right",
        )
    return _layout(fig, lang, height=max(360, 44 * len(order) + 140))


def waves_chart(a) -> go.Figure:
    """Share agreeing with each statement in the two waves (hollow → filled); bold = beyond noise."""
    lang = a.lang
    if not a.has_survey:
        return _missing(a)
    if a.waves is None:
        fig = go.Figure()
        fig.add_annotation(
            text=t("needs.finding.waves_single", lang),
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
        )
        return _layout(fig, lang, height=200)
    w = a.waves.sort_values(["top2_after", "item"])
    before, after = w.attrs["before"], w.attrs["after"]
    labels = [
        ("<b>" + _wrap(a.item_text(i), 55) + "</b>") if s else _wrap(a.item_text(i), 55)
        for i, s in zip(w["item"], w["significant"], strict=True)
    ]
    fig = go.Figure()
    for lo, hi, label_, sig in zip(w["top2_before"], w["top2_after"], labels, w["significant"], strict=True):
        fig.add_scatter(
            x=[lo, hi],
            y=[label_, label_],
            mode="lines",
            showlegend=False,
            hoverinfo="skip",
            line={"color": PALETTE["vermillion"] if sig else "#bbb", "width": 3 if sig else 2},
        )
    for key, colour, width in (("beyond", PALETTE["vermillion"], 3), ("noise", "#bbb", 2)):
        fig.add_scatter(  # legend entries of the two kinds of line (bold labels also mark "beyond noise")
            x=[None], y=[None], mode="lines", name=_lbl(key, lang), line={"color": colour, "width": width}
        )
    fig.add_scatter(
        x=w["top2_before"],
        y=labels,
        mode="markers",
        name=str(before),
        marker={"symbol": "circle-open", "size": 11, "color": PALETTE["grey"], "line": {"width": 2}},
        customdata=_pct(w["top2_before"], lang),
        hovertemplate="%{customdata}<extra>" + str(before) + "</extra>",
    )
    fig.add_scatter(
        x=w["top2_after"],
        y=labels,
        mode="markers",
        name=str(after),
        marker={"symbol": "circle", "size": 11, "color": PALETTE["blue"]},
        customdata=_pct(w["top2_after"], lang),
        hovertemplate="%{customdata}<extra>" + str(after) + "</extra>",
    )
    fig.update_layout(xaxis={"range": [0, 1], "title": _lbl("share_agree", lang).split(",")[0]})
    fig.update_xaxes(**_pct_axis(lang))
    return _layout(fig, lang, height=max(420, 30 * len(w) + 140))


def clusters_chart(a) -> go.Figure:
    """Share agreeing per need area in every cluster of the survey; the report's cluster highlighted."""
    from clusterlib import nace

    if a.by_cluster.empty or not a.has_survey:
        return _missing(a)
    lang = a.lang
    table = a.by_cluster
    order = a.ranking["block"].tolist()[::-1]
    fig = go.Figure()
    others = [c for c in table["cluster"].unique() if c != a.cluster]
    for k, cluster in enumerate([*others, a.cluster]):
        part = table[table["cluster"] == cluster].set_index("block").reindex(order)
        record = nace.cluster(cluster)
        own = cluster == a.cluster
        fig.add_scatter(
            x=part["share"],
            y=[a.block_name(b) for b in order],
            mode="markers",
            name=record.name_tr if lang == "tr" else record.name_en,
            marker={
                "size": 15 if own else 10,
                "symbol": "star" if own else _SYMBOLS[k % len(_SYMBOLS)] + "-open",
                "color": PALETTE["vermillion"] if own else PALETTE["grey"],
                "line": {"width": 1.5},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["high"] - part["share"],
                "arrayminus": part["share"] - part["low"],
                "color": PALETTE["vermillion"],
                "visible": own,
            },
            customdata=_pct(part["share"], lang),
            hovertemplate="%{y}: %{customdata}<extra>"
            + (record.name_tr if lang == "tr" else record.name_en)
            + "</extra>",
        )
    fig.update_layout(xaxis={"range": [-0.03, 1.03], "title": _lbl("share_agree", lang)})
    fig.update_xaxes(**_pct_axis(lang))
    return _layout(fig, lang, height=max(380, 44 * len(order) + 160))
