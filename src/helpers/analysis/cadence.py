"""How often the two sides talked: contacts per pair of officials and the gaps between them.

A *contact* is an event of a contact kind (phone call, meeting, summit, talks,
visit). Its *pair* names the people who took part ("Kono – Lavrov"); where the
articles name no person, the states ("Japan – Russia"). Gaps between
successive contacts are ranges, because most contact dates are ranges. The
articles' contacts come from ``events``; the cited chronology's, every contact of
2017 that a public source dates, from the context layer.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import among, joined_sorted
from helpers.data.problems import Tables

CONTACT_KINDS = ("phone_call", "meeting", "summit", "talks", "visit")


def pair_labels(participants: pd.DataFrame, actors: pd.DataFrame) -> pd.Series:
    """Per ``event_id`` of ``participants``: the surnames of the people taking part, sorted and
    joined by ' – ', or the states' names where the event names no person."""
    named = participants[["event_id", "actor_id"]].merge(actors[["actor_id", "kind", "name"]], on="actor_id")
    named = named.loc[named["kind"].isin(["person", "state"])]
    is_person = named["kind"] == "person"
    # An event shows its states only if it names no person.
    shown = is_person == among(named["event_id"], named.loc[is_person, "event_id"])
    label = named["name"].where(~is_person, named["name"].str.split().str[-1])
    return joined_sorted(label.loc[shown], named.loc[shown, "event_id"], " – ")


def fact_pairs(facts: pd.DataFrame, tables: Tables) -> pd.Series:
    """The pair label of each fact of the chronology (``actor_a``, ``actor_b``), as ``pair_labels``
    gives an event's: its people come from the articles' actors or from the context layer's."""
    columns = ("actor_a", "actor_b")
    parties = pd.concat([facts[["fact_id", c]].set_axis(["event_id", "actor_id"], axis=1) for c in columns])
    people = pd.concat([tables["actors"], tables["people"].assign(kind="person")])
    pairs = pair_labels(parties.dropna(), people[["actor_id", "kind", "name"]])
    return facts["fact_id"].map(pairs).astype("str")


# A contact by telephone, or in person (every other contact kind).
MODES = {True: "phone", False: "in_person"}


def contacts(tables: Tables, actors: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per contact, in date order, with its pair, mode (phone or in person) and dates.

    ``actors`` keeps contacts in which at least one of them takes part;
    ``kinds`` keeps those kinds. Empty means no filter.
    """
    events, participants = tables["events"], tables["participants"]
    wanted = [k for k in (kinds or CONTACT_KINDS) if k in CONTACT_KINDS]
    keep = events["kind"].isin(wanted)
    if actors:
        keep &= among(events["event_id"], participants.loc[participants["actor_id"].isin(actors), "event_id"])
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "duration_min"]
    out = events.loc[keep, [*columns, "location"]].sort_values(["date_start", "date_end", "event_id"])
    out = out.reset_index(drop=True).assign(
        pair=lambda frame: frame["event_id"].map(pair_labels(participants, tables["actors"])).astype("str"),
        mode=lambda frame: frame["kind"].eq("phone_call").map(MODES).astype("str"),
    )
    return out[[*columns[:3], "mode", "status", "pair", *columns[4:], "location"]]


def realised_contacts(
    tables: Tables, actors: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The contacts the cited chronology records as having taken place
    (``context/chronology.csv``), with the same pair labels as ``contacts``; ``actors`` and
    ``kinds`` filter as there.

    ``realises`` is the article's event the contact realises (NA: no article in these tables
    reports it) and ``realises_title`` its title, so that a chart draws each on its own event."""
    facts = tables["chronology"]
    wanted = [k for k in (kinds or CONTACT_KINDS) if k in CONTACT_KINDS]
    held = facts.loc[facts["kind"].isin(wanted)]
    if actors:
        held = held.loc[held["actor_a"].isin(actors) | held["actor_b"].isin(actors)]
    titles = tables["events"].set_index("event_id")["title"]
    out = held.assign(
        pair=fact_pairs(held, tables),
        status="occurred",
        realises=held["event_id"].where(among(held["event_id"], tables["events"]["event_id"])),
        realises_title=held["event_id"].map(titles),
    )
    columns = ["fact_id", "title", "kind", "status", "pair", "date_start", "date_end", "location"]
    columns += ["realises", "realises_title", "source_url"]
    return out[columns].sort_values(["date_start", "fact_id"]).reset_index(drop=True)


def gaps(contacts_frame: pd.DataFrame, key: str = "event_id") -> pd.DataFrame:
    """Days between successive contacts of each pair, as a range; each contact named by its
    ``key`` (``fact_id`` for the chronology's).

    ``min_days`` is the shortest possible gap (next start minus previous end,
    never below 0) and ``max_days`` the longest (next end minus previous start).
    ``order_known`` is False where the two date ranges overlap, so the articles
    do not say which contact came first.
    """
    frame = contacts_frame.sort_values(["pair", "date_start", "date_end"])
    grouped = frame.groupby("pair")
    previous_start = grouped["date_start"].shift()
    previous_end = grouped["date_end"].shift()
    previous_id = grouped[key].shift()
    result = frame.assign(
        after=previous_id,
        min_days=(frame["date_start"] - previous_end).dt.days.clip(lower=0),
        max_days=(frame["date_end"] - previous_start).dt.days,
        order_known=frame["date_start"] > previous_end,
    )
    result = result.loc[result["after"].notna()].astype({"min_days": "Int64", "max_days": "Int64"})
    columns = ["pair", "after", key, "status", "min_days", "max_days", "order_known"]
    return result[columns].reset_index(drop=True)
