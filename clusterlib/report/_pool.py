"""A small pool of worker processes (``python -m clusterlib.report._worker``) fed over pipes.

Workers are plain subprocesses rather than ``multiprocessing`` children, so the runner works the
same from a script without a ``__main__`` guard, from ``python -`` or from a notebook: nothing is
re-imported from the caller's main module.  Each worker imports papermill and nbconvert once and
then runs task after task; a worker that dies is replaced and its task reported as failed.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from clusterlib.config import PACKAGE_DIR, PROJECT_ROOT

__all__ = ["run_pool"]


def _label(task: dict) -> str:
    return f"{task['province']} / {task['step']}"


def _worker_loop(tasks: list[dict], todo: queue.Queue, done: queue.Queue, log_path: Path) -> None:
    """One worker process (``python -m clusterlib.report._worker``) fed task after task."""
    from clusterlib.report._worker import RESULT_MARK

    proc = None
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    try:
        while True:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            if proc is None or proc.poll() is not None:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "clusterlib.report._worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    cwd=str(PROJECT_ROOT),
                    env={
                        **os.environ,
                        "PYTHONPATH": os.pathsep.join(
                            p for p in (str(PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")) if p
                        ),
                    },
                    text=True,
                    encoding="utf-8",
                )
            assert proc.stdin is not None and proc.stdout is not None
            result = None
            try:
                proc.stdin.write(json.dumps(tasks[i], ensure_ascii=False) + "\n")
                proc.stdin.flush()
                for line in proc.stdout:
                    if line.startswith(RESULT_MARK):
                        result = json.loads(line[len(RESULT_MARK) :])
                        break
            except (BrokenPipeError, OSError, ValueError) as err:
                result = None
                reason = f"{type(err).__name__}: {err}"
            else:
                reason = "the worker process ended unexpectedly"
            if result is None:
                proc.kill()
                proc.wait()
                result = {"status": "failed", "error": f"{reason} (see {log_path})", "seconds": 0.0}
            done.put((i, result))
    finally:
        if proc is not None and proc.poll() is None:
            proc.stdin.close()  # type: ignore[union-attr]
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        log.close()


def run_pool(tasks: list[dict], *, jobs: int, progress: bool, log_dir: Path) -> list[dict]:
    """Run the tasks on ``jobs`` worker processes; results in task order."""
    from tqdm.auto import tqdm

    todo: queue.Queue = queue.Queue()
    for i in range(len(tasks)):
        todo.put(i)
    done: queue.Queue = queue.Queue()
    log_dir.mkdir(parents=True, exist_ok=True)
    workers = [
        threading.Thread(
            target=_worker_loop, args=(tasks, todo, done, log_dir / f"worker-{k + 1}.log"), daemon=True
        )
        for k in range(min(jobs, len(tasks)))
    ]
    for worker in workers:
        worker.start()
    results: list[dict | None] = [None] * len(tasks)
    bar = tqdm(total=len(tasks), unit="rapor", disable=None if progress else True, dynamic_ncols=True)
    try:
        for _ in range(len(tasks)):
            i, outcome = done.get()
            results[i] = outcome
            bar.set_postfix_str(f"{_label(tasks[i])}: {outcome['status']}", refresh=False)
            if outcome["status"] != "ok":
                bar.write(f"FAILED {_label(tasks[i])}: {outcome.get('error')}", file=sys.stderr)
            bar.update(1)
    finally:
        bar.close()
        while not todo.empty():  # interrupted: start nothing new
            try:
                todo.get_nowait()
            except queue.Empty:
                break
    for worker in workers:
        worker.join()
    return [r if r is not None else {"status": "failed", "error": "not run", "seconds": 0.0} for r in results]
