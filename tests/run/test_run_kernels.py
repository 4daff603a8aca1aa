"""Kernels forked from the worker's kernel server (:mod:`clusterlib.run.forkserver`) through the
kernel provisioner :class:`clusterlib.run.provisioner.ForkProvisioner` (a jupyter_client entry point).

What must hold for papermill's semantics to stay: every notebook gets a new process with an
empty namespace, in the notebook's folder, with the worker's environment of the moment; interrupts
reach it; killing what jupyter_client started ends the kernel; nothing outlives the server; and a
report rendered in a forked kernel equals the one rendered in a kernel started from scratch.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from jupyter_client import KernelManager

from clusterlib.config import NOTEBOOKS_DIR, SAMPLE_DIR
from clusterlib.run import forkserver as _forkserver
from clusterlib.run import run, runner
from clusterlib.run.forkserver import SERVER_ENV, kernel_server, stop_kernel_server
from clusterlib.run.kernels import KERNEL_NAME, kernel_dir
from clusterlib.run.provisioner import ForkedKernel, ForkProvisioner

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kernels are forked only where fork exists")

PROBE = (
    "import os, sys\n"
    "print(os.getpid(), os.getppid(), 'clusterlib' in sys.modules, 'pandas' in sys.modules, "
    "os.getcwd(), os.environ.get('CLUSTERLIB_PROBE'), sep='|')"
)


def _start(cwd: Path) -> tuple[KernelManager, object]:
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def _run(kc, code: str, timeout: float = 60) -> tuple[str, dict]:
    out: list[str] = []

    def collect(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=collect)
    return "".join(out).strip(), reply["content"]


def _server_pid() -> int:
    proc = _forkserver._SERVER["proc"]
    return proc.pid  # type: ignore[attr-defined]


def test_each_kernel_is_a_new_process_of_the_server_with_the_libraries_imported(server, tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERLIB_PROBE", "first")
    km, kc = _start(tmp_path)
    try:
        assert type(km.provisioner) is ForkProvisioner  # the kernel spec names it; found by entry point
        assert isinstance(km.provisioner.process, ForkedKernel)
        pid, ppid, has_cl, has_pd, cwd, probe = _run(kc, PROBE)[0].split("|")
        assert int(ppid) == _server_pid() and int(pid) != _server_pid()
        assert int(pid) == km.provisioner.process.pid and os.getpgid(int(pid)) == int(pid)  # a group of its own
        assert (has_cl, has_pd) == ("True", "True")  # imported before the fork, not by the notebook
        assert Path(cwd) == tmp_path and probe == "first"  # the worker's cwd and environment of now
        _run(kc, "left_behind = 1")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    monkeypatch.setenv("CLUSTERLIB_PROBE", "second")
    km, kc = _start(tmp_path)
    try:
        text, content = _run(kc, PROBE + "\nleft_behind")
        second_pid, _, _, _, _, probe = text.splitlines()[0].split("|")
        assert second_pid != pid and probe == "second"
        assert content["status"] == "error" and content["ename"] == "NameError"  # an empty namespace
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_kernel_without_a_server_starts_from_scratch(monkeypatch, tmp_path):
    specs = kernel_dir()
    monkeypatch.setenv("JUPYTER_PATH", specs)
    monkeypatch.delenv(SERVER_ENV, raising=False)
    km, kc = _start(tmp_path)
    try:
        _, ppid, has_cl, _, _, _ = _run(kc, PROBE)[0].split("|")
        assert has_cl == "False" and int(ppid) == os.getpid()  # started by LocalProvisioner, as always
        assert isinstance(km.provisioner.process, subprocess.Popen)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(specs, ignore_errors=True)


def test_an_interrupt_reaches_the_forked_kernel(server, tmp_path):
    km, kc = _start(tmp_path)
    try:
        started = time.monotonic()
        msg_id = kc.execute("import time; time.sleep(60)")
        time.sleep(1.0)
        km.interrupt_kernel()  # SIGINT to the launcher, passed on to the kernel
        reply = kc.get_shell_msg(timeout=30)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["ename"] == "KeyboardInterrupt" and time.monotonic() - started < 20
        assert _run(kc, "print(6 * 7)")[0] == "42"  # and it keeps working
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_kernel_ends_when_its_provisioner_goes(server, tmp_path):
    """The worker's end of the connection closes (as when the worker is killed): the kernel ends."""
    km, kc = _start(tmp_path)
    pid = int(_run(kc, PROBE)[0].split("|")[0])
    kc.stop_channels()
    km.provisioner.process.conn.close()  # type: ignore[union-attr]
    assert psutil.wait_procs([psutil.Process(pid)], timeout=10)[1] == []
    km.cleanup_resources()


def test_an_immediate_shutdown_kills_the_kernel_and_reports_its_exit(server, tmp_path):
    km, kc = _start(tmp_path)
    pid = int(_run(kc, PROBE)[0].split("|")[0])
    kc.stop_channels()
    km.shutdown_kernel(now=True)  # SIGKILL to the kernel's group, then wait
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert not km.has_kernel


def test_stopping_the_server_leaves_no_process(server, tmp_path):
    km, kc = _start(tmp_path)
    kernel = psutil.Process(int(_run(kc, PROBE)[0].split("|")[0]))
    server_proc = psutil.Process(_server_pid())
    kc.stop_channels()
    stop_kernel_server()
    _, alive = psutil.wait_procs([server_proc, kernel], timeout=10)
    assert alive == []
    assert km.provisioner.process.wait(timeout=10) is not None  # type: ignore[union-attr]
    km.cleanup_resources()


def test_a_changed_source_starts_a_new_server(server, monkeypatch):
    first = _server_pid()
    assert kernel_server() == server and _server_pid() == first  # reused while nothing changed
    monkeypatch.setattr(_forkserver, "_source_stamp", lambda: time.time() + 1000)
    assert kernel_server() != server and _server_pid() != first
    assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE


def _normalised(html: str) -> str:
    """Plotly's random element ids differ between any two renderings."""
    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>", html)


@pytest.mark.slow
def test_forked_and_fresh_kernels_render_the_same_reports(tmp_path, monkeypatch):
    """Every step of a pilot province, both ways: the pages are equal apart from plotly's ids."""
    monkeypatch.setattr(runner, "local_now", lambda: dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    common = {"data_dir": SAMPLE_DIR, "notebooks_dir": NOTEBOOKS_DIR, "progress": False, "jobs": 2,
              "processed_dir": tmp_path / "p"}
    forked = run(["Samsun"], out_dir=tmp_path / "forked", preload_kernels=True, **common)
    fresh = run(["Samsun"], out_dir=tmp_path / "fresh", preload_kernels=False, **common)
    assert all(r.ok for r in forked + fresh), [r.error for r in forked + fresh if not r.ok]
    for a, b in zip(forked, fresh, strict=True):
        assert _normalised(a.output.read_text(encoding="utf-8")) == _normalised(
            b.output.read_text(encoding="utf-8")
        ), a.step
