"""Up to five provinces side by side: the sectors they specialise in, their size and their growth."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from clusterlib.explore.panel import NationalPanel, national_panel
from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import add_strings, format_number, hover_values, plotly_layout, t
from clusterlib.regions import province

__all__ = ["MAX_PROVINCES", "compare_provinces", "province_comparison"]

#: More provinces than this make the grouped bars unreadable; the picker keeps the first five.
MAX_PROVINCES = 5

add_strings(
    {
        "explore.compare.title": {"tr": "İlleri karşılaştırın", "en": "Compare provinces"},
        "explore.compare.provinces": {"tr": "İller (en çok 5)", "en": "Provinces (up to 5)"},
        "explore.compare.top": {"tr": "Sektör sayısı", "en": "Sectors shown"},
        "explore.compare.kept": {
            "tr": "En çok {n} il karşılaştırılabilir; ilk {n} il gösteriliyor.",
            "en": "At most {n} provinces can be compared; the first {n} are shown.",
        },
        "explore.compare.finding": {
            "tr": "{year} yılında en çeşitlenmiş il {diverse} (Herfindahl {h_low}), en yoğunlaşmış il {focused} "
                  "(Herfindahl {h_high}).",
            "en": "In {year} the most diversified province is {diverse} (Herfindahl {h_low}) and the most "
                  "concentrated {focused} (Herfindahl {h_high}).",
        },
        "explore.col.total": {"tr": "Toplam istihdam", "en": "Total employment"},
        "explore.col.cagr": {"tr": "Yıllık ortalama büyüme", "en": "Average yearly growth"},
        "explore.col.top_sector": {"tr": "En uzmanlaşmış sektör", "en": "Most specialised sector"},
        "explore.lq_axis": {"tr": "Yoğunlaşma katsayısı (LQ)", "en": "Location quotient (LQ)"},
    }
)  # fmt: skip


def province_comparison(
    panel: NationalPanel, plates: Sequence[int], year: int, top: int, *, lang: str = "tr"
) -> Drawing:
    """The drawing of :func:`compare_provinces`: LQ of the leading sectors of the chosen provinces.

    The sectors shown are those with the highest LQ in any of the provinces among sectors with at
    least 100 employees there (smaller cells make unstable quotients).

    Examples
    --------
    >>> panel = national_panel()
    >>> d = province_comparison(panel, [19, 55, 61], panel.years[-1], 8, lang="en")
    >>> len(d.table), d.figures[0].data[0].type
    (3, 'bar')
    """
    plates = list(dict.fromkeys(plates))[:MAX_PROVINCES]
    cells = panel.cells[(panel.cells["year"] == year) & panel.cells["plate"].isin(plates)]
    sizeable = cells[cells["employment"] >= 100]
    leading = sizeable.sort_values("lq", ascending=False).drop_duplicates("nace").head(top)["nace"].tolist()
    fig = go.Figure()
    for plate in plates:
        part = (
            cells[(cells["plate"] == plate) & cells["nace"].isin(leading)].set_index("nace").reindex(leading)
        )
        fig.add_bar(
            y=[panel.sector_label(c, lang) for c in leading],
            x=part["lq"],
            orientation="h",
            name=panel.names[plate],
            customdata=hover_values(part["lq"], lang, decimals=2),
            hovertemplate="%{y}<br>LQ %{customdata}<extra>" + panel.names[plate] + "</extra>",
        )
    fig.add_vline(x=1, line_dash="dot")
    fig.update_layout(
        barmode="group",
        height=140 + 26 * len(leading) * max(1, len(plates)) // 2,
        xaxis_title=t("explore.lq_axis", lang),
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 20, "b": 40},
        **plotly_layout(lang),
        legend={"orientation": "h", "y": -0.15},
    )
    regions = panel.regions[(panel.regions["year"] == year) & panel.regions["plate"].isin(plates)].set_index(
        "plate"
    )
    base = panel.regions[panel.regions["year"] == panel.years[0]].set_index("plate")["employment"]
    span = year - panel.years[0]
    best = sizeable.sort_values("lq", ascending=False).drop_duplicates("plate").set_index("plate")["nace"]
    table = pd.DataFrame(
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
    h = regions["herfindahl"]
    finding = t(
        "explore.compare.finding",
        lang,
        year=year,
        diverse=panel.names[h.idxmin()],
        h_low=format_number(h.min(), lang, decimals=3),
        focused=panel.names[h.idxmax()],
        h_high=format_number(h.max(), lang, decimals=3),
    )
    return Drawing(
        table=table,
        figures=(fig,),
        finding=finding,
        table_options={"percent_cols": [t("explore.col.cagr", lang)], "decimals": {"Herfindahl": 3}},
    )


def compare_provinces(
    provinces: Sequence[str | int] = ("Çorum", "Samsun", "Trabzon"),
    *,
    lang: str = "tr",
    data_dir: str | Path | None = None,
) -> View:
    """Up to five provinces side by side, with a province picker, a year slider and the number of sectors.

    Examples
    --------
    >>> view = compare_provinces(["Gaziantep", "Kahramanmaraş"], lang="en")
    >>> view.controls["plates"].value = (27, 46, 63)   # add Şanlıurfa: one more bar per sector
    >>> len(view.drawing.table)
    3
    """
    panel = national_panel(data_dir)
    chosen = tuple(province(p).plate for p in provinces)[:MAX_PROVINCES]
    style = {"description_width": "9em"}
    controls = {
        "plates": widgets.SelectMultiple(
            options=[(name, p) for p, name in panel.names.items()],
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
    view: View | None = None

    def draw(plates: Sequence[int], year: int, top: int) -> Drawing:
        if view is not None:
            view.status.value = (
                t("explore.compare.kept", lang, n=MAX_PROVINCES) if len(plates) > MAX_PROVINCES else ""
            )
        return province_comparison(panel, plates or chosen, year, top, lang=lang)

    view = View(t("explore.compare.title", lang), "compare", controls, draw, lang=lang)
    return view
