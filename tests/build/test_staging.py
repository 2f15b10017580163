"""The staging folder and the swap, without running a notebook: a build replaces the previous
report only when every notebook succeeded, carries unchanged pages over, says each failure in
one line, and an interrupt or a failure leaves no staging folder and the previous report."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from helpers import paths
from helpers.build import driver
from helpers.build.errors import ReportError
from helpers.build.paramsets import read_param_set

NAMES = ("00_a", "01_b", "02_c")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def previous(tmp_path, monkeypatch) -> Path:
    """reports/default/ as a previous build left it: a page and a figure per notebook."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    final = tmp_path / "reports" / "default"
    (final / "figures").mkdir(parents=True)
    for name in NAMES:
        (final / f"{name}.html").write_text(f"old {name}", encoding="utf-8")
        (final / "figures" / f"{name}-chart.png").write_bytes(b"old " + name.encode())
    return final


def plan(todo: tuple[str, ...]) -> driver.Plan:
    notebooks = [Path(f"{name}.ipynb") for name in NAMES]
    return driver.Plan(
        read_param_set(paths.PARAMS / "default.yaml"),
        notebooks,
        [nb for nb in notebooks if nb.stem in todo],
        {name: "x" for name in NAMES},
        "sha",
    )


def fake_run(failing: tuple[str, ...] = ()):
    def run_one(notebook, param_set, staging, build_dir):
        if notebook.stem in failing:
            raise ReportError(f"{notebook.name} failed in cell 3: RuntimeError: boom")
        (staging / f"{notebook.stem}.html").write_text(f"new {notebook.stem}", encoding="utf-8")
        (staging / "figures" / f"{notebook.stem}-chart.png").write_bytes(b"new")

    return run_one


def test_changed_pages_are_new_and_the_others_carried_over(previous, monkeypatch):
    monkeypatch.setattr(driver, "_run_one", fake_run())
    staging = driver._run_into_staging(plan(("01_b",)), jobs=2)
    assert staging == previous.parent / ".default.partial"
    assert tree(staging) == {
        "00_a.html": b"old 00_a", "01_b.html": b"new 01_b", "02_c.html": b"old 02_c",
        "figures/00_a-chart.png": b"old 00_a", "figures/01_b-chart.png": b"new",
        "figures/02_c-chart.png": b"old 02_c",
    }  # fmt: skip
    driver._swap_into_place(staging, previous)
    assert (previous / "01_b.html").read_text(encoding="utf-8") == "new 01_b"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_a_stale_staging_folder_is_replaced(previous, monkeypatch):
    stale = previous.parent / ".default.partial"
    (stale / "figures").mkdir(parents=True)
    (stale / "figures" / "gone-chart.png").write_bytes(b"stale")
    monkeypatch.setattr(driver, "_run_one", fake_run())
    staging = driver._run_into_staging(plan(NAMES), jobs=1)
    assert "figures/gone-chart.png" not in tree(staging)


@pytest.mark.parametrize(
    ("failing", "message"),
    [
        (("01_b",), "01_b.ipynb failed in cell 3: RuntimeError: boom; reports/default/ is unchanged"),
        (
            ("00_a", "02_c"),
            "2 of 3 notebooks failed: 00_a.ipynb failed in cell 3: RuntimeError: boom; "
            "02_c.ipynb failed in cell 3: RuntimeError: boom; reports/default/ is unchanged",
        ),
    ],
)
def test_a_failure_keeps_the_previous_report_and_says_so_in_one_line(previous, monkeypatch, failing, message):
    before = tree(previous)
    monkeypatch.setattr(driver, "_run_one", fake_run(failing))
    with pytest.raises(ReportError) as caught:
        driver._run_into_staging(plan(NAMES), jobs=2)
    assert str(caught.value) == message
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_an_error_that_is_not_a_cell_names_the_notebook(previous, monkeypatch):
    def dies(notebook, *args):
        raise RuntimeError("Kernel died\nwith more detail")

    monkeypatch.setattr(driver, "_run_one", dies)
    with pytest.raises(
        ReportError, match=r"^00_a\.ipynb: RuntimeError: Kernel died \.\.\.; reports/default/"
    ):
        driver._run_into_staging(plan(("00_a",)), jobs=1)


def test_an_interrupt_stops_the_kernels_and_keeps_the_previous_report(previous, monkeypatch):
    from helpers.build import kernels

    before, stopped = tree(previous), []
    monkeypatch.setattr(driver, "_run_one", fake_run())
    monkeypatch.setattr(kernels, "stop_all", lambda: stopped.append(True))

    def interrupted(futures):
        raise KeyboardInterrupt

    monkeypatch.setattr(driver, "wait", interrupted)
    with pytest.raises(ReportError, match=r"^interrupted; .*reports/default/ is unchanged$"):
        driver._run_into_staging(plan(NAMES), jobs=2)
    assert stopped == [True]
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_the_swap_puts_a_first_report_in_place_and_clears_a_stale_old_one(tmp_path):
    staging, final = tmp_path / ".s.partial", tmp_path / "s"
    staging.mkdir()
    (staging / "page.html").write_text("new", encoding="utf-8")
    (tmp_path / ".s.old").mkdir()
    driver._swap_into_place(staging, final)
    assert tree(final) == {"page.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_the_swap_replaces_the_previous_report_whole(tmp_path):
    staging, final = tmp_path / ".s.partial", tmp_path / "s"
    for folder, name in ((staging, "new.html"), (final, "old.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    driver._swap_into_place(staging, final)
    assert tree(final) == {"new.html": b"new.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_signals_wait_until_the_swap_is_done():
    reached = []
    with pytest.raises(KeyboardInterrupt), driver.signals_held():
        os.kill(os.getpid(), signal.SIGINT)
        reached.append("after the signal, still inside")
    assert reached == ["after the signal, still inside"]


def test_the_swap_clears_a_stale_old_report_before_it_moves_the_previous_one(tmp_path):
    staging, final, old = tmp_path / ".s.partial", tmp_path / "s", tmp_path / ".s.old"
    for folder, name in ((staging, "new.html"), (final, "previous.html"), (old, "stale.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    driver._swap_into_place(staging, final)
    assert tree(final) == {"new.html": b"new.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_jobs_bounds_how_many_notebooks_run_at_once(previous, monkeypatch):
    """--jobs 3 runs three notebooks side by side (they meet at a barrier); --jobs 1 one at a time."""
    import threading
    import time

    running, most = [0], [0]
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=10)

    def run_one(notebook, param_set, staging, build_dir):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        if together:
            barrier.wait()
        else:
            time.sleep(0.1)  # room for a second worker to start, were there one
        with lock:
            running[0] -= 1
        fake_run()(notebook, param_set, staging, build_dir)

    monkeypatch.setattr(driver, "_run_one", run_one)
    together = True
    driver._run_into_staging(plan(NAMES), jobs=3)
    assert most[0] == 3
    together, most[0] = False, 0
    driver._run_into_staging(plan(NAMES), jobs=1)
    assert most[0] == 1
