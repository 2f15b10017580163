"""What the dataset holds and how well it is backed: counts, evidence, validation, coverage."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.coverage import STATUSES
from helpers.data.problems import Tables
from helpers.data.schema import Resource


def table_counts(tables: Tables) -> pd.DataFrame:
    """Rows and columns of each table, in data-package order."""
    return pd.DataFrame(
        {"rows": [len(t) for t in tables.values()], "columns": [t.shape[1] for t in tables.values()]},
        index=pd.Index(list(tables), name="table"),
    )


def evidence(tables: Tables) -> pd.DataFrame:
    """Every event with each statement about it: article, verbatim quote, date words, status then."""
    events = tables["events"][["event_id", "title", "status", "date_start", "date_end"]]
    mentions = tables["mentions"][["event_id", "source_id", "reported_status", "date_text", "quote"]]
    out = events.merge(mentions, on="event_id").sort_values(["date_start", "event_id", "source_id"])
    return out.set_index(["event_id", "title"])


def validation_summary(tables: Tables, resources: dict[str, Resource]) -> pd.DataFrame:
    """What the loader checked in each table, as the data package declares it (``resources``;
    it has passed, or the notebook would have stopped): rows, and the fields under each rule."""
    rows = []
    for name, resource in resources.items():
        fields = resource.fields
        rows.append(
            {
                "table": name,
                "layer": resource.layer,
                "rows": len(tables[name]),
                "required": sum(f.required for f in fields),
                "typed (date, number)": sum(f.type != "string" for f in fields),
                "enums": sum(f.enum is not None for f in fields),
                "patterns": sum(f.pattern is not None for f in fields),
                "keys (primary, foreign)": f"{len(resource.primary_key)}, {len(resource.foreign_keys)}",
                "evidence": resource.evidence.get("text", "")
                or ("source_url" if "source_url" in resource.field_names else ""),
                "result": "passed",
            }
        )
    return pd.DataFrame(rows).set_index("table")


def coverage_summary(coverage: pd.DataFrame) -> pd.DataFrame:
    """Sentences per article and status."""
    summary = pd.crosstab(coverage["source_id"], coverage["status"])
    return summary.reindex(columns=list(STATUSES), fill_value=0)


def least_covered(summary: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The rows of ``coverage_summary`` a chart can show: all of them up to ``limit`` articles, in
    their order; past it the ``limit`` articles with the most uncovered sentences (ties in
    their order), the gaps a curator turns to first."""
    if len(summary) <= limit:
        return summary
    return summary.sort_values("uncovered", ascending=False, kind="stable").head(limit)
