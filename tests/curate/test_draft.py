"""`curate draft`: one row per sentence and date expression, with the actors, the resolved dates,
a suggested kind and whether the data already quotes it; it writes nothing unless asked."""

from __future__ import annotations

import csv
import io

import pytest

from helpers.curate.__main__ import main
from helpers.curate.draft import COLUMNS
from helpers.data.timex import find_expressions

ARTICLE = (
    "Foreign Minister Taro Kono met Lavrov in Moscow on Friday.\n"
    "The Japanese and Russian sides will hold talks soon, in November or December.\n"
    "Patrushev may also attend.\n"
)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_new_article_is_drafted_sentence_by_sentence(tmp_path, capsys):
    article = tmp_path / "new.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["draft", str(article), "--published", "2017-11-25"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ",".join(COLUMNS)
    found = [
        (
            r["sentence"],
            r["actor_ids"],
            r["date_text"],
            r["date_start"],
            r["date_end"],
            r["precision"],
            r["kind"],
            r["covered"],
        )
        for r in rows(out)
    ]
    assert found == [
        ("1", "kono;lavrov", "Friday", "2017-11-24", "2017-11-24", "day", "meeting", "no"),
        ("2", "JPN;RUS", "soon", "2017-11-25", "..", "open", "talks", "no"),
        ("2", "JPN;RUS", "November or December", "2017-11-01", "2017-12-31", "interval", "talks", "no"),
        ("3", "patrushev", "", "", "", "", "", "no"),
    ]  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_article_in_the_data_says_which_sentences_are_quoted(capsys):
    assert main(["draft", "a001"]) == 0
    drafted = rows(capsys.readouterr().out)
    monday = next(r for r in drafted if r["date_text"] == "Monday")
    assert (
        monday["covered"] == "yes"
        and monday["date_start"] == "2017-09-18"
        and "lavrov" in monday["actor_ids"]
    )
    assert {r["covered"] for r in drafted} <= {"yes", "uncurated", "no"}


def test_out_writes_the_csv_there(tmp_path, capsys):
    out = tmp_path / "draft.csv"
    assert main(["draft", "a000", "--out", str(out)]) == 0
    assert rows(out.read_text(encoding="utf-8"))[0]["sentence"] == "1"
    assert capsys.readouterr().out == f"wrote {out}\n"


def test_a_file_without_a_date_is_refused(tmp_path, capsys):
    article = tmp_path / "new.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["draft", str(article)]) == 1
    assert "needs --published YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sentence", "expressions"),
    [
        ("Patrushev may also hold separate talks with Abe.", []),
        ("They met on Sept. 3 and again early next week.", ["Sept. 3", "early next week"]),
        ("The studies start in mid-October or November.", ["mid-October or November"]),
        (
            "It will end by the end of the year, not in the near future.",
            ["by the end of the year", "in the near future"],
        ),
        ("Five days ago, and again last Thursday, they spoke.", ["Five days ago", "last Thursday"]),
        ("The summit is planned for Oct. 3-4, 2017.", ["Oct. 3-4, 2017"]),
        ("They met in November or December, and again next week.", ["November or December", "next week"]),
        ("It was agreed in May.", ["May"]),
        ("It was agreed in Nov.", ["Nov."]),
        ("It was agreed in Sept.", ["Sept."]),
        ("It was agreed in June.", ["June"]),
    ],
)
def test_date_expressions_are_found_verbatim(sentence, expressions):
    found = find_expressions(sentence)
    assert found == expressions
    assert all(expression in sentence for expression in found)
