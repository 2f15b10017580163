"""The contact timeline: one row per pair of officials, each contact over its possible days."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.charts.style import (
    context_handle,
    date_axis,
    draw_context,
    draw_event,
    finish,
    kind_handles,
    label_empty,
    legend_below,
    margins,
    status_handles,
)
from helpers.charts.words import describe_dates

KIND_LABELS = {
    "phone_call": "call",
    "meeting": "meeting",
    "summit": "summit",
    "talks": "talks",
    "visit": "visit",
}


EMPTY = "No Japan–Russia contacts in this window"


def _channels(frame: pd.DataFrame, noun: str) -> tuple[str, str | None]:
    """The busiest channel of ``frame`` and its share in words, and its pair; or the channels
    tied for it, and no pair. Only a strictly busiest channel is called the busiest."""
    counts = frame["pair"].value_counts()
    n, total = int(counts.iloc[0]), len(frame)
    tied = sorted(counts.index[counts == n])
    if len(tied) > 3:
        return f"No busiest channel: {len(tied):,} pairs tied with {n:,} of {total:,} {noun} each", None
    if len(tied) > 1:
        names = ", ".join(tied[:-1]) + " and " + tied[-1]
        return f"{names} tied as the busiest channels: {n:,} of {total:,} {noun} each", None
    return f"{tied[0]} was the busiest channel: {n:,} of {total:,} {noun}", tied[0]


def headline(frame: pd.DataFrame, empty: str = EMPTY, record: pd.DataFrame | None = None) -> str:
    """The busiest channel and its share, or the channels tied for it: on the cited record
    (``record``, the chronology's contacts) when it has any, with how many the articles report;
    else among the articles' contacts; ``empty`` when there is no contact to draw."""
    if record is not None and not record.empty:
        said, _ = _channels(record, "contacts on record")
        return f"{said}; the articles report {len(frame):,}"
    if frame.empty:
        return empty
    said, busiest = _channels(frame, "contacts")
    if busiest is None:
        return said
    held = int(((frame["pair"] == busiest) & (frame["status"] == "occurred")).sum())
    return f"{said}, {held:,} of them held"


def alt_text(frame: pd.DataFrame, realised: pd.DataFrame | None = None, empty: str = EMPTY) -> str:
    """Describe the timeline in words, contact by contact."""
    took_place = ""
    if realised is not None and not realised.empty:
        took_place = (
            " Black marks, shaped by kind, show when contacts took place according to the cited "
            "context layer: "
            + "; ".join(_context_words(r, set(frame["event_id"])) for r in realised.itertuples())
            + "."
        )
    if frame.empty:
        return f"Empty timeline: {empty}." + took_place
    items = []
    for row in frame.itertuples():
        when = describe_dates(row.date_start, row.date_end)
        items.append(f"{row.pair}, {row.kind.replace('_', ' ')} {row.status} {when}")
    return (
        f"Timeline of {len(frame)} Japan–Russia contacts the articles report, one row per pair of "
        "officials; exact days are markers shaped by kind, uncertain dates are bars spanning the "
        "possible days, planned contacts are hollow and proposed ones dotted. "
        + "; ".join(items)
        + "."
        + took_place
    )


def _context_words(row: object, drawn: set[str]) -> str:
    """One context mark in words, with the article's event it stands on, or that it has none."""
    on = (
        f"on the bar of '{row.realises_title}'"
        if row.realises in drawn
        else "not reported by the articles, on a row of its own"
        if pd.isna(row.realises)
        else f"realising '{row.realises_title}', which is not drawn, on a row of its own"
    )
    return f"{row.pair}, {row.kind.replace('_', ' ')} {describe_dates(row.date_start, row.date_end)}, {on}"


def timeline(
    frame: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    realised: pd.DataFrame | None = None,
    empty: str = EMPTY,
) -> Figure:
    """Contacts per pair over time: status as filled, hollow or dotted, kind as shape, uncertain
    dates as ranges (a bar over every possible day), exact days as markers. ``realised`` (from
    ``analysis.cadence.realised_contacts``) adds, in black and shaped by kind, the days the
    context layer shows contacts took place: each on the bar of the article's event it realises,
    or on a labelled row of its own. With none, a labelled empty frame titled ``empty``."""
    marks = _marks(frame, realised)
    # About 5.5 px a character at 8 pt, on axes about 790 px wide.
    lane = lanes(marks, day_per_char=5.5 * ((end - start).days + 1) / 790)
    rows, depth, height = _pair_rows(marks, lane)
    fig, ax = plt.subplots(figsize=(10, 2.6 + 0.55 * max(height, 1)))
    margins(fig, left=0.17, bottom_in=1.5)
    ys = pd.Series([rows[p] for p in marks["pair"]], index=marks.index) + 0.45 * lane
    # Several cited facts on one bar (a visit and the talks during it): staggered, inside the bar.
    stagger = marks.groupby("on").cumcount().where(marks["on"].notna(), 0) % 3
    ys += stagger.map({0: 0.0, 1: 0.1, 2: -0.1})
    _draw_marks(ax, marks, ys, end)
    ax.set_yticks([rows[p] + 0.225 * depth[p] for p in rows], list(rows))
    ax.set_ylim(-0.5, max(height - 0.2, 0.5))
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    date_axis(ax, start, end)
    if marks.empty:
        label_empty(ax)
    legend_below(fig, _handles(marks), ncol=4)
    finish(
        fig,
        headline(frame, empty, realised),
        "Contacts the articles report, by pair of officials; a bar spans the days a contact may have "
        "taken place. Black: when it did (cited sources).",
        source,
    )
    return fig


def _marks(frame: pd.DataFrame, realised: pd.DataFrame | None) -> pd.DataFrame:
    """Every mark to draw: the articles' contacts, then the context contacts, each with ``on``,
    the article event whose bar it stands on (NA: a row of its own), and ``context``."""
    own = frame.assign(on=pd.NA, context=False, fact_id=pd.NA, label=frame["kind"].map(KIND_LABELS))
    if realised is None or realised.empty:
        return own.reset_index(drop=True)
    drawn = set(frame["event_id"])
    cited = realised.assign(
        event_id=realised["fact_id"],
        on=realised["realises"].where(realised["realises"].isin(drawn)),
        context=True,
        label=realised["kind"].map(KIND_LABELS) + " (not in the articles)",
    )
    columns = [
        "event_id",
        "kind",
        "status",
        "pair",
        "date_start",
        "date_end",
        "on",
        "context",
        "fact_id",
        "label",
    ]
    return pd.concat([own[columns], cited[columns]], ignore_index=True)


def lanes(frame: pd.DataFrame, day_per_char: float = 0.5) -> pd.Series:
    """Sub-row of each mark within its pair, so that neither overlapping date ranges nor the
    label after each one (``label``, about ``day_per_char`` days a character) hide each other.
    A context mark that stands on an article's event (``on``) shares that event's sub-row."""
    lane = pd.Series(0, index=frame.index, dtype="int64")
    standing = frame["on"].notna() if "on" in frame else pd.Series(False, index=frame.index)
    labels = frame["label"] if "label" in frame else frame["kind"].map(KIND_LABELS)
    # The label, and about four characters more for its offset and the next marker.
    reach = frame["date_end"] + pd.to_timedelta(day_per_char * (labels.str.len() + 4), unit="D")
    for _, group in frame.loc[~standing].sort_values(["date_start", "date_end"]).groupby("pair", sort=False):
        ends: list[pd.Timestamp] = []
        for index, start in zip(group.index, group["date_start"], strict=True):
            free = next((i for i, last in enumerate(ends) if last < start), None)
            if free is None:
                ends.append(reach[index])
                free = len(ends) - 1
            else:
                ends[free] = reach[index]
            lane[index] = free
    if standing.any():
        lane_of = pd.Series(lane.to_numpy(), index=frame["event_id"].to_numpy())
        lane[standing] = frame.loc[standing, "on"].map(lane_of).to_numpy()
    return lane


def _pair_rows(marks: pd.DataFrame, lane: pd.Series) -> tuple[dict[str, float], pd.Series, float]:
    """Where each pair's first sub-row sits (pairs in order of their first mark: the articles'
    contacts first, then the pairs only the context layer has), how many sub-rows below it each
    has, and the height."""
    ordered = marks.sort_values(["context", "date_start"], kind="stable")
    pairs = list(dict.fromkeys(ordered["pair"]))
    depth = lane.groupby(marks["pair"]).max().reindex(pairs, fill_value=0)
    rows: dict[str, float] = {}
    position = 0.0
    for pair in pairs:
        rows[pair] = position
        position += 0.45 * (depth[pair] + 1) + 0.5
    return rows, depth, position


def _draw_marks(ax: Axes, marks: pd.DataFrame, ys: pd.Series, end: pd.Timestamp) -> None:
    """Each article contact on its sub-row, labelled with its kind; each context contact in
    black on its event's bar, or on its own sub-row labelled as not in the articles."""
    for row, y in zip(marks.itertuples(), ys, strict=True):
        if row.context:
            draw_context(ax, y, row.date_start, row.date_end, row.kind, gid=f"fact-{row.fact_id}")
            if pd.notna(row.on):
                continue
        else:
            draw_event(
                ax,
                y,
                row.date_start,
                row.date_end,
                row.status,
                row.kind,
                height=0.3,
                gid=f"event-{row.event_id}",
            )
        _label(ax, row, y, row.label, end)


def _label(ax: Axes, row: object, y: float, label: str, end: pd.Timestamp) -> None:
    """The mark's label after it, or before it where it would run off the window's end; set off
    from the mark in points, so that it clears the marker at any scale of the date axis."""
    exact = row.date_start == row.date_end
    after = row.date_start + pd.Timedelta(hours=12) if exact else row.date_end + pd.Timedelta(days=1)
    x, align, shift = after, "left", 8 if exact else 4
    if pd.isna(after) or after > end - pd.Timedelta(days=10):
        x, align, shift = row.date_start + (pd.Timedelta(hours=12) if exact else pd.Timedelta(0)), "right", -8
    ax.annotate(
        label, (x, y), xytext=(shift, 0), textcoords="offset points", va="center", ha=align, fontsize=8,
        color="#333333",
    )  # fmt: skip


def _handles(marks: pd.DataFrame) -> list:
    """Kinds by shape (those drawn), statuses, and the context mark when there is one."""
    own = marks.loc[~marks["context"]]
    handles = kind_handles(list(marks.sort_values("kind")["kind"])) + status_handles()
    if marks["context"].any():
        handles.append(context_handle("Took place: cited context fact (shape: its kind)"))
    return handles if not own.empty or marks["context"].any() else status_handles()
