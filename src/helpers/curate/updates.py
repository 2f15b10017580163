"""What a new sentence may add to the data: the events it may update, and the next free ids.

A new article mostly retells or updates events the data has ("the talks at APEC", planned in one
article, held in the next). The curator should add mentions to that event rather than a second
row for it; ``updated_events`` offers it where the sentence names every participant of an event
and its date words overlap the event's interval.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count

import pandas as pd

from helpers.data.problems import Tables
from helpers.views.window import overlaps


def next_free(ids: pd.Series, prefix: str) -> Iterator[str]:
    """Ids after the largest of ``ids`` (``prefix`` and a number, as ``m42``), one after another:
    a gap left by a deleted row is never filled, so an id is never given to two facts over time."""
    numbers = ids.astype("str").str.removeprefix(prefix)
    largest = int(pd.to_numeric(numbers, errors="coerce").max()) if len(ids) else 0
    return (f"{prefix}{n}" for n in count(largest + 1))


def updated_events(tables: Tables, actors: str, start: str, end: str) -> str:
    """'updates' and the events (';'-joined) whose participants the sentence names all of
    (``actors``: its actor ids, ';'-joined) and whose interval overlaps ``start``-``end`` (ISO days,
    '..' or '' an open bound); '' where none does."""
    named = set(filter(None, actors.split(";")))
    if not named or not (start or end):
        return ""
    participants = tables["participants"].groupby("event_id")["actor_id"].agg(set)
    named_all = participants.map(lambda ids: ids <= named)
    events = tables["events"].set_index("event_id")
    candidates = events.loc[events.index.isin(named_all[named_all].index)]
    first, last = (pd.Timestamp(day) if day not in ("", "..") else pd.NaT for day in (start, end))
    lo = first if pd.notna(first) else pd.Timestamp.min
    hi = last if pd.notna(last) else pd.Timestamp.max
    hits = candidates.index[overlaps(candidates["date_start"], candidates["date_end"], lo, hi)]
    return "updates " + ";".join(hits) if len(hits) else ""
