"""Processes that end with the process that started them, however it ends (even by SIGKILL).

The runner starts its workers with :data:`PARENT_ENV` set to its pid; each worker calls
:func:`die_with_parent` first thing, so killing the runner (``kill -9``) ends its workers at once, and
their kernels with them (a kernel ends when its worker's connection closes: :mod:`clusterlib.run.forkserver`).
Standard library only.
"""

from __future__ import annotations

import os
import signal
import sys
import time

__all__ = ["PARENT_ENV", "die_with_parent"]

#: Environment variable with the pid a report worker must outlive no longer (the runner's).
PARENT_ENV = "CLUSTERLIB_PARENT_PID"
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """End this process (SIGKILL) as soon as its parent process ends, however it ends.

    On Linux the kernel does it (``prctl(PR_SET_PDEATHSIG, SIGKILL)``; the "parent" is the thread
    that started this process, which for the runner's workers lives as long as they are needed).
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
