"""ipywidgets controls for exploring an analysis interactively in JupyterLab.

The widgets only re-run library functions; in a papermill run they are created and displayed
like any output, and the HTML report leaves out cells tagged ``remove-cell``, so they never break
a scheduled run nor show as dead controls.
"""

from __future__ import annotations

import warnings

import ipywidgets as widgets
import pandas as pd

from clusterlib.i18n import add_strings, t
from clusterlib.report.tables import table_html
from clusterlib.selection.presentation import SelectionReport
from clusterlib.selection.scoring import score_sectors

__all__ = ["weights_explorer"]

add_strings(
    {
        "widgets.weights.help": {
            "tr": "Ölçüt gruplarının ağırlıklarını değiştirin; sıralama hemen güncellenir (ağırlıklar, toplamları 1 "
            "olacak şekilde yeniden ölçeklenir).",
            "en": "Move the weights of the criteria groups; the ranking updates at once (weights are rescaled to "
            "sum to 1).",
        },
        "widgets.weights.reset": {"tr": "Varsayılana dön", "en": "Reset to defaults"},
        "widgets.weights.moved": {"tr": "Sıra değişimi", "en": "Change in rank"},
    }
)


def _ranking(view: SelectionReport, weights: dict[str, float], top: int) -> str:
    selection = view.selection
    assert selection.result is not None
    criteria = selection.criteria.with_group_weights(weights)
    with warnings.catch_warnings():  # imputed cells are listed in the report itself
        warnings.filterwarnings("ignore", message=r".*imputed with the", category=UserWarning)
        scores = score_sectors(
            selection.indicators, criteria, method=selection.result.method, missing=selection.missing
        ).scores
    base = selection.result.scores["rank"]
    lang = view.lang
    head = scores.head(top)
    score = t("selection.col.score", lang)
    frame = pd.DataFrame(
        {
            t("selection.col.rank", lang): head["rank"].astype(int).to_numpy(),
            t("selection.col.sector", lang): [view.label(c) for c in head.index],
            score: head["score"].to_numpy(dtype=float),
            t("widgets.weights.moved", lang): [
                f"{int(base[c] - r):+d}" if base[c] != r else "="
                for c, r in zip(head.index, head["rank"], strict=True)
            ],
        }
    )
    return table_html(frame, lang=lang, decimals={score: 3}, text_cols=[t("selection.col.rank", lang)])


def weights_explorer(view: SelectionReport, *, top: int = 10) -> widgets.VBox:
    """Sliders for the criteria-group weights and the ranking they give, updated live.

    The ranking is drawn by the report's one table helper (:func:`clusterlib.report.tables.table_html`),
    with the number formats of the report's language.

    Parameters
    ----------
    view : SelectionReport
        A sector selection presented in a language (:meth:`SectorSelection.present`).
    top : int, default 10
        How many sectors the table shows.

    Returns
    -------
    ipywidgets.VBox
        Display it in a notebook cell (tag the cell ``remove-cell`` to keep it out of HTML reports).

    Examples
    --------
    >>> from clusterlib.selection import analyse_sector_selection
    >>> box = weights_explorer(analyse_sector_selection("Çorum", n_simulations=50).present("tr"))
    >>> [child.description for child in box.children[1:5]]
    ['Ekonomik etki', 'Talep', 'Ağ oluşturma ve iş birliği', 'Faktör koşulları']
    >>> box.children[2].value = 1.0  # all weight on Demand: the table re-ranks at once
    >>> '<table class="cl-table' in box.children[-1].value  # the report's one table helper
    True
    """
    lang = view.lang
    selection = view.selection
    if selection.result is None:
        return widgets.VBox([widgets.HTML(f"<p>{selection.too_few.section_text(lang)}</p>")])  # type: ignore[union-attr]
    sliders = {
        group.id: widgets.FloatSlider(
            value=round(group.weight, 3),
            min=0.0,
            max=1.0,
            step=0.05,
            description=group.name(lang),
            style={"description_width": "14em"},
            layout=widgets.Layout(width="38em"),
            continuous_update=False,
        )
        for group in selection.criteria.groups
    }
    defaults = {key: slider.value for key, slider in sliders.items()}
    ranking = widgets.HTML()
    reset = widgets.Button(description=t("widgets.weights.reset", lang), icon="undo")

    def refresh(_change: object = None) -> None:
        weights = {key: slider.value for key, slider in sliders.items()}
        if sum(weights.values()) > 0:
            ranking.value = _ranking(view, weights, top)

    def restore(_button: object) -> None:
        for key, slider in sliders.items():
            slider.value = defaults[key]

    for slider in sliders.values():
        slider.observe(refresh, names="value")
    reset.on_click(restore)
    refresh()
    return widgets.VBox(
        [widgets.HTML(f"<p>{t('widgets.weights.help', lang)}</p>"), *sliders.values(), reset, ranking]
    )
