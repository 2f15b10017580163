"""An event's status and interval from its mentions, against loops over the mentions written
independently, on the real data and on synthetic mentions with ties, unknown articles and
events without mentions; and by hand on the cases that decide the rules."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data.derive import event_intervals, latest_statuses, mention_intervals

STATUSES = ["occurred", "planned", "proposed"]


def looped_latest_statuses(mentions, sources):
    """Per event: the distinct statuses of the latest known article mentioning it, sorted and
    joined by '/', and the first such article in file order reporting the first of them."""
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    rows = [
        (event, source, str(status), published[source])
        for event, source, status in zip(
            mentions["event_id"], mentions["source_id"], mentions["reported_status"], strict=True
        )
        if source in published
    ]
    out = {}
    for event in {row[0] for row in rows}:
        latest_day = max(row[3] for row in rows if row[0] == event)
        latest = [row for row in rows if row[0] == event and row[3] == latest_day]
        statuses = sorted({row[2] for row in latest})
        article = next(row[1] for row in latest if row[2] == statuses[0])
        out[event] = ("/".join(statuses), article)
    return out


def synthetic(rng: np.random.Generator, n_mentions: int, n_events: int, n_sources: int):
    sources = pd.DataFrame(
        {
            "source_id": pd.array([f"s{i}" for i in range(n_sources)], dtype="str"),
            # Few days for many articles: ties in publication dates.
            "published": pd.to_datetime("2017-09-01")
            + pd.to_timedelta(rng.integers(0, 3, n_sources), unit="D"),
        }
    )
    mentions = pd.DataFrame(
        {
            "mention_id": pd.array([f"m{i}" for i in range(n_mentions)], dtype="str"),
            "event_id": pd.array([f"e{i}" for i in rng.integers(0, n_events, n_mentions)], dtype="str"),
            # some unknown articles
            "source_id": pd.array([f"s{i}" for i in rng.integers(0, n_sources + 2, n_mentions)], dtype="str"),
            "reported_status": pd.Categorical(rng.choice(STATUSES, n_mentions), categories=STATUSES),
            "date_text": pd.array(
                rng.choice(["", "Friday", "next week", "in November", "soon", "recently"], n_mentions),
                dtype="str",
            ),
        }
    )
    return mentions, sources


def as_dict(latest: pd.DataFrame) -> dict:
    return {event: (row.status, row.source_id) for event, row in latest.iterrows()}


def test_latest_statuses_on_the_real_data(tables):
    found = latest_statuses(tables["mentions"], tables["sources"])
    assert as_dict(found) == looped_latest_statuses(tables["mentions"], tables["sources"])
    assert (
        found["status"].reindex(tables["events"]["event_id"]).tolist() == tables["events"]["status"].tolist()
    )


@pytest.mark.parametrize(("n_mentions", "n_events", "n_sources"), [(30, 10, 3), (600, 100, 12), (0, 4, 2)])
def test_latest_statuses_on_synthetic_ties(n_mentions, n_events, n_sources, rng):
    mentions, sources = synthetic(rng, n_mentions, n_events, n_sources)
    assert as_dict(latest_statuses(mentions, sources)) == looped_latest_statuses(mentions, sources)


def test_an_article_that_contradicts_itself_gives_both_statuses_and_a_later_one_wins():
    sources = pd.DataFrame(
        {
            "source_id": ["a1", "a2", "a3"],
            "published": pd.to_datetime(["2017-09-01", "2017-09-02", "2017-09-02"]),
        }
    )
    mentions = pd.DataFrame(
        {
            "event_id": ["e1", "e1", "e1", "e2", "e2", "e3"],
            "source_id": ["a1", "a3", "a2", "a1", "a2", "a9"],
            "reported_status": ["occurred", "proposed", "planned", "planned", "occurred", "planned"],
        }
    )
    assert as_dict(latest_statuses(mentions, sources)) == {
        "e1": ("planned/proposed", "a2"),  # a2 and a3 on the latest day: both statuses; a2 says the first
        "e2": ("occurred", "a2"),  # the later article wins
    }  # e3: only an unknown article mentions it


@pytest.mark.parametrize(("n_mentions", "n_events", "n_sources"), [(30, 10, 3), (600, 100, 12)])
def test_event_intervals_are_the_intersection_of_the_mentions(n_mentions, n_events, n_sources, rng):
    mentions, sources = synthetic(rng, n_mentions, n_events, n_sources)
    resolved = mention_intervals(mentions, sources)
    found = event_intervals(mentions, resolved)
    for event in set(mentions["event_id"]):
        dated = resolved.loc[(mentions["event_id"] == event) & resolved["resolved"]]
        if dated.empty:
            assert event not in found.index
            continue
        # Open bounds (NaT) bound nothing; a side every dated mention leaves open stays open.
        starts, ends = dated["start"].dropna().tolist(), dated["end"].dropna().tolist()
        for side, bounds, tightest in (("start", starts, max), ("end", ends, min)):
            if bounds:
                assert found.loc[event, side] == tightest(bounds)
            else:
                assert pd.isna(found.loc[event, side])
