"""A real JupyterLab server on 127.0.0.1 for the browser tests of the exploration notebooks.

The server gets a random free port, a random token, no browser, and temporary config, runtime,
settings and workspace folders, so it neither reads nor changes the user's Jupyter set-up; it reads
the project's Lab configuration as ``make lab`` does (``JUPYTER_CONFIG_PATH`` =
:data:`clusterlib.explore.lab.LAB_CONFIG_DIR`: outputs stripped on save, no news prompt, cells kept
rendered), so the test sees the user's Lab.  On exit every kernel is shut down through the REST API,
then the server, the test can check that no kernel process is left behind, and the temporary
folders are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil

from clusterlib.explore.lab import LAB_CONFIG_DIR


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: where it listens, its token, its root and runtime folders."""

    port: int
    token: str
    root: Path
    runtime: Path
    process: subprocess.Popen
    home: Path

    def url(self, path: str) -> str:
        """The address of ``path`` in the Lab UI, with the token."""
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def api(self, path: str, method: str = "GET") -> object:
        """Call the server's REST API (``/api/<path>``) and decode the JSON answer."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/{path}", method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_processes(self) -> list[psutil.Process]:
        """Kernel processes started by this server (their connection file lies in its runtime folder)."""
        found = []
        for proc in psutil.process_iter(["cmdline"]):
            with contextlib.suppress(psutil.Error):
                if any(str(self.runtime) in part for part in proc.info["cmdline"] or []):
                    found.append(proc)
        return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(root: Path, *, timeout: float = 90) -> Iterator[Lab]:
    """Start JupyterLab on ``root``; stop its kernels and the server on exit."""
    home = Path(tempfile.mkdtemp(prefix="clusterlib-lab-"))
    folders = {name: home / name for name in ("config", "runtime", "settings", "workspaces", "data")}
    for folder in folders.values():
        folder.mkdir()
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(folders["config"]),
        JUPYTER_CONFIG_PATH=str(LAB_CONFIG_DIR),  # as `make lab`
        JUPYTER_RUNTIME_DIR=str(folders["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(folders["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(folders["workspaces"]),
        IPYTHONDIR=str(folders["data"] / "ipython"),
    )
    port, token = _free_port(), secrets.token_hex(24)
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
               "--allow-root"]
    log = (home / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    lab = Lab(port=port, token=token, root=root, runtime=folders["runtime"], process=process,
              home=home)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                lab.api("status")
                break
            except (urllib.error.URLError, ConnectionError) as err:
                if process.poll() is not None or time.monotonic() > deadline:
                    log_text = (home / "server.log").read_text()[-2000:]
                    raise RuntimeError(f"JupyterLab did not start: {log_text}") from err
                time.sleep(0.3)
        yield lab
    finally:
        with contextlib.suppress(Exception):
            for kernel in lab.api("kernels"):
                lab.api(f"kernels/{kernel['id']}", method="DELETE")
        with contextlib.suppress(Exception):
            lab.api("shutdown", method="POST")
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        shutil.rmtree(home, ignore_errors=True)
