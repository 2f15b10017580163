"""Build the HTML report for one parameter set: ``python -m helpers.report --params FILE``.

For the parameter set ``params/<set>.yaml`` it

1. checks the parameter file (unknown names are errors, not papermill warnings)
   and validates the data, before any notebook runs;
2. executes every notebook in ``notebooks/`` with papermill, keeping the
   executed notebooks (code and outputs) under ``build/<set>/``;
3. renders each to HTML with nbconvert (code hidden, alt text kept, no CDN
   scripts) and writes its charts as PNG and SVG;
4. swaps the finished ``reports/<set>/`` into place only when everything
   succeeded, so a failure never leaves a half-written report; and
5. rewrites ``reports/index.html``, which lists every rendered parameter set.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers import paths
from helpers.parameters import NOTEBOOK_PARAMETERS, SHARED

TEMPLATES = Path(__file__).parent / "templates"
SET_PARAMETERS = tuple(name for name in SHARED if name != "figures_dir")


class ReportError(Exception):
    """A problem that stops the build; the message is meant for the user as it is."""


@dataclass(frozen=True)
class ParamSet:
    name: str
    path: Path
    shared: dict[str, Any]
    per_notebook: dict[str, dict[str, Any]]

    def for_notebook(self, notebook: str, figures_dir: Path | str) -> dict[str, Any]:
        """The notebook's parameters; ``figures_dir`` relative to the repository root, or absolute."""
        return {**self.shared, **self.per_notebook.get(notebook, {}), "figures_dir": str(figures_dir)}


def read_param_set(path: Path) -> ParamSet:
    """Read and check a parameter file: every name must be one the notebooks declare."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ReportError(f"{path}: no such parameter file") from None
    except yaml.YAMLError as error:
        raise ReportError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise ReportError(f"{path}: expected a mapping of parameter names to values")
    per_notebook = content.pop("notebooks", {}) or {}
    unknown = sorted(set(content) - set(SET_PARAMETERS))
    if unknown:
        raise ReportError(
            f"{path}: unknown parameter(s) {', '.join(unknown)}; shared parameters are "
            f"{', '.join(SET_PARAMETERS)}, others go under 'notebooks: <name>:'"
        )
    for notebook, values in per_notebook.items():
        if notebook not in NOTEBOOK_PARAMETERS:
            raise ReportError(
                f"{path}: notebooks: unknown notebook {notebook!r}; known: {', '.join(NOTEBOOK_PARAMETERS)}"
            )
        allowed = set(NOTEBOOK_PARAMETERS[notebook]) - {"figures_dir"}
        bad = sorted(set(values or {}) - allowed)
        if bad:
            raise ReportError(
                f"{path}: notebooks: {notebook}: parameter(s) {', '.join(bad)} not declared by the "
                f"notebook; it declares {', '.join(sorted(allowed))}"
            )
    return ParamSet(path.stem, path, content, {k: dict(v or {}) for k, v in per_notebook.items()})


def data_fingerprint() -> str:
    """sha256 over the data package and its seeds: the report says which data it shows."""
    root = paths.DATA.parent
    digest = hashlib.sha256()
    files = [*paths.DATA.glob("*.csv"), paths.DATA / "datapackage.json", *(root / "seeds").glob("*.txt")]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _kernel_manager_class() -> type:
    """Kernels talk over local IPC sockets on POSIX: nothing listens on a TCP port, and
    ipykernel has no reason to warn about unencrypted TCP in the build log."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    if os.name != "posix":
        return AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc"

    return IPCKernelManager


def execute(notebook: Path, output: Path, parameters: dict[str, Any]) -> None:
    """Run one notebook with papermill; a failing cell becomes a one-line ReportError."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

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
            kernel_manager_class=_kernel_manager_class(),
        )
    except PapermillExecutionError as error:
        raise ReportError(
            f"notebook {notebook.name} failed in cell {error.exec_count or error.cell_index}: "
            f"{error.ename}: {error.evalue}\n  the executed notebook, with the error, is in {output}"
        ) from None
    finally:
        if output.exists():
            normalise(output)


TIMING_KEYS = ("start_time", "end_time", "duration")


def _relative(path: str) -> str:
    resolved = Path(path).resolve()
    return resolved.relative_to(paths.ROOT).as_posix() if resolved.is_relative_to(paths.ROOT) else path


def normalise(executed: Path) -> None:
    """Strip what changes from run to run, so that the same inputs give the same bytes.

    Papermill records start and end times and durations, nbclient per-cell timing,
    papermill gives its injected-parameters cell a random id, and both paths are absolute.
    """
    import nbformat

    book = nbformat.read(executed, as_version=4)
    run = book.metadata.get("papermill", {})
    for key in TIMING_KEYS:
        run.pop(key, None)
    for key in ("input_path", "output_path"):
        if run.get(key):
            run[key] = _relative(run[key])
    for cell in book.cells:
        cell.metadata.pop("execution", None)
        for key in TIMING_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    nbformat.write(book, executed)


def render_html(executed: Path, title: str) -> str:
    """HTML of an executed notebook: outputs and prose only, alt text kept, no CDN scripts."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(
        nbformat.read(executed, as_version=4), resources={"metadata": {"name": title}}
    )
    return body


