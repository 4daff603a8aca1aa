"""Configuration files: safe YAML, pydantic models, every problem of a file at once, in the user's language."""

from __future__ import annotations

import pickle
import time

import pytest

from clusterlib import nace
from clusterlib.configfile import ConfigError, read_yaml
from clusterlib.data import messages_in
from clusterlib.selection.criteria import CriteriaError
from clusterlib.selection.criteria_file import load_criteria

# The "billion laughs" document: nine levels of nine aliases expand to 9**9 strings if aliases are
# followed (PyYAML does follow them), so a loader that accepts aliases eats the memory.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize("loader", ["criteria", "clusters", "text"])
def test_billion_laughs_is_refused_at_its_first_anchor_in_under_a_second(tmp_path, loader):
    path = tmp_path / f"{loader}.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ConfigError, match=r"line 1, column 4: anchors and aliases .* are not allowed"):
        if loader == "criteria":
            load_criteria(path)
        elif loader == "clusters":
            nace.clusters(path=path)
        else:
            read_yaml(path)
    assert time.perf_counter() - started < 1.0


def test_a_duplicate_key_is_refused_with_its_line():
    with pytest.raises(
        ConfigError, match=r"spec.yml: line 2, column 1: not valid YAML: duplicate key 'jobs'"
    ):
        read_yaml("jobs: 1\njobs: 2\n", file="spec.yml")


def test_an_echoed_value_is_shortened(tmp_path):
    path = tmp_path / "clusters.yaml"
    path.write_text("clusters:\n  - " + "x" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(nace.ClusterDefinitionError) as caught:
        nace.clusters(path=path)
    assert len(str(caught.value)) < 400 and "…" in str(caught.value)


CRITERIA_WITH_THREE_MISTAKES = """
groups:
  - id: economic_impact
    name_en: Economic impact
    name_tr: Ekonomik etki
    weight: 0.5
    indicators:
      - {id: lq, name_en: LQ, name_tr: LQ, description_en: a, description_tr: a, direction: benefit, weight: 1}
      - {id: lq, name_en: LQ2, name_tr: LQ2, description_en: a, description_tr: a, direction: benefit, weight: 1}
  - id: demand
    name_en: Demand
    name_tr: Talep
    weight: 0.5
    indicators:
      - {id: rca, source: lq, name_en: RCA, name_tr: RCA, description_en: a, description_tr: a,
         direction: benefit, weight: 1}
      - {id: growth, name_en: Growth, name_tr: Büyüme, description_en: a, description_tr: a, direction: benefit}
"""


def test_a_criteria_file_with_three_mistakes_gets_three_messages(tmp_path):
    path = tmp_path / "criteria.yaml"
    path.write_text(CRITERIA_WITH_THREE_MISTAKES, encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_criteria(path)
    error = caught.value
    assert [p.key for p in error.problems] == [
        "groups[0] (economic_impact).indicators[1] (lq).id",
        "groups[1] (demand).indicators[0] (rca).source",
        "groups[1] (demand).indicators[1] (growth)",
    ]
    text = str(error)
    assert text.startswith(f"{path}: 3 problems:")
    assert "duplicate indicator id 'lq'" in text
    assert "column 'lq' is already used by indicator 'lq'" in text
    assert "missing required key 'weight'" in text


CLUSTERS_WITH_THREE_MISTAKES = """
clusters:
  - id: Demo Cluster
    name_en: Demo
    name_tr: Deneme
    provinces: [Gaziantp]
    codes: [15.20]
    main_division: "15"
    pilot: false
    source: test
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["must be snake_case ASCII", "did you mean 'Gaziantep'", "YAML read this code as a number"]),
        ("tr", ["küçük harfli ASCII", "'Gaziantep'", "YAML bu kodu sayı olarak okudu"]),
    ],
)
def test_a_cluster_file_with_three_mistakes_gets_three_messages_in_the_users_language(
    tmp_path, lang, expected
):
    path = tmp_path / "clusters.yaml"
    path.write_text(CLUSTERS_WITH_THREE_MISTAKES, encoding="utf-8")
    with messages_in(lang), pytest.raises(nace.ClusterDefinitionError) as caught:
        nace.clusters(path=path)
    error = caught.value
    assert [p.key for p in error.problems] == [
        "clusters[0] (Demo Cluster).id",
        "clusters[0] (Demo Cluster).provinces[0]",
        "clusters[0] (Demo Cluster).codes[0]",
    ]
    assert str(error).startswith("clusters.yaml: 3 " + ("sorun" if lang == "tr" else "problems"))
    for fragment, problem in zip(expected, error.problems, strict=True):
        assert fragment in problem.detail


def test_a_config_error_keeps_its_class_key_and_problems_through_pickling(tmp_path):
    path = tmp_path / "clusters.yaml"
    path.write_text(CLUSTERS_WITH_THREE_MISTAKES, encoding="utf-8")
    with pytest.raises(nace.ClusterDefinitionError) as caught:
        nace.clusters(path=path)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is nace.ClusterDefinitionError
    assert str(copy) == str(caught.value)
    assert [p.key for p in copy.problems] == [p.key for p in caught.value.problems]


def test_a_file_read_again_is_parsed_once_yet_every_reader_gets_its_own_copy(tmp_path, monkeypatch):
    """The parse is cached by the file's text (the kernels of a run read the same criteria file), so
    a changed file is read anew, a caller that changes what it got changes nothing for the next, and
    a broken file fails on every read."""
    import yaml

    calls = []
    original = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or original(*a, **k))
    path = tmp_path / "criteria.yaml"
    path.write_text("groups: [{id: demand, weight: 0.25}]\n", encoding="utf-8")
    first = read_yaml(path)
    first["groups"][0]["weight"] = 99  # the caller's own copy
    assert read_yaml(path) == {"groups": [{"id": "demand", "weight": 0.25}]}
    assert len(calls) == 1  # parsed once for the two reads
    path.write_text("groups: [{id: demand, weight: 0.5}]\n", encoding="utf-8")
    assert read_yaml(path)["groups"][0]["weight"] == 0.5
    assert len(calls) == 2
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="line 2"):
            read_yaml(path)
