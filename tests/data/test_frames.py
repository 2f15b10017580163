"""The shared idioms against what they stand for: ``among`` is ``isin``, ``joined_sorted`` and
``joined_in_order`` are a Python sort (or none) and join per key, on drawn ids with repeats,
missing values and no rows at all."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.data.frames import among, by_id, joined_in_order, joined_sorted, raw_days

ids = st.lists(st.sampled_from(["a1", "a2", "b", "é", "", None]), max_size=12)


@given(values=ids, keys=ids)
def test_among_is_isin(values, keys):
    values_s, keys_s = pd.Series(values, dtype="str"), pd.Series(keys, dtype="str")
    values_s.index = values_s.index * 3  # its own index, kept
    found = among(values_s, keys_s)
    assert found.dtype == bool
    assert found.index.equals(values_s.index)
    assert found.tolist() == values_s.isin(keys_s).tolist()


# Each join of labels per key: the function, and how a plain loop orders the keys and the labels.
JOINS = {"sorted": (joined_sorted, sorted), "in order": (joined_in_order, list)}


@pytest.mark.parametrize("how", JOINS)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["e3", "e1", "e2"]), st.sampled_from(["Kono", "Lavrov", "Abe", "Ünal"])),
        max_size=10,
    )
)
def test_joined_joins_each_keys_labels(how, rows):
    join, order = JOINS[how]
    keys = pd.Series([key for key, _ in rows], dtype="str", name="event_id")
    labels = pd.Series([label for _, label in rows], dtype="str", name="name")
    found = join(labels, keys, " – ")
    expected: dict[str, list[str]] = {}
    for key, label in rows:
        expected.setdefault(key, []).append(label)
    assert list(found.items()) == [(key, " – ".join(order(expected[key]))) for key in order(expected)]
    assert (found.index.name, found.name) == ("event_id", "name")


def test_by_id_keeps_the_first_row_of_a_repeated_id():
    frame = pd.DataFrame({"event_id": ["e1", "e2", "e1"], "kind": ["summit", "visit", "talks"]})
    found = by_id(frame, "event_id")
    assert found["kind"].to_dict() == {"e1": "summit", "e2": "visit"}
    assert pd.Series(["e2", "e1", "e3"]).map(found["kind"]).tolist()[:2] == ["visit", "summit"]


def test_raw_days_parses_dates_and_reads_an_empty_cell_as_missing():
    frame = pd.DataFrame({"day": ["2017-09-03", "", "2017-12-31"]}, dtype="str")
    days = raw_days(frame, "day")
    assert days.iloc[0] == pd.Timestamp("2017-09-03") and pd.isna(days.iloc[1])
    assert days.iloc[2] == pd.Timestamp("2017-12-31")
