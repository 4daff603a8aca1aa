"""The chart builders: right data in the traces, language-dependent labels and number formats, clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterlib import geo
from clusterlib.selection import charts, maps


@pytest.fixture(scope="module")
def profile() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nace": ["15", "10", "13", "28"],
            "label": ["Footwear", "Food", "Textiles", "Machinery"],
            "share": [0.2, 0.3, 0.4, 0.1],
            "national_share": [0.01, 0.1, 0.05, 0.04],
            "lq": [20.0, 3.0, 8.0, 2.5],
            "growth": [0.07, 0.03, -0.01, 0.05],
            "employment": [2000, 3000, 4000, 1000],
        }
    )


def test_structure_chart_orders_by_share_and_follows_language(profile):
    tr = charts.sector_structure_chart(profile, lang="tr")
    en = charts.sector_structure_chart(profile, lang="en")
    assert list(tr.data[1].y) == ["Machinery", "Footwear", "Food", "Textiles"]  # largest at the top
    assert tr.layout.separators == ",." and en.layout.separators == ".,"
    assert tr.data[1].name == "İldeki pay" and en.data[1].name == "Share in province"


def test_portfolio_highlights_and_keeps_every_sector(profile):
    fig = charts.portfolio_chart(profile, national_growth=0.03, lang="en", highlight=["15"])
    plain, highlighted = fig.data
    assert list(highlighted.text) == ["Footwear"] and len(plain.x) == 3
    assert fig.layout.xaxis.type == "log"
    assert 1 in fig.layout.xaxis.tickvals


def test_lq_map_layers_and_bounds_of_turkiye():
    shapes = geo.province_shapes()
    values = pd.DataFrame(
        {
            "plate": list(range(1, 82)) * 2,
            "province": ["x"] * 162,
            "label": ["A"] * 81 + ["B"] * 81,
            "lq": [1.0] * 162,
        }
    )
    values.loc[81:, "lq"] = 2.0  # sector B
    fig = maps.lq_map(values, geo.to_geojson(shapes), highlight_plate=27)
    assert len(fig.data) == 2  # one layer of 81 provinces, and the outline of the report's province
    assert len(fig.data[0].geojson["features"]) == 81 and list(fig.data[0].z) == [0.0] * 81  # log2(1)
    assert [f["properties"]["plate"] for f in fig.data[1].geojson["features"]] == [27]
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == ["A", "B"] and {b.method for b in buttons} == {"restyle"}
    assert list(buttons[1].args[0]["z"]) == [[1.0] * 81] and list(buttons[1].args[1]) == [0]  # B into layer 0
    west, east = fig.layout.geo.lonaxis.range
    south, north = fig.layout.geo.lataxis.range
    assert 25 < west < 27 and 44 < east < 46 and 35 < south < 37 and 41.5 < north < 43


def test_lq_map_colours_are_centred_at_lq_one():
    """Committee review, problem 4: with zmin/zmax set plotly ignores zmid, and the white midpoint
    sat at LQ 1.41, painting LQ 1.0–1.4 blue.  On log2(LQ) with a symmetric range, LQ 1 is the
    middle of the scale, every LQ above 1 is on the red side, and the colour bar reads in LQ."""
    shapes = geo.province_shapes()
    lq = [0.0, 0.5, 1.0, 1.2, 1.4, 2.0, 2.83] + [1.0] * 74
    values = pd.DataFrame({"plate": range(1, 82), "province": "x", "label": "A", "lq": lq})
    fig = maps.lq_map(values, geo.to_geojson(shapes), lang="tr")
    layer = fig.data[0]
    assert layer.zmin == -layer.zmax  # symmetric: the middle of RdBu is z = 0, LQ = 1
    z = list(layer.z)
    assert z[2] == 0 and z[3] > 0 and z[4] > 0 and z[1] < 0 and z[0] == layer.zmin  # LQ 0 gets the lowest colour
    assert abs(z[5] + z[1]) < 1e-12  # LQ 2 as far above as LQ 0.5 below
    ticks = dict(zip(layer.colorbar.tickvals, layer.colorbar.ticktext, strict=True))
    assert ticks[0.0] == "1" and ticks[1.0] == "2" and ticks[-1.0] == "0,5"
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "© OpenStreetMap katkıda bulunanları" in notes and fig.layout.title.text


def test_shift_share_chart_stacks_the_components():
    components = pd.DataFrame(
        {
            "label": ["a", "b"],
            "national_share": [10.0, 5.0],
            "industry_mix": [-2.0, 1.0],
            "regional_share": [3.0, -4.0],
            "actual_change": [11.0, 2.0],
        }
    )
    fig = charts.shift_share_chart(components, lang="tr")
    assert [trace.name for trace in fig.data] == [
        "Ulusal büyüme etkisi",
        "Sektörel yapı (endüstri karması) etkisi",
        "Bölgesel rekabet etkisi",
        "Gerçekleşen değişim",
    ]
    assert fig.layout.barmode == "relative"


def test_ranking_robustness_chart_labels_rank_intervals():
    frame = pd.DataFrame(
        {"p_top": [1.0, 0.4], "rank": [1, 2], "rank_low": [1, 1], "rank_high": [1, 6]},
        index=["Footwear", "Food"],
    )
    fig = charts.ranking_robustness_chart(frame, top_k=5, lang="en")
    assert list(fig.data[0].text) == ["2. (1–6)", "1. (1–1)"]
    assert "top 5" in fig.data[0].name


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match=r"'portfolio' needs columns .* missing \['growth'\]"):
        charts.portfolio_chart(pd.DataFrame(columns=["nace", "label", "lq", "employment"]), national_growth=0)
    with pytest.raises(ValueError, match="'geojson' has no polygon coordinates"):
        maps.lq_map(
            pd.DataFrame({"plate": [1], "province": ["a"], "label": ["A"], "lq": [1.0]}),
            {"type": "FeatureCollection", "features": []},
        )


def test_shift_share_legend_sits_below_the_plot_where_the_modebar_cannot_cover_it():
    """The modebar floats at the top right of the plot area; the four-entry legend used to sit there."""
    components = pd.DataFrame(
        {
            "label": ["a", "b"],
            "national_share": [10.0, 5.0],
            "industry_mix": [-2.0, 1.0],
            "regional_share": [3.0, -4.0],
            "actual_change": [11.0, 2.0],
        }
    )
    fig = charts.shift_share_chart(components, lang="en")
    assert (
        fig.layout.legend.orientation == "h"
        and fig.layout.legend.y < 0
        and fig.layout.legend.yanchor == "top"
    )
    assert fig.layout.margin.b >= 80  # room for the legend under the axis title


def test_criteria_group_bars_keep_the_given_order_and_say_what_they_are():
    contributions = pd.DataFrame(
        {"demand": [0.1, 0.4], "networking": [0.3, 0.05]}, index=["Ranked first", "Ranked second"]
    )
    fig = charts.criteria_groups_chart(
        contributions, {"demand": "Demand", "networking": "Networking"}, lang="en", title="Order: TOPSIS rank"
    )
    # bars are drawn bottom-up: the first sector of the ranking is at the top even with a smaller sum
    assert list(fig.data[0].y) == ["Ranked second", "Ranked first"]
    assert fig.layout.title.text == "Order: TOPSIS rank"
    # the legend above the bars, in the top margin under the title: under the bars it ran into the
    # axis title when printed on A4 (the legend's y is relative to the whole figure, the container)
    legend, layout = fig.layout.legend, fig.layout
    assert legend.yref == "container" and legend.yanchor == "top"
    assert legend.y * layout.height > layout.height - layout.margin.t  # inside the top margin
    assert legend.y < layout.title.y  # under the title


def test_portfolio_points_carry_their_quadrant_from_the_shared_classifier(profile):
    from clusterlib.selection import portfolio_quadrants

    fig = charts.portfolio_chart(profile, national_growth=0.04, lang="tr", highlight=["15"])
    drawn = {c[2]: c[3] for trace in fig.data for c in trace.customdata}
    expected = portfolio_quadrants(profile.set_index("nace"), national_growth=0.04).to_dict()
    assert drawn == expected == {"15": "stars", "10": "mature", "13": "mature", "28": "stars"}
    assert "Uzmanlaşmış ve büyüyen" in fig.data[1].customdata[0][4]
