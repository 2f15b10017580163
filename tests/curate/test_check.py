"""`make check`: the data's problems, then a warning per sentence no row quotes, naming the
article's file and id and the sentence's number; `STRICT=1` (``--strict``) makes them errors."""

from __future__ import annotations

import pandas as pd
import pytest
from support import read_rows, write_rows

from helpers.analysis.coverage import split_sentences
from helpers.curate.__main__ import main
from helpers.curate.check import gap_lines


def unlist(data, source_id: str, sentence: str) -> None:
    """Drop the row of uncurated.csv that lists ``sentence`` as page furniture: no row covers it."""
    rows = read_rows(data / "uncurated.csv")
    write_rows(
        data / "uncurated.csv", [r for r in rows if (r["source_id"], r["text"]) != (source_id, sentence)]
    )


def number_of(data, source_id: str, sentence: str) -> int:
    """The sentence's number in its article, counted by hand from the article's sentences."""
    file = next(r["file"] for r in read_rows(data / "sources.csv") if r["source_id"] == source_id)
    text = (data.parent / file).read_text(encoding="utf-8")
    return split_sentences(text)["sentence"].tolist().index(sentence) + 1


FURNITURE = "The Mainichi on social media"


def test_the_data_as_curated_has_no_warning(capsys):
    assert main(["check"]) == 0 and main(["check", "--strict"]) == 0
    said = capsys.readouterr()
    assert "is valid" in said.out and said.err == ""


@pytest.mark.parametrize(("flag", "level", "code"), [([], "warning", 0), (["--strict"], "error", 1)])
def test_an_unquoted_sentence_is_named_with_its_article_and_number(
    data_copy, use_data, capsys, flag, level, code
):
    number = number_of(data_copy, "a000", FURNITURE)
    unlist(data_copy, "a000", FURNITURE)
    use_data(data_copy)
    assert main(["check", *flag]) == code
    said = capsys.readouterr()
    assert "is valid" in said.out
    lines = said.err.splitlines()
    assert lines[0].startswith(
        f"make check: {level}: seeds/000_11f20d2174864b71.txt (a000), sentence {number}: "
    )
    assert lines[0].endswith(f"quoted by no row and not listed in uncurated.csv: {FURNITURE!r}")
    assert lines[1:] == ["make check: 1 sentence(s) of 1 article(s) quoted by no row"]


def test_invalid_data_says_its_problems_and_no_warning(data_copy, use_data, capsys):
    mentions = read_rows(data_copy / "mentions.csv")
    mentions[0]["date_text"] = "Fridya"
    write_rows(data_copy / "mentions.csv", mentions)
    use_data(data_copy)
    assert main(["check"]) == 1
    said = capsys.readouterr()
    assert "mentions.csv, line 2, column 'date_text': value 'Fridya'" in said.err
    assert "warning" not in said.err and said.out == ""


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("a" * 80, "a" * 80),  # 80 characters: whole
        ("a" * 81, "a" * 79 + "…"),  # longer: its first 79 and an ellipsis, 80 in all
        ("b" * 78 + "  cd", "b" * 78 + "…"),  # the blanks before the cut are dropped
    ],
)
def test_a_long_sentence_is_shown_by_its_first_eighty_characters(sentence, shown):
    gaps = pd.DataFrame(
        {"source_id": ["a001"], "file": ["seeds/x.txt"], "sentence_no": [3], "sentence": [sentence]}
    )
    assert gap_lines(gaps, "warning") == [
        f"make check: warning: seeds/x.txt (a001), sentence 3: quoted by no row and not listed in "
        f"uncurated.csv: {shown!r}"
    ]
