"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clusterlib.config import PROJECT_ROOT


def shared_data_dir() -> Path:
    """The real reference data beside the checkout (``../shared/data``), or ``$CLUSTERLIB_SHARED_DATA``."""
    return Path(os.environ.get("CLUSTERLIB_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ``../shared/data``; tests that need it fail (never skip) when it is absent."""
    path = shared_data_dir()
    if not (path / "reference" / "provinces_reference.csv").exists():
        pytest.fail(
            f"reference data not found at {path}; the tests read ../shared/data beside the checkout "
            "(or set CLUSTERLIB_SHARED_DATA)"
        )
    return path
