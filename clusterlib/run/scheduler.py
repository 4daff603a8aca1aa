"""The same report tasks on an existing ``dask.distributed`` cluster (``clusterlib run --scheduler``).

Each :class:`~clusterlib.run.contracts.ReportTask` travels as JSON (absolute paths and validated
parameters only) and runs on a Dask worker through the very function a local worker process runs
(:func:`clusterlib.run.worker.run_task`): papermill with the ``parameters`` tag, one retry
when a kernel does not start (the port race), the failing cell in the outcome, and atomic writes
of the report and the status entry into the shared output folder.  What must be shared between
the client and the workers: the notebooks, the data folder, the output and processed folders (same
absolute paths) and the Python environment with clusterlib.

Each Dask worker process runs one notebook at a time (papermill changes the process's working
directory), so start workers with ``--nthreads 1`` and as many processes as reports should run at
once.  A worker that dies mid-task is replaced by Dask, which re-runs its task elsewhere; a task
that keeps killing workers comes back as failed.  Nothing half-written is ever published.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.pool import Progress, RunInterrupted

__all__ = ["run_on_scheduler"]

_ONE_AT_A_TIME = threading.Lock()
_KERNEL_DIR: str | None = None


def _worker_kernel_dir() -> str:
    """This worker process's own kernel spec (its interpreter, not the client's)."""
    global _KERNEL_DIR
    if _KERNEL_DIR is None or not Path(_KERNEL_DIR).is_dir():
        from clusterlib.run.kernels import kernel_dir

        _KERNEL_DIR = kernel_dir()
    return _KERNEL_DIR


def run_remote(task_json: str) -> str:
    """Run one task on a Dask worker; JSON in, JSON out (the worker needs only clusterlib)."""
    from clusterlib.run.worker import run_task

    task = dataclasses.replace(ReportTask.from_json(task_json), jupyter_path=_worker_kernel_dir())
    with _ONE_AT_A_TIME:
        return run_task(task).to_json()


def run_on_scheduler(
    tasks: Sequence[ReportTask], address: str, *, progress: bool = True, timeout: float = 30
) -> list[TaskOutcome]:
    """Send ``tasks`` to the scheduler at ``address``; outcomes in task order.

    Raises
    ------
    OSError
        When the scheduler cannot be reached within ``timeout`` seconds.
    RunInterrupted
        On Ctrl-C: the tasks are cancelled on the cluster.
    """
    from distributed import Client, as_completed

    client = Client(address, timeout=timeout, set_as_default=False)
    run_id = uuid.uuid4().hex[:8]
    outcomes: list[TaskOutcome | None] = [None] * len(tasks)
    bar = Progress(len(tasks), enabled=progress)
    try:
        futures = {
            client.submit(run_remote, task.to_json(), key=f"clusterlib-{run_id}-{i}", pure=False): i
            for i, task in enumerate(tasks)
        }
        try:
            for future in as_completed(list(futures), loop=client.loop):
                i = futures[future]
                try:
                    outcome = TaskOutcome.from_json(future.result())
                except Exception as err:  # the task was lost with its workers (KilledWorker, …)
                    outcome = TaskOutcome(
                        status="failed",
                        error=f"the task was lost on the Dask cluster: {type(err).__name__}: {err}",
                    )
                outcomes[i] = outcome
                bar.update(outcome.ok, tasks[i].label, outcome.error)
        except KeyboardInterrupt:
            client.cancel(list(futures), force=True)
            raise RunInterrupted(
                [o or TaskOutcome(status="interrupted", error="the run was interrupted") for o in outcomes]
            ) from None
    finally:
        bar.close()
        client.close()
    return [o or TaskOutcome(status="not_run", error="not run") for o in outcomes]
