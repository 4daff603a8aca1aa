"""A kernel manager and client for papermill that notice a started kernel sooner.

jupyter_client's ``wait_for_ready`` sends ``kernel_info`` and, on the reply, waits up to 0.2 s for
a first IOPub message, to be sure no output will be lost; the kernel's status messages are usually
published before the client's subscription has reached it, so the wait nearly always runs out
once, and ZeroMQ's 100 ms reconnect interval adds to it when the client connects before the
kernel has bound its ports.  On the bundled sample that was 0.3 s of every 1–3 s report.

:class:`ReadyKernelClient` keeps the same guarantee (a ``kernel_info`` reply *and* a message on
IOPub before the first cell runs) but asks again every 20 ms instead of waiting 0.2 s, over
sockets that retry a refused connection every 10 ms.  Used through
``papermill.execute_notebook(..., kernel_manager_class=ReadyKernelManager)``.
"""

from __future__ import annotations

import time
from queue import Empty

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, default

__all__ = ["ReadyKernelClient", "ReadyKernelManager"]

#: Milliseconds between a client's attempts to connect to a kernel not yet listening.
RECONNECT_MS = 10
#: Seconds to wait for the first IOPub message after a ``kernel_info`` reply before asking again.
IOPUB_POLL = 0.02


def _context() -> zmq.asyncio.Context:
    context = zmq.asyncio.Context()
    context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)
    return context


class ReadyKernelClient(AsyncKernelClient):
    """An asynchronous kernel client whose ``wait_for_ready`` polls in short steps."""

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        return _context()

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Return once the kernel answered ``kernel_info`` and IOPub delivers messages.

        Raises
        ------
        RuntimeError
            When the kernel died, or did not answer within ``timeout`` seconds.
        """
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=IOPUB_POLL)
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


class ReadyKernelManager(AsyncKernelManager):
    """An asynchronous kernel manager whose clients are :class:`ReadyKernelClient`."""

    client_class = DottedObjectName("clusterlib.run.kernelclient.ReadyKernelClient")

    @default("client_factory")
    def _client_factory_default(self) -> type:
        return ReadyKernelClient

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        return _context()
