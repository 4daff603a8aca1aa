"""Sector selection as the step template: language-free analysis, one definition per quantity,
thresholds in one place, and partial or awkward data that still gives a report (issues 7 and 9)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from clusterlib.data import DataValidationError, load_tables
from clusterlib.regions import provinces
from clusterlib.report import Notice, Omitted
from clusterlib.selection import (
    THRESHOLDS,
    SelectionInputError,
    analyse_sector_selection,
    charts,
    load_criteria,
    portfolio_quadrants,
)
from clusterlib.selection.findings import portfolio_finding, robustness_finding
from clusterlib.selection.inputs import national_growth_rate, sector_indicators, sector_profile
from clusterlib.specialization import cagr


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_tables(tables=["employment", "exports", "stakeholders", "initiatives"])


@pytest.fixture(scope="module")
def samsun(tables):
    return analyse_sector_selection("Samsun", tables=tables, n_simulations=200)


def _frames(selection) -> dict[str, pd.DataFrame]:
    return {
        "profile": selection.profile,
        "indicators": selection.indicators,
        "scores": selection.result.scores,
        "robustness": selection.robustness,
        "lq_map": selection.lq_map,
        "shift_share": selection.shift_share,
    }


# ------------------------------------------------------------------------------ language-free analysis
def test_language_never_changes_a_number(tables, samsun):
    """The analysis is the same whatever the language it was asked in, and both presentations show the
    same numbers (an English report reuses the computation)."""
    english = analyse_sector_selection("Samsun", tables=tables, n_simulations=200, lang="en")
    for name, frame in _frames(samsun).items():
        pd.testing.assert_frame_equal(frame, _frames(english)[name], obj=name)
    assert samsun.national_growth == english.national_growth
    assert dataclasses.asdict(samsun.findings.structure) == dataclasses.asdict(english.findings.structure)
    tr, en = samsun.present("tr"), samsun.present("en")
    for name in ("ranking_table", "criteria_table", "indicator_table"):
        shown_tr, shown_en = getattr(tr, name)(), getattr(en, name)()
        a, b = shown_tr.frame, shown_en.frame
        numbers_tr = a.select_dtypes("number").to_numpy()
        numbers_en = b.select_dtypes("number").to_numpy()
        np.testing.assert_array_equal(numbers_tr, numbers_en)
        assert list(a.columns) == list(b.columns)  # language-free column ids ...
        assert shown_tr.kinds == shown_en.kinds  # ... with the same kinds
        assert shown_tr.labels != shown_en.labels  # and translated headers
    assert tr.portfolio_chart().data[0].y.tolist() == en.portfolio_chart().data[0].y.tolist()


def test_result_is_frozen_with_typed_findings(samsun):
    with pytest.raises(dataclasses.FrozenInstanceError):
        samsun.year = 1999  # type: ignore[misc]
    assert dataclasses.is_dataclass(samsun.findings)
    assert isinstance(samsun.findings.portfolio.sectors, tuple)
    view = samsun.present("en")
    texts = {k: v for k, v in vars(view.findings).items() if k != "data_notes"}  # a note, not a sentence
    assert all(isinstance(text, str) and text for text in texts.values())
    assert isinstance(view.findings.data_notes, Notice | Omitted)


# ------------------------------------------------------------------------- one definition per quantity
def test_national_growth_is_the_rate_of_the_totals(tables, samsun):
    """The national rate is the CAGR of Türkiye's total employment, not the share-weighted mean of the
    sector rates; the portfolio chart draws exactly it."""
    totals = tables["employment"].groupby("year")["employment"].sum()
    expected = cagr(float(totals[2019]), float(totals[2024]), 5)
    assert samsun.national_growth == pytest.approx(expected, rel=1e-12)
    assert national_growth_rate(tables, 2024, period=5) == pytest.approx(expected, rel=1e-12)
    profile = samsun.profile
    weighted = float(
        (profile["national_share"] * profile["national_growth"]).sum() / profile["national_share"].sum()
    )
    assert abs(weighted - expected) > 1e-4  # the two definitions really differ on this data
    fig = samsun.present("tr").portfolio_chart()
    hline = [shape for shape in fig.layout.shapes if shape.y0 == shape.y1]
    assert len(hline) == 1 and hline[0].y0 == pytest.approx(expected)


def test_every_sector_the_portfolio_finding_names_is_where_the_chart_draws_it(tables):
    """All 81 provinces: each sector the finding names is drawn in the chart's upper-right quadrant
    (right of LQ = 1, above the national line), and the chart and the finding classify alike."""
    national = national_growth_rate(tables, 2024, period=5)
    named_total = 0
    for plate in provinces()["plate"]:
        profile = sector_profile(tables, int(plate), 2024, period=5, lang="en")
        finding = portfolio_finding(profile, national_growth=national)
        shown = profile[profile["share"] >= THRESHOLDS.portfolio_chart_share]
        fig = charts.portfolio_chart(shown, national_growth=national, lang="en")
        (hline,) = [s.y0 for s in fig.layout.shapes if s.y0 == s.y1]
        (vline,) = [s.x0 for s in fig.layout.shapes if s.x0 == s.x1]
        points = {}
        for trace in fig.data:
            if trace.customdata is None:  # the highlighted-candidates trace, empty here
                assert len(trace.x) == 0
                continue
            for x, y, custom in zip(trace.x, trace.y, trace.customdata, strict=True):
                points[custom[2]] = (x, y, custom[3])
        assert finding.count >= len(finding.sectors)
        for code in finding.sectors:
            x, y, quadrant = points[code]
            assert x > vline and y > hline and quadrant == "stars", (plate, code)
        # the sentence's count is the number of sizeable points drawn in that quadrant
        sizeable = set(profile.loc[profile["share"] >= THRESHOLDS.portfolio_finding_share, "nace"])
        drawn_stars = {c for c, (x, y, _) in points.items() if x > vline and y > hline and c in sizeable}
        assert finding.count == len(drawn_stars), plate
        named_total += len(finding.sectors)
    assert named_total > 81  # the test names many sectors, not a vacuous pass


def test_trabzon_pilot_sector_is_in_the_specialised_and_growing_quadrant(tables):
    """Issue 7's example: with the rate from totals the finding names the pilot sector (30) too."""
    selection = analyse_sector_selection("Trabzon", tables=tables, n_simulations=50)
    quadrant = portfolio_quadrants(
        selection.portfolio().set_index("nace"), national_growth=selection.national_growth
    )
    assert quadrant["30"] == "stars"
    assert "30" in selection.findings.portfolio.sectors or selection.findings.portfolio.count > 5


