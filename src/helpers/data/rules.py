"""Checks the Table Schema cannot express: evidence, dates and consistency.

They run on the raw string tables after the schema checks passed, so every
column exists and every value has the right form. Each returns Problems that
point at the CSV line and column to fix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.data.articles import source_texts
from helpers.data.dates import precision_series
from helpers.data.derive import event_intervals, latest_statuses
from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Resource
from helpers.fast import codes, contains, group_max, group_min, positions, row_keys, side_by_side


def _seed_problems(sources: pd.DataFrame, root: Path) -> list[Problem]:
    exists = sources["file"].map(lambda f: (root / f).is_file())
    problems = problems_at(sources, ~exists, "sources.csv", "file", "an existing file under seeds/")
    digests = sources["file"].map(
        lambda f: hashlib.sha256((root / f).read_bytes()).hexdigest() if (root / f).is_file() else ""
    )
    changed = exists & (digests != sources["sha256"])
    problems += problems_at(
        sources, changed, "sources.csv", "sha256", "the sha256 of the seed file (was it edited?)"
    )
    listed = set(sources["file"])
    unlisted = sorted(p.name for p in (root / "seeds").glob("*.txt") if f"seeds/{p.name}" not in listed)
    expected = "a row of sources.csv naming this file (add articles with make article)"
    return problems + [Problem("seeds", None, None, name, expected) for name in unlisted]


def _evidence_problems(frame: pd.DataFrame, resource: Resource, texts: dict[str, str]) -> list[Problem]:
    text_col, source_col = resource.evidence["text"], resource.evidence["source"]
    # Quotes repeat (one passage backs several rows): test each distinct (article, quote) once.
    _, first, which = np.unique(
        row_keys(frame, [source_col, text_col]), return_index=True, return_inverse=True
    )
    found = np.array(
        [
            source_id in texts and quote in texts[source_id]
            for source_id, quote in zip(
                frame[source_col].iloc[first], frame[text_col].iloc[first], strict=True
            )
        ],
        dtype=bool,
    )
    verbatim = pd.Series(found[which.ravel()], index=frame.index)
    return problems_at(
        frame, ~verbatim, resource.path, text_col, f"an exact passage of the article named in {source_col}"
    )


def _event_interval_problems(events: pd.DataFrame, start: pd.Series, end: pd.Series) -> list[Problem]:
    """Each event's interval (``start``, ``end``: its dates, parsed) is ordered, and its
    precision is the one the interval has."""
    problems = problems_at(events, start > end, "events.csv", "date_end", "a date on or after date_start")
    valid = ~(start > end)  # an open bound (NaT) orders with anything
    return problems + problems_at(
        events,
        valid & (precision_series(start, end) != events["precision"]),
        "events.csv",
        "precision",
        "the precision of the interval: day (start = end), week (Monday-Sunday), "
        "month (a whole month), year (a whole year), open (a bound left empty), else interval",
    )


def _date_text_problems(mentions: pd.DataFrame) -> list[Problem]:
    """A mention's date expression is words of its quote."""
    not_in_quote = (mentions["date_text"] != "") & ~contains(mentions["quote"], mentions["date_text"])
    return problems_at(
        mentions, not_in_quote, "mentions.csv", "date_text", "an expression that appears in the quote"
    )


