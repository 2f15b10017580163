"""The computations behind the charts, on the real data: known answers read off the articles."""

import pandas as pd
import pytest

from helpers import cadence, escalation, schedule
from helpers.views import as_of_view, in_window

SEPT_1 = pd.Timestamp("2017-09-01")


def frozen(tables):
    return {name: frame.copy(deep=True) for name, frame in tables.items()}


def assert_unchanged(before, after):
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name])


def test_as_of_keeps_only_what_was_published(tables):
    view = as_of_view(tables, SEPT_1)
    assert view["sources"]["source_id"].tolist() == ["a000"]
    events = view["events"].set_index("event_id")
    # Planned on 1 September, held by 19 September.
    assert events.loc["abe-putin-vladivostok", "status"] == "planned"
    # The oil resolution was only a possibility then; its date comes from a later article.
    assert events.loc["unsc-resolution-sept", "status"] == "proposed"
    assert pd.isna(events.loc["unsc-resolution-sept", "date_start"])
    assert "kono-lavrov-new-york" not in events.index
    assert set(view["sanctions"]["status"]) == {"adopted", "proposed"}
    assert set(view["sanctions"]["source_id"]) == {"a000"}


def test_as_of_before_the_first_article_knows_nothing(tables):
    view = as_of_view(tables, pd.Timestamp("2017-08-15"))
    for name in ("sources", "events", "mentions", "participants", "sanctions"):
        assert view[name].empty
        assert view[name].dtypes.to_dict() == tables[name].dtypes.to_dict()
    assert cadence.contacts(view).empty and schedule.schedule(view).empty


def test_as_of_none_is_everything(tables):
    assert as_of_view(tables, None)["events"] is tables["events"]


def test_helpers_never_mutate_their_input(tables):
    before = frozen(tables)
    view = as_of_view(tables, SEPT_1)
    contacts = cadence.contacts(tables)
    cadence.gaps(contacts)
    escalation.in_force(escalation.adopted_measures(tables), SEPT_1, pd.Timestamp("2017-12-31"))
    schedule.schedule(view)
    assert_unchanged(before, tables)


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


def test_in_force_counts_steps(tables):
    adopted = escalation.adopted_measures(tables)
    daily = escalation.in_force(adopted, pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31"))
    total = daily.sum(axis=1)
    assert total[pd.Timestamp("2017-08-30")] == 0
    assert total[pd.Timestamp("2017-08-31")] == 6
    assert total[pd.Timestamp("2017-09-18")] == 6
    assert total[pd.Timestamp("2017-09-19")] == 10
    assert daily.loc[pd.Timestamp("2017-12-31"), "energy"] == 2
    possible = escalation.in_force(
        adopted, pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31"), since="earliest"
    )
    assert possible.sum(axis=1)[pd.Timestamp("2017-09-03")] == 10


def test_in_force_counts_measures_adopted_before_the_window(tables):
    adopted = escalation.adopted_measures(tables)
    daily = escalation.in_force(adopted, pd.Timestamp("2017-10-01"), pd.Timestamp("2017-10-31"))
    assert daily.sum(axis=1).tolist() == [10] * 31


def test_proposals_dated_by_report(tables):
    proposed = escalation.proposed_measures(tables)
    assert proposed["item"].tolist() == ["oil", "oil trade"]
    assert (proposed["reported"] == SEPT_1).all()


def test_triggers(tables):
    assert escalation.triggers(tables)["kind"].tolist() == [
        "missile_launch",
        "nuclear_test",
        "missile_launch",
    ]


def test_schedule_announcement_and_lead_time(tables):
    frame = schedule.schedule(tables).set_index("event_id")
    assert frame.loc[
        "abe-putin-vladivostok", ["announced_by", "lead_min_days", "lead_max_days"]
    ].tolist() == ["a000", 3, 9]
    assert frame.loc["kono-visit-russia", ["announced_by", "lead_min_days", "lead_max_days"]].tolist() == [
        "a001",
        43,
        103,
    ]
    assert pd.isna(frame.loc["kono-lavrov-new-york", "announced"])


@pytest.mark.parametrize("include_planned", [True, False])
def test_in_window(tables, include_planned):
    events = in_window(
        tables["events"], pd.Timestamp("2017-09-01"), pd.Timestamp("2017-09-30"), include_planned
    )
    assert "kono-lavrov-new-york" in set(events["event_id"])
    assert ("island-survey-oct" in set(events["event_id"])) is False
    assert ("patrushev-visit-japan" in set(events["event_id"])) is include_planned
