"""The kernel manager the build starts kernels with: local IPC sockets, kernels the driver can
stop, quiet logs, and each kernel forked from a warm template (``helpers.report.warm``) through
jupyter_client's provisioner interface, so that papermill and nbclient run unchanged. Its own
module because it imports jupyter_client, which a build with nothing to do never loads
(``execute.kernel_manager_class`` imports it when a kernel starts)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import default

from helpers.report import warm


class Forked:
    """What LocalProvisioner asks of a kernel's Popen, for a kernel forked by the template: the
    template, not this process, is its parent and reaps it as it ends, so it is alive while its
    pid is."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0  # ended; its status went to the template that reaped it
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Until it has ended (LocalProvisioner waits only once ``poll`` says it has)."""
        while self.poll() is None:
            time.sleep(0.05)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def terminate(self) -> None:
        os.kill(self.pid, signal.SIGTERM)


class WarmProvisioner(LocalProvisioner):
    """A kernel forked from this process's warm template where one can be had; else, with one
    line saying why, started as LocalProvisioner starts it."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        cwd = str(kwargs.get("cwd") or Path.cwd())
        try:
            pid = warm.fork_kernel(cmd, cwd, dict(kwargs.get("env") or os.environ))
        except warm.Unavailable as reason:
            warm.tell_once(reason)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = Forked(pid)
        self.pid = self.pgid = pid  # a session, and so a process group, of its own
        self.cwd = cwd
        return self.connection_info


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

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        if self.provisioner is None and warm.wanted():
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            spec = self.kernel_spec
            self.provisioner = WarmProvisioner(kernel_id=self.kernel_id, kernel_spec=spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)

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
