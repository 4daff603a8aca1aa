"""The survey file and the cluster comparison are computed once per content for all provinces (issue 24)."""

from __future__ import annotations

import shutil

import pandas as pd

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables
from clusterlib.needs import analyse_needs_assessment, load_questionnaire, memo, read_survey
from clusterlib.needs.memo import clear_needs_memo, read_survey_once


def _counting(monkeypatch, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(memo, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(memo, name, counted)
    return calls


def test_provinces_share_one_reading_of_the_survey_and_one_cluster_comparison(monkeypatch):
    monkeypatch.delenv("CLUSTERLIB_RESULT_CACHE", raising=False)
    reads, comparisons = _counting(monkeypatch, "read_survey"), _counting(monkeypatch, "compare_clusters")
    clear_needs_memo()
    first = {p: analyse_needs_assessment(p, n_boot=200) for p in ("Çorum", "Samsun", "Trabzon", "Hakkari")}
    assert len(reads) == 1 and len(comparisons) == 1
    clear_needs_memo()  # computed afresh: the same numbers
    again = analyse_needs_assessment("Samsun", n_boot=200)
    assert len(reads) == 2 and len(comparisons) == 2
    pd.testing.assert_frame_equal(again.by_cluster, first["Samsun"].by_cluster, check_exact=True)
    pd.testing.assert_frame_equal(again.survey, first["Samsun"].survey, check_exact=True)


def test_an_edited_survey_file_is_read_again_and_copies_are_independent(tmp_path):
    source = tmp_path / "survey.csv"
    shutil.copy(SAMPLE_DIR / "survey.csv", source)
    args = {"mapping": None, "questionnaire": load_questionnaire(),
            "firms": load_tables(tables=["firms"])["firms"], "cluster": None}
    clear_needs_memo()
    before = read_survey_once(source, **args)
    before.answers["firm_id"] = "changed"  # a caller changing its copy
    assert not (read_survey_once(source, **args).answers["firm_id"] == "changed").any()
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    source.write_text("".join(lines[:-40]), encoding="utf-8")  # forty respondents fewer
    after = read_survey_once(source, **args)
    fresh = read_survey(source, **args)
    pd.testing.assert_frame_equal(after.answers, fresh.answers, check_exact=True)
    assert len(after.answers) < len(read_survey(SAMPLE_DIR / "survey.csv", **args).answers)
