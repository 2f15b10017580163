"""What was on the calendar: summits, visits, talks, meetings and the island survey.

For each event the schedule gives its date range, whether it was held or only
planned (as last reported), when it was first announced (the publication date
of the first article that reported it as planned or proposed) and by which
article, and the lead time from announcement to event, as a range of days.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.problems import Tables
from helpers.views import first_reports

SCHEDULE_KINDS = ("summit", "visit", "talks", "meeting", "survey")


def schedule(tables: Tables, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per calendar event, in date order, with its announcement and lead time."""
    wanted = [k for k in (kinds or SCHEDULE_KINDS) if k in SCHEDULE_KINDS]
    events = tables["events"]
    columns = ["event_id", "title", "kind", "status", "date_start", "date_end", "precision", "location"]
    out = events.loc[events["kind"].isin(wanted), columns].sort_values(["date_start", "date_end", "event_id"])
    out = out.reset_index(drop=True)
    # The first article to report each event, and the first to report it ahead, as planned or proposed.
    for column, statuses in {"first_reported": (), "announced": ("planned", "proposed")}.items():
        first = first_reports(tables, statuses).reindex(out["event_id"])
        out[column] = first["published"].to_numpy()
        out[column + "_by"] = first["source_id"].astype("str").array
    return out.assign(
        lead_min_days=(out["date_start"] - out["announced"]).dt.days.astype("Int64"),
        lead_max_days=(out["date_end"] - out["announced"]).dt.days.astype("Int64"),
    )
