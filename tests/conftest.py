"""Shared fixtures: paths to the real data and to small hand-made fixtures."""

from pathlib import Path

import pytest

from analysis import DATA_DIR, ROOT

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR
