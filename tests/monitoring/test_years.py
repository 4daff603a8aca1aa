"""Monitoring indicators as clusters keep them (red-team findings F10–F13): every row shows the year of
its values, an indicator without an actual for the report year is "no data", actuals dated after the run
date are refused, a direction that contradicts the targets is flagged, and references are compared only
in the indicator's unit.  Every file is written by the test from the bundled sample."""

from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import DataValidationError, load_tables, messages_in
from clusterlib.monitoring import analyse_monitoring
from clusterlib.monitoring.international import international_gaps

SAMSUN = "samsun_medical"


def _folder(tmp_path, edit_monitoring=None, edit_benchmarks=None):
    for name in ("employment.csv", "exports.csv"):
        shutil.copy(SAMPLE_DIR / name, tmp_path / name)
    monitoring = pd.read_csv(SAMPLE_DIR / "monitoring.csv", keep_default_na=False, dtype=str)
    benchmarks = pd.read_csv(SAMPLE_DIR / "benchmarks.csv", keep_default_na=False, dtype=str)
    monitoring = edit_monitoring(monitoring) if edit_monitoring else monitoring
    benchmarks = edit_benchmarks(benchmarks) if edit_benchmarks else benchmarks
    monitoring.to_csv(tmp_path / "monitoring.csv", index=False)
    benchmarks.to_csv(tmp_path / "benchmarks.csv", index=False)
    return tmp_path


def _rows(frame, indicator, year=None):
    mask = (frame["cluster"] == SAMSUN) & (frame["indicator"] == indicator)
    return mask & (frame["year"] == str(year)) if year is not None else mask


def test_an_indicator_without_an_actual_for_the_report_year_is_no_data_with_its_last_year(tmp_path):
    """F10: employment's 2024 actual is blank.  The table showed 2023's target 1,867 and actual 2,039 as
    2024's green status (progress (2039 − 1594)/(1867 − 1594) = 163 %), and the headline counted it."""

    def blank(m):
        m.loc[_rows(m, "employment", 2024), "actual"] = ""
        return m

    folder = _folder(tmp_path, blank)
    mon = analyse_monitoring("Samsun", data_dir=folder, lang="en")
    en, tr = mon.present("en"), mon.present("tr")
    row = mon.indicators.set_index("indicator").loc["employment"]
    assert (row["status"], row["latest_status"], int(row["latest_year"]), int(row["report_year"])) == (
        "grey",
        "green",
        2023,
        2024,
    )
    assert row["latest_actual"] == 2039 and row["progress"] == pytest.approx((2039 - 1594) / (1867 - 1594))
    table = en.monitoring_table("count").frame.set_index("indicator")
    shown = table.loc[table.index.str.startswith("Insured employment")].iloc[0]
    assert shown["latest_year"] == 2023 and shown["status"] == "○ grey: no 2024 value (last value 2023)"
    # by hand: the indicators of the plan without a 2024 actual
    raw = pd.read_csv(folder / "monitoring.csv")
    samsun = raw[raw["cluster"] == SAMSUN]
    with_2024 = set(samsun.loc[(samsun["year"] == 2024) & samsun["actual"].notna(), "indicator"])
    without = samsun["indicator"].nunique() - len(with_2024)
    assert without >= 1 and f"{without} without data (○)" in en.findings.plan
    assert en.findings.plan.startswith(f"For 2024, of {samsun['indicator'].nunique()} indicators")
    assert "○ gri: 2024 verisi yok (son değer 2023)" in tr.monitoring_table("count").frame["status"].tolist()
    gaps = tr.gaps_table("count")  # the international comparison shows its year too
    assert gaps.labels["latest_year"] == "Son yıl" and gaps.frame["latest_year"].notna().all()


def test_actual_values_dated_after_the_run_date_are_refused(tmp_path):
    """F11: employment actuals for years ahead were reported as achieved under a 2030 heading."""
    future = date.today().year + 1

    def ahead(m):
        row = m[_rows(m, "employment", 2024)].assign(year=str(future), target="3000", actual="3300")
        return pd.concat([m, row], ignore_index=True)

    folder = _folder(tmp_path, ahead)
    with pytest.raises(DataValidationError) as info:
        load_tables(folder, tables=["monitoring"])
    assert (
        f"column 'actual': an actual value for {future}, after the run date {date.today().isoformat()}"
        in str(info.value)
    )
    with (
        messages_in("tr"),
        pytest.raises(DataValidationError, match=f"{future} yılı için gerçekleşen değer var"),
    ):
        load_tables(folder, tables=["monitoring"])


