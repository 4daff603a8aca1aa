"""One report task, run in a separate worker process: execute a notebook, then publish its HTML.

Runs in a process of its own because papermill's ``cwd`` changes the directory of the whole
process.  Every path arrives absolute.  The executed notebook is written to a temporary file
and moved into place only at the end; the HTML report is written atomically and only after a
successful execution, so a failure never replaces a good report.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import os
import re
import signal
import socket
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from clusterlib.config import PACKAGE_DIR
from clusterlib.files import atomic_write_text
from clusterlib.run.contracts import ReportTask, TaskOutcome
from clusterlib.run.forkserver import kernel_server, stop_kernel_server
from clusterlib.run.index import publish_and_record
from clusterlib.run.lifeline import PARENT_ENV, die_with_parent
from clusterlib.run.pool import PRELOAD_ENV
from clusterlib.run.provisioner import SERVER_ENV

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_KERNEL_START_ERRORS = (
    "kernel didn't respond",
    "kernel died before replying",
    "timeout waiting for kernel_info",
    "address already in use",
    "zmqerror",
    "kernel failed to start",
)
_configured = False


def configure(jupyter_path: str) -> None:
    """Process-wide settings of a worker: kernel spec path, import path, quiet loggers."""
    global _configured
    if _configured:
        return
    env = os.environ
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (jupyter_path, env.get("JUPYTER_PATH", "")) if p)
    root = str(PACKAGE_DIR.parent)
    if root not in env.get("PYTHONPATH", "").split(os.pathsep):
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silence debugpy's frozen-modules note
    env.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    for name in ("papermill", "traitlets", "nbconvert", "nbclient"):
        logging.getLogger(name).setLevel(logging.ERROR)
    _configured = True


def _strip(text: str) -> str:
    return _ANSI.sub("", text)


def _excerpt(source: str, lines: int = 6, chars: int = 400) -> str:
    text = "\n".join(source.splitlines()[:lines])
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _statuses(path: Path) -> list[tuple[int, dict, list[str]]]:
    """(index, papermill cell metadata, tags) of every cell of a partly executed notebook."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for index, cell in enumerate(
        c
        for c in nb.get("cells", [])
        if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])
    ):
        meta = cell.get("metadata", {})
        out.append((index, meta.get("papermill", {}), meta.get("tags", [])))
    return out


def _source_cell_number(path: Path, executed_index: int, notebook: str) -> int:
    """1-based position in the author's ``notebook`` of cell ``executed_index`` of the executed one
    (papermill inserts an ``injected-parameters`` cell; the runner leaves out interactive cells)."""
    from clusterlib.run.steps import interactive_cells

    injected = sum(
        1 for i, _, tags in _statuses(path) if i < executed_index and "injected-parameters" in tags
    )
    number = executed_index - injected + 1  # among the cells that ran
    with contextlib.suppress(OSError, ValueError):
        for left_out in interactive_cells(notebook):  # in order: each one before shifts the count
            if left_out <= number:
                number += 1
    return number


