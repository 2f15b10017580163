"""The escalation chart: UN measures in force by category, proposals and triggers below."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.escalation import in_force
from helpers.charts.style import (
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    TRIGGER_COLOUR,
    context_handle,
    date_axis,
    draw_context,
    draw_event,
    event_handle,
    finish,
    label_empty,
    legend_below,
    margins,
)
from helpers.charts.words import describe_dates

EMPTY = "No UN measures in this view"
NO_RECORD = pd.DataFrame(columns=["title", "kind", "date_start", "date_end"])


def headline(adopted: pd.DataFrame, proposed: pd.DataFrame, empty: str = EMPTY) -> str:
    """How the measures in force grew, step by step; ``empty`` when there is no measure at all."""
    if adopted.empty:
        return f"No adopted measures in this view; {len(proposed)} proposed" if len(proposed) else empty
    by_resolution = adopted.groupby("resolution", sort=False).size()
    plural = "s" if len(by_resolution) > 1 else ""
    items = "item" if by_resolution.sum() == 1 else "items"
    steps = (
        f" ({', then '.join(str(int(n)) for n in by_resolution)} {items})" if len(by_resolution) <= 4 else ""
    )
    last = adopted.loc[adopted["in_force_by"] == adopted["in_force_by"].max()]
    by = "by" if (last["basis"] == "adopted").all() else "as reported by"
    return (
        f"UN sanctions grew in {len(by_resolution):,} step{plural}{steps}: "
        f"{len(adopted):,} in force {by} {adopted['in_force_by'].max():%-d %b %Y}"
    )


def alt_text(
    adopted: pd.DataFrame,
    proposed: pd.DataFrame,
    trigger_events: pd.DataFrame,
    empty: str = EMPTY,
    recorded: pd.DataFrame | None = None,
) -> str:
    recorded = NO_RECORD if recorded is None else recorded
    if adopted.empty and proposed.empty and trigger_events.empty and recorded.empty:
        return f"Empty chart of UN sanctions measures: {empty}."
    parts = [f"Stacked step chart of UN sanctions measures in force by category: {len(adopted)} adopted"]
    items = adopted.groupby("resolution", sort=False)["item"].agg(", ".join)
    for first in adopted.dropna(subset=["resolution"]).drop_duplicates("resolution").itertuples():
        said = "adopted" if first.basis == "adopted" else "reported adopted"
        dates = describe_dates(first.earliest, first.in_force_by)
        parts.append(f"{first.resolution}, {said} {dates}: {items[first.resolution]}")
    if not proposed.empty:
        parts.append(
            "proposed, shown apart as hollow markers: "
            + ", ".join(f"{r.item} (reported {r.reported:%d %b %Y})" for r in proposed.itertuples())
        )
    if not trigger_events.empty:
        parts.append(
            "triggers marked on the time axis: "
            + ", ".join(
                f"{r.title} ({r.date_start:%d %b}"
                + ("" if r.date_start == r.date_end else f" to {r.date_end:%d %b}")
                + ")"
                for r in trigger_events.itertuples()
            )
        )
    if not recorded.empty:
        parts.append(
            f"{len(recorded)} more launches and tests on record (cited chronology), in black in the lower "
            "lane: "
            + ", ".join(
                f"{r.title} ({describe_dates(r.date_start, r.date_end)})" for r in recorded.itertuples()
            )
        )
    return "; ".join(parts) + "."


def chart(
    adopted: pd.DataFrame,
    proposed: pd.DataFrame,
    trigger_events: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    empty: str = EMPTY,
    recorded: pd.DataFrame | None = None,
) -> Figure:
    """Stacked steps of adopted measures by category, proposals in a lane below,
    adoption windows hatched, launches and tests marked on the same time axis, and the other
    launches and tests of the cited chronology (``recorded``) in a row of the lane; with nothing
    at all, a labelled empty frame titled ``empty``."""
    recorded = NO_RECORD if recorded is None else recorded
    fig, (top, lane) = plt.subplots(
        2, 1, figsize=(10, 7.4), sharex=True, gridspec_kw={"height_ratios": [3, 1.1], "hspace": 0.12}
    )
    margins(fig, left=0.09, bottom_in=1.55)
    pale = _stacked_steps(top, adopted, start, end)
    date_axis(lane, start, end)  # first: the trigger labels are placed by the days shown
    _marked_triggers(top, lane, trigger_events)
    _marked_proposals(lane, proposed)
    _marked_record(lane, recorded, len(proposed))
    if adopted.empty and proposed.empty and trigger_events.empty and recorded.empty:
        label_empty(top)
    handles = _handles(top, proposed, trigger_events, pale)
    if not recorded.empty:
        handles.append(context_handle("Launch or test on record (cited chronology)", "missile_launch"))
    legend_below(fig, handles, ncol=4)
    finish(
        fig,
        headline(adopted, proposed, empty),
        "UN measures, solid from the adoption day (cited) or, where only the articles date it, the last day "
        "they allow;\npale before it. Proposals in the lane below, on the day reported.",
        source,
    )
    return fig


def _stacked_steps(top: Axes, adopted: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """Measures in force per category: solid from ``in_force_by`` (the cited adoption day, or the
    last day the articles allow), pale from the first possible day. Whether any pale part shows."""
    certain = in_force(adopted, start, end)
    possible = in_force(adopted, start, end, since="earliest")
    order = [c for c in CATEGORY_COLOURS if c in certain.columns]
    if order:
        pale_areas = top.stackplot(
            possible.index,
            *[possible[c] for c in order],
            step="post",
            colors=[CATEGORY_COLOURS[c] for c in order],
            alpha=0.25,
        )
        areas = top.stackplot(
            certain.index,
            *[certain[c] for c in order],
            step="post",
            colors=[CATEGORY_COLOURS[c] for c in order],
            labels=[CATEGORY_LABELS[c] for c in order],
            alpha=0.95,
        )
        # Each category's areas stand for its measures, as marks named after them.
        for category, area, pale_area in zip(order, areas, pale_areas, strict=True):
            gid = "measure-" + "_".join(adopted.loc[adopted["category"] == category, "measure_id"])
            area.set_gid(f"{gid}.{category}")
            pale_area.set_gid(f"{gid}.{category}-pale")
    top.set_ylabel("Measures in force (items)")
    top.set_ylim(0, max(int(possible.sum(axis=1).max()) if order else 0, 1) * 1.6)
    return bool(order) and bool((possible[order] != certain[order]).to_numpy().any())


def _handles(top: Axes, proposed: pd.DataFrame, trigger_events: pd.DataFrame, pale: bool = True) -> list:
    handles, _ = top.get_legend_handles_labels()
    if pale:
        handles.append(
            Patch(
                facecolor=CATEGORY_COLOURS["minerals_metals"],
                alpha=0.25,
                label="Pale: possibly in force (adoption day uncertain)",
            )
        )
    kinds = set(trigger_events["kind"])
    if "missile_launch" in kinds:
        handles.append(Patch(facecolor=TRIGGER_COLOUR, alpha=0.3, label="Missile launch (date range)"))
    if "nuclear_test" in kinds:
        handles.append(Line2D([], [], color=TRIGGER_COLOUR, linestyle="--", label="Nuclear test (exact day)"))
    if not proposed.empty:
        handles.append(
            event_handle("proposed", "sanction_proposal", "Proposed sanction (dotted), on the day reported")
        )
    return handles


def _marked_triggers(top: Axes, lane: Axes, trigger_events: pd.DataFrame) -> None:
    """Each launch (a band over its possible days) and test (a dashed line), labelled at the top."""
    for axis, part in ((top, ""), (lane, ".lane")):
        for row in trigger_events.itertuples():
            gid = f"event-{row.event_id}{part}"
            if row.date_start == row.date_end:
                axis.axvline(
                    row.date_start + pd.Timedelta(hours=12),
                    color=TRIGGER_COLOUR,
                    linestyle="--",
                    linewidth=1.2,
                    gid=gid,
                )
            else:
                axis.axvspan(
                    row.date_start,
                    row.date_end + pd.Timedelta(days=1),
                    color=TRIGGER_COLOUR,
                    alpha=0.18,
                    linewidth=0,
                    gid=gid,
                )
    _trigger_labels(top, trigger_events)


def _trigger_labels(top: Axes, trigger_events: pd.DataFrame) -> None:
    """Each trigger's label upright at the top, right of its line or band, or left of it where
    the next trigger follows too closely for the label to fit between them."""
    rows = trigger_events.sort_values("date_start")
    lefts = list(rows["date_start"])
    rights = [
        d + pd.Timedelta(hours=12) if d == e else e + pd.Timedelta(days=1)
        for d, e in zip(rows["date_start"], rows["date_end"], strict=True)
    ]
    lo, hi = top.get_xlim()  # days (matplotlib date numbers)
    room = pd.Timedelta(days=0.03 * (hi - lo))
    for i, row in enumerate(rows.itertuples()):
        label = _trigger_label(row.kind, row.title)
        exact = row.date_start == row.date_end
        crowded_right = i + 1 < len(rows) and lefts[i + 1] - rights[i] < room
        free_left = i == 0 or lefts[i] - rights[i - 1] >= room
        on_left = crowded_right and free_left
        x = (row.date_start + pd.Timedelta(hours=12) if exact else row.date_start) if on_left else rights[i]
        top.annotate(
            label,
            (x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-2 if on_left else 2, -3),
            textcoords="offset points",
            rotation=90,
            ha="right" if on_left else "left",
            va="top",
            fontsize=8,
            color="#444444",
        )


def _trigger_label(kind: str, title: str) -> str:
    """A trigger's short label, from its kind and, for a launch, whether its title says it flew
    over Japan."""
    if kind == "nuclear_test":
        return "nuclear test"
    return "missile over Japan" if re.search(r"\b(?:over|across) Japan\b", title) else "missile launch"


def _marked_record(lane: Axes, recorded: pd.DataFrame, proposals: int) -> None:
    """The chronology's other launches and tests in a row above the ``proposals``, as every cited
    context fact is drawn: black, its kind's shape on its first day, a line over its days."""
    if recorded.empty:
        return
    for row in recorded.itertuples():
        draw_context(lane, -1, row.date_start, row.date_end, row.kind, gid=f"fact-{row.fact_id}")
    bottom, _ = lane.get_ylim()  # inverted: the proposals' last row is at the bottom
    lane.set_ylim(bottom, -1.8)
    ticks = [-1, (proposals - 1) / 2] if proposals else [-1]
    lane.set_yticks(ticks, ["On record", "Proposed"][: len(ticks)])
    lane.set_ylabel("")
    lane.tick_params(axis="y", length=0)


def _marked_proposals(lane: Axes, proposed: pd.DataFrame) -> None:
    """Each proposal as a status "proposed" (hollow, dotted outline, in the status colour) with the
    sanction proposal's shape, on the day an article reported it, with its item."""
    for y, row in enumerate(proposed.itertuples()):
        draw_event(
            lane, y, row.reported, row.reported, "proposed", "sanction_proposal", height=0.5,
            gid=f"measure-{row.measure_id}",
        )  # fmt: skip
        lane.annotate(
            f"{row.item} ({row.measure_type.replace('_', ' ')})",
            (row.reported + pd.Timedelta(hours=12), y),
            xytext=(9, 0),
            textcoords="offset points",
            va="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            fontsize=8,
        )
    lane.set_yticks([])
    lane.set_ylim(-0.8, max(len(proposed), 1) - 0.2)
    lane.invert_yaxis()
    lane.set_ylabel("Proposed", rotation=0, ha="right", va="center")
    lane.spines["left"].set_visible(False)
