"""The facade's ``tidy``: what a reader sees of a table (days, blanks, an empty table's words)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from helpers.notebook import tidy


@given(days=st.lists(st.one_of(st.none(), st.dates()), min_size=1, max_size=8))
def test_days_read_as_iso_dates_and_missing_values_are_blank(days):
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(days).astype("datetime64[us]"),
            "aware": pd.to_datetime(days).astype("datetime64[us]").tz_localize("UTC"),
            "count": pd.array([None if d is None else d.day for d in days], dtype="Int64"),
            "text": pd.array([None if d is None else f"<b>{d}</b>" for d in days], dtype="str"),
        },
        index=pd.Index(range(10, 10 + len(days)), name="row"),
    )
    shown = tidy(frame)
    expected = ["" if d is None else d.isoformat() for d in days]
    assert shown["day"].tolist() == expected and shown["aware"].tolist() == expected
    assert shown["count"].tolist() == ["" if d is None else d.day for d in days]
    assert shown["text"].tolist() == ["" if d is None else f"<b>{d}</b>" for d in days]
    assert shown.index.equals(frame.index)


def test_an_empty_table_says_so_escaped():
    said = tidy(pd.DataFrame({"a": []}), "No <plans> & nothing else.")
    assert said.data == "<p><em>No &lt;plans&gt; &amp; nothing else.</em></p>"
