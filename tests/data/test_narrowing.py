"""Issue 23, point 7: a mention's wide interval narrowed by another statement of the same article
(``events.ends_by``), a state attested on a day with both bounds open (``events.attested``), and
the small tables for facts that are not events (``relations``, ``cooperation_fields``,
``sanctions.novelty``). Each rule is shown to hold on the data and to bite on a copy of it, word
for word where a curator reads the message."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from support import edit, find, problems

from helpers.data.derive import cut_ends, ends_by_bounds, mention_intervals
from helpers.data.load import load_tables

# Rows of events.csv (0 = the first data row, on line 2).
OIL_IDEA, SURVEY, NEW_YORK, SENIOR, WEAPONS = 3, 11, 12, 15, 20
# Rows of mentions.csv.
M32 = 31


def said(data) -> list[str]:
    return [str(problem) for problem in problems(data)]


# --- the data as curated -------------------------------------------------------------------


def test_the_senior_officials_meetings_keep_their_date_words_and_end_in_november(tables):
    events = tables["events"].set_index("event_id")
    mentions = tables["mentions"].set_index("mention_id")
    assert mentions.loc["m32", "date_text"] == "in the near future"
    meetings = events.loc["senior-officials-meetings"]
    assert (meetings.date_start, meetings.date_end, meetings.precision, meetings.ends_by) == (
        pd.Timestamp("2017-09-19"),
        pd.Timestamp("2017-11-30"),
        "interval",
        "m33",
    )
    assert mentions.loc["m33", "date_text"] == "November"
    assert "ends_by m33" in meetings.date_note


def test_the_oil_embargo_idea_is_open_on_both_sides_and_attested_on_1_september(tables):
    idea = tables["events"].set_index("event_id").loc["jp-us-oil-embargo-idea"]
    assert pd.isna(idea.date_start) and pd.isna(idea.date_end)
    assert (idea.precision, idea.attested) == ("open", pd.Timestamp("2017-09-01"))
    assert "2017-09-01" in idea.date_note
    roles = tables["participants"].query("event_id == 'jp-us-oil-embargo-idea'")
    assert dict(zip(roles["actor_id"], roles["role"], strict=True)) == {
        "JPN": "considerer",
        "USA": "considerer",
        "PRK": "target",
    }


def test_every_event_has_a_bound_or_an_attested_day(tables):
    events = tables["events"]
    placeable = events["date_start"].notna() | events["date_end"].notna() | events["attested"].notna()
    assert placeable.all(), events.loc[~placeable, "event_id"].tolist()
    attested = events.dropna(subset=["attested"]).set_index("event_id")["attested"]
    assert attested.to_dict() == {
        "jp-us-oil-embargo-idea": pd.Timestamp("2017-09-01"),
        "prk-weapons-development": pd.Timestamp("2017-09-19"),
    }


def test_the_joint_activities_start_on_19_september_for_reasons_the_note_gives(tables):
    activities = tables["events"].set_index("event_id").loc["joint-economic-activities"]
    assert activities.date_start == pd.Timestamp("2017-09-19") and pd.isna(activities.date_end)
    for words in ("soon", "early this month", "the future of joint economic activities", "2017-09-19"):
        assert words in activities.date_note
    mentions = tables["mentions"].query("event_id == 'joint-economic-activities'")
    # What the two seed articles say of it (a later article may add to it).
    assert mentions.loc[mentions["source_id"].isin(["a000", "a001"]), "source_id"].tolist() == [
        "a001",
        "a000",
        "a000",
    ]
    assert set(mentions.loc[mentions["source_id"] == "a000", "reported_status"]) == {"proposed"}


def test_the_facts_of_point_7_are_recorded(tables):
    relations = tables["relations"]
    found = set(
        zip(
            relations["subject"],
            relations["relation"],
            relations["object"],
            relations["source_id"],
            strict=True,
        )
    )
    assert {
        ("RUS", "restraining_role", "PRK", "a000"),
        ("CHN", "restraining_role", "PRK", "a000"),
        ("PRK", "relies_on_oil_from", "RUS", "a000"),
        ("PRK", "relies_on_oil_from", "CHN", "a000"),
        ("JPN", "territorial_dispute", "RUS", "a001"),
        ("JPN", "peace_treaty_blocked", "RUS", "a001"),
    } <= found
    said_by = relations.set_index("relation_id")["attributed_to"]
    assert said_by["r01"] == said_by["r02"] == "JPN"
    first = tables["sanctions"].dropna(subset=["novelty"])
    assert first["item"].tolist() == ["oil", "petroleum products"]
    assert tables["cooperation_fields"]["field"].tolist() == ["aqua cultivation"]
    weapons = tables["events"].set_index("event_id").loc["prk-weapons-development"]
    assert (weapons.kind, weapons.status) == ("weapons_development", "occurred")


# --- ends_by ----------------------------------------------------------------------------------


def test_without_ends_by_the_near_future_leaves_the_end_open(data_copy):
    edit(data_copy, "events", SENIOR, "ends_by", "")
    assert (
        "events.csv, line 17, column 'date_end': value '2017-11-30': expected empty (an open bound), what "
        "the date_text of the mentions of 'senior-officials-meetings' resolves to (the intersection of "
        "their intervals)"
    ) in said(data_copy)


def test_an_end_other_than_the_cut_is_named_with_the_cut(data_copy):
    edit(data_copy, "events", SENIOR, "date_end", "2017-11-20")
    assert (
        "events.csv, line 17, column 'date_end': value '2017-11-20': expected 2017-11-30, what the "
        "date_text of the mentions of 'senior-officials-meetings' resolves to (the intersection of their "
        "intervals, the end cut at the last day of mention 'm33' (ends_by))"
    ) in said(data_copy)


def test_dropping_the_date_words_does_not_make_the_cut_pass(data_copy):
    """The conflict is settled by ends_by, not by emptying the mention's date words."""
    edit(data_copy, "mentions", M32, "date_text", "")
    assert (
        "events.csv, line 17, column 'ends_by': value 'm33': expected an event with a dated mention "
        "(ends_by cuts the end its mentions' date words allow)"
    ) in said(data_copy)


