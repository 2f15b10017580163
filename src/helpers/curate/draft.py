"""Draft an article: its sentences, with the actors, date expressions and event kinds found in
each, the events of the data they may update, whether the curated data already quotes them, and
the next free mention ids. A starting point for curating by hand: every suggestion is to be
checked against the sentence."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd

from helpers.analysis.coverage import sentence_coverage, split_sentences
from helpers.curate.kinds import kind_of
from helpers.curate.updates import next_free, updated_events
from helpers.data.dates import UnresolvableDate, resolve
from helpers.data.load import article_texts, data_package
from helpers.data.problems import Tables
from helpers.data.timex import find_expressions

COLUMNS = [
    "sentence",
    "text",
    "actor_ids",
    "date_text",
    "date_start",
    "date_end",
    "precision",
    "kind",
    "covered",
    "part",
    "updates",
    "mention_id",
]
# A number that names something is no year: "resolution 2375", "flight 2017", "No. 2018", "$2017";
# nor is each number of a list of them ("resolutions 2371, 2375 and 2397").
NAMING = r"resolution|unscr|flight|article|paragraph|chapter|section|clause|annex|page|item|route|number"
NAMED_NUMBER = re.compile(
    rf"(?:\b(?:{NAMING})s?|\bnos?\.|#|[$€£¥])\s*(?:\d+\s*(?:,\s*(?:and|or)?|and|or|&)\s*)*$", re.IGNORECASE
)


def actor_names(actors: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, actor id) pairs to look for: full names, surnames of people, and aliases."""
    names = []
    for row in actors.itertuples():
        names.append((row.name, row.actor_id))
        if row.kind == "person":
            names.append((row.name.split()[-1], row.actor_id))
        aliases = getattr(row, "aliases", "")
        names += [
            (alias.strip(), row.actor_id)
            for alias in (aliases if isinstance(aliases, str) else "").split(";")
        ]
    return [(name, actor) for name, actor in names if name]


def actors_in(sentence: str, names: list[tuple[str, str]]) -> str:
    found = [actor for name, actor in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence)]
    return ";".join(dict.fromkeys(found))


def dates_in(sentence: str) -> list[str]:
    """The sentence's date expressions, verbatim and in order, less the numbers that name
    something (``NAMED_NUMBER``): those are no years."""
    found, start = [], 0
    for expression in find_expressions(sentence):
        at = sentence.find(expression, start)
        start = at + len(expression)
        if not re.fullmatch(r"\d+(?: or \d+)*", expression) or not NAMED_NUMBER.search(sentence[:at]):
            found.append(expression)
    return found


def _dated(expression: str, anchor: date) -> list[str]:
    """date_start, date_end, precision: '..' for an open bound; the refusal if it names no day."""
    try:
        interval = resolve(expression, anchor)
    except UnresolvableDate as error:
        return ["", "", f"error: {error}"]
    return [str(interval.start or ".."), str(interval.end or ".."), interval.precision]


def headline_of(text: str, headline: str) -> str:
    """The article's headline: the one its row in sources.csv gives, else, for a new file, a first
    line with no full stop that a sentence follows (as wire copy and web pages set it)."""
    if headline:
        return headline.strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if len(lines) > 1 else ""
    return first if first and first[-1] not in '.!?"”’' and len(first.split()) <= 20 else ""


def sentence_rows(
    sentence: str, published: date, tables: Tables, names: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """The fields of one sentence of the body: one row per date expression (one, with empty date
    fields, where it has none), each with the events of the data that it may update."""
    actors = actors_in(sentence, names)
    rows = []
    for expression in dates_in(sentence) or [""]:
        start, end, precision = _dated(expression, published) if expression else ["", "", ""]
        rows.append(
            {"actor_ids": actors, "date_text": expression, "date_start": start, "date_end": end,
             "precision": precision, "kind": kind_of(sentence), "part": "body",
             "updates": updated_events(tables, actors, start, end) if expression else ""}
        )  # fmt: skip
    return rows


def draft_rows(
    text: str, published: date, tables: Tables, covered: dict[str, str], headline: str = ""
) -> list[list[str]]:
    """One row per sentence and date expression, in ``COLUMNS``' order. ``covered`` maps a
    sentence's text to yes (the data quotes it), uncurated (listed as page furniture) or no; a
    sentence it does not know is no. The headline (``headline_of``) is a row of its own, with its
    actors and nothing else: a headline is no statement to date or to take a kind from. Each body
    row not quoted yet gets the next free mention id."""
    names = actor_names(tables["actors"])
    title = headline_of(text, headline)
    fresh = next_free(tables["mentions"]["mention_id"], "m")
    rows = []
    for number, sentence in enumerate(split_sentences(text)["sentence"], 1):
        sentence = sentence.strip()
        state = covered.get(sentence, "no")
        if sentence == title:
            found = [{"actor_ids": actors_in(sentence, names), "part": "headline"}]
        else:
            found = [row | {"mention_id": next(fresh) if state == "no" else ""} for row in
                     sentence_rows(sentence, published, tables, names)]  # fmt: skip
        for row in found:
            fields = (
                dict.fromkeys(COLUMNS, "")
                | row
                | {"sentence": str(number), "text": sentence, "covered": state}
            )
            rows.append([fields[column] for column in COLUMNS])
    return rows


COVERED = {"covered": "yes", "uncurated": "uncurated", "uncovered": "no"}


def coverage_of(tables: Tables, source_id: str | None) -> dict[str, str]:
    """Whether the data quotes each sentence of a source already in it (nothing for a new file)."""
    if source_id is None:
        return {}
    sentences = sentence_coverage(tables, article_texts(tables["sources"]), data_package())
    own = sentences.loc[sentences["source_id"] == source_id]
    return {
        text.strip(): COVERED[status] for text, status in zip(own["sentence"], own["status"], strict=True)
    }


def as_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()
