"""A sweep's page, ``reports/<sweep>/index.html``: a row per value and a column per chart, each
cell the chart's thumbnail and headline, so that a reader can flip through the values (what was
known when, or each person in turn). ``sweep.json`` beside it says what the sweep varied.

Like the front page, it is made from the files the build wrote, escapes every piece of text and
links only to files of the report.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from helpers import paths
from helpers.report.index import INDEX_STYLE, TITLE, describe
from helpers.report.render import page_title
from helpers.report.sweeps import Sweep

SWEEP_STYLE = """
body { max-width: none; } th .meta { font-weight: normal; display: block; margin-top: .3rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: .4rem; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f6f6f6; font-size: .85rem; }
tbody th { text-align: left; min-width: 9rem; font-size: .9rem; } td { width: 16rem; font-size: .85rem; }
td img { width: 16rem; height: auto; display: block; } .scroll { overflow-x: auto; }
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
    record = {
        "sweep": sweep.name,
        "file": paths.relative(sweep.path),
        "vary": sweep.vary,
        "values": list(sweep.values),
    }
    (staging / "sweep.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
