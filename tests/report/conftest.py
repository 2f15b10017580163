"""Two copies of the project, each built in its own process, at its own path, on its own day."""

from __future__ import annotations

import pytest
from support.elsewhere import build, project_copy

DAYS = ("2031-02-03", "2033-12-31")


@pytest.fixture(scope="session")
def places(tmp_path_factory):
    """Copy A and copy B, at paths of different lengths, each built once: A on a Monday in
    2031 with hash seed 1, B on New Year's Eve 2033 with hash seed 2. Read-only: a test that
    changes one works on its own copy (``project_copy(dest, origin=a)``)."""
    a = project_copy(tmp_path_factory.mktemp("a") / "jp-ru-dprk")
    b = project_copy(tmp_path_factory.mktemp("elsewhere") / "deeper" / "second-clone-of-the-project")
    for root, day, seed in ((a, DAYS[0], 1), (b, DAYS[1], 2)):
        done = build(root, "--params", "params/default.yaml", today=day, hash_seed=seed)
        assert done.returncode == 0, done.stderr
    return a, b
