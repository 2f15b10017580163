"""Where the tasks run: on this machine's threads (``local``, the default) or on a Dask cluster.

Both take the same tasks and hand back the same outcomes, in the tasks' order; what runs where
never changes a byte of the report. Interrupted (Ctrl-C, SIGTERM), both stop what they started
before they return: the local one kills its kernels, the Dask one cancels its tasks.

The Dask executor submits every task to a Dask distributed cluster, an existing one or a
LocalCluster; Dask's scheduler places tasks on free workers, and when a worker is lost it runs
that worker's tasks again on another (up to ``distributed.scheduler.allowed-failures`` times).
Workers run the driver's checkout and environment; each task checks its worker's hashes before it
runs (``helpers.report.tasks``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from concurrent.futures import ThreadPoolExecutor, wait

from helpers.report import ReportError
from helpers.report.tasks import Outcome, Said, Task, failed, run, served

# Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 10


def on_worker(task: Task) -> Outcome:
    """What a Dask worker runs: the task, named with the worker's address for the run log."""
    from distributed import get_worker

    return run(task, get_worker().address)


def _stop_kernels() -> None:
    """Run on each worker of a LocalCluster when the build is interrupted: kill its kernels.
    The worker is about to stop, so its logging goes first: nbclient's "Kernel died" lines
    would only be noise."""
    from helpers.report import execute

    logging.disable(logging.CRITICAL)
    execute.stop_all()


def run_on_dask(tasks: list[Task], jobs: int | None, scheduler: str | None, done: Said) -> list[Outcome]:
    """Submit every task, collect each outcome as it ends, and hand them back in the tasks' order.

    Without a scheduler address, a LocalCluster of ``jobs`` worker processes (one per core by
    default), one thread each, is started for this run and stopped after it."""
    from distributed import as_completed

    client, cluster = _connect(scheduler, jobs)
    run_id = uuid.uuid4().hex[:8]
    futures = {client.submit(on_worker, task, key=f"{task.key}-{run_id}", pure=False): task for task in tasks}
    outcomes: dict[str, Outcome] = {}
    try:
        for future in as_completed(futures):
            task = futures[future]
            try:
                outcome = future.result()
            except Exception as error:  # a refusing worker, or a task that lost every worker
                outcome = failed(task, error)
            outcomes[task.key] = outcome
            done(outcome)
    except KeyboardInterrupt:
        client.cancel(list(futures), force=True)
        if cluster is not None:
            # Our own cluster's kernels die now: a cancelled task's kernel runs on, out of its
            # worker's process group, and would write its figures into the staging folder after
            # the driver has removed it. (A shared scheduler's workers run others' kernels too.)
            with contextlib.suppress(Exception):
                client.run(_stop_kernels)
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [outcomes[task.key] for task in tasks]


def _connect(scheduler: str | None, jobs: int | None):
    """A client of the cluster at ``scheduler``, or of a new LocalCluster."""
    # Dask logs every worker's start and stop, and every task cancelled on Ctrl-C, as INFO and
    # WARNING lines; the build says what happened itself, in its own lines and the run log.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    logging.getLogger("distributed").setLevel(logging.ERROR)
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as error:
            raise ReportError(f"no Dask scheduler answers at {scheduler}: {error}") from None
    workers = max(1, jobs or os.cpu_count() or 1)
    # Any free port for the scheduler's HTTP server: None still takes 8787, and a second build
    # running meanwhile (another checkout, a test) would print a warning that it is in use.
    # Our own workers log nothing below CRITICAL: each task's fate comes back to the build, which
    # says it, and a worker closing beside its scheduler may log a heartbeat's traceback as an
    # ERROR (dask/distributed#7105), a wall of text after a good build.
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    )
    return Client(cluster), cluster


EXECUTORS = ("local", "dask")


def check_executor(executor: str) -> None:
    if executor not in EXECUTORS:
        raise ReportError(f"EXECUTOR={executor!r} is not an executor; known: {', '.join(EXECUTORS)}")


def run_all(
    tasks: list[Task], executor: str, jobs: int | None, scheduler: str | None, done: Said, share: bool = True
) -> list[Outcome]:
    """Run every task; ``done`` hears of each as it ends. A task that could not run at all
    (a refusing worker, a lost kernel) is an outcome with its error, as a failing notebook is.

    With ``share``, tasks with the same inputs (a sweep's pages that do not depend on what it
    varies) run once, and the others are served that run's outcome."""
    check_executor(executor)
    same = (lambda task: task.inputs) if share else (lambda task: task.key)
    first: dict[str, Task] = {}
    for task in tasks:
        first.setdefault(same(task), task)
    if executor == "local":
        ran = _local(list(first.values()), jobs, done)
    else:
        ran = run_on_dask(list(first.values()), jobs, scheduler, done)
    by_inputs = {same(outcome.task): outcome for outcome in ran}
    return [_its_own(by_inputs[same(task)], task, done) for task in tasks]


def _its_own(outcome: Outcome, task: Task, done: Said) -> Outcome:
    """``outcome`` if it is ``task``'s, else ``task``'s served from it (and ``done`` told).
    Whose it is goes by the task's key: an outcome back from a Dask worker holds a copy of its
    task, never the task itself."""
    if outcome.task.key == task.key:
        return outcome
    mine = served(outcome, task)
    done(mine)
    return mine


def _local(tasks: list[Task], jobs: int | None, done: Said) -> list[Outcome]:
    """Each task in a thread of this process, one fresh kernel each, up to ``jobs`` at once."""
    from helpers.report import execute

    def one(task: Task) -> Outcome:
        try:
            outcome = run(task, "local")
        except Exception as error:
            outcome = failed(task, error)
        done(outcome)
        return outcome

    execute.resume()
    pool = ThreadPoolExecutor(max_workers=max(1, min(jobs or os.cpu_count() or 1, len(tasks))))
    futures = [pool.submit(one, task) for task in tasks]
    try:
        wait(futures)
    except KeyboardInterrupt:
        # The kernels die on purpose: nbclient's "Kernel died" log lines would only be noise.
        logging.disable(logging.CRITICAL)
        pool.shutdown(wait=False, cancel_futures=True)
        execute.stop_all()
        pool.shutdown(wait=True)
        logging.disable(logging.NOTSET)
        raise
    finally:
        pool.shutdown(wait=True)
        execute.warm.close_all()  # every kernel has started: their template goes
    return [future.result() for future in futures]
