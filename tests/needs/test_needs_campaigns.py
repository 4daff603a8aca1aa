"""Survey campaigns as experts export them (red-team findings F1–F5 of December 2026): one export is
one wave, the firm register decides the cluster, mapping files are checked, empty forms are no
respondents, and nothing is ranked from a handful of firms.  Every file is written by the test."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clusterlib.config import SAMPLE_DIR
from clusterlib.data import DataValidationError, messages_in
from clusterlib.needs import THRESHOLDS, analyse_needs_assessment, block_reliability, read_survey

ITEMS = ["training_technical", "exports_markets", "exports_fairs", "rnd_product", "finance_investment",
         "cooperation_firms"]  # fmt: skip
REGISTER = pd.read_csv(SAMPLE_DIR / "firms.csv", dtype={"nace": str})
SAMSUN = REGISTER.loc[REGISTER["cluster"] == "samsun_medical", "firm_id"].tolist()


def _form(tmp_path: Path, rows: list[tuple[str, str, list[str]]], name: str = "form.csv") -> Path:
    """A Google Forms export: timestamp, firm code, one column per item (headings are item ids)."""
    lines = [",".join(['"Zaman damgası"', '"Firma kodu"', *(f'"{i}"' for i in ITEMS)])]
    for stamp, firm, answers in rows:
        lines.append(",".join([f'"{stamp}"', f'"{firm}"', *(f'"{a}"' for a in answers)]))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


AGREE, NEUTRAL, DISAGREE = "Katılıyorum", "Ne katılıyorum ne katılmıyorum", "Katılmıyorum"


def _answers(k: int) -> list[str]:
    """Firm k's answers: training_technical agreed by firms 0–3 only, the rest a fixed varied pattern."""
    pattern = [AGREE if k < 4 else DISAGREE, AGREE, NEUTRAL, "Kesinlikle katılıyorum" if k % 2 else DISAGREE,
               "" if k == 0 else AGREE, NEUTRAL if k % 3 else AGREE]  # fmt: skip
    return pattern


def test_a_campaign_across_new_year_stops_and_names_the_fix(tmp_path):
    """F1: three firms answered on 1–3 Dec 2019 and two on 4–5 Jan 2020; one export is one wave, so the
    reader stops and names `wave:` instead of splitting the campaign into waves 2019 (3) and 2020 (2)."""
    rows = [(f"0{d}.12.2019 10:00:00", SAMSUN[d - 1], _answers(d)) for d in (1, 2, 3)]
    rows += [(f"0{d}.01.2020 09:30:00", SAMSUN[d - 1], _answers(d)) for d in (4, 5)]
    path = _form(tmp_path, rows)
    with pytest.raises(DataValidationError) as info:
        read_survey(path, firms=REGISTER)
    assert str(info.value) == (
        "form.csv, column 'Zaman damgası': one export is one survey wave, but its timestamps ('Zaman damgası') "
        "run from 2019-12-01 to 2020-01-05 (years 2019–2020); set 'wave:' in the mapping file (e.g. wave: "
        "2019) or add a wave/year column"
    )
    with messages_in("tr"), pytest.raises(DataValidationError, match=r"wave: 2019\)"):
        read_survey(path, firms=REGISTER)
    mapping = tmp_path / "mapping.yml"
    mapping.write_text("wave: 2019\n", encoding="utf-8")
    table = read_survey(path, firms=REGISTER, mapping=mapping)
    assert set(table.answers["wave"]) == {2019} and table.answers["firm_id"].nunique() == 5


def test_a_campaign_within_one_year_is_one_wave_even_where_a_timestamp_is_blank(tmp_path):
    rows = [("14.03.2019 10:20:31", SAMSUN[0], _answers(0)), ("", SAMSUN[1], _answers(1))]
    table = read_survey(_form(tmp_path, rows), firms=REGISTER)
    assert set(table.answers["wave"]) == {2019} and table.answers["firm_id"].nunique() == 2


