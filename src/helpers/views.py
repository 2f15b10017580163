"""The world as known on a date, and the slices of it a notebook asks for.

``as_of_view`` keeps only the articles published on or before ``as_of`` and
re-derives each event from what those articles said: its status is what the
latest of them reported, and its dates are what their date expressions allow.
An event whose date only a later article gives is left undated (NaT) rather
than dated with knowledge from the future.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.dates import precision_series, resolve_series
from helpers.frames import (
    categorical,
    codes,
    first_of_earliest,
    group_first,
    isin,
    iso_dates,
    positions,
    positions_all,
    side_by_side,
    take,
)
from helpers.load import Tables

CONTACT_KINDS = ("phone_call", "meeting", "summit", "talks", "visit")


def publication_days(published: pd.Series) -> np.ndarray:
    """Publication dates as integers that order as the dates do (strings are parsed first)."""
    if pd.api.types.is_string_dtype(published.dtype):
        published = iso_dates(published)
    return published.astype("datetime64[us]").to_numpy().view(np.int64)


def mention_sources(mentions: pd.DataFrame, sources: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each mention's article: its row in ``sources`` (-1 if none) and its publication day as
    an integer (``publication_days``; the largest int64 where the article is unknown)."""
    source = positions(mentions["source_id"], sources["source_id"])
    published = np.append(publication_days(sources["published"]), np.iinfo(np.int64).max)[source]
    return source, published


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
    ``sources`` (-1 if none). Integer work throughout; only contradicting groups are joined
    in Python."""
    source, published = mention_sources(mentions, sources)
    published = np.where(source >= 0, published, np.iinfo(np.int64).min)
    latest = np.full(count, np.iinfo(np.int64).min)
    np.maximum.at(latest, groups, published)
    rows = np.flatnonzero((source >= 0) & (published == latest[groups]))
    status, kinds, names = _status_codes(mentions["reported_status"])
    low = np.full(count, kinds, dtype=np.int64)
    high = np.full(count, -1, dtype=np.int64)
    np.minimum.at(low, groups[rows], status[rows])
    np.maximum.at(high, groups[rows], status[rows])
    out = take(names, np.where(low < kinds, low, -1))
    mixed = np.flatnonzero(low < high)
    if len(mixed):
        chosen = rows[np.isin(groups[rows], mixed)]
        joined = (
            pd.DataFrame({"group": groups[chosen], "status": status[chosen]})
            .drop_duplicates()
            .sort_values(["group", "status"])
            .groupby("group")["status"]
            .agg(lambda found: "/".join(names.iloc[found]))
        )
        out.iloc[joined.index.to_numpy()] = joined.to_numpy()
    # The article is the first (in file order) of the latest ones reporting the first status.
    first = np.full(len(groups), count)
    first[rows] = np.where(status[rows] == low[groups[rows]], groups[rows], count)
    row = group_first(first, count + 1)[:count]
    return out, np.append(source, -1)[row]


def latest_reports(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per event, the reported statuses in the latest article that mentions it.

    Returns ``event_id``, ``source_id`` of that article and ``reported_status``
    (several statuses joined by '/' if that article contradicts itself), sorted by event.
    """
    groups, count = codes(mentions["event_id"])
    status, source = latest_statuses(mentions, sources, groups, count)
    return pd.DataFrame(
        {
            "event_id": take(mentions["event_id"], group_first(groups, count)),
            "source_id": take(sources["source_id"], source),
            "reported_status": status,
        }
    ).dropna(subset=["event_id"])


def mention_intervals(mentions: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each mention's ``date_text`` resolved against its article's date (NaT where none)."""
    published = take(sources["published"], positions(mentions["source_id"], sources["source_id"]))
    return resolve_series(mentions["date_text"], published.set_axis(mentions.index))


def event_intervals(
    mentions: pd.DataFrame, sources: pd.DataFrame, event: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """The interval the dated mentions of each event 0..count-1 allow together (``event``
    numbers each mention's event): the latest start and earliest end, NaT where no mention
    is dated. Also each mention's own resolved interval (``mention_intervals``)."""
    resolved = mention_intervals(mentions, sources)
    start = resolved["start"].to_numpy().view(np.int64)
    end = resolved["end"].to_numpy().view(np.int64)
    dated = resolved["start"].notna().to_numpy() & (event >= 0)
    nat = np.datetime64("NaT").astype(np.int64)
    low = np.full(count, np.iinfo(np.int64).min)
    high = np.full(count, np.iinfo(np.int64).max)
    np.maximum.at(low, event[dated], start[dated])
    np.minimum.at(high, event[dated], end[dated])
    known = np.zeros(count, dtype=bool)
    known[event[dated]] = True
    low, high = np.where(known, low, nat), np.where(known, high, nat)
    return low.view("datetime64[us]"), high.view("datetime64[us]"), resolved


def as_of_view(tables: Tables, as_of: pd.Timestamp | None) -> Tables:
    """The tables as an analyst could have known them on ``as_of`` (all of them if None)."""
    if as_of is None:
        return dict(tables)
    sources = tables["sources"].loc[tables["sources"]["published"] <= as_of]
    all_events, all_mentions = tables["events"], tables["mentions"]
    count = len(all_events)
    event, participant_event = positions_all(
        [
            (all_mentions["event_id"], all_events["event_id"]),
            (tables["participants"]["event_id"], all_events["event_id"]),
        ]
    )
    visible = isin(all_mentions["source_id"], sources["source_id"]).to_numpy() & (event >= 0)
    seen, partial = np.zeros(count, dtype=bool), np.zeros(count, dtype=bool)
    seen[event[visible]] = True
    partial[event[~visible & (event >= 0)]] = True
    mentions = all_mentions.loc[visible]
    (status, _), (known_start, known_end, _) = side_by_side(
        [
            lambda: latest_statuses(mentions, sources, event[visible], count),
            lambda: event_intervals(mentions, sources, event[visible], count),
        ]
    )
    start = all_events["date_start"].where(~partial, known_start)
    end = all_events["date_end"].where(~partial, known_end)
    events = all_events.assign(
        status=categorical(status, list(all_events["status"].cat.categories)),
        date_start=start,
        date_end=end,
        precision=categorical(
            precision_series(start, end).where(start.notna()), list(all_events["precision"].cat.categories)
        ),
    ).loc[seen]
    out = dict(tables)
    out.update(sources=sources, mentions=mentions, events=events)
    kept = {"participants": np.append(seen, False)[participant_event]}
    for name in ("sanctions", "figures"):
        kept[name] = isin(tables[name]["source_id"], sources["source_id"]).to_numpy()
    # The large row selections copy a million rows each: side by side.
    filtered = side_by_side([lambda n=name, r=rows: tables[n].loc[r] for name, rows in kept.items()])
    out.update(zip(kept, filtered, strict=True))
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
