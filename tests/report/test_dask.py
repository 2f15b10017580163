"""Sweeps on Dask: the same bytes as the local executor, on a LocalCluster and on a real
``dask scheduler`` with two ``dask worker`` processes; a worker killed mid-sweep does not fail it;
a failing notebook says the same line; the run log names the worker of each notebook; the
build's own workers print nothing.

Every build runs in its own process, on a copy of the project with two of the notebooks (00
and 01, the one the person sweep varies), so that each sweep is two notebooks per person (12 with
the seed articles' six), not six.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support import cluster, read_rows
from support.elsewhere import environment, kernels_of, project_copy, wait_until

from helpers import paths

pytestmark = pytest.mark.slow

SWEEP = "params/sweeps/each-person.yaml"
KEPT = ("00_data_audit.ipynb", "01_meeting_cadence.ipynb")
RUN_TIMEOUT = 300
# The sweep's values: every person of the data, which grows with each article.
PEOPLE = sorted(row["actor_id"] for row in read_rows(paths.DATA / "actors.csv") if row["kind"] == "person")
NOTEBOOKS = len(PEOPLE) * len(KEPT)


def small_copy(root: Path) -> Path:
    project_copy(root)
    for notebook in (root / "notebooks").glob("*.ipynb"):
        if notebook.name not in KEPT:
            notebook.unlink()
    return root


def sweep(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers.report", "--sweep", SWEEP, *args],
        cwd=root,
        env=environment(root),
        text=True,
        capture_output=True,
        timeout=RUN_TIMEOUT,
    )


def outputs(root: Path) -> dict[str, bytes]:
    """The sweep's report and executed notebooks; not the run logs, which say who ran what."""
    found = {}
    for folder in (root / "reports" / "each-person", root / "build" / "each-person"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != "run-log.json":
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def workers_in_logs(root: Path) -> dict[str, str]:
    """Each notebook of each set -> the worker its run log names."""
    return {
        f"{log.parent.name}/{entry['notebook']}": entry["worker"]
        for log in sorted((root / "build" / "each-person").glob("*/run-log.json"))
        for entry in json.loads(log.read_text(encoding="utf-8"))["notebooks"]
    }


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    """The sweep rendered by the local executor: what every other executor must match."""
    root = small_copy(tmp_path_factory.mktemp("local") / "project")
    done = sweep(root)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def fresh(tmp_path) -> Path:
    return small_copy(tmp_path / "project")


@pytest.fixture
def external(fresh):
    """A real scheduler and two workers on 127.0.0.1, running the fresh copy; stopped after."""
    started = cluster.start(fresh, environment(fresh), workers=2)
    yield started
    started.stop()


def test_the_local_sweep_renders_a_report_per_person(local):
    values = json.loads((local / "reports" / "each-person" / "sweep.json").read_text(encoding="utf-8"))[
        "values"
    ]
    assert values == PEOPLE
    assert {"abe", "kono", "lavrov", "patrushev", "putin", "yachi"} <= set(values)  # the seeds' people
    for value in values:
        assert (local / "reports" / "each-person" / value / "01_meeting_cadence.html").is_file()
    assert set(workers_in_logs(local).values()) == {"local"}


def test_a_local_cluster_renders_the_same_bytes(local, fresh):
    done = sweep(fresh, "--executor", "dask", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert outputs(fresh) == outputs(local)
    workers = set(workers_in_logs(fresh).values())
    assert workers and all(w.startswith("tcp://127.0.0.1:") for w in workers)


def test_a_scheduler_and_two_worker_processes_render_the_same_bytes(local, fresh, external):
    done = sweep(fresh, "--executor", "dask", "--scheduler", external.address)
    assert done.returncode == 0, done.stderr
    assert outputs(fresh) == outputs(local)
    # Each notebook was run by one of the two workers, and the run log says which.
    assert set(workers_in_logs(fresh).values()) <= set(external.addresses().values())
    assert len(workers_in_logs(fresh)) == NOTEBOOKS


def _kill_at_first_kernel(external, killed: list[int]) -> None:
    """Kill worker w0 (nanny and worker process) as soon as one of its notebooks is running,
    and its kernel with it, as a lost machine would lose them all."""
    kernels = wait_until(lambda: kernels_of(external.workers["w0"].pid, deep=True), timeout=120, step=0.05)
    external.kill("w0")
    for pid in kernels or []:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    killed.extend(kernels or [])


def test_a_worker_killed_mid_sweep_does_not_fail_it(local, fresh, external):
    w0 = external.addresses()["w0"]
    killed: list[int] = []
    killer = threading.Thread(target=_kill_at_first_kernel, args=(external, killed))
    killer.start()
    done = sweep(fresh, "--executor", "dask", "--scheduler", external.address)
    killer.join(timeout=30)
    assert killed, "w0 never ran a notebook: nothing was killed"
    assert external.workers["w0"].poll() is not None
    assert done.returncode == 0, done.stderr
    assert outputs(fresh) == outputs(local)
    logged = workers_in_logs(fresh)
    assert len(logged) == NOTEBOOKS
    # The notebook w0 was running when it died was run again, by w1: w1 ran at least one more.
    assert set(logged.values()) <= {w0, external.addresses()["w1"]}
    assert external.addresses()["w1"] in logged.values()


def test_a_failing_notebook_says_the_same_line_and_keeps_the_previous_sweep(local, tmp_path):
    """Built once; then notebook 01 fails in every set: local and Dask say the same line."""
    said = {}
    for executor in ("local", "dask"):
        root = project_copy(tmp_path / executor, origin=local)
        before = outputs(root)
        book = json.loads((root / "notebooks" / KEPT[1]).read_text(encoding="utf-8"))
        book["cells"].append(
            {"cell_type": "code", "id": "boom", "metadata": {}, "execution_count": None, "outputs": [],
             "source": ['raise RuntimeError("boom")']}
        )  # fmt: skip
        (root / "notebooks" / KEPT[1]).write_text(json.dumps(book), encoding="utf-8")
        done = sweep(root, "--executor", executor, "--jobs", "2")
        assert done.returncode == 1
        said[executor] = done.stderr
        assert {k: v for k, v in outputs(root).items() if k.startswith("reports/")} == {
            k: v for k, v in before.items() if k.startswith("reports/")
        }
        assert not list((root / "reports").glob(".*"))
        shutil.rmtree(root)
    assert said["dask"] == said["local"]
    assert said["local"].count("\n") == 1
    assert said["local"].startswith(
        f"make sweep: {len(PEOPLE)} of {len(PEOPLE)} notebooks failed: 01_meeting_cadence.ipynb failed in "
        "cell"
    )
    assert said["local"].rstrip().endswith("; reports/each-person/ is unchanged")


def test_workers_in_another_checkout_send_back_the_same_bytes_and_keep_nothing(local, fresh, tmp_path):
    """Workers that run a checkout of the same content at another path, as on another machine:
    the driver gets every file from them, and their checkout keeps nothing of the sweep."""
    elsewhere = small_copy(tmp_path / "elsewhere" / "worker-checkout")
    started = cluster.start(elsewhere, environment(elsewhere), workers=2)
    try:
        done = sweep(fresh, "--executor", "dask", "--scheduler", started.address)
    finally:
        started.stop()
    assert done.returncode == 0, done.stderr
    assert outputs(fresh) == outputs(local)
    left = [p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*") if p.is_file()]
    # Only the empty lock file that keeps the workers' clean-up from racing each other.
    assert [name for name in left if name.startswith(("reports/", "build/"))] == ["build/.tasks.lock"]


def test_a_worker_with_other_data_is_refused_in_one_line(local, fresh, tmp_path):
    other = small_copy(tmp_path / "other")
    events = other / "data" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("telephone", "phone", 1), encoding="utf-8")
    started = cluster.start(other, environment(other), workers=1)
    try:
        before = outputs(fresh)
        done = sweep(fresh, "--executor", "dask", "--scheduler", started.address)
    finally:
        started.stop()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(
        f"make sweep: {NOTEBOOKS} of {NOTEBOOKS} notebooks failed: worker tcp://127.0.0.1:"
    )
    assert f"({NOTEBOOKS} notebooks); reports/each-person/ is unchanged" in done.stderr
    assert "runs another checkout than the driver (data sha256 " in done.stderr
    assert outputs(fresh) == before


# A worker of the build's own cluster logs an ERROR, as one does when it closes beside its
# scheduler (dask/distributed#7105), then the cluster closes as after every build.
QUIET_WORKERS = """
import logging
from helpers.report import executors

client, cluster = executors._connect(None, 1)
client.run(lambda: logging.getLogger("distributed.worker").error("a heartbeat failed"))
client.close()
cluster.close()
"""


def test_the_builds_own_workers_print_nothing(tmp_path):
    """What a worker of the build's LocalCluster logs stays off the terminal: the build says
    each task's fate itself, and a log line from a worker is a traceback wall after it."""
    done = subprocess.run(
        [sys.executable, "-c", QUIET_WORKERS],
        cwd=tmp_path,
        env=environment(paths.ROOT),
        text=True,
        capture_output=True,
        timeout=RUN_TIMEOUT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
