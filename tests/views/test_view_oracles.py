"""Oracles and metamorphic tests for the views: every date comparison on both sides of its
boundary and at it, on generated intervals with open bounds, against plain Python row by row."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from helpers.views import context_as_of, in_window, overlaps

DAY = pd.Timedelta(days=1)
ORIGIN = pd.Timestamp("2017-08-01")
day_numbers = st.integers(min_value=0, max_value=60)
maybe_day = st.one_of(st.none(), day_numbers)


@st.composite
def events(draw):
    """Events with intervals that may be open on either side (None) or a single day."""
    rows = []
    for i in range(draw(st.integers(0, 8))):
        first, last = draw(maybe_day), draw(maybe_day)
        if first is not None and last is not None and last < first:
            first, last = last, first
        rows.append(
            {"event_id": f"e{i}", "status": draw(st.sampled_from(["occurred", "planned", "proposed"])),
             "date_start": ORIGIN + first * DAY if first is not None else pd.NaT,
             "date_end": ORIGIN + last * DAY if last is not None else pd.NaT}
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=["event_id", "status", "date_start", "date_end"])
    return frame.astype({"date_start": "datetime64[us]", "date_end": "datetime64[us]"})


@st.composite
def windows(draw):
    first = draw(day_numbers)
    return ORIGIN + first * DAY, ORIGIN + (first + draw(st.integers(0, 30))) * DAY


def shown_by_hand(frame: pd.DataFrame, start, end, include_planned: bool) -> list[str]:
    """Oracle: an interval is shown if it has a bound and reaches into [start, end] on both
    sides, an open side reaching as far as it may; only held ones without include_planned."""
    shown = []
    for row in frame.itertuples():
        first, last = row.date_start, row.date_end
        if pd.isna(first) and pd.isna(last):
            continue
        reaches = (pd.isna(first) or first <= end) and (pd.isna(last) or last >= start)
        if reaches and (include_planned or row.status == "occurred"):
            shown.append(row.event_id)
    return shown


@given(events(), windows(), st.booleans())
def test_in_window_is_the_hand_worked_selection(frame, window, include_planned):
    start, end = window
    assert list(in_window(frame, start, end, include_planned)["event_id"]) == shown_by_hand(
        frame, start, end, include_planned
    )


@given(events(), windows(), st.integers(-400, 400))
def test_shifting_every_date_and_the_window_changes_nothing(frame, window, days):
    start, end = window
    shift = days * DAY
    moved = frame.assign(date_start=frame["date_start"] + shift, date_end=frame["date_end"] + shift)
    assert list(in_window(moved, start + shift, end + shift, True)["event_id"]) == list(
        in_window(frame, start, end, True)["event_id"]
    )


@given(events(), windows(), st.integers(1, 30), st.booleans())
def test_an_event_outside_the_window_changes_nothing_inside(frame, window, gap, after):
    start, end = window
    day = end + gap * DAY if after else start - gap * DAY
    outsider = pd.DataFrame(
        {"event_id": ["outside"], "status": ["occurred"], "date_start": [day], "date_end": [day]}
    ).astype(frame.dtypes.to_dict())
    grown = pd.concat([frame, outsider], ignore_index=True)
    assert list(in_window(grown, start, end, True)["event_id"]) == list(
        in_window(frame, start, end, True)["event_id"]
    )


def test_each_boundary_of_the_window_on_both_sides_and_at_it():
    start, end = pd.Timestamp("2017-09-01"), pd.Timestamp("2017-09-30")
    for day, inside in [(start - DAY, False), (start, True), (end, True), (end + DAY, False)]:
        one = pd.Series([day])
        assert bool(overlaps(one, one, start, end).iloc[0]) is inside, day
    # An interval ending on the first day, or starting on the last, touches the window.
    assert overlaps(pd.Series([start - 5 * DAY]), pd.Series([start]), start, end).iloc[0]
    assert overlaps(pd.Series([end]), pd.Series([end + 5 * DAY]), start, end).iloc[0]
    assert not overlaps(pd.Series([start - 5 * DAY]), pd.Series([start - DAY]), start, end).iloc[0]
    # Open bounds reach as far as they may; no bound at all places nothing.
    assert overlaps(pd.Series([pd.NaT]), pd.Series([start]), start, end).iloc[0]
    assert overlaps(pd.Series([end]), pd.Series([pd.NaT]), start, end).iloc[0]
    assert not overlaps(pd.Series([end + DAY]), pd.Series([pd.NaT]), start, end).iloc[0]
    assert not overlaps(pd.Series([pd.NaT]), pd.Series([start - DAY]), start, end).iloc[0]
    assert not overlaps(pd.Series([pd.NaT]), pd.Series([pd.NaT]), start, end).iloc[0]


def test_the_context_layer_on_both_sides_of_as_of(tables):
    outcomes = tables["outcomes"]
    last_day = outcomes["date_end"].fillna(outcomes["date_start"])
    for day in last_day.dropna().unique():
        day = pd.Timestamp(day)
        for as_of, known in [(day - DAY, False), (day, True), (day + DAY, True)]:
            kept = set(context_as_of(tables, as_of)["outcomes"]["outcome_id"])
            ids = set(outcomes.loc[last_day == day, "outcome_id"])
            assert (ids <= kept) is known and (ids & kept == set()) is (not known), (day, as_of)
    # An undated outcome ("not found") is hindsight whatever the day.
    undated = set(outcomes.loc[last_day.isna(), "outcome_id"])
    assert undated and not undated & set(
        context_as_of(tables, pd.Timestamp("2030-01-01"))["outcomes"]["outcome_id"]
    )
    resolutions = tables["resolutions"]
    for row in resolutions.itertuples():
        for as_of, known in [(row.adopted - DAY, False), (row.adopted, True)]:
            view = context_as_of(tables, as_of)
            assert (row.resolution_id in set(view["resolutions"]["resolution_id"])) is known
            measures = view["resolution_measures"]
            assert set(measures["resolution_id"]) <= set(view["resolutions"]["resolution_id"])


def test_the_chronology_on_both_sides_of_as_of(tables):
    """A fact of the chronology is known from its last day: not the day before, and from then on."""
    facts = tables["chronology"]
    for row in facts.itertuples():
        for as_of, known in [(row.date_end - DAY, False), (row.date_end, True), (row.date_end + DAY, True)]:
            kept = set(context_as_of(tables, as_of)["chronology"]["fact_id"])
            assert (row.fact_id in kept) is known, (row.fact_id, as_of)
    assert len(context_as_of(tables, facts["date_start"].min())["chronology"]) < len(facts)


def test_articles_on_both_sides_of_as_of(tables):
    from helpers.views import as_of_view

    for published in tables["sources"]["published"]:
        for as_of, known in [(published - DAY, False), (published, True)]:
            view = as_of_view(tables, as_of)
            ids = set(tables["sources"].loc[tables["sources"]["published"] == published, "source_id"])
            assert (ids <= set(view["sources"]["source_id"])) is known
            for name, frame in view.items():
                if "source_id" in frame and name != "actors":
                    assert set(frame["source_id"]) <= set(view["sources"]["source_id"]), name


@given(events(), windows(), st.booleans())
def test_in_window_keeps_the_columns_and_a_fresh_index(frame, window, include_planned):
    shown = in_window(frame, *window, include_planned)
    assert list(shown.columns) == list(frame.columns)
    assert list(shown.index) == list(range(len(shown)))


def test_the_context_layer_keeps_its_columns(tables):
    view = context_as_of(tables, pd.Timestamp("2017-09-19"))
    for name, frame in view.items():
        assert list(frame.columns) == list(tables[name].columns), name
        assert list(frame.index) == list(range(len(frame))), name


def test_as_of_view_is_the_hand_worked_view(tables):
    """Oracle, for every article's date: the events are those a known article mentions, each with
    the status its latest known article reports; an event all of whose mentions are known keeps
    its curated dates."""
    from helpers.views import as_of_view

    mentions, sources, events = tables["mentions"], tables["sources"], tables["events"].set_index("event_id")
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    for as_of in sorted(sources["published"].unique()):
        known = mentions.loc[mentions["source_id"].map(published) <= as_of]
        view = as_of_view(tables, as_of)
        found = view["events"].set_index("event_id")
        assert set(found.index) == set(known["event_id"]), as_of
        for event_id, said in known.groupby("event_id"):
            latest = said.loc[said["source_id"].map(published) == said["source_id"].map(published).max()]
            statuses = "/".join(sorted(set(latest["reported_status"])))
            assert found.loc[event_id, "status"] == statuses, (as_of, event_id)
            if len(said) == (mentions["event_id"] == event_id).sum():
                for column in ("date_start", "date_end"):
                    same = found.loc[event_id, column] == events.loc[event_id, column]
                    assert same or (
                        pd.isna(found.loc[event_id, column]) and pd.isna(events.loc[event_id, column])
                    )
        assert list(view["events"].columns) == list(tables["events"].columns)


def test_as_of_view_holds_the_context_layer_as_of_that_day(tables):
    from helpers.views import as_of_view

    for as_of in sorted(tables["sources"]["published"].unique()):
        view = as_of_view(tables, as_of)
        for name, frame in context_as_of(tables, as_of).items():
            assert view[name].equals(frame), (name, as_of)
