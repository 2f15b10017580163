"""Sentence coverage against what it stands for, on small texts written here: every non-blank
character of an article is in exactly one sentence; a sentence's share is the part of its
non-blank characters that some quote spans (every place the quote occurs); at half or more it is
covered, and page furniture over half of it makes it uncurated whatever the quotes say."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.analysis.coverage import (
    COLUMNS,
    COVERED_SHARE,
    passages,
    sentence_coverage,
    sentence_spans,
    split_sentences,
)
from helpers.data.load import data_package

WORDS = st.sampled_from(
    ["Abe", "met", "Putin", "U.N.", "Sept.", "3", "“sanctions”", "N.", "Korea", "in", "Tokyo"]
)
ENDS = st.sampled_from([".", "!", "?", ".”", ""])
# Between sentences: blanks, or a new paragraph that may start with blanks of its own.
BLANKS = st.sampled_from([" ", "  ", "\u00a0", "\t", " \u2003", "\n", "\n  ", "\n\t", "\n\n \u00a0"])
SENTENCE = st.builds(lambda words, end: " ".join(words) + end, st.lists(WORDS, min_size=1, max_size=5), ENDS)
TEXTS = st.builds(
    lambda lead, parts: lead + "".join(sentence + blank for sentence, blank in parts),
    st.sampled_from(["", "  ", "\t"]),
    st.lists(st.tuples(SENTENCE, BLANKS), max_size=6),
)


def solid(text: str) -> str:
    return re.sub(r"\s", "", text)


@given(text=TEXTS)
def test_every_non_blank_character_is_in_one_sentence_in_order(text):
    spans = sentence_spans(text)
    assert "".join(solid(sentence) for _, _, sentence in spans) == solid(text)
    after = [start for start, _, _ in spans[1:]] + [len(text)] * bool(spans)
    for (start, end, sentence), following in zip(spans, after, strict=True):
        assert text[start:end] == sentence == sentence.strip() != ""
        assert end <= following
        assert "\n" not in sentence  # a paragraph never shares a sentence
    assert split_sentences(text).to_dict("records") == [
        {"start": start, "end": end, "sentence": sentence} for start, end, sentence in spans
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Abe met Putin. They spoke.", ["Abe met Putin.", "They spoke."]),
        ("The U.N. voted. Russia agreed.", ["The U.N. voted.", "Russia agreed."]),
        ("On Sept. 3 it tested. Japan protested!", ["On Sept. 3 it tested.", "Japan protested!"]),
        (
            "In Sept. Japan protested. Dec. Talks followed.",
            ["In Sept. Japan protested.", "Dec. Talks followed."],
        ),
        (
            "N. Korea fired. “It is a threat.” Abe said.",
            ["N. Korea fired.", "“It is a threat.”", "Abe said."],
        ),
        ("He asked why? no answer.", ["He asked why? no answer."]),  # no capital: one sentence
        (
            "date 2017-09-19 Abe spoke.\n\n  Putin replied.  ",
            ["date 2017-09-19", "Abe spoke.", "Putin replied."],
        ),
        ("Mr. Abe arrived. Dr. Kim left.", ["Mr. Abe arrived.", "Dr. Kim left."]),
        ("", []),
    ],
)
def test_sentences_end_where_prose_ends_them(text, sentences):
    assert [sentence for _, _, sentence in sentence_spans(text)] == sentences


def covered_characters(text: str, quotes: list[str]) -> set[int]:
    """Every position some quote spans, by trying each quote at every position."""
    return {
        at + offset
        for quote in quotes
        if quote
        for at in range(len(text))
        if text.startswith(quote, at)
        for offset in range(len(quote))
    }


def expected_share(text: str, start: int, end: int, quotes: list[str]) -> float:
    covered = covered_characters(text, quotes)
    counted = [at for at in range(start, end) if not text[at].isspace()]
    return sum(at in covered for at in counted) / len(counted)


def tables_for(quotes: list[str], furniture: list[str], headline: str | None = None) -> dict:
    """The tables ``passages`` reads: one article a1, its quotes in mentions, its furniture."""
    none = pd.DataFrame({"source_id": [], "quote": []}, dtype="str")
    others = ("actors", "former_roles", "sanctions", "figures", "relations", "cooperation_fields")
    frame = dict.fromkeys(others, none)
    frame["mentions"] = pd.DataFrame({"source_id": ["a1"] * len(quotes), "quote": quotes}, dtype="str")
    frame["uncurated"] = pd.DataFrame({"source_id": ["a1"] * len(furniture), "text": furniture}, dtype="str")
    frame["sources"] = pd.DataFrame({"source_id": ["a1"], "headline": pd.Series([headline], dtype="str")})
    return frame


@given(text=TEXTS, data=st.data())
def test_each_sentences_share_and_status_are_its_quoted_characters(text, data):
    spans = sentence_spans(text)
    pieces = [text[a:b] for a in range(len(text)) for b in range(a + 1, min(len(text), a + 12) + 1)]
    quotes = data.draw(st.lists(st.sampled_from(pieces), max_size=4)) if pieces else []
    furniture = data.draw(st.lists(st.sampled_from(pieces), max_size=2)) if pieces else []
    found = sentence_coverage(tables_for(quotes, furniture), {"a1": text}, data_package())
    assert found.dtypes.astype(str).to_dict() == COLUMNS
    assert found["sentence_no"].tolist() == list(range(1, len(spans) + 1))
    assert found["sentence"].tolist() == [sentence for _, _, sentence in spans]
    for (start, end, _), share, status in zip(spans, found["covered_share"], found["status"], strict=True):
        quoted = expected_share(text, start, end, quotes)
        assert share == round(quoted, 3)
        if expected_share(text, start, end, furniture) >= COVERED_SHARE:
            assert status == "uncurated"
        else:
            assert status == ("covered" if quoted >= COVERED_SHARE else "uncovered")


@pytest.mark.parametrize(
    ("quote", "share", "status"),
    [
        ("Abe met", 0.5, "covered"),  # 6 of 12 characters, blanks aside: exactly half
        ("Abe me", 0.417, "uncovered"),  # 5 of 12
        ("Abe met Putin.", 1.0, "covered"),
        ("", 0.0, "uncovered"),
        ("Lavrov", 0.0, "uncovered"),  # not in the text
    ],
)
def test_half_of_a_sentence_is_enough_and_less_is_not(quote, share, status):
    found = sentence_coverage(tables_for([quote], []), {"a1": "Abe met Putin."}, data_package())
    assert found[["covered_share", "status"]].to_dict("records") == [
        {"covered_share": share, "status": status}
    ]


def test_furniture_over_half_a_sentence_makes_it_uncurated_even_when_quoted():
    text = "Share this story. Abe met Putin."
    found = sentence_coverage(tables_for([text], ["Share this"]), {"a1": text}, data_package())
    assert found["status"].tolist() == ["uncurated", "covered"]
    half = sentence_coverage(tables_for([], ["Abe met"]), {"a1": "Abe met Putin."}, data_package())
    assert half["status"].tolist() == ["uncurated"]  # 6 of 12 characters: half is enough
    less = sentence_coverage(tables_for([], ["Share th"]), {"a1": text}, data_package())  # 7 of 15
    assert less["status"].tolist() == ["uncovered", "uncovered"]


def test_a_quote_covers_every_place_it_occurs_and_the_headline_counts_as_a_quote():
    text = "Abe met Putin. Abe met Putin. Kono spoke."
    found = sentence_coverage(tables_for(["Abe met Putin."], [], "Kono spoke."), {"a1": text}, data_package())
    assert found["status"].tolist() == ["covered", "covered", "covered"]
    # Places that overlap: "mm" at 1 and at 2 of "Mmmm." covers three of its five characters.
    overlapping = sentence_coverage(tables_for(["mm"], []), {"a1": "Mmmm."}, data_package())
    assert overlapping["covered_share"].tolist() == [0.6]
    # A quote at three places marks all three: six of the nine characters that are not blank.
    thrice = sentence_coverage(tables_for(["ab"], []), {"a1": "ab ab ab cd."}, data_package())
    assert thrice["covered_share"].tolist() == [round(6 / 9, 3)]


def test_every_article_has_its_own_sentences_numbered_from_one():
    tables = tables_for(["Abe met Putin."], [])
    texts = {"a1": "Abe met Putin. Kono spoke.", "a2": "Lavrov left."}
    found = sentence_coverage(tables, texts, data_package())
    assert found[["source_id", "sentence_no", "status"]].to_dict("records") == [
        {"source_id": "a1", "sentence_no": 1, "status": "covered"},
        {"source_id": "a1", "sentence_no": 2, "status": "uncovered"},
        {"source_id": "a2", "sentence_no": 1, "status": "uncovered"},  # a1's quote is not a2's
    ]


def test_an_article_without_text_or_quotes_gives_typed_empty_rows():
    found = sentence_coverage(tables_for([], []), {"a1": ""}, data_package())
    assert found.empty and found.dtypes.astype(str).to_dict() == COLUMNS


def test_passages_are_every_evidence_tables_quotes_the_headlines_and_the_furniture():
    tables = tables_for(["Abe met Putin."], ["Share this"], None)
    tables["sanctions"] = pd.DataFrame({"source_id": ["a2"], "quote": ["a ban on coal"]}, dtype="str")
    found = passages(tables, data_package())
    rows = sorted(map(tuple, found[["source_id", "passage", "furniture"]].to_numpy().tolist()))
    # The headline is missing: no passage. Tables without an evidence (events) give none.
    assert rows == [
        ("a1", "Abe met Putin.", False),
        ("a1", "Share this", True),
        ("a2", "a ban on coal", False),
    ]
    tables["sources"] = pd.DataFrame({"source_id": ["a1"], "headline": ["Talks in Tokyo"]}, dtype="str")
    headline = passages(tables, data_package()).query("passage == 'Talks in Tokyo'")
    assert headline[["source_id", "furniture"]].to_dict("records") == [
        {"source_id": "a1", "furniture": False}
    ]
