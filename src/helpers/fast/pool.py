"""Run independent tasks side by side, only where the data is large enough to pay for it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Below this many rows a thread pool costs more than the work it spreads: the tasks run in turn.
PARALLEL_MIN_ROWS = 65_536


def side_by_side(tasks: Sequence[Callable[[], T]], rows: int) -> list[T]:
    """Run the tasks and return their results in the tasks' order. With ``rows`` (the size of
    the largest table they read) at or above ``PARALLEL_MIN_ROWS``, in a thread pool, one
    thread per core: Arrow and NumPy release the GIL in their loops. The tasks must only read
    what they share."""
    if len(tasks) < 2 or rows < PARALLEL_MIN_ROWS:
        return [task() for task in tasks]
    with ThreadPoolExecutor(max_workers=min(len(tasks), os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda task: task(), tasks))
