"""How fast is the report, and how do the helpers scale? Prints figures; asserts nothing.

    .venv/bin/python benchmarks/report_speed.py [--repeat 3] [--events 100000] [--years 100]

Report builds (median of ``--repeat`` runs each), on this repository's notebooks:
  (a) the plain way: ``papermill`` CLI then ``jupyter nbconvert --to html`` CLI, per notebook, in turn;
  (b) ``make report`` from a clean state (reports/default and build/default removed);
  (c) ``make report`` with nothing changed, and the driver itself with nothing changed;
  (d) ``make report`` after one notebook's content changed.
Then, on a synthetic record of ``--events`` events and ``--mentions`` mentions over ``--years``
years (benchmarks/synthetic.py; by default a hundred years at ten times the density of a full
2017 chronology): loading with every check, then each page's analysis and figure at its default
parameters, and apart from them the figure rendered to PNG, whose cost grows with the marks
drawn, not with the record.

It rebuilds reports/default/ (the result is the same report) and restores the notebook it edits.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes, with the garbage of earlier runs collected first and the cyclic
    collector off while it runs, as ``timeit`` does: what is timed is the action, not when the
    collector happens to run."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    finally:
        gc.enable()


def median_of(
    repeat: int, action: Callable[[], object], before: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(repeat):
        before()
        times.append(timed(action))
    return statistics.median(times)


def run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def plain_way(out: Path) -> None:
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        executed = out / notebook.name
        run(
            str(BIN / "papermill"),
            str(notebook),
            str(executed),
            "--no-progress-bar",
            "-p",
            "figures_dir",
            str(out / "figures"),
        )
        run(
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "html",
            "--no-input",
            str(executed),
            "--output-dir",
            str(out),
        )


def clean_default() -> None:
    shutil.rmtree(ROOT / "reports" / "default", ignore_errors=True)
    shutil.rmtree(ROOT / "build" / "default", ignore_errors=True)


def report_builds(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as out:
        a = median_of(repeat, lambda: plain_way(Path(out)))
    b = median_of(repeat, lambda: run("make", "report"), before=clean_default)
    c = median_of(repeat, lambda: run("make", "report"))
    c_driver = median_of(repeat, lambda: run(str(BIN / "python"), "-m", "helpers.report"))
    notebook = ROOT / "notebooks" / "03_summit_schedule.ipynb"
    original = notebook.read_bytes()

    def edit() -> None:
        notebook.write_bytes(original.replace(b'"# Summit schedule', b'"# Summit  schedule', 1))
        os.utime(notebook)

    try:
        d = median_of(
            repeat,
            lambda: run("make", "report"),
            before=lambda: (notebook.write_bytes(original), run("make", "report"), edit()),
        )
    finally:
        notebook.write_bytes(original)
        run("make", "report")
    print(f"(a) plain way, papermill + nbconvert CLIs per notebook: {a:6.2f} s")
    print(f"(b) make report, clean state:                           {b:6.2f} s")
    print(f"(c) make report, nothing changed:                       {c:6.3f} s")
    print(f"    python -m helpers.report, nothing changed:          {c_driver:6.3f} s")
    print(f"(d) make report, one notebook changed:                  {d:6.2f} s")
    print(f"    a/b = {a / b:.1f}x   b/c = {b / c:.0f}x")


def scale(events: int, mentions: int, years: int, repeat: int) -> None:
    """Load and check a synthetic record of ``events`` over ``years`` years; then each notebook's
    own code at its default parameters, in-process (``run_notebook``), and apart from it its
    charts rendered to PNG."""
    import matplotlib.pyplot as plt

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    from helpers import paths
    from helpers.data.load import load_tables

    with tempfile.TemporaryDirectory() as out:
        seconds = timed(
            lambda: generate(Path(out), events, 1000, mentions_per_event=mentions // events, years=years)
        )
        tables: dict = {}
        loads = [timed(lambda: tables.update(load_tables(Path(out) / "data"))) for _ in range(repeat)]
        print(
            f"synthetic data: {len(tables['events']):,} events, {len(tables['mentions']):,} mentions over "
            f"{years} years (generated in {seconds:.1f} s)"
        )
        print(f"  load and check: {spread(loads)}  (goal 5 s)")
        # The notebooks read the articles' texts from the data's folder.
        paths.DATA, paths.SEEDS = Path(out) / "data", Path(out) / "seeds"
        print(f"  notebook: its code (goal 2 s each), then its charts to PNG; {repeat} runs each:")
        for notebook in sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb")):
            runs, page = notebook_runs(notebook, tables, repeat)
            drawing = timed(
                lambda page=page: [chart.figure.savefig(Path(out) / "chart.png") for chart in page.shown]
            )
            plt.close("all")
            print(f"    {notebook + ':':24s}{spread(runs)}  + {drawing:5.2f} s to PNG")


def notebook_runs(notebook: str, tables: dict, repeat: int) -> tuple[list[float], object]:
    """Seconds of each of ``repeat`` in-process runs of the notebook's code, and the last run."""
    from helpers.pages import run_notebook

    runs, pages = [], []
    for _ in range(repeat):
        runs.append(timed(lambda: pages.append(run_notebook(notebook, {}, tables))))
        del pages[:-1]  # only the last run's tables and figures stay in memory
    return runs, pages[-1]


def spread(seconds: list[float]) -> str:
    """Best and median of the runs. A goal holds for the best, as timeit reports it: slower runs
    measure what else the machine was doing (on these virtual machines, 10-20% from run to run);
    the median is printed beside it so that a wide spread shows."""
    return f"best {min(seconds):5.2f} s, median {statistics.median(seconds):5.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=400_000)
    parser.add_argument("--years", type=int, default=100, help="the years the events spread over")
    parser.add_argument("--skip-builds", action="store_true", help="only the synthetic-data figures")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    if not args.skip_builds:
        report_builds(args.repeat)
    scale(args.events, args.mentions, args.years, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
