"""Tests of the presentation helpers of clusterlib.i18n: lists, signs, ordinals, criteria formats,
Plotly ticks and hover labels, parameter labels, and the rarer Turkish suffixes."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib.i18n import (
    MINUS,
    axis_ticks,
    by_sign,
    format_as,
    format_ratio,
    format_signed,
    format_signed_percent,
    hover_values,
    inflect,
    join_list,
    nice_ticks,
    ordinal,
    parameter_label,
    plotly_layout,
)


def test_possessive_compound_cases():
    """-(s)InI, -(s)InA, -(s)InDAn, -(s)InIn (Lewis, Turkish Grammar, ch. II: pronominal n)."""
    assert inflect("%1", "poss_acc") == "%1'ini"  # istihdamın en az %1'ini
    assert inflect("%2", "poss_acc") == "%2'sini"
    assert inflect("%5", "poss_dat") == "%5'ine"
    assert inflect("%6", "poss_abl") == "%6'sından"
    assert inflect("%40", "poss_gen") == "%40'ının"
    assert inflect("gıda imalatı", "poss_loc") == "gıda imalatında"


@pytest.mark.parametrize(
    ("word", "case", "expected"),
    [
        ("ormancılık", "gen", "ormancılığın"),  # k → ğ before a vowel, words of several syllables
        ("kauçuk ve plastik", "dat", "kauçuk ve plastiğe"),
        ("depolama ve lojistik", "acc", "depolama ve lojistiği"),
        ("ağaç", "gen", "ağacın"),  # ç → c
        ("ormancılık", "loc", "ormancılıkta"),  # no softening before a consonant
        ("tek", "acc", "teki"),  # one syllable: no softening
        ("kok ve rafine petrol", "loc", "kok ve rafine petrolde"),  # loanword with front suffixes
        ("gayrimenkul", "gen", "gayrimenkulün"),
        ("su temini", "loc", "su temininde"),
    ],
)
def test_softening_and_loanwords(word, case, expected):
    assert inflect(word, case) == expected


def test_join_list_keeps_names_countable():
    names = ["Bilgisayar, elektronik ve optik ürünler", "Makine ve ekipman", "Tekstil"]
    assert join_list(names, "tr") == "Bilgisayar, elektronik ve optik ürünler; Makine ve ekipman; Tekstil"
    assert join_list(["Textiles", "Food", "Furniture"], "en") == "Textiles, Food and Furniture"  # CLDR en_GB
    assert join_list(["Machinery & equipment", "Rental and leasing", "Food"], "en") == (
        "Machinery & equipment; Rental and leasing; and Food"
    )
    assert join_list(["Tekstil", "Gıda", "Mobilya"], "tr") == "Tekstil, Gıda ve Mobilya"
    assert (
        join_list(["7,4 çalışan", "8,3"], "tr") == "7,4 çalışan ve 8,3"
    )  # a decimal comma is not a separator


def test_by_sign_and_signed_numbers():
    assert by_sign(-3, "arttı", "azaldı") == "azaldı"
    assert by_sign(0, "arttı", "azaldı") == "arttı"
    with pytest.raises(ValueError, match="missing"):
        by_sign(float("nan"), "arttı", "azaldı")
    assert format_signed(-546, "tr") == f"{MINUS}546"
    assert format_signed(15101, "tr") == "+15.101"
    assert format_signed(0.4, "tr") == "0"  # rounds to zero: no sign
    assert format_signed_percent(-0.023, "tr") == f"{MINUS}%2,3"
    assert format_ratio(0.894, "tr") == "0,89 katı" and format_ratio(None, "tr") == "–"


def test_ordinal():
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip
    assert ordinal(81, "tr") == "81."


def test_format_as_reads_the_criteria_formats():
    assert format_as(2.675, "{:.2f}", "tr") == "2,68"  # the same half-up rounding as everywhere
    assert format_as(1234567, "{:,.0f}", "tr") == "1.234.567"
    assert format_as(-0.0234, "{:.1%}", "tr") == f"{MINUS}%2,3"
    assert format_as(1.2, "{:.3g}", "en") == "1.2"
    with pytest.raises(ValueError, match="unsupported number format"):
        format_as(1.0, "{:e}", "tr")


def test_plotly_layout_and_hover_values():
    assert plotly_layout("tr") == {"separators": ",."}
    assert plotly_layout("en") == {"separators": ".,"}
    assert hover_values([0.0834, -0.023, None], "tr", kind="percent") == ["%8,3", f"{MINUS}%2,3", "–"]
    assert hover_values([2.675], "en", decimals=2) == ["2.68"]  # d3 would print 2.67 (binary float)
    with pytest.raises(ValueError, match="unknown number kind"):
        hover_values([1], "tr", kind="money")


def test_axis_ticks_write_turkish_percentages_and_decimals():
    ticks = axis_ticks(-0.05, 0.1, "tr", kind="percent")
    assert ticks["tickvals"] == [-0.05, 0.0, 0.05, 0.1]
    assert ticks["ticktext"] == [f"{MINUS}%5", "%0", "%5", "%10"]
    assert axis_ticks(0.3, 3.2, "en", log=True)["ticktext"] == ["0.25", "0.5", "1", "2.5"]
    assert axis_ticks(0, 1, "tr")["ticktext"] == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]
    assert axis_ticks(float("nan"), 1, "tr") == {"tickvals": [], "ticktext": []}


@given(st.floats(-1e6, 1e6, allow_nan=False), st.floats(0.001, 1e6))
def test_nice_ticks_cover_the_range(low, width):
    high = low + width
    ticks = nice_ticks(low, high)
    slack = 1e-6 * width  # float noise below a millionth of the range does not earn an extra tick
    assert ticks[0] <= low + slack and ticks[-1] >= high - slack
    assert 2 <= len(ticks) <= 12
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and all(math.isfinite(t) for t in ticks)


def test_parameter_labels():
    assert parameter_label("n_simulations", "tr") == "Ağırlık senaryosu sayısı (n_simulations)"
    assert parameter_label("top_k", "en") == "Shortlist size (top_k)"
    assert parameter_label("unknown_parameter", "tr") == "unknown_parameter"
