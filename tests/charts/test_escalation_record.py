"""The escalation chart with the cited chronology: each launch or test on record stands on its own
day, in black with its kind's shape, in the lower lane; the articles' launches keep their bands
and a label that their own title supports."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba

from helpers.analysis import escalation
from helpers.charts import escalation as escalation_chart
from helpers.charts.style import CONTEXT_COLOUR
from helpers.views import in_window

START, END = pd.Timestamp("2017-01-01"), pd.Timestamp("2017-12-31")


def drawn(tables):
    triggers = in_window(escalation.triggers(tables), START, END, True)
    recorded = in_window(escalation.recorded_triggers(tables, triggers), START, END, True)
    adopted, proposed = escalation.adopted_measures(tables), escalation.proposed_measures(tables)
    fig = escalation_chart.chart(adopted, proposed, triggers, START, END, "Source: test.", recorded=recorded)
    return fig, triggers, recorded


def test_each_fact_on_record_stands_on_its_own_day(tables):
    fig, triggers, recorded = drawn(tables)
    lane = fig.axes[1]
    marks = {a.get_gid(): a for a in lane.get_children() if isinstance(a, PathCollection) and a.get_gid()}
    plt.close(fig)
    assert len(recorded) > 0
    for fact in recorded.itertuples():
        ((x, y),) = marks[f"fact-{fact.fact_id}"].get_offsets()
        assert mdates.num2date(x).date() == fact.date_start.date() and y == -1, fact.fact_id
        edge = tuple(marks[f"fact-{fact.fact_id}"].get_edgecolor()[0])
        assert edge == to_rgba(CONTEXT_COLOUR), fact.fact_id  # a launch's "|" is all edge
    # Never a second mark for a launch the articles report: it is drawn once, as theirs.
    facts = tables["chronology"]
    linked = set(facts.loc[facts["event_id"].isin(triggers["event_id"]), "fact_id"])
    assert linked and not linked & set(recorded["fact_id"])


def test_a_launch_is_over_japan_only_where_its_title_says_so():
    label = escalation_chart._trigger_label
    assert (
        label("missile_launch", "North Korea fires a ballistic missile across Japan") == "missile over Japan"
    )
    assert (
        label("missile_launch", "North Korea launches a ballistic missile over Japan") == "missile over Japan"
    )
    assert label("missile_launch", "North Korea launches a missile into the Sea of Japan") == "missile launch"
    assert label("nuclear_test", "North Korea conducts a nuclear test") == "nuclear test"


def test_the_alt_text_counts_and_dates_the_record(tables):
    fig, triggers, recorded = drawn(tables)
    plt.close(fig)
    adopted, proposed = escalation.adopted_measures(tables), escalation.proposed_measures(tables)
    alt = escalation_chart.alt_text(adopted, proposed, triggers, recorded=recorded)
    assert f"{len(recorded)} more launches and tests on record" in alt
    for fact in recorded.itertuples():
        assert fact.title in alt
