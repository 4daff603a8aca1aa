"""The monitoring and benchmarking step for a province, as notebook 04 shows it."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from clusterlib import regions
from clusterlib.monitoring import MonitoringBenchmarking, MonitoringFindings, analyse_monitoring, charts
from clusterlib.report.display import Notice


@pytest.fixture(scope="module")
def samsun():
    return analyse_monitoring("Samsun", lang="tr"), analyse_monitoring("samsun", lang="en")


def test_result_is_frozen_with_named_findings(samsun):
    tr, _ = samsun
    assert isinstance(tr, MonitoringBenchmarking) and isinstance(tr.findings, MonitoringFindings)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tr.year = 2000  # type: ignore[misc]
    for field in dataclasses.fields(MonitoringFindings):
        text = getattr(tr.findings, field.name)
        assert isinstance(text, str) and len(text) > 40, field.name


def test_english_report_shows_the_same_numbers(samsun):
    tr, en = samsun
    pd.testing.assert_frame_equal(tr.plan, en.plan)
    pd.testing.assert_frame_equal(tr.scorecard, en.scorecard)
    pd.testing.assert_frame_equal(tr.gaps, en.gaps)
    assert tr.management_score == en.management_score and tr.strong == en.strong
    assert tr.summary_line() == en.summary_line()


def test_pilot_cluster_and_its_division(samsun):
    tr, _ = samsun
    assert tr.cluster == "samsun_medical" and tr.divisions == ("32",)
    assert len(tr.sector_table) == 81
    assert set(tr.summary["status"]) <= {"green", "amber", "red", "grey"}
    counts = tr.summary["status"].value_counts()
    assert f"{counts.get('green', 0)}'" in tr.findings.plan and "hedefini tuttu" in tr.findings.plan
    assert "Kaynak: TÜİK" in tr.findings.economy


def test_status_words_and_symbols_in_the_table(samsun):
    tr, en = samsun
    statuses = en.monitoring_table()["Status"]
    assert statuses.str.match(r"^[●▲■○] (green|amber|red|grey): ").all()
    assert tr.monitoring_table()["Durum"].str.match(r"^[●▲■○] (yeşil|sarı|kırmızı|gri): ").all()


def test_every_pilot_runs_and_draws(tmp_path):
    for province in regions.pilots():
        result = analyse_monitoring(province, lang="en")
        assert result.cluster is not None and not result.summary.empty
        assert result.management is not None and result.management_label in ("gold", "silver", "bronze")
        grid = charts.rag_grid(result.plan, lang="en")
        assert len(grid.frame) == result.summary["indicator"].nunique()  # a printable table, a row each
        assert grid.frame.iloc[:, 1:].stack().str.match(r"^[●▲■○]?( ?[\d.,−]+)?$").all()
        figures = [
            charts.trajectories_chart(result.plan, result.summary, lang="en"),
            charts.scorecard_chart(result.scorecard, lang="en"),
            charts.economy_chart(result.gva_growth, result.a10_names(), province=province.name, lang="en"),
            charts.gaps_chart(result.gaps, lang="en"),
            charts.management_radar(result.management, gold=result.gold, lang="en"),
        ]
        assert all(len(f.data) > 0 for f in figures)
    saved = result.save(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in saved] == [
        f"monitoring_benchmarking/{province.plate:02d}_{province.slug}_{name}.csv"
        for name in ("plan", "scorecard", "peers")
    ]
    assert all(p.is_file() and p.stat().st_mode & 0o777 == 0o644 for p in saved)


def test_province_without_a_monitoring_plan_runs_with_what_there_is():
    result = analyse_monitoring("Bayburt", lang="en")
    assert result.cluster is None and result.summary.empty and result.management is None
    assert "no monitoring plan" in result.findings.plan
    assert "no self-assessment" in result.findings.management
    assert result.monitoring_table().empty and "Progress" in result.monitoring_table().columns
    assert isinstance(charts.rag_grid(result.plan, lang="en"), Notice)  # "No data for this section"
    # every table the notebook shows has its columns, with no row to show (Hakkari failed here on 'year')
    for table in (result.gaps_table(), result.monitoring_table()):
        assert table.empty and "Latest year" in table.columns


def test_unknown_cluster_and_province():
    with pytest.raises(Exception, match="nope"):
        analyse_monitoring("Samsun", cluster="nope")
    with pytest.raises(regions.UnknownProvinceError):
        analyse_monitoring("Atlantis")
