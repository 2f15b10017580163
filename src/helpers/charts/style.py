"""The house style every chart shares: colours, margins, date axes, titles, legends, events.

Every chart in the bundle follows the same rules: a title that states the
finding, a readable date axis, a legend, a source line naming the articles,
colour-blind-safe colours (Okabe-Ito), planned events drawn hollow and
uncertain dates drawn as ranges, and alt text made from the data.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any common colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
CATEGORY_COLOURS = {
    "minerals_metals": OKABE_ITO["blue"],
    "seafood": OKABE_ITO["sky_blue"],
    "energy": OKABE_ITO["vermillion"],
    "textiles": OKABE_ITO["purple"],
    "labour": OKABE_ITO["green"],
}
CATEGORY_LABELS = {
    "minerals_metals": "Minerals and metals",
    "seafood": "Seafood",
    "energy": "Energy (oil)",
    "textiles": "Textiles",
    "labour": "Labour",
}
MODE_COLOURS = {"phone": OKABE_ITO["blue"], "in_person": OKABE_ITO["vermillion"]}
TRIGGER_COLOUR = "#7f7f7f"


# Above this many rows a chart draws weekly counts instead of one mark per row: a million
# markers neither render in seconds nor read as anything.
MAX_MARKS = 300


def setup_style() -> None:
    """Apply the house style; also makes SVG output reproducible (fixed hash salt, no date)."""
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 10,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "legend.frameon": False,
            "svg.hashsalt": "jp-ru-dprk-2017",
            "svg.fonttype": "none",
        }
    )


def date_axis(ax: plt.Axes, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Month labels with weekly minor ticks (Mondays), limited to the parameter window."""
    ax.set_xlim(start, end + pd.Timedelta(days=1))
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b\n%Y"))
    ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.grid(axis="x", which="major", color="#dddddd", linewidth=0.8)
    ax.grid(axis="x", which="minor", color="#f0f0f0", linewidth=0.5)
    ax.set_axisbelow(True)


def finish(fig: Figure, title: str, subtitle: str, source: str) -> None:
    """Title (the finding), a one-line subtitle (what is drawn) and the source line."""
    height = fig.get_figheight()
    fig.suptitle(title, x=0.01, y=1 - 0.06 / height, ha="left", va="top", fontsize=13, fontweight="bold")
    fig.text(0.01, 1 - 0.38 / height, subtitle, ha="left", va="top", fontsize=9.5, color="#333333")
    fig.text(0.01, 0.01, source, ha="left", va="bottom", fontsize=7.5, color="#555555", wrap=True)


HELD_ALPHA = 0.85


def draw_event(
    ax: plt.Axes,
    y: float,
    start: pd.Timestamp,
    end: pd.Timestamp,
    status: str,
    colour: str,
    marker: str,
    height: float,
) -> None:
    """One event on row ``y``: a marker on its day when the day is known, else a bar over
    every day it may have taken place, running out of the axes with an arrow on an open side.
    Held is filled, planned hollow, proposed hollow and dotted."""
    held = status == "occurred"
    mark_open(ax, y, start, end, colour)
    start, end = reach(start, end)
    if start == end:
        ax.plot(
            start + pd.Timedelta(hours=12),
            y,
            marker=marker,
            markersize=10,
            linestyle="none",
            color=colour,
            markerfacecolor=colour if held else "white",
            markeredgewidth=2,
        )
    else:
        ax.barh(
            y,
            (end - start).days + 1,
            left=start,
            height=height,
            color=colour if held else "white",
            edgecolor=colour,
            linewidth=1.6,
            linestyle=":" if status == "proposed" else "-",
            alpha=HELD_ALPHA if held else 1.0,
        )


# An open bound ("soon", "recently") is drawn this far out, past any axes, which clip it.
OPEN_REACH = pd.Timedelta(days=3650)


def reach(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The ends to draw of an interval whose open bound (NaT) runs on past the axes."""
    if pd.isna(start):
        start = end - OPEN_REACH
    if pd.isna(end):
        end = start + OPEN_REACH
    return start, end


def mark_open(ax: plt.Axes, y: float, start: pd.Timestamp, end: pd.Timestamp, colour: str) -> None:
    """An arrow at the axes' edge on each open side of an interval: no day is given there."""
    for is_open, x, marker in ((pd.isna(start), 0.0, "<"), (pd.isna(end), 1.0, ">")):
        if is_open:
            ax.plot(
                [x], [y], marker=marker, markersize=9, color=colour, linestyle="none",
                transform=ax.get_yaxis_transform(), clip_on=False, zorder=5,
            )  # fmt: skip


def open_bounds(frame: pd.DataFrame) -> pd.Series:
    """Which events of a frame have an open bound (and so an arrow, and a legend entry)."""
    return frame["date_start"].isna() | frame["date_end"].isna()


def open_handle(colour: str) -> Line2D:
    """The legend entry for ``mark_open``."""
    return Line2D(
        [], [], marker=">", color=colour, linestyle="none", markersize=9, label="Open: no day given (runs on)"
    )


def status_handles(exact: list[tuple[str, str, str]], held_colour: str, plan_colour: str) -> list:
    """Legend entries matching ``draw_event``: ``exact`` is (marker, colour, label) per known-day style."""
    handles: list = [
        Line2D([], [], marker=marker, color=colour, linestyle="none", markersize=9, label=label)
        for marker, colour, label in exact
    ]
    return [
        *handles,
        Patch(facecolor=held_colour, alpha=HELD_ALPHA, label="Held, day not known (range)"),
        Patch(facecolor="white", edgecolor=plan_colour, linewidth=1.6, label="Planned (hollow)"),
        Patch(
            facecolor="white", edgecolor=plan_colour, linewidth=1.6, linestyle=":", label="Proposed (dotted)"
        ),
    ]


def legend_below(fig: Figure, handles: list, ncol: int) -> None:
    """The legend in a band of its own between the axes and the source line."""
    fig.legend(
        handles=handles,
        loc="lower left",
        # Above a source line of up to two lines, whatever the figure's height.
        bbox_to_anchor=(0.01, 0.36 / fig.get_figheight()),
        ncol=ncol,
        fontsize=8,
        handlelength=1.6,
        columnspacing=1.4,
    )


def margins(
    fig: Figure, left: float, top_in: float = 0.95, bottom_in: float = 1.35, right: float = 0.96
) -> None:
    """Fixed margins in inches at top (title, subtitle) and bottom (axis, legend, source)."""
    height = fig.get_figheight()
    fig.subplots_adjust(left=left, right=right, top=1 - top_in / height, bottom=bottom_in / height)


def label_empty(ax: plt.Axes, text: str = "Nothing to draw") -> None:
    """Say in the empty frame itself that nothing is drawn, so it never reads as a blank image."""
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color="#555555",
        bbox={"facecolor": "#f4f4f4", "edgecolor": "#cccccc", "boxstyle": "round,pad=0.6"},
    )