def _is_kernel_start_failure(err: BaseException) -> bool:
    """True for the errors of a kernel that did not start (worth one retry: a port taken between
    choosing and binding it, a slow start on a busy machine); False for errors of the notebook."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, (PapermillExecutionError, CellTimeoutError, DeadKernelError)):
        return False
    text = f"{type(err).__name__} {err}".lower()
    return any(key in text for key in _KERNEL_START_ERRORS)


def _failure(task: ReportTask, partial: Path, err: BaseException) -> dict[str, Any]:
    from papermill.exceptions import PapermillExecutionError

    info: dict[str, Any] = {"status": "failed"}
    if isinstance(err, PapermillExecutionError):
        info.update(
            cell=_source_cell_number(partial, err.cell_index, task.notebook),
            exec_count=err.exec_count,
            source=_excerpt(err.source),
            error=f"{err.ename}: {_strip(str(err.evalue))}".strip().rstrip(":"),
            traceback=_strip("\n".join(err.traceback)),
        )
        return info
    running = [i for i, meta, _ in _statuses(partial) if meta.get("status") == "running"]
    if running:
        nb = json.loads(partial.read_text(encoding="utf-8"))
        cells = [
            c for c in nb["cells"] if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])
        ]
        source = cells[running[0]].get("source", "")
        info.update(
            cell=_source_cell_number(partial, running[0], task.notebook), source=_excerpt("".join(source))
        )
    message = _strip(str(err)).strip() or type(err).__name__
    info.update(error=f"{type(err).__name__}: {message}" if type(err).__name__ not in message else message)
    info["traceback"] = _strip("".join(traceback.format_exception(err)))
    return info


def _execute(task: ReportTask, partial: Path) -> Any:
    import tempfile

    import nbformat
    import papermill as pm

    from clusterlib.run.client import ReadyKernelManager
    from clusterlib.run.steps import report_notebook

    # the forked kernels' client learns sooner that a kernel is ready; --fresh-kernels is stock
    extra = {"kernel_manager_class": ReadyKernelManager} if task.preloaded_kernel else {}
    nb, left_out = report_notebook(task.notebook)  # without the cells that only build live widgets
    with tempfile.TemporaryDirectory(prefix="clusterlib-nb-") as folder:
        source = task.notebook
        if left_out:
            source = str(Path(folder) / Path(task.notebook).name)
            nbformat.write(nb, source)
        return _papermill(pm, task, source, partial, extra)


def _papermill(pm: Any, task: ReportTask, source: str, partial: Path, extra: dict[str, Any]) -> Any:
    return pm.execute_notebook(
        source,
        str(partial),
        parameters=task.parameters,
        kernel_name=task.kernel_name,
        progress_bar=False,
        log_output=False,
        cwd=str(Path(task.notebook).parent),
        start_timeout=task.start_timeout,
        execution_timeout=task.timeout,
        # papermill would rewrite the whole notebook after every cell (quadratic in the number of
        # figures); it still writes it on success and on a cell error, which is all we need.
        request_save_on_cell_execute=False,
        # Every output is in hand when the last cell ends; a "graceful" shutdown_request sometimes
        # waits the 2.5 s grace period of jupyter_client before a SIGTERM, for nothing.
        shutdown_kernel="immediate",
        **extra,
    )


def run_task(task: ReportTask) -> TaskOutcome:
    """Execute one (province, step) notebook and publish its report; never raises an ``Exception``.

    ``KeyboardInterrupt`` and ``SystemExit`` (a stopped run) pass through after the partial
    notebook is removed, so nothing half-done is published or left behind.
    """
    configure(task.jupyter_path)
    from clusterlib.data.cache import CACHE_ENV

    if task.table_cache:  # the kernel inherits it and reads the validated tables from there
        os.environ[CACHE_ENV] = task.table_cache
    else:
        os.environ.pop(CACHE_ENV, None)
    from clusterlib.resultcache import CACHE_ENV as RESULTS_ENV

    if task.result_cache:  # the kernel's analyses share their results with the other languages
        os.environ[RESULTS_ENV] = task.result_cache
    else:
        os.environ.pop(RESULTS_ENV, None)
    server = (task.kernel_server or kernel_server()) if task.preloaded_kernel else None
    if server:  # the kernel spec's provisioner (clusterlib.run.provisioner) asks it for a kernel
        os.environ[SERVER_ENV] = server
    else:
        os.environ.pop(SERVER_ENV, None)
    started = time.perf_counter()
    executed = Path(task.executed)
    failed_nb = Path(task.failed_dir) / executed.name
    failed_log = failed_nb.with_suffix(".log")
    executed.parent.mkdir(parents=True, exist_ok=True)
    partial = executed.with_name(f".{executed.stem}.{os.getpid()}.partial.ipynb")
    result: dict[str, Any] = {"attempts": 0, "worker": f"{socket.gethostname()}:{os.getpid()}"}
    try:
        nb = None
        for attempt in (1, 2):
            result["attempts"] = attempt
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
            try:
                nb = _execute(task, partial)
                break
            except Exception as err:
                if attempt == 1 and _is_kernel_start_failure(err):
                    time.sleep(0.5)
                    continue
                result.update(_failure(task, partial, err))
                break
        page = None
        if nb is not None:
            try:
                page = _publish(task, nb)
                result.update(status="ok", report=task.report)
            except Exception as err:
                result.update(status="failed", error=f"HTML export failed: {type(err).__name__}: {err}")
                result["traceback"] = "".join(traceback.format_exception(err))
        if result.get("status") == "ok":
            os.chmod(partial, 0o644)  # readable, whatever the umask
            os.replace(partial, executed)
            result["executed"] = str(executed)
            for stale in (failed_nb, failed_log):
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()
        else:
            failed_nb.parent.mkdir(parents=True, exist_ok=True)
            if partial.exists():
                os.chmod(partial, 0o644)
                os.replace(partial, failed_nb)
                result["executed"] = str(failed_nb)
            _write_log(failed_log, task, result)
            result["log"] = str(failed_log)
        result.pop("traceback", None)
        result["seconds"] = round(time.perf_counter() - started, 3)
        outcome = TaskOutcome(**result)
        if task.record:
            try:
                outcome = publish_and_record(task, outcome, page)
            except Exception as err:  # the report could not be written or listed
                outcome = outcome.replace(
                    status="failed", report=None, error=f"publishing failed: {type(err).__name__}: {err}"
                )
        elif page is not None:
            atomic_write_text(task.report, page)
        return outcome
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def _publish(task: ReportTask, nb: Any) -> str:
    """The report page of an executed notebook (written by :func:`publish_and_record`); the report's
    workbook ``<report>.xlsx`` is written beside it now, when the report has tables."""
    from clusterlib.report.export import render_report
    from clusterlib.report.titles import step_title

    return render_report(
        nb,
        task.report,
        lang=task.lang,
        title=step_title(task.step, task.lang, metadata=dict(nb.metadata)),
        province=task.province,
        generated=_dt.datetime.fromisoformat(task.generated),
        data_source=task.data_source,
        data_version=task.data_version,
    )


def _write_log(path: Path, task: ReportTask, result: dict[str, Any]) -> None:
    lines = [
        f"province: {task.province}",
        f"step: {task.step}",
        f"notebook: {task.notebook}",
        f"parameters: {json.dumps(task.parameters, ensure_ascii=False)}",
        f"python: {sys.executable}",
        f"error: {result.get('error')}",
        f"cell: {result.get('cell')} (In [{result.get('exec_count')}])",
        "source:",
        result.get("source") or "",
        "",
        "traceback:",
        result.get("traceback") or "",
    ]
    atomic_write_text(path, "\n".join(lines) + "\n")


RESULT_MARK = "@@clusterlib-result "


def main() -> None:
    """Worker loop: read one task (JSON) per line on stdin, answer one result line on stdout.

    Anything else the libraries print goes to stderr (file descriptor 1 is pointed at 2), so the
    protocol stream holds only result lines.
    """
    if os.environ.get(PARENT_ENV):  # started by the runner: end with it, even when it is SIGKILLed
        die_with_parent(int(os.environ[PARENT_ENV]))
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    if os.environ.get(PRELOAD_ENV, "1") != "0":  # start the kernel server while the runner still
        threading.Thread(target=kernel_server, name="kernel-server", daemon=True).start()  # validates
    from clusterlib.run.warm import skip_unused_imports

    skip_unused_imports()  # before nbformat imports jsonschema: 1.6 s of every worker's start
    import nbconvert.exporters  # noqa: F401
    import papermill  # noqa: F401

    from clusterlib.report import export  # noqa: F401

    # SIGTERM from the runner: unwind like Ctrl-C, so the kernel is shut down and the partial
    # notebook removed (papermill and nbclient clean up on KeyboardInterrupt).
    signal.signal(signal.SIGTERM, _terminate)
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            outcome = run_task(ReportTask.from_json(line))
            protocol.write(RESULT_MARK + outcome.to_json() + "\n")
            protocol.flush()
    finally:
        stop_kernel_server()


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
