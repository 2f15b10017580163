"""The one module notebooks import: ``start`` (parameters checked, data loaded and viewed as of
the date asked), the layers whose functions are a notebook's steps (``analysis``, ``views``,
``charts``), and ``Chart``, ``show``, ``tidy`` and ``evidence_table`` to present them.

    from helpers.notebook import Chart, analysis, charts, show, start, tidy, views

    run = start(globals(), "01_meeting_cadence")
    p = run.params
    contacts = views.in_window(analysis.cadence.contacts(run.tables), p.start_date, p.end_date, True)
    tidy(contacts)
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
from IPython.display import HTML

# Every module of the analysis and charts layers, loaded so that a notebook reaches each as
# ``analysis.<module>`` and ``charts.<module>`` from this one import.
import helpers.analysis.audit
import helpers.analysis.cadence
import helpers.analysis.chronology
import helpers.analysis.coverage
import helpers.analysis.escalation
import helpers.analysis.evidence
import helpers.analysis.plans
import helpers.analysis.regime
import helpers.analysis.schedule
import helpers.charts.cadence
import helpers.charts.chronology
import helpers.charts.coverage
import helpers.charts.escalation
import helpers.charts.evidence
import helpers.charts.plans
import helpers.charts.regime
import helpers.charts.schedule
from helpers import analysis, charts, views
from helpers.charts.output import Chart, show
from helpers.charts.style import setup_style
from helpers.charts.tables import Table, reading_table
from helpers.data.load import article_texts, data_package, load_tables
from helpers.pages import Run, given_tables, view
from helpers.params.checks import validate

__all__ = [
    "Chart",
    "Run",
    "analysis",
    "article_texts",
    "charts",
    "data_package",
    "evidence_table",
    "show",
    "start",
    "tidy",
    "views",
]


def start(namespace: dict[str, Any], notebook: str) -> Run:
    """Validate the notebook's parameters (``globals()``) and return the data view they ask for.

    Fails with a ``ParameterError`` naming the parameter, value and choices, or a
    ``DataError`` listing every problem in the data, before any chart is drawn. The tables are
    read from ``data/``, unless the notebook runs in-process with tables given
    (``helpers.pages.in_process``).
    """
    tables = given_tables() or load_tables()
    params = validate(namespace, notebook, tables)
    setup_style()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)
    return view(params, tables)


# A page shows at most this many rows of a table, as pandas shows at most 60: no reader reads
# past it, and the tables of a record of a hundred years (100,000 events) would take seconds to
# write and megabytes to load. The DataFrame the cell computed keeps every row.
MAX_ROWS = 1_000


def tidy(frame: pd.DataFrame, empty: str = "No rows in this selection.") -> Table | HTML:
    """The table as a reader sees it (``helpers.charts.tables``): no index, whole days, "open"
    bounds, links. A table without rows says so (``empty``) instead of vanishing into a bare
    header; one longer than ``MAX_ROWS`` shows its first rows and says how many it has."""
    if frame.empty:
        return HTML(f"<p><em>{html.escape(empty)}</em></p>")
    if len(frame) <= MAX_ROWS:
        return reading_table(frame)
    first = reading_table(frame.iloc[:MAX_ROWS])
    said = f"<p><em>The first {MAX_ROWS:,} of its {len(frame):,} rows.</em></p>"
    return Table(first.shown, first.html + said)


def evidence_table(*shown: Chart | None) -> Table | HTML:
    """What every mark of the charts ``shown`` rests on, one row each (``helpers.charts.evidence``),
    each row anchored for the marks' links to it; a chart not drawn (``None``) has none."""
    found = [chart.marks for chart in shown if chart is not None and not chart.marks.empty]
    if not found:
        return HTML("<p><em>No mark on these charts.</em></p>")
    rows = pd.concat(found)
    return helpers.charts.evidence.table(rows.loc[~rows.index.duplicated()])
