"""Fixtures of the runner's tests."""

from __future__ import annotations

import shutil

import pytest

from clusterlib.run.forkserver import SERVER_ENV, kernel_server, stop_kernel_server
from clusterlib.run.kernels import kernel_dir


@pytest.fixture
def server(monkeypatch):
    """A kernel server of this process, named to the provisioner by :data:`SERVER_ENV`; stopped after,
    and its kernel spec folder removed."""
    specs = kernel_dir()
    monkeypatch.setenv("JUPYTER_PATH", specs)
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    path = kernel_server()
    assert path is not None, "the kernel server did not start"
    monkeypatch.setenv(SERVER_ENV, path)
    yield path
    stop_kernel_server()
    shutil.rmtree(specs, ignore_errors=True)
