"""The house style every chart shares: colours, margins, date axes, titles, legends, events.

Every chart in the bundle follows the same rules: a title that states the
finding, a readable date axis, a legend, a source line naming the articles,
colour-blind-safe colours (Okabe-Ito), status as filled, hollow or dotted in one blue,
kind as the marker's shape, the context layer in black, uncertain dates drawn as ranges,
and alt text made from the data.
"""

from __future__ import annotations

import math

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Patch
from matplotlib.transforms import IdentityTransform

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
# One visual language for the whole report (docs/visual-language.md is its legend):
# - status: filled (held), hollow (planned), dotted outline (proposed), always in STATUS_COLOUR;
# - the cited context layer: CONTEXT_COLOUR (black), never a status colour;
# - kind: the marker's shape (KIND_MARKERS), the same on every chart;
# - categories and verdicts: their own hues, none of them a blue of the status family.
STATUS_COLOUR = OKABE_ITO["blue"]
CONTEXT_COLOUR = OKABE_ITO["black"]
KIND_MARKERS = {
    "phone_call": "o",
    "meeting": "s",
    "summit": "D",
    "talks": "h",
    "visit": "^",
    "survey": "v",
    "cooperation": "P",
    "resolution": "X",
    "sanction_proposal": "p",
    "designation": "d",
    "appointment": "8",
    "missile_launch": "|",
    "nuclear_test": "*",
    "presidential_statement": ">",
    "press_statement": "<",
}
KIND_NAMES = {
    "phone_call": "Phone call",
    "meeting": "Meeting",
    "summit": "Summit",
    "talks": "Talks",
    "visit": "Visit",
    "survey": "Survey",
    "cooperation": "Cooperation",
    "resolution": "Resolution",
    "sanction_proposal": "Sanction proposal",
    "designation": "Designation",
    "appointment": "Appointment",
    "missile_launch": "Missile launch",
    "nuclear_test": "Nuclear test",
    "presidential_statement": "Presidential statement",
    "press_statement": "Press statement",
}
CATEGORY_COLOURS = {
    "minerals_metals": OKABE_ITO["vermillion"],
    "seafood": OKABE_ITO["green"],
    "energy": OKABE_ITO["orange"],
    "textiles": OKABE_ITO["purple"],
    "labour": OKABE_ITO["yellow"],
}
CATEGORY_LABELS = {
    "minerals_metals": "Minerals and metals",
    "seafood": "Seafood",
    "energy": "Energy (oil)",
    "textiles": "Textiles",
    "labour": "Labour",
}
TRIGGER_COLOUR = "#7f7f7f"
# Neutral marks that are neither a status nor the context layer: the legend's shapes (kind alone)
# and the day an event was first announced (a thin tick and a dotted lead line).
SHAPE_COLOUR = "#8c8c8c"
ANNOUNCE_COLOUR = "#555555"


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
    """Month labels with weekly minor ticks (Mondays), over the parameter window and a margin of
    about 1% each side, so that a bar on the window's first or last day keeps its outline."""
    margin = max(pd.Timedelta(days=1), (end - start) * 0.01)
    ax.set_xlim(start - margin, end + pd.Timedelta(days=1) + margin)
    # A label every month, or every few months where a month is narrower than its label.
    fig = ax.get_figure()
    width_in = ax.get_position().width * fig.get_figwidth() if fig is not None else 10.0
    months = max((end - start).days / 30.4, 1.0)
    ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, math.ceil(months / (width_in / 0.75)))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b\n%Y"))
    ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.grid(axis="x", which="major", color="#dddddd", linewidth=0.8)
    ax.grid(axis="x", which="minor", color="#f0f0f0", linewidth=0.5)
    ax.set_axisbelow(True)


def finish(fig: Figure, title: str, subtitle: str, source: str) -> None:
    """Title (the finding), a one-line subtitle (what is drawn) and the source line."""
    height = fig.get_figheight()
    text = fig.suptitle(
        title, x=0.01, y=1 - 0.06 / height, ha="left", va="top", fontsize=13, fontweight="bold"
    )
    # A long title is set smaller rather than cut off at the figure's right edge.
    width = text.get_window_extent().width / (0.98 * fig.bbox.width)
    if width > 1:
        text.set_fontsize(max(13 / width, 9))
    fig.text(0.01, 1 - 0.38 / height, subtitle, ha="left", va="top", fontsize=9.5, color="#333333")
    fig.text(0.01, 0.01, source, ha="left", va="bottom", fontsize=7.5, color="#555555", wrap=True)


HELD_ALPHA = 0.85
# An event's marker on its known day; a proposal's outline is dotted more densely than a bar's,
# so that the small shape still reads as its kind.
MARKER_SIZE = 100
MARKER_EDGE = 1.8
MARKER_DOTS = (0, (1, 0.8))


