"""Shared fixtures. Tests never touch data/: anything that changes data works on a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import paths
from helpers.load import Tables, load_tables


@pytest.fixture(scope="session")
def tables() -> Tables:
    return load_tables()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ with seeds/ beside it, as in the repository; returns the data folder."""
    shutil.copytree(paths.DATA, tmp_path / "data")
    shutil.copytree(paths.SEEDS, tmp_path / "seeds")
    return tmp_path / "data"
