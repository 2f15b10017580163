"""Build the HTML report for one parameter set (``python -m helpers.report --params FILE``) or for
every set of a sweep (``--sweep FILE``): ``build(file, options)`` does either, as the file says.

For the parameter set ``params/<set>.yaml`` (or each set of a sweep) the driver

1. checks the parameter file (unknown names are errors, not papermill warnings);
2. hashes each notebook's inputs and skips the notebooks whose inputs did not
   change since the last build (``--force`` rebuilds all); this step imports
   nothing heavy, so a build with nothing to do returns at once;
3. validates the data before any notebook runs;
4. executes the notebooks that changed as tasks (``helpers.report.tasks``) on an executor:
   this machine's cores, one fresh kernel each, or a Dask cluster. Each task renders its
   page; the executed notebooks are kept under ``build/<set>/``, with a run log;
5. swaps the finished ``reports/<set>/`` (or ``reports/<sweep>/``, with its sweep page) into
   place only when every notebook succeeded, so a failure never leaves a half-written report; and
6. rewrites ``reports/index.html``, which lists every rendered parameter set and sweep.

It never changes the process's working directory, and imports no analysis or chart code:
the notebooks do that in their own kernels. What only a build with work to do needs is
imported inside the functions that do it, so that a build with nothing to do stays instant.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.report import ReportError
from helpers.report.executors import check_executor
from helpers.report.paramsets import check_unique_name, read_param_set, read_yaml
from helpers.report.planning import Hashes, hashes, plan_set, write_make_inputs
from helpers.report.staging import Target

_print_lock = threading.Lock()


def say(message: str) -> None:
    with _print_lock:
        print(message, flush=True)


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    executed: tuple[str, ...]
    skipped: tuple[str, ...]
    seconds: float
    served: int = 0  # of ``executed``, pages served from a notebook with the same inputs


@dataclass(frozen=True)
class Options:
    """How to run: everything again or only what changed, on which executor, how many at once."""

    force: bool = False
    jobs: int | None = None
    executor: str = "local"
    scheduler: str | None = None
    share: bool = True  # tasks with the same inputs run once (SHARE=0: each runs)


def build(path: Path, options: Options = Options(), notebooks: list[Path] | None = None) -> BuildResult:
    """Build the report the file asks for: ``reports/<set>/`` for a parameter set, or
    ``reports/<sweep>/`` for a sweep file (one naming ``vary``), and refresh the index.
    ``notebooks`` replaces the notebooks of a set (tests build copies)."""
    if is_sweep(path):
        return _sweep(path, options)
    started = time.perf_counter()
    check_executor(options.executor)
    param_set = read_param_set(path)
    check_unique_name(param_set.name, path)
    shared = hashes()
    target = Target(param_set.name, [plan_set(param_set, notebooks, options.force, shared)])
    result = _bring_up_to_date(target, shared, options, started)
    say(
        f"report {param_set.name}: {len(result.executed)} executed, {len(result.skipped)} skipped, 0 failed "
        f"in {result.seconds:.1f} s -> {paths.relative(paths.REPORTS / 'index.html')}"
    )
    return result


def is_sweep(path: Path) -> bool:
    """Whether the file is a sweep file (it names ``vary``) rather than a parameter set."""
    return "vary" in read_yaml(path)


def _sweep(sweep_path: Path, options: Options) -> BuildResult:
    """Build ``reports/<sweep>/``: a report folder per value, and the sweep page."""
    from helpers.report.index import sweep_record, write_sweep_page
    from helpers.report.paramsets import read_sweep

    started = time.perf_counter()
    check_executor(options.executor)
    swept = read_sweep(sweep_path)
    shared = hashes()
    target = Target(swept.name, [plan_set(s, None, options.force, shared) for s in swept.sets])
    result = _bring_up_to_date(
        target,
        shared,
        options,
        started,
        lambda staging: write_sweep_page(swept, staging),
        sweep_record(swept),
    )
    say(
        f"sweep {swept.name}: {len(swept.values)} sets, {len(result.executed) - result.served} notebooks "
        f"executed, {result.served} served from one with the same inputs, {len(result.skipped)} skipped, "
        f"0 failed in {result.seconds:.1f} s on {options.executor} "
        f"-> {paths.relative(target.folder / 'index.html')}"
    )
    return result


def _bring_up_to_date(
    target: Target,
    shared: Hashes,
    options: Options,
    started: float,
    finish: Callable[[Path], None] | None = None,
    record: dict[str, object] | None = None,
) -> BuildResult:
    """Run what changed in every set of the target, and swap the new target folder into place;
    a sweep's (``finish`` writes its page) also when its page is out of step with ``record``."""
    executed = [_label(target, p.param_set.name, nb.stem) for p in target.plans for nb in p.todo]
    skipped = [
        _label(target, p.param_set.name, nb.stem)
        for p in target.plans
        for nb in p.notebooks
        if nb not in p.todo
    ]
    _say_skipped(target)
    served = 0
    if executed or _out_of_step(target, record):
        served = _run(target, shared, options, finish)
    elif (target.folder / "manifest.json").exists():
        # Make found an input newer than the report, but no content changed: say so in the
        # report's date, so that the next `make report` knows without running the driver.
        (target.folder / "manifest.json").touch()
    elif (target.folder / "index.html").exists():
        (target.folder / "index.html").touch()
    # The list changes only with the inputs' content (a file added or removed changes a hash).
    make_inputs = paths.BUILD / "inputs.mk"
    if executed or not make_inputs.exists():
        write_make_inputs(make_inputs)
    return BuildResult(target.folder, tuple(executed), tuple(skipped), time.perf_counter() - started, served)


