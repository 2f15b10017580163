"""`curate draft` reads news as a curator would: kinds from the main verb and from the vocabulary
only, the existing event a sentence updates, the next free ids, and the headline as a headline.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from helpers.curate.draft import COLUMNS, draft_rows, headline_of
from helpers.curate.kinds import KIND_VERBS, kind_of, main_clause
from helpers.curate.updates import next_free, updated_events
from helpers.data.load import data_package

ANCHOR = date(2017, 11, 11)


def drafted(text: str, tables, headline: str = "") -> pd.DataFrame:
    return pd.DataFrame(draft_rows(text, ANCHOR, tables, {}, headline), columns=COLUMNS)


# Kinds: from the vocabulary, and only from the main verb.


def test_every_kind_the_draft_suggests_is_in_the_events_vocabulary():
    kind = next(field for field in data_package()["events"].fields if field.name == "kind")
    assert set(KIND_VERBS) <= set(kind.enum)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Kono met Lavrov in Manila on Monday.", "meeting"),
        ("The ministers talked by phone for 25 minutes.", "phone_call"),
        ("Abe and Putin held a 15-minute phone conversation.", "phone_call"),
        ("North Korea fired two ballistic missiles into the sea.", "missile_launch"),
        ("Pyongyang conducted its sixth nuclear test.", "nuclear_test"),
        ("The Security Council unanimously adopted a fresh sanctions resolution.", "resolution"),
        ("Kono will visit Moscow later this month.", "visit"),
        ("The two sides will hold talks in Tokyo.", "talks"),
        ("Japan and the U.S. propose new sanctions on the North.", "sanction_proposal"),
        ("Russia designated the islands a special economic zone.", "designation"),
        # The kind's word is there, but not as the main verb: no kind.
        ("Their telephone conversation came in the wake of the launch.", ""),
        ("The talks came after North Korea conducted a nuclear test.", ""),
        ("The leaders spoke on the sidelines of the APEC summit.", ""),
        ("The resolution, which the council adopted in August, bans coal.", ""),
        ("A visit is not on the cards, an official said.", "visit"),  # a noun that is a verb too
        ("Moscow remains wary, said an official who met Lavrov.", ""),
        ("TOKYO (Kyodo) -- Officials said nothing, a spokesman said.", ""),
    ],
)
def test_a_kind_comes_from_the_main_verb_only(sentence, kind):
    assert kind_of(sentence) == kind


def test_the_main_clause_loses_dateline_attribution_and_subordinate_clauses():
    sentence = "DA NANG, Vietnam - Abe met Putin after the summit ended, a Japanese official said."
    assert main_clause(sentence) == "Abe met Putin"
    assert main_clause("Abe met Putin.") == "Abe met Putin."


def test_the_first_verb_phrase_of_the_main_clause_wins():
    assert kind_of("Kono will visit Russia for talks with Lavrov.") == "visit"
    assert kind_of("Kono will hold talks with Lavrov during a visit to Russia.") == "talks"


# The existing event a sentence updates.


def days(tables, event_id: str) -> tuple[str, str]:
    """An event's first and last day, ISO, as the data has them (a new article may narrow them)."""
    event = tables["events"].set_index("event_id").loc[event_id]
    return event.date_start.date().isoformat(), event.date_end.date().isoformat()


def test_an_event_whose_participants_are_named_and_whose_dates_overlap_is_offered(tables):
    """The Abe-Putin talks at APEC (November, or a day in it): a sentence naming both leaders and
    the talks' first day offers them; the same sentence a month earlier does not."""
    first, _ = days(tables, "abe-putin-apec")
    day = pd.Timestamp(first)
    found = drafted(f"Abe and Putin met in Da Nang on {day:%B} {day.day}, {day.year}.", tables)
    assert found.loc[0, "updates"].startswith("updates ") and "abe-putin-apec" in found.loc[0, "updates"]
    early = day - pd.DateOffset(months=1)
    october = drafted(f"Abe and Putin met on {early:%B} {early.day}, {early.year}.", tables)
    assert october.loc[0, "date_start"] == early.date().isoformat()
    assert "abe-putin-apec" not in october.loc[0, "updates"]


