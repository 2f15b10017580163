"""Contacts, their pairs and the gaps between them, on the real data: answers read off the articles."""

import numpy as np
import pandas as pd
import pytest

from helpers.analysis import cadence
from helpers.fast import positions


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


def test_gaps_are_ranges(tables):
    gaps = cadence.gaps(cadence.contacts(tables)).set_index("event_id")
    # Phone call on 1 Sept, meeting in New York on 18 Sept: exactly 17 days.
    assert gaps.loc["kono-lavrov-new-york", ["min_days", "max_days", "order_known"]].tolist() == [
        17,
        17,
        True,
    ]
    # Vladivostok (4-10 Sept) to APEC (November): 52 to 87 days.
    assert gaps.loc["abe-putin-apec", ["min_days", "max_days"]].tolist() == [52, 87]
    # The implied first meeting (1 Aug - 17 Sept) overlaps the call: order unknown.
    assert not gaps.loc["call-kono-lavrov-0901", "order_known"]


def plain_pair_labels(event, count, actor_ids, actors):
    """The surnames of the people in each event, sorted and joined; the states where it names none."""
    named = actors.assign(
        label=actors["name"].where(actors["kind"] != "person", actors["name"].str.split().str[-1])
    ).set_index("actor_id")
    rows = pd.DataFrame({"event": event, "actor_id": actor_ids.to_numpy()})
    rows = rows.loc[rows["event"] >= 0].join(named[["kind", "label"]], on="actor_id")
    rows = rows.loc[rows["kind"].isin(["person", "state"])]
    people = rows.groupby("event")["kind"].transform(lambda kinds: (kinds == "person").any())
    shown = rows.loc[(rows["kind"] == "person") == people]
    labels = shown.groupby("event")["label"].agg(lambda found: " – ".join(sorted(found)))
    return labels.reindex(range(count))


def test_pair_labels_match_plain_pandas_on_the_real_data(tables):
    events, participants = tables["events"], tables["participants"]
    event = positions(participants["event_id"], events["event_id"])
    found = cadence.pair_labels(event, len(events), participants["actor_id"], tables["actors"])
    expected = plain_pair_labels(event, len(events), participants["actor_id"], tables["actors"])
    assert found.fillna("<none>").tolist() == expected.fillna("<none>").tolist()
    assert "Abe – Putin" in set(found)


@pytest.mark.parametrize("n", [0, 7, 4000])
def test_pair_labels_match_plain_pandas_on_synthetic_crowds(n):
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
    count = max(n // 4, 1)
    event = rng.integers(-1, count, n)  # -1: a participant of an event left out
    actor_ids = pd.Series([f"a{i}" for i in rng.integers(0, len(kinds) + 1, n)], dtype="str")  # a11: unknown
    found = cadence.pair_labels(event, count, actor_ids, actors)
    expected = plain_pair_labels(event, count, actor_ids, actors)
    assert found.fillna("<none>").tolist() == expected.fillna("<none>").tolist()
