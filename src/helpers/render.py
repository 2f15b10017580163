"""Turn executed notebooks into the report: stable notebooks, HTML pages and the index.

nbformat and nbconvert are imported inside the functions that need them, so that
a build with nothing to do never loads them.
"""

from __future__ import annotations

import functools
import html
import json
import threading
from pathlib import Path

from helpers import paths

TEMPLATES = Path(__file__).parent / "templates"


TIMING_KEYS = ("start_time", "end_time", "duration")


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
            run[key] = paths.relative(run[key])
    for cell in book.cells:
        cell.metadata.pop("execution", None)
        for key in TIMING_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
    nbformat.write(book, executed)


_exporter_lock = threading.Lock()


@functools.cache
def exporter():
    """One exporter per process: compiling nbconvert's templates is the slow part of rendering."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def render_html(executed: Path, title: str) -> str:
    """HTML of an executed notebook: outputs and prose only, alt text kept, no CDN scripts."""
    import nbformat

    book = nbformat.read(executed, as_version=4)
    with _exporter_lock:  # the exporter is shared between the driver's threads
        body, _ = exporter().from_notebook_node(book, resources={"metadata": {"name": title}})
    return body


def page_title(notebook: str) -> str:
    """'01_meeting_cadence' -> '01 · Meeting cadence'."""
    number, _, rest = notebook.partition("_")
    return f"{number} · {rest.replace('_', ' ').capitalize()}"


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
        "data, beside a context layer in which every fact cites its public source. Each parameter "
        "set below was rendered by "
        "<code>make report PARAMS=params/&lt;set&gt;.yaml</code>.</p>"
        f"{body}</body></html>\n"
    )
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "index.html").write_text(page, encoding="utf-8")