# ---------------------------------------------------------------------------------------- thresholds
def test_sentences_cite_the_threshold_they_use(samsun):
    stricter = robustness_finding(samsun.robustness, samsun.top[0], threshold=0.6)
    assert stricter.stable_count == int((samsun.robustness["p_top_k"] >= 0.6).sum())
    assert "at least 60% of the scenarios" in stricter.text("en")
    default = samsun.findings.robustness
    assert default.threshold == THRESHOLDS.robust
    assert f"at least {THRESHOLDS.robust:.0%} of the scenarios" in default.text("en")
    with pytest.raises(ValueError, match="every sector the finding names is on the chart"):
        dataclasses.replace(THRESHOLDS, portfolio_finding_share=0.001)


def test_number_of_criteria_groups_comes_from_the_yaml(tables, tmp_path):
    import yaml

    from clusterlib.config import RESOURCES_DIR

    data = yaml.safe_load((RESOURCES_DIR / "criteria_default.yaml").read_text(encoding="utf-8"))
    data["groups"] = [{**group, "weight": "1/3"} for group in data["groups"][:3]]
    path = tmp_path / "three.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    selection = analyse_sector_selection("Çorum", tables=tables, n_simulations=20, criteria_file=path)
    view = selection.present("en")
    assert "scored on 3 criteria groups" in view.intro
    assert "in 3 groups" in view.findings.criteria
    assert "3 ölçüt grubunda" in selection.present("tr").intro


