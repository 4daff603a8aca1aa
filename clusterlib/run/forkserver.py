"""A kernel server: one process with the notebooks' libraries imported, forking a kernel per notebook.

A report spends more time starting its kernel and importing clusterlib, pandas, scipy and plotly
(about 1.5 s on the bundled sample) than on its analysis.  The worker therefore starts this
server once; the server imports those libraries, then waits on a Unix socket.  For each notebook
the run's kernel provisioner (:class:`clusterlib.run.provisioner.ForkProvisioner`) asks the server
for a kernel; the server forks, and the child becomes a fresh ipykernel on the connection file
jupyter_client wrote.  Each notebook still gets a new process with an empty namespace (what it
imports is already in memory, copy-on-write), so papermill's semantics stay: one kernel per
notebook, started and shut down by jupyter_client.

The server runs no notebook code: it imports modules, warms their caches and, asked by the runner,
holds the run's validated tables and what its reports share (:mod:`clusterlib.run.warm`); it starts
no thread, ZeroMQ socket or event loop of its own before a fork (the threads OpenBLAS and jemalloc
start at import handle a fork themselves).  It ends when its worker ends (or dies), and
:func:`kernel_server` starts a new one when clusterlib's source changed since it started.

The socket lies in a folder only this user can enter (``mkdtemp``, mode 0700), so no other user can
ask the server for a kernel.

Protocol (one connection per kernel): the provisioner sends an 8-byte length and a JSON request
``{argv, cwd, env}``; the server answers ``pid N`` after the fork and ``exit CODE`` when the kernel
has ended.  The child keeps the connection as its lifeline: when the provisioner's process ends
(even by SIGKILL) the connection closes and the kernel ends at once.  The kernel leads a session
of its own (``setsid``), reads nothing on stdin and writes its own output to the worker's stderr.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from clusterlib import SUBPACKAGES
from clusterlib.config import PACKAGE_DIR
from clusterlib.run.provisioner import SERVER_ENV
from clusterlib.run.warm import restore_unused_imports, skip_unused_imports, warm_up

__all__ = ["PRELOAD", "SERVER_ENV", "SharedKernelServer", "kernel_server", "stop_kernel_server"]

#: What a kernel gets already imported: the kernel itself and what the step notebooks import.
#: (Not ipywidgets: it registers its comm target with the running kernel at import.)
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.debugger",  # imported when the kernel starts (debugpy: 0.17 s)
    "IPython",
    "numpy",
    "pandas",
    "pyarrow.parquet",
    "scipy.stats",
    "scipy.sparse.linalg",
    "networkx",
    "pymcdm",
    "plotly.graph_objects",
    "plotly.io",
    "filelock",  # the result cache's lock (imported on first use)
    "nbformat",  # what plotly's FigureWidget imports (0.3 s; see clusterlib.run.warm.skip_unused_imports)
    "clusterlib",
    *(f"clusterlib.{name}" for name in SUBPACKAGES),  # the root imports them on first use
)
_READY = "ready"


def _source_stamp() -> float:
    """The newest modification time of clusterlib's source files."""
    return max(p.stat().st_mtime for p in PACKAGE_DIR.rglob("*.py"))


# --------------------------------------------------------------------------------------- server


def _receive(conn: socket.socket) -> dict:
    data = b""
    while len(data) < 8:
        chunk = conn.recv(8 - len(data))
        if not chunk:
            raise ConnectionError("the provisioner closed the connection")
        data += chunk
    size = int.from_bytes(data, "big")
    if size > 1 << 24:
        raise ValueError(f"a kernel request of {size} bytes")
    body = b""
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise ConnectionError("the provisioner closed the connection")
        body += chunk
    return json.loads(body)


