"""The data inside each report, ``reports/<set>/data/``: the data package the set was built
from (every CSV and ``datapackage.json``, the articles beside it in ``seeds/``, and a zip of
both) and the data card as a page, so that
the folder can be zipped and sent, and a reader downloads what the charts are made of.

Written into the set's staging folder, which is swapped into place whole; the zip's entries carry
a fixed date, so that the same data gives the same bytes.
"""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path

from helpers import paths
from helpers.report.planning import data_files
from helpers.report.render import TITLE, markdown

ZIP = "jp-ru-dprk-2017-data.zip"
CARD_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid #ddd;
padding: .3rem .5rem; vertical-align: top; text-align: left; } code { overflow-wrap: anywhere; }
pre { overflow-x: auto; }
"""


def write_data_package(folder: Path, front: str) -> None:
    """Copy ``data/`` and the articles (``seeds/``) into ``folder``, as in the repository, with
    a zip of both and the data card's page, which links to the front page at ``front``
    (relative to ``folder``)."""
    # Exactly the files the data's hash covers (helpers.report.planning.data_files), where the
    # repository has them: a file that changes is then one that makes the report again.
    copies = {
        f"seeds/{path.name}"
        if path.parent == paths.SEEDS
        else f"data/{path.relative_to(paths.DATA).as_posix()}": path
        for path in data_files()
    }
    files = sorted(copies)
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copies[name], folder / name)
    with zipfile.ZipFile(folder / "data" / ZIP, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in files:
            entry = zipfile.ZipInfo(name, date_time=(2017, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, (folder / name).read_bytes(), zipfile.ZIP_DEFLATED)
    card = folder / "data" / "README.md"
    text = card.read_text(encoding="utf-8") if card.is_file() else ""
    links = [name.removeprefix("data/") if name.startswith("data/") else f"../{name}" for name in files]
    (folder / "data" / "README.html").write_text(card_page(text, links, "../" + front), encoding="utf-8")


def card_page(card: str, files: list[str], front: str) -> str:
    """The data card (Markdown, any HTML in it shown as text) below a list of the downloads."""
    # The card's HTML comments mark where `make readme` writes; they are not for readers.
    readable = re.sub(r"<!--.*?-->", "", card, flags=re.S)
    body = markdown(readable)
    links = "".join(f'<li><a href="{html.escape(name)}">{html.escape(name)}</a></li>' for name in files)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}: the data</title><style>{CARD_STYLE}</style></head><body>"
        f'<p><a href="{html.escape(front)}">{TITLE}: all reports</a></p>'
        f'<h2>Download</h2><p><a href="{ZIP}">{ZIP}</a>: every file below (the data, and the articles '
        f"it quotes), in one zip.</p><ul>{links}</ul>"
        f"{body}</body></html>\n"
    )
