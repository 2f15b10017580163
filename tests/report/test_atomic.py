"""A build that fails, or is interrupted, leaves the previous report byte for byte, no kernel
running, and one line on stderr; the driver exits 1. Each case runs the real driver, in its own
process, on its own copy of a built project."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import nbformat
import pytest
from support.elsewhere import alive, descendants, driver, kernels_of, project_copy, templates_of, wait_until

pytestmark = pytest.mark.slow

DEFAULT = ("--params", "params/default.yaml")


def reports(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "reports").rglob("*"))
        if p.is_file()
    }


def watch(process: subprocess.Popen, timeout: float = 300) -> tuple[str, set[int]]:
    """Wait for the driver to end, noting every kernel it started and the warm template they are
    forked from; its stderr and those processes."""
    seen: set[int] = set()
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        seen.update(kernels_of(process.pid), templates_of(process.pid))
        time.sleep(0.05)
    _, err = process.communicate(timeout=30)
    return err, seen


@pytest.fixture(autouse=True)
def sigint_as_from_a_shell():
    """Drivers started here get SIGINT as a shell gives it. An ignored SIGINT survives exec, so a
    driver started from a process that ignores it (a test runner's worker may) ignores Ctrl-C too."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture
def own(places, tmp_path) -> Path:
    """A private copy of project A, with the report it built: the previous report."""
    return project_copy(tmp_path / "project", origin=places[0])


def assert_failed_cleanly(own: Path, before: dict, err: str, returncode: int, kernels: set[int]) -> str:
    lines = err.strip().splitlines()
    assert returncode == 1
    assert len(lines) == 1 and lines[0].startswith("make report: "), err
    assert reports(own) == before
    assert not list((own / "reports").glob(".*")), "a staging folder was left behind"
    assert wait_until(lambda: not any(alive(pid) for pid in kernels), timeout=10), (
        "a kernel or a template outlived the build"
    )
    return lines[0]


def test_bad_data_keeps_the_previous_report(own):
    before = reports(own)
    events = own / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace("2017-09-18", "2017-09-31", 1), encoding="utf-8"
    )
    process = driver(own, *DEFAULT)
    err, kernels = watch(process)
    line = assert_failed_cleanly(own, before, err, process.returncode, kernels)
    assert line.startswith("make report: the data is invalid, no notebook was run: events.csv, line 14, ")
    assert "column 'date_start': value '2017-09-31'" in line
    assert kernels == set()


def test_failing_notebook_keeps_the_previous_report(own):
    before = reports(own)
    path = own / "notebooks" / "01_meeting_cadence.ipynb"
    book = nbformat.read(path, as_version=4)
    book.cells.append(nbformat.v4.new_code_cell('raise RuntimeError("boom\\nsecond line")', id="boom"))
    nbformat.write(book, path)
    process = driver(own, *DEFAULT)
    err, kernels = watch(process)
    line = assert_failed_cleanly(own, before, err, process.returncode, kernels)
    assert "01_meeting_cadence.ipynb failed in cell" in line and "RuntimeError: boom ..." in line
    assert "build/default/01_meeting_cadence.ipynb" in line and "reports/default/ is unchanged" in line
    assert kernels, "the notebook never ran"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_keeps_the_previous_report_and_no_kernel(own, signum):
    before = reports(own)
    process = driver(own, *DEFAULT, "--force")
    started = wait_until(lambda: kernels_of(process.pid), timeout=120)
    assert started, "no kernel started"
    time.sleep(1.5)  # the kernels are busy running cells
    templates = templates_of(process.pid)
    assert templates, "the kernels were not forked from a warm template"
    seen = set(started) | set(kernels_of(process.pid)) | set(templates)
    process.send_signal(signum)
    err, kernels = watch(process, timeout=60)
    line = assert_failed_cleanly(own, before, err, process.returncode, seen | kernels)
    assert "interrupted" in line


def test_interrupted_dask_build_keeps_the_previous_report_and_stops_its_cluster(own):
    """SIGTERM while a LocalCluster runs the notebooks: the tasks are cancelled, the cluster's
    worker processes and their kernels end, and the previous report is kept."""
    before = reports(own)
    process = driver(own, *DEFAULT, "--force", "--executor", "dask", "--jobs", "2")
    started = wait_until(lambda: kernels_of(process.pid, deep=True), timeout=180)
    assert started, "no kernel started on the cluster"
    time.sleep(1.5)  # the kernels are busy running cells
    family = set(descendants(process.pid))
    process.send_signal(signal.SIGTERM)
    err, _ = watch(process, timeout=90)
    line = assert_failed_cleanly(own, before, err, process.returncode, family)
    assert line == "make report: interrupted; no notebook's work was kept, reports/default/ is unchanged"
