"""The staging folder: a build's new report is put together beside the previous one, then swapped
into its place whole, so that a failure or an interrupt never leaves half a report.

What is swapped as one is a target: ``reports/<set>/`` for a parameter set, or
``reports/<sweep>/``, with a folder per value and the sweep page, for a sweep.
"""

from __future__ import annotations

import shutil
import signal
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.report import ReportError
from helpers.report.planning import Hashes, Plan, page_files
from helpers.report.records import write_data_package
from helpers.report.render import with_navigation
from helpers.report.tasks import Outcome, Task, notebook_sha256


@dataclass(frozen=True)
class Target:
    """The folder a build replaces as one, and the plan of each parameter set in it."""

    name: str
    plans: list[Plan]

    @property
    def folder(self) -> Path:
        return paths.REPORTS / self.name

    @property
    def staging(self) -> Path:
        return paths.REPORTS / f".{self.name}.partial"

    def staged(self, plan: Plan) -> Path:
        """Where a set's report is put together: the staging folder, or a folder in it."""
        return self.staging / plan.final.relative_to(self.folder)


def stage(target: Target) -> Path:
    """A fresh staging folder, with every unchanged page carried over from the previous report,
    and a mark that tells a worker it shares the driver's disk; returns the mark."""
    shutil.rmtree(target.staging, ignore_errors=True)
    for plan in target.plans:
        (target.staged(plan) / "figures").mkdir(parents=True)
        for notebook in plan.notebooks:
            if notebook not in plan.todo:
                carry_over(notebook.stem, plan.final, target.staged(plan))
    mark = target.staging / f".in-progress-{uuid.uuid4().hex}"
    mark.touch()
    return mark


def carry_over(notebook: str, final: Path, staging: Path) -> None:
    """Copy an unchanged notebook's page and figures from the previous report."""
    for name in page_files(notebook):
        (staging / name).parent.mkdir(exist_ok=True)
        shutil.copy2(final / name, staging / name)
    for figure in (final / "figures").glob(f"{notebook}-*"):
        shutil.copy2(figure, staging / "figures" / figure.name)


def tasks(target: Target, mark: Path, shared: Hashes) -> list[Task]:
    """A task for every notebook to run, in every set of the target, in the plans' order."""
    found = []
    # Each notebook's hash once, however many sets run it.
    books = {nb: notebook_sha256(nb) for plan in target.plans for nb in plan.todo}
    for plan in target.plans:
        name, workdir = plan.param_set.name, paths.relative(target.staged(plan))
        for notebook in plan.todo:
            expected = {"notebook": books[notebook], "code": shared.code, "data": shared.data}
            executed = paths.relative(paths.BUILD / name / notebook.name)
            parameters = plan.param_set.for_notebook(notebook.stem, "figures")
            notebook_path, mark_path = paths.relative(notebook), paths.relative(mark)
            found.append(Task(name, notebook_path, parameters, executed, expected, mark_path, workdir))
    return found


def put_in_place(target: Target, outcomes: list[Outcome]) -> None:
    """Write what the tasks handed back, and each page with its notebook into its set's staging
    folder; give every page its header and each set its data. On any failure, say every one in
    one line (the executed notebooks are kept in build/)."""
    for outcome in outcomes:
        for name, content in outcome.files.items():
            _write(paths.ROOT / name, content)
    failures = [outcome.error for outcome in outcomes if outcome.error]
    if len(failures) == 1:
        raise ReportError(f"{failures[0]}; reports/{target.name}/ is unchanged")
    if failures:
        # The same failure of many tasks (a refusing worker) is said once, with how many.
        said = [
            f"{m} ({failures.count(m)} notebooks)" if failures.count(m) > 1 else m
            for m in dict.fromkeys(failures)
        ]
        raise ReportError(
            f"{len(failures)} of {len(outcomes)} notebooks failed: {'; '.join(said)}; "
            f"reports/{target.name}/ is unchanged"
        )
    plans = {plan.param_set.name: plan for plan in target.plans}
    for outcome in outcomes:
        _write_page(outcome, target.staged(plans[outcome.task.set_name]))
    for plan in target.plans:
        folder = target.staged(plan)
        # The front page, reports/index.html, as a link from the set's folder.
        front = "../" * len(plan.final.relative_to(paths.REPORTS).parts) + "index.html"
        _navigate(plan, folder, front)
        write_data_package(folder, front)


def _write_page(outcome: Outcome, folder: Path) -> None:
    """A task's page, and its executed notebook, to download and to read with its code: all
    inside the report."""
    page, code, executed = (folder / file for file in page_files(Path(outcome.task.notebook).stem))
    page.write_text(outcome.html or "", encoding="utf-8")
    code.parent.mkdir(exist_ok=True)
    code.write_text(outcome.code_html or "", encoding="utf-8")
    executed.write_bytes(outcome.files[outcome.task.executed])


def _navigate(plan: Plan, folder: Path, front: str) -> None:
    """Give every page of a set's staged folder (new or carried over) its header."""
    pages = [notebook.stem for notebook in plan.notebooks]
    for name in pages:
        page = folder / f"{name}.html"
        text = page.read_text(encoding="utf-8")
        headed = with_navigation(text, name, pages, front)
        if headed != text:  # a page carried over unchanged keeps its file as it was
            page.write_text(headed, encoding="utf-8")


def _write(path: Path, content: bytes) -> None:
    """Write a file a task handed back; where the task ran on this disk, it is there already."""
    if not path.is_file() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def swap_into_place(staging: Path, final: Path) -> None:
    """Replace the previous report by the new one, never leaving neither in place for long.

    The two renames are not one atomic step, so Ctrl-C and SIGTERM wait until both are done:
    an interrupt between them would leave no report at all."""
    old = final.parent / f".{final.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    with signals_held():
        if final.exists():
            final.rename(old)
        staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def signals_held():
    """Hold back SIGINT and SIGTERM for a moment; the first one caught is raised once it is over.

    Python runs signal handlers in the main thread, whichever thread the signal reached, so
    swapping the handlers holds them back from every thread (a blocked mask would not: the
    kernel hands the signal to a thread that does not block it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, lambda number, frame: caught.append(number)) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])
