"""A task on a worker: it refuses a checkout that is not the driver's, hands back every file it
wrote, and leaves nothing behind on a disk that is not the driver's."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import paths
from helpers.report import execute, render, tasks
from helpers.report.tasks import CheckoutMismatch, Task, checkout_hashes

NOTEBOOK = "notebooks/01_meeting_cadence.ipynb"


def task(root: Path, expected: dict[str, str], mark: str = "reports/.s.partial/.in-progress-x") -> Task:
    parameters = {"figures_dir": "figures"}
    executed = "build/s/v/01_meeting_cadence.ipynb"
    return Task("s/v", NOTEBOOK, parameters, executed, expected, mark, "reports/.s.partial/v")


def test_the_same_checkout_is_accepted():
    tasks.check_checkout(task(paths.ROOT, checkout_hashes(paths.ROOT / NOTEBOOK)), "tcp://w:1")


@pytest.mark.parametrize("parts", [["notebook"], ["code"], ["data"], ["code", "data"]])
def test_another_checkout_is_refused_saying_which_part_differs(parts):
    found = checkout_hashes(paths.ROOT / NOTEBOOK)
    expected = found | {part: "0" * 64 for part in parts}
    with pytest.raises(CheckoutMismatch) as caught:
        tasks.check_checkout(task(paths.ROOT, expected), "tcp://w:1")
    differ = ", ".join(f"{part} sha256 {found[part][:12]} (driver: {'0' * 12})" for part in parts)
    assert str(caught.value) == (
        f"worker tcp://w:1 runs another checkout than the driver ({differ}); "
        "run every worker on the driver's checkout and environment"
    )


def test_a_worker_without_the_notebook_says_so():
    missing = Task("s/v", "notebooks/99_elsewhere.ipynb", {}, "", {}, "")
    with pytest.raises(CheckoutMismatch, match=r"^worker tcp://w:1 has no notebooks/99_elsewhere\.ipynb$"):
        tasks.check_checkout(missing, "tcp://w:1")


@pytest.fixture
def worker_root(tmp_path, monkeypatch) -> Path:
    """A worker's checkout: its own root, reports/ and build/, and a run that writes a figure."""
    root = tmp_path / "worker"
    for name, value in (("ROOT", root), ("REPORTS", root / "reports"), ("BUILD", root / "build")):
        monkeypatch.setattr(paths, name, value)
    (root / "reports" / "kept").mkdir(parents=True)
    monkeypatch.setattr(tasks, "check_checkout", lambda task, worker: None)

    def fake_execute(notebook, output, parameters, workdir):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("executed", encoding="utf-8")
        figures = workdir / parameters["figures_dir"]
        figures.mkdir(parents=True, exist_ok=True)
        (figures / "01_meeting_cadence-timeline.png").write_bytes(b"png")
        (figures / "00_data_audit-coverage.png").write_bytes(b"another notebook's")

    monkeypatch.setattr(execute, "execute", fake_execute)
    monkeypatch.setattr(render, "render_html", lambda executed, title, code=False: f"<p>{title}</p>")
    return root


def test_a_worker_on_another_disk_hands_back_its_files_and_keeps_none(worker_root):
    outcome = tasks.run(task(worker_root, {}), "tcp://w:1")
    assert outcome.error is None and outcome.html == "<p>01 · Meeting cadence</p>"
    assert outcome.worker == "tcp://w:1" and outcome.seconds >= 0
    assert outcome.files == {
        "reports/.s.partial/v/figures/01_meeting_cadence-timeline.png": b"png",
        "build/s/v/01_meeting_cadence.ipynb": b"executed",
    }
    # What it wrote is gone, and so are the folders it emptied, but the checkout's build/ and
    # reports/; another notebook's file stays.
    left = sorted(p.relative_to(worker_root).as_posix() for p in worker_root.rglob("*"))
    assert left == [
        "build",
        "build/.tasks.lock",
        "reports",
        "reports/.s.partial",
        "reports/.s.partial/v",
        "reports/.s.partial/v/figures",
        "reports/.s.partial/v/figures/00_data_audit-coverage.png",
        "reports/kept",
    ]


def test_an_executed_notebook_the_worker_had_before_is_kept(worker_root):
    before = worker_root / "build" / "s" / "v" / "01_meeting_cadence.ipynb"
    before.parent.mkdir(parents=True)
    before.write_text("an earlier run's", encoding="utf-8")
    tasks.run(task(worker_root, {}), "tcp://w:1")
    assert before.read_text(encoding="utf-8") == "executed"
    assert not (
        worker_root / "reports" / ".s.partial" / "v" / "figures" / "01_meeting_cadence-timeline.png"
    ).exists()


def test_folders_are_pruned_only_when_no_task_writes_in_the_checkout(worker_root):
    """Another task writing here (another worker on this machine) may have just made a folder:
    the task that ends first leaves the folders, the last one prunes them."""
    from helpers.report import tasks as scratch

    with scratch.writing():
        tasks.run(task(worker_root, {}), "tcp://w:1")
        assert (worker_root / "build" / "s" / "v").is_dir()
    tasks.run(task(worker_root, {}), "tcp://w:1")
    assert not (worker_root / "build" / "s").exists()


def test_a_worker_on_the_driver_disk_leaves_the_files_in_staging(worker_root):
    mark = worker_root / "reports" / ".s.partial" / ".in-progress-x"
    mark.parent.mkdir(parents=True)
    mark.touch()
    outcome = tasks.run(task(worker_root, {}), "local")
    for name, content in outcome.files.items():
        assert (worker_root / name).read_bytes() == content


def test_a_failing_notebook_is_an_outcome_with_its_line_and_its_executed_notebook(worker_root, monkeypatch):
    def fails(notebook, output, parameters, workdir):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("executed, with the error", encoding="utf-8")
        raise execute.ReportError("01_meeting_cadence.ipynb failed in cell 4: RuntimeError: boom")

    monkeypatch.setattr(execute, "execute", fails)
    outcome = tasks.run(task(worker_root, {}), "tcp://w:1")
    assert outcome.error == "01_meeting_cadence.ipynb failed in cell 4: RuntimeError: boom"
    assert outcome.html is None
    assert outcome.files == {"build/s/v/01_meeting_cadence.ipynb": b"executed, with the error"}
