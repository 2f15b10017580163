"""What the mentions say about each event: its status and its dates.

An event's status is what the latest article that mentions it reports; its interval is
what the date expressions of its mentions allow together, its end cut where another
statement of the same article says it is to be over (``events.ends_by``). The loader checks that
``events.csv`` agrees with these rules (``helpers.data.rules``), and the as-of view
applies them again to the articles known on a date (``helpers.views``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data.dates import resolve_series
from helpers.fast import codes, group_first, group_max, group_min, iso_dates, positions, take

_EARLIEST, _LATEST = np.iinfo(np.int64).min, np.iinfo(np.int64).max


def publication_days(published: pd.Series) -> np.ndarray:
    """Publication dates as integers that order as the dates do (strings are parsed first)."""
    if pd.api.types.is_string_dtype(published.dtype):
        published = iso_dates(published)
    return published.astype("datetime64[us]").to_numpy().view(np.int64)


def mention_sources(mentions: pd.DataFrame, sources: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each mention's article: its row in ``sources`` (-1 if none) and its publication day as
    an integer (``publication_days``; the largest int64 where the article is unknown)."""
    source = positions(mentions["source_id"], sources["source_id"])
    published = np.append(publication_days(sources["published"]), _LATEST)[source]
    return source, published


def _status_codes(statuses: pd.Series) -> tuple[np.ndarray, int, pd.Series]:
    """Status codes numbered in alphabetical order, how many there are, and the status of each."""
    if isinstance(statuses.dtype, pd.CategoricalDtype):
        names = statuses.cat.categories.astype("str")
        alphabetical = np.argsort(np.argsort(names.to_numpy()))
        return alphabetical[statuses.cat.codes.to_numpy()], len(names), pd.Series(np.sort(names), dtype="str")
    status, kinds = codes(statuses.astype("str"))
    return status, kinds, take(statuses.astype("str"), group_first(status, kinds))


def latest_statuses(
    mentions: pd.DataFrame, sources: pd.DataFrame, groups: np.ndarray, count: int
) -> tuple[pd.Series, np.ndarray]:
    """Per group 0..count-1 of mentions (``groups`` numbers each mention's event): the statuses
    in the latest article that mentions it, sorted and joined by '/' if that article
    contradicts itself (NA for a group without mentions), and that article's row in
    ``sources`` (-1 if none). Only contradicting groups are joined as text."""
    source, published = mention_sources(mentions, sources)
    published = np.where(source >= 0, published, _EARLIEST)
    latest = group_max(groups, published, count, _EARLIEST)
    rows = np.flatnonzero((source >= 0) & (published == latest[groups]))
    status, kinds, names = _status_codes(mentions["reported_status"])
    low = group_min(groups[rows], status[rows], count, kinds)
    high = group_max(groups[rows], status[rows], count, -1)
    out = take(names, np.where(low < kinds, low, -1))
    mixed = np.flatnonzero(low < high)
    if len(mixed):
        chosen = rows[np.isin(groups[rows], mixed)]
        out.iloc[mixed] = _joined_statuses(groups[chosen], status[chosen], names).to_numpy()
    # The article is the first (in file order) of the latest ones reporting the first status.
    first = np.full(len(groups), count)
    first[rows] = np.where(status[rows] == low[groups[rows]], groups[rows], count)
    row = group_first(first, count + 1)[:count]
    return out, np.append(source, -1)[row]


def _joined_statuses(groups: np.ndarray, status: np.ndarray, names: pd.Series) -> pd.Series:
    """Per group (in group order), its distinct statuses in alphabetical order, joined by '/'."""
    return (
        pd.DataFrame({"group": groups, "status": status})
        .drop_duplicates()
        .sort_values(["group", "status"])
        .groupby("group")["status"]
        .agg(lambda found: "/".join(names.iloc[found]))
    )


def mention_intervals(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each mention's ``date_text`` resolved against its article's date (NaT where none)."""
    published = take(sources["published"], positions(mentions["source_id"], sources["source_id"]))
    return resolve_series(mentions["date_text"], published.set_axis(mentions.index))


def event_intervals(
    mentions: pd.DataFrame, sources: pd.DataFrame, event: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """The interval the dated mentions of each event 0..count-1 allow together (``event``
    numbers each mention's event): the latest start and earliest end, an open bound (NaT) where
    every dated mention leaves it open, and NaT on both sides where no mention is dated. Also
    each mention's own resolved interval (``mention_intervals``), with ``resolved`` per row."""
    resolved = mention_intervals(mentions, sources)
    # An open start is the earliest day there is and an open end the latest, for max and min.
    start = resolved["start"].to_numpy().view(np.int64)  # NaT is already the smallest int64
    end = np.where(resolved["end"].isna().to_numpy(), _LATEST, resolved["end"].to_numpy().view(np.int64))
    dated = resolved["resolved"].to_numpy() & (event >= 0)
    nat = np.datetime64("NaT").astype(np.int64)
    low = group_max(event[dated], start[dated], count, _EARLIEST)
    high = group_min(event[dated], end[dated], count, _LATEST)
    high = np.where(high == _LATEST, nat, high)
    return low.view("datetime64[us]"), high.view("datetime64[us]"), resolved


def ends_by_bounds(ends_by: pd.Series, mentions: pd.DataFrame, resolved: pd.DataFrame) -> np.ndarray:
    """Per event (``ends_by``: the ``events.ends_by`` column, '' or NA where none), the last day of
    the interval that the named mention's date words resolve to (``resolved``: each mention's
    interval, from ``mention_intervals``), as datetime64[us]; NaT where the event names no
    mention, or the mention is unknown, undated or open-ended.

    ``ends_by`` is how another statement of the same article narrows an event's interval: "held
    in the near future so the results can be presented at talks ... in November" leaves the
    meetings' own end open, and the talks' "November" ends it."""
    where = positions(ends_by.fillna(""), mentions["mention_id"])
    ends = np.append(resolved["end"].to_numpy().astype("datetime64[us]"), np.datetime64("NaT", "us"))
    return ends[where]


def cut_ends(end: np.ndarray, bound: np.ndarray) -> np.ndarray:
    """Each interval's end (NaT: open) cut at ``bound`` (NaT: no bound): the earlier of the two."""
    end, bound = end.astype("datetime64[us]"), bound.astype("datetime64[us]")
    return np.where(np.isnat(bound), end, np.where(np.isnat(end), bound, np.minimum(end, bound)))
