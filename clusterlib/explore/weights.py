"""The weights of sector selection's criteria groups as sliders, with the ranking they give as a chart.

The four groups (economic impact, demand, networking, factor conditions) are weighted as the
committee decides; moving a slider re-scores every sector with the same method and missing-data
policy as the report (:func:`clusterlib.selection.scoring.score_sectors`).  The weights are rescaled
to sum to 1; the finding states the effective weights, and the table says how far each sector moved
from the report's ranking.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from clusterlib.charts import PALETTE
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import data_fingerprint
from clusterlib.explore.figures import styled_figure
from clusterlib.explore.panel import province_options
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.i18n import format_number, hover_values, t
from clusterlib.regions import province
from clusterlib.selection import analyse_sector_selection
from clusterlib.selection.presentation import SelectionReport
from clusterlib.selection.scoring import score_sectors

__all__ = ["weights_explorer", "weights_ranking", "weights_view"]


def weights_ranking(report: SelectionReport, weights: Mapping[str, float], *, top: int = 10) -> Drawing:
    """The ranking of ``report``'s sectors for criteria-group ``weights`` (any scale; rescaled to sum to 1).

    Examples
    --------
    >>> report = analyse_sector_selection("Çorum", n_simulations=50).present("en")
    >>> d = weights_ranking(report, {"economic_impact": 0, "demand": 1, "networking": 0, "factor_conditions": 0})
    >>> "Demand 1.00" in d.finding, len(d.figures[0].data[0].y) <= 10, len(d.data["All sectors"]) > 10
    (True, True, True)
    """
    lang = report.lang
    selection = report.selection
    if selection.result is None:
        return notice(selection.too_few.section_text(lang))  # type: ignore[union-attr]
    total = float(sum(weights.values()))
    if total <= 0:
        return notice(t("explore.weights.zero", lang))
    effective = {key: float(value) / total for key, value in weights.items()}
    criteria = selection.criteria.with_group_weights(effective)
    with warnings.catch_warnings():  # imputed and constant criteria are listed in the report itself
        warnings.simplefilter("ignore", UserWarning)
        scores = score_sectors(
            selection.indicators, criteria, method=selection.result.method, missing=selection.missing
        ).scores
    base = selection.result.scores["rank"]
    rank, sector, score = (t(f"selection.col.{k}", lang) for k in ("rank", "sector", "score"))
    moved = t("explore.weights.moved", lang)
    everything = pd.DataFrame(
        {
            rank: scores["rank"].astype(int).to_numpy(),
            "NACE": scores.index.astype(str),
            sector: [f"{code} – {report.label(code)}" for code in scores.index],
            score: scores["score"].to_numpy(dtype=float),
            t("explore.weights.col.report_rank", lang): base.reindex(scores.index).astype(int).to_numpy(),
            moved: [
                f"{int(base[c] - r):+d}" if base[c] != r else "=" for c, r in zip(scores.index, scores["rank"],
                                                                                  strict=True)
            ],
        }
    )
    head = everything.head(top)
    fig = styled_figure(
        [{
            "type": "bar",
            "x": head[score].to_numpy(),
            "y": head[sector].to_list(),
            "orientation": "h",
            "marker": {"color": PALETTE["blue"]},
            "customdata": hover_values(head[score], lang, decimals=3),
            "hovertemplate": "%{y}<br>%{customdata}<extra></extra>",
        }],
        lang,
        height=120 + 30 * len(head),
        xaxis={"title": {"text": t("explore.weights.axis", lang)}, "range": [0, 1]},
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 10, "r": 10, "t": 20, "b": 40},
        showlegend=False,
    )
    groups = {group.id: group.name(lang) for group in selection.criteria.groups}
    weight_text = "; ".join(
        t("explore.weights.effective", lang, name=groups[k], weight=format_number(v, lang, decimals=2))
        for k, v in effective.items()
    )
    finding = t(
        "explore.weights.finding",
        lang,
        weights=weight_text,
        first=head[sector].iloc[0],
        moved=int((everything[moved] != "=").sum()),
    )
    weight_table = pd.DataFrame(
        {
            t("explore.weights.col.group", lang): [groups[k] for k in effective],
            t("explore.weights.col.weight", lang): list(effective.values()),
        }
    )
    return Drawing(
        table=head.drop(columns=["NACE"]),
        figures=(fig,),
        finding=finding,
        table_options={"decimals": {score: 3}, "text_cols": [rank]},
        data={
            t("explore.weights.sheet.all", lang): everything,
            t("explore.weights.sheet.weights", lang): weight_table,
        },
    )


def _sliders(report: SelectionReport) -> dict[str, widgets.FloatSlider]:
    return {
        group.id: widgets.FloatSlider(
            value=round(group.weight, 3),
            min=0.0,
            max=1.0,
            step=0.05,
            description=group.name(report.lang),
            style={"description_width": "14em"},
            layout=widgets.Layout(width="30em"),
            continuous_update=False,
        )
        for group in report.selection.criteria.groups
    }


def weights_view(report: SelectionReport, *, top: int = 10, data_dir: str | Path | None = None) -> View:
    """Sliders for the criteria-group weights of one sector selection and its ranking, with Save.

    Examples
    --------
    >>> view = weights_view(analyse_sector_selection("Çorum", n_simulations=50).present("tr"))
    >>> [c.description for c in view.controls.values()]
    ['Ekonomik etki', 'Talep', 'Ağ oluşturma ve iş birliği', 'Faktör koşulları']
    >>> view.controls["demand"].value = 1.0   # the ranking redraws at once
    >>> view.drawing.finding.startswith("Toplamı 1 olacak şekilde ölçeklenen ağırlıklarla (Ekonomik etki 0,14")
    True
    """
    return View(
        t("explore.weights.title", report.lang),
        "weights",
        _sliders(report),
        lambda **weights: weights_ranking(report, weights, top=top),
        lang=report.lang,
        data_dir=data_dir,
        n_figures=1,
    )


def _selection(plate: int, lang: str, data_dir: str | None, n_simulations: int) -> SelectionReport:
    """The province's sector selection, cached by province, language, simulations and data version."""
    fingerprint = data_fingerprint(data_dir if data_dir is not None else SAMPLE_DIR)
    return _analysis(plate, lang, data_dir, n_simulations, fingerprint)


