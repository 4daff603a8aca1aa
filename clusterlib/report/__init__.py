"""Reports: the presentation toolkit the step notebooks build their pages with.

Notebook cells call :func:`show`, :func:`finding`, :func:`heading`, :func:`paragraph`, :func:`table`,
:func:`notice` and :func:`provenance` (``show`` and ``table`` also take a :class:`Notice`, what a
step returns instead of a chart or table it cannot draw; every display helper takes an
:class:`Omitted`, a part of a section that does not apply, and shows nothing).  Modules:
``display``, ``tables`` (one :class:`Table` for HTML and XLSX), ``export`` (the HTML page),
``workbook`` (XLSX), ``marks``, ``glossary``, ``titles``, ``assets``, ``reproducibility``.

This package sits below the four steps and imports none of them, nor the package root.  Running
notebooks into reports is :mod:`clusterlib.run` (the room above the steps).  The names of the runner
that lived here before the split (``run``, ``load_spec``, ``discover_steps``, ``RunResult`` …) are
still reachable as ``clusterlib.report.<name>``: the module ``__getattr__`` below imports them from
:mod:`clusterlib.run` on first use, so external callers keep working.
"""

from __future__ import annotations

import importlib
from typing import Any

from clusterlib.data.version import data_version
from clusterlib.files import atomic_write
from clusterlib.report.display import Notice, Omitted, finding, heading, notice, paragraph, show
from clusterlib.report.reproducibility import provenance
from clusterlib.report.tables import Table, table
from clusterlib.report.titles import step_title

__all__ = [
    "Notice",
    "Omitted",
    "Table",
    "atomic_write",
    "data_version",
    "finding",
    "heading",
    "notice",
    "paragraph",
    "provenance",
    "show",
    "step_title",
    "table",
]

#: Names that moved to :mod:`clusterlib.run` (issue 18, "two rooms"), served from there on first use.
MOVED_TO_RUN = frozenset(
    {
        "REQUIRED_PARAMETERS",
        "NotebookContractError",
        "NotebookParameter",
        "ReportTask",
        "RunInterrupted",
        "RunResult",
        "RunSpec",
        "RunSpecError",
        "RunSummary",
        "Step",
        "TaskOutcome",
        "check_parameters",
        "discover_steps",
        "load_spec",
        "notebook_parameters",
        "resolve_provinces",
        "run",
    }
)


def __getattr__(name: str) -> Any:
    """``clusterlib.report.run`` and the other runner names, imported from :mod:`clusterlib.run` when
    first asked for (so that this package does not import the room above it at import time)."""
    if name in MOVED_TO_RUN:
        value = getattr(importlib.import_module("clusterlib.run"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'clusterlib.report' has no attribute {name!r}")
