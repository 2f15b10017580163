"""Build the HTML report for one parameter set: ``python -m helpers.build --params FILE``.

For the parameter set ``params/<set>.yaml`` the driver

1. checks the parameter file (unknown names are errors, not papermill warnings);
2. hashes each notebook's inputs and skips the notebooks whose inputs did not
   change since the last build (``--force`` rebuilds all); this step imports
   nothing heavy, so a build with nothing to do returns at once;
3. validates the data before any notebook runs;
4. executes the notebooks that changed in parallel, one fresh kernel each, up
   to the number of cores, keeping the executed notebooks under ``build/<set>/``,
   and renders each to HTML in the same process;
5. swaps the finished ``reports/<set>/`` into place only when every notebook
   succeeded, so a failure never leaves a half-written report; and
6. rewrites ``reports/index.html``, which lists every rendered parameter set.

It never changes the process's working directory, and imports no analysis or chart code:
the notebooks do that in their own kernels. What only a build with work to do needs is
imported inside the functions that do it, so that a build with nothing to do stays instant.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.build.errors import ReportError
from helpers.build.fingerprint import (
    code_fingerprint,
    data_fingerprint,
    notebook_fingerprint,
    write_make_inputs,
)
from helpers.build.paramsets import ParamSet, read_param_set

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


@dataclass(frozen=True)
class Plan:
    """What one build does: the set, its notebooks, which of them to run, and their input hashes."""

    param_set: ParamSet
    notebooks: list[Path]
    todo: list[Path]
    inputs: dict[str, str]
    data_sha256: str

    @property
    def final(self) -> Path:
        return paths.REPORTS / self.param_set.name


def build(
    params_path: Path, notebooks: list[Path] | None = None, force: bool = False, jobs: int | None = None
) -> BuildResult:
    """Build ``reports/<set>/`` for one parameter set and refresh the index."""
    started = time.perf_counter()
    plan = _plan(read_param_set(params_path), notebooks, force)
    skipped = tuple(nb.stem for nb in plan.notebooks if nb not in plan.todo)
    for name in skipped:
        say(f"[skip ] {name}: inputs unchanged")
    if plan.todo:
        data = _validate_data()
        staging = _run_into_staging(plan, jobs)
        _write_manifest(plan, staging, data)
        _swap_into_place(staging, plan.final)
        from helpers.build.index import write_index

        write_index(paths.REPORTS)
    elif (plan.final / "manifest.json").exists():
        # Make found an input newer than the report, but no content changed: say so in the
        # report's date, so that the next `make report` knows without running the driver.
        (plan.final / "manifest.json").touch()
    # The list changes only with the inputs' content (a file added or removed changes a hash).
    make_inputs = paths.BUILD / "inputs.mk"
    if plan.todo or not make_inputs.exists():
        write_make_inputs(make_inputs)
    seconds = time.perf_counter() - started
    say(
        f"report {plan.param_set.name}: {len(plan.todo)} executed, {len(skipped)} skipped, 0 failed "
        f"in {seconds:.1f} s -> {paths.relative(paths.REPORTS / 'index.html')}"
    )
    return BuildResult(plan.final, tuple(nb.stem for nb in plan.todo), skipped, seconds)


def _plan(param_set: ParamSet, notebooks: list[Path] | None, force: bool) -> Plan:
    """Hash each notebook's inputs; those whose hash the last report recorded are skipped."""
    notebooks = notebooks if notebooks is not None else sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    data_sha256 = data_fingerprint()
    shared = data_sha256 + code_fingerprint()
    inputs = {
        nb.stem: notebook_fingerprint(nb, param_set.for_notebook(nb.stem, ""), shared) for nb in notebooks
    }
    previous = {} if force else _previous_inputs(paths.REPORTS / param_set.name)
    todo = [nb for nb in notebooks if previous.get(nb.stem) != inputs[nb.stem]]
    return Plan(param_set, notebooks, todo, inputs, data_sha256)


def _previous_inputs(folder: Path) -> dict[str, str]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {
        entry["notebook"]: entry.get("inputs_sha256", "")
        for entry in manifest.get("notebooks", [])
        if (folder / f"{entry['notebook']}.html").exists()
    }


def _validate_data() -> dict[str, object]:
    """Refuse invalid data before any notebook runs, and say in a few numbers what it holds.
    Meanwhile, on the second core, papermill is imported and nbconvert's templates compiled."""
    from helpers.build.execute import skip_iri_grammars

    skip_iri_grammars()
    warm = threading.Thread(target=_warm_up, daemon=True)
    warm.start()
    from helpers.data.load import DataError, load_tables

    try:
        tables = load_tables()
    except DataError as error:
        first, count = error.problems[0], len(error.problems)
        more = f" (1 of {count} problems; `make check` lists them all)" if count > 1 else ""
        raise ReportError(f"the data is invalid, no notebook was run: {first}{more}") from None
    warm.join()
    events = tables["events"]
    return {
        "articles": len(tables["sources"]),
        "events": len(events),
        "first_day": f"{events['date_start'].min():%Y-%m-%d}",
        "last_day": f"{events['date_end'].max():%Y-%m-%d}",
    }


def _warm_up() -> None:
    import papermill  # noqa: F401

    from helpers.build.render import exporter

    exporter()


