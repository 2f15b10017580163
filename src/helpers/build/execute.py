"""Execute one notebook with papermill in a fresh kernel, its failure said in one line.

papermill is imported inside the functions, so that a build with nothing to do never loads it.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path
from typing import Any

from helpers.build.errors import ReportError

# Seconds a fresh kernel may take to start (papermill's default, 60, is tight on a loaded CI machine).
KERNEL_START_TIMEOUT = 180


def skip_iri_grammars() -> None:
    """nbformat validates with jsonschema, whose format checkers import rfc3987_syntax; that
    module compiles dozens of Lark grammars at import, a noticeable share of a clean build, and
    serves only the 'iri' formats, which no notebook schema uses (python-jsonschema/jsonschema#1428).
    Called before papermill is imported, it lets the driver do without them: jsonschema skips
    a checker it cannot import."""
    sys.modules.setdefault("rfc3987_syntax", None)


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

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts every kernel before asking it to shut down; ours are idle
            # by then (every cell has run), and ipykernel logs the SIGINT as an ERROR line in the
            # build output. A kernel that ignores the shutdown request is still killed after the
            # manager's shutdown_wait_time.
            if not getattr(self, "shutting_down", False):
                await super()._async_interrupt_kernel()

    return IPCKernelManager


def execute(notebook: Path, output: Path, parameters: dict[str, Any]) -> None:
    """Run one notebook with papermill in a fresh kernel; a failing cell becomes a one-line ReportError.

    The executed notebook is always normalised and kept, with the error banner if it failed.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from helpers.build.render import normalise

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
            f"notebook {notebook.name} failed in cell {error.exec_count or error.cell_index}: "
            f"{error.ename}: {error.evalue}\n  the executed notebook, with the error, is in {output}"
        ) from None
    finally:
        if output.exists():
            normalise(output)
