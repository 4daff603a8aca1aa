"""Where the tests find the real reference data beside the checkout (imported by conftest and tests)."""

from __future__ import annotations

import os
from pathlib import Path

from clusterlib.config import PROJECT_ROOT


def shared_data_dir() -> Path:
    """The real reference data beside the checkout (``../shared/data``), or ``$CLUSTERLIB_SHARED_DATA``."""
    return Path(os.environ.get("CLUSTERLIB_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))
