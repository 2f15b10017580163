"""The report's front page, ``reports/index.html``: every rendered parameter set and its pages."""

from __future__ import annotations

import html
import json
from pathlib import Path

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
