"""A kernel whose parent ends first (a Dask worker stopped by an interrupt) writes no WARNING to
the stderr it shares with the driver, whose failure is one line."""

from __future__ import annotations

import subprocess
import sys

from helpers import paths

ORPHAN = """
import asyncio, os
from helpers.report.execute import kernel_manager_class

async def main():
    manager = kernel_manager_class()(kernel_name="jp-ru-dprk-2017")
    await manager.start_kernel()
    client = manager.client()
    client.start_channels()
    await client.wait_for_ready(timeout=60)
    os._exit(0)  # the parent ends; the kernel notices and shuts down

asyncio.run(main())
"""


def test_an_orphaned_kernel_says_nothing_on_stderr():
    # stderr is read to its end, which comes when the orphaned kernel, which shares it, has ended.
    done = subprocess.run(
        [sys.executable, "-c", ORPHAN], cwd=paths.ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
