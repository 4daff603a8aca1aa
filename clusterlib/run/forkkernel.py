"""The command of the runner's kernel spec: a fresh kernel forked from a preloaded server.

jupyter_client starts this file (by path, so that nothing of clusterlib is imported here) as it
would start ``python -m ipykernel_launcher -f CONNECTION_FILE``.  When the environment names a
kernel server (:data:`SERVER_ENV`, set by the report worker), the file asks that server for a
kernel: the server forks a child that already has clusterlib, pandas, scipy and plotly imported,
and the child starts an ipykernel on the given connection file.  This process stands in for the
kernel towards jupyter_client for as long as the kernel lives:

* its standard streams are handed to the kernel, so the kernel's output goes where it always did;
* the signals jupyter_client sends (SIGINT to interrupt, SIGTERM, SIGHUP) are passed on;
* it exits with the kernel's exit code when the kernel ends;
* when this process is killed (SIGKILL, as an "immediate" shutdown does), the kernel notices at
  once through a pipe whose other end only this process holds, and ends too;
* when the process that started it (the report worker) dies, even by SIGKILL, this process is
  killed too (:func:`die_with_parent`), and with it the kernel.

Without a server, or when the server cannot be reached, it becomes an ordinary ipykernel
(``exec``), so the kernel spec works everywhere.  Standard library only.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sys
import time

#: Environment variable with the path of the kernel server's Unix socket.
SERVER_ENV = "CLUSTERLIB_KERNEL_SERVER"
_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)


#: Environment variable with the pid a report worker must outlive no longer (the runner's).
PARENT_ENV = "CLUSTERLIB_PARENT_PID"
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """End this process (SIGKILL) as soon as its parent process ends, however it ends.

    On Linux the kernel does it (``prctl(PR_SET_PDEATHSIG, SIGKILL)``; it survives ``exec``, so a
    fresh ipykernel exec'd from here is covered too; the "parent" is the thread that started this
    process, which for the runner's workers and for kernels lives as long as they are needed).
    Elsewhere a daemon thread checks the parent twice a second.  ``parent`` is the pid expected as
    parent: when it is already gone, this process ends at once.
    """
    parent = os.getppid() if parent is None else parent
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)
    if not armed:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGKILL)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _fresh_kernel(argv: list[str]) -> None:
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def main(argv: list[str]) -> int:
    die_with_parent()
    path = os.environ.get(SERVER_ENV)
    if not path:
        _fresh_kernel(argv)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path)
    except OSError:
        conn.close()
        _fresh_kernel(argv)
    lifeline_read, _write_end = os.pipe()  # the write end stays open here, unwritten, until this process ends
    request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
    socket.send_fds(conn, [len(request).to_bytes(8, "big") + request], [0, 1, 2, lifeline_read])
    os.close(lifeline_read)
    reader = conn.makefile("r", encoding="utf-8")
    first = reader.readline().split()
    if len(first) != 2 or first[0] != "pid":
        print(f"the kernel server did not start a kernel: {' '.join(first)!r}", file=sys.stderr)
        return 1
    pid = int(first[1])

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    for signum in _FORWARDED:
        signal.signal(signum, forward)
    line = reader.readline().split()  # "exit CODE" when the server reaped the kernel
    if len(line) == 2 and line[0] == "exit":
        return int(line[1])
    while _alive(pid):  # the server went away first: wait for the kernel itself
        time.sleep(0.2)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
