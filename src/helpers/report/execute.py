"""Execute one notebook with papermill in a fresh kernel, its failure said in one line.

papermill is imported inside the functions, so that a build with nothing to do never loads it.

The kernels it starts talk over local sockets, and every one of them can be stopped from the
driver: an interrupted build (Ctrl-C, SIGTERM) must leave no kernel behind. jupyter_client starts
each kernel in its own session, out of reach of the terminal's Ctrl-C, and its manager lives on
the event loop of the thread that runs the notebook; so the driver keeps its own list of the
kernels' process groups, and on interrupt kills them from the main thread. The notebook's thread
then sees a dead kernel and ends.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.report import ReportError, warm

_lock = threading.Lock()
_running: dict[int, int] = {}  # kernel pid -> its process group
_stopping = threading.Event()


def _register(pid: int, pgid: int | None) -> None:
    with _lock:
        _running[pid] = pgid or pid
    if _stopping.is_set():  # started while the build was being stopped
        stop_all()


def _unregister(pid: int) -> None:
    with _lock:
        _running.pop(pid, None)


def stop_all() -> None:
    """Kill every kernel the build started, now, and every kernel it would still start, and the
    template they are forked from."""
    _stopping.set()
    warm.close_all()
    with _lock:
        groups = list(_running.values())
    for group in groups:
        with contextlib.suppress(ProcessLookupError, PermissionError):  # gone already
            os.killpg(group, signal.SIGKILL)


def resume() -> None:
    """Allow kernels again (a new build in the same process, as in the tests)."""
    _stopping.clear()


@functools.cache
def kernel_manager_class() -> type:
    """The manager to start kernels with: on POSIX, ``ipc.IPCKernelManager`` (local sockets,
    stoppable from the driver), imported here so that a build with nothing to do never loads
    jupyter_client; elsewhere jupyter_client's own. Cached, so the driver's hooks are set once."""
    if os.name != "posix":
        from jupyter_client.manager import AsyncKernelManager

        return AsyncKernelManager
    from helpers.report.ipc import IPCKernelManager

    IPCKernelManager.on_start, IPCKernelManager.on_end = staticmethod(_register), staticmethod(_unregister)
    return IPCKernelManager


# Seconds a fresh kernel may take to start (papermill's default, 60, is tight on a loaded CI machine).
KERNEL_START_TIMEOUT = 180


def skip_iri_grammars() -> None:
    """nbformat validates with jsonschema, whose format checkers import rfc3987_syntax; that
    module compiles dozens of Lark grammars at import, a noticeable share of a clean build, and
    serves only the 'iri' formats, which no notebook schema uses (python-jsonschema/jsonschema#1428).
    Called before papermill is imported, it lets the driver do without them: jsonschema skips
    a checker it cannot import."""
    sys.modules.setdefault("rfc3987_syntax", None)


def first_line(text: str) -> str:
    """The first line of an error message, marked as cut when there is more: the build's
    failure is one line, and the executed notebook keeps the rest."""
    lines = str(text).strip().splitlines() or [""]
    return lines[0] + (" ..." if len(lines) > 1 else "")


def said(notebook: Path | str, error: BaseException) -> str:
    """A notebook's failure in one line: a failing cell (a ReportError) says so itself;
    anything else (a kernel that died, a timeout, a refusing worker) is named with the notebook."""
    if isinstance(error, ReportError):
        return str(error)
    return f"{Path(notebook).name}: {type(error).__name__}: {first_line(str(error))}"


def execute(notebook: Path, output: Path, parameters: dict[str, Any], workdir: Path | None = None) -> None:
    """Run one notebook with papermill in a fresh kernel, in ``workdir`` (by default the notebook's
    folder, as in JupyterLab); a failing cell becomes a one-line ReportError.

    The executed notebook is always normalised and kept, with the error banner if it failed.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from helpers.report.render import normalise

    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            # The kernel starts in ``workdir``; papermill's own `cwd` would change the whole
            # driver's working directory, under its other threads.
            resources={"metadata": {"path": str(workdir or notebook.parent)}},
            progress_bar=False,
            log_output=False,
            report_mode=False,
            request_save_on_cell_execute=False,
            kernel_manager_class=kernel_manager_class(),
            start_timeout=KERNEL_START_TIMEOUT,
        )
    except PapermillExecutionError as error:
        raise ReportError(
            f"{notebook.name} failed in cell {error.exec_count or error.cell_index}: "
            f"{error.ename}: {first_line(error.evalue)} (the executed notebook, with the error: "
            f"{paths.relative(output)})"
        ) from None
    finally:
        if output.exists():
            normalise(output)
