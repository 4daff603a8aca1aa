"""The kernel client of the run's notebooks: jupyter_client's, told sooner that a new kernel is ready.

jupyter_client's ``wait_for_ready`` sends ``kernel_info`` until a reply comes and an IOPub message
follows within 0.2 s, then drains IOPub until it has been silent for 0.2 s.  A kernel that has just
started sends its status messages before the client's IOPub subscription has reached it, so the
first 0.2 s wait nearly always runs out and the final drain adds another 0.2 s: about 0.4 s of
every report spent waiting on a kernel that was ready.  :class:`ReadyKernelClient` keeps the same
guarantee (the kernel answered on the shell channel *and* an IOPub message arrived, so no output of
the first cell can be lost) but polls every :data:`POLL_SECONDS` and then drops only what is
already queued; its sockets retry a refused connection every 10 ms instead of ZeroMQ's 100 ms.

It plugs in through public, configurable traits only: nbclient's
``NotebookClient.kernel_manager_class`` (papermill passes it on) names :class:`ReadyKernelManager`,
whose ``client_class`` (and ``client_factory``) name :class:`ReadyKernelClient`, which overrides the public methods
``wait_for_ready`` and ``start_channels``.
"""

from __future__ import annotations

import math
import time
from queue import Empty
from typing import Any

import zmq
from jupyter_client import AsyncKernelClient, AsyncKernelManager
from jupyter_client.session import protocol_version
from traitlets import DottedObjectName, Type

__all__ = ["POLL_SECONDS", "ReadyKernelClient", "ReadyKernelManager"]

#: How long one wait for the first IOPub message lasts before ``kernel_info`` is sent again.
POLL_SECONDS = 0.02
#: ZeroMQ's reconnect interval for the client's sockets, in milliseconds (its default is 100).
RECONNECT_MS = 10
_MAJOR = int(protocol_version.split(".")[0])


class ReadyKernelClient(AsyncKernelClient):
    """An asynchronous kernel client whose :meth:`wait_for_ready` returns as soon as it may.

    Examples
    --------
    >>> ReadyKernelManager().client_factory is ReadyKernelClient
    True
    """

    def start_channels(self, *args: Any, **kwargs: Any) -> None:
        """Start the channels with sockets that retry a refused connection every 10 ms."""
        self.context.setsockopt(zmq.RECONNECT_IVL, RECONNECT_MS)
        super().start_channels(*args, **kwargs)

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Return once the kernel has replied to ``kernel_info`` and an IOPub message has arrived.

        Parameters
        ----------
        timeout : float, optional
            Seconds to wait at most; ``None`` waits for ever.

        Raises
        ------
        RuntimeError
            When the kernel died or did not answer within ``timeout``, as jupyter_client raises.
        """
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            reply = await self._kernel_info_reply(deadline)
            if reply is not None:
                self._adapt_protocol(reply)
                try:
                    await self.get_iopub_msg(timeout=POLL_SECONDS)  # the subscription is live
                except Empty:
                    pass
                else:
                    break
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
        while True:  # drop the status messages of the kernel_info requests already queued
            try:
                await self.get_iopub_msg(timeout=0)
            except Empty:
                break

    async def _kernel_info_reply(self, deadline: float) -> dict | None:
        """A ``kernel_info`` reply, or None when none came within a second (or by ``deadline``)."""
        until = min(deadline, time.monotonic() + 1.0)
        while (left := until - time.monotonic()) > 0:
            try:
                msg = await self.get_shell_msg(timeout=left)
            except Empty:
                return None
            if msg["msg_type"] == "kernel_info_reply":  # a late reply to an earlier request will do
                return msg
        return None

    def _adapt_protocol(self, reply: dict) -> None:
        """Speak the kernel's protocol version, as jupyter_client does on a ``kernel_info`` reply."""
        major = int(reply["content"]["protocol_version"].split(".")[0])
        if major != _MAJOR:
            self.session.adapt_version = major


class ReadyKernelManager(AsyncKernelManager):
    """jupyter_client's asynchronous kernel manager, handing out :class:`ReadyKernelClient`."""

    client_class = DottedObjectName("clusterlib.run.client.ReadyKernelClient", config=True)
    client_factory = Type(ReadyKernelClient, klass=AsyncKernelClient, config=True)
