"""An article's event as ``style.draw_event`` draws it, where it stands: a bar over exactly its
days, a marker on the middle of its one day, the fill of its status (held lightened, planned and
proposed white), the dots of a proposal on a marker as on a bar, an arrow in its colour at the row's
end on an open side, named after the mark."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.dates import date2num
from matplotlib.markers import MarkerStyle

from helpers.charts.style import HELD_ALPHA, KIND_MARKERS, MARKER_DOTS, STATUS_COLOUR, draw_event

FIRST = pd.Timestamp("2017-09-04")
DAY = pd.Timedelta(days=1)


def drawn(start, end, status="occurred", kind="meeting", colour=STATUS_COLOUR) -> dict:
    fig, ax = plt.subplots()
    draw_event(ax, 2.0, start, end, status, kind, 0.3, gid="e", colour=colour)
    found = {a.get_gid(): a for a in ax.get_children() if (a.get_gid() or "").startswith("e")}
    plt.close(fig)
    return found


def test_a_bar_spans_exactly_the_days_of_the_event_on_its_row():
    bar = drawn(FIRST, FIRST + 2 * DAY)["e"]
    assert (bar.get_x(), bar.get_width()) == (date2num(FIRST), 3.0)  # to the end of its third day
    assert (bar.get_y() + bar.get_height() / 2, bar.get_height()) == pytest.approx((2.0, 0.3))


@pytest.mark.parametrize(("status", "fill"), [("occurred", HELD_ALPHA), ("planned", 1.0), ("proposed", 1.0)])
def test_a_bars_fill_is_its_status_held_lightened(status, fill):
    bar = drawn(FIRST, FIRST + 2 * DAY, status)["e"]
    face = STATUS_COLOUR if status == "occurred" else "white"
    assert bar.get_facecolor() == pytest.approx(to_rgba(face, fill))
    assert bar.get_edgecolor() == pytest.approx(to_rgba(STATUS_COLOUR))


@pytest.mark.parametrize("kind", ["summit", "no_such_kind"])
def test_a_day_is_its_kinds_marker_at_midday(kind):
    day = drawn(FIRST, FIRST, kind=kind)["e"]
    assert np.allclose(day.get_offsets(), [[date2num(FIRST) + 0.5, 2.0]], rtol=0, atol=1e-6)
    style = MarkerStyle(KIND_MARKERS.get(kind, "o"))
    expected = style.get_path().transformed(style.get_transform()).vertices
    assert np.allclose(day.get_paths()[0].vertices, expected)


def test_a_proposed_day_is_dotted_and_a_planned_one_solid_like_their_bars():
    dotted = drawn(FIRST, FIRST, "proposed")["e"].get_linestyle()[0]
    solid = drawn(FIRST, FIRST, "planned")["e"].get_linestyle()[0]
    assert solid[1] is None
    on, off = dotted[1]
    assert off / on == pytest.approx(MARKER_DOTS[1][1] / MARKER_DOTS[1][0])  # fine dots, a marker is small
    assert drawn(FIRST, FIRST + DAY, "proposed")["e"].get_linestyle() == ":"


@pytest.mark.parametrize(
    ("start", "end", "side", "x"), [(pd.NaT, FIRST, "start", 0.0), (FIRST, pd.NaT, "end", 1.0)]
)
def test_an_open_side_is_an_arrow_in_the_marks_colour_at_its_row(start, end, side, x):
    arrow = drawn(start, end, colour="#123456")[f"e.open-{side}"]
    assert (list(arrow.get_xdata()), list(arrow.get_ydata())) == ([x], [2.0])
    assert arrow.get_color() == "#123456"


def test_a_mark_in_another_colour_is_filled_and_outlined_in_it():
    """The plans chart draws outcomes in their verdict's colour: a held one is filled with it."""
    bar = drawn(FIRST, FIRST + DAY, colour="#123456")["e"]
    assert bar.get_facecolor() == pytest.approx(to_rgba("#123456", HELD_ALPHA))
    assert bar.get_edgecolor() == pytest.approx(to_rgba("#123456"))


def test_an_open_start_runs_from_far_before_to_the_end_of_its_known_day():
    bar = drawn(pd.NaT, FIRST)["e"]
    assert bar.get_x() < date2num(FIRST - 365 * DAY) and bar.get_x() + bar.get_width() == date2num(
        FIRST + DAY
    )
