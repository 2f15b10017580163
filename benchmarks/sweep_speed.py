"""How long a sweep takes on each executor. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/sweep_speed.py [--sets 8] [--workers 2] [--repeat 1]

On a copy of the project in a temporary folder, a sweep of ``--sets`` parameter sets (``as_of``
on as many days, a week apart; every notebook each) is rendered from a clean state three ways:
  (1) the local executor: this machine's cores, one kernel per notebook;
  (2) ``EXECUTOR=dask`` with a LocalCluster of ``--workers`` worker processes;
  (3) ``EXECUTOR=dask`` on a ``dask scheduler`` with ``--workers`` ``dask worker`` processes,
      started with the command line as the README says, on 127.0.0.1.
It prints the seconds of each (median of ``--repeat``), whether the three reports are the same
bytes, and the seconds of a second run with nothing to do.

Then the shipped ``each-person`` sweep, in which only the cadence page depends on the person, is
rendered from a clean state with tasks of the same inputs run once (the default) and with each run
(``SHARE=0``): how many notebooks each executed and served, the seconds, and whether the two
reports are the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support import cluster  # noqa: E402  (tests/support/cluster.py: a real scheduler and workers)
from support.elsewhere import environment, project_copy  # noqa: E402

NAME = "bench"
NOTEBOOKS = len(list((ROOT / "notebooks").glob("*.ipynb")))
SAID = re.compile(r"(\d+) notebooks executed, (\d+) served")


def write_sweep(root: Path, sets: int) -> Path:
    days = [date(2017, 8, 25) + timedelta(weeks=n) for n in range(sets)]
    path = root / "params" / "sweeps" / f"{NAME}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "base: params/default.yaml\nvary: as_of\nvalues: [" + ", ".join(f'"{d}"' for d in days) + "]\n",
        encoding="utf-8",
    )
    return path


def digest(root: Path, name: str = NAME) -> str:
    """One hash of every file of the sweep's report."""
    total = hashlib.sha256()
    for path in sorted((root / "reports" / name).rglob("*")):
        if path.is_file():
            total.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return total.hexdigest()[:16]


def render(root: Path, *args: str) -> float:
    shutil.rmtree(root / "reports", ignore_errors=True)
    shutil.rmtree(root / "build", ignore_errors=True)
    return sweep(root, *args)


def sweep(root: Path, *args: str) -> float:
    command = [sys.executable, "-m", "helpers.report", "--sweep", f"params/sweeps/{NAME}.yaml", *args]
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=environment(root), check=True, capture_output=True)
    return time.perf_counter() - start


def sharing(root: Path) -> None:
    """The each-person sweep from a clean state, sharing and not: what ran, how long, same bytes."""
    found = {}
    for share in ("1", "0"):
        shutil.rmtree(root / "reports", ignore_errors=True)
        shutil.rmtree(root / "build", ignore_errors=True)
        command = [sys.executable, "-m", "helpers.report", "--sweep", "params/sweeps/each-person.yaml"]
        start = time.perf_counter()
        env = {**environment(root), "SHARE": share}
        done = subprocess.run(command, cwd=root, env=env, check=True, capture_output=True, text=True)
        executed, served = SAID.search(done.stdout).groups()
        found[share] = (time.perf_counter() - start, executed, served, digest(root, "each-person"))
    for share, (seconds, executed, served, report) in found.items():
        label = "each-person, shared" if share == "1" else "each-person, SHARE=0"
        print(f"{label:<26} {seconds:6.1f} s   {executed} executed, {served} served   report {report}")
    print(f"same bytes shared or not:  {'yes' if found['1'][3] == found['0'][3] else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only-sharing", action="store_true", help="only the each-person sweep")
    args = parser.parse_args()
    root = project_copy(Path(tempfile.mkdtemp(prefix="sweep-bench-")) / "project")
    if args.only_sharing:
        sharing(root)
        shutil.rmtree(root.parent, ignore_errors=True)
        return
    write_sweep(root, args.sets)
    jobs = ["--jobs", str(args.workers)]
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    total = args.sets * NOTEBOOKS
    print(f"sweep: {args.sets} sets x {NOTEBOOKS} notebooks = {total} notebooks; {args.workers} workers")
    results = {}
    for label, extra in (("local executor", jobs), ("LocalCluster", ["--executor", "dask", *jobs])):
        seconds = [render(root, *extra) for _ in range(args.repeat)]
        results[label] = (statistics.median(seconds), digest(root))
    started = cluster.start(root, environment(root), workers=args.workers)
    try:
        scheduler = ["--executor", "dask", "--scheduler", started.address]
        seconds = [render(root, *scheduler) for _ in range(args.repeat)]
        results["dask scheduler + workers"] = (statistics.median(seconds), digest(root))
        nothing = sweep(root, *scheduler)
    finally:
        started.stop()
    for label, (seconds, report) in results.items():
        print(f"{label:<26} {seconds:6.1f} s   {total / seconds:4.2f} notebooks/s   report {report}")
    print(f"same bytes on all three: {'yes' if len({r for _, r in results.values()}) == 1 else 'NO'}")
    print(f"again, nothing to do:      {nothing:6.2f} s")
    sharing(root)
    shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