def test_a_target_for_a_later_year_without_actual_is_fine(tmp_path):
    future = date.today().year + 1

    def ahead(m):
        row = m[_rows(m, "employment", 2024)].assign(year=str(future), target="3000", actual="")
        return pd.concat([m, row], ignore_index=True)

    assert len(load_tables(_folder(tmp_path, ahead), tables=["monitoring"])["monitoring"]) > 0


def test_a_direction_that_contradicts_the_targets_is_flagged_in_the_report(tmp_path):
    """F12: the imported-inputs share must fall (direction 'decrease') but its targets rise 33.3 → 40.3 and
    the actuals follow them; the report said "● green: target met" and nothing else."""

    def rising(m):
        for k, year in enumerate(range(2020, 2027)):
            m.loc[_rows(m, "imported_inputs_share", year), "target"] = f"{33.3 + k + 1:.1f}"
        for k, year in enumerate(range(2020, 2025)):
            m.loc[_rows(m, "imported_inputs_share", year), "actual"] = f"{33.3 + 1.5 * (k + 1):.1f}"
        return m

    folder = _folder(tmp_path, rising)
    mon = analyse_monitoring("Samsun", data_dir=folder, lang="en")
    en, tr = mon.present("en"), mon.present("tr")
    assert (
        "Check the plan: Share of imported inputs has direction 'decrease' but its targets rise from the "
        "baseline 33.3 to 40.3." in en.findings.plan
    )
    table = en.monitoring_table("percent").frame.set_index("indicator")
    status = table.filter(like="imported", axis=0)["status"].iloc[0]
    assert status.endswith("— ⚠ direction contradicts targets")
    assert "İthal girdi payı göstergesinin yönü 'decrease' ama hedefler" in tr.findings.plan


def test_a_reference_in_another_unit_is_not_compared(tmp_path):
    """F13: exports in '%' in monitoring.csv against references in 'million USD' gave "+5.5 %"."""

    def percent(m):
        m.loc[_rows(m, "exports_musd"), "unit"] = "%"
        return m

    folder = _folder(tmp_path, percent)
    mon = analyse_monitoring("Samsun", data_dir=folder, lang="en")
    assert "exports_musd" not in set(mon.gaps["indicator"])
    skipped = mon.gaps.attrs["unit_mismatch"]
    assert skipped and {r["indicator"] for r in skipped} == {"exports_musd"}
    assert f"{len(skipped)} reference value(s) were not compared because their unit differs" in (
        mon.present("en").findings.international
    )
    same = analyse_monitoring("Samsun", data_dir=_folder(_fresh(tmp_path)), lang="en")
    assert "exports_musd" in set(same.gaps["indicator"])  # the sample's own units match


def _fresh(tmp_path):
    path = tmp_path / "unchanged"
    path.mkdir()
    return path


def test_units_are_compared_in_one_spelling():
    summary = pd.DataFrame(
        {
            "indicator": ["x", "y"],
            "name_en": ["X", "Y"],
            "name_tr": ["X", "Y"],
            "unit": ["Score 0–100", "%"],
            "direction": "increase",
            "latest_actual": [50.0, 10.0],
            "latest_year": [2024, 2024],
        }
    )
    benchmarks = pd.DataFrame(
        {
            "indicator": ["x", "y", "y"],
            "reference": ["A", "B", "C"],
            "country": "EU",
            "sector": "s",
            "value": [100.0, 20.0, 5.0],
            "unit": ["score 0-100", "percent", None],
        }
    )
    gaps = international_gaps(summary, benchmarks)
    assert gaps["reference"].tolist() == ["A", "B"] and gaps["gap"].tolist() == [-0.5, -0.5]
    assert [r["reference"] for r in gaps.attrs["unit_mismatch"]] == ["C"]  # a unit not given is no match
