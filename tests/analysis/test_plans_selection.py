"""Page 04's selection and scorecard against plain-Python oracles, fast enough to run for every
mutant: which plans a window shows (by the announced window or by what happened, open bounds
reaching as far as they may) and how many plans end in each verdict, with their median lead."""

from __future__ import annotations

import statistics

import pandas as pd
import pytest

from helpers.analysis import plans
from helpers.analysis.plans import VERDICTS

DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def table(tables) -> pd.DataFrame:
    return plans.plans(tables)


def reaches(first, last, start, end) -> bool:
    """An interval with a bound reaches into [start, end], an open side as far as it may."""
    if pd.isna(first) and pd.isna(last):
        return False
    return (pd.isna(first) or first <= end) and (pd.isna(last) or last >= start)


def shown_by_hand(table, start, end, happened_only) -> list[str]:
    return [
        r.event_id
        for r in table.itertuples()
        if (
            reaches(r.window_start, r.window_end, start, end)
            or reaches(r.realised_start, r.realised_end, start, end)
        )
        and (not happened_only or r.outcome in ("held", "partly"))
    ]


def boundary_days(table) -> list[pd.Timestamp]:
    """Every day a plan's window or outcome starts or ends, and the days either side of it."""
    days = pd.concat([table[c] for c in ("window_start", "window_end", "realised_start", "realised_end")])
    return sorted({d + k * DAY for d in days.dropna() for k in (-1, 0, 1)})


def test_the_selection_is_the_hand_worked_one_at_every_boundary(table):
    days = boundary_days(table)
    for day in days:
        for start, end in ((day, day), (day, day + 10 * DAY), (day - 10 * DAY, day)):
            for happened_only in (False, True):
                shown = plans.overlapping(table, start, end, happened_only)
                assert list(shown["event_id"]) == shown_by_hand(table, start, end, happened_only), (
                    start,
                    end,
                )
                assert list(shown.columns) == list(table.columns)
                assert list(shown.index) == list(range(len(shown)))


def test_happened_only_keeps_the_held_and_the_partly_held(table):
    start, end = table["window_start"].min(), table["realised_end"].max()
    everything = plans.overlapping(table, start, end, False)
    happened = plans.overlapping(table, start, end, True)
    assert set(happened["outcome"]) == {"held", "partly"}
    assert 0 < len(happened) < len(everything)


def test_the_scorecard_counts_every_verdict_and_its_median_lead(table):
    card = plans.scorecard(table).set_index("verdict")
    assert list(card.index) == list(VERDICTS)
    for verdict in VERDICTS:
        rows = [r for r in table.itertuples() if r.verdict == verdict]
        leads = [r.lead_days for r in rows if not pd.isna(r.lead_days)]
        assert card.loc[verdict, "plans"] == len(rows), verdict
        median = card.loc[verdict, "median_lead_days"]
        assert (pd.isna(median) and not leads) or median == statistics.median(leads), verdict
    assert card["plans"].sum() == len(table)


def test_the_scorecard_of_no_plan_lists_every_verdict_at_zero(table):
    card = plans.scorecard(table.iloc[:0])
    assert list(card["verdict"]) == list(VERDICTS)
    assert (card["plans"] == 0).all() and card["median_lead_days"].isna().all()
