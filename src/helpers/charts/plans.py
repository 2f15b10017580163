"""The plans chart: each announced window against what happened, with a verdict per plan."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.plans import VERDICTS
from helpers.charts.style import (
    OKABE_ITO,
    date_axis,
    finish,
    label_empty,
    legend_below,
    margins,
    mark_open,
    open_handle,
    reach,
)
from helpers.charts.words import describe_dates

VERDICT_COLOURS = {
    "in window": OKABE_ITO["green"],
    "no window": OKABE_ITO["blue"],
    "early": OKABE_ITO["sky_blue"],
    "late": OKABE_ITO["vermillion"],
    "partly": OKABE_ITO["orange"],
    "not found": "#7f7f7f",
}
WINDOW_COLOUR = "#555555"
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
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS if counts.get(v, 0)) or "none shown"
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
    margins(fig, left=0.3, bottom_in=1.5, right=0.86)
    for y, (_, row) in enumerate(table.iterrows()):
        colour = VERDICT_COLOURS[row["verdict"]]
        if pd.notna(row["window_start"]) or pd.notna(row["window_end"]):
            _window(ax, y, row)
        ax.plot(row["announced"] + DAY / 2, y, marker="|", markersize=14, color="#222222", linestyle="none")
        if pd.notna(row["realised_start"]):
            _outcome(ax, y, row, colour)
        ax.annotate(
            _outcome_note(row),
            (1.02, y),
            xycoords=("axes fraction", "data"),
            va="center",
            fontsize=8.5,
            color=colour if row["verdict"] != "not found" else "#444444",
            fontweight="bold",
            annotation_clip=False,
        )
    ax.set_yticks(range(len(table)), [_wrap(t) for t in table["title"]], fontsize=8.5)
    ax.set_ylim(max(len(table), 1) - 0.5, -0.5)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    date_axis(ax, start, end)
    if table.empty:
        label_empty(ax)
    legend_below(fig, _handles(table), ncol=4)
    finish(
        fig,
        headline(table, announced, empty, as_of),
        "Announced window (articles) against what happened (context layer, cited sources); "
        "'no record found' is not proof it did not happen.",
        source,
    )
    return fig


def _window(ax: Axes, y: int, row: pd.Series) -> None:
    """The announced window as a hollow bar (dotted for a proposal), running out of the axes with
    an arrow on an open side ("soon"), and the lead line from the announcement to it."""
    mark_open(ax, y, row["window_start"], row["window_end"], WINDOW_COLOUR)
    start, end = reach(row["window_start"], row["window_end"])
    ax.barh(
        y,
        (end - start).days + 1,
        left=start,
        height=0.55,
        color="white",
        edgecolor=WINDOW_COLOUR,
        linewidth=1.4,
        linestyle=":" if row["status"] == "proposed" else "-",
        zorder=1,
    )
    if row["announced"] < start:
        ax.plot([row["announced"] + DAY / 2, start], [y, y], color=WINDOW_COLOUR, linestyle=":", linewidth=1)


def _outcome(ax: Axes, y: int, row: pd.Series, colour: str) -> None:
    """What happened: a diamond on a single day, a filled bar over several."""
    if row["realised_start"] == row["realised_end"]:
        ax.plot(
            row["realised_start"] + DAY / 2,
            y,
            marker="D",
            markersize=10,
            linestyle="none",
            color=colour,
            markeredgecolor="#222222",
            zorder=3,
        )
    else:
        ax.barh(
            y,
            (row["realised_end"] - row["realised_start"]).days + 1,
            left=row["realised_start"],
            height=0.3,
            color=colour,
            edgecolor="#222222",
            zorder=3,
        )


def _handles(table: pd.DataFrame) -> list:
    return [
        Line2D([], [], marker="|", color="#222222", linestyle="none", markersize=12, label="First announced"),
        Patch(facecolor="white", edgecolor=WINDOW_COLOUR, label="Announced window"),
        Patch(facecolor="white", edgecolor=WINDOW_COLOUR, linestyle=":", label="Window of a proposal"),
        *(
            [open_handle(WINDOW_COLOUR)]
            if (table["window_start"].isna() ^ table["window_end"].isna()).any()
            else []
        ),
        *[
            Patch(facecolor=VERDICT_COLOURS[v], edgecolor="#222222", label=f"Happened: {v}")
            for v in ("in window", "early", "late", "no window", "partly")
            if v in set(table["verdict"])
        ],
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