def test_an_event_is_offered_only_if_every_participant_is_named(tables):
    participants = tables["participants"].query("event_id == 'abe-putin-apec'")["actor_id"]
    assert set(participants) == {"abe", "putin"}
    first, last = days(tables, "abe-putin-apec")
    assert "abe-putin-apec" not in updated_events(tables, "abe", first, last)
    assert "abe-putin-apec" in updated_events(tables, "abe;putin;JPN", first, last)


def test_open_bounds_overlap_as_far_as_they_may(tables):
    first, last = days(tables, "abe-putin-apec")
    before = (pd.Timestamp(first) - pd.Timedelta(days=1)).date().isoformat()
    after = (pd.Timestamp(last) + pd.Timedelta(days=1)).date().isoformat()
    assert "abe-putin-apec" in updated_events(tables, "abe;putin", last, "..")  # "soon", from its last day
    assert "abe-putin-apec" not in updated_events(tables, "abe;putin", after, "..")
    assert "abe-putin-apec" in updated_events(tables, "abe;putin", "..", first)  # "recently"
    assert "abe-putin-apec" not in updated_events(tables, "abe;putin", "..", before)
    assert updated_events(tables, "abe;putin", "", "") == ""  # no date words: nothing to match
    assert updated_events(tables, "", first, last) == ""  # no actors


def test_the_boundary_days_of_an_event_overlap(tables):
    event = tables["events"].set_index("event_id").loc["kono-visit-russia"]
    first, last = (day.date().isoformat() for day in (event.date_start, event.date_end))
    before = (event.date_start - pd.Timedelta(days=1)).date().isoformat()
    after = (event.date_end + pd.Timedelta(days=1)).date().isoformat()
    assert "kono-visit-russia" in updated_events(tables, "kono;lavrov", first, first)
    assert "kono-visit-russia" in updated_events(tables, "kono;lavrov", last, last)
    assert "kono-visit-russia" not in updated_events(tables, "kono;lavrov", before, before)
    assert "kono-visit-russia" not in updated_events(tables, "kono;lavrov", after, after)


# The next free ids.


def test_the_next_ids_follow_the_largest_and_fill_no_gap():
    ids = pd.Series(["m1", "m7", "m3"], dtype="str")
    found = next_free(ids, "m")
    assert [next(found) for _ in range(3)] == ["m8", "m9", "m10"]
    assert next(next_free(pd.Series([], dtype="str"), "m")) == "m1"


def test_each_unquoted_row_gets_the_next_mention_id_and_a_quoted_one_none(tables):
    largest = tables["mentions"]["mention_id"].str.removeprefix("m").astype(int).max()
    text = "Kono met Lavrov on Friday.\nThey spoke on Monday or Tuesday, soon.\nPatrushev stayed home.\n"
    rows = pd.DataFrame(draft_rows(text, ANCHOR, tables, {"Patrushev stayed home.": "yes"}), columns=COLUMNS)
    assert rows["mention_id"].tolist() == [f"m{largest + n}" for n in (1, 2, 3)] + [""]


# The headline.


HEADLINED = "Abe, Putin agree on islands in Da Nang talks\n\nAbe met Putin on Friday in Da Nang.\n"


def test_a_first_line_without_a_full_stop_is_the_headline_of_a_new_file():
    assert headline_of(HEADLINED, "") == "Abe, Putin agree on islands in Da Nang talks"
    assert headline_of("Abe met Putin on Friday.\nThey agreed.\n", "") == ""
    assert headline_of("A line alone\n", "") == ""
    assert headline_of(HEADLINED, "The headline of record") == "The headline of record"


def test_the_headline_gets_its_actors_and_nothing_else(tables):
    rows = drafted(HEADLINED, tables)
    head, body = rows.iloc[0], rows.iloc[1]
    assert head["part"] == "headline" and head["actor_ids"] == "abe;putin"
    assert (head["date_text"], head["kind"], head["updates"], head["mention_id"]) == ("", "", "", "")
    assert body["part"] == "body" and body["date_text"] == "Friday" and body["kind"] == "meeting"
    assert "abe-putin-apec" in body["updates"]
