"""What each mark rests on (``analysis.evidence.records``), row by row against the tables read
with plain loops: an article's event and measure carry exactly their own quotes, date words and
articles; a context fact its own title, days, status and cited source."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.analysis import evidence
from helpers.analysis.evidence import COLUMNS, records


@pytest.fixture
def found(tables) -> pd.DataFrame:
    # Made for each test, so that mutation testing sees every test reach ``records``.
    return records(tables)


def described(source) -> str:
    """An article by its outlet and headline, as a reader should read it: no "unknown", no "nan"."""
    outlet = "outlet unknown" if source["outlet"] == "unknown" else source["outlet"]
    return outlet + (f", “{source['headline']}”" if pd.notna(source["headline"]) else "")


def article_line(tables, source_id: str) -> str:
    source = tables["sources"].set_index("source_id").loc[source_id]
    return f"{source_id}: {described(source)}, {source['published']:%-d %b %Y}"


def lines(value: object) -> list[str]:
    return [] if pd.isna(value) else str(value).split("\n")


def test_one_row_per_thing_a_mark_can_stand_for(tables, found):
    assert list(found.columns) == COLUMNS and found.index.is_unique and found.index.name == "mark"
    expected = (
        {f"event-{e}" for e in tables["mentions"]["event_id"]}
        | {f"measure-{m}" for m in tables["sanctions"]["measure_id"]}
        | {f"article-{s}" for s in tables["sources"]["source_id"]}
        | {f"fact-{f}" for f in tables["chronology"]["fact_id"]}
        | {f"outcome-{o}" for o in tables["outcomes"]["outcome_id"]}
        | {f"resolution-{r}" for r in tables["resolutions"]["resolution_id"]}
    )
    assert set(found.index) == expected


def test_an_event_carries_its_own_quotes_words_and_articles(tables, found):
    for event in tables["events"].itertuples():
        said = tables["mentions"].loc[tables["mentions"]["event_id"] == event.event_id]
        if said.empty:
            continue
        row = found.loc[f"event-{event.event_id}"]
        assert (row["layer"], row["what"], row["status"]) == ("articles", event.title, event.status)
        assert (row["date_start"], row["date_end"]) == (event.date_start, event.date_end)
        quotes = [f"“{m.quote}” ({m.source_id})" for m in said.itertuples()]
        assert lines(row["quote"]) == list(dict.fromkeys(quotes))
        assert lines(row["source"]) == list(dict.fromkeys(article_line(tables, s) for s in said["source_id"]))
        assert lines(row["date_words"]) == list(
            dict.fromkeys(w for w in said["date_text"] if pd.notna(w) and w)
        )
        assert pd.isna(row["link"])


def test_a_measure_carries_its_quote_article_and_its_events_days(tables, found):
    events = tables["events"].set_index("event_id")
    for measure in tables["sanctions"].itertuples():
        row = found.loc[f"measure-{measure.measure_id}"]
        what = f"{measure.item} ({measure.measure_type.replace('_', ' ')})"
        assert (row["layer"], row["what"], row["status"]) == ("articles", what, measure.status)
        assert row["quote"] == f"“{measure.quote}” ({measure.source_id})"
        assert row["source"] == article_line(tables, measure.source_id)
        day = events.loc[measure.event_id]
        assert (row["date_start"], row["date_end"]) == (day["date_start"], day["date_end"])


def test_an_article_is_its_outlet_headline_and_day(tables, found):
    for source in tables["sources"].itertuples():
        row = found.loc[f"article-{source.source_id}"]
        assert row["what"] == described(source._asdict())
        assert "nan" not in row["what"] and "unknown," not in row["what"]
        assert row["date_start"] == row["date_end"] == source.published
        # The table's "layer" and "article or source" columns, word for word.
        assert row["layer"] == "articles"
        assert row["source"] == f"{source.source_id}, the text in {source.file}"
        assert pd.isna(row["quote"]) and pd.isna(row["status"])
        assert pd.isna(row["date_words"]) and pd.isna(row["link"])


@pytest.mark.parametrize(
    ("prefix", "table", "key", "what", "days"),
    [
        ("fact", "chronology", "fact_id", "title", ("date_start", "date_end")),
        ("outcome", "outcomes", "outcome_id", "title", ("date_start", "date_end")),
        ("resolution", "resolutions", "resolution_id", "symbol", ("adopted", "adopted")),
    ],
)
def test_a_context_fact_carries_its_cited_source(tables, found, prefix, table, key, what, days):
    for _, fact in tables[table].iterrows():
        row = found.loc[f"{prefix}-{fact[key]}"]
        status = fact["outcome"] if table == "outcomes" else "on record"
        assert (row["layer"], row["what"], row["status"]) == ("context", fact[what], status)
        assert (row["source"], row["link"]) == (fact["source_title"], fact["source_url"])
        assert row["date_start"] is fact[days[0]] or row["date_start"] == fact[days[0]]
        assert row["date_end"] is fact[days[1]] or row["date_end"] == fact[days[1]]
        assert pd.isna(row["quote"]) and pd.isna(row["date_words"])


@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["e2", "e1", "e3"]),
            st.sampled_from(["early next week", "", None, "soon"]),
            st.sampled_from(["“Abe said.” (a001)", "“Putin said.” (a002)", ""]),
        ),
        max_size=12,
    )
)
def test_each_events_lines_are_its_distinct_values_in_order(rows):
    """Per event, each column's distinct values (no missing, no empty one) in the order of its
    mentions, one per line, and '' where there is none; every event of the mentions has a row."""
    frame = pd.DataFrame(rows, columns=["event_id", "date_text", "quote"]).astype("str")
    found = evidence._joined(frame, "event_id", ["date_text", "quote"])
    expected: dict[str, dict[str, list[str]]] = {}
    for key, *values in rows:
        for column, value in zip(["date_text", "quote"], values, strict=True):
            kept = expected.setdefault(key, {"date_text": [], "quote": []})[column]
            if value and value not in kept:
                kept.append(value)
    assert found.index.tolist() == list(expected)
    assert found.to_dict("index") == {
        key: {c: "\n".join(v) for c, v in cols.items()} for key, cols in expected.items()
    }
