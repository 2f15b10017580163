"""How fast is the report, and how do the helpers scale? Prints figures; asserts nothing.

    .venv/bin/python benchmarks/report_speed.py [--repeat 3] [--events 1000000]

Report builds (median of ``--repeat`` runs each), on this repository's notebooks:
  (a) the plain way: ``papermill`` CLI then ``jupyter nbconvert --to html`` CLI, per notebook, in turn;
  (b) ``make report`` from a clean state (reports/default and build/default removed);
  (c) ``make report`` with nothing changed, and the driver itself with nothing changed;
  (d) ``make report`` after one notebook's content changed.
Then, on a synthetic dataset of ``--events`` events (benchmarks/synthetic.py): loading with
validation, and each helper computation, both as a notebook runs it (after loading, whose checks
leave their key joins memoized) and cold (memo cleared), and each chart.

It rebuilds reports/default/ (the result is the same report) and restores the notebook it edits.
"""

from __future__ import annotations

import argparse
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
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


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
    c_driver = median_of(repeat, lambda: run(str(BIN / "python"), "-m", "helpers.build"))
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
    print(f"    python -m helpers.build, nothing changed:          {c_driver:6.3f} s")
    print(f"(d) make report, one notebook changed:                  {d:6.2f} s")
    print(f"    a/b = {a / b:.1f}x   b/c = {b / c:.0f}x")


def scale(events: int, repeat: int) -> None:
    import pandas as pd

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    from helpers import fast, views
    from helpers.analysis import cadence, escalation, plans, schedule
    from helpers.charts import cadence as cadence_chart
    from helpers.charts import escalation as escalation_chart
    from helpers.charts import schedule as schedule_chart
    from helpers.charts.style import setup_style
    from helpers.data.load import load_tables
    from helpers.fast import joins

    with tempfile.TemporaryDirectory() as out:
        seconds = timed(lambda: generate(Path(out), events))
        print(f"synthetic data, {events:,} events: generated in {seconds:.1f} s")
        tables: dict = {}
        loads = []
        for _ in range(repeat):
            fast.clear_memo()
            loads.append(timed(lambda: tables.update(load_tables(Path(out) / "data"))))
        print(
            f"  load and validate:            {statistics.median(loads):6.2f} s  (median of {repeat}; "
            f"the first in this process {loads[0]:.2f} s)"
        )
        # The joins the loader's checks made, memoized by helpers.fast.positions, are what a
        # notebook's helpers start from ("after load"); "cold" clears them before each step.
        after_load = dict(joins._MEMO)

        def as_after_load() -> None:
            fast.clear_memo()
            joins._MEMO.update(after_load)

        start, end = pd.Timestamp("2017-01-01"), pd.Timestamp("2017-12-31")
        adopted = escalation.adopted_measures(tables)
        contacts = cadence.contacts(tables)
        steps = {
            "as_of_view": lambda: views.as_of_view(tables, pd.Timestamp("2017-06-30")),
            "cadence.contacts": lambda: cadence.contacts(tables),
            "cadence.gaps": lambda: cadence.gaps(contacts),
            "escalation.adopted_measures": lambda: escalation.adopted_measures(tables),
            "escalation.in_force": lambda: escalation.in_force(adopted, start, end),
            "schedule.schedule": lambda: schedule.schedule(tables),
            "plans.plans": lambda: plans.plans(tables),
        }
        print(f"  helper (median of {repeat}):        after load   cold")
        for name, step in steps.items():
            warm = median_of(repeat, step, before=as_after_load)
            cold = median_of(repeat, step, before=fast.clear_memo)
            print(f"  {name + ':':30s}{warm:6.2f} s  {cold:6.2f} s")
        # Charts: built and rendered to PNG, as the notebooks do (weekly counts at this size).
        setup_style()
        shown = views.in_window(contacts, start, end, True)
        calendar = views.in_window(schedule.schedule(tables), start, end, True)
        proposed, triggers = escalation.proposed_measures(tables), escalation.triggers(tables)
        charts = {
            "cadence.timeline": lambda: cadence_chart.timeline(shown, start, end, "Source: synthetic."),
            "schedule.gantt": lambda: schedule_chart.gantt(calendar, start, end, "Source: synthetic."),
            "escalation.chart": lambda: escalation_chart.chart(
                adopted, proposed, triggers, tables["figures"], start, end, "Source: synthetic."
            ),
        }
        for name, chart in charts.items():
            seconds = timed(lambda chart=chart: chart().savefig(Path(out) / "chart.png"))
            print(f"  chart {name + ':':24s}{seconds:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-builds", action="store_true", help="only the synthetic-data figures")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}"
    )
    if not args.skip_builds:
        report_builds(args.repeat)
    scale(args.events, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
