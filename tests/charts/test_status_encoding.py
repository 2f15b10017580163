"""A planned event and the same event held differ in exactly the mark's fill; a proposed one and
a planned one in exactly the outline's dots. Checked on one mark and on a whole chart."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba

from helpers.analysis import cadence
from helpers.charts import cadence as cadence_chart
from helpers.charts.style import STATUS_COLOUR, draw_event
from helpers.views import in_window

START, END = pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31")


def mark(status: str, single_day: bool, kind: str = "meeting") -> dict:
    """The properties of the one mark ``draw_event`` draws."""
    fig, ax = plt.subplots()
    first = pd.Timestamp("2017-09-04")
    draw_event(
        ax, 1.0, first, first if single_day else first + pd.Timedelta(days=6), status, kind, 0.3, gid="m"
    )
    (artist,) = [a for a in ax.get_children() if a.get_gid() == "m"]
    props = describe(artist)
    plt.close(fig)
    return props


def describe(artist) -> dict:
    if hasattr(artist, "get_offsets"):
        return {
            "where": tuple(np.round(artist.get_offsets()[0], 6)),
            "shape": tuple(np.round(artist.get_paths()[0].vertices.ravel(), 6)),
            "size": tuple(artist.get_sizes()),
            "edge": tuple(np.round(artist.get_edgecolor()[0], 3)),
            "fill": tuple(np.round(artist.get_facecolor()[0], 3)),
            "dots": str(artist.get_linestyle()[0][1] is not None),
        }
    return {
        "where": (artist.get_x(), artist.get_y(), artist.get_width(), artist.get_height()),
        "edge": tuple(np.round(artist.get_edgecolor(), 3)),
        "fill": tuple(np.round(artist.get_facecolor()[:3], 3)),
        "dots": artist.get_linestyle(),
    }


def differences(a: dict, b: dict) -> set[str]:
    return {key for key in a if a[key] != b[key]}


@pytest.mark.parametrize("single_day", [True, False])
def test_held_and_planned_differ_only_in_fill(single_day):
    held, planned = mark("occurred", single_day), mark("planned", single_day)
    assert differences(held, planned) == {"fill"}
    assert planned["fill"][:3] == (1.0, 1.0, 1.0)
    assert held["fill"][:3] == tuple(np.round(to_rgba(STATUS_COLOUR)[:3], 3))


@pytest.mark.parametrize("single_day", [True, False])
def test_planned_and_proposed_differ_only_in_dots(single_day):
    assert differences(mark("planned", single_day), mark("proposed", single_day)) == {"dots"}


def test_kinds_differ_only_in_shape():
    assert differences(mark("occurred", True, "summit"), mark("occurred", True, "phone_call")) == {"shape"}


def chart_marks(contacts: pd.DataFrame) -> dict[str, dict]:
    fig = cadence_chart.timeline(contacts, START, END, "Source: test.")
    found = {
        a.get_gid(): describe(a)
        for a in fig.axes[0].get_children()
        if (a.get_gid() or "").startswith("event-")
    }
    plt.close(fig)
    return found


def test_on_the_chart_a_held_plan_changes_its_own_fill_and_nothing_else(tables):
    contacts = in_window(cadence.contacts(tables), START, END, True)
    planned = contacts.loc[contacts["status"] == "planned", "event_id"].iloc[0]
    held = contacts.assign(status=contacts["status"].mask(contacts["event_id"] == planned, "occurred"))
    before, after = chart_marks(contacts), chart_marks(held)
    assert before.keys() == after.keys()
    changed = {gid: differences(before[gid], after[gid]) for gid in before if before[gid] != after[gid]}
    assert changed == {f"event-{planned}": {"fill"}}
