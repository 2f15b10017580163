"""The one call at the top of every notebook: validate parameters, load data, set the style."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from helpers import paths
from helpers.load import Tables, load_tables
from helpers.parameters import Params, validate
from helpers.plotting import context_source_line, setup_style, source_line
from helpers.schema import read_package
from helpers.views import as_of_view


@dataclass(frozen=True)
class Run:
    """What a notebook works with: its parameters and the data as known on ``as_of``."""

    params: Params
    tables: Tables
    all_tables: Tables

    @property
    def source(self) -> str:
        return source_line(self.tables["sources"])

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
    view = as_of_view(tables, params.as_of)
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
