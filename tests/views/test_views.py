"""What was known on a date, and the window a chart shows, on the real data."""

import pandas as pd
import pytest

from helpers.analysis import cadence, schedule
from helpers.views import as_of_view, in_window

SEPT_1 = pd.Timestamp("2017-09-01")


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


@pytest.mark.parametrize("include_planned", [True, False])
def test_in_window(tables, include_planned):
    events = in_window(
        tables["events"], pd.Timestamp("2017-09-01"), pd.Timestamp("2017-09-30"), include_planned
    )
    assert "kono-lavrov-new-york" in set(events["event_id"])
    assert ("island-survey-oct" in set(events["event_id"])) is False
    assert ("patrushev-visit-japan" in set(events["event_id"])) is include_planned
