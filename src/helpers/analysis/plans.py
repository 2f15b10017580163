"""What became of the plans the articles announced: a forecast-verification view.

Each plan (an event the articles last report as planned or proposed) is
set against its outcome from the context layer: the window the articles announced,
the day it was first announced, and whether, when and how far from the window it
actually happened. A ``not_found`` outcome means no record was found, which is not
proof that the plan was dropped; the chart and the tables say so.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.problems import Tables
from helpers.fast import order, positions, take
from helpers.views import first_reports, overlaps

VERDICTS = ("in window", "early", "late", "no window", "partly", "not found")
COLUMNS = [
    "event_id",
    "title",
    "kind",
    "status",
    "announced",
    "window_start",
    "window_end",
    "outcome",
    "realised_start",
    "realised_end",
    "realised_location",
    "verdict",
    "lead_days",
    "slip_days",
]


def plans(tables: Tables) -> pd.DataFrame:
    """One row per plan (an event last reported as planned or proposed) with its outcome.

    Columns: announced window, first announcement, realised dates, ``verdict`` (one of
    ``VERDICTS``), ``lead_days`` (announcement to realisation) and ``slip_days`` (days
    outside the window: positive late, negative early, 0 inside)."""
    events = tables["events"]
    planned = events["status"].isin(("planned", "proposed")).to_numpy()
    rows = order(events, ["date_start", "event_id"], planned)
    out = (
        events[["event_id", "title", "kind", "status", "date_start", "date_end"]]
        .take(rows)
        .rename(columns={"date_start": "window_start", "date_end": "window_end"})
        .reset_index(drop=True)
    )
    # First announcement: the earliest article that mentions the plan.
    out["announced"] = take(tables["sources"]["published"], first_reports(tables)[rows])
    outcomes = tables["outcomes"]
    found = positions(out["event_id"], outcomes["event_id"])
    realised = {"outcome": "outcome", "date_start": "realised_start", "date_end": "realised_end"}
    for column, name in (*realised.items(), ("location", "realised_location")):
        out[name] = take(outcomes[column], found)
    return _verdicts(out)[COLUMNS]


def _verdicts(out: pd.DataFrame) -> pd.DataFrame:
    """Each plan's verdict, lead time and slip, from its window and its outcome."""
    late = out["realised_start"] > out["window_end"]
    early = out["realised_end"] < out["window_start"]
    verdict = pd.Series("in window", index=out.index, dtype="str")
    verdict = verdict.mask(early, "early").mask(late, "late")
    # A plan the articles known by then gave no date for (see views.as_of_view) has no window;
    # one with an open bound ("soon") has a window that is open on that side.
    verdict = verdict.mask(out["window_start"].isna() & out["window_end"].isna(), "no window")
    verdict = verdict.mask(out["outcome"] == "partly", "partly").mask(
        out["outcome"] == "not_found", "not found"
    )
    verdict = verdict.mask(out["outcome"].isna(), "not found")
    slip = (
        (out["realised_start"] - out["window_end"]).dt.days.where(late, 0)
        + (out["realised_end"] - out["window_start"]).dt.days.where(early, 0)
    ).where(verdict.isin(("in window", "early", "late")))
    return out.assign(
        verdict=pd.Categorical(verdict, categories=VERDICTS),
        lead_days=(out["realised_start"] - out["announced"]).dt.days.astype("Int64"),
        slip_days=slip.astype("Int64"),
    )


def overlapping(
    table: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, happened_only: bool
) -> pd.DataFrame:
    """Plans whose announced window or realised dates overlap ``[start, end]``; with
    ``happened_only`` only those that happened (in full or in part)."""
    window = overlaps(table["window_start"], table["window_end"], start, end)
    realised = overlaps(table["realised_start"], table["realised_end"], start, end)
    keep = window | realised
    if happened_only:
        keep &= table["outcome"].isin(("held", "partly"))
    return table.loc[keep].reset_index(drop=True)


def scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """How many plans ended in each verdict, with their median lead time in days."""
    return (
        table.groupby("verdict", observed=False)
        .agg(plans=("event_id", "size"), median_lead_days=("lead_days", "median"))
        .reset_index()
    )
