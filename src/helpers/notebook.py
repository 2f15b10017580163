"""The one call at the top of every notebook: validate parameters, load data, set the style."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from helpers.load import Tables, load_tables
from helpers.parameters import Params, validate
from helpers.plotting import setup_style, source_line
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
    return Run(params=params, tables=as_of_view(tables, params.as_of), all_tables=tables)


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
