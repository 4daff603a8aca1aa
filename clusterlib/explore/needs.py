"""The needs survey cut by firm group: top-2-box shares of each item with their Wilson intervals.

The shares come from :func:`clusterlib.needs.likert_summary` (valid answers only; "don't know" kept
out) of the latest survey wave, grouped by the firms' size class (KOSGEB), value-chain stage or not
at all, for one block of items or all of them.  Groups carry the needs report's labels and order
(Mikro, Küçük, Orta, Büyük) and their number of firms; the finding only reads groups with at least
:data:`MIN_GROUP_FIRMS` firms.  A province without a survey gets a plain sentence instead.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from clusterlib.charts import PALETTE
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import data_fingerprint
from clusterlib.explore.figures import styled_figure
from clusterlib.explore.panel import province_options
from clusterlib.explore.views import Drawing, View, notice
from clusterlib.i18n import axis_ticks, format_percent, hover_values, t
from clusterlib.needs import NeedsAssessment, likert_summary
from clusterlib.needs.clustersurvey import ClusterSurvey, cluster_survey
from clusterlib.needs.labels import label
from clusterlib.regions import province

__all__ = ["BREAKDOWNS", "MIN_GROUP_FIRMS", "survey_breakdown", "survey_explorer"]

BREAKDOWNS = ("none", "size_class", "stage")
#: The finding reads no group of fewer firms than this (a share of 4 firms says little).
MIN_GROUP_FIRMS = 10
_ORDER = {"size_class": ("micro", "small", "medium", "large"),
          "stage": ("inputs", "manufacturing", "services", "distribution")}
_LABEL_KIND = {"size_class": "size", "stage": "stage"}
#: Colours and marker shapes of the groups, in the groups' order (the house palette, Okabe & Ito).
GROUP_COLOURS = tuple(PALETTE[c] for c in ("blue", "orange", "green", "vermillion", "purple", "sky"))
GROUP_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x")


@cache
def _answers(plate: int, lang: str, data_dir: str | None, version: str) -> ClusterSurvey:
    # the cluster's answers, firms and wave only: the view shows no ranking, test or bootstrap, so a
    # province's first view skips them (analyse_needs_assessment starts from the same cluster_survey);
    # the data folder's version is in the key, so edited data are read again
    return cluster_survey(plate, lang=lang, data_dir=data_dir)


def _survey(plate: int, lang: str, data_dir: str | None) -> ClusterSurvey:
    return _answers(plate, lang, data_dir, data_fingerprint(data_dir if data_dir is not None else SAMPLE_DIR))


def _groups(
    assessment: NeedsAssessment | ClusterSurvey, survey: pd.DataFrame, by: str, lang: str
) -> pd.DataFrame:
    """``firm_id`` and its group label (``"Mikro (<10) (n=23)"``), and the group order."""
    firms = assessment.firms[assessment.firms["firm_id"].isin(survey["firm_id"])]
    if by == "none":
        return pd.DataFrame({"firm_id": firms["firm_id"], "key": "all", "order": 0,
                             "name": t("explore.needs.none", lang), "firms": len(firms)})
    keys = firms[by].astype("string").fillna("?")
    order = {key: i for i, key in enumerate(_ORDER[by])}
    sizes = keys.value_counts()
    names = {
        key: label(_LABEL_KIND[by], key, lang) if key in order else t("explore.needs.unknown", lang)
        for key in sizes.index
    }
    return pd.DataFrame({
        "firm_id": firms["firm_id"].to_numpy(),
        "key": keys.to_numpy(),
        "order": [order.get(k, len(order)) for k in keys],
        "name": [t("explore.needs.group_n", lang, group=names[k], n=int(sizes[k])) for k in keys],
        "firms": [int(sizes[k]) for k in keys],
    })


def survey_breakdown(
    assessment: NeedsAssessment | ClusterSurvey, by: str, block: str, *, lang: str = "tr"
) -> Drawing:
    """The drawing of :func:`survey_explorer` for one breakdown and block (no widgets).

    Examples
    --------
    >>> a = cluster_survey("Samsun", lang="en")   # or the analyse_needs_assessment result
    >>> d = survey_breakdown(a, "size_class", "exports", lang="en")
    >>> [trace.name.split(" (n=")[0] for trace in d.figures[0].data]   # the report's labels and order
    ['Micro (<10)', 'Small (10–49)', 'Medium (50–249)', 'Large (250+)']
    >>> bool(d.data["Data"]["Share agreeing"].between(0, 1).all())
    True
    >>> survey_breakdown(cluster_survey("Hakkari", lang="en"), "none", "all", lang="en").figures
    ()
    """
    if by not in BREAKDOWNS:
        raise ValueError(f"'by' must be one of {list(BREAKDOWNS)}, got {by!r}")
    survey = assessment.survey[assessment.survey["wave"] == assessment.wave]
    if survey.empty:
        return notice(t("explore.needs.none_here", lang, province=assessment.province.name))
    if block != "all":
        survey = survey[survey["block"] == block]
    groups = _groups(assessment, survey, by, lang)
    survey = survey.merge(groups, on="firm_id", how="inner")
    summary = likert_summary(survey, by=["order", "name", "firms"]).dropna(subset=["top2"])
    texts = assessment.questionnaire.items.set_index("item")[f"text_{lang}"]
    summary["text"] = summary["item"].map(texts).fillna(summary["item"])
    item_order = summary.groupby("text")["top2"].mean().sort_values().index.tolist()
    traces = []
    for index, ((_, name, _), part) in enumerate(summary.groupby(["order", "name", "firms"], sort=True)):
        part = part.set_index("text").reindex(item_order)
        colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
        traces.append({
            "type": "scatter",
            "x": part["top2"].to_numpy(),
            "y": item_order,
            "mode": "markers",
            "name": str(name),
            # the house palette and a marker shape per group: colour is never the only signal
            "marker": {"size": 9, "color": colour, "symbol": GROUP_SYMBOLS[index % len(GROUP_SYMBOLS)]},
            "error_x": {
                "type": "data",
                "symmetric": False,
                "array": (part["top2_high"] - part["top2"]).to_numpy(),
                "arrayminus": (part["top2"] - part["top2_low"]).to_numpy(),
                "color": colour,
            },
            "customdata": hover_values(part["top2"], lang, kind="percent", decimals=0),
            "hovertemplate": "%{y}<br>%{customdata}<extra>" + str(name) + "</extra>",
        })
    fig = styled_figure(
        traces,
        lang,
        height=200 + 26 * len(item_order),
        xaxis={
            "range": [0, 1],
            **axis_ticks(0, 1, lang, kind="percent"),
            "title": {"text": t("explore.needs.axis", lang), "standoff": 8},
            "automargin": True,
        },
        yaxis={"automargin": True},
        margin={"l": 10, "r": 10, "t": 20, "b": 90},
        legend={"orientation": "h", "y": -0.08, "yanchor": "top"},
    )
    sizeable = summary[summary["firms"] >= MIN_GROUP_FIRMS]
    if sizeable.empty:
        finding = t("explore.needs.too_few", lang, n=MIN_GROUP_FIRMS)
    else:
        best = sizeable.sort_values(["top2", "n_valid"], ascending=False).iloc[0]
        finding = t(
            "explore.needs.finding",
            lang,
            wave=assessment.wave,
            item=best["text"],
            group=best["name"],
            share=format_percent(best["top2"], lang, decimals=0),
            low=format_percent(best["top2_low"], lang, decimals=0),
            high=format_percent(best["top2_high"], lang, decimals=0),
            min_n=MIN_GROUP_FIRMS,
        )
    item = t("explore.needs.col.item", lang)
    wide = summary.pivot_table(index="text", columns=["order", "name"], values="top2", aggfunc="first")
    wide = wide.reindex(item_order[::-1])
    wide.columns = [name for _, name in wide.columns]
    table = wide.rename_axis(item).reset_index()
    columns = {
        "text": "explore.needs.col.item",
        "name": "explore.needs.col.group",
        "n_valid": "explore.needs.col.valid",
        "top2": "explore.needs.col.top2",
        "top2_low": "explore.needs.col.low",
        "top2_high": "explore.needs.col.high",
    }
    full = (
        summary.sort_values(["order", "top2"], ascending=[True, False])[list(columns)]
        .rename(columns={c: t(key, lang) for c, key in columns.items()})
        .reset_index(drop=True)
    )
    return Drawing(
        table=table,
        figures=(fig,),
        finding=finding,
        table_options={"percent_cols": list(table.columns[1:]), "decimals": 0},
        data={t("explore.about.data", lang): full},
    )


def survey_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """The needs survey with a province picker, a breakdown (all firms, size class, stage) and a topic.

    Every province can be chosen; one without survey data shows a sentence saying so.

    Examples
    --------
    >>> view = survey_explorer("Trabzon", lang="en")
    >>> view.controls["by"].value = "stage"
    >>> len(view.figures[0].data) > 1   # one series per value-chain stage
    True
    >>> view.controls["plate"].value = 30   # Hakkari: no survey, a sentence instead of an error
    >>> view.drawing.finding.startswith("There are no needs-survey data for Hakkari")
    True
    """
    folder = None if data_dir is None else str(data_dir)
    plate = province(province_key).plate
    blocks = _survey(plate, lang, folder).questionnaire.blocks
    style = {"description_width": "9em"}
    controls = {
        "plate": widgets.Dropdown(
            options=province_options(), value=plate, description=t("explore.needs.province", lang), style=style
        ),
        "by": widgets.Dropdown(
            options=[(t(f"explore.needs.{b}", lang), b) for b in BREAKDOWNS],
            value="size_class",
            description=t("explore.needs.by", lang),
            style=style,
            layout=widgets.Layout(width="24em"),
        ),
        "block": widgets.Dropdown(
            options=[
                (t("explore.needs.all_blocks", lang), "all"),
                *zip(blocks[lang], blocks["block"], strict=True),
            ],
            value="all",
            description=t("explore.needs.block", lang),
            style=style,
            layout=widgets.Layout(width="30em"),
        ),
    }
    return View(
        t("explore.needs.title", lang),
        "survey",
        controls,
        lambda plate, by, block: survey_breakdown(_survey(plate, lang, folder), by, block, lang=lang),
        lang=lang,
        data_dir=data_dir,
        n_figures=1,
    )
