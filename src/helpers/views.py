"""The world as known on a date, and the slices of it a notebook asks for.

``as_of_view`` keeps only the articles published on or before ``as_of`` and
re-derives each event from what those articles said: its status is what the
latest of them reported, and its dates are what their date expressions allow.
An event whose date only a later article gives is left undated (NaT) rather
than dated with knowledge from the future.
"""

from __future__ import annotations

import pandas as pd

from helpers.dates import precision_series, resolve_series
from helpers.frames import isin, lookup
from helpers.load import Tables

CONTACT_KINDS = ("phone_call", "meeting", "summit", "talks", "visit")


def latest_reports(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per event, the reported statuses in the latest article that mentions it.

    Returns ``event_id``, ``source_id`` of that article and ``reported_status``
    (several statuses joined by '/' if that article contradicts itself).
    """
    published = pd.to_datetime(lookup(mentions["source_id"], sources.set_index("source_id")["published"]))
    latest = published == published.groupby(mentions["event_id"]).transform("max")
    last = (
        mentions.loc[latest, ["event_id", "source_id", "reported_status"]]
        .astype(str)
        .drop_duplicates(["event_id", "reported_status"])
        .sort_values(["event_id", "reported_status"])
    )
    out = last.groupby("event_id").agg(
        source_id=("source_id", "first"),
        reported_status=("reported_status", "first"),
        statuses=("reported_status", "size"),
    )
    # Only the rare contradicting events need their statuses joined in Python.
    mixed = out.index[out["statuses"] > 1]
    if len(mixed):
        joined = last.loc[isin(last["event_id"], mixed)].groupby("event_id")["reported_status"].agg("/".join)
        out.loc[mixed, "reported_status"] = joined
    return out.drop(columns="statuses").reset_index()


def mention_intervals(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each mention's ``date_text`` resolved against its article's date (NaT where none)."""
    published = lookup(mentions["source_id"], sources.set_index("source_id")["published"])
    return resolve_series(mentions["date_text"], published)


def as_of_view(tables: Tables, as_of: pd.Timestamp | None) -> Tables:
    """The tables as an analyst could have known them on ``as_of`` (all of them if None)."""
    if as_of is None:
        return dict(tables)
    sources = tables["sources"].loc[tables["sources"]["published"] <= as_of]
    visible = isin(tables["mentions"]["source_id"], sources["source_id"])
    mentions = tables["mentions"].loc[visible]
    events = tables["events"].loc[isin(tables["events"]["event_id"], mentions["event_id"])]

    status = latest_reports(mentions, sources).set_index("event_id")["reported_status"]
    hidden_events = tables["mentions"].loc[~visible, "event_id"]
    intervals = mention_intervals(mentions, sources).assign(event_id=mentions["event_id"])
    known = (
        intervals.dropna(subset=["start"]).groupby("event_id").agg(start=("start", "max"), end=("end", "min"))
    )
    partial = isin(events["event_id"], hidden_events)
    start = events["date_start"].where(~partial, events["event_id"].map(known["start"]))
    end = events["date_end"].where(~partial, events["event_id"].map(known["end"]))
    events = events.assign(
        status=pd.Categorical(events["event_id"].map(status), categories=events["status"].cat.categories),
        date_start=start,
        date_end=end,
        precision=pd.Categorical(
            precision_series(start, end).where(start.notna()),
            categories=events["precision"].cat.categories,
        ),
    )
    keep = events["event_id"]
    out = dict(tables)
    out.update(
        sources=sources,
        mentions=mentions,
        events=events,
        participants=tables["participants"].loc[isin(tables["participants"]["event_id"], keep)],
    )
    for name in ("sanctions", "figures"):
        out[name] = tables[name].loc[isin(tables[name]["source_id"], sources["source_id"])]
    return {name: frame.reset_index(drop=True) for name, frame in out.items()}


def in_window(
    events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, include_planned: bool
) -> pd.DataFrame:
    """Events whose interval overlaps ``[start, end]``; only occurred ones unless ``include_planned``.

    Undated events (NaT, see ``as_of_view``) are left out: a chart cannot place them.
    """
    overlaps = (events["date_start"] <= end) & (events["date_end"] >= start)
    if not include_planned:
        overlaps &= events["status"] == "occurred"
    return events.loc[overlaps].reset_index(drop=True)