@pytest.mark.parametrize(
    ("row", "value", "expected"),
    [
        pytest.param(
            SENIOR,
            "m13",  # 'next week' in a000, which does not mention the meetings
            "a mention from an article that also mentions this event (ends_by narrows by another "
            "statement of the same article)",
            id="other-article",
        ),
        pytest.param(
            SENIOR,
            "m34",
            "a mention whose date_text gives a last day (this one has none, or leaves it open)",
            id="undated-mention",
        ),
        pytest.param(
            SENIOR,
            "m32",
            "a mention of another event (a statement of the same article about what this one is for)",
            id="own-mention",
        ),
        pytest.param(
            SURVEY,
            "m35",  # 'November or December' ends after 'early next month' does
            "a mention whose last day comes before the end the event's own mentions allow "
            "(this one cuts nothing)",
            id="cuts-nothing",
        ),
    ],
)
def test_ends_by_must_name_a_statement_that_can_cut(data_copy, row, value, expected):
    line = edit(data_copy, "events", row, "ends_by", value)
    assert f"events.csv, line {line}, column 'ends_by': value '{value}': expected {expected}" in said(
        data_copy
    )


def test_ends_by_needs_a_note_and_a_known_mention(data_copy):
    edit(data_copy, "events", SENIOR, "date_note", "")
    assert (
        "events.csv, line 17, column 'date_note': value '': expected a note on why the event is over by "
        "the end of the interval of the mention in ends_by"
    ) in said(data_copy)
    edit(data_copy, "events", SENIOR, "ends_by", "m999")
    find(problems(data_copy), "events.csv", 17, "ends_by", "m999")


def test_a_cut_before_the_start_is_a_contradiction(data_copy):
    edit(data_copy, "events", SENIOR, "ends_by", "m36")  # Russia's designation 'last month': August
    found = said(data_copy)
    assert (
        "events.csv, line 17, column 'event_id': value 'senior-officials-meetings': expected mentions whose "
        "date intervals overlap (they contradict)"
    ) in found


# --- attested ---------------------------------------------------------------------------------


def test_an_event_with_neither_bound_needs_an_attested_day(data_copy):
    edit(data_copy, "events", OIL_IDEA, "attested", "")
    assert (
        "events.csv, line 5, column 'attested': value '': expected the day an article attests the event "
        "(it has neither date_start nor date_end: without a day no chart can place it)"
    ) in said(data_copy)