@lru_cache(maxsize=32)
def _analysis(plate: int, lang: str, data_dir: str | None, n_simulations: int, _fingerprint: str) -> SelectionReport:
    with warnings.catch_warnings():  # the report states its warnings; the view needs only the ranking
        warnings.simplefilter("ignore", UserWarning)
        return analyse_sector_selection(plate, data_dir=data_dir, n_simulations=n_simulations).present(lang)


def weights_explorer(
    province_key: str | int = "Çorum",
    *,
    lang: str = "tr",
    data_dir: str | Path | None = None,
    top: int = 10,
    n_simulations: int = 50,
) -> View:
    """The weights explorer with a province picker: any of the 81 provinces, re-ranked live.

    ``n_simulations`` only sets the report's robustness simulation, which the view does not show.

    Examples
    --------
    >>> view = weights_explorer("Hakkari", lang="en")
    >>> view.controls["plate"].label, len(view.drawing.figures)
    ('Hakkari', 1)
    """
    folder = None if data_dir is None else str(data_dir)
    plate = province(province_key).plate
    report = _selection(plate, lang, folder, n_simulations)
    controls: dict[str, widgets.ValueWidget] = {
        "plate": widgets.Dropdown(options=province_options(), value=plate,
                                  description=t("explore.weights.province", lang),
                                  style={"description_width": "14em"}),
        **_sliders(report),
    }

    def draw(plate: int, **weights: float) -> Drawing:
        return weights_ranking(_selection(plate, lang, folder, n_simulations), weights, top=top)

    return View(t("explore.weights.title", lang), "weights", controls, draw, lang=lang, data_dir=data_dir,
                n_figures=1)
