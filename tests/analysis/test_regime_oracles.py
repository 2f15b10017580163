"""The sanctions regime (page 02's frame) against plain-Python oracles, on the real context layer
and on a copy with one resolution's measures removed: every resolution with its measure count,
lag and link to the articles; the category matrix in its fixed order; each category's first hit."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import regime
from helpers.analysis.regime import CATEGORY_ORDER


def without_measures_of(tables, resolution_id: str):
    """The tables with one resolution's measures gone (a resolution with none must count 0)."""
    measures = tables["resolution_measures"]
    return {**tables, "resolution_measures": measures.loc[measures["resolution_id"] != resolution_id]}


@pytest.fixture(params=["real", "one-without-measures"])
def context(request, tables):
    if request.param == "real":
        return tables
    return without_measures_of(tables, tables["resolutions"].sort_values("adopted")["resolution_id"].iloc[0])


def test_every_resolution_with_its_count_lag_and_link(context):
    found = regime.resolutions(context)
    rows = sorted(context["resolutions"].itertuples(), key=lambda r: r.adopted)
    events = set(context["events"]["event_id"])
    assert list(found["resolution_id"]) == [r.resolution_id for r in rows]
    assert list(found.index) == list(range(len(rows)))
    for row, got in zip(rows, found.itertuples(), strict=True):
        n = int((context["resolution_measures"]["resolution_id"] == row.resolution_id).sum())
        assert got.measures == n, row.resolution_id
        lag = None if pd.isna(row.trigger_last) else (row.adopted - row.trigger_last).days
        assert (pd.isna(got.lag_days) and lag is None) or got.lag_days == lag, row.resolution_id
        assert got.in_articles == (isinstance(row.event_id, str) and row.event_id in events)


def test_the_matrix_counts_each_category_by_resolution_in_order(context):
    matrix = regime.matrix(context)
    order = list(context["resolutions"].sort_values("adopted")["resolution_id"])
    measures = context["resolution_measures"]
    present = [c for c in CATEGORY_ORDER if c in set(measures["category"].astype("str"))]
    assert list(matrix.index) == present
    assert list(matrix.columns) == order
    for category in present:
        for resolution in order:
            expected = int(
                (
                    (measures["category"].astype("str") == category)
                    & (measures["resolution_id"] == resolution)
                ).sum()
            )
            assert matrix.loc[category, resolution] == expected, (category, resolution)


def test_the_first_hit_is_the_first_resolution_with_a_measure():
    table = pd.DataFrame(
        {"r1": [0, 2, 0], "r2": [1, 0, 0], "r3": [3, 1, 4]}, index=["energy", "seafood", "labour"]
    )
    assert regime.first_hits(table).to_dict() == {"energy": "r2", "seafood": "r1", "labour": "r3"}


def test_the_articles_resolutions_against_the_cited_days(tables):
    links = regime.article_links(tables)
    events = tables["events"].set_index("event_id")
    linked = tables["resolutions"].dropna(subset=["event_id"]).sort_values("adopted")
    assert list(links["event_id"]) == list(linked["event_id"])
    assert list(links.index) == list(range(len(links)))
    for row, got in zip(linked.itertuples(), links.itertuples(), strict=True):
        event = events.loc[row.event_id]
        assert (got.article_event, got.articles_from, got.articles_to) == (
            event["title"],
            event["date_start"],
            event["date_end"],
        )
        assert got.symbol == row.symbol and got.adopted == row.adopted
        assert got.agrees == (event["date_start"] <= row.adopted <= event["date_end"])
    # A cited day outside the articles' window does not agree.
    moved = tables["resolutions"].assign(adopted=tables["resolutions"]["adopted"] + pd.Timedelta(days=400))
    assert not regime.article_links({**tables, "resolutions": moved})["agrees"].any()
