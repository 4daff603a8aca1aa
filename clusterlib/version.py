"""The version of clusterlib, in a module of its own so that any room can read it without importing
the package root (which imports every step).

Examples
--------
>>> from clusterlib.version import __version__
>>> __version__.count(".") >= 1
True
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
