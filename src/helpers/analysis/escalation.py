"""How the UN measures against North Korea grew, and what triggered them.

Following the TIES sanctions data's distinction between the threat (proposal)
stage and imposition, proposed measures are kept apart from adopted ones: an
adopted measure counts as *in force* from the day its resolution was adopted where the
cited context layer gives that day (``basis`` "adopted"), else from the last day on which
the articles allow it to have been adopted (``basis`` "reported": certainly in force by
then); a proposed measure is placed on the day an article reported it.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import among
from helpers.data.problems import Tables

TRIGGER_KINDS = ("missile_launch", "nuclear_test")


def _with_category_filter(frame: pd.DataFrame, categories: tuple[str, ...]) -> pd.DataFrame:
    return frame.loc[frame["category"].isin(categories)] if categories else frame


def adopted_measures(tables: Tables, categories: tuple[str, ...] = ()) -> pd.DataFrame:
    """Adopted measures with the window in which their resolution was adopted: the cited
    adoption day where the context layer links the resolution to the article's event, else the
    days the articles allow (see the module's docstring)."""
    measures = _with_category_filter(tables["sanctions"], categories)
    measures = measures.loc[measures["status"] == "adopted"]
    events = tables["events"][["event_id", "title", "date_start", "date_end"]]
    cited = tables["resolutions"].dropna(subset=["event_id"])[["event_id", "adopted"]]
    out = (
        measures.merge(events, on="event_id")
        .merge(cited, on="event_id", how="left")
        .rename(columns={"title": "resolution"})
    )
    out = out.assign(
        earliest=out["adopted"].fillna(out["date_start"]),
        in_force_by=out["adopted"].fillna(out["date_end"]),
        basis=out["adopted"].notna().map({True: "adopted", False: "reported"}).astype("str"),
    )
    columns = [
        "measure_id",
        "item",
        "category",
        "measure_type",
        "resolution",
        "earliest",
        "in_force_by",
        "basis",
        "source_id",
    ]
    return out[columns].sort_values(["in_force_by", "measure_id"]).reset_index(drop=True)


def proposed_measures(tables: Tables, categories: tuple[str, ...] = ()) -> pd.DataFrame:
    """Proposed measures, dated by the publication of the article that reports them."""
    measures = _with_category_filter(tables["sanctions"], categories)
    measures = measures.loc[measures["status"] == "proposed"]
    published = tables["sources"][["source_id", "published"]].rename(columns={"published": "reported"})
    out = measures.merge(published, on="source_id", how="left")
    columns = ["measure_id", "item", "category", "measure_type", "event_id", "reported", "source_id"]
    return out[columns].sort_values(["reported", "measure_id"]).reset_index(drop=True)


def in_force(
    adopted: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, since: str = "in_force_by"
) -> pd.DataFrame:
    """Daily count of adopted measures in force, one column per category.

    ``since="in_force_by"`` counts a measure from the last day its resolution can
    have been adopted (certainly in force); ``since="earliest"`` from the first
    (possibly in force).
    """
    days = pd.date_range(start, end, freq="D")
    counts = adopted.pivot_table(
        index=since, columns="category", values="measure_id", aggfunc="count", observed=True
    )
    before = adopted.loc[adopted[since] < start].groupby("category", observed=True).size()
    daily = counts.reindex(days).fillna(0)  # no measure that day, or none of that category
    daily.iloc[0] += before.reindex(daily.columns, fill_value=0)
    daily = daily.cumsum().astype("int64")
    daily.index.name = "date"
    daily.columns = daily.columns.astype("str")
    return daily


def triggers(tables: Tables) -> pd.DataFrame:
    """Missile launches and nuclear tests, the events the resolutions responded to."""
    events = tables["events"]
    out = events.loc[events["kind"].isin(TRIGGER_KINDS) & events["date_start"].notna()]
    return out[["event_id", "title", "kind", "date_start", "date_end"]].reset_index(drop=True)


def recorded_triggers(tables: Tables, reported: pd.DataFrame) -> pd.DataFrame:
    """The chronology's launches and tests that no trigger in ``reported`` (the articles') already
    shows: the rest of the record, each with its cited source. A fact that realises an article's
    event is that event, drawn once, on the articles' dates."""
    facts = tables["chronology"]
    out = facts.loc[facts["kind"].isin(TRIGGER_KINDS) & ~among(facts["event_id"], reported["event_id"])]
    columns = [
        "fact_id",
        "title",
        "kind",
        "date_start",
        "date_end",
        "time_zone",
        "source_title",
        "source_url",
    ]
    return out[columns].sort_values(["date_start", "fact_id"]).reset_index(drop=True)
