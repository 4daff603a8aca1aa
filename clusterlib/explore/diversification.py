"""Diversification: the sectors a province could grow into, by relatedness density against complexity.

Each candidate sector the province is not specialised in (NACE sections A–C, as in the report) is
a point: across, its *relatedness density* (the share of related sectors the province already
holds, in %: how feasible); up, its complexity (PCI) or its complexity outlook gain (COG: how
attractive).  The report's best-scored opportunities are labelled with their NACE code and listed in
the table.  All numbers come from :func:`clusterlib.selection.analyse_diversification`.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from clusterlib import nace
from clusterlib.charts import PALETTE
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import data_fingerprint
from clusterlib.explore.figures import styled_figure
from clusterlib.explore.panel import province_options
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.i18n import format_number, t
from clusterlib.regions import province
from clusterlib.relatedness import ComplexityError
from clusterlib.selection import analyse_diversification
from clusterlib.selection.diversification import Diversification

__all__ = ["ATTRACTIVENESS", "diversification_explorer", "diversification_view"]

ATTRACTIVENESS = ("pci", "cog")


@lru_cache(maxsize=32)
def _analysis(plate: int, measure: str, data_dir: str | None, _fingerprint: str) -> Diversification | str:
    # the data fingerprint in the key: an edited data folder is analysed afresh
    try:
        with warnings.catch_warnings():  # the report lists its own warnings
            warnings.simplefilter("ignore", UserWarning)
            return analyse_diversification(plate, attractiveness=measure, data_dir=data_dir)
    except ComplexityError as err:
        return str(err)


def _diversification(plate: int, measure: str, data_dir: str | None) -> Diversification | str:
    """The province's diversification analysis with ``measure``, cached by province, measure and data version."""
    return _analysis(plate, measure, data_dir, data_fingerprint(data_dir if data_dir is not None else SAMPLE_DIR))


def _label(code: str, lang: str) -> str:
    return f"{code} – {nace.name(code, lang=lang, short=True)}"


def diversification_view(result: Diversification | str, plate: int, top: int, *, lang: str = "tr") -> Drawing:
    """The drawing of :func:`diversification_explorer` (no widgets).

    Examples
    --------
    >>> d = diversification_view(analyse_diversification("Trabzon"), 61, 5, lang="en")
    >>> d.finding.startswith("Trabzon ranks 74 of 81"), [trace.name for trace in d.figures[0].data]
    (True, ['Other candidate sectors', 'Best opportunities'])
    >>> len(d.data["ECI of 81 provinces"])
    81
    """
    if isinstance(result, str):
        return notice(t("explore.div.none", lang, province=province(plate).name, reason=result))
    opportunities = result.opportunities
    measure = result.attractiveness
    axis = t(f"explore.div.{measure}", lang)
    best = opportunities.head(top)
    rest = opportunities.iloc[top:]
    traces = [
        {
            "type": "scatter",
            "x": part["density"].to_numpy(),
            "y": part[measure].to_numpy(),
            "mode": "markers+text" if text else "markers",
            "name": name,
            "text": list(part.index) if text else None,
            "textposition": "top center",
            "marker": {"size": 11 if text else 8, "color": colour, "symbol": "diamond" if text else "circle",
                       "line": {"color": PALETTE["text_muted"], "width": 0.6}},
            "customdata": [_label(c, lang) for c in part.index],
            "hovertemplate": "%{customdata}<br>%{x:.1f} %, %{y:.2f}<extra></extra>",
        }
        for part, name, colour, text in (
            (rest, t("explore.div.others", lang), PALETTE["sky"], False),
            (best, t("explore.div.best", lang), PALETTE["vermillion"], True),
        )
    ]
    fig = styled_figure(
        traces,
        lang,
        height=460,
        xaxis={"title": {"text": t("explore.div.density", lang)}, "automargin": True},
        yaxis={"title": {"text": axis}, "automargin": True},
        margin={"l": 10, "r": 10, "t": 20, "b": 50},
        legend={"orientation": "h", "y": -0.15, "yanchor": "top"},
    )
    columns = {
        "rank": t("explore.div.col.rank", lang),
        "sector": t("explore.div.col.sector", lang),
        "density": t("explore.div.col.density", lang),
        "pci": "PCI",
        "cog": "COG",
        "score": t("explore.div.col.score", lang),
        "builds_on": t("explore.div.col.builds_on", lang),
    }
    everything = pd.DataFrame(
        {
            columns["rank"]: opportunities["rank"].astype(int).to_numpy(),
            columns["sector"]: [_label(c, lang) for c in opportunities.index],
            columns["density"]: opportunities["density"].to_numpy(dtype=float),
            "PCI": opportunities["pci"].to_numpy(dtype=float),
            "COG": opportunities["cog"].to_numpy(dtype=float),
            columns["score"]: opportunities["score"].to_numpy(dtype=float),
            columns["builds_on"]: [", ".join(codes) for codes in opportunities["builds_on"]],
        }
    )
    eci = result.eci_map.rename(
        columns={"province": t("explore.div.province", lang), "eci": t("explore.div.col.eci", lang),
                 "rank": t("explore.div.col.eci_rank", lang)}
    ).drop(columns=["plate"], errors="ignore")
    first = opportunities.iloc[0] if len(opportunities) else None
    finding = t(
        "explore.div.finding",
        lang,
        province=result.province.name,
        rank=result.eci_rank,
        eci=format_number(result.eci, lang, decimals=2),
        best=_label(opportunities.index[0], lang) if first is not None else "–",
        density=format_number(first["density"], lang, decimals=1) if first is not None else "–",
        measure=measure.upper(),
        value=format_number(first[measure], lang, decimals=2) if first is not None else "–",
    )
    return Drawing(
        table=everything.head(top),
        figures=(fig,),
        finding=finding,
        table_options={"decimals": {columns["density"]: 1, "PCI": 2, "COG": 2, columns["score"]: 3},
                       "text_cols": [columns["rank"]]},
        data={t("explore.div.sheet.all", lang): everything, t("explore.div.sheet.eci", lang): eci},
    )


def diversification_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """Relatedness density against complexity for any province, with the attractiveness measure and
    how many opportunities to label as controls.

    Examples
    --------
    >>> view = diversification_explorer("Hakkari", lang="en")
    >>> view.controls["measure"].value = "cog"
    >>> view.figures[0].layout.yaxis.title.text
    'Complexity outlook gain (COG)'
    """
    folder = None if data_dir is None else str(data_dir)
    style = {"description_width": "9em"}
    controls = {
        "plate": widgets.Dropdown(options=province_options(), value=province(province_key).plate,
                                  description=t("explore.div.province", lang), style=style),
        "measure": widgets.Dropdown(options=[(t(f"explore.div.{m}", lang), m) for m in ATTRACTIVENESS],
                                    value="pci", description=t("explore.div.measure", lang), style=style,
                                    layout=widgets.Layout(width="30em")),
        "top": widgets.IntSlider(value=5, min=3, max=15, description=t("explore.div.top", lang), style=style),
    }
    return View(
        t("explore.div.title", lang),
        "diversification",
        controls,
        lambda plate, measure, top: diversification_view(_diversification(plate, measure, folder), plate, top,
                                                         lang=lang),
        lang=lang,
        data_dir=data_dir,
        n_figures=1,
    )
