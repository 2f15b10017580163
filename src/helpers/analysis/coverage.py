"""Which sentences of each article does the curated data rest on?

Every sentence of substance must be covered by at least one quote; web-page
furniture (navigation, captions, social links) is listed in ``uncurated.csv``
and reported as such instead. A sentence counts as covered when quotes span at
least half of its non-blank characters: a quote of one clause of a long
sentence does not cover the rest of it.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.data.problems import Tables
from helpers.data.schema import Resource

COVERED_SHARE = 0.5
# What a sentence can be: quoted, page furniture, or a gap to curate.
STATUSES = ("covered", "uncurated", "uncovered")
# The columns of ``sentence_coverage`` and their types, which hold for no article too.
COLUMNS = {
    "source_id": "str",
    "sentence_no": "int64",
    "sentence": "str",
    "covered_share": "float64",
    "status": "str",
}
# A full stop after these does not end a sentence: initials and abbreviations
# such as "U.N.", "U.S.", "N. Korea", "Sept. 3".
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.)+$|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St)\.$")
_BOUNDARY = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z])")
# The dateline some seed files carry in front of the first sentence ("date 2017-09-19 ...").
_DATELINE = re.compile(r"\s*date \d{4}-\d{2}-\d{2}\s+")


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """Split an article into sentences with their character offsets: (start, end, sentence).

    Paragraphs (lines) never share a sentence; inside a paragraph a sentence
    ends at ., ! or ? (and any closing quote) before a capital letter, unless
    the full stop belongs to an abbreviation. A leading dateline is a segment
    of its own.
    """
    rows = []
    for line in re.finditer(r"[^\n]+", text):
        offset = line.start()
        body = line.group()
        start = 0
        if dateline := _DATELINE.match(body):
            rows.append((offset, offset + dateline.end()))
            start = dateline.end()
        for boundary in _BOUNDARY.finditer(body):
            candidate = body[start : boundary.start() + 1]
            if _ABBREVIATION.search(candidate):
                continue
            rows.append((offset + start, offset + boundary.end()))
            start = boundary.end()
        rows.append((offset + start, offset + len(body)))
    spans = []
    for begin, end in rows:
        sentence = text[begin:end]
        stripped = sentence.strip()
        if stripped:
            lead = len(sentence) - len(sentence.lstrip())
            spans.append((begin + lead, begin + lead + len(stripped), stripped))
    return spans


def split_sentences(text: str) -> pd.DataFrame:
    """The sentences of an article (``sentence_spans``) as a table: ``start``, ``end``, ``sentence``."""
    return pd.DataFrame(sentence_spans(text), columns=["start", "end", "sentence"])


def _marked(text: str, passages: list[str]) -> list[bool]:
    """Per character of ``text``, whether one of ``passages`` spans it (at every place it occurs)."""
    marked = [False] * len(text)
    for passage in set(passages) - {""}:
        at = text.find(passage)
        while at != -1:
            marked[at : at + len(passage)] = [True] * len(passage)
            at = text.find(passage, at + 1)
    return marked


def _share(solid: list[int], marked: list[bool]) -> float:
    """The share of the characters at ``solid`` (a sentence's, blanks aside) that are ``marked``."""
    return sum(marked[at] for at in solid) / len(solid)


def _sentence_statuses(
    text: str, spans: list[tuple[int, int, str]], quotes: list[str], furniture: list[str]
) -> tuple[list[float], list[str]]:
    """Per sentence of ``text``, the share of its characters (blanks aside) that quotes cover, and
    its status: uncurated where furniture covers enough of it, else covered or uncovered."""
    quoted, listed = _marked(text, quotes), _marked(text, furniture)
    shares, statuses = [], []
    for start, end, _ in spans:
        solid = [at for at in range(start, end) if not text[at].isspace()]
        share = _share(solid, quoted)
        shares.append(round(share, 3))
        if _share(solid, listed) >= COVERED_SHARE:
            statuses.append("uncurated")
        else:
            statuses.append("covered" if share >= COVERED_SHARE else "uncovered")
    return shares, statuses


def passages(tables: Tables, resources: dict[str, Resource]) -> pd.DataFrame:
    """Every passage a sentence can be covered by, with its article (``source_id``): the quotes of
    each table ``resources`` names an evidence for, the headlines, and (``furniture``) the page
    furniture listed in uncurated.csv."""
    frames = [
        pd.DataFrame(
            {
                "source_id": tables[name][resource.evidence["source"]],
                "passage": tables[name][resource.evidence["text"]],
                "furniture": name == "uncurated",
            }
        )
        for name, resource in resources.items()
        if resource.evidence
    ]
    headlines = tables["sources"][["source_id", "headline"]].rename(columns={"headline": "passage"})
    frames.append(headlines.assign(furniture=False))
    return pd.concat(frames, ignore_index=True).dropna(subset=["passage"])


def sentence_coverage(tables: Tables, texts: dict[str, str], resources: dict[str, Resource]) -> pd.DataFrame:
    """One row per sentence of every article (``texts``, by source id): its text, covered share
    and status, against the ``passages`` of the tables ``resources`` names an evidence for.

    ``status`` is ``covered`` (quotes span at least half of it), ``uncurated``
    (page furniture listed in uncurated.csv) or ``uncovered`` (a gap to curate).
    """
    found = passages(tables, resources)
    quotes: dict[str, list[str]] = {source_id: [] for source_id in texts}
    furniture: dict[str, list[str]] = {source_id: [] for source_id in texts}
    # One pass in Python: a groupby into lists is a Python call per article.
    columns = (found[column].tolist() for column in ("source_id", "passage", "furniture"))
    for source_id, passage, page in zip(*columns, strict=True):
        if source_id in texts:
            (furniture if page else quotes)[source_id].append(passage)
    rows = []
    for source_id, text in texts.items():
        spans = sentence_spans(text)
        shares, statuses = _sentence_statuses(text, spans, quotes[source_id], furniture[source_id])
        numbered = enumerate(zip(spans, shares, statuses, strict=True), 1)
        rows += [(source_id, n, span[2], share, status) for n, (span, share, status) in numbered]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)