def _run_into_staging(plan: Plan, jobs: int | None) -> Path:
    """Run the notebooks to do, side by side, into a hidden staging folder beside the report,
    with the unchanged notebooks' pages carried over; on any failure the folder is removed."""
    staging = paths.REPORTS / f".{plan.param_set.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "figures").mkdir(parents=True)
    try:
        for notebook in plan.notebooks:
            if notebook not in plan.todo:
                _carry_over(notebook.stem, plan.final, staging)
        failures = _run_side_by_side(plan, staging, jobs)
        if failures:
            raise ReportError(
                f"{'; '.join(failures)}; reports/{plan.param_set.name}/ is unchanged"
                if len(failures) == 1
                else f"{len(failures)} of {len(plan.todo)} notebooks failed: {'; '.join(failures)}; "
                f"reports/{plan.param_set.name}/ is unchanged"
            )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _run_side_by_side(plan: Plan, staging: Path, jobs: int | None) -> list[str]:
    """Run the notebooks to do, one kernel each, and return their failures, each in one line.

    Interrupted (Ctrl-C, SIGTERM), it kills every kernel it started and waits for the threads
    that ran them, so that nothing writes into the staging folder once it is removed."""
    from helpers.build import kernels

    workers = max(1, min(jobs or os.cpu_count() or 1, len(plan.todo)))
    build_dir = paths.BUILD / plan.param_set.name
    kernels.resume()
    pool = ThreadPoolExecutor(max_workers=workers)
    futures = [pool.submit(_run_one, nb, plan.param_set, staging, build_dir) for nb in plan.todo]
    try:
        wait(futures)
    except KeyboardInterrupt:
        # The kernels die on purpose: nbclient's "Kernel died" log lines would only be noise.
        logging.disable(logging.CRITICAL)
        pool.shutdown(wait=False, cancel_futures=True)
        kernels.stop_all()
        pool.shutdown(wait=True)
        logging.disable(logging.NOTSET)
        raise ReportError(
            f"interrupted; no notebook's work was kept, reports/{plan.param_set.name}/ is unchanged"
        ) from None
    pool.shutdown(wait=True)
    return [_said(nb, f.exception()) for nb, f in zip(plan.todo, futures, strict=True) if f.exception()]


def _said(notebook: Path, error: BaseException) -> str:
    """A notebook's failure in one line: a failing cell says so itself; anything else (a kernel
    that died, a timeout) is named with the notebook."""
    from helpers.build.execute import first_line

    if isinstance(error, ReportError):
        return str(error)
    return f"{notebook.name}: {type(error).__name__}: {first_line(str(error))}"


def _carry_over(notebook: str, final: Path, staging: Path) -> None:
    """Copy an unchanged notebook's page and figures from the previous report."""
    shutil.copy2(final / f"{notebook}.html", staging / f"{notebook}.html")
    for figure in (final / "figures").glob(f"{notebook}-*"):
        shutil.copy2(figure, staging / "figures" / figure.name)


def _run_one(notebook: Path, param_set: ParamSet, staging: Path, build_dir: Path) -> None:
    from helpers.build.execute import execute
    from helpers.build.render import page_title, render_html

    tick = time.perf_counter()
    say(f"[start] {notebook.stem}")
    executed = build_dir / notebook.name
    parameters = param_set.for_notebook(notebook.stem, paths.relative(staging / "figures"))
    execute(notebook, executed, parameters)
    page = render_html(executed, page_title(notebook.stem))
    (staging / f"{notebook.stem}.html").write_text(page, encoding="utf-8")
    say(f"[done ] {notebook.stem} in {time.perf_counter() - tick:.1f} s")


def _write_manifest(plan: Plan, staging: Path, data: dict[str, object]) -> None:
    """What the report shows: its parameters, the data's hash, each page and each figure."""
    from helpers.build.render import page_title

    name = plan.param_set.name
    manifest = {
        "parameter_set": name,
        "parameter_file": paths.relative(plan.param_set.path),
        "parameters": {**plan.param_set.shared, "notebooks": plan.param_set.per_notebook},
        "data_sha256": plan.data_sha256,
        "data": data,
        "notebooks": [
            {
                "notebook": nb.stem,
                "title": page_title(nb.stem),
                "html": f"{name}/{nb.stem}.html",
                "executed": f"../build/{name}/{nb.name}",
                "inputs_sha256": plan.inputs[nb.stem],
            }
            for nb in plan.notebooks
        ],
        "figures": sorted(p.name for p in (staging / "figures").iterdir()),
    }
    (staging / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def _swap_into_place(staging: Path, final: Path) -> None:
    """Replace the previous report by the new one, never leaving neither in place for long.

    The two renames are not one atomic step, so Ctrl-C and SIGTERM wait until both are done:
    an interrupt between them would leave no report at all."""
    old = final.parent / f".{final.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    with signals_held():
        if final.exists():
            final.rename(old)
        staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def signals_held():
    """Hold back SIGINT and SIGTERM for a moment; the first one caught is raised once it is over.

    Python runs signal handlers in the main thread, whichever thread the signal reached, so
    swapping the handlers holds them back from every thread (a blocked mask would not: the
    kernel hands the signal to a thread that does not block it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, lambda number, frame: caught.append(number)) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])
