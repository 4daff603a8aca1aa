"""Run specs: a scheduled run written down in YAML, checked before any kernel starts.

A run spec names the provinces, steps, languages and folders of a run and any notebook parameter
per run, per step and per province (like cal-itp's ``portfolio/sites/*.yml``)::

    # runs/pilots.yml
    provinces: pilots            # names or codes, 'pilots' or 'all'
    steps: all                   # or a list of step ids / numbers
    languages: [tr]
    data: null                   # null: the bundled synthetic sample; relative paths are
    out: reports                 #   relative to this file's folder, and must stay inside it
    jobs: null                   # null: the cores (capped by memory)
    scheduler: null              # tcp://host:8786 sends the tasks to a Dask cluster
    parameters:                  # every step whose notebook has the parameter
      n_simulations: 2000
    step_parameters:
      sector_selection: {top_k: 5, min_employment: 100}
    province_parameters:
      Trabzon: {min_employment: 50}

The spec's shape is checked with pydantic (unknown keys and wrong types are errors naming the
key; anchors and aliases are refused, :func:`clusterlib.configfile.read_yaml`); the parameter
names, value types and bounds are checked against each notebook's ``parameters``
cell by :func:`clusterlib.report.run` before any notebook starts.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, ValidationError, field_validator

from clusterlib.config import LANGUAGES
from clusterlib.configfile import ConfigError, read_yaml, shorten

__all__ = ["RunSpec", "RunSpecError", "load_spec", "parse_param"]

Language = Literal["tr", "en"]


class RunSpecError(ValueError):
    """A run spec that cannot be read or does not fit the schema."""


def _as_list(value: Any) -> Any:
    if isinstance(value, (str, int)):
        return [value]
    return value


class RunSpec(BaseModel):
    """A run, as written in a YAML run spec (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provinces: list[str | int] = Field(default_factory=lambda: ["pilots"], min_length=1)
    steps: list[str | int] | None = None
    languages: list[Language] = Field(default_factory=lambda: ["tr"], min_length=1)
    data: Path | None = None
    out: Path | None = None
    processed: Path | None = None
    notebooks: Path | None = None
    jobs: PositiveInt | None = None
    scheduler: str | None = None
    timeout: float | None = Field(default=1800, gt=0)
    parameters: dict[str, Any] = Field(default_factory=dict)
    step_parameters: dict[str | int, dict[str, Any]] = Field(default_factory=dict)
    province_parameters: dict[str | int, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("provinces", "languages", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("steps", mode="before")
    @classmethod
    def _steps(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip().lower() == "all"):
            return None
        return _as_list(value)

    def resolved(self, base: Path) -> RunSpec:
        """The spec with its relative folders made absolute against ``base``.

        Raises
        ------
        RunSpecError
            For a relative folder that climbs out of ``base`` (``out: ../site``): a spec received
            from someone else must not write beside its own folder.  Give an absolute path (or the
            command line's ``--out``) to write elsewhere on purpose.
        """
        base = base.resolve()
        changes: dict[str, Path] = {}
        problems = []
        for name in ("data", "out", "processed", "notebooks"):
            value = getattr(self, name)
            if value is None or Path(value).is_absolute():
                continue
            target = (base / value).resolve()
            if target != base and base not in target.parents:
                problems.append(
                    f"{name}: {str(value)!r} climbs out of the spec's folder {base}; relative folders must "
                    "stay inside it (give an absolute path, or --out on the command line)"
                )
            changes[name] = target
        if problems:
            raise RunSpecError("; ".join(problems))
        return self.model_copy(update=changes)

    def run_arguments(self) -> dict[str, Any]:
        """Keyword arguments of :func:`clusterlib.report.run` (folders left out when unset)."""
        arguments: dict[str, Any] = {
            "provinces": [str(p) for p in self.provinces],
            "steps": [str(s) for s in self.steps] if self.steps is not None else None,
            "lang": list(self.languages),
            "jobs": self.jobs,
            "scheduler": self.scheduler,
            "timeout": self.timeout,
            "params": dict(self.parameters),
            "step_params": {str(k): dict(v) for k, v in self.step_parameters.items()},
            "province_params": {str(k): dict(v) for k, v in self.province_parameters.items()},
        }
        for name, key in (("data", "data_dir"), ("out", "out_dir"), ("processed", "processed_dir")):
            if getattr(self, name) is not None:
                arguments[key] = getattr(self, name)
        if self.notebooks is not None:
            arguments["notebooks_dir"] = self.notebooks
        return arguments


def _where(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def load_spec(path: str | os.PathLike[str]) -> RunSpec:
    """Read and check a YAML run spec; relative folders are taken from the spec's own folder.

    Raises
    ------
    RunSpecError
        Naming the file and, for every problem at once, the key and what was expected.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "run.yml").write_text("provinces: [Çorum, 55]\\nout: reports\\njobs: 2\\n")
    >>> spec = load_spec(folder / "run.yml")
    >>> spec.provinces, spec.out == folder / "reports", spec.languages
    (['Çorum', 55], True, ['tr'])
    >>> _ = (folder / "bad.yml").write_text("provinces: pilots\\njobs: 0\\nlanguage: tr\\n")
    >>> load_spec(folder / "bad.yml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    clusterlib.run.spec.RunSpecError: bad.yml: 2 problems: jobs: Input should be greater than 0 (got 0); ...
    """
    file = Path(path)
    try:
        raw = read_yaml(file, file=file.name)
    except OSError as err:
        raise RunSpecError(f"run spec {str(file)!r} cannot be read: {err.strerror or err}") from None
    except ConfigError as err:
        raise RunSpecError(str(err)) from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise RunSpecError(f"{file.name}: a run spec is a mapping of keys (provinces, steps, …)")
    try:
        spec = RunSpec.model_validate(raw)
    except ValidationError as err:
        problems = []
        for item in err.errors():
            if item["type"] == "extra_forbidden":
                allowed = ", ".join(RunSpec.model_fields)
                problems.append(f"{_where(item['loc'])}: unknown key (allowed: {allowed})")
            else:
                problems.append(f"{_where(item['loc'])}: {item['msg']} (got {shorten(item['input'])})")
        count = f"{len(problems)} problems: " if len(problems) > 1 else ""
        raise RunSpecError(f"{file.name}: {count}" + "; ".join(problems)) from None
    try:
        return spec.resolved(file.resolve().parent)
    except RunSpecError as err:
        raise RunSpecError(f"{file.name}: {err}") from None


def parse_param(text: str) -> tuple[str | None, str, Any]:
    """``name=value`` or ``step.name=value`` from the command line: ``(step, name, value)``.

    The value is read as YAML, so ``5`` is an int, ``0.5`` a float, ``true`` a bool, ``null`` is
    None and ``[a, b]`` a list; anything else is a string.

    Raises
    ------
    ValueError
        Without ``=`` or with an empty name.

    Examples
    --------
    >>> parse_param("top_k=3"), parse_param("sector_selection.year=null")
    ((None, 'top_k', 3), ('sector_selection', 'year', None))
    >>> parse_param("criteria_file=my criteria.yaml")
    (None, 'criteria_file', 'my criteria.yaml')
    """
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise ValueError(f"expected NAME=VALUE or STEP.NAME=VALUE, got {text!r}")
    step, _, name = name.rpartition(".")
    try:
        parsed = read_yaml(value) if value.strip() else ""
    except ConfigError:
        parsed = value
    if isinstance(parsed, (dict, list, str, int, float, bool)) or parsed is None:
        return (step or None), name, parsed
    return (step or None), name, value  # dates and other YAML types stay text


assert set(LANGUAGES) == {"tr", "en"}, "update RunSpec.languages with config.LANGUAGES"
