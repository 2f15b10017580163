"""Notebooks that 'run' in a blink: a stand-in for ``executors.run`` for the sweep tests, which
writes a page and a chart (PNG, alt text, headline) for each task, or fails where told to."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from helpers.report import executors
from helpers.report.tasks import Outcome, Task


def notebooks_in_a_blink(
    monkeypatch, headline: Callable[[Task, str], str], failing: Collection[str] = (), seconds: float = 0.1
) -> None:
    """Replace ``executors.run``: each task's chart has ``headline(task, stem)`` as its headline;
    a task whose key is in ``failing`` fails in its second cell."""

    def run(task: Task, worker: str) -> Outcome:
        stem = Path(task.notebook).stem
        if task.key in failing:
            return Outcome(task, worker, 0.0, error=f"{stem}.ipynb failed in cell 2: RuntimeError: boom")
        figures = Path(task.figures)
        files = {
            str(figures / f"{stem}-chart.png"): b"png",
            str(figures / f"{stem}-chart.txt"): b"alt\n",
            str(figures / f"{stem}-chart.headline.txt"): f"{headline(task, stem)}\n".encode(),
            task.executed: b"{}",
        }
        return Outcome(task, worker, seconds, f"<p>{task.key}</p>", None, files, f"<p>{task.key} code</p>")

    monkeypatch.setattr(executors, "run", run)