# --------------------------------------------------------------------------- missing stays missing (9)
def test_blank_wages_are_not_zero_and_are_imputed_once(tables, samsun):
    """Issue 9: two blank Samsun wages used to become 0, the best value of the cost criterion wage_cost,
    and lifted Food products (10).  Now they stay missing, get the worst value in scoring, and the report
    lists the cells."""
    employment = tables["employment"].copy()
    blank = (employment["plate"] == 55) & (employment["year"] == 2024) & employment["nace"].isin(["10", "11"])
    employment.loc[blank, "avg_wage"] = np.nan
    selection = analyse_sector_selection(
        "Samsun", tables={**tables, "employment": employment}, n_simulations=200
    )
    assert np.isnan(selection.indicators.loc["10", "wage_cost"])
    assert np.isnan(selection.indicators.loc["10", "relative_wage"])
    assert ("10", "wage_cost") in selection.imputed.cells
    assert selection.result.imputed.loc["10", "wage_cost"]
    worst = selection.indicators["wage_cost"].max()
    assert selection.result.values.loc["10", "wage_cost"] == worst  # cost: worst is the maximum
    assert selection.result.scores.loc["10", "rank"] >= samsun.result.scores.loc["10", "rank"]
    assert "10" not in selection.top
    view = selection.present("en")
    assert "food products / wage cost" in view.findings.data  # lower case after the colon
    table = view.indicator_table()
    assert table.marks.loc["Food products"].sum() == 2


def test_growth_from_zero_and_absent_exports_stay_missing(tables):
    indicators = sector_indicators(tables, "Samsun", 2024)
    assert indicators[["export_cagr", "rca"]].isna().any().any()  # mining support services: no exports
    assert not (indicators["export_cagr"] == 0).all()


def test_wage_bill_and_employment_cover_the_same_rows():
    """A province without a wage must not add its employment to the national wage's denominator."""
    rows = []
    for year in (2019, 2024):
        for plate, nace_, jobs, wage in [
            (1, "10", 100, 10.0), (1, "13", 100, 10.0), (2, "10", 300, np.nan), (2, "13", 100, 20.0),
            (3, "10", 100, 30.0), (3, "13", 50, 10.0),
        ]:  # fmt: skip
            rows.append({"plate": plate, "nace": nace_, "year": year, "employment": jobs, "workplaces": 5,
                         "avg_wage": wage})  # fmt: skip
    employment = pd.DataFrame(rows)
    indicators = sector_indicators({"employment": employment}, 1, 2024, min_employment=1)
    national_food_wage = (100 * 10.0 + 100 * 30.0) / (100 + 100)  # province 2 reports no wage
    assert indicators.loc["10", "wage_cost"] == pytest.approx(10.0 / national_food_wage)
    other = sector_indicators({"employment": employment}, 2, 2024, min_employment=1)
    assert np.isnan(other.loc["10", "wage_cost"]) and other.loc["13", "relative_wage"] == pytest.approx(1.0)


# ------------------------------------------------------------------------------ optional inputs (9)
@pytest.mark.parametrize(
    ("drop", "left_out", "reason"),
    [
        ("avg_wage", {"relative_wage", "wage_cost"}, "column 'avg_wage'"),
        ("workplaces", {"workplaces", "avg_firm_size", "workplace_cagr"}, "column 'workplaces'"),
    ],
)
def test_optional_columns_leave_their_criteria_out_and_say_so(tables, drop, left_out, reason):
    employment = tables["employment"].drop(columns=[drop])
    selection = analyse_sector_selection(
        "Gaziantep", tables={**tables, "employment": employment}, n_simulations=50
    )
    assert set(selection.left_out.ids) == left_out
    assert not left_out & set(selection.criteria.ids)
    assert selection.criteria.weights.sum() == pytest.approx(1.0)
    assert selection.result is not None
    text = selection.present("en").findings.data
    assert reason in text and "Left out of the scoring" in text
    assert "Puanlamaya alınmayan" in selection.present("tr").findings.data