def _event_date_problems(
    events: pd.DataFrame, start: pd.Series, end: pd.Series, mentions: pd.DataFrame, sources: pd.DataFrame
) -> list[Problem]:
    """Each mention's date expression resolves, and each event's interval (``start``, ``end``:
    its dates, parsed; NaT is an open bound) is exactly what its dated mentions allow together."""
    event = positions(mentions["event_id"], events["event_id"])
    allowed_start, allowed_end, resolved = event_intervals(mentions, sources, event, len(events))
    unresolved = (mentions["date_text"] != "") & ~resolved["resolved"]
    problems = [
        Problem("mentions.csv", int(line), "date_text", value, f"a resolvable expression ({error})")
        for line, value, error in zip(
            mentions.loc[unresolved, "_line"],
            mentions.loc[unresolved, "date_text"],
            resolved.loc[unresolved, "error"],
            strict=True,
        )
    ]
    has_dated = np.zeros(len(events), dtype=bool)
    has_dated[event[resolved["resolved"].to_numpy() & (event >= 0)]] = True
    frame = events.assign(_start=start, _end=end, start=allowed_start, end=allowed_end, _dated=has_dated)
    problems += _interval_mismatches(frame)
    empty = frame["_dated"] & (frame["start"] > frame["end"])
    problems += problems_at(
        frame, empty, "events.csv", "event_id", "mentions whose date intervals overlap (they contradict)"
    )
    return problems + problems_at(
        events,
        ~has_dated & (events["date_note"] == ""),
        "events.csv",
        "date_note",
        "a note on how the interval was derived (no mention of this event has a date_text)",
    )


def _interval_mismatches(frame: pd.DataFrame) -> list[Problem]:
    """Events whose dates are not what their dated mentions resolve to (an open bound: empty)."""
    problems = []
    for column, mine, theirs in (("date_start", "_start", "start"), ("date_end", "_end", "end")):
        same = (frame[mine] == frame[theirs]) | (frame[mine].isna() & frame[theirs].isna())
        differs = frame["_dated"] & ~same
        for line, value, want, event_id in zip(
            frame.loc[differs, "_line"],
            frame.loc[differs, column],
            frame.loc[differs, theirs],
            frame.loc[differs, "event_id"],
            strict=True,
        ):
            wanted = "empty (an open bound)" if pd.isna(want) else f"{want:%Y-%m-%d}"
            problems.append(
                Problem(
                    "events.csv",
                    int(line),
                    column,
                    value,
                    f"{wanted}, what the date_text of the mentions of '{event_id}' resolves to "
                    "(the intersection of their intervals)",
                )
            )
    return problems


def _status_problems(events: pd.DataFrame, mentions: pd.DataFrame, sources: pd.DataFrame) -> list[Problem]:
    """One article reports one status per event; the event's is what the latest article reports."""
    event = positions(mentions["event_id"], events["event_id"])
    source = positions(mentions["source_id"], sources["source_id"])
    pair, _ = pd.factorize(event * (len(sources) + 1) + source)
    status, kinds = codes(mentions["reported_status"])
    low = group_min(pair, status, len(mentions), kinds)
    high = group_max(pair, status, len(mentions), -1)
    problems = problems_at(
        mentions,
        pd.Series((low != high)[pair], index=mentions.index),
        "mentions.csv",
        "reported_status",
        "the same status as the article's other mentions of this event",
    )
    expected, _ = latest_statuses(mentions, sources, event, len(events))
    expected = expected.set_axis(events.index)
    no_mention = expected.isna()
    problems += problems_at(
        events, no_mention, "events.csv", "event_id", "at least one row in mentions.csv for this event"
    )
    wrong = ~no_mention & (events["status"] != expected)
    for line, value, want in zip(
        events.loc[wrong, "_line"], events.loc[wrong, "status"], expected[wrong], strict=True
    ):
        problems.append(
            Problem("events.csv", int(line), "status", value, f"'{want}', as the latest article reports it")
        )
    return problems


def _link_problems(raw: dict[str, pd.DataFrame]) -> list[Problem]:
    participants, mentions, events = raw["participants"], raw["mentions"], raw["events"]
    # Compared as rows of events.csv: each join here is one the key checks already made.
    mention_event = np.append(positions(mentions["event_id"], events["event_id"]), -1)[
        positions(participants["mention_id"], mentions["mention_id"])
    ]
    problems = problems_at(
        participants,
        pd.Series(
            mention_event != positions(participants["event_id"], events["event_id"]), index=participants.index
        ),
        "participants.csv",
        "mention_id",
        "a mention of the same event",
    )
    sanctions = raw["sanctions"]
    in_quote = contains(sanctions["quote"].str.lower(), sanctions["item"])
    return problems + problems_at(sanctions, ~in_quote, "sanctions.csv", "item", "an item the quote names")


