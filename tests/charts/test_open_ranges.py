"""An open bound ("soon", "recently") is drawn as a range that runs out of the chart with an arrow
on that side, named in the legend and in the alt text; never as a day."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.analysis import plans
from helpers.charts import plans as plans_chart
from helpers.charts import schedule as schedule_chart
from helpers.charts.words import describe_dates

DAY = pd.Timestamp
START, END = DAY("2017-08-01"), DAY("2017-12-31")


def arrows(fig) -> list[tuple[str, float]]:
    """The arrows at the axes' edges: (marker, x in axes fraction)."""
    ax = fig.axes[0]
    return [
        (line.get_marker(), float(line.get_xdata()[0]))
        for line in ax.lines
        if line.get_marker() in ("<", ">") and line.get_transform() == ax.get_yaxis_transform()
    ]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (DAY("2017-09-19"), pd.NaT, "from 19 Sep 2017, with no end given"),
        (pd.NaT, DAY("2017-09-01"), "until 1 Sep 2017, with no start given"),
        (DAY("2017-09-18"), DAY("2017-09-18"), "on 18 Sep 2017"),
        (pd.NaT, pd.NaT, "with no date given"),
    ],
)
def test_alt_text_words_for_open_bounds(start, end, words):
    assert describe_dates(start, end) == words


def test_the_plans_chart_draws_the_open_plans_as_open_ranges(tables):
    table = plans.plans(tables)
    # The data's open end: the joint activities ("soon"). The oil-embargo idea is open on both
    # sides (no day at all: no window drawn), so an open start is a plan made here from it.
    oil = table["event_id"] == "jp-us-oil-embargo-idea"
    assert table.loc[oil, "window_start"].isna().all() and table.loc[oil, "window_end"].isna().all()
    until = table.loc[oil].assign(title="A plan with no start given", window_end=DAY("2017-09-01"))
    table = pd.concat([table, until], ignore_index=True)
    fig = plans_chart.chart(table, START, END, "Source: test")
    found = arrows(fig)
    plt.close(fig)
    assert sorted(found) == [("<", 0.0), (">", 1.0)]  # the plan made here, the joint activities
    alt = plans_chart.alt_text(table)
    assert "Japan and Russia start joint economic activities on the disputed islands, in five fields: " in alt
    assert "expected from 19 Sep 2017, with no end given" in alt
    assert "expected until 1 Sep 2017, with no start given" in alt
    assert (
        "Japan and the U.S. consider additional sanctions such as an oil embargo: expected without a date"
        in alt
    )
    labels = [text.get_text() for text in fig.legends[0].get_texts()]
    assert "Open: no day given (runs on)" in labels


def test_a_schedule_row_with_an_open_end_runs_out_of_the_chart():
    frame = pd.DataFrame(
        {
            "event_id": ["talks-soon", "held-talks"],
            "title": ["Talks soon", "Held talks"],
            "status": ["planned", "occurred"],
            "date_start": [DAY("2017-11-20"), DAY("2017-09-18")],
            "date_end": [pd.NaT, DAY("2017-09-18")],
            "announced": [DAY("2017-11-10"), pd.NaT],
            "kind": ["talks", "talks"],
        }
    )
    fig = schedule_chart.gantt(frame, START, END, "Source: test")
    found, ax = arrows(fig), fig.axes[0]
    bars = [patch for patch in ax.patches if patch.get_width() > 0]
    plt.close(fig)
    assert found == [(">", 1.0)]
    # The bar runs past the right edge of the axes (which clip it), not to a guessed day.
    right = max(bar.get_x() + bar.get_width() for bar in bars)
    assert right > ax.get_xlim()[1]
    assert "Open: no day given (runs on)" in [t.get_text() for t in fig.legends[0].get_texts()]


def test_a_bar_on_the_windows_first_and_last_days_keeps_its_outline_inside_the_axes():
    """Closed at both ends, it ends inside the axes; open, it runs out past them (test above)."""
    frame = pd.DataFrame(
        {
            "event_id": ["whole-window"],
            "title": ["Talks over the whole window"],
            "status": ["planned"],
            "date_start": [START],
            "date_end": [END],
            "announced": [pd.NaT],
            "kind": ["talks"],
        }
    )
    fig = schedule_chart.gantt(frame, START, END, "Source: test")
    ax = fig.axes[0]
    (bar,) = [patch for patch in ax.patches if patch.get_gid() == "event-whole-window"]
    fig.canvas.draw()
    box, axes = bar.get_window_extent(), ax.get_window_extent()
    plt.close(fig)
    outline = bar.get_linewidth() * fig.dpi / 72 / 2  # half the outline lies outside the bar
    assert axes.x0 < box.x0 - outline and box.x1 + outline < axes.x1


def test_the_verdict_words_stand_clear_of_an_open_windows_arrow(tables):
    table = plans.plans(tables)
    open_end = table["window_end"].isna() & table["window_start"].notna()
    assert open_end.any()
    fig = plans_chart.chart(table, START, END, "Source: test")
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    arrow = next(line for line in ax.lines if line.get_marker() == ">")
    tip = arrow.get_window_extent(renderer).x1
    row = float(arrow.get_ydata()[0])
    words = [t for t in ax.texts if t.xy[1] == row and t.xy[0] == 1.0]
    plt.close(fig)
    # As far from the arrow's tip as the other rows' words are from the axes' edge (14 pt).
    assert words and all(t.get_window_extent(renderer).x0 >= tip + 14 * fig.dpi / 72 for t in words)
