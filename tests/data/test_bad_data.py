"""Bad data gets one clear error naming file, line, column and value; never a partial result.

Every test edits a copy of data/ in a temporary folder (the ``data_copy`` fixture).
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from support import edit, find, problems

from helpers import paths
from helpers.data.columns import check_field
from helpers.data.load import DataError, load_tables
from helpers.data.schema import Field


def test_missing_column(data_copy):
    path = data_copy / "events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    drop = rows[0].index("precision")
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([r[:drop] + r[drop + 1 :] for r in rows])
    find(problems(data_copy), "events.csv", 1, "precision", "")


@pytest.mark.parametrize(
    ("table", "row", "column", "value"),
    [
        pytest.param("events", 3, "date_start", "2017-13-45", id="malformed-date"),
        pytest.param("events", 1, "event_id", "call-kono-lavrov-0901", id="duplicate-id"),
        pytest.param(
            "mentions", 0, "quote", "Kono and Lavrov agreed on everything.", id="quote-not-in-article"
        ),
        pytest.param("events", 0, "date_end", "2017-08-15", id="start-after-end"),
        pytest.param("events", 0, "kind", "telegram", id="value-outside-enum"),
        pytest.param("sanctions", 0, "item", "uranium", id="item-not-in-quote"),
    ],
)
def test_one_bad_cell_is_named(data_copy, table, row, column, value):
    line = edit(data_copy, table, row, column, value)
    find(problems(data_copy), f"{table}.csv", line, column, value)


def test_lines_are_counted_past_a_value_with_a_line_break(data_copy):
    # The quote of row 0 spans two physical lines, so row 2 starts on line 5, not 4.
    edit(data_copy, "mentions", 0, "quote", "Kono and Lavrov\nagreed on everything.")
    edit(data_copy, "mentions", 2, "reported_status", "rumoured")
    find(problems(data_copy), "mentions.csv", 5, "reported_status", "rumoured")


def test_unknown_actor_id(data_copy):
    line = edit(data_copy, "participants", 0, "actor_id", "kono-typo")
    found = problems(data_copy)
    find(found, "participants.csv", line, "actor_id", "kono-typo")
    assert "actors.csv" in str(next(p for p in found if p.value == "kono-typo"))


@pytest.mark.parametrize("actor", [None, "kono-typo"], ids=["known-ids", "unknown-actor"])
def test_repeated_composite_key_is_named(data_copy, actor):
    """A participant listed twice for one event; the check runs on the foreign keys' joins when
    every id exists and on the strings themselves when one does not."""
    path = data_copy / "participants.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for column in ("event_id", "actor_id", "mention_id"):
        rows[2][header.index(column)] = rows[1][header.index(column)]
    if actor:
        rows[1][header.index("actor_id")] = rows[2][header.index("actor_id")] = actor
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    found = problems(data_copy)
    find(found, "participants.csv", 3, "actor_id", rows[2][header.index("actor_id")])
    repeated = [p for p in found if "repeats an earlier row" in p.expected]
    assert [(p.line, p.column) for p in repeated] == [(3, "actor_id")]


def test_curly_quote_straightened_is_not_verbatim(data_copy):
    tables = load_tables(data_copy)
    row = int(tables["mentions"].index[tables["mentions"]["quote"].str.contains("’")][0])
    straight = tables["mentions"].loc[row, "quote"].replace("’", "'")
    line = edit(data_copy, "mentions", row, "quote", straight)
    find(problems(data_copy), "mentions.csv", line, "quote", straight)


def _quote_of_the_other_article(tables, row):
    """A quote that is verbatim, but in the other article than the row's."""
    mentions = tables["mentions"]
    other = mentions.loc[mentions["source_id"] != mentions.loc[row, "source_id"], "quote"]
    return next(q for q in other if q not in _article(tables, mentions.loc[row, "source_id"]))


def _article(tables, source_id):
    file = tables["sources"].set_index("source_id").loc[source_id, "file"]
    return (paths.ROOT / file).read_text(encoding="utf-8")


