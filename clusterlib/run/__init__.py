"""Runs: render every step notebook of every province into HTML reports (the room above the steps).

:func:`run` checks a whole run first (provinces, steps, languages, notebook parameters, the output
folder, the data), then executes each (language, province, step) notebook in a pool of worker
processes or on a Dask cluster, publishes the reports, and writes the index and ``run.json``; a run
spec in YAML (:func:`load_spec`) says the same.  It knows no step by name: a package that writes
pages after a run registers a post-run hook (:mod:`clusterlib.run.hooks`).

Modules: ``runner`` (:func:`run`), ``plan`` (provinces, jobs, parameters), ``steps`` (notebooks and
their parameter contract), ``spec`` (YAML run specs), ``contracts`` (what runner and workers
exchange), ``pool`` / ``worker`` (local processes), ``scheduler`` (Dask), ``kernels`` (the kernel spec),
``provisioner`` / ``forkserver`` (kernels forked from a preloaded server), ``lifeline``, ``freshness`` (up-to-date
reports), ``outdir`` (the output folder), ``index`` (``status.json``, ``index.html``, ``run.json``),
``hooks`` (post-run pages), ``results``, ``files``.
"""

from clusterlib.run.contracts import NotebookParameter, ReportTask, TaskOutcome
from clusterlib.run.hooks import ENTRY_POINT_GROUP, HookOutcome, post_run_hooks, register, unregister
from clusterlib.run.parameters import check_parameters, notebook_parameters
from clusterlib.run.plan import resolve_provinces
from clusterlib.run.pool import RunInterrupted
from clusterlib.run.results import RunResult, RunSummary
from clusterlib.run.runner import run
from clusterlib.run.spec import RunSpec, RunSpecError, load_spec
from clusterlib.run.steps import REQUIRED_PARAMETERS, NotebookContractError, Step, discover_steps

__all__ = [
    "ENTRY_POINT_GROUP",
    "REQUIRED_PARAMETERS",
    "HookOutcome",
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
    "post_run_hooks",
    "register",
    "resolve_provinces",
    "run",
    "unregister",
]
