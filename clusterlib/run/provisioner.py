"""A jupyter_client kernel provisioner that forks each kernel from the worker's preloaded kernel server.

A report spends more time starting its kernel and importing pandas, scipy, plotly and clusterlib
than running its cells.  Each report worker therefore keeps a kernel server
(:mod:`clusterlib.run.forkserver`) that has imported them once; for every notebook this
provisioner asks that server to fork a new process that becomes the kernel (an ipykernel on the
connection file jupyter_client wrote).  Each notebook still gets a new process and an empty
namespace; only the imports are already done.

It plugs in through jupyter_client's supported extension point, a kernel provisioner registered
under the entry-point group ``jupyter_client.kernel_provisioners`` (``pyproject.toml``) and named in
the kernel spec's ``metadata.kernel_provisioner`` (:func:`clusterlib.run.kernels.kernel_dir`).  It
subclasses :class:`jupyter_client.provisioning.LocalProvisioner`, which is meant to be subclassed,
and overrides two public methods, :meth:`ForkProvisioner.launch_kernel` and
:meth:`ForkProvisioner.kill`: the kernel process is represented by a :class:`ForkedKernel`, which
answers ``poll``/``wait``/``send_signal``/``kill``/``terminate`` like a :class:`subprocess.Popen`.
Without a server (``--fresh-kernels``, no ``fork``, or the server cannot be reached) it launches the
kernel command as LocalProvisioner does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import select
import signal
import socket
import time
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner

__all__ = ["PROVISIONER_NAME", "SERVER_ENV", "ForkProvisioner", "ForkedKernel", "fork_kernel"]

#: The name the provisioner is registered under (entry point) and named by in the kernel spec.
PROVISIONER_NAME = "clusterlib-fork"
#: Environment variable with the path of the worker's kernel server's Unix socket.
SERVER_ENV = "CLUSTERLIB_KERNEL_SERVER"
_LAUNCHER = "ipykernel_launcher"
#: Seconds :meth:`ForkProvisioner.kill` waits for a killed forked kernel's exit to be reported.
KILL_WAIT = 0.5


class ForkedKernel:
    """A kernel process forked by the kernel server, seen like a :class:`subprocess.Popen`.

    The kernel is the server's child, not ours: its exit code arrives on the connection to the
    server (``exit CODE``); signals go to its pid.  The connection is also the kernel's lifeline:
    when this process ends (even by SIGKILL) the kernel sees it closed and ends too.
    """

    stdin = stdout = stderr = None

    def __init__(self, conn: socket.socket, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.conn = conn
        self.buffer = b""

    def poll(self) -> int | None:
        """The exit code once the kernel ended, else None (never blocks)."""
        while self.returncode is None and select.select([self.conn], [], [], 0)[0]:
            chunk = self.conn.recv(256)
            if not chunk:  # the server ended before the kernel: ask the system
                if not _alive(self.pid):
                    self._ended(1)
                break
            self.buffer += chunk
            for line in self.buffer.decode("ascii", "replace").splitlines():
                if line.startswith("exit "):
                    self._ended(int(line.split()[1]))
        if self.returncode is None and self.conn.fileno() == -1 and not _alive(self.pid):
            self.returncode = 1
        return self.returncode

    def _ended(self, code: int) -> None:
        self.returncode = code
        with contextlib.suppress(OSError):
            self.conn.close()

    def wait(self, timeout: float | None = None) -> int:
        """Block until the kernel ended; its exit code.

        Raises
        ------
        TimeoutError
            When it still runs after ``timeout`` seconds.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"the kernel (pid {self.pid}) still runs after {timeout} s")
            if self.conn.fileno() == -1:
                time.sleep(0.02)
            else:  # the server's "exit" line wakes us at once
                select.select([self.conn], [], [], 0.02)
        return int(self.returncode)  # type: ignore[arg-type]

    def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the kernel (nothing when it already ended)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def kill(self) -> None:
        """SIGKILL the kernel."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM the kernel."""
        self.send_signal(signal.SIGTERM)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process took the pid
        return True
    return True


def fork_kernel(server: str, argv: list[str], *, cwd: str, env: dict[str, str]) -> ForkedKernel:
    """Ask the kernel server at ``server`` for a kernel started with the ipykernel arguments ``argv``
    (``["-f", "kernel-….json"]``), in ``cwd`` with ``env``.

    Raises
    ------
    OSError
        When the server cannot be reached or did not start a kernel.
    """
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(server)
        request = json.dumps({"argv": argv, "cwd": cwd, "env": env}).encode()
        conn.sendall(len(request).to_bytes(8, "big") + request)
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = conn.recv(64)
            if not chunk:
                raise ConnectionError("the kernel server closed the connection before starting a kernel")
            reply += chunk
        first, _, rest = reply.partition(b"\n")
        words = first.decode("ascii", "replace").split()
        if len(words) != 2 or words[0] != "pid":
            raise ConnectionError(f"the kernel server did not start a kernel: {first!r}")
    except OSError:
        conn.close()
        raise
    kernel = ForkedKernel(conn, int(words[1]))
    kernel.buffer = rest
    return kernel


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """Kernels forked from the worker's kernel server (:data:`SERVER_ENV`), else started as usual."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Launch the kernel: forked from the kernel server when there is one and ``cmd`` is an
        ipykernel command (``python -m ipykernel_launcher -f FILE``); else as LocalProvisioner does."""
        env = dict(kwargs.get("env") or os.environ)
        server = env.pop(SERVER_ENV, None)
        if server and _LAUNCHER in cmd:
            cwd = str(kwargs.get("cwd") or os.getcwd())
            try:
                kernel = fork_kernel(server, cmd[cmd.index(_LAUNCHER) + 1 :], cwd=cwd, env=env)
            except OSError as err:
                self.log.warning("clusterlib: no kernel from the kernel server (%s); starting one from scratch", err)
            else:
                self.process = kernel
                self.pid = kernel.pid
                self.pgid = kernel.pid  # the kernel leads a session of its own (os.setsid in the child)
                self.cwd = cwd
                return self.connection_info
        if "env" in kwargs:
            kwargs = {**kwargs, "env": env}
        return await super().launch_kernel(cmd, **kwargs)

    async def kill(self, restart: bool = False) -> None:
        """Kill the kernel as LocalProvisioner does; a forked one is then awaited (up to :data:`KILL_WAIT` s).

        A killed process ends at once, and the server reports it within milliseconds; waiting for
        that here spares jupyter_client's shutdown its 0.1 s polling interval (it asks whether the
        kernel is alive right after the kill, then sleeps).
        """
        await super().kill(restart=restart)
        kernel = self.process
        if isinstance(kernel, ForkedKernel):
            deadline = time.monotonic() + KILL_WAIT
            while kernel.poll() is None and time.monotonic() < deadline:
                await asyncio.sleep(0.002)
