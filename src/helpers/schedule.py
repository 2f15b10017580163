"""What was on the calendar: summits, visits, talks, meetings and the island survey.

For each event the schedule gives its date range, whether it was held or only
planned (as last reported), when it was first announced (the publication date
of the first article that reported it as planned or proposed) and by which
article, and the lead time from announcement to event, as a range of days.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.frames import order, side_by_side, take
from helpers.load import Tables
from helpers.plotting import (
    MAX_MARKS,
    OKABE_ITO,
    date_axis,
    describe_dates,
    draw_event,
    finish,
    legend_below,
    margins,
    status_handles,
    weekly_figure,
)
from helpers.views import first_reports

SCHEDULE_KINDS = ("summit", "visit", "talks", "meeting", "survey")
STATUS_COLOURS = {
    "occurred": OKABE_ITO["blue"],
    "planned": OKABE_ITO["vermillion"],
    "proposed": OKABE_ITO["vermillion"],
}


def schedule(tables: Tables, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per calendar event with its announcement and lead time."""
    wanted = [k for k in (kinds or SCHEDULE_KINDS) if k in SCHEDULE_KINDS]
    events, sources = tables["events"], tables["sources"]
    # Per event, the first article to report it, and the first to report it ahead as planned
    # or proposed; found while the events are sorted (side by side: both sort or join ids).
    reported = {"first_reported": (), "announced": ("planned", "proposed")}
    rows, reports = side_by_side(
        [
            lambda: order(
                events, ["date_start", "date_end", "event_id"], events["kind"].isin(wanted).to_numpy()
            ),
            lambda: {column: first_reports(tables, statuses) for column, statuses in reported.items()},
        ]
    )
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "location"]
    out = events[columns].take(rows).reset_index(drop=True)
    for column, first in reports.items():
        by = first[rows]
        out[column] = take(sources["published"], by)
        out[column + "_by"] = take(sources["source_id"], by)
    return out.assign(
        lead_min_days=(out["date_start"] - out["announced"]).dt.days.astype("Int64"),
        lead_max_days=(out["date_end"] - out["announced"]).dt.days.astype("Int64"),
    )


def _headline(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No calendar events in this window"
    held = int((frame["status"] == "occurred").sum())
    ahead = int(frame["announced"].notna().sum())
    held_words = "held" if len(frame) > MAX_MARKS else "known to have been held"
    return (
        f"{len(frame):,} summits, visits, talks and meetings: {held:,} {held_words}, "
        f"{ahead:,} announced in advance"
    )


def alt_text(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "Empty schedule: no events match the parameters."
    if len(frame) > MAX_MARKS:
        by_status = frame["status"].value_counts()
        return (
            f"Heat map of {len(frame):,} calendar events per week by status ("
            + ", ".join(f"{int(n):,} {status}" for status, n in by_status.items())
            + "), each counted in the week of the first day it may have taken place."
        )
    items = []
    for row in frame.itertuples():
        when = describe_dates(row.date_start, row.date_end)
        note = f", announced {row.announced:%d %b} by {row.announced_by}" if pd.notna(row.announced) else ""
        items.append(f"{row.title} ({row.status}) {when}{note}")
    return (
        f"Gantt chart of {len(frame)} events, one row each; filled bars were held, hollow bars "
        "planned, dotted proposed; a bar spans every possible day; a triangle marks the day of "
        "announcement. " + "; ".join(items) + "."
    )


def gantt(frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, source: str) -> Figure:
    """Held vs planned events as bars over their possible days, with announcement markers;
    above ``MAX_MARKS`` events, weekly counts by status instead."""
    if len(frame) > MAX_MARKS:
        return weekly_figure(
            frame,
            "status",
            start,
            end,
            "Events per week",
            _headline(frame),
            f"Calendar events per week by status ({len(frame):,}: too many to draw one by one).",
            source,
        )
    height = 2.8 + 0.42 * max(len(frame), 1)
    fig, ax = plt.subplots(figsize=(10, height))
    margins(fig, left=0.36)
    for y, row in enumerate(frame.itertuples()):
        draw_event(
            ax, y, row.date_start, row.date_end, row.status, STATUS_COLOURS[row.status], "D", height=0.55
        )
        if pd.notna(row.announced):
            ax.plot(
                row.announced + pd.Timedelta(hours=12),
                y,
                marker=">",
                markersize=7,
                color="#222222",
                linestyle="none",
            )
            ax.plot(
                [row.announced + pd.Timedelta(hours=12), row.date_start],
                [y, y],
                color="#222222",
                linewidth=0.8,
                linestyle=(0, (1, 2)),
            )
    ax.set_yticks(range(len(frame)), frame["title"])
    ax.tick_params(axis="y", length=0, labelsize=8.5)
    ax.set_ylim(len(frame) - 0.4, -0.6)
    date_axis(ax, start, end)
    handles = [
        *status_handles(
            [("D", STATUS_COLOURS["occurred"], "Held, exact day")],
            held_colour=STATUS_COLOURS["occurred"],
            plan_colour=STATUS_COLOURS["planned"],
        ),
        Line2D([], [], marker=">", linestyle=(0, (1, 2)), color="#222222", label="Announced, lead time"),
    ]
    legend_below(fig, handles, ncol=5)
    finish(
        fig,
        _headline(frame),
        "Each bar spans every day on which the event may have taken place, as the articles date it.",
        source,
    )
    return fig
