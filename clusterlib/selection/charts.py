"""The charts of sector selection (step 2), in Turkish or English, in the house :func:`~clusterlib.charts.style`.

Every function takes a tidy table and returns a :class:`plotly.graph_objects.Figure`; the report view
(:class:`~clusterlib.selection.presentation.SelectionReport`) calls them.  Every number a reader sees
(ticks, hover labels) is written by the one formatter of :mod:`clusterlib.i18n`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from clusterlib.charts import PALETTE, style
from clusterlib.checks import require_columns
from clusterlib.i18n import axis_ticks, format_as, hover_values, t
from clusterlib.selection.portfolio import portfolio_quadrants
from clusterlib.selection.thresholds import THRESHOLDS

__all__ = [
    "criteria_groups_chart",
    "portfolio_chart",
    "ranking_robustness_chart",
    "sector_structure_chart",
    "shift_share_chart",
]

_GROUP_COLOURS = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["purple"]]


def _label(key: str, lang: str, **values: object) -> str:
    return t(f"chart.{key}", lang, **values)


def sector_structure_chart(
    structure: pd.DataFrame, *, lang: str = "tr", top: int = 15, title: str | None = None
) -> go.Figure:
    """Horizontal bars of the province's largest sectors: share in the province against share in Türkiye.

    Parameters
    ----------
    structure : DataFrame
        Columns ``label`` (sector name), ``share`` (share of the province's employment) and
        ``national_share`` (share of national employment), one row per sector.
    """
    require_columns(structure, ["label", "share", "national_share"], name="structure")
    data = structure.nlargest(top, "share").iloc[::-1]
    fig = go.Figure()
    fig.add_bar(
        y=data["label"],
        x=data["national_share"],
        orientation="h",
        name=_label("share_national", lang),
        marker_color=PALETTE["grey"],
        customdata=hover_values(data["national_share"], lang, kind="percent"),
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    fig.add_bar(
        y=data["label"],
        x=data["share"],
        orientation="h",
        name=_label("share_province", lang),
        marker_color=PALETTE["blue"],
        customdata=hover_values(data["share"], lang, kind="percent"),
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    high = float(np.nanmax([data["share"].max(), data["national_share"].max(), 0.01])) if len(data) else 0.01
    fig.update_layout(barmode="group", xaxis_title=_label("employment_share", lang))
    fig.update_xaxes(**axis_ticks(0, high, lang, kind="percent"))
    return style(fig, lang, title=title, height=max(380, 28 * len(data) + 120))


def portfolio_chart(
    portfolio: pd.DataFrame,
    *,
    national_growth: float,
    lang: str = "tr",
    highlight: Sequence[str] = (),
    title: str | None = None,
) -> go.Figure:
    """Portfolio (BCG-style) bubble chart: LQ against employment growth, bubble size = employment.

    Quadrant lines at LQ = 1 and at the national growth rate separate specialised-and-growing
    sectors (upper right) from the others.  Each point's quadrant comes from
    :func:`clusterlib.selection.portfolio.portfolio_quadrants`, the function the portfolio finding
    uses, and is in its ``customdata`` (``[label, employment, nace, quadrant id, quadrant name]``).
    The LQ axis is logarithmic so that 0.5 and 2 lie
    symmetric around 1.

    Parameters
    ----------
    portfolio : DataFrame
        Columns ``nace``, ``label``, ``lq``, ``growth`` (CAGR, fraction) and ``employment``.
    national_growth : float
        National employment CAGR over the same period (the horizontal quadrant line).
    highlight : sequence of str
        NACE codes drawn in a contrasting colour and labelled (e.g. the top candidates).
    """
    require_columns(portfolio, ["nace", "label", "lq", "growth", "employment"], name="portfolio")
    data = portfolio[(portfolio["lq"] > 0) & np.isfinite(portfolio["growth"])].copy()
    # the same classification as the portfolio finding: one definition of the quadrants
    data["quadrant"] = portfolio_quadrants(data, national_growth=national_growth)
    size = np.sqrt(data["employment"].clip(lower=0))
    sizeref = 2.0 * float(size.max() or 1.0) / 60.0
    is_highlight = data["nace"].isin(list(highlight))
    fig = go.Figure()
    for selected, colour in ((False, PALETTE["sky"]), (True, PALETTE["vermillion"])):
        part = data[is_highlight == selected]
        quadrant_names = [_label(f"q_{q}", lang) for q in part["quadrant"]]
        fig.add_scatter(
            x=part["lq"],
            y=part["growth"],
            mode="markers+text" if selected else "markers",
            text=part["label"] if selected else None,
            textposition="top center",
            marker={
                "size": size[is_highlight == selected],
                "sizemode": "diameter",
                "sizeref": sizeref,
                "sizemin": 4,
                "color": colour,
                # shape as well as colour: a highlighted candidate is a diamond
                "symbol": "diamond" if selected else "circle",
                "line": {"width": 1, "color": "white"},
                "opacity": 0.8,
            },
            customdata=np.stack(
                [
                    part["label"],
                    part["employment"],
                    part["nace"],
                    part["quadrant"],
                    quadrant_names,
                    hover_values(part["lq"], lang, decimals=2),
                    hover_values(part["growth"], lang, kind="percent"),
                    hover_values(part["employment"], lang),
                ],
                axis=-1,
            )
            if len(part)
            else None,
            hovertemplate=(
                f"%{{customdata[0]}}<br>LQ %{{customdata[5]}}<br>{_label('growth', lang)} %{{customdata[6]}}"
                f"<br>{_label('employment', lang)} %{{customdata[7]}}<br>%{{customdata[4]}}<extra></extra>"
            ),
            showlegend=False,
        )
    fig.add_vline(x=THRESHOLDS.specialised_lq, line_dash="dash", line_color=PALETTE["grey"])
    fig.add_hline(
        y=national_growth,
        line_dash="dash",
        line_color=PALETTE["grey"],
        annotation_text=_label("national_growth", lang),
        annotation_position="bottom right",
    )
    corners = [
        ("q_stars", 0.98, 0.98, "right", "top"),
        ("q_mature", 0.98, 0.02, "right", "bottom"),
        ("q_emerging", 0.02, 0.98, "left", "top"),
        ("q_weak", 0.02, 0.02, "left", "bottom"),
    ]
    for key, x, y, xanchor, yanchor in corners:
        fig.add_annotation(
            text=_label(key, lang),
            xref="paper",
            yref="paper",
            x=x,
            y=y,
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            font={"color": PALETTE["grey"], "size": 11},
        )
    ticks = [
        t
        for t in (0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32)
        # the quadrant line LQ = 1 is always on the axis, even when every sector lies on one side of it
        if min(data["lq"].min(), 1.0) / 1.5 <= t <= max(data["lq"].max(), 1.0) * 1.5
    ]
    tick_text = [format_as(t, "{:.3g}", lang) for t in ticks]  # 0,25 · 0,5 · 1 · 2
    fig.update_xaxes(type="log", title=_label("lq", lang), tickvals=ticks, ticktext=tick_text)
    growth = pd.concat([data["growth"], pd.Series([national_growth])])
    fig.update_yaxes(
        title=_label("growth", lang),
        **axis_ticks(float(growth.min()), float(growth.max()), lang, kind="percent"),
    )
    return style(fig, lang, title=title, height=560)


def shift_share_chart(
    components: pd.DataFrame, *, lang: str = "tr", top: int = 12, title: str | None = None
) -> go.Figure:
    """Stacked bars of shift-share components per sector, with the actual change as a marker.

    Parameters
    ----------
    components : DataFrame
        Columns ``label``, ``national_share``, ``industry_mix``, ``regional_share`` (optionally
        ``allocation``) and ``actual_change``; the sectors with the largest absolute change are shown.
    """
    parts = [c for c in ("national_share", "industry_mix", "regional_share", "allocation") if c in components]
    require_columns(components, ["label", "actual_change", *parts], name="components")
    data = components.reindex(components["actual_change"].abs().sort_values().index[-top:])
    fig = go.Figure()
    colours = [PALETTE["grey"], PALETTE["orange"], PALETTE["blue"], PALETTE["purple"]]
    for part, colour in zip(parts, colours, strict=False):
        fig.add_bar(
            y=data["label"],
            x=data[part],
            orientation="h",
            name=_label(part, lang),
            marker_color=colour,
            customdata=hover_values(data[part], lang, kind="signed"),
            hovertemplate="%{y}: %{customdata}<extra>" + _label(part, lang) + "</extra>",
        )
    fig.add_scatter(
        y=data["label"],
        x=data["actual_change"],
        mode="markers",
        name=_label("actual_change", lang),
        marker={"symbol": "diamond", "size": 10, "color": "black"},
        customdata=hover_values(data["actual_change"], lang, kind="signed"),
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    # "," groups thousands with the layout's separators (1.000 in Turkish); Plotly draws minus as U+2212
    fig.update_layout(barmode="relative", xaxis_title=_label("change_jobs", lang), xaxis_tickformat=",")
    fig = style(fig, lang, title=title, height=max(420, 30 * len(data) + 200))
    # four legend entries span the width: below the plot, where the modebar (top right) cannot cover them
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "xanchor": "left"},
        margin={"b": 90},
    )
    return fig


def criteria_groups_chart(
    contributions: pd.DataFrame,
    group_names: Mapping[str, str],
    *,
    lang: str = "tr",
    top: int = 12,
    title: str | None = None,
    score: pd.Series | None = None,
    score_name: str | None = None,
) -> go.Figure:
    """Stacked bars of each sector's score split into its criteria groups.

    Sectors are drawn in the order given (best first), so the chart follows the final ranking; say
    in ``title`` what the bars are when they are not the ranking's own score (e.g. the additive split
    of the weighted sum while the order is that of TOPSIS).

    Parameters
    ----------
    contributions : DataFrame
        Indexed by sector label, one column per criteria group id with its weighted contribution.
    group_names : mapping
        Group id → display name in the chosen language.
    score, score_name : Series and str, optional
        The score the order follows (e.g. TOPSIS closeness), indexed like ``contributions``: drawn as a
        ◆ marker on each bar, named ``score_name`` in the legend, so the chart shows the number the
        ranking table ranks beside the additive split.
    """
    data = contributions.head(top).iloc[::-1]
    fig = go.Figure()
    for group, colour in zip(data.columns, _GROUP_COLOURS * 2, strict=False):
        fig.add_bar(
            y=data.index,
            x=data[group],
            orientation="h",
            name=group_names.get(group, group),
            marker_color=colour,
            customdata=hover_values(data[group], lang, decimals=3),
            hovertemplate="%{y}: %{customdata}<extra>" + group_names.get(group, group) + "</extra>",
        )
    if score is not None:
        shown = score.reindex(data.index).astype(float)
        fig.add_scatter(
            y=data.index,
            x=shown,
            mode="markers",
            marker={"symbol": "diamond", "size": 11, "color": PALETTE["black"], "line": {"width": 1, "color": "white"}},
            name=score_name or "score",
            customdata=hover_values(shown, lang, decimals=3),
            hovertemplate="%{y}: %{customdata}<extra>" + (score_name or "") + "</extra>",
        )
    fig.update_layout(barmode="stack", xaxis_title=_label("score", lang), legend_traceorder="normal")
    # legend above the bars (below, it ran into the axis title on A4), under the title: room for one
    # entry per row, as on a narrow page, added to the height so every bar keeps its label in print
    entries = len(data.columns) + (score is not None)
    height = max(400, 30 * len(data) + 150) + 21 * entries
    fig = style(fig, lang, title=title, height=height)
    fig.update_yaxes(tickmode="linear", dtick=1)  # a label for every sector, never thinned out
    fig.update_layout(
        title={"y": 1 - 8 / height, "yanchor": "top", "yref": "container"},
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": 1 - 45 / height,
            "x": 0,
            "xref": "container",
            "yref": "container",
        },
        margin={"t": 50 + 21 * entries, "b": 50},
    )
    return fig


def ranking_robustness_chart(
    robustness: pd.DataFrame, *, top_k: int, lang: str = "tr", top: int = 10, title: str | None = None
) -> go.Figure:
    """Probability of ranking in the top *k* under weight uncertainty, with the rank interval.

    Parameters
    ----------
    robustness : DataFrame
        Indexed by sector label, columns ``p_top`` (probability, 0–1), ``rank`` (chosen-weights rank),
        ``rank_low`` and ``rank_high`` (5th and 95th percentile of the simulated ranks).
    """
    require_columns(robustness, ["p_top", "rank", "rank_low", "rank_high"], name="robustness")
    data = robustness.sort_values("rank").head(top).iloc[::-1]
    text = [
        f"{int(r)}. ({int(lo)}–{int(hi)})"
        for r, lo, hi in zip(data["rank"], data["rank_low"], data["rank_high"], strict=True)
    ]
    fig = go.Figure()
    fig.add_bar(
        y=data.index,
        x=data["p_top"],
        orientation="h",
        marker_color=PALETTE["green"],
        text=text,
        textposition="outside",
        name=_label("p_top", lang, k=top_k),
        customdata=hover_values(data["p_top"], lang, kind="percent", decimals=0),
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    )
    fig.update_layout(
        xaxis={
            "range": [0, 1.15],
            "title": _label("p_top", lang, k=top_k),
            **axis_ticks(0, 1, lang, kind="percent"),
        },
        showlegend=False,
    )
    return style(fig, lang, title=title, height=max(360, 30 * len(data) + 120))
