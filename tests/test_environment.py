"""pyproject.toml and environment.yml declare the same dependencies (the users install either way)."""

from __future__ import annotations

import re
import tomllib

import yaml

from clusterlib.config import PROJECT_ROOT

_CONDA_ONLY = {"python", "pip"}


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*(#.*)?$", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return dict(_split(r) for r in requirements)


def _environment() -> dict[str, str]:
    spec = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for entry in spec["dependencies"]:
        if isinstance(entry, dict):
            found.update(_split(r) for r in entry.get("pip", []) if not r.startswith("-e"))
        else:
            name, version = _split(entry)
            if name not in _CONDA_ONLY:
                found[name] = version
    return found


def test_pyproject_and_environment_list_the_same_packages_and_versions():
    pyproject, environment = _pyproject(), _environment()
    assert sorted(set(pyproject) - set(environment)) == [], "in pyproject.toml only"
    assert sorted(set(environment) - set(pyproject)) == [], "in environment.yml only"
    differing = {
        name: (pyproject[name], environment[name]) for name in pyproject if pyproject[name] != environment[name]
    }
    assert differing == {}


def test_environment_pins_python_311_and_conda_forge():
    spec = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert spec["channels"] == ["conda-forge"]
    assert "python>=3.11" in spec["dependencies"]
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"


def test_the_package_names_users_asked_for_are_declared():
    declared = set(_pyproject())
    assert {"jupyterlab", "pandas", "geopandas", "plotly", "ipywidgets", "papermill", "nbval"} <= declared
