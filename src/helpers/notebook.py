"""The one module notebooks import: ``start`` (parameters checked, data loaded and viewed as of
the date asked), the analysis and chart modules, ``show`` and ``tidy``.

    from helpers.notebook import analysis, charts, show, start, tidy

    run = start(globals(), "01_meeting_cadence")
    contacts = analysis.cadence.contacts(run.tables, run.params.actors)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

import helpers.analysis.audit
import helpers.analysis.cadence
import helpers.analysis.coverage
import helpers.analysis.escalation
import helpers.analysis.plans
import helpers.analysis.regime
import helpers.analysis.schedule
import helpers.charts.cadence
import helpers.charts.coverage
import helpers.charts.escalation
import helpers.charts.plans
import helpers.charts.regime
import helpers.charts.schedule  # noqa: F401  (each module becomes an attribute of its package)
from helpers import analysis, charts, paths, views
from helpers.build.parameters import Params, validate
from helpers.charts.output import show
from helpers.charts.style import setup_style
from helpers.charts.words import context_source_line, source_line
from helpers.data.load import load_tables
from helpers.data.problems import Tables
from helpers.data.schema import read_package

__all__ = ["Run", "analysis", "charts", "show", "start", "tidy", "views"]


@dataclass(frozen=True)
class Run:
    """What a notebook works with: its parameters and the data as known on ``as_of``."""

    params: Params
    tables: Tables
    all_tables: Tables

    @property
    def source(self) -> str:
        return source_line(self.tables["sources"])

    @property
    def source_all(self) -> str:
        """The source line of every article, whatever ``as_of`` says."""
        return source_line(self.all_tables["sources"])

    def source_with_context(self, *names: str) -> str:
        """The source line, plus the context layer's when the named context tables have rows."""
        frames = [self.tables[name] for name in names if not self.tables[name].empty]
        return f"{self.source} {context_source_line(*frames)}" if frames else self.source


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
    view = views.as_of_view(tables, params.as_of)
    if not params.include_context:
        # The context layer is hindsight from outside the articles: off, it is simply empty.
        for name, resource in read_package(paths.DATA / "datapackage.json").items():
            if resource.layer == "context":
                view[name] = view[name].iloc[0:0]
    return Run(params=params, tables=view, all_tables=tables)


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for reading: dates as YYYY-MM-DD, missing values blank instead of NaN/<NA>/NaT.

    Display only: computations keep the typed frame. The HTML still goes through
    pandas' escaping ``to_html``, so no text from the data becomes markup.
    """
    columns = {}
    for name, column in frame.items():
        if pd.api.types.is_datetime64_any_dtype(column):
            columns[name] = column.dt.strftime("%Y-%m-%d").fillna("")
        else:
            columns[name] = column.astype(object).where(column.notna(), "")
    return pd.DataFrame(columns, index=frame.index)
