"""Shared test fixtures.

Reference tables the tests compare against are carried in ``tests/fixtures/reference/`` (see the README
there for sources and licences), so the suite passes on a plain clone.  The full real data beside the
checkout (``../shared/data``, or ``$CLUSTERLIB_SHARED_DATA``) only ADDS checks where it exists: the
``shared_data`` fixture skips, with its reason shown, when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from tests._shared import shared_data_dir

# Property tests draw the same examples on every run (a test command must not pass or fail by
# chance; nor by the machine's load, hence no time deadline); HYPOTHESIS_PROFILE=explore draws new
# ones, as when looking for counter-examples.
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REFERENCE_DIR = Path(__file__).resolve().parent / "fixtures" / "reference"


@pytest.fixture(scope="session")
def reference_data() -> Path:
    """The reference tables carried with the tests (``tests/fixtures/reference``)."""
    return REFERENCE_DIR


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path of ``../shared/data`` for additional checks on the full files; skips (with the reason) without it."""
    path = shared_data_dir()
    if not (path / "boundaries").is_dir():
        pytest.skip(
            f"additional check on the full reference data: not found at {path} "
            "(set CLUSTERLIB_SHARED_DATA to run it); the carried copies are tested elsewhere"
        )
    return path
