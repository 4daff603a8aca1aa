"""One safe way to read the YAML files users hand the workbench (run specs, mapping files).

:func:`load_yaml` reads with PyYAML's safe loader and refuses, before anything is built, a
document that uses anchors or aliases (``&a`` / ``*a``): a few lines of aliases can expand to
billions of nodes (the "billion laughs"), and a shared configuration file has no need of them.
It also refuses a document of more than :data:`MAX_NODES` nodes.  :func:`shorten` gives the
``repr`` of a value cut to a readable length, for error messages that echo what was given.

Examples
--------
>>> load_yaml("provinces: [Çorum, 55]\\njobs: 2")
{'provinces': ['Çorum', 55], 'jobs': 2}
>>> load_yaml("a: &x [1, 2]\\nb: *x")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
clusterlib.yamlsafe.YamlSafetyError: line 1: anchors and aliases (&name, *name) are not allowed ...
>>> shorten("x" * 500, 20)
"'xxxxxxxxxxxxxxxxxx…"
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

__all__ = ["MAX_NODES", "YamlSafetyError", "load_yaml", "shorten"]

#: Most nodes (scalars, lists, mappings) a document may have.
MAX_NODES = 100_000

try:  # the C loader when PyYAML was built with libyaml
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader


class YamlSafetyError(yaml.YAMLError):
    """A YAML document refused before it was built (anchors, aliases or too many nodes)."""


def shorten(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters (with an ellipsis), without building the full
    ``repr`` of a huge list or mapping first.

    Examples
    --------
    >>> shorten([1, 2, 3]), shorten(list(range(10**6)), 12)
    ('[1, 2, 3]', '[0, 1, 2, 3…')
    """
    if isinstance(value, (list, tuple, dict, set)) and len(value) > limit:
        items = list(value.items() if isinstance(value, dict) else value)[:limit]
        value = dict(items) if isinstance(value, dict) else items
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_yaml(source: str | os.PathLike[str], *, max_nodes: int = MAX_NODES) -> Any:
    """Parse YAML safely: plain data only, no anchors or aliases, at most ``max_nodes`` nodes.

    Parameters
    ----------
    source : str or path-like
        YAML text (a ``str``), or the path of a file (a :class:`pathlib.Path` or other path-like).
    max_nodes : int, default :data:`MAX_NODES`

    Returns
    -------
    The data (dicts, lists, str, int, float, bool, None, dates); None for an empty document.

    Raises
    ------
    YamlSafetyError
        For an anchor, an alias or too many nodes, naming the line.
    yaml.YAMLError
        For text that is not YAML.
    OSError
        When the file cannot be read.
    """
    text = Path(source).read_text(encoding="utf-8") if isinstance(source, os.PathLike) else source
    nodes = 0
    # the events come from the parser, before anything is composed or built: cheap for any input
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            line = event.start_mark.line + 1 if event.start_mark is not None else "?"
            raise YamlSafetyError(
                f"line {line}: anchors and aliases (&name, *name) are not allowed in this file; "
                "write the values out in full"
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            if nodes > max_nodes:
                raise YamlSafetyError(f"more than {max_nodes:,} values: this is not a configuration file")
    return yaml.load(text, Loader=_Loader)
