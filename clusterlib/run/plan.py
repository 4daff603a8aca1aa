"""The plan of a run, checked before any kernel starts: which provinces, how many processes, and the
notebook parameters of each (province, step)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from clusterlib import regions
from clusterlib.regions import PILOT_PROVINCES, Province, province
from clusterlib.run.parameters import check_parameters, notebook_parameters
from clusterlib.run.steps import REQUIRED_PARAMETERS, NotebookContractError, Step, resolve_steps

__all__ = [
    "GB_PER_REPORT",
    "check_dir",
    "check_jobs",
    "default_jobs",
    "memory_jobs",
    "parameter_plan",
    "resolve_provinces",
]

#: Memory one report needs at its peak (a worker and its kernel), in GB; caps ``jobs``.
GB_PER_REPORT = 0.5


def default_jobs() -> int:
    """Number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def memory_jobs(available_bytes: int | None = None) -> int:
    """Reports that fit in the available memory at :data:`GB_PER_REPORT` each (at least 1).

    Examples
    --------
    >>> memory_jobs(3 * 2**30), memory_jobs(100)
    (6, 1)
    """
    if available_bytes is None:
        import psutil

        available_bytes = psutil.virtual_memory().available
    return max(1, int(available_bytes // int(GB_PER_REPORT * 2**30)))


def resolve_provinces(keys: Iterable[str | int | Province] | str | int | Province) -> list[Province]:
    """Provinces from names or codes in any spelling, ``"pilots"`` (the five pilots) or ``"all"``.

    Comma-separated strings are split; duplicates are dropped; the order is kept.

    Raises
    ------
    clusterlib.UnknownProvinceError
        For a key that is not a province; the message suggests the closest names.
    ValueError
        When no province is given.

    Examples
    --------
    >>> [p.name for p in resolve_provinces(["corum", "TR-61, 27", "Çorum"])]
    ['Çorum', 'Trabzon', 'Gaziantep']
    >>> len(resolve_provinces("pilots")), len(resolve_provinces("all"))
    (5, 81)
    """
    if isinstance(keys, (str, int, Province)):
        keys = [keys]
    found: dict[int, Province] = {}
    for raw in keys:
        parts = [p.strip() for p in raw.split(",")] if isinstance(raw, str) else [raw]
        for key in parts:
            if isinstance(key, str) and key.lower() in ("pilots", "pilot"):
                chosen = [province(name) for name in PILOT_PROVINCES]
            elif isinstance(key, str) and key.lower() == "all":
                chosen = [province(int(p)) for p in regions.provinces()["plate"]]
            elif key == "":
                continue
            else:
                chosen = [province(key)]
            for item in chosen:
                found.setdefault(item.plate, item)
    if not found:
        raise ValueError("'provinces' is empty; give province names or codes, 'pilots' or 'all'")
    return list(found.values())


def check_jobs(jobs: object, *, scheduler: str | None, say: Callable[[str], None]) -> int:
    """The number of processes: ``jobs`` checked, default the cores, capped by memory (said).

    Raises
    ------
    ValueError
        When ``jobs`` is not a positive integer.
    """
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"'jobs' must be a positive integer, got {jobs!r}")
    if scheduler is not None:
        return jobs or 0  # the cluster decides
    wanted = jobs if jobs is not None else default_jobs()
    cap = memory_jobs()
    if wanted > cap:
        if jobs is not None:
            say(
                f"--jobs {jobs} lowered to {cap}: the available memory holds {cap} reports "
                f"at about {GB_PER_REPORT:g} GB each"
            )
        return cap
    return wanted


def check_dir(path: str | os.PathLike[str], name: str) -> Path:
    """``path`` resolved, when it is an existing directory (``name`` is the argument, for the message)."""
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_dir():
        raise FileNotFoundError(f"'{name}' {str(path)!r} is not an existing directory")
    return resolved


def parameter_plan(
    selected: Sequence[Step],
    chosen: Sequence[Province],
    *,
    params: Mapping[str, Any],
    step_params: Mapping[str, Mapping[str, Any]],
    province_params: Mapping[str | int, Mapping[str, Any]],
) -> Callable[[Province, Step], dict[str, Any]]:
    """Check every override against the notebooks' ``parameters`` cells (before any kernel
    starts) and return ``overrides(province, step)``: the values for one task, most specific last
    (run-wide, then step, then province)."""
    declared = {s.id: notebook_parameters(s) for s in selected}

    def listing() -> str:
        return " | ".join(
            f"{s.path.name}: " + "; ".join(p.describe() for p in declared[s.id].values()) for s in selected
        )

    def reserved(values: Mapping[str, Any], where: str) -> None:
        taken = [n for n in values if n in REQUIRED_PARAMETERS]
        if taken:
            raise NotebookContractError(
                f"{where}: {taken} are set by the run itself (use --province, --lang, --data, --processed)"
            )

    def spread(values: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
        reserved(values, where)
        per_step: dict[str, dict[str, Any]] = {s.id: {} for s in selected}
        for name, value in values.items():
            users = [s for s in selected if name in declared[s.id]]
            if not users:
                raise NotebookContractError(
                    f"{where}: no selected step has a parameter {name!r}. Parameters: {listing()}"
                )
            for step in users:
                per_step[step.id].update(check_parameters(step, {name: value}, where=where))
        return per_step

    run_wide = spread(params, "parameters")
    by_step: dict[str, dict[str, Any]] = {}
    for key, values in step_params.items():
        try:
            (step,) = resolve_steps([key], list(selected))
        except ValueError as err:
            raise NotebookContractError(f"step_parameters: {err}") from None
        reserved(values, f"step_parameters[{key}]")
        by_step[step.id] = check_parameters(step, values, where=f"step_parameters[{key}]")
    by_province: dict[int, dict[str, dict[str, Any]]] = {}
    for key, values in province_params.items():
        item = province(key)
        by_province[item.plate] = spread(values, f"province_parameters[{item.name}]")

    def overrides(item: Province, step: Step) -> dict[str, Any]:
        merged = dict(run_wide[step.id])
        merged.update(by_step.get(step.id, {}))
        merged.update(by_province.get(item.plate, {}).get(step.id, {}))
        return merged

    return overrides
