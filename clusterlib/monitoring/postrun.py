"""The monitoring step's post-run hook: the knowledge-base and info-spot pages of a run.

Registered in ``pyproject.toml`` under the entry-point group ``clusterlib.post_run`` (read by
:mod:`clusterlib.run.hooks`), so the runner writes these pages without knowing this step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["knowledge_pages", "ran_monitoring"]


def ran_monitoring(summary: Any) -> bool:
    """True when the run included the monitoring step (a step whose id names monitoring).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> ran_monitoring(NS(steps=[NS(id="monitoring_benchmarking")])), ran_monitoring(NS(steps=[]))
    (True, False)
    """
    return any("monitoring" in step.id for step in summary.steps)


def knowledge_pages(summary: Any) -> list[Path] | None:
    """Write ``<out>/<lang>/knowledge_base.html`` and the ``info_spot_*.html`` pages after a run that
    included the monitoring step (:func:`clusterlib.monitoring.write_run_pages`); None otherwise."""
    if not ran_monitoring(summary):
        return None
    from clusterlib.monitoring.pages import write_run_pages

    return write_run_pages(summary.out_dir, lang=summary.lang, data_dir=summary.data_dir)
