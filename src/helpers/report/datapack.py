"""The data inside each report, ``reports/<set>/data/``: the data package the set was built
from (every CSV and ``datapackage.json``, also as one zip) and the data card as a page, so that
the folder can be zipped and sent, and a reader downloads what the charts are made of.

Written into the set's staging folder, which is swapped into place whole; the zip's entries carry
a fixed date, so that the same data gives the same bytes.
"""

from __future__ import annotations

import html
import shutil
import zipfile
from pathlib import Path

from helpers import paths
from helpers.report.render import TITLE

ZIP = "jp-ru-dprk-2017-data.zip"
CARD_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid #ddd;
padding: .3rem .5rem; vertical-align: top; text-align: left; } code { overflow-wrap: anywhere; }
pre { overflow-x: auto; }
"""


def write_data_package(folder: Path, front: str) -> None:
    """Copy ``data/`` into ``folder/data/``, with the zip of it and the data card's page, which
    links to the front page at ``front`` (relative to ``folder``)."""
    target = folder / "data"
    shutil.copytree(paths.DATA, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    files = sorted(path.relative_to(target).as_posix() for path in target.rglob("*") if path.is_file())
    with zipfile.ZipFile(target / ZIP, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in files:
            entry = zipfile.ZipInfo(f"data/{name}", date_time=(2017, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, (target / name).read_bytes(), zipfile.ZIP_DEFLATED)
    card = target / "README.md"
    text = card.read_text(encoding="utf-8") if card.is_file() else ""
    (target / "README.html").write_text(card_page(text, files, "../" + front), encoding="utf-8")


def card_page(card: str, files: list[str], front: str) -> str:
    """The data card (Markdown, any HTML in it shown as text) below a list of the downloads."""
    import mistune

    body = mistune.create_markdown(escape=True, plugins=["table"])(card)
    links = "".join(f'<li><a href="{html.escape(name)}">{html.escape(name)}</a></li>' for name in files)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}: the data</title><style>{CARD_STYLE}</style></head><body>"
        f'<p><a href="{html.escape(front)}">{TITLE}: all reports</a></p>'
        f'<h2>Download</h2><p><a href="{ZIP}">{ZIP}</a>: every file below, in one zip.</p><ul>{links}</ul>'
        f"{body}</body></html>\n"
    )