def _title(notebook: str) -> str:
    number, _, rest = notebook.partition("_")
    return f"{number} · {rest.replace('_', ' ').capitalize()}"


def build(params_path: Path, notebooks: list[Path] | None = None) -> Path:
    """Build ``reports/<set>/`` for one parameter set and refresh the index; return the set's folder."""
    from helpers.load import DataError, load_tables

    param_set = read_param_set(params_path)
    notebooks = notebooks if notebooks is not None else sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    unknown = [nb.stem for nb in notebooks if nb.stem not in NOTEBOOK_PARAMETERS]
    if unknown:
        raise ReportError(
            f"notebook(s) {', '.join(unknown)} have no entry in helpers.parameters.NOTEBOOK_PARAMETERS"
        )
    try:
        load_tables()
    except DataError as error:
        raise ReportError(f"the data is invalid; no notebook was run.\n{error}") from None

    final = paths.REPORTS / param_set.name
    staging = paths.REPORTS / f".{param_set.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "figures").mkdir(parents=True)
    build_dir = paths.BUILD / param_set.name
    entries = []
    started = time.perf_counter()
    try:
        for number, notebook in enumerate(notebooks, 1):
            tick = time.perf_counter()
            print(f"[{number}/{len(notebooks)}] {notebook.stem}: executing", flush=True)
            executed = build_dir / notebook.name
            figures = _relative(str(staging / "figures"))
            execute(notebook, executed, param_set.for_notebook(notebook.stem, figures))
            (staging / f"{notebook.stem}.html").write_text(
                render_html(executed, _title(notebook.stem)), encoding="utf-8"
            )
            print(
                f"[{number}/{len(notebooks)}] {notebook.stem}: done in {time.perf_counter() - tick:.1f} s",
                flush=True,
            )
            entries.append(
                {
                    "notebook": notebook.stem,
                    "title": _title(notebook.stem),
                    "html": f"{param_set.name}/{notebook.stem}.html",
                    "executed": f"../build/{param_set.name}/{notebook.name}",
                }
            )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    manifest = {
        "parameter_set": param_set.name,
        "parameter_file": param_set.path.resolve().relative_to(paths.ROOT).as_posix()
        if param_set.path.resolve().is_relative_to(paths.ROOT)
        else str(param_set.path),
        "parameters": {**param_set.shared, "notebooks": param_set.per_notebook},
        "data_sha256": data_fingerprint(),
        "notebooks": entries,
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
    seconds = time.perf_counter() - started
    print(
        f"report: {len(entries)} notebook(s) in {seconds:.1f} s -> {paths.REPORTS / 'index.html'}", flush=True
    )
    return final


INDEX_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
body { color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
td, th { border: 1px solid #ddd; padding: .25rem .6rem; text-align: left; }
code { font-size: .85rem; }
"""


def write_index(reports: Path) -> None:
    """Write ``reports/index.html``: every rendered parameter set with its parameters,
    data fingerprint and notebooks."""
    sections = []
    for manifest_path in sorted(reports.glob("*/manifest.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        name = html.escape(manifest["parameter_set"])
        rows = "".join(
            f"<tr><th>{html.escape(str(k))}</th>"
            f"<td><code>{html.escape(json.dumps(v, sort_keys=True))}</code></td></tr>"
            for k, v in manifest["parameters"].items()
        )
        links = "".join(
            f'<li><a href="{html.escape(e["html"])}">{html.escape(e["title"])}</a> '
            f'(<a href="{html.escape(e["executed"])}">executed notebook with code</a>)</li>'
            for e in manifest["notebooks"]
        )
        sections.append(
            f'<section id="{name}"><h2>Parameter set <code>{name}</code></h2>'
            f"<p>From <code>{html.escape(manifest['parameter_file'])}</code>. Data sha256: "
            f"<code>{html.escape(manifest['data_sha256'])}</code></p>"
            f"<table>{rows}</table><ul>{links}</ul></section>"
        )
    body = "".join(sections) or "<p>No parameter set has been rendered yet: run <code>make report</code>.</p>"
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Japan, Russia and the North Korea crisis, 2017: reports</title>"
        f"<style>{INDEX_STYLE}</style></head><body>"
        "<h1>Japan, Russia and the North Korea crisis, August–December 2017</h1>"
        "<p>Reports built from two news articles of September 2017, curated into evidence-checked "
        "data. Each parameter set below was rendered by "
        "<code>make report PARAMS=params/&lt;set&gt;.yaml</code>.</p>"
        f"{body}</body></html>\n"
    )
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "index.html").write_text(page, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.report", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--params",
        type=Path,
        default=paths.PARAMS / "default.yaml",
        help="parameter set (default: params/default.yaml)",
    )
    args = parser.parse_args(argv)
    try:
        build(args.params)
    except ReportError as error:
        print(f"make report: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
