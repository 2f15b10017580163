"""The report's front page, ``reports/index.html``: for every rendered parameter set, what it
asks for in words, what the data holds, and each page's charts with their findings.

Everything on it comes from the manifests and the figure files the build wrote, so it is as
reproducible as they are; every piece of text goes through ``html.escape``; it links only to
files under ``reports/`` and ``build/`` and loads nothing from another host.

A sweep's page, ``reports/<sweep>/index.html``, has a row per value and a column per chart,
each cell the chart's thumbnail and headline, so that a reader can flip through the values (what
was known when, or each person in turn); ``sweep.json`` beside it says what the sweep varied.
It is made the same way.
"""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.data.fingerprint import data_fingerprint
from helpers.report.paramsets import Sweep
from helpers.report.render import TITLE, markdown, page_title

SWEEP_STYLE = """
body { max-width: none; } th .meta { font-weight: normal; display: block; margin-top: .3rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: .4rem; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f6f6f6; font-size: .85rem; }
tbody th { text-align: left; min-width: 9rem; font-size: .9rem; } td { width: 16rem; font-size: .85rem; }
td img { width: 16rem; height: auto; display: block; } .scroll { overflow: auto; max-height: 90vh; }
"""


def _chart_name(figure: str) -> str:
    """'01_meeting_cadence-timeline' -> '01 · Meeting cadence: timeline'."""
    notebook, _, chart = figure.partition("-")
    return f"{page_title(notebook)}: {chart.replace('_', ' ')}"


def _cell(value: str, figure: str, folder: Path) -> str:
    headline = folder / "figures" / f"{figure}.headline.txt"
    if not headline.is_file():
        return "<td></td>"
    alt = (folder / "figures" / f"{figure}.txt").read_text(encoding="utf-8").strip()
    page = html.escape(f"{value}/{figure.partition('-')[0]}.html")
    return (
        f'<td><a href="{page}"><img src="{html.escape(f"{value}/figures/{figure}.png")}" '
        f'alt="{html.escape(alt)}" loading="lazy"></a>'
        f"{html.escape(headline.read_text(encoding='utf-8').strip())}</td>"
    )


def _row(value: str, folder: Path, figures: list[str]) -> str:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    what = html.escape(describe(manifest["parameters"]))
    head = f'<th id="{html.escape(value)}">{html.escape(value)}<span class="meta">{what}</span></th>'
    return f"<tr>{head}{''.join(_cell(value, figure, folder) for figure in figures)}</tr>"


def write_sweep_page(sweep: Sweep, staging: Path) -> None:
    """Write the sweep's page and ``sweep.json`` into its staging folder, from the sets in it."""
    figures = sorted(
        {
            p.name.removesuffix(".headline.txt")
            for value in sweep.values
            for p in (staging / value / "figures").glob("*.headline.txt")
        }
    )
    header = "".join(f"<th>{html.escape(_chart_name(figure))}</th>" for figure in figures)
    rows = "".join(_row(value, staging / value, figures) for value in sweep.values)
    base = html.escape(paths.relative(sweep.base))
    what = f"{html.escape(sweep.vary)}, one report for each value, from {base}"
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}: {html.escape(sweep.name)}</title>"
        f"<style>{INDEX_STYLE}{SWEEP_STYLE}</style></head><body>"
        f'<p><a href="../index.html">All reports</a></p><h1>{html.escape(sweep.name)}</h1>'
        f'<p class="what">The sweep varies {what}; each row is one report, each column one chart. '
        f"From <code>{html.escape(paths.relative(sweep.path))}</code>.</p>"
        f'<div class="scroll"><table><thead><tr><th>{html.escape(sweep.vary)}</th>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div></body></html>\n"
    )
    (staging / "index.html").write_text(page, encoding="utf-8")
    (staging / "sweep.json").write_text(json.dumps(sweep_record(sweep), indent=2) + "\n", encoding="utf-8")


