"""What was known on a date, and the window a chart shows, on the real data."""

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import cadence, schedule
from helpers.views import as_of_view, first_reports, in_window

SEPT_1 = pd.Timestamp("2017-09-01")


def test_as_of_keeps_only_what_was_published(tables):
    view = as_of_view(tables, SEPT_1)
    assert view["sources"]["source_id"].tolist() == ["a000"]
    events = view["events"].set_index("event_id")
    # Planned on 1 September, held by 19 September.
    assert events.loc["abe-putin-vladivostok", "status"] == "planned"
    # The oil resolution was only a possibility then; its date comes from a later article.
    assert events.loc["unsc-resolution-sept", "status"] == "proposed"
    assert pd.isna(events.loc["unsc-resolution-sept", "date_start"])
    assert "kono-lavrov-new-york" not in events.index
    assert set(view["sanctions"]["status"]) == {"adopted", "proposed"}
    assert set(view["sanctions"]["source_id"]) == {"a000"}


def test_as_of_before_the_first_article_knows_nothing(tables):
    view = as_of_view(tables, pd.Timestamp("2017-08-15"))
    for name in ("sources", "events", "mentions", "participants", "sanctions"):
        assert view[name].empty
        assert view[name].dtypes.to_dict() == tables[name].dtypes.to_dict()
    assert cadence.contacts(view).empty and schedule.schedule(view).empty


def test_as_of_none_is_everything(tables):
    assert as_of_view(tables, None)["events"] is tables["events"]


@pytest.mark.parametrize("include_planned", [True, False])
def test_in_window(tables, include_planned):
    events = in_window(
        tables["events"], pd.Timestamp("2017-09-01"), pd.Timestamp("2017-09-30"), include_planned
    )
    assert "kono-lavrov-new-york" in set(events["event_id"])
    assert ("island-survey-oct" in set(events["event_id"])) is False
    assert ("patrushev-visit-japan" in set(events["event_id"])) is include_planned


def test_open_bounds_reach_as_far_as_they_may():
    day = pd.Timestamp
    events = pd.DataFrame(
        {
            "event_id": ["soon-after-sept", "recently-before-aug", "unplaced", "october"],
            "status": ["planned", "occurred", "occurred", "occurred"],
            "date_start": [day("2017-09-19"), pd.NaT, pd.NaT, day("2017-10-01")],
            "date_end": [pd.NaT, day("2017-08-01"), pd.NaT, day("2017-10-31")],
        }
    )
    shown = lambda start, end: in_window(events, day(start), day(end), True)["event_id"].tolist()  # noqa: E731
    assert shown("2018-06-01", "2018-06-30") == ["soon-after-sept"]
    assert shown("2017-01-01", "2017-01-31") == ["recently-before-aug"]
    assert shown("2017-07-01", "2017-12-31") == ["soon-after-sept", "recently-before-aug", "october"]
    assert shown("2017-08-02", "2017-09-18") == []


def looped_first_reports(tables, statuses=()):
    """Per event, the article of its first mention (reporting one of ``statuses``, if given):
    the earliest published, file order breaking ties."""
    published = dict(zip(tables["sources"]["source_id"], tables["sources"]["published"], strict=True))
    first = {}
    for event, source, status in zip(
        tables["mentions"]["event_id"],
        tables["mentions"]["source_id"],
        tables["mentions"]["reported_status"],
        strict=True,
    ):
        wanted = source in published and (not statuses or status in statuses)
        if wanted and (event not in first or published[source] < published[first[event]]):
            first[event] = source
    return first


def reported_first(tables, statuses):
    found = first_reports(tables, statuses)
    published = tables["sources"].set_index("source_id")["published"]
    assert (found["published"] == found["source_id"].map(published)).all()
    return found["source_id"].to_dict()


@pytest.mark.parametrize("statuses", [(), ("planned", "proposed"), ("occurred",)])
@pytest.mark.parametrize("as_of", [None, SEPT_1])
def test_first_reports_on_the_real_data(tables, statuses, as_of):
    view = as_of_view(tables, as_of)
    assert reported_first(view, statuses) == looped_first_reports(view, statuses)


@pytest.mark.parametrize("n", [0, 50, 600])
def test_first_reports_on_synthetic_ties(n):
    rng = np.random.default_rng(n)
    sources = pd.DataFrame(
        {
            "source_id": pd.array([f"s{i}" for i in range(6)], dtype="str"),
            "published": pd.to_datetime("2017-09-01") + pd.to_timedelta(rng.integers(0, 2, 6), unit="D"),
        }
    )
    events = pd.DataFrame({"event_id": pd.array([f"e{i}" for i in range(max(n // 5, 1))], dtype="str")})
    mentions = pd.DataFrame(
        {
            "event_id": pd.array([f"e{i}" for i in rng.integers(0, len(events) + 2, n)], dtype="str"),
            "source_id": pd.array([f"s{i}" for i in rng.integers(0, 6, n)], dtype="str"),
            "reported_status": pd.array(rng.choice(["occurred", "planned", "proposed"], n), dtype="str"),
        }
    )
    tables = {"events": events, "mentions": mentions, "sources": sources}
    for statuses in [(), ("planned", "proposed")]:
        assert reported_first(tables, statuses) == looped_first_reports(tables, statuses)
