"""Contacts, their pairs and the gaps between them, on the real data: answers read off the articles."""

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import cadence


def test_contacts_and_pairs(tables):
    contacts = cadence.contacts(tables).set_index("event_id")
    assert contacts.loc["call-kono-lavrov-0901", ["pair", "mode"]].tolist() == ["Kono – Lavrov", "phone"]
    assert contacts.loc["senior-officials-meetings", "pair"] == "Japan – Russia"
    assert contacts.loc["kono-lavrov-new-york", "duration_min"] == 30


def test_contacts_filtered_by_actor_and_kind(tables):
    ministers = cadence.contacts(tables, actors=("lavrov",))
    assert set(ministers["pair"]) == {"Kono – Lavrov"}
    calls = cadence.contacts(tables, kinds=("phone_call",))
    assert calls["event_id"].tolist() == ["call-kono-lavrov-0901"]


def expected_gap(tables, before: str, after: str) -> list[int]:
    """The gap between two events, from their dates in the data (which a new article may narrow):
    the later start less the earlier end, and the later end less the earlier start."""
    events = tables["events"].set_index("event_id")
    first, second = events.loc[before], events.loc[after]
    return [(second.date_start - first.date_end).days, (second.date_end - first.date_start).days]


def test_gaps_are_ranges(tables):
    gaps = cadence.gaps(cadence.contacts(tables)).set_index("event_id")
    # Phone call on 1 Sept, meeting in New York on 18 Sept: exactly 17 days, in that order.
    new_york = gaps.loc["kono-lavrov-new-york"]
    assert [new_york.min_days, new_york.max_days] == expected_gap(
        tables, "call-kono-lavrov-0901", "kono-lavrov-new-york"
    )
    assert expected_gap(tables, "call-kono-lavrov-0901", "kono-lavrov-new-york") == [17, 17]
    assert new_york.order_known
    # Vladivostok (4-10 Sept) to APEC (November, as a001 has it): a range, 52 to 87 days there.
    apec = gaps.loc["abe-putin-apec"]
    assert apec.after == "abe-putin-vladivostok"
    assert [apec.min_days, apec.max_days] == expected_gap(tables, "abe-putin-vladivostok", "abe-putin-apec")
    # The implied first meeting (1 Aug - 17 Sept) overlaps the call: order unknown.
    assert not gaps.loc["call-kono-lavrov-0901", "order_known"]


def looped_pair_labels(participants, actors):
    """The same labels by a loop over events: people's surnames sorted, else the states' names."""
    kind = dict(zip(actors["actor_id"], actors["kind"], strict=True))
    name = dict(zip(actors["actor_id"], actors["name"], strict=True))
    labels = {}
    for event_id, group in participants.groupby("event_id"):
        ids = [a for a in group["actor_id"] if kind.get(a) in ("person", "state")]
        people = [name[a].split()[-1] for a in ids if kind[a] == "person"]
        shown = people or [name[a] for a in ids]
        if shown:
            labels[event_id] = " – ".join(sorted(shown))
    return labels


def test_pair_labels_on_the_real_data(tables):
    found = cadence.pair_labels(tables["participants"], tables["actors"])
    assert found.to_dict() == looped_pair_labels(tables["participants"], tables["actors"])
    assert found["call-kono-lavrov-0901"] == "Kono – Lavrov"
    assert found["senior-officials-meetings"] == "Japan – Russia"


@pytest.mark.parametrize("n", [0, 7, 400])
def test_pair_labels_on_synthetic_crowds(n):
    rng = np.random.default_rng(n)
    kinds = ["person"] * 6 + ["state"] * 3 + ["organisation"]
    actors = pd.DataFrame(
        {
            "actor_id": pd.array([f"a{i}" for i in range(len(kinds))], dtype="str"),
            # Shared surnames and first names: ties in the sort.
            "name": pd.array([f"First{i % 2} Name{i % 4}" for i in range(len(kinds))], dtype="str"),
            "kind": pd.Categorical(kinds),
        }
    )
    participants = pd.DataFrame(
        {
            "event_id": pd.array([f"e{i}" for i in rng.integers(0, max(n // 4, 1), n)], dtype="str"),
            # a10: an unknown actor
            "actor_id": pd.array([f"a{i}" for i in rng.integers(0, len(kinds) + 1, n)], dtype="str"),
        }
    )
    found = cadence.pair_labels(participants, actors)
    assert found.to_dict() == looped_pair_labels(participants, actors)


@pytest.mark.parametrize("as_of", [None, "2017-09-01"], ids=["all", "as-of-2017-09-01"])
def test_a_fact_realises_only_an_event_that_the_tables_hold(tables, as_of):
    """On ``as_of`` the articles that report some of the chronology's contacts are not out yet: such
    a contact realises no event (it is drawn on a row of its own), and has no title to name."""
    from helpers.views import as_of_view

    view = as_of_view(tables, None if as_of is None else pd.Timestamp(as_of))
    known = view["events"].set_index("event_id")["title"]
    got = cadence.realised_contacts(view).set_index("fact_id")
    linked = view["chronology"].set_index("fact_id")["event_id"].reindex(got.index)
    for fact_id, event_id in linked.items():
        if pd.notna(event_id) and event_id in known.index:
            assert got.loc[fact_id, ["realises", "realises_title"]].tolist() == [event_id, known[event_id]]
        else:
            assert got.loc[fact_id, ["realises", "realises_title"]].isna().all(), fact_id
    unknown = linked.notna() & ~linked.isin(known.index)
    assert bool(unknown.any()) == (as_of is not None)  # the case the test is for is in the record
