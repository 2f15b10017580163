"""Evidence at the mark: each mark's tooltip in the SVG, and the page's evidence table.

A chart names each mark it draws after the rows it stands for, in the artist's ``gid``:
``<prefix>-<id>`` (``event-call-kono-lavrov-0901``, ``fact-f012``), several ids of one table as
``<prefix>-<id>_<id>`` (a category's area stands for its measures), and a second artist of the
same mark with a part after a dot (``fact-f012.days``). The ids themselves never hold a dot
or an underscore (the data package's patterns). ``helpers.analysis.evidence.records`` holds
what each key rests on; nothing here writes evidence of its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axis import Axis
from matplotlib.collections import Collection
from matplotlib.figure import Figure

from helpers.charts.tables import Table, reading_table
from helpers.charts.words import describe_dates

STATUS_WORDS = {"occurred": "held", "not_found": "no record found"}
TABLE_COLUMNS = {
    "mark": "mark",
    "what": "what",
    "layer": "layer",
    "status": "status",
    "date_start": "date_start",
    "date_end": "date_end",
    "date_words": "date words",
    "quote": "quote",
    "source": "article or source",
    "link": "link",
}


def keys(gid: str) -> list[str]:
    """The evidence keys a mark's ``gid`` names: ``measure-s01_s02.pale`` → measure-s01, measure-s02."""
    prefix, _, ids = gid.split(".")[0].partition("-")
    return [f"{prefix}-{i}" for i in ids.split("_")]


def named(figure: Figure) -> list[str]:
    """The gid of every named artist of ``figure``, each once, in drawing order."""
    return list(dict.fromkeys(a.get_gid() for a in _artists(figure) if a.get_gid()))


def _artists(artist: Artist) -> Iterator[Artist]:
    """Every artist under ``artist``, in ``findobj``'s order, but none of the axes' ``Axis``: their
    ticks and labels name no mark, and listing them makes matplotlib create every tick (a fifth
    of a page's time in the page tests)."""
    for child in artist.get_children():
        if not isinstance(child, Axis):
            yield from _artists(child)
    yield artist


def drawn(figure: Figure, evidence: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``evidence`` (``records``) that ``figure``'s marks stand for, in drawing order.
    A mark whose row is missing is a chart that names something the data does not hold."""
    wanted = list(dict.fromkeys(k for gid in named(figure) for k in keys(gid)))
    missing = [k for k in wanted if k not in evidence.index]
    if missing:
        raise KeyError(f"marks with no evidence row: {', '.join(missing)}")
    return evidence.loc[wanted]


def tooltip(row: pd.Series) -> str:
    """One row's tooltip: what, status and days (with the article's date words), then the quotes
    and article, or the cited source and its address."""
    status = STATUS_WORDS.get(row["status"], row["status"]) if pd.notna(row["status"]) else None
    days = describe_dates(row["date_start"], row["date_end"])  # an open bound, or none, in words too
    said = f"(“{row['date_words']}”)" if pd.notna(row["date_words"]) else None
    facts = " ".join(w for w in (status, days, said) if w)
    facts = facts[:1].upper() + facts[1:]
    layer = "Cited source" if row["layer"] == "context" else "Article"
    lines = [row["what"], facts, row["quote"], f"{layer}: {row['source']}", row["link"]]
    return "\n".join(str(line) for line in lines if pd.notna(line) and line)


def link(figure: Figure) -> None:
    """Make each named mark a link to its first row of the evidence table."""
    for artist in (a for a in _artists(figure) if a.get_gid()):
        url = f"#evidence-{keys(artist.get_gid())[0]}"
        if isinstance(artist, Collection):
            artist.set_urls([url])
        else:
            artist.set_url(url)


def with_tooltips(svg: str, figure: Figure, evidence: pd.DataFrame) -> str:
    """``svg``, drawn from ``figure``, with a ``<title>`` first in each named mark's group: the
    tooltip of every row of ``evidence`` it stands for, escaped as text."""
    names = set(named(figure))

    def titled(match: re.Match) -> str:
        if match.group(1) not in names:  # one of matplotlib's own groups (axes_1, patch_3...)
            return match.group(0)
        text = "\n\n".join(tooltip(evidence.loc[k]) for k in keys(match.group(1)))
        return f"{match.group(0)}\n   <title>{html.escape(text, quote=False)}</title>"

    svg = re.sub(r'<g id="([^"]+)">', titled, svg)
    # matplotlib opens every link in a new window; a mark's row is on the same page.
    return re.sub(r'(<a xlink:href="#evidence-[^"]*") target="_blank"', r"\1", svg)


def table(evidence: pd.DataFrame) -> Table:
    """The evidence table of ``evidence`` (``drawn`` rows): one row per row a mark stands for,
    each anchored as ``evidence-<key>``, the key the marks link to."""
    shown = evidence.reset_index().rename(columns=TABLE_COLUMNS)[list(TABLE_COLUMNS.values())]
    shown["status"] = shown["status"].map(lambda s: STATUS_WORDS.get(s, s), na_action="ignore")
    return reading_table(shown, anchors=[f"evidence-{k}" for k in evidence.index])
