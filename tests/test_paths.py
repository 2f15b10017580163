"""One module holds the paths, and another copy of the data brings its own seeds."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import paths


def test_another_copy_of_the_data_brings_its_own_seeds(tmp_path):
    data = tmp_path / "copy" / "data"
    env = {**os.environ, "JP_RU_DPRK_DATA": str(data)}
    code = "from helpers import paths; print(paths.DATA); print(paths.SEEDS)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(data.resolve()), str(data.resolve().parent / "seeds")]


def test_by_default_the_data_and_seeds_are_the_repositorys():
    env = {k: v for k, v in os.environ.items() if k != "JP_RU_DPRK_DATA"}
    code = "from helpers import paths; print(paths.DATA); print(paths.SEEDS)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(paths.ROOT / "data"), str(paths.ROOT / "seeds")]


def test_the_suite_ignores_an_exported_data_path(tmp_path):
    """An exported JP_RU_DPRK_DATA does not point the tests at other data (conftest clears it)."""
    env = {**os.environ, "JP_RU_DPRK_DATA": str(tmp_path / "elsewhere" / "data")}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/data/test_seeds.py"]
    out = subprocess.run(command, env=env, cwd=paths.ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
