"""The needs survey cut by firm group: top-2-box shares of each item with their Wilson intervals.

The shares come from :func:`clusterlib.needs.likert_summary` (valid answers only; "don't know" kept
out), grouped by the firms' size class (KOSGEB), value-chain stage or not at all, for one block of
items or all of them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import ipywidgets as widgets
import plotly.graph_objects as go

from clusterlib.explore.views import Drawing, View
from clusterlib.i18n import add_strings, axis_ticks, format_percent, hover_values, plotly_layout, t
from clusterlib.needs import NeedsAssessment, analyse_needs_assessment, likert_summary

__all__ = ["survey_breakdown", "survey_explorer"]

BREAKDOWNS = ("none", "size_class", "stage")

add_strings(
    {
        "explore.needs.title": {"tr": "Anket: firma gruplarına göre ihtiyaçlar", "en": "Survey: needs by firm group"},
        "explore.needs.by": {"tr": "Gruplama", "en": "Break down by"},
        "explore.needs.block": {"tr": "Konu", "en": "Topic"},
        "explore.needs.all_blocks": {"tr": "Tüm konular", "en": "All topics"},
        "explore.needs.none": {"tr": "Tüm firmalar", "en": "All firms"},
        "explore.needs.size_class": {"tr": "Ölçek (KOSGEB)", "en": "Size class (KOSGEB)"},
        "explore.needs.stage": {"tr": "Değer zinciri aşaması", "en": "Value-chain stage"},
        "explore.needs.axis": {"tr": "Katılıyorum + kesinlikle katılıyorum payı (%95 Wilson aralığı)",
                               "en": "Share agreeing or strongly agreeing (95 % Wilson interval)"},
        "explore.needs.col.item": {"tr": "Soru", "en": "Item"},
        "explore.needs.col.group": {"tr": "Grup", "en": "Group"},
        "explore.needs.col.valid": {"tr": "Geçerli yanıt", "en": "Valid answers"},
        "explore.needs.col.top2": {"tr": "Katılan payı", "en": "Share agreeing"},
        "explore.needs.col.low": {"tr": "Alt sınır", "en": "Lower bound"},
        "explore.needs.col.high": {"tr": "Üst sınır", "en": "Upper bound"},
        "explore.needs.finding": {
            "tr": "En çok dile getirilen ihtiyaç: “{item}” ({group}; katılan payı {share}, aralık {low}–{high}).",
            "en": "The need most often stated: “{item}” ({group}; {share} agree, interval {low}–{high}).",
        },
    }
)  # fmt: skip


@cache
def _assessment(province_key: str, lang: str, data_dir: str | None) -> NeedsAssessment:
    return analyse_needs_assessment(province_key, lang=lang, data_dir=data_dir)


def survey_breakdown(assessment: NeedsAssessment, by: str, block: str, *, lang: str = "tr") -> Drawing:
    """The drawing of :func:`survey_explorer` for one breakdown and block (no widgets).

    Examples
    --------
    >>> a = analyse_needs_assessment("Samsun", lang="en")
    >>> d = survey_breakdown(a, "size_class", "exports", lang="en")
    >>> bool(d.table["Share agreeing"].between(0, 1).all())
    True
    """
    if by not in BREAKDOWNS:
        raise ValueError(f"'by' must be one of {list(BREAKDOWNS)}, got {by!r}")
    survey = assessment.survey
    if block != "all":
        survey = survey[survey["block"] == block]
    if by != "none":
        survey = survey.merge(assessment.firms[["firm_id", by]], on="firm_id", how="left")
        survey[by] = survey[by].fillna("?").astype(str)  # a group label, not a scored value
    summary = likert_summary(survey, by=None if by == "none" else by)
    texts = assessment.questionnaire.items.set_index("item")[f"text_{lang}"]
    summary["text"] = summary["item"].map(texts).fillna(summary["item"])
    summary["group"] = summary[by] if by != "none" else t("explore.needs.none", lang)
    summary = summary.dropna(subset=["top2"])
    order = summary.groupby("text")["top2"].mean().sort_values().index.tolist()
    fig = go.Figure()
    for group, part in summary.groupby("group", sort=True):
        part = part.set_index("text").reindex(order)
        fig.add_scatter(
            x=part["top2"],
            y=order,
            mode="markers",
            name=str(group),
            marker={"size": 9},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": part["top2_high"] - part["top2"],
                "arrayminus": part["top2"] - part["top2_low"],
            },
            customdata=hover_values(part["top2"], lang, kind="percent", decimals=0),
            hovertemplate="%{y}<br>%{customdata}<extra>" + str(group) + "</extra>",
        )
    fig.update_layout(
        height=160 + 28 * len(order),
        xaxis={
            "range": [0, 1],
            **axis_ticks(0, 1, lang, kind="percent"),
            "title": t("explore.needs.axis", lang),
        },
        margin={"l": 10, "r": 10, "t": 20, "b": 50},
        **plotly_layout(lang),
        legend={"orientation": "h", "y": -0.12},
    )
    best = summary.sort_values(["top2", "n_valid"], ascending=False).iloc[0]
    finding = t(
        "explore.needs.finding",
        lang,
        item=best["text"],
        group=best["group"],
        share=format_percent(best["top2"], lang, decimals=0),
        low=format_percent(best["top2_low"], lang, decimals=0),
        high=format_percent(best["top2_high"], lang, decimals=0),
    )
    columns = {
        "text": "explore.needs.col.item",
        "group": "explore.needs.col.group",
        "n_valid": "explore.needs.col.valid",
        "top2": "explore.needs.col.top2",
        "top2_low": "explore.needs.col.low",
        "top2_high": "explore.needs.col.high",
    }
    table = (
        summary.sort_values("top2", ascending=False)[list(columns)]
        .rename(columns={c: t(key, lang) for c, key in columns.items()})
        .reset_index(drop=True)
    )
    percent = [t(columns[c], lang) for c in ("top2", "top2_low", "top2_high")]
    return Drawing(table=table, figures=(fig,), finding=finding, table_options={"percent_cols": percent})


def survey_explorer(
    province_key: str | int = "Çorum", *, lang: str = "tr", data_dir: str | Path | None = None
) -> View:
    """The needs survey with a breakdown picker (all firms, size class, stage) and a topic picker.

    Examples
    --------
    >>> view = survey_explorer("Trabzon", lang="en")
    >>> view.controls["by"].value = "stage"
    >>> len(view.figures[0].data) > 1   # one series per value-chain stage
    True
    """
    assessment = _assessment(str(province_key), lang, None if data_dir is None else str(data_dir))
    blocks = assessment.questionnaire.blocks
    style = {"description_width": "7em"}
    controls = {
        "by": widgets.Dropdown(
            options=[(t(f"explore.needs.{b}", lang), b) for b in BREAKDOWNS],
            value="size_class",
            description=t("explore.needs.by", lang),
            style=style,
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
        lambda by, block: survey_breakdown(assessment, by, block, lang=lang),
        lang=lang,
    )