def _draw_day(
    ax: plt.Axes, y: float, day: pd.Timestamp, face: str, line: str, kind: str, colour: str, gid: str | None
) -> None:
    """An event known to the day: its kind's marker at midday, filled or hollow, solid or dotted."""
    ax.scatter(
        [day + pd.Timedelta(hours=12)],
        [y],
        marker=KIND_MARKERS.get(kind, "o"),
        s=MARKER_SIZE,
        facecolors=face,
        edgecolors=colour,
        linewidths=MARKER_EDGE,
        linestyles=MARKER_DOTS if line == ":" else line,
        zorder=3,
        gid=gid,
    )


def draw_event(
    ax: plt.Axes,
    y: float,
    start: pd.Timestamp,
    end: pd.Timestamp,
    status: str,
    kind: str,
    height: float,
    colour: str = STATUS_COLOUR,
    gid: str | None = None,
) -> None:
    """One event on row ``y``: its kind's marker on its day when the day is known, else a bar
    over every day it may have taken place, running out of the axes with an arrow on an open
    side. Held is filled, planned hollow, proposed hollow and dotted (``status_style``).
    ``gid`` names the mark (the SVG element's id) after the row it stands for
    (``helpers.charts.evidence``), and its arrows as ``<gid>.open``."""
    mark_open(ax, y, start, end, colour, gid)
    start, end = reach(start, end)
    face, line = status_style(status, colour)
    if start == end:
        _draw_day(ax, y, start, face, line, kind, colour, gid)
    else:
        bars = ax.barh(
            y,
            (end - start).days + 1,
            left=start,
            height=height,
            # Only the fill is lightened, so that held and planned differ in the fill alone.
            color=to_rgba(face, HELD_ALPHA if status == "occurred" else 1.0),
            edgecolor=colour,
            linewidth=1.6,
            linestyle=line,
        )
        bars.patches[0].set_gid(gid)


def status_style(status: str, colour: str = STATUS_COLOUR) -> tuple[str, str]:
    """The face colour and outline style of a status: filled, hollow, or hollow and dotted."""
    if status == "occurred":
        return colour, "-"
    return "white", ":" if status == "proposed" else "-"


def draw_context(
    ax: plt.Axes, y: float, start: pd.Timestamp, end: pd.Timestamp, kind: str, gid: str | None = None
) -> None:
    """A cited context fact on row ``y``: a black line over its days and its kind's marker on
    its first day, so that it reads as a fact of its own, never as a status of the bar it sits on.
    ``gid`` names the marker, and the line as ``<gid>.days``."""
    if end > start:
        ax.plot(
            [start, end + pd.Timedelta(days=1)], [y, y], color=CONTEXT_COLOUR, linewidth=2.5,
            solid_capstyle="butt", zorder=4, gid=f"{gid}.days" if gid else None,
        )  # fmt: skip
    marker = KIND_MARKERS.get(kind, "o")
    # A filled shape gets a white rim; a line marker ("|", a launch) is all edge, in black.
    filled = MarkerStyle(marker).is_filled()
    edge = {"edgecolors": "white", "linewidths": 1.2} if filled else {"linewidths": 2.2}
    # A star covers a third of a square's area at the same size: it is drawn larger to read as much.
    size = (140 if marker == "*" else 70) if filled else 140
    ax.scatter(
        [start + pd.Timedelta(hours=12)], [y], marker=marker, s=size, c=CONTEXT_COLOUR, zorder=5, gid=gid,
        **edge,
    )  # fmt: skip


# An open bound ("soon", "recently") is drawn this far out, past any axes, which clip it.
OPEN_REACH = pd.Timedelta(days=3650)


