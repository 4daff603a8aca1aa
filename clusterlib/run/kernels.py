"""The kernel spec the run's notebooks execute with: *this* interpreter, in a temporary Jupyter data dir.

Both ways start ``python -m ipykernel_launcher -f {connection_file}`` as papermill and jupyter_client
always do; the preloaded way also names the kernel provisioner :data:`PROVISIONER_NAME`
(:class:`clusterlib.run.provisioner.ForkProvisioner`, registered by entry point), which forks the
kernel from the worker's kernel server instead of starting the command.
"""

from __future__ import annotations

import json
import sys
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

from clusterlib.config import PAGE_ONLY_ENV
from clusterlib.run.provisioner import PROVISIONER_NAME

__all__ = ["KERNEL_NAME", "PROVISIONER_GROUP", "kernel_dir", "provisioner_installed"]

#: Kernel name of the step notebooks; the runner points it at the current interpreter.
KERNEL_NAME = "python3"
#: How a kernel of the run starts: *this* interpreter, ipykernel's launcher.
LAUNCH: tuple[str, ...] = (sys.executable, "-m", "ipykernel_launcher")
#: jupyter_client's entry-point group of kernel provisioners.
PROVISIONER_GROUP = "jupyter_client.kernel_provisioners"


def provisioner_installed() -> bool:
    """True when this environment registers :data:`PROVISIONER_NAME` (``pip install -e .`` does).

    Examples
    --------
    >>> provisioner_installed()
    True
    """
    return any(ep.name == PROVISIONER_NAME for ep in metadata.entry_points(group=PROVISIONER_GROUP))


def kernel_dir(*, preloaded: bool = True) -> str:
    """A Jupyter data dir with a ``python3`` kernel spec that runs *this* interpreter.

    With ``preloaded`` (and the provisioner installed) the spec names :data:`PROVISIONER_NAME`, so
    kernels are forked from the worker's kernel server; otherwise it is the stock spec and every
    kernel starts from scratch.  The caller removes the folder when the run ends.

    Examples
    --------
    >>> import json, pathlib, shutil
    >>> root = pathlib.Path(kernel_dir())
    >>> spec = json.loads((root / "kernels" / "python3" / "kernel.json").read_text())
    >>> spec["argv"][1:3], spec["argv"][-1], spec["metadata"]["kernel_provisioner"]["provisioner_name"]
    (['-m', 'ipykernel_launcher'], '--HistoryManager.enabled=False', 'clusterlib-fork')
    >>> spec["env"]
    {'CLUSTERLIB_PAGE_ONLY': '1'}
    >>> shutil.rmtree(root)
    """
    metadata_: dict[str, object] = {"debugger": False}
    if preloaded and provisioner_installed():
        metadata_["kernel_provisioner"] = {"provisioner_name": PROVISIONER_NAME}
    elif preloaded:
        warnings.warn(
            f"the kernel provisioner {PROVISIONER_NAME!r} is not installed in this environment (run "
            "'pip install -e .' or 'make'); kernels start from scratch",
            stacklevel=2,
        )
    root = Path(tempfile.mkdtemp(prefix="clusterlib-kernel-"))
    spec = root / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                # no IPython history: a report's cells are not the user's commands (they would fill
                # ~/.ipython's history database, one SQLite commit a cell, the kernels in turn)
                "argv": [*LAUNCH, "-f", "{connection_file}", "--HistoryManager.enabled=False"],
                # the kernels' figures as the page's HTML only (clusterlib.report.show); set here, not
                # in the worker's environment, so that no other kernel of the process inherits it
                "env": {PAGE_ONLY_ENV: "1"},
                "display_name": f"Python 3 ({sys.prefix})",
                "language": "python",
                "metadata": metadata_,
            }
        ),
        encoding="utf-8",
    )
    return str(root)