def test_without_institution_tables_support_institutions_is_left_out(tables):
    partial = {"employment": tables["employment"], "exports": tables["exports"]}
    selection = analyse_sector_selection("Çorum", tables=partial, n_simulations=50)
    assert selection.left_out.ids == ("support_institutions",)
    assert "support_institutions" not in selection.criteria.ids
    networking = selection.criteria.indicators[selection.criteria.indicators["group"] == "networking"]
    assert networking["within_weight"].sum() == pytest.approx(1.0)
    assert "neither a stakeholders nor an initiatives table" in selection.present("en").findings.data


def test_criteria_without_renormalises_and_drops_empty_groups():
    criteria = load_criteria()
    demand = criteria.indicators.index[criteria.indicators["group"] == "demand"].tolist()
    smaller = criteria.without(demand)
    assert [g.id for g in smaller.groups] == ["economic_impact", "networking", "factor_conditions"]
    assert smaller.group_weights.sum() == pytest.approx(1.0)
    assert smaller.weights.sum() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown"):
        criteria.without(["nope"])


# ------------------------------------------------------------------- too few sectors, absent province
def test_too_few_candidates_give_a_report_that_says_what_to_change(tables):
    """Tunceli has one candidate with ≥ 100 employees: no failure, a note and a suggestion."""
    selection = analyse_sector_selection("Tunceli", tables=tables, n_simulations=50)
    assert selection.result is None and selection.too_few is not None
    assert len(selection.too_few.candidates) < THRESHOLDS.min_sectors
    assert selection.too_few.suggestion is not None and selection.too_few.suggestion < 100
    view = selection.present("en")
    assert "needs at least 2 candidate sectors" in view.findings.data
    assert "Lower 'min_employment' to" in view.findings.data
    for section in (
        view.ranking_table(),
        view.indicator_table(),
        view.criteria_chart(),
        view.robustness_chart(),
    ):
        assert isinstance(section, Notice)
    assert view.structure_chart().data  # the descriptive sections still draw
    lowered = analyse_sector_selection(
        "Tunceli", tables=tables, n_simulations=50, min_employment=selection.too_few.suggestion
    )
    assert lowered.result is not None and len(lowered.indicators) >= 2


def test_province_without_rows_names_the_province_and_years(tables):
    """Not ``KeyError: 55``: the data's own check (clusterlib.data.require_years), in the run's language."""
    employment = tables["employment"]
    without = employment[employment["plate"] != 55]
    with pytest.raises(DataValidationError, match=r"Samsun has no rows; the data cover the years 2013–2024"):
        analyse_sector_selection("Samsun", tables={**tables, "employment": without}, lang="en")
    with pytest.raises(DataValidationError, match="Samsun için hiç satır yok"):
        analyse_sector_selection("Samsun", tables={**tables, "employment": without}, lang="tr")


def test_province_without_the_base_year_names_the_years_present(tables):
    employment = tables["employment"]
    gap = employment[~((employment["plate"] == 55) & (employment["year"] <= 2019))]
    with pytest.raises(DataValidationError) as caught:
        analyse_sector_selection("Samsun", tables={**tables, "employment": gap}, lang="en")
    message = str(caught.value)
    assert "Samsun has no rows for 2019" in message and "2020" in message and "2024" in message
    assert "KeyError" not in message
    with pytest.raises(SelectionInputError, match="choose 'period' ≤ 11"):
        analyse_sector_selection("Samsun", tables=tables, period=30, lang="en")


def test_data_section_shows_the_loaders_notes_about_what_the_step_reads():
    """From the folder: blank wages are said to be left missing; a note on a column the step does not
    read (initiatives' members) is not shown in a sector-selection report."""
    selection = analyse_sector_selection("Samsun", n_simulations=20)
    notes = selection.present("en").findings.data_notes
    assert isinstance(notes, Notice)  # a note beside the data section, not a key finding
    text = notes.text
    assert "column 'avg_wage'" in text and "not read as zero" in text
    assert "avg_wage" not in selection.present("en").findings.data
    assert "'members'" not in text
