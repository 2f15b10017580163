"""Page 04, plans versus outcomes: each announced window against what happened."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import plans
from helpers.charts import plans as plans_chart
from helpers.charts.output import Chart
from helpers.pages.run import Run


@dataclass(frozen=True)
class PlansPage:
    every_plan: pd.DataFrame
    table: pd.DataFrame
    scorecard: pd.DataFrame
    verification: Chart


def plans_vs_outcomes(run: Run) -> PlansPage:
    """The plans whose window or outcome overlaps the window (only those that happened, unless
    ``include_planned``), their scorecard and the verification chart. The plans are those known
    on ``as_of``; what became of them is hindsight on purpose (``Run.with_hindsight``), and the
    title says so when ``as_of`` is set."""
    p = run.params
    every_plan = plans.plans(run.with_hindsight())
    table = plans.overlapping(every_plan, p.start_date, p.end_date, not p.include_planned)
    empty = run.nothing("announced plans", filtered=not p.include_planned)
    figure = plans_chart.chart(
        table,
        p.start_date,
        p.end_date,
        run.source_with_context("outcomes", hindsight=True),
        len(every_plan),
        empty,
        p.as_of,
    )
    chart = Chart("04_plans_vs_outcomes-verification", figure, plans_chart.alt_text(table, empty))
    return PlansPage(every_plan, table, plans.scorecard(table), chart)
