"""Post-run hooks: pages a package writes after each language of a run, without the runner knowing it.

The runner renders notebooks; it knows no step by name.  A package that has pages of its own to
write after a run (the monitoring step's knowledge-base and info-spot pages, the national overview)
registers a hook, a callable ``hook(summary) -> path(s) | None`` that receives the
:class:`~clusterlib.run.results.RunSummary` of one language and decides itself whether it has
anything to do (e.g. only when the run included its step).  Hooks come from two places:

* the entry-point group :data:`ENTRY_POINT_GROUP` (``clusterlib.post_run``) of the installed
  distributions, declared in ``pyproject.toml``::

      [project.entry-points."clusterlib.post_run"]
      national_pages = "clusterlib.national.postrun:national_pages"

* :func:`register`, for a caller that adds one at run time (a test, a notebook, a plug-in).

The hooks run in name order, after the reports and before the index (which links the pages they
wrote).  A hook that raises is reported (stderr, ``run.json``'s ``post_run``) and does not fail the
run: the reports are already published and nothing is removed, so earlier good output stays.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clusterlib.run.results import RunSummary

__all__ = [
    "ENTRY_POINT_GROUP",
    "Hook",
    "HookOutcome",
    "failed_hooks",
    "import_ahead",
    "post_run_hooks",
    "register",
    "run_hooks",
    "unregister",
]

#: The entry-point group the runner reads its post-run hooks from.
ENTRY_POINT_GROUP = "clusterlib.post_run"

Hook = Callable[["RunSummary"], Any]
#: Pages of a hook listed by name in ``run.json`` (the national overview writes 164).
PAGES_LISTED = 5

_REGISTERED: dict[str, Hook] = {}


@dataclass(frozen=True)
class HookOutcome:
    """What one hook did for one language: ``status`` is ``"ok"``, ``"skipped"`` (nothing to do)
    or ``"failed"`` (with the error)."""

    hook: str
    lang: str
    status: str
    pages: tuple[str, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dictionary (for ``run.json``): the first :data:`PAGES_LISTED` pages and their count.

        Examples
        --------
        >>> HookOutcome("national_pages", "tr", "ok", ("tr/national.html",)).to_dict()["pages"]
        ['tr/national.html']
        """
        return {
            "hook": self.hook,
            "lang": self.lang,
            "status": self.status,
            "pages": list(self.pages[:PAGES_LISTED]),
            "pages_written": len(self.pages),
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }


def register(name: str, hook: Hook) -> None:
    """Add (or replace) a post-run hook under ``name`` for this process.

    Raises
    ------
    TypeError
        When ``hook`` is not callable.

    Examples
    --------
    >>> register("demo", lambda summary: None)
    >>> "demo" in post_run_hooks()
    True
    >>> unregister("demo")
    """
    if not callable(hook):
        raise TypeError(f"post-run hook {name!r} must be callable, got {type(hook).__name__}")
    _REGISTERED[name] = hook


def unregister(name: str) -> None:
    """Remove a hook added with :func:`register` (nothing happens when there is none)."""
    _REGISTERED.pop(name, None)


