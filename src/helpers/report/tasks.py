"""One notebook of one parameter set, as a task that runs wherever an executor sends it.

A task carries the notebook's name, its parameters and the content hashes of the checkout the
driver planned from. It runs on the driver's threads (the local executor) or on a Dask worker
in another process or on another machine, which must run the same checkout: before it runs
anything, it hashes its own notebook, code and data and refuses when they differ.

A task writes where a local run would (the staging folder's figures, ``build/<set>/``), so that
every path recorded in the outputs is the same wherever it ran, then hands back every file it
wrote as bytes, so that the driver can put them in place even when the worker's disk is not the
driver's. On the driver's own disk those files are the driver's. On a worker with a disk of its
own (another machine, a container) they are scratch: the task removes
them, keeping only an executed notebook that was there before it, and the last task
running in that checkout removes the folders they emptied. Tasks hold a shared lock while they
write and pruning takes the exclusive one, so that no task ever loses a folder it has just made
(several workers may share one checkout).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.params.declared import FIGURES_DIR
from helpers.report import ReportError


class CheckoutMismatch(ReportError):
    """The worker's checkout is not the driver's: its results would not be the driver's report."""


@dataclass(frozen=True)
class Task:
    set_name: str
    notebook: str  # the notebook: relative to the root (notebooks/…), or absolute
    parameters: dict[str, Any]  # figures_dir included, relative to ``workdir``
    executed: str  # where the executed notebook goes: relative to the root, or absolute
    # What the driver planned from: the notebook's, the code's and the data's sha256.
    expected: dict[str, str]
    # A file in the driver's staging folder: a worker that sees it shares the driver's disk.
    staging_mark: str
    # Where the kernel runs, and so where the figures go: the set's staged folder. The driver's
    # business, not a parameter, so that two sets' identical notebooks have identical inputs.
    workdir: str = ""

    @property
    def key(self) -> str:
        return f"{self.set_name}/{Path(self.notebook).stem}"

    @property
    def figures(self) -> str:
        """The folder the notebook writes its figures to, relative to the root, or absolute."""
        return str(Path(self.workdir) / self.parameters.get(FIGURES_DIR, ""))

    @property
    def inputs(self) -> str:
        """All that decides what the task makes: its notebook, parameters, code and data."""
        return json.dumps([self.notebook, self.parameters, self.expected], sort_keys=True)


@dataclass(frozen=True)
class Outcome:
    task: Task
    worker: str
    seconds: float
    html: str | None = None
    error: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    code_html: str | None = None  # the executed notebook whole, its code shown
    served_from: str | None = None  # the key of the task with the same inputs that ran instead


def served(outcome: Outcome, task: Task) -> Outcome:
    """``task``'s outcome from that of a task with the same inputs: the same pages and figures,
    written to ``task``'s places, and its executed notebook naming its own path, byte for byte
    what running ``task`` itself would have made."""
    ran = outcome.task
    files = {}
    for name, content in outcome.files.items():
        if name == ran.executed:
            files[task.executed] = _renamed(content, ran.executed, task.executed)
        else:
            files[str(Path(task.figures) / Path(name).relative_to(ran.figures))] = content
    return Outcome(task, outcome.worker, 0.0, outcome.html, outcome.error, files, outcome.code_html, ran.key)


def _renamed(executed: bytes, old: str, new: str) -> bytes:
    """An executed notebook with papermill's record of its own path changed from ``old`` to
    ``new``; anything else (no such record) as it is."""
    import nbformat

    try:
        book = json.loads(executed)
    except ValueError:  # not a notebook: nothing names its path
        return executed
    run = book.get("metadata", {}).get("papermill", {}) if isinstance(book, dict) else {}
    if run.get("output_path") != paths.relative(paths.ROOT / old):
        return executed
    book = nbformat.reads(executed.decode("utf-8"), as_version=4)
    book.metadata.papermill.output_path = paths.relative(paths.ROOT / new)
    return nbformat.writes(book).encode("utf-8") + (b"\n" if executed.endswith(b"\n") else b"")


Said = Callable[[Outcome], None]


def failed(task: Task, error: BaseException) -> Outcome:
    """The outcome of a task that raised instead of running its notebook, said in one line."""
    from helpers.report.execute import said

    return Outcome(task, "", 0.0, error=said(task.notebook, error))


def notebook_sha256(notebook: Path) -> str:
    return hashlib.sha256(notebook.read_bytes()).hexdigest()


