"""What a notebook works with: its checked parameters and the data as known on ``as_of``."""

from __future__ import annotations

from dataclasses import dataclass

from helpers import paths
from helpers.charts.words import nothing_shown, source_line, with_context
from helpers.data.problems import Tables
from helpers.data.schema import read_package
from helpers.params.checks import Params
from helpers.views import as_of_view


@dataclass(frozen=True)
class Run:
    """The parameters, the tables as known on ``as_of`` (``tables``) and every table (``all_tables``)."""

    params: Params
    tables: Tables
    all_tables: Tables

    @property
    def source(self) -> str:
        """The source line of the articles known on ``as_of``; if none was published yet, says so."""
        if self.tables["sources"].empty and not self.all_tables["sources"].empty:
            first = self.all_tables["sources"]["published"].min()
            return (
                f"Source: no article published by {self.params.as_of:%-d %b %Y}; the first is dated "
                f"{first:%-d %b %Y}. Curated data in data/, every row with its verbatim quote."
            )
        return source_line(self.tables["sources"])

    @property
    def source_all(self) -> str:
        """The source line of every article, whatever ``as_of`` says."""
        return source_line(self.all_tables["sources"])

    def source_with_context(self, *names: str, hindsight: bool = False) -> str:
        """The source line, plus the context layer's when the named context tables have rows
        (as known on ``as_of``, or today with ``hindsight``)."""
        tables = self.with_hindsight() if hindsight else self.tables
        return with_context(self.source, *(tables[name] for name in names))

    def with_hindsight(self) -> Tables:
        """The articles as known on ``as_of`` beside the whole context layer as known today
        (still empty when ``include_context`` is off): only page 04 asks for it, on purpose."""
        if not self.params.include_context:
            return self.tables
        return {**self.tables, **{name: self.all_tables[name] for name in context_tables()}}

    def nothing(self, what: str, filtered: bool = False) -> str:
        """Why a chart of ``what`` would be empty under these parameters (its title if it is)."""
        published = self.all_tables["sources"]["published"]
        p = self.params
        first = published.min() if len(published) else None
        return nothing_shown(what, p.start_date, p.end_date, p.as_of, first, filtered)


def view(params: Params, tables: Tables) -> Run:
    """The run the parameters ask for: the tables as known on ``as_of`` (the context layer
    too: only its facts dated by then), the context layer emptied when ``include_context`` is
    off (it comes from outside the articles)."""
    known = as_of_view(tables, params.as_of)
    if not params.include_context:
        for name in context_tables():
            known[name] = known[name].iloc[0:0]
    return Run(params=params, tables=known, all_tables=tables)


def context_tables() -> list[str]:
    """The names of the context layer's tables, from the data package."""
    package = read_package(paths.DATA / "datapackage.json")
    return [name for name, resource in package.items() if resource.layer == "context"]
