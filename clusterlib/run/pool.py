"""A small pool of worker processes (``python -m clusterlib.run.worker``) fed over pipes.

Workers are plain subprocesses rather than ``multiprocessing`` children, so the runner works the
same from a script without a ``__main__`` guard, from ``python -`` or from a notebook: nothing is
re-imported from the caller's main module.  Each worker imports papermill and nbconvert once and
then runs task after task; a worker that dies is replaced and its task reported as failed.

Stopping (Ctrl-C, SIGTERM): the workers run in sessions of their own, so a terminal's Ctrl-C
reaches only the runner, which then starts nothing new, sends SIGTERM to every worker (a worker
unwinds like Ctrl-C: its kernel is shut down, its partial notebook removed), kills whatever is
left of them and their kernels after a grace period, and reports the unfinished tasks as
``interrupted``.

When the runner itself is killed (SIGKILL, out of memory), each worker is killed by the operating
system at once (``PR_SET_PDEATHSIG``, :func:`clusterlib.run.lifeline.die_with_parent`), and
so is each kernel launcher, whose kernel ends with it: nothing keeps computing or writes into the
output folder behind a dead runner.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from clusterlib.config import PACKAGE_DIR, PROJECT_ROOT
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.lifeline import PARENT_ENV

__all__ = ["PRELOAD_ENV", "Progress", "RunInterrupted", "StartedWorkers", "run_pool", "stop_process_tree"]

#: Environment variable telling a worker whether to start its kernel server ahead of its first task.
PRELOAD_ENV = "CLUSTERLIB_PRELOAD_KERNELS"

#: Seconds a worker gets to shut its kernel down after SIGTERM before it is killed.
GRACE_SECONDS = 10.0


class RunInterrupted(KeyboardInterrupt):
    """The run was stopped; ``outcomes`` holds every task's outcome (``interrupted`` for those
    that did not finish)."""

    def __init__(self, outcomes: list[TaskOutcome]) -> None:
        super().__init__("the run was interrupted")
        self.outcomes = outcomes


def stop_process_tree(proc: subprocess.Popen, *, grace: float = GRACE_SECONDS) -> None:
    """SIGTERM a worker, wait up to ``grace`` seconds, then SIGKILL it and any process it started
    (its kernels), which :mod:`psutil` finds before the worker goes."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        children = []
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    _, alive = psutil.wait_procs(children, timeout=2)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


class Progress:
    """Counts of a long run and the time left, shown on a tqdm bar (terminals only).

    Examples
    --------
    >>> p = Progress(total=10, enabled=False)
    >>> p.started -= 20.0  # pretend 20 s have passed
    >>> for ok in (True, True, False, True):
    ...     p.update(ok, "Çorum / sector_selection")
    >>> p.done, p.failed, round(p.eta())
    (3, 1, 30)
    """

    def __init__(self, total: int, *, enabled: bool) -> None:
        from tqdm.auto import tqdm

        self.total = total
        self.done = 0
        self.failed = 0
        self.started = time.perf_counter()
        self.bar = tqdm(total=total, unit="rapor", disable=None if enabled else True, dynamic_ncols=True)

    def eta(self) -> float:
        """Seconds left at the mean pace so far."""
        finished = self.done + self.failed
        if not finished:
            return float("nan")
        return (time.perf_counter() - self.started) / finished * (self.total - finished)

    def update(self, ok: bool, label: str, error: str | None = None) -> None:
        """Record one finished task."""
        if ok:
            self.done += 1
        else:
            self.failed += 1
            self.bar.write(f"FAILED {label}: {error}", file=sys.stderr)
        left = self.eta()
        eta = f"{int(left // 60)}:{int(left % 60):02d}" if left == left else "?"
        self.bar.set_postfix_str(f"ok {self.done} · failed {self.failed} · left ~{eta}", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        """Close the bar."""
        self.bar.close()


def _spawn(log: object, *, preload: bool = True) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "clusterlib.run.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,  # type: ignore[arg-type]
        cwd=str(PROJECT_ROOT),
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")) if p
            ),
            PRELOAD_ENV: "1" if preload else "0",
            PARENT_ENV: str(os.getpid()),  # the worker dies with the runner, even by SIGKILL
        },
        text=True,
        encoding="utf-8",
        start_new_session=True,  # a terminal's Ctrl-C reaches the runner only; it stops the workers
    )


class StartedWorkers:
    """Worker processes started ahead of their tasks (they import papermill and start their kernel
    server while the runner still validates the data); handed to :func:`run_pool`, or closed."""

    def __init__(self, count: int, log_dir: Path, *, preload: bool) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.preload = preload
        self.started: list[tuple[subprocess.Popen, IO[bytes]] | None] = []
        for k in range(count):
            log = open(log_dir / f"worker-{k + 1}.log", "wb")  # noqa: SIM115 - the pool closes it
            self.started.append((_spawn(log, preload=preload), log))

    def take(self, k: int) -> tuple[subprocess.Popen, IO[bytes]] | None:
        """Worker ``k`` for the pool (once), or None."""
        if k < len(self.started):
            found, self.started[k] = self.started[k], None
            return found
        return None

    def close(self) -> None:
        """Stop the workers the pool did not take (a run that ended before its first task)."""
        for k, item in enumerate(self.started):
            if item is None:
                continue
            proc, log = item
            stop_process_tree(proc, grace=0)  # it ran nothing yet: no kernel to shut down, nothing to lose
            for pipe in (proc.stdin, proc.stdout):
                with contextlib.suppress(OSError):
                    pipe.close()  # type: ignore[union-attr]
            log.close()
            self.started[k] = None


