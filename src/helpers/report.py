"""Build the HTML report for one parameter set: ``python -m helpers.report --params FILE``.

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
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.catalog import NOTEBOOK_PARAMETERS
from helpers.fingerprint import code_fingerprint, data_fingerprint, notebook_fingerprint
from helpers.paramsets import ParamSet, ReportError, read_param_set

__all__ = ["BuildResult", "ReportError", "build", "main"]

# nbformat validates with jsonschema, whose format checkers import rfc3987_syntax; that module
# compiles some 35 Lark grammars at import, 1.5 s of a 17 s clean build on two cores. It serves
# only the 'iri' formats, which no notebook schema uses (python-jsonschema/jsonschema#1428), so
# the driver does without it: jsonschema skips a checker it cannot import.
sys.modules.setdefault("rfc3987_syntax", None)

_print_lock = threading.Lock()
# Seconds a fresh kernel may take to start (papermill's default, 60, is tight on a loaded CI machine).
KERNEL_START_TIMEOUT = 180


def say(message: str) -> None:
    with _print_lock:
        print(message, flush=True)


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    executed: tuple[str, ...]
    skipped: tuple[str, ...]
    seconds: float


def kernel_manager_class() -> type:
    """Kernels talk over local IPC sockets on POSIX: nothing listens on a TCP port, and
    ipykernel has no reason to warn about unencrypted TCP in the build log. Each kernel
    gets its own socket prefix, so kernels started at the same moment never collide."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    if os.name != "posix":
        return AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

        @default("ip")
        def _ip_default(self) -> str:
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True)
            return str(runtime / f"kernel-{uuid.uuid4().hex}-ipc")

        async def _async_interrupt_kernel(self) -> None:
            # jupyter_client interrupts every kernel before asking it to shut down; ours are idle
            # by then (every cell has run), and ipykernel logs the SIGINT as an ERROR line in the
            # build output. A kernel that ignores the shutdown request is still killed after the
            # manager's shutdown_wait_time.
            if not getattr(self, "shutting_down", False):
                await super()._async_interrupt_kernel()

    return IPCKernelManager


def execute(notebook: Path, output: Path, parameters: dict[str, Any]) -> None:
    """Run one notebook with papermill in a fresh kernel; a failing cell becomes a one-line ReportError.

    The executed notebook is always normalised and kept, with the error banner if it failed.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from helpers.render import normalise

    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            cwd=str(notebook.parent),
            progress_bar=False,
            log_output=False,
            report_mode=False,
            request_save_on_cell_execute=False,
            kernel_manager_class=kernel_manager_class(),
            start_timeout=KERNEL_START_TIMEOUT,
        )
    except PapermillExecutionError as error:
        raise ReportError(
            f"notebook {notebook.name} failed in cell {error.exec_count or error.cell_index}: "
            f"{error.ename}: {error.evalue}\n  the executed notebook, with the error, is in {output}"
        ) from None
    finally:
        if output.exists():
            normalise(output)


def _warm_up() -> None:
    import papermill  # noqa: F401

    from helpers.render import exporter

    exporter()


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


def _run_one(notebook: Path, param_set: ParamSet, staging: Path, build_dir: Path) -> None:
    from helpers.render import page_title, render_html

    tick = time.perf_counter()
    say(f"[start] {notebook.stem}")
    executed = build_dir / notebook.name
    parameters = param_set.for_notebook(notebook.stem, paths.relative(staging / "figures"))
    execute(notebook, executed, parameters)
    page = render_html(executed, page_title(notebook.stem))
    (staging / f"{notebook.stem}.html").write_text(page, encoding="utf-8")
    say(f"[done ] {notebook.stem} in {time.perf_counter() - tick:.1f} s")


def _carry_over(notebook: str, final: Path, staging: Path) -> None:
    """Copy an unchanged notebook's page and figures from the previous report."""
    shutil.copy2(final / f"{notebook}.html", staging / f"{notebook}.html")
    for figure in (final / "figures").glob(f"{notebook}-*"):
        shutil.copy2(figure, staging / "figures" / figure.name)


