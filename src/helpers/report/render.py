"""Turn executed notebooks into report pages: stable notebooks, then HTML.

nbformat, nbconvert and mistune are imported inside the functions that need them, so that
a build with nothing to do never loads them.
"""

from __future__ import annotations

import functools
import html
import re
import threading
from pathlib import Path

from helpers import paths

TEMPLATES = Path(__file__).parent / "templates"


TIMING_KEYS = ("start_time", "end_time", "duration")


def markdown(text: str) -> str:
    """Markdown as HTML, with any HTML in it shown as text: data never becomes markup."""
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table"])(text)


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
def exporter(code: bool = False):
    """One exporter per process and kind of page (compiling nbconvert's templates is the slow
    part of rendering): the report's page shows outputs and prose only; ``code`` shows the
    notebook whole, its code included, for a reader who checks the method."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = not code
    exporter.exclude_input_prompt = not code
    exporter.exclude_output_prompt = True
    return exporter


def render_html(executed: Path, title: str, code: bool = False) -> str:
    """HTML of an executed notebook: outputs and prose only (with ``code``, its code too), alt
    text kept, no CDN scripts."""
    import nbformat

    book = nbformat.read(executed, as_version=4)
    with _exporter_lock:  # the exporters are shared between the driver's threads
        body, _ = exporter(code).from_notebook_node(book, resources={"metadata": {"name": title}})
    return body


def page_title(notebook: str) -> str:
    """'01_meeting_cadence' -> '01 · Meeting cadence'."""
    number, _, rest = notebook.partition("_")
    return f"{number} · {rest.replace('_', ' ').capitalize()}"


TITLE = "Japan, Russia and the North Korea crisis, August–December 2017"
NAV_START, NAV_END = "<!-- report navigation -->", "<!-- /report navigation -->"
HEADING = re.compile(r'<h2 id="([^"]*)">(.*?)<a class="anchor-link"', re.S)


def contents(page: str) -> list[tuple[str, str]]:
    """The page's sections: (anchor, heading as HTML text without tags), in order."""
    return [(anchor, re.sub(r"<[^>]+>", "", text)) for anchor, text in HEADING.findall(page)]


def with_navigation(page: str, notebook: str, pages: list[str], front: str) -> str:
    """``page`` with its header: the report's name linking to the front page (``front``, a
    relative link), the previous and next of ``pages``, and the page's contents. A header
    already there is replaced, so that a page carried over from the last build gets today's."""
    page = re.sub(f"{NAV_START}.*?{NAV_END}", "", page, flags=re.S)
    at = pages.index(notebook)
    links = [f'<a class="home" href="{html.escape(front)}">{TITLE}: all reports</a>']
    name = [html.escape(page) for page in pages]
    if at > 0:
        links.append(
            f'<a rel="prev" href="{name[at - 1]}.html">← {html.escape(page_title(pages[at - 1]))}</a>'
        )
    if at + 1 < len(pages):
        links.append(
            f'<a rel="next" href="{name[at + 1]}.html">{html.escape(page_title(pages[at + 1]))} →</a>'
        )
    links += [
        f'<a href="notebooks/{name[at]}.html">The notebook, with its code</a>',
        f'<a href="notebooks/{name[at]}.ipynb" download>.ipynb</a>',
        '<a href="data/README.html">The data</a>',
    ]
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in contents(page))
    header = (
        f'{NAV_START}<header class="report-nav"><nav aria-label="Report">{"".join(links)}</nav>'
        f"<details><summary>On this page</summary><ol>{items}</ol></details></header>{NAV_END}"
    )
    return page.replace("<main>", "<main>" + header, 1)
