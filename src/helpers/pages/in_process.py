"""Run a notebook's own code in this process, without a kernel.

The tests and the README's findings read a notebook's tables and charts this way, so that the
sequence of steps lives in the notebook alone: its code cells run in order in one namespace,
with the values asked for set after the ``parameters`` cell, as papermill injects them. Charts
are collected, not rendered: rendering is the build's business.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from helpers import paths
from helpers.charts.output import Chart, show
from helpers.data.problems import Tables

_GIVEN: ContextVar[Tables | None] = ContextVar("given_tables", default=None)


def given_tables() -> Tables | None:
    """The tables an in-process run hands to the notebook's ``start``, so that a hundred runs
    load the data once; ``None`` in a kernel."""
    return _GIVEN.get()


class Page(dict):
    """A notebook's variables after its code ran, also as attributes: ``page.contacts``; the
    charts it showed are ``page.shown`` (``page.charts`` is the notebook's own ``charts`` module)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"the notebook defines no {name!r}") from None

    @property
    def shown(self) -> list[Chart]:
        """The charts the notebook showed, in order."""
        return self["_shown"]


def code_cells(notebook: str) -> list[tuple[str, bool]]:
    """Each code cell of ``notebooks/<notebook>.ipynb``: its source, and whether it is the
    ``parameters`` cell."""
    book = json.loads((paths.NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return [
        ("".join(cell["source"]), "parameters" in cell["metadata"].get("tags", []))
        for cell in book["cells"]
        if cell["cell_type"] == "code"
    ]


@contextmanager
def _tables(tables: Tables | None) -> Iterator[None]:
    token = _GIVEN.set(tables)
    try:
        yield
    finally:
        _GIVEN.reset(token)


def run_notebook(notebook: str, values: dict[str, Any] | None = None, tables: Tables | None = None) -> Page:
    """Run ``notebook``'s code cells here with ``values`` for its parameters (its defaults for
    the rest) on ``tables`` (read from ``data/`` if ``None``), and return its variables."""
    shown: list[Chart] = []
    namespace: dict[str, Any] = {"In": [], "Out": {}, "display": lambda *objects, **options: None}
    with _tables(tables):
        for index, (source, parameters) in enumerate(code_cells(notebook)):
            exec(compile(source, f"{notebook}.ipynb, code cell {index + 1}", "exec"), namespace)
            if parameters:
                namespace.update(values or {})
            if namespace.get("show") is show:
                namespace["show"] = lambda chart, figures_dir: shown.append(chart)
    return Page(namespace, _shown=shown)