def sweep_record(sweep: Sweep) -> dict[str, object]:
    """What ``sweep.json`` says of the sweep: all its page names besides the reports' own
    parameters, so that a built sweep whose record differs has its page rewritten."""
    return {
        "sweep": sweep.name,
        "file": paths.relative(sweep.path),
        "base": paths.relative(sweep.base),
        "vary": sweep.vary,
        "values": list(sweep.values),
    }


INDEX_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
body { color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin: 2.5rem 0 .3rem; } h3 { font-size: 1.05rem; }
section { border-top: 2px solid #ddd; }
.what { font-size: 1.05rem; margin: .2rem 0; } .meta { color: #555; font-size: .85rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 1rem; }
.charts { align-items: start; }
figure { margin: 0; border: 1px solid #ddd; border-radius: 4px; padding: .5rem; background: #fff; }
figure h3 { margin: 0 0 .4rem; font-size: 1rem; }
figure img { width: 100%; height: auto; display: block; }
figcaption { font-size: .9rem; margin-top: .4rem; } figcaption .links { font-size: .8rem; color: #555; }
code { font-size: .85rem; overflow-wrap: anywhere; }
"""
NOTHING_YET = "<p>No parameter set has been rendered yet: run <code>make report</code>.</p>"


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _span(start: str, end: str) -> str:
    """'1 Aug to 31 Dec 2017', or with both years where they differ."""
    first, last = _day(start), _day(end)
    head = f"{first:%-d %b}" if first.year == last.year else f"{first:%-d %b %Y}"
    return f"{head} to {last:%-d %b %Y}"


def _notebook_words(values: dict[str, Any]) -> list[str]:
    words = []
    for name, value in values.items():
        if name == "include_context":
            words.append("with the context layer" if value else "without the context layer")
        elif isinstance(value, list):
            words.append(f"{name} {', '.join(map(str, value)) or 'all'}")
        else:
            words.append(f"{name} {value}")
    return words


def describe(parameters: dict[str, Any]) -> str:
    """The parameters in words: 'everything the articles say, 1 Aug to 31 Dec 2017', and so on."""
    what = "Everything the articles say" if parameters["include_planned"] else "Only what happened"
    text = f"{what}, {_span(parameters['start_date'], parameters['end_date'])}"
    if parameters["as_of"]:
        text += f", as known on {_day(parameters['as_of']):%-d %b %Y}"
    for notebook, values in sorted(parameters.get("notebooks", {}).items()):
        text += f"; in {notebook.split('_', 1)[0]}, {', '.join(_notebook_words(values))}"
    return text + "."


def _read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8").strip()


def _card(name: str, entry: dict[str, Any], folder: Path) -> str:
    """One chart: its page's title and its own name, its thumbnail linked to the page, its
    finding, its files."""
    base = f"{folder.parent.name}/figures/{name}"
    files = [(base + ".png", "PNG"), (base + ".svg", "SVG"), (base + ".txt", "alt text")]
    # (A set built before the notebooks were inside the report has no "code": rebuild it to get one.)
    files += [(entry[key], label) for key, label in (("code", "the notebook, with its code"),
              ("executed", ".ipynb")) if key in entry]  # fmt: skip
    links = " · ".join(f'<a href="{html.escape(href)}">{label}</a>' for href, label in files)
    page = html.escape(entry["html"])
    return (
        # The chart's own name after its page's: a page with two charts has two cards.
        f'<figure><h3><a href="{page}">{html.escape(_chart_name(name))}</a></h3>'
        f'<a href="{page}"><img src="{html.escape(base)}.png" '
        f'alt="{html.escape(_read(folder, name + ".txt"))}" loading="lazy"></a>'
        f"<figcaption><strong>{html.escape(_read(folder, name + '.headline.txt'))}</strong>"
        f'<br><span class="links">{links}</span></figcaption></figure>'
    )


def _cards(manifest: dict[str, Any], folder: Path) -> str:
    """A card for every chart of every page, in the pages' order."""
    figures = sorted(p.removesuffix(".png") for p in manifest["figures"] if p.endswith(".png"))
    return "".join(
        _card(name, entry, folder)
        for entry in manifest["notebooks"]
        for name in figures
        if name.startswith(entry["notebook"] + "-") and (folder / f"{name}.headline.txt").exists()
    )


def _data_card(folder: Path) -> str:
    """A link to the set's data card and downloads (``<set>/data/README.html``), where it has one."""
    card = folder / "data" / "README.html"
    if not card.is_file():
        return ""
    return f' (<a href="{html.escape(folder.name)}/data/README.html">the data card and the data</a>)'


def _section(manifest: dict[str, Any], folder: Path) -> str:
    name = html.escape(manifest["parameter_set"])
    data = manifest.get("data", {})
    held = (
        f"The data: {data['articles']} articles and {data['events']} events, "
        f"{_span(data['first_day'], data['last_day'])}{_data_card(folder)}. "
        if data
        else ""
    )
    return (
        f'<section id="{name}"><h2>{name}</h2>'
        f'<p class="what">{html.escape(describe(manifest["parameters"]))}</p>'
        f'<p class="meta">{held}</p><div class="charts">{_cards(manifest, folder / "figures")}</div>'
        f'<details class="meta"><summary>How this was built</summary><p>From '
        f"<code>{html.escape(manifest['parameter_file'])}</code>, by <code>make report "
        f"PARAMS={html.escape(manifest['parameter_file'])}</code>; the data's sha256 is "
        f"<code>{html.escape(manifest['data_sha256'])}</code>.</p></details></section>"
    )


def _findings() -> str:
    """The findings (``helpers.pages.findings``, written before the build to
    ``build/findings.json``), when they come from the data the report shows; else nothing."""
    path = paths.BUILD / "findings.json"
    if not path.is_file():
        return ""
    written = json.loads(path.read_text(encoding="utf-8"))
    if written["data_sha256"] != data_fingerprint():
        return ""
    bullets = markdown("\n".join(written["findings"]))
    return f'<section id="findings"><h2>Findings</h2>{bullets}</section>'


def _sweeps(reports: Path) -> str:
    """A line per rendered sweep, linking to its page; nothing where there is none."""
    items = []
    for path in sorted(reports.glob("*/sweep.json")):
        sweep = json.loads(path.read_text(encoding="utf-8"))
        name, count = html.escape(sweep["sweep"]), len(sweep["values"])
        items.append(
            f'<li><a href="{name}/index.html">{name}</a>: {count} reports, one for each value of '
            f"<code>{html.escape(sweep['vary'])}</code> (from <code>{html.escape(sweep['file'])}</code>)</li>"
        )
    how = (
        "<p>Many reports at once, one for each value of a parameter, each rendered by "
        "<code>make sweep SWEEP=params/sweeps/&lt;sweep&gt;.yaml</code>; a sweep's page shows a row "
        "per value and a column per chart.</p>"
    )
    return f'<section id="sweeps"><h2>Sweeps</h2>{how}<ul>{"".join(items)}</ul></section>' if items else ""


def write_index(reports: Path) -> None:
    """Write ``reports/index.html`` from every rendered parameter set's manifest and figures,
    and a link to every rendered sweep's page."""
    # The default report first, then the other sets, then the sweeps, a line each.
    manifests = sorted(reports.glob("*/manifest.json"), key=lambda p: (p.parent.name != "default", p))
    sets = [_section(json.loads(path.read_text(encoding="utf-8")), path.parent) for path in manifests]
    # The findings lead, above the sets they come from (none before a set is rendered).
    sections = [_findings() if sets else "", *sets, _sweeps(reports)]
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}: reports</title><style>{INDEX_STYLE}</style></head><body>"
        f"<h1>{TITLE}</h1>"
        "<p>Reports built from news articles of 2017, curated into evidence-checked data, beside a "
        "context layer in which every fact cites its public source. Each parameter set below was "
        "rendered by <code>make report PARAMS=params/&lt;set&gt;.yaml</code>; each chart links to its "
        "page.</p>"
        f"{''.join(sections) or NOTHING_YET}</body></html>\n"
    )
    reports.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed over: an interrupted build never leaves half a front page.
    partial = reports / ".index.html.partial"
    partial.write_text(page, encoding="utf-8")
    partial.replace(reports / "index.html")
