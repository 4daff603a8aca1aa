"""The kernel spec the run's notebooks execute with: *this* interpreter, in a temporary Jupyter data dir."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from clusterlib.run import forkkernel

__all__ = ["KERNEL_NAME", "kernel_dir"]

#: Kernel name of the step notebooks; the runner points it at the current interpreter.
KERNEL_NAME = "python3"


def kernel_dir(*, fork_launcher: bool = True) -> str:
    """A Jupyter data dir with a ``python3`` kernel spec that runs *this* interpreter: through the
    fork launcher (a fresh ipykernel, forked from the worker's kernel server when there is one), or
    with ``fork_launcher=False`` as ``python -m ipykernel_launcher`` always starts it.

    The caller removes the folder when the run ends.
    """
    root = Path(tempfile.mkdtemp(prefix="clusterlib-kernel-"))
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    command = [str(Path(forkkernel.__file__))] if fork_launcher else ["-m", "ipykernel_launcher"]
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, *command, "-f", "{connection_file}"],
                "display_name": f"Python 3 ({sys.prefix})",
                "language": "python",
                "metadata": {"debugger": False},
            }
        ),
        encoding="utf-8",
    )
    return str(root)