def checkout_hashes(notebook: Path) -> dict[str, str]:
    """The hashes a worker must share with the driver: the notebook, the code and the data."""
    from helpers.report.planning import code_fingerprint, data_fingerprint

    book = notebook_sha256(notebook)
    return {"notebook": book, "code": code_fingerprint(), "data": data_fingerprint()}


def check_checkout(task: Task, worker: str) -> None:
    """Refuse to run a task planned from another checkout, saying which part differs."""
    try:
        found = checkout_hashes(paths.ROOT / task.notebook)
    except FileNotFoundError as missing:
        raise CheckoutMismatch(f"worker {worker} has no {paths.relative(missing.filename)}") from None
    differ = [name for name in ("notebook", "code", "data") if found[name] != task.expected[name]]
    if differ:
        said = ", ".join(
            f"{name} sha256 {found[name][:12]} (driver: {task.expected[name][:12]})" for name in differ
        )
        raise CheckoutMismatch(
            f"worker {worker} runs another checkout than the driver ({said}); "
            f"run every worker on the driver's checkout and environment"
        )


def run(task: Task, worker: str) -> Outcome:
    """Run the task's notebook, render its page, and hand back what it wrote.

    A failing notebook is an outcome with its one-line error, not an exception: the executed
    notebook, with the error in it, comes back too."""
    from helpers.report.execute import execute, said
    from helpers.report.render import page_title, render_html

    check_checkout(task, worker)
    tick = time.perf_counter()
    executed, notebook = paths.ROOT / task.executed, paths.ROOT / task.notebook
    html = code_html = error = None
    with writing():
        existed = executed.exists()
        try:
            (paths.ROOT / task.workdir).mkdir(parents=True, exist_ok=True)
            execute(notebook, executed, task.parameters, paths.ROOT / task.workdir)
            html = render_html(executed, page_title(notebook.stem))
            code_html = render_html(executed, f"{page_title(notebook.stem)}: the notebook", code=True)
        except Exception as failure:  # anything a notebook or its kernel can do: said in one line
            error = said(notebook, failure)
        files = collect(task.figures, task.notebook, task.executed)
        on_driver_disk = (paths.ROOT / task.staging_mark).exists()
        if not on_driver_disk:
            remove(files, keep=task.executed if existed else None)
    if not on_driver_disk:
        prune(task_folders(task.staging_mark, task.set_name))
    return Outcome(task, worker, time.perf_counter() - tick, html, error, files, code_html)


# What a task writes in its worker's checkout, and what it leaves there.

LOCK = ".tasks.lock"


@contextlib.contextmanager
def _locked(mode: int) -> Iterator[bool]:
    """The checkout's task lock in ``mode``; yields False where a non-blocking lock is taken."""
    paths.BUILD.mkdir(parents=True, exist_ok=True)
    with (paths.BUILD / LOCK).open("a") as handle:
        try:
            fcntl.flock(handle, mode)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def writing() -> contextlib.AbstractContextManager[bool]:
    """Held while a task writes in this checkout: no folder is pruned meanwhile."""
    return _locked(fcntl.LOCK_SH)


def collect(figures_dir: str, notebook: str, executed: str) -> dict[str, bytes]:
    """The executed notebook and the notebook's figures, by the paths the driver gave them."""
    figures = paths.ROOT / figures_dir
    found = sorted(figures.glob(f"{Path(notebook).stem}-*")) if figures.is_dir() else []
    named = {str(Path(figures_dir) / path.name): path.read_bytes() for path in found}
    return named | (
        {executed: (paths.ROOT / executed).read_bytes()} if (paths.ROOT / executed).is_file() else {}
    )


def remove(files: dict[str, bytes], keep: str | None) -> None:
    """Remove what a task wrote on a disk that is not the driver's, but ``keep``."""
    for name in files:
        if name != keep:
            (paths.ROOT / name).unlink()


def prune(folders: list[Path]) -> None:
    """Remove the empty folders under ``folders`` (and they, if empty), once no task writes in
    this checkout; if one does, it prunes them when it ends."""
    with _locked(fcntl.LOCK_EX | fcntl.LOCK_NB) as alone:
        if not alone:
            return
        for top in folders:
            # In reverse order of their names, folders come after everything inside them.
            for folder in sorted([top, *top.rglob("*")], reverse=True):
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()


def task_folders(staging_mark: str, set_name: str) -> list[Path]:
    """The folders a target's tasks make in a checkout: its staging folder and build/<target>/."""
    return [(paths.ROOT / staging_mark).parent, paths.BUILD / set_name.split("/")[0]]
