"""The data's rarer checks, each at its edge: a date in exactly one form, an expression verbatim
in its quote (case included), an ``ends_by`` that cuts nothing by ending on the same day, one
status per article, a resolution's event holding its adoption day, a ``not_found`` outcome with
no day at all, a source published before it was read, a resolution's fact on its adoption day on
both sides, and an attested day that is the first article's.

Each edits a copy of data/ (``data_copy``) and looks for the problem at its file, line, column
and value; a review by hand had broken each of these checks without a test noticing."""

from __future__ import annotations

import pandas as pd
import pytest
from support import append_row, edit, find, problems, read_rows, row_where

from helpers.data.dates import iso_dates
from helpers.data.load import DataError, load_tables
from helpers.data.rules import _ends_by_checks

CUTS_NOTHING = "(this one cuts nothing)"


def test_a_date_is_read_only_in_its_one_form():
    values = pd.Series(
        ["2017-09-01", "2017-9-1", "2017-09-1", "2017-02-30", " 2017-09-01", "", None], dtype="str"
    )
    assert iso_dates(values).tolist()[0] == pd.Timestamp("2017-09-01")
    assert iso_dates(values).isna().tolist() == [False, True, True, True, True, True, True]


def test_a_date_expression_is_its_quotes_words_in_their_case(data_copy):
    row = row_where(data_copy, "mentions", date_text="Friday")
    line = edit(data_copy, "mentions", row, "date_text", "friday")
    problem = find(problems(data_copy), "mentions.csv", line, "date_text", "friday")
    assert problem.expected == "an expression that appears in the quote"


@pytest.mark.parametrize(("days_before", "cuts"), [(1, True), (0, False), (-1, False)])
def test_an_ends_by_that_ends_on_the_allowed_end_cuts_nothing(days_before, cuts):
    allowed = pd.Timestamp("2017-11-30")
    events = pd.DataFrame({"event_id": ["e"], "ends_by": ["m2"]}, dtype="str")
    mentions = pd.DataFrame(
        {"mention_id": ["m1", "m2"], "event_id": ["e", "other"], "source_id": ["a", "a"]}, dtype="str"
    )
    checks = _ends_by_checks(
        events,
        pd.Series([allowed - pd.Timedelta(days=days_before)]),
        pd.Series([allowed]),
        pd.Series([True]),
        mentions,
    )
    wrong = {message: bool(mask.iloc[0]) for mask, message in checks}
    assert [message for message, is_wrong in wrong.items() if is_wrong] == ([] if cuts else [
        next(m for m in wrong if m.endswith(CUTS_NOTHING))
    ])  # fmt: skip


def test_one_article_gives_one_event_one_status(data_copy):
    row = row_where(data_copy, "mentions", event_id="kono-lavrov-new-york", source_id="a001")
    line = edit(data_copy, "mentions", row, "reported_status", "planned")
    problem = find(problems(data_copy), "mentions.csv", line, "reported_status", "planned")
    assert problem.expected == "the same status as the article's other mentions of this event"


def test_a_resolutions_event_holds_its_adoption_day(data_copy):
    """unscr-2371, adopted 5 Aug, stands for unsc-resolution-aug: an event over by 4 Aug cannot."""
    edit(
        data_copy,
        "events",
        row_where(data_copy, "events", event_id="unsc-resolution-aug"),
        "date_end",
        "2017-08-04",
    )
    line = row_where(data_copy, "context/resolutions", resolution_id="unscr-2371") + 2
    problem = find(problems(data_copy), "context/resolutions.csv", line, "event_id", "unsc-resolution-aug")
    assert problem.expected == "an event whose interval in events.csv holds these dates"


def test_a_source_is_published_on_or_before_the_day_it_was_read(data_copy):
    accessed = read_rows(data_copy / "context" / "outcomes.csv")[0]["accessed"]
    later = f"{pd.Timestamp(accessed) + pd.Timedelta(days=1):%Y-%m-%d}"
    line = edit(data_copy, "context/outcomes", 0, "source_published", later)
    problem = find(problems(data_copy), "context/outcomes.csv", line, "source_published", later)
    assert problem.expected == "a date on or before accessed"


NOT_FOUND, ADOPTED_2371 = {"outcome": "not_found"}, {"resolution_id": "unscr-2371"}