def test_the_attested_day_is_the_first_articles_date(data_copy):
    edit(data_copy, "events", WEAPONS, "attested", "2017-09-18")
    assert (
        "events.csv, line 22, column 'attested': value '2017-09-18': expected 2017-09-19, the date of the "
        "first article that mentions this event"
    ) in said(data_copy)


def test_the_attested_day_lies_inside_the_interval(data_copy):
    edit(data_copy, "events", NEW_YORK, "attested", "2017-09-19")  # met on the 18th, reported the 19th
    assert (
        "events.csv, line 14, column 'attested': value '2017-09-19': expected a day inside the event's "
        "interval (date_start to date_end)"
    ) in said(data_copy)


# --- the small tables -------------------------------------------------------------------------


def test_a_measure_called_the_first_must_say_so(data_copy):
    line = edit(data_copy, "sanctions", 10, "novelty", "first")  # s11: textiles, no 'first' in its quote
    assert (
        f"sanctions.csv, line {line}, column 'novelty': value 'first': expected a quote in which the article "
        "calls the measure the first (it does not say 'first')"
    ) in said(data_copy)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("field", "fisheries", "a field the quote names"),
        ("event_id", "abe-putin-vladivostok", "a cooperation event (kind cooperation in events.csv)"),
    ],
)
def test_a_field_of_joint_activities_is_named_and_belongs_to_them(data_copy, column, value, expected):
    edit(data_copy, "cooperation_fields", 0, column, value)
    assert f"cooperation_fields.csv, line 2, column '{column}': value '{value}': expected {expected}" in said(
        data_copy
    )


def test_a_relation_joins_two_known_actors(data_copy):
    edit(data_copy, "relations", 2, "object", "PRK")
    assert (
        "relations.csv, line 4, column 'object': value 'PRK': expected another actor than the subject"
    ) in said(data_copy)
    edit(data_copy, "relations", 2, "object", "KOR")
    find(problems(data_copy), "relations.csv", 4, "object", "KOR")


def test_a_relation_quote_must_be_verbatim(data_copy):
    edit(data_copy, "relations", 0, "quote", "Russia has an important role to play.")
    find(problems(data_copy), "relations.csv", 2, "quote", "Russia has an important role to play.")


# --- the derivation ---------------------------------------------------------------------------


def test_ends_by_bounds_take_the_last_day_of_the_named_mention():
    sources = pd.DataFrame({"source_id": ["a1"], "published": [pd.Timestamp("2017-09-19")]})
    mentions = pd.DataFrame(
        {
            "mention_id": pd.array(["m1", "m2", "m3"], dtype="str"),
            "source_id": ["a1"] * 3,
            "date_text": pd.array(["November", "soon", ""], dtype="str"),
        }
    )
    resolved = mention_intervals(mentions, sources)
    ends_by = pd.Series(pd.array(["m1", "", "m2", "m3", "m9", None], dtype="str"))
    bounds = ends_by_bounds(ends_by, mentions, resolved)
    nat = np.datetime64("NaT", "us")
    expected = np.array([np.datetime64("2017-11-30", "us"), nat, nat, nat, nat, nat])
    np.testing.assert_array_equal(bounds.to_numpy(), expected)


def test_cut_ends_keeps_the_earlier_end_and_an_open_end_takes_the_cut():
    day = lambda text: np.datetime64(text, "us")  # noqa: E731
    nat = np.datetime64("NaT", "us")
    end = np.array([nat, day("2017-12-31"), day("2017-10-10"), nat])
    bound = np.array([day("2017-11-30"), day("2017-11-30"), day("2017-11-30"), nat])
    cut = cut_ends(pd.Series(end), pd.Series(bound))
    np.testing.assert_array_equal(
        cut.to_numpy(), np.array([day("2017-11-30"), day("2017-11-30"), day("2017-10-10"), nat])
    )


def test_the_loaded_tables_type_the_new_columns(data_copy):
    tables = load_tables(data_copy)
    assert str(tables["events"]["attested"].dtype).startswith("datetime64")
    assert isinstance(tables["sanctions"]["novelty"].dtype, pd.CategoricalDtype)
    assert isinstance(tables["relations"]["relation"].dtype, pd.CategoricalDtype)
