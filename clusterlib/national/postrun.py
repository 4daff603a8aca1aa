"""The national overview as a post-run hook: ``<out>/<lang>/national.html`` and the 81 province pages.

Registered in ``pyproject.toml`` under the entry-point group ``clusterlib.post_run`` (read by
:mod:`clusterlib.run.hooks`); written after runs that include the monitoring step, whose benchmarks
the overview extends to the 81 provinces.  Its ``ahead`` step writes the files that no report changes
while the reports are still rendering (:func:`clusterlib.run.hooks.import_ahead`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["national_pages"]


def national_pages(summary: Any) -> list[Path] | None:
    """Write the national overview of a run (:func:`clusterlib.national.write_national_pages`) after a
    run that included the monitoring step; None otherwise."""
    from clusterlib.monitoring.postrun import ran_monitoring

    if not ran_monitoring(summary):
        return None
    from clusterlib.national.publish import write_national_pages

    forced = bool(getattr(summary, "info", {}).get("forced"))  # ``run --force``: every file written again
    return write_national_pages(summary.out_dir, lang=summary.lang, data_dir=summary.data_dir,
                                keep_unchanged=not forced)


def _ahead(summary: Any) -> list[Path] | None:
    """While the reports render: the overview's files that no report changes
    (:func:`clusterlib.national.publish.write_ahead`), for a run that includes the monitoring step and
    is not forced (``--force`` writes every file after the run)."""
    from clusterlib.monitoring.postrun import ran_monitoring

    if not ran_monitoring(summary) or getattr(summary, "info", {}).get("forced"):
        return None
    from clusterlib.national.publish import write_ahead

    return write_ahead(summary.out_dir, lang=summary.lang, data_dir=summary.data_dir)


national_pages.ahead = _ahead  # type: ignore[attr-defined]
