"""Contacts, their pairs and the gaps between them, on the real data: answers read off the articles."""

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
