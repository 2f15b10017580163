"""`curate add`: an article copied unedited into seeds/ with the next id, its hash and date in
sources.csv; a duplicate, an empty file and text that is not UTF-8 are refused, clearly."""

from __future__ import annotations

import csv
import hashlib
from datetime import date

import pytest

from helpers.curate.__main__ import main
from helpers.curate.add import CurateError, add_article
from helpers.data.load import load_tables

ARTICLE = "Kono and Lavrov met in Moscow on Friday.\n\nThey agreed to meet again soon.\n"


def sources(data):
    with (data / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_an_article_is_copied_unedited_and_recorded(data_copy, tmp_path):
    article = tmp_path / "kono-moscow.txt"
    article.write_bytes(ARTICLE.encode("utf-8"))
    before = [r["source_id"] for r in sources(data_copy)]
    new = f"{max(int(id_[1:]) for id_ in before) + 1:03d}"  # after the largest id: the data grows
    row = add_article(article, date(2017, 11, 25), outlet="Kyodo", headline="Kono in Moscow", data=data_copy)
    digest = hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert row["source_id"] == f"a{new}" and row["file"] == f"seeds/{new}_{digest[:16]}.txt"
    assert (data_copy.parent / row["file"]).read_bytes() == ARTICLE.encode("utf-8")
    last = sources(data_copy)[-1]
    assert (last["sha256"], last["published"], last["outlet"], last["headline"]) == (
        digest, "2017-11-25", "Kyodo", "Kono in Moscow",
    )  # fmt: skip
    assert len(load_tables(data_copy)["sources"]) == len(before) + 1  # the data stays valid


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        ("Lavrov's café".encode("cp1252"), r"not UTF-8 text \(byte 12: b.\\xe9.\)"),  # a Windows file
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(data_copy, tmp_path, content, message):
    article = tmp_path / "bad.txt"
    article.write_bytes(content)
    before = (data_copy / "sources.csv").read_bytes(), sorted((data_copy.parent / "seeds").iterdir())
    with pytest.raises(CurateError, match=message) as caught:
        add_article(article, date(2017, 11, 25), data=data_copy)
    assert str(article) in str(caught.value)
    assert (
        (data_copy / "sources.csv").read_bytes(),
        sorted((data_copy.parent / "seeds").iterdir()),
    ) == before


def test_an_article_already_there_is_refused(data_copy):
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    with pytest.raises(CurateError, match=r"already in the data as a001 \(seeds/001_43d3fd295df8e4e4.txt\)"):
        add_article(seed, date(2017, 9, 19), data=data_copy)


def test_the_command_says_the_refusal_in_one_line(data_copy, use_data, tmp_path, capsys):
    use_data(data_copy)
    article = tmp_path / "empty.txt"
    article.write_bytes(b"")
    assert main(["add", str(article), "--published", "2017-11-25"]) == 1
    err = capsys.readouterr().err
    assert err == f"curate: {article}: the file is empty\n"