QUOTE_CHANGES = {
    "from the other article": _quote_of_the_other_article,
    "case changed": lambda tables, row: tables["mentions"].loc[row, "quote"].swapcase(),
    "whitespace collapsed": lambda tables, row: tables["mentions"].loc[row, "quote"].replace(" ", "", 1),
    "whitespace doubled": lambda tables, row: tables["mentions"].loc[row, "quote"].replace(" ", "  ", 1),
}


@pytest.mark.parametrize("change", QUOTE_CHANGES)
def test_a_quote_must_be_verbatim_in_its_own_article(data_copy, change):
    tables = load_tables(data_copy)
    row = 0
    quote = QUOTE_CHANGES[change](tables, row)
    assert quote != tables["mentions"].loc[row, "quote"]
    line = edit(data_copy, "mentions", row, "quote", quote)
    find(problems(data_copy), "mentions.csv", line, "quote", quote)


def test_unparseable_expression(data_copy):
    tables = load_tables(data_copy)
    row = int(tables["mentions"].index[tables["mentions"]["date_text"] == "Friday"][0])
    # 'work together' is in the quote, so only the resolver can object to it.
    line = edit(data_copy, "mentions", row, "date_text", "work together")
    found = problems(data_copy)
    find(found, "mentions.csv", line, "date_text", "work together")
    assert "cannot resolve" in str(next(p for p in found if p.value == "work together"))


def test_expression_disagreeing_with_event(data_copy):
    tables = load_tables(data_copy)
    row = int(tables["mentions"].index[tables["mentions"]["date_text"] == "early next week"][0])
    event_id = tables["mentions"].loc[row, "event_id"]
    edit(data_copy, "mentions", row, "date_text", "next week")  # resolves, but to 4-10 Sept, not 4-6
    event_line = int(tables["events"].index[tables["events"]["event_id"] == event_id][0]) + 2
    found = problems(data_copy)
    find(found, "events.csv", event_line, "date_end", "2017-09-06")
    assert "2017-09-10" in str(next(p for p in found if p.column == "date_end"))


def test_event_interval_must_match_its_expressions(data_copy):
    line = edit(data_copy, "events", 0, "date_start", "2017-08-31")  # the call was on 'Friday', 1 Sept
    edit(data_copy, "events", 0, "precision", "interval")
    find(problems(data_copy), "events.csv", line, "date_start", "2017-08-31")


def test_status_must_be_the_latest_report(data_copy):
    tables = load_tables(data_copy)
    row = int(tables["events"].index[tables["events"]["event_id"] == "abe-putin-vladivostok"][0])
    line = edit(data_copy, "events", row, "status", "planned")
    find(problems(data_copy), "events.csv", line, "status", "planned")


def test_edited_seed_is_caught(data_copy):
    seed = data_copy.parent / "seeds" / "000_11f20d2174864b71.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Friday", b"Monday"))
    found = problems(data_copy)
    find(
        found, "sources.csv", 2, "sha256", "9906b5af98240fd3348fa39c1d8f4a3cd761fc5c2a0f5161b01ff3650e22b159"
    )


def test_every_problem_is_reported_at_once(data_copy):
    edit(data_copy, "events", 3, "date_start", "not a date")
    edit(data_copy, "events", 4, "kind", "telegram")
    edit(data_copy, "participants", 0, "actor_id", "nobody")
    assert len(problems(data_copy)) >= 3


def test_error_message_lists_problems_without_traceback_noise(data_copy):
    edit(data_copy, "events", 3, "date_start", "2017-13-45")
    with pytest.raises(DataError) as caught:
        load_tables(data_copy)
    text = str(caught.value)
    assert text.startswith("1 problem(s) in the data:")
    assert "events.csv, line 5, column 'date_start': value '2017-13-45'" in text


def test_enum_of_a_number_field_is_checked_and_the_column_stays_a_number():
    frame = pd.DataFrame({"n": pd.Series(["1", "3", ""], dtype="str"), "_line": [2, 3, 4]})
    found, typed = check_field(frame, Field(name="n", type="integer", enum=("1", "2")), "x.csv")
    assert [(p.line, p.column, p.value) for p in found] == [(3, "n", "3")]
    assert str(typed.dtype) == "Int64" and typed.iloc[0] == 1
