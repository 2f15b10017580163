"""``make check``: the data is valid, and every sentence of each article is quoted by a row or
listed as page furniture.

A sentence no row quotes is not wrong data, so it is a warning while an article is being curated;
``--strict`` (``make check STRICT=1``) makes it an error, as the tests do, for a curation called
done.
"""

from __future__ import annotations

import sys

import pandas as pd

from helpers.analysis.coverage import sentence_coverage
from helpers.data.__main__ import checked_tables
from helpers.data.load import Tables, article_texts, data_package


def uncovered_sentences(tables: Tables) -> pd.DataFrame:
    """The sentences no row quotes and no furniture row lists, with their article's file:
    ``source_id``, ``file``, ``sentence_no``, ``sentence``."""
    sentences = sentence_coverage(tables, article_texts(tables["sources"]), data_package())
    files = tables["sources"][["source_id", "file"]]
    gaps = sentences.loc[sentences["status"] == "uncovered", ["source_id", "sentence_no", "sentence"]]
    return gaps.merge(files, on="source_id", how="left")[["source_id", "file", "sentence_no", "sentence"]]


def gap_lines(gaps: pd.DataFrame, level: str) -> list[str]:
    """One line per uncovered sentence: the article's file and id, the sentence's number (as
    ``make draft`` numbers them) and its first words."""
    return [
        f"make check: {level}: {row.file} ({row.source_id}), sentence {row.sentence_no}: "
        f"quoted by no row and not listed in uncurated.csv: {_opening(row.sentence)!r}"
        for row in gaps.itertuples()
    ]


def _opening(sentence: str, width: int = 80) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"


def main(strict: bool = False) -> int:
    """``python -m helpers.data``'s check, then the uncovered sentences; 1 on a problem, or on an
    uncovered sentence when ``strict``."""
    tables = checked_tables()
    if tables is None:
        return 1
    gaps = uncovered_sentences(tables)
    for line in gap_lines(gaps, "error" if strict else "warning"):
        print(line, file=sys.stderr)
    if len(gaps):
        articles = gaps["source_id"].nunique()
        print(
            f"make check: {len(gaps)} sentence(s) of {articles} article(s) quoted by no row", file=sys.stderr
        )
    return 1 if strict and len(gaps) else 0
