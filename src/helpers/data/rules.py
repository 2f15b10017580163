"""Checks the Table Schema cannot express: evidence, dates and consistency.

They run on the raw string tables after the schema checks passed, so every
column exists and every value has the right form. Each returns Problems that
point at the CSV line and column to fix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers.data.articles import source_texts
from helpers.data.chronology import chronology_problems
from helpers.data.dates import precision_series
from helpers.data.derive import (
    cut_ends,
    ends_by_bounds,
    event_intervals,
    latest_statuses,
    mention_intervals,
    with_published,
)
from helpers.data.frames import among, by_id, raw_days
from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Resource


def contains(haystacks: pd.Series, needles: pd.Series) -> pd.Series:
    """Row by row, whether the needle is words of its haystack (``tolist`` first: iterating
    pandas 3's ``str`` column yields one Arrow scalar at a time, several times slower)."""
    pairs = zip(haystacks.tolist(), needles.tolist(), strict=True)
    return pd.Series([needle in hay for hay, needle in pairs], index=haystacks.index)


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
    rows = list(zip(frame[source_col].tolist(), frame[text_col].tolist(), strict=True))
    # Quotes repeat (one passage backs several rows): test each distinct (article, quote) once.
    found = {
        (source_id, quote): source_id in texts and quote in texts[source_id] for source_id, quote in set(rows)
    }
    verbatim = pd.Series([found[row] for row in rows], index=frame.index, dtype=bool)
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
    events: pd.DataFrame,
    start: pd.Series,
    end: pd.Series,
    attested: pd.Series,
    mentions: pd.DataFrame,
    sources: pd.DataFrame,
) -> list[Problem]:
    """Each mention's date expression resolves, and each event's interval (``start``, ``end``:
    its dates, parsed; NaT is an open bound) is exactly what its dated mentions allow together,
    its end cut at the last day of the mention its ``ends_by`` names; an ``attested`` day (parsed)
    is the first article's date and lies inside the interval."""
    resolved = mention_intervals(mentions, sources)
    problems = _unresolved_problems(mentions, resolved)
    has_dated = among(events["event_id"], mentions.loc[resolved["resolved"], "event_id"])
    allowed = event_intervals(mentions, resolved).reindex(events["event_id"]).set_axis(events.index)
    ends_by = events["ends_by"]
    bound = ends_by_bounds(ends_by, mentions, resolved)
    problems += _ends_by_problems(events, bound, allowed["end"], has_dated, mentions)
    frame = events.assign(
        _start=start,
        _end=end,
        start=allowed["start"],
        end=cut_ends(allowed["end"], bound.where(has_dated)),
        _dated=has_dated,
        _ends_by=ends_by,
    )
    problems += _interval_mismatches(frame)
    contradict = frame["_dated"] & (frame["start"] > frame["end"])
    expected = "mentions whose date intervals overlap (they contradict)"
    problems += problems_at(frame, contradict, "events.csv", "event_id", expected)
    problems += problems_at(
        events,
        ~has_dated & (events["date_note"] == ""),
        "events.csv",
        "date_note",
        "a note on how the interval was derived (no mention of this event has a date_text)",
    )
    problems += _attested_problems(events, start, end, attested, mentions, sources)
    return problems


def _unresolved_problems(mentions: pd.DataFrame, resolved: pd.DataFrame) -> list[Problem]:
    """Date words that do not resolve, with the resolver's reason."""
    unresolved = (mentions["date_text"] != "") & ~resolved["resolved"]
    return [
        Problem("mentions.csv", int(line), "date_text", value, f"a resolvable expression ({error})")
        for line, value, error in zip(
            mentions.loc[unresolved, "_line"],
            mentions.loc[unresolved, "date_text"],
            resolved.loc[unresolved, "error"],
            strict=True,
        )
    ]


def _ends_by_problems(
    events: pd.DataFrame,
    bound: pd.Series,
    allowed_end: pd.Series,
    has_dated: pd.Series,
    mentions: pd.DataFrame,
) -> list[Problem]:
    """``ends_by`` names a dated mention of another event, in an article that also mentions this
    event, whose last day (``bound``) comes before the end this event's own mentions allow
    (``allowed_end``, NaT: open), and a note says why this event is over by then."""
    named = events["ends_by"] != ""
    if not named.any():
        return []
    problems = []
    for wrong, expected in _ends_by_checks(events, bound, allowed_end, has_dated, mentions):
        problems += problems_at(events, named & wrong, "events.csv", "ends_by", expected)
    return problems + problems_at(
        events,
        named & (events["date_note"] == ""),
        "events.csv",
        "date_note",
        "a note on why the event is over by the end of the interval of the mention in ends_by",
    )


