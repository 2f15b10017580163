"""What a task writes in its worker's checkout, and what it leaves there.

A task writes where a local run would (the staging folder's figures, ``build/<set>/``), so that
every path recorded in the outputs is the same wherever it ran. On the driver's own disk those
files are the driver's. On a worker with a disk of its own (another machine, a container) they are
scratch: the task hands them back as bytes and removes them, keeping only an executed notebook
that was there before it, and the last task running in that checkout removes the folders they
emptied. Tasks hold a shared lock while they write and pruning takes the exclusive one, so that no
task ever loses a folder it has just made (several workers may share one checkout).
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from helpers import paths

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
