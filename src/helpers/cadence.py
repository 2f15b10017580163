"""How often the two sides talked: contacts per pair of officials and the gaps between them.

A *contact* is an event of a contact kind (phone call, meeting, summit, talks,
visit). Its *pair* names the people who took part ("Kono – Lavrov"); where the
articles name no person, the states ("Japan – Russia"). Gaps between
successive contacts are ranges, because most contact dates are ranges.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from helpers.frames import isin, order, positions, side_by_side, sort_key
from helpers.load import Tables
from helpers.plotting import (
    MAX_MARKS,
    MODE_COLOURS,
    date_axis,
    describe_dates,
    draw_event,
    finish,
    legend_below,
    margins,
    status_handles,
    weekly_figure,
)
from helpers.views import CONTACT_KINDS


def _pair_labels(event: np.ndarray, count: int, actor_ids: pd.Series, actors: pd.DataFrame) -> pd.Series:
    """Per event 0..count-1: the surnames of the people taking part, sorted and joined by
    ' – ', or the states' names where no person is named (NA if neither). ``event`` numbers
    the event of each participant (-1: none of these) and ``actor_ids`` names its actor.

    Integer work throughout: per event the first and last name in sort order, so only events
    with three or more are joined in Python.
    """
    person = (actors["kind"] == "person").to_numpy()
    state = (actors["kind"] == "state").to_numpy()
    # Surnames are taken per actor, before the join multiplies the rows.
    names = actors["name"].where(~person, actors["name"].str.split().str[-1]).where(person | state)
    rank = sort_key(names)
    by_rank = np.empty(len(names) + 1, dtype=object)
    by_rank[rank] = names.to_numpy(dtype=object, na_value=None)
    actor = positions(actor_ids, actors["actor_id"])
    keep = (event >= 0) & (actor >= 0)
    keep[keep] = names.notna().to_numpy()[actor[keep]]
    event, actor = event[keep], actor[keep]
    # An event shows its states only if it names no person.
    has_person = np.zeros(count, dtype=bool)
    has_person[event[person[actor]]] = True
    shown = person[actor] == has_person[event]
    event, key = event[shown], rank[actor[shown]]
    size = np.bincount(event, minlength=count)
    low = np.full(count, len(names), dtype=np.int64)
    high = np.zeros(count, dtype=np.int64)
    np.minimum.at(low, event, key)
    np.maximum.at(high, event, key)
    width = len(names) + 1
    combos, uniques = pd.factorize((low * width + high) * 3 + np.minimum(size, 2))
    text = [
        None if n == 0 else by_rank[a] if n == 1 else f"{by_rank[a]} – {by_rank[b]}"
        for a, b, n in zip(uniques // 3 // width, uniques // 3 % width, uniques % 3, strict=True)
    ]
    labels = pd.Series(pd.array(text, dtype="str").take(combos))
    crowded = np.flatnonzero(size > 2)
    if len(crowded):
        rows = np.isin(event, crowded)
        lists = pd.Series(key[rows]).groupby(event[rows]).agg(sorted)
        labels.iloc[lists.index] = [" – ".join(by_rank[k] for k in ranks) for ranks in lists]
    return labels


def contacts(tables: Tables, actors: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per contact, with its pair, mode (phone or in person) and date range.

    ``actors`` keeps contacts in which at least one of them takes part;
    ``kinds`` keeps those kinds. Empty means no filter.
    """
    events = tables["events"]
    wanted = [k for k in (kinds or CONTACT_KINDS) if k in CONTACT_KINDS]
    keep = events["kind"].isin(wanted).to_numpy()
    participants = tables["participants"]
    if actors:
        involved = participants.loc[isin(participants["actor_id"], actors), "event_id"]
        keep = keep & isin(events["event_id"], involved).to_numpy()
    # One take of the wanted rows, already in date order; sorting them and joining the
    # participants to the events run side by side.
    rows, participant_event = side_by_side(
        [
            lambda: order(events, ["date_start", "date_end", "event_id"], keep),
            lambda: positions(participants["event_id"], events["event_id"]),
        ]
    )
    # Each event's row in the output (-1 if left out), for the participants' join to events.
    shown = np.full(len(events), -1)
    shown[rows] = np.arange(len(rows))
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "duration_min"]
    out = events[[*columns, "location"]].take(rows).reset_index(drop=True)
    out = out.assign(
        pair=_pair_labels(
            np.append(shown, -1)[participant_event],
            len(out),
            participants["actor_id"],
            tables["actors"],
        ),
        mode=pd.array(["in_person", "phone"], dtype="str").take((out["kind"] == "phone_call").to_numpy(int)),
    )
    return out[[*columns[:3], "mode", "status", "pair", *columns[4:], "location"]]


