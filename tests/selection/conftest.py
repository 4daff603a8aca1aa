"""Fixtures of the tests of clusterlib.selection."""

from __future__ import annotations

import pytest

from clusterlib.selection import Criteria, load_criteria, parse_criteria
from tests.selection._selection_helpers import _spec


@pytest.fixture
def small() -> Criteria:
    return parse_criteria(_spec())


@pytest.fixture(scope="module")
def default() -> Criteria:
    return load_criteria()
