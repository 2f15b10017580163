"""The facade's ``tidy``: what a reader sees of a table (days, blanks, open bounds, an empty
table's words, no index) and the HTML the page shows of it (escaped, links, cell kinds)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.notebook import MAX_ROWS, tidy


@given(days=st.lists(st.one_of(st.none(), st.dates()), min_size=1, max_size=8))
def test_days_read_as_iso_dates_and_missing_values_are_blank(days):
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(days).astype("datetime64[us]"),
            "aware": pd.to_datetime(days).astype("datetime64[us]").tz_localize("UTC"),
            "count": pd.array([None if d is None else d.day for d in days], dtype="Int64"),
            "text": pd.array([None if d is None else f"<b>{d}</b>" for d in days], dtype="str"),
        },
        index=pd.Index(range(10, 10 + len(days))),
    )
    shown = tidy(frame).shown
    expected = ["" if d is None else d.isoformat() for d in days]
    assert shown["day"].tolist() == expected and shown["aware"].tolist() == expected
    assert shown["count"].tolist() == ["" if d is None else d.day for d in days]
    assert shown["text"].tolist() == ["" if d is None else f"<b>{d}</b>" for d in days]
    assert list(shown.columns) == ["day", "aware", "count", "text"]  # the row numbers are gone


def test_an_empty_table_says_so_escaped():
    said = tidy(pd.DataFrame({"a": []}), "No <plans> & nothing else.")
    assert said.data == "<p><em>No &lt;plans&gt; &amp; nothing else.</em></p>"


BOUND = st.one_of(st.none(), st.dates())


@given(bounds=st.lists(st.tuples(BOUND, BOUND), min_size=1, max_size=8))
def test_a_missing_bound_reads_open_and_a_missing_interval_unknown(bounds):
    starts, ends = zip(*bounds, strict=True)
    frame = pd.DataFrame({
        "date_start": pd.to_datetime(list(starts)).astype("datetime64[us]"),
        "date_end": pd.to_datetime(list(ends)).astype("datetime64[us]"),
        "published": pd.to_datetime(list(ends)).astype("datetime64[us]"),  # not a bound: blank
    })  # fmt: skip
    shown = tidy(frame).shown
    for (start, end), (_, row) in zip(bounds, shown.iterrows(), strict=True):
        said = {"date_start": start, "date_end": end}
        for column, day in said.items():
            other = said["date_end" if column == "date_start" else "date_start"]
            want = day.isoformat() if day else ("open" if other else "unknown")
            assert row[column] == want
        assert row["published"] == (end.isoformat() if end else "")


class Cells(HTMLParser):
    """The cells of a table: (tag, class, text, href of a link in it)."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.cells.append([tag, dict(attrs).get("class"), "", None])
        elif tag == "a":
            self.cells[-1][3] = dict(attrs)["href"]

    def handle_data(self, data):
        if self.cells:
            self.cells[-1][2] += data


def test_the_page_shows_text_as_text_links_as_links_and_a_named_index_as_data():
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2017-09-07", None]).astype("datetime64[us]"),
            "rows": pd.array([12, 3], dtype="Int64"),
            "quote": pd.array(['<script>alert("x")</script>', "javascript:alert(1)"], dtype="str"),
            "source_url": pd.array(["https://example.org/a?b=1&c=<2>", "http://x.test/p q"], dtype="str"),
        },
        index=pd.Index(["events", "mentions"], name="table"),
    )
    page = Cells()
    page.feed(tidy(frame)._repr_html_())
    assert [c[2] for c in page.cells[:5]] == ["table", "day", "rows", "quote", "source_url"]
    body = [page.cells[i : i + 5] for i in range(5, len(page.cells), 5)]
    assert [[c[2] for c in row] for row in body] == [
        ["events", "2017-09-07", "12", '<script>alert("x")</script>', "https://example.org/a?b=1&c=<2>"],
        ["mentions", "", "3", "javascript:alert(1)", "http://x.test/p q"],
    ]
    assert [[c[1] for c in row] for row in body] == [["text", "date", "number", "text", "text"]] * 2
    links = [[c[3] for c in row] for row in body]
    assert links == [[None] * 4 + ["https://example.org/a?b=1&c=<2>"], [None] * 5]
    assert not re.search(r"<script|<2>", tidy(frame)._repr_html_())


@pytest.mark.parametrize("rows", [MAX_ROWS - 1, MAX_ROWS, MAX_ROWS + 1, 3 * MAX_ROWS + 7])
def test_a_long_table_shows_its_first_rows_and_says_how_many_it_has(rows):
    frame = pd.DataFrame({"event_id": [f"e{n}" for n in range(rows)], "n": range(rows)})
    table = tidy(frame)
    page = table._repr_html_()
    shown = min(rows, MAX_ROWS)
    assert page.count("<tr>") == shown + 1  # and the header
    assert table.shown["event_id"].tolist() == [f"e{n}" for n in range(shown)]
    said = f"The first {MAX_ROWS:,} of its {rows:,} rows."
    assert (said in page) == (rows > MAX_ROWS)