def realised_contacts(
    tables: Tables, actors: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Contacts that the context layer shows took place (outcome ``held``), with the same pair
    labels as ``contacts``; ``actors`` and ``kinds`` filter as there."""
    outcomes = tables["outcomes"]
    wanted = [k for k in (kinds or CONTACT_KINDS) if k in CONTACT_KINDS]
    held = outcomes.loc[(outcomes["outcome"] == "held") & outcomes["kind"].isin(wanted)]
    if actors:
        held = held.loc[held["actor_a"].isin(actors) | held["actor_b"].isin(actors)]
    parties = pd.concat(
        [
            held[["outcome_id", column]].set_axis(["event_id", "actor_id"], axis=1)
            for column in ("actor_a", "actor_b")
        ]
    ).dropna()
    out = held.assign(
        pair=_pair_labels(
            positions(parties["event_id"], held["outcome_id"]),
            len(held),
            parties["actor_id"],
            tables["actors"],
        ).to_numpy(),
        status="occurred",
    )
    columns = [
        "event_id",
        "title",
        "kind",
        "status",
        "pair",
        "date_start",
        "date_end",
        "location",
        "source_url",
    ]
    return out[columns].sort_values(["date_start", "event_id"]).reset_index(drop=True)


def gaps(contacts_frame: pd.DataFrame) -> pd.DataFrame:
    """Days between successive contacts of each pair, as a range.

    ``min_days`` is the shortest possible gap (next start minus previous end,
    never below 0) and ``max_days`` the longest (next end minus previous start).
    ``order_known`` is False where the two date ranges overlap, so the articles
    do not say which contact came first.
    """
    frame = contacts_frame.sort_values(["pair", "date_start", "date_end"])
    grouped = frame.groupby("pair")
    previous_start = grouped["date_start"].shift()
    previous_end = grouped["date_end"].shift()
    previous_id = grouped["event_id"].shift()
    result = frame.assign(
        after=previous_id,
        min_days=(frame["date_start"] - previous_end).dt.days.clip(lower=0),
        max_days=(frame["date_end"] - previous_start).dt.days,
        order_known=frame["date_start"] > previous_end,
    )
    result = result.loc[result["after"].notna()].astype({"min_days": "Int64", "max_days": "Int64"})
    columns = ["pair", "after", "event_id", "status", "min_days", "max_days", "order_known"]
    return result[columns].reset_index(drop=True)


def _headline(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No Japan–Russia contacts in this window"
    counts = frame["pair"].value_counts()
    busiest, n = counts.index[0], int(counts.iloc[0])
    held = int(((frame["pair"] == busiest) & (frame["status"] == "occurred")).sum())
    return f"{busiest} was the busiest channel: {n:,} of {len(frame):,} contacts, {held:,} of them held"


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


def alt_text(frame: pd.DataFrame, realised: pd.DataFrame | None = None) -> str:
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
        return "Empty timeline: no contacts match the parameters." + took_place
    items = []
    for row in frame.itertuples():
        when = describe_dates(row.date_start, row.date_end)
        items.append(f"{row.pair}, {row.kind.replace('_', ' ')} {row.status} {when}")
    return (
        f"Timeline of {len(frame)} Japan–Russia contacts, one row per pair of officials; "
        "exact days are markers, uncertain dates are bars spanning the possible days, "
        "planned or proposed contacts are hollow. " + "; ".join(items) + "." + took_place
    )


KIND_LABELS = {
    "phone_call": "call",
    "meeting": "meeting",
    "summit": "summit",
    "talks": "talks",
    "visit": "visit",
}


def timeline(
    frame: pd.DataFrame,
    start: pd.Timestamp,
    end: pd.Timestamp,
    source: str,
    realised: pd.DataFrame | None = None,
) -> Figure:
    """Contacts per pair over time: phone vs in person by colour and shape, planned hollow,
    uncertain dates as ranges (a bar over every possible day), exact days as markers.
    ``realised`` (from ``realised_contacts``) adds, as black stars on the same rows, the
    days the context layer shows contacts took place. Above ``MAX_MARKS`` contacts it draws
    weekly counts per pair instead."""
    if len(frame) > MAX_MARKS:
        return weekly_figure(
            frame,
            "pair",
            start,
            end,
            "Contacts per week",
            _headline(frame),
            f"Contacts per week, busiest pairs first ({len(frame):,}: too many to draw one by one).",
            source,
        )
    realised = realised if realised is not None else pd.DataFrame(columns=["event_id", "pair"])
    pairs = list(dict.fromkeys([*frame.sort_values("date_start")["pair"], *realised["pair"]]))
    lane = lanes(frame)
    # Sub-rows below each pair's first (0 for a pair only the context layer has).
    depth = lane.groupby(frame["pair"]).max().reindex(pairs, fill_value=0)
    rows: dict[str, float] = {}
    position = 0.0
    for pair in pairs:
        rows[pair] = position
        position += 0.45 * (depth[pair] + 1) + 0.5
    fig, ax = plt.subplots(figsize=(10, 2.6 + 0.55 * max(position, 1)))
    margins(fig, left=0.17, bottom_in=1.5)
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
    ax.set_yticks([rows[p] + 0.225 * depth[p] for p in pairs], pairs)
    ax.set_ylim(-0.5, max(position - 0.2, 0.5))
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)
    date_axis(ax, start, end)
    handles = status_handles(
        [
            ("o", MODE_COLOURS["phone"], "Phone call, exact day"),
            ("s", MODE_COLOURS["in_person"], "In person, exact day"),
        ],
        held_colour=MODE_COLOURS["in_person"],
        plan_colour=MODE_COLOURS["in_person"],
    )
    if not realised.empty:
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                color="black",
                markersize=12,
                linestyle="none",
                label="Took place (context layer, cited)",
            )
        )
    legend_below(fig, handles, ncol=5 if realised.empty else 4)
    finish(
        fig,
        _headline(frame),
        "Japan–Russia contacts by pair of officials. A bar spans every day on which a contact may have "
        "taken place; the articles give no exact day for it.",
        source,
    )
    return fig
