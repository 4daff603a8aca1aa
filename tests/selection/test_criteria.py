"""The criteria file: loading, weights, AHP blocks, and every structural and cross-field error."""

from __future__ import annotations

import warnings

import pytest
import yaml

from clusterlib.selection import (
    DEFAULT_CRITERIA_PATH,
    AHPResult,
    CriteriaError,
    load_criteria,
    parse_criteria,
)
from tests.selection._selection_helpers import DEFAULT_IDS, _indicator, _spec, _write


# --------------------------------------------------------------------------------------------------
# Criteria file
# --------------------------------------------------------------------------------------------------
def test_default_criteria_file_loads_and_weights_sum_to_one(default):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the bundled file must load without any warning
        criteria = load_criteria(DEFAULT_CRITERIA_PATH)
    assert criteria.ids == DEFAULT_IDS == default.ids
    assert criteria.weights.sum() == pytest.approx(1.0)
    assert criteria.group_weights.to_dict() == pytest.approx(
        {"economic_impact": 0.25, "demand": 0.25, "networking": 0.25, "factor_conditions": 0.25}
    )
    assert criteria.indicators.groupby("group")["within_weight"].sum().tolist() == pytest.approx([1.0] * 4)
    assert [i for i, b in zip(criteria.ids, criteria.benefit, strict=True) if not b] == [
        "avg_firm_size",
        "wage_cost",
    ]
    assert (criteria.indicators["source"] == criteria.indicators.index).all()
    for column in ["name_en", "name_tr", "description_en", "description_tr"]:
        assert criteria.indicators[column].str.len().min() > 0


def test_criteria_global_weight_is_group_times_within(tmp_path):
    spec = _spec()
    spec["groups"][0]["weight"] = 0.75
    spec["groups"][1]["weight"] = 0.25
    spec["groups"][0]["indicators"][0]["weight"] = 0.8
    spec["groups"][0]["indicators"][1]["weight"] = 0.2
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.weights.to_dict() == pytest.approx(
        {"lq": 0.6, "employment": 0.15, "rca": 0.125, "wage_cost": 0.125}
    )
    assert criteria.name("lq", "en") == "lq en"
    assert criteria.name("demand", "tr") == "Talep"


def test_criteria_fraction_weights(tmp_path):
    path = tmp_path / "c.yaml"
    text = yaml.safe_dump(_spec(), sort_keys=False).replace("weight: 0.5", "weight: 1/2")
    path.write_text(text, encoding="utf-8")
    assert load_criteria(path).weights.sum() == pytest.approx(1.0)


def test_criteria_weights_not_summing_to_one_warn_and_normalise(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["weight"] = 2
    spec["groups"][0]["indicators"][1]["weight"] = 1
    with pytest.warns(
        UserWarning,
        match=r"criteria.yaml: groups\[0\] \(economic_impact\) indicator weights: weights sum to 3",
    ):
        criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.indicators.loc["lq", "within_weight"] == pytest.approx(2 / 3)


def test_criteria_group_pairwise_from_yaml_comment_example(tmp_path):
    """The AHP example in the comments of criteria_default.yaml is consistent and gives 1/3, 1/6, 1/3, 1/6."""
    spec = {"groups": []}
    for gid in ["economic_impact", "demand", "networking", "factor_conditions"]:
        spec["groups"].append(
            {"id": gid, "name_en": gid, "name_tr": gid, "indicators": [_indicator(f"{gid}_x", weight=1)]}
        )
    spec["group_pairwise"] = {
        "order": ["economic_impact", "demand", "networking", "factor_conditions"],
        "matrix": [[1, 2, 1, 2], ["1/2", 1, "1/2", 1], [1, 2, 1, 2], ["1/2", 1, "1/2", 1]],
    }
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.group_weights.tolist() == pytest.approx([1 / 3, 1 / 6, 1 / 3, 1 / 6])
    assert isinstance(criteria.ahp["groups"], AHPResult)


def test_criteria_pairwise_within_group(tmp_path):
    spec = _spec()
    group = spec["groups"][1]
    for ind in group["indicators"]:
        del ind["weight"]
    group["pairwise"] = {"order": ["wage_cost", "rca"], "matrix": [[1, "1/3"], [3, 1]]}
    criteria = load_criteria(_write(tmp_path, spec))
    assert criteria.indicators.loc["rca", "within_weight"] == pytest.approx(0.75)
    assert criteria.ahp["demand"].is_consistent


def test_criteria_inconsistent_pairwise_is_an_error(tmp_path):
    spec = _spec()
    spec["groups"].append(
        {
            "id": "networking",
            "name_en": "N",
            "name_tr": "A",
            "weight": 0.5,
            "indicators": [_indicator("x", weight=1)],
        }
    )
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {
        "order": ["economic_impact", "demand", "networking"],
        "matrix": [[1, 5, "1/5"], ["1/5", 1, 5], [5, "1/5", 1]],
    }
    path = _write(tmp_path, spec)
    with pytest.raises(
        CriteriaError,
        match=r"criteria.yaml: group_pairwise: the pairwise judgements are inconsistent .*CR = ",
    ):
        load_criteria(path)
    with pytest.warns(UserWarning, match=r"used anyway because allow_inconsistent=True"):
        criteria = load_criteria(path, allow_inconsistent=True)
    assert not criteria.ahp["groups"].is_consistent


def test_criteria_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"criteria file .*missing.yaml' does not exist"):
        load_criteria(tmp_path / "missing.yaml")


