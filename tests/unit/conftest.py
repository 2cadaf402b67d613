"""Fast tests of the pure parts, in memory: no build, no browser; the repository's own content, loaded once."""

from __future__ import annotations

import pytest
from lpl.load import load

from bench.sites import ROOT


@pytest.fixture(scope="session")
def content():
    return load(ROOT)
