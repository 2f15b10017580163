"""The UN sanctions regime on North Korea since 2006: the frame around the articles' two resolutions.

Reads only the context layer (``data/context/``), where every row cites a public
source; the article-derived tables are never changed by it. A resolution that an
article describes is linked through ``event_id`` and highlighted, so a reader sees
how the August and September 2017 measures compare with everything imposed before.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import among
from helpers.data.problems import Tables

# Rows of the matrix, grouped from what is traded to whom is targeted.
CATEGORY_ORDER = (
    "wmd_missile",
    "arms",
    "luxury_goods",
    "minerals_metals",
    "seafood",
    "textiles",
    "food_agriculture",
    "machinery_vehicles",
    "other_goods",
    "energy",
    "labour",
    "finance",
    "maritime_aviation",
    "diplomatic",
    "designations",
)


def resolutions(tables: Tables) -> pd.DataFrame:
    """One row per resolution in adoption order, with its measure count, the days from its
    last trigger to adoption, and whether an article known in these tables describes it
    (``in_articles``: before the article is published, as of a date, it does not)."""
    frame = tables["resolutions"]
    counts = tables["resolution_measures"].groupby("resolution_id").size()
    out = frame.assign(
        measures=frame["resolution_id"].map(counts).fillna(0).astype("int64"),
        lag_days=(frame["adopted"] - frame["trigger_last"]).dt.days.astype("Int64"),
        in_articles=among(frame["event_id"], tables["events"]["event_id"]),
    )
    columns = [
        "resolution_id",
        "number",
        "symbol",
        "adopted",
        "trigger_kind",
        "trigger",
        "trigger_first",
        "trigger_last",
        "lag_days",
        "measures",
        "in_articles",
        "event_id",
    ]
    return out[columns].sort_values("adopted").reset_index(drop=True)


def article_links(tables: Tables) -> pd.DataFrame:
    """The resolutions the articles describe: the window the articles allow for their adoption
    against the adoption day the context layer cites, and whether the two agree."""
    res = tables["resolutions"].dropna(subset=["event_id"])
    events = tables["events"][["event_id", "title", "date_start", "date_end"]]
    out = res.merge(events, on="event_id").rename(
        columns={"date_start": "articles_from", "date_end": "articles_to", "title": "article_event"}
    )
    out = out.assign(agrees=out["adopted"].between(out["articles_from"], out["articles_to"]))
    columns = ["event_id", "article_event", "articles_from", "articles_to", "symbol", "adopted", "agrees"]
    return out[columns].sort_values("adopted").reset_index(drop=True)


def matrix(tables: Tables) -> pd.DataFrame:
    """Measures per category (rows, in ``CATEGORY_ORDER``) and resolution (columns, by number)."""
    measures = tables["resolution_measures"].assign(category=lambda f: f["category"].astype("str"))
    counts = pd.crosstab(measures["category"], measures["resolution_id"])
    order = resolutions(tables)["resolution_id"]
    rows = [c for c in CATEGORY_ORDER if c in counts.index]
    return counts.reindex(index=rows, columns=order, fill_value=0)


def first_hits(table: pd.DataFrame) -> pd.Series:
    """For each category, the resolution that first imposed a measure in it."""
    return (table > 0).idxmax(axis=1)
