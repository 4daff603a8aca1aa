"""Tests of step discovery and of the notebooks' parameter contract (clusterlib.run.steps)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from clusterlib.report.titles import step_title
from clusterlib.run.parameters import check_contract, check_parameters, notebook_parameters
from clusterlib.run.steps import NotebookContractError, discover_steps, resolve_steps

FIXTURES = Path(__file__).parent.parent / "fixtures" / "notebooks"
PARAMS = 'province = "Çorum"\nlang = "tr"\ndata_dir = ""\nprocessed_dir: str = ""'


def write(path: Path, *cells) -> Path:
    nbformat.write(new_notebook(cells=list(cells)), path)
    return path


def test_fixture_steps_discovered_in_order():
    steps = discover_steps(FIXTURES)
    assert [(s.number, s.id) for s in steps] == [(1, "overview"), (2, "checks")]
    for step in steps:
        check_contract(step)  # the fixtures follow the contract
    assert steps[0].title("tr") == "Genel bakış" and steps[0].title("en") == "Overview"


def test_adding_a_notebook_adds_a_step(tmp_path):
    write(tmp_path / "02_sector_selection.ipynb", new_code_cell(PARAMS, metadata={"tags": ["parameters"]}))
    write(tmp_path / "10_benchmarking.ipynb", new_code_cell(PARAMS, metadata={"tags": ["parameters"]}))
    write(tmp_path / "scratch.ipynb")
    (tmp_path / "03_not_a_notebook.txt").write_text("")
    assert [s.id for s in discover_steps(tmp_path)] == ["sector_selection", "benchmarking"]


def test_discover_missing_directory(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"'notebooks_dir' .* is not a directory"):
        discover_steps(tmp_path / "nope")


def test_discover_duplicate_step(tmp_path):
    write(tmp_path / "01_monitoring.ipynb")
    write(tmp_path / "04_monitoring.ipynb")
    with pytest.raises(ValueError, match="step 'monitoring' is defined twice"):
        discover_steps(tmp_path)


def test_resolve_by_id_number_stem_and_comma_list():
    steps = discover_steps(FIXTURES)
    assert [s.id for s in resolve_steps(["2"], steps)] == ["checks"]
    assert [s.id for s in resolve_steps(["02_checks, overview"], steps)] == ["overview", "checks"]
    assert [s.id for s in resolve_steps("all", steps)] == ["overview", "checks"]
    assert resolve_steps(None, steps) == steps


def test_resolve_unknown_step_lists_choices():
    steps = discover_steps(FIXTURES)
    with pytest.raises(
        ValueError, match=r"'steps' must be among \['overview', 'checks'\] \(or 'all'\), got 'chek'"
    ):
        resolve_steps(["chek"], steps)


def test_resolve_without_notebooks():
    with pytest.raises(ValueError, match="no step notebooks"):
        resolve_steps(None, [])


def test_resolve_empty_selection():
    with pytest.raises(ValueError, match="'steps' is empty"):
        resolve_steps([" , "], discover_steps(FIXTURES))


def test_contract_first_code_cell_must_be_tagged(tmp_path):
    write(tmp_path / "01_a.ipynb", new_markdown_cell("x"), new_code_cell(PARAMS))
    with pytest.raises(
        NotebookContractError, match=r"01_a\.ipynb: the first code cell must be tagged 'parameters'"
    ):
        check_contract(discover_steps(tmp_path)[0])


def test_contract_names_missing_parameters(tmp_path):
    write(
        tmp_path / "01_a.ipynb",
        new_code_cell('province = "Çorum"\nlang == "tr"', metadata={"tags": ["parameters"]}),
    )
    with pytest.raises(NotebookContractError, match=r"missing \['lang', 'data_dir', 'processed_dir'\]"):
        check_contract(discover_steps(tmp_path)[0])


def test_contract_needs_a_code_cell(tmp_path):
    write(tmp_path / "01_a.ipynb", new_markdown_cell("x"))
    with pytest.raises(NotebookContractError, match="has no code cell"):
        check_contract(discover_steps(tmp_path)[0])


def test_contract_unreadable_notebook(tmp_path):
    (tmp_path / "01_a.ipynb").write_text("{not json")
    with pytest.raises(NotebookContractError, match="cannot be read as a notebook"):
        check_contract(discover_steps(tmp_path)[0])


def test_step_titles():
    assert step_title("value_chain_mapping", "tr") == "Değer zinciri haritalaması"
    assert step_title("new_step", "en", metadata={"clusterlib": {"title": {"en": "New"}}}) == "New"
    assert step_title("new_step", "tr") == "New step"


# --------------------------------------------------------------- the parameters cell as a contract
TYPED = (
    'province = "Çorum"  # any spelling\n'
    'lang = "tr"\n'
    "data_dir = None\n"
    "processed_dir = None\n"
    "year: int | None = None  # None: the latest year\n"
    "share: float = 0.5\n"
    "top_k = 5  # size of the shortlist\n"
    "labels: list[str] | None = None\n"
    "criteria_file: Optional[str] = None\n"
    "strict = False\n"
)


def _typed(tmp_path: Path):
    write(tmp_path / "02_typed.ipynb", new_code_cell(TYPED, metadata={"tags": ["parameters"]}))
    return discover_steps(tmp_path)[0]


def test_parameters_are_read_with_types_defaults_and_help(tmp_path):
    params = notebook_parameters(_typed(tmp_path))
    assert list(params) == [
        "province", "lang", "data_dir", "processed_dir", "year", "share", "top_k", "labels",
        "criteria_file", "strict",
    ]  # fmt: skip
    assert params["year"].types == ("int", "None") and params["year"].help == "None: the latest year"
    assert params["top_k"].describe() == "top_k: int = 5  (size of the shortlist)"
    assert params["data_dir"].types == ("any",)  # None and no annotation: anything goes
    assert params["labels"].types == ("list", "None")
    assert params["criteria_file"].types == ("str", "None")


def test_real_notebooks_parameters_read_as_papermill_injects_them():
    """Every step notebook's parameters cell parses, and papermill's own inspection finds the same
    names (papermill.inspect_notebook is what injects the values)."""
    import papermill

    from clusterlib.config import NOTEBOOKS_DIR

    for step in discover_steps(NOTEBOOKS_DIR):
        ours = notebook_parameters(step)
        assert set(papermill.inspect_notebook(str(step.path))) <= set(ours), step.id


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"year": 2022, "share": 1, "top_k": 3}, {"year": 2022, "share": 1.0, "top_k": 3}),
        ({"year": None, "labels": ["a"], "criteria_file": "c.yaml"}, None),
        ({"data_dir": {"anything": 1}, "strict": True}, None),
    ],
)
def test_check_parameters_accepts_declared_types(tmp_path, values, expected):
    checked = check_parameters(_typed(tmp_path), values)
    assert checked == (expected or values)
    assert all(type(checked[k]) is type((expected or values)[k]) for k in checked)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"top_kk": 3},
            r"02_typed\.ipynb has no parameter 'top_kk' \(did you mean 'top_k'\?\)\. Parameters of",
        ),
        ({"year": "2022"}, r"parameter 'year' must be int \| None, got '2022' \(str\)"),
        ({"top_k": 2.5}, r"parameter 'top_k' must be int, got 2\.5 \(float\)"),
        ({"top_k": True}, r"parameter 'top_k' must be int, got True \(bool\)"),
        ({"strict": 1}, r"parameter 'strict' must be bool, got 1 \(int\)"),
    ],
)
def test_check_parameters_refuses_unknown_names_and_wrong_types(tmp_path, values, message):
    with pytest.raises(NotebookContractError, match=message) as caught:
        check_parameters(_typed(tmp_path), values)
    assert "top_k: int = 5  (size of the shortlist)" in str(caught.value)  # the listing


def test_parameters_cell_needs_literal_defaults(tmp_path):
    write(
        tmp_path / "01_a.ipynb",
        new_code_cell(PARAMS + "\nfrom pathlib import Path\n", metadata={"tags": ["parameters"]}),
    )
    with pytest.raises(NotebookContractError, match=r"may only assign literals to names \(line 5"):
        notebook_parameters(discover_steps(tmp_path)[0])
    write(
        tmp_path / "01_a.ipynb",
        new_code_cell(PARAMS + "\nyear = 2020 + 1", metadata={"tags": ["parameters"]}),
    )
    with pytest.raises(NotebookContractError, match=r"'year' must have a literal default.*'2020 \+ 1'"):
        notebook_parameters(discover_steps(tmp_path)[0])