def test_rows_without_a_wave_are_one_problem_with_the_fix(tmp_path):
    """Sibling of F1 (an Excel serial instead of a year gave one identical problem per answer)."""
    path = tmp_path / "long.csv"
    lines = ["firm_id,year,item,answer"] + [f"{SAMSUN[k]},43800,{i},4" for k in range(5) for i in ITEMS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        read_survey(path)
    assert len(info.value.problems) == 1
    assert "has no survey wave (got '43800'; 30 row(s): 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 …)" in str(info.value)
    assert "'wave:' in the mapping file" in str(info.value)


def _ten_samsun_firms_and(extra: list[tuple[str, str, list[str]]]) -> list[tuple[str, str, list[str]]]:
    return [(f"{10 + k}.03.2019 10:00:00", SAMSUN[k], _answers(k)) for k in range(10)] + extra


def test_a_firm_of_another_cluster_is_left_out_with_a_note(tmp_path):
    """F2: COR-001 (Çorum food machinery in the register) answered all 5s in the Samsun export; the register
    decides its cluster, so Samsun counts 10 respondents and training_technical's top-2 share is 4/10 = 40 %
    (with COR-001 it would be 5/11)."""
    path = _form(
        tmp_path, _ten_samsun_firms_and([("20.03.2019 10:00:00", "COR-001", ["Kesinlikle katılıyorum"] * 6)])
    )
    a = analyse_needs_assessment("Samsun", survey_file=path, n_boot=200, lang="en")
    assert a.respondents == 10 and "COR-001" not in set(a.survey["firm_id"])
    top2 = a.items.set_index("item").loc["training_technical", "top2"]
    assert top2 == pytest.approx(4 / 10)
    note = next(n.text("en") for n in a.notes if "COR-001" in n.text("en"))
    assert note == (
        "form.csv: COR-001 belong(s) to another cluster in the firm register (corum_food_machinery), not to "
        "samsun_medical; their answers are left out of this cluster's figures"
    )
    assert any("COR-001 firma kaydında başka bir kümede" in n.text("tr") for n in a.notes)


def _lime(tmp_path: Path, mapping: str) -> tuple[Path, Path]:
    export = tmp_path / "lime.csv"
    export.write_text(
        '"id","submitdate","lastpage","startlanguage","seed","FIRMID","NEEDS[SQ001]","NEEDS[SQ002]"\n'
        '"1","2019-03-14 10:20:31","2","tr","1","SAM-001","A5","A6"\n',
        encoding="utf-8",
    )
    path = tmp_path / "mapping.yml"
    path.write_text(mapping, encoding="utf-8")
    return export, path


MAP_HEAD = "firm: FIRMID\nitems:\n  NEEDS[SQ001]: training_technical\n  NEEDS[SQ002]: exports_fairs\n"


def test_a_mapping_code_outside_the_scale_is_refused(tmp_path):
    """F3: `A5: 7` made every "strongly agree" a valid 7, counted but never in the top-2 box."""
    export, mapping = _lime(tmp_path, MAP_HEAD + "answers:\n  A5: 7\n  A6: dont_know\n")
    with pytest.raises(DataValidationError) as info:
        read_survey(export, mapping=mapping)
    assert str(info.value) == (
        "mapping.yml: answers.A5: 7 is outside the scale 1–5; accepted values: 1, 2, 3, 4, 5, dont_know, "
        "missing"
    )
    assert info.value.file == "mapping.yml" and info.value.got == 7


def test_a_mapping_typo_names_the_file_the_key_and_the_accepted_values(tmp_path):
    """F4: `A6: dont know` was a Python ValueError from int(); now every problem of mapping.yml at once."""
    export, mapping = _lime(
        tmp_path,
        MAP_HEAD.replace("exports_fairs", "exports_fair")
        + "answers:\n  A5: 5\n  A6: dont know\nwave: 2019-2020\nblocks:\n  extra_item: research\n",
    )
    with pytest.raises(DataValidationError) as info:
        read_survey(export, mapping=mapping)
    text = str(info.value)
    assert text.startswith("mapping.yml: 4 problems:\n")
    assert (
        "answers.A6: 'dont know' is not an accepted value (did you mean 'dont_know'?); accepted values: 1, 2, "
        "3, 4, 5, dont_know, missing" in text
    )
    assert "items.NEEDS[SQ002]: 'exports_fair' is not an item of questionnaire.yaml (did you mean " in text
    assert "wave: '2019-2020' is not a year" in text
    assert "blocks.extra_item: 'research' is not a block" in text
    assert all(p.file == "mapping.yml" for p in info.value.problems)
    with messages_in("tr"), pytest.raises(DataValidationError, match="kabul edilen bir değer değil"):
        read_survey(export, mapping=mapping)


def test_the_accepted_mapping_still_reads(tmp_path):
    export, mapping = _lime(tmp_path, MAP_HEAD + "answers:\n  A5: 5\n  A6: dont_know\nskip: seed\n")
    answers = read_survey(export, mapping=mapping).answers
    assert answers[["item", "answer", "status"]].astype(object).values.tolist() == [
        ["training_technical", 5, "valid"],
        ["exports_fairs", pd.NA, "dont_know"],
    ]


def test_an_empty_submission_is_not_a_respondent(tmp_path):
    """F5: SAM-011 submitted the form with every statement blank.  AAPOR: no item answered is non-response.
    By hand: 10 respondents answering 6 statements = 60 answers; one blank (firm 0's finance_investment),
    so the blank share is 1/60 — with the empty form it would be 11 firms and 7/66."""
    path = _form(tmp_path, _ten_samsun_firms_and([("21.03.2019 10:00:00", SAMSUN[10], [""] * 6)]))
    a = analyse_needs_assessment("Samsun", survey_file=path, n_boot=200, lang="en")
    row = a.response.set_index("wave").loc[2019]
    samsun = REGISTER[REGISTER["cluster"] == "samsun_medical"]
    assert row["respondents"] == 10 and row["answers"] == 60
    assert row["missing_rate"] == pytest.approx(1 / 60)
    assert row["response_rate"] == pytest.approx(10 / int((samsun["founded"] < 2019).sum()))
    assert any(
        n.text("en")
        == f"form.csv: {SAMSUN[10]} submitted an empty form in wave 2019 (no statement answered); the empty "
        "form is left out and does not count as a response"
        for n in a.notes
    )


def test_a_form_of_only_dont_know_answers_is_a_respondent(tmp_path):
    rows = [("14.03.2019 10:20:31", SAMSUN[0], ["Fikrim yok"] * 6)]
    table = read_survey(_form(tmp_path, rows), firms=REGISTER)
    assert len(table.answers) == 6 and table.notes == ()


def test_no_ranking_or_alpha_from_a_handful_of_firms(tmp_path):
    """F1's report ranked needs and printed α = −3.00 from two firms.  Below THRESHOLDS.min_firms (10)
    answering firms nothing is ranked, and the report says why, with the threshold, in its language."""
    assert THRESHOLDS.min_firms == 10
    rows = [(f"0{k + 1}.12.2019 10:00:00", SAMSUN[k], _answers(k)) for k in range(2)]
    path = _form(tmp_path, rows)
    en = analyse_needs_assessment("Samsun", survey_file=path, n_boot=200, lang="en")
    assert en.ranking.empty and en.reliability.empty and en.waves is None and en.respondents == 2
    assert en.findings.top is None and en.findings.reliability is None
    assert en.present("en").findings.survey.text == (
        "Only 2 of the cluster's firms answered in 2019. The ranking of needs, Cronbach's alpha and the change "
        "between waves are shown from 10 answering firms on; figures from fewer firms would mislead."
    )
    tr = en.present("tr").findings.survey.text
    assert "yalnızca 2 firması yanıt verdi" in tr and "en az 10 firmanın" in tr
    assert int(en.response.loc[0, "respondents"]) == 2  # the response rate is still shown


def test_alpha_needs_the_minimum_of_complete_answers():
    """Nine firms answering both items of a block give no alpha; ten do (values hand-checked with the
    variance formula: items x and x+1 noise-free have alpha 1)."""

    def survey(n: int) -> pd.DataFrame:
        rows = []
        for k in range(n):
            rows += [
                {"firm_id": f"F{k}", "wave": 2019, "item": "a", "block": "b", "answer": 1 + k % 4},
                {"firm_id": f"F{k}", "wave": 2019, "item": "c", "block": "b", "answer": 2 + k % 4},
            ]
        return pd.DataFrame(rows)

    assert block_reliability(survey(9), min_respondents=10)["alpha"].isna().all()
    ten = block_reliability(survey(10), min_respondents=10)
    assert ten["respondents"].iloc[0] == 10 and ten["alpha"].iloc[0] == pytest.approx(1.0)


def test_every_report_call_runs_for_a_handful_of_firms(tmp_path):
    """What notebook 01 calls, for an export of two firms: tables and charts render, nothing is ranked."""
    from clusterlib.report.display import Omitted
    from clusterlib.report.tables import Table

    rows = [(f"0{k + 1}.12.2019 10:00:00", SAMSUN[k], _answers(k)) for k in range(2)]
    a = analyse_needs_assessment("Samsun", survey_file=_form(tmp_path, rows), n_boot=200, lang="tr")
    view = a.present("tr")
    for chart in ("firms_chart", "diverging_chart", "needs_chart", "clusters_chart", "waves_chart"):
        getattr(view, chart)()
    view.groups_chart("size")
    for table in ("response_table", "item_table", "reliability_table", "waves_table", "needs_table", "notes_table"):
        assert isinstance(getattr(view, table)(), Table | Omitted), table
    assert a.summary().startswith("Samsun | samsun_medical | too few respondents (2)")
    assert len(view.response_table().frame) == 1 and isinstance(view.needs_table(), Omitted)
    assert a.save(tmp_path / "out")


def test_a_questionnaire_with_a_bad_scale_code_names_the_file(tmp_path):
    """Sibling of F4: the questionnaire's own scale codes went through int() as well."""
    from clusterlib.needs import load_questionnaire

    text = load_questionnaire().source.read_text(encoding="utf-8").replace("    5: {", "    five: {", 1)
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"^q\.yaml: scale\.codes\.five") as error:
        load_questionnaire(path)
    assert "number" in str(error.value)
