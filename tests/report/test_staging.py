"""The staging folder and the swap, without running a notebook: a build replaces the previous
report only when every notebook succeeded, carries unchanged pages over, says each failure in
one line, and an interrupt or a failure leaves no staging folder and the previous report."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from helpers import paths
from helpers.report import ReportError, driver, executors
from helpers.report import staging as stage_module
from helpers.report.paramsets import read_param_set
from helpers.report.planning import Hashes, Plan
from helpers.report.tasks import Outcome, Task, failed

NAMES = ("00_a", "01_b", "02_c")
SHARED = Hashes("data-sha", "code-sha")


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def previous(tmp_path, monkeypatch) -> Path:
    """reports/default/ as a previous build left it: a page, its notebook (with its code, and
    as .ipynb) and a figure per notebook."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    final = tmp_path / "reports" / "default"
    (final / "figures").mkdir(parents=True)
    for name in NAMES:
        (final / f"{name}.html").write_text(f"old {name}", encoding="utf-8")
        (final / "notebooks").mkdir(exist_ok=True)
        (final / "notebooks" / f"{name}.html").write_text(f"old code {name}", encoding="utf-8")
        (final / "notebooks" / f"{name}.ipynb").write_text(f"old ipynb {name}", encoding="utf-8")
        (final / "figures" / f"{name}-chart.png").write_bytes(b"old " + name.encode())
        (tmp_path / f"{name}.ipynb").write_text("{}", encoding="utf-8")
    return final


def target(todo: tuple[str, ...]) -> stage_module.Target:
    notebooks = [paths.REPORTS.parent / f"{name}.ipynb" for name in NAMES]
    plan = Plan(
        read_param_set(paths.PARAMS / "default.yaml"),
        notebooks,
        [nb for nb in notebooks if nb.stem in todo],
        {name: "x" for name in NAMES},
        "sha",
    )
    return stage_module.Target("default", [plan])


def fake_run(failing: tuple[str, ...] = ()):
    """A task's run without a kernel: a new page and figure, or a failure in cell 3."""

    def run(task: Task, worker: str) -> Outcome:
        stem = Path(task.notebook).stem
        if stem in failing:
            return Outcome(task, worker, 0.1, error=f"{stem}.ipynb failed in cell 3: RuntimeError: boom")
        figure = str(Path(task.figures) / f"{stem}-chart.png")
        files = {figure: b"new", task.executed: b"new ipynb"}
        return Outcome(task, worker, 0.1, f"new {stem}", None, files, f"new code {stem}")

    return run


def render(todo: tuple[str, ...], jobs: int = 2) -> Path:
    """Stage the target, run its tasks on the local executor, and put the outcomes in place."""
    built = target(todo)
    mark = stage_module.stage(built)
    outcomes = executors.run_all(stage_module.tasks(built, mark, SHARED), "local", jobs, None, lambda o: None)
    stage_module.put_in_place(built, outcomes)
    mark.unlink()
    return built.staging


def test_changed_pages_are_new_and_the_others_carried_over(previous, monkeypatch):
    monkeypatch.setattr(executors, "run", fake_run())
    staged = render(("01_b",))
    assert staged == previous.parent / ".default.partial"
    carried = ("data/", "seeds/")
    pages = {name: content for name, content in tree(staged).items() if not name.startswith(carried)}
    assert pages == {
        "00_a.html": b"old 00_a", "01_b.html": b"new 01_b", "02_c.html": b"old 02_c",
        "notebooks/00_a.html": b"old code 00_a", "notebooks/01_b.html": b"new code 01_b",
        "notebooks/02_c.html": b"old code 02_c", "notebooks/00_a.ipynb": b"old ipynb 00_a",
        "notebooks/01_b.ipynb": b"new ipynb", "notebooks/02_c.ipynb": b"old ipynb 02_c",
        "figures/00_a-chart.png": b"old 00_a", "figures/01_b-chart.png": b"new",
        "figures/02_c-chart.png": b"old 02_c",
    }  # fmt: skip
    # The data and articles the set was built from, beside it (tests/report/test_self_contained.py).
    assert (staged / "data" / "datapackage.json").read_bytes() == (
        paths.DATA / "datapackage.json"
    ).read_bytes()
    stage_module.swap_into_place(staged, previous)
    assert (previous / "01_b.html").read_text(encoding="utf-8") == "new 01_b"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_a_stale_staging_folder_is_replaced(previous, monkeypatch):
    stale = previous.parent / ".default.partial"
    (stale / "figures").mkdir(parents=True)
    (stale / "figures" / "gone-chart.png").write_bytes(b"stale")
    monkeypatch.setattr(executors, "run", fake_run())
    assert "figures/gone-chart.png" not in tree(render(NAMES, jobs=1))


def test_each_task_carries_its_notebook_parameters_and_the_driver_hashes(previous):
    built = target(("01_b",))
    mark = stage_module.stage(built)
    [task] = stage_module.tasks(built, mark, SHARED)
    assert task.set_name == "default" and Path(task.notebook).name == "01_b.ipynb"
    # Where the figures go is the driver's business: the kernel runs in the set's staged folder.
    assert task.parameters["figures_dir"] == "figures"
    assert task.workdir == str(previous.parent / ".default.partial")
    assert task.figures == str(previous.parent / ".default.partial" / "figures")
    assert task.executed == str(paths.BUILD / "default" / "01_b.ipynb")
    assert task.expected["code"] == "code-sha" and task.expected["data"] == "data-sha"
    assert (paths.ROOT / task.staging_mark).is_file()


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
    monkeypatch.setattr(executors, "run", fake_run(failing))
    monkeypatch.setattr(driver, "_validate_data", lambda: {})
    with pytest.raises(ReportError) as caught:
        driver._run(target(NAMES), SHARED, driver.Options(jobs=2), None)
    assert str(caught.value) == message
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_an_error_that_is_not_a_cell_names_the_notebook(previous, monkeypatch):
    def dies(task, worker):
        raise RuntimeError("Kernel died\nwith more detail")

    monkeypatch.setattr(executors, "run", dies)
    built = target(("00_a",))
    outcomes = executors.run_all(
        stage_module.tasks(built, stage_module.stage(built), SHARED), "local", 1, None, print
    )
    with pytest.raises(
        ReportError, match=r"^00_a\.ipynb: RuntimeError: Kernel died \.\.\.; reports/default/"
    ):
        stage_module.put_in_place(built, outcomes)


