"""The world as known on a date.

``as_of_view`` keeps only the articles published on or before ``as_of`` and
re-derives each event from what those articles said: its status is what the
latest of them reported, and its dates are what their date expressions allow.
An event whose date only a later article gives is left undated (NaT) rather
than dated with knowledge from the future. The context layer keeps only the facts dated by
``as_of`` (``helpers.views.context``).
"""

from __future__ import annotations

import pandas as pd

from helpers.data.dates import precision_series
from helpers.data.derive import event_intervals, latest_statuses, mention_intervals
from helpers.data.frames import among
from helpers.data.problems import Tables
from helpers.views.context import context_as_of


def as_of_view(tables: Tables, as_of: pd.Timestamp | None) -> Tables:
    """The tables as an analyst could have known them on ``as_of`` (all of them if None)."""
    if as_of is None:
        return dict(tables)
    sources = tables["sources"].loc[tables["sources"]["published"] <= as_of]
    known = statements_known(tables, sources)
    events = events_known(tables, known["mentions"], sources)
    participants = tables["participants"]
    out = {
        **tables,
        **known,
        "events": events,
        "participants": participants.loc[among(participants["event_id"], events["event_id"])],
        **context_as_of(tables, as_of),
    }
    return {name: frame.reset_index(drop=True) for name, frame in out.items()}


def statements_known(tables: Tables, sources: pd.DataFrame) -> Tables:
    """Every table of statements an article makes (mentions, measures, figures, relations,
    former roles...), kept to the articles in ``sources``; actors stay, as the names the rows
    refer to."""
    said = [name for name, frame in tables.items() if "source_id" in frame and name != "actors"]
    known = {name: tables[name].loc[among(tables[name]["source_id"], sources["source_id"])] for name in said}
    return {**known, "sources": sources}


def events_known(tables: Tables, mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The events the known ``mentions`` report, each with the status the latest known article
    gives it. An event known in full keeps its curated dates (an ``ends_by`` may have narrowed
    them); one that later articles also mention is dated from the known mentions alone."""
    events = tables["events"]
    later = tables["mentions"].loc[~among(tables["mentions"]["source_id"], sources["source_id"])]
    partly_known = among(events["event_id"], later["event_id"])
    bounds = event_intervals(mentions, mention_intervals(mentions, sources)).reindex(events["event_id"])
    start = events["date_start"].where(~partly_known, bounds["start"].to_numpy())
    end = events["date_end"].where(~partly_known, bounds["end"].to_numpy())
    # A status joined from a self-contradicting article ("occurred/planned") is no category: NA.
    status = latest_statuses(mentions, sources)["status"].reindex(events["event_id"])
    status = status.where(status.isin(events["status"].cat.categories)).to_numpy()
    known = events.assign(
        status=pd.Categorical(status, categories=events["status"].cat.categories),
        date_start=start,
        date_end=end,
        precision=pd.Categorical(
            precision_series(start, end).where(start.notna() | end.notna()),
            categories=events["precision"].cat.categories,
        ),
    )
    return known.loc[among(events["event_id"], mentions["event_id"])]
