"""What became of the plans the articles announced: a forecast-verification view.

Each plan (an event an article reports as planned or proposed, even if a later article
reports it held) is set against its outcome from the context layer, or from the articles
where they report it held and the context layer has no row: the window the articles announced,
the day it was first announced, and whether, when and how far from the window it
actually happened. A ``not_found`` outcome means no record was found, which is not
proof that the plan was dropped; the chart and the tables say so.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.derive import event_intervals, mention_intervals
from helpers.data.frames import among
from helpers.data.problems import Tables
from helpers.views import first_reports, overlaps

PLAN_STATUSES = ("planned", "proposed")
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
    "outcome_source",
    "outcome_id",
    "realised_start",
    "realised_end",
    "realised_location",
    "verdict",
    "lead_days",
    "slip_days",
]


def announced_plans(tables: Tables) -> pd.DataFrame:
    """One row per plan as it was announced: every event that an article reports as planned or
    proposed, whatever later articles say of it (a plan is a plan from the day it is announced).

    ``status`` is ``planned`` if any announcement plans it, else ``proposed``; ``window_start``
    and ``window_end`` are the days the announcements allow (the curated dates while no article
    reports it otherwise); ``announced`` is the first article's date."""
    events, mentions = tables["events"], tables["mentions"]
    said = mentions.loc[mentions["reported_status"].isin(PLAN_STATUSES)]
    plan_ids = among(events["event_id"], said["event_id"])
    only_plans = ~among(events["event_id"], mentions.loc[~mentions.index.isin(said.index), "event_id"])
    allowed = event_intervals(said, mention_intervals(said, tables["sources"])).reindex(events["event_id"])
    windows = events.assign(
        window_start=events["date_start"].where(only_plans, allowed["start"].to_numpy()),
        window_end=events["date_end"].where(only_plans, allowed["end"].to_numpy()),
        status=among(events["event_id"], said.loc[said["reported_status"] == "planned", "event_id"]).map(
            {True: "planned", False: "proposed"}
        ),
        announced=first_reports(tables, PLAN_STATUSES)["published"].reindex(events["event_id"]).to_numpy(),
    )
    columns = ["event_id", "title", "kind", "status", "announced", "window_start", "window_end"]
    return windows.loc[plan_ids, columns].sort_values(["window_start", "event_id"]).reset_index(drop=True)


def realised(plans: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """What became of each plan: the cited outcome of the plan's own kind (else its first), or,
    where the context layer has none, what the articles themselves later report as held."""
    outcomes = tables["outcomes"].dropna(subset=["event_id"])
    outcomes = outcomes.merge(
        plans[["event_id", "kind"]].rename(columns={"kind": "plan_kind"}), on="event_id"
    )
    outcomes = (
        outcomes.assign(same_kind=outcomes["kind"].astype("str") == outcomes["plan_kind"].astype("str"))
        .sort_values(["event_id", "same_kind", "outcome_id"], ascending=[True, False, True])
        .drop_duplicates("event_id")
        .assign(outcome_source="context")
    )
    cited = outcomes[
        ["event_id", "outcome", "outcome_source", "outcome_id", "date_start", "date_end", "location"]
    ]
    events = tables["events"]
    held = events.loc[(events["status"] == "occurred") & ~among(events["event_id"], cited["event_id"])]
    reported = held[["event_id", "date_start", "date_end", "location"]].assign(
        outcome="held", outcome_source="articles", outcome_id=pd.NA
    )
    found = pd.concat([cited, reported[cited.columns]], ignore_index=True).rename(
        columns={"date_start": "realised_start", "date_end": "realised_end", "location": "realised_location"}
    )
    return plans.merge(found, on="event_id", how="left")


def plans(tables: Tables) -> pd.DataFrame:
    """One row per announced plan (``announced_plans``) with what became of it (``realised``).

    Columns: announced window, first announcement, realised dates, ``verdict`` (one of
    ``VERDICTS``), ``lead_days`` (announcement to realisation) and ``slip_days`` (days
    outside the window: positive late, negative early, 0 inside)."""
    return _verdicts(realised(announced_plans(tables), tables))[COLUMNS]


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
