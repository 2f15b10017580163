"""How often the two sides talked: contacts per pair of officials and the gaps between them.

A *contact* is an event of a contact kind (phone call, meeting, summit, talks,
visit). Its *pair* names the people who took part ("Kono – Lavrov"); where the
articles name no person, the states ("Japan – Russia"). Gaps between
successive contacts are ranges, because most contact dates are ranges.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data.problems import Tables
from helpers.fast import isin, joined_per_group, order, positions, side_by_side, sort_key

CONTACT_KINDS = ("phone_call", "meeting", "summit", "talks", "visit")


def pair_labels(event: np.ndarray, count: int, actor_ids: pd.Series, actors: pd.DataFrame) -> pd.Series:
    """Per event 0..count-1: the surnames of the people taking part, sorted and joined by
    ' – ', or the states' names where no person is named (NA if neither). ``event`` numbers
    the event of each participant (-1: none of these) and ``actor_ids`` names its actor."""
    person = (actors["kind"] == "person").to_numpy()
    state = (actors["kind"] == "state").to_numpy()
    # Surnames are taken per actor, before the join multiplies the rows.
    names = actors["name"].where(~person, actors["name"].str.split().str[-1]).where(person | state)
    actor = positions(actor_ids, actors["actor_id"])
    named = (event >= 0) & (actor >= 0)
    named[named] = names.notna().to_numpy()[actor[named]]
    event, actor = event[named], actor[named]
    # An event shows its states only if it names no person.
    has_person = np.zeros(count, dtype=bool)
    has_person[event[person[actor]]] = True
    shown = person[actor] == has_person[event]
    rank = sort_key(names)
    words = np.empty(len(names) + 1, dtype=object)
    words[rank] = names.to_numpy(dtype=object, na_value=None)
    return joined_per_group(event[shown], rank[actor[shown]], words, count, " – ")


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
        ],
        len(participants),
    )
    # Each event's row in the output (-1 if left out), for the participants' join to events.
    shown = np.full(len(events), -1)
    shown[rows] = np.arange(len(rows))
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "duration_min"]
    out = events[[*columns, "location"]].take(rows).reset_index(drop=True)
    out = out.assign(
        pair=pair_labels(
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
    labels as ``contacts``; ``actors`` and ``kinds`` filter as there.

    ``realises`` is the article's event the contact realises (NA: no article in these tables
    reports it) and ``realises_title`` its title, so that a chart draws each on its own event."""
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
    titles = tables["events"].set_index("event_id")["title"]
    out = held.assign(
        pair=pair_labels(
            positions(parties["event_id"], held["outcome_id"]),
            len(held),
            parties["actor_id"],
            tables["actors"],
        ).to_numpy(),
        status="occurred",
        realises=held["event_id"].where(held["event_id"].isin(titles.index)),
        realises_title=held["event_id"].map(titles),
    )
    columns = [
        "outcome_id",
        "title",
        "kind",
        "status",
        "pair",
        "date_start",
        "date_end",
        "location",
        "realises",
        "realises_title",
        "source_url",
    ]
    return out[columns].sort_values(["date_start", "outcome_id"]).reset_index(drop=True)


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
