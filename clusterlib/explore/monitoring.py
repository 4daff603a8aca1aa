"""Monitoring: one indicator's path against its targets with the amber threshold as a control, and peers.

The status of every year is recomputed with :func:`clusterlib.monitoring.rag_status` for the chosen
amber threshold, so a key expert sees which years change colour when the committee's threshold
moves; each status is written as a word and a symbol too (colour is never the only signal).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from clusterlib.charts import PALETTE
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import data_fingerprint
from clusterlib.explore.panel import province_options
from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import format_number, hover_values, plotly_layout, t
from clusterlib.monitoring import MonitoringBenchmarking, rag_status
from clusterlib.monitoring.base import MonitoringBase, monitoring_base
from clusterlib.monitoring.rag import status_colour, status_symbol
from clusterlib.regions import province

__all__ = ["PEER_GROUPS", "latest_status", "monitoring_explorer", "monitoring_view"]

#: Peer groups: the province's NUTS-2 region, the provinces closest in GDP per capita and SES, all 81.
PEER_GROUPS = ("same_nuts2", "similar", "all")
METRICS = ("employment", "lq", "growth", "avg_wage", "workplaces", "exports_usd")


@cache
def _base(plate: int, data_dir: str | None, version: str) -> MonitoringBase:
    # language-free: one result for both languages; the plan and the peers only (the view shows no
    # scorecard, economy or findings), as analyse_monitoring computes them; the data folder's
    # version is in the key, so edited data are read again
    return monitoring_base(plate, data_dir=data_dir)


def _monitoring(plate: int, data_dir: str | None) -> MonitoringBase:
    return _base(plate, data_dir, data_fingerprint(data_dir if data_dir is not None else SAMPLE_DIR))


def _status_text(status: object, lang: str) -> str:
    key = status if status in ("green", "amber", "red") else "grey"
    return f"{status_symbol(key)} {t(f'explore.mon.status.{key}', lang)}"


def latest_status(path: pd.DataFrame, status: pd.Series) -> str | None:
    """The status of the last year that has an actual value (and a target), or None when none has.

    Years after the data (targets still ahead, no actual yet) are ``"grey"`` in ``status``; they
    are not the latest status.

    Parameters
    ----------
    path : DataFrame
        One indicator's rows, sorted by ``year``, with ``actual``.
    status : Series
        The status of each row (same index; missing where there is no target).

    Examples
    --------
    >>> path = pd.DataFrame({"year": [2022, 2023, 2024, 2025, 2026], "actual": [1.0, 2.0, 3.0, None, None]})
    >>> latest_status(path, pd.Series([None, "amber", "green", "grey", "grey"]))
    'green'
    >>> latest_status(path.assign(actual=None), pd.Series(["grey"] * 5)) is None
    True
    """
    known = status[path["actual"].notna().to_numpy() & status.notna().to_numpy()]
    return str(known.iloc[-1]) if len(known) else None


Result = MonitoringBenchmarking | MonitoringBase  # the analysis, or the part of it the view shows


def _peer_bars(result: Result, peers: str, metric: str, lang: str) -> tuple[go.Figure, pd.DataFrame]:
    table = result.sector_table
    group = result.peers if peers != "all" else None
    plates = (
        table.index.tolist() if group is None else [result.province.plate, *group.loc[group[peers], "plate"]]
    )
    rows = table.loc[[p for p in plates if p in table.index]].sort_values(metric, ascending=False)
    own = result.province.plate
    bars = go.Figure(
        go.Bar(
            x=rows["province"],
            y=rows[metric],
            marker={
                "color": [PALETTE["blue"] if p == own else PALETTE["sky"] for p in rows.index],
                "pattern": {"shape": ["/" if p == own else "" for p in rows.index]},
            },
            customdata=hover_values(rows[metric], lang, decimals=2),
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        )
    )
    bars.update_layout(
        height=360,
        title=t("explore.mon.peers_of", lang, sector=result.sector_name(lang),
                metric=t(f"explore.mon.metric.{metric}", lang)),
        margin={"l": 50, "r": 10, "t": 50, "b": 90},
        xaxis={"automargin": True},
        **plotly_layout(lang),
    )
    return bars, rows


def _trajectory(path: pd.DataFrame, status: pd.Series, name: str, lang: str) -> go.Figure:
    trajectory = go.Figure()
    trajectory.add_scatter(
        x=path["year"],
        y=path["trajectory"],
        mode="lines",
        name=t("explore.mon.target", lang),
        line={"dash": "dash", "color": PALETTE["text_muted"]},
    )
    trajectory.add_scatter(
        x=path["year"],
        y=path["actual"],
        mode="lines+markers+text",
        name=t("explore.mon.actual", lang),
        text=[status_symbol(s) if isinstance(s, str) else "" for s in status],
        textposition="top center",
        marker={
            "size": 12,
            "color": [status_colour(s) if isinstance(s, str) else PALETTE["grey"] for s in status],
            "line": {"color": PALETTE["text_muted"], "width": 1},
        },
        line={"color": PALETTE["text_muted"]},
    )
    trajectory.update_layout(
        height=330,
        title=name,
        margin={"l": 50, "r": 10, "t": 50, "b": 40},
        xaxis={"dtick": 1},
        **plotly_layout(lang),
    )
    return trajectory


def _peer_data(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = {m: t(f"explore.mon.metric.{m}", lang) for m in METRICS if m in rows.columns}
    return rows[["province", *names]].rename(columns={"province": t("explore.mon.province", lang), **names})


def monitoring_view(
    result: Result, indicator: str | None, amber: float, peers: str, metric: str, *, lang: str = "tr"
) -> Drawing:
    """The drawing of :func:`monitoring_explorer` (no widgets).

    A province without monitoring indicators gets a sentence saying so and the peer comparison only.

    Examples
    --------
    >>> r = monitoring_base("Gaziantep", lang="en")   # or the analyse_monitoring result
    >>> first = r.plan["indicator"].iloc[0]
    >>> strict, lenient = (monitoring_view(r, first, a, "all", "lq", lang="en") for a in (0.95, 0.5))
    >>> not_red = [int(d.table["Status"].str.contains("amber|green").sum()) for d in (strict, lenient)]
    >>> not_red[0] <= not_red[1]  # a lower threshold only turns red years amber
    True
    >>> d = monitoring_view(monitoring_base("Hakkari", lang="en"), None, 0.75, "all", "lq", lang="en")
    >>> d.finding.startswith("There are no monitoring indicators for Hakkari"), len(d.figures)
    (True, 1)
    """
    bars, rows = _peer_bars(result, peers, metric, lang)
    peer_sheet = t(f"explore.mon.{peers}", lang)
    if result.plan.empty:
        return Drawing(
            table=_peer_data(rows, lang),
            figures=(bars,),
            finding=t("explore.mon.no_plan", lang, province=result.province.name),
            table_options={"decimals": 2},
            data={peer_sheet: _peer_data(rows, lang)},
        )
    path = result.plan[result.plan["indicator"] == indicator].sort_values("year")
    direction = path["direction"].iloc[0]
    scored = path.dropna(subset=["target"])
    status = rag_status(
        scored["baseline"], scored["target"], scored["actual"], direction=direction, amber=amber
    )
    status = status.reindex(path.index)
    name = path[f"name_{lang}"].iloc[0]
    frame = pd.DataFrame(
        {
            t("explore.mon.col.year", lang): path["year"].to_numpy(),
            t("explore.mon.col.target", lang): path["target"].to_numpy(),
            t("explore.mon.col.actual", lang): path["actual"].to_numpy(),
            t("explore.mon.col.progress", lang): (
                (path["actual"] - path["baseline"]) / (path["target"] - path["baseline"])
            ).to_numpy(),
            t("explore.mon.col.status", lang): [
                _status_text(s, lang) if isinstance(s, str) else "–" for s in status
            ],
        }
    )
    counts = status.value_counts()
    latest = latest_status(path, status)
    finding = t(
        "explore.mon.finding",
        lang,
        amber=format_number(amber, lang, decimals=2),
        indicator=name,
        green=int(counts.get("green", 0)),
        amber_n=int(counts.get("amber", 0)),
        red=int(counts.get("red", 0)),
        last=_status_text(latest, lang) if latest is not None else "–",
    )
    return Drawing(
        table=frame,
        figures=(_trajectory(path, status, name, lang), bars),
        finding=finding,
        table_options={
            "percent_cols": [t("explore.mon.col.progress", lang)],
            "text_cols": [t("explore.mon.col.year", lang)],
        },
        data={name[:31]: frame, peer_sheet: _peer_data(rows, lang)},
    )


def _indicator_options(result: Result, lang: str) -> list[tuple[str, str]]:
    if result.plan.empty:
        return []
    names = result.plan.drop_duplicates("indicator").set_index("indicator")[f"name_{lang}"]
    return [(str(v), str(k)) for k, v in names.items()]


def monitoring_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """Province, indicator, amber threshold, peer group and comparison metric of step 4, redrawn live.

    Examples
    --------
    >>> view = monitoring_explorer("Samsun", lang="en")
    >>> view.controls["amber"].value = 0.5
    >>> view.drawing.finding.startswith("With the amber threshold at 0.50")
    True
    >>> view.controls["plate"].value = 30   # Hakkari: no indicators; peers only, and a sentence
    >>> view.controls["indicator"].options, len(view.drawing.figures)
    ((), 1)
    """
    folder = None if data_dir is None else str(data_dir)
    plate = province(province_key).plate
    result = _monitoring(plate, folder)
    style = {"description_width": "8em"}
    controls = {
        "plate": widgets.Dropdown(
            options=province_options(), value=plate, description=t("explore.mon.province", lang), style=style
        ),
        "indicator": widgets.Dropdown(
            options=_indicator_options(result, lang),
            description=t("explore.mon.indicator", lang),
            style=style,
            layout=widgets.Layout(width="34em"),
        ),
        "amber": widgets.FloatSlider(
            value=result.amber,
            min=0.5,
            max=0.95,
            step=0.05,
            description=t("explore.mon.amber", lang),
            style=style,
        ),
        "peers": widgets.Dropdown(
            options=[(t(f"explore.mon.{g}", lang), g) for g in PEER_GROUPS],
            value="same_nuts2",
            description=t("explore.mon.peers", lang),
            style=style,
            layout=widgets.Layout(width="30em"),
        ),
        "metric": widgets.Dropdown(
            options=[(t(f"explore.mon.metric.{m}", lang), m) for m in METRICS],
            value="lq",
            description=t("explore.mon.metric", lang),
            style=style,
            layout=widgets.Layout(width="30em"),
        ),
    }

    def draw(plate: int, indicator: str | None, amber: float, peers: str, metric: str) -> Drawing:
        result = _monitoring(plate, folder)
        options = _indicator_options(result, lang)
        picker = controls["indicator"]
        if [value for _, value in options] != [value for _, value in picker.options]:
            picker.options = options  # another province: its own indicators (the view ignores this change)
            picker.value = options[0][1] if options else None
            indicator = picker.value
        return monitoring_view(result, indicator, amber, peers, metric, lang=lang)

    return View(t("explore.mon.title", lang), "monitoring", controls, draw, lang=lang, data_dir=data_dir,
                n_figures=2)
