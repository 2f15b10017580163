"""An event's status and interval from its mentions: the fast derivations against plain pandas,
on the real data and on synthetic mentions with ties, unknown articles and events without mentions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data.derive import event_intervals, latest_statuses
from helpers.fast import positions

STATUSES = ["occurred", "planned", "proposed"]


def plain_latest_statuses(mentions, sources, event, count):
    """Per event: the distinct statuses of the latest article mentioning it, sorted, joined by
    '/', and the row of the first such article (file order) reporting the first of them."""
    published = sources.set_index("source_id")["published"]
    frame = mentions.assign(
        event=event,
        published=mentions["source_id"].map(published),
        status=mentions["reported_status"].astype("str"),
        source=positions(mentions["source_id"], sources["source_id"]),
    ).dropna(subset=["published"])
    frame = frame.loc[frame["published"] == frame.groupby("event")["published"].transform("max")]
    statuses = frame.groupby("event")["status"].agg(lambda found: "/".join(sorted(set(found))))
    first_status = frame.groupby("event")["status"].transform("min")
    article = frame.loc[frame["status"] == first_status].groupby("event")["source"].first()
    return statuses.reindex(range(count)), article.reindex(range(count), fill_value=-1)


def synthetic(rng: np.random.Generator, n_mentions: int, n_events: int, n_sources: int):
    sources = pd.DataFrame(
        {
            "source_id": pd.array([f"s{i}" for i in range(n_sources)], dtype="str"),
            # Few days for many articles: ties in publication dates.
            "published": pd.to_datetime("2017-09-01")
            + pd.to_timedelta(rng.integers(0, 3, n_sources), unit="D"),
        }
    )
    ids = [f"s{i}" for i in rng.integers(0, n_sources + 2, n_mentions)]  # some unknown articles
    mentions = pd.DataFrame(
        {
            "source_id": pd.array(ids, dtype="str"),
            "reported_status": pd.Categorical(rng.choice(STATUSES, n_mentions), categories=STATUSES),
            "date_text": pd.array(
                rng.choice(["", "Friday", "next week", "in November", "soon", "recently"], n_mentions),
                dtype="str",
            ),
        }
    )
    # Events 0..n_events-1, the last few without any mention.
    event = rng.integers(0, max(n_events - 3, 1), n_mentions)
    return mentions, sources, event


def check(mentions, sources, event, count):
    status, article = latest_statuses(mentions, sources, event, count)
    expected_status, expected_article = plain_latest_statuses(mentions, sources, event, count)
    assert status.fillna("<none>").tolist() == expected_status.fillna("<none>").tolist()
    assert article.tolist() == expected_article.tolist()


def test_latest_statuses_match_plain_pandas_on_the_real_data(tables):
    mentions, events = tables["mentions"], tables["events"]
    event = positions(mentions["event_id"], events["event_id"])
    check(mentions, tables["sources"], event, len(events))


@pytest.mark.parametrize(("n_mentions", "n_events", "n_sources"), [(30, 10, 3), (3000, 500, 12), (0, 4, 2)])
def test_latest_statuses_match_plain_pandas_on_synthetic_ties(n_mentions, n_events, n_sources, rng):
    check(*synthetic(rng, n_mentions, n_events, n_sources), n_events)


@pytest.mark.parametrize(("n_mentions", "n_events", "n_sources"), [(30, 10, 3), (3000, 500, 12)])
def test_event_intervals_are_the_intersection_of_the_mentions(n_mentions, n_events, n_sources, rng):
    mentions, sources, event = synthetic(rng, n_mentions, n_events, n_sources)
    mentions = mentions.loc[mentions["source_id"].isin(sources["source_id"])].reset_index(drop=True)
    event = rng.integers(0, max(n_events - 3, 1), len(mentions))
    start, end, resolved = event_intervals(mentions, sources, event, n_events)
    # Open bounds (NaT) of resolved mentions are skipped by max and min: they bound nothing.
    dated = resolved.assign(event=event).loc[resolved["resolved"]]
    plain_start = dated.groupby("event")["start"].max().reindex(range(n_events))
    plain_end = dated.groupby("event")["end"].min().reindex(range(n_events))
    assert pd.Series(start).tolist() == plain_start.astype("datetime64[us]").tolist()
    assert pd.Series(end).tolist() == plain_end.astype("datetime64[us]").tolist()