def _ends_by_checks(
    events: pd.DataFrame,
    bound: pd.Series,
    allowed_end: pd.Series,
    has_dated: pd.Series,
    mentions: pd.DataFrame,
) -> list[tuple[pd.Series, str]]:
    """What an ``ends_by`` must be, each with the events where it is not."""
    mention = by_id(mentions, "mention_id")
    named_event = events["ends_by"].map(mention["event_id"])
    # The named mention's article must be one that mentions this event.
    said_together = set(zip(mentions["event_id"].tolist(), mentions["source_id"].tolist(), strict=True))
    named_source = events["ends_by"].map(mention["source_id"])
    named_article = zip(events["event_id"].tolist(), named_source.tolist(), strict=True)
    shares_article = pd.Series([pair in said_together for pair in named_article], index=events.index)
    cuts = bound.notna() & allowed_end.notna() & (bound < allowed_end)
    return [
        (~has_dated, "an event with a dated mention (ends_by cuts the end its mentions' date words allow)"),
        (
            named_event == events["event_id"],
            "a mention of another event (a statement of the same article about what this one is for)",
        ),
        (
            ~shares_article,
            "a mention from an article that also mentions this event (ends_by narrows by another "
            "statement of the same article)",
        ),
        (bound.isna(), "a mention whose date_text gives a last day (this one has none, or leaves it open)"),
        (
            has_dated & bound.notna() & allowed_end.notna() & ~cuts,
            "a mention whose last day comes before the end the event's own mentions allow "
            "(this one cuts nothing)",
        ),
    ]


def _attested_problems(
    events: pd.DataFrame,
    start: pd.Series,
    end: pd.Series,
    attested: pd.Series,
    mentions: pd.DataFrame,
    sources: pd.DataFrame,
) -> list[Problem]:
    """An attested day is the date of the first article that mentions the event and lies inside
    its interval; an event with neither bound has one (else no chart could place it)."""
    file, column = "events.csv", "attested"
    given = attested.notna()
    problems = _first_article_problems(events, attested, mentions, sources)
    problems += problems_at(
        events,
        given & ((attested < start) | (attested > end)),
        file,
        column,
        "a day inside the event's interval (date_start to date_end)",
    )
    return problems + problems_at(
        events,
        ~given & start.isna() & end.isna(),
        file,
        column,
        "the day an article attests the event (it has neither date_start nor date_end: "
        "without a day no chart can place it)",
    )


def _first_article_problems(
    events: pd.DataFrame, attested: pd.Series, mentions: pd.DataFrame, sources: pd.DataFrame
) -> list[Problem]:
    """An attested day that is not the date of the first article that mentions the event."""
    first = with_published(mentions, sources).groupby("event_id")["published"].min()
    expected = pd.to_datetime(events["event_id"].map(first), format="%Y-%m-%d")
    wrong = attested.notna() & (attested != expected)
    return [
        Problem(
            "events.csv",
            int(line),
            "attested",
            value,
            f"{want:%Y-%m-%d}, the date of the first article that mentions this event"
            if pd.notna(want)
            else "no day (no article mentions this event)",
        )
        for line, value, want in zip(
            events.loc[wrong, "_line"], events.loc[wrong, "attested"], expected[wrong], strict=True
        )
    ]


def _interval_mismatches(frame: pd.DataFrame) -> list[Problem]:
    """Events whose dates are not what their dated mentions resolve to (an open bound: empty),
    an end cut where ``_ends_by`` names a mention."""
    problems = []
    for column, mine, theirs in (("date_start", "_start", "start"), ("date_end", "_end", "end")):
        same = (frame[mine] == frame[theirs]) | (frame[mine].isna() & frame[theirs].isna())
        differs = frame["_dated"] & ~same
        for line, value, want, event_id, ends_by in zip(
            frame.loc[differs, "_line"],
            frame.loc[differs, column],
            frame.loc[differs, theirs],
            frame.loc[differs, "event_id"],
            frame.loc[differs, "_ends_by"],
            strict=True,
        ):
            wanted = "empty (an open bound)" if pd.isna(want) else f"{want:%Y-%m-%d}"
            cut = f", the end cut at the last day of mention '{ends_by}' (ends_by)" if ends_by else ""
            problems.append(
                Problem(
                    "events.csv",
                    int(line),
                    column,
                    value,
                    f"{wanted}, what the date_text of the mentions of '{event_id}' resolves to "
                    f"(the intersection of their intervals{cut})",
                )
            )
    return problems


def _status_problems(events: pd.DataFrame, mentions: pd.DataFrame, sources: pd.DataFrame) -> list[Problem]:
    """One article reports one status per event; the event's is what the latest article reports."""
    statuses = mentions.groupby(["event_id", "source_id"])["reported_status"].transform("nunique")
    problems = problems_at(
        mentions,
        statuses > 1,
        "mentions.csv",
        "reported_status",
        "the same status as the article's other mentions of this event",
    )
    expected = events["event_id"].map(latest_statuses(mentions, sources)["status"])
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
    participants, mentions = raw["participants"], raw["mentions"]
    mention_event = participants["mention_id"].map(by_id(mentions, "mention_id")["event_id"])
    problems = problems_at(
        participants,
        mention_event != participants["event_id"],
        "participants.csv",
        "mention_id",
        "a mention of the same event",
    )
    sanctions = raw["sanctions"]
    in_quote = contains(sanctions["quote"].str.lower(), sanctions["item"])
    problems += problems_at(sanctions, ~in_quote, "sanctions.csv", "item", "an item the quote names")
    return problems + _fact_problems(raw)


