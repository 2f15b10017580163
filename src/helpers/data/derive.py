"""What the mentions say about each event: its status and its dates.

An event's status is what the latest article that mentions it reports; its interval is
what the date expressions of its mentions allow together, its end cut where another
statement of the same article says it is to be over (``events.ends_by``). The loader checks that
``events.csv`` agrees with these rules (``helpers.data.rules``), and the as-of view
applies them again to the articles known on a date (``helpers.views``).

Each function takes and returns DataFrames keyed by ``event_id``.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.dates import resolve_series
from helpers.data.frames import joined_sorted


def with_published(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The mentions of known articles, in file order, each with its article's ``published``."""
    return mentions.merge(sources[["source_id", "published"]], on="source_id", how="inner")


def latest_statuses(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per event with a mention in a known article: ``status``, what the latest such article
    reports (its statuses sorted and joined by '/' where it contradicts itself), and
    ``source_id``, that article (the first in file order that reports the first status)."""
    said = with_published(mentions, sources)
    latest = said.loc[said["published"] == said.groupby("event_id")["published"].transform("max")]
    latest = latest.assign(status=latest["reported_status"].astype("str"))
    first_status = latest.groupby("event_id")["status"].transform("min")
    pairs = latest[["event_id", "status"]].drop_duplicates()
    return pd.DataFrame(
        {
            "status": joined_sorted(pairs["status"], pairs["event_id"], "/"),
            "source_id": latest.loc[latest["status"] == first_status]
            .groupby("event_id")["source_id"]
            .first(),
        }
    ).astype("str")


def mention_intervals(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each mention's ``date_text`` resolved against its article's date (``resolve_series``:
    ``start``, ``end``, ``resolved``, ``error``; NaT where there is no article or no date)."""
    published = sources.set_index("source_id")["published"].reindex(mentions["source_id"])
    return resolve_series(mentions["date_text"], published.set_axis(mentions.index))


def event_intervals(mentions: pd.DataFrame, resolved: pd.DataFrame) -> pd.DataFrame:
    """Per event with a dated mention, the interval its dated mentions allow together
    (``resolved``: each mention's interval, from ``mention_intervals``): the latest ``start``
    and the earliest ``end``. A side that every dated mention leaves open stays open (NaT):
    ``max`` and ``min`` skip NaT."""
    dated = resolved.loc[resolved["resolved"], ["start", "end"]]
    by_event = dated.groupby(mentions["event_id"].to_numpy()[resolved["resolved"].to_numpy()])
    return pd.DataFrame({"start": by_event["start"].max(), "end": by_event["end"].min()})


def ends_by_bounds(ends_by: pd.Series, mentions: pd.DataFrame, resolved: pd.DataFrame) -> pd.Series:
    """Per event (``ends_by``: the ``events.ends_by`` column, '' or NA where none), the last day of
    the interval that the named mention's date words resolve to (``resolved``: each mention's
    interval, from ``mention_intervals``); NaT where the event names no mention, or the mention
    is unknown, undated or open-ended.

    ``ends_by`` is how another statement of the same article narrows an event's interval: "held
    in the near future so the results can be presented at talks ... in November" leaves the
    meetings' own end open, and the talks' "November" ends it."""
    last_day = resolved["end"].set_axis(mentions["mention_id"])
    found = last_day.loc[~last_day.index.duplicated()].reindex(ends_by.fillna(""))
    return pd.Series(found.to_numpy(), index=ends_by.index, dtype="datetime64[us]")


def cut_ends(end: pd.Series, bound: pd.Series) -> pd.Series:
    """Each interval's end (NaT: open) cut at ``bound`` (NaT: no bound): the earlier of the two."""
    return pd.concat([end, bound], axis=1).min(axis=1).astype("datetime64[us]")