def reach(start: pd.Timestamp, end: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The ends to draw of an interval whose open bound (NaT) runs on past the axes."""
    if pd.isna(start):
        start = end - OPEN_REACH
    if pd.isna(end):
        end = start + OPEN_REACH
    return start, end


def mark_open(
    ax: plt.Axes, y: float, start: pd.Timestamp, end: pd.Timestamp, colour: str, gid: str | None = None
) -> None:
    """An arrow at the axes' edge on each open side of an interval: no day is given there
    (named ``<gid>.open-start`` or ``.open-end``, a part of the interval's mark)."""
    for is_open, x, marker, side in ((pd.isna(start), 0.0, "<", "start"), (pd.isna(end), 1.0, ">", "end")):
        if is_open:
            ax.plot(
                [x], [y], marker=marker, markersize=9, color=colour, linestyle="none",
                transform=ax.get_yaxis_transform(), clip_on=False, zorder=5, gid=gid and f"{gid}.open-{side}",
            )  # fmt: skip


def open_bounds(frame: pd.DataFrame) -> pd.Series:
    """Which events of a frame have an open bound (and so an arrow, and a legend entry)."""
    return frame["date_start"].isna() | frame["date_end"].isna()


def open_handle(colour: str) -> Line2D:
    """The legend entry for ``mark_open``."""
    return Line2D(
        [], [], marker=">", color=colour, linestyle="none", markersize=9, label="Open: no day given (runs on)"
    )


def kind_handles(kinds: list[str], colour: str = SHAPE_COLOUR) -> list:
    """Legend entries for the kinds drawn, by shape, in the order given: in a neutral grey, so
    that they say the kind and nothing of status or layer."""
    return [
        Line2D([], [], marker=KIND_MARKERS.get(k, "o"), color=colour, linestyle="none", markersize=8,
               label=KIND_NAMES.get(k, k.replace("_", " ").capitalize()))
        for k in dict.fromkeys(kinds)
    ]  # fmt: skip


def event_handle(status: str, kind: str, label: str, colour: str = STATUS_COLOUR) -> PathCollection:
    """A legend entry drawn exactly as ``draw_event`` draws an event of that status and kind on
    a known day (a dotted outline too, which a line's marker cannot have)."""
    marker = MarkerStyle(KIND_MARKERS.get(kind, "o"))
    face, line = status_style(status, colour)
    handle = PathCollection(
        [marker.get_path().transformed(marker.get_transform())], sizes=[MARKER_SIZE], facecolors=face,
        edgecolors=colour, linewidths=MARKER_EDGE, linestyles=MARKER_DOTS if line == ":" else line,
        label=label,
    )  # fmt: skip
    # As a scatter's: the sizes are in points, not in the legend box's units.
    handle.set_transform(IdentityTransform())
    return handle


def draw_announcement(
    ax: plt.Axes, y: float, announced: pd.Timestamp, event_start: pd.Timestamp, gid: str | None = None
) -> None:
    """The day an event was first announced: a thin grey tick, and a dotted lead line from it to
    the first day the event may take place (none when it was announced on or after that day);
    both named ``<gid>.announced``, a part of the event's mark."""
    gid = gid and f"{gid}.announced"
    day = announced + pd.Timedelta(hours=12)
    ax.plot(
        [day], [y], marker="|", markersize=12, markeredgewidth=1.5, color=ANNOUNCE_COLOUR, linestyle="none",
        zorder=2, gid=gid,
    )  # fmt: skip
    if pd.notna(event_start) and day < event_start:
        ax.plot(
            [day, event_start],
            [y, y],
            color=ANNOUNCE_COLOUR,
            linewidth=0.9,
            linestyle=(0, (1, 2)),
            zorder=2,
            gid=gid and f"{gid}-lead",
        )


def announcement_handle(label: str = "First announced (tick), lead time (dotted)") -> Line2D:
    """The legend entry for ``draw_announcement``."""
    return Line2D(
        [], [], marker="|", markersize=10, markeredgewidth=1.5, color=ANNOUNCE_COLOUR, linewidth=0.9,
        linestyle=(0, (1, 2)), label=label,
    )  # fmt: skip


def status_handles(statuses: list[str] | None = None, colour: str = STATUS_COLOUR) -> list:
    """Legend entries matching ``draw_event``'s statuses (all three unless ``statuses``)."""
    labels = {
        "occurred": ("Held (filled; a bar where the day is not known)", "-"),
        "planned": ("Planned (hollow)", "-"),
        "proposed": ("Proposed (dotted)", ":"),
    }
    wanted = [s for s in labels if statuses is None or s in statuses]
    return [
        Patch(facecolor=status_style(s, colour)[0], edgecolor=colour, linewidth=1.6, linestyle=labels[s][1],
              alpha=HELD_ALPHA if s == "occurred" else 1.0, label=labels[s][0])
        for s in wanted
    ]  # fmt: skip


def context_handle(label: str = "Cited context fact (shape: its kind)", kind: str | None = None) -> Line2D:
    """The legend entry for ``draw_context``: a circle, or the shape of ``kind`` (a launch's
    stroke drawn as thick as on the chart)."""
    if kind is None:
        return Line2D([], [], marker="o", color=CONTEXT_COLOUR, linewidth=2.5, markersize=7, label=label)
    return Line2D(
        [], [], marker=KIND_MARKERS.get(kind, "o"), color=CONTEXT_COLOUR, linewidth=2.5, markersize=9,
        markeredgewidth=2.2, label=label,
    )  # fmt: skip


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


def legend_rows(fig: Figure, rows: list[list]) -> None:
    """``legend_below`` with one group per row (statuses, then kinds, then the rest), empty
    groups left out; matplotlib fills a legend column by column, so the rows are padded with
    blank entries and handed over column by column."""
    rows = [row for row in rows if row]
    if not rows:
        return
    ncol = max(len(row) for row in rows)
    blank = Patch(facecolor="none", edgecolor="none", label=" ")
    padded = [[*row, *[blank] * (ncol - len(row))] for row in rows]
    legend_below(fig, [row[c] for c in range(ncol) for row in padded], ncol=ncol)


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
