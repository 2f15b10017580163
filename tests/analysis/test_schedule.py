"""The calendar, its announcements and lead times, on the real data."""

import pandas as pd

from helpers.analysis import schedule


def test_schedule_announcement_and_lead_time(tables):
    frame = schedule.schedule(tables).set_index("event_id")
    assert frame.loc[
        "abe-putin-vladivostok", ["announced_by", "lead_min_days", "lead_max_days"]
    ].tolist() == ["a000", 3, 9]
    assert frame.loc["kono-visit-russia", ["announced_by", "lead_min_days", "lead_max_days"]].tolist() == [
        "a001",
        43,
        103,
    ]
    assert pd.isna(frame.loc["kono-lavrov-new-york", "announced"])