def _fact_problems(raw: dict[str, pd.DataFrame]) -> list[Problem]:
    """The smaller tables' own links: a measure called the first says so in its quote, a field of
    joint activities is named in its quote and belongs to a cooperation event, a relation joins
    two actors."""
    sanctions, fields, events = raw["sanctions"], raw["cooperation_fields"], raw["events"]
    says_first = sanctions["quote"].str.lower().str.contains("first", regex=False)
    problems = problems_at(
        sanctions,
        (sanctions["novelty"] == "first") & ~says_first,
        "sanctions.csv",
        "novelty",
        "a quote in which the article calls the measure the first (it does not say 'first')",
    )
    named = contains(fields["quote"].str.lower(), fields["field"])
    problems += problems_at(fields, ~named, "cooperation_fields.csv", "field", "a field the quote names")
    kind = fields["event_id"].map(by_id(events, "event_id")["kind"])
    problems += problems_at(
        fields,
        kind != "cooperation",
        "cooperation_fields.csv",
        "event_id",
        "a cooperation event (kind cooperation in events.csv)",
    )
    relations = raw["relations"]
    return problems + problems_at(
        relations,
        relations["subject"] == relations["object"],
        "relations.csv",
        "object",
        "another actor than the subject",
    )


def _resolution_problems(resolutions: pd.DataFrame, events: pd.DataFrame, file: str) -> list[Problem]:
    """Trigger dates come in pairs, in order and before the adoption; the linked events' intervals
    hold the adoption day and the trigger dates."""
    first, last, adopted = (raw_days(resolutions, c) for c in ("trigger_first", "trigger_last", "adopted"))
    problems = problems_at(
        resolutions, first.isna() != last.isna(), file, "trigger_last", "both trigger dates or neither"
    )
    problems += problems_at(
        resolutions, last < first, file, "trigger_last", "a date on or after trigger_first"
    )
    problems += problems_at(resolutions, last > adopted, file, "trigger_last", "a date before the adoption")
    events = events.set_index("event_id")
    for column, inside in (("event_id", (adopted, adopted)), ("trigger_event_id", (first, last))):
        linked = resolutions[column] != ""
        lo = pd.to_datetime(resolutions[column].map(events["date_start"]), format="%Y-%m-%d")
        hi = pd.to_datetime(resolutions[column].map(events["date_end"]), format="%Y-%m-%d")
        outside = linked & ((inside[0] < lo) | (inside[1] > hi))
        problems += problems_at(
            resolutions, outside, file, column, "an event whose interval in events.csv holds these dates"
        )
    return problems


def _outcome_problems(outcomes: pd.DataFrame, file: str) -> list[Problem]:
    """An outcome found is dated, in order; one not found has no dates."""
    start, end = raw_days(outcomes, "date_start"), raw_days(outcomes, "date_end")
    found = outcomes["outcome"] != "not_found"
    problems = problems_at(
        outcomes, found & start.isna(), file, "date_start", "a date (the outcome is dated)"
    )
    problems += problems_at(outcomes, found & end.isna(), file, "date_end", "a date (the outcome is dated)")
    problems += problems_at(
        outcomes, ~found & (start.notna() | end.notna()), file, "date_start", "no dates for not_found"
    )
    return problems + problems_at(outcomes, end < start, file, "date_end", "a date on or after date_start")


def _context_problems(raw: dict[str, pd.DataFrame], resources: dict[str, Resource]) -> list[Problem]:
    """The context layer's own logic, and its agreement with the article-derived events."""
    problems = _resolution_problems(raw["resolutions"], raw["events"], resources["resolutions"].path)
    problems += _outcome_problems(raw["outcomes"], resources["outcomes"].path)
    problems += chronology_problems(raw, resources["chronology"].path)
    for name, resource in resources.items():
        if resource.layer == "context":
            frame = raw[name]
            late = raw_days(frame, "source_published") > raw_days(frame, "accessed")
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
    tables with their columns converted, so no date is parsed twice), in a fixed order."""
    root = data_dir.parent
    sources = raw["sources"]
    texts = source_texts(sources, root)
    events, mentions = raw["events"], raw["mentions"]
    start, end = typed["events"]["date_start"], typed["events"]["date_end"]
    attested = typed["events"]["attested"]
    checks: list[Callable[[], list[Problem]]] = [lambda: _seed_problems(sources, root)]
    checks += [
        lambda name=name, resource=resource: _evidence_problems(raw[name], resource, texts)
        for name, resource in resources.items()
        if resource.evidence
    ]
    checks += [
        lambda: _event_interval_problems(events, start, end),
        lambda: _date_text_problems(mentions),
        lambda: _event_date_problems(events, start, end, attested, mentions, sources),
        lambda: _status_problems(events, mentions, sources),
        lambda: _link_problems(raw),
        lambda: _context_problems(raw, resources),
    ]
    return [problem for check in checks for problem in check()]
