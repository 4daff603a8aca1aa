"""Files a report embeds: plotly.js from the installed plotly package (reports inline it, so that a
report works offline and on its own, without a folder of assets beside it)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["plotly_js_path"]


def plotly_js_path() -> Path:
    """The ``plotly.min.js`` shipped inside the installed plotly package.

    Raises
    ------
    FileNotFoundError
        When the plotly package has no ``package_data/plotly.min.js`` (a broken install).

    Examples
    --------
    >>> plotly_js_path().name
    'plotly.min.js'
    """
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js not found in the plotly package at {path}")
    return path
