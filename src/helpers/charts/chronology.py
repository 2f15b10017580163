"""The chronology's timeline: one row per pair of officials, then North Korea's launches and
tests, then the Security Council; every fact drawn as every cited context fact is, in black with
its kind's shape on its first day and a line over its days."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.chronology import STRANDS
from helpers.charts.style import (
    context_handle,
    date_axis,
    draw_context,
    finish,
    kind_handles,
    label_empty,
    legend_below,
    margins,
)
from helpers.charts.words import context_source_line, describe_dates

EMPTY = "No fact on record in this window"
NOUNS = {
    "contact": ("Japan–Russia contact", "Japan–Russia contacts"),
    "launch": ("launch or test", "launches and tests"),
    "council": ("Security Council action", "Security Council actions"),
}


def _counted(frame: pd.DataFrame) -> list[str]:
    """'9 Japan–Russia contacts', '1 launch or test'...: each strand with facts, in order."""
    counts = frame["strand"].value_counts()
    return [
        f"{counts[s]:,} {NOUNS[s][0] if counts[s] == 1 else NOUNS[s][1]}"
        for s in STRANDS
        if s in counts.index
    ]


def headline(frame: pd.DataFrame, empty: str = EMPTY) -> str:
    """How many facts are on record, strand by strand; ``empty`` when none is."""
    if frame.empty:
        return empty
    parts = _counted(frame)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{len(frame):,} {'fact' if len(frame) == 1 else 'facts'} on record: {listed}"


def alt_text(frame: pd.DataFrame, empty: str = EMPTY) -> str:
    """The timeline in words, fact by fact."""
    if frame.empty:
        return f"Empty timeline of the cited chronology: {empty}."
    items = [f"{r.row}: {r.title} ({describe_dates(r.date_start, r.date_end)})" for r in frame.itertuples()]
    return (
        f"Timeline of {len(frame)} facts of the cited chronology, one row per pair of officials, then "
        "North Korea's launches and tests, then the Security Council; each a black mark shaped by its "
        "kind, with a line over its days where its sources give more than one. " + "; ".join(items) + "."
    )


def rows(frame: pd.DataFrame) -> list[str]:
    """The rows from top to bottom: the pairs in order of their first contact, then the strands."""
    contacts = frame.loc[frame["strand"] == "contact"].sort_values("date_start")
    others = [STRANDS[s] for s in ("launch", "council") if (frame["strand"] == s).any()]
    return list(dict.fromkeys(contacts["row"])) + others


STAGGER = (0.0, -0.22, 0.22)


def offsets(frame: pd.DataFrame, near: pd.Timedelta) -> pd.Series:
    """How far above or below its row each fact sits, so that facts of one row closer than
    ``near`` (a 2+2 and the ministers' meetings of the same day) do not hide each other: each
    takes the first of ``STAGGER``'s places whose last fact ended ``near`` before it began."""
    out = pd.Series(0.0, index=frame.index)
    for _, group in frame.sort_values(["date_start", "fact_id"]).groupby("row", sort=False):
        last: list[pd.Timestamp | None] = [None] * len(STAGGER)
        for index, first, final in zip(group.index, group["date_start"], group["date_end"], strict=True):
            free = [i for i, day in enumerate(last) if day is None or day + near < first]
            place = free[0] if free else 0
            out[index], last[place] = STAGGER[place], final
    return out


def timeline(
    frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, source: str, empty: str = EMPTY
) -> Figure:
    """Every fact of ``frame`` (from ``analysis.chronology.facts``) on its row and its days; with
    none, a labelled empty frame titled ``empty``."""
    order = rows(frame)
    fig, ax = plt.subplots(figsize=(10, 2.4 + 0.45 * max(len(order), 1)))
    margins(fig, left=0.24, bottom_in=1.4)
    y_of = {row: y for y, row in enumerate(order)}
    ys = frame["row"].map(y_of).astype("float64") + offsets(
        frame, pd.Timedelta(days=max(1.0, 0.012 * (end - start).days))
    )
    for fact, y in zip(frame.itertuples(), ys, strict=True):
        draw_context(ax, y, fact.date_start, fact.date_end, fact.kind, gid=f"fact-{fact.fact_id}")
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(-0.7, max(len(order), 1) - 0.3)
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    date_axis(ax, start, end)
    if frame.empty:
        label_empty(ax)
    handles = kind_handles(list(dict.fromkeys(frame["kind"].astype("str")))) if not frame.empty else []
    legend_below(fig, [*handles, context_handle("Cited fact (black; a line over its days)")], ncol=4)
    finish(
        fig,
        headline(frame, empty),
        "Every fact of the cited chronology, dated in the local time of the event: a mark on its first "
        "day, a line where its sources differ on the day.",
        source,
    )
    return fig


def source_line(frame: pd.DataFrame) -> str:
    """The chart's sources: the chronology's own, each cited on its row (none are the articles)."""
    if frame.empty:
        return "Context: the cited chronology, data/context/chronology.csv."
    return context_source_line(frame)
