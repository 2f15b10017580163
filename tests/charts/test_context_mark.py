"""A cited context fact's mark (``style.draw_context``), as the visual language says: a black line
over exactly its days, ended square, and its kind's marker in black on the middle of its first day,
above the line, which lies above every article's mark; a filled shape with a white rim, a star drawn
larger to read as much, a line marker (a launch) all edge and thicker."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.dates import date2num
from matplotlib.markers import MarkerStyle

from helpers.charts.style import CONTEXT_COLOUR, KIND_MARKERS, draw_context, draw_event

FIRST = pd.Timestamp("2017-09-04")
BLACK = to_hex(CONTEXT_COLOUR)


def drawn(days: int, kind: str, gid: str | None = "fact") -> tuple[list, object]:
    """The lines and the one marker ``draw_context`` draws for a fact of ``days`` days on row 2."""
    fig, ax = plt.subplots()
    draw_context(ax, 2.0, FIRST, FIRST + pd.Timedelta(days=days - 1), kind, gid=gid)
    lines, (marker,) = list(ax.lines), list(ax.collections)
    plt.close(fig)
    return lines, marker


def shape(marker) -> np.ndarray:
    return np.round(marker.get_paths()[0].vertices, 6)


def test_a_fact_over_days_has_a_black_line_over_exactly_those_days_ended_square():
    (line,), _ = drawn(3, "visit")
    assert list(line.get_xdata()) == [FIRST, FIRST + pd.Timedelta(days=3)]  # to the end of its last day
    assert list(line.get_ydata()) == [2.0, 2.0]
    assert to_hex(line.get_color()) == BLACK and line.get_solid_capstyle() == "butt"
    assert line.get_linewidth() >= 2  # reads as a line over a bar's 1.6-point outline
    assert line.get_gid() == "fact.days"


def test_a_fact_of_one_day_is_its_marker_alone():
    lines, _ = drawn(1, "visit")
    assert lines == []


def test_a_fact_without_a_name_names_neither_line_nor_marker():
    (line,), marker = drawn(2, "visit", gid=None)
    assert line.get_gid() is None and marker.get_gid() is None


@pytest.mark.parametrize("kind", ["visit", "summit", "missile_launch", "no_such_kind"])
def test_the_marker_is_the_kinds_shape_in_black_on_its_first_days_middle(kind):
    _, marker = drawn(2, kind)
    expected = MarkerStyle(KIND_MARKERS.get(kind, "o"))
    expected_shape = np.round(expected.get_path().transformed(expected.get_transform()).vertices, 6)
    assert np.array_equal(shape(marker), expected_shape)
    assert np.allclose(
        marker.get_offsets(), [[date2num(FIRST + pd.Timedelta(hours=12)), 2.0]], rtol=0, atol=1e-6
    )
    assert to_hex(marker.get_facecolor()[0]) == BLACK and marker.get_gid() == "fact"


def test_the_marker_stands_above_its_line_and_the_line_above_the_articles_marks():
    (line,), marker = drawn(3, "visit")
    fig, ax = plt.subplots()
    draw_event(ax, 2.0, FIRST, FIRST + pd.Timedelta(days=2), "occurred", "visit", 0.3, gid="e")
    draw_event(ax, 2.0, FIRST, FIRST, "occurred", "visit", 0.3, gid="d")
    article = max(a.get_zorder() for a in ax.get_children() if a.get_gid() in ("e", "d"))
    plt.close(fig)
    assert marker.get_zorder() > line.get_zorder() > article


def test_filled_shapes_have_a_white_rim_and_a_star_is_drawn_larger():
    _, square = drawn(1, "meeting")
    _, star = drawn(1, "nuclear_test")
    assert (KIND_MARKERS["meeting"], KIND_MARKERS["nuclear_test"]) == ("s", "*")
    for filled in (square, star):
        assert to_hex(filled.get_edgecolor()[0]) == "#ffffff"
    assert star.get_sizes()[0] > square.get_sizes()[0]


def test_a_line_marker_is_all_black_edge_thicker_than_a_rim_and_as_large_as_a_star():
    _, launch = drawn(1, "missile_launch")
    _, star = drawn(1, "nuclear_test")
    assert not MarkerStyle(KIND_MARKERS["missile_launch"]).is_filled()
    assert to_hex(launch.get_edgecolor()[0]) == BLACK
    assert launch.get_linewidths()[0] > star.get_linewidths()[0]
    assert launch.get_sizes()[0] == star.get_sizes()[0]


def test_an_articles_day_marker_reads_over_bars_and_holds_a_context_mark_inside_it():
    """An event known to the day: its marker stands above the bars, with an outline at least as
    strong as a bar's (the outline says hollow or dotted), and a context mark on it fits inside."""
    fig, ax = plt.subplots()
    draw_event(ax, 2.0, FIRST, FIRST + pd.Timedelta(days=2), "planned", "meeting", 0.3, gid="bar")
    draw_event(ax, 2.0, FIRST, FIRST, "planned", "meeting", 0.3, gid="day")
    found = {a.get_gid(): a for a in ax.get_children() if a.get_gid() in ("bar", "day")}
    plt.close(fig)
    _, context = drawn(1, "meeting")
    bar, day = found["bar"], found["day"]
    assert bar.get_zorder() < day.get_zorder() < context.get_zorder()
    assert day.get_linewidths()[0] >= bar.get_linewidth()
    assert context.get_sizes()[0] < day.get_sizes()[0]
