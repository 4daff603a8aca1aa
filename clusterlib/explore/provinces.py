"""Up to five provinces side by side: the sectors they specialise in, their size and their growth."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from clusterlib.charts import PALETTE
from clusterlib.explore.figures import styled_figure
from clusterlib.explore.panel import NationalPanel, national_panel, province_options
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.i18n import format_number, hover_values, t
from clusterlib.regions import province

__all__ = ["MAX_PROVINCES", "compare_provinces", "province_comparison"]

#: More provinces than this make the grouped bars unreadable; the view keeps the first five picked.
MAX_PROVINCES = 5
#: One colour per place in the pick order (Okabe–Ito, colour-blind safe); a province keeps its colour.
COLOURS = tuple(PALETTE[name] for name in ("blue", "orange", "green", "purple", "vermillion"))


def _summary(panel: NationalPanel, plates: Sequence[int], year: int, lang: str) -> pd.DataFrame:
    cells = panel.cells[(panel.cells["year"] == year) & panel.cells["plate"].isin(plates)]
    sizeable = cells[cells["employment"] >= 100]
    regions = panel.regions[panel.regions["year"] == year].set_index("plate")
    base = panel.regions[panel.regions["year"] == panel.years[0]].set_index("plate")["employment"]
    span = year - panel.years[0]
    best = sizeable.sort_values("lq", ascending=False).drop_duplicates("plate").set_index("plate")["nace"]
    return pd.DataFrame(
        {
            t("explore.province", lang): [panel.names[p] for p in plates],
            t("explore.col.total", lang): [regions.at[p, "employment"] for p in plates],
            t("explore.col.cagr", lang): [
                (regions.at[p, "employment"] / base[p]) ** (1 / span) - 1 if span else float("nan")
                for p in plates
            ],
            "Herfindahl": [regions.at[p, "herfindahl"] for p in plates],
            t("explore.col.top_sector", lang): [
                panel.sector_label(best[p], lang) if p in best.index else "–" for p in plates
            ],
        }
    )


def province_comparison(
    panel: NationalPanel,
    plates: Sequence[int],
    year: int,
    top: int,
    *,
    lang: str = "tr",
    colours: Mapping[int, str] | None = None,
) -> Drawing:
    """The drawing of :func:`compare_provinces`: LQ of the leading sectors of the chosen provinces.

    The sectors shown are those with the highest LQ in any of the provinces among sectors with at
    least 100 employees there (smaller cells make unstable quotients).  The provinces are kept in
    the order given (the pick order), the first :data:`MAX_PROVINCES`.

    Examples
    --------
    >>> panel = national_panel()
    >>> d = province_comparison(panel, [19, 55, 61], panel.years[-1], 8, lang="en")
    >>> len(d.table), d.figures[0].data[0].type, [trace.name for trace in d.figures[0].data]
    (3, 'bar', ['Çorum', 'Samsun', 'Trabzon'])
    >>> len(d.data["81 provinces summary"]), d.data["LQ sector × province"].shape[1]   # all sectors, 3 provinces
    (81, 4)
    >>> province_comparison(panel, [], panel.years[-1], 8, lang="en").finding
    'Choose at least one province in the list to compare.'
    """
    plates = list(dict.fromkeys(plates))[:MAX_PROVINCES]
    if not plates:
        return notice(t("explore.compare.none", lang))
    colours = colours or {p: COLOURS[i] for i, p in enumerate(plates)}
    cells = panel.cells[(panel.cells["year"] == year) & panel.cells["plate"].isin(plates)]
    sizeable = cells[cells["employment"] >= 100]
    leading = sizeable.sort_values("lq", ascending=False).drop_duplicates("nace").head(top)["nace"].tolist()
    traces = []
    for plate in plates:
        part = (
            cells[(cells["plate"] == plate) & cells["nace"].isin(leading)].set_index("nace").reindex(leading)
        )
        traces.append({
            "type": "bar",
            "y": [panel.sector_label(c, lang) for c in leading],
            "x": part["lq"].to_numpy(),
            "orientation": "h",
            "name": panel.names[plate],
            "marker": {"color": colours.get(plate, PALETTE["grey"])},
            "customdata": hover_values(part["lq"], lang, decimals=2),
            "hovertemplate": "%{y}<br>LQ %{customdata}<extra>" + panel.names[plate] + "</extra>",
        })
    fig = styled_figure(
        traces,
        lang,
        height=160 + 18 * len(leading) * len(plates),
        barmode="group",
        xaxis={"title": {"text": t("explore.lq_axis", lang)}},
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 10, "r": 10, "t": 20, "b": 40},
        showlegend=True,
        legend={"orientation": "h", "y": -0.12, "yanchor": "top"},
        shapes=[{"type": "line", "x0": 1, "x1": 1, "yref": "paper", "y0": 0, "y1": 1,
                 "line": {"dash": "dot", "color": PALETTE["text_muted"]}}],
    )
    table = _summary(panel, plates, year, lang)
    h = panel.regions[(panel.regions["year"] == year) & panel.regions["plate"].isin(plates)].set_index("plate")[
        "herfindahl"
    ]
    if len(plates) == 1:
        finding = t("explore.compare.one", lang, year=year, province=panel.names[plates[0]],
                    h=format_number(h.iloc[0], lang, decimals=3))
    else:
        finding = t(
            "explore.compare.finding",
            lang,
            year=year,
            diverse=panel.names[h.idxmin()],
            h_low=format_number(h.min(), lang, decimals=3),
            focused=panel.names[h.idxmax()],
            h_high=format_number(h.max(), lang, decimals=3),
        )
    lq = cells.pivot(index="nace", columns="plate", values="lq").reindex(columns=plates)
    lq.columns = [panel.names[p] for p in plates]
    lq.insert(0, t("explore.sector", lang), [panel.sector_label(c, lang) for c in lq.index])
    return Drawing(
        table=table,
        figures=(fig,),
        finding=finding,
        table_options={"percent_cols": [t("explore.col.cagr", lang)], "decimals": {"Herfindahl": 3}},
        data={
            t("explore.compare.sheet.lq", lang): lq.reset_index(drop=True),
            t("explore.compare.sheet.all", lang): _summary(panel, list(panel.names.index), year, lang),
        },
    )


def compare_provinces(
    provinces: Sequence[str | int] = ("Çorum", "Samsun", "Trabzon"),
    *,
    lang: str = "tr",
    data_dir: str | Path | None = None,
) -> View:
    """Up to five provinces side by side, with a province picker, a year slider and the number of sectors.

    The provinces are compared in the order they were picked (the first five), and each keeps its
    colour while others are added or removed.

    Examples
    --------
    >>> view = compare_provinces(["Gaziantep", "Kahramanmaraş"], lang="en")
    >>> view.controls["plates"].value = (27, 46, 63)   # add Şanlıurfa: one more bar per sector
    >>> len(view.drawing.table)
    3
    >>> view.controls["plates"].value = (27, 46, 63, 1, 6, 34)   # six: the first five picked are kept
    >>> view.drawing.table["Province"].tolist()
    ['Gaziantep', 'Kahramanmaraş', 'Şanlıurfa', 'Adana', 'Ankara']
    """
    panel = national_panel(data_dir)
    chosen = tuple(province(p).plate for p in provinces)[:MAX_PROVINCES]
    style = {"description_width": "9em"}
    controls = {
        "plates": widgets.SelectMultiple(
            options=province_options(),
            value=chosen,
            rows=8,
            description=t("explore.compare.provinces", lang),
            style=style,
        ),
        "year": widgets.SelectionSlider(
            options=list(panel.years), value=panel.years[-1], description=t("explore.year", lang), style=style
        ),
        "top": widgets.IntSlider(
            value=8, min=3, max=15, description=t("explore.compare.top", lang), style=style
        ),
    }
    picked: list[int] = list(chosen)  # the pick order (a SelectMultiple reports its options' order)
    colours: dict[int, str] = {}
    view: View | None = None

    def draw(plates: Sequence[int], year: int, top: int) -> Drawing:
        picked[:] = [p for p in picked if p in plates] + [p for p in plates if p not in picked]
        for plate in list(colours):
            if plate not in picked[:MAX_PROVINCES]:
                del colours[plate]
        for plate in picked[:MAX_PROVINCES]:
            if plate not in colours:
                colours[plate] = next(c for c in COLOURS if c not in colours.values())
        if view is not None:
            names = ", ".join(panel.names[p] for p in picked) or "–"
            kept = t("explore.compare.kept", lang, n=MAX_PROVINCES) if len(picked) > MAX_PROVINCES else ""
            view.status.value = f"{t('explore.compare.hint', lang, chosen=names)} {kept}"
        return province_comparison(panel, picked, year, top, lang=lang, colours=colours)

    view = View(t("explore.compare.title", lang), "compare", controls, draw, lang=lang, data_dir=data_dir,
                n_figures=1)
    draw(controls["plates"].value, controls["year"].value, controls["top"].value)  # the hint from the start
    return view
