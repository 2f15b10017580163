"""The kernel manager the build starts kernels with: local IPC sockets, kernels the driver can
stop, and quiet logs. Its own module because it imports jupyter_client, which a build with
nothing to do never loads (``execute.kernel_manager_class`` imports it when a kernel starts)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import default


class IPCKernelManager(AsyncKernelManager):
    """Kernels talk over local IPC sockets on POSIX: nothing listens on a TCP port, and ipykernel
    has no reason to warn about unencrypted TCP in the build log. Each kernel gets its own socket
    prefix, so kernels started at the same moment never collide."""

    # What becomes of each kernel's process: noted when it starts and forgotten when it ends
    # (``execute`` sets both), so that an interrupted build can kill whatever is left.
    on_start: ClassVar[Callable[[int, int | None], None]] = staticmethod(lambda pid, pgid: None)
    on_end: ClassVar[Callable[[int], None]] = staticmethod(lambda pid: None)

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
        self.on_start(self.provisioner.pid, self.provisioner.pgid)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        if self.provisioner is not None and self.provisioner.pid:
            self.on_end(self.provisioner.pid)
        await super()._async_cleanup_resources(restart=restart)

    async def _async_interrupt_kernel(self) -> None:
        # jupyter_client interrupts every kernel before asking it to shut down; ours are idle
        # by then (every cell has run), and ipykernel logs the SIGINT as an ERROR line in the
        # build output. A kernel that ignores the shutdown request is still killed after the
        # manager's shutdown_wait_time.
        if not getattr(self, "shutting_down", False):
            await super()._async_interrupt_kernel()
