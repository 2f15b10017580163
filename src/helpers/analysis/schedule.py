"""What was on the calendar: summits, visits, talks, meetings and the island survey.

For each event the schedule gives its date range, whether it was held or only
planned (as last reported), when it was first announced (the publication date
of the first article that reported it as planned or proposed) and by which
article, and the lead time from announcement to event, as a range of days.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.problems import Tables
from helpers.fast import order, side_by_side, take
from helpers.views import first_reports

SCHEDULE_KINDS = ("summit", "visit", "talks", "meeting", "survey")


def schedule(tables: Tables, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per calendar event with its announcement and lead time."""
    wanted = [k for k in (kinds or SCHEDULE_KINDS) if k in SCHEDULE_KINDS]
    events, sources = tables["events"], tables["sources"]
    # Per event, the first article to report it, and the first to report it ahead as planned
    # or proposed; found while the events are sorted (side by side: both sort or join ids).
    reported = {"first_reported": (), "announced": ("planned", "proposed")}
    rows, reports = side_by_side(
        [
            lambda: order(
                events, ["date_start", "date_end", "event_id"], events["kind"].isin(wanted).to_numpy()
            ),
            lambda: {column: first_reports(tables, statuses) for column, statuses in reported.items()},
        ],
        len(tables["mentions"]),
    )
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "location"]
    out = events[columns].take(rows).reset_index(drop=True)
    for column, first in reports.items():
        by = first[rows]
        out[column] = take(sources["published"], by)
        out[column + "_by"] = take(sources["source_id"], by)
    return out.assign(
        lead_min_days=(out["date_start"] - out["announced"]).dt.days.astype("Int64"),
        lead_max_days=(out["date_end"] - out["announced"]).dt.days.astype("Int64"),
    )
