"""The one module notebooks import: ``start`` (parameters checked, data loaded and viewed as of
the date asked), the pages, ``show`` and ``tidy``.

    from helpers.notebook import pages, show, start, tidy

    run = start(globals(), "01_meeting_cadence")
    page = pages.meeting_cadence(run)
    show(page.timeline, run.params.figures_dir)
    tidy(page.gaps)
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
from IPython.display import HTML

from helpers import analysis, charts, pages, views
from helpers.charts.output import Chart, show
from helpers.charts.style import setup_style
from helpers.data.load import load_tables
from helpers.pages.run import Run
from helpers.params.checks import validate

__all__ = ["Chart", "Run", "analysis", "charts", "pages", "show", "start", "tidy", "views"]


def start(namespace: dict[str, Any], notebook: str) -> Run:
    """Validate the notebook's parameters (``globals()``) and return the data view they ask for.

    Fails with a ``ParameterError`` naming the parameter, value and choices, or a
    ``DataError`` listing every problem in the data, before any chart is drawn.
    """
    tables = load_tables()
    params = validate(namespace, notebook, tables)
    setup_style()
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)
    return pages.view(params, tables)


def tidy(frame: pd.DataFrame, empty: str = "No rows in this selection.") -> pd.DataFrame | HTML:
    """A copy for reading: dates as YYYY-MM-DD, missing values blank instead of NaN/<NA>/NaT.
    A table without rows says so (``empty``) instead of vanishing into a bare header.

    Display only: computations keep the typed frame. The HTML still goes through
    pandas' escaping ``to_html``, so no text from the data becomes markup.
    """
    if frame.empty:
        return HTML(f"<p><em>{html.escape(empty)}</em></p>")
    columns = {}
    for name, column in frame.items():
        if pd.api.types.is_datetime64_any_dtype(column):
            columns[name] = column.dt.strftime("%Y-%m-%d").fillna("")
        else:
            columns[name] = column.astype(object).where(column.notna(), "")
    return pd.DataFrame(columns, index=frame.index)