def _entry_point_hooks() -> dict[str, Hook]:
    return {ep.name: _loader(ep) for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def _loader(ep: metadata.EntryPoint) -> Hook:
    """A hook that imports its entry point when first called (so a broken plug-in fails as a hook,
    reported in the summary, not the whole run)."""

    def hook(summary: RunSummary) -> Any:
        return ep.load()(summary)

    hook.__name__ = ep.name
    hook.__qualname__ = ep.value
    hook.entry_point = ep  # type: ignore[attr-defined]
    return hook


def post_run_hooks() -> dict[str, Hook]:
    """Every hook of this run, by name in the order they run: the installed entry points, then those
    added with :func:`register` (which replace an entry point of the same name)."""
    hooks = {**_entry_point_hooks(), **_REGISTERED}
    return dict(sorted(hooks.items()))


def import_ahead(summaries: Iterable[RunSummary] = ()) -> threading.Thread:
    """Import the hooks and the subpackages they read in a background thread, while the reports run;
    then run each hook's ``ahead`` step, if it has one, for ``summaries``.

    The runner imports clusterlib's steps only on first use; a post-run page that needs one (the
    knowledge base reads the questionnaire through ``clusterlib.needs``, which imports scipy) would
    otherwise pay that import after the last report, with the other core idle.  A hook may also
    carry an ``ahead`` attribute, a callable taking the same :class:`~clusterlib.run.results.RunSummary`
    as the hook (its ``results`` still empty): what it writes does not depend on the reports, and the
    hook finds it done (the national overview's workbooks).  Join the thread before running the
    hooks, and before sweeping temporary files; an import or an ``ahead`` step that fails here is
    left to the hook, which does the work itself and reports its error.
    """
    planned = tuple(summaries)

    def load() -> None:
        from clusterlib import SUBPACKAGES

        hooks: dict[str, Hook] = {}
        with contextlib.suppress(Exception):
            hooks = post_run_hooks()
        for name in SUBPACKAGES:
            with contextlib.suppress(Exception):
                importlib.import_module(f"clusterlib.{name}")
        for hook in hooks.values():
            ahead = _ahead_of(hook)
            for summary in planned if ahead is not None else ():
                with contextlib.suppress(Exception):
                    ahead(summary)

    thread = threading.Thread(target=load, name="import-ahead", daemon=True)
    thread.start()
    return thread


def _ahead_of(hook: Hook) -> Callable[[RunSummary], Any] | None:
    """The ``ahead`` step of a hook (of its entry point's target, for an installed hook), if any."""
    target = getattr(hook, "entry_point", None)
    if target is not None:
        try:
            target = target.load()
        except Exception:
            return None
    ahead = getattr(target if target is not None else hook, "ahead", None)
    return ahead if callable(ahead) else None


def _pages(written: object, out_dir: Path) -> tuple[str, ...]:
    if written is None:
        return ()
    items: Iterable[object] = [written] if isinstance(written, (str, Path)) else written  # type: ignore[assignment]
    shown = []
    for item in items:
        path = Path(str(item))
        try:
            shown.append(path.resolve().relative_to(out_dir.resolve()).as_posix())
        except ValueError:
            shown.append(path.name)
    return tuple(shown)


def run_hooks(summary: RunSummary, hooks: dict[str, Hook] | None = None) -> list[HookOutcome]:
    """Call every hook on ``summary``; a hook that raises is reported on stderr and in the outcome.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from pathlib import Path
    >>> summary = SimpleNamespace(lang="en", out_dir=Path("."))
    >>> def broken(summary):
    ...     raise OSError("disk full")
    >>> [(o.hook, o.status) for o in run_hooks(summary, {"none": lambda s: None, "broken": broken})]
    ... # doctest: +ELLIPSIS
    [('none', 'skipped'), ('broken', 'failed')]
    """
    outcomes = []
    for name, hook in (post_run_hooks() if hooks is None else hooks).items():
        started = time.perf_counter()
        try:
            written = hook(summary)
        except Exception as err:  # a page of its own must not fail the reports
            error = f"{type(err).__name__}: {err}"
            print(f"post-run hook {name!r} ({summary.lang}) failed: {error}", file=sys.stderr, flush=True)
            outcomes.append(HookOutcome(name, summary.lang, "failed", error=error,
                                        seconds=time.perf_counter() - started))  # fmt: skip
            continue
        pages = _pages(written, Path(summary.out_dir))
        status = "skipped" if written is None else "ok"
        outcomes.append(HookOutcome(name, summary.lang, status, pages, seconds=time.perf_counter() - started))
    return outcomes


def failed_hooks(out_dir: str | Path) -> list[HookOutcome]:
    """The hooks that failed in the last run of ``out_dir`` (from its ``run.json``; none without it).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> failed_hooks(pathlib.Path(tempfile.mkdtemp()))
    []
    """
    path = Path(out_dir) / "run.json"
    if not path.is_file():
        return []
    entries = json.loads(path.read_text(encoding="utf-8")).get("post_run") or []
    return [
        HookOutcome(e["hook"], e["lang"], e["status"], tuple(e.get("pages") or ()), e.get("error"))
        for e in entries
        if e.get("status") == "failed"
    ]
