"""What every report of a run shares, loaded or computed once in the kernel server before it forks.

The kernel server (:mod:`clusterlib.run.forkserver`) forks one kernel per report; whatever is in its
memory then is in every kernel's at no cost (copy-on-write).  Besides the imports that is:

* :func:`skip_unused_imports`: an optional import no report uses and that costs 1.6 s (also in
  the workers);
* :func:`warm_up`: what the libraries load on first use (plotly's validators, Babel's locales);
* :func:`reference_tables`: the tables shipped with clusterlib (provinces, NACE, TÜİK, boundaries);
* :func:`shared_analyses`: the parts of the steps' analyses that do not depend on the province, for
  the run's data folder and languages.  The run package knows no step: each step names its own in
  the entry-point group :data:`ENTRY_POINT_GROUP` of ``pyproject.toml`` (``name = step id``, value a
  callable ``(data_dir, languages)``) — the needs survey read and the all-cluster comparison, the
  national economic complexity of every robustness setting.  Each lands in the in-process cache the
  analysis itself uses, keyed by content and arguments, so a notebook that asks for other data or
  parameters computes its own, as before.

Nothing here may stop a run: a problem is left for the kernel that meets it, which reports it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable

__all__ = ["ENTRY_POINT_GROUP", "UNUSED_IMPORTS", "reference_tables", "restore_unused_imports", "shared_analyses",
           "skip_unused_imports", "warm_up"]  # fmt: skip

#: Optional imports of the runner's libraries that no report uses, and that are slow to import.
UNUSED_IMPORTS: tuple[str, ...] = ("rfc3987_syntax",)

#: The entry-point group of the shared analyses (the entry's name is the step it serves).
ENTRY_POINT_GROUP = "clusterlib.shared_analyses"


def skip_unused_imports() -> None:
    """Mark :data:`UNUSED_IMPORTS` absent in this process, before the libraries that try them load.

    jsonschema (imported by nbformat, which papermill, nbconvert and plotly's ``FigureWidget``
    import) tries ``rfc3987_syntax`` for its ``iri`` and ``iri-reference`` format checks, and that
    import builds 38 lark grammars: 1.6 s in each worker and in the kernel server, at the start of
    every run.  The only schemas the runner's processes validate are nbformat's, which use no
    ``format`` at all (tested), and jsonschema leaves out a format whose checker cannot be imported.
    ``sys.modules[name] = None`` is the import system's documented way to make ``import name``
    raise ``ImportError``.  Only the runner's worker and kernel server call this (a module already
    imported is left alone); a forked kernel gets the modules back (:func:`restore_unused_imports`).

    Examples
    --------
    >>> skip_unused_imports()
    >>> all(name in sys.modules for name in UNUSED_IMPORTS)  # marked absent, or imported before
    True
    >>> restore_unused_imports()
    >>> any(name in sys.modules and sys.modules[name] is None for name in UNUSED_IMPORTS)
    False
    """
    for name in UNUSED_IMPORTS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def restore_unused_imports() -> None:
    """Undo :func:`skip_unused_imports` (a kernel's notebook may import those modules)."""
    for name in UNUSED_IMPORTS:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]


def warm_up() -> None:
    """Load what the libraries load on first use, not at import: plotly's trace and layout
    validators (a figure of every trace type the reports draw, then dropped), Babel's Turkish and
    English locale data, the installed package versions of the provenance box, the digest of
    clusterlib's code that keys the result cache, and the :func:`reference_tables`.  Library caches
    and package resources only: no input data, nothing of a notebook."""
    import plotly.graph_objects as go
    from babel import Locale, numbers

    traces = (go.Scatter, go.Bar, go.Choropleth, go.Scattergeo, go.Scatterpolar, go.Histogram,
              go.Heatmap, go.Sankey, go.Table)
    figure = go.Figure([trace() for trace in traces])
    figure.update_layout(template="plotly_white", geo={"projection": {"type": "mercator"}}, polar={},
                         xaxis={"type": "log"}, updatemenus=[{"buttons": [{"label": ""}]}])
    figure.add_annotation(text="")
    figure.add_shape(type="line")
    figure.to_plotly_json()
    for locale in ("tr_TR", "en_GB", "en_US"):
        Locale.parse(locale).number_symbols  # noqa: B018 - loads the locale data
        numbers.format_decimal(1234.5, locale=locale)
        numbers.format_percent(0.5, locale=locale)
    from clusterlib.report.reproducibility import installed_versions
    from clusterlib.resultcache import source_digest

    installed_versions()  # the provenance box's package versions
    source_digest()  # the result cache's code digest: the server restarts when the source changes
    reference_tables()


def reference_tables() -> None:
    """Read the reference tables shipped with clusterlib (provinces, NACE, the TÜİK tables, province
    boundaries and their GeoJSON, the cluster catalogue, the YAML files of ``resources/``) into their
    caches: the same for every report, and 0.3–0.5 s of a kernel's first analysis otherwise.
    Package resources only, never the user's data."""
    from clusterlib import mapdata, nace, official, regions
    from clusterlib.config import RESOURCES_DIR
    from clusterlib.configfile import ConfigError, read_yaml

    regions.province(1)
    for table in (nace.sections, nace.divisions, nace.groups, nace.classes, nace.a10, nace.clusters):
        table()
    for table in (official.population, official.gdp_per_capita, official.ses, official.labour_force,
                  official.gva_a10_current, official.gva_a10_volume):
        table()
    mapdata.province_geojson()
    for document in sorted(RESOURCES_DIR.rglob("*.yaml")):  # the default criteria, questionnaire …
        if "strings" in document.relative_to(RESOURCES_DIR).parts:  # i18n reads its own, at import
            continue
        with contextlib.suppress(ConfigError, OSError, UnicodeDecodeError):
            read_yaml(document)  # parsed once, here: a kernel's read of the same text is a copy


def shared_analyses(
    data_dir: str | os.PathLike[str], languages: Iterable[str], *, steps: Iterable[str] | None = None
) -> list[str]:
    """Call the :data:`ENTRY_POINT_GROUP` entries of ``steps`` (default: all) on ``data_dir`` and
    ``languages``; the names of those that ran without an error (an error is left for the kernel
    that meets it to report).

    Examples
    --------
    >>> shared_analyses("does-not-exist", ["tr"], steps=["no_such_step"])  # nothing to share: no error
    []
    """
    from importlib import metadata

    wanted = None if steps is None else set(steps)
    done = []
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if wanted is not None and entry.name not in wanted:
            continue
        with contextlib.suppress(Exception):
            entry.load()(data_dir, tuple(languages))
            done.append(entry.name)
    return done
