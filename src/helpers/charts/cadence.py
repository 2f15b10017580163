"""The contact timeline: one row per pair of officials, each contact over its possible days."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.charts.style import (
    MAX_MARKS,
    MODE_COLOURS,
    date_axis,
    draw_event,
    finish,
    label_empty,
    legend_below,
    margins,
    status_handles,
)
from helpers.charts.weekly import weekly_figure
from helpers.charts.words import describe_dates

KIND_LABELS = {
    "phone_call": "call",
    "meeting": "meeting",
    "summit": "summit",
    "talks": "talks",
    "visit": "visit",
}


EMPTY = "No Japan–Russia contacts in this window"


def headline(frame: pd.DataFrame, empty: str = EMPTY) -> str:
    """The busiest channel and its share; ``empty`` when there is no contact to draw."""
    if frame.empty:
        return empty
    counts = frame["pair"].value_counts()
    busiest, n = counts.index[0], int(counts.iloc[0])
    held = int(((frame["pair"] == busiest) & (frame["status"] == "occurred")).sum())
    return f"{busiest} was the busiest channel: {n:,} of {len(frame):,} contacts, {held:,} of them held"


def alt_text(frame: pd.DataFrame, realised: pd.DataFrame | None = None, empty: str = EMPTY) -> str:
    """Describe the timeline in words, contact by contact (in sum when there are too many)."""
    if len(frame) > MAX_MARKS:
        counts = frame["pair"].value_counts()
        return (
            f"Heat map of {len(frame):,} Japan–Russia contacts per week for the {min(len(counts), 12)} "
            f"busiest of {len(counts):,} pairs of officials, each counted in the week of the first day "
            f"it may have taken place; the busiest pair, {counts.index[0]}, has {int(counts.iloc[0]):,}."
        )
    took_place = ""
    if realised is not None and not realised.empty:
        took_place = (
            " Black stars mark when contacts took place according to the context layer: "
            + "; ".join(
                f"{r.pair}, {r.kind.replace('_', ' ')} {describe_dates(r.date_start, r.date_end)}"
                for r in realised.itertuples()
            )
            + "."
        )
    if frame.empty:
        return f"Empty timeline: {empty}." + took_place
    items = []
    for row in frame.itertuples():
        when = describe_dates(row.date_start, row.date_end)
        items.append(f"{row.pair}, {row.kind.replace('_', ' ')} {row.status} {when}")
    return (
        f"Timeline of {len(frame)} Japan–Russia contacts, one row per pair of officials; "
        "exact days are markers, uncertain dates are bars spanning the possible days, "
        "planned or proposed contacts are hollow. " + "; ".join(items) + "." + took_place
    )


def lanes(frame: pd.DataFrame, label_days: int = 12) -> pd.Series:
    """Sub-row of each contact within its pair, so that neither overlapping date ranges
    nor the label after each one (``label_days`` wide) hide each other."""
    lane = pd.Series(0, index=frame.index, dtype="int64")
    for _, group in frame.sort_values(["date_start", "date_end"]).groupby("pair", sort=False):
        ends: list[pd.Timestamp] = []
        for index, start, end in zip(group.index, group["date_start"], group["date_end"], strict=True):
            free = next(
                (i for i, last in enumerate(ends) if last + pd.Timedelta(days=label_days) < start),
                None,
            )
            if free is None:
                ends.append(end)
                free = len(ends) - 1
            else:
                ends[free] = end
            lane[index] = free
    return lane


def timeline(
    frame: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    realised: pd.DataFrame | None = None,
    empty: str = EMPTY,
) -> Figure:
    """Contacts per pair over time: phone vs in person by colour and shape, planned hollow,
    uncertain dates as ranges (a bar over every possible day), exact days as markers.
    ``realised`` (from ``analysis.cadence.realised_contacts``) adds, as black stars on the same
    rows, the days the context layer shows contacts took place. Above ``MAX_MARKS`` contacts it
    draws weekly counts per pair instead; with none, a labelled empty frame titled ``empty``."""
    if len(frame) > MAX_MARKS:
        return weekly_figure(
            frame,
            "pair",
            start,
            end,
            "Contacts per week",
            headline(frame),
            f"Contacts per week, busiest pairs first ({len(frame):,}: too many to draw one by one).",
            source,
        )
    realised = realised if realised is not None else pd.DataFrame(columns=["event_id", "pair"])
    lane = lanes(frame)
    rows, depth, height = _pair_rows(frame, realised, lane)
    fig, ax = plt.subplots(figsize=(10, 2.6 + 0.55 * max(height, 1)))
    margins(fig, left=0.17, bottom_in=1.5)
    row_of = _draw_contacts(ax, frame, lane, rows, end)
    _draw_realised(ax, realised, row_of, rows)
    ax.set_yticks([rows[p] + 0.225 * depth[p] for p in rows], list(rows))
    ax.set_ylim(-0.5, max(height - 0.2, 0.5))
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    date_axis(ax, start, end)
    if frame.empty and realised.empty:
        label_empty(ax)
    legend_below(fig, _handles(realised), ncol=5 if realised.empty else 4)
    finish(
        fig,
        headline(frame, empty),
        "Japan–Russia contacts by pair of officials. A bar spans every day on which a contact may have "
        "taken place; the articles give no exact day for it.",
        source,
    )
    return fig


def _pair_rows(
    frame: pd.DataFrame, realised: pd.DataFrame, lane: pd.Series
) -> tuple[dict[str, float], pd.Series, float]:
    """Where each pair's first sub-row sits (pairs in order of their first contact, then the
    pairs only the context layer has), how many sub-rows below it each has, and the height."""
    pairs = list(dict.fromkeys([*frame.sort_values("date_start")["pair"], *realised["pair"]]))
    depth = lane.groupby(frame["pair"]).max().reindex(pairs, fill_value=0)
    rows: dict[str, float] = {}
    position = 0.0
    for pair in pairs:
        rows[pair] = position
        position += 0.45 * (depth[pair] + 1) + 0.5
    return rows, depth, position


def _draw_contacts(
    ax: Axes, frame: pd.DataFrame, lane: pd.Series, rows: dict[str, float], end: pd.Timestamp
) -> dict[str, float]:
    """Each contact on its pair's sub-row, labelled with its kind; returns each contact's row."""
    row_of: dict[str, float] = {}
    for row, sub in zip(frame.itertuples(), lane, strict=True):
        y = rows[row.pair] + 0.45 * sub
        row_of[row.event_id] = y
        draw_event(
            ax,
            y,
            row.date_start,
            row.date_end,
            row.status,
            MODE_COLOURS[row.mode],
            "o" if row.mode == "phone" else "s",
            height=0.3,
        )
        label_x = (row.date_start if row.date_start == row.date_end else row.date_end) + pd.Timedelta(days=2)
        align = "left"
        if label_x > end - pd.Timedelta(days=10):
            label_x, align = row.date_start - pd.Timedelta(days=2), "right"
        ax.annotate(KIND_LABELS[row.kind], (label_x, y), va="center", ha=align, fontsize=8, color="#333333")
    return row_of


def _draw_realised(
    ax: Axes, realised: pd.DataFrame, row_of: dict[str, float], rows: dict[str, float]
) -> None:
    """When contacts took place (context layer): a black line over the days and a star."""
    for row in realised.itertuples():
        y = row_of.get(row.event_id, rows[row.pair])
        ax.plot(
            [row.date_start, row.date_end + pd.Timedelta(days=1)],
            [y, y],
            color="black",
            linewidth=2.5,
            solid_capstyle="butt",
            zorder=4,
        )
        ax.plot(
            row.date_start + (row.date_end - row.date_start + pd.Timedelta(days=1)) / 2,
            y,
            marker="*",
            markersize=13,
            color="black",
            markeredgecolor="white",
            linestyle="none",
            zorder=5,
        )


def _handles(realised: pd.DataFrame) -> list:
    handles = status_handles(
        [
            ("o", MODE_COLOURS["phone"], "Phone call, exact day"),
            ("s", MODE_COLOURS["in_person"], "In person, exact day"),
        ],
        held_colour=MODE_COLOURS["in_person"],
        plan_colour=MODE_COLOURS["in_person"],
    )
    if not realised.empty:
        star = Line2D(
            [],
            [],
            marker="*",
            color="black",
            markersize=12,
            linestyle="none",
            label="Took place (context layer, cited)",
        )
        handles.append(star)
    return handles
