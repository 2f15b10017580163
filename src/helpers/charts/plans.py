"""The plans chart: each announced window against what happened, with a verdict per plan."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import offset_copy

from helpers.analysis.plans import VERDICTS
from helpers.charts.style import (
    KIND_MARKERS,
    OKABE_ITO,
    STATUS_COLOUR,
    announcement_handle,
    date_axis,
    draw_announcement,
    finish,
    kind_handles,
    label_empty,
    legend_rows,
    margins,
    mark_open,
    open_handle,
    reach,
    status_handles,
    status_style,
)
from helpers.charts.words import describe_dates

# What happened, by verdict: Okabe-Ito hues, none of them a blue (blue is the status family) and
# none black (the context layer). "not found" has no mark, only its words in grey.
VERDICT_COLOURS = {
    "in window": OKABE_ITO["green"],
    "no window": OKABE_ITO["yellow"],
    "early": OKABE_ITO["purple"],
    "late": OKABE_ITO["vermillion"],
    "partly": OKABE_ITO["orange"],
    "not found": "#7f7f7f",
}
OUTCOME_EDGE = "#222222"
DAY = pd.Timedelta(days=1)


def _outcome_note(row: pd.Series) -> str:
    if row["verdict"] == "not found":
        return "no record found"
    if row["verdict"] == "late":
        return f"{row['slip_days']} days late"
    if row["verdict"] == "early":
        return f"{-row['slip_days']} days early"
    if row["verdict"] == "no window":
        return "no date given"
    return str(row["verdict"])


EMPTY = "No plan in this window"


def headline(
    table: pd.DataFrame, announced: int | None = None, empty: str = EMPTY, as_of: pd.Timestamp | None = None
) -> str:
    """The verdicts in one line; ``announced`` is the number of plans before any filter;
    ``empty`` when no plan is shown. With ``as_of`` the plans are those known that day, and the
    title says that what became of them is hindsight."""
    known = f" by {as_of:%-d %b %Y}" if as_of is not None else ""
    later = ", judged with hindsight" if as_of is not None else ""
    if table.empty:
        return empty if not announced else f"{empty} (of {announced} the articles announced{known})"
    counts = table["verdict"].value_counts()
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if counts.get(v, 0))
    if announced is not None and announced != len(table):
        return f"Of {announced} plans the articles announced{known}, {len(table)} shown{later}: {parts}"
    return f"Of {len(table)} plans the articles announced{known}{later}: {parts}"


def alt_text(table: pd.DataFrame, empty: str = EMPTY) -> str:
    if table.empty:
        return f"Empty chart of announced plans: {empty}."
    parts = [
        f"Chart of {len(table)} plans announced in the articles, one per row: the announced window as a "
        "hollow bar, the day of first announcement as a tick, and what happened as a filled mark"
    ]
    for _, row in table.iterrows():
        window = (
            f"expected {describe_dates(row['window_start'], row['window_end'])}"
            if pd.notna(row["window_start"]) or pd.notna(row["window_end"])
            else "expected without a date"
        )
        if pd.notna(row["realised_start"]):
            first, last = row["realised_start"], row["realised_end"]
            happened = (
                f"happened on {first:%-d %b %Y}"
                if first == last
                else (f"happened from {first:%-d %b} to {last:%-d %b %Y}")
            )
        else:
            happened = "no record of it found"
        parts.append(f"{row['title']}: {window}; {happened} ({_outcome_note(row)})")
    return "; ".join(parts) + "."


def _plan(ax: Axes, y: int, row: pd.Series) -> None:
    """One plan's row: its window, its announcement, its outcome and its verdict."""
    colour = VERDICT_COLOURS[row["verdict"]]
    plan = f"event-{row['event_id']}"
    has_window = pd.notna(row["window_start"]) or pd.notna(row["window_end"])
    if has_window:
        _window(ax, y, row, plan)
    draw_announcement(
        ax,
        y,
        row["announced"],
        reach(row["window_start"], row["window_end"])[0] if has_window else pd.NaT,
        plan,
    )
    # What happened stands for the cited outcome, or for the event the articles report held.
    outcome = f"outcome-{row['outcome_id']}" if pd.notna(row["outcome_id"]) else f"{plan}.outcome"
    if pd.notna(row["realised_start"]):
        _outcome(ax, y, row, colour, outcome)
    _verdict(ax, y, row, colour, outcome)


