"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (blank English plus kg's rule components), loaded once."""
    return load_pipeline()
