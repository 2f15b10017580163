"""Where the tasks run: on this machine's threads (``local``, the default) or on a Dask cluster.

Both take the same tasks and hand back the same outcomes, in the tasks' order; what runs where
never changes a byte of the report. Interrupted (Ctrl-C, SIGTERM), both stop what they started
before they return: the local one kills its kernels, the Dask one cancels its tasks.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor, wait

from helpers.report.errors import ReportError
from helpers.report.tasks import Outcome, Said, Task, failed, run

EXECUTORS = ("local", "dask")


def check_executor(executor: str) -> None:
    if executor not in EXECUTORS:
        raise ReportError(f"EXECUTOR={executor!r} is not an executor; known: {', '.join(EXECUTORS)}")


def run_all(
    tasks: list[Task], executor: str, jobs: int | None, scheduler: str | None, done: Said
) -> list[Outcome]:
    """Run every task; ``done`` hears of each as it ends. A task that could not run at all
    (a refusing worker, a lost kernel) is an outcome with its error, as a failing notebook is."""
    check_executor(executor)
    if executor == "local":
        return _local(tasks, jobs, done)
    from helpers.report.cluster import run_on_dask

    return run_on_dask(tasks, jobs, scheduler, done)


def _local(tasks: list[Task], jobs: int | None, done: Said) -> list[Outcome]:
    """Each task in a thread of this process, one fresh kernel each, up to ``jobs`` at once."""
    from helpers.report import kernels

    def one(task: Task) -> Outcome:
        try:
            outcome = run(task, "local")
        except Exception as error:
            outcome = failed(task, error)
        done(outcome)
        return outcome

    kernels.resume()
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs or os.cpu_count() or 1, len(tasks))))
    futures = [pool.submit(one, task) for task in tasks]
    try:
        wait(futures)
    except KeyboardInterrupt:
        # The kernels die on purpose: nbclient's "Kernel died" log lines would only be noise.
        logging.disable(logging.CRITICAL)
        pool.shutdown(wait=False, cancel_futures=True)
        kernels.stop_all()
        pool.shutdown(wait=True)
        logging.disable(logging.NOTSET)
        raise
    pool.shutdown(wait=True)
    return [future.result() for future in futures]