def chart(
    table: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    announced: int | None = None,
    empty: str = EMPTY,
    as_of: pd.Timestamp | None = None,
) -> Figure:
    """One row per plan: announced window (hollow), announcement (tick and dotted lead line),
    outcome (filled, coloured by verdict), with the verdict written at the right. ``announced``
    is the number of plans before filtering, for the title."""
    # At least an inch of axes between the title band and the legend band, however few rows.
    fig, ax = plt.subplots(figsize=(10, max(1.6 + 0.55 * len(table), 3.45)))
    margins(fig, left=0.3, bottom_in=1.5, right=0.845)
    for y, (_, row) in enumerate(table.iterrows()):
        _plan(ax, y, row)
    ax.set_yticks(range(len(table)), [_wrap(t) for t in table["title"]], fontsize=8.5)
    ax.set_ylim(max(len(table), 1) - 0.5, -0.5)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    date_axis(ax, start, end)
    if table.empty:
        label_empty(ax)
    legend_rows(fig, _handles(table))
    finish(
        fig,
        headline(table, announced, empty, as_of),
        "Announced window (articles) against what happened (context layer, cited sources); "
        "'no record found' is not proof it did not happen.",
        source,
    )
    return fig


def _window(ax: Axes, y: int, row: pd.Series, gid: str) -> None:
    """The announced window in the status colour: hollow for a plan, dotted for a proposal,
    running out of the axes with an arrow on an open side ("soon")."""
    mark_open(ax, y, row["window_start"], row["window_end"], STATUS_COLOUR, gid)
    start, end = reach(row["window_start"], row["window_end"])
    face, line = status_style(row["status"])
    ax.barh(
        y,
        (end - start).days + 1,
        left=start,
        height=0.55,
        color=face,
        edgecolor=STATUS_COLOUR,
        linewidth=1.6,
        linestyle=line,
        zorder=1,
    ).patches[0].set_gid(gid)


def _outcome(ax: Axes, y: int, row: pd.Series, colour: str, gid: str) -> None:
    """What happened, filled in its verdict's colour: the event's kind's marker on a single day,
    a bar over several."""
    if row["realised_start"] == row["realised_end"]:
        ax.scatter(
            [row["realised_start"] + DAY / 2],
            [y],
            marker=KIND_MARKERS.get(row["kind"], "o"),
            s=110,
            facecolors=colour,
            edgecolors=OUTCOME_EDGE,
            linewidths=1,
            zorder=3,
            gid=gid,
        )
    else:
        ax.barh(
            y,
            (row["realised_end"] - row["realised_start"]).days + 1,
            left=row["realised_start"],
            height=0.3,
            color=colour,
            edgecolor=OUTCOME_EDGE,
            zorder=3,
        ).patches[0].set_gid(gid)


def _verdict(ax: Axes, y: int, row: pd.Series, colour: str, gid: str) -> None:
    """The verdict in words at the right, after a swatch of its colour (none for "not found",
    which has no mark), clear of an open window's arrow at the axes' edge."""
    fig = ax.get_figure()
    at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=14, units="points")
    # Further out beside an open window's arrow, which stands half past the axes' edge.
    text_x = 14 + (8 if pd.isna(row["window_end"]) and pd.notna(row["window_start"]) else 0)
    if row["verdict"] != "not found":
        ax.add_patch(
            Rectangle((1.0, y - 0.15), 0.025, 0.3, transform=at, facecolor=colour, edgecolor=OUTCOME_EDGE,
                      linewidth=0.8, clip_on=False, gid=f"{gid}.verdict")
        )  # fmt: skip
        text_x += 0.025 * ax.get_position().width * fig.get_figwidth() * 72 + 5
    ax.annotate(
        _outcome_note(row),
        (1.0, y),
        xycoords=("axes fraction", "data"),
        xytext=(text_x, 0),
        textcoords="offset points",
        va="center",
        fontsize=8.5,
        color="#222222" if row["verdict"] != "not found" else "#666666",
        fontweight="bold" if row["verdict"] != "not found" else "normal",
        annotation_clip=False,
    )


def _handles(table: pd.DataFrame) -> list[list]:
    """Legend rows: the plan (announcement, window by status, open bound), then what happened
    (verdict colours, and the kinds of the single-day outcomes by shape)."""
    windowed = table.loc[table["window_start"].notna() | table["window_end"].notna()]
    windows = status_handles(list(windowed["status"]))
    for handle in windows:
        handle.set_label(f"Window: {handle.get_label()[0].lower()}{handle.get_label()[1:]}")
    single = table["realised_start"].notna() & (table["realised_start"] == table["realised_end"])
    return [
        [
            *([announcement_handle("First announced, lead time")] if not table.empty else []),
            *windows,
            *(
                [open_handle(STATUS_COLOUR)]
                if (table["window_start"].isna() ^ table["window_end"].isna()).any()
                else []
            ),
        ],
        [
            Patch(facecolor=VERDICT_COLOURS[v], edgecolor=OUTCOME_EDGE, label=f"Happened: {v}")
            for v in VERDICTS
            if v != "not found" and v in set(table.loc[table["realised_start"].notna(), "verdict"])
        ],
        kind_handles(list(table.loc[single, "kind"])),
    ]


def _wrap(title: str, width: int = 44) -> str:
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