def _kernel_child(request: dict, conn: socket.socket) -> None:
    """In the forked child: become the kernel the provisioner asked for; never returns."""
    code = 1
    try:
        os.setsid()  # a process group of its own: the provisioner signals the kernel's group
        restore_unused_imports()  # the notebook's imports behave as in any kernel
        signal.signal(signal.SIGINT, signal.default_int_handler)  # the server ignores Ctrl-C; a kernel must not
        for signum in (signal.SIGTERM, signal.SIGCHLD, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(2, 1)  # the kernel's own output goes to the worker's error stream (its log)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(os.getppid())  # ipykernel ends if the server goes

        def watch_lifeline() -> None:  # the provisioner's process ended (even killed): end at once
            with contextlib.suppress(OSError):
                while conn.recv(64):
                    pass
            os._exit(1)

        threading.Thread(target=watch_lifeline, name="lifeline", daemon=True).start()
        sys.argv = [sys.executable, *request["argv"]]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        # its default was read from the environment when the server imported ipykernel: without
        # it the kernel would not watch the server, and would print a console banner
        app.parent_handle = os.getppid()
        app.initialize(request["argv"])
        app.start()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _hold_tables(request: dict, conn: socket.socket) -> None:
    """Read the run's validated input tables into the loaders' in-process cache (from the run's
    Parquet copy), so that every kernel forked afterwards finds them in memory; answer ``ok`` or the
    error (the kernels then read the tables themselves, and meet the same error there).  Then, before
    any kernel is forked, compute what the run's reports share (:func:`clusterlib.run.warm.shared_analyses`).
    """
    from clusterlib.data import load_tables
    from clusterlib.data.cache import CACHE_ENV
    from clusterlib.run.warm import shared_analyses

    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = request["table_cache"]
    try:
        load_tables(request["data_dir"])
        answer = "ok"
    except Exception as error:  # reported to the runner, which goes on without
        answer = f"error {type(error).__name__}"
    with contextlib.suppress(OSError):
        conn.sendall(f"{answer}\n".encode())
    conn.close()
    try:
        if answer == "ok":
            shared_analyses(request["data_dir"], request.get("languages", ()), steps=request.get("steps"))
    finally:
        if before is None:
            os.environ.pop(CACHE_ENV, None)
        else:
            os.environ[CACHE_ENV] = before


def serve(path: str, preload: tuple[str, ...] = PRELOAD) -> None:
    """Import ``preload``, listen on ``path`` and fork a kernel per connection until the parent ends."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is the runner's business
    skip_unused_imports()
    for name in preload:
        importlib.import_module(name)
    warm_up()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    # a kernel's end wakes the loop at once (SIGCHLD writes to this pipe), so its provisioner hears
    # of it within milliseconds rather than at the next quarter-second tick
    woken, wake = os.pipe()
    os.set_blocking(woken, False)
    os.set_blocking(wake, False)
    signal.set_wakeup_fd(wake, warn_on_full_buffer=False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    print(_READY, flush=True)
    launchers: dict[int, socket.socket] = {}
    while os.getppid() == parent:
        ready, _, _ = select.select([listener, woken], [], [], 0.25)
        if woken in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(woken, 4096)
        if listener in ready:
            conn, _ = listener.accept()
            try:
                request = _receive(conn)
            except (OSError, ValueError, ConnectionError):
                conn.close()
                continue
            if "tables" in request:  # not a kernel: the run's validated tables, read once for all kernels
                _hold_tables(request["tables"], conn)
                continue
            # the server's objects move to the collector's permanent generation: a kernel's
            # collections then never write to them, so their pages stay shared instead of being
            # copied into every kernel (the fork-without-exec advice of the gc module's docs)
            gc.freeze()
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                for fd in (woken, wake):
                    os.close(fd)
                listener.close()
                for other in launchers.values():
                    other.close()
                _kernel_child(request, conn)
            with contextlib.suppress(OSError):
                conn.sendall(f"pid {pid}\n".encode())
            launchers[pid] = conn
        while launchers:  # reap the kernels that ended and tell their launchers
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn = launchers.pop(pid, None)
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.sendall(f"exit {os.waitstatus_to_exitcode(status)}\n".encode())
                conn.close()


# --------------------------------------------------------------------------------------- client

_LOCK = threading.Lock()
_STARTING = threading.Lock()  # one start at a time (the worker may start it ahead of its first task)
_SERVER: dict[str, object] = {}


def stop_kernel_server() -> None:
    """Stop this process's kernel server (its running kernels end with it)."""
    with _LOCK:
        proc = _SERVER.pop("proc", None)
        folder = _SERVER.pop("folder", None)
        _SERVER.clear()
    if isinstance(proc, subprocess.Popen) and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if folder:
        import shutil

        shutil.rmtree(str(folder), ignore_errors=True)


def kernel_server(*, timeout: float = 120.0) -> str | None:
    """The socket path of this process's kernel server, started (or restarted after a change of
    clusterlib's source) when needed; None when none can run here (no ``fork``, or it failed to
    start), in which case kernels start the ordinary way.  Thread-safe."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        return None
    with _STARTING:
        return _kernel_server(timeout)


def _kernel_server(timeout: float) -> str | None:
    with _LOCK:
        proc = _SERVER.get("proc")
        if isinstance(proc, subprocess.Popen) and proc.poll() is None and _SERVER["stamp"] == _source_stamp():
            return str(_SERVER["path"])
    stop_kernel_server()
    folder = Path(tempfile.mkdtemp(prefix="clusterlib-ks-"))
    path = str(folder / "socket")
    stamp = _source_stamp()
    proc = subprocess.Popen(
        # not ``-m clusterlib.run.forkserver``: the package imports this module first (runpy warns)
        [sys.executable, "-c", "import sys; from clusterlib.run.forkserver import serve; serve(sys.argv[1])", path],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        cwd=str(folder),
        env={**{k: v for k, v in os.environ.items() if k != SERVER_ENV}, "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
        text=True,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    ready = False
    while time.monotonic() < deadline and proc.poll() is None:
        if select.select([proc.stdout], [], [], 0.5)[0]:
            ready = proc.stdout.readline().strip() == _READY
            break
    if not ready:
        print(f"clusterlib: the kernel server did not start (exit code {proc.poll()}); kernels start from "
              "scratch", file=sys.stderr)
        proc.kill()
        proc.wait()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        return None
    with _LOCK:
        _SERVER.update(proc=proc, path=path, folder=folder, stamp=stamp)
    return path


class SharedKernelServer:
    """This process's kernel server, started in the background for the workers of one run to share.

    One server for the run rather than one per worker: its imports (about 4.5 s of CPU) are paid
    once, while the runner validates the data.  Each worker's kernels are still forked from it one
    at a time, each a new process with an empty namespace; the server ends with this process (or
    :meth:`close`).
    """

    def __init__(self) -> None:
        self._thread = threading.Thread(target=kernel_server, name="kernel-server", daemon=True)
        self._thread.start()

    def path(self) -> str | None:
        """The server's socket path once it is ready (None when it could not start)."""
        self._thread.join()
        with _LOCK:
            return str(_SERVER["path"]) if "path" in _SERVER else None

    def hold_tables(
        self,
        data_dir: str | os.PathLike[str],
        table_cache: str | os.PathLike[str],
        *,
        languages: tuple[str, ...] = (),
        steps: tuple[str, ...] | None = None,
    ) -> bool:
        """Have the server read the run's validated tables (``data_dir``, through the Parquet copy in
        ``table_cache``) before it forks any kernel: each kernel then finds them in the loaders'
        in-process cache, which is keyed by the files' paths and modification times as ever (a
        changed table is read again, never served stale).  True when the server holds them.  The
        server then computes what the reports of ``steps`` in ``languages`` share
        (:func:`clusterlib.run.warm.shared_analyses`) before it forks the first kernel.
        """
        path = self.path()
        if path is None:
            return False
        tables = {"data_dir": str(data_dir), "table_cache": str(table_cache), "languages": list(languages),
                  "steps": None if steps is None else list(steps)}  # fmt: skip
        request = json.dumps({"tables": tables}).encode()
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(300)
            conn.connect(path)
            conn.sendall(len(request).to_bytes(8, "big") + request)
            return conn.makefile("rb").readline().strip() == b"ok"
        return False

    def close(self) -> None:
        """Stop the server (after the run: its kernels have ended)."""
        self._thread.join()
        stop_kernel_server()


atexit.register(stop_kernel_server)