def build(
    params_path: Path, notebooks: list[Path] | None = None, force: bool = False, jobs: int | None = None
) -> BuildResult:
    """Build ``reports/<set>/`` for one parameter set and refresh the index."""
    started = time.perf_counter()
    param_set = read_param_set(params_path)
    notebooks = notebooks if notebooks is not None else sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    unknown = [nb.stem for nb in notebooks if nb.stem not in NOTEBOOK_PARAMETERS]
    if unknown:
        raise ReportError(
            f"notebook(s) {', '.join(unknown)} have no entry in helpers.catalog.NOTEBOOK_PARAMETERS"
        )
    final = paths.REPORTS / param_set.name
    data_sha256 = data_fingerprint()
    shared = data_sha256 + code_fingerprint()
    inputs = {
        nb.stem: notebook_fingerprint(nb, param_set.for_notebook(nb.stem, ""), shared) for nb in notebooks
    }
    previous = {} if force else _previous_inputs(final)
    todo = [nb for nb in notebooks if previous.get(nb.stem) != inputs[nb.stem]]
    skipped = tuple(nb.stem for nb in notebooks if nb not in todo)
    for name in skipped:
        say(f"[skip ] {name}: inputs unchanged")
    if todo:
        _execute_all(param_set, notebooks, todo, inputs, data_sha256, final, jobs)
    seconds = time.perf_counter() - started
    say(
        f"report {param_set.name}: {len(todo)} executed, {len(skipped)} skipped, 0 failed "
        f"in {seconds:.1f} s -> {paths.relative(paths.REPORTS / 'index.html')}"
    )
    return BuildResult(final, tuple(nb.stem for nb in todo), skipped, seconds)


def _execute_all(
    param_set: ParamSet,
    notebooks: list[Path],
    todo: list[Path],
    inputs: dict[str, str],
    data_sha256: str,
    final: Path,
    jobs: int | None,
) -> None:
    # Import papermill and compile nbconvert's templates on the second core while the data is validated.
    warm = threading.Thread(target=_warm_up, daemon=True)
    warm.start()
    from helpers.load import DataError, load_tables
    from helpers.render import page_title, write_index

    try:
        load_tables()
    except DataError as error:
        raise ReportError(f"the data is invalid; no notebook was run.\n{error}") from None
    warm.join()

    staging = paths.REPORTS / f".{param_set.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "figures").mkdir(parents=True)
    try:
        for notebook in notebooks:
            if notebook not in todo:
                _carry_over(notebook.stem, final, staging)
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        build_dir = paths.BUILD / param_set.name
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {nb.stem: pool.submit(_run_one, nb, param_set, staging, build_dir) for nb in todo}
        failures = [str(f.exception()) for f in futures.values() if f.exception() is not None]
        if failures:
            raise ReportError(
                f"{len(failures)} of {len(todo)} notebook(s) failed; the previous report is untouched.\n"
                + "\n".join(failures)
            )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    manifest = {
        "parameter_set": param_set.name,
        "parameter_file": paths.relative(param_set.path),
        "parameters": {**param_set.shared, "notebooks": param_set.per_notebook},
        "data_sha256": data_sha256,
        "notebooks": [
            {
                "notebook": nb.stem,
                "title": page_title(nb.stem),
                "html": f"{param_set.name}/{nb.stem}.html",
                "executed": f"../build/{param_set.name}/{nb.name}",
                "inputs_sha256": inputs[nb.stem],
            }
            for nb in notebooks
        ],
        "figures": sorted(p.name for p in (staging / "figures").iterdir()),
    }
    (staging / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    old = paths.REPORTS / f".{param_set.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    write_index(paths.REPORTS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--params",
        type=Path,
        default=paths.PARAMS / "default.yaml",
        help="parameter set (default: params/default.yaml)",
    )
    parser.add_argument("--force", action="store_true", help="rebuild every notebook, changed or not")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: cores)")
    args = parser.parse_args(argv)
    try:
        build(args.params, force=args.force, jobs=args.jobs)
    except ReportError as error:
        print(f"make report: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
