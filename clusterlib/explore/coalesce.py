"""One redraw for a burst of control changes from the browser: changes already waiting are folded in.

A slider moved by several key presses (or a held arrow key) sends one value per press.  The kernel
handles the messages one after another, so a view that redraws inside each message draws every
intermediate value, and the browser paints each of them before it shows the last.  A
:class:`Coalescer` runs the redraw once the kernel's event loop has gone one turn without a new
request: value messages that have already arrived are handled first (the kernel takes one message
per turn; each only sets its control's value), and the one redraw then reads the newest values.
Nothing waits on a timer, so a single change redraws as soon as before (two loop turns later);
the drawing is the same as drawing every value in turn and keeping the last.  Measured in a
kernel (ipykernel 7): three value messages sent at once gave one redraw of the last value; sent
5 ms apart, two; 30 ms apart, three, as before.

JupyterLab 4.6 with ipykernel 7 may deliver widget messages on a kernel *subshell* thread, with
its own event loop, while the main thread is still redrawing (seen in the browser test: the second
key press of a slider arrived on a subshell thread and, as the view was busy drawing the first,
was dropped).  So every call runs on the *home* loop, the main thread's loop running when the
Coalescer was made (the cell that built the view); requests from another thread are handed to it
thread-safely, and the calls never overlap.

A change made from Python on the home thread (a cell, a test, the benchmark) and any change
outside a running event loop redraw at once, so ``view.controls["year"].value = 2020`` is followed
by the new drawing on the next line, as before.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping

__all__ = ["Coalescer", "from_browser"]


def from_browser(change: Mapping[str, object]) -> bool:
    """Whether a traitlets change came from the browser (the widget is applying the front end's state).

    ipywidgets holds the properties it is setting from a front-end message in the widget's
    ``_property_lock`` while it sets them; a change made from Python does not.  A dropdown or a
    selection slider syncs its ``index``; its ``value`` follows in Python while the lock holds the
    index, so any change of the widget under the lock counts.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> slider = widgets.IntSlider()
    >>> seen = []
    >>> slider.observe(lambda change: seen.append(from_browser(change)), names="value")
    >>> slider.value = 3                  # from Python
    >>> slider.set_state({"value": 4})    # as a message from the browser applies it
    >>> years = widgets.SelectionSlider(options=[2020, 2021, 2022])
    >>> years.observe(lambda change: seen.append(from_browser(change)), names="value")
    >>> years.set_state({"index": 2})     # the browser sends the index
    >>> seen, years.value
    ([False, True, True], 2022)
    """
    return bool(getattr(change.get("owner"), "_property_lock", None))


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # no event loop in this thread (a script, a test)
        return None


class Coalescer:
    """Run ``action`` once for requests that follow each other in consecutive event-loop turns.

    Parameters
    ----------
    action : callable
        Called without arguments (a view's redraw, which reads the controls' current values).

    Examples
    --------
    >>> calls = []
    >>> once = Coalescer(lambda: calls.append(len(calls)))
    >>> once.request(deferred=True)   # no running event loop: at once
    >>> calls
    [0]
    >>> async def burst():
    ...     for _ in range(3):
    ...         once.request(deferred=True)
    ...     waiting = once.pending
    ...     for _ in range(2):
    ...         await asyncio.sleep(0)
    ...     return waiting
    >>> asyncio.run(burst()), calls   # three requests in one turn: one call
    (True, [0, 1])
    """

    def __init__(self, action: Callable[[], object]) -> None:
        self._action = action
        self._home = _running_loop()  # the loop of the thread that built the view (the kernel's main loop)
        self._thread = threading.current_thread()
        self._lock = threading.Lock()
        self._scheduled = False  # a call is waiting for a quiet turn
        self._fresh = False  # a request arrived since the last turn
        self._generation = 0  # a cancelled call's turns stop

    def on_home_thread(self) -> bool:
        """Whether the caller runs on the thread that made the Coalescer (where the calls run)."""
        return threading.current_thread() is self._thread

    @property
    def pending(self) -> bool:
        """Whether a call is waiting for a quiet turn of the event loop."""
        return self._scheduled

    def request(self, *, deferred: bool) -> None:
        """Ask for a call: at once when made from Python on the home thread, else on the home loop.

        ``deferred`` says the request comes from the browser (:func:`from_browser`).  Without any
        running event loop the call is made at once; a call at once also drops a waiting one (it
        has read the same or newer values).
        """
        here = _running_loop()
        home = self._home if self._home is not None and self._home.is_running() else here
        if home is None or (here is home and not deferred):
            self.cancel()
            self._action()
            return
        with self._lock:
            self._fresh = True
            if self._scheduled:  # a call already waiting will read the newest values
                return
            self._scheduled = True
            generation = self._generation
        if here is home:
            home.call_soon(self._turn, home, generation)
        else:  # a message handled on another thread (a kernel subshell): the home thread draws
            home.call_soon_threadsafe(self._turn, home, generation)

    def cancel(self) -> None:
        """Drop a waiting call, if any."""
        with self._lock:
            self._scheduled = False
            self._generation += 1

    def _turn(self, loop: asyncio.AbstractEventLoop, generation: int) -> None:
        with self._lock:
            if generation != self._generation or not self._scheduled:
                return
            if self._fresh:  # requests came in during the last turn: give the next message a turn too
                self._fresh = False
                loop.call_soon(self._turn, loop, generation)
                return
            self._scheduled = False
        self._action()
