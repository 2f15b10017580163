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
import os
import signal
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.report.errors import ReportError

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
    """Kill every kernel the build started, now, and every kernel it would still start."""
    _stopping.set()
    with _lock:
        groups = list(_running.values())
    for group in groups:
        with contextlib.suppress(ProcessLookupError, PermissionError):  # gone already
            os.killpg(group, signal.SIGKILL)


def resume() -> None:
    """Allow kernels again (a new build in the same process, as in the tests)."""
    _stopping.clear()


def kernel_manager_class() -> type:
    """Kernels talk over local IPC sockets on POSIX: nothing listens on a TCP port, and
    ipykernel has no reason to warn about unencrypted TCP in the build log. Each kernel
    gets its own socket prefix, so kernels started at the same moment never collide."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    if os.name != "posix":
        return AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

        @default("ip")
        def _ip_default(self) -> str:
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True)
            return str(runtime / f"kernel-{uuid.uuid4().hex}-ipc")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            # A kernel whose parent ends first (a Dask worker stopped by an interrupt) logs a
            # WARNING to the stderr it shares with the driver, after the driver's one line;
            # errors still show.
            kernel_cmd = [*kernel_cmd, "--IPKernelApp.log_level=ERROR"]
            await super()._async_launch_kernel(kernel_cmd, **kw)
            _register(self.provisioner.pid, self.provisioner.pgid)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            if self.provisioner is not None and self.provisioner.pid:
                _unregister(self.provisioner.pid)
            await super()._async_cleanup_resources(restart=restart)

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts every kernel before asking it to shut down; ours are idle
            # by then (every cell has run), and ipykernel logs the SIGINT as an ERROR line in the
            # build output. A kernel that ignores the shutdown request is still killed after the
            # manager's shutdown_wait_time.
            if not getattr(self, "shutting_down", False):
                await super()._async_interrupt_kernel()

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


def execute(notebook: Path, output: Path, parameters: dict[str, Any]) -> None:
    """Run one notebook with papermill in a fresh kernel; a failing cell becomes a one-line ReportError.

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
            # The kernel starts in the notebook's folder, as in JupyterLab; papermill's own `cwd`
            # would change the whole driver's working directory, under its other threads.
            resources={"metadata": {"path": str(notebook.parent)}},
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
