"""Shared fixtures. Tests never touch data/: anything that changes data works on a copy."""

from __future__ import annotations

import fcntl
import os

# The suite tests this repository's data: a JP_RU_DPRK_DATA exported in the shell would point it
# at another copy (helpers.paths reads it at import, so it is cleared before that import). Tests
# that need other data set it themselves (``use_data``).
os.environ.pop("JP_RU_DPRK_DATA", None)

import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

from helpers import paths
from helpers.data.load import Tables, load_tables

# Hypothesis profiles: "ci" is fixed (derandomized, no example database) so CI runs are
# reproducible; it is the default under CI=true, "dev" elsewhere.
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
# `make mutation` runs the tests once per mutant (a surviving one runs every test that reaches
# it): few examples, the same ones each time.
settings.register_profile(
    "mutation", max_examples=8, derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
# The third-article test runs the suite again in a grown copy of the project: what it checks is
# what the tests assume of the data, so a few examples each are enough there.
settings.register_profile("growth", parent=settings.get_profile("mutation"))
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked ``long`` run first (in their own order): under `make test`'s workers
    (pytest-xdist), a test of minutes that starts last would run alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


@pytest.fixture
def rng(request) -> np.random.Generator:
    """Random data with a seed of its own per test (from the test's id, parameters included):
    the same on every run and in any selection or order of tests."""
    return np.random.default_rng(zlib.crc32(request.node.nodeid.encode()))


def _own_data() -> dict[Path, bytes]:
    """The repository's own data and seeds, byte for byte."""
    folders = (paths.ROOT / "data", paths.ROOT / "seeds")
    return {
        path: path.read_bytes() for folder in folders for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(autouse=True)
def _own_data_untouched():
    """A test that changes the repository's own data or seeds fails, and the files are put back
    for the next test: a tool aimed at a copy that writes to data/ instead is a bug (and under
    ``make mutation`` a mutant that does so is caught, not left to break every later test)."""
    before = _own_data()
    yield
    after = _own_data()
    if after != before:
        for path in after.keys() - before.keys():
            path.unlink()
        for path, content in before.items():
            path.write_bytes(content)
        pytest.fail("the test changed the repository's data/ or seeds/ (put back)")


@pytest.fixture(scope="session")
def tables() -> Tables:
    return load_tables()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ with seeds/ beside it, as in the repository; returns the data folder."""
    shutil.copytree(paths.DATA, tmp_path / "data")
    shutil.copytree(paths.SEEDS, tmp_path / "seeds")
    return tmp_path / "data"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One real build of the default parameter set into a temporary reports/ and build/, named
    as `make report` names it: relative to the repository root. Shared and read-only: a test
    that builds on top of it works on its own copy (``private_outputs``). Under `make test`'s
    workers, the first to need it builds it for all (a lock in their common folder)."""
    from helpers.report import driver

    if "PYTEST_XDIST_WORKER" not in os.environ:
        root = tmp_path_factory.mktemp("out")
    else:  # each worker's base folder is in the run's own
        root = tmp_path_factory.getbasetemp().parent / "built"
    with open(root.with_name(f"{root.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        root.mkdir(exist_ok=True)
        if not (root / "built").exists():
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(paths, "REPORTS", root / "reports")
                mp.setattr(paths, "BUILD", root / "build")
                mp.chdir(paths.ROOT)
                driver.build(Path("params/default.yaml"))
            (root / "built").touch()
    return root


@pytest.fixture
def private_outputs(built, tmp_path, monkeypatch):
    """A private copy of the session's build, for tests that change it."""
    root = tmp_path / "outputs"
    shutil.copytree(built / "reports", root / "reports")
    shutil.copytree(built / "build", root / "build")
    monkeypatch.setattr(paths, "REPORTS", root / "reports")
    monkeypatch.setattr(paths, "BUILD", root / "build")
    return root


@pytest.fixture
def use_data(monkeypatch):
    """Make the driver and the notebooks' kernels read another copy of the data."""

    def use(data_dir: Path) -> None:
        monkeypatch.setenv("JP_RU_DPRK_DATA", str(data_dir))
        monkeypatch.setattr(paths, "DATA", data_dir)
        monkeypatch.setattr(paths, "SEEDS", data_dir.parent / "seeds")

    return use
