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

from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import add_strings, format_number, hover_values, plotly_layout, t
from clusterlib.monitoring import MonitoringBenchmarking, analyse_monitoring, rag_status
from clusterlib.monitoring.rag import status_colour, status_symbol

__all__ = ["PEER_GROUPS", "monitoring_explorer", "monitoring_view"]

#: Peer groups: the province's NUTS-2 region, the provinces closest in GDP per capita and SES, all 81.
PEER_GROUPS = ("same_nuts2", "similar", "all")
METRICS = ("employment", "lq", "growth", "avg_wage", "workplaces", "exports_usd")

add_strings(
    {
        "explore.mon.title": {"tr": "İzleme: gösterge, eşik ve emsal iller",
                              "en": "Monitoring: indicator, threshold and peers"},
        "explore.mon.indicator": {"tr": "Gösterge", "en": "Indicator"},
        "explore.mon.amber": {"tr": "Sarı eşiği", "en": "Amber threshold"},
        "explore.mon.peers": {"tr": "Emsal grubu", "en": "Peer group"},
        "explore.mon.metric": {"tr": "Karşılaştırma", "en": "Compare on"},
        "explore.mon.same_nuts2": {"tr": "Aynı İBBS-2 bölgesi", "en": "Same NUTS-2 region"},
        "explore.mon.similar": {"tr": "GSYH ve SES'e göre en yakın iller", "en": "Closest in GDP per capita and SES"},
        "explore.mon.all": {"tr": "81 il", "en": "All 81 provinces"},
        "explore.mon.metric.employment": {"tr": "Sektör istihdamı", "en": "Sector employment"},
        "explore.mon.metric.lq": {"tr": "Yoğunlaşma katsayısı (LQ)", "en": "Location quotient (LQ)"},
        "explore.mon.metric.growth": {"tr": "İstihdam büyümesi", "en": "Employment growth"},
        "explore.mon.metric.avg_wage": {"tr": "Ortalama ücret", "en": "Average wage"},
        "explore.mon.metric.workplaces": {"tr": "İşyeri sayısı", "en": "Workplaces"},
        "explore.mon.metric.exports_usd": {"tr": "İhracat (ABD doları)", "en": "Exports (USD)"},
        "explore.mon.target": {"tr": "Hedef yolu", "en": "Target path"},
        "explore.mon.actual": {"tr": "Gerçekleşen", "en": "Actual"},
        "explore.mon.col.year": {"tr": "Yıl", "en": "Year"},
        "explore.mon.col.target": {"tr": "Hedef", "en": "Target"},
        "explore.mon.col.actual": {"tr": "Gerçekleşen", "en": "Actual"},
        "explore.mon.col.progress": {"tr": "İlerleme", "en": "Progress"},
        "explore.mon.col.status": {"tr": "Durum", "en": "Status"},
        "explore.mon.status.green": {"tr": "yeşil: hedefte", "en": "green: on target"},
        "explore.mon.status.amber": {"tr": "sarı: hedefe yakın", "en": "amber: close to target"},
        "explore.mon.status.red": {"tr": "kırmızı: hedefin gerisinde", "en": "red: behind target"},
        "explore.mon.status.grey": {"tr": "gri: veri yok", "en": "grey: no data"},
        "explore.mon.finding": {
            "tr": "Sarı eşiği {amber} iken “{indicator}” göstergesinde {green} yıl yeşil, {amber_n} yıl sarı, "
                  "{red} yıl kırmızı; son durum: {last}.",
            "en": "With the amber threshold at {amber}, “{indicator}” has {green} green, {amber_n} amber and {red} red "
                  "years; latest status: {last}.",
        },
    }
)  # fmt: skip


@cache
def _monitoring(province_key: str, lang: str, data_dir: str | None) -> MonitoringBenchmarking:
    return analyse_monitoring(province_key, lang=lang, data_dir=data_dir)


def _status_text(status: object, lang: str) -> str:
    key = status if status in ("green", "amber", "red") else "grey"
    return f"{status_symbol(key)} {t(f'explore.mon.status.{key}', lang)}"


