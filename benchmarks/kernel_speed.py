"""What one notebook costs, kernels forked warm or started cold, and how a sweep scales. Prints
figures; asserts nothing.

    .venv/bin/python benchmarks/kernel_speed.py [--repeat 3] [--sets 8] [--skip-scaling]

(1) Per notebook: each notebook, with a first cell that notes its kernel's CPU time before and
    after importing the helpers and a last cell that notes it at the end, is run through
    ``helpers.report.execute`` (papermill, one kernel) one at a time, warm (the default) and cold
    (``WARM=0``). Its core-seconds are split into:
      start    the kernel's CPU time before its first cell (a cold kernel: Python, ipykernel and
               its start; a forked one: from the fork, ipykernel and its start);
      imports  importing ``helpers.notebook`` (pandas, matplotlib, every layer): nothing left to
               import in a forked kernel;
      cells    the notebook's own cells;
      driver   the driver's CPU time meanwhile (papermill, nbclient, the executed notebook).
    The template's own warm-up is paid once per build (and per Dask worker): printed apart.
(2) A sweep's speed-up and efficiency: an as-of sweep of ``--sets`` sets from a clean state, on
    k = 1, 2, 4 ... up to the cores here, on the local executor and on a LocalCluster of k
    workers, with the machine's busy core-seconds per executed notebook (run it on a quiet
    machine: every process counts).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from support.elsewhere import environment, project_copy  # noqa: E402
from sweep_speed import NAME, NOTEBOOKS, write_sweep  # noqa: E402

from helpers import paths  # noqa: E402
from helpers.report import execute, warm  # noqa: E402

FIRST = """\
import os as _os
_cpu = lambda: sum(_os.times()[:2])
_before = _cpu()
import helpers.notebook
_imported = _cpu()
"""
LAST = "print(_before, _imported, _cpu())"


def instrumented(notebook: Path, folder: Path) -> Path:
    """A copy of ``notebook`` with the two cells (it runs in ``notebooks/``, as the original)."""
    book = nbformat.read(notebook, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell(FIRST, id="bench-first"))
    book.cells.append(nbformat.v4.new_code_cell(LAST, id="bench-last"))
    path = folder / notebook.name
    nbformat.write(book, path)
    return path


def one_run(notebook: Path, out: Path) -> dict[str, float]:
    """One notebook through papermill: its core-seconds by part, and its wall time."""
    driver_before, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    execute.execute(notebook, out, {"figures_dir": ""}, workdir=paths.NOTEBOOKS)
    wall = time.perf_counter() - wall
    driver_after = resource.getrusage(resource.RUSAGE_SELF)
    driver = sum(getattr(driver_after, f) - getattr(driver_before, f) for f in ("ru_utime", "ru_stime"))
    text = nbformat.read(out, as_version=4).cells[-1].outputs[0]["text"]
    before, imported, end = (float(x) for x in text.split())
    parts = {"start": before, "imports": imported - before, "cells": end - imported, "driver": driver}
    return {**parts, "total": sum(parts.values()), "wall": wall}


def per_notebook(repeat: int, folder: Path) -> None:
    books = [instrumented(p, folder) for p in sorted(paths.NOTEBOOKS.glob("*.ipynb"))]
    parts = ("start", "imports", "cells", "driver", "total", "wall")
    print(f"\n(1) one notebook at a time, median of {repeat}, core-seconds (wall: seconds)")
    print(f"{'notebook':<26} {'kernel':<5} " + " ".join(f"{p:>7}" for p in parts))
    totals: dict[str, list[float]] = {}
    for mode in ("cold", "warm"):
        os.environ["WARM"] = "1" if mode == "warm" else "0"
        warm.close_all()
        run_all = [[one_run(book, folder / f"{i}-{book.name}") for book in books] for i in range(repeat)]
        for n, book in enumerate(books):
            median = {p: statistics.median(runs[n][p] for runs in run_all) for p in parts}
            totals.setdefault(mode, []).append(median["total"])
            print(f"{book.stem:<26} {mode:<5} " + " ".join(f"{median[p]:7.2f}" for p in parts))
    warm.close_all()
    seconds, cpu = template_warm_up()
    print(f"the template's warm-up, once per build and per Dask worker: {seconds:.2f} s, {cpu:.2f} core-s")
    os.environ.pop("WARM")
    for mode, values in totals.items():
        print(f"median core-seconds per notebook, {mode}: {statistics.median(values):.2f}")


def template_warm_up() -> tuple[float, float]:
    """Seconds until a template is ready, and its CPU time by then (from /proc)."""
    start = time.perf_counter()
    template = warm.Template([sys.executable, "-Xfrozen_modules=off"], dict(os.environ))
    seconds = time.perf_counter() - start
    fields = Path(f"/proc/{template.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    template.close()
    return seconds, cpu


def busy() -> float:
    """The machine's busy core-seconds so far, from /proc/stat: every process a sweep starts counts,
    however it ends (a Dask worker's kernels outlive the accounting of their parents)."""
    jiffies = [int(n) for n in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = jiffies[3] + jiffies[4]  # idle, iowait
    return (sum(jiffies[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def sweep_once(root: Path, *args: str, warm_kernels: bool = True) -> tuple[float, float, int]:
    """A clean sweep in its own process: seconds, busy core-seconds, notebooks executed."""
    shutil.rmtree(root / "reports", ignore_errors=True)
    shutil.rmtree(root / "build", ignore_errors=True)
    env = {**environment(root), "WARM": "1" if warm_kernels else "0"}
    command = [sys.executable, "-m", "helpers.report", "--sweep", f"params/sweeps/{NAME}.yaml", *args]
    before, start = busy(), time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, check=True, capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - start, busy() - before
    return seconds, cpu, int(done.stdout.rsplit(" notebooks executed", 1)[0].rsplit(" ", 1)[1])


def scaling(sets: int) -> None:
    root = project_copy(Path(tempfile.mkdtemp(prefix="kernel-bench-")) / "project")
    write_sweep(root, sets)
    cores = os.cpu_count() or 1
    ks = [k for k in (1, 2, 4, 8, 16, 32, 64) if k <= cores]
    print(f"\n(2) an as-of sweep of {sets} sets x {NOTEBOOKS} notebooks, clean, kernels warm")
    print(f"{'executor':<14} {'k':>3} {'seconds':>8} {'speed-up':>9} {'efficiency':>11} {'core-s/nb':>10}")
    for label, extra in (("local", []), ("LocalCluster", ["--executor", "dask"])):
        first = None
        for k in ks:
            seconds, cpu, notebooks = sweep_once(root, *extra, "--jobs", str(k))
            first = first or seconds
            speedup = first / seconds
            per = cpu / notebooks
            print(f"{label:<14} {k:>3} {seconds:8.1f} {speedup:8.2f}x {speedup / k:10.0%} {per:10.2f}")
    seconds, cpu, notebooks = sweep_once(root, "--jobs", str(cores), warm_kernels=False)
    print(f"{'local, WARM=0':<14} {cores:>3} {seconds:8.1f} {'':>9} {'':>11} {cpu / notebooks:10.2f}")
    shutil.rmtree(root.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sets", type=int, default=8)
    parser.add_argument("--skip-scaling", action="store_true", help="only the per-notebook figures")
    args = parser.parse_args()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}"
    print(f"{machine}, Python {platform.python_version()}")
    folder = Path(tempfile.mkdtemp(prefix="kernel-bench-"))
    try:
        per_notebook(args.repeat, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not args.skip_scaling:
        scaling(args.sets)


if __name__ == "__main__":
    main()
