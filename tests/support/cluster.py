"""A real Dask cluster on 127.0.0.1, started with the ``dask`` command line as the README says:
one ``dask scheduler`` and ``dask worker`` processes, each in a session of its own, so that each
can be stopped, or killed mid-sweep, by its process group. Used by the tests and the benchmark.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DASK = Path(sys.executable).parent / "dask"
START_TIMEOUT = 90


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)  # by worker name

    def addresses(self) -> dict[str, str]:
        """Each live worker's name -> address, as the scheduler knows them."""
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            return {info["name"]: address for address, info in client.scheduler_info()["workers"].items()}

    def kill(self, name: str) -> None:
        """Kill a worker (its nanny and its worker process) at once, as a lost machine would be."""
        _kill_group(self.workers[name])

    def stop(self) -> None:
        for process in [*self.workers.values(), self.scheduler]:
            _kill_group(process)


def _kill_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def _start(args: list[str], root: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as sink:
        return subprocess.Popen(
            [str(DASK), *args], cwd=root, env=env, stdout=sink, stderr=sink, start_new_session=True
        )


def start(root: Path, env: dict[str, str], workers: int = 2) -> Cluster:
    """A scheduler and ``workers`` single-threaded workers, running the checkout at ``root``."""
    folder = Path(tempfile.mkdtemp(prefix="dask-"))
    file, log = folder / "scheduler.json", folder / "cluster.log"
    no_dashboard = ["--host", "127.0.0.1", "--no-dashboard"]
    scheduler = _start(
        ["scheduler", "--port", "0", *no_dashboard, "--scheduler-file", str(file)], root, env, log
    )
    cluster = Cluster("", scheduler)
    try:
        cluster.address = _wait_for_address(file, scheduler, log)
        for number in range(workers):
            args = ["worker", "--scheduler-file", str(file), "--nthreads", "1", "--name", f"w{number}"]
            cluster.workers[f"w{number}"] = _start([*args, *no_dashboard], root, env, log)
        from distributed import Client

        with Client(cluster.address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def _wait_for_address(file: Path, scheduler: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if scheduler.poll() is not None:
            raise RuntimeError(f"dask scheduler exited: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(FileNotFoundError, json.JSONDecodeError):
            return json.loads(file.read_text(encoding="utf-8"))["address"]
        time.sleep(0.1)
    raise TimeoutError("dask scheduler did not start")
