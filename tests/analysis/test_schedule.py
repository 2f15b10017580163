"""The calendar, its announcements and lead times, on the real data."""

import pandas as pd

from helpers.analysis import schedule


def test_schedule_announcement_and_lead_time(tables):
    frame = schedule.schedule(tables).set_index("event_id")
    events = tables["events"].set_index("event_id")
    published = tables["sources"].set_index("source_id")["published"]
    for event_id, announced_by in [("abe-putin-vladivostok", "a000"), ("kono-visit-russia", "a001")]:
        row, event = frame.loc[event_id], events.loc[event_id]
        announced = published[announced_by]
        assert (row.announced_by, row.announced) == (announced_by, announced)
        # The lead runs from the announcement to the event's dates as the data has them now.
        lead = [(event.date_start - announced).days, (event.date_end - announced).days]
        assert [row.lead_min_days, row.lead_max_days] == lead
    assert pd.isna(frame.loc["kono-lavrov-new-york", "announced"])


COLUMNS = [
    "event_id", "title", "kind", "status", "date_start", "date_end", "precision", "location",
    "first_reported", "first_reported_by", "announced", "announced_by", "lead_min_days", "lead_max_days",
]  # fmt: skip


def small(statuses_by_article: dict[str, str]) -> dict:
    """One talks event reported by articles a0 (1 Sep), a1 (5 Sep) and a2 (9 Sep), each with the
    status given, the event dated 20-22 Sep."""
    day = pd.Timestamp
    published = {"a0": day("2017-09-01"), "a1": day("2017-09-05"), "a2": day("2017-09-09")}
    return {
        "events": pd.DataFrame(
            {
                "event_id": ["e1"],
                "title": ["Talks"],
                "kind": ["talks"],
                "status": ["occurred"],
                "date_start": [day("2017-09-20")],
                "date_end": [day("2017-09-22")],
                "precision": ["interval"],
                "location": ["Tokyo"],
            }
        ),
        "sources": pd.DataFrame({"source_id": list(published), "published": list(published.values())}),
        "mentions": pd.DataFrame(
            {
                "event_id": ["e1"] * len(statuses_by_article),
                "source_id": list(statuses_by_article),
                "reported_status": list(statuses_by_article.values()),
            }
        ),
    }


def test_the_columns_and_their_types():
    frame = schedule.schedule(small({"a1": "proposed", "a2": "occurred"}))
    assert frame.columns.tolist() == COLUMNS
    assert frame.index.tolist() == [0]
    assert str(frame["lead_min_days"].dtype) == str(frame["lead_max_days"].dtype) == "Int64"


def test_a_proposal_is_an_announcement_and_the_first_report_is_any_status():
    frame = schedule.schedule(small({"a2": "occurred", "a1": "proposed", "a0": "occurred"}))
    row = frame.iloc[0]
    assert (row["first_reported"], row["first_reported_by"]) == (pd.Timestamp("2017-09-01"), "a0")
    assert (row["announced"], row["announced_by"]) == (pd.Timestamp("2017-09-05"), "a1")
    assert (row["lead_min_days"], row["lead_max_days"]) == (15, 17)
    nothing_ahead = schedule.schedule(small({"a0": "occurred"})).iloc[0]
    assert pd.isna(nothing_ahead["announced"]) and pd.isna(nothing_ahead["announced_by"])