def _say_skipped(target: Target) -> None:
    """A line per notebook skipped, or one per set of a sweep when all its notebooks are."""
    for plan in target.plans:
        where = plan.final.relative_to(target.folder).as_posix()
        if plan.todo or where == ".":
            for notebook in (nb for nb in plan.notebooks if nb not in plan.todo):
                say(f"[skip ] {_label(target, plan.param_set.name, notebook.stem)}: inputs unchanged")
        else:
            say(f"[skip ] {where}: all {len(plan.notebooks)} notebooks' inputs unchanged")


def _label(target: Target, set_name: str, notebook: str) -> str:
    """How the build's output names a notebook: '01_meeting_cadence', or 'kono/01_meeting_cadence'."""
    return f"{set_name}/{notebook}".removeprefix(f"{target.name}/")


def _out_of_step(target: Target, record: dict[str, object] | None) -> bool:
    """Whether a sweep's folder holds other values than the sweep's, lacks its page, or was built
    from a sweep file that said another thing (another base, the values in another order)."""
    if record is None:
        return False
    present = {p.parent for p in target.folder.glob("*/manifest.json")}
    wanted = {plan.final for plan in target.plans}
    written = target.folder / "sweep.json"
    if present != wanted or not (target.folder / "index.html").exists() or not written.exists():
        return True
    return json.loads(written.read_text(encoding="utf-8")) != record


def _run(target: Target, shared: Hashes, options: Options, finish: Callable[[Path], None] | None) -> int:
    """Run the target's tasks, put their pages in place and swap the target into place; returns
    how many pages were served from a task with the same inputs."""
    from helpers.report.executors import run_all
    from helpers.report.index import write_index
    from helpers.report.records import write_manifest, write_run_log
    from helpers.report.staging import put_in_place, stage, swap_into_place, tasks

    data = _validate_data()
    mark = stage(target)
    try:
        work = tasks(target, mark, shared)
        try:
            outcomes = run_all(
                work, options.executor, options.jobs, options.scheduler, _done(target), options.share
            )
        except KeyboardInterrupt:
            raise ReportError(
                f"interrupted; no notebook's work was kept, reports/{target.name}/ is unchanged"
            ) from None
        put_in_place(target, outcomes)
        for plan in target.plans:
            write_manifest(plan, target.staged(plan), data)
        if finish is not None:
            finish(target.staging)
        mark.unlink()
    except BaseException:
        shutil.rmtree(target.staging, ignore_errors=True)
        raise
    by_set: dict[str, list] = {plan.param_set.name: [] for plan in target.plans}
    for outcome in outcomes:
        by_set[outcome.task.set_name].append(outcome)
    for plan in target.plans:
        write_run_log(plan, options.executor, by_set[plan.param_set.name])
    swap_into_place(target.staging, target.folder)
    write_index(paths.REPORTS)
    return sum(outcome.served_from is not None for outcome in outcomes)


def _done(target: Target):
    def said(outcome) -> None:
        name = _label(target, outcome.task.set_name, Path(outcome.task.notebook).stem)
        where = "" if outcome.worker in ("local", "") else f" on {outcome.worker}"
        verdict = "[fail ]" if outcome.error else "[done ]"
        if outcome.served_from:
            same = _label(target, *outcome.served_from.rsplit("/", 1))
            say(f"{verdict} {name}: the same inputs as {same}, run once")
        else:
            say(f"{verdict} {name} in {outcome.seconds:.1f} s{where}")

    return said


def _validate_data() -> dict[str, object]:
    """Refuse invalid data before any notebook runs, and say in a few numbers what it holds.
    Meanwhile, on the second core, papermill is imported and nbconvert's templates compiled."""
    from helpers.report.execute import skip_iri_grammars

    skip_iri_grammars()
    warm = threading.Thread(target=_warm_up, daemon=True)
    warm.start()
    tables = _valid_tables()
    warm.join()
    return _what_it_holds(tables)


def _valid_tables() -> dict:
    """The data's tables, or a ReportError naming its first problem and how many there are."""
    from helpers.data.load import DataError, load_tables

    try:
        return load_tables()
    except DataError as error:
        first, count = error.problems[0], len(error.problems)
        more = f" (1 of {count} problems; `make check` lists them all)" if count > 1 else ""
        raise ReportError(f"the data is invalid, no notebook was run: {first}{more}") from None


def _what_it_holds(tables: dict) -> dict[str, object]:
    """The numbers the manifest and the front page give: articles, events and their span."""
    events = tables["events"]
    return {
        "articles": len(tables["sources"]),
        "events": len(events),
        "first_day": f"{events['date_start'].min():%Y-%m-%d}",
        "last_day": f"{events['date_end'].max():%Y-%m-%d}",
    }


def _warm_up() -> None:
    import papermill  # noqa: F401

    from helpers.report.render import exporter

    exporter()
