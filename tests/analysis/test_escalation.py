"""Measures in force, proposals and triggers, on the real data: answers read off the articles."""

import pandas as pd

from helpers.analysis import escalation

SEPT_1 = pd.Timestamp("2017-09-01")


def test_in_force_counts_steps(tables):
    adopted = escalation.adopted_measures(tables)
    daily = escalation.in_force(adopted, pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31"))
    total = daily.sum(axis=1)
    assert total[pd.Timestamp("2017-08-30")] == 0
    assert total[pd.Timestamp("2017-08-31")] == 6
    assert total[pd.Timestamp("2017-09-18")] == 6
    assert total[pd.Timestamp("2017-09-19")] == 10
    assert daily.loc[pd.Timestamp("2017-12-31"), "energy"] == 2
    possible = escalation.in_force(
        adopted, pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31"), since="earliest"
    )
    assert possible.sum(axis=1)[pd.Timestamp("2017-09-03")] == 10


def test_in_force_counts_measures_adopted_before_the_window(tables):
    adopted = escalation.adopted_measures(tables)
    daily = escalation.in_force(adopted, pd.Timestamp("2017-10-01"), pd.Timestamp("2017-10-31"))
    assert daily.sum(axis=1).tolist() == [10] * 31


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
