"""Reading surveys: the exports of Google Forms, KoboToolbox and LimeSurvey and the long form read to
the same long table; every bad answer is a DataValidationError naming file, row and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clusterlib.data import DataValidationError
from clusterlib.needs import load_questionnaire, read_survey

FIXTURES = Path(__file__).parent.parent / "fixtures" / "needs"
FIRMS = pd.DataFrame({"firm_id": ["SAM-001", "SAM-002", "SAM-003"], "cluster": "samsun_medical"})
EXPORTS = {
    "google_forms_tr.csv": (None, "google_forms"),
    "google_forms_en.xlsx": (None, "google_forms"),
    "kobotoolbox.csv": (None, "kobotoolbox"),
    "limesurvey.csv": ("limesurvey_mapping.yaml", "limesurvey"),
    "long.csv": (None, "long"),
}
COLUMNS = ["cluster", "firm_id", "wave", "item", "block", "answer", "status"]


def _read(name: str, **kw):
    mapping, _layout = EXPORTS[name]
    return read_survey(FIXTURES / name, mapping=FIXTURES / mapping if mapping else None, firms=FIRMS, **kw)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(EXPORTS))
def test_each_tool_export_reads_to_the_same_long_table(name):
    """The same three firms and six statements (tests/fixtures/needs/make_fixtures.py) exported by each
    tool in its own layout give one and the same long table."""
    expected = _read("long.csv").answers[COLUMNS]
    table = _read(name)
    assert table.layout == EXPORTS[name][1]
    assert table.notes == ()
    pd.testing.assert_frame_equal(table.answers[COLUMNS], expected)


def test_long_table_content():
    answers = _read("long.csv").answers.set_index(["firm_id", "item"])
    assert len(answers) == 18 and set(answers["wave"]) == {2019}
    assert answers.loc[("SAM-001", "exports_fairs"), "status"] == "dont_know"
    assert pd.isna(answers.loc[("SAM-001", "exports_fairs"), "answer"])
    assert answers.loc[("SAM-001", "finance_investment"), "status"] == "missing"
    assert answers.loc[("SAM-003", "exports_markets"), "answer"] == 5
    assert answers.loc[("SAM-002", "training_technical"), "block"] == "training"
    assert set(answers["cluster"]) == {"samsun_medical"}  # from the register


def test_wave_comes_from_the_tool_timestamp_or_the_argument():
    assert set(_read("kobotoolbox.csv").answers["wave"]) == {2019}
    assert set(_read("google_forms_tr.csv", wave=2020).answers["wave"]) == {2020}


def test_answer_outside_the_scale(tmp_path):
    path = _write(tmp_path, "survey.csv", "firm_id,year,item,answer\nSAM-001,2019,exports_fairs,7\n")
    with pytest.raises(
        DataValidationError, match=r"^survey\.csv, row 2, column 'answer': '7' is outside the scale 1–5$"
    ) as info:
        read_survey(path)
    assert (info.value.row, info.value.column, info.value.got) == (2, "answer", "7")


def test_unknown_label_suggests_the_scale(tmp_path):
    text = (
        '"Zaman damgası","Firma kodu","Çalışanlarımızın teknik eğitime ihtiyacı var."\n'
        '"14.03.2019 10:20:31","SAM-001","Katılıyoruz"\n'
    )
    path = _write(tmp_path, "form.csv", text)
    with pytest.raises(
        DataValidationError,
        match=r"^form\.csv, row 2, column 'Çalışanlarımızın teknik eğitime ihtiyacı var\.': 'Katılıyoruz' is not an "
        r"answer of the scale; did you mean",
    ):
        read_survey(path)


def test_firm_not_in_register(tmp_path):
    path = _write(
        tmp_path,
        "survey.csv",
        "firm_id,year,item,answer\nSAM-001,2019,exports_fairs,4\nSAM-999,2019,exports_fairs,3\n",
    )
    with pytest.raises(
        DataValidationError, match=r"^survey\.csv, row 3: firm 'SAM-999' is not in the firm register"
    ):
        read_survey(path, firms=FIRMS)
    assert len(read_survey(path).answers) == 2  # without a register there is nothing to check against


def test_item_without_block(tmp_path):
    path = _write(tmp_path, "survey.csv", "firm_id,year,item,answer\nSAM-001,2019,export_help,4\n")
    with pytest.raises(
        DataValidationError,
        match=r"^survey\.csv, row 2, column 'item': item 'export_help' belongs to no block of the questionnaire",
    ):
        read_survey(path)


def test_heading_tied_to_no_item(tmp_path):
    text = (
        '"Timestamp","Firm ID","Our staff need technical training.","How many staff do you have?"\n'
        '"2019/03/14 10:20:31 AM GMT+3","SAM-001","Agree","12"\n'
    )
    path = _write(tmp_path, "form.csv", text)
    with pytest.raises(
        DataValidationError,
        match=r"^form\.csv, column 'How many staff do you have\?': is not tied to an item",
    ):
        read_survey(path)
    mapping = _write(tmp_path, "map.yaml", "skip: ['How many staff do you have?']\n")
    answers = read_survey(path, mapping=mapping).answers
    assert answers[["item", "answer", "wave"]].values.tolist() == [["training_technical", 4, 2019]]


def test_duplicated_respondent_identical_is_a_note_conflicting_is_an_error(tmp_path):
    text = '"Zaman damgası","Firma kodu","Yatırım için finansmana erişmekte zorlanıyoruz."\n'
    same = (
        text
        + '"14.03.2019 10:20:31","SAM-001","Katılıyorum"\n"14.03.2019 10:25:02","SAM-001","Katılıyorum"\n'
    )
    table = read_survey(_write(tmp_path, "same.csv", same))
    assert len(table.answers) == 1
    assert tuple(n.text("en") for n in table.notes) == (
        "same.csv: firm SAM-001 answered wave 2019 more than once with the same answers (rows 2, 3); counted once",
    )
    other = (
        text
        + '"14.03.2019 10:20:31","SAM-001","Katılıyorum"\n"14.03.2019 10:25:02","SAM-001","Katılmıyorum"\n'
    )
    with pytest.raises(
        DataValidationError,
        match=r"^other\.csv, row 3, column .*answered 'finance_investment' twice in 2019 with different answers",
    ):
        read_survey(_write(tmp_path, "other.csv", other))


def test_all_problems_of_a_file_at_once(tmp_path):
    text = (
        "firm_id,year,item,answer\nSAM-001,2019,exports_fairs,7\nSAM-002,2019,exports_fairs,Belki\n"
        "SAM-003,2019,nope,2\n"
    )
    with pytest.raises(DataValidationError) as info:
        read_survey(_write(tmp_path, "survey.csv", text))
    error = info.value
    assert (error.row, error.column) == (2, "answer")
    assert [(p.row, p.column) for p in error.problems] == [
        (2, "answer"),
        (3, "answer"),
        (4, "item"),
    ]
    assert str(error).startswith("survey.csv: 3 problems:\n  row 2, column 'answer': '7' is outside")


def test_dont_know_codes_from_the_questionnaire(tmp_path):
    path = _write(
        tmp_path,
        "survey.csv",
        "firm_id,year,item,answer\nSAM-001,2019,exports_fairs,99\nSAM-002,2019,exports_fairs,Fikrim yok\n",
    )
    assert read_survey(path).answers["status"].tolist() == ["dont_know", "dont_know"]


def test_mapping_file_is_checked(tmp_path):
    path = _write(tmp_path, "survey.csv", "firm_id,year,item,answer\nSAM-001,2019,exports_fairs,4\n")
    mapping = _write(tmp_path, "map.yaml", "firms: X\n")
    with pytest.raises(DataValidationError, match=r"^map\.yaml: unknown key 'firms'; .* did you mean 'firm'\?"):
        read_survey(path, mapping=mapping)


def test_questionnaire_blocks_are_checked(tmp_path):
    q = load_questionnaire()
    assert q.items["block"].isin(q.blocks["block"]).all() and len(q.items) == 21
    bad = _write(
        tmp_path,
        "q.yaml",
        Path(q.source).read_text(encoding="utf-8").replace("block: rnd,", "block: research,", 1),
    )
    with pytest.raises(
        DataValidationError, match=r"^q\.yaml: items\.rnd_product\.block: 'research' is not a defined block"
    ):
        load_questionnaire(bad)


def test_the_bundled_sample_reads_without_notes():
    from clusterlib.config import SAMPLE_DIR
    from clusterlib.data import load_tables

    firms = load_tables(tables=["firms"])["firms"]
    table = read_survey(SAMPLE_DIR / "survey.csv", firms=firms)
    raw = pd.read_csv(SAMPLE_DIR / "survey.csv", keep_default_na=False)
    assert table.layout == "long" and table.notes == ()
    assert len(table.answers) == len(raw)  # no answer dropped
    counts = table.answers["status"].value_counts()
    assert counts["dont_know"] == (raw["answer"] == "dont_know").sum()
    assert counts["missing"] == (raw["answer"] == "").sum()
