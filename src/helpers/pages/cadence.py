"""Page 01, the meeting cadence: who talked to whom, how often, and the gaps between."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import cadence
from helpers.charts import cadence as cadence_chart
from helpers.charts.output import Chart
from helpers.pages.run import Run
from helpers.views import in_window


@dataclass(frozen=True)
class CadencePage:
    contacts: pd.DataFrame
    realised: pd.DataFrame
    gaps: pd.DataFrame
    timeline: Chart


def meeting_cadence(run: Run) -> CadencePage:
    """The contacts in the window (planned ones too with ``include_planned``), those the context
    layer shows took place, the gaps between each pair's contacts, and the timeline."""
    p = run.params
    contacts = in_window(
        cadence.contacts(run.tables, p.actors, p.kinds), p.start_date, p.end_date, p.include_planned
    )
    realised = in_window(
        cadence.realised_contacts(run.tables, p.actors, p.kinds), p.start_date, p.end_date, True
    )
    empty = run.nothing("Japan–Russia contacts", filtered=bool(p.actors or p.kinds or not p.include_planned))
    figure = cadence_chart.timeline(
        contacts, p.start_date, p.end_date, run.source_with_context("outcomes"), realised, empty
    )
    timeline = Chart("01_meeting_cadence-timeline", figure, cadence_chart.alt_text(contacts, realised, empty))
    return CadencePage(contacts, realised, cadence.gaps(contacts), timeline)
