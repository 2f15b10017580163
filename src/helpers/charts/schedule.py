"""The schedule as a Gantt chart: held and planned events over their possible days, with announcements."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from helpers.charts.style import (
    STATUS_COLOUR,
    announcement_handle,
    date_axis,
    draw_announcement,
    draw_event,
    finish,
    kind_handles,
    label_empty,
    legend_rows,
    margins,
    open_bounds,
    open_handle,
    reach,
    status_handles,
)
from helpers.charts.words import describe_dates

EMPTY = "No calendar events in this window"


def headline(frame: pd.DataFrame, empty: str = EMPTY) -> str:
    """How many events, held and announced; ``empty`` when there is none to draw."""
    if frame.empty:
        return empty
    held = int((frame["status"] == "occurred").sum())
    ahead = int(frame["announced"].notna().sum())
    return (
        f"{len(frame):,} summits, visits, talks and meetings: {held:,} known to have been held, "
        f"{ahead:,} announced in advance"
    )


def alt_text(frame: pd.DataFrame, empty: str = EMPTY) -> str:
    if frame.empty:
        return f"Empty schedule: {empty}."
    items = []
    for row in frame.itertuples():
        when = describe_dates(row.date_start, row.date_end)
        note = f", announced {row.announced:%d %b} by {row.announced_by}" if pd.notna(row.announced) else ""
        items.append(f"{row.title} ({row.status}) {when}{note}")
    return (
        f"Gantt chart of {len(frame)} events, one row each; filled bars were held, hollow bars "
        "planned, dotted proposed; a bar spans every possible day; a tick marks the day of "
        "announcement. " + "; ".join(items) + "."
    )


def gantt(
    frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, source: str, empty: str = EMPTY
) -> Figure:
    """Held vs planned events as bars over their possible days, with announcement markers;
    with none, a labelled empty frame titled ``empty``."""
    height = 2.8 + 0.42 * max(len(frame), 1)
    fig, ax = plt.subplots(figsize=(10, height))
    margins(fig, left=0.36)
    for y, row in enumerate(frame.itertuples()):
        gid = f"event-{row.event_id}"
        draw_event(ax, y, row.date_start, row.date_end, row.status, row.kind, height=0.55, gid=gid)
        if pd.notna(row.announced):
            draw_announcement(ax, y, row.announced, reach(row.date_start, row.date_end)[0], gid)
    ax.set_yticks(range(len(frame)), frame["title"])
    ax.tick_params(axis="y", length=0, labelsize=8.5)
    ax.set_ylim(len(frame) - 0.4, -0.6)
    date_axis(ax, start, end)
    if frame.empty:
        label_empty(ax)
    exact = frame["date_start"].notna() & (frame["date_start"] == frame["date_end"])
    legend_rows(
        fig,
        [
            status_handles(list(frame["status"])),
            [
                *kind_handles(list(frame.loc[exact, "kind"])),
                *([announcement_handle()] if frame["announced"].notna().any() else []),
                *([open_handle(STATUS_COLOUR)] if open_bounds(frame).any() else []),
            ],
        ],
    )
    finish(
        fig,
        headline(frame, empty),
        "Each bar spans every day on which the event may have taken place, as the articles date it.",
        source,
    )
    return fig