def test_a_failed_task_is_said_with_its_notebook():
    task = Task("default", "notebooks/01_b.ipynb", {}, "", {}, "")
    outcome = failed(task, RuntimeError("lost\nmore"))
    assert outcome == Outcome(task, "", 0.0, error="01_b.ipynb: RuntimeError: lost ...")


def test_files_handed_back_replace_stale_ones_and_make_their_folders(previous):
    """A worker on another disk hands back an executed notebook where an earlier run left one."""
    built = target(("01_b",))
    [task] = stage_module.tasks(built, stage_module.stage(built), SHARED)
    stale = paths.BUILD / "default" / "01_b.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"an earlier run's")
    deep = paths.BUILD / "default" / "deeper" / "still" / "x.txt"
    files = {str(stale): b"this run's", str(deep): b"new"}
    stage_module.put_in_place(built, [Outcome(task, "tcp://w:1", 1.0, html="page", files=files)])
    assert stale.read_bytes() == b"this run's" and deep.read_bytes() == b"new"


def test_an_interrupt_stops_the_kernels_and_keeps_the_previous_report(previous, monkeypatch):
    from helpers.report import execute

    before, stopped = tree(previous), []
    monkeypatch.setattr(executors, "run", fake_run())
    monkeypatch.setattr(execute, "stop_all", lambda: stopped.append(True))
    monkeypatch.setattr(driver, "_validate_data", lambda: {})

    def interrupted(futures):
        raise KeyboardInterrupt

    monkeypatch.setattr(executors, "wait", interrupted)
    with pytest.raises(ReportError, match=r"^interrupted; .*reports/default/ is unchanged$"):
        driver._run(target(NAMES), SHARED, driver.Options(jobs=2), None)
    assert stopped == [True]
    assert tree(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["default"]


def test_the_swap_puts_a_first_report_in_place_and_clears_a_stale_old_one(tmp_path):
    staging, final = tmp_path / ".s.partial", tmp_path / "s"
    staging.mkdir()
    (staging / "page.html").write_text("new", encoding="utf-8")
    (tmp_path / ".s.old").mkdir()
    stage_module.swap_into_place(staging, final)
    assert tree(final) == {"page.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_the_swap_replaces_the_previous_report_whole(tmp_path):
    staging, final = tmp_path / ".s.partial", tmp_path / "s"
    for folder, name in ((staging, "new.html"), (final, "old.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    stage_module.swap_into_place(staging, final)
    assert tree(final) == {"new.html": b"new.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_signals_wait_until_the_swap_is_done():
    # Python's own SIGINT handler, whatever the runner installed (mutmut installs its own).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    reached = []
    try:
        with pytest.raises(KeyboardInterrupt), stage_module.signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            reached.append("after the signal, still inside")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert reached == ["after the signal, still inside"]


def test_the_swap_clears_a_stale_old_report_before_it_moves_the_previous_one(tmp_path):
    staging, final, old = tmp_path / ".s.partial", tmp_path / "s", tmp_path / ".s.old"
    for folder, name in ((staging, "new.html"), (final, "previous.html"), (old, "stale.html")):
        folder.mkdir()
        (folder / name).write_text(name, encoding="utf-8")
    stage_module.swap_into_place(staging, final)
    assert tree(final) == {"new.html": b"new.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_jobs_bounds_how_many_notebooks_run_at_once(previous, monkeypatch):
    """--jobs 3 runs three notebooks side by side (they meet at a barrier); --jobs 1 one at a time."""
    import threading
    import time

    running, most = [0], [0]
    lock = threading.Lock()
    barrier = threading.Barrier(3, timeout=10)

    def run(task, worker):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        if together:
            barrier.wait()
        else:
            time.sleep(0.1)  # room for a second worker to start, were there one
        with lock:
            running[0] -= 1
        return fake_run()(task, worker)

    monkeypatch.setattr(executors, "run", run)
    together = True
    render(NAMES, jobs=3)
    assert most[0] == 3
    together, most[0] = False, 0
    render(NAMES, jobs=1)
    assert most[0] == 1
    # Without --jobs, as many as the machine has cores.
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    together, most[0] = True, 0
    render(NAMES, jobs=None)
    assert most[0] == 3


def test_the_same_failure_of_many_notebooks_is_said_once_with_how_many(previous):
    built = target(NAMES)
    refused = "worker tcp://w:1 runs another checkout than the driver"
    outcomes = [
        Outcome(
            task,
            "tcp://w:1",
            0.0,
            error=refused if task.notebook.endswith(("00_a.ipynb", "02_c.ipynb")) else "other",
        )
        for task in stage_module.tasks(built, stage_module.stage(built), SHARED)
    ]
    with pytest.raises(ReportError) as caught:
        stage_module.put_in_place(built, outcomes)
    assert str(caught.value) == (
        f"3 of 3 notebooks failed: {refused} (2 notebooks); other; reports/default/ is unchanged"
    )
