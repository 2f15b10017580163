"""One visual language across the charts (docs/visual-language.md): status is filled, hollow or
dotted in one blue; no category or verdict colour is a blue of that family or the context layer's
black; kind is the marker's shape; the document lists every kind and verdict."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex

from helpers import paths
from helpers.analysis.plans import VERDICTS
from helpers.charts import coverage as coverage_chart
from helpers.charts import escalation as escalation_chart
from helpers.charts import plans as plans_chart
from helpers.charts import schedule as schedule_chart
from helpers.charts.style import (
    CATEGORY_COLOURS,
    CONTEXT_COLOUR,
    KIND_MARKERS,
    OKABE_ITO,
    STATUS_COLOUR,
)

DAY = pd.Timestamp
START, END = DAY("2017-08-01"), DAY("2017-12-31")
RESERVED = {to_hex(c) for c in (STATUS_COLOUR, OKABE_ITO["sky_blue"], CONTEXT_COLOUR)}


@pytest.mark.parametrize(
    "colours",
    [CATEGORY_COLOURS, plans_chart.VERDICT_COLOURS, coverage_chart.COVERAGE_COLOURS],
    ids=["categories", "verdicts", "coverage"],
)
def test_no_category_or_verdict_colour_is_a_status_or_context_colour(colours):
    hexes = [to_hex(c) for c in colours.values()]
    assert not RESERVED & set(hexes)
    assert len(set(hexes)) == len(hexes)


def test_the_schedule_draws_every_status_in_the_status_colour_and_days_by_kind():
    frame = pd.DataFrame(
        {
            "event_id": ["held-call", "planned-visit", "proposed-talks", "held-summit"],
            "title": ["Held call", "Planned visit", "Proposed talks", "Held summit over days"],
            "status": ["occurred", "planned", "proposed", "occurred"],
            "date_start": [DAY("2017-09-01"), DAY("2017-10-02"), DAY("2017-11-03"), DAY("2017-09-04")],
            "date_end": [DAY("2017-09-01"), DAY("2017-10-02"), DAY("2017-11-03"), DAY("2017-09-10")],
            "announced": [pd.NaT, DAY("2017-09-19"), DAY("2017-09-19"), DAY("2017-09-01")],
            "kind": ["phone_call", "visit", "talks", "summit"],
        }
    )
    fig = schedule_chart.gantt(frame, START, END, "Source: test")
    ax = fig.axes[0]
    marks = [c for c in ax.collections if isinstance(c, PathCollection)]
    bars = [p for p in ax.patches if p.get_width() > 0]
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)
    edges = {to_hex(c) for m in marks for c in m.get_edgecolor()} | {to_hex(b.get_edgecolor()) for b in bars}
    assert edges == {to_hex(STATUS_COLOUR)}
    faces = [to_hex(m.get_facecolor()[0]) for m in marks]
    assert faces == [to_hex(STATUS_COLOUR), "#ffffff", "#ffffff"]  # held filled, planned and proposed hollow
    assert [m.get_linestyle()[0][1] is not None for m in marks] == [False, False, True]  # proposed dotted
    assert {"Phone call", "Visit", "Talks"} <= set(labels)  # the exact days' kinds, by shape


def test_proposals_are_drawn_as_the_status_proposed_with_their_shape(tables):
    from helpers.analysis import escalation

    adopted = escalation.adopted_measures(tables)
    proposed = escalation.proposed_measures(tables)
    fig = escalation_chart.chart(adopted, proposed, escalation.triggers(tables), START, END, "Source: test")
    lane = fig.axes[1]
    marks = [c for c in lane.collections if isinstance(c, PathCollection)]
    plt.close(fig)
    assert len(marks) == len(proposed) > 0
    for mark in marks:
        assert to_hex(mark.get_edgecolor()[0]) == to_hex(STATUS_COLOUR)
        assert to_hex(mark.get_facecolor()[0]) == "#ffffff"
        assert mark.get_linestyle()[0][1] is not None  # dotted


def test_the_plans_chart_draws_each_window_hollow_and_a_proposals_dotted(tables):
    """The announced window speaks the status language: hollow for a plan, hollow and dotted for a
    proposal, as the legend says; the real record holds both."""
    from helpers.analysis import plans

    table = plans.plans(tables)
    windowed = table.loc[table["window_start"].notna() | table["window_end"].notna()]
    assert set(windowed["status"]) == {"planned", "proposed"}
    fig = plans_chart.chart(table, START, END, "Source: test")
    bars = {p.get_gid(): p for p in fig.axes[0].patches if (p.get_gid() or "").startswith("event-")}
    plt.close(fig)
    for row in windowed.itertuples():
        bar = bars[f"event-{row.event_id}"]
        assert (to_hex(bar.get_facecolor()), to_hex(bar.get_edgecolor())) == (
            "#ffffff",
            to_hex(STATUS_COLOUR),
        )
        assert bar.get_linestyle() == (":" if row.status == "proposed" else "-"), row.event_id


def test_the_legend_of_the_report_lists_every_kind_and_verdict():
    text = (paths.ROOT / "docs" / "visual-language.md").read_text(encoding="utf-8").lower()
    for kind in KIND_MARKERS:
        assert kind.replace("_", " ") in text, kind
    for verdict in VERDICTS:
        assert verdict in text, verdict
