"""The chronology of 2017 (``context/chronology.csv``, ``people.csv``): every row's fields and
interval hold on the real data, and each way a row can be wrong is named by the loader."""

from __future__ import annotations

from zoneinfo import available_timezones

import pandas as pd
import pytest
from support import edit, find, problems, read_rows, row_where

from helpers import paths
from helpers.data.load import load_tables

# Where each kind of fact is dated: a launch or test where it happened, a Council action in New York.
ZONE_OF_KIND = {
    "missile_launch": "Asia/Pyongyang",
    "nuclear_test": "Asia/Pyongyang",
    "resolution": "America/New_York",
    "presidential_statement": "America/New_York",
    "press_statement": "America/New_York",
}


@pytest.fixture(scope="module")
def facts(tables) -> pd.DataFrame:
    return tables["chronology"]


def test_every_row_is_an_honest_interval_in_a_stated_zone(facts):
    assert (facts["date_start"] <= facts["date_end"]).all()
    assert facts["time_zone"].isin(available_timezones()).all()
    expected = facts["kind"].astype("str").map(ZONE_OF_KIND)
    fixed = expected.notna()
    assert (facts.loc[fixed, "time_zone"] == expected[fixed]).all()
    wide = facts["date_end"] > facts["date_start"]
    assert facts.loc[wide, "note"].str.len().gt(0).all(), "a row over several days says why in its note"


def test_every_row_cites_a_source_read_after_it_was_published(facts):
    assert facts["source_url"].str.match(r"https?://\S+$").all()
    assert facts["source_title"].str.strip().str.len().gt(0).all()
    published = facts["source_published"].dropna()
    assert (published <= facts.loc[published.index, "accessed"]).all()
    earlier = published.dt.year < facts.loc[published.index, "date_start"].dt.year
    assert not earlier.any(), "a source published in a year before its fact's"


def test_every_party_and_link_is_known(tables, facts):
    known = set(tables["actors"]["actor_id"]) | set(tables["people"]["actor_id"])
    parties = pd.concat([facts["actor_a"], facts["actor_b"].dropna()])
    assert set(parties) <= known
    assert not set(tables["people"]["actor_id"]) & set(tables["actors"]["actor_id"])
    resolutions = facts.dropna(subset=["resolution_id"]).merge(tables["resolutions"], on="resolution_id")
    assert (resolutions["date_start"] == resolutions["adopted"]).all()
    assert len(resolutions) == (facts["kind"] == "resolution").sum()


@pytest.mark.parametrize(
    ("where", "column", "value", "expected"),
    [
        pytest.param(
            {"kind": "summit"},
            "date_end",
            "2017-01-01",
            "a date on or after date_start",
            id="end-before-start",
        ),
        pytest.param(
            {"kind": "summit"},
            "time_zone",
            "Asia/Tokio",
            "an IANA time zone, such as Asia/Tokyo",
            id="unknown-time-zone",
        ),
        pytest.param(
            {"kind": "summit"},
            "actor_b",
            "putn",
            "an actor_id of actors.csv or context/people.csv",
            id="unknown-actor",
        ),
        pytest.param(
            {"kind": "resolution"},
            "date_start",
            "2017-01-02",
            "the adoption day in resolutions.csv",
            id="resolution-off-its-day",
        ),
        pytest.param(
            {"kind": "resolution"},
            "resolution_id",
            "",
            "the resolution's resolution_id",
            id="resolution-unnamed",
        ),
        pytest.param(
            {"kind": "summit"},
            "resolution_id",
            "unscr-2375",
            "empty (the fact is no resolution)",
            id="resolution-named-by-a-summit",
        ),
        pytest.param(
            {"event_id": "nuclear-test-0903"},
            "event_id",
            "launch-over-japan-sept",
            "an event whose interval overlaps the fact's",
            id="held-event-elsewhen",
        ),
        pytest.param(
            {"kind": "summit"},
            "kind",
            "banquet",
            "one of phone_call, meeting, summit, talks, visit, missile_launch, …",
            id="kind-outside-vocabulary",
        ),
        pytest.param(
            {"kind": "summit"},
            "source_url",
            "www.mofa.go.jp",
            r"text matching /https?://\S+/",
            id="citation-without-scheme",
        ),
    ],
)
def test_each_wrong_fact_is_named(data_copy, where, column, value, expected):
    """Where, what is there, and what the row should hold instead."""
    table = "context/chronology"
    line = edit(data_copy, table, row_where(data_copy, table, **where), column, value)
    said = find(problems(data_copy), "context/chronology.csv", line, column, value).expected
    assert said.startswith(expected.removesuffix("…")) if expected.endswith("…") else said == expected


def test_a_person_of_the_context_layer_repeats_no_article_actor(data_copy):
    line = edit(data_copy, "context/people", 0, "actor_id", "abe")
    assert find(problems(data_copy), "context/people.csv", line, "actor_id", "abe").expected == (
        "an id not in actors.csv"
    )


def test_a_plan_may_be_held_outside_its_announced_window(data_copy):
    """Linked to a planned event, a fact may fall outside its window: outcomes judge that."""
    planned = read_rows(paths.DATA / "events.csv")
    event = next(row["event_id"] for row in planned if row["status"] == "planned" and row["date_end"])
    row = row_where(data_copy, "context/chronology", kind="summit")
    edit(data_copy, "context/chronology", row, "event_id", event)
    assert event in set(load_tables(data_copy)["chronology"]["event_id"])


def test_the_data_card_counts_the_chronology(facts):
    """The numbers the data card gives of the chronology are the data's."""
    card = " ".join((paths.DATA / "README.md").read_text(encoding="utf-8").split())
    launches = facts.loc[facts["kind"] == "missile_launch"]
    widened = (launches["date_end"] > launches["date_start"]).sum()
    statements = (facts["kind"] == "press_statement").sum()
    assert f"*The chronology* ({len(facts)} facts" in card
    assert f"the note names the source ({widened} launches)" in card
    assert f"the stored pages date {statements}, and the gap" in card
