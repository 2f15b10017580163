"""Page 02, the sanction escalation: the measures in force, the proposals and their triggers,
and with ``include_context`` the whole UN regime since 2006."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import escalation, regime
from helpers.charts import escalation as escalation_chart
from helpers.charts import regime as regime_chart
from helpers.charts.output import Chart
from helpers.pages.run import Run
from helpers.views import in_window


@dataclass(frozen=True)
class EscalationPage:
    adopted: pd.DataFrame
    proposed: pd.DataFrame
    triggers: pd.DataFrame
    steps: Chart
    resolutions: pd.DataFrame
    links: pd.DataFrame
    regime: Chart | None


def sanction_escalation(run: Run) -> EscalationPage:
    """Adopted measures in force by the window's end, proposals reported in it (with
    ``include_planned``), launches and tests in it; the regime chart when the context layer is on."""
    p = run.params
    adopted = escalation.adopted_measures(run.tables, p.categories)
    adopted = adopted.loc[adopted["in_force_by"] <= p.end_date]
    proposed = escalation.proposed_measures(run.tables, p.categories)
    proposed = proposed.loc[proposed["reported"].between(p.start_date, p.end_date) & p.include_planned]
    triggers = in_window(escalation.triggers(run.tables), p.start_date, p.end_date, True)
    empty = run.nothing("UN measures", filtered=bool(p.categories))
    figure = escalation_chart.chart(
        adopted, proposed, triggers, run.tables["figures"], p.start_date, p.end_date, run.source, empty
    )
    steps = Chart(
        "02_sanction_escalation-steps", figure, escalation_chart.alt_text(adopted, proposed, triggers, empty)
    )
    resolutions, links, chart = regime.resolutions(run.tables), regime.article_links(run.tables), None
    if p.include_context:
        matrix = regime.matrix(run.tables)
        source = run.source_with_context("resolutions", "resolution_measures")
        figure = regime_chart.chart(resolutions, matrix, source)
        chart = Chart("02_sanction_escalation-regime", figure, regime_chart.alt_text(resolutions, matrix))
    return EscalationPage(adopted, proposed, triggers, steps, resolutions, links, chart)