class _Pool:
    def __init__(
        self, tasks: Sequence[ReportTask], log_dir: Path, started: StartedWorkers | None = None
    ) -> None:
        self.tasks = tasks
        self.log_dir = log_dir
        self.started = started
        self.preload = (
            started.preload if started else any(t.preloaded_kernel and not t.kernel_server for t in tasks)
        )
        self.todo: queue.Queue[int] = queue.Queue()
        for i in range(len(tasks)):
            self.todo.put(i)
        self.done: queue.Queue[tuple[int, TaskOutcome]] = queue.Queue()
        self.stopping = threading.Event()
        self.procs: dict[int, subprocess.Popen] = {}
        self.lock = threading.Lock()

    def worker(self, k: int) -> None:
        from clusterlib.run.worker import RESULT_MARK

        log_path = self.log_dir / f"worker-{k + 1}.log"
        ahead = self.started.take(k) if self.started else None
        proc, log = ahead if ahead else (None, open(log_path, "wb"))  # noqa: SIM115 - closed below
        if proc is not None:
            with self.lock:
                self.procs[k] = proc
        with log:
            try:
                while not self.stopping.is_set():
                    try:
                        i = self.todo.get_nowait()
                    except queue.Empty:
                        return
                    if proc is None or proc.poll() is not None:
                        with self.lock:
                            if self.stopping.is_set():
                                return
                            proc = self.procs[k] = _spawn(log, preload=self.preload)
                    assert proc.stdin is not None and proc.stdout is not None
                    outcome = None
                    try:
                        proc.stdin.write(self.tasks[i].to_json() + "\n")
                        proc.stdin.flush()
                        for line in proc.stdout:
                            if line.startswith(RESULT_MARK):
                                outcome = TaskOutcome.from_json(line[len(RESULT_MARK) :])
                                break
                    except (OSError, ValueError, TypeError) as err:
                        reason = f"{type(err).__name__}: {err}"
                    else:
                        reason = "the worker process ended unexpectedly"
                    if outcome is None:
                        proc.kill()
                        proc.wait()
                        if self.stopping.is_set():
                            outcome = TaskOutcome(status="interrupted", error="the run was interrupted")
                        else:
                            outcome = TaskOutcome(status="failed", error=f"{reason} (see {log_path})")
                    self.done.put((i, outcome))
            finally:
                if proc is not None and proc.poll() is None:
                    with contextlib.suppress(OSError):
                        proc.stdin.close()  # type: ignore[union-attr]
                    try:
                        proc.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        stop_process_tree(proc, grace=0)

    def stop(self) -> None:
        self.stopping.set()
        while True:
            try:
                self.todo.get_nowait()
            except queue.Empty:
                break
        with self.lock:
            procs = list(self.procs.values())
        stoppers = [threading.Thread(target=stop_process_tree, args=(p,)) for p in procs]
        for t in stoppers:
            t.start()
        for t in stoppers:
            t.join()


def run_pool(
    tasks: Sequence[ReportTask],
    *,
    jobs: int,
    progress: bool,
    log_dir: Path,
    on_outcome: Callable[[ReportTask, TaskOutcome], None] | None = None,
    started: StartedWorkers | None = None,
) -> list[TaskOutcome]:
    """Run the tasks on ``jobs`` worker processes; outcomes in task order.

    ``on_outcome`` is called (in this thread) as each task finishes; ``started`` are workers
    started ahead (:class:`StartedWorkers`), used before any new one is spawned.

    Raises
    ------
    RunInterrupted
        On Ctrl-C (or a SIGTERM the caller turned into ``KeyboardInterrupt``), after every worker
        and kernel stopped; it carries the outcomes so far.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    pool = _Pool(tasks, log_dir, started)
    threads = [
        threading.Thread(target=pool.worker, args=(k,), daemon=True) for k in range(min(jobs, len(tasks)))
    ]
    for thread in threads:
        thread.start()
    outcomes: list[TaskOutcome | None] = [None] * len(tasks)
    bar = Progress(len(tasks), enabled=progress)
    try:
        for _ in range(len(tasks)):
            i, outcome = pool.done.get()
            outcomes[i] = outcome
            bar.update(outcome.ok, tasks[i].label, outcome.error)
            if on_outcome is not None:
                on_outcome(tasks[i], outcome)
    except KeyboardInterrupt:
        pool.stop()
        for thread in threads:
            thread.join(timeout=GRACE_SECONDS + 5)
        while not pool.done.empty():
            i, outcome = pool.done.get_nowait()
            outcomes[i] = outcome
        raise RunInterrupted(
            [o or TaskOutcome(status="interrupted", error="the run was interrupted") for o in outcomes]
        ) from None
    finally:
        bar.close()
    for thread in threads:
        thread.join()
    return [o or TaskOutcome(status="not_run", error="not run") for o in outcomes]