@pytest.mark.parametrize(
    ("table", "where", "column", "value", "at", "expected"),
    [
        ("context/outcomes", NOT_FOUND, "date_start", "2017-09-06", "2017-09-06", "no dates for not_found"),
        ("context/outcomes", NOT_FOUND, "date_end", "2017-09-06", "", "no dates for not_found"),
        (
            "context/chronology",
            ADOPTED_2371,
            "date_start",
            "2017-08-06",
            "2017-08-06",
            "the adoption day in resolutions.csv",
        ),
        (
            "context/chronology",
            ADOPTED_2371,
            "date_end",
            "2017-08-06",
            "2017-08-05",
            "the adoption day in resolutions.csv",
        ),
    ],
    ids=["not-found-start", "not-found-end", "resolution-fact-start", "resolution-fact-end"],
)
def test_a_context_row_has_a_day_only_where_it_may_at_both_ends(
    data_copy, table, where, column, value, at, expected
):
    """A not_found outcome has no day, a resolution's fact its adoption day: at either end. Both
    checks name the row's date_start, with what it holds."""
    line = edit(data_copy, table, row_where(data_copy, table, **where), column, value)
    assert find(problems(data_copy), f"{table}.csv", line, "date_start", at).expected == expected


def test_an_attested_day_is_the_first_articles_not_the_last(data_copy):
    """prk-weapons-development is attested by a001 (19 Sep). Said by a000 (1 Sep) too, its day
    is a000's: a problem until the attested day moves."""
    events = read_rows(data_copy / "events.csv")
    row = next(i for i, e in enumerate(events) if e["event_id"] == "prk-weapons-development")
    earlier = next(m for m in read_rows(data_copy / "mentions.csv") if m["source_id"] == "a000")
    append_row(
        data_copy / "mentions.csv",
        {"mention_id": "m999", "event_id": "prk-weapons-development", "source_id": "a000",
         "quote": earlier["quote"], "reported_status": "occurred"},
    )  # fmt: skip
    find(problems(data_copy), "events.csv", row + 2, "attested", events[row]["attested"])


@pytest.mark.parametrize(("column", "day", "inside"), [
    ("date_start", "2017-09-01", True), ("date_end", "2017-09-01", True),
    ("date_start", "2017-09-02", False), ("date_end", "2017-08-31", False),
])  # fmt: skip
def test_an_attested_day_may_be_either_end_of_its_interval(data_copy, column, day, inside):
    """jp-us-oil-embargo-idea is attested on 1 Sep: an interval that starts or ends that day holds
    it; one that starts after it or ends before it does not."""
    row = row_where(data_copy, "events", event_id="jp-us-oil-embargo-idea")
    line = edit(data_copy, "events", row, column, day)
    try:
        load_tables(data_copy)
        found = []
    except DataError as error:
        found = error.problems
    at_attested = [
        p.expected for p in found if (p.file, p.line, p.column) == ("events.csv", line, "attested")
    ]
    assert at_attested == ([] if inside else ["a day inside the event's interval (date_start to date_end)"])


@pytest.mark.parametrize(
    ("trigger_last", "expected"),
    [
        ("", "both trigger dates or neither"),
        ("2017-07-01", "a date on or after trigger_first"),
        ("2017-08-06", "a date before the adoption"),
    ],
    ids=["one-trigger-date", "before-the-first", "after-the-adoption"],
)
def test_a_resolutions_trigger_dates_are_in_order(data_copy, trigger_last, expected):
    """unscr-2371: triggers 4 to 28 July, adopted 5 Aug."""
    row = row_where(data_copy, "context/resolutions", resolution_id="unscr-2371")
    line = edit(data_copy, "context/resolutions", row, "trigger_last", trigger_last)
    found = problems(data_copy)
    assert find(found, "context/resolutions.csv", line, "trigger_last", trigger_last).expected == expected


def test_an_event_no_article_mentions_is_named(data_copy):
    append_row(
        data_copy / "events.csv",
        {"event_id": "orphan", "title": "A meeting", "kind": "meeting", "status": "occurred",
         "date_start": "2017-09-01", "date_end": "2017-09-01", "precision": "day"},
    )  # fmt: skip
    line = len(read_rows(data_copy / "events.csv")) + 1
    problem = find(problems(data_copy), "events.csv", line, "event_id", "orphan")
    assert problem.expected == "at least one row in mentions.csv for this event"


def test_an_events_status_names_what_the_latest_article_reports(data_copy):
    line = edit(
        data_copy,
        "events",
        row_where(data_copy, "events", event_id="abe-putin-vladivostok"),
        "status",
        "planned",
    )
    problem = find(problems(data_copy), "events.csv", line, "status", "planned")
    assert problem.expected == "'occurred', as the latest article reports it"