def monitoring_view(
    result: MonitoringBenchmarking, indicator: str, amber: float, peers: str, metric: str, *, lang: str = "tr"
) -> Drawing:
    """The drawing of :func:`monitoring_explorer` (no widgets).

    Examples
    --------
    >>> r = analyse_monitoring("Gaziantep", lang="en")
    >>> first = r.plan["indicator"].iloc[0]
    >>> strict, lenient = (monitoring_view(r, first, a, "all", "lq", lang="en") for a in (0.95, 0.5))
    >>> not_red = [int(d.table["Status"].str.contains("amber|green").sum()) for d in (strict, lenient)]
    >>> not_red[0] <= not_red[1]  # a lower threshold only turns red years amber
    True
    """
    path = result.plan[result.plan["indicator"] == indicator].sort_values("year")
    direction = path["direction"].iloc[0]
    scored = path.dropna(subset=["target"])
    status = rag_status(
        scored["baseline"], scored["target"], scored["actual"], direction=direction, amber=amber
    )
    status = status.reindex(path.index)
    name = path[f"name_{lang}"].iloc[0]

    trajectory = go.Figure()
    trajectory.add_scatter(
        x=path["year"],
        y=path["trajectory"],
        mode="lines",
        name=t("explore.mon.target", lang),
        line={"dash": "dash", "color": "#555"},
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
            "color": [status_colour(s) if isinstance(s, str) else "#bbb" for s in status],
            "line": {"color": "#333", "width": 1},
        },
        line={"color": "#333"},
    )
    trajectory.update_layout(
        height=330,
        title=name,
        margin={"l": 50, "r": 10, "t": 50, "b": 40},
        xaxis={"dtick": 1},
        **plotly_layout(lang),
    )

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
                "color": ["#034e7b" if p == own else "#a6bddb" for p in rows.index],
                "pattern": {"shape": ["/" if p == own else "" for p in rows.index]},
            },
            customdata=hover_values(rows[metric], lang, decimals=2),
            hovertemplate="%{x}: %{customdata}<extra></extra>",
        )
    )
    bars.update_layout(
        height=330,
        title=t(f"explore.mon.metric.{metric}", lang),
        margin={"l": 50, "r": 10, "t": 50, "b": 90},
        **plotly_layout(lang),
    )

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
    latest = status.dropna()
    finding = t(
        "explore.mon.finding",
        lang,
        amber=format_number(amber, lang, decimals=2),
        indicator=name,
        green=int(counts.get("green", 0)),
        amber_n=int(counts.get("amber", 0)),
        red=int(counts.get("red", 0)),
        last=_status_text(latest.iloc[-1], lang) if len(latest) else "–",
    )
    return Drawing(
        table=frame,
        figures=(trajectory, bars),
        finding=finding,
        table_options={
            "percent_cols": [t("explore.mon.col.progress", lang)],
            "text_cols": [t("explore.mon.col.year", lang)],
        },
    )


def monitoring_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """Indicator, amber threshold, peer group and comparison metric of step 4, redrawn live.

    Examples
    --------
    >>> view = monitoring_explorer("Samsun", lang="en")
    >>> view.controls["amber"].value = 0.5
    >>> view.drawing.finding.startswith("With the amber threshold at 0.50")
    True
    """
    result = _monitoring(str(province_key), lang, None if data_dir is None else str(data_dir))
    names = result.plan.drop_duplicates("indicator").set_index("indicator")[f"name_{lang}"]
    style = {"description_width": "8em"}
    controls = {
        "indicator": widgets.Dropdown(
            options=[(v, k) for k, v in names.items()],
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
        ),
        "metric": widgets.Dropdown(
            options=[(t(f"explore.mon.metric.{m}", lang), m) for m in METRICS],
            value="lq",
            description=t("explore.mon.metric", lang),
            style=style,
        ),
    }
    return View(
        t("explore.mon.title", lang),
        "monitoring",
        controls,
        lambda indicator, amber, peers, metric: monitoring_view(
            result, indicator, amber, peers, metric, lang=lang
        ),
        lang=lang,
    )
