"""Which article first reported each event (the announcement of a plan, say)."""

from __future__ import annotations

import numpy as np

from helpers.data.derive import mention_sources
from helpers.data.problems import Tables
from helpers.fast import first_of_earliest, positions


def first_reports(tables: Tables, statuses: tuple[str, ...] = ()) -> np.ndarray:
    """Per row of ``events``, the row in ``sources`` of the first article that mentions the event
    (reporting it with one of ``statuses``, if given): the earliest published, the file's order
    among mentions of one day; -1 if there is none."""
    events, mentions = tables["events"], tables["mentions"]
    event = positions(mentions["event_id"], events["event_id"])
    if statuses:
        event = np.where(mentions["reported_status"].isin(statuses).to_numpy(), event, -1)
    source, published = mention_sources(mentions, tables["sources"])
    return np.append(source, -1)[first_of_earliest(event, len(events), published)]
