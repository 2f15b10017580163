"""What each mark of a chart rests on: one row per thing a chart can draw, keyed as its mark is
named (``event-<event_id>``, ``fact-<fact_id>``...), with the quotes and article behind an
article's event or measure, or the cited source behind a context fact.

The charts name every mark after the row it draws (``helpers.charts.evidence``), so that its
tooltip and the page's evidence table are looked up here, never written by the chart.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import joined_in_order
from helpers.data.problems import Tables

COLUMNS = ["layer", "what", "status", "date_start", "date_end", "date_words", "quote", "source", "link"]
# The context tables a mark can stand for: its key's prefix, the table, its id column, and the
# column that says what it is.
CONTEXT = {
    "fact": ("chronology", "fact_id", "title"),
    "outcome": ("outcomes", "outcome_id", "title"),
    "resolution": ("resolutions", "resolution_id", "symbol"),
}


def records(tables: Tables) -> pd.DataFrame:
    """Every row a mark can stand for, indexed by its mark's key (``COLUMNS``)."""
    parts = [_events(tables), _measures(tables), _articles(tables)]
    parts += [_context(tables, prefix, *CONTEXT[prefix]) for prefix in CONTEXT]
    return pd.concat([part[COLUMNS] for part in parts]).rename_axis("mark")


def _cited(tables: Tables, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (with ``source_id`` and ``quote``) with each quote in quotation marks and the
    article it comes from, as ``quote`` and ``source`` lines."""
    sources = tables["sources"]
    named = (
        sources["source_id"]
        + ": "
        + _described(sources)
        + ", "
        + sources["published"].dt.strftime("%-d %b %Y")
    )
    article = sources[["source_id"]].assign(source=named)
    quoted = frame.assign(quote="“" + frame["quote"] + "” (" + frame["source_id"] + ")")
    return quoted.merge(article, on="source_id", how="left")


def _described(sources: pd.DataFrame) -> pd.Series:
    """Each article as its outlet ("outlet unknown" where the text names none) and its headline
    in quotation marks, where it has one."""
    outlet = sources["outlet"].where(sources["outlet"] != "unknown", "outlet unknown")
    return outlet + (", “" + sources["headline"] + "”").fillna("")


def _joined(frame: pd.DataFrame, key: str, columns: list[str]) -> pd.DataFrame:
    """One row per ``key``: each of ``columns``' distinct values, in order, one per line ('' for
    none)."""
    keys = frame[key].drop_duplicates()
    joined = {}
    for column in columns:
        given = frame.loc[frame[column].notna() & (frame[column] != ""), [key, column]].drop_duplicates()
        joined[column] = joined_in_order(given[column], given[key], "\n").reindex(keys).fillna("")
    return pd.DataFrame(joined, index=pd.Index(keys, name=key))


def _events(tables: Tables) -> pd.DataFrame:
    """The articles' events: status and days as known, each statement's date words and quote."""
    mentions = _cited(tables, tables["mentions"])
    said = _joined(mentions, "event_id", ["date_text", "quote", "source"])
    events = tables["events"].set_index("event_id").join(said, how="inner")
    events.index = "event-" + events.index
    # An event none of whose statements gives date words has none (not an empty line).
    words = events["date_text"].where(events["date_text"] != "")
    return events.assign(layer="articles", what=events["title"], date_words=words, link=pd.NA)


def _measures(tables: Tables) -> pd.DataFrame:
    """The articles' sanction measures, on the days of the event that adopts or proposes them."""
    measures = _cited(tables, tables["sanctions"])
    days = tables["events"].set_index("event_id")[["date_start", "date_end"]]
    measures = measures.join(days, on="event_id").set_index("measure_id")
    measures.index = "measure-" + measures.index
    what = measures["item"] + " (" + measures["measure_type"].str.replace("_", " ") + ")"
    return measures.assign(layer="articles", what=what, date_words=pd.NA, link=pd.NA)


def _articles(tables: Tables) -> pd.DataFrame:
    """The articles themselves (a coverage bar stands for one)."""
    sources = tables["sources"].set_index("source_id")
    article = _described(sources)
    sources.index = "article-" + sources.index
    return sources.assign(
        layer="articles", what=article.to_numpy(), status=pd.NA, date_start=sources["published"],
        date_end=sources["published"], date_words=pd.NA, quote=pd.NA,
        source=sources.index.str.removeprefix("article-") + ", the text in " + sources["file"], link=pd.NA,
    )  # fmt: skip


def _context(tables: Tables, prefix: str, table: str, key: str, what: str) -> pd.DataFrame:
    """A context table's rows, each with its cited source and the link to it."""
    rows = tables[table].set_index(key)
    rows.index = f"{prefix}-" + rows.index
    days = {"resolutions": ("adopted", "adopted")}.get(table, ("date_start", "date_end"))
    status = rows["outcome"] if "outcome" in rows else pd.Series("on record", index=rows.index)
    return rows.assign(
        layer="context", what=rows[what], status=status, date_start=rows[days[0]], date_end=rows[days[1]],
        date_words=pd.NA, quote=pd.NA, source=rows["source_title"], link=rows["source_url"],
    )  # fmt: skip