def _context_problems(raw: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> list[Problem]:
    """The context layer's own logic, and its agreement with the article-derived events."""
    problems: list[Problem] = []
    resolutions, outcomes = raw["resolutions"], raw["outcomes"]
    files = {name: resources[name].path for name in ("resolutions", "outcomes")}

    def day(frame: pd.DataFrame, column: str) -> pd.Series:
        return pd.to_datetime(frame[column].where(frame[column] != ""), format="%Y-%m-%d")

    first, last, adopted = (day(resolutions, c) for c in ("trigger_first", "trigger_last", "adopted"))
    file = files["resolutions"]
    problems += problems_at(
        resolutions, first.isna() != last.isna(), file, "trigger_last", "both trigger dates or neither"
    )
    problems += problems_at(
        resolutions, last < first, file, "trigger_last", "a date on or after trigger_first"
    )
    problems += problems_at(resolutions, last > adopted, file, "trigger_last", "a date before the adoption")
    events = raw["events"].set_index("event_id")
    for column, inside in (("event_id", (adopted, adopted)), ("trigger_event_id", (first, last))):
        linked = resolutions[column] != ""
        lo = pd.to_datetime(resolutions[column].map(events["date_start"]), format="%Y-%m-%d")
        hi = pd.to_datetime(resolutions[column].map(events["date_end"]), format="%Y-%m-%d")
        outside = linked & ((inside[0] < lo) | (inside[1] > hi))
        problems += problems_at(
            resolutions, outside, file, column, "an event whose interval in events.csv holds these dates"
        )

    file = files["outcomes"]
    start, end = day(outcomes, "date_start"), day(outcomes, "date_end")
    found = outcomes["outcome"] != "not_found"
    problems += problems_at(
        outcomes, found & start.isna(), file, "date_start", "a date (the outcome is dated)"
    )
    problems += problems_at(outcomes, found & end.isna(), file, "date_end", "a date (the outcome is dated)")
    problems += problems_at(
        outcomes, ~found & (start.notna() | end.notna()), file, "date_start", "no dates for not_found"
    )
    problems += problems_at(outcomes, end < start, file, "date_end", "a date on or after date_start")

    for name, resource in resources.items():
        if resource.layer == "context":
            frame = raw[name]
            late = day(frame, "source_published") > day(frame, "accessed")
            problems += problems_at(
                frame, late, resource.path, "source_published", "a date on or before accessed"
            )
    return problems


def domain_problems(
    raw: dict[str, pd.DataFrame],
    typed: dict[str, pd.DataFrame],
    resources: dict[str, Resource],
    data_dir: Path,
) -> list[Problem]:
    """Every check beyond the schema, on tables that already passed it (``typed``: the same
    tables with their columns converted, so no date is parsed twice). The checks only read
    the tables, so they run side by side (NumPy and Arrow release the GIL for their loops);
    problems are listed in the same order whatever finishes first."""
    root = data_dir.parent
    sources = raw["sources"]
    texts = source_texts(sources, root)
    events, mentions = raw["events"], raw["mentions"]
    start, end = typed["events"]["date_start"], typed["events"]["date_end"]
    checks: list[Callable[[], list[Problem]]] = [lambda: _seed_problems(sources, root)]
    checks += [
        lambda name=name, resource=resource: _evidence_problems(raw[name], resource, texts)
        for name, resource in resources.items()
        if resource.evidence
    ]
    checks += [
        lambda: _event_interval_problems(events, start, end),
        lambda: _date_text_problems(mentions),
        lambda: _event_date_problems(events, start, end, mentions, sources),
        lambda: _status_problems(events, mentions, sources),
        lambda: _link_problems(raw),
        lambda: _context_problems(raw, resources),
    ]
    rows = max(len(frame) for frame in raw.values())
    return [problem for found in side_by_side(checks, rows) for problem in found]