def test_criteria_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("groups:\n  - id: demand\n    name_en: [unclosed\n", encoding="utf-8")
    with pytest.raises(CriteriaError, match=r"broken.yaml: line \d+, column \d+: not valid YAML"):
        load_criteria(path)


def test_criteria_duplicate_key(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("groups: []\ngroups: []\n", encoding="utf-8")
    with pytest.raises(
        CriteriaError, match=r"dup.yaml: line 2, column 1: not valid YAML: duplicate key 'groups'"
    ):
        load_criteria(path)


def test_criteria_top_level_not_a_mapping(tmp_path):
    with pytest.raises(
        CriteriaError, match=r"criteria.yaml: expected a mapping with keys \['groups'\], got list"
    ):
        load_criteria(_write(tmp_path, [1, 2]))


def test_criteria_missing_groups(tmp_path):
    with pytest.raises(CriteriaError, match=r"criteria.yaml: missing required key 'groups'"):
        load_criteria(_write(tmp_path, {"version": 1}))


def test_criteria_empty_groups(tmp_path):
    with pytest.raises(CriteriaError, match=r"criteria.yaml: groups: expected a non-empty list of groups"):
        load_criteria(_write(tmp_path, {"groups": []}))


def test_criteria_unknown_key_suggests_fix(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["wieght"] = spec["groups"][0]["indicators"][0].pop("weight")
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.indicators\[0\] \(lq\): unknown key 'wieght'.*"
        r"did you mean 'weight'\?",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_missing_required_indicator_key(tmp_path):
    spec = _spec()
    del spec["groups"][1]["indicators"][0]["description_tr"]
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\)\.indicators\[0\] \(rca\): missing required key 'description_tr'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_structure_is_checked_by_pydantic_and_lists_every_problem(tmp_path):
    """The structure is a pydantic model (CriteriaSpec); a file with three mistakes gets one error that
    names each with its path, e.g. ``groups[1] (demand).indicators[0] (rca).direction``."""
    from pydantic import BaseModel

    from clusterlib.selection.criteria_schema import CriteriaSpec

    assert issubclass(CriteriaSpec, BaseModel)
    assert set(CriteriaSpec.model_json_schema()["properties"]) >= {"groups", "group_pairwise"}
    spec = _spec()
    spec["groups"][1]["indicators"][0]["direction"] = "lower"
    spec["groups"][0]["weight"] = "high"
    spec["groups"][1]["name_tr"] = ""
    with pytest.raises(CriteriaError) as caught:
        load_criteria(_write(tmp_path, spec))
    message = str(caught.value)
    assert "criteria.yaml: 3 problems:" in message
    assert (
        "groups[0] (economic_impact).weight: expected a non-negative number or a fraction such as '1/3', "
        "got str 'high'" in message
    )
    assert (
        "groups[1] (demand).indicators[0] (rca).direction: must be one of ['benefit', 'cost'], got 'lower'"
        in message
    )
    assert "groups[1] (demand).name_tr: expected a non-empty text, got str ''" in message


def test_criteria_invalid_direction(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][1]["direction"] = "lower"
    with pytest.raises(
        CriteriaError,
        match=r"indicators\[1\] \(wage_cost\)\.direction: must be one of \['benefit', 'cost'\], got 'lower'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_negative_weight(tmp_path):
    spec = _spec()
    spec["groups"][0]["weight"] = -0.5
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.weight: expected a non-negative number, got -0.5",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weight_not_a_number(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][1]["weight"] = "high"
    with pytest.raises(
        CriteriaError,
        match=r"\(employment\)\.weight: expected a non-negative number or a fraction .* got str 'high'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weights_all_zero(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        g["weight"] = 0
    with pytest.raises(CriteriaError, match=r"criteria.yaml: group weights: weights .* sum to 0"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_duplicate_group_id(tmp_path):
    spec = _spec()
    spec["groups"][1]["id"] = "economic_impact"
    with pytest.raises(
        CriteriaError, match=r"groups\[1\] \(economic_impact\)\.id: duplicate group id 'economic_impact'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_duplicate_indicator_id(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][0]["id"] = "lq"
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\)\.indicators\[0\] \(lq\)\.id: duplicate indicator id 'lq'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_empty_indicator_list(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"] = []
    with pytest.raises(
        CriteriaError, match=r"groups\[1\] \(demand\)\.indicators: expected a non-empty list of indicators"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_empty_name(tmp_path):
    spec = _spec()
    spec["groups"][0]["name_tr"] = "  "
    with pytest.raises(
        CriteriaError, match=r"groups\[0\] \(economic_impact\)\.name_tr: expected a non-empty text"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_invalid_format(tmp_path):
    spec = _spec()
    spec["groups"][0]["indicators"][0]["format"] = "{:.1q}"
    with pytest.raises(CriteriaError, match=r"\(lq\)\.format: '\{:.1q\}' is not a number format"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_source_column_used_twice(tmp_path):
    spec = _spec()
    spec["groups"][1]["indicators"][0]["source"] = "lq"
    with pytest.raises(
        CriteriaError, match=r"\(rca\)\.source: column 'lq' is already used by indicator 'lq'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_group_weight_missing(tmp_path):
    spec = _spec()
    del spec["groups"][1]["weight"]
    with pytest.raises(
        CriteriaError,
        match=r"groups\[1\] \(demand\): missing required key 'weight' \(or give 'group_pairwise'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_indicator_weight_missing(tmp_path):
    spec = _spec()
    del spec["groups"][1]["indicators"][0]["weight"]
    with pytest.raises(
        CriteriaError, match=r"\(rca\): missing required key 'weight' \(or give 'pairwise' in the group\)"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_weight_and_group_pairwise_together(tmp_path):
    spec = _spec()
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"], "matrix": [[1, 1], [1, 1]]}
    with pytest.raises(
        CriteriaError,
        match=r"groups\[0\] \(economic_impact\)\.weight: group weights come from 'group_pairwise'",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_indicator_weight_and_group_pairwise_together(tmp_path):
    spec = _spec()
    spec["groups"][1]["pairwise"] = {"order": ["rca", "wage_cost"], "matrix": [[1, 1], [1, 1]]}
    with pytest.raises(
        CriteriaError, match=r"\(rca\)\.weight: weights in group 'demand' come from its 'pairwise'"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_order_mismatch(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demnd"], "matrix": [[1, 2], ["1/2", 1]]}
    with pytest.raises(
        CriteriaError,
        match=r"group_pairwise.order: must list each of .* missing \['demand'\], unexpected \['demnd'\]",
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_order_not_a_list(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": "economic_impact, demand", "matrix": [[1, 2], ["1/2", 1]]}
    with pytest.raises(CriteriaError, match=r"group_pairwise.order: expected a list of ids"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_matrix_not_reciprocal(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"], "matrix": [[1, 2], [2, 1]]}
    with pytest.raises(
        CriteriaError, match=r"criteria.yaml: group_pairwise.matrix: matrix is not reciprocal"
    ):
        load_criteria(_write(tmp_path, spec))


def test_criteria_pairwise_missing_matrix(tmp_path):
    spec = _spec()
    for g in spec["groups"]:
        del g["weight"]
    spec["group_pairwise"] = {"order": ["economic_impact", "demand"]}
    with pytest.raises(CriteriaError, match=r"group_pairwise: missing required key 'matrix'"):
        load_criteria(_write(tmp_path, spec))


def test_criteria_unknown_language(small):
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'de'"):
        small.name("lq", "de")


def test_parse_criteria_names_its_source():
    with pytest.raises(CriteriaError, match=r"^workshop: missing required key 'groups'"):
        parse_criteria({}, source="workshop")
