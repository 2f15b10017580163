"""Measures in force, proposals and triggers, on the real data: answers read off the articles."""

import pandas as pd
import pytest

from helpers.analysis import escalation

SEPT_1 = pd.Timestamp("2017-09-01")


def _expected_step_days(tables) -> dict[str, pd.Timestamp]:
    """Oracle: each adopted measure's first day in force, worked out row by row: the cited
    adoption day of the resolution linked to its event, else the last day the articles allow."""
    adopted_on = {
        row.event_id: row.adopted for row in tables["resolutions"].itertuples() if pd.notna(row.event_id)
    }
    last_day = dict(zip(tables["events"]["event_id"], tables["events"]["date_end"], strict=True))
    return {
        row.measure_id: adopted_on.get(row.event_id, last_day[row.event_id])
        for row in tables["sanctions"].itertuples()
        if row.status == "adopted"
    }


@pytest.mark.parametrize("context", [True, False])
def test_in_force_steps_on_the_day_each_measure_took_force(tables, context):
    if not context:
        tables = {**tables, "resolutions": tables["resolutions"].iloc[0:0]}
    steps = _expected_step_days(tables)
    adopted = escalation.adopted_measures(tables)
    assert dict(zip(adopted["measure_id"], adopted["in_force_by"], strict=True)) == steps
    assert set(adopted["basis"]) == ({"adopted"} if context else {"reported"})
    start, end = pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31")
    total = escalation.in_force(adopted, start, end).sum(axis=1)
    for day in pd.date_range(start, end):
        assert total[day] == sum(first <= day for first in steps.values()), day


def test_a_step_is_counted_from_its_day_not_the_day_before(tables):
    adopted = escalation.adopted_measures(tables)
    for first in adopted["in_force_by"].unique():
        daily = escalation.in_force(adopted, first - pd.Timedelta(days=1), first).sum(axis=1)
        assert daily.iloc[1] - daily.iloc[0] == (adopted["in_force_by"] == first).sum()


def test_in_force_counts_measures_adopted_before_the_window(tables):
    adopted = escalation.adopted_measures(tables)
    daily = escalation.in_force(adopted, pd.Timestamp("2017-10-01"), pd.Timestamp("2017-10-31"))
    assert daily.sum(axis=1).tolist() == [(adopted["in_force_by"] < pd.Timestamp("2017-10-01")).sum()] * 31


@pytest.mark.parametrize("since", ["in_force_by", "earliest"])
def test_a_window_that_starts_on_a_step_day_counts_each_measure_once(tables, since):
    """The window's first day is a boundary: a measure in force from that very day is counted once,
    on it, whichever day it is counted from."""
    adopted = escalation.adopted_measures(tables)
    for first in adopted[since].dropna().unique():
        daily = escalation.in_force(adopted, first, first + pd.Timedelta(days=1), since=since)
        assert daily.sum(axis=1).tolist() == [(adopted[since] <= first).sum()] * 2, first


def test_in_force_is_a_whole_count_per_category_and_day(tables):
    """The table a notebook shows: a row per day named ``date``, a column per category that has an
    adopted measure, and in each cell that category's measures in force that day, as whole numbers."""
    adopted = escalation.adopted_measures(tables)
    start, end = pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31")
    daily = escalation.in_force(adopted, start, end)
    categories = sorted({str(c) for c in adopted["category"]})
    assert daily.index.name == "date" and list(daily.index) == list(pd.date_range(start, end))
    assert sorted(daily.columns) == categories and (daily.dtypes == "int64").all()
    for category in categories:
        firsts = adopted.loc[adopted["category"] == category, "in_force_by"]
        expected = [int((firsts <= day).sum()) for day in daily.index]
        assert daily[category].tolist() == expected, category


def test_proposals_dated_by_report(tables):
    proposed = escalation.proposed_measures(tables)
    assert proposed["item"].tolist() == ["oil", "oil trade"]
    assert (proposed["reported"] == SEPT_1).all()


def test_triggers(tables):
    assert escalation.triggers(tables)["kind"].tolist() == [
        "missile_launch",
        "nuclear_test",
        "missile_launch",
    ]
