"""Bad inputs, one per kind of error, each checked for file, row, column and the expectation in the message."""

from __future__ import annotations

import pytest

from clusterlib.data import (
    DataValidationError,
    read_employment,
    read_firms,
    read_relations,
    read_survey,
)
from tests.data.bad_inputs import _FIRMS, _RELATIONS, _SURVEY, BAD_INPUTS, _write

# ------------------------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_raises_located_error(tmp_path, case):
    reader, name, content, match = BAD_INPUTS[case]
    path = _write(tmp_path, name, content)
    with pytest.raises(DataValidationError, match=match) as info:
        reader(path)
    assert info.value.file == name


def test_error_attributes_locate_the_cell(tmp_path):
    path = _write(
        tmp_path, "employment.csv", "il;faaliyet;yıl;istihdam\nÇorum;28;2023;5\nKahramanmras;25;2023;5\n"
    )
    with pytest.raises(DataValidationError) as info:
        read_employment(path)
    error = info.value
    assert (error.file, error.row, error.column, error.got) == ("employment.csv", 3, "il", "Kahramanmras")
    assert isinstance(error, ValueError)


def test_survey_firm_not_in_register(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    survey = _write(
        tmp_path,
        "survey.csv",
        _SURVEY
        + "gaziantep_footwear,GAZ-001,2019,exports_fairs,\ngaziantep_footwear,GAZ-999,2019,exports_fairs,1\n",
    )
    with pytest.raises(
        DataValidationError,
        match=r"^survey\.csv, row 3, column 'firm_id': firm 'GAZ-999' is not in the firm register "
        r"\(firms table\)$",
    ):
        read_survey(survey, firms=firms)
    answers = read_survey(survey)  # without the register only the schema is checked
    assert answers["answer"].isna().tolist() == [True, False]


def test_relation_cluster_must_match_register(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    relations = _write(
        tmp_path, "relations.csv", _RELATIONS + "samsun_medical,GAZ-001,GAZ-002,,supplier,4,yes,\n"
    )
    with pytest.raises(
        DataValidationError,
        match=r"row 2, column 'cluster': 'samsun_medical', but firm 'GAZ-001' belongs to "
        r"'gaziantep_footwear'",
    ):
        read_relations(relations, firms=firms)


def test_relations_read_booleans_and_external_partners(tmp_path):
    firms = read_firms(_write(tmp_path, "firms.csv", _FIRMS))
    path = _write(
        tmp_path,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,supplier,4,evet,\n"
        "gaziantep_footwear,GAZ-001,EXT-GAZ-001,Deri AŞ,supplier,3,Hayır,izmir\n",
    )
    table = read_relations(path, firms=firms)
    assert table["local"].tolist() == [False, True]  # sorted by (source, target): EXT- before GAZ-
    assert table["target_province"].tolist()[0] == "İzmir"
