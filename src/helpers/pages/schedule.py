"""Page 03, the summit schedule: what was on the calendar, what was held, when it was announced."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import schedule
from helpers.charts import schedule as schedule_chart
from helpers.charts.output import Chart
from helpers.pages.run import Run
from helpers.views import in_window


@dataclass(frozen=True)
class SchedulePage:
    calendar: pd.DataFrame
    gantt: Chart


def summit_schedule(run: Run) -> SchedulePage:
    """The calendar events in the window, with their announcements and lead times, as a Gantt chart."""
    p = run.params
    calendar = in_window(schedule.schedule(run.tables, p.kinds), p.start_date, p.end_date, p.include_planned)
    empty = run.nothing("calendar events", filtered=bool(p.kinds or not p.include_planned))
    figure = schedule_chart.gantt(calendar, p.start_date, p.end_date, run.source, empty)
    return SchedulePage(
        calendar, Chart("03_summit_schedule-gantt", figure, schedule_chart.alt_text(calendar, empty))
    )
